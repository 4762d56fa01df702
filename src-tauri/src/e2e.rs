//! End-to-end test support (tests/e2e), compiled only with the `e2e` feature (`make bins`
//! builds the app with it; `make run`, `make app` and the package do not: nothing of this is in
//! the product). Even here it is off unless the app is started with `TOPOGRAPH_E2E=1`
//! (topograph-api's `trace::enabled`).
//!
//! It tells the page that a test is driving it: topograph-api's `trace::page_marker` (a frozen
//! `window.__TOPOGRAPH_E2E__` with the process id, the time `run()` started and the back end's
//! today), injected before any page script runs. The UI of a build made for tests then installs
//! its read-only `window.__topographTest` accessor (ui/src/testing/e2e.ts). Besides, it lets the
//! test preset paths in place of the native dialogs (see `grants.rs`) and turns on
//! topograph-api's `Trace`, which times the stages of an open, a layout and a scenario switch.

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

/// The plugin that injects the marker, or `None` outside end-to-end tests. Call it first thing
/// in `run()`: its timestamp is the app's start in the harness's open-to-first-paint figure.
pub fn plugin<R: Runtime>() -> Option<TauriPlugin<R>> {
    if !topograph_api::trace::enabled() {
        return None;
    }
    let script = topograph_api::trace::page_marker();
    Some(
        tauri::plugin::Builder::new("topograph-e2e")
            .js_init_script(script)
            .build(),
    )
}
