//! The plan table: per unit and period, who is there and what they cost, against the budget.
//!
//! Counting rules, each period taken as [first day, first day of the next):
//! - active people (and leavers until they go) count in `headcount` and `fte` when they are there
//!   on the period's last day, and in `cost` for the share of the period they are there;
//! - open positions and planned hires count apart (`open_positions`, `planned_hires`,
//!   `planned_fte`, `planned_cost`) from their target start (or start date) on; one without a
//!   date counts in every period, since it is open now;
//! - a person's FTE on a unit is their allocation there; their cost is split over their units in
//!   proportion to their allocations; their headcount goes to one unit, the one with their
//!   largest allocation (ties: lowest unit id), so a group's headcount is the sum of its units';
//! - a unit's budget for a quarter is its quarter budget, else a quarter of its year budget (a
//!   third of the quarter's for a month); a unit without one has the sum of its child units';
//! - a cell is over budget when cost plus planned cost exceeds the budget amount, or FTE plus
//!   planned FTE exceeds the budgeted headcount.
//!
//! The org on each period's first day is the org with the leavers and dated changes up to then
//! applied ([`Org::advance`]); costs are annual and total in the reporting currency.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use topograph_model::{arrival, departure, Date, Org, Period, PersonStatus, PlanSettings, UnitId};

/// The width of the plan's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Granularity {
    Month,
    Quarter,
}

/// What to tabulate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanOptions {
    pub by: Granularity,
    /// The first period: any day in it (YYYY-MM-DD).
    pub from: String,
    /// The last period: any day in it (YYYY-MM-DD).
    pub to: String,
    /// Only this unit and the units inside it.
    pub unit: Option<UnitId>,
}

/// One unit's row (or the whole org's, without a unit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanRow {
    pub unit: Option<UnitId>,
    pub name: String,
    pub parent: Option<UnitId>,
    /// 0 for a top unit (and the whole-org row).
    pub depth: u32,
    /// One per period, in the table's order.
    pub cells: Vec<PlanCell>,
}

/// One unit in one period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanCell {
    pub headcount: u32,
    pub fte: f64,
    /// In the reporting currency, for the period (annual cost × the share of the period).
    pub cost: f64,
    pub open_positions: u32,
    pub planned_hires: u32,
    pub planned_fte: f64,
    pub planned_cost: f64,
    pub budget_headcount: Option<f64>,
    /// In the reporting currency, for the period.
    pub budget_amount: Option<f64>,
    pub over_budget: bool,
}

/// The whole table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanTable {
    /// `2027-Q1` or `2027-01`, in order.
    pub periods: Vec<String>,
    pub reporting_currency: String,
    /// Units in tree order (children by name), then the whole org.
    pub rows: Vec<PlanRow>,
    /// People whose cost is in a currency without an exchange rate: left out of the costs.
    pub unconverted: u32,
    /// Dated changes left out because they no longer fit the org on their day.
    pub skipped_changes: Vec<u32>,
}

/// A person, flattened once per org for the period loop.
struct Who {
    kind: Kind,
    /// Days since 1970-01-01, so the period loop compares and subtracts integers.
    arrival: Option<i64>,
    departure: Option<i64>,
    /// Annual, in the reporting currency.
    cost: f64,
    /// Their seats in [`People::seats`]: one list for everyone, as 100k small vectors cost more
    /// to allocate than the whole table takes to add up.
    seats: std::ops::Range<usize>,
    /// Their allocations added up, in FTE.
    fte: f64,
    primary: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Open,
    Planned,
}

/// The unit tree, flattened: index order is id order.
struct Tree {
    ids: Vec<UnitId>,
    index: HashMap<UnitId, usize>,
    parent: Vec<Option<usize>>,
    /// Deepest first, so adding each into its parent rolls the whole tree up.
    bottom_up: Vec<usize>,
    /// Display order (children by name) with depths.
    rows: Vec<(usize, u32)>,
}

