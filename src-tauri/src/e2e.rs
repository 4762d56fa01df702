//! End-to-end test support (tests/e2e), compiled only with the `e2e` feature (`make bins`
//! builds the app with it; `make run`, `make app` and the package do not, and then
//! `e2e_off.rs` stands in: nothing of this is in the product). Even here it is off unless the
//! app is started with `TOPOGRAPH_E2E=1`.
//!
//! It tells the page that a test is driving it: a frozen `window.__TOPOGRAPH_E2E__` with the
//! process id, the time `run()` started (ms since the epoch) and the back end's today, injected before any page
//! script runs. The UI of a build made for tests then installs its read-only
//! `window.__topographTest` accessor (ui/src/testing/e2e.ts). Besides, it lets the test preset
//! paths in place of the native dialogs (see `grants.rs`) and times each stage of a scenario
//! switch ([`SwitchTrace`]).

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

/// When each stage of a switch ended (ms since the epoch, the page's clock too), written to
/// stderr for the e2e switch measurement (tests/e2e/scenarios.test.js) and only under it.
pub struct SwitchTrace;

impl SwitchTrace {
    pub fn start() -> Trace {
        Trace::start("switch")
    }
}

/// When each stage of some work ended (ms since the epoch, the page's clock too), written to
/// stderr as `topograph-e2e-NAME {"stage": ms, ...}` for the e2e measurements: `topograph-e2e-switch`
/// (tests/e2e/scenarios.test.js), `topograph-e2e-load` and `topograph-e2e-chart` (perf.test.js).
pub struct Trace(&'static str, Option<Vec<(&'static str, f64)>>);

impl Trace {
    pub fn start(name: &'static str) -> Trace {
        let mut t = Trace(name, enabled().then(Vec::new));
        t.at("start");
        t
    }

    pub fn at(&mut self, stage: &'static str) {
        if let Some(stages) = &mut self.1 {
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
            stages.push((stage, ms));
        }
    }

    pub fn finish(self) {
        if let Some(stages) = self.1 {
            let fields: Vec<String> = stages
                .iter()
                .map(|(stage, ms)| format!("\"{stage}\":{ms:.3}"))
                .collect();
            eprintln!("topograph-e2e-{} {{{}}}", self.0, fields.join(","));
        }
    }
}
