//! Speed of a full pass of every check over generated orgs of 10k and 100k people (the app
//! runs one after every operation, so 10k must stay within a frame budget: <= 20 ms).
//!
//! A harness of its own, like the document's: the figure that matters is the median and worst
//! of single passes. Run: `cargo bench -p topograph-health --bench health` (`-- --quick` for a
//! smoke run).

use std::time::{Duration, Instant};
use topograph_health::{check, Date, Settings};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let settings = Settings::default();
    let today = Date::parse("2026-11-27").expect("a date");
    for (people, runs) in [
        (10_000usize, if quick { 5 } else { 50 }),
        (100_000, if quick { 2 } else { 10 }),
    ] {
        let org = topograph_sample::generate(people, 1);
        let mut times = Vec::with_capacity(runs);
        let mut findings = 0;
        for _ in 0..runs {
            let t = Instant::now();
            findings = std::hint::black_box(check(&org, &settings, today)).len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "full pass, {people} people: p50 {:.2} ms, max {:.2} ms over {runs} runs ({findings} findings)",
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
        );
    }
}
