//! The plan table: who counts where and when, budgets against costs, and totals that add up
//! across the unit tree.

use proptest::prelude::*;
use topograph_model::{
    Budget, Cost, DatedChange, DatedOp, IdCounter, Op, Org, PersonId, PersonStatus, TeamRole,
    UnitId,
};
use topograph_plan::{plan_table, Granularity, PlanOptions, PlanTable};

fn quarters(from: &str, to: &str) -> PlanOptions {
    PlanOptions {
        by: Granularity::Quarter,
        from: from.into(),
        to: to.into(),
        unit: None,
    }
}

fn run(org: &mut Org, ids: &mut IdCounter, op: Op) {
    org.execute(&op, ids).unwrap();
}

/// A group with two teams; Ada (100k EUR) on Checkout, a designer hire for 2027-Q2 on Checkout,
/// Bob (leaving 2027-03-31) on Payments.
fn small() -> (Org, IdCounter, UnitId, UnitId, UnitId, PersonId) {
    let mut org = topograph_sample::sample();
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let base = ids.next;
    let unit = |id: u32, name: &str, parent: Option<UnitId>| topograph_model::Unit {
        id: UnitId(id),
        name: name.into(),
        mission: String::new(),
        kind: topograph_model::UnitKind::StreamAligned,
        parent,
        lead: None,
        colour: None,
        target_size: None,
    };
    let (group, checkout, payments) = (UnitId(base), UnitId(base + 1), UnitId(base + 2));
    ids.next = base + 10;
    run(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit(base, "Commerce", None),
        },
    );
    run(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit(base + 1, "Checkout", Some(group)),
        },
    );
    run(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit(base + 2, "Payments", Some(group)),
        },
    );
    let template = org
        .persons()
        .find(|p| p.status == PersonStatus::Active)
        .unwrap()
        .clone();
    let person = |id: u32, name: &str, status: PersonStatus| topograph_model::Person {
        id: PersonId(id),
        name: name.into(),
        status,
        manager: None,
        employee_id: None,
        email: None,
        start_date: Some("2020-01-01".into()),
        cost: Some(Cost {
            amount: 100_000.0,
            currency: "EUR".into(),
        }),
        ..template.clone()
    };
    let ada = PersonId(base + 3);
    run(
        &mut org,
        &mut ids,
        Op::CreatePerson {
            person: person(base + 3, "Ada", PersonStatus::Active),
        },
    );
    let mut hire = person(base + 4, "", PersonStatus::OpenPosition);
    hire.title = "Designer".into();
    hire.start_date = None;
    hire.target_start = Some("2027-Q2".into());
    run(&mut org, &mut ids, Op::CreatePerson { person: hire });
    let mut bob = person(base + 5, "Bob", PersonStatus::Leaving);
    bob.end_date = Some("2027-03-31".into());
    run(&mut org, &mut ids, Op::CreatePerson { person: bob });
    for (p, u) in [
        (base + 3, checkout),
        (base + 4, checkout),
        (base + 5, payments),
    ] {
        run(
            &mut org,
            &mut ids,
            Op::SetMembership {
                person: PersonId(p),
                unit: u,
                allocation: 100,
                role: TeamRole::Engineer,
            },
        );
    }
    (org, ids, group, checkout, payments, ada)
}

fn cell<'a>(t: &'a PlanTable, unit: UnitId, period: &str) -> &'a topograph_plan::PlanCell {
    let col = t.periods.iter().position(|p| p == period).unwrap();
    &t.rows.iter().find(|r| r.unit == Some(unit)).unwrap().cells[col]
}

#[test]
fn a_planned_hire_counts_apart_from_its_target_quarter_on() {
    let (org, _, group, checkout, _, _) = small();
    let t = plan_table(&org, &quarters("2027-01-01", "2027-06-30"));
    assert_eq!(t.periods, ["2027-Q1", "2027-Q2"]);
    let q1 = cell(&t, checkout, "2027-Q1");
    assert_eq!((q1.headcount, q1.open_positions), (1, 0));
    let q2 = cell(&t, checkout, "2027-Q2");
    assert_eq!((q2.headcount, q2.open_positions), (1, 1));
    assert_eq!(cell(&t, group, "2027-Q2").open_positions, 1);
}

