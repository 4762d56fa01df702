//! Tidy-tree layout of org charts: positions and connectors shared by the screen and the exporters.
//!
//! [`layout_forest`] places every card of a forest top-down: depth decides the level, each
//! level starts below the tallest card of the level above, parents are centred over their
//! children, and no two cards overlap. The horizontal placement is van der Ploeg's linear-time
//! tidy-tree algorithm for cards of different sizes, run without recursion so that very deep
//! charts cannot overflow the stack. Managers with many individual contributors get those
//! reports stacked in a few compact columns instead of one very wide row. With a target
//! aspect ratio ([`LayoutOptions::target_aspect`]) wide sibling rows also wrap into several
//! rows, so a big chart fits a window or a page instead of becoming a thin strip.
//!
//! A stack takes the place of the manager's first leaf report among its children, so the
//! other children keep their input order around it. Inside it the leaves fill rows left to
//! right; connectors drop down spines in lanes between the columns and turn into the cards'
//! sides. [`route_dotted`] adds dotted-line relationships afterwards, around the finished chart.
//!
//! Coordinates are in the same unit as the card sizes (pixels for the screen), y grows downward,
//! and the drawing's top-left corner is at `(0, 0)`.

mod climb;
mod compact;
mod connectors;
mod dotted;
mod forest;
mod grid;
mod pages;
mod place;
mod stack;
pub mod team_map;
mod tidy;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use pages::{paginate, PageLayout, PageMark, PageOptions};
pub use team_map::{arrange_team_map, route_around, MapKind, MapNode, MapOptions, TeamMapLayout};

/// One card to place. Children keep the order in which they appear in the input.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeInput {
    /// Index of the parent in the input slice; `None` for a root.
    pub parent: Option<u32>,
    pub width: f64,
    pub height: f64,
}

/// Spacing and stacking rules. Negative or non-finite gaps count as zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayoutOptions {
    /// Minimum horizontal space between neighbouring cards and subtrees.
    pub sibling_gap: f64,
    /// Vertical space between a level's tallest card and the next level; buses run halfway.
    pub level_gap: f64,
    /// Horizontal space between separate trees of the forest.
    pub root_gap: f64,
    /// A parent with at least this many leaf children stacks them in compact columns
    /// (`usize::MAX` turns stacking off; 0 behaves like 1).
    pub stack_leaves_from: usize,
    /// Maximum columns of a stack (0 behaves like 1).
    pub stack_columns: usize,
    /// Space between stacked cards; the spine lane between two columns is twice this.
    pub stack_gap: f64,
    /// Width / height the chart should come close to (a window's or a page's): wide sibling
    /// rows then wrap into several rows, and levels no longer line up across teams. `None`
    /// (or a value that is not a positive number) keeps the tidy layout, one row per level.
    pub target_aspect: Option<f64>,
}

impl Default for LayoutOptions {
    /// Tuned for 200 x 72 cards: stacks start where a row of reports would be wider than the
    /// screen is comfortable to read at a glance.
    fn default() -> Self {
        LayoutOptions {
            sibling_gap: 24.0,
            level_gap: 56.0,
            root_gap: 96.0,
            stack_leaves_from: 5,
            stack_columns: 2,
            stack_gap: 16.0,
            target_aspect: None,
        }
    }
}

/// The result of [`layout_forest`]; `x[i]`, `y[i]` is the top-left corner of input node `i`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    /// One per parent-child edge, ordered by child index.
    pub connectors: Vec<Connector>,
    /// Bounding box of all cards and connectors; its top-left is `(0, 0)`.
    pub bounds: Rect,
}

