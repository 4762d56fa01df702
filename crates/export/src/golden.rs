//! Golden fixtures shared with the UI's Vitest suite (tests/fixtures/parity/): Rust writes them,
//! both sides check against them, so the canvas and the exporter cannot drift apart unnoticed.

use std::path::PathBuf;

/// The fixture `name` under tests/fixtures/parity/.
pub fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/parity")
        .join(name)
}

/// Fails unless the committed fixture `name` holds `value`; with `TOPOGRAPH_WRITE_FIXTURES=1`
/// writes it instead (then commit it, and run the UI's tests against it).
pub fn check(name: &str, value: &serde_json::Value) {
    let path = path(name);
    let text = serde_json::to_string_pretty(value).expect("a JSON value serialises") + "\n";
    if std::env::var_os("TOPOGRAPH_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &text).expect("the fixture is writable");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is out of date; rewrite it with TOPOGRAPH_WRITE_FIXTURES=1 cargo test -p topograph-export",
        path.display()
    );
}
