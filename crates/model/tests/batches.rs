//! Several ops as one undo step, and the ops an org refuses outright.

mod common;

use common::*;
use topograph_model::{
    ErrorCode, Op, Person, PersonId, ReportsTo, ScenarioId, TeamRole, Unit, UnitId,
};

fn batch(ops: Vec<Op>) -> Op {
    Op::Batch {
        label: "Reorganise".into(),
        ops,
    }
}

#[test]
fn a_batch_applies_its_steps_in_order_and_each_sees_the_ones_before() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let new_person = PersonId(w.ids.fresh());
    let new_team = UnitId(w.ids.fresh());
    let next = w.ids.next;
    let patch = w.accept(batch(vec![
        Op::CreatePerson {
            person: Person {
                id: new_person,
                ..person("Ada")
            },
        },
        Op::CreateUnit {
            unit: Unit {
                id: new_team,
                lead: Some(new_person),
                ..unit("Team")
            },
        },
        Op::SetMembership {
            person: new_person,
            unit: new_team,
            allocation: 100,
            role: TeamRole::EngineeringManager,
        },
        Op::SetManager {
            person: new_person,
            manager: boss,
        },
        Op::CreatePerson {
            person: person("Fresh"),
        },
    ]));
    assert_eq!(patch.changes.len(), 5);
    assert_eq!(w.manager_of(new_person), Some(boss));
    assert_eq!(w.unit(new_team).lead, Some(new_person));
    assert!(w.org.membership(new_person, new_team).is_some());
    assert_eq!(w.person(PersonId(next)).name, "Fresh");
    assert_eq!(w.ids.next, next + 1);
}

#[test]
fn a_batch_whose_third_step_fails_leaves_the_org_and_the_id_counter_exactly_as_before() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let report = w.add_person("Report", Some(mid));
    let team = w.add_unit("Team", None);
    w.seat(mid, team, 50);
    w.dotted(report, boss);
    w.place(team);
    let before = w.records();
    let next = w.ids.next;
    let e = w.refuse(
        batch(vec![
            Op::CreatePerson {
                person: person("New one"),
            },
            Op::DeletePerson {
                id: mid,
                reports_to: Some(ReportsTo::DeletedPersonsManager),
            },
            Op::SetManager {
                person: report,
                manager: report,
            },
            Op::DeleteUnit { id: team },
        ]),
        ErrorCode::SelfReference,
    );
    assert!(
        e.message.starts_with("step 3 (Change manager): "),
        "{}",
        e.message
    );
    assert!(e.message.contains("Report cannot manage themselves"));
    assert_eq!(w.records(), before);
    assert_eq!(w.ids.next, next);
    assert_eq!(w.org.report_count(mid), 1, "the indexes were put back too");
    assert_eq!(w.org.dotted_reports(boss).count(), 1);
}

#[test]
fn a_failing_step_keeps_the_code_of_its_own_error() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let e = w.refuse(
        batch(vec![
            Op::DeleteUnit { id: team },
            Op::CreateUnit { unit: unit("") },
        ]),
        ErrorCode::NameRequired,
    );
    assert!(
        e.message.starts_with("step 2 (Add unit): "),
        "{}",
        e.message
    );
}

#[test]
fn a_step_that_refers_to_what_an_earlier_step_deleted_fails() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let ada = w.add_person("Ada", None);
    w.refuse_naming(
        batch(vec![
            Op::DeleteUnit { id: team },
            Op::SetMembership {
                person: ada,
                unit: team,
                allocation: 10,
                role: TeamRole::Other,
            },
        ]),
        ErrorCode::NotFound,
        &["step 2", "unit #"],
    );
}

#[test]
fn a_failing_nested_batch_says_which_step_of_which_batch_failed() {
    let mut w = World::new();
    let e = w.refuse(
        batch(vec![
            Op::CreatePerson {
                person: person("One"),
            },
            Op::Batch {
                label: "Inner".into(),
                ops: vec![
                    Op::CreatePerson {
                        person: person("Two"),
                    },
                    Op::DeleteArea {
                        id: topograph_model::AreaId(99),
                    },
                ],
            },
        ]),
        ErrorCode::NotFound,
    );
    assert_eq!(
        e.message,
        "step 2 (Inner): step 2 (Delete area): area #99 does not exist"
    );
}

#[test]
fn nested_batches_are_flattened_into_one_patch() {
    let mut w = World::new();
    let patch = w.accept(batch(vec![
        Op::CreatePerson {
            person: person("One"),
        },
        batch(vec![batch(vec![Op::CreatePerson {
            person: person("Two"),
        }])]),
    ]));
    assert_eq!(patch.changes.len(), 2);
    assert_eq!(w.org.person_count(), 2);
}

#[test]
fn an_empty_batch_changes_nothing() {
    let mut w = World::new();
    w.add_person("Ada", None);
    assert!(w.accept(batch(vec![])).is_empty());
}

#[test]
fn batches_nested_too_deep_are_refused() {
    let mut w = World::new();
    let mut op = Op::CreatePerson {
        person: person("Deep"),
    };
    for _ in 0..40 {
        op = batch(vec![op]);
    }
    let e = w.refuse(op, ErrorCode::NotAllowed);
    assert!(e.message.contains("32 deep"), "{}", e.message);
}

