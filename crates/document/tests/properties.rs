//! Random edit sequences: invariants hold, undo restores, redo re-applies, the file equals memory.

mod common;

use common::*;
use proptest::prelude::*;
use topograph_document::Document;
use topograph_model::*;

/// An edit chosen by index into whatever exists when it runs, so sequences stay meaningful.
#[derive(Clone, Debug)]
enum Step {
    AddPerson(u8),
    MoveSubtree(u8, u8),
    SetManager(u8, u8),
    ClearManager(u8),
    DeletePerson(u8, u8),
    Dotted(u8, u8),
    AddUnit(u8),
    MoveUnit(u8, u8),
    DeleteUnit(u8),
    Member(u8, u8, u8),
    AddArea(u8),
    MoveArea(u8, u8, u8),
    DeleteArea(u8),
    Owner(u8, u8),
    Contributor(u8, u8),
    Interaction(u8, u8),
    Fork,
    Switch(u8),
    Undo,
    Redo,
    RenameScenario(u8),
    DeleteScenario(u8),
    Promote(u8),
    /// Several record ops as one undo step (an edit of several cards, a merge import).
    Batch(u8, u8, u8),
    /// A new scenario made with records in one step (an import into a new scenario).
    ImportScenario(u8),
    /// Saves or deletes a saved sheet view (document-wide, undone like any step).
    SheetView(u8),
    /// Adds, edits or removes a custom field definition, or sets a value of one (removal and
    /// rename carry the values of the open scenario).
    Field(u8, u8),
    /// Closes the file and opens it again.
    Reopen,
}

fn step() -> impl Strategy<Value = Step> {
    let i = any::<u8>();
    prop_oneof![
        3 => i.prop_map(Step::AddPerson),
        3 => (i, i).prop_map(|(a, b)| Step::MoveSubtree(a, b)),
        2 => (i, i).prop_map(|(a, b)| Step::SetManager(a, b)),
        1 => i.prop_map(Step::ClearManager),
        2 => (i, i).prop_map(|(a, b)| Step::DeletePerson(a, b)),
        1 => (i, i).prop_map(|(a, b)| Step::Dotted(a, b)),
        2 => i.prop_map(Step::AddUnit),
        1 => (i, i).prop_map(|(a, b)| Step::MoveUnit(a, b)),
        1 => i.prop_map(Step::DeleteUnit),
        2 => (i, i, i).prop_map(|(a, b, c)| Step::Member(a, b, c)),
        1 => i.prop_map(Step::AddArea),
        1 => (i, i, i).prop_map(|(a, b, c)| Step::MoveArea(a, b, c)),
        1 => i.prop_map(Step::DeleteArea),
        1 => (i, i).prop_map(|(a, b)| Step::Owner(a, b)),
        1 => (i, i).prop_map(|(a, b)| Step::Contributor(a, b)),
        1 => (i, i).prop_map(|(a, b)| Step::Interaction(a, b)),
        1 => Just(Step::Fork),
        1 => i.prop_map(Step::Switch),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        1 => i.prop_map(Step::RenameScenario),
        1 => i.prop_map(Step::DeleteScenario),
        1 => i.prop_map(Step::Promote),
        2 => (i, i, i).prop_map(|(a, b, c)| Step::Batch(a, b, c)),
        1 => i.prop_map(Step::ImportScenario),
        1 => i.prop_map(Step::SheetView),
        2 => (i, i).prop_map(|(a, b)| Step::Field(a, b)),
        1 => Just(Step::Reopen),
    ]
}

fn pick<T: Copy>(items: &[T], i: u8) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        Some(items[i as usize % items.len()])
    }
}

