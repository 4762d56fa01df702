//! The change list: one test per kind of change, matched by identity.

mod common;

use common::*;
use topograph_diff::{ChangeKind, Diff, Entity};
use topograph_model::*;

/// Edits a fork of the fixture and compares the original with it.
fn diff_after(edit: impl FnOnce(&mut Fixture)) -> (Fixture, Diff) {
    let mut f = fixture();
    let base = f.org.clone();
    edit(&mut f);
    let d = Diff::between("Current", &base, "Proposal", &f.org);
    (f, d)
}

fn kinds(d: &Diff) -> Vec<ChangeKind> {
    d.changes.iter().map(|c| c.kind).collect()
}

#[test]
fn a_scenario_compared_with_itself_has_no_changes() {
    let f = fixture();
    let d = Diff::between("Current", &f.org, "Current", &f.org);
    assert!(d.is_empty());
    assert!(d.impact.is_empty());
    assert!(d.numbers.iter().all(|n| n.difference == 0.0));
}

#[test]
fn a_person_moved_to_another_manager_is_a_manager_change_and_moves_between_lines() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::SetManager {
            person: f.bo,
            manager: f.ceo,
        });
    });
    assert_eq!(kinds(&d), vec![ChangeKind::ManagerChanged]);
    let c = &d.changes[0];
    assert_eq!(c.entity, Entity::Person);
    assert_eq!(c.subject.id, f.bo.0);
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("Ana"), Some("Ceo"))
    );
    assert_eq!((c.from_id, c.to_id), (Some(f.ana.0), Some(f.ceo.0)));

    let lines: Vec<(&str, Vec<&str>, Vec<&str>)> = d
        .impact
        .iter()
        .map(|m| {
            (
                m.manager.name.as_str(),
                m.joining.iter().map(|j| j.person.name.as_str()).collect(),
                m.leaving.iter().map(|l| l.person.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![("Ana", vec![], vec!["Bo"]), ("Ceo", vec!["Bo"], vec![])]
    );
    assert_eq!(d.impact[0].leaving[0].via, "to Ceo");
    assert_eq!(d.impact[1].joining[0].via, "from Ana");
}

#[test]
fn a_new_team_or_a_new_allocation_is_a_team_change() {
    let (_, d) = diff_after(|f| {
        f.apply(Op::RemoveMembership {
            person: f.bo,
            unit: f.payments,
        });
        f.apply(Op::SetMembership {
            person: f.bo,
            unit: f.search,
            allocation: 100,
            role: TeamRole::Engineer,
        });
        f.apply(Op::SetMembership {
            person: f.cy,
            unit: f.search,
            allocation: 50,
            role: TeamRole::Engineer,
        });
        f.apply(Op::SetMembership {
            person: f.cy,
            unit: f.payments,
            allocation: 50,
            role: TeamRole::Engineer,
        });
    });
    assert_eq!(
        kinds(&d),
        vec![ChangeKind::TeamChanged, ChangeKind::TeamChanged]
    );
    assert_eq!(d.changes[0].subject.name, "Bo");
    assert_eq!(d.changes[0].from.as_deref(), Some("Payments"));
    assert_eq!(d.changes[0].to.as_deref(), Some("Search"));
    assert_eq!(d.changes[1].subject.name, "Cy");
    assert_eq!(d.changes[1].from.as_deref(), Some("Search"));
    assert_eq!(d.changes[1].to.as_deref(), Some("Payments 50%, Search 50%"));
}

#[test]
fn people_who_join_and_leave_are_listed_and_reach_their_managers_line() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::CreatePerson {
            person: person("Dee", Some(f.ana)),
        });
        f.apply(Op::DeletePerson {
            id: f.cy,
            reports_to: None,
        });
    });
    assert_eq!(
        kinds(&d),
        vec![ChangeKind::PersonJoined, ChangeKind::PersonLeft]
    );
    assert_eq!(d.changes[0].subject.name, "Dee");
    assert_eq!(d.changes[1].subject.id, f.cy.0);
    assert_eq!(d.impact.len(), 1);
    let ana = &d.impact[0];
    assert_eq!(ana.manager.id, f.ana.0);
    assert_eq!(ana.joining[0].via, "new to the org");
    assert_eq!(ana.leaving[0].via, "leaves the org");
    let headcount = d.numbers.iter().find(|n| n.key == "headcount").unwrap();
    assert_eq!(
        (headcount.before, headcount.after, headcount.difference),
        (4.0, 4.0, 0.0)
    );
}

