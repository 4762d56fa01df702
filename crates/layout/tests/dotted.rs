//! Dotted-line connectors routed around a finished layout.

mod common;

#[path = "../support/synthetic.rs"]
mod synthetic;

use common::*;
use topograph_layout::{layout_forest, route_dotted, LayoutOptions};

#[test]
fn a_dotted_line_to_a_cousin_avoids_every_card() {
    // Two managers with a team each; a dotted line from one manager to the far team's member
    // must find a corridor between the teams rather than cut through a card.
    let mut nodes = vec![node(None), node(Some(0)), node(Some(0))];
    for _ in 0..3 {
        nodes.push(node(Some(1)));
    }
    for _ in 0..3 {
        nodes.push(node(Some(2)));
    }
    let more = nodes.len() as u32;
    nodes.push(node(Some(3)));
    nodes.push(node(Some(8)));
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    let pairs = [(1, 8), (3, more + 1), (more + 1, 1), (4, 5)];
    let dotted = route_dotted(&l, &nodes, &pairs);
    assert_eq!(dotted.len(), pairs.len());
    for (con, &(a, b)) in dotted.iter().zip(&pairs) {
        assert_eq!((con.from, con.to), (a, b));
        assert!(con.dotted);
        assert_orthogonal(con);
    }
    assert_connectors_cross_no_card(&l, &nodes, &dotted);
}

#[test]
fn dotted_lines_naming_unknown_or_identical_nodes_are_skipped() {
    let nodes = vec![node(None), node(Some(0))];
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    assert!(route_dotted(&l, &nodes, &[(0, 0), (0, 9), (9, 1)]).is_empty());
    assert!(route_dotted(&l, &nodes, &[]).is_empty());
}

#[test]
fn a_dotted_line_leaves_the_card_off_centre_so_it_never_runs_along_the_solid_line() {
    let nodes = vec![node(None), node(Some(0)), node(Some(1))];
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    let dotted = route_dotted(&l, &nodes, &[(0, 2)]);
    let start = dotted[0].points[0];
    assert!((start.0 - (l.x[0] + 100.0)).abs() > 1.0);
}

#[test]
fn dotted_lines_between_random_people_of_a_large_chart_cross_no_card() {
    // Far-apart pairs rarely have a single free corridor, so this exercises the route along
    // the hierarchy as well as the corridor search.
    let n = 2_000;
    let nodes = synthetic::synthetic_org(n, 5);
    let l = layout_forest(&nodes, &LayoutOptions::default()).unwrap();
    let mut rng = synthetic::Prng::new(6);
    let pairs: Vec<(u32, u32)> = (0..60)
        .map(|_| (rng.below(n as u64) as u32, rng.below(n as u64) as u32))
        .filter(|(a, b)| a != b)
        .collect();
    let dotted = route_dotted(&l, &nodes, &pairs);
    assert_eq!(dotted.len(), pairs.len());
    for con in &dotted {
        assert_orthogonal(con);
    }
    assert_connectors_cross_no_card(&l, &nodes, &dotted);
}
