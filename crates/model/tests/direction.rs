//! An area's direction (stance, target share, outcome) and the actual effort rule, on hand-computed cases.

mod common;

use common::*;
use proptest::prelude::*;
use topograph_model::{actual_effort, Area, ErrorCode, Op, Stance, CONTRIBUTOR_WEIGHT};

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn setting_a_stance_target_and_outcome_is_one_undoable_edit() {
    let mut w = World::new();
    let id = w.add_area("Checkout", None, None);
    let edited = Area {
        stance: Some(Stance::Invest),
        target_share: Some(12.5),
        outcome: "  Conversion above 4% ".into(),
        ..w.area(id).clone()
    };
    // `accept` also checks that the inverse restores the exact prior records.
    w.accept(Op::UpdateArea { area: edited });
    let a = w.area(id);
    assert_eq!(a.stance, Some(Stance::Invest));
    assert_eq!(a.target_share, Some(12.5));
    assert_eq!(a.outcome, "Conversion above 4%");
}

#[test]
fn a_target_share_outside_0_to_100_or_not_a_number_is_refused() {
    let mut w = World::new();
    let id = w.add_area("Checkout", None, None);
    for bad in [-1.0, 100.5, f64::NAN, f64::INFINITY] {
        let edited = Area {
            target_share: Some(bad),
            ..w.area(id).clone()
        };
        w.refuse(Op::UpdateArea { area: edited }, ErrorCode::InvalidValue);
    }
}

#[test]
fn an_area_without_direction_reads_from_json_written_before_it_existed() {
    let json = r#"{"id":3,"name":"Search","description":"","parent":null,"complexity":"simple","user_facing":true,"owner":null}"#;
    let a: Area = serde_json::from_str(json).unwrap();
    assert_eq!(
        (a.stance, a.target_share, a.outcome.as_str()),
        (None, None, "")
    );
}

#[test]
fn a_team_spreads_its_fte_evenly_over_the_areas_it_owns() {
    let mut w = World::new();
    let t = w.add_unit("Payments", None);
    for i in 0..3 {
        let p = w.add_person(&format!("P{i}"), None);
        w.seat(p, t, 100);
    }
    let x = w.add_area("Checkout", None, Some(t));
    let y = w.add_area("Refunds", None, Some(t));
    let e = actual_effort(&w.org);
    assert!(close(e.area(x).unwrap().owned, 1.5));
    assert!(close(e.area(y).unwrap().total, 1.5));
    assert!(close(e.area(x).unwrap().share, 50.0));
    assert!(close(e.counted, 3.0) && close(e.placed, 3.0));
}

#[test]
fn a_shared_person_counts_on_each_team_for_their_allocation() {
    let mut w = World::new();
    let a = w.add_unit("A", None);
    let b = w.add_unit("B", None);
    let shared = w.add_person("Shared", None);
    w.seat(shared, a, 50);
    w.seat(shared, b, 30);
    let solo = w.add_person("Solo", None);
    w.seat(solo, a, 100);
    let x = w.add_area("X", None, Some(a));
    let y = w.add_area("Y", None, Some(b));
    let e = actual_effort(&w.org);
    assert!(close(e.area(x).unwrap().total, 1.5));
    assert!(close(e.area(y).unwrap().total, 0.3));
    assert!(close(e.counted, 1.8));
    assert!(close(e.area(y).unwrap().share, 0.3 / 1.8 * 100.0));
}

#[test]
fn a_contribution_takes_a_lower_weight_than_an_ownership() {
    let mut w = World::new();
    let a = w.add_unit("A", None);
    let b = w.add_unit("B", None);
    for (i, t) in [(0, a), (1, b), (2, b)] {
        let p = w.add_person(&format!("P{i}"), None);
        w.seat(p, t, 100);
    }
    let x = w.add_area("X", None, Some(a));
    let z = w.add_area("Z", None, Some(b));
    w.contribute(x, b);
    let e = actual_effort(&w.org);
    // B's 2 FTE over weights 1 (Z) + 0.5 (X): 4/3 to Z, 2/3 to X.
    let weight = 1.0 + CONTRIBUTOR_WEIGHT;
    assert!(close(e.area(z).unwrap().owned, 2.0 / weight));
    assert!(close(
        e.area(x).unwrap().contributed,
        2.0 * CONTRIBUTOR_WEIGHT / weight
    ));
    assert!(close(e.area(x).unwrap().owned, 1.0));
    assert!(close(e.area(x).unwrap().total, 1.0 + 2.0 / 3.0));
    assert_eq!(e.area(x).unwrap().contributing_units, 1);
    assert_eq!(e.area(z).unwrap().contributing_units, 0);
}

#[test]
fn open_positions_and_planned_hires_are_counted_apart() {
    let mut w = World::new();
    let t = w.add_unit("A", None);
    let here = w.add_person("Here", None);
    w.seat(here, t, 100);
    let open = w.add(open_position("Engineer"));
    w.seat(open, t, 100);
    let x = w.add_area("X", None, Some(t));
    let y = w.add_area("Y", None, Some(t));
    let e = actual_effort(&w.org);
    assert!(close(e.area(x).unwrap().total, 0.5));
    assert!(close(e.area(x).unwrap().planned, 0.5));
    assert!(close(e.area(y).unwrap().total_planned, 0.5));
    assert!(close(e.counted, 1.0) && close(e.planned, 1.0));
}

