//! Teams and groups of teams: create, update, delete, move.

mod common;

use common::*;
use topograph_model::{ErrorCode, Op, PersonId, Unit, UnitId, UnitKind};

// ---- create ----------------------------------------------------------------------------

#[test]
fn creating_a_unit_trims_its_name_and_lowercases_its_colour() {
    let mut w = World::new();
    let lead = w.add_person("Lead", None);
    let group = w.add_unit("Tribe", None);
    let id = w.add_unit_record(Unit {
        mission: "Payments".into(),
        kind: UnitKind::Platform,
        parent: Some(group),
        lead: Some(lead),
        colour: Some(" #AbCdEf ".into()),
        target_size: Some(7),
        ..unit("  Team A  ")
    });
    let u = w.unit(id);
    assert_eq!(u.name, "Team A");
    assert_eq!(u.colour.as_deref(), Some("#abcdef"));
    assert_eq!(u.parent, Some(group));
    assert_eq!(u.lead, Some(lead));
    assert_eq!(u.target_size, Some(7));
    assert_eq!(w.org.child_units(group).collect::<Vec<_>>(), vec![id]);
    assert_eq!(w.org.units_led_by(lead).collect::<Vec<_>>(), vec![id]);
}

#[test]
fn an_empty_colour_means_no_colour() {
    let mut w = World::new();
    let id = w.add_unit_record(Unit {
        colour: Some("   ".into()),
        ..unit("Team")
    });
    assert_eq!(w.unit(id).colour, None);
}

#[test]
fn a_unit_without_a_name_is_refused() {
    let mut w = World::new();
    for name in ["", "  "] {
        w.refuse_naming(
            Op::CreateUnit { unit: unit(name) },
            ErrorCode::NameRequired,
            &["unit", "name"],
        );
    }
}

#[test]
fn a_colour_that_is_not_rrggbb_is_refused() {
    let mut w = World::new();
    for colour in ["red", "#12345", "#1234567", "123456", "#12345g"] {
        w.refuse_naming(
            Op::CreateUnit {
                unit: Unit {
                    colour: Some(colour.into()),
                    ..unit("Team")
                },
            },
            ErrorCode::InvalidValue,
            &[colour, "#rrggbb"],
        );
    }
}

#[test]
fn a_target_size_of_zero_is_refused() {
    let mut w = World::new();
    w.refuse_naming(
        Op::CreateUnit {
            unit: Unit {
                target_size: Some(0),
                ..unit("Team")
            },
        },
        ErrorCode::InvalidValue,
        &["target size"],
    );
}

#[test]
fn a_unit_inside_an_unknown_unit_or_led_by_an_unknown_person_is_refused() {
    let mut w = World::new();
    w.add_unit("Tribe", None);
    w.refuse_naming(
        Op::CreateUnit {
            unit: unit_in("Team", UnitId(40)),
        },
        ErrorCode::NotFound,
        &["unit #40"],
    );
    w.refuse_naming(
        Op::CreateUnit {
            unit: Unit {
                lead: Some(PersonId(41)),
                ..unit("Team")
            },
        },
        ErrorCode::NotFound,
        &["person #41"],
    );
}

#[test]
fn a_unit_with_an_explicit_id_must_have_reserved_it_and_not_be_using_it() {
    let mut w = World::new();
    let tribe = w.add_unit("Tribe", None);
    w.refuse_naming(
        Op::CreateUnit {
            unit: Unit {
                id: tribe,
                ..unit("Team")
            },
        },
        ErrorCode::Duplicate,
        &["unit id 1", "in use"],
    );
    w.refuse_naming(
        Op::CreateUnit {
            unit: Unit {
                id: UnitId(w.ids.next),
                ..unit("Team")
            },
        },
        ErrorCode::InvalidValue,
        &["unit id 2", "reserved"],
    );
    let reserved = UnitId(w.ids.fresh());
    w.accept(Op::CreateUnit {
        unit: Unit {
            id: reserved,
            ..unit_in("Team", tribe)
        },
    });
    assert_eq!(w.unit(reserved).parent, Some(tribe));
}

#[test]
fn a_unit_cannot_be_created_inside_the_id_it_is_given() {
    let mut w = World::new();
    let reserved = UnitId(w.ids.fresh());
    w.refuse(
        Op::CreateUnit {
            unit: Unit {
                id: reserved,
                ..unit_in("Loop", reserved)
            },
        },
        ErrorCode::NotFound,
    );
}

// ---- update ----------------------------------------------------------------------------

