//! Writing imports into documents: a new document, a new scenario (two undo steps), and merges
//! into the open scenario (one undo step; people matched by employee id, then email; leavers
//! marked, never deleted); a refused import leaves the document as it was.

mod common;

use common::*;
use topograph_document::Document;
use topograph_formats::{apply, csv, Incoming};
use topograph_model::{Membership, PersonStatus, TeamRole, UnitId};

fn read(text: &str, source: &str) -> Incoming {
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let mut inc = csv::plan(&table, &csv::suggest(&table));
    inc.source = source.to_string();
    inc
}

const V1: &str = "Employee ID,Name,Title,Email,Manager Employee ID,Department,Team\n\
    W100,Grace Hopper,CTO,grace@example.com,,Engineering,\n\
    W101,Alan Turing,Engineering Manager,alan@example.com,W100,Engineering,Payments\n\
    W102,Ada Lovelace,Senior Engineer,ada@example.com,W101,Engineering,Payments\n\
    W103,Edsger Dijkstra,Engineer,edsger@example.com,W101,Engineering,Payments\n\
    W104,Barbara Liskov,Designer,barbara@example.com,W100,Design,\n";

/// Ada is promoted, moves under Grace and onto a new team; Barbara's row lost its employee id
/// (matched by email); Edsger left; Tony joined under Ada; Alan now reports to Ada (his old
/// report): a move that passes through what would be a cycle if done in the wrong order.
const V2: &str = "Employee ID,Name,Title,Email,Manager Employee ID,Department,Team\n\
    W100,Grace Hopper,CTO,grace@example.com,,Engineering,\n\
    W102,Ada Lovelace,Principal Engineer,ada@example.com,W100,Engineering,Platform\n\
    W101,Alan Turing,Engineering Manager,alan@example.com,W102,Engineering,Payments\n\
    ,Barbara Liskov,Designer,barbara@example.com,W100,Design,\n\
    W105,Tony Hoare,Engineer,tony@example.com,W102,Engineering,Platform\n";

fn new_doc(dir: &std::path::Path) -> Document {
    let (doc, summary) =
        apply::new_document(&dir.join("org.topo"), "Current", read(V1, "v1.csv")).unwrap();
    assert_eq!((summary.people_added, summary.units_added), (5, 3));
    doc
}

#[test]
fn a_new_document_holds_the_import_as_its_first_scenario_with_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let doc = new_doc(dir.path());
    assert_eq!(doc.org().person_count(), 5);
    assert!(doc.org().problems().is_empty());
    assert_eq!(doc.history().unwrap().undo, None);
    drop(doc);
    let again = Document::open(&dir.path().join("org.topo")).unwrap();
    assert_eq!(again.org().person_count(), 5);
}

#[test]
fn a_merge_updates_matches_adds_newcomers_and_marks_leavers_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let before = doc.org().clone();
    let s = apply::merge(&mut doc, &read(V2, "v2.csv")).unwrap();
    assert_eq!(
        (s.people_added, s.leavers.clone(), s.undo_steps),
        (1, vec!["Edsger Dijkstra".to_string()], 1)
    );
    assert_eq!(
        s.people_updated, 2,
        "Ada (title, manager, seat) and Alan (manager)"
    );
    let org = doc.org();
    let by_name = |n: &str| org.persons().find(|p| p.name == n).unwrap();
    let ada = by_name("Ada Lovelace");
    assert_eq!(ada.title, "Principal Engineer");
    assert_eq!(ada.manager, Some(by_name("Grace Hopper").id));
    assert_eq!(by_name("Alan Turing").manager, Some(ada.id));
    assert_eq!(by_name("Tony Hoare").manager, Some(ada.id));
    assert_eq!(
        by_name("Barbara Liskov").employee_id.as_deref(),
        Some("W104"),
        "matched by email, id kept"
    );
    let edsger = by_name("Edsger Dijkstra");
    assert_eq!(edsger.status, PersonStatus::Leaving);
    let unit_named = |n: &str| org.units().find(|u| u.name == n).unwrap().id;
    let seats: Vec<UnitId> = org.memberships_of(ada.id).map(|m| m.unit).collect();
    assert_eq!(
        seats,
        vec![unit_named("Platform")],
        "the Payments seat went, the Platform one came"
    );
    assert_eq!(
        org.unit(unit_named("Platform")).unwrap().parent,
        Some(unit_named("Engineering"))
    );
    assert!(org.problems().is_empty(), "{:?}", org.problems());
    assert_eq!(
        doc.history().unwrap().undo.as_deref(),
        Some("Import v2.csv")
    );
    doc.undo().unwrap();
    assert_eq!(
        doc.org(),
        &before,
        "one undo step takes the whole merge back"
    );
}

