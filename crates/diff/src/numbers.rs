//! The numbers of two scenarios side by side: headcount, open positions, cost, teams, span, layers.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{IdIndex, Org, PersonStatus, UnitKind};

/// One figure in both scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the model's types of the same name in the generated TypeScript.
#[serde(rename = "DiffNumber")]
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
                // Looked up by &str first: cloning the currency for every person adds up.
                match cost.get_mut(c.currency.as_str()) {
                    Some(sum) => *sum += c.amount,
                    None => {
                        cost.insert(c.currency.clone(), c.amount);
                    }
                }
            }
        }
        let (average_span, layers) = span_and_layers(org);
        Figures {
            headcount,
            open_positions,
            cost,
            teams: org.units().filter(|u| u.kind != UnitKind::Group).count(),
            average_span,
            layers,
        }
    }
}

/// The average number of direct reports of people who have any, and how many levels the
/// deepest reporting chain has (a lone person is one layer). Works on arrays indexed by record
/// position rather than the org's maps: at 100k people the lookups would dominate. Positions,
/// not ids, size the arrays, so ids near `u32::MAX` from a file cost nothing; a reporting loop
/// (which only a damaged file has) counts as deep as the people on it and no deeper.
fn span_and_layers(org: &Org) -> (f64, u32) {
    const NONE: u32 = u32::MAX;
    let index = IdIndex::new(org.persons().map(|p| p.id.0));
    let size = org.persons().len();
    let mut manager = vec![NONE; size];
    let mut reports = vec![0u32; size];
    for (i, p) in org.persons().enumerate() {
        if let Some(m) = p.manager.and_then(|m| index.get(m.0)) {
            manager[i] = m as u32;
            reports[m] += 1;
        }
    }
    let (managers, total) = reports
        .iter()
        .filter(|&&r| r > 0)
        .fold((0u64, 0u64), |(m, t), &r| (m + 1, t + u64::from(r)));
    let span = if managers == 0 {
        0.0
    } else {
        total as f64 / managers as f64
    };
    // Walk up to the first person whose depth is known, then fill the chain in on the way back
    // down, so each person is visited a bounded number of times. `on_chain` stops the climb at a
    // loop: the person met again is taken as the top.
    const ON_CHAIN: u32 = u32::MAX;
    let mut depth = vec![0u32; size];
    let mut chain = Vec::new();
    let mut deepest = 0;
    for i in 0..size {
        let mut at = i as u32;
        let mut base = 0;
        while at != NONE {
            match depth[at as usize] {
                0 => {}
                ON_CHAIN => break,
                d => {
                    base = d;
                    break;
                }
            }
            depth[at as usize] = ON_CHAIN;
            chain.push(at);
            at = manager[at as usize];
        }
        while let Some(id) = chain.pop() {
            base += 1;
            depth[id as usize] = base;
        }
        deepest = deepest.max(depth[i]);
    }
    (span, deepest)
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
