//! Budgets for every team, this year and next, in euros, with the exchange rates to total the
//! other pay currencies: next year's sits a little above or below what the team costs now, so a
//! generated plan has teams over and under budget.

use super::Gen;
use std::collections::BTreeMap;
use topograph_model::{Budget, Cost, PlanSettings};

mod topic {
    pub const NEXT_YEAR: u64 = 401;
}

/// The exchange rates the generator's pay currencies total with, in euros.
pub fn settings() -> PlanSettings {
    PlanSettings {
        reporting_currency: "EUR".to_string(),
        rates: BTreeMap::from([
            ("CAD".to_string(), 0.67),
            ("GBP".to_string(), 1.17),
            ("USD".to_string(), 0.92),
        ]),
    }
}

impl Gen {
    pub(super) fn budgets(&self) -> Vec<Budget> {
        let rates = settings();
        let mut out = Vec::new();
        for (t, team) in self.teams.iter().enumerate() {
            let (mut fte, mut cost) = (0.0, 0.0);
            for &s in &team.seats {
                let seat = &self.memberships[s];
                let person = &self.persons[seat.person.0 as usize - 1];
                let share = f64::from(seat.allocation) / 100.0;
                fte += share;
                cost += person
                    .cost
                    .as_ref()
                    .and_then(|c| rates.convert(c))
                    .unwrap_or(0.0)
                    * share;
            }
            // From 90% to 115% of today's cost, rounded to thousands.
            let next = 0.90 + self.dice.below(topic::NEXT_YEAR, t as u64, 26) as f64 / 100.0;
            let unit = self.unit_id(team.unit);
            for (year, factor, extra) in [(2026, 1.0, 0.0), (2027, next, 1.0)] {
                out.push(Budget {
                    unit,
                    period: year.to_string(),
                    headcount: Some((fte + extra).round()),
                    amount: Some(Cost {
                        amount: (cost * factor / 1000.0).round() * 1000.0,
                        currency: "EUR".to_string(),
                    }),
                });
            }
        }
        out.sort_by(|a, b| (a.unit, &a.period).cmp(&(b.unit, &b.period)));
        out
    }
}