fn op_for(org: &Org, step: &Step, scenarios: &[Scenario]) -> Option<Op> {
    let people: Vec<PersonId> = org.persons().map(|p| p.id).collect();
    let units: Vec<UnitId> = org.units().map(|u| u.id).collect();
    let areas: Vec<AreaId> = org.areas().map(|a| a.id).collect();
    Some(match *step {
        Step::AddPerson(m) => {
            let mut p = person(&format!("P{m}"));
            p.manager = pick(&people, m);
            Op::CreatePerson { person: p }
        }
        Step::MoveSubtree(a, b) => Op::MoveSubtree {
            person: pick(&people, a)?,
            manager: if b % 5 == 0 { None } else { pick(&people, b) },
        },
        Step::SetManager(a, b) => Op::SetManager {
            person: pick(&people, a)?,
            manager: pick(&people, b)?,
        },
        Step::ClearManager(a) => Op::ClearManager {
            person: pick(&people, a)?,
        },
        Step::DeletePerson(a, b) => Op::DeletePerson {
            id: pick(&people, a)?,
            reports_to: match b % 4 {
                0 => None,
                1 => Some(ReportsTo::DeletedPersonsManager),
                2 => Some(ReportsTo::Nobody),
                _ => Some(ReportsTo::Person {
                    id: pick(&people, b)?,
                }),
            },
        },
        Step::Dotted(a, b) => Op::AddDottedLine {
            person: pick(&people, a)?,
            manager: pick(&people, b)?,
        },
        Step::AddUnit(p) => {
            let mut u = unit(&format!("U{p}"), UnitKind::ALL[p as usize % 5]);
            u.parent = if p % 2 == 0 { pick(&units, p) } else { None };
            u.lead = pick(&people, p);
            Op::CreateUnit { unit: u }
        }
        Step::MoveUnit(a, b) => Op::MoveUnit {
            id: pick(&units, a)?,
            parent: pick(&units, b),
        },
        Step::DeleteUnit(a) => Op::DeleteUnit {
            id: pick(&units, a)?,
        },
        Step::Member(a, b, c) => Op::SetMembership {
            person: pick(&people, a)?,
            unit: pick(&units, b)?,
            allocation: (c as u32 % 110) + 1,
            role: TeamRole::ALL[c as usize % 6],
        },
        Step::AddArea(p) => Op::CreateArea {
            area: Area {
                id: AreaId(0),
                name: format!("A{p}"),
                description: String::new(),
                parent: pick(&areas, p),
                complexity: Complexity::ALL[p as usize % 3],
                user_facing: p % 2 == 0,
                owner: pick(&units, p),
                position: p as u32 % 3,
                // Some areas get a direction, so its columns travel through save, undo and reopen.
                stance: (p % 5 != 0).then(|| Stance::ALL[p as usize % 4]),
                target_share: (p % 3 == 0).then_some(f64::from(p % 7) * 2.5),
                outcome: if p % 2 == 0 {
                    format!("Outcome {p}")
                } else {
                    String::new()
                },
            },
        },
        // Half the moves place the area among its new siblings, renumbering them.
        Step::MoveArea(a, b, c) => Op::MoveArea {
            id: pick(&areas, a)?,
            parent: if b % 4 == 0 { None } else { pick(&areas, b) },
            position: (c % 2 == 0).then_some(c as u32 % 5),
        },
        Step::DeleteArea(a) => Op::DeleteArea {
            id: pick(&areas, a)?,
        },
        Step::Owner(a, b) => Op::SetOwner {
            area: pick(&areas, a)?,
            unit: pick(&units, b)?,
        },
        Step::Contributor(a, b) => Op::AddContributor {
            area: pick(&areas, a)?,
            unit: pick(&units, b)?,
        },
        Step::Interaction(a, b) => Op::AddInteraction {
            interaction: Interaction {
                id: InteractionId(0),
                from: pick(&units, a)?,
                to: pick(&units, b)?,
                mode: InteractionMode::ALL[a as usize % 3],
                note: String::new(),
                start: None,
                expected_end: None,
            },
        },
        Step::Fork => Op::ForkScenario {
            from: scenarios[0].id,
            name: format!("S{}", scenarios.len() + 1),
        },
        Step::RenameScenario(i) => Op::RenameScenario {
            id: pick(&scenarios.iter().map(|s| s.id).collect::<Vec<_>>(), i)?,
            name: format!("R{i}"),
        },
        Step::DeleteScenario(i) => Op::DeleteScenario {
            id: pick(&scenarios.iter().map(|s| s.id).collect::<Vec<_>>(), i)?,
        },
        Step::Promote(i) => Op::PromoteScenario {
            id: pick(&scenarios.iter().map(|s| s.id).collect::<Vec<_>>(), i)?,
        },
        // What a merge import makes: people added and updated, moved, given teams, in one step.
        Step::SheetView(a) if a % 3 == 0 => Op::DeleteSheetView {
            name: format!("View {}", a % 4),
        },
        Step::SheetView(a) => Op::SaveSheetView {
            view: SheetView {
                name: format!("View {}", a % 4),
                mode: "people".into(),
                sort: vec![SheetSort {
                    key: "name".into(),
                    desc: a % 2 == 0,
                }],
                filters: vec![SheetFilter {
                    key: "title".into(),
                    op: "contains".into(),
                    value: format!("{a}"),
                }],
            },
        },
        Step::Field(a, b) => {
            let name = format!("F{}", a % 3);
            let choice = |n: &str| FieldChoice {
                name: n.into(),
                colour: "#123abc".into(),
            };
            let def = |name: String, kind: FieldKind| FieldDef {
                name,
                kind,
                choices: if kind == FieldKind::Choice {
                    vec![choice("A"), choice("B")]
                } else {
                    Vec::new()
                },
                on_cards: a % 2 == 0,
            };
            match (a / 3) % 5 {
                0 => Op::AddField {
                    field: def(name, FieldKind::Choice),
                },
                1 | 2 => {
                    let ids: Vec<PersonId> = org.persons().map(|p| p.id).collect();
                    let mut p = org.person(pick(&ids, b)?)?.clone();
                    // "C" is no choice: refused while the field is a choice field.
                    let value = ["A", "B", "C"][b as usize % 3];
                    p.custom.insert(name, value.into());
                    Op::UpdatePerson { person: p }
                }
                3 => Op::RemoveField { name },
                _ => Op::UpdateField {
                    field: def(
                        format!("F{}", b % 3),
                        [FieldKind::Text, FieldKind::Choice][b as usize % 2],
                    ),
                    name,
                },
            }
        }
        Step::Batch(a, b, c) => Op::Batch {
            label: "Import people.csv".into(),
            ops: [
                Step::AddPerson(a),
                Step::MoveSubtree(b, c),
                Step::Member(a, b, c),
                Step::AddUnit(c),
            ]
            .iter()
            .filter_map(|s| op_for(org, s, scenarios))
            .collect(),
        },
        Step::ImportScenario(i) => Op::CreateScenarioWith {
            name: format!("I{i}"),
            label: "Import org.json".into(),
            ops: vec![
                Op::CreatePerson {
                    person: person(&format!("Imported {i}")),
                },
                Op::CreateUnit {
                    unit: unit(&format!("Imported {i}"), UnitKind::ALL[i as usize % 5]),
                },
            ],
        },
        Step::Switch(_) | Step::Undo | Step::Redo | Step::Reopen => return None,
    })
}

