//! The compact arrangement: wide sibling rows wrap into several rows so that a chart keeps an
//! aspect ratio close to its target (a window, a page) instead of becoming a thin strip.
//!
//! Every card with its descendants is a rectangular block, built bottom-up: a manager's card
//! sits on top, centred over its children's blocks, which fill rows. Under a limit on how wide
//! any block may be, each family picks the number of rows that makes its block shortest, so
//! subtrees come out as wide, flat rectangles that stack well at the next level up; [`arrange`]
//! searches the limit whose drawing needs the smallest rectangle of the target shape, which is
//! what decides how large a page or window can show it. Leaf reports keep the stacks of
//! [`crate::stack`], one block per family, with as many columns as suit the target. With more
//! than one row, a trunk runs down a lane left of the rows and each row gets its own bus in the
//! level gap above it, so a connector only ever runs through its own family's free lanes and
//! gaps.

use crate::forest::{Forest, NONE};
use crate::stack::StackPlan;
use crate::{Connector, Opts, Rect};

/// Closer than this, a jog would be invisible and only adds points for renderers to draw.
const STRAIGHT: f64 = 1e-6;

pub(crate) struct Compact {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub connectors: Vec<Connector>,
    pub bounds: Rect,
}

/// The arrangement for a target width / height of `aspect`.
pub(crate) fn arrange(
    forest: &Forest,
    plan: &StackPlan,
    w: &[f64],
    h: &[f64],
    o: &Opts,
    aspect: f64,
) -> Compact {
    let blocks = Blocks::new(forest, plan, w);
    // The widest row any family may use: the search keeps the one whose drawing needs the
    // smallest rectangle of the target shape, which is what decides how large it prints.
    let narrowest = plan
        .blocks
        .iter()
        .map(|b| b.w)
        .fold(w.iter().copied().fold(1.0, f64::max), f64::max);
    // Without a limit every family takes its shortest rows; under a limit at least as wide as a
    // family's block there, that family and everything below it come out the same, so the
    // search lays out again only the families wider than the limit.
    let free = blocks.layout(forest, plan, w, h, o, f64::INFINITY);
    let (widest, free_h) = free.size(forest);
    let widest_cost = widest.max(free_h * aspect);
    let mut best = (widest_cost, f64::INFINITY);
    let ratio = (widest / narrowest).max(1.0);
    let step = ratio.powf(1.0 / (SEARCH - 1) as f64);
    // The families some limit may change, children first: no limit tried is below narrowest / step.
    let upper: Vec<u32> = forest
        .order
        .iter()
        .rev()
        .copied()
        .filter(|&v| {
            let v = v as usize;
            !plan.stacked[v] && free.bw[v] > narrowest / step && !blocks.kids(v).is_empty()
        })
        .collect();
    let fit = |max_w: f64| {
        let (bw, bh) = blocks.measure(forest, w, h, o, max_w, &free, &upper);
        (bw.max(bh * aspect), bw)
    };
    for k in 0..SEARCH {
        let max_w = narrowest * step.powi(k as i32);
        let (cost, _) = fit(max_w);
        if cost < best.0 - 1e-9 {
            best = (cost, max_w);
        }
    }
    // The cost jumps where a family changes its rows, so look closer around the best limit.
    if best.1.is_finite() {
        let (lo, hi) = (best.1 / step, best.1 * step);
        for k in 0..REFINE {
            let max_w = lo + (hi - lo) * k as f64 / (REFINE - 1) as f64;
            let (cost, _) = fit(max_w);
            if cost < best.0 - 1e-9 {
                best = (cost, max_w);
            }
        }
    }
    blocks.finish(forest, plan, w, h, o, best.1)
}

/// How far a block may exceed a limit and still fit it (rounding in the sums of widths).
const FITS: f64 = 1e-9;

/// Row-width limits tried, spread geometrically between the widest item and the widest chart.
const SEARCH: usize = 24;
/// Limits tried in the closer look around the best one.
const REFINE: usize = 12;

/// How many different row counts a family tries; beyond that, counts spread geometrically.
const ROW_CHOICES: usize = 24;

