//! The records of the plan over time: budgets per unit and period, changes that take effect on a
//! date, and the exchange rates that total costs in one currency.

use crate::date::Date;
use crate::entities::Cost;
use crate::error::{err_in, Result};
use crate::ids::{PersonId, UnitId};
use crate::ops::Op;
use crate::vocab::TeamRole;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A stretch of the calendar a budget or a plan column covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    /// 1-4.
    Quarter(i32, u32),
    /// 1-12.
    Month(i32, u32),
}

impl Period {
    /// Reads `2027`, `2027-Q3` or `2027-07`.
    pub fn parse(text: &str) -> Option<Period> {
        let t = text.trim();
        let year = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if let Some(y) = year(t) {
            return Some(Period::Year(y));
        }
        let (y, rest) = t.split_once('-')?;
        let y = year(y)?;
        if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
            let q: u32 = (q.len() == 1).then(|| q.parse().ok()).flatten()?;
            return (1..=4).contains(&q).then_some(Period::Quarter(y, q));
        }
        let m: u32 = (rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()))
            .then(|| rest.parse().ok())
            .flatten()?;
        (1..=12).contains(&m).then_some(Period::Month(y, m))
    }

    /// The first day of the period.
    pub fn first_day(self) -> Date {
        let (year, month) = match self {
            Period::Year(y) => (y, 1),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1),
            Period::Month(y, m) => (y, m),
        };
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The first day after the period.
    pub fn end(self) -> Date {
        let months = match self {
            Period::Year(_) => 12,
            Period::Quarter(..) => 3,
            Period::Month(..) => 1,
        };
        self.first_day().add_months(months)
    }

    /// The period of the same kind that follows this one.
    pub fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// The quarter holding `date`.
    pub fn quarter_of(date: Date) -> Period {
        Period::Quarter(date.year, (date.month - 1) / 3 + 1)
    }

    /// The month holding `date`.
    pub fn month_of(date: Date) -> Period {
        Period::Month(date.year, date.month)
    }

    /// Whether `date` falls inside the period.
    pub fn contains(self, date: Date) -> bool {
        self.first_day() <= date && date < self.end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
        }
    }
}

/// The day a target start (`YYYY-MM`, `YYYY-Qn` or a full date) begins: its first day.
pub fn target_start_day(text: &str) -> Option<Date> {
    match Period::parse(text) {
        Some(Period::Month(..) | Period::Quarter(..)) => Period::parse(text).map(Period::first_day),
        Some(Period::Year(_)) => None,
        None => Date::parse(text).filter(|_| crate::validate::check_date("", text).is_ok()),
    }
}

/// A unit's budget for one period (a year or a quarter): a headcount, an amount, or both.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Budget {
    pub unit: UnitId,
    /// `YYYY` or `YYYY-Qn`.
    pub period: String,
    /// The people the unit may have (FTE) in the period.
    pub headcount: Option<f64>,
    /// What the unit may spend over the period, in a currency the document has a rate for.
    pub amount: Option<Cost>,
}

/// A change that takes effect on a day; without a date a change is already true, so only moves
/// planned for later are kept here. The org as of a day is the current org with every dated
/// change on or before that day applied, in date order (ties by id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DatedChange {
    /// Unique within the document, from the same counter as every other record id.
    pub id: u32,
    /// The day it takes effect, YYYY-MM-DD.
    pub date: String,
    pub change: DatedOp,
}

/// The edits that can be planned for a day: changes of manager or team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum DatedOp {
    SetManager {
        person: PersonId,
        manager: PersonId,
    },
    ClearManager {
        person: PersonId,
    },
    MoveSubtree {
        person: PersonId,
        manager: Option<PersonId>,
    },
    SetMembership {
        person: PersonId,
        unit: UnitId,
        allocation: u32,
        role: TeamRole,
    },
    RemoveMembership {
        person: PersonId,
        unit: UnitId,
    },
    MoveUnit {
        id: UnitId,
        parent: Option<UnitId>,
    },
}