/// Every scenario's records, for comparing whole documents.
fn dump(doc: &Document) -> (FieldDefs, Vec<(String, OrgRecords)>) {
    let scenarios = doc
        .scenarios()
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                doc.load_scenario(s.id).unwrap().to_records(),
            )
        })
        .collect();
    (doc.defined_fields().unwrap(), scenarios)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_keep_invariants_and_history_and_file_agree(steps in prop::collection::vec(step(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.topo");
        let mut doc = Document::create(&path).unwrap();
        small(&mut doc);
        for step in &steps {
            let before = dump(&doc);
            match step {
                Step::Undo => {
                    if doc.history().unwrap().undo.is_some() {
                        doc.undo().unwrap();
                        doc.redo().unwrap();
                        prop_assert_eq!(dump(&doc), before.clone(), "undo then redo is a no-op");
                        doc.undo().unwrap();
                    }
                }
                Step::Redo => {
                    if doc.history().unwrap().redo.is_some() {
                        doc.redo().unwrap();
                    }
                }
                Step::Switch(i) => {
                    let ids: Vec<ScenarioId> = doc.scenarios().iter().map(|s| s.id).collect();
                    let s = pick(&ids, *i).unwrap();
                    doc.switch_scenario(s).unwrap();
                }
                Step::Reopen => {
                    let active = doc.active_scenario().id;
                    let history = doc.history().unwrap();
                    drop(doc);
                    doc = Document::open(&path).unwrap();
                    prop_assert_eq!(doc.active_scenario().id, active, "the open scenario is kept");
                    prop_assert_eq!(dump(&doc), before.clone(), "reopening gives what was there");
                    prop_assert_eq!(doc.history().unwrap(), history, "and its history");
                }
                other => {
                    let Some(op) = op_for(doc.org(), other, doc.scenarios()) else { continue };
                    match doc.apply(op) {
                        Ok(applied) => {
                            if !applied.changes.is_empty() {
                                let after = dump(&doc);
                                let active = doc.active_scenario().id;
                                doc.undo().unwrap();
                                prop_assert_eq!(dump(&doc), before.clone(), "undo restores the state before");
                                doc.redo().unwrap();
                                // A promote renames and reorders scenarios: redo must land on it exactly.
                                prop_assert_eq!(dump(&doc), after, "redo re-applies {:?}", other);
                                prop_assert_eq!(doc.active_scenario().id, active);
                            }
                        }
                        Err(_) => prop_assert_eq!(dump(&doc), before.clone(), "a rejected op changes nothing"),
                    }
                }
            }
            prop_assert!(doc.org().problems().is_empty(), "{:?}", doc.org().problems());
            prop_assert_eq!(doc.org(), &doc.load_scenario(doc.active_scenario().id).unwrap(), "memory equals the file");
        }
        let in_memory = dump(&doc);
        let active = doc.active_scenario().id;
        drop(doc);
        let reopened = Document::open(&path).unwrap();
        prop_assert_eq!(reopened.active_scenario().id, active);
        prop_assert_eq!(dump(&reopened), in_memory, "reopening gives the state that was in memory");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The History panel's jumps: undoing or redoing N steps as one command lands on exactly the
    /// document as it was N edits earlier (or later), in every scenario and in the file.
    #[test]
    fn several_steps_at_once_land_on_the_states_in_between(
        steps in prop::collection::vec(step(), 1..30),
        back in 0usize..30,
        forth in 0usize..30,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.topo");
        let mut doc = Document::create(&path).unwrap();
        small(&mut doc);
        let base = doc.history_log(1000).unwrap().done_total as usize;
        // The document after each logged edit of this run, the first entry before any.
        let mut states = vec![dump(&doc)];
        for step in &steps {
            match step {
                Step::Undo | Step::Redo => {}
                Step::Switch(i) => {
                    let ids: Vec<ScenarioId> = doc.scenarios().iter().map(|s| s.id).collect();
                    doc.switch_scenario(pick(&ids, *i).unwrap()).unwrap();
                }
                other => {
                    let Some(op) = op_for(doc.org(), other, doc.scenarios()) else { continue };
                    let logged = doc.history_log(1000).unwrap().done_total;
                    if doc.apply(op).is_ok() && doc.history_log(1000).unwrap().done_total > logged {
                        states.push(dump(&doc));
                    }
                }
            }
        }
        let made = states.len() - 1;
        prop_assert_eq!(doc.history_log(1000).unwrap().done_total as usize, base + made);
        let back = back.min(made);
        if back > 0 {
            let t = doc.undo_steps(back as u32).unwrap();
            prop_assert_eq!(t.steps as usize, back);
            prop_assert_eq!(dump(&doc), states[made - back].clone(), "undo of {} steps", back);
            let forth = forth.min(back).max(1);
            doc.redo_steps(forth as u32).unwrap();
            prop_assert_eq!(dump(&doc), states[made - back + forth].clone(), "redo of {} steps", forth);
            prop_assert_eq!(doc.org(), &doc.load_scenario(doc.active_scenario().id).unwrap(), "memory equals the file");
        }
    }
}
