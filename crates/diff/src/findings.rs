//! Which health findings one scenario has that the other has not.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use topograph_health::{EntityKind, Finding};

/// The findings that appear in the "to" scenario and those that disappear from the "from"
/// one; a finding is the same when its check and its subject are (its figures may differ).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FindingShifts {
    /// In the "to" scenario only; most severe first, then by check and subject name.
    pub appear: Vec<Finding>,
    /// In the "from" scenario only, in the same order.
    pub disappear: Vec<Finding>,
}

type Key<'a> = (&'a str, EntityKind, u32);

fn key(f: &Finding) -> Key<'_> {
    (f.check.as_str(), f.entity_kind, f.entity_id)
}

fn only_in(these: &[Finding], other: &[Finding]) -> Vec<Finding> {
    let theirs: HashSet<Key<'_>> = other.iter().map(key).collect();
    let mut out: Vec<Finding> = these
        .iter()
        .filter(|f| !theirs.contains(&key(f)))
        .cloned()
        .collect();
    out.sort_by(|a, b| {
        (a.severity, &a.check, &a.entity_name, a.entity_id).cmp(&(
            b.severity,
            &b.check,
            &b.entity_name,
            b.entity_id,
        ))
    });
    out
}

/// The findings of `to` missing from `from`, and the other way round.
pub fn shifts(from: &[Finding], to: &[Finding]) -> FindingShifts {
    FindingShifts {
        appear: only_in(to, from),
        disappear: only_in(from, to),
    }
}
