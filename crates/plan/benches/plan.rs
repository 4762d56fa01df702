//! The plan table for a generated org of 100k people (budgets, leavers and open positions
//! included) over 12 quarters: the acceptance bound is 50 ms. The generated org carries no dated
//! changes, so the second case plans team moves for 3% of the people (a seat removed and another
//! set on one day, spread over the three years), as a plan with moves has; the third moves a few
//! units in the tree as well (a reorg), which makes the table step a copy of the org through the
//! quarters. Run: `cargo bench -p topograph-plan --bench plan`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use topograph_model::{DatedChange, DatedOp, IdCounter, Op, Org, UnitKind};
use topograph_plan::{plan_table, Granularity, PlanOptions};

fn options() -> PlanOptions {
    PlanOptions {
        by: Granularity::Quarter,
        from: "2026-01-01".into(),
        to: "2028-12-31".into(),
        unit: None,
    }
}

fn plan(org: &mut Org, ids: &mut IdCounter, date: String, change: DatedOp) {
    let change = DatedChange {
        id: 0,
        date,
        change,
    };
    org.execute(&Op::AddDatedChange { change }, ids)
        .expect("a planned change of people and units that exist");
}

/// One person in `1 / every` moved to another team on a day in the three years.
fn with_team_moves(mut org: Org, every: usize) -> Org {
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let teams: Vec<_> = org
        .units()
        .filter(|u| u.kind != UnitKind::Group)
        .map(|u| u.id)
        .collect();
    let seats: Vec<_> = org.memberships().step_by(every).cloned().collect();
    for (i, m) in seats.into_iter().enumerate() {
        let date = format!("{}-{:02}-{:02}", 2026 + i % 3, 1 + i % 12, 1 + i % 28);
        let to = teams[(i * 7919) % teams.len()];
        let remove = DatedOp::RemoveMembership {
            person: m.person,
            unit: m.unit,
        };
        plan(&mut org, &mut ids, date.clone(), remove);
        let set = DatedOp::SetMembership {
            person: m.person,
            unit: to,
            allocation: m.allocation,
            role: m.role,
        };
        plan(&mut org, &mut ids, date, set);
    }
    org
}

/// `count` teams moved to another group on days in the three years.
fn with_reorg(mut org: Org, count: usize) -> Org {
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let groups: Vec<_> = org
        .units()
        .filter(|u| u.kind == UnitKind::Group)
        .map(|u| u.id)
        .collect();
    let teams: Vec<_> = org
        .units()
        .filter(|u| u.kind != UnitKind::Group)
        .map(|u| u.id)
        .step_by(97)
        .take(count)
        .collect();
    for (i, id) in teams.into_iter().enumerate() {
        let date = format!("{}-{:02}-01", 2026 + i % 3, 1 + (i * 5) % 12);
        let parent = Some(groups[(i * 31) % groups.len()]);
        plan(&mut org, &mut ids, date, DatedOp::MoveUnit { id, parent });
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
