//! Health-check settings: stored in the document, changed by an undoable op, kept across restarts.

use std::collections::BTreeMap;
use topograph_document::Document;
use topograph_model::{CheckSettings, ErrorCode, Op};

fn stricter_teams() -> CheckSettings {
    let mut settings = CheckSettings::default();
    settings.disabled.insert("team-type-mix".into());
    settings.thresholds.insert(
        "team-size".into(),
        BTreeMap::from([("max".to_string(), 7.0)]),
    );
    settings.span_preset = Some("coach".into());
    settings
}

#[test]
fn a_new_document_has_the_default_settings() {
    let doc = Document::in_memory().unwrap();
    assert_eq!(doc.check_settings().unwrap(), CheckSettings::default());
}

#[test]
fn settings_survive_a_restart_and_undo_restores_the_previous_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.topo");
    let mut doc = Document::create(&path).unwrap();
    let applied = doc
        .apply(Op::SetCheckSettings {
            settings: stricter_teams(),
        })
        .unwrap();
    assert_eq!(applied.label, "Change check settings");
    assert!(applied.changes.is_empty(), "settings are no org record");
    drop(doc);

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.check_settings().unwrap(), stricter_teams());
    assert_eq!(
        doc.history().unwrap().undo.as_deref(),
        Some("Change check settings")
    );
    doc.undo().unwrap();
    assert_eq!(doc.check_settings().unwrap(), CheckSettings::default());
    doc.redo().unwrap();
    assert_eq!(doc.check_settings().unwrap(), stricter_teams());
}

#[test]
fn setting_the_same_settings_again_adds_no_history() {
    let mut doc = Document::in_memory().unwrap();
    doc.apply(Op::SetCheckSettings {
        settings: CheckSettings::default(),
    })
    .unwrap();
    assert_eq!(doc.history().unwrap().undo, None);
}

#[test]
fn settings_cannot_be_part_of_a_batch() {
    let mut doc = Document::in_memory().unwrap();
    let e = doc
        .apply(Op::Batch {
            label: "x".into(),
            ops: vec![Op::SetCheckSettings {
                settings: stricter_teams(),
            }],
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
    assert_eq!(doc.check_settings().unwrap(), CheckSettings::default());
}
