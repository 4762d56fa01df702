//! The team map scene: groups and teams as nested boxes, people as chips, interactions as lines.
//!
//! [`team_map`] walks the unit tree of one scenario depth-first (parents before children, ids
//! ascending), hides what sits under collapsed units, arranges the rest with
//! [`arrange_team_map`] (user placements win) and writes flat columns the canvas and the SVG
//! exporter read without per-unit objects.

use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use topograph_layout::{
    arrange_team_map, route_around, MapKind, MapNode, MapOptions, Rect, TeamMapLayout,
};
use topograph_model::{
    Error, ErrorCode, InteractionMode, Membership, Org, Person, PersonStatus, Result, TeamRole,
    Unit, UnitId, UnitKind,
};

use crate::style::fallback_colour;
use crate::SceneRect;

/// What one unit's box shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UnitContent {
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<u32>,
    /// 0 for top-level units.
    pub depth: u32,
    /// `#rrggbb`: the unit's own, else the outline colour of its kind.
    pub colour: String,
    /// Allocation-weighted members (sum of allocation / 100), open positions excluded.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub fte: f64,
    /// People on the unit itself, open positions excluded; for a collapsed unit, on it and on
    /// every unit under it, each person once.
    pub headcount: u32,
    pub open_positions: u32,
    pub target_size: Option<u32>,
    /// The user's placement decided where the box is.
    pub placed: bool,
    /// Collapsed: drawn as one box, its child units and chips hidden.
    pub collapsed: bool,
    /// Units hidden under a collapsed unit (0 otherwise).
    pub hidden_units: u32,
}

/// What one person chip shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ChipContent {
    /// The person's name, or the role title of an unnamed open position.
    pub name: String,
    pub title: String,
    /// Drawn dashed.
    pub is_open_position: bool,
    /// Percent of the person's time on this unit.
    pub allocation: u32,
    pub role: TeamRole,
    /// Units the person sits on in total; above 1 the chip shows its allocation.
    pub team_count: u32,
}

/// An interaction between two visible boxes: `points` is the flat polyline between their edges.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SceneInteraction {
    pub id: u32,
    /// The box drawn for the interaction's `from` unit (a collapsed ancestor when it is hidden).
    pub from: u32,
    pub to: u32,
    pub mode: InteractionMode,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub points: Vec<f64>,
}

/// A laid-out team map. Box `i` is unit `units[i]`; chip `k` is person `chip_person[k]` on
/// unit `chip_unit[k]`. Units come in draw order: every parent before its children.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMapScene {
    pub units: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub h: Vec<f64>,
    pub unit_content: Vec<UnitContent>,
    pub chip_person: Vec<u32>,
    pub chip_unit: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub chip_x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub chip_y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub chip_w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub chip_h: Vec<f64>,
    pub chip_content: Vec<ChipContent>,
    pub interactions: Vec<SceneInteraction>,
    /// Encloses every box.
    pub bounds: SceneRect,
}

fn map_kind(kind: UnitKind) -> MapKind {
    match kind {
        UnitKind::StreamAligned => MapKind::StreamAligned,
        UnitKind::Platform => MapKind::Platform,
        UnitKind::Enabling => MapKind::Enabling,
        UnitKind::ComplicatedSubsystem => MapKind::ComplicatedSubsystem,
        UnitKind::Group => MapKind::Group,
    }
}

