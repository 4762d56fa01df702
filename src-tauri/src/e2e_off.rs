//! The product's stand-in for `e2e.rs` (built without the `e2e` feature): no test marker, no
//! preset paths, no switch timings, and none of their strings in the binary
//! (tests/release/check.sh greps for them).

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

pub fn plugin<R: Runtime>() -> Option<TauriPlugin<R>> {
    None
}