#[test]
fn a_new_title_is_a_title_change() {
    let (_, d) = diff_after(|f| {
        let mut bo = f.org.person(f.bo).unwrap().clone();
        bo.title = "Staff Engineer".into();
        f.apply(Op::UpdatePerson { person: bo });
    });
    assert_eq!(kinds(&d), vec![ChangeKind::TitleChanged]);
    assert_eq!(d.changes[0].to.as_deref(), Some("Staff Engineer"));
}

#[test]
fn a_renamed_team_is_a_rename_not_a_removal_and_a_creation() {
    let (f, d) = diff_after(|f| {
        let mut u = f.org.unit(f.payments).unwrap().clone();
        u.name = "Money".into();
        f.apply(Op::UpdateUnit { unit: u });
    });
    assert_eq!(kinds(&d), vec![ChangeKind::UnitRenamed]);
    let c = &d.changes[0];
    assert_eq!(c.subject.id, f.payments.0);
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("Payments"), Some("Money"))
    );
}

#[test]
fn a_team_with_the_name_of_a_removed_one_is_still_a_removal_and_a_creation() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::DeleteUnit { id: f.search });
        f.apply(Op::CreateUnit {
            unit: unit("Search", UnitKind::StreamAligned, Some(f.tribe)),
        });
    });
    let units: Vec<ChangeKind> = kinds(&d)
        .into_iter()
        .filter(|k| k.group() == topograph_diff::ChangeGroup::Units)
        .collect();
    assert_eq!(
        units,
        vec![ChangeKind::UnitCreated, ChangeKind::UnitRemoved]
    );
    let removed = d.of_kind(ChangeKind::UnitRemoved).next().unwrap();
    assert_eq!(removed.subject.id, f.search.0);
    // The removed team took its seat, its area and its interaction with it.
    assert_eq!(d.of_kind(ChangeKind::TeamChanged).count(), 1);
    assert_eq!(d.of_kind(ChangeKind::AreaOrphaned).count(), 1);
    assert_eq!(d.of_kind(ChangeKind::InteractionRemoved).count(), 1);
}

#[test]
fn a_team_moved_to_another_group_and_a_new_kind_are_listed() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::MoveUnit {
            id: f.search,
            parent: Some(f.other_tribe),
        });
        let mut u = f.org.unit(f.search).unwrap().clone();
        u.kind = UnitKind::Platform;
        f.apply(Op::UpdateUnit { unit: u });
    });
    assert_eq!(
        kinds(&d),
        vec![ChangeKind::UnitMoved, ChangeKind::UnitKindChanged]
    );
    let moved = &d.changes[0];
    assert_eq!(
        (moved.from.as_deref(), moved.to.as_deref()),
        (Some("Tribe"), Some("Other tribe"))
    );
    assert_eq!(
        (moved.from_id, moved.to_id),
        (Some(f.tribe.0), Some(f.other_tribe.0))
    );
    assert_eq!(d.changes[1].to.as_deref(), Some("platform"));
}

#[test]
fn a_new_owner_is_an_ownership_transfer_and_no_owner_an_orphaned_area() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::SetOwner {
            area: f.checkout,
            unit: f.search,
        });
        f.apply(Op::ClearOwner { area: f.ranking });
    });
    assert_eq!(
        kinds(&d),
        vec![ChangeKind::OwnerChanged, ChangeKind::AreaOrphaned]
    );
    let t = &d.changes[0];
    assert_eq!(t.subject.id, f.checkout.0);
    assert_eq!(
        (t.from.as_deref(), t.to.as_deref()),
        (Some("Payments"), Some("Search"))
    );
    assert_eq!((t.from_id, t.to_id), (Some(f.payments.0), Some(f.search.0)));
    assert_eq!(d.changes[1].from.as_deref(), Some("Search"));
    assert_eq!(d.changes[1].to, None);
}

#[test]
fn areas_created_and_removed_are_listed() {
    let (f, d) = diff_after(|f| {
        f.apply(Op::DeleteArea { id: f.ranking });
        f.apply(Op::CreateArea {
            area: area("Returns"),
        });
    });
    assert_eq!(
        kinds(&d),
        vec![ChangeKind::AreaCreated, ChangeKind::AreaRemoved]
    );
    assert_eq!(d.changes[1].subject.id, f.ranking.0);
}

