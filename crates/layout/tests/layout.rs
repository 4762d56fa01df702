//! Behaviour of `layout_forest` on small, hand-made charts.

mod common;

use common::*;
use topograph_layout::{layout_forest, LayoutError, LayoutOptions, NodeInput};

fn no_stacking() -> LayoutOptions {
    LayoutOptions {
        stack_leaves_from: usize::MAX,
        ..LayoutOptions::default()
    }
}

fn centre(l: &topograph_layout::Layout, nodes: &[NodeInput], i: usize) -> f64 {
    l.x[i] + nodes[i].width / 2.0
}

#[test]
fn a_parent_is_centred_over_its_children() {
    let nodes = vec![node(None), node(Some(0)), node(Some(0)), node(Some(0))];
    let l = layout_forest(&nodes, &no_stacking()).unwrap();
    let span = (l.x[1] + l.x[3] + nodes[3].width) / 2.0;
    assert!(close(centre(&l, &nodes, 0), span));
    assert!(close(centre(&l, &nodes, 0), centre(&l, &nodes, 2)));
}

#[test]
fn siblings_keep_input_order_and_the_sibling_gap() {
    let o = no_stacking();
    let nodes = vec![node(Some(3)), node(Some(3)), node(Some(3)), node(None)];
    let l = layout_forest(&nodes, &o).unwrap();
    assert!(close(l.x[1] - (l.x[0] + 200.0), o.sibling_gap));
    assert!(close(l.x[2] - (l.x[1] + 200.0), o.sibling_gap));
}

#[test]
fn a_single_child_hangs_straight_below_its_parent() {
    let nodes = vec![node(None), node(Some(0))];
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    assert!(close(l.x[0], l.x[1]));
    assert_eq!(l.connectors[0].points.len(), 2);
}

#[test]
fn levels_start_below_the_tallest_card_of_the_level_above() {
    let o = no_stacking();
    let mut nodes = vec![node(None), node(Some(0)), node(Some(0)), node(Some(1))];
    nodes[2].height = 150.0;
    let l = layout_forest(&nodes, &o).unwrap();
    assert!(close(l.y[1], l.y[2]));
    assert!(close(l.y[3], l.y[1] + 150.0 + o.level_gap));
}

#[test]
fn roots_sit_side_by_side_in_input_order_separated_by_root_gap() {
    let o = no_stacking();
    let nodes = vec![
        node(None),
        node(Some(0)),
        node(Some(0)),
        node(None),
        node(Some(3)),
    ];
    let l = layout_forest(&nodes, &o).unwrap();
    let first_right = l.x[2] + 200.0;
    assert!(close(l.x[4], first_right + o.root_gap));
    assert!(close(l.x[3], l.x[4]));
    assert!(close(l.y[0], l.y[3]));
}

#[test]
fn bounds_start_at_the_origin_and_cover_every_card() {
    let mut nodes = vec![node(None), node(Some(0)), node(Some(0)), node(Some(2))];
    nodes[3].width = 500.0;
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    assert_eq!((l.bounds.x, l.bounds.y), (0.0, 0.0));
    for (i, n) in nodes.iter().enumerate() {
        assert!(l.x[i] >= -EPS && l.y[i] >= -EPS);
        assert!(l.x[i] + n.width <= l.bounds.w + EPS);
        assert!(l.y[i] + n.height <= l.bounds.h + EPS);
    }
}

#[test]
fn a_deep_left_subtree_pushes_its_neighbour_only_where_they_meet() {
    // The left subtree is narrow at the top and wide at the bottom; the right one is the
    // reverse. Contour separation lets them interlock instead of keeping whole boxes apart.
    let mut nodes = vec![node(None), node(Some(0)), node(Some(0))];
    let mid = nodes.len() as u32;
    nodes.push(node(Some(1)));
    for _ in 0..6 {
        nodes.push(node(Some(mid)));
    }
    for _ in 0..6 {
        nodes.push(node(Some(2)));
    }
    let l = layout_forest(&nodes, &no_stacking()).unwrap();
    assert_no_overlaps(&l, &nodes);
    assert_parents_above_children(&l, &nodes);
    let left_right_edge = (0..nodes.len())
        .filter(|&i| l.y[i] == l.y[mid as usize + 1])
        .map(|i| l.x[i] + 200.0)
        .fold(f64::MIN, f64::max);
    let right_team_left = (mid as usize + 7..nodes.len())
        .map(|i| l.x[i])
        .fold(f64::MAX, f64::min);
    assert!(
        right_team_left < left_right_edge,
        "subtrees should interlock"
    );
}

