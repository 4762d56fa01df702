//! The plan table for a generated org of 100k people (budgets, leavers and open positions
//! included) over 12 quarters: the acceptance bound is 50 ms. The generated org carries no dated
//! changes, so the second case plans team moves for 3% of the people (a seat removed and another
//! set on one day, spread over the three years), as a plan with moves has; the third moves a few
//! units in the tree as well (a reorg). Run: `cargo bench -p topograph-plan --bench plan`; CPU
//! time: `cargo run --release -p topograph-plan --example plan_cpu`.

mod orgs;

use criterion::{criterion_group, criterion_main, Criterion};
use orgs::{options, with_reorg, with_team_moves};
use std::hint::black_box;
use topograph_plan::plan_table;

fn bench(c: &mut Criterion) {
    let org = topograph_sample::generate(100_000, 1);
    let mut g = c.benchmark_group("plan");
    g.sample_size(10);
    g.bench_function("100k people, 12 quarters", |b| {
        b.iter(|| black_box(plan_table(&org, &options())))
    });
    let moved = with_team_moves(org.clone(), 33);
    let planned = moved.dated_changes().count();
    g.bench_function(
        format!("100k people, 12 quarters, {planned} dated seat changes (3% move teams)"),
        |b| b.iter(|| black_box(plan_table(&moved, &options()))),
    );
    let reorg = with_reorg(moved, 10);
    g.bench_function(
        "100k people, 12 quarters, team moves and 10 units moved",
        |b| b.iter(|| black_box(plan_table(&reorg, &options()))),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
