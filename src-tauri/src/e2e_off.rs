//! The product's stand-in for `e2e.rs` (built without the `e2e` feature): no test marker, no
//! preset paths, no switch timings, and none of their strings in the binary
//! (tests/release/check.sh greps for them).

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

pub fn enabled() -> bool {
    false
}

pub fn plugin<R: Runtime>() -> Option<TauriPlugin<R>> {
    None
}

pub struct SwitchTrace;

impl SwitchTrace {
    pub fn start() -> Trace {
        Trace
    }
}

pub struct Trace;

impl Trace {
    pub fn start(_name: &'static str) -> Trace {
        Trace
    }

    pub fn at(&mut self, _stage: &'static str) {}

    pub fn finish(self) {}
}
