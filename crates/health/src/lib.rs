//! Org health checks: what the org-design literature knows, applied to an org after every edit.
//!
//! [`check`] runs every switched-on check over one scenario's [`Org`] and returns the findings,
//! sorted by severity, check and entity. Each check has a stable kebab-case id, a default
//! threshold with its source and a one-sentence reason ([`catalogue`]); a document's
//! [`CheckSettings`] switch checks off, change thresholds or pick a span-of-control preset
//! ([`Settings::resolve`] validates them). A full pass is linear in the size of the org, fast
//! enough to run after every operation (see `benches/health.rs`).

mod catalogue;
mod checks;
mod finding;
mod settings;
mod timeline;

pub use catalogue::{catalogue, CheckInfo, ThresholdInfo, CHECKS};
pub use finding::{EntityKind, Finding, Severity, Summary};
pub use settings::{settings_op, Settings, SpanPreset, SPAN_PRESETS};
pub use timeline::{timeline, FindingTurn, Turn};
/// Re-exported: the checks take "today" as a model date.
pub use topograph_model::Date;

use topograph_model::{CheckSettings, Org};

/// Every finding of the switched-on checks, errors first, then by check and entity.
/// `today` decides which interactions are past their expected end.
pub fn check(org: &Org, settings: &Settings, today: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    checks::run_all(org, settings, today, &mut findings);
    let rank = |id: &str| CHECKS.iter().position(|c| c.id == id).unwrap_or(usize::MAX);
    findings.sort_by_cached_key(|f| (f.severity, rank(&f.check), f.entity_kind, f.entity_id));
    findings
}

/// [`check`] with a document's stored settings.
pub fn check_with(
    org: &Org,
    settings: &CheckSettings,
    today: Date,
) -> topograph_model::Result<Vec<Finding>> {
    Ok(check(org, &Settings::resolve(settings)?, today))
}