/// Builds the team map of `org` with the units in `collapsed` folded into one box each.
pub fn team_map(org: &Org, collapsed: &BTreeSet<u32>, opts: &MapOptions) -> Result<TeamMapScene> {
    let visible = visible_units(org, collapsed);
    let nodes: Vec<MapNode> = visible
        .units
        .iter()
        .zip(&visible.parent)
        .zip(&visible.hidden)
        .map(|((u, &parent), hidden)| MapNode {
            parent,
            kind: map_kind(u.kind),
            chips: if hidden.is_some() {
                0
            } else {
                org.members(u.id).count() as u32
            },
            placed: org.placement(u.id).map(|p| (p.x, p.y)),
        })
        .collect();
    let layout = arrange_team_map(&nodes, opts).map_err(|e| {
        Error::new(
            ErrorCode::Corrupt,
            format!("the units could not be arranged: {e}"),
        )
    })?;

    let mut scene = TeamMapScene {
        units: visible.units.iter().map(|u| u.id.0).collect(),
        ..TeamMapScene::default()
    };
    for (i, u) in visible.units.iter().enumerate() {
        scene.unit_content.push(unit_content(
            org,
            u,
            visible.depth[i],
            visible.hidden[i].as_deref(),
        ));
        if visible.hidden[i].is_none() {
            add_chips(&mut scene, org, u.id, &layout, i);
        }
    }
    scene.interactions = interactions(org, &visible, &layout, opts.gap / 2.0);
    scene.bounds = SceneRect {
        x: layout.bounds.x,
        y: layout.bounds.y,
        w: layout.bounds.w,
        h: layout.bounds.h,
    };
    (scene.x, scene.y, scene.w, scene.h) = (layout.x, layout.y, layout.w, layout.h);
    Ok(scene)
}

/// The boxes to draw, depth-first.
struct Visible<'a> {
    units: Vec<&'a Unit>,
    /// Index of each box's parent box.
    parent: Vec<Option<u32>>,
    depth: Vec<u32>,
    /// For a collapsed unit, the units it hides; `None` when open.
    hidden: Vec<Option<Vec<UnitId>>>,
    /// The box that shows each unit: its own, or that of the collapsed ancestor hiding it.
    box_of: HashMap<UnitId, u32>,
}

fn visible_units<'a>(org: &'a Org, collapsed: &BTreeSet<u32>) -> Visible<'a> {
    let n = org.units().len();
    let mut v = Visible {
        units: Vec::with_capacity(n),
        parent: Vec::with_capacity(n),
        depth: Vec::with_capacity(n),
        hidden: Vec::with_capacity(n),
        box_of: HashMap::with_capacity(n),
    };
    // Top-level units first; a unit on a loop of parents (never in a sound document) starts
    // a tree of its own so nothing is silently dropped.
    let starts: Vec<&Unit> = org
        .units()
        .filter(|u| u.parent.is_none_or(|p| org.unit(p).is_none()))
        .chain(org.units().filter(|u| u.parent.is_some()))
        .collect();
    let mut stack: Vec<(UnitId, Option<u32>, u32)> = Vec::new();
    let mut kids: Vec<UnitId> = Vec::new();
    for start in starts {
        if v.box_of.contains_key(&start.id) {
            continue;
        }
        stack.push((start.id, None, 0));
        while let Some((id, parent, depth)) = stack.pop() {
            if v.box_of.contains_key(&id) {
                continue;
            }
            let Some(unit) = org.unit(id) else { continue };
            let i = v.units.len() as u32;
            v.box_of.insert(id, i);
            v.units.push(unit);
            v.parent.push(parent);
            v.depth.push(depth);
            if collapsed.contains(&id.0) {
                v.hidden.push(Some(hide_below(org, id, i, &mut v.box_of)));
                continue;
            }
            v.hidden.push(None);
            kids.clear();
            kids.extend(org.child_units(id));
            kids.sort_unstable();
            // Reversed so the smallest id is popped, and drawn, first.
            for &k in kids.iter().rev() {
                stack.push((k, Some(i), depth + 1));
            }
        }
    }
    v
}

/// Maps every unit under `id` to box `i` and answers them.
fn hide_below(org: &Org, id: UnitId, i: u32, box_of: &mut HashMap<UnitId, u32>) -> Vec<UnitId> {
    let mut below: Vec<UnitId> = org.child_units(id).collect();
    let mut hidden = Vec::new();
    while let Some(u) = below.pop() {
        if box_of.contains_key(&u) {
            continue;
        }
        box_of.insert(u, i);
        hidden.push(u);
        below.extend(org.child_units(u));
    }
    hidden
}

