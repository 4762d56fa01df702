//! Actual effort per product area: where a design puts its people, to compare with the direction.
//!
//! The rule, defined only here (the app, the CLI, the checks and the exports all call
//! [`actual_effort`]):
//! - A unit's effort is the allocation-weighted FTE of its own seats (a person at 50% on a team
//!   counts 0.5 there); seats on child units count on those units, not on the parent.
//! - A unit spreads its effort over the areas it owns (weight 1 each) and the areas it contributes
//!   to (weight [`CONTRIBUTOR_WEIGHT`] each), in proportion to those weights.
//! - Only people who are here count (active or leaving); open positions and planned hires are
//!   spread the same way into `planned`, never into the actual figures.
//! - An area's `total` adds its own effort and that of every area below it; its `share` is that
//!   total as a percentage of all the scenario's counted effort (every seat on every unit), so
//!   effort of units that own nothing shows as `unplaced`, and shares add up to 100% of the
//!   top-level areas only when every unit with people owns or contributes to something.

use crate::ids::{AreaId, UnitId};
use crate::org::Org;
use crate::vocab::PersonStatus;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How much a contribution weighs against an ownership when a unit spreads its effort: a team
/// that contributes to an area spends less there than on what it owns.
pub const CONTRIBUTOR_WEIGHT: f64 = 0.5;

/// The effort that lands on one area.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AreaEffort {
    pub area: AreaId,
    /// FTE from the owning unit, on this area itself.
    pub owned: f64,
    /// FTE from contributing units, on this area itself.
    pub contributed: f64,
    /// Open positions and planned hires spread here, on this area itself.
    pub planned: f64,
    /// Owned and contributed FTE of this area and every area below it.
    pub total: f64,
    /// Planned FTE of this area and every area below it.
    pub total_planned: f64,
    /// `total` as a percentage of the scenario's counted effort.
    pub share: f64,
    /// Units contributing to this area itself (the owner not included).
    pub contributing_units: u32,
}

/// Actual effort per area, in area id order, with the scenario's totals.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Effort {
    pub areas: Vec<AreaEffort>,
    /// Every counted seat on every unit, in FTE: what the shares are a percentage of.
    pub counted: f64,
    /// The part of `counted` that lands on some area.
    pub placed: f64,
    /// Open positions and planned hires on every unit, in FTE.
    pub planned: f64,
}

impl Effort {
    pub fn area(&self, id: AreaId) -> Option<&AreaEffort> {
        self.areas
            .binary_search_by_key(&id, |a| a.area)
            .ok()
            .map(|i| &self.areas[i])
    }

    /// Counted effort on no area (units that own and contribute to nothing).
    pub fn unplaced(&self) -> f64 {
        (self.counted - self.placed).max(0.0)
    }
}

/// Computes the effort on every area of `org`; linear in its size.
pub fn actual_effort(org: &Org) -> Effort {
    // Each unit's (counted, planned) FTE from its own seats. Ordered, so that the sums below are
    // added in the same order every run and the same org always gives the same figures to the bit.
    let mut seats: BTreeMap<UnitId, (f64, f64)> = BTreeMap::new();
    let mut counted = 0.0;
    let mut planned = 0.0;
    for m in org.memberships() {
        let Some(p) = org.person(m.person) else {
            continue;
        };
        let fte = f64::from(m.allocation) / 100.0;
        let slot = seats.entry(m.unit).or_default();
        match p.status {
            PersonStatus::Active | PersonStatus::Leaving => {
                slot.0 += fte;
                counted += fte;
            }
            PersonStatus::OpenPosition | PersonStatus::PlannedHire => {
                slot.1 += fte;
                planned += fte;
            }
        }
    }

    let mut areas: Vec<AreaEffort> = org
        .areas()
        .map(|a| AreaEffort {
            area: a.id,
            owned: 0.0,
            contributed: 0.0,
            planned: 0.0,
            total: 0.0,
            total_planned: 0.0,
            share: 0.0,
            contributing_units: 0,
        })
        .collect();
    areas.sort_by_key(|a| a.area);
    let index: HashMap<AreaId, usize> =
        areas.iter().enumerate().map(|(i, a)| (a.area, i)).collect();
    let areas_len = areas.len();

    let mut placed = 0.0;
    for (&unit, &(fte, open)) in &seats {
        let owned: Vec<AreaId> = org.areas_owned_by(unit).collect();
        let contributed: Vec<AreaId> = org.contributions_of(unit).collect();
        let weight = owned.len() as f64 + CONTRIBUTOR_WEIGHT * contributed.len() as f64;
        if weight <= 0.0 {
            continue;
        }
        placed += fte;
        // A file from elsewhere may name areas that do not exist: they take no effort.
        for a in owned {
            if let Some(&i) = index.get(&a) {
                areas[i].owned += fte / weight;
                areas[i].planned += open / weight;
            }
        }
        for a in contributed {
            if let Some(&i) = index.get(&a) {
                areas[i].contributed += fte * CONTRIBUTOR_WEIGHT / weight;
                areas[i].planned += open * CONTRIBUTOR_WEIGHT / weight;
            }
        }
    }
    for c in org.contributors() {
        if let Some(&i) = index.get(&c.area) {
            areas[i].contributing_units += 1;
        }
    }

    // Roll up: children before parents, by depth. A chain longer than the number of areas is a
    // loop (a damaged file): the walk stops there instead of going round for ever.
    let depth = |mut id: AreaId| {
        let mut d = 0usize;
        while let Some(p) = org.area(id).and_then(|a| a.parent) {
            d += 1;
            if d > areas_len {
                break;
            }
            id = p;
        }
        d
    };
    let mut order: Vec<(usize, usize)> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| (depth(a.area), i))
        .collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    for a in &mut areas {
        a.total = a.owned + a.contributed;
        a.total_planned = a.planned;
    }
    for (_, i) in order {
        let (total, total_planned) = (areas[i].total, areas[i].total_planned);
        let parent = org.area(areas[i].area).and_then(|a| a.parent);
        if let Some(&p) = parent.and_then(|p| index.get(&p)) {
            areas[p].total += total;
            areas[p].total_planned += total_planned;
        }
    }
    for a in &mut areas {
        a.share = if counted > 0.0 {
            a.total / counted * 100.0
        } else {
            0.0
        };
    }
    Effort {
        areas,
        counted,
        placed,
        planned,
    }
}
