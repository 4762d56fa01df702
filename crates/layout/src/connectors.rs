//! Solid reporting lines, one orthogonal polyline per parent-child edge.
//!
//! Every parent's bus runs half a level gap above its children's level. The tidy bands reach
//! that far, so a bus can only meet its own family's cards, and siblings' buses at the same
//! depth cover disjoint x ranges.

use crate::forest::Forest;
use crate::place::Placement;
use crate::stack::StackPlan;
use crate::{Connector, NodeInput, Opts};

/// Closer than this, a jog would be invisible and only adds points for renderers to draw.
const STRAIGHT: f64 = 1e-6;

pub(crate) fn build(
    nodes: &[NodeInput],
    forest: &Forest,
    plan: &StackPlan,
    at: &Placement,
    w: &[f64],
    h: &[f64],
    o: &Opts,
) -> Vec<Connector> {
    // Per-parent values first, in one sequential pass, so the per-edge loop below reads three
    // numbers at the parent's index instead of five scattered arrays.
    let n = nodes.len();
    let mut drop_x = Vec::with_capacity(n);
    let mut drop_y = Vec::with_capacity(n);
    let mut bus = Vec::with_capacity(n);
    for v in 0..n {
        drop_x.push(at.x[v] + w[v] / 2.0);
        drop_y.push(at.y[v] + h[v]);
        bus.push(at.level_top[forest.depth[v] as usize + 1] - o.level_gap / 2.0);
    }
    let mut out = Vec::with_capacity(n.saturating_sub(forest.roots.len()));
    for (c, node) in nodes.iter().enumerate() {
        let Some(p) = node.parent else { continue };
        let pu = p as usize;
        let (px, bottom, bus) = (drop_x[pu], drop_y[pu], bus[pu]);
        let points = if plan.stacked[c] {
            let b = plan.block_of[pu] as usize;
            let slot = plan.blocks[b].slot(plan.rank[c] as usize, w[c], o.stack_gap);
            let spine = at.block_x[b] + slot.spine;
            let side = at.block_x[b] + slot.side;
            let mid = at.y[c] + h[c] / 2.0;
            if (spine - px).abs() >= STRAIGHT {
                vec![
                    (px, bottom),
                    (px, bus),
                    (spine, bus),
                    (spine, mid),
                    (side, mid),
                ]
            } else {
                vec![(px, bottom), (px, mid), (side, mid)]
            }
        } else {
            let cx = at.x[c] + w[c] / 2.0;
            if (cx - px).abs() >= STRAIGHT {
                vec![(px, bottom), (px, bus), (cx, bus), (cx, at.y[c])]
            } else {
                vec![(px, bottom), (px, at.y[c])]
            }
        };
        out.push(Connector {
            from: p,
            to: c as u32,
            points,
            dotted: false,
        });
    }
    out
}
