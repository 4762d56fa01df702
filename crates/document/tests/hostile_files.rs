//! Files made to do harm, or damaged in ways the page checks cannot see: each is refused with a
//! `{code, message}` that names what is wrong, before anything is written to it.

mod common;

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use topograph_document::{Document, SCHEMA_VERSION};
use topograph_model::{ErrorCode, Op};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A closed document holding the sample org.
fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("sample.topo");
    drop(Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap());
    path
}

/// Changes a closed document with plain SQL, as another tool (or an attacker) could.
fn tamper(path: &Path, sql: &str) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .unwrap();
}

fn refused(path: &Path) -> topograph_model::Error {
    match Document::open(path) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    }
}

fn side_files(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    v.sort();
    v
}

fn root_and_report(path: &Path) -> (i64, i64, String, String) {
    let c = Connection::open(path).unwrap();
    c.query_row(
        "SELECT m.id, p.id, m.name, p.name FROM person p JOIN person m \
         ON m.id = p.manager_id AND m.scenario_id = p.scenario_id \
         WHERE m.manager_id IS NULL LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .unwrap()
}

#[test]
fn a_reporting_loop_written_with_sql_is_refused_and_named() {
    let dir = temp();
    let path = sample_file(dir.path());
    let (root, report, root_name, report_name) = root_and_report(&path);
    tamper(
        &path,
        &format!("UPDATE person SET manager_id = {report} WHERE id = {root};"),
    );
    let before = side_files(&path);
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("reporting loop: "), "{}", e.message);
    assert!(
        e.message
            .contains(&format!("{root_name} → {report_name} → {root_name}"))
            || e.message
                .contains(&format!("{report_name} → {root_name} → {report_name}")),
        "{}",
        e.message
    );
    assert_eq!(side_files(&path), before, "nothing written");
}

#[test]
fn unit_and_area_loops_are_refused() {
    for (table, what) in [("unit", "unit loop"), ("area", "product area loop")] {
        let dir = temp();
        let path = sample_file(dir.path());
        tamper(
            &path,
            &format!(
                "UPDATE {table} SET parent_id = (SELECT c.id FROM {table} c WHERE c.parent_id = {table}.id LIMIT 1) \
                 WHERE id = (SELECT parent_id FROM {table} WHERE parent_id IS NOT NULL LIMIT 1);"
            ),
        );
        let e = refused(&path);
        assert_eq!(e.code, ErrorCode::Corrupt, "{table}");
        assert!(e.message.contains(what), "{}", e.message);
    }
}

#[test]
fn a_trigger_or_view_added_to_the_file_is_refused_and_never_runs() {
    for extra in [
        "CREATE TRIGGER wipe AFTER INSERT ON person BEGIN DELETE FROM scenario; END;",
        "CREATE VIEW everyone AS SELECT name FROM person;",
        "CREATE TABLE extra (x);",
    ] {
        let dir = temp();
        let path = sample_file(dir.path());
        tamper(&path, extra);
        let before = side_files(&path);
        let e = refused(&path);
        assert_eq!(e.code, ErrorCode::Corrupt, "{extra}");
        assert!(
            e.message.contains("that Topograph does not make"),
            "{}",
            e.message
        );
        assert_eq!(side_files(&path), before);
    }
}

#[test]
fn a_changed_table_definition_is_refused() {
    let dir = temp();
    let path = sample_file(dir.path());
    tamper(
        &path,
        "PRAGMA writable_schema = ON; \
         UPDATE sqlite_master SET sql = replace(sql, 'allocation BETWEEN 1 AND 100', 'allocation BETWEEN 0 AND 1000') \
         WHERE name = 'membership'; PRAGMA writable_schema = OFF;",
    );
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("membership"), "{}", e.message);
}

#[test]
fn a_reference_to_a_missing_record_is_refused() {
    let dir = temp();
    let path = sample_file(dir.path());
    tamper(
        &path,
        "UPDATE membership SET unit_id = 999999 WHERE (person_id, unit_id) = (SELECT person_id, unit_id FROM membership LIMIT 1);",
    );
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(
        e.message.contains("membership row refers to"),
        "{}",
        e.message
    );
}

#[test]
fn a_record_breaking_a_check_constraint_is_refused() {
    let dir = temp();
    let path = sample_file(dir.path());
    tamper(
        &path,
        "PRAGMA ignore_check_constraints = ON; UPDATE membership SET allocation = 5000;",
    );
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("allocation"), "{}", e.message);
}