#[test]
fn a_batch_nested_32_deep_is_accepted() {
    let mut w = World::new();
    let mut op = Op::CreatePerson {
        person: person("Deep"),
    };
    for _ in 0..32 {
        op = batch(vec![op]);
    }
    w.accept(op);
    assert_eq!(w.org.person_count(), 1);
}

#[test]
fn a_batch_is_labelled_with_its_own_label() {
    assert_eq!(batch(vec![]).label(), "Reorganise");
}

fn scenario_ops() -> Vec<Op> {
    vec![
        Op::CreateScenario {
            name: "Proposal".into(),
        },
        Op::ForkScenario {
            from: ScenarioId(1),
            name: "Copy".into(),
        },
        Op::RenameScenario {
            id: ScenarioId(1),
            name: "Renamed".into(),
        },
        Op::DeleteScenario { id: ScenarioId(1) },
    ]
}

#[test]
fn scenario_ops_are_refused_by_an_org() {
    let mut w = World::new();
    w.add_person("Ada", None);
    for op in scenario_ops() {
        assert!(op.is_scenario_op());
        w.refuse_naming(op, ErrorCode::NotAllowed, &["scenario"]);
    }
}

#[test]
fn a_scenario_op_inside_a_batch_is_refused_and_undoes_the_steps_before_it() {
    let mut w = World::new();
    w.add_person("Ada", None);
    for op in scenario_ops() {
        w.refuse_naming(
            batch(vec![Op::CreateUnit { unit: unit("Team") }, op]),
            ErrorCode::NotAllowed,
            &["step 2", "scenario"],
        );
    }
    assert_eq!(w.org.units().count(), 0);
}

#[test]
fn only_scenario_ops_are_scenario_ops() {
    assert!(!batch(vec![]).is_scenario_op());
    assert!(!Op::DeleteUnit { id: UnitId(1) }.is_scenario_op());
}

#[test]
fn a_batch_of_many_deletions_is_undone_as_one_step() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let r = w.add_person("R", Some(mid));
    let tribe = w.add_unit("Tribe", None);
    let team = w.add_unit("Team", Some(tribe));
    w.seat(mid, team, 100);
    w.seat(r, tribe, 100);
    let a = w.add_area("Area", None, Some(team));
    let b = w.add_area("Sub", Some(a), None);
    w.contribute(b, tribe);
    w.add_interaction(interaction(tribe, team));
    w.place(team);
    let before = w.records();
    let patch = w.accept(batch(vec![
        Op::DeletePerson {
            id: mid,
            reports_to: Some(ReportsTo::Nobody),
        },
        Op::DeleteUnit { id: tribe },
        Op::DeleteArea { id: a },
        Op::DeleteUnit { id: team },
        Op::DeletePerson {
            id: boss,
            reports_to: None,
        },
    ]));
    let r_after = w.records();
    assert_eq!(r_after.persons.len(), 1);
    assert_eq!(r_after.units.len(), 0);
    assert_eq!(r_after.areas.len(), 1);
    assert!(r_after.memberships.is_empty());
    assert!(r_after.contributors.is_empty());
    assert!(r_after.interactions.is_empty());
    assert!(r_after.placements.is_empty());
    w.org.apply_patch(&patch.inverted()).unwrap();
    assert_eq!(w.records(), before);
    assert!(w.org.problems().is_empty());
}

#[test]
fn a_patch_that_no_longer_matches_the_org_is_refused_as_a_conflict_and_changes_nothing() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let team = w.add_unit("Team", None);
    w.seat(mid, team, 100);
    let patch = w.accept(batch(vec![
        Op::CreateUnit {
            unit: unit("Second"),
        },
        Op::DeletePerson {
            id: mid,
            reports_to: None,
        },
    ]));
    let second = w.org.units().find(|u| u.name == "Second").unwrap().clone();
    let undo = patch.clone().inverted();
    // The undo re-creates Mid and the seat, then deletes Second as it was; but Second has
    // been renamed since, so the last change conflicts and the first two are taken back.
    w.accept(Op::UpdateUnit {
        unit: Unit {
            name: "Renamed".into(),
            ..second
        },
    });
    let before = w.records();
    let e = w.org.apply_patch(&undo).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("unit"), "{}", e.message);
    assert_eq!(w.records(), before);
    assert!(w.org.problems().is_empty());
    // Applying the same patch twice is a conflict as well.
    let mut again = w.org.clone();
    let e = again.apply_patch(&patch).unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    assert_eq!(again.to_records(), before);
}

#[test]
fn a_pasted_manager_column_that_would_make_a_loop_is_refused_naming_the_person_and_nothing_moves() {
    // The people sheet pastes a column of managers as one batch of move-subtree steps (only each
    // row's own manager changes): the third row's new manager is below it.
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let lead = w.add_person("Lead", Some(boss));
    let dev = w.add_person("Dev", Some(lead));
    let other = w.add_person("Other", Some(boss));
    let before = w.records();
    let e = w.refuse(
        Op::Batch {
            label: "Paste 3 cells".into(),
            ops: vec![
                Op::MoveSubtree {
                    person: other,
                    manager: Some(lead),
                },
                Op::MoveSubtree {
                    person: dev,
                    manager: Some(boss),
                },
                Op::MoveSubtree {
                    person: lead,
                    manager: Some(other),
                },
            ],
        },
        ErrorCode::Cycle,
    );
    assert!(
        e.message
            .starts_with("step 3 (Move team under new manager): Lead cannot report to Other"),
        "{}",
        e.message
    );
    assert_eq!(w.records(), before, "the first two steps were put back");
}
