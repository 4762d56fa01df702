//! Automatic arrangement of the team map: nested boundaries, teams sized to their people, user placements.
//!
//! [`arrange_team_map`] takes units as a forest (groups and teams, nested to any depth) with the
//! number of person chips each holds, and returns a box per unit and a position per chip. The
//! arrangement follows the Team Topologies convention: inside every boundary, child groups
//! first, then stream-aligned teams left to right along the flow axis with enabling and
//! complicated-subsystem teams beside them, and platform teams (and groups made mostly of
//! platform teams) along the bottom. Each band is shelf-packed to a width chosen from the area
//! it holds, so a boundary stays close to the screen's shape however many teams it contains.
//!
//! A node with a user placement is drawn where the user put it, and everything inside it moves
//! with it; its slot in the automatic arrangement stays reserved so dragging one team never
//! reshuffles its neighbours. Boundaries grow to keep enclosing their placed contents.
//!
//! Input order decides the order within each band; the same input always gives the same result.

mod arrange;
mod pack;
mod route;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::{LayoutError, Rect};

pub use route::route_around;

/// What a unit is, as far as the arrangement cares (the Team Topologies team types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MapKind {
    Group,
    StreamAligned,
    Platform,
    Enabling,
    ComplicatedSubsystem,
}

/// One unit to arrange.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapNode {
    /// Index of the enclosing unit in the input slice; `None` at the top level.
    pub parent: Option<u32>,
    pub kind: MapKind,
    /// Person chips drawn inside this unit itself (not its children).
    pub chips: u32,
    /// The top-left corner the user dragged this unit to; wins over the arrangement.
    pub placed: Option<(f64, f64)>,
}

/// Sizes and spacing of the map. Negative or non-finite values count as zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapOptions {
    pub chip_width: f64,
    pub chip_height: f64,
    /// Space between chips of one team.
    pub chip_gap: f64,
    /// Inner margin of every box.
    pub padding: f64,
    /// Room for the unit's name above its contents.
    pub header: f64,
    /// Space between sibling boxes.
    pub gap: f64,
    /// Space between the bands of one boundary (groups, flow, platforms).
    pub band_gap: f64,
    /// Width over height that each packed band aims for.
    pub aspect: f64,
    /// Smallest box of a group without visible contents (empty or collapsed).
    pub empty_group_width: f64,
    pub empty_group_height: f64,
}

impl Default for MapOptions {
    /// Tuned for 150 x 28 chips, which fit a name and an allocation at a readable size.
    fn default() -> Self {
        MapOptions {
            chip_width: 150.0,
            chip_height: 28.0,
            chip_gap: 6.0,
            padding: 12.0,
            header: 30.0,
            gap: 20.0,
            band_gap: 36.0,
            aspect: 1.6,
            empty_group_width: 220.0,
            empty_group_height: 88.0,
        }
    }
}

/// The arranged map. Box `i` belongs to input node `i`; the chips of node 0 come first in
/// the chip columns, then those of node 1, and so on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMapLayout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub w: Vec<f64>,
    pub h: Vec<f64>,
    /// Index of node `i`'s first chip in the chip columns.
    pub chip_start: Vec<u32>,
    pub chip_x: Vec<f64>,
    pub chip_y: Vec<f64>,
    pub chip_width: f64,
    pub chip_height: f64,
    /// Encloses every box; its top-left is `(0, 0)` unless a placement lies above or left of it.
    pub bounds: Rect,
}

/// Arranges the units and their chips (see the module documentation).
pub fn arrange_team_map(
    nodes: &[MapNode],
    opts: &MapOptions,
) -> Result<TeamMapLayout, LayoutError> {
    arrange::arrange(nodes, &arrange::Sizes::new(opts))
}