#[test]
fn ids_beyond_the_largest_a_document_holds_are_refused() {
    let dir = temp();
    let path = sample_file(dir.path());
    let (root, _, _, _) = root_and_report(&path);
    tamper(
        &path,
        &format!(
            "UPDATE person SET manager_id = 4000000000 WHERE manager_id = {root}; \
             UPDATE unit SET lead_id = 4000000000 WHERE lead_id = {root}; \
             UPDATE membership SET person_id = 4000000000 WHERE person_id = {root}; \
             UPDATE dotted_line SET manager_id = 4000000000 WHERE manager_id = {root}; \
             UPDATE person SET id = 4000000000 WHERE id = {root};"
        ),
    );
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("4000000000"), "{}", e.message);
}

#[test]
fn an_id_counter_behind_the_ids_in_use_is_refused() {
    let dir = temp();
    let path = sample_file(dir.path());
    tamper(&path, "UPDATE meta SET value = '3' WHERE key = 'next_id';");
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("id counter"), "{}", e.message);
}

#[test]
fn an_undo_entry_that_would_make_a_loop_is_refused_and_changes_nothing() {
    let dir = temp();
    let path = sample_file(dir.path());
    let (root, report, _, _) = root_and_report(&path);
    {
        let mut doc = Document::open(&path).unwrap();
        doc.apply(Op::CreateScenario {
            name: "Other".into(),
        })
        .unwrap();
    }
    // A hand-made history entry whose undo hands the root to their own report.
    let root_person = {
        let doc = Document::open(&path).unwrap();
        doc.org()
            .person(topograph_model::PersonId(root as u32))
            .unwrap()
            .clone()
    };
    let mut looped = root_person.clone();
    looped.manager = Some(topograph_model::PersonId(report as u32));
    let patch = serde_json::json!({
        "changes": [{ "kind": "person", "before": looped, "after": root_person }]
    });
    tamper(
        &path,
        &format!(
            "INSERT INTO oplog (scenario_id, label, op, patch, undone, at) VALUES (1, 'Innocent', '{{}}', '{}', 0, '0');",
            patch.to_string().replace('\'', "''")
        ),
    );
    let mut doc = Document::open(&path).unwrap();
    let before = doc.org().clone();
    let e = doc.undo().unwrap_err();
    assert_eq!(e.code, ErrorCode::Corrupt, "{e:?}");
    assert!(e.message.contains("reporting loop"), "{}", e.message);
    assert_eq!(doc.org(), &before, "the org in memory is as it was");
    drop(doc);
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.org(), &before, "and so is the file");
}

/// A document of this version whose write-ahead log (left by a program that stopped) says it
/// is newer: the version is read through the log, and neither file is changed.
#[test]
fn a_newer_version_in_a_stray_write_ahead_log_is_refused_without_folding_it_in() {
    let dir = temp();
    let path = sample_file(dir.path());
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("sample.topo");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = {};",
            SCHEMA_VERSION + 1
        ))
        .unwrap();
        // The files as a kill at this moment leaves them: the change only in the log.
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(
            dir.path().join("sample.topo-wal"),
            crashed.join("sample.topo-wal"),
        )
        .unwrap();
    }
    let before = side_files(&copy);
    assert_eq!(before.len(), 2, "the document and its log");
    let e = refused(&copy);
    assert_eq!(e.code, ErrorCode::NewerVersion, "{e:?}");
    assert_eq!(side_files(&copy), before, "the log was not folded in");
}

#[test]
fn a_newer_file_with_a_journal_beside_it_is_refused_with_the_journal_left_alone() {
    let dir = temp();
    let path = sample_file(dir.path());
    tamper(
        &path,
        &format!("PRAGMA user_version = {};", SCHEMA_VERSION + 1),
    );
    let mut journal = path.clone().into_os_string();
    journal.push("-journal");
    std::fs::write(&journal, [0xd9u8; 512]).unwrap();
    let before = side_files(&path);
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::NewerVersion);
    assert_eq!(
        side_files(&path),
        before,
        "no journal rolled back or removed"
    );
}

#[test]
fn reading_only_writes_nothing_not_even_a_pending_log() {
    let dir = temp();
    let path = sample_file(dir.path());
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("sample.topo");
    {
        let mut doc = Document::open(&path).unwrap();
        doc.apply(Op::CreateScenario {
            name: "Pending".into(),
        })
        .unwrap();
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(
            dir.path().join("sample.topo-wal"),
            crashed.join("sample.topo-wal"),
        )
        .unwrap();
    }
    let before = side_files(&copy);
    let doc = Document::open_read_only(&copy).unwrap();
    assert!(
        doc.scenario_by_name("Pending").is_some(),
        "what the log holds is read"
    );
    assert!(doc.history().unwrap().undo.is_some());
    drop(doc);
    assert_eq!(side_files(&copy), before, "not a byte written");
}

