//! A repaired copy of a refused file: a new file beside it that opens, says what it changed,
//! and leaves the original byte for byte as it was.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use topograph_document::{repair, Document};
use topograph_model::{ErrorCode, Op};

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.topo");
    let mut doc = Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
    doc.apply(Op::CreateScenario {
        name: "Plan B".into(),
    })
    .unwrap();
    drop(doc);
    path
}

fn tamper(path: &Path, sql: &str) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON; {sql}"
    ))
    .unwrap();
}

/// Every file in the folder with its bytes.
fn folder(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

const ROOT_REPORTS_TO_A_REPORT: &str = "UPDATE person SET manager_id = \
    (SELECT p.id FROM person p WHERE p.manager_id = person.id AND p.scenario_id = person.scenario_id LIMIT 1) \
    WHERE manager_id IS NULL AND id = (SELECT min(id) FROM person WHERE manager_id IS NULL);";

#[test]
fn each_refused_shape_is_repaired_into_a_new_file_that_opens_and_the_original_is_untouched() {
    let shapes = [
        ("reporting loop", ROOT_REPORTS_TO_A_REPORT, "reporting loop"),
        (
            "unit loop",
            "UPDATE unit SET parent_id = (SELECT c.id FROM unit c WHERE c.parent_id = unit.id LIMIT 1) \
             WHERE id = (SELECT parent_id FROM unit WHERE parent_id IS NOT NULL LIMIT 1);",
            "unit loop",
        ),
        (
            "missing unit",
            "UPDATE membership SET unit_id = 999999 WHERE (scenario_id, person_id, unit_id) = (SELECT scenario_id, person_id, unit_id FROM membership LIMIT 1);",
            "left out",
        ),
        (
            "allocation",
            "UPDATE membership SET allocation = 5000 WHERE (scenario_id, person_id, unit_id) = (SELECT scenario_id, person_id, unit_id FROM membership LIMIT 1);",
            "is now 100%",
        ),
        (
            "huge id",
            "UPDATE unit SET lead_id = 4000000000 WHERE lead_id = (SELECT min(id) FROM person WHERE manager_id IS NULL); \
             UPDATE membership SET person_id = 4000000000 WHERE person_id = (SELECT min(id) FROM person WHERE manager_id IS NULL); \
             UPDATE dotted_line SET manager_id = 4000000000 WHERE manager_id = (SELECT min(id) FROM person WHERE manager_id IS NULL); \
             UPDATE person SET manager_id = 4000000000 WHERE manager_id = (SELECT min(id) FROM person WHERE manager_id IS NULL); \
             UPDATE person SET id = 4000000000 WHERE id = (SELECT min(id) FROM person WHERE manager_id IS NULL);",
            "id 4000000000 (out of range) is now",
        ),
        (
            "id counter",
            "UPDATE meta SET value = '3' WHERE key = 'next_id';",
            "undo history",
        ),
    ];
    for (name, sql, said) in shapes {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_file(dir.path());
        tamper(&path, sql);
        let e = Document::open(&path).err().expect(name);
        assert_eq!(e.code, ErrorCode::Corrupt, "{name}: {e:?}");
        let before = folder(dir.path());
        assert!(repair::repairable(&path), "{name}");
        let copy = repair::repaired_path(&path);
        assert_eq!(copy, dir.path().join("sample (repaired).topo"));
        let changes = repair::repair(&path, &copy).unwrap();
        assert!(
            changes.iter().any(|c| c.contains(said)),
            "{name}: {changes:?}"
        );
        let mut after = folder(dir.path());
        after.retain(|(p, _)| p != &copy);
        assert_eq!(after, before, "{name}: the original is as it was");
        let doc = Document::open(&copy).unwrap();
        assert_eq!(doc.scenarios().len(), 2, "{name}: every scenario kept");
        assert_eq!(doc.scenarios()[1].name, "Plan B");
        assert!(doc.history().unwrap().undo.is_none(), "{name}: no history");
        assert!(
            doc.org().persons().count() >= topograph_sample::sample().persons().count() - 1,
            "{name}: the people are there"
        );
    }
}

#[test]
fn a_reporting_loop_is_broken_at_the_person_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    tamper(&path, ROOT_REPORTS_TO_A_REPORT);
    let copy = dir.path().join("repaired.topo");
    let changes = repair::repair(&path, &copy).unwrap();
    let line = changes
        .iter()
        .find(|c| c.starts_with("scenario 'Current': reporting loop "))
        .expect("the loop is listed");
    let named = line
        .split(" broken: ")
        .nth(1)
        .and_then(|rest| rest.strip_suffix(" now reports to no one"))
        .expect("it names who");
    let doc = Document::open(&copy).unwrap();
    let person = doc
        .org()
        .persons()
        .find(|p| p.display_name() == named)
        .expect("that person is there");
    assert_eq!(person.manager, None);
}

#[test]
fn a_file_too_damaged_to_read_is_not_repaired_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    tamper(
        &path,
        "CREATE TRIGGER t AFTER INSERT ON person BEGIN DELETE FROM unit; END;",
    );
    let before = folder(dir.path());
    assert!(!repair::repairable(&path));
    let copy = dir.path().join("repaired.topo");
    let e = repair::repair(&path, &copy).unwrap_err();
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("cannot be repaired"), "{}", e.message);
    assert_eq!(folder(dir.path()), before, "no copy, no temporary file");
}

#[test]
fn a_repair_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    tamper(&path, ROOT_REPORTS_TO_A_REPORT);
    let e = repair::repair(&path, &path).unwrap_err();
    assert_eq!(e.code, ErrorCode::FileExists);
}
