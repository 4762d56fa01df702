//! Compact stacking of a manager's leaf reports.
//!
//! A wide row of individual contributors makes an org chart unreadably wide, so a parent with
//! enough leaf children gets one rectangular block instead, which the tidy layout treats as a
//! single child. Inside the block the leaves fill a grid row by row (reading order). Vertical
//! connector spines run in lanes between column pairs: column `2k` is entered from its right,
//! column `2k + 1` from its left, and an unpaired last column from its left, so no connector ever
//! crosses a card.

use crate::forest::{Forest, NONE};
use crate::Opts;

pub(crate) struct Block {
    pub parent: u32,
    /// `leaves[first..first + count]` of the plan, in input order.
    pub first: u32,
    pub count: u32,
    pub cols: usize,
    pub col_w: f64,
    pub row_h: f64,
    pub w: f64,
    pub h: f64,
    /// Leftmost and rightmost drawn x (card or spine) relative to the block's left edge; the
    /// block is a rectangle but a ragged last row or a narrow column leaves parts of it empty.
    pub ink: (f64, f64),
}

pub(crate) struct StackPlan {
    /// Per node: placed inside its parent's block rather than by the tidy layout.
    pub stacked: Vec<bool>,
    /// Per node: the index of the block holding its stacked children, or `NONE`.
    pub block_of: Vec<u32>,
    pub blocks: Vec<Block>,
    pub leaves: Vec<u32>,
    /// Per stacked node: its position among its block's leaves.
    pub rank: Vec<u32>,
}

/// Where one stacked leaf sits, relative to the block's top-left corner.
pub(crate) struct Slot {
    pub dx: f64,
    pub dy: f64,
    /// x of the spine serving the leaf's column.
    pub spine: f64,
    /// x of the card side the connector enters.
    pub side: f64,
}

/// With `aspect` (the compact arrangement's target), each stack gets the number of columns
/// that makes its block closest to that shape instead of `o.stack_columns`.
pub(crate) fn plan(
    forest: &Forest,
    w: &[f64],
    h: &[f64],
    o: &Opts,
    aspect: Option<f64>,
) -> StackPlan {
    let n = w.len();
    let mut plan = StackPlan {
        stacked: vec![false; n],
        block_of: vec![NONE; n],
        blocks: Vec::new(),
        leaves: Vec::new(),
        rank: vec![NONE; n],
    };
    // Counting leaves child-first is one sequential pass instead of a scan of every family.
    let mut leaves = vec![0u32; n];
    for v in 0..n as u32 {
        let p = forest.parent[v as usize];
        if p != NONE && forest.children(v).is_empty() {
            leaves[p as usize] += 1;
        }
    }
    let is_leaf = |c: &&u32| forest.children(**c).is_empty();
    for p in 0..n as u32 {
        if (leaves[p as usize] as usize) < o.stack_from {
            continue;
        }
        let kids = forest.children(p);
        let first = plan.leaves.len();
        let (mut col_w, mut row_h) = (0.0f64, 0.0f64);
        for &c in kids.iter().filter(is_leaf) {
            plan.stacked[c as usize] = true;
            plan.rank[c as usize] = (plan.leaves.len() - first) as u32;
            plan.leaves.push(c);
            col_w = col_w.max(w[c as usize]);
            row_h = row_h.max(h[c as usize]);
        }
        let count = plan.leaves.len() - first;
        let cols = match aspect {
            Some(a) => {
                let (cell_w, cell_h) = (col_w + 2.0 * o.stack_gap, row_h + o.stack_gap);
                let ideal = (count as f64 * a * cell_h / cell_w.max(1e-9))
                    .sqrt()
                    .round();
                (ideal as usize).clamp(1, count)
            }
            None => o.stack_columns.min(count),
        };
        let rows = count.div_ceil(cols);
        let lane = 2.0 * o.stack_gap;
        let mut block = Block {
            parent: p,
            first: first as u32,
            count: count as u32,
            cols,
            col_w,
            row_h,
            w: margin(cols, lane) + cols as f64 * col_w + (cols - 1) as f64 * lane,
            h: rows as f64 * row_h + (rows - 1) as f64 * o.stack_gap,
            ink: (f64::INFINITY, f64::NEG_INFINITY),
        };
        for (k, &c) in plan.leaves[first..].iter().enumerate() {
            let slot = block.slot(k, w[c as usize], o.stack_gap);
            block.ink.0 = block.ink.0.min(slot.dx.min(slot.spine));
            block.ink.1 = block.ink.1.max((slot.dx + w[c as usize]).max(slot.spine));
        }
        plan.block_of[p as usize] = plan.blocks.len() as u32;
        plan.blocks.push(block);
    }
    plan
}

/// A single column has no neighbour to share a lane with, so its spine gets a lane of its own.
fn margin(cols: usize, lane: f64) -> f64 {
    if cols == 1 {
        lane
    } else {
        0.0
    }
}

impl Block {
    /// Slot of the `k`-th stacked leaf (input order) whose card is `w` wide.
    pub fn slot(&self, k: usize, w: f64, gap: f64) -> Slot {
        let lane = 2.0 * gap;
        let (col, row) = (k % self.cols, k / self.cols);
        let cell = margin(self.cols, lane) + col as f64 * (self.col_w + lane);
        let dy = row as f64 * (self.row_h + gap);
        // Cards hug the spine side of their cell so every horizontal stub has the same length.
        if col % 2 == 0 && col + 1 < self.cols {
            let side = cell + self.col_w;
            Slot {
                dx: side - w,
                dy,
                spine: side + gap,
                side,
            }
        } else {
            Slot {
                dx: cell,
                dy,
                spine: cell - gap,
                side: cell,
            }
        }
    }
}
