//! Running the `topograph` binary from the CLI's integration tests.

use std::process::{Command, Output};

/// Runs the binary built for these tests with `args`.
pub fn topograph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_topograph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the binary, requires success and returns standard output.
// Not every test file asks for success this way; each compiles this module on its own.
#[allow(dead_code)]
pub fn ok(args: &[&str]) -> String {
    let out = topograph(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