#[test]
fn interactions_added_removed_and_changed_mode_are_listed() {
    let (f, d) = diff_after(|f| {
        let mut i = f.org.interaction(f.talks).unwrap().clone();
        i.mode = InteractionMode::XAsAService;
        f.apply(Op::UpdateInteraction {
            interaction: i.clone(),
        });
        f.apply(Op::AddInteraction {
            interaction: Interaction {
                id: InteractionId(0),
                from: f.search,
                to: f.payments,
                ..i
            },
        });
    });
    assert_eq!(
        kinds(&d),
        vec![
            ChangeKind::InteractionAdded,
            ChangeKind::InteractionModeChanged
        ]
    );
    assert_eq!(d.changes[0].subject.name, "Search → Payments");
    let m = &d.changes[1];
    assert_eq!(m.subject.id, f.talks.0);
    assert_eq!(
        (m.from.as_deref(), m.to.as_deref()),
        (Some("collaboration"), Some("x-as-a-service"))
    );

    let (_, removed) = diff_after(|f| f.apply(Op::RemoveInteraction { id: f.talks }));
    assert_eq!(kinds(&removed), vec![ChangeKind::InteractionRemoved]);
}

#[test]
fn the_numbers_show_both_sides_and_the_difference() {
    let (_, d) = diff_after(|f| {
        let mut open = person("", Some(f.ana));
        open.title = "Senior Engineer".into();
        open.status = PersonStatus::OpenPosition;
        f.apply(Op::CreatePerson { person: open });
        f.apply(Op::CreateUnit {
            unit: unit("Data", UnitKind::Platform, None),
        });
        f.apply(Op::SetManager {
            person: f.cy,
            manager: f.bo,
        });
    });
    let n = |key: &str| {
        let n = d.numbers.iter().find(|n| n.key == key).unwrap();
        (n.before, n.after, n.difference)
    };
    assert_eq!(n("headcount"), (4.0, 4.0, 0.0));
    assert_eq!(n("open-positions"), (0.0, 1.0, 1.0));
    assert_eq!(n("cost-EUR"), (400.0, 500.0, 100.0));
    assert_eq!(n("teams"), (2.0, 3.0, 1.0));
    // ceo: 1 report, ana: 2 -> 3 reports over 2 managers; after: ceo 1, ana 2 (bo, open), bo 1.
    assert_eq!(n("average-span"), (1.5, 4.0 / 3.0, 4.0 / 3.0 - 1.5));
    assert_eq!(n("layers"), (3.0, 4.0, 1.0));
}

#[test]
fn the_health_counts_by_severity_come_with_the_numbers() {
    let (f, d) = diff_after(|f| f.apply(Op::ClearOwner { area: f.ranking }));
    let base = fixture().org;
    let today = topograph_health::Date::parse("2026-01-01").unwrap();
    let settings = CheckSettings::default();
    let d = d.with_health(&base, &f.org, &settings, today).unwrap();
    let keys: Vec<&str> = d.numbers.iter().map(|n| n.key.as_str()).collect();
    assert!(keys.ends_with(&["health-error", "health-warning", "health-info"]));
    let summary = |org: &Org| {
        topograph_health::Summary::of(&topograph_health::check_with(org, &settings, today).unwrap())
    };
    let (x, y) = (summary(&base), summary(&f.org));
    let n = d
        .numbers
        .iter()
        .find(|n| n.key == "health-warning")
        .unwrap();
    assert_eq!(
        (n.before, n.after),
        (f64::from(x.warnings), f64::from(y.warnings))
    );
    let total = |s: topograph_health::Summary| s.errors + s.warnings + s.infos;
    assert!(total(y) > total(x), "an orphaned area is a finding");
}

#[test]
fn an_area_that_gets_its_first_owner_reads_from_no_owner() {
    let mut f = fixture();
    f.apply(Op::ClearOwner { area: f.ranking });
    let base = f.org.clone();
    f.apply(Op::SetOwner {
        area: f.ranking,
        unit: f.payments,
    });
    let d = Diff::between("A", &base, "B", &f.org);
    let c = &d.changes[0];
    assert_eq!(c.kind, ChangeKind::OwnerChanged);
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("no owner"), Some("Payments"))
    );
    assert_eq!(c.from_id, None);
}
