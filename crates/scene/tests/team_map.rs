//! The team map scene: nesting, chips, placements, collapsed groups, interactions.

mod common;

use common::*;
use std::collections::{BTreeSet, HashMap};
use topograph_model::{IdCounter, Op, Org, PersonStatus, Placement, UnitId, UnitKind};
use topograph_scene::{team_map, MapOptions, TeamMapScene};

fn map(org: &Org, collapsed: &[u32]) -> TeamMapScene {
    let collapsed: BTreeSet<u32> = collapsed.iter().copied().collect();
    team_map(org, &collapsed, &MapOptions::default()).unwrap()
}

fn at(scene: &TeamMapScene, unit: u32) -> usize {
    scene.units.iter().position(|&u| u == unit).unwrap()
}

fn inside(scene: &TeamMapScene, inner: usize, outer: usize) -> bool {
    scene.x[inner] >= scene.x[outer]
        && scene.y[inner] >= scene.y[outer]
        && scene.x[inner] + scene.w[inner] <= scene.x[outer] + scene.w[outer] + 1e-9
        && scene.y[inner] + scene.h[inner] <= scene.y[outer] + scene.h[outer] + 1e-9
}

fn execute(org: &mut Org, op: Op) {
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    org.execute(&op, &mut ids).unwrap();
}

fn place(org: &mut Org, unit: u32, x: f64, y: f64) {
    execute(
        org,
        Op::SetPlacement {
            placement: Placement {
                unit: UnitId(unit),
                x,
                y,
                w: 100.0,
                h: 100.0,
            },
        },
    );
}

#[test]
fn groups_nest_three_deep_with_every_unit_inside_its_parent_and_parents_drawn_first() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    assert_eq!(scene.units.len(), 7);
    for (i, c) in scene.unit_content.iter().enumerate() {
        if let Some(p) = c.parent {
            let p = at(&scene, p);
            assert!(p < i, "unit {} drawn before its parent", scene.units[i]);
            assert!(
                inside(&scene, i, p),
                "unit {} outside its parent",
                scene.units[i]
            );
            assert_eq!(c.depth, scene.unit_content[p].depth + 1);
        } else {
            assert_eq!(c.depth, 0);
        }
    }
    assert_eq!(scene.unit_content[at(&scene, 4)].depth, 3);
}

#[test]
fn a_person_on_two_teams_appears_on_both_with_the_allocation_of_each() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    let ada: Vec<usize> = (0..scene.chip_person.len())
        .filter(|&k| scene.chip_person[k] == 10)
        .collect();
    let units: Vec<u32> = ada.iter().map(|&k| scene.chip_unit[k]).collect();
    assert_eq!(units, vec![4, 5]);
    for &k in &ada {
        assert_eq!(scene.chip_content[k].allocation, 50);
        assert_eq!(scene.chip_content[k].team_count, 2);
        let team = at(&scene, scene.chip_unit[k]);
        assert!(scene.chip_x[k] >= scene.x[team]);
        assert!(scene.chip_x[k] + scene.chip_w[k] <= scene.x[team] + scene.w[team]);
        assert!(scene.chip_y[k] >= scene.y[team]);
        assert!(scene.chip_y[k] + scene.chip_h[k] <= scene.y[team] + scene.h[team]);
    }
    assert_eq!(scene.chip_person.len(), 5, "one chip per membership");
}

#[test]
fn an_open_position_is_a_dashed_chip_named_after_its_role_and_not_counted_as_headcount() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    let k = scene.chip_person.iter().position(|&p| p == 12).unwrap();
    assert!(scene.chip_content[k].is_open_position);
    assert_eq!(scene.chip_content[k].name, "Senior engineer");
    let payments = &scene.unit_content[at(&scene, 4)];
    assert_eq!(payments.headcount, 2);
    assert_eq!(payments.open_positions, 1);
    assert!((payments.fte - 1.5).abs() < 1e-9, "fte {}", payments.fte);
}

#[test]
fn a_unit_without_a_colour_gets_the_colour_of_its_kind() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    let payments = &scene.unit_content[at(&scene, 4)];
    assert_eq!(
        payments.colour,
        topograph_scene::style::unit_style(UnitKind::StreamAligned).stroke
    );
}

#[test]
fn the_platform_team_sits_below_the_stream_aligned_teams_of_its_group() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    let (platform, search, tribe) = (at(&scene, 6), at(&scene, 5), at(&scene, 3));
    assert!(scene.y[platform] >= scene.y[search] + scene.h[search]);
    assert!(scene.y[platform] >= scene.y[tribe] + scene.h[tribe]);
}

