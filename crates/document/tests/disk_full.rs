//! A full disk, simulated by the limit on how large a file this process may write
//! (`RLIMIT_FSIZE`; its own test binary, so no other test shares the limit): the edit that does
//! not fit gets a clear error, the document in memory and on disk stays as it was, and the
//! next edit works once there is room again.

#![cfg(unix)]

mod common;

use topograph_document::Document;
use topograph_model::{ErrorCode, Op};

fn limit_file_size(bytes: u64) {
    let lim = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: plain system calls on this process; the limit only changes what later writes may do.
    unsafe {
        // A write past the limit raises SIGXFSZ, which would kill the process; ignored, the
        // write fails with EFBIG instead, as on a full disk it fails with ENOSPC.
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &lim), 0);
    }
}

#[test]
fn an_edit_that_does_not_fit_is_refused_and_the_next_one_works_once_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.topo");
    let mut doc = Document::create(&path).unwrap();
    common::small(&mut doc);
    doc.checkpoint().unwrap();
    let before = doc.org().clone();
    let history = doc.history().unwrap();
    // Room for nothing more: the log was just truncated, and a page does not fit in 1 KB.
    limit_file_size(1024);
    let mut big = common::person(&"x".repeat(20_000));
    big.title = "y".repeat(20_000);
    let e = doc
        .apply(Op::CreatePerson {
            person: big.clone(),
        })
        .unwrap_err();
    assert!(
        matches!(e.code, ErrorCode::Io | ErrorCode::Database),
        "a clear error: {e:?}"
    );
    assert!(e.message.contains("free some space"), "{}", e.message);
    assert_eq!(doc.org(), &before, "the org in memory is as it was");
    assert_eq!(doc.history().unwrap(), history, "and so is the history");

    limit_file_size(u64::MAX);
    doc.apply(Op::CreatePerson { person: big }).unwrap();
    assert_eq!(doc.org().persons().len(), before.persons().len() + 1);
    drop(doc);
    let reopened = Document::open(&path).unwrap();
    assert_eq!(reopened.org().persons().len(), before.persons().len() + 1);
}
