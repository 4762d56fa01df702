//! When each stage of a scenario switch ended, for the end-to-end switch measurement
//! (tests/e2e/scenarios.test.js), written to stderr. Only a build made for tests has it (the
//! feature `switch-trace`, which the app's `e2e` feature turns on); elsewhere it is a stand-in
//! that does nothing, so neither the timings nor their marker are in what users install
//! (tests/release/check.sh greps the product for the marker).

#[cfg(feature = "switch-trace")]
pub struct SwitchTrace(Option<Vec<(&'static str, f64)>>);

#[cfg(feature = "switch-trace")]
impl SwitchTrace {
    /// Starts timing when `on` (the app was started for an end-to-end test).
    pub fn start(on: bool) -> SwitchTrace {
        let mut t = SwitchTrace(on.then(Vec::new));
        t.at("start");
        t
    }

    /// Ms since the epoch, the page's clock too.
    pub fn at(&mut self, stage: &'static str) {
        if let Some(stages) = &mut self.0 {
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
            stages.push((stage, ms));
        }
    }

    pub fn finish(self) {
        if let Some(line) = self.line() {
            eprintln!("{line}");
        }
    }

    fn line(&self) -> Option<String> {
        let fields: Vec<String> = (self.0.as_ref()?.iter())
            .map(|(stage, ms)| format!("\"{stage}\":{ms:.3}"))
            .collect();
        Some(format!("topograph-e2e-switch {{{}}}", fields.join(",")))
    }
}

#[cfg(not(feature = "switch-trace"))]
pub struct SwitchTrace;

#[cfg(not(feature = "switch-trace"))]
impl SwitchTrace {
    pub fn start(_on: bool) -> SwitchTrace {
        SwitchTrace
    }

    pub fn at(&mut self, _stage: &'static str) {}

    pub fn finish(self) {}
}

#[cfg(all(test, feature = "switch-trace"))]
mod tests {
    use super::*;

    #[test]
    fn a_trace_lists_its_stages_in_order_on_one_line_the_harness_reads() {
        let mut t = SwitchTrace::start(true);
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
    fn a_trace_that_is_off_records_nothing() {
        let mut t = SwitchTrace::start(false);
        t.at("switched");
        assert_eq!(t.line(), None);
    }
}
