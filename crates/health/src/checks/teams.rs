//! Checks of teams and groups: size, product trio, engineers per product manager, team-type mix, roll-ups.

use super::{is_filled, num, plural, range, Report, Run};
use crate::catalogue::{ENGINEERS_PER_PM, PRODUCT_TRIO, ROLLUPS, TEAM_SIZE, TEAM_TYPE_MIX};
use crate::finding::EntityKind;
use std::collections::HashMap;
use topograph_model::{Org, TeamRole, Unit, UnitId, UnitKind};

/// Allocation-weighted sums over a unit's members (a group's include everything below it).
#[derive(Clone, Default)]
struct Tally<'a> {
    /// People who are here now, in full-time equivalents.
    people: f64,
    /// Open positions and planned hires, each counted once.
    open: f64,
    engineers: f64,
    product_managers: f64,
    /// Per currency, allocation-weighted, open positions included (they are budgeted).
    cost: Vec<(&'a str, f64)>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, other: &Tally<'a>) {
        self.people += other.people;
        self.open += other.open;
        self.engineers += other.engineers;
        self.product_managers += other.product_managers;
        for &(c, v) in &other.cost {
            self.add_cost(c, v);
        }
    }

    /// Orgs pay in one or two currencies, so a short list beats a map.
    fn add_cost(&mut self, currency: &'a str, amount: f64) {
        match self.cost.iter_mut().find(|(c, _)| *c == currency) {
            Some((_, v)) => *v += amount,
            None => self.cost.push((currency, amount)),
        }
    }
}

pub(super) fn check(run: &mut Run) {
    let org = run.org;
    let teams: Vec<&Unit> = org.units().filter(|u| u.kind != UnitKind::Group).collect();
    for u in &teams {
        product_trio(run, u);
    }
    team_type_mix(run, &teams);
    if !(run.on(TEAM_SIZE) || run.on(ENGINEERS_PER_PM) || run.on(ROLLUPS)) {
        return;
    }
    let units: Vec<&Unit> = org.units().collect();
    let own = own_tallies(org, &units);
    for (u, t) in units.iter().zip(&own) {
        if u.kind != UnitKind::Group {
            team_size(run, u, t);
        }
    }
    let totals = rolled_up(org, &units, own);
    for (u, t) in units.iter().zip(&totals) {
        engineers_per_pm(run, u, t);
    }
    for (u, t) in units.iter().zip(&totals) {
        rollup(run, u, t);
    }
}

/// One pass over the memberships, joined with the people by walking both in id order (they
/// are both sorted by person): no lookup per membership.
fn own_tallies<'a>(org: &'a Org, units: &[&Unit]) -> Vec<Tally<'a>> {
    let index: HashMap<UnitId, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let mut tallies = vec![Tally::default(); units.len()];
    let mut persons = org.persons().peekable();
    for m in org.memberships() {
        while persons.peek().is_some_and(|p| p.id < m.person) {
            persons.next();
        }
        let (Some(p), Some(&u)) = (persons.peek(), index.get(&m.unit)) else {
            continue;
        };
        if p.id != m.person {
            continue;
        }
        let t = &mut tallies[u];
        let share = m.allocation as f64 / 100.0;
        if is_filled(p) {
            t.people += share;
            match m.role {
                TeamRole::Engineer | TeamRole::TechLead => t.engineers += share,
                TeamRole::ProductManager => t.product_managers += share,
                _ => {}
            }
        } else {
            t.open += 1.0;
        }
        if let Some(c) = &p.cost {
            t.add_cost(&c.currency, c.amount * share);
        }
    }
    tallies
}

/// Each unit's own tally plus those of every unit below it, summed deepest first.
fn rolled_up<'a>(org: &'a Org, units: &[&Unit], mut totals: Vec<Tally<'a>>) -> Vec<Tally<'a>> {
    let index: HashMap<UnitId, usize> = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let parent: Vec<Option<usize>> = units
        .iter()
        .map(|u| u.parent.and_then(|p| index.get(&p).copied()))
        .collect();
    // Bounded by the number of units: a unit loop in a hostile file would otherwise walk for
    // ever (the loop's units then sum in an arbitrary order, but the check ends).
    let depth = |mut i: usize| {
        let mut d = 0usize;
        while let Some(p) = parent[i] {
            if d > units.len() {
                break;
            }
            d += 1;
            i = p;
        }
        d
    };
    let mut order: Vec<(usize, usize)> = (0..units.len()).map(|i| (depth(i), i)).collect();
    order.sort_unstable_by(|a, b| b.cmp(a));
    for (_, i) in order {
        if let Some(p) = parent[i] {
            let child = std::mem::take(&mut totals[i]);
            totals[p].add(&child);
            totals[i] = child;
        }
    }
    let _ = org;
    totals
}

fn unit_report(u: &Unit, message: String, value: f64, threshold: String) -> Report {
    Report {
        kind: EntityKind::Unit,
        id: u.id.0,
        name: u.name.clone(),
        message,
        value,
        threshold,
    }
}