fn tree(org: &Org) -> Tree {
    let ids: Vec<UnitId> = org.units().map(|u| u.id).collect();
    let index: HashMap<UnitId, usize> = ids.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let parent: Vec<Option<usize>> = org
        .units()
        .map(|u| u.parent.and_then(|p| index.get(&p).copied()))
        .collect();
    let mut rows = Vec::with_capacity(ids.len());
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    let mut tops = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => kids[*p].push(i),
            None => tops.push(i),
        }
    }
    // Names by index: the sort compares each many times, a map lookup each time cost more.
    let names: Vec<&str> = org.units().map(|u| u.name.as_str()).collect();
    let name = |i: &usize| names[*i];
    let by_name = |v: &mut Vec<usize>| v.sort_by(|a, b| name(a).cmp(name(b)).then(a.cmp(b)));
    by_name(&mut tops);
    for k in &mut kids {
        by_name(k);
    }
    let mut stack: Vec<(usize, u32)> = tops.iter().rev().map(|t| (*t, 0)).collect();
    // Bounded by the unit count, so a damaged tree cannot loop.
    while let Some((i, depth)) = stack.pop() {
        if rows.len() > ids.len() {
            break;
        }
        rows.push((i, depth));
        stack.extend(kids[i].iter().rev().map(|k| (*k, depth + 1)));
    }
    // Reversed pre-order visits every unit after all the units inside it.
    let bottom_up: Vec<usize> = rows.iter().rev().map(|(i, _)| *i).collect();
    Tree {
        ids,
        index,
        parent,
        bottom_up,
        rows,
    }
}

/// Everyone, flattened, with their seats: unit index, allocation share of one FTE, share of
/// their cost.
struct People {
    who: Vec<Who>,
    seats: Vec<(usize, f64, f64)>,
}

fn people(org: &Org, tree: &Tree, settings: &PlanSettings, unconverted: &mut u32) -> People {
    let mut seats = org.memberships().peekable();
    let mut out = Vec::with_capacity(org.person_count());
    let mut all: Vec<(usize, f64, f64)> = Vec::with_capacity(org.memberships().len());
    for p in org.persons() {
        let kind = match p.status {
            PersonStatus::Active | PersonStatus::Leaving => Kind::Person,
            PersonStatus::OpenPosition => Kind::Open,
            PersonStatus::PlannedHire => Kind::Planned,
        };
        let cost = match &p.cost {
            Some(c) => settings.convert(c).unwrap_or_else(|| {
                *unconverted += 1;
                0.0
            }),
            None => 0.0,
        };
        // Memberships are sorted by person, as the people are: one pass pairs them.
        while seats.peek().is_some_and(|m| m.person < p.id) {
            seats.next();
        }
        let first = all.len();
        let mut best: Option<(u32, usize)> = None;
        while let Some(m) = seats.peek().filter(|m| m.person == p.id) {
            if let Some(&u) = tree.index.get(&m.unit) {
                all.push((u, f64::from(m.allocation) / 100.0, f64::from(m.allocation)));
                if best.is_none_or(|(a, _)| m.allocation > a) {
                    best = Some((m.allocation, u));
                }
            }
            seats.next();
        }
        let mine = &mut all[first..];
        let total: f64 = mine.iter().map(|s| s.2).sum();
        for s in mine.iter_mut() {
            s.2 /= total;
        }
        let fte = mine.iter().map(|s| s.1).sum();
        out.push(Who {
            kind,
            arrival: arrival(p).map(day_number),
            departure: departure(p).map(day_number),
            cost,
            seats: first..all.len(),
            fte,
            primary: best.map(|b| b.1),
        });
    }
    People {
        who: out,
        seats: all,
    }
}

/// Days since 1970-01-01.
fn day_number(d: Date) -> i64 {
    Date {
        year: 1970,
        month: 1,
        day: 1,
    }
    .days_until(d)
}

/// Adds one period's figures into per-unit accumulators (own figures, not rolled up) and the
/// whole org's.
fn tally(people: &People, period: Period, cells: &mut [PlanCell], total: &mut PlanCell) {
    let (start, end) = (day_number(period.first_day()), day_number(period.end()));
    for w in &people.who {
        let from = w.arrival.map_or(start, |a| a.max(start));
        let until = w.departure.map_or(end, |d| d.min(end));
        if from >= until {
            continue;
        }
        // There on the last day: arrived by then and not yet gone.
        let at_end = until == end;
        // An annual cost for the days of the period they are there.
        let cost = w.cost * (until - from) as f64 / 365.25;
        let add = |c: &mut PlanCell, fte: f64, cost_share: f64, counts: bool| match w.kind {
            Kind::Person => {
                c.cost += cost * cost_share;
                if at_end {
                    c.fte += fte;
                    c.headcount += u32::from(counts);
                }
            }
            Kind::Open | Kind::Planned => {
                c.planned_cost += cost * cost_share;
                if at_end {
                    c.planned_fte += fte;
                    if counts {
                        if w.kind == Kind::Open {
                            c.open_positions += 1;
                        } else {
                            c.planned_hires += 1;
                        }
                    }
                }
            }
        };
        add(total, w.fte, 1.0, true);
        for &(u, fte, cost_share) in &people.seats[w.seats.clone()] {
            add(&mut cells[u], fte, cost_share, w.primary == Some(u));
        }
    }
}