/// The child items of each card: the cards that are not stacked, and the family's leaf block
/// in place of its first stacked leaf. Item `v < n` is card `v`; item `n + b` is block `b`.
struct Blocks {
    start: Vec<u32>,
    items: Vec<u32>,
}

/// Sizes and relative placement of every block.
struct Measure {
    /// Per item: its block's size.
    bw: Vec<f64>,
    bh: Vec<f64>,
    /// Per item: its block's offset from its parent block's top-left corner.
    dx: Vec<f64>,
    dy: Vec<f64>,
    /// Per item: the row it sits in among its siblings.
    row: Vec<u32>,
    /// Per card: the x of its card in its own block, and of its children's trunk.
    card_dx: Vec<f64>,
    trunk_dx: Vec<f64>,
    /// Per root item, its block's offset in the drawing.
    root_at: Vec<(f64, f64)>,
}

impl Measure {
    /// The drawing's width and height.
    fn size(&self, forest: &Forest) -> (f64, f64) {
        let mut size = (0.0f64, 0.0f64);
        for (k, &r) in forest.roots.iter().enumerate() {
            let at = self.root_at[k];
            size.0 = size.0.max(at.0 + self.bw[r as usize]);
            size.1 = size.1.max(at.1 + self.bh[r as usize]);
        }
        size
    }
}

impl Blocks {
    fn new(forest: &Forest, plan: &StackPlan, w: &[f64]) -> Blocks {
        let n = w.len();
        let mut start = Vec::with_capacity(n + 1);
        let mut items = Vec::with_capacity(n);
        for v in 0..n as u32 {
            start.push(items.len() as u32);
            for &c in forest.children(v) {
                if !plan.stacked[c as usize] {
                    items.push(c);
                } else if plan.rank[c as usize] == 0 {
                    items.push(n as u32 + plan.block_of[v as usize]);
                }
            }
        }
        start.push(items.len() as u32);
        Blocks { start, items }
    }

    fn kids(&self, v: usize) -> &[u32] {
        &self.items[self.start[v] as usize..self.start[v + 1] as usize]
    }

    #[allow(clippy::too_many_arguments)]
    fn layout(
        &self,
        forest: &Forest,
        plan: &StackPlan,
        w: &[f64],
        h: &[f64],
        o: &Opts,
        max_w: f64,
    ) -> Measure {
        let n = w.len();
        let m = n + plan.blocks.len();
        let mut s = Measure {
            bw: vec![0.0; m],
            bh: vec![0.0; m],
            dx: vec![0.0; m],
            dy: vec![0.0; m],
            row: vec![0; m],
            card_dx: vec![0.0; n],
            trunk_dx: vec![0.0; n],
            root_at: Vec::with_capacity(forest.roots.len()),
        };
        for (b, block) in plan.blocks.iter().enumerate() {
            s.bw[n + b] = block.w;
            s.bh[n + b] = block.h;
        }
        let lane = o.sibling_gap;
        // Children before parents: the breadth-first order reversed.
        for &v in forest.order.iter().rev() {
            let v = v as usize;
            if plan.stacked[v] {
                continue;
            }
            let kids = self.kids(v);
            if kids.is_empty() {
                s.bw[v] = w[v];
                s.bh[v] = h[v];
                continue;
            }
            let budget = best_budget(kids, &s.bw, &s.bh, w[v], h[v], lane, o, max_w);
            let rows = wrap(
                kids, &s.bw, &s.bh, &mut s.dx, &mut s.dy, &mut s.row, budget, o,
            );
            let multi = rows.rows > 1;
            let indent = if multi { lane } else { 0.0 };
            let area_w = indent + rows.width;
            let bw = w[v].max(area_w);
            let area_x = (bw - area_w) / 2.0 + indent;
            let area_y = h[v] + o.level_gap;
            for &k in kids {
                s.dx[k as usize] += area_x;
                s.dy[k as usize] += area_y;
            }
            s.bw[v] = bw;
            s.bh[v] = area_y + rows.height;
            // Centred over the first row's span, so a single row reads like the tidy layout.
            s.card_dx[v] = (bw - w[v]) / 2.0;
            s.trunk_dx[v] = area_x - indent / 2.0;
        }
        let roots = &forest.roots;
        let mut rdx = vec![0.0; n + plan.blocks.len()];
        let mut rdy = vec![0.0; n + plan.blocks.len()];
        let mut rrow = vec![0; n + plan.blocks.len()];
        let root_opts = Opts {
            sibling_gap: o.root_gap,
            ..*o
        };
        let budget = best_budget(roots, &s.bw, &s.bh, 0.0, 0.0, 0.0, &root_opts, max_w);
        wrap(
            roots, &s.bw, &s.bh, &mut rdx, &mut rdy, &mut rrow, budget, &root_opts,
        );
        for &r in roots {
            s.root_at.push((rdx[r as usize], rdy[r as usize]));
        }
        s
    }

