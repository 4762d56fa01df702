use super::*;

fn team(parent: Option<u32>, kind: MapKind, chips: u32) -> MapNode {
    MapNode {
        parent,
        kind,
        chips,
        placed: None,
    }
}

fn group(parent: Option<u32>) -> MapNode {
    team(parent, MapKind::Group, 0)
}

fn arrange(nodes: &[MapNode]) -> TeamMapLayout {
    arrange_team_map(nodes, &MapOptions::default()).unwrap()
}

fn inside(l: &TeamMapLayout, inner: usize, outer: usize) -> bool {
    l.x[inner] >= l.x[outer]
        && l.y[inner] >= l.y[outer]
        && l.x[inner] + l.w[inner] <= l.x[outer] + l.w[outer] + 1e-9
        && l.y[inner] + l.h[inner] <= l.y[outer] + l.h[outer] + 1e-9
}

fn overlap(l: &TeamMapLayout, a: usize, b: usize) -> bool {
    l.x[a] < l.x[b] + l.w[b] - 1e-9
        && l.x[b] < l.x[a] + l.w[a] - 1e-9
        && l.y[a] < l.y[b] + l.h[b] - 1e-9
        && l.y[b] < l.y[a] + l.h[a] - 1e-9
}

#[test]
fn groups_nested_four_deep_each_enclose_what_they_contain() {
    let nodes = [
        group(None),
        group(Some(0)),
        group(Some(1)),
        group(Some(2)),
        team(Some(3), MapKind::StreamAligned, 5),
    ];
    let l = arrange(&nodes);
    for (inner, outer) in [(1, 0), (2, 1), (3, 2), (4, 3)] {
        assert!(inside(&l, inner, outer), "{inner} is not inside {outer}");
        assert!(
            l.y[inner] > l.y[outer],
            "{inner} covers the name of {outer}"
        );
    }
}

#[test]
fn every_chip_sits_inside_its_team_without_touching_another_chip() {
    let nodes = [
        team(None, MapKind::StreamAligned, 7),
        team(None, MapKind::Enabling, 3),
        team(None, MapKind::Platform, 11),
    ];
    let l = arrange(&nodes);
    assert_eq!(l.chip_x.len(), 21);
    assert_eq!(l.chip_start, vec![0, 7, 10]);
    for (v, node) in nodes.iter().enumerate() {
        let first = l.chip_start[v] as usize;
        for k in first..first + node.chips as usize {
            assert!(l.chip_x[k] >= l.x[v] && l.chip_x[k] + l.chip_width <= l.x[v] + l.w[v]);
            assert!(l.chip_y[k] >= l.y[v] && l.chip_y[k] + l.chip_height <= l.y[v] + l.h[v]);
            for j in first..k {
                let apart = (l.chip_x[k] - l.chip_x[j]).abs() >= l.chip_width
                    || (l.chip_y[k] - l.chip_y[j]).abs() >= l.chip_height;
                assert!(apart, "chips {j} and {k} of unit {v} overlap");
            }
        }
    }
}

#[test]
fn stream_aligned_teams_are_wide_and_enabling_teams_tall() {
    let l = arrange(&[
        team(None, MapKind::StreamAligned, 6),
        team(None, MapKind::Enabling, 6),
    ]);
    assert!(l.w[0] > l.h[0]);
    assert!(l.h[1] > l.w[1]);
}

#[test]
fn platform_teams_sit_below_the_stream_aligned_teams_of_their_group() {
    let l = arrange(&[
        group(None),
        team(Some(0), MapKind::Platform, 4),
        team(Some(0), MapKind::StreamAligned, 4),
        team(Some(0), MapKind::StreamAligned, 8),
        team(Some(0), MapKind::Enabling, 2),
    ]);
    for stream in [2, 3, 4] {
        assert!(
            l.y[1] >= l.y[stream] + l.h[stream],
            "platform above {stream}"
        );
    }
    assert!(l.x[3] > l.x[2], "the flow does not run left to right");
}