#[test]
fn a_parent_area_rolls_up_the_effort_of_everything_below_it() {
    let mut w = World::new();
    let a = w.add_unit("A", None);
    let c = w.add_unit("C", None);
    let idle = w.add_unit("Owns nothing", None);
    for (i, t) in [(0, a), (1, c), (2, c), (3, idle)] {
        let p = w.add_person(&format!("P{i}"), None);
        w.seat(p, t, 100);
    }
    let top = w.add_area("Commerce", None, Some(a));
    let mid = w.add_area("Checkout", Some(top), None);
    let leaf = w.add_area("Wallets", Some(mid), Some(c));
    let e = actual_effort(&w.org);
    assert!(close(e.area(leaf).unwrap().total, 2.0));
    assert!(close(e.area(mid).unwrap().total, 2.0));
    assert!(close(e.area(mid).unwrap().owned, 0.0));
    assert!(close(e.area(top).unwrap().total, 3.0));
    // The idle team's FTE counts in the whole but lands on no area.
    assert!(close(e.counted, 4.0) && close(e.unplaced(), 1.0));
    assert!(close(e.area(top).unwrap().share, 75.0));
}

#[test]
fn an_org_without_people_has_no_effort_and_no_shares() {
    let mut w = World::new();
    let t = w.add_unit("A", None);
    let x = w.add_area("X", None, Some(t));
    let e = actual_effort(&w.org);
    assert_eq!(e.area(x).unwrap().share, 0.0);
    assert_eq!(e.counted, 0.0);
}

proptest! {
    /// Whatever the tree and the seats, top-level totals add up to the placed effort, and to
    /// 100% of the counted effort when every unit with people owns something.
    #[test]
    fn top_level_shares_add_up_to_the_placed_effort(
        parents in prop::collection::vec(0u32..6, 1..8),
        owners in prop::collection::vec(0u32..4, 1..8),
        seats in prop::collection::vec((0u32..12, 0u32..4, 1u32..=100), 0..20),
        contributions in prop::collection::vec((0u32..8, 0u32..4), 0..6),
    ) {
        let mut w = World::new();
        let units: Vec<_> = (0..4).map(|i| w.add_unit(&format!("U{i}"), None)).collect();
        let people: Vec<_> = (0..12).map(|i| w.add_person(&format!("P{i}"), None)).collect();
        let mut areas = Vec::new();
        for (i, p) in parents.iter().enumerate() {
            // An area's parent comes before it; 0 (or anything not yet made) means top level.
            let parent = (*p as usize).checked_sub(1).and_then(|j| areas.get(j).copied());
            let owner = owners.get(i).map(|o| units[*o as usize]);
            areas.push(w.add_area(&format!("A{i}"), parent, owner));
        }
        for &(p, u, alloc) in &seats {
            w.seat(people[p as usize], units[u as usize], alloc);
        }
        for &(a, u) in &contributions {
            let (area, unit) = (areas[a as usize % areas.len()], units[u as usize]);
            if w.area(area).owner != Some(unit) && !w.org.is_contributor(area, unit) {
                w.contribute(area, unit);
            }
        }
        let e = actual_effort(&w.org);
        let tops: Vec<_> = e.areas.iter().filter(|a| w.area(a.area).parent.is_none()).collect();
        let placed: f64 = tops.iter().map(|a| a.total).sum();
        prop_assert!((placed - e.placed).abs() < 1e-6, "{placed} vs {}", e.placed);
        prop_assert!(e.placed <= e.counted + EPS);
        let everyone_placed = units.iter().all(|&u| {
            w.org.members(u).next().is_none()
                || w.org.areas_owned_by(u).next().is_some()
                || w.org.contributions_of(u).next().is_some()
        });
        if everyone_placed && e.counted > 0.0 {
            let shares: f64 = tops.iter().map(|a| a.share).sum();
            prop_assert!((shares - 100.0).abs() < 1e-6, "{shares}");
        }
        for a in &e.areas {
            prop_assert!(a.total + EPS >= a.owned + a.contributed);
        }
    }
}

#[test]
fn actual_effort_ends_on_an_area_loop_and_on_areas_that_do_not_exist() {
    let mut w = World::new();
    let parent = w.add_area("Commerce", None, None);
    let child = w.add_area("Checkout", Some(parent), None);
    let mut records = w.org.to_records();
    // A damaged file: the parent under its own child, and a child of an area that is not there.
    records
        .areas
        .iter_mut()
        .find(|a| a.id == parent)
        .unwrap()
        .parent = Some(child);
    let mut orphan = records.areas[0].clone();
    orphan.id = topograph_model::AreaId(u32::MAX - 1);
    orphan.parent = Some(topograph_model::AreaId(u32::MAX - 2));
    records.areas.push(orphan);
    let damaged = topograph_model::Org::from_records(records);
    let effort = actual_effort(&damaged);
    assert_eq!(effort.areas.len(), 3);
}
