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
    let mut out = Vec::with_capacity(nodes.len().saturating_sub(forest.roots.len()));
    for (c, node) in nodes.iter().enumerate() {
        let Some(p) = node.parent else { continue };
        let pu = p as usize;
        let px = at.x[pu] + w[pu] / 2.0;
        let bottom = at.y[pu] + h[pu];
        let bus = at.level_top[forest.depth[pu] as usize + 1] - o.level_gap / 2.0;
        let mut points = Vec::with_capacity(5);
        points.push((px, bottom));
        if plan.stacked[c] {
            let b = plan.block_of[pu] as usize;
            let slot = plan.blocks[b].slot(plan.rank[c] as usize, w[c], o.stack_gap);
            let spine = at.block_x[b] + slot.spine;
            let mid = at.y[c] + h[c] / 2.0;
            if (spine - px).abs() >= STRAIGHT {
                points.push((px, bus));
                points.push((spine, bus));
                points.push((spine, mid));
            } else {
                points.push((px, mid));
            }
            points.push((at.block_x[b] + slot.side, mid));
        } else {
            let cx = at.x[c] + w[c] / 2.0;
            if (cx - px).abs() >= STRAIGHT {
                points.push((px, bus));
                points.push((cx, bus));
                points.push((cx, at.y[c]));
            } else {
                points.push((px, at.y[c]));
            }
        }
        out.push(Connector {
            from: p,
            to: c as u32,
            points,
            dotted: false,
        });
    }
    out
}
