//! The orgs the plan bench and the CPU-time example (`examples/plan_cpu.rs`) tabulate.

use topograph_model::{DatedChange, DatedOp, IdCounter, Op, Org, UnitKind};
use topograph_plan::{Granularity, PlanOptions};

pub fn options() -> PlanOptions {
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
pub fn with_team_moves(mut org: Org, every: usize) -> Org {
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
pub fn with_reorg(mut org: Org, count: usize) -> Org {
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
