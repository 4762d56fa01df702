//! Undo and redo through the persistent log, across restarts and scenarios.

mod common;

use common::*;
use topograph_document::Document;
use topograph_model::{EntityKey, ErrorCode, Op, ReportsTo};

fn reopen(doc: Document) -> Document {
    let path = doc.path().unwrap().to_path_buf();
    drop(doc);
    Document::open(&path).unwrap()
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(&dir.path().join("h.topo")).unwrap();
    let s = small(&mut doc);
    let before = doc.org().clone();
    doc.apply(Op::MoveSubtree {
        person: s.ana,
        manager: Some(s.dee),
    })
    .unwrap();
    let after = doc.org().clone();

    let mut doc = reopen(doc);
    assert_eq!(doc.org(), &after);
    assert_eq!(
        doc.history().unwrap().undo.as_deref(),
        Some("Move team under new manager")
    );
    doc.undo().unwrap();
    assert_eq!(doc.org(), &before);

    let mut doc = reopen(doc);
    assert_eq!(doc.org(), &before, "the undo was saved");
    assert_eq!(
        doc.history().unwrap().redo.as_deref(),
        Some("Move team under new manager")
    );
    doc.redo().unwrap();
    assert_eq!(doc.org(), &after);

    let doc = reopen(doc);
    assert_eq!(doc.org(), &after, "the redo was saved");
    assert!(doc.history().unwrap().redo.is_none());
}

#[test]
fn undoing_everything_returns_to_the_empty_document() {
    let mut doc = Document::in_memory().unwrap();
    let empty = doc.org().clone();
    small(&mut doc);
    let mut steps = 0;
    while doc.history().unwrap().undo.is_some() {
        doc.undo().unwrap();
        steps += 1;
    }
    assert_eq!(steps, 10, "seven people, one unit, two memberships");
    assert_eq!(doc.org(), &empty);
    assert_eq!(doc.undo().unwrap_err().code, ErrorCode::NothingToUndo);
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_branch() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    doc.apply(Op::MoveSubtree {
        person: s.bo,
        manager: Some(s.dee),
    })
    .unwrap();
    doc.undo().unwrap();
    assert!(doc.history().unwrap().redo.is_some());
    doc.apply(Op::MoveSubtree {
        person: s.cy,
        manager: Some(s.dee),
    })
    .unwrap();
    assert!(doc.history().unwrap().redo.is_none());
    assert_eq!(doc.redo().unwrap_err().code, ErrorCode::NothingToRedo);
}

#[test]
fn a_rejected_operation_is_not_logged() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let before = doc.org().clone();
    let history = doc.history().unwrap();
    let e = doc
        .apply(Op::MoveSubtree {
            person: s.ceo,
            manager: Some(s.bo),
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cycle);
    assert_eq!(doc.org(), &before);
    assert_eq!(doc.history().unwrap(), history);
}

#[test]
fn an_operation_that_changes_nothing_is_not_logged() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let history = doc.history().unwrap();
    let applied = doc
        .apply(Op::MoveSubtree {
            person: s.bo,
            manager: Some(s.ana),
        })
        .unwrap();
    assert!(applied.changes.is_empty());
    assert_eq!(doc.history().unwrap(), history);
}

#[test]
fn the_change_set_names_what_an_operation_touched() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let applied = doc
        .apply(Op::DeletePerson {
            id: s.ana,
            reports_to: Some(ReportsTo::DeletedPersonsManager),
        })
        .unwrap();
    let updated: Vec<EntityKey> = applied.changes.updated.iter().map(|e| e.key()).collect();
    assert!(updated.contains(&EntityKey::Person { id: s.bo }));
    assert!(updated.contains(&EntityKey::Person { id: s.cy }));
    assert_eq!(
        applied.changes.deleted,
        vec![EntityKey::Person { id: s.ana }]
    );
    assert!(applied.changes.created.is_empty());
    let undone = doc.undo().unwrap();
    assert_eq!(
        undone
            .changes
            .created
            .iter()
            .map(|e| e.key())
            .collect::<Vec<_>>(),
        vec![EntityKey::Person { id: s.ana }]
    );
}

