//! Where the user put units on the team map.

mod common;

use common::*;
use topograph_model::{ErrorCode, Op, Placement, UnitId};

#[test]
fn setting_a_placement_remembers_where_a_unit_is() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let p = Placement {
        unit: team,
        x: -40.5,
        y: 12.0,
        w: 300.0,
        h: 150.0,
    };
    w.accept(Op::SetPlacement {
        placement: p.clone(),
    });
    assert_eq!(w.org.placement(team), Some(&p));
}

#[test]
fn setting_a_placement_again_moves_the_unit() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    w.place(team);
    let patch = w.accept(Op::SetPlacement {
        placement: placement(team, 500.0, 600.0),
    });
    assert_eq!(patch.changes.len(), 1);
    assert_eq!(w.org.placement(team).unwrap().x, 500.0);
    assert_eq!(w.org.placements().count(), 1);
}

#[test]
fn setting_the_same_placement_changes_nothing() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    w.place(team);
    let same = w.org.placement(team).unwrap().clone();
    assert!(w.accept(Op::SetPlacement { placement: same }).is_empty());
}

#[test]
fn a_placement_for_an_unknown_unit_is_refused() {
    let mut w = World::new();
    w.add_unit("Team", None);
    w.refuse_naming(
        Op::SetPlacement {
            placement: placement(UnitId(8), 0.0, 0.0),
        },
        ErrorCode::NotFound,
        &["unit #8"],
    );
}

#[test]
fn a_placement_without_a_positive_size_or_with_infinite_coordinates_is_refused() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let good = placement(team, 0.0, 0.0);
    let bad = [
        Placement {
            w: 0.0,
            ..good.clone()
        },
        Placement {
            h: -1.0,
            ..good.clone()
        },
        Placement {
            x: f64::NAN,
            ..good.clone()
        },
        Placement {
            y: f64::INFINITY,
            ..good.clone()
        },
        Placement {
            w: f64::INFINITY,
            ..good
        },
    ];
    for placement in bad {
        w.refuse_naming(
            Op::SetPlacement { placement },
            ErrorCode::InvalidValue,
            &["placement"],
        );
    }
}

fn three_placed() -> (World, [UnitId; 3]) {
    let mut w = World::new();
    let a = w.add_unit("A", None);
    let b = w.add_unit("B", None);
    let c = w.add_unit("C", None);
    for u in [a, b, c] {
        w.place(u);
    }
    (w, [a, b, c])
}

#[test]
fn clearing_placements_of_some_units_forgets_only_those() {
    let (mut w, [a, b, c]) = three_placed();
    let unplaced = w.add_unit("Unplaced", None);
    w.accept(Op::ClearPlacements {
        units: vec![a, unplaced, c],
    });
    assert_eq!(
        w.org.placements().map(|p| p.unit).collect::<Vec<_>>(),
        vec![b]
    );
}

#[test]
fn clearing_placements_with_an_empty_list_forgets_all() {
    let (mut w, _) = three_placed();
    let patch = w.accept(Op::ClearPlacements { units: vec![] });
    assert_eq!(patch.changes.len(), 3);
    assert_eq!(w.org.placements().count(), 0);
    assert_eq!(w.org.units().count(), 3, "the units stay");
}

#[test]
fn clearing_placements_when_there_are_none_changes_nothing() {
    let mut w = World::new();
    let a = w.add_unit("A", None);
    assert!(w.accept(Op::ClearPlacements { units: vec![] }).is_empty());
    assert!(w.accept(Op::ClearPlacements { units: vec![a] }).is_empty());
}

#[test]
fn clearing_the_placement_of_a_unit_named_twice_forgets_it_once() {
    let (mut w, [a, b, _]) = three_placed();
    let patch = w.accept(Op::ClearPlacements {
        units: vec![a, b, a],
    });
    assert_eq!(patch.changes.len(), 2);
    assert_eq!(w.org.placements().count(), 1);
}

#[test]
fn clearing_the_placement_of_an_unknown_unit_is_refused() {
    let (mut w, [a, _, _]) = three_placed();
    w.refuse_naming(
        Op::ClearPlacements {
            units: vec![a, UnitId(77)],
        },
        ErrorCode::NotFound,
        &["unit #77"],
    );
    assert!(w.org.placement(a).is_some());
}