#[test]
fn groups_made_mostly_of_platform_teams_go_below_the_others() {
    let l = arrange(&[
        group(None),
        team(Some(0), MapKind::Platform, 3),
        team(Some(0), MapKind::Platform, 3),
        group(None),
        team(Some(3), MapKind::StreamAligned, 3),
    ]);
    assert!(l.y[0] >= l.y[3] + l.h[3]);
}

#[test]
fn a_placed_group_is_drawn_where_the_user_put_it_and_its_teams_move_with_it() {
    let mut nodes = vec![
        group(None),
        team(Some(0), MapKind::StreamAligned, 4),
        team(Some(0), MapKind::Platform, 2),
        group(None),
    ];
    let auto = arrange(&nodes);
    nodes[0].placed = Some((1000.0, -500.0));
    let placed = arrange(&nodes);
    assert_eq!((placed.x[0], placed.y[0]), (1000.0, -500.0));
    for team in [1, 2] {
        assert_eq!(placed.x[team] - placed.x[0], auto.x[team] - auto.x[0]);
        assert_eq!(placed.y[team] - placed.y[0], auto.y[team] - auto.y[0]);
    }
    let first_chip = placed.chip_start[1] as usize;
    assert_eq!(
        placed.chip_x[first_chip] - placed.x[1],
        auto.chip_x[first_chip] - auto.x[1]
    );
    assert_eq!((placed.x[3], placed.y[3]), (auto.x[3], auto.y[3]));
    assert_eq!((placed.bounds.x, placed.bounds.y), (0.0, -500.0));
}

#[test]
fn a_group_grows_to_keep_enclosing_a_team_placed_past_its_edge() {
    let mut nodes = vec![group(None), team(Some(0), MapKind::StreamAligned, 4)];
    nodes[1].placed = Some((2000.0, 40.0));
    let l = arrange(&nodes);
    assert!(inside(&l, 1, 0));
}

#[test]
fn an_empty_or_collapsed_group_still_gets_a_box_to_drop_onto() {
    let l = arrange(&[group(None)]);
    let o = MapOptions::default();
    assert_eq!(
        (l.w[0], l.h[0]),
        (o.empty_group_width, o.empty_group_height)
    );
}

#[test]
fn a_loop_of_parents_is_refused() {
    let err =
        arrange_team_map(&[group(Some(1)), group(Some(0))], &MapOptions::default()).unwrap_err();
    assert!(matches!(err, LayoutError::Cycle { .. }));
}

/// A deterministic pseudo-random org of groups and teams (xorshift; no dependency needed).
pub(crate) fn random_units(count: usize, seed: u64) -> Vec<MapNode> {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut nodes = vec![group(None)];
    let mut groups = vec![0u32];
    while nodes.len() < count {
        let parent = groups[next(groups.len() as u64) as usize];
        let kind = match next(10) {
            0..=1 => MapKind::Group,
            2..=5 => MapKind::StreamAligned,
            6..=7 => MapKind::Platform,
            8 => MapKind::Enabling,
            _ => MapKind::ComplicatedSubsystem,
        };
        let top = next(8) == 0;
        if kind == MapKind::Group {
            groups.push(nodes.len() as u32);
        }
        nodes.push(team(
            (!top).then_some(parent),
            kind,
            if kind == MapKind::Group {
                0
            } else {
                next(14) as u32
            },
        ));
    }
    nodes
}

#[test]
fn sibling_boxes_never_overlap_and_children_stay_inside_their_parent() {
    for seed in 1..40 {
        let nodes = random_units(150, seed);
        let l = arrange(&nodes);
        let mut siblings: std::collections::HashMap<Option<u32>, Vec<usize>> = Default::default();
        for (v, node) in nodes.iter().enumerate() {
            siblings.entry(node.parent).or_default().push(v);
            if let Some(p) = node.parent {
                assert!(inside(&l, v, p as usize), "seed {seed}: {v} outside {p}");
            }
        }
        for list in siblings.values() {
            for (i, &a) in list.iter().enumerate() {
                for &b in &list[..i] {
                    assert!(!overlap(&l, a, b), "seed {seed}: {a} overlaps {b}");
                }
            }
        }
    }
}

#[test]
fn the_same_units_always_get_the_same_arrangement() {
    let nodes = random_units(300, 7);
    assert_eq!(arrange(&nodes), arrange(&nodes));
}
