//! The plan over time: leavers' end dates, hires' target starts and stages, budgets, exchange
//! rates and changes planned for a day, each edited by an undoable op and checked per field.

mod common;

use common::*;
use std::collections::BTreeMap;
use topograph_model::{
    Budget, Cost, Date, DatedChange, DatedOp, ErrorCode, HiringStage, Op, PersonStatus,
    PlanSettings, TeamRole,
};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn budget(unit: topograph_model::UnitId, period: &str, amount: f64, currency: &str) -> Budget {
    Budget {
        unit,
        period: period.into(),
        headcount: Some(8.0),
        amount: Some(Cost {
            amount,
            currency: currency.into(),
        }),
    }
}

#[test]
fn a_leaver_gets_an_end_date_and_undo_takes_it_away() {
    let mut w = World::new();
    let id = w.add(person("Ada"));
    let mut p = w.person(id).clone();
    p.start_date = Some("2024-01-01".into());
    p.end_date = Some(" 2027-03-31 ".into());
    w.accept(Op::UpdatePerson { person: p });
    assert_eq!(w.person(id).end_date.as_deref(), Some("2027-03-31"));
}

#[test]
fn an_end_date_before_the_start_date_is_refused_naming_the_end_date_field() {
    let mut w = World::new();
    let id = w.add(person("Ada"));
    let mut p = w.person(id).clone();
    p.start_date = Some("2026-05-01".into());
    p.end_date = Some("2026-04-30".into());
    let e = w.refuse_naming(
        Op::UpdatePerson { person: p },
        ErrorCode::InvalidValue,
        &["2026-04-30", "2026-05-01"],
    );
    assert_eq!(e.field.as_deref(), Some("end_date"));
}

#[test]
fn a_planned_hire_takes_a_target_month_or_quarter_and_a_hiring_stage() {
    let mut w = World::new();
    for (target, stored) in [("2027-q3", "2027-Q3"), ("2027-04", "2027-04")] {
        let mut hire = open_position("Designer");
        hire.target_start = Some(target.into());
        hire.hiring_stage = Some(HiringStage::Interviewing);
        let id = w.add(hire);
        assert_eq!(w.person(id).target_start.as_deref(), Some(stored));
    }
}

#[test]
fn a_target_start_that_is_not_a_date_is_refused_naming_its_field() {
    let mut w = World::new();
    for bad in ["next spring", "2027-Q5", "2027-13", "2027"] {
        let mut hire = open_position("Designer");
        hire.target_start = Some(bad.into());
        let e = w.refuse(Op::CreatePerson { person: hire }, ErrorCode::InvalidValue);
        assert_eq!(e.field.as_deref(), Some("target_start"), "{bad}");
    }
}

#[test]
fn a_budget_is_set_replaced_and_removed_each_undoably() {
    let mut w = World::new();
    let team = w.add_unit("Checkout", None);
    w.accept(Op::SetBudget {
        budget: budget(team, "2027-q1", 900_000.0, "eur"),
    });
    let stored = w.org.budget(team, "2027-Q1").unwrap();
    assert_eq!(stored.amount.as_ref().unwrap().currency, "EUR");
    w.accept(Op::SetBudget {
        budget: budget(team, "2027-Q1", 950_000.0, "EUR"),
    });
    w.accept(Op::RemoveBudget {
        unit: team,
        period: "2027-Q1".into(),
    });
    assert!(w.org.budget(team, "2027-Q1").is_none());
}

#[test]
fn a_budget_in_a_currency_without_a_rate_is_refused_naming_the_currency_field() {
    let mut w = World::new();
    let team = w.add_unit("Checkout", None);
    let e = w.refuse_naming(
        Op::SetBudget {
            budget: budget(team, "2027", 1.0, "USD"),
        },
        ErrorCode::InvalidValue,
        &["USD", "EUR"],
    );
    assert_eq!(e.field.as_deref(), Some("currency"));
    w.accept(Op::SetPlanSettings {
        settings: PlanSettings {
            reporting_currency: "eur".into(),
            rates: BTreeMap::from([("usd".into(), 0.92)]),
        },
    });
    w.accept(Op::SetBudget {
        budget: budget(team, "2027", 1.0, "USD"),
    });
    // The rate cannot go while a budget needs it.
    let e = w.refuse(
        Op::SetPlanSettings {
            settings: PlanSettings::default(),
        },
        ErrorCode::InvalidValue,
    );
    assert_eq!(e.field.as_deref(), Some("rates"));
}

#[test]
fn a_budget_period_must_be_a_year_or_a_quarter() {
    let mut w = World::new();
    let team = w.add_unit("Checkout", None);
    for bad in ["2027-03", "Q1", "2027-Q0"] {
        let e = w.refuse(
            Op::SetBudget {
                budget: budget(team, bad, 1.0, "EUR"),
            },
            ErrorCode::InvalidValue,
        );
        assert_eq!(e.field.as_deref(), Some("period"), "{bad}");
    }
}

