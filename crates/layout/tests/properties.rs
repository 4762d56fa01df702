//! Properties of random forests: cards never overlap, connectors never cross cards, and the same
//! input always gives the same layout.

mod common;

use common::*;
use proptest::prelude::*;
use topograph_layout::{layout_forest, route_dotted, Layout, LayoutOptions, NodeInput};

/// Parents are drawn from earlier nodes (so the forest is acyclic) and then the whole input is
/// shuffled, so parents also come after their children.
fn forest() -> impl Strategy<Value = Vec<NodeInput>> {
    (1usize..70)
        .prop_flat_map(|n| {
            (
                prop::collection::vec((0u32..1000, 0u8..10, 1.0f64..320.0, 1.0f64..160.0), n),
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            )
        })
        .prop_map(|(raw, perm)| {
            let mut nodes = vec![
                NodeInput {
                    parent: None,
                    width: 0.0,
                    height: 0.0,
                };
                raw.len()
            ];
            for (i, &(pick, root, w, h)) in raw.iter().enumerate() {
                // Bias towards recent parents to get deep trees as well as bushy ones.
                let parent = if i == 0 || root == 0 {
                    None
                } else if pick % 2 == 0 {
                    Some(i - 1 - (pick as usize / 2) % i.min(3))
                } else {
                    Some(pick as usize % i)
                };
                // Mostly standard cards, so that leaves pile up under one manager and stack.
                let (w, h) = if root < 7 { (200.0, 72.0) } else { (w, h) };
                nodes[perm[i]] = NodeInput {
                    parent: parent.map(|p| perm[p] as u32),
                    width: w,
                    height: h,
                };
            }
            nodes
        })
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        0.0f64..40.0,
        0.0f64..80.0,
        0.0f64..100.0,
        1usize..8,
        1usize..5,
        0.0f64..30.0,
    )
        .prop_map(|(sg, lg, rg, from, cols, stg)| LayoutOptions {
            sibling_gap: sg,
            level_gap: lg,
            root_gap: rg,
            stack_leaves_from: from,
            stack_columns: cols,
            stack_gap: stg,
            target_aspect: None,
        })
}

/// The same options asking for the compact arrangement, from tall to very wide targets.
fn compact_options() -> impl Strategy<Value = LayoutOptions> {
    (options(), 0.2f64..5.0).prop_map(|(o, aspect)| LayoutOptions {
        target_aspect: Some(aspect),
        ..o
    })
}

fn has_stacked_children(nodes: &[NodeInput], p: usize, o: &LayoutOptions) -> bool {
    let is_leaf = |c: usize| !nodes.iter().any(|n| n.parent == Some(c as u32));
    let leaves = (0..nodes.len())
        .filter(|&c| nodes[c].parent == Some(p as u32) && is_leaf(c))
        .count();
    leaves >= o.stack_leaves_from.max(1)
}

fn tree_of(nodes: &[NodeInput], mut i: usize) -> usize {
    while let Some(p) = nodes[i].parent {
        i = p as usize;
    }
    i
}