    /// The drawing's width and height under `max_w`, as [`Blocks::layout`] would measure them,
    /// from `free` (the layout without a limit): a family whose block there is no wider than the
    /// limit comes out the same under it, so only the wider ones among `upper` (children first)
    /// are measured again.
    #[allow(clippy::too_many_arguments)]
    fn measure(
        &self,
        forest: &Forest,
        w: &[f64],
        h: &[f64],
        o: &Opts,
        max_w: f64,
        free: &Measure,
        upper: &[u32],
    ) -> (f64, f64) {
        let mut bw = free.bw.clone();
        let mut bh = free.bh.clone();
        let lane = o.sibling_gap;
        for &v in upper {
            let v = v as usize;
            if free.bw[v] <= max_w + FITS {
                continue;
            }
            let kids = self.kids(v);
            if kids.is_empty() {
                continue; // a card alone is its block
            }
            let budget = best_budget(kids, &bw, &bh, w[v], h[v], lane, o, max_w);
            let (rows, width, height) = measure_rows(kids, &bw, &bh, budget, o);
            let indent = if rows > 1 { lane } else { 0.0 };
            bw[v] = w[v].max(indent + width);
            bh[v] = h[v] + o.level_gap + height;
        }
        let root_opts = Opts {
            sibling_gap: o.root_gap,
            ..*o
        };
        let roots = &forest.roots;
        let budget = best_budget(roots, &bw, &bh, 0.0, 0.0, 0.0, &root_opts, max_w);
        let (_, width, height) = measure_rows(roots, &bw, &bh, budget, &root_opts);
        (width, height)
    }