#[test]
fn updating_a_unit_replaces_its_fields() {
    let mut w = World::new();
    let tribe = w.add_unit("Tribe", None);
    let lead = w.add_person("Lead", None);
    let team = w.add_unit("Team", Some(tribe));
    let edited = Unit {
        name: "Team B".into(),
        mission: "Checkout".into(),
        kind: UnitKind::Enabling,
        lead: Some(lead),
        colour: Some("#00FF00".into()),
        target_size: Some(5),
        ..w.unit(team).clone()
    };
    w.accept(Op::UpdateUnit { unit: edited });
    let u = w.unit(team);
    assert_eq!(u.name, "Team B");
    assert_eq!(u.kind, UnitKind::Enabling);
    assert_eq!(u.lead, Some(lead));
    assert_eq!(u.colour.as_deref(), Some("#00ff00"));
    assert_eq!(u.parent, Some(tribe));
    assert_eq!(w.org.units_led_by(lead).collect::<Vec<_>>(), vec![team]);
}

#[test]
fn updating_a_unit_with_its_own_fields_changes_nothing() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let same = w.unit(team).clone();
    assert!(w.accept(Op::UpdateUnit { unit: same }).is_empty());
}

#[test]
fn updating_a_unit_cannot_change_its_parent() {
    let mut w = World::new();
    let tribe = w.add_unit("Tribe", None);
    let other = w.add_unit("Other", None);
    let team = w.add_unit("Team", Some(tribe));
    for parent in [None, Some(other), Some(team)] {
        let edited = Unit {
            parent,
            ..w.unit(team).clone()
        };
        w.refuse_naming(
            Op::UpdateUnit { unit: edited },
            ErrorCode::NotAllowed,
            &["Team", "parent", "move-unit"],
        );
    }
}

#[test]
fn updating_an_unknown_unit_or_to_an_unknown_lead_is_refused() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    w.refuse_naming(
        Op::UpdateUnit {
            unit: Unit {
                id: UnitId(80),
                ..unit("Ghost")
            },
        },
        ErrorCode::NotFound,
        &["unit #80"],
    );
    w.refuse_naming(
        Op::UpdateUnit {
            unit: Unit {
                lead: Some(PersonId(81)),
                ..w.unit(team).clone()
            },
        },
        ErrorCode::NotFound,
        &["person #81"],
    );
}

#[test]
fn updating_a_unit_checks_its_fields_like_creating_does() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let base = w.unit(team).clone();
    w.refuse(
        Op::UpdateUnit {
            unit: Unit {
                name: "".into(),
                ..base.clone()
            },
        },
        ErrorCode::NameRequired,
    );
    w.refuse(
        Op::UpdateUnit {
            unit: Unit {
                colour: Some("blue".into()),
                ..base.clone()
            },
        },
        ErrorCode::InvalidValue,
    );
    w.refuse(
        Op::UpdateUnit {
            unit: Unit {
                target_size: Some(0),
                ..base
            },
        },
        ErrorCode::InvalidValue,
    );
}

// ---- delete ----------------------------------------------------------------------------

#[test]
fn deleting_a_unit_moves_its_children_up_and_takes_its_records_with_it() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    let grace = w.add_person("Grace", None);
    let org = w.add_unit("Org", None);
    let tribe = w.add_unit("Tribe", Some(org));
    let team_a = w.add_unit("Team A", Some(tribe));
    let team_b = w.add_unit("Team B", Some(tribe));
    let grandchild = w.add_unit("Squad", Some(team_a));
    let neighbour = w.add_unit("Neighbour", Some(org));
    w.seat(ada, tribe, 50);
    w.seat(ada, team_a, 50);
    w.seat(grace, tribe, 100);
    let owned = w.add_area("Owned", None, Some(tribe));
    let kept = w.add_area("Kept", None, Some(neighbour));
    w.contribute(kept, tribe);
    w.contribute(kept, team_a);
    let out = w.add_interaction(interaction(tribe, neighbour));
    let inbound = w.add_interaction(interaction(team_b, tribe));
    let survivor = w.add_interaction(interaction(team_a, neighbour));
    w.place(tribe);
    w.place(neighbour);

    w.accept(Op::DeleteUnit { id: tribe });

    assert!(w.org.unit(tribe).is_none());
    assert_eq!(w.unit(team_a).parent, Some(org));
    assert_eq!(w.unit(team_b).parent, Some(org));
    assert_eq!(w.unit(grandchild).parent, Some(team_a));
    assert_eq!(
        w.org.child_units(org).collect::<Vec<_>>(),
        vec![team_a, team_b, neighbour]
    );
    let r = w.records();
    assert_eq!(
        r.memberships
            .iter()
            .map(|m| (m.person, m.unit))
            .collect::<Vec<_>>(),
        vec![(ada, team_a)]
    );
    assert_eq!(w.area(owned).owner, None);
    assert_eq!(w.area(kept).owner, Some(neighbour));
    assert_eq!(
        r.contributors
            .iter()
            .map(|c| (c.area, c.unit))
            .collect::<Vec<_>>(),
        vec![(kept, team_a)]
    );
    assert!(w.org.interaction(out).is_none());
    assert!(w.org.interaction(inbound).is_none());
    assert!(w.org.interaction(survivor).is_some());
    assert!(w.org.placement(tribe).is_none());
    assert!(w.org.placement(neighbour).is_some());
    assert_eq!(w.person(ada).name, "Ada", "people stay");
}

