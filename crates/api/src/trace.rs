//! When each stage of some work ended, for the end-to-end measurements, written to stderr as
//! `topograph-e2e-NAME {"stage": ms, ...}`: `switch` (tests/e2e/scenarios.test.js), `state`,
//! `chart` and `load` (perf.test.js). Only a build made for tests has it (the feature
//! `e2e-trace`, which the app's `e2e` feature turns on); elsewhere it is a stand-in that does
//! nothing, so neither the timings nor their marker are in what users install
//! (tests/release/check.sh greps the product for the marker). With it come whether the app was
//! started for a test ([`enabled`]) and the marker script the app injects into its page.

/// Set to `1` at launch to expose the test accessor (see the app's `e2e.rs`).
#[cfg(feature = "e2e-trace")]
pub const E2E_ENV: &str = "TOPOGRAPH_E2E";

/// Whether this process was started for an end-to-end test.
#[cfg(feature = "e2e-trace")]
pub fn enabled() -> bool {
    std::env::var(E2E_ENV).as_deref() == Ok("1")
}

/// Ms since the epoch, the page's clock too.
#[cfg(feature = "e2e-trace")]
fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// The script that tells the page a test is driving it, run before any page script: a frozen
/// `window.__TOPOGRAPH_E2E__` with the process id, the time it is made (the app's start: make it
/// first thing) and the back end's today (`TOPOGRAPH_TODAY` when the test fixed it), so the page
/// agrees.
#[cfg(feature = "e2e-trace")]
pub fn page_marker() -> String {
    format!(
        "Object.defineProperty(window, '__TOPOGRAPH_E2E__', {{ value: Object.freeze({{ pid: {}, appStartMs: {:.3}, today: '{}' }}) }});",
        std::process::id(),
        now_ms(),
        topograph_model::Date::today()
    )
}

#[cfg(feature = "e2e-trace")]
pub struct Trace(&'static str, Option<Vec<(&'static str, f64)>>);

#[cfg(feature = "e2e-trace")]
impl Trace {
    /// Starts timing `name` when `on` (the app was started for an end-to-end test).
    pub fn start(name: &'static str, on: bool) -> Trace {
        let mut t = Trace(name, on.then(Vec::new));
        t.at("start");
        t
    }

    /// Ms since the epoch, the page's clock too.
    pub fn at(&mut self, stage: &'static str) {
        if let Some(stages) = &mut self.1 {
            stages.push((stage, now_ms()));
        }
    }

    pub fn finish(self) {
        if let Some(line) = self.line() {
            eprintln!("{line}");
        }
    }

    fn line(&self) -> Option<String> {
        let fields: Vec<String> = (self.1.as_ref()?.iter())
            .map(|(stage, ms)| format!("\"{stage}\":{ms:.3}"))
            .collect();
        Some(format!("topograph-e2e-{} {{{}}}", self.0, fields.join(",")))
    }
}

/// Runs `work`, timed as `name` (from `start` to `stage`) when the app was started for a test.
pub fn timed<T>(name: &'static str, stage: &'static str, work: impl FnOnce() -> T) -> T {
    let mut trace = Trace::start(name, enabled());
    let out = work();
    trace.at(stage);
    trace.finish();
    out
}

/// Never, in what users install.
#[cfg(not(feature = "e2e-trace"))]
pub fn enabled() -> bool {
    false
}

#[cfg(not(feature = "e2e-trace"))]
pub struct Trace;

#[cfg(not(feature = "e2e-trace"))]
impl Trace {
    pub fn start(_name: &'static str, _on: bool) -> Trace {
        Trace
    }

    pub fn at(&mut self, _stage: &'static str) {}

    pub fn finish(self) {}
}

#[cfg(all(test, feature = "e2e-trace"))]
mod tests {
    use super::*;

    #[test]
    fn a_trace_lists_its_stages_in_order_on_one_line_the_harness_reads() {
        let mut t = Trace::start("switch", true);
        t.at("switched");
        let line = t.line().unwrap();
        let json = line.strip_prefix("topograph-e2e-switch ").unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let (start, switched) = (
            v["start"].as_f64().unwrap(),
            v["switched"].as_f64().unwrap(),
        );
        assert!(start > 0.0 && switched >= start, "{line}");
    }

    #[test]
    fn the_page_marker_names_the_process_its_start_and_the_back_ends_today() {
        let script = page_marker();
        assert!(script.contains("window, '__TOPOGRAPH_E2E__'"), "{script}");
        assert!(script.contains(&format!("pid: {},", std::process::id())));
        assert!(script.contains(&format!("today: '{}'", topograph_model::Date::today())));
    }

    #[test]
    fn timed_work_answers_what_the_work_answers() {
        assert_eq!(timed("state", "built", || 7), 7);
    }

    #[test]
    fn a_trace_that_is_off_records_nothing() {
        let mut t = Trace::start("switch", false);
        t.at("switched");
        assert_eq!(t.line(), None);
    }
}
