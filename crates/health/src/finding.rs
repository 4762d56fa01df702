//! What a check reports: one finding about one entity, with the value it measured and the threshold it broke.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much a finding matters; `topograph check` fails on errors only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a finding is about; the id is the model's id of that kind (0 for the whole org).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Org,
    Person,
    Unit,
    Area,
    Interaction,
}

/// One problem (or, for informational checks, one fact) about one entity.
/// The JSON keys are a public interface (`topograph check --format json`): add, never rename.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    /// The check's stable id, e.g. `team-size`.
    pub check: String,
    pub severity: Severity,
    pub entity_kind: EntityKind,
    pub entity_id: u32,
    pub entity_name: String,
    pub message: String,
    /// What the check measured (reports, people, percent, ...).
    pub value: f64,
    /// The threshold it was measured against, as people read it ("5-9", "<= 100%").
    pub threshold: String,
    /// Where the threshold comes from.
    pub source: String,
}

/// Counts by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Summary {
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}