impl DatedOp {
    /// The ordinary operation this change performs on its day.
    pub fn to_op(&self) -> Op {
        match self.clone() {
            DatedOp::SetManager { person, manager } => Op::SetManager { person, manager },
            DatedOp::ClearManager { person } => Op::ClearManager { person },
            DatedOp::MoveSubtree { person, manager } => Op::MoveSubtree { person, manager },
            DatedOp::SetMembership {
                person,
                unit,
                allocation,
                role,
            } => Op::SetMembership {
                person,
                unit,
                allocation,
                role,
            },
            DatedOp::RemoveMembership { person, unit } => Op::RemoveMembership { person, unit },
            DatedOp::MoveUnit { id, parent } => Op::MoveUnit { id, parent },
        }
    }

    /// The people and units it names, which must exist when it is planned.
    pub fn references(&self) -> (Vec<PersonId>, Vec<UnitId>) {
        match self {
            DatedOp::SetManager { person, manager } => (vec![*person, *manager], vec![]),
            DatedOp::ClearManager { person } => (vec![*person], vec![]),
            DatedOp::MoveSubtree { person, manager } => {
                (std::iter::once(*person).chain(*manager).collect(), vec![])
            }
            DatedOp::SetMembership { person, unit, .. }
            | DatedOp::RemoveMembership { person, unit } => (vec![*person], vec![*unit]),
            DatedOp::MoveUnit { id, parent } => {
                (vec![], std::iter::once(*id).chain(*parent).collect())
            }
        }
    }
}

/// How costs total in one currency: the reporting currency and, for every other currency in
/// use, what one unit of it is worth in the reporting currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanSettings {
    pub reporting_currency: String,
    #[serde(default)]
    pub rates: BTreeMap<String, f64>,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            reporting_currency: "EUR".to_string(),
            rates: BTreeMap::new(),
        }
    }
}

impl PlanSettings {
    /// What one unit of `currency` is worth in the reporting currency; `None` for a currency
    /// without a rate.
    pub fn rate(&self, currency: &str) -> Option<f64> {
        if currency == self.reporting_currency {
            Some(1.0)
        } else {
            self.rates.get(currency).copied()
        }
    }

    /// `amount` in the reporting currency, when there is a rate for its currency.
    pub fn convert(&self, cost: &Cost) -> Option<f64> {
        self.rate(&cost.currency).map(|r| cost.amount * r)
    }

    /// The same rates with `currency` as the reporting currency (a report in USD from a document
    /// kept in EUR): every rate is divided by `currency`'s. Refused with the field `currency`
    /// when the document has no rate for it.
    pub fn reported_in(&self, currency: &str) -> Result<PlanSettings> {
        let code = currency.trim().to_ascii_uppercase();
        let Some(base) = self.rate(&code) else {
            return err_in(
                "currency",
                format!(
                    "currency '{code}' is unknown: the document has no exchange rate for it to {} \
                     (add one in the plan settings)",
                    self.reporting_currency
                ),
            );
        };
        let mut rates: BTreeMap<String, f64> = self
            .rates
            .iter()
            .filter(|(c, _)| **c != code)
            .map(|(c, r)| (c.clone(), r / base))
            .collect();
        if code != self.reporting_currency {
            rates.insert(self.reporting_currency.clone(), 1.0 / base);
        }
        Ok(PlanSettings {
            reporting_currency: code,
            rates,
        })
    }
}