#[test]
fn an_older_file_with_a_pending_log_is_read_through_a_private_copy_and_left_byte_for_byte() {
    let dir = temp();
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2.topo");
    let old = dir.path().join("old.topo");
    std::fs::copy(&fixture, &old).unwrap();
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    let copy = crashed.join("old.topo");
    {
        // An older Topograph stopped with an edit only in its log.
        let c = Connection::open(&old).unwrap();
        c.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; \
             UPDATE scenario SET name = 'Pending' WHERE id = (SELECT min(id) FROM scenario);",
        )
        .unwrap();
        std::fs::copy(&old, &copy).unwrap();
        std::fs::copy(
            dir.path().join("old.topo-wal"),
            crashed.join("old.topo-wal"),
        )
        .unwrap();
    }
    let before = side_files(&copy);
    assert_eq!(before.len(), 2, "the file and its log");
    let doc = Document::open_read_only(&copy).unwrap();
    assert!(
        doc.scenario_by_name("Pending").is_some(),
        "what the log holds is read"
    );
    assert_eq!(doc.schema_version(), SCHEMA_VERSION, "upgraded for reading");
    drop(doc);
    assert_eq!(
        side_files(&copy),
        before,
        "not a byte written, the log not folded in"
    );
}

#[test]
fn reading_a_file_the_app_holds_says_it_is_in_use() {
    let dir = temp();
    let path = sample_file(dir.path());
    let _held = Document::open(&path).unwrap();
    let e = Document::open_read_only(&path).err().unwrap();
    assert_eq!(e.code, ErrorCode::InUse);
}

#[test]
fn a_read_only_document_refuses_edits() {
    let dir = temp();
    let path = sample_file(dir.path());
    let before = side_files(&path);
    let mut doc = Document::open_read_only(&path).unwrap();
    assert!(doc.apply(Op::CreateScenario { name: "No".into() }).is_err());
    drop(doc);
    assert_eq!(side_files(&path), before);
}

#[test]
fn a_failed_creation_leaves_no_file_and_no_temporary_one() {
    let dir = temp();
    let path = dir.path().join("new.topo");
    let e = Document::create_filled(&path, "Current", topograph_model::Org::new(), |_| {
        Err(topograph_model::Error::new(
            ErrorCode::Io,
            "stopped half-way",
        ))
    })
    .err()
    .unwrap();
    assert!(e.message.contains("stopped half-way"), "{}", e.message);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    Document::create(&path).unwrap();
}

#[test]
fn temporary_files_of_a_killed_creation_are_removed_at_the_next_creation_there() {
    let dir = temp();
    let at = |name: &str| dir.path().join(name);
    // A process that is gone (no such pid), with the journal SQLite left beside its file.
    std::fs::write(at(".a.topo.999999999-0.creating"), b"half").unwrap();
    std::fs::write(at(".a.topo.999999999-0.creating-journal"), b"j").unwrap();
    // A live process (init), but a file far older than any creation takes: its pid was reused.
    let old = at(".b.topo.1-3.creating");
    std::fs::write(&old, b"half").unwrap();
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(day_ago)
        .unwrap();
    // This process's own (a creation of it may be under way) and a live process's fresh one stay.
    let own = format!(".c.topo.{}-7.creating", std::process::id());
    std::fs::write(at(&own), b"half").unwrap();
    std::fs::write(at(".d.topo.1-0.creating"), b"half").unwrap();
    std::fs::write(at("notes.creating.txt"), b"mine").unwrap();

    Document::create(&at("new.topo")).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("new.topo"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [own.as_str(), ".d.topo.1-0.creating", "notes.creating.txt"]
    );
}

#[test]
fn save_as_leaves_no_temporary_file() {
    let dir = temp();
    let path = sample_file(dir.path());
    let mut doc = Document::open(&path).unwrap();
    let copy = dir.path().join("copy.topo");
    doc.save_as(&copy).unwrap();
    drop(doc);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["copy.topo", "sample.topo"]);
}

#[test]
fn an_org_with_an_id_above_the_largest_is_refused_on_creation() {
    let dir = temp();
    let e = Document::create_with(
        &dir.path().join("huge.topo"),
        "Current",
        &topograph_sample::hostile::huge_ids(),
    )
    .err()
    .unwrap();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