#[test]
fn deleting_a_unit_takes_its_budgets_and_planned_moves_and_undo_brings_them_back() {
    let mut w = World::new();
    let team = w.add_unit("Checkout", None);
    let ada = w.add(person("Ada"));
    w.accept(Op::SetBudget {
        budget: budget(team, "2027", 1.0, "EUR"),
    });
    w.accept(Op::AddDatedChange {
        change: DatedChange {
            id: 0,
            date: "2027-02-01".into(),
            change: DatedOp::SetMembership {
                person: ada,
                unit: team,
                allocation: 100,
                role: TeamRole::Engineer,
            },
        },
    });
    w.accept(Op::DeleteUnit { id: team });
    assert_eq!(w.org.budgets().count(), 0);
    assert_eq!(w.org.dated_changes().count(), 0);
}

#[test]
fn a_dated_change_needs_a_real_day_and_people_who_exist() {
    let mut w = World::new();
    let ada = w.add(person("Ada"));
    let boss = w.add(person("Boss"));
    let e = w.refuse(
        Op::AddDatedChange {
            change: DatedChange {
                id: 0,
                date: "2027-02-30".into(),
                change: DatedOp::SetManager {
                    person: ada,
                    manager: boss,
                },
            },
        },
        ErrorCode::InvalidValue,
    );
    assert_eq!(e.field.as_deref(), Some("date"));
    w.refuse(
        Op::AddDatedChange {
            change: DatedChange {
                id: 0,
                date: "2027-02-01".into(),
                change: DatedOp::ClearManager {
                    person: topograph_model::PersonId(999),
                },
            },
        },
        ErrorCode::NotFound,
    );
}

#[test]
fn the_org_before_a_dated_move_is_unchanged_and_after_it_the_move_is_applied() {
    let mut w = World::new();
    let boss = w.add(person("Boss"));
    let other = w.add(person("Other"));
    let ada = w.add(person_under("Ada", boss));
    w.accept(Op::AddDatedChange {
        change: DatedChange {
            id: 0,
            date: "2027-02-01".into(),
            change: DatedOp::SetManager {
                person: ada,
                manager: other,
            },
        },
    });
    let before = w.org.as_of(day("2027-01-31"));
    assert_eq!(before.org.person(ada).unwrap().manager, Some(boss));
    let after = w.org.as_of(day("2027-02-01"));
    assert_eq!(after.org.person(ada).unwrap().manager, Some(other));
    assert_eq!(
        after.org.dated_changes().count(),
        0,
        "applied changes are spent"
    );
    assert!(after.skipped.is_empty());
}

#[test]
fn a_leaver_is_gone_the_day_after_their_end_date_and_their_reports_move_up() {
    let mut w = World::new();
    let top = w.add(person("Top"));
    let mut lead = person_under("Lead", top);
    lead.status = PersonStatus::Leaving;
    lead.end_date = Some("2027-03-31".into());
    let lead = w.add(lead);
    let ada = w.add(person_under("Ada", lead));
    assert!(w.org.as_of(day("2027-03-31")).org.person(lead).is_some());
    let after = w.org.as_of(day("2027-04-01")).org;
    assert!(after.person(lead).is_none());
    assert_eq!(after.person(ada).unwrap().manager, Some(top));
}

#[test]
fn a_planned_hire_is_in_the_org_from_their_target_start_and_planned_before() {
    let mut w = World::new();
    let mut hire = open_position("Designer");
    hire.target_start = Some("2027-Q3".into());
    let hire = w.add(hire);
    let mut late = person("Late starter");
    late.start_date = Some("2027-05-01".into());
    let late = w.add(late);
    let june = w.org.as_of(day("2027-06-30")).org;
    assert_eq!(
        june.person(hire).unwrap().status,
        PersonStatus::OpenPosition
    );
    assert_eq!(june.person(late).unwrap().status, PersonStatus::Active);
    let april = w.org.as_of(day("2027-04-30")).org;
    assert_eq!(
        april.person(late).unwrap().status,
        PersonStatus::PlannedHire
    );
    let july = w.org.as_of(day("2027-07-01")).org;
    let hired = july.person(hire).unwrap();
    assert_eq!(hired.status, PersonStatus::Active);
    assert_eq!(hired.display_name(), "Designer");
    assert!(july.problems().is_empty(), "{:?}", july.problems());
}

#[test]
fn a_planned_move_that_no_longer_fits_is_skipped_with_its_reason() {
    let mut w = World::new();
    let a = w.add(person("A"));
    let b = w.add(person_under("B", a));
    // A under their own report B: a loop on the day it is due.
    w.accept(Op::AddDatedChange {
        change: DatedChange {
            id: 0,
            date: "2027-01-01".into(),
            change: DatedOp::MoveSubtree {
                person: a,
                manager: Some(b),
            },
        },
    });
    let out = w.org.as_of(day("2027-06-01"));
    assert_eq!(out.skipped.len(), 1);
    assert_eq!(out.skipped[0].1.code, ErrorCode::Cycle);
    assert_eq!(out.org.person(a).unwrap().manager, None);
}
