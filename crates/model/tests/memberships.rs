//! People's seats on units.

mod common;

use common::*;
use topograph_model::{ErrorCode, Membership, Op, PersonId, TeamRole, UnitId};

fn team() -> (World, PersonId, UnitId) {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    let team = w.add_unit("Team", None);
    (w, ada, team)
}

#[test]
fn setting_a_membership_gives_a_person_a_seat() {
    let (mut w, ada, team) = team();
    w.accept(Op::SetMembership {
        person: ada,
        unit: team,
        allocation: 80,
        role: TeamRole::TechLead,
    });
    assert_eq!(
        w.org.membership(ada, team),
        Some(&Membership {
            person: ada,
            unit: team,
            allocation: 80,
            role: TeamRole::TechLead,
        })
    );
    assert_eq!(w.org.members(team).count(), 1);
}

#[test]
fn setting_a_membership_again_updates_the_seat() {
    let (mut w, ada, team) = team();
    w.seat(ada, team, 50);
    let patch = w.accept(Op::SetMembership {
        person: ada,
        unit: team,
        allocation: 20,
        role: TeamRole::Designer,
    });
    assert_eq!(patch.changes.len(), 1);
    let m = w.org.membership(ada, team).unwrap();
    assert_eq!((m.allocation, m.role), (20, TeamRole::Designer));
    assert_eq!(w.records().memberships.len(), 1);
}

#[test]
fn setting_the_same_membership_changes_nothing() {
    let (mut w, ada, team) = team();
    w.seat(ada, team, 50);
    let patch = w.accept(Op::SetMembership {
        person: ada,
        unit: team,
        allocation: 50,
        role: TeamRole::Engineer,
    });
    assert!(patch.is_empty());
}

#[test]
fn an_allocation_of_1_and_of_100_percent_are_accepted() {
    let (mut w, ada, team) = team();
    let other = w.add_unit("Other", None);
    w.seat(ada, team, 1);
    w.seat(ada, other, 100);
    assert_eq!(w.org.memberships_of(ada).count(), 2);
}

#[test]
fn an_allocation_of_0_or_over_100_percent_is_refused() {
    let (mut w, ada, team) = team();
    for allocation in [0, 101, u32::MAX] {
        w.refuse_naming(
            Op::SetMembership {
                person: ada,
                unit: team,
                allocation,
                role: TeamRole::Engineer,
            },
            ErrorCode::InvalidValue,
            &[&format!("allocation {allocation}%")],
        );
    }
}

#[test]
fn a_bad_allocation_on_an_existing_seat_leaves_the_seat_as_it_was() {
    let (mut w, ada, team) = team();
    w.seat(ada, team, 40);
    w.refuse(
        Op::SetMembership {
            person: ada,
            unit: team,
            allocation: 0,
            role: TeamRole::Other,
        },
        ErrorCode::InvalidValue,
    );
    assert_eq!(w.org.membership(ada, team).unwrap().allocation, 40);
}

#[test]
fn a_person_may_be_allocated_over_100_percent_across_units() {
    let (mut w, ada, team) = team();
    let other = w.add_unit("Other", None);
    w.seat(ada, team, 80);
    w.seat(ada, other, 80);
    let total: u32 = w.org.memberships_of(ada).map(|m| m.allocation).sum();
    assert_eq!(total, 160);
}

#[test]
fn a_membership_for_an_unknown_person_or_unit_is_refused() {
    let (mut w, ada, team) = team();
    w.refuse_naming(
        Op::SetMembership {
            person: PersonId(30),
            unit: team,
            allocation: 50,
            role: TeamRole::Engineer,
        },
        ErrorCode::NotFound,
        &["person #30"],
    );
    w.refuse_naming(
        Op::SetMembership {
            person: ada,
            unit: UnitId(31),
            allocation: 50,
            role: TeamRole::Engineer,
        },
        ErrorCode::NotFound,
        &["unit #31"],
    );
}

#[test]
fn removing_a_membership_frees_the_seat() {
    let (mut w, ada, team) = team();
    let other = w.add_unit("Other", None);
    w.seat(ada, team, 50);
    w.seat(ada, other, 50);
    w.accept(Op::RemoveMembership {
        person: ada,
        unit: team,
    });
    assert!(w.org.membership(ada, team).is_none());
    assert!(w.org.membership(ada, other).is_some());
    assert_eq!(w.org.members(team).count(), 0);
}

#[test]
fn removing_a_membership_that_does_not_exist_is_refused() {
    let (mut w, ada, team) = team();
    let other = w.add_unit("Other", None);
    w.seat(ada, other, 50);
    for (person, unit) in [(ada, team), (PersonId(33), other), (ada, UnitId(34))] {
        w.refuse_naming(
            Op::RemoveMembership { person, unit },
            ErrorCode::NotFound,
            &[&person.to_string(), &unit.to_string()],
        );
    }
}
