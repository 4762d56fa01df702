//! Where a full pass spends its time: each check alone over a generated org, with its finding count.
//! `cargo run --release -p topograph-health --example profile -- 10000`

use std::time::Instant;
use topograph_health::{check, Date, Settings, CHECKS};
use topograph_model::CheckSettings;

fn main() {
    let people = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let org = topograph_sample::generate(people, 1);
    let today = Date::parse("2026-11-27").expect("a date");
    for only in CHECKS {
        let settings = CheckSettings {
            disabled: CHECKS
                .iter()
                .filter(|c| c.id != only.id)
                .map(|c| c.id.to_string())
                .collect(),
            ..CheckSettings::default()
        };
        let settings = Settings::resolve(&settings).expect("valid");
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..10 {
            n = check(&org, &settings, today).len();
        }
        println!(
            "{:30} {:8.2} ms {n:6} findings",
            only.id,
            t.elapsed().as_secs_f64() * 100.0
        );
    }
}