#[test]
fn forking_keeps_identities_and_the_scenarios_evolve_separately() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let current = doc.active_scenario().id;
    let base = doc.org().clone();
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal Q3".into(),
    })
    .unwrap();
    let proposal = doc.scenario_by_name("Proposal Q3").unwrap().id;
    doc.switch_scenario(proposal).unwrap();
    assert_eq!(doc.org(), &base, "a fork starts as an exact copy, same ids");
    doc.apply(Op::MoveSubtree {
        person: s.eve,
        manager: Some(s.ana),
    })
    .unwrap();
    assert_eq!(doc.org().person(s.eve).unwrap().manager, Some(s.ana));
    assert_eq!(
        doc.load_scenario(current).unwrap(),
        base,
        "the baseline is untouched"
    );
}

#[test]
fn undo_of_an_edit_in_another_scenario_opens_that_scenario() {
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "B".into(),
    })
    .unwrap();
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.switch_scenario(b).unwrap();
    doc.apply(Op::MoveSubtree {
        person: s.eve,
        manager: Some(s.ana),
    })
    .unwrap();
    doc.switch_scenario(current).unwrap();
    let applied = doc.undo().unwrap();
    assert_eq!(applied.active_scenario, b);
    assert_eq!(doc.active_scenario().id, b);
    assert_eq!(doc.org().person(s.eve).unwrap().manager, Some(s.dee));
}

#[test]
fn a_deleted_scenario_comes_back_whole_on_undo_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(&dir.path().join("s.topo")).unwrap();
    let s = small(&mut doc);
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "B".into(),
    })
    .unwrap();
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.switch_scenario(b).unwrap();
    doc.apply(Op::MoveSubtree {
        person: s.eve,
        manager: Some(s.ana),
    })
    .unwrap();
    let b_org = doc.org().clone();
    doc.apply(Op::DeleteScenario { id: b }).unwrap();
    assert_eq!(
        doc.active_scenario().id,
        current,
        "deleting the open scenario opens another"
    );
    assert!(doc.scenario_by_name("B").is_none());
    let mut doc = reopen(doc);
    doc.undo().unwrap();
    assert_eq!(doc.load_scenario(b).unwrap(), b_org);
}

#[test]
fn undoing_a_fork_removes_it_and_redo_brings_back_the_same_scenario() {
    let mut doc = Document::in_memory().unwrap();
    small(&mut doc);
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "B".into(),
    })
    .unwrap();
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.undo().unwrap();
    assert!(doc.scenario_by_name("B").is_none());
    doc.redo().unwrap();
    assert_eq!(doc.scenario_by_name("B").unwrap().id, b);
    assert_eq!(
        doc.load_scenario(b).unwrap(),
        doc.load_scenario(current).unwrap()
    );
}

#[test]
fn a_fork_dropped_from_the_redo_branch_is_purged_from_the_file() {
    let mut doc = Document::in_memory().unwrap();
    small(&mut doc);
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "B".into(),
    })
    .unwrap();
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.undo().unwrap();
    doc.apply(Op::CreateScenario { name: "B".into() }).unwrap();
    assert_ne!(doc.scenario_by_name("B").unwrap().id, b);
    assert_eq!(doc.load_scenario(b).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn scenario_names_are_unique_and_the_last_scenario_stays() {
    let mut doc = Document::in_memory().unwrap();
    let current = doc.active_scenario().id;
    let e = doc
        .apply(Op::CreateScenario {
            name: " Current ".into(),
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Duplicate);
    assert_eq!(
        doc.apply(Op::CreateScenario { name: "  ".into() })
            .unwrap_err()
            .code,
        ErrorCode::NameRequired
    );
    assert_eq!(
        doc.apply(Op::DeleteScenario { id: current })
            .unwrap_err()
            .code,
        ErrorCode::LastScenario
    );
    doc.apply(Op::RenameScenario {
        id: current,
        name: "Today".into(),
    })
    .unwrap();
    assert_eq!(doc.active_scenario().name, "Today");
    doc.undo().unwrap();
    assert_eq!(doc.active_scenario().name, "Current");
}

#[test]
fn reserved_ids_let_a_batch_refer_to_what_it_creates() {
    let mut doc = Document::in_memory().unwrap();
    let first = doc.reserve_ids(2).unwrap();
    let mut boss = person("Boss");
    boss.id = topograph_model::PersonId(first);
    let mut report = person("Report");
    report.id = topograph_model::PersonId(first + 1);
    report.manager = Some(boss.id);
    doc.apply(Op::Batch {
        label: "Import".into(),
        ops: vec![
            Op::CreatePerson { person: boss },
            Op::CreatePerson { person: report },
        ],
    })
    .unwrap();
    assert_eq!(doc.org().report_count(topograph_model::PersonId(first)), 1);
    assert_eq!(doc.history().unwrap().undo.as_deref(), Some("Import"));
    doc.undo().unwrap();
    assert_eq!(doc.org().person_count(), 0, "one import is one undo step");
}

#[test]
fn collapsed_state_is_kept_per_scenario_and_view_outside_the_history() {
    use topograph_model::View;
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let history = doc.history().unwrap();
    doc.set_collapsed(View::OrgChart, s.ana.0, true).unwrap();
    assert_eq!(doc.collapsed(View::OrgChart).unwrap(), vec![s.ana.0]);
    assert!(doc.collapsed(View::TeamMap).unwrap().is_empty());
    assert_eq!(doc.history().unwrap(), history);
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "B".into(),
    })
    .unwrap();
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.switch_scenario(b).unwrap();
    assert_eq!(
        doc.collapsed(View::OrgChart).unwrap(),
        vec![s.ana.0],
        "a fork copies view state"
    );
    doc.set_collapsed(View::OrgChart, s.ana.0, false).unwrap();
    doc.switch_scenario(current).unwrap();
    assert_eq!(doc.collapsed(View::OrgChart).unwrap(), vec![s.ana.0]);
}

