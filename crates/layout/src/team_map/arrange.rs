//! The passes of the team-map arrangement: sizes bottom-up, positions top-down, then boundaries
//! grown around placed contents.

use super::pack::{shelves, target_width};
use super::{MapKind, MapNode, MapOptions, TeamMapLayout};
use crate::forest::{Forest, NONE};
use crate::{clean, LayoutError, NodeInput, Rect};

/// Options with degenerate values mapped to safe ones.
pub(crate) struct Sizes {
    chip_w: f64,
    chip_h: f64,
    chip_gap: f64,
    padding: f64,
    header: f64,
    gap: f64,
    band_gap: f64,
    aspect: f64,
    empty_w: f64,
    empty_h: f64,
}

impl Sizes {
    pub fn new(o: &MapOptions) -> Sizes {
        Sizes {
            chip_w: clean(o.chip_width),
            chip_h: clean(o.chip_height),
            chip_gap: clean(o.chip_gap),
            padding: clean(o.padding),
            header: clean(o.header),
            gap: clean(o.gap),
            band_gap: clean(o.band_gap),
            aspect: if clean(o.aspect) > 0.0 { o.aspect } else { 1.0 },
            empty_w: clean(o.empty_group_width),
            empty_h: clean(o.empty_group_height),
        }
    }
}

/// Chip columns of a unit: stream-aligned and platform teams are wide, enabling teams tall,
/// complicated-subsystem teams square-ish, as the Team Shape Templates draw them.
fn chip_columns(kind: MapKind, chips: u32) -> u32 {
    match kind {
        MapKind::StreamAligned | MapKind::Group => chips.div_ceil(2).clamp(2, 4),
        MapKind::Platform => chips.div_ceil(2).clamp(2, 6),
        MapKind::Enabling => {
            if chips <= 6 {
                1
            } else {
                2
            }
        }
        MapKind::ComplicatedSubsystem => 2,
    }
}

/// The unit-wide state of the passes, indexed by input node.
struct Work<'a> {
    nodes: &'a [MapNode],
    s: &'a Sizes,
    w: Vec<f64>,
    h: Vec<f64>,
    /// Top-left relative to the parent's top-left (to the map's origin for top-level units).
    rel_x: Vec<f64>,
    rel_y: Vec<f64>,
    /// Whether most teams below a group are platform teams, which sends it to the bottom.
    platform_heavy: Vec<bool>,
}

pub(crate) fn arrange(nodes: &[MapNode], s: &Sizes) -> Result<TeamMapLayout, LayoutError> {
    let inputs: Vec<NodeInput> = nodes
        .iter()
        .map(|n| NodeInput {
            parent: n.parent,
            width: 0.0,
            height: 0.0,
        })
        .collect();
    let forest = Forest::build(&inputs)?;
    let n = nodes.len();
    let mut work = Work {
        nodes,
        s,
        w: vec![0.0; n],
        h: vec![0.0; n],
        rel_x: vec![0.0; n],
        rel_y: vec![0.0; n],
        platform_heavy: platform_heavy(nodes, &forest),
    };

    // Children come after their parents in the breadth-first order, so its reverse sizes
    // every unit after everything inside it.
    for &v in forest.order.iter().rev() {
        size_unit(&mut work, &forest, v as usize);
    }
    arrange_children(&mut work, &forest.roots, MAP_SHAPE_PENALTY);

    let (mut x, mut y) = (vec![0.0; n], vec![0.0; n]);
    for &v in &forest.order {
        let v = v as usize;
        let (px, py) = match forest.parent[v] {
            NONE => (0.0, 0.0),
            p => (x[p as usize], y[p as usize]),
        };
        (x[v], y[v]) = nodes[v]
            .placed
            .filter(|&(a, b)| a.is_finite() && b.is_finite())
            .unwrap_or((px + work.rel_x[v], py + work.rel_y[v]));
    }

    let mut chip_start = Vec::with_capacity(n);
    let total: usize = nodes.iter().map(|n| n.chips as usize).sum();
    let (mut chip_x, mut chip_y) = (Vec::with_capacity(total), Vec::with_capacity(total));
    for (v, node) in nodes.iter().enumerate() {
        chip_start.push(chip_x.len() as u32);
        let cols = chip_columns(node.kind, node.chips);
        for k in 0..node.chips {
            chip_x.push(x[v] + s.padding + (k % cols) as f64 * (s.chip_w + s.chip_gap));
            chip_y.push(y[v] + s.header + (k / cols) as f64 * (s.chip_h + s.chip_gap));
        }
    }

    let (mut w, mut h) = (work.w, work.h);
    if nodes.iter().any(|n| n.placed.is_some()) {
        enclose_placed(&forest, s, &mut x, &mut y, &mut w, &mut h);
    }
    let bounds = bounds(&x, &y, &w, &h);
    Ok(TeamMapLayout {
        x,
        y,
        w,
        h,
        chip_start,
        chip_x,
        chip_y,
        chip_width: s.chip_w,
        chip_height: s.chip_h,
        bounds,
    })
}

