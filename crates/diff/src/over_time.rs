//! Headcount and cost per period in both scenarios, totalled in one reporting currency.
//!
//! Both sides are tabulated by `topograph_plan` with the same plan settings (the "from"
//! scenario's reporting currency and exchange rates, unless a report asks for another), so a
//! difference is a difference in people, never in rates.

use serde::{Deserialize, Serialize};
use topograph_model::{Org, PlanSettings};
use topograph_plan::{plan_table_in, Granularity, PlanCell, PlanOptions};

/// One scenario's figures for one period (the whole org).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodSide {
    /// Active people (and leavers until they go) there on the period's last day.
    pub headcount: u32,
    /// Open positions and planned hires counted from their target start.
    pub planned: u32,
    pub fte: f64,
    /// What the people there cost over the period, in the reporting currency.
    pub cost: f64,
    /// What the open positions and planned hires cost over the period once filled.
    pub planned_cost: f64,
}

impl From<&PlanCell> for PeriodSide {
    fn from(c: &PlanCell) -> Self {
        PeriodSide {
            headcount: c.headcount,
            planned: c.open_positions + c.planned_hires,
            fte: c.fte,
            cost: c.cost,
            planned_cost: c.planned_cost,
        }
    }
}

impl PeriodSide {
    /// The cost with the planned hires in, as a budget counts it.
    pub fn total_cost(&self) -> f64 {
        self.cost + self.planned_cost
    }
}

/// One period in both scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodShift {
    /// `2027-Q1` or `2027-01`.
    pub period: String,
    pub before: PeriodSide,
    pub after: PeriodSide,
}

/// Headcount and cost over time in both scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OverTime {
    pub by: Granularity,
    pub reporting_currency: String,
    /// In order.
    pub periods: Vec<PeriodShift>,
    /// People paid in a currency without an exchange rate, left out of the costs, per side.
    pub unconverted_before: u32,
    pub unconverted_after: u32,
}

/// The whole-org figures of `from` and `to` over the periods `options` names, in `settings`'
/// reporting currency.
pub fn over_time(from: &Org, to: &Org, options: &PlanOptions, settings: &PlanSettings) -> OverTime {
    let whole = PlanOptions {
        unit: None,
        ..options.clone()
    };
    let (a, b) = (
        plan_table_in(from, &whole, settings),
        plan_table_in(to, &whole, settings),
    );
    // Without a unit the last row is the whole org's.
    let cells = |t: &topograph_plan::PlanTable| -> Vec<PlanCell> {
        t.rows.last().map(|r| r.cells.clone()).unwrap_or_default()
    };
    let (x, y) = (cells(&a), cells(&b));
    let periods = a
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| PeriodShift {
            period: p.clone(),
            before: x.get(i).map(PeriodSide::from).unwrap_or_default(),
            after: y.get(i).map(PeriodSide::from).unwrap_or_default(),
        })
        .collect();
    OverTime {
        by: options.by,
        reporting_currency: settings.reporting_currency.clone(),
        periods,
        unconverted_before: a.unconverted,
        unconverted_after: b.unconverted,
    }
}