#[test]
fn a_placed_group_is_drawn_at_its_placement_and_its_teams_move_with_it() {
    let mut org = Org::from_records(nested_org());
    let before = map(&org, &[]);
    place(&mut org, 2, 5000.0, 3000.0);
    let after = map(&org, &[]);
    let g = at(&after, 2);
    assert_eq!((after.x[g], after.y[g]), (5000.0, 3000.0));
    assert!(after.unit_content[g].placed);
    for unit in [3, 4, 5, 6] {
        let (b, a) = (at(&before, unit), at(&after, unit));
        let bg = at(&before, 2);
        assert_eq!(after.x[a] - after.x[g], before.x[b] - before.x[bg]);
        assert_eq!(after.y[a] - after.y[g], before.y[b] - before.y[bg]);
        assert!(!after.unit_content[a].placed);
    }
    let coaching = (at(&before, 7), at(&after, 7));
    assert_eq!(before.x[coaching.0], after.x[coaching.1]);
}

#[test]
fn auto_arrange_after_clearing_placements_gives_the_automatic_arrangement_back() {
    let mut org = Org::from_records(nested_org());
    let auto = map(&org, &[]);
    place(&mut org, 4, -800.0, -600.0);
    place(&mut org, 7, 900.0, 40.0);
    assert_ne!(map(&org, &[]), auto);
    execute(&mut org, Op::ClearPlacements { units: vec![] });
    assert_eq!(map(&org, &[]), auto);
}

#[test]
fn a_collapsed_group_hides_its_units_and_chips_and_counts_them() {
    let org = Org::from_records(nested_org());
    let scene = map(&org, &[2]);
    assert_eq!(scene.units, vec![1, 2, 7]);
    let shopping = &scene.unit_content[1];
    assert!(shopping.collapsed);
    assert_eq!(shopping.hidden_units, 4);
    assert!(scene.chip_unit.iter().all(|&u| u != 4 && u != 5 && u != 6));
    // Its counts are of everyone it hides, each person once.
    let hidden: std::collections::HashSet<u32> = [2u32, 3, 4, 5, 6]
        .iter()
        .flat_map(|&u| org.members(UnitId(u)))
        .filter(|m| {
            org.person(m.person)
                .is_some_and(|p| p.status != PersonStatus::OpenPosition)
        })
        .map(|m| m.person.0)
        .collect();
    assert!(!hidden.is_empty());
    assert_eq!(shopping.headcount as usize, hidden.len());
    let open = map(&org, &[]);
    let open_group = &open.unit_content[open.units.iter().position(|&u| u == 2).unwrap()];
    assert!(
        open_group.headcount < shopping.headcount,
        "open, a group counts its own members only"
    );
}

#[test]
fn an_interaction_with_a_hidden_team_attaches_to_the_collapsed_group_around_it() {
    let org = Org::from_records(nested_org());
    let scene = map(&org, &[2]);
    let facilitating = scene.interactions.iter().find(|i| i.id == 21).unwrap();
    assert_eq!((facilitating.from, facilitating.to), (7, 2));
    // 6 -> 5 is now inside one box and not drawn.
    assert!(scene.interactions.iter().all(|i| i.id != 20));
}

#[test]
fn an_interaction_line_runs_between_the_edges_of_its_two_boxes() {
    let scene = map(&Org::from_records(nested_org()), &[]);
    let line = scene.interactions.iter().find(|i| i.id == 20).unwrap();
    assert_eq!((line.from, line.to), (6, 5));
    let on_edge = |i: usize, x: f64, y: f64| {
        let e = 1e-6;
        let within = x >= scene.x[i] - e
            && x <= scene.x[i] + scene.w[i] + e
            && y >= scene.y[i] - e
            && y <= scene.y[i] + scene.h[i] + e;
        let edge = (x - scene.x[i]).abs() < e
            || (x - scene.x[i] - scene.w[i]).abs() < e
            || (y - scene.y[i]).abs() < e
            || (y - scene.y[i] - scene.h[i]).abs() < e;
        within && edge
    };
    assert!(on_edge(at(&scene, 6), line.points[0], line.points[1]));
    assert!(on_edge(at(&scene, 5), line.points[2], line.points[3]));
}

