//! End-to-end test support (tests/e2e), compiled only with the `e2e` feature (`make bins`
//! builds the app with it; `make run`, `make app` and the package do not, and then
//! `e2e_off.rs` stands in: nothing of this is in the product). Even here it is off unless the
//! app is started with `TOPOGRAPH_E2E=1`.
//!
//! It tells the page that a test is driving it: a frozen `window.__TOPOGRAPH_E2E__` with the
//! process id, the time `run()` started (ms since the epoch) and the back end's today, injected before any page
//! script runs. The UI of a build made for tests then installs its read-only
//! `window.__topographTest` accessor (ui/src/testing/e2e.ts). Besides, it lets the test preset
//! paths in place of the native dialogs (see `grants.rs`) and turns on topograph-api's `Trace`,
//! which times the stages of an open, a layout and a scenario switch.

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

/// Set to `1` at launch to expose the test accessor.
pub const E2E_ENV: &str = "TOPOGRAPH_E2E";

/// Whether this process was started for an end-to-end test.
pub fn enabled() -> bool {
    std::env::var(E2E_ENV).as_deref() == Ok("1")
}

/// The plugin that injects the marker, or `None` outside end-to-end tests. Call it first thing
/// in `run()`: its timestamp is the app's start in the harness's open-to-first-paint figure.
pub fn plugin<R: Runtime>() -> Option<TauriPlugin<R>> {
    if !enabled() {
        return None;
    }
    let started_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    let script = format!(
        "Object.defineProperty(window, '__TOPOGRAPH_E2E__', {{ value: Object.freeze({{ pid: {}, appStartMs: {started_ms:.3}, today: '{}' }}) }});",
        std::process::id(),
        // The back end's today (`TOPOGRAPH_TODAY` when the test fixed it), so the page agrees.
        topograph_model::Date::today()
    );
    Some(
        tauri::plugin::Builder::new("topograph-e2e")
            .js_init_script(script)
            .build(),
    )
}