fn unit_content(org: &Org, u: &Unit, depth: u32, hidden: Option<&[UnitId]>) -> UnitContent {
    let (mut fte, mut headcount, mut open_positions) = (0.0, 0, 0);
    // A collapsed unit counts what it hides: its members and those of every unit under it, each
    // person once (one person on two hidden teams is one head, their allocations summed).
    let units = std::iter::once(u.id).chain(hidden.unwrap_or_default().iter().copied());
    let mut counted = HashSet::new();
    for m in units.flat_map(|unit| org.members(unit)) {
        let open = org
            .person(m.person)
            .is_some_and(|p| p.status == PersonStatus::OpenPosition);
        let first = counted.insert(m.person);
        if open {
            open_positions += u32::from(first);
        } else {
            headcount += u32::from(first);
            fte += m.allocation as f64 / 100.0;
        }
    }
    UnitContent {
        name: u.name.clone(),
        kind: u.kind,
        parent: u.parent.map(|p| p.0),
        depth,
        colour: u
            .colour
            .clone()
            .unwrap_or_else(|| fallback_colour(u.kind).to_string()),
        fte,
        headcount,
        open_positions,
        target_size: u.target_size,
        placed: org.placement(u.id).is_some(),
        collapsed: hidden.is_some(),
        hidden_units: hidden.map_or(0, |h| h.len() as u32),
    }
}

fn add_chips(scene: &mut TeamMapScene, org: &Org, unit: UnitId, layout: &TeamMapLayout, i: usize) {
    let first = layout.chip_start[i] as usize;
    // The product trio first, then engineers, open positions last: how a team reads at a glance.
    let mut seats: Vec<(&Membership, &Person)> = org
        .members(unit)
        .filter_map(|m| Some((m, org.person(m.person)?)))
        .collect();
    seats.sort_by_key(|(m, p)| (p.status == PersonStatus::OpenPosition, m.role, p.id));
    for (k, (m, p)) in seats.into_iter().enumerate() {
        let named = !p.name.trim().is_empty();
        scene.chip_person.push(p.id.0);
        scene.chip_unit.push(unit.0);
        scene.chip_x.push(layout.chip_x[first + k]);
        scene.chip_y.push(layout.chip_y[first + k]);
        scene.chip_w.push(layout.chip_width);
        scene.chip_h.push(layout.chip_height);
        scene.chip_content.push(ChipContent {
            name: p.display_name().to_string(),
            title: crate::card_title(p, named),
            is_open_position: crate::unfilled(p),
            allocation: m.allocation,
            role: m.role,
            team_count: org.memberships_of(p.id).count() as u32,
        });
    }
}

