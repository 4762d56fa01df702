//! Which findings appear, go or change over the coming quarters: the checks run on the org as it
//! will be on the first day of each month ahead (leavers gone, hires in, dated changes applied),
//! each month compared with the one before. Months, not every dated event: a plan is read by the
//! month ("from 2027-03: Payments is missing a designer"), and twelve passes bound the cost.

use crate::{check, EntityKind, Finding, Settings};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{Date, Org};

/// What happens to a finding from a month on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Turn {
    /// Found from this month on, not the month before.
    Appears,
    /// Still found, but what it says changed (another role missing, another count).
    Changes,
    /// Found the month before, no longer.
    Resolves,
}

/// One finding turning in one month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingTurn {
    /// The month it turns in, `YYYY-MM`.
    pub month: String,
    /// The first day of that month, `YYYY-MM-DD`: the day the checks ran on.
    pub day: String,
    pub turn: Turn,
    /// The finding as found that month (for `resolves`, as last found the month before).
    pub finding: Finding,
}

/// The findings that turn over the next `quarters` quarters after `from`, in month order (then
/// appears, changes, resolves; then severity, check and entity as [`check`] sorts them).
/// `from` is compared first: the org on `from` is the starting point, not a change.
pub fn timeline(org: &Org, settings: &Settings, from: Date, quarters: u32) -> Vec<FindingTurn> {
    // Moved on month by month: `advance` drops what it applied, so each month applies only the
    // events since the last one (the same order `as_of` would apply them in from scratch).
    let mut moving = org.clone();
    moving.advance(from);
    let mut before = keyed(check(&moving.as_of(from).org, settings, from));
    let mut turns = Vec::new();
    let first = Date { day: 1, ..from };
    for m in 1..=quarters.saturating_mul(3) {
        let day = first.add_months(m);
        moving.advance(day);
        let now = keyed(check(&moving.as_of(day).org, settings, day));
        let month = format!("{:04}-{:02}", day.year, day.month);
        let mut turn = |turn: Turn, finding: &Finding| {
            turns.push(FindingTurn {
                month: month.clone(),
                day: day.to_string(),
                turn,
                finding: finding.clone(),
            });
        };
        let mut here: Vec<(Turn, &Finding)> = Vec::new();
        for (key, f) in &now {
            match before.get(key) {
                None => here.push((Turn::Appears, f)),
                Some(old) if old.message != f.message || old.severity != f.severity => {
                    here.push((Turn::Changes, f))
                }
                Some(_) => {}
            }
        }
        for (key, f) in &before {
            if !now.contains_key(key) {
                here.push((Turn::Resolves, f));
            }
        }
        here.sort_by_key(|(t, f)| (*t, f.severity));
        for (t, f) in here {
            turn(t, f);
        }
        before = now;
    }
    turns
}

type Key = (String, EntityKind, u32);

/// Findings by what they are about: one check on one entity.
fn keyed(findings: Vec<Finding>) -> BTreeMap<Key, Finding> {
    findings
        .into_iter()
        .map(|f| ((f.check.clone(), f.entity_kind, f.entity_id), f))
        .collect()
}
