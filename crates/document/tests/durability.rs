//! What the README promises about the file: once editing pauses, the `.topo` alone holds every
//! edit (its write-ahead log folded in and synced).

mod common;

use std::time::Duration;
use topograph_document::Document;
use topograph_model::Op;

#[test]
fn after_a_pause_the_topo_file_alone_holds_every_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.topo");
    let mut doc = Document::create(&path).unwrap();
    common::small(&mut doc);
    doc.apply(Op::CreateScenario {
        name: "Plan".into(),
    })
    .unwrap();
    let wal = dir.path().join("doc.topo-wal");
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the edits are in the log"
    );
    assert!(
        !doc.checkpoint_if_idle(Duration::from_secs(3600)).unwrap(),
        "not yet due"
    );
    assert!(doc.checkpoint_if_idle(Duration::ZERO).unwrap());
    assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0, "folded in");
    assert!(
        !doc.checkpoint_if_idle(Duration::ZERO).unwrap(),
        "nothing left to fold in"
    );
    // The file copied alone, as a backup of just the .topo would take it.
    let copy = dir.path().join("backup.topo");
    std::fs::copy(&path, &copy).unwrap();
    let backup = Document::open(&copy).unwrap();
    assert!(backup.scenario_by_name("Plan").is_some());
    assert_eq!(backup.org(), doc.org());
}