/// Interaction lines routed around the boxes that hold people (or hide them, collapsed), through
/// the gaps between boxes (`margin` off every box), so a line never runs over a chip or counts. A line between a box and one
/// inside it, or with no way round, is drawn straight between the boxes' edges.
fn interactions(
    org: &Org,
    visible: &Visible,
    layout: &TeamMapLayout,
    margin: f64,
) -> Vec<SceneInteraction> {
    let rect = |i: u32| {
        let i = i as usize;
        (layout.x[i], layout.y[i], layout.w[i], layout.h[i])
    };
    let boxed = |i: usize| Rect {
        x: layout.x[i],
        y: layout.y[i],
        w: layout.w[i],
        h: layout.h[i],
    };
    let chips_of = |i: usize| {
        let end = layout
            .chip_start
            .get(i + 1)
            .map_or(layout.chip_x.len(), |&e| e as usize);
        layout.chip_start[i] as usize..end
    };
    // A collapsed box stands for the people it hides, and shows their counts: a line goes round it.
    let holds_chips = |i: usize| !chips_of(i).is_empty() || visible.hidden[i].is_some();
    let inside = |outer: &Rect, inner: &Rect| {
        inner.x >= outer.x
            && inner.y >= outer.y
            && inner.x + inner.w <= outer.x + outer.w
            && inner.y + inner.h <= outer.y + outer.h
    };
    let n = layout.x.len();
    // The box each box is drawn inside: its parent's, when that holds it.
    let outer: Vec<Option<usize>> = (0..n)
        .map(|i| {
            let parent = visible.parent[i].map(|p| p as usize);
            parent.filter(|&p| inside(&boxed(p), &boxed(i)))
        })
        .collect();
    // Boxes with people anywhere inside (a parent's index is below its children's).
    let mut peopled: Vec<bool> = (0..n).map(holds_chips).collect();
    for i in (0..n).rev() {
        if let (true, Some(p)) = (peopled[i], outer[i]) {
            peopled[p] = true;
        }
    }
    let around = |mut i: usize| {
        let mut chain = vec![i];
        while let Some(p) = outer[i] {
            chain.push(p);
            i = p;
        }
        chain
    };
    org.interactions()
        .filter_map(|it| {
            let from = *visible.box_of.get(&it.from)?;
            let to = *visible.box_of.get(&it.to)?;
            if from == to {
                return None;
            }
            let (ra, rb) = (boxed(from as usize), boxed(to as usize));
            // The obstacles are the boxes with people beside the two ends' boxes and their
            // enclosing boxes, each whole (a line goes round a group, not through the gaps of
            // the teams inside it: fewer lanes to search, and the line reads as passing the
            // group); the enclosing boxes themselves are no obstacle (the line starts inside
            // them), but their own chips are.
            let mut path = around(from as usize);
            path.extend(around(to as usize));
            let mut obstacles = Vec::new();
            for i in (0..n).filter(|&i| peopled[i]) {
                if !path.contains(&i) {
                    if outer[i].is_none_or(|p| path.contains(&p)) {
                        obstacles.push(boxed(i));
                    }
                } else if i == from as usize || i == to as usize {
                    if holds_chips(i) {
                        obstacles.push(boxed(i));
                    }
                } else {
                    obstacles.extend(chips_of(i).map(|k| Rect {
                        x: layout.chip_x[k],
                        y: layout.chip_y[k],
                        w: layout.chip_width,
                        h: layout.chip_height,
                    }));
                }
            }
            let points = match route_around(ra, rb, &obstacles, margin) {
                Some(route) => route.into_iter().flat_map(|(x, y)| [x, y]).collect(),
                None => {
                    let (a, b) = (rect(from), rect(to));
                    let (ca, cb) = (centre(a), centre(b));
                    let (p, q) = (edge_towards(a, cb), edge_towards(b, ca));
                    vec![p.0, p.1, q.0, q.1]
                }
            };
            Some(SceneInteraction {
                id: it.id.0,
                from: visible.units[from as usize].id.0,
                to: visible.units[to as usize].id.0,
                mode: it.mode,
                points,
            })
        })
        .collect()
}

fn centre((x, y, w, h): (f64, f64, f64, f64)) -> (f64, f64) {
    (x + w / 2.0, y + h / 2.0)
}

/// Where the line from the box's centre towards `target` leaves the box (the centre itself
/// when the target lies inside it, as for a team drawn inside its own group).
fn edge_towards(r: (f64, f64, f64, f64), target: (f64, f64)) -> (f64, f64) {
    let (cx, cy) = centre(r);
    let (dx, dy) = (target.0 - cx, target.1 - cy);
    let sx = if dx.abs() > 1e-9 {
        (r.2 / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let sy = if dy.abs() > 1e-9 {
        (r.3 / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let s = sx.min(sy);
    if s >= 1.0 {
        return (cx, cy);
    }
    (cx + dx * s, cy + dy * s)
}