fn platform_heavy(nodes: &[MapNode], forest: &Forest) -> Vec<bool> {
    let n = nodes.len();
    let (mut platforms, mut teams) = (vec![0u32; n], vec![0u32; n]);
    for &v in forest.order.iter().rev() {
        let v = v as usize;
        if nodes[v].kind != MapKind::Group {
            teams[v] += 1;
            platforms[v] += (nodes[v].kind == MapKind::Platform) as u32;
        }
        if let p @ 0..=0xffff_fffe = forest.parent[v] {
            teams[p as usize] += teams[v];
            platforms[p as usize] += platforms[v];
        }
    }
    (0..n)
        .map(|v| nodes[v].kind == MapKind::Group && platforms[v] * 2 > teams[v])
        .collect()
}

/// Sizes unit `v` from its chip grid and its already sized children, and places the children
/// relative to it: name on top, then the chips, then the children's bands.
fn size_unit(work: &mut Work, forest: &Forest, v: usize) {
    let s = work.s;
    let node = work.nodes[v];
    let (grid_w, grid_h) = if node.kind == MapKind::Group && node.chips == 0 {
        (0.0, 0.0)
    } else {
        let cols = chip_columns(node.kind, node.chips);
        let rows = node.chips.div_ceil(cols).max(1);
        (
            cols as f64 * s.chip_w + (cols - 1) as f64 * s.chip_gap,
            rows as f64 * s.chip_h + (rows - 1) as f64 * s.chip_gap,
        )
    };
    let kids = forest.children(v as u32);
    // A top-level boundary is most of what a screen shows of the map, so its shape matters more.
    let penalty = if forest.depth[v] == 0 {
        MAP_SHAPE_PENALTY
    } else {
        BOX_SHAPE_PENALTY
    };
    let (kids_w, kids_h) = arrange_children(work, kids, penalty);
    let kids_top = s.header
        + grid_h
        + if grid_h > 0.0 && !kids.is_empty() {
            s.band_gap
        } else {
            0.0
        };
    for &c in kids {
        work.rel_x[c as usize] += s.padding;
        work.rel_y[c as usize] += kids_top;
    }
    let mut w = grid_w.max(kids_w) + 2.0 * s.padding;
    let mut h = kids_top + kids_h + s.padding;
    if node.kind == MapKind::Group && node.chips == 0 && kids.is_empty() {
        w = w.max(s.empty_w);
        h = h.max(s.empty_h);
    }
    work.w[v] = w;
    work.h[v] = h;
}

/// Places `kids` (already sized) in bands relative to the top-left of their block and returns
/// the block's size: child groups, then stream-aligned teams with enabling and
/// complicated-subsystem teams after them, then platform teams, then platform-heavy groups.
fn arrange_children(work: &mut Work, kids: &[u32], shape_penalty: f64) -> (f64, f64) {
    if kids.is_empty() {
        return (0.0, 0.0);
    }
    let s = work.s;
    let mut lists: [Vec<u32>; 5] = Default::default();
    for &c in kids {
        let band = match work.nodes[c as usize].kind {
            MapKind::Group if work.platform_heavy[c as usize] => 4,
            MapKind::Group => 0,
            MapKind::StreamAligned => 1,
            // Beside the stream-aligned teams when the row has room, else just below them,
            // never among the platforms.
            MapKind::Enabling | MapKind::ComplicatedSubsystem => 2,
            MapKind::Platform => 3,
        };
        lists[band].push(c);
    }
    let [groups, mut flow, side, bottom, bottom_groups] = lists;
    flow.extend_from_slice(&side);
    let size_of = |list: &[u32]| -> Vec<(f64, f64)> {
        list.iter()
            .map(|&c| (work.w[c as usize], work.h[c as usize]))
            .collect()
    };
    let bands: Vec<Band> = [
        (groups, false),
        (flow, true),
        (bottom, false),
        (bottom_groups, false),
    ]
    .into_iter()
    .filter(|(list, _)| !list.is_empty())
    .map(|(list, is_flow)| Band {
        sizes: size_of(&list),
        list,
        is_flow,
    })
    .collect();

    // Try a few row widths around the one whose area would give the aimed shape, and the
    // widths of the first band's first boxes (a few boxes pack best exactly side by side);
    // keep the block with the least area, with a penalty for straying from the aimed shape.
    let all: Vec<(f64, f64)> = bands.iter().flat_map(|b| b.sizes.iter().copied()).collect();
    let aim = target_width(&all, s.gap, s.aspect);
    let first = &bands[0].sizes;
    let candidates = WIDTH_FACTORS
        .iter()
        .map(|f| aim * f)
        .chain((1..=first.len().min(PREFIX_CANDIDATES)).map(|k| row_of(first, k, s.gap)));
    let mut best: Option<(f64, f64)> = None;
    for row in candidates {
        let (w, h) = pack_bands(&bands, row, s, |_, _, _| {});
        let score = w * h * (1.0 + shape_penalty * ((w / h.max(1.0)) / s.aspect).ln().abs());
        if best.is_none_or(|(b, _)| score < b - 1e-9) {
            best = Some((score, row));
        }
    }
    let row = best.map_or(aim, |b| b.1);
    pack_bands(&bands, row, s, |c, x, y| {
        work.rel_x[c as usize] = x;
        work.rel_y[c as usize] = y;
    })
}

