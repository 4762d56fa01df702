//! Opening files that are not sound Topograph documents: clear errors, files untouched.

mod common;

use std::path::{Path, PathBuf};
use topograph_document::{Document, SCHEMA_VERSION};
use topograph_model::{ErrorCode, Op};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn refused(path: &Path) -> topograph_model::Error {
    match Document::open(path) {
        Ok(_) => panic!("{} should have been refused", path.display()),
        Err(e) => e,
    }
}

fn sibling_files(path: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

#[test]
fn a_missing_file_is_reported_as_not_found() {
    let dir = temp();
    let e = refused(&dir.path().join("nope.topo"));
    assert_eq!(e.code, ErrorCode::FileNotFound);
    assert!(e.message.contains("nope.topo"), "{}", e.message);
}

#[test]
fn a_garbage_file_is_refused_and_left_byte_for_byte_unchanged() {
    let dir = temp();
    let path = dir.path().join("garbage.topo");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::NotADocument);
    assert!(e.message.contains("garbage.topo"), "{}", e.message);
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(
        sibling_files(&path),
        vec![path.clone()],
        "no side files left"
    );
}

#[test]
fn an_empty_file_is_not_a_document_and_stays_empty() {
    let dir = temp();
    let path = dir.path().join("empty.topo");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(refused(&path).code, ErrorCode::NotADocument);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_directory_is_not_a_document() {
    let dir = temp();
    assert_eq!(refused(dir.path()).code, ErrorCode::NotADocument);
}

#[test]
fn another_applications_sqlite_database_is_refused_untouched() {
    let dir = temp();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite_connection(&path);
        c.execute_batch("CREATE TABLE t (a); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = common::sha(&path);
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::NotADocument);
    assert!(e.message.contains("another application"), "{}", e.message);
    assert_eq!(common::sha(&path), before);
}

fn rusqlite_connection(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).unwrap()
}

fn written_document(dir: &Path) -> PathBuf {
    let path = dir.join("doc.topo");
    let mut doc = Document::create(&path).unwrap();
    common::small(&mut doc);
    drop(doc);
    path
}

#[test]
fn a_truncated_document_is_refused_untouched() {
    let dir = temp();
    let path = written_document(dir.path());
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() > 8192, "the document should span several pages");
    let cut = &full[..full.len() / 2];
    std::fs::write(&path, cut).unwrap();
    let e = refused(&path);
    assert!(
        matches!(e.code, ErrorCode::Corrupt | ErrorCode::NotADocument),
        "{e:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), cut);
}

#[test]
fn a_document_with_damaged_pages_is_reported_corrupt() {
    let dir = temp();
    let path = written_document(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    // Scribble over the second half of every page after the first: b-tree pages break.
    for p in (page..bytes.len()).step_by(page) {
        for b in &mut bytes[p + 8..p + page / 2] {
            *b = 0xA5;
        }
    }
    std::fs::write(&path, &bytes).unwrap();
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::Corrupt, "{e:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_document_from_a_newer_version_is_refused_untouched() {
    let dir = temp();
    let path = written_document(dir.path());
    {
        let c = rusqlite_connection(&path);
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = common::sha(&path);
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::NewerVersion);
    assert!(e.message.contains("newer"), "{}", e.message);
    assert_eq!(common::sha(&path), before);
}

#[test]
fn a_second_opener_is_told_the_document_is_in_use() {
    let dir = temp();
    let path = written_document(dir.path());
    let mut first = Document::open(&path).unwrap();
    let e = refused(&path);
    assert_eq!(e.code, ErrorCode::InUse);
    assert!(e.message.contains("in another"), "{}", e.message);
    // The first opener is unaffected and can still write.
    first
        .apply(Op::CreateScenario {
            name: "Proposal".into(),
        })
        .unwrap();
    drop(first);
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.scenarios().len(), 2);
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = temp();
    let path = dir.path().join("x.topo");
    std::fs::write(&path, b"precious").unwrap();
    let e = Document::create(&path).err().unwrap();
    assert_eq!(e.code, ErrorCode::FileExists);
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
}

#[test]
fn save_as_writes_a_copy_and_continues_in_it() {
    let dir = temp();
    let path = written_document(dir.path());
    let mut doc = Document::open(&path).unwrap();
    let copy = dir.path().join("copy.topo");
    doc.save_as(&copy).unwrap();
    assert_eq!(doc.path(), Some(copy.as_path()));
    let org_before = doc.org().clone();
    doc.apply(Op::CreateScenario { name: "B".into() }).unwrap();
    drop(doc);
    let original = Document::open(&path).unwrap();
    assert_eq!(original.scenarios().len(), 1, "the original is not changed");
    assert_eq!(original.org(), &org_before);
    drop(original);
    let copy = Document::open(&copy).unwrap();
    assert_eq!(copy.scenarios().len(), 2);
    assert_eq!(copy.org(), &org_before);
}

#[test]
fn save_as_refuses_to_overwrite() {
    let dir = temp();
    let path = written_document(dir.path());
    let mut doc = Document::open(&path).unwrap();
    let taken = dir.path().join("taken.topo");
    std::fs::write(&taken, b"mine").unwrap();
    assert_eq!(doc.save_as(&taken).unwrap_err().code, ErrorCode::FileExists);
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
    assert_eq!(doc.path(), Some(path.as_path()));
}

#[test]
fn a_created_document_holds_in_memory_exactly_what_reopening_it_reads() {
    let dir = temp();
    let path = dir.path().join("made.topo");
    let org = topograph_sample::generate(500, 3);
    let mut made = Document::create_from(&path, "  Plan  ", org.clone()).unwrap();
    assert_eq!(made.org(), &org);
    let (scenarios, first_free) = (made.scenarios().to_vec(), made.reserve_ids(1).unwrap());
    assert_eq!(first_free, org.max_id() + 1);
    drop(made);
    let mut reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.org(), &org);
    assert_eq!(reopened.scenarios(), &scenarios[..]);
    assert_eq!(reopened.active_scenario().name, "Plan");
    assert_eq!(
        reopened.reserve_ids(1).unwrap(),
        first_free + 1,
        "the reserved id stays taken"
    );
}
