//! A document's settings of the health checks: which are switched off and which thresholds differ from the defaults.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Only the differences from the defaults are stored, so a document written today picks up a
/// better default tomorrow for every threshold the user never touched. What the check ids,
/// threshold names and presets mean is the business of topograph-health, which validates them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckSettings {
    /// Ids of the checks switched off.
    #[serde(default)]
    pub disabled: BTreeSet<String>,
    /// Threshold overrides: check id -> threshold name -> value.
    #[serde(default)]
    pub thresholds: BTreeMap<String, BTreeMap<String, f64>>,
    /// A McKinsey span-of-control archetype whose range replaces the span defaults.
    #[serde(default)]
    pub span_preset: Option<String>,
}
