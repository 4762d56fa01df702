//! The `topograph` binary as scripts use it: outputs, JSON keys, exit codes, untouched files.

mod common;
use common::{ok, topograph};

use std::path::Path;

fn info_json(file: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(&["info", file.to_str().unwrap(), "--json"])).unwrap()
}

#[test]
fn new_creates_an_empty_document_with_one_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    ok(&["new", file.to_str().unwrap()]);
    let info = info_json(&file);
    assert_eq!(info["people"], 0);
    assert_eq!(info["scenarios"], serde_json::json!(["Current"]));
    assert_eq!(info["schema_version"], topograph_document::SCHEMA_VERSION);
}

#[test]
fn info_json_has_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.topo");
    ok(&["sample", file.to_str().unwrap()]);
    let info = info_json(&file);
    for key in [
        "people",
        "open_positions",
        "units",
        "areas",
        "interactions",
        "scenarios",
        "schema_version",
    ] {
        assert!(info.get(key).is_some(), "missing key {key} in {info}");
    }
    assert!(info["scenarios"].is_array());
}

#[test]
fn the_sample_is_a_realistic_org() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.topo");
    ok(&["sample", file.to_str().unwrap()]);
    let info = info_json(&file);
    let people = info["people"].as_u64().unwrap();
    assert!((120..=180).contains(&people), "{people} people");
    assert!(info["open_positions"].as_u64().unwrap() >= 2);
    assert!(info["units"].as_u64().unwrap() >= 15);
    assert!(info["areas"].as_u64().unwrap() >= 30);
    assert!(info["interactions"].as_u64().unwrap() >= 3);
}

#[test]
fn generate_makes_exactly_the_people_asked_for_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.topo");
    let b = dir.path().join("b.topo");
    ok(&[
        "generate",
        a.to_str().unwrap(),
        "--people",
        "500",
        "--seed",
        "7",
    ]);
    ok(&[
        "generate",
        b.to_str().unwrap(),
        "--people",
        "500",
        "--seed",
        "7",
    ]);
    let (ia, ib) = (info_json(&a), info_json(&b));
    assert_eq!(ia["people"], 500);
    for key in [
        "open_positions",
        "units",
        "areas",
        "interactions",
        "memberships",
    ] {
        assert_eq!(ia[key], ib[key], "{key} differs for the same seed");
    }
}

#[test]
fn text_info_reads_like_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.topo");
    ok(&["sample", file.to_str().unwrap()]);
    let text = ok(&["info", file.to_str().unwrap()]);
    assert!(text.contains("people:"), "{text}");
    assert!(text.contains("scenarios:       Current"), "{text}");
}

#[test]
fn undo_and_redo_with_nothing_to_do_fail_with_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    ok(&["new", file.to_str().unwrap()]);
    for cmd in ["undo", "redo"] {
        let out = topograph(&[cmd, file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("nothing to {cmd}")), "{err}");
    }
}

#[test]
fn missing_garbage_and_newer_files_exit_2_and_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.topo");
    let out = topograph(&["info", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.topo"));
    assert!(!missing.exists(), "info must not create the file");

    let garbage = dir.path().join("garbage.topo");
    let bytes = b"this is not an org, just some words that fill more than one hundred bytes of a file so it looks plausible".repeat(3);
    std::fs::write(&garbage, &bytes).unwrap();
    for cmd in ["info", "undo", "redo"] {
        let out = topograph(&[cmd, garbage.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a Topograph document"), "{err}");
        assert_eq!(std::fs::read(&garbage).unwrap(), bytes);
    }

    let newer = dir.path().join("newer.topo");
    ok(&["new", newer.to_str().unwrap()]);
    {
        let c = rusqlite_like_bump(&newer);
        assert!(c);
    }
    let before = std::fs::read(&newer).unwrap();
    let out = topograph(&["info", newer.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer"));
    assert_eq!(std::fs::read(&newer).unwrap(), before);
}

/// Sets the schema version in the file header to one this build does not know (offset 60,
/// big-endian), as a newer Topograph would.
fn rusqlite_like_bump(path: &Path) -> bool {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(path, bytes).is_ok()
}

#[test]
fn creating_over_an_existing_file_fails_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("keep.topo");
    std::fs::write(&file, b"mine").unwrap();
    for args in [
        vec!["new", file.to_str().unwrap()],
        vec!["sample", file.to_str().unwrap()],
        vec!["generate", file.to_str().unwrap(), "--people", "10"],
    ] {
        let out = topograph(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("exists"));
        assert_eq!(std::fs::read(&file).unwrap(), b"mine");
    }
}

#[test]
fn a_document_open_in_another_process_is_reported_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("busy.topo");
    ok(&["new", file.to_str().unwrap()]);
    let _held = topograph_document::Document::open(&file).unwrap();
    let out = topograph(&["info", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("in_use") && err.contains("open in another"),
        "{err}"
    );
}

#[test]
fn repair_writes_a_new_file_listing_its_changes_and_leaves_the_original_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.topo");
    ok(&["sample", file.to_str().unwrap()]);
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute_batch(
            "UPDATE person SET manager_id = (SELECT p.id FROM person p WHERE p.manager_id = person.id LIMIT 1) \
             WHERE manager_id IS NULL;",
        )
        .unwrap();
    let before = std::fs::read(&file).unwrap();
    let refused = topograph(&["info", file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    let out = dir.path().join("s (repaired).topo");
    let answer: serde_json::Value = serde_json::from_str(&ok(&[
        "repair",
        file.to_str().unwrap(),
        out.to_str().unwrap(),
        "--json",
    ]))
    .unwrap();
    let changes = answer["changes"].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.as_str().unwrap().contains("reporting loop")),
        "{answer}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before, "byte for byte");
    assert_eq!(
        info_json(&out)["people"],
        topograph_sample::sample().persons().count()
    );
    let again = topograph(&["repair", file.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1), "the copy is never replaced");
}