/// 400 by default keeps `cargo test` quick; PROPTEST_CASES raises it for a soak run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn no_two_cards_overlap_and_parents_sit_above_children(nodes in forest(), o in options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        assert_no_overlaps(&l, &nodes);
        assert_parents_above_children(&l, &nodes);
    }

    #[test]
    fn connectors_are_orthogonal_and_cross_no_card(nodes in forest(), o in options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        assert_connectors_well_formed(&l, &nodes);
        assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
    }

    #[test]
    fn unstacked_parents_are_centred_over_their_children(nodes in forest(), o in options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        for p in 0..nodes.len() {
            let kids: Vec<usize> =
                (0..nodes.len()).filter(|&c| nodes[c].parent == Some(p as u32)).collect();
            if kids.is_empty() || has_stacked_children(&nodes, p, &o) {
                continue;
            }
            let (first, last) = (kids[0], kids[kids.len() - 1]);
            let span = (l.x[first] + l.x[last] + nodes[last].width) / 2.0;
            prop_assert!(close(l.x[p] + nodes[p].width / 2.0, span), "parent {}", p);
            for pair in kids.windows(2) {
                prop_assert!(l.x[pair[0]] < l.x[pair[1]], "siblings out of input order");
            }
        }
    }

    #[test]
    fn trees_follow_root_order_separated_by_root_gap(nodes in forest(), o in options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        let roots: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].parent.is_none()).collect();
        let mut extent = vec![(f64::MAX, f64::MIN); nodes.len()];
        for i in 0..nodes.len() {
            let t = tree_of(&nodes, i);
            extent[t].0 = extent[t].0.min(l.x[i]);
            extent[t].1 = extent[t].1.max(l.x[i] + nodes[i].width);
        }
        for con in &l.connectors {
            let t = tree_of(&nodes, con.from as usize);
            for &(x, _) in &con.points {
                extent[t].0 = extent[t].0.min(x);
                extent[t].1 = extent[t].1.max(x);
            }
        }
        for pair in roots.windows(2) {
            let gap = extent[pair[1]].0 - extent[pair[0]].1;
            prop_assert!(close(gap, o.root_gap), "gap {} between trees", gap);
        }
    }

    #[test]
    fn bounds_are_the_hull_of_cards_and_connectors_from_the_origin(nodes in forest(), o in options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (i, n) in nodes.iter().enumerate() {
            x0 = x0.min(l.x[i]);
            y0 = y0.min(l.y[i]);
            x1 = x1.max(l.x[i] + n.width);
            y1 = y1.max(l.y[i] + n.height);
        }
        for &(x, y) in l.connectors.iter().flat_map(|c| &c.points) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        prop_assert!(close(l.bounds.x, 0.0) && close(x0, 0.0) && close(y0, 0.0) && l.bounds.y == 0.0);
        prop_assert!(close(l.bounds.w, x1 - x0) && close(l.bounds.h, y1 - y0));
    }

    #[test]
    fn the_same_input_always_gives_the_same_layout(nodes in forest(), o in options()) {
        let a: Layout = layout_forest(&nodes, &o).unwrap();
        let b = layout_forest(&nodes, &o).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn dotted_lines_join_their_two_cards_without_crossing_any(
        nodes in forest(),
        o in options(),
        raw in prop::collection::vec((0u32..1000, 0u32..1000), 0..12),
    ) {
        let l = layout_forest(&nodes, &o).unwrap();
        let n = nodes.len() as u32;
        let pairs: Vec<(u32, u32)> = raw.iter().map(|&(a, b)| (a % n, b % n)).collect();
        let before = l.clone();
        let dotted = route_dotted(&l, &nodes, &pairs);
        prop_assert_eq!(&before, &l);
        prop_assert_eq!(dotted.len(), pairs.iter().filter(|(a, b)| a != b).count());
        for con in &dotted {
            prop_assert!(con.dotted);
            assert_orthogonal(con);
            let on_edge = |i: u32, p: (f64, f64)| {
                let (x, y, w, h) = rect(&l, &nodes, i as usize);
                (close(p.1, y) || close(p.1, y + h)) && p.0 >= x - EPS && p.0 <= x + w + EPS
            };
            let side = |i: u32, p: (f64, f64)| {
                let (x, y, w, h) = rect(&l, &nodes, i as usize);
                (close(p.0, x) || close(p.0, x + w)) && close(p.1, y + h / 2.0)
            };
            let (first, last) = (con.points[0], *con.points.last().unwrap());
            prop_assert!(on_edge(con.from, first) || side(con.from, first));
            prop_assert!(on_edge(con.to, last) || side(con.to, last));
        }
        assert_connectors_cross_no_card(&l, &nodes, &dotted);
    }

    #[test]
    fn compact_charts_place_every_card_once_without_overlaps(nodes in forest(), o in compact_options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        prop_assert_eq!(l.x.len(), nodes.len());
        prop_assert_eq!(l.y.len(), nodes.len());
        prop_assert!(l.x.iter().chain(&l.y).all(|v| v.is_finite()));
        assert_no_overlaps(&l, &nodes);
        assert_parents_above_children(&l, &nodes);
    }

    #[test]
    fn compact_connectors_join_parent_to_child_and_cross_no_card(nodes in forest(), o in compact_options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        assert_connectors_well_formed(&l, &nodes);
        assert_connectors_cross_no_card(&l, &nodes, &l.connectors);
    }

    #[test]
    fn compact_bounds_are_the_hull_from_the_origin_and_repeatable(nodes in forest(), o in compact_options()) {
        let l = layout_forest(&nodes, &o).unwrap();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (i, n) in nodes.iter().enumerate() {
            x0 = x0.min(l.x[i]);
            y0 = y0.min(l.y[i]);
            x1 = x1.max(l.x[i] + n.width);
            y1 = y1.max(l.y[i] + n.height);
        }
        for &(x, y) in l.connectors.iter().flat_map(|c| &c.points) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        prop_assert!(close(x0, 0.0) && close(y0, 0.0) && l.bounds.x == 0.0 && l.bounds.y == 0.0);
        prop_assert!(close(l.bounds.w, x1 - x0) && close(l.bounds.h, y1 - y0));
        prop_assert_eq!(l.clone(), layout_forest(&nodes, &o).unwrap());
    }
}