    fn finish(
        &self,
        forest: &Forest,
        plan: &StackPlan,
        w: &[f64],
        h: &[f64],
        o: &Opts,
        max_w: f64,
    ) -> Compact {
        let n = w.len();
        let s = self.layout(forest, plan, w, h, o, max_w);
        let mut bx = vec![0.0; s.bw.len()];
        let mut by = vec![0.0; s.bw.len()];
        for (k, &r) in forest.roots.iter().enumerate() {
            (bx[r as usize], by[r as usize]) = s.root_at[k];
        }
        let mut x = vec![0.0; n];
        let mut y = vec![0.0; n];
        for &v in &forest.order {
            let v = v as usize;
            if plan.stacked[v] {
                continue;
            }
            x[v] = bx[v] + s.card_dx[v];
            y[v] = by[v];
            for &k in self.kids(v) {
                let k = k as usize;
                bx[k] = bx[v] + s.dx[k];
                by[k] = by[v] + s.dy[k];
            }
        }
        for (b, block) in plan.blocks.iter().enumerate() {
            let leaves = &plan.leaves[block.first as usize..(block.first + block.count) as usize];
            for (k, &leaf) in leaves.iter().enumerate() {
                let slot = block.slot(k, w[leaf as usize], o.stack_gap);
                x[leaf as usize] = bx[n + b] + slot.dx;
                y[leaf as usize] = by[n + b] + slot.dy;
            }
        }

        let mut connectors = Vec::with_capacity(n.saturating_sub(forest.roots.len()));
        for c in 0..n {
            let p = forest.parent[c];
            if p == NONE {
                continue;
            }
            let p = p as usize;
            let (px, bottom) = (x[p] + w[p] / 2.0, y[p] + h[p]);
            let bus0 = bottom + o.level_gap / 2.0;
            let item = if plan.stacked[c] {
                n + plan.block_of[p] as usize
            } else {
                c
            };
            let bus = by[item] - o.level_gap / 2.0;
            let mut pts = vec![(px, bottom)];
            if s.row[item] > 0 {
                let trunk = bx[p] + s.trunk_dx[p];
                pts.extend([(px, bus0), (trunk, bus0), (trunk, bus)]);
            } else {
                pts.push((px, bus));
            }
            if plan.stacked[c] {
                let b = plan.block_of[p] as usize;
                let slot = plan.blocks[b].slot(plan.rank[c] as usize, w[c], o.stack_gap);
                let mid = y[c] + h[c] / 2.0;
                pts.extend([
                    (bx[item] + slot.spine, bus),
                    (bx[item] + slot.spine, mid),
                    (bx[item] + slot.side, mid),
                ]);
            } else {
                let cx = x[c] + w[c] / 2.0;
                pts.extend([(cx, bus), (cx, y[c])]);
            }
            connectors.push(Connector {
                from: p as u32,
                to: c as u32,
                points: simplify(pts),
                dotted: false,
            });
        }
        // A trunk lane or a narrow card can leave the left edge empty; the drawing starts at 0.
        let mut bounds = hull(&x, &y, w, h, &connectors);
        let (ox, oy) = (bounds.x, bounds.y);
        if ox != 0.0 || oy != 0.0 {
            x.iter_mut().for_each(|v| *v -= ox);
            y.iter_mut().for_each(|v| *v -= oy);
            for p in connectors.iter_mut().flat_map(|c| c.points.iter_mut()) {
                p.0 -= ox;
                p.1 -= oy;
            }
            bounds.x = 0.0;
            bounds.y = 0.0;
        }
        Compact {
            x,
            y,
            connectors,
            bounds,
        }
    }
}

/// The row width for a family whose block is the shortest without being wider than
/// `max_w` (or the narrowest it can be, when nothing is that narrow): its card
/// (`card_w` x `card_h`) over its items wrapped into rows.
#[allow(clippy::too_many_arguments)]
fn best_budget(
    items: &[u32],
    bw: &[f64],
    bh: &[f64],
    card_w: f64,
    card_h: f64,
    lane: f64,
    o: &Opts,
    max_w: f64,
) -> f64 {
    let k = items.len();
    let total: f64 = items.iter().map(|&i| bw[i as usize] + o.sibling_gap).sum();
    let widest = items.iter().map(|&i| bw[i as usize]).fold(0.0, f64::max);
    // (fits, cost): anything that fits beats anything that does not.
    let mut best = (f64::INFINITY, (false, f64::INFINITY));
    let mut tried = 0usize;
    let mut r = 1usize;
    while r <= k {
        // Aiming at `r` rows of even width; greedy filling may still need one more.
        let budget = (total / r as f64).max(widest);
        let (rows, width, height) = measure_rows(items, bw, bh, budget, o);
        let indent = if rows > 1 { lane } else { 0.0 };
        let (block_w, block_h) = ((indent + width).max(card_w), card_h + o.level_gap + height);
        let fits = block_w <= max_w + FITS;
        let cost = if fits { block_h } else { block_w };
        let better = match (fits, best.1 .0) {
            (true, false) => true,
            (false, true) => false,
            _ => cost < best.1 .1 - 1e-9,
        };
        if better {
            best = (budget, (fits, cost));
        }
        tried += 1;
        r = if tried < ROW_CHOICES {
            r + 1
        } else {
            (r + r / 4).max(r + 1)
        };
    }
    best.0
}

/// Rows, width and height of `items` wrapped at `budget`, as [`wrap`] would place them.
fn measure_rows(items: &[u32], bw: &[f64], bh: &[f64], budget: f64, o: &Opts) -> (usize, f64, f64) {
    let (mut x, mut top, mut tallest) = (0.0f64, 0.0f64, 0.0f64);
    let (mut rows, mut width) = (1usize, 0.0f64);
    for &k in items {
        let k = k as usize;
        if x > 0.0 && x + bw[k] > budget {
            top += tallest + o.level_gap;
            rows += 1;
            x = 0.0;
            tallest = 0.0;
        }
        width = width.max(x + bw[k]);
        tallest = tallest.max(bh[k]);
        x += bw[k] + o.sibling_gap;
    }
    (rows, width, top + tallest)
}

