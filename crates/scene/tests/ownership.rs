//! The ownership map scene: unowned leaves, team loads against the budget, links.

mod common;

use common::*;
use topograph_model::{Complexity, Org, OrgRecords, UnitKind, COGNITIVE_LOAD_BUDGET};
use topograph_scene::{ownership, OwnershipOptions, OwnershipScene};

/// Checkout (area 30, parent of 31 and 32) is owned by Payments (4), which owns complicated
/// 31 and 33 too; Search (5) owns simple 34, 35, 36; 32 is an unowned leaf that Search
/// contributes to; Shopping (group 2) owns complex 37.
fn org() -> Org {
    let mut r: OrgRecords = nested_org();
    r.areas = vec![
        area(30, None, Complexity::Complex, Some(4)),
        area(31, Some(30), Complexity::Complicated, Some(4)),
        area(32, Some(30), Complexity::Simple, None),
        area(33, None, Complexity::Complicated, Some(4)),
        area(34, None, Complexity::Simple, Some(5)),
        area(35, None, Complexity::Simple, Some(5)),
        area(36, None, Complexity::Simple, Some(5)),
        area(37, None, Complexity::Complex, Some(2)),
    ];
    r.contributors = vec![contributor(32, 5)];
    Org::from_records(r)
}

fn scene() -> OwnershipScene {
    ownership(&org(), &OwnershipOptions::default()).unwrap()
}

fn team(scene: &OwnershipScene, unit: u32) -> usize {
    scene.teams.iter().position(|&u| u == unit).unwrap()
}

#[test]
fn areas_are_rows_in_tree_order_indented_by_depth() {
    let s = scene();
    assert_eq!(s.areas, vec![30, 31, 32, 33, 34, 35, 36, 37]);
    assert_eq!(s.area_content[1].depth, 1);
    assert_eq!(s.area_content[1].parent, Some(30));
    assert!(s.area_x[1] > s.area_x[0]);
    for i in 1..s.areas.len() {
        assert!(s.area_y[i] >= s.area_y[i - 1] + s.area_h[i - 1]);
    }
}

#[test]
fn siblings_are_rows_in_the_order_of_their_positions_then_ids() {
    let mut r = org().to_records();
    for a in &mut r.areas {
        // 32 before 31 under Checkout, and 37 first at the top.
        a.position = match a.id.0 {
            32 => 0,
            31 => 1,
            37 => 0,
            30 | 33..=36 => 1,
            _ => a.position,
        };
    }
    let s = ownership(&Org::from_records(r), &OwnershipOptions::default()).unwrap();
    assert_eq!(s.areas, vec![37, 30, 32, 31, 33, 34, 35, 36]);
}

#[test]
fn a_leaf_area_without_an_owner_is_flagged_unowned_and_a_parent_is_never() {
    let s = scene();
    let unowned: Vec<u32> = s
        .areas
        .iter()
        .zip(&s.area_content)
        .filter(|(_, c)| c.unowned)
        .map(|(&a, _)| a)
        .collect();
    assert_eq!(unowned, vec![32]);
    assert!(!s.area_content[0].is_leaf);
}

#[test]
fn two_complicated_areas_put_a_team_over_budget_and_three_simple_ones_do_not() {
    let s = scene();
    let payments = &s.team_content[team(&s, 4)];
    // 30 is not a leaf, so only 31 and 33 weigh.
    let expected = 2.0 * Complexity::Complicated.cognitive_load();
    assert!((payments.load - expected).abs() < 1e-9, "{}", payments.load);
    assert!(payments.over_budget);
    let search = &s.team_content[team(&s, 5)];
    assert!((search.load - COGNITIVE_LOAD_BUDGET).abs() < 1e-9);
    assert!(!search.over_budget);
    assert_eq!(search.budget, COGNITIVE_LOAD_BUDGET);
    assert_eq!(search.owned, vec![34, 35, 36]);
    assert_eq!(search.contributes, vec![32]);
}

#[test]
fn teams_are_every_non_group_unit_plus_groups_that_own_areas() {
    let s = scene();
    let mut teams = s.teams.clone();
    teams.sort();
    assert_eq!(teams, vec![2, 4, 5, 6, 7]);
    assert_eq!(s.team_content[team(&s, 2)].kind, UnitKind::Group);
    for i in 1..s.teams.len() {
        assert!(s.team_y[i] >= s.team_y[i - 1] + s.team_h[i - 1]);
    }
}

#[test]
fn every_owner_and_contributor_gets_a_link_from_the_area_row_to_the_team_box() {
    let s = scene();
    let mut links: Vec<(u32, u32, bool)> = s
        .links
        .iter()
        .map(|l| (l.area, l.unit, l.contributor))
        .collect();
    links.sort();
    assert_eq!(
        links,
        vec![
            (30, 4, false),
            (31, 4, false),
            (32, 5, true),
            (33, 4, false),
            (34, 5, false),
            (35, 5, false),
            (36, 5, false),
            (37, 2, false),
        ]
    );
    let link = s.links.iter().find(|l| l.area == 32).unwrap();
    let row = 2;
    let t = team(&s, 5);
    assert_eq!(link.points[0], s.area_x[row] + s.area_w[row]);
    assert_eq!(link.points[link.points.len() - 2], s.team_x[t]);
}

#[test]
fn the_scene_serialises_with_the_contracts_field_names() {
    let json = serde_json::to_value(scene()).unwrap();
    assert!(json["area_content"][0]["userFacing"].is_boolean());
    assert!(json["team_content"][0]["overBudget"].is_boolean());
    assert!(json["links"][0]["contributor"].is_boolean());
}
