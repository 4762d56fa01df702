//! The shift in actual effort per product area from one scenario to another.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{actual_effort, AreaId, Org};

/// One area's actual effort (see `topograph_model::actual_effort`) in both scenarios; an area
/// missing from one side counts as zero there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EffortShift {
    pub area: AreaId,
    /// The name in `to`, or in `from` for an area deleted since.
    pub name: String,
    /// FTE on the area and everything below it.
    pub before_fte: f64,
    pub after_fte: f64,
    /// Percent of the scenario's counted effort.
    pub before_share: f64,
    pub after_share: f64,
    /// `after_share - before_share`, in percentage points.
    pub share_difference: f64,
    /// The target share in `to`, if any.
    pub target_share: Option<f64>,
}

impl EffortShift {
    /// Whether a person would notice: a tenth of a point of share or of an FTE.
    pub fn is_noticeable(&self) -> bool {
        self.share_difference.abs() >= 0.05 || (self.after_fte - self.before_fte).abs() >= 0.05
    }
}

/// Every area of either scenario, in area id order.
pub fn shifts(from: &Org, to: &Org) -> Vec<EffortShift> {
    let (a, b) = (actual_effort(from), actual_effort(to));
    let mut ids: BTreeMap<AreaId, ()> = BTreeMap::new();
    for e in a.areas.iter().chain(&b.areas) {
        ids.insert(e.area, ());
    }
    ids.into_keys()
        .map(|id| {
            let (x, y) = (a.area(id), b.area(id));
            let name = to
                .area(id)
                .or_else(|| from.area(id))
                .map(|r| r.name.clone())
                .unwrap_or_default();
            let before_share = x.map_or(0.0, |e| e.share);
            let after_share = y.map_or(0.0, |e| e.share);
            EffortShift {
                area: id,
                name,
                before_fte: x.map_or(0.0, |e| e.total),
                after_fte: y.map_or(0.0, |e| e.total),
                before_share,
                after_share,
                share_difference: after_share - before_share,
                target_share: to.area(id).and_then(|r| r.target_share),
            }
        })
        .collect()
}
