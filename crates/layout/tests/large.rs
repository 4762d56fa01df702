//! Scale: a realistic 100k-card chart and a 50k-deep chain, neither of which may recurse.

mod common;

#[path = "../support/synthetic.rs"]
mod synthetic;

use common::*;
use synthetic::{synthetic_org, Prng};
use topograph_layout::{layout_forest, LayoutOptions, NodeInput};

/// Far less stack than the 8 MiB a main thread gets, so any recursion over depth fails here.
const SMALL_STACK: usize = 256 * 1024;

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn a_100k_node_random_tree_has_no_overlaps_and_every_edge_connected() {
    let nodes = synthetic_org(100_000, 7);
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    assert_no_overlaps(&l, &nodes);
    assert_parents_above_children(&l, &nodes);
    assert_connectors_well_formed(&l, &nodes);
}

#[test]
fn a_50k_deep_chain_lays_out_on_a_small_stack() {
    let nodes: Vec<NodeInput> = (0..50_000u32).map(|i| node(i.checked_sub(1))).collect();
    let l = on_small_stack(move || layout_forest(&nodes, &LayoutOptions::default()).unwrap());
    assert!(
        l.x.iter().all(|&x| x == 0.0),
        "a chain is one straight column"
    );
    assert!(l.y.windows(2).all(|w| w[1] > w[0]));
    assert_eq!(l.connectors.len(), 49_999);
}

#[test]
fn a_100k_tree_around_a_50k_deep_chain_has_no_overlaps() {
    // Branches hang off random chain links, so contours thread across many levels.
    let mut rng = Prng::new(99);
    let mut nodes: Vec<NodeInput> = (0..50_000u32).map(|i| node(i.checked_sub(1))).collect();
    while nodes.len() < 100_000 {
        let anchor = if rng.below(3) == 0 && nodes.len() > 50_000 {
            50_000 + rng.below(nodes.len() as u64 - 50_000)
        } else {
            rng.below(50_000)
        };
        let mut n = node(Some(anchor as u32));
        n.width = [120.0, 200.0, 320.0][rng.below(3) as usize];
        nodes.push(n);
    }
    let input = nodes.clone();
    let l = on_small_stack(move || layout_forest(&input, &LayoutOptions::default()).unwrap());
    assert_no_overlaps(&l, &nodes);
    assert_parents_above_children(&l, &nodes);
    assert_connectors_well_formed(&l, &nodes);
}

#[test]
fn a_100k_compact_chart_comes_close_to_its_target_aspect_without_overlaps() {
    let nodes = synthetic_org(100_000, 7);
    let tidy = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    for aspect in [297.0 / 210.0, 1280.0 / 800.0] {
        let o = LayoutOptions {
            target_aspect: Some(aspect),
            ..LayoutOptions::default()
        };
        let l = on_small_stack(move || layout_forest(&synthetic_org(100_000, 7), &o).unwrap());
        assert_no_overlaps(&l, &nodes);
        assert_parents_above_children(&l, &nodes);
        assert_connectors_well_formed(&l, &nodes);
        let miss = |b: topograph_layout::Rect| (b.w / b.h / aspect).ln().abs();
        assert!(
            miss(l.bounds) < 0.5 && miss(l.bounds) < miss(tidy.bounds),
            "aspect {} against target {aspect} (tidy {})",
            l.bounds.w / l.bounds.h,
            tidy.bounds.w / tidy.bounds.h
        );
    }
}
