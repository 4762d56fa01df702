//! Comparing two scenarios of an org entity by entity: the change list, the numbers side by side, the people impact per manager, and their exports.
//!
//! Records are matched by id, never by name: an entity keeps its id in every scenario forked
//! from another, so a renamed team is a rename and a moved person is a move.

mod changes;
mod effort;
mod export;
mod findings;
mod impact;
mod numbers;
mod over_time;
mod pairs;
mod records;

pub use changes::{Change, ChangeGroup, ChangeKind, Entity, Ref};
pub use effort::EffortShift;
pub use export::{to_csv, to_markdown, to_text};
pub use findings::FindingShifts;
pub use impact::{ManagerImpact, Mover};
pub use numbers::{Number, Numbers};
pub use over_time::{OverTime, PeriodShift, PeriodSide};
pub use records::{change_count, record_changes};

use serde::{Deserialize, Serialize};
use topograph_health::{Date, Summary};
use topograph_model::{CheckSettings, Org, PlanSettings, Result};
use topograph_plan::PlanOptions;

/// Everything that differs from one scenario (`from`) to another (`to`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Diff {
    /// The name of the scenario compared from (usually the baseline).
    pub from: String,
    /// The name of the scenario compared to (usually a proposal).
    pub to: String,
    /// Grouped by kind (in [`ChangeKind::ALL`] order), then by entity id.
    pub changes: Vec<Change>,
    pub numbers: Numbers,
    /// Managers whose direct reports change, in name order.
    pub impact: Vec<ManagerImpact>,
    /// Actual effort per product area in both scenarios, in area id order (every area of
    /// either side, changed or not).
    #[serde(default)]
    pub effort: Vec<EffortShift>,
    /// Headcount and cost per period in both scenarios, in one reporting currency
    /// ([`Diff::with_over_time`]).
    #[serde(default)]
    pub over_time: Option<OverTime>,
    /// The health findings that appear and disappear ([`Diff::with_health`]).
    #[serde(default)]
    pub findings: FindingShifts,
}

impl Diff {
    /// Compares two orgs; the names only label the result.
    pub fn between(from_name: &str, from: &Org, to_name: &str, to: &Org) -> Diff {
        Diff {
            from: from_name.to_string(),
            to: to_name.to_string(),
            changes: changes::compare(from, to),
            numbers: numbers::side_by_side(from, to),
            impact: impact::per_manager(from, to),
            effort: effort::shifts(from, to),
            over_time: None,
            findings: FindingShifts::default(),
        }
    }

    /// Adds headcount and cost per period (the periods `options` names) of both scenarios,
    /// costs totalled with `settings`.
    pub fn with_over_time(
        mut self,
        from: &Org,
        to: &Org,
        options: &PlanOptions,
        settings: &PlanSettings,
    ) -> Diff {
        self.over_time = Some(over_time::over_time(from, to, options, settings));
        self
    }

    /// Adds the health-check counts by severity of both scenarios to the numbers, and which
    /// findings appear and disappear, checked with the document's settings as of `today`.
    pub fn with_health(
        mut self,
        from: &Org,
        to: &Org,
        settings: &CheckSettings,
        today: Date,
    ) -> Result<Diff> {
        let (a, b) = (
            topograph_health::check_with(from, settings, today)?,
            topograph_health::check_with(to, settings, today)?,
        );
        self.findings = findings::shifts(&a, &b);
        let (x, y) = (Summary::of(&a), Summary::of(&b));
        for (key, label, before, after) in [
            ("health-error", "Health: errors", x.errors, y.errors),
            ("health-warning", "Health: warnings", x.warnings, y.warnings),
            ("health-info", "Health: notes", x.infos, y.infos),
        ] {
            self.numbers
                .push(Number::new(key, label, f64::from(before), f64::from(after)));
        }
        Ok(self)
    }

    /// Whether nothing a person would notice changed (the numbers are then equal too).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes of one kind.
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }
}
