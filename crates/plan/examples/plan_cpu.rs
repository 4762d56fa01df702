//! The plan bench's three cases timed in CPU time (this thread's, from
//! `/proc/thread-self/schedstat`), which holds on a loaded shared machine where criterion's wall
//! clock mostly counts waiting for a core. Prints the median and the fastest of 15 calls each.
//! Run: `cargo run --release -p topograph-plan --example plan_cpu`.

#[path = "../benches/orgs/mod.rs"]
mod orgs;

use orgs::{options, with_reorg, with_team_moves};
use std::hint::black_box;
use topograph_model::Org;
use topograph_plan::plan_table;

/// This thread's time on a CPU so far, in nanoseconds.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .expect("Linux's /proc/thread-self/schedstat")
}

fn time(name: &str, org: &Org) {
    let mut ms: Vec<f64> = (0..15)
        .map(|_| {
            let start = cpu_ns();
            black_box(plan_table(org, &options()));
            (cpu_ns() - start) as f64 / 1e6
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("{name}: median {:.1} ms, min {:.1} ms (CPU)", ms[7], ms[0]);
}

fn main() {
    let org = topograph_sample::generate(100_000, 1);
    time("100k people, 12 quarters", &org);
    let moved = with_team_moves(org, 33);
    let planned = moved.dated_changes().count();
    time(
        &format!("100k people, 12 quarters, {planned} dated seat changes (3% move teams)"),
        &moved,
    );
    time(
        "100k people, 12 quarters, team moves and 10 units moved",
        &with_reorg(moved, 10),
    );
}
