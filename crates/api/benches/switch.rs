//! A scenario switch of a big document as the app makes it, stage by stage: open the file, fold
//! the first view as the app keeps it on a first opening, then switch to the fork (a first
//! visit), back to Current and to the fork again (a kept scenario), each with the `known` and
//! `holds` the UI sends, then the checks the insights ask for afterwards. Each switch is
//! `Session::switch_for_ui` (under the app's session lock) and `Switch::answer` (on workers).
//!
//! Run: `cargo bench -p topograph-api --bench switch` (100k people generated and forked in a
//! temporary folder, as `topograph generate FILE --people 100000` and `topograph scenario fork
//! FILE Proposal` do), or `-- FILE` for a document with a scenario named "Proposal", `-- --people
//! N` for another size, `-- --rounds N` for more rounds (each its own session). The debug app's
//! figures: `cargo build -p topograph-api --bench switch`, then run `target/debug/deps/switch-*`.

use std::path::PathBuf;
use std::time::Instant;
use topograph_api::chart_frame::{ChartFrame, FoldRoom};
use topograph_api::{views, Paths, Session};
use topograph_document::Document;
use topograph_model::{Op, ScenarioId, View};

/// The chart view at a 1280×800 window, as the app asks for its first layout.
const ASPECT: f64 = 980.0 / 705.0;
const ROOM: FoldRoom = FoldRoom {
    width: 980.0,
    height: 705.0,
    zoom: 0.45,
    reserve_width: 200.0,
    reserve_height: 150.0,
};

/// Ms between the stages `at` was told of, from `start`.
struct Stages {
    start: Instant,
    last: Instant,
    parts: Vec<(&'static str, f64)>,
}

impl Stages {
    fn start() -> Stages {
        let now = Instant::now();
        Stages {
            start: now,
            last: now,
            parts: Vec::new(),
        }
    }

    fn at(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.parts
            .push((stage, (now - self.last).as_secs_f64() * 1000.0));
        self.last = now;
    }

    fn line(&self) -> String {
        let total = (self.last - self.start).as_secs_f64() * 1000.0;
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|(s, ms)| format!("{s} {ms:.1}"))
            .collect();
        format!("{total:.1} ms = {}", parts.join(" + "))
    }
}

struct Args {
    file: Option<PathBuf>,
    people: usize,
    rounds: usize,
}

fn args() -> Args {
    let mut a = Args {
        file: None,
        people: 100_000,
        rounds: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--people" => a.people = it.next().and_then(|n| n.parse().ok()).expect("--people N"),
            "--rounds" => a.rounds = it.next().and_then(|n| n.parse().ok()).expect("--rounds N"),
            "--bench" | "--quick" => {}
            other if !other.starts_with('-') => a.file = Some(PathBuf::from(other)),
            _ => {}
        }
    }
    a
}

/// A document like the e2e test's: generated, then forked as "Proposal".
fn generated(dir: &std::path::Path, people: usize) -> PathBuf {
    let file = dir.join(format!("People {people}.topo"));
    let org = topograph_sample::generate(people, 1);
    let mut doc = Document::create_with(&file, "Current", &org).unwrap();
    let from = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from,
        name: "Proposal".into(),
    })
    .unwrap();
    file
}

/// One switch as the UI asks for it; answers the answer's size in bytes.
fn switch(
    s: &mut Session,
    name: &str,
    to: ScenarioId,
    known: Option<u32>,
    frame: Option<ChartFrame>,
) -> (String, usize) {
    let holds = s.active_scenario();
    let mut st = Stages::start();
    let sw = s
        .switch_for_ui_at(to, known, holds, frame, |stage| st.at(stage))
        .unwrap();
    let opened = sw.answer_at(|stage| st.at(stage)).unwrap();
    let json = serde_json::to_string(&opened).unwrap();
    st.at("answer_json");
    let line = format!("{name}: {}", st.line());
    (line, json.len())
}

fn main() {
    let a = args();
    let dir = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let file = a
        .file
        .clone()
        .unwrap_or_else(|| generated(dir.path(), a.people));
    if a.file.is_none() {
        println!(
            "generated and forked {} people in {:.0} ms",
            a.people,
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
    for round in 1..=a.rounds {
        // A copy per round, so every round starts from the file as the test made it.
        let copy = dir.path().join(format!("round {round}.topo"));
        std::fs::copy(&file, &copy).unwrap();
        let mut s = Session::new(Paths::under(dir.path()));
        let t = Instant::now();
        s.open(&copy).unwrap();
        let opened_ms = t.elapsed().as_secs_f64() * 1000.0;
        let doc = s.document().unwrap();
        let current = doc.active_scenario().id;
        let proposal = doc.scenario_by_name("Proposal").expect("a Proposal").id;
        // The app's first layout folds the org for the view and keeps that folding.
        s.set_chart_aspect(Some(ASPECT));
        let t = Instant::now();
        let (org, collapsed) = s.org_chart_input().unwrap();
        let (folded, _) = topograph_api::chart_frame::fold_for(&org, &ROOM, Some(ASPECT)).unwrap();
        drop(views::org_chart(&org, collapsed, Some(ASPECT), Some(ROOM), |_| {}).unwrap());
        let folded: Vec<u32> = folded.into_iter().collect();
        s.replace_collapsed(View::OrgChart, &folded).unwrap();
        println!(
            "round {round}: opened in {opened_ms:.0} ms, first view folded ({} cards folded) in {:.0} ms",
            folded.len(),
            t.elapsed().as_secs_f64() * 1000.0
        );
        let mut kept = std::collections::HashMap::new();
        for (name, to) in [
            ("first visit", proposal),
            ("back to Current", current),
            ("kept scenario", proposal),
        ] {
            let left = s.active_scenario().unwrap();
            let left_version = s.version(left);
            let frame = ChartFrame {
                aspect: ASPECT,
                fold: Some(ROOM),
            };
            let (line, bytes) = switch(&mut s, name, to, kept.get(&to).copied(), Some(frame));
            // The UI keeps what it showed of the scenario it left, at the version then.
            kept.insert(left, left_version);
            println!("  {line} ({:.1} MB answer)", bytes as f64 / 1e6);
            let t = Instant::now();
            let findings = views::findings(&mut s).unwrap();
            println!(
                "    then the checks: {:.0} ms ({} findings)",
                t.elapsed().as_secs_f64() * 1000.0,
                findings.len()
            );
        }
    }
}
