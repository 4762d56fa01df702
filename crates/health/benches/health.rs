//! Speed of a full pass of every check over generated orgs of 10k and 100k people (the app
//! runs one after every operation, so 10k must stay within a frame budget: <= 20 ms), and of
//! actual effort for every area on its own (the direction checks and the area bars use it). A
//! third of the generated areas get a stance and a target, so the direction checks have work.
//!
//! A harness of its own, like the document's: the figure that matters is the median and worst
//! of single passes. Run: `cargo bench -p topograph-health --bench health` (`-- --quick` for a
//! smoke run).

use std::time::{Duration, Instant};
use topograph_health::{check, Date, Settings};
use topograph_model::{actual_effort, IdCounter, Op, Org, Stance};

/// Gives every third area a stance and a small target, as a product leader would.
fn with_direction(mut org: Org) -> Org {
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let areas: Vec<_> = org.areas().step_by(3).cloned().collect();
    for (i, a) in areas.into_iter().enumerate() {
        let area = topograph_model::Area {
            stance: Some(Stance::ALL[i % Stance::ALL.len()]),
            target_share: Some((i % 4) as f64 * 0.5),
            ..a
        };
        org.execute(&Op::UpdateArea { area }, &mut ids)
            .expect("a direction is a valid edit");
    }
    org
}

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
        let org = with_direction(topograph_sample::generate(people, 1));
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(actual_effort(&org));
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "actual effort, {people} people, {} areas: p50 {:.2} ms, max {:.2} ms over {runs} runs",
            org.areas().len(),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
        );
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