#[test]
fn replacing_the_collapsed_set_drops_every_other_node_of_that_view_only() {
    use topograph_model::View;
    let mut doc = Document::in_memory().unwrap();
    let s = small(&mut doc);
    let history = doc.history().unwrap();
    doc.set_collapsed(View::OrgChart, s.ana.0, true).unwrap();
    doc.set_collapsed(View::TeamMap, 99, true).unwrap();
    doc.replace_collapsed(View::OrgChart, &[7, 3, 7]).unwrap();
    assert_eq!(doc.collapsed(View::OrgChart).unwrap(), vec![3, 7]);
    assert_eq!(doc.collapsed(View::TeamMap).unwrap(), vec![99]);
    doc.replace_collapsed(View::OrgChart, &[]).unwrap();
    assert!(doc.collapsed(View::OrgChart).unwrap().is_empty());
    assert_eq!(doc.history().unwrap(), history, "view state is not history");
}

fn import_ops() -> Vec<Op> {
    vec![
        Op::CreatePerson {
            person: person("Ivo"),
        },
        Op::CreatePerson {
            person: person("Jun"),
        },
    ]
}

#[test]
fn a_scenario_created_with_records_is_one_undo_step_even_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(&dir.path().join("h.topo")).unwrap();
    small(&mut doc);
    let current = doc.org().clone();
    doc.apply(Op::CreateScenarioWith {
        name: "From HR".into(),
        label: "Import people".into(),
        ops: import_ops(),
    })
    .unwrap();
    let imported = doc.scenario_by_name("From HR").unwrap().id;
    let names = |doc: &Document| {
        let mut n: Vec<String> = doc
            .load_scenario(imported)
            .unwrap()
            .persons()
            .map(|p| p.name.clone())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&doc), ["Ivo", "Jun"]);
    assert_eq!(doc.org(), &current, "the open scenario stays open");

    let mut doc = reopen(doc);
    assert_eq!(
        doc.history().unwrap().undo.as_deref(),
        Some("Import people")
    );
    doc.undo().unwrap();
    assert!(doc.scenario_by_name("From HR").is_none());
    assert_eq!(
        doc.scenarios().len(),
        1,
        "one undo takes the whole import back"
    );

    let mut doc = reopen(doc);
    doc.redo().unwrap();
    assert_eq!(doc.scenario_by_name("From HR").unwrap().id, imported);
    assert_eq!(names(&doc), ["Ivo", "Jun"]);
}

#[test]
fn a_scenario_whose_records_are_refused_is_not_created() {
    let mut doc = Document::in_memory().unwrap();
    small(&mut doc);
    let history = doc.history().unwrap();
    let mut ops = import_ops();
    ops.push(Op::SetManager {
        person: topograph_model::PersonId(999_999),
        manager: topograph_model::PersonId(999_998),
    });
    let e = doc
        .apply(Op::CreateScenarioWith {
            name: "From HR".into(),
            label: "Import people".into(),
            ops,
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e}");
    assert_eq!(doc.scenarios().len(), 1);
    assert_eq!(doc.history().unwrap(), history);
}
