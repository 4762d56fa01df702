//! Promoting a proposal to baseline: one undoable step that keeps the old baseline, archived.

mod common;

use common::*;
use topograph_document::Document;
use topograph_model::{ErrorCode, Op, Scenario};

fn reopen(doc: Document) -> Document {
    let path = doc.path().unwrap().to_path_buf();
    drop(doc);
    Document::open(&path).unwrap()
}

fn names(doc: &Document) -> Vec<(String, bool)> {
    doc.scenarios()
        .iter()
        .map(|s| (s.name.clone(), s.archived))
        .collect()
}

#[test]
fn promoting_a_proposal_makes_it_current_and_archives_the_old_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create(&dir.path().join("p.topo")).unwrap();
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
    doc.apply(Op::MoveSubtree {
        person: s.eve,
        manager: Some(s.ana),
    })
    .unwrap();
    let proposed = doc.org().clone();

    let applied = doc.apply(Op::PromoteScenario { id: proposal }).unwrap();
    assert_eq!(applied.label, "Promote scenario");
    assert_eq!(doc.baseline().id, proposal);
    assert_eq!(
        names(&doc),
        vec![
            ("Current".to_string(), false),
            ("Current before Proposal Q3".to_string(), true)
        ]
    );
    assert_eq!(doc.load_scenario(proposal).unwrap(), proposed);
    assert_eq!(
        doc.load_scenario(current).unwrap(),
        base,
        "the old baseline keeps its org"
    );

    let mut doc = reopen(doc);
    assert_eq!(doc.baseline().id, proposal, "the promotion is in the file");
    doc.undo().unwrap();
    let doc = reopen(doc);
    assert_eq!(
        names(&doc),
        vec![
            ("Current".to_string(), false),
            ("Proposal Q3".to_string(), false)
        ]
    );
    assert_eq!(doc.baseline().id, current);
    assert_eq!(doc.load_scenario(current).unwrap(), base);
    assert_eq!(doc.load_scenario(proposal).unwrap(), proposed);
}

#[test]
fn promoting_twice_keeps_every_former_baseline_under_its_own_name() {
    let mut doc = Document::in_memory().unwrap();
    let current = doc.active_scenario().id;
    for name in ["A", "B"] {
        doc.apply(Op::ForkScenario {
            from: current,
            name: name.into(),
        })
        .unwrap();
    }
    let a = doc.scenario_by_name("A").unwrap().id;
    let b = doc.scenario_by_name("B").unwrap().id;
    doc.apply(Op::PromoteScenario { id: a }).unwrap();
    doc.apply(Op::PromoteScenario { id: b }).unwrap();
    let archived: Vec<&Scenario> = doc.scenarios().iter().filter(|s| s.archived).collect();
    assert_eq!(
        archived.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        vec!["Current before A", "Current before B"]
    );
    assert_eq!(doc.baseline().id, b);
    assert_eq!(doc.baseline().name, "Current");
}

#[test]
fn the_baseline_cannot_be_promoted_and_a_refusal_changes_nothing() {
    let mut doc = Document::in_memory().unwrap();
    let current = doc.active_scenario().id;
    let e = doc.apply(Op::PromoteScenario { id: current }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
    let e = doc
        .apply(Op::PromoteScenario {
            id: topograph_model::ScenarioId(999),
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(names(&doc), vec![("Current".to_string(), false)]);
    assert_eq!(doc.history().unwrap().undo, None);
}

#[test]
fn promote_cannot_be_part_of_a_batch() {
    let mut doc = Document::in_memory().unwrap();
    let e = doc
        .apply(Op::Batch {
            label: "x".into(),
            ops: vec![Op::PromoteScenario {
                id: doc.active_scenario().id,
            }],
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
}
