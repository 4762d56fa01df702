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
use std::collections::BTreeMap;
use std::collections::HashMap;
use topograph_model::{
    arrival, departure, Date, DatedOp, Org, Period, PersonId, PersonStatus, PlanSettings, UnitId,
};

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

/// The unit tree of `org`, with the units in `moved` under the parent it gives them.
fn tree(org: &Org, moved: &HashMap<UnitId, Option<UnitId>>) -> Tree {
    let ids: Vec<UnitId> = org.units().map(|u| u.id).collect();
    let index: HashMap<UnitId, usize> = ids.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let parent: Vec<Option<usize>> = org
        .units()
        .map(|u| {
            let parent = moved.get(&u.id).copied().unwrap_or(u.parent);
            parent.and_then(|p| index.get(&p).copied())
        })
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
    /// Each person's id, in the order of `who` (ascending).
    ids: Vec<PersonId>,
}

/// Appends one person's seats (unit id and allocation, by unit id) to `all`: each seat's share of
/// one FTE and of their cost. Returns the seats' range, their FTE and their primary unit.
fn seat_list(
    seats: impl Iterator<Item = (UnitId, u32)>,
    tree: &Tree,
    all: &mut Vec<(usize, f64, f64)>,
) -> (std::ops::Range<usize>, f64, Option<usize>) {
    let first = all.len();
    let mut best: Option<(u32, usize)> = None;
    for (unit, allocation) in seats {
        if let Some(&u) = tree.index.get(&unit) {
            all.push((u, f64::from(allocation) / 100.0, f64::from(allocation)));
            if best.is_none_or(|(a, _)| allocation > a) {
                best = Some((allocation, u));
            }
        }
    }
    let mine = &mut all[first..];
    let total: f64 = mine.iter().map(|s| s.2).sum();
    for s in mine.iter_mut() {
        s.2 /= total;
    }
    let fte = mine.iter().map(|s| s.1).sum();
    (first..all.len(), fte, best.map(|b| b.1))
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
        let mine = std::iter::from_fn(|| {
            let m = seats.next_if(|m| m.person == p.id)?;
            Some((m.unit, m.allocation))
        });
        let (range, fte, primary) = seat_list(mine, tree, &mut all);
        out.push(Who {
            kind,
            arrival: arrival(p).map(day_number),
            departure: departure(p).map(day_number),
            cost,
            seats: range,
            fte,
            primary,
        });
    }
    People {
        who: out,
        seats: all,
        ids: org.persons().map(|p| p.id).collect(),
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

/// The dated team moves and unit moves due by the last period, applied to the flattened people
/// and unit tree as [`Org::advance`] would apply them to the org, so a plan with thousands of
/// planned moves neither copies nor steps a 100k org. Manager changes move nobody between units
/// and are not read.
struct SeatMoves {
    /// By day, then id: the order [`Org::advance`] applies them in.
    due: Vec<(Date, u32, DatedOp)>,
    next: usize,
    /// The seats (unit, allocation) of each person moved so far.
    seats: HashMap<PersonId, BTreeMap<UnitId, u32>>,
    /// The units moved so far, with their new parent.
    parents: HashMap<UnitId, Option<UnitId>>,
}

impl SeatMoves {
    /// The seat changes due by `last`; None without any.
    fn due(org: &Org, last: Date) -> Option<SeatMoves> {
        let mut due: Vec<(Date, u32, DatedOp)> = org
            .dated_changes()
            .filter(|c| {
                matches!(
                    c.change,
                    DatedOp::SetMembership { .. }
                        | DatedOp::RemoveMembership { .. }
                        | DatedOp::MoveUnit { .. }
                )
            })
            .filter_map(|c| {
                let day = Date::parse(&c.date).filter(|d| *d <= last)?;
                Some((day, c.id, c.change.clone()))
            })
            .collect();
        if due.is_empty() {
            return None;
        }
        due.sort_unstable_by_key(|(day, id, _)| (*day, *id));
        Some(SeatMoves {
            due,
            next: 0,
            seats: HashMap::new(),
            parents: HashMap::new(),
        })
    }

    /// A unit's parent now.
    fn parent(&self, org: &Org, unit: UnitId) -> Option<UnitId> {
        match self.parents.get(&unit) {
            Some(p) => *p,
            None => org.unit(unit).and_then(|u| u.parent),
        }
    }

    /// Whether `ancestor` is `unit` or contains it now (as [`Org::unit_contains`]).
    fn contains(&self, org: &Org, ancestor: UnitId, unit: UnitId) -> bool {
        let mut cur = Some(unit);
        for _ in 0..=org.units().len() {
            match cur {
                Some(u) if u == ancestor => return true,
                Some(u) => cur = self.parent(org, u),
                None => return false,
            }
        }
        true
    }

    /// Moves `id` under `parent` as `Op::MoveUnit` would; false when that is refused (a unit
    /// that is not there, or a move into itself or a unit inside it).
    fn move_unit(&mut self, org: &Org, id: UnitId, parent: Option<UnitId>) -> bool {
        if org.unit(id).is_none() {
            return false;
        }
        if let Some(p) = parent {
            if org.unit(p).is_none() || p == id || self.contains(org, id, p) {
                return false;
            }
        }
        self.parents.insert(id, parent);
        true
    }

    /// Applies the changes due by `day` and seats the people they move again; the ids of those
    /// that no longer fit go to `skipped`, as [`Org::advance`] reports them. True when a unit
    /// moved (the tree is to be built again).
    fn advance(
        &mut self,
        org: &Org,
        day: Date,
        tree: &Tree,
        people: &mut People,
        skipped: &mut Vec<u32>,
    ) -> bool {
        let mut moved = Vec::new();
        let mut reshaped = false;
        // Room for the moved people's new seats, so the 100k seats are not copied to grow.
        people.seats.reserve(2 * (self.due.len() - self.next));
        while let Some((on, id, change)) = self.due.get(self.next).filter(|c| c.0 <= day) {
            self.next += 1;
            if let DatedOp::MoveUnit { id: unit, parent } = change {
                let (unit, parent, id) = (*unit, *parent, *id);
                if self.move_unit(org, unit, parent) {
                    reshaped = true;
                } else {
                    skipped.push(id);
                }
                continue;
            }
            let (DatedOp::SetMembership { person, unit, .. }
            | DatedOp::RemoveMembership { person, unit }) = change
            else {
                continue;
            };
            let Ok(i) = people.ids.binary_search(person) else {
                skipped.push(*id);
                continue;
            };
            // A change for someone gone by its day went with them (leavers go first on a day).
            if people.who[i]
                .departure
                .is_some_and(|gone| gone <= day_number(*on))
            {
                continue;
            }
            // Their seats as the table has them (a share of one FTE is the allocation / 100).
            let seats = self.seats.entry(*person).or_insert_with(|| {
                people.seats[people.who[i].seats.clone()]
                    .iter()
                    .map(|&(u, fte, _)| (tree.ids[u], (fte * 100.0).round() as u32))
                    .collect()
            });
            let fits = match change {
                DatedOp::SetMembership { allocation, .. } => {
                    let fits = tree.index.contains_key(unit)
                        && topograph_model::validate::allocation(*allocation).is_ok();
                    if fits {
                        seats.insert(*unit, *allocation);
                    }
                    fits
                }
                _ => seats.remove(unit).is_some(),
            };
            if fits {
                moved.push(*person);
            } else {
                skipped.push(*id);
            }
        }
        moved.sort_unstable();
        moved.dedup();
        for person in moved {
            let Ok(i) = people.ids.binary_search(&person) else {
                continue;
            };
            let seats = self.seats[&person].iter().map(|(u, a)| (*u, *a));
            let (range, fte, primary) = seat_list(seats, tree, &mut people.seats);
            let w = &mut people.who[i];
            (w.seats, w.fte, w.primary) = (range, fte, primary);
        }
        reshaped
    }
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
    table(org, options, settings, false)
}

/// The table. `step_the_org`: a copy of the org stepped through the periods with
/// [`Org::advance`], the plain reading of the counting rules, which the tests hold the fast way to
/// ([`SeatMoves`]: team and unit moves applied to the flattened people and tree).
fn table(
    org: &Org,
    options: &PlanOptions,
    settings: &PlanSettings,
    step_the_org: bool,
) -> PlanTable {
    let settings = settings.clone();
    let periods = periods(options);
    let mut unconverted = 0;
    let mut skipped = Vec::new();
    // Dates say who is there; team moves re-seat only the people moved and unit moves build the
    // tree again, over the same units (so every column shares the rows' unit indexes).
    let last_start = periods.last().map(|p| p.first_day());
    let mut moving: Option<Org> = step_the_org.then(|| org.clone());
    let mut seat_moves = last_start
        .filter(|_| !step_the_org)
        .and_then(|d| SeatMoves::due(org, d));
    let mut shape = tree(org, &HashMap::new());
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
                shape = tree(m, &HashMap::new());
                unit_budgets = budgets_by_index(&budgets, &shape);
                let mut ignored = 0;
                who = people(m, &shape, &settings, &mut ignored);
            }
        }
        if let Some(s) = &mut seat_moves {
            if s.advance(org, p.first_day(), &shape, &mut who, &mut skipped) {
                shape = tree(org, &s.parents);
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
        let moved = seat_moves.as_ref();
        if let Some(only) = options.unit {
            let inside = match moved {
                Some(s) => s.contains(org, only, id),
                None => view.unit_contains(only, id),
            };
            if !inside {
                continue;
            }
        }
        let unit = view.unit(id);
        let parent = match moved {
            Some(s) => s.parent(org, id),
            None => unit.and_then(|u| u.parent),
        };
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
            parent,
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use topograph_model::{DatedChange, IdCounter, Op, TeamRole};

    fn plan(org: &mut Org, ids: &mut IdCounter, date: String, change: DatedOp) {
        let change = DatedChange {
            id: 0,
            date,
            change,
        };
        org.execute(&Op::AddDatedChange { change }, ids)
            .expect("a planned change of people and units that exist");
    }

    /// `count` planned changes drawn from `seed`: team moves (a seat removed and another set on
    /// one day), second seats, removals of seats nobody has, unit moves (some into themselves),
    /// and moves of leavers after they go.
    fn planned(org: &mut Org, count: usize, seed: u64) {
        let mut ids = IdCounter {
            next: org.max_id() + 1,
        };
        let units: Vec<UnitId> = org.units().map(|u| u.id).collect();
        let seats: Vec<_> = org.memberships().cloned().collect();
        let leavers: Vec<_> = org
            .persons()
            .filter_map(|p| Some((p.id, Date::parse(p.end_date.as_deref()?)?)))
            .collect();
        let mut r = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let mut roll = |n: usize| {
            r = r
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (r >> 33) as usize % n.max(1)
        };
        for k in 0..count {
            let m = seats[roll(seats.len())].clone();
            let unit = units[roll(units.len())];
            let date = format!("{}-{:02}-{:02}", 2026 + roll(3), 1 + roll(12), 1 + roll(28));
            match k % 6 {
                0 | 1 => {
                    let remove = DatedOp::RemoveMembership {
                        person: m.person,
                        unit: m.unit,
                    };
                    plan(org, &mut ids, date.clone(), remove);
                    let set = DatedOp::SetMembership {
                        person: m.person,
                        unit,
                        allocation: m.allocation,
                        role: m.role,
                    };
                    plan(org, &mut ids, date, set);
                }
                2 => {
                    let set = DatedOp::SetMembership {
                        person: m.person,
                        unit,
                        allocation: 50,
                        role: TeamRole::Engineer,
                    };
                    plan(org, &mut ids, date, set);
                }
                3 => {
                    let stray = DatedOp::RemoveMembership {
                        person: m.person,
                        unit,
                    };
                    plan(org, &mut ids, date, stray);
                }
                4 => {
                    // A unit moved under another (refused when that is inside it) or to the top.
                    let parent = (roll(5) > 0).then(|| units[roll(units.len())]);
                    let moved = DatedOp::MoveUnit { id: unit, parent };
                    plan(org, &mut ids, date, moved);
                }
                _ => {
                    let Some(&(person, end)) = leavers.get(roll(leavers.len())) else {
                        continue;
                    };
                    // On their last day (still there), the day after (gone) or later.
                    let on = [end, end.next_day(), end.next_day().next_day()][roll(3)];
                    // A move, or a removal of a seat they do not have (refused unless gone).
                    let change = if roll(2) == 0 {
                        DatedOp::SetMembership {
                            person,
                            unit,
                            allocation: 100,
                            role: TeamRole::Engineer,
                        }
                    } else {
                        let Some(&unit) = units
                            .iter()
                            .find(|u| org.memberships_of(person).all(|m| m.unit != **u))
                        else {
                            continue;
                        };
                        DatedOp::RemoveMembership { person, unit }
                    };
                    plan(org, &mut ids, on.to_string(), change);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn team_and_unit_moves_applied_to_the_people_and_tree_give_the_table_of_the_org_stepped_through_the_periods(
            people in 30usize..300,
            seed in 0u64..1000,
            moves in 1usize..60,
            by_month in any::<bool>(),
            only in proptest::option::of(0usize..1000),
        ) {
            let mut org = topograph_sample::generate(people, seed % 50);
            planned(&mut org, moves, seed);
            let units: Vec<UnitId> = org.units().map(|u| u.id).collect();
            let options = PlanOptions {
                by: if by_month { Granularity::Month } else { Granularity::Quarter },
                from: "2026-01-01".into(),
                to: "2028-12-31".into(),
                unit: only.map(|i| units[i % units.len()]),
            };
            let settings = org.plan_settings();
            let moved = table(&org, &options, &settings, false);
            let stepped = table(&org, &options, &settings, true);
            prop_assert_eq!(moved, stepped);
        }
    }
}