/// An orthogonal polyline from `from`'s card to `to`'s card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Connector {
    pub from: u32,
    pub to: u32,
    /// Solid lines start at the parent's bottom centre and end at the child's top centre, or,
    /// for a stacked leaf, at the middle of the card side facing its spine.
    pub points: Vec<(f64, f64)>,
    pub dotted: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum LayoutError {
    ParentOutOfRange {
        node: u32,
        parent: u32,
    },
    /// `node` lies on a cycle of parent links.
    Cycle {
        node: u32,
    },
    /// Indices are `u32`, with `u32::MAX` reserved.
    TooManyNodes {
        count: usize,
    },
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutError::ParentOutOfRange { node, parent } => {
                write!(f, "node {node} has parent {parent}, which is not a node")
            }
            LayoutError::Cycle { node } => write!(f, "node {node} is its own ancestor"),
            LayoutError::TooManyNodes { count } => {
                write!(f, "{count} nodes is more than a layout can index")
            }
        }
    }
}

impl std::error::Error for LayoutError {}

/// Lays out a forest: trees side by side in the input order of their roots.
pub fn layout_forest(nodes: &[NodeInput], opts: &LayoutOptions) -> Result<Layout, LayoutError> {
    let o = Opts::new(opts);
    let forest = forest::Forest::build(nodes)?;
    let w: Vec<f64> = nodes.iter().map(|n| clean(n.width)).collect();
    let h: Vec<f64> = nodes.iter().map(|n| clean(n.height)).collect();
    let aspect = opts.target_aspect.filter(|a| a.is_finite() && *a > 0.0);
    let plan = stack::plan(&forest, &w, &h, &o, aspect);
    if let Some(aspect) = aspect {
        let c = compact::arrange(&forest, &plan, &w, &h, &o, aspect);
        return Ok(Layout {
            x: c.x,
            y: c.y,
            connectors: c.connectors,
            bounds: c.bounds,
        });
    }
    let at = place::place(&forest, &plan, &w, &h, &o);
    let connectors = connectors::build(nodes, &forest, &plan, &at, &w, &h, &o);
    let bounds = bounds(&at, &plan, &w, &h);
    Ok(Layout {
        x: at.x,
        y: at.y,
        connectors,
        bounds,
    })
}

/// Routes dotted-line relationships `(from, to)` around a layout without moving any card.
///
/// `layout` must be what [`layout_forest`] returned for `nodes`. Each route leaves and enters
/// the cards a quarter-width off centre (a stacked leaf possibly through its side) and avoids
/// every card: through one free vertical corridor when there is one, else along the hierarchy
/// via the lowest common manager. Routes may cross other connectors. The result has one
/// connector per pair, in order; pairs naming a node outside the layout, or the same node
/// twice, are skipped.
pub fn route_dotted(layout: &Layout, nodes: &[NodeInput], pairs: &[(u32, u32)]) -> Vec<Connector> {
    dotted::route(layout, nodes, pairs)
}

/// Options with the degenerate values already mapped to safe ones, so the passes need no checks.
#[derive(Clone, Copy)]
pub(crate) struct Opts {
    pub sibling_gap: f64,
    pub level_gap: f64,
    pub root_gap: f64,
    pub stack_from: usize,
    pub stack_columns: usize,
    pub stack_gap: f64,
}

impl Opts {
    fn new(o: &LayoutOptions) -> Opts {
        Opts {
            sibling_gap: clean(o.sibling_gap),
            level_gap: clean(o.level_gap),
            root_gap: clean(o.root_gap),
            stack_from: o.stack_leaves_from.max(1),
            stack_columns: o.stack_columns.max(1),
            stack_gap: clean(o.stack_gap),
        }
    }
}

/// NaN or negative sizes would break the ordering the contour comparison relies on.
pub(crate) fn clean(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

fn bounds(at: &place::Placement, plan: &stack::StackPlan, w: &[f64], h: &[f64]) -> Rect {
    if at.x.is_empty() {
        return Rect::default();
    }
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for i in 0..at.x.len() {
        x0 = x0.min(at.x[i]);
        y0 = y0.min(at.y[i]);
        x1 = x1.max(at.x[i] + w[i]);
        y1 = y1.max(at.y[i] + h[i]);
    }
    // Buses and drops stay between cards; only a stack's spine lane can lie beyond them.
    for (block, bx) in plan.blocks.iter().zip(&at.block_x) {
        x0 = x0.min(bx + block.ink.0);
        x1 = x1.max(bx + block.ink.1);
    }
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}
