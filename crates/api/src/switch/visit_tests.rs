//! Switching back and forth as the UI does: what is kept between visits, what a first visit
//! folds, and that edits are never hidden by what was kept.
use super::*;
use crate::chart_frame::{ChartFrame, FoldRoom};
use crate::{Paths, Session};
use topograph_model::{Op, View};

/// A window's chart view (1280×800), as the UI sends it with a switch.
const FRAME: ChartFrame = ChartFrame {
    aspect: 1.39,
    fold: Some(FoldRoom {
        width: 980.0,
        height: 705.0,
        zoom: 0.45,
        reserve_width: 200.0,
        reserve_height: 150.0,
    }),
};

/// A session on a generated org of `people` forked as "Proposal", open on Current.
fn forked(people: usize) -> (tempfile::TempDir, Session, ScenarioId, ScenarioId) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    let mut doc = topograph_document::Document::create_with(
        &file,
        "Current",
        &topograph_sample::generate(people, 1),
    )
    .unwrap();
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let proposal = doc.scenario_by_name("Proposal").unwrap().id;
    drop(doc);
    let mut s = Session::new(Paths::under(dir.path()));
    s.open(&file).unwrap();
    (dir, s, current, proposal)
}

/// One switch as the UI asks for it, with the version it kept of `to` (if any); answers the
/// answer and the version the UI keeps of the scenario left.
fn switch(s: &mut Session, to: ScenarioId, known: Option<u32>) -> ScenarioOpened {
    let holds = s.active_scenario();
    s.switch_for_ui(to, known, holds, Some(FRAME))
        .unwrap()
        .answer()
        .unwrap()
}

#[test]
fn a_kept_scenario_is_switched_to_without_reading_the_file_or_laying_it_out_again() {
    let (_dir, mut s, current, proposal) = forked(300);
    let first = switch(&mut s, proposal, None);
    assert!(first.scene.is_some(), "a first visit lays the chart out");
    let back = switch(&mut s, current, Some(first.left_version));
    assert!(back.scene.is_none() && back.records.is_none() && back.changes.is_none());
    assert_eq!(
        s.document().unwrap().kept_scenario(),
        Some(proposal),
        "the proposal's org is kept in memory: the next switch reads nothing from the file"
    );
    let kept = switch(&mut s, proposal, Some(back.left_version));
    assert!(
        kept.scene.is_none() && kept.records.is_none() && kept.changes.is_none(),
        "the UI's copy at that version is still right"
    );
    assert_eq!(kept.version, first.version);
    assert_eq!(kept.state.revision, back.state.revision + 1);
}

#[test]
fn an_edit_in_the_scenario_after_a_switch_is_seen_by_the_next_switch() {
    let (_dir, mut s, current, proposal) = forked(300);
    let first = switch(&mut s, proposal, None);
    let mut person = s
        .document()
        .unwrap()
        .org()
        .persons()
        .nth(5)
        .unwrap()
        .clone();
    person.name = "Renamed in the proposal".into();
    s.apply(Op::UpdatePerson {
        person: person.clone(),
    })
    .unwrap();
    assert_ne!(
        s.version(proposal),
        first.version,
        "the edit moved the version"
    );
    let back = switch(&mut s, current, None);
    assert_eq!(
        s.document().unwrap().kept_scenario(),
        Some(proposal),
        "the org kept is the proposal's as edited, left after the edit"
    );
    // The UI kept the proposal as it showed it, after the edit: the switch back needs nothing.
    let again = switch(&mut s, proposal, Some(back.left_version));
    assert!(again.scene.is_none(), "kept at the version after the edit");
    assert_eq!(
        s.document().unwrap().org().person(person.id).unwrap().name,
        "Renamed in the proposal",
        "in the file, and in the org the switch opened"
    );
    // A UI holding the proposal from before the edit gets the edit.
    let back = switch(&mut s, current, None);
    let stale = switch(&mut s, proposal, Some(first.version));
    assert!(stale.scene.is_some(), "an older copy is laid out again");
    let sent = match (&stale.records, &stale.changes) {
        (Some(r), _) => r.get(),
        (None, Some(c)) => c.get(),
        (None, None) => panic!("the records were left out"),
    };
    assert!(
        sent.contains("Renamed in the proposal"),
        "the edit is in the answer"
    );
    assert_eq!(stale.left, Some(current));
    assert!(stale.state.revision > back.state.revision);
    // Undo takes the edit back in the scenario it was made in, open now.
    assert!(matches!(s.undo().unwrap(), crate::Edit::Patched(_)));
    assert_eq!(s.active_scenario(), Some(proposal));
    assert_ne!(
        s.document().unwrap().org().person(person.id).unwrap().name,
        "Renamed in the proposal"
    );
}

#[test]
fn a_first_visit_folds_a_big_scenario_nothing_of_which_is_folded_and_keeps_the_folding() {
    let (_dir, mut s, current, proposal) = forked(3_000);
    assert!(s.collapsed(View::OrgChart).unwrap().is_empty());
    let before = s.version(proposal);
    let opened = switch(&mut s, proposal, None);
    let folded = s.collapsed(View::OrgChart).unwrap();
    assert!(!folded.is_empty(), "the proposal opens folded");
    assert_ne!(opened.version, before, "its chart changed with the folding");
    assert_eq!(opened.version, s.version(proposal));
    let sent = opened.scene.unwrap();
    let wire: serde_json::Value = serde_json::from_str(sent.get()).unwrap();
    let cards = wire["ids"].as_array().unwrap().len();
    assert!(cards < 3_000, "{cards} cards laid out, not every person");
    let (org, collapsed) = s.org_chart_input().unwrap();
    let fresh = crate::views::org_chart(&org, collapsed, Some(FRAME.aspect), None, |_| {});
    assert_eq!(
        sent.get(),
        fresh.unwrap().get(),
        "the chart a fresh layout gives"
    );
    let records = match (&opened.records, &opened.changes) {
        (Some(r), _) => r.get().to_string(),
        (None, Some(c)) => c.get().to_string(),
        (None, None) => panic!("the records were left out"),
    };
    assert!(
        records.contains("\"created\":[]"),
        "a fork of Current: no record differs"
    );
    assert_eq!(
        s.document().unwrap().kept_scenario(),
        Some(current),
        "keeping the folding wrote no record: Current is still kept"
    );
    // Kept after its folding: back and forth again lays nothing out and reads nothing.
    let back = switch(&mut s, current, Some(opened.left_version));
    assert!(back.scene.is_none());
    assert_eq!(s.document().unwrap().kept_scenario(), Some(proposal));
    let kept = switch(&mut s, proposal, Some(back.left_version));
    assert!(kept.scene.is_none() && kept.records.is_none() && kept.changes.is_none());
    assert_eq!(s.collapsed(View::OrgChart).unwrap(), folded, "folded once");
    // Unfolded by the user, it stays unfolded for the rest of the session.
    s.replace_collapsed(View::OrgChart, &[]).unwrap();
    switch(&mut s, current, None);
    switch(&mut s, proposal, None);
    assert!(s.collapsed(View::OrgChart).unwrap().is_empty());
}

#[test]
fn a_small_scenario_is_not_folded_by_a_switch() {
    let (_dir, mut s, _current, proposal) = forked(300);
    switch(&mut s, proposal, None);
    assert!(s.collapsed(View::OrgChart).unwrap().is_empty());
}