fn is_currency_code(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Normalises and checks plan settings: ISO codes, positive finite rates.
pub fn validate_settings(s: &mut PlanSettings) -> Result<()> {
    s.reporting_currency = s.reporting_currency.trim().to_ascii_uppercase();
    if !is_currency_code(&s.reporting_currency) {
        return err_in(
            "reporting_currency",
            format!(
                "reporting currency '{}' must be a three-letter ISO code such as EUR or USD",
                s.reporting_currency
            ),
        );
    }
    let rates = std::mem::take(&mut s.rates);
    for (code, rate) in rates {
        let code = code.trim().to_ascii_uppercase();
        if !is_currency_code(&code) {
            return err_in(
                "rates",
                format!("currency '{code}' must be a three-letter ISO code such as EUR or USD"),
            );
        }
        if !rate.is_finite() || rate <= 0.0 {
            return err_in(
                "rates",
                format!("the rate of {code} must be a number above zero, not {rate}"),
            );
        }
        if code != s.reporting_currency {
            s.rates.insert(code, rate);
        }
    }
    Ok(())
}

/// Normalises and checks a budget's own fields; its currency must be one `settings` can total.
pub fn validate_budget(b: &mut Budget, settings: &PlanSettings) -> Result<()> {
    b.period = b.period.trim().to_ascii_uppercase();
    match Period::parse(&b.period) {
        Some(Period::Year(_) | Period::Quarter(..)) => {}
        _ => {
            return err_in(
                "period",
                format!(
                    "budget period '{}' is not a year (2027) or a quarter (2027-Q3)",
                    b.period
                ),
            )
        }
    }
    if let Some(h) = b.headcount {
        if !h.is_finite() || h < 0.0 {
            return err_in(
                "headcount",
                format!("a budget headcount must be zero or more, not {h}"),
            );
        }
    }
    if let Some(c) = &mut b.amount {
        c.currency = c.currency.trim().to_ascii_uppercase();
        if !c.amount.is_finite() || c.amount < 0.0 {
            return err_in(
                "amount",
                format!("a budget amount must be zero or more, not {}", c.amount),
            );
        }
        if settings.rate(&c.currency).is_none() {
            return err_in(
                "currency",
                format!(
                    "currency '{}' is unknown: the document has no exchange rate for it to {} \
                     (add one in the plan settings)",
                    c.currency, settings.reporting_currency
                ),
            );
        }
    }
    if b.headcount.is_none() && b.amount.is_none() {
        return err_in("headcount", "a budget needs a headcount, an amount or both");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_reported_in_another_currency_go_through_its_rate() {
        let eur = PlanSettings {
            reporting_currency: "EUR".into(),
            rates: [("USD".to_string(), 0.5), ("GBP".to_string(), 1.25)].into(),
        };
        let usd = eur.reported_in("usd").unwrap();
        assert_eq!(usd.reporting_currency, "USD");
        let cost = |amount: f64, currency: &str| Cost {
            amount,
            currency: currency.into(),
        };
        // 100 EUR is 200 USD; 100 GBP is 125 EUR, so 250 USD; USD stays itself.
        assert_eq!(usd.convert(&cost(100.0, "EUR")), Some(200.0));
        assert_eq!(usd.convert(&cost(100.0, "GBP")), Some(250.0));
        assert_eq!(usd.convert(&cost(100.0, "USD")), Some(100.0));
        assert_eq!(eur.reported_in("EUR").unwrap(), eur);
    }

    #[test]
    fn a_report_in_a_currency_without_a_rate_is_refused_naming_it() {
        let e = PlanSettings::default().reported_in("JPY").unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::InvalidValue);
        assert_eq!(e.field.as_deref(), Some("currency"));
        assert!(
            e.message.contains("'JPY'") && e.message.contains("EUR"),
            "{}",
            e.message
        );
    }

    #[test]
    fn periods_read_and_write_the_same_spelling() {
        for p in ["2027", "2027-Q3", "2027-07"] {
            assert_eq!(Period::parse(p).unwrap().to_string(), p);
        }
        for bad in ["27", "2027-Q5", "2027-13", "2027-7", "soon", "2027-Q"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_quarter_runs_from_its_first_day_to_the_first_day_of_the_next() {
        let q = Period::parse("2027-Q4").unwrap();
        assert_eq!(q.first_day().to_string(), "2027-10-01");
        assert_eq!(q.end().to_string(), "2028-01-01");
        assert_eq!(q.next().to_string(), "2028-Q1");
        assert!(q.contains(Date::parse("2027-12-31").unwrap()));
        assert!(!q.contains(Date::parse("2028-01-01").unwrap()));
    }

    #[test]
    fn a_target_start_is_a_month_a_quarter_or_a_day() {
        assert_eq!(
            target_start_day("2027-Q2").unwrap().to_string(),
            "2027-04-01"
        );
        assert_eq!(
            target_start_day("2027-05").unwrap().to_string(),
            "2027-05-01"
        );
        assert_eq!(
            target_start_day("2027-05-17").unwrap().to_string(),
            "2027-05-17"
        );
        assert_eq!(target_start_day("2027"), None);
        assert_eq!(target_start_day("2027-02-30"), None);
        assert_eq!(target_start_day("next spring"), None);
    }
}
