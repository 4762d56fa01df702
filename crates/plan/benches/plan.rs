//! The plan table for a generated org of 100k people (budgets and leavers included) over 12
//! quarters: the acceptance bound is 50 ms. A second case adds 200 dated team moves spread over
//! the three years, which makes the table step the org through each quarter.
//! Run: `cargo bench -p topograph-plan --bench plan`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use topograph_model::{DatedChange, DatedOp, IdCounter, Op, Org, TeamRole};
use topograph_plan::{plan_table, Granularity, PlanOptions};

fn options() -> PlanOptions {
    PlanOptions {
        by: Granularity::Quarter,
        from: "2026-01-01".into(),
        to: "2028-12-31".into(),
        unit: None,
    }
}

/// 200 people moved to another team on days over the three years.
fn with_moves(mut org: Org) -> Org {
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let units: Vec<_> = org.units().map(|u| u.id).collect();
    let seats: Vec<_> = org.memberships().step_by(500).cloned().collect();
    for (i, m) in seats.into_iter().take(200).enumerate() {
        let change = DatedChange {
            id: 0,
            date: format!("{}-{:02}-15", 2026 + i % 3, 1 + i % 12),
            change: DatedOp::SetMembership {
                person: m.person,
                unit: units[(i * 7) % units.len()],
                allocation: 50,
                role: TeamRole::Engineer,
            },
        };
        org.execute(&Op::AddDatedChange { change }, &mut ids)
            .expect("a planned move of someone who exists");
    }
    org
}

fn bench(c: &mut Criterion) {
    let org = topograph_sample::generate(100_000, 1);
    let mut g = c.benchmark_group("plan");
    g.sample_size(10);
    g.bench_function("100k people, 12 quarters", |b| {
        b.iter(|| black_box(plan_table(&org, &options())))
    });
    let moved = with_moves(org.clone());
    g.bench_function("100k people, 12 quarters, 200 dated moves", |b| {
        b.iter(|| black_box(plan_table(&moved, &options())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