#[test]
fn deleting_a_top_unit_makes_its_children_top_units() {
    let mut w = World::new();
    let tribe = w.add_unit("Tribe", None);
    let team = w.add_unit("Team", Some(tribe));
    w.accept(Op::DeleteUnit { id: tribe });
    assert_eq!(w.unit(team).parent, None);
}

#[test]
fn deleting_a_unit_that_a_person_leads_keeps_the_person() {
    let mut w = World::new();
    let lead = w.add_person("Lead", None);
    let team = w.add_unit_record(Unit {
        lead: Some(lead),
        ..unit("Team")
    });
    w.accept(Op::DeleteUnit { id: team });
    assert_eq!(w.org.units_led_by(lead).count(), 0);
    assert!(w.org.person(lead).is_some());
}

#[test]
fn deleting_an_unknown_unit_is_refused() {
    let mut w = World::new();
    w.add_unit("Team", None);
    w.refuse_naming(
        Op::DeleteUnit { id: UnitId(9) },
        ErrorCode::NotFound,
        &["unit #9"],
    );
}

// ---- move ------------------------------------------------------------------------------

/// Org > Tribe > Team > Squad, plus Other at the top.
fn units() -> (World, [UnitId; 5]) {
    let mut w = World::new();
    let org = w.add_unit("Org", None);
    let tribe = w.add_unit("Tribe", Some(org));
    let team = w.add_unit("Team", Some(tribe));
    let squad = w.add_unit("Squad", Some(team));
    let other = w.add_unit("Other", None);
    (w, [org, tribe, team, squad, other])
}

#[test]
fn moving_a_unit_moves_it_with_everything_inside() {
    let (mut w, [org, tribe, team, squad, other]) = units();
    w.accept(Op::MoveUnit {
        id: tribe,
        parent: Some(other),
    });
    assert_eq!(w.unit(tribe).parent, Some(other));
    assert_eq!(w.unit(team).parent, Some(tribe));
    assert_eq!(w.unit(squad).parent, Some(team));
    assert_eq!(w.org.child_units(org).count(), 0);
    assert!(w.org.unit_contains(other, squad));
}

#[test]
fn moving_a_unit_to_the_top_clears_its_parent() {
    let (mut w, [_, _, team, _, _]) = units();
    w.accept(Op::MoveUnit {
        id: team,
        parent: None,
    });
    assert_eq!(w.unit(team).parent, None);
}

#[test]
fn moving_a_unit_where_it_already_is_changes_nothing() {
    let (mut w, [org, tribe, _, _, other]) = units();
    assert!(w
        .accept(Op::MoveUnit {
            id: tribe,
            parent: Some(org),
        })
        .is_empty());
    assert!(w
        .accept(Op::MoveUnit {
            id: other,
            parent: None,
        })
        .is_empty());
}

#[test]
fn a_unit_cannot_contain_itself() {
    let (mut w, [_, tribe, _, _, _]) = units();
    w.refuse_naming(
        Op::MoveUnit {
            id: tribe,
            parent: Some(tribe),
        },
        ErrorCode::SelfReference,
        &["Tribe", "itself"],
    );
}

#[test]
fn a_unit_cannot_move_into_a_unit_it_contains() {
    let (mut w, [org, tribe, team, squad, _]) = units();
    for (inner, name) in [(tribe, "Tribe"), (team, "Team"), (squad, "Squad")] {
        w.refuse_naming(
            Op::MoveUnit {
                id: org,
                parent: Some(inner),
            },
            ErrorCode::Cycle,
            &["Org", name],
        );
    }
}

#[test]
fn moving_an_unknown_unit_or_into_an_unknown_unit_is_refused() {
    let (mut w, [org, tribe, _, _, _]) = units();
    w.refuse_naming(
        Op::MoveUnit {
            id: UnitId(70),
            parent: Some(org),
        },
        ErrorCode::NotFound,
        &["unit #70"],
    );
    w.refuse_naming(
        Op::MoveUnit {
            id: tribe,
            parent: Some(UnitId(71)),
        },
        ErrorCode::NotFound,
        &["unit #71"],
    );
}

#[test]
fn a_person_id_is_not_a_unit_id() {
    let mut w = World::new();
    let p = w.add_person("Ada", None);
    w.refuse(Op::DeleteUnit { id: UnitId(p.0) }, ErrorCode::NotFound);
}