struct Rows {
    rows: usize,
    width: f64,
    height: f64,
}

/// Fills rows left to right, each no wider than `budget` unless a single item is; writes each
/// item's offset from the top-left of the rows and its row number.
#[allow(clippy::too_many_arguments)]
fn wrap(
    items: &[u32],
    bw: &[f64],
    bh: &[f64],
    dx: &mut [f64],
    dy: &mut [f64],
    row: &mut [u32],
    budget: f64,
    o: &Opts,
) -> Rows {
    let gap = o.sibling_gap;
    let (mut x, mut top, mut tallest) = (0.0f64, 0.0f64, 0.0f64);
    let (mut rows, mut width) = (1usize, 0.0f64);
    for &k in items {
        let k = k as usize;
        if x > 0.0 && x + bw[k] > budget {
            top += tallest + o.level_gap;
            rows += 1;
            x = 0.0;
            tallest = 0.0;
        }
        dx[k] = x;
        dy[k] = top;
        row[k] = rows as u32 - 1;
        width = width.max(x + bw[k]);
        tallest = tallest.max(bh[k]);
        x += bw[k] + gap;
    }
    Rows {
        rows,
        width,
        height: top + tallest,
    }
}

/// Drops repeated points and straight-through corners, which renderers would draw as joints.
fn simplify(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(&last) = out.last() {
            if (last.0 - p.0).abs() < STRAIGHT && (last.1 - p.1).abs() < STRAIGHT {
                continue;
            }
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let vertical = (a.0 - b.0).abs() < STRAIGHT && (b.0 - p.0).abs() < STRAIGHT;
            let horizontal = (a.1 - b.1).abs() < STRAIGHT && (b.1 - p.1).abs() < STRAIGHT;
            if vertical || horizontal {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

fn hull(x: &[f64], y: &[f64], w: &[f64], h: &[f64], connectors: &[Connector]) -> Rect {
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
    for &(px, py) in connectors.iter().flat_map(|c| &c.points) {
        x0 = x0.min(px);
        y0 = y0.min(py);
        x1 = x1.max(px);
        y1 = y1.max(py);
    }
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{forest, stack, LayoutOptions, NodeInput};

    /// A deterministic org: each card's manager is an earlier card, families of 1 to 12.
    fn org(n: usize) -> Vec<NodeInput> {
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        (0..n)
            .map(|i| NodeInput {
                parent: (i > 0).then(|| (i - 1 - next() % i.min(12)) as u32 / 2),
                width: 200.0 + (next() % 3) as f64 * 20.0,
                height: 72.0,
            })
            .collect()
    }

    #[test]
    fn reusing_the_families_that_fit_a_limit_measures_what_laying_out_everything_again_does() {
        let nodes = org(3000);
        let o = Opts::new(&LayoutOptions::default());
        let forest = forest::Forest::build(&nodes).unwrap();
        let w: Vec<f64> = nodes.iter().map(|n| n.width).collect();
        let h: Vec<f64> = nodes.iter().map(|n| n.height).collect();
        let plan = stack::plan(&forest, &w, &h, &o, Some(1.5));
        let blocks = Blocks::new(&forest, &plan, &w);
        let free = blocks.layout(&forest, &plan, &w, &h, &o, f64::INFINITY);
        let (widest, _) = free.size(&forest);
        let upper: Vec<u32> = forest
            .order
            .iter()
            .rev()
            .copied()
            .filter(|&v| !plan.stacked[v as usize])
            .collect();
        for k in 0..=20 {
            let max_w = 200.0 * (widest / 200.0).powf(k as f64 / 20.0);
            let whole = blocks.layout(&forest, &plan, &w, &h, &o, max_w);
            let reused = blocks.measure(&forest, &w, &h, &o, max_w, &free, &upper);
            assert_eq!(whole.size(&forest), reused, "limit {max_w}");
        }
    }
}
