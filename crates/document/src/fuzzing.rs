//! The body of the `topo` fuzz target (`fuzz/`), here so a stable-Rust test runs it over
//! randomly damaged files too: arbitrary bytes as a `.topo` file must never panic or hang
//! opening, reading every scenario, undo or redo; a file either opens or is refused.

use crate::Document;
use std::sync::atomic::{AtomicU32, Ordering};

/// Writes `data` as a document file in the temporary folder and works through it.
pub fn topo(data: &[u8]) {
    static N: AtomicU32 = AtomicU32::new(0);
    let path = std::env::temp_dir().join(format!(
        "topograph-fuzz-{}-{}.topo",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    if std::fs::write(&path, data).is_ok() {
        exercise(&path);
    }
    for suffix in ["", "-wal", "-journal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(std::path::PathBuf::from(p));
    }
}

fn exercise(path: &std::path::Path) {
    if let Ok(doc) = Document::open_read_only(path) {
        for s in doc.scenarios().to_vec() {
            let _ = doc.load_scenario(s.id);
        }
    }
    let Ok(mut doc) = Document::open(path) else {
        return;
    };
    for s in doc.scenarios().to_vec() {
        let _ = doc.load_scenario(s.id);
        let _ = doc.switch_scenario(s.id);
    }
    let _ = doc.history();
    for _ in 0..3 {
        let _ = doc.undo();
    }
    let _ = doc.redo();
}
