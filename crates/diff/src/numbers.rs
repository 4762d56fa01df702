//! The numbers of two scenarios side by side: headcount, open positions, cost, teams, span, layers.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use topograph_model::{Org, PersonId, PersonStatus, UnitKind};

/// One figure in both scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Number {
    /// Stable key ("headcount", "cost-EUR", "health-warning", ...).
    pub key: String,
    pub label: String,
    pub before: f64,
    pub after: f64,
    /// `after - before`.
    pub difference: f64,
}

impl Number {
    pub fn new(
        key: impl Into<String>,
        label: impl Into<String>,
        before: f64,
        after: f64,
    ) -> Number {
        Number {
            key: key.into(),
            label: label.into(),
            before,
            after,
            difference: after - before,
        }
    }
}

pub type Numbers = Vec<Number>;

/// The figures of one scenario.
struct Figures {
    headcount: usize,
    open_positions: usize,
    cost: BTreeMap<String, f64>,
    teams: usize,
    average_span: f64,
    layers: u32,
}

impl Figures {
    fn of(org: &Org) -> Figures {
        let mut cost = BTreeMap::new();
        let (mut headcount, mut open_positions) = (0, 0);
        for p in org.persons() {
            match p.status {
                PersonStatus::Active | PersonStatus::Leaving => headcount += 1,
                PersonStatus::OpenPosition => open_positions += 1,
                PersonStatus::PlannedHire => {}
            }
            if let Some(c) = &p.cost {
                *cost.entry(c.currency.clone()).or_insert(0.0) += c.amount;
            }
        }
        let managers = org
            .persons()
            .map(|p| org.report_count(p.id))
            .filter(|&n| n > 0)
            .fold((0usize, 0usize), |(m, r), n| (m + 1, r + n));
        Figures {
            headcount,
            open_positions,
            cost,
            teams: org.units().filter(|u| u.kind != UnitKind::Group).count(),
            average_span: if managers.0 == 0 {
                0.0
            } else {
                managers.1 as f64 / managers.0 as f64
            },
            layers: layers(org),
        }
    }
}

/// How many levels the deepest reporting chain has (a lone person is one layer).
fn layers(org: &Org) -> u32 {
    let mut depth: HashMap<PersonId, u32> = HashMap::with_capacity(org.person_count());
    let mut chain = Vec::new();
    let mut deepest = 0;
    for p in org.persons() {
        // Walk up to the first person whose depth is known, then fill the chain in on the way
        // back down, so each person is visited a bounded number of times.
        let mut at = Some(p.id);
        let mut base = 0;
        while let Some(id) = at {
            if let Some(&d) = depth.get(&id) {
                base = d;
                break;
            }
            chain.push(id);
            at = org.person(id).and_then(|q| q.manager);
        }
        while let Some(id) = chain.pop() {
            base += 1;
            depth.insert(id, base);
        }
        deepest = deepest.max(depth[&p.id]);
    }
    deepest
}

/// The figures of `a` and `b` with their differences.
pub fn side_by_side(a: &Org, b: &Org) -> Numbers {
    let (x, y) = (Figures::of(a), Figures::of(b));
    let mut rows = vec![
        Number::new(
            "headcount",
            "Headcount",
            x.headcount as f64,
            y.headcount as f64,
        ),
        Number::new(
            "open-positions",
            "Open positions",
            x.open_positions as f64,
            y.open_positions as f64,
        ),
    ];
    let mut currencies: Vec<&String> = x.cost.keys().chain(y.cost.keys()).collect();
    currencies.sort();
    currencies.dedup();
    for c in currencies {
        rows.push(Number::new(
            format!("cost-{c}"),
            format!("Cost ({c})"),
            x.cost.get(c).copied().unwrap_or(0.0),
            y.cost.get(c).copied().unwrap_or(0.0),
        ));
    }
    rows.push(Number::new(
        "teams",
        "Teams",
        x.teams as f64,
        y.teams as f64,
    ));
    rows.push(Number::new(
        "average-span",
        "Average span of control",
        x.average_span,
        y.average_span,
    ));
    rows.push(Number::new(
        "layers",
        "Management layers",
        x.layers as f64,
        y.layers as f64,
    ));
    rows
}