/// Boxes packed together, one row after another, with their sizes.
struct Band {
    list: Vec<u32>,
    sizes: Vec<(f64, f64)>,
    /// The stream-aligned band, which keeps at least a few teams side by side.
    is_flow: bool,
}

/// Row widths tried, as multiples of the width that would give the aimed shape.
const WIDTH_FACTORS: [f64; 9] = [0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.8];
/// How many "first k boxes side by side" widths are tried.
const PREFIX_CANDIDATES: usize = 8;
/// How much a block's area counts for each e-fold its shape strays from the aimed one.
/// How much a block's area counts for each e-fold its shape strays from the aimed one: a
/// little inside boxes, where area matters most, much more for the whole map, which should
/// fit a screen.
const BOX_SHAPE_PENALTY: f64 = 0.2;
const MAP_SHAPE_PENALTY: f64 = 1.0;

/// Shelf-packs the bands one below the other at `row` width (later bands at least as wide as
/// the earlier ones, so platforms span what they serve), reports each box's position to `put`
/// and returns the block's size.
fn pack_bands(
    bands: &[Band],
    row: f64,
    s: &Sizes,
    mut put: impl FnMut(u32, f64, f64),
) -> (f64, f64) {
    let (mut width, mut top) = (0.0f64, 0.0f64);
    for Band {
        list,
        sizes,
        is_flow,
    } in bands
    {
        let mut at = row.max(width);
        if *is_flow {
            at = at.max(row_of(sizes, FLOW_AT_LEAST, s.gap));
        }
        // Tallest first (ties in input order) so each row holds boxes of similar height.
        let mut order: Vec<usize> = (0..sizes.len()).collect();
        order.sort_by(|&a, &b| sizes[b].1.total_cmp(&sizes[a].1).then(a.cmp(&b)));
        let sorted: Vec<(f64, f64)> = order.iter().map(|&i| sizes[i]).collect();
        let packed = shelves(&sorted, at, s.gap);
        for (&i, &(px, py)) in order.iter().zip(&packed.at) {
            put(list[i], px, top + py);
        }
        width = width.max(packed.width);
        top += packed.height + s.band_gap;
    }
    (width, (top - s.band_gap).max(0.0))
}

/// How many stream-aligned teams a boundary shows side by side before wrapping the flow.
const FLOW_AT_LEAST: usize = 3;

/// The width of the first `count` boxes in one row.
fn row_of(sizes: &[(f64, f64)], count: usize, gap: f64) -> f64 {
    let first = &sizes[..count.min(sizes.len())];
    first.iter().map(|&(w, _)| w + gap).sum::<f64>() - gap
}

/// Grows every boundary (deepest first) to keep enclosing children that placements moved.
fn enclose_placed(
    forest: &Forest,
    s: &Sizes,
    x: &mut [f64],
    y: &mut [f64],
    w: &mut [f64],
    h: &mut [f64],
) {
    for &v in forest.order.iter().rev() {
        let v = v as usize;
        let kids = forest.children(v as u32);
        if kids.is_empty() {
            continue;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (x[v], y[v], x[v] + w[v], y[v] + h[v]);
        for &c in kids {
            let c = c as usize;
            x0 = x0.min(x[c] - s.padding);
            y0 = y0.min(y[c] - s.header);
            x1 = x1.max(x[c] + w[c] + s.padding);
            y1 = y1.max(y[c] + h[c] + s.padding);
        }
        (x[v], y[v], w[v], h[v]) = (x0, y0, x1 - x0, y1 - y0);
    }
}

fn bounds(x: &[f64], y: &[f64], w: &[f64], h: &[f64]) -> Rect {
    if x.is_empty() {
        return Rect::default();
    }
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for i in 0..x.len() {
        x0 = x0.min(x[i]);
        y0 = y0.min(y[i]);
        x1 = x1.max(x[i] + w[i]);
        y1 = y1.max(y[i] + h[i]);
    }
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}