#[test]
fn thirty_leaf_reports_stack_in_columns() {
    let o = LayoutOptions::default();
    let mut nodes = vec![node(None)];
    nodes.extend((0..30).map(|_| node(Some(0))));
    let l = layout_forest(&nodes, &o).unwrap();
    let mut columns: Vec<f64> = l.x[1..].to_vec();
    columns.sort_by(f64::total_cmp);
    columns.dedup_by(|a, b| close(*a, *b));
    assert_eq!(columns.len(), o.stack_columns);
    assert!(l.bounds.w <= 3.0 * 200.0, "chart is {} wide", l.bounds.w);
    // Reading order runs across the rows.
    assert!(close(l.y[1], l.y[2]) && l.x[1] < l.x[2]);
    assert!(l.y[3] > l.y[1]);
    assert_no_overlaps(&l, &nodes);
    assert_parents_above_children(&l, &nodes);
    assert_connectors_well_formed(&l, &nodes);
    assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
}

#[test]
fn two_stacked_columns_hang_from_a_spine_under_the_parent() {
    let mut nodes = vec![node(None)];
    nodes.extend((0..6).map(|_| node(Some(0))));
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    let px = centre(&l, &nodes, 0);
    for con in &l.connectors {
        assert_eq!(con.points.len(), 3, "straight spine, then into the side");
        assert!(close(con.points[1].0, px));
        let end = con.points[2];
        let c = con.to as usize;
        assert!(close(end.1, l.y[c] + 36.0));
        assert!(close(end.0, l.x[c]) || close(end.0, l.x[c] + 200.0));
    }
}

#[test]
fn a_few_leaf_reports_stay_in_one_row() {
    let o = LayoutOptions::default();
    let mut nodes = vec![node(None)];
    nodes.extend((0..o.stack_leaves_from - 1).map(|_| node(Some(0))));
    let l = layout_forest(&nodes, &o).unwrap();
    assert!(l.y[1..].iter().all(|&y| close(y, l.y[1])));
}

#[test]
fn non_leaf_children_are_laid_out_beside_the_stack() {
    let o = LayoutOptions::default();
    let mut nodes = vec![node(None), node(Some(0))];
    nodes.extend((0..10).map(|_| node(Some(0))));
    nodes.push(node(Some(0)));
    let sub = nodes.len() - 1;
    nodes.push(node(Some(1)));
    nodes.push(node(Some(sub as u32)));
    let l = layout_forest(&nodes, &o).unwrap();
    // Manager 1 comes first, then the stack (in place of the first leaf), then manager `sub`.
    let leaves = 2..12;
    let stack_left = leaves.clone().map(|i| l.x[i]).fold(f64::MAX, f64::min);
    let stack_right = leaves
        .clone()
        .map(|i| l.x[i] + 200.0)
        .fold(f64::MIN, f64::max);
    assert!(l.x[1] + 200.0 <= stack_left);
    assert!(stack_right <= l.x[sub]);
    assert!(close(l.y[1], l.y[sub]) && close(l.y[1], l.y[2]));
    assert_no_overlaps(&l, &nodes);
    assert_connectors_well_formed(&l, &nodes);
    assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
}