#[test]
fn a_leaver_counts_until_their_end_date_and_costs_only_the_days_they_are_there() {
    let (org, _, group, _, payments, _) = small();
    let t = plan_table(&org, &quarters("2027-01-01", "2027-06-30"));
    let q1 = cell(&t, payments, "2027-Q1");
    assert_eq!(q1.headcount, 1);
    assert!(
        (q1.cost - 100_000.0 * 90.0 / 365.25).abs() < 1.0,
        "{}",
        q1.cost
    );
    assert_eq!(cell(&t, payments, "2027-Q2").headcount, 0);
    assert_eq!(cell(&t, payments, "2027-Q2").cost, 0.0);
    assert_eq!(cell(&t, group, "2027-Q1").headcount, 2);
}

#[test]
fn a_unit_over_its_budget_is_marked_and_a_year_budget_is_split_over_its_quarters() {
    let (mut org, mut ids, _, checkout, payments, _) = small();
    for (unit, amount) in [(checkout, 40_000.0), (payments, 400_000.0)] {
        run(
            &mut org,
            &mut ids,
            Op::SetBudget {
                budget: Budget {
                    unit,
                    period: "2027".into(),
                    headcount: None,
                    amount: Some(Cost {
                        amount,
                        currency: "EUR".into(),
                    }),
                },
            },
        );
    }
    let t = plan_table(&org, &quarters("2027-01-01", "2027-03-31"));
    let c = cell(&t, checkout, "2027-Q1");
    assert_eq!(c.budget_amount, Some(10_000.0));
    assert!(c.over_budget, "{c:?}");
    assert!(!cell(&t, payments, "2027-Q1").over_budget);
}

#[test]
fn a_dated_team_move_moves_the_headcount_from_its_quarter_on() {
    let (mut org, mut ids, _, checkout, payments, ada) = small();
    run(
        &mut org,
        &mut ids,
        Op::AddDatedChange {
            change: DatedChange {
                id: 0,
                date: "2027-04-01".into(),
                change: DatedOp::RemoveMembership {
                    person: ada,
                    unit: checkout,
                },
            },
        },
    );
    run(
        &mut org,
        &mut ids,
        Op::AddDatedChange {
            change: DatedChange {
                id: 0,
                date: "2027-04-01".into(),
                change: DatedOp::SetMembership {
                    person: ada,
                    unit: payments,
                    allocation: 100,
                    role: TeamRole::Engineer,
                },
            },
        },
    );
    let t = plan_table(&org, &quarters("2027-01-01", "2027-06-30"));
    assert_eq!(cell(&t, checkout, "2027-Q1").headcount, 1);
    assert_eq!(cell(&t, checkout, "2027-Q2").headcount, 0);
    assert_eq!(cell(&t, payments, "2027-Q2").headcount, 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Each group's figures and (unset) budgets are the sums of its units' and its own people's.
    #[test]
    fn a_groups_figures_are_the_sums_of_the_units_inside_it(people in 30usize..400, seed in 0u64..50) {
        let org = topograph_sample::generate(people, seed);
        let t = plan_table(&org, &quarters("2026-10-01", "2027-12-31"));
        for row in &t.rows {
            let Some(unit) = row.unit else { continue };
            let kids: Vec<_> = t.rows.iter().filter(|r| r.parent == Some(unit) && r.unit.is_some()).collect();
            if kids.is_empty() {
                continue;
            }
            for (k, c) in row.cells.iter().enumerate() {
                let own_members = org.members(unit).count();
                if own_members > 0 {
                    continue;
                }
                let hc: u32 = kids.iter().map(|r| r.cells[k].headcount).sum();
                let fte: f64 = kids.iter().map(|r| r.cells[k].fte).sum();
                let cost: f64 = kids.iter().map(|r| r.cells[k].cost).sum();
                prop_assert_eq!(c.headcount, hc);
                prop_assert!((c.fte - fte).abs() < 1e-6);
                prop_assert!((c.cost - cost).abs() < 1e-3 * cost.max(1.0));
                if org.budgets_of(unit).next().is_none() {
                    let budget: f64 = kids.iter().filter_map(|r| r.cells[k].budget_amount).sum();
                    prop_assert!((c.budget_amount.unwrap_or(0.0) - budget).abs() < 1e-3 * budget.max(1.0));
                }
            }
        }
        // The whole org counts every person once.
        let total = t.rows.last().unwrap();
        let tops: u32 = t.rows.iter().filter(|r| r.unit.is_some() && r.depth == 0).map(|r| r.cells[0].headcount).sum();
        prop_assert!(total.cells[0].headcount >= tops);
    }
}