fn team_size(run: &mut Run, u: &Unit, t: &Tally) {
    if !run.on(TEAM_SIZE) {
        return;
    }
    let (min, max) = (
        run.settings.get(TEAM_SIZE, "min"),
        run.settings.get(TEAM_SIZE, "max"),
    );
    let n = t.people;
    let open = if t.open > 0.0 {
        format!(
            " (plus {})",
            plural(t.open, "open position", "open positions")
        )
    } else {
        String::new()
    };
    // Communication paths grow as n(n-1)/2: the reason large teams stop working.
    let paths = (n * (n - 1.0) / 2.0).round();
    let message = if n < min - 1e-9 {
        format!(
            "{}{open}; a team needs at least {}",
            plural(n, "person", "people"),
            num(min)
        )
    } else if n > max + 1e-9 {
        format!(
            "{}{open}, {} communication paths; split above {}",
            plural(n, "person", "people"),
            num(paths),
            num(max)
        )
    } else {
        return;
    };
    let r = unit_report(u, message, n, range(min, max));
    run.report(TEAM_SIZE, r);
}

fn product_trio(run: &mut Run, u: &Unit) {
    if !run.on(PRODUCT_TRIO) || u.kind != UnitKind::StreamAligned {
        return;
    }
    let org = run.org;
    let has = |role: TeamRole| {
        org.members(u.id)
            .any(|m| m.role == role && org.person(m.person).is_some_and(is_filled))
    };
    let needs_designer = org
        .areas_owned_by(u.id)
        .any(|a| org.area(a).is_some_and(|a| a.user_facing));
    let mut missing = Vec::new();
    if !has(TeamRole::ProductManager) {
        missing.push("a product manager");
    }
    if needs_designer && !has(TeamRole::Designer) {
        missing.push("a designer");
    }
    if !has(TeamRole::TechLead) {
        missing.push("a tech lead");
    }
    if missing.is_empty() {
        return;
    }
    let message = match missing.as_slice() {
        [one] => format!("missing {one}"),
        [rest @ .., last] => format!("missing {} and {last}", rest.join(", ")),
        [] => return,
    };
    let threshold = if needs_designer {
        "product manager, designer, tech lead"
    } else {
        "product manager, tech lead (owns no user-facing area)"
    };
    let r = unit_report(u, message, missing.len() as f64, threshold.to_string());
    run.report(PRODUCT_TRIO, r);
}

/// Teams and groups without a product manager are skipped: the product trio check speaks for them.
fn engineers_per_pm(run: &mut Run, u: &Unit, t: &Tally) {
    if !run.on(ENGINEERS_PER_PM) || t.product_managers <= 0.0 {
        return;
    }
    let (min, max) = (
        run.settings.get(ENGINEERS_PER_PM, "min"),
        run.settings.get(ENGINEERS_PER_PM, "max"),
    );
    let ratio = t.engineers / t.product_managers;
    let kind = if u.kind == UnitKind::Group {
        "group"
    } else {
        "team"
    };
    let facts = format!(
        "{} per product manager ({} to {})",
        plural(ratio, "engineer", "engineers"),
        num(t.engineers),
        plural(t.product_managers, "product manager", "product managers")
    );
    let message = if ratio < min - 1e-9 {
        format!("{facts}; product management is spread thin across this {kind}")
    } else if ratio > max + 1e-9 {
        format!(
            "{facts}; the product manager{} of this {kind} will be a bottleneck",
            if t.product_managers > 1.0 { "s" } else { "" }
        )
    } else {
        return;
    };
    let ratio = (ratio * 10.0).round() / 10.0;
    let r = unit_report(u, message, ratio, range(min, max));
    run.report(ENGINEERS_PER_PM, r);
}

fn team_type_mix(run: &mut Run, teams: &[&Unit]) {
    if !run.on(TEAM_TYPE_MIX) || teams.is_empty() {
        return;
    }
    let (min, max) = (
        run.settings.get(TEAM_TYPE_MIX, "min"),
        run.settings.get(TEAM_TYPE_MIX, "max"),
    );
    let stream = teams
        .iter()
        .filter(|u| u.kind == UnitKind::StreamAligned)
        .count();
    let share = (stream as f64 * 1000.0 / teams.len() as f64).round() / 10.0;
    let verdict = if share < min - 1e-9 {
        "below"
    } else if share > max + 1e-9 {
        "above"
    } else {
        "within"
    };
    let message = format!(
        "{stream} of {} teams are stream-aligned ({}%), {verdict} the usual {}%",
        teams.len(),
        num(share),
        range(min, max)
    );
    let r = Report {
        kind: EntityKind::Org,
        id: 0,
        name: "Organisation".into(),
        message,
        value: share,
        threshold: format!("{}%", range(min, max)),
    };
    run.report(TEAM_TYPE_MIX, r);
}

fn rollup(run: &mut Run, u: &Unit, t: &Tally) {
    if !run.on(ROLLUPS) {
        return;
    }
    let mut message = format!(
        "{}, {}",
        plural(t.people, "person", "people"),
        plural(t.open, "open position", "open positions")
    );
    let mut cost = t.cost.clone();
    cost.sort_by(|a, b| a.0.cmp(b.0));
    for (currency, amount) in &cost {
        message.push_str(&format!(", {} {currency} a year", thousands(*amount)));
    }
    let r = unit_report(u, message, (t.people * 10.0).round() / 10.0, String::new());
    run.report(ROLLUPS, r);
}

/// 1234567.8 -> "1,234,568": costs are read, not computed with.
fn thousands(v: f64) -> String {
    let digits = (v.round() as i64).abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}