fn add_into(to: &mut PlanCell, from: &PlanCell) {
    to.headcount += from.headcount;
    to.fte += from.fte;
    to.cost += from.cost;
    to.open_positions += from.open_positions;
    to.planned_hires += from.planned_hires;
    to.planned_fte += from.planned_fte;
    to.planned_cost += from.planned_cost;
}

/// Every budget, read once: per unit, its periods with the headcount and the amount in the
/// reporting currency (NaN for none). Dated changes never touch budgets, so one read serves
/// every period.
type Budgets = HashMap<UnitId, Vec<UnitBudget>>;

/// One budget: its period, headcount and amount (NaN for none).
type UnitBudget = (Period, f64, f64);

fn budgets(org: &Org, s: &PlanSettings) -> Budgets {
    let mut out: Budgets = HashMap::new();
    for b in org.budgets() {
        let Some(period) = Period::parse(&b.period) else {
            continue;
        };
        let amount = b
            .amount
            .as_ref()
            .and_then(|a| s.convert(a))
            .unwrap_or(f64::NAN);
        out.entry(b.unit)
            .or_default()
            .push((period, b.headcount.unwrap_or(f64::NAN), amount));
    }
    out
}

/// Each unit's budgets, by the tree's index, so the period loop does no hashing.
fn budgets_by_index<'a>(budgets: &'a Budgets, tree: &Tree) -> Vec<Option<&'a [UnitBudget]>> {
    tree.ids
        .iter()
        .map(|u| budgets.get(u).map(Vec::as_slice))
        .collect()
}

/// A unit's own budget for a period (from its budgets), in the reporting currency.
fn own_budget(mine: Option<&[UnitBudget]>, period: Period) -> Option<(f64, f64)> {
    let mine = mine?;
    let (year, quarter, part) = match period {
        Period::Quarter(y, q) => (y, Some(Period::Quarter(y, q)), 1.0),
        Period::Month(y, m) => (y, Some(Period::Quarter(y, (m - 1) / 3 + 1)), 3.0),
        Period::Year(y) => (y, None, 1.0),
    };
    let read = |p: Period, split: f64| {
        mine.iter()
            .find(|(q, _, _)| *q == p)
            .map(|(_, h, a)| (*h, a / split))
    };
    quarter.and_then(|q| read(q, part)).or_else(|| {
        read(
            Period::Year(year),
            if quarter.is_some() { 4.0 * part } else { 1.0 },
        )
    })
}

fn budget_sum(a: Option<(f64, f64)>, b: Option<(f64, f64)>) -> Option<(f64, f64)> {
    let add = |x: f64, y: f64| match (x.is_nan(), y.is_nan()) {
        (true, true) => f64::NAN,
        (true, false) => y,
        (false, true) => x,
        (false, false) => x + y,
    };
    match (a, b) {
        (Some(a), Some(b)) => Some((add(a.0, b.0), add(a.1, b.1))),
        (x, None) | (None, x) => x,
    }
}

fn periods(options: &PlanOptions) -> Vec<Period> {
    let first = |text: &str| {
        Date::parse(text).unwrap_or(Date {
            year: 2027,
            month: 1,
            day: 1,
        })
    };
    let of = |d: Date| match options.by {
        Granularity::Month => Period::month_of(d),
        Granularity::Quarter => Period::quarter_of(d),
    };
    let (mut p, last) = (of(first(&options.from)), of(first(&options.to)));
    let mut out = Vec::new();
    // At most ten years of months: a typo in a year does not build a million columns.
    while p <= last && out.len() < 120 {
        out.push(p);
        p = p.next();
    }
    out
}

/// Whether any dated change reshapes the units or seats on or before `day` (manager changes do
/// not move anyone between units).
fn reshapes_units(org: &Org, day: Date) -> bool {
    use topograph_model::DatedOp;
    org.dated_changes().any(|c| {
        !matches!(
            c.change,
            DatedOp::SetManager { .. } | DatedOp::ClearManager { .. } | DatedOp::MoveSubtree { .. }
        ) && Date::parse(&c.date).is_some_and(|d| d <= day)
    })
}

/// A column's unit ids (when the tree moved under it), its cells, and the whole org's cell.
type Column = (Option<Vec<UnitId>>, Vec<PlanCell>, PlanCell);