#[test]
fn merging_the_same_file_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let s = apply::merge(&mut doc, &read(V1, "v1.csv")).unwrap();
    assert_eq!(s.undo_steps, 0, "{}", s.as_text());
    assert_eq!(s.as_text(), "nothing changed in 'Current'");
    assert_eq!(doc.history().unwrap().undo, None);
}

#[test]
fn seats_on_units_the_file_does_not_name_survive_a_merge() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let ada = doc
        .org()
        .persons()
        .find(|p| p.name == "Ada Lovelace")
        .unwrap()
        .id;
    let guild = doc.reserve_ids(1).unwrap();
    doc.apply(topograph_model::Op::CreateUnit {
        unit: topograph_model::Unit {
            id: UnitId(guild),
            name: "Rust Guild".into(),
            mission: String::new(),
            kind: topograph_model::UnitKind::Enabling,
            parent: None,
            lead: None,
            colour: None,
            target_size: None,
        },
    })
    .unwrap();
    doc.apply(topograph_model::Op::SetMembership {
        person: ada,
        unit: UnitId(guild),
        allocation: 10,
        role: TeamRole::Engineer,
    })
    .unwrap();
    apply::merge(&mut doc, &read(V2, "v2.csv")).unwrap();
    assert!(doc.org().membership(ada, UnitId(guild)).is_some());
}

#[test]
fn a_new_scenario_import_is_one_undo_step_and_leaves_the_other_scenario_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let current = doc.org().clone();
    let s = apply::new_scenario(&mut doc, "From HR", &read(V2, "v2.csv")).unwrap();
    assert_eq!(
        (s.scenario.as_str(), s.people_added, s.undo_steps),
        ("From HR", 5, 1)
    );
    assert_eq!(doc.active_scenario().name, "From HR");
    assert_eq!(doc.org().person_count(), 5);
    let first = doc.scenario_by_name("Current").unwrap().id;
    assert_eq!(doc.load_scenario(first).unwrap(), current);
    // Ids are fresh: nothing in the new scenario claims to be a person of the first one.
    assert!(doc.org().persons().all(|p| current.person(p.id).is_none()));
    let imported = doc.org().clone();
    doc.undo().unwrap();
    assert_eq!(doc.scenarios().len(), 1);
    assert_eq!(doc.org(), &current);
    doc.redo().unwrap();
    let back = doc.scenario_by_name("From HR").unwrap().id;
    assert_eq!(
        doc.load_scenario(back).unwrap(),
        imported,
        "redo brings the records back"
    );
}

#[test]
fn an_import_the_model_refuses_leaves_the_document_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let before = doc.org().clone();
    let history = doc.history().unwrap();
    let mut bad = read(V2, "bad.csv");
    let p = bad.records.persons[0].id;
    let u = bad.records.units[0].id;
    bad.records.memberships.push(Membership {
        person: p,
        unit: u,
        allocation: 0,
        role: TeamRole::Other,
    });
    bad.records.memberships.sort_by_key(|m| (m.person, m.unit));
    bad.records.memberships.dedup_by_key(|m| (m.person, m.unit));
    bad.records
        .memberships
        .iter_mut()
        .for_each(|m| m.allocation = 0);
    assert!(apply::merge(&mut doc, &bad).is_err());
    assert_eq!(doc.org(), &before);
    assert_eq!(doc.history().unwrap(), history);
    assert!(apply::new_scenario(&mut doc, "Bad", &bad).is_err());
    assert_eq!(doc.scenarios().len(), 1, "no scenario left behind");
    assert_eq!(doc.history().unwrap(), history);
    let path = dir.path().join("never.topo");
    assert!(apply::new_document(&path, "Current", bad).is_err());
    assert!(!path.exists(), "no half-written file");
}

#[test]
fn a_merge_into_a_team_api_import_adds_seats_without_marking_anyone_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = new_doc(dir.path());
    let inc = topograph_formats::teamapi::read(&yaml_dir("teamapi"));
    let s = apply::merge(&mut doc, &inc).unwrap();
    assert!(s.leavers.is_empty());
    // ada@example.com is Ada Lovelace's address already: that is her, now "Ada Lee".
    assert_eq!((s.people_added, s.people_updated), (3, 1), "{s:?}");
    assert!(doc
        .org()
        .persons()
        .any(|p| p.name == "Ada Lee" && p.employee_id.as_deref() == Some("E1")));
    assert!(
        doc.org().problems().is_empty(),
        "{:?}",
        doc.org().problems()
    );
}
