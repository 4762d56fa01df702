//! What the sample and the generator share: locations with their currencies, pay by level,
//! dates, and the Team Topologies colours.

use topograph_model::{Cost, UnitKind};

/// An office (or "Remote") with the currency it pays in and its pay relative to New York.
pub struct Location {
    pub name: &'static str,
    pub currency: &'static str,
    /// Pay in the local currency relative to the New York figure in dollars, in per mille.
    pub pay_per_mille: u32,
}

pub const BERLIN: usize = 0;
pub const LISBON: usize = 1;
pub const LONDON: usize = 2;
pub const NEW_YORK: usize = 3;
pub const TORONTO: usize = 4;
pub const AMSTERDAM: usize = 5;
pub const REMOTE: usize = 6;

pub const LOCATIONS: &[Location] = &[
    Location {
        name: "Berlin",
        currency: "EUR",
        pay_per_mille: 560,
    },
    Location {
        name: "Lisbon",
        currency: "EUR",
        pay_per_mille: 400,
    },
    Location {
        name: "London",
        currency: "GBP",
        pay_per_mille: 600,
    },
    Location {
        name: "New York",
        currency: "USD",
        pay_per_mille: 1000,
    },
    Location {
        name: "Toronto",
        currency: "CAD",
        pay_per_mille: 950,
    },
    Location {
        name: "Amsterdam",
        currency: "EUR",
        pay_per_mille: 620,
    },
    Location {
        name: "Remote",
        currency: "USD",
        pay_per_mille: 820,
    },
];

/// Fully loaded annual cost in New York dollars for a level (IC L3-L8, manager M1-M6).
fn base_pay(level: &str) -> u32 {
    match level {
        "L2" => 95_000,
        "L3" => 125_000,
        "L4" => 155_000,
        "L5" => 195_000,
        "L6" => 240_000,
        "L7" => 285_000,
        "L8" => 330_000,
        "M1" => 230_000,
        "M2" => 265_000,
        "M3" => 310_000,
        "M4" => 360_000,
        "M5" => 420_000,
        "M6" => 520_000,
        _ => 150_000,
    }
}

/// The annual cost of someone at `level` in `location`; `spread` (-100..=100 per mille) keeps
/// two people on the same level from costing exactly the same. Contractors cost a fifth more.
pub fn cost(level: &str, location: usize, spread: i32, contractor: bool) -> Cost {
    let loc = &LOCATIONS[location];
    let mut amount = base_pay(level) as f64 * loc.pay_per_mille as f64 / 1000.0;
    amount *= 1.0 + spread as f64 / 1000.0;
    if contractor {
        amount *= 1.2;
    }
    Cost {
        amount: (amount / 500.0).round() * 500.0,
        currency: loc.currency.to_string(),
    }
}

/// An ISO date; `day` is kept to 1-28 so every month has it.
pub fn date(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{:02}", day.clamp(1, 28))
}

/// Months since year 0 as (year, month).
pub fn from_months(months: u32) -> (u32, u32) {
    (months / 12, months % 12 + 1)
}

pub fn to_months(year: u32, month: u32) -> u32 {
    year * 12 + month - 1
}

/// The Team Topologies shape-template colour of a team type (groups get a neutral grey).
pub fn kind_colour(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::StreamAligned => "#f9d46b",
        UnitKind::Platform => "#8fb8de",
        UnitKind::Enabling => "#c5a3d9",
        UnitKind::ComplicatedSubsystem => "#f0a868",
        UnitKind::Group => "#b8bec6",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_rounded_local_amounts() {
        let c = cost("L5", BERLIN, 0, false);
        assert_eq!(c.currency, "EUR");
        assert_eq!(c.amount, 109_000.0);
        let c = cost("L5", NEW_YORK, 0, true);
        assert_eq!((c.amount, c.currency.as_str()), (234_000.0, "USD"));
    }

    #[test]
    fn dates_are_iso_and_valid() {
        assert_eq!(date(2026, 2, 31), "2026-02-28");
        assert_eq!(from_months(to_months(2026, 12) + 1), (2027, 1));
    }
}