/// The plan table of `org` (its reporting currency and rates) over the periods `options` names.
pub fn plan_table(org: &Org, options: &PlanOptions) -> PlanTable {
    plan_table_in(org, options, &org.plan_settings())
}

/// As [`plan_table`], totalling costs with `settings` instead of the org's own (two scenarios
/// compared in one currency, or a report in another currency).
pub fn plan_table_in(org: &Org, options: &PlanOptions, settings: &PlanSettings) -> PlanTable {
    let settings = settings.clone();
    let periods = periods(options);
    let mut unconverted = 0;
    let mut skipped = Vec::new();
    // Seats and units change only with dated changes: without any in range the org as it is
    // serves every period (dates alone say who is there), and nothing is cloned.
    let last_start = periods.last().map(|p| p.first_day());
    let mut moving: Option<Org> = last_start
        .filter(|d| reshapes_units(org, *d))
        .map(|_| org.clone());
    let mut shape = tree(org);
    let mut who = people(org, &shape, &settings, &mut unconverted);
    let budgets = budgets(org, &settings);
    let mut unit_budgets = budgets_by_index(&budgets, &shape);
    // A column's unit ids when the tree moved under it; None when it is the tree the rows follow.
    let mut columns: Vec<Column> = Vec::new();
    for (k, p) in periods.iter().enumerate() {
        if let Some(m) = &mut moving {
            let before = m.dated_changes().len();
            skipped.extend(m.advance(p.first_day()).into_iter().map(|(id, _)| id));
            if m.dated_changes().len() != before || k == 0 {
                shape = tree(m);
                unit_budgets = budgets_by_index(&budgets, &shape);
                let mut ignored = 0;
                who = people(m, &shape, &settings, &mut ignored);
            }
        }
        let mut cells = vec![PlanCell::default(); shape.ids.len()];
        let mut total = PlanCell::default();
        tally(&who, *p, &mut cells, &mut total);
        let mut budgets: Vec<Option<(f64, f64)>> =
            unit_budgets.iter().map(|b| own_budget(*b, *p)).collect();
        let own: Vec<bool> = budgets.iter().map(Option::is_some).collect();
        for &i in &shape.bottom_up {
            if let Some(parent) = shape.parent[i] {
                let child = cells[i].clone();
                add_into(&mut cells[parent], &child);
                if !own[parent] {
                    budgets[parent] = budget_sum(budgets[parent], budgets[i]);
                }
            }
        }
        for (c, b) in cells.iter_mut().zip(&budgets) {
            if let Some((h, a)) = b {
                c.budget_headcount = (!h.is_nan()).then_some(*h);
                c.budget_amount = (!a.is_nan()).then_some(*a);
            }
            c.over_budget = c
                .budget_amount
                .is_some_and(|a| c.cost + c.planned_cost > a + 0.5)
                || c.budget_headcount
                    .is_some_and(|h| c.fte + c.planned_fte > h + 1e-9);
        }
        columns.push((moving.is_some().then(|| shape.ids.clone()), cells, total));
    }
    let view = moving.as_ref().unwrap_or(org);
    // Rows follow the tree of the last period; a unit absent from a period has empty cells.
    let mut rows = Vec::new();
    for &(i, depth) in &shape.rows {
        let id = shape.ids[i];
        if let Some(only) = options.unit {
            if !view.unit_contains(only, id) {
                continue;
            }
        }
        let unit = view.unit(id);
        let cells = columns
            .iter()
            .map(|(ids, cells, _)| match ids {
                None => cells[i].clone(),
                Some(ids) => ids
                    .binary_search(&id)
                    .map_or_else(|_| PlanCell::default(), |j| cells[j].clone()),
            })
            .collect();
        rows.push(PlanRow {
            unit: Some(id),
            name: unit.map_or_else(String::new, |u| u.name.clone()),
            parent: unit.and_then(|u| u.parent),
            depth,
            cells,
        });
    }
    if let Some(only) = options.unit {
        let top = rows.iter().find(|r| r.unit == Some(only)).map(|r| r.depth);
        for r in &mut rows {
            r.depth -= top.unwrap_or(0);
        }
    } else {
        rows.push(PlanRow {
            unit: None,
            name: "Whole org".to_string(),
            parent: None,
            depth: 0,
            cells: columns.into_iter().map(|(_, _, t)| t).collect(),
        });
    }
    skipped.sort_unstable();
    skipped.dedup();
    PlanTable {
        periods: periods.iter().map(Period::to_string).collect(),
        reporting_currency: settings.reporting_currency,
        rows,
        unconverted,
        skipped_changes: skipped,
    }
}