#[test]
fn three_stack_columns_keep_every_spine_clear_of_the_cards() {
    let o = LayoutOptions {
        stack_columns: 3,
        ..LayoutOptions::default()
    };
    let mut nodes = vec![node(None)];
    nodes.extend((0..14).map(|_| node(Some(0))));
    let l = layout_forest(&nodes, &o).unwrap();
    let mut columns: Vec<f64> = l.x[1..].to_vec();
    columns.sort_by(f64::total_cmp);
    columns.dedup_by(|a, b| close(*a, *b));
    assert_eq!(columns.len(), 3);
    assert_no_overlaps(&l, &nodes);
    assert_connectors_well_formed(&l, &nodes);
    assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
}

#[test]
fn a_single_stack_column_gets_its_own_spine_lane() {
    let o = LayoutOptions {
        stack_columns: 1,
        ..LayoutOptions::default()
    };
    let mut nodes = vec![node(None)];
    nodes.extend((0..8).map(|_| node(Some(0))));
    let l = layout_forest(&nodes, &o).unwrap();
    assert!(l.x[1..].iter().all(|&x| close(x, l.x[1])));
    assert_connectors_well_formed(&l, &nodes);
    assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
}

#[test]
fn every_edge_gets_one_orthogonal_connector_from_the_parents_bottom_centre() {
    let mut nodes = vec![node(None), node(Some(0)), node(Some(0)), node(None)];
    nodes.extend((0..7).map(|_| node(Some(3))));
    nodes.push(node(Some(1)));
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    assert_connectors_well_formed(&l, &nodes);
    let to: Vec<u32> = l.connectors.iter().map(|c| c.to).collect();
    let mut sorted = to.clone();
    sorted.sort();
    assert_eq!(to, sorted, "ordered by child index");
}

#[test]
fn a_parent_index_past_the_end_is_an_error() {
    let nodes = vec![node(None), node(Some(7))];
    assert_eq!(
        layout_forest(&nodes, &LayoutOptions::default()),
        Err(LayoutError::ParentOutOfRange { node: 1, parent: 7 })
    );
}

#[test]
fn a_cycle_is_an_error_naming_a_node_on_it() {
    let nodes = vec![
        node(None),
        node(Some(3)),
        node(Some(1)),
        node(Some(2)),
        node(Some(3)),
    ];
    match layout_forest(&nodes, &LayoutOptions::default()) {
        Err(LayoutError::Cycle { node }) => assert!([1, 2, 3].contains(&node)),
        other => panic!("expected a cycle, got {other:?}"),
    }
    let selfish = vec![node(Some(0))];
    assert_eq!(
        layout_forest(&selfish, &LayoutOptions::default()),
        Err(LayoutError::Cycle { node: 0 })
    );
}

#[test]
fn an_empty_forest_has_an_empty_layout() {
    let l = layout_forest(&[], &LayoutOptions::default()).unwrap();
    assert!(l.x.is_empty() && l.connectors.is_empty());
    assert_eq!((l.bounds.w, l.bounds.h), (0.0, 0.0));
}

#[test]
fn nonsense_sizes_and_gaps_are_treated_as_zero() {
    let nodes = vec![
        NodeInput {
            parent: None,
            width: f64::NAN,
            height: -5.0,
        },
        node(Some(0)),
        node(Some(0)),
    ];
    let o = LayoutOptions {
        sibling_gap: -10.0,
        level_gap: f64::INFINITY,
        stack_leaves_from: 0,
        stack_columns: 0,
        ..LayoutOptions::default()
    };
    let l = layout_forest(&nodes, &o).unwrap();
    assert!(l.x.iter().chain(&l.y).all(|v| v.is_finite()));
    let mut cleaned = nodes.clone();
    cleaned[0].width = 0.0;
    cleaned[0].height = 0.0;
    assert_no_overlaps(&l, &cleaned);
    assert_parents_above_children(&l, &cleaned);
}

#[test]
fn the_layout_serialises_to_json() {
    let nodes = vec![node(None), node(Some(0))];
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    let json = serde_json::to_value(&l).unwrap();
    assert_eq!(json["connectors"][0]["from"], 0);
    assert_eq!(json["bounds"]["h"], 72.0 * 2.0 + 56.0);
}