#[test]
fn sibling_boxes_of_generated_orgs_never_overlap_and_every_chip_is_in_its_team() {
    for (people, seed) in [(300, 1), (1_500, 2), (4_000, 3)] {
        let org = topograph_sample::generate(people, seed);
        let scene = map(&org, &[]);
        let mut siblings: HashMap<Option<u32>, Vec<usize>> = HashMap::new();
        for (i, c) in scene.unit_content.iter().enumerate() {
            siblings.entry(c.parent).or_default().push(i);
        }
        for list in siblings.values() {
            for (n, &a) in list.iter().enumerate() {
                for &b in &list[..n] {
                    let apart = scene.x[a] + scene.w[a] <= scene.x[b] + 1e-9
                        || scene.x[b] + scene.w[b] <= scene.x[a] + 1e-9
                        || scene.y[a] + scene.h[a] <= scene.y[b] + 1e-9
                        || scene.y[b] + scene.h[b] <= scene.y[a] + 1e-9;
                    assert!(
                        apart,
                        "{people}/{seed}: units {} and {} overlap",
                        scene.units[a], scene.units[b]
                    );
                }
            }
        }
        assert_eq!(scene.chip_person.len(), org.memberships().len());
        for k in 0..scene.chip_person.len() {
            let t = at(&scene, scene.chip_unit[k]);
            assert!(scene.chip_x[k] >= scene.x[t] && scene.chip_y[k] >= scene.y[t]);
            assert!(scene.chip_x[k] + scene.chip_w[k] <= scene.x[t] + scene.w[t] + 1e-9);
            assert!(scene.chip_y[k] + scene.chip_h[k] <= scene.y[t] + scene.h[t] + 1e-9);
        }
    }
}

#[test]
fn a_generated_ten_thousand_person_org_packs_into_a_screen_shaped_map() {
    let org = topograph_sample::generate(10_000, 7);
    let scene = map(&org, &[]);
    let b = scene.bounds;
    let boxes: f64 = (0..scene.units.len())
        .filter(|&i| scene.unit_content[i].kind != UnitKind::Group)
        .map(|i| scene.w[i] * scene.h[i])
        .sum();
    let ratio = b.w / b.h;
    assert!((0.5..4.0).contains(&ratio), "{} x {}", b.w, b.h);
    // Teams fill a good share of the drawing: the packing leaves no vast empty areas.
    let fill = boxes / (b.w * b.h);
    assert!(
        fill > 0.2,
        "teams cover only {:.0}% of {} x {}",
        fill * 100.0,
        b.w,
        b.h
    );
}

#[test]
fn the_scene_serialises_with_the_contracts_field_names() {
    let json = serde_json::to_value(map(&Org::from_records(nested_org()), &[])).unwrap();
    for column in [
        "units",
        "x",
        "chip_person",
        "chip_unit",
        "chip_w",
        "interactions",
    ] {
        assert!(json[column].is_array(), "{column}");
    }
    let unit = &json["unit_content"][0];
    for key in [
        "openPositions",
        "targetSize",
        "hiddenUnits",
        "fte",
        "placed",
    ] {
        assert!(unit.get(key).is_some(), "{key}");
    }
    assert_eq!(json["chip_content"][0]["teamCount"], 2);
    assert_eq!(json["interactions"][0]["mode"], "x-as-a-service");
}

#[test]
fn a_team_lists_its_product_trio_first_and_its_open_positions_last() {
    let mut records = nested_org();
    records.memberships.push(topograph_model::Membership {
        role: topograph_model::TeamRole::ProductManager,
        ..seat(13, 4, 20)
    });
    let scene = map(&Org::from_records(records), &[]);
    let payments: Vec<u32> = (0..scene.chip_unit.len())
        .filter(|&k| scene.chip_unit[k] == 4)
        .map(|k| scene.chip_person[k])
        .collect();
    assert_eq!(payments, vec![13, 10, 11, 12]);
}

/// Every segment of every interaction line is horizontal or vertical and keeps clear of every
/// person chip, on generated orgs big enough that lines pass between groups of many teams.
#[test]
fn interaction_lines_of_generated_orgs_never_cross_a_person_chip() {
    for (people, seed) in [(600, 3), (1_500, 11)] {
        let org = topograph_sample::generate(people, seed);
        let scene = map(&org, &[]);
        let mut segments = 0;
        for line in &scene.interactions {
            let pts: Vec<(f64, f64)> = line.points.chunks(2).map(|p| (p[0], p[1])).collect();
            // A line drawn straight (one box holds the other) starts inside a box: not checked.
            if pts.len() == 2 {
                continue;
            }
            for seg in pts.windows(2) {
                segments += 1;
                let ((x0, y0), (x1, y1)) = (seg[0], seg[1]);
                assert!((x0 - x1).abs() < 1e-6 || (y0 - y1).abs() < 1e-6, "{seg:?}");
                let (lx, hx, ly, hy) = (x0.min(x1), x0.max(x1), y0.min(y1), y0.max(y1));
                for k in 0..scene.chip_x.len() {
                    let (cx, cy, cw, ch) = (
                        scene.chip_x[k],
                        scene.chip_y[k],
                        scene.chip_w[k],
                        scene.chip_h[k],
                    );
                    let apart = hx <= cx || lx >= cx + cw || hy <= cy || ly >= cy + ch;
                    assert!(
                        apart,
                        "{people} people: segment {seg:?} of interaction {} crosses chip {k}",
                        line.id
                    );
                }
            }
        }
        assert!(
            segments > 50,
            "{people} people: only {segments} segments were checked"
        );
    }
}
