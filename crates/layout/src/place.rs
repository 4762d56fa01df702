//! Turns the forest and its stacking plan into the tree the tidy pass lays out, and its result
//! back into absolute card positions.
//!
//! The tidy tree has one item per card that is not stacked plus one item per leaf block. Each
//! item's vertical band reaches down to where the next level starts, and a block's a full level
//! gap below its last row, so that the separation compares anything that could come near it,
//! connector buses included.

use crate::forest::{Forest, NONE};
use crate::stack::StackPlan;
use crate::tidy;
use crate::Opts;

pub(crate) struct Placement {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// `level_top[d]` is the y of every card at depth `d`.
    pub level_top: Vec<f64>,
    pub block_x: Vec<f64>,
}

pub(crate) fn place(
    forest: &Forest,
    plan: &StackPlan,
    w: &[f64],
    h: &[f64],
    o: &Opts,
) -> Placement {
    let n = w.len();
    let level_top = level_tops(forest, plan, h, o);
    let items = Items::build(forest, plan, w, &level_top, o);
    let rel = tidy::relative_x(&tidy::Tree {
        w: &items.w,
        bottom: &items.bottom,
        start: &items.start,
    });
    let shift = pack(forest, plan, &items, &rel, w, o);

    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    let mut block_x = vec![0.0; plan.blocks.len()];
    for (k, &src) in items.src.iter().enumerate() {
        let at = rel[k] + shift[items.tree[k] as usize];
        let src = src as usize;
        if src < n {
            x[src] = at;
            y[src] = level_top[forest.depth[src] as usize];
        } else {
            block_x[src - n] = at;
        }
    }
    for (block, &bx) in plan.blocks.iter().zip(&block_x) {
        let by = level_top[forest.depth[block.parent as usize] as usize + 1];
        let leaves = &plan.leaves[block.first as usize..(block.first + block.count) as usize];
        for (k, &leaf) in leaves.iter().enumerate() {
            let slot = block.slot(k, w[leaf as usize], o.stack_gap);
            x[leaf as usize] = bx + slot.dx;
            y[leaf as usize] = by + slot.dy;
        }
    }
    Placement {
        x,
        y,
        level_top,
        block_x,
    }
}

/// Levels are shared by the whole forest so that peers line up across teams; stacked leaves do
/// not count towards a level's height because their block has its own band.
fn level_tops(forest: &Forest, plan: &StackPlan, h: &[f64], o: &Opts) -> Vec<f64> {
    let max_depth = forest
        .order
        .last()
        .map_or(0, |&v| forest.depth[v as usize] as usize);
    let mut tallest = vec![0.0f64; max_depth + 1];
    for (v, &hv) in h.iter().enumerate() {
        if !plan.stacked[v] {
            let d = forest.depth[v] as usize;
            tallest[d] = tallest[d].max(hv);
        }
    }
    let mut top = Vec::with_capacity(max_depth + 2);
    top.push(0.0);
    for t in tallest {
        top.push(top[top.len() - 1] + t + o.level_gap);
    }
    top
}

/// The tidy tree, numbered breadth-first so that every item's children are a contiguous id
/// range and the passes over it read memory in order.
struct Items {
    /// Per item: the input node it stands for, or `n + b` for leaf block `b`.
    src: Vec<u32>,
    w: Vec<f64>,
    bottom: Vec<f64>,
    /// Children of item `k` are the items `start[k]..start[k + 1]`.
    start: Vec<u32>,
    /// Index (into `forest.roots`) of the tree each item belongs to.
    tree: Vec<u32>,
}

impl Items {
    fn build(forest: &Forest, plan: &StackPlan, w: &[f64], top: &[f64], o: &Opts) -> Items {
        let n = w.len();
        let m = n + plan.blocks.len() - plan.leaves.len();
        let g = o.sibling_gap;
        let mut it = Items {
            src: Vec::with_capacity(m),
            w: Vec::with_capacity(m),
            bottom: Vec::with_capacity(m),
            start: Vec::with_capacity(m + 1),
            tree: vec![0; m],
        };
        // Breadth-first over the nodes already lists each family's children together and in
        // input order; a block simply takes the place of its first leaf.
        let mut next_child = forest.roots.len() as u32;
        for &v in &forest.order {
            let v = v as usize;
            let d = forest.depth[v] as usize;
            if !plan.stacked[v] {
                it.src.push(v as u32);
                it.w.push(w[v] + g);
                it.bottom.push(top[d + 1]);
                it.start.push(next_child);
                next_child += forest.children(v as u32).len() as u32;
                let b = plan.block_of[v];
                if b != NONE {
                    next_child = next_child + 1 - plan.blocks[b as usize].count;
                }
            } else if plan.rank[v] == 0 {
                let b = plan.block_of[forest.parent[v] as usize];
                let block = &plan.blocks[b as usize];
                it.src.push(n as u32 + b);
                it.w.push(block.w + g);
                it.bottom.push(top[d] + block.h + o.level_gap);
                it.start.push(next_child);
            }
        }
        it.start.push(next_child);
        debug_assert_eq!(it.src.len(), m);
        debug_assert_eq!(next_child as usize, m);
        for k in 0..forest.roots.len() {
            it.tree[k] = k as u32;
        }
        for k in 0..m {
            let t = it.tree[k];
            for c in it.start[k]..it.start[k + 1] {
                it.tree[c as usize] = t;
            }
        }
        it
    }
}

/// Trees go side by side in root order with `root_gap` between their outermost drawn parts
/// (cards and stack spines); returns, per tree, what to add to a relative padded x to get the
/// absolute card x.
fn pack(
    forest: &Forest,
    plan: &StackPlan,
    items: &Items,
    rel: &[f64],
    w: &[f64],
    o: &Opts,
) -> Vec<f64> {
    let n = w.len();
    let trees = forest.roots.len();
    let mut lo = vec![f64::INFINITY; trees];
    let mut hi = vec![f64::NEG_INFINITY; trees];
    for (k, &src) in items.src.iter().enumerate() {
        let src = src as usize;
        let t = items.tree[k] as usize;
        let (ink_l, ink_r) = if src < n {
            (0.0, w[src])
        } else {
            plan.blocks[src - n].ink
        };
        lo[t] = lo[t].min(rel[k] + ink_l);
        hi[t] = hi[t].max(rel[k] + ink_r);
    }
    let mut shift = Vec::with_capacity(trees);
    let mut cursor = 0.0;
    for t in 0..trees {
        shift.push(cursor - lo[t]);
        cursor += hi[t] - lo[t] + o.root_gap;
    }
    shift
}
