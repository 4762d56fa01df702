//! What moving the as-of date costs the back end on a generated 10k org, before and after the
//! views shared one org of the day (`Session::org_copy`), side by side in one run.
//!
//! Per change of day the UI asks for the org chart's scene and the findings. Before, each asked
//! for its own copy of the org moved to the day (`shown_org`: copy, leavers out, dated changes
//! applied); after, the first asks and the second takes the same `Arc`. The chart is laid out and
//! written as the app sends it; the checks run on the org of the day.
//!
//! Times are this thread's CPU time (see `Clock`), so a loaded machine does not blur them.
//! Run: `cargo bench -p topograph-api --bench as_of` (`-- --quick` for a smoke run); the debug
//! app's figures: `cargo build --bench as_of`, then run `target/debug/deps/as_of-*`.

use std::time::{Duration, Instant};
use topograph_api::{as_of, views, Paths, Session};
use topograph_document::Document;
use topograph_model::{Date, View};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// This thread's time on a CPU (Linux: `/proc/thread-self/schedstat`), so the figures hold on a
/// loaded machine where the wall clock mostly counts waiting for a core; the wall clock elsewhere.
struct Clock(Instant, Option<u64>);

fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

impl Clock {
    fn start() -> Clock {
        Clock(Instant::now(), cpu_ns())
    }

    fn elapsed(&self) -> Duration {
        match (self.1, cpu_ns()) {
            (Some(a), Some(b)) => Duration::from_nanos(b - a),
            _ => self.0.elapsed(),
        }
    }
}

struct Stages {
    org_of_day: Duration,
    chart: Duration,
    checks: Duration,
}

impl Stages {
    fn total(&self) -> Duration {
        self.org_of_day + self.chart + self.checks
    }
}

/// The chart view's shape at a 1280×800 window (980×705 px), as the app asks for it.
const CHART_ASPECT: Option<f64> = Some(980.0 / 705.0);

/// The old path: the chart and the checks each move their own copy of the org to the day.
fn before(doc: &Document, day: Date) -> Stages {
    let t = Clock::start();
    let for_chart = as_of::shown_org(doc).unwrap();
    let collapsed = doc.collapsed(View::OrgChart).unwrap();
    let for_checks = as_of::shown_org(doc).unwrap();
    let settings = doc.check_settings().unwrap();
    let org_of_day = t.elapsed();
    let t = Clock::start();
    std::hint::black_box(
        views::org_chart(&for_chart, collapsed, CHART_ASPECT, None, |_| {}).unwrap(),
    );
    let chart = t.elapsed();
    let t = Clock::start();
    std::hint::black_box(topograph_health::check_with(&for_checks, &settings, day).unwrap());
    Stages {
        org_of_day,
        chart,
        checks: t.elapsed(),
    }
}

/// The new path: one org of the day, shared by the chart and the checks.
fn after(s: &Session) -> Stages {
    let t = Clock::start();
    let (org, collapsed) = s.org_chart_input().unwrap();
    let input = s.findings_input().unwrap();
    let org_of_day = t.elapsed();
    let t = Clock::start();
    std::hint::black_box(views::org_chart(&org, collapsed, CHART_ASPECT, None, |_| {}).unwrap());
    let chart = t.elapsed();
    let t = Clock::start();
    std::hint::black_box(input.run().unwrap());
    Stages {
        org_of_day,
        chart,
        checks: t.elapsed(),
    }
}

fn report(name: &str, mut runs: Vec<Stages>) {
    let p50 = |f: &dyn Fn(&Stages) -> Duration, runs: &mut Vec<Stages>| {
        runs.sort_by_key(|s| f(s));
        ms(f(&runs[runs.len() / 2]))
    };
    let org = p50(&|s| s.org_of_day, &mut runs);
    let chart = p50(&|s| s.chart, &mut runs);
    let checks = p50(&|s| s.checks, &mut runs);
    let total = p50(&|s| s.total(), &mut runs);
    let max = ms(runs.iter().map(Stages::total).max().unwrap());
    println!(
        "{name}: total p50 {total:.1} ms (max {max:.1}) = org of the day {org:.1} + chart {chart:.1} + checks {checks:.1} ms, {} changes",
        runs.len()
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 1 } else { 5 };
    let dir = tempfile::tempdir().unwrap();
    let org = topograph_sample::generate(10_000, 1);
    let mut s = Session::new(Paths::under(dir.path()));
    s.adopt(Document::create_with(&dir.path().join("10k.topo"), "Current", &org).unwrap());
    // The status bar's "next quarter", four times from today, as the e2e measurement clicks.
    let today = Date::today();
    let days: Vec<Date> = (1..=4).map(|q| today.add_months(3 * q)).collect();
    let (mut old, mut new) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        for &day in &days {
            s.set_view_date(Some(day)).unwrap();
            // Turn about, so neither path always runs on caches the other warmed.
            if old.len() % 2 == 0 {
                old.push(before(s.document().unwrap(), day));
                new.push(after(&s));
            } else {
                new.push(after(&s));
                old.push(before(s.document().unwrap(), day));
            }
        }
    }
    println!(
        "{} people, {} dated changes, {} leavers",
        org.persons().count(),
        org.dated_changes().count(),
        org.persons().filter(|p| p.end_date.is_some()).count()
    );
    report("before (a copy each)", old);
    report("after (one shared)  ", new);
}
