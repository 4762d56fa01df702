//! From rows to records: duplicate ids, managers by employee id then email then unique name,
//! reporting cycles, and departments and teams as units with memberships.

use super::dates::DateOrder;
use super::mapping::{DecimalMark, Mapping, Target};
use super::rows::{default_role, Columns, Draft, Reading};
use super::Table;
use crate::{Incoming, Problem};
use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::collections::hash_map::Entry;
use topograph_model::{
    DottedLine, FieldDefs, FieldKind, Membership, OrgRecords, Person, PersonId, Unit, UnitId,
    UnitKind,
};

/// Files with at least this many rows are read and resolved on several threads.
const PARALLEL_FROM: usize = 20_000;

/// Lower case with single spaces: how names and emails are compared.
fn key(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.contains(char::is_whitespace) {
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        lower
    }
}

/// Applies a mapping to a table: every row becomes a person (or a listed problem), managers and
/// units are resolved, and the records come back with every problem in line order. Custom
/// columns are text fields.
pub fn plan(table: &Table, mapping: &Mapping) -> Incoming {
    plan_for(table, mapping, &FieldDefs::default())
}

/// [`plan`] into a document with field definitions: a custom column whose header names a
/// defined field fills it, its values checked by the field's type (a value that does not fit
/// is a problem of its row and left out); a person field names someone of the file as a
/// manager column does.
pub fn plan_for(table: &Table, mapping: &Mapping, defs: &FieldDefs) -> Incoming {
    let cols = Columns::new(table, mapping, defs);
    let mut problems = Vec::new();
    let has_name = [
        Target::Name,
        Target::FirstName,
        Target::LastName,
        Target::PreferredName,
    ]
    .iter()
    .any(|t| cols.has(*t));
    if !has_name {
        problems.push(Problem::new(
            1,
            1,
            "no column holds names: map one to \"name\" (or \"first-name\" and \"last-name\"); nothing imported",
        ));
        return Incoming {
            problems,
            ..Incoming::default()
        };
    }
    let dates = match mapping.dates {
        DateOrder::Auto => {
            let col = cols.first(Target::StartDate);
            col.map_or(DateOrder::Auto, |c| DateOrder::infer(table.column(c)))
        }
        order => order,
    };
    let decimal = match mapping.decimal {
        DecimalMark::Auto if table.delimiter == b';' => DecimalMark::Comma,
        DecimalMark::Auto => DecimalMark::Point,
        d => d,
    };
    let reading = || Reading {
        cols: &cols,
        dates,
        decimal,
        currency: mapping.currency.as_deref(),
        guessed: Default::default(),
        said_ambiguous: Default::default(),
        said_no_currency: Default::default(),
        once: Default::default(),
    };
    let (mut persons, mut drafts) = draft_rows(table, reading, &mut problems);
    // Keyed by the cells themselves and filtered in place: a copy of every id and a second
    // vector of drafts were a fifth of planning a 100k-row file.
    let id_col = cols.first(Target::EmployeeId).map_or(1, |c| c + 1);
    let mut by_employee_id: HashMap<&str, (usize, usize)> =
        HashMap::with_capacity_and_hasher(drafts.len(), Default::default());
    let mut keep = vec![true; drafts.len()];
    let mut kept = 0;
    for (i, d) in drafts.iter().enumerate() {
        if let Some((_, e)) = cols.get(table, d.row, Target::EmployeeId) {
            match by_employee_id.entry(e) {
                Entry::Occupied(first) => {
                    problems.push(Problem::new(
                        d.line,
                        id_col,
                        format!(
                            "duplicate employee id '{e}' (first on line {}); row skipped",
                            first.get().1
                        ),
                    ));
                    keep[i] = false;
                    continue;
                }
                Entry::Vacant(v) => {
                    v.insert((kept, d.line));
                }
            }
        }
        kept += 1;
    }
    if kept < drafts.len() {
        let mut i = 0;
        drafts.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        let mut i = 0;
        persons.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }
    let n = drafts.len() as u32;
    let reporting = |problems: &mut Vec<Problem>| {
        let lookup = Lookup::new(&persons, &by_employee_id);
        let managers = resolve_managers(table, &drafts, &lookup, problems);
        let managers = break_cycles(&persons, &drafts, managers, problems);
        let dotted = resolve_dotted(table, &cols, &drafts, &lookup, &managers, problems);
        let named = resolve_person_fields(table, &cols, &drafts, &lookup, problems);
        (managers, (dotted, named))
    };
    // Units need neither managers nor cycles: a large file works them out on another core
    // meanwhile.
    let ((managers, (dotted, named)), (units, memberships)) = if drafts.len() >= PARALLEL_FROM {
        std::thread::scope(|s| {
            let unit_work = s.spawn(|| units(&persons, &drafts, n + 1));
            let managers = reporting(&mut problems);
            match unit_work.join() {
                Ok(units) => (managers, units),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        (reporting(&mut problems), units(&persons, &drafts, n + 1))
    };

    for (i, p) in persons.iter_mut().enumerate() {
        p.id = PersonId(i as u32 + 1);
        p.manager = managers[i].map(|m| PersonId(m as u32 + 1));
    }
    for (i, key, m) in named {
        persons[i].custom.insert(key, (m as u32 + 1).to_string());
    }
    let person_fields = cols
        .custom
        .iter()
        .filter(|c| c.kind() == FieldKind::Person)
        .map(|c| c.key.clone())
        .collect();
    let dotted_lines = dotted
        .into_iter()
        .map(|(p, m)| DottedLine {
            person: PersonId(p as u32 + 1),
            manager: PersonId(m as u32 + 1),
        })
        .collect();
    let records = OrgRecords {
        persons,
        dotted_lines,
        units,
        memberships,
        ..OrgRecords::default()
    };
    problems.sort();
    Incoming {
        records,
        fields: cols.fields(),
        complete_roster: true,
        seat_units: None,
        problems,
        source: String::new(),
        person_fields,
    }
}

/// Person field cells as (row, field, row named): each names one person of the file by employee
/// id, email or unique name; anything else is a problem of its row and left out.
fn resolve_person_fields(
    table: &Table,
    cols: &Columns,
    drafts: &[Draft],
    lookup: &Lookup,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, String, usize)> {
    let mut out = Vec::new();
    for cc in cols.custom.iter().filter(|c| c.kind() == FieldKind::Person) {
        let header = &cols.headers[cc.col];
        for (i, d) in drafts.iter().enumerate() {
            let value = table.cell(d.row, cc.col);
            if value.is_empty() {
                continue;
            }
            let mut say = |reason: String| problems.push(Problem::new(d.line, cc.col + 1, reason));
            match lookup.find(Target::Manager, value) {
                Some([m]) => out.push((i, cc.key.clone(), *m)),
                Some(many) if many.len() > 1 => say(format!(
                    "ambiguous person '{value}' in {header}: {} people match (lines {}); imported without it",
                    many.len(),
                    lines_of(drafts, many)
                )),
                _ => say(format!(
                    "'{value}' in {header}, a person field, names no one in the file (by employee id, email or name); imported without it"
                )),
            }
        }
    }
    out
}

/// What one row reader found: drafts, problems, and problems said once per file (by kind).
type Part<'t> = (
    Vec<Person>,
    Vec<Draft<'t>>,
    Vec<Problem>,
    Vec<(u8, Problem)>,
);

/// Reads every row into drafts, in parallel on large files (the rows are independent), in
/// file order. Problems said once for the file are kept once, at their earliest row.
fn draft_rows<'a, 't>(
    table: &'t Table,
    reading: impl Fn() -> Reading<'a> + Sync,
    problems: &mut Vec<Problem>,
) -> (Vec<Person>, Vec<Draft<'t>>) {
    let n = table.len();
    let threads = if n >= PARALLEL_FROM {
        std::thread::available_parallelism()
            .map_or(1, |p| p.get())
            .min(4)
    } else {
        1
    };
    let chunk = n.div_ceil(threads.max(1)).max(1);
    let run = |from: usize| {
        let r = reading();
        let mut found = Vec::new();
        let rows = from..(from + chunk).min(n);
        let mut persons = Vec::with_capacity(rows.len());
        let mut drafts = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some((p, d)) = r.draft(table, row, &mut found) {
                persons.push(p);
                drafts.push(d);
            }
        }
        (persons, drafts, found, r.once.into_inner())
    };
    let parts: Vec<Part<'t>> = if threads <= 1 {
        vec![run(0)]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..n)
                .step_by(chunk)
                .map(|from| s.spawn(move || run(from)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a row reader panicked"))
                .collect()
        })
    };
    // The first reader's rows grow to hold the rest rather than all moving to new vectors.
    let (mut persons, mut drafts) = (Vec::new(), Vec::new());
    let mut once: Vec<(u8, Problem)> = Vec::new();
    for (people, d, p, o) in parts {
        if drafts.is_empty() {
            (persons, drafts) = (people, d);
            persons.reserve(n - persons.len());
            drafts.reserve(n - drafts.len());
        } else {
            persons.extend(people);
            drafts.extend(d);
        }
        problems.extend(p);
        once.extend(o);
    }
    once.sort();
    once.dedup_by_key(|(kind, _)| *kind);
    problems.extend(once.into_iter().map(|(_, p)| p));
    (persons, drafts)
}

/// Finds rows by employee id, email or name; the email and name indexes are built the first
/// time a reference needs them: with employee ids throughout, they never are.
struct Lookup<'a> {
    persons: &'a [Person],
    by_employee_id: &'a HashMap<&'a str, (usize, usize)>,
    email_index: OnceCell<HashMap<String, Vec<usize>>>,
    name_index: OnceCell<HashMap<String, Vec<usize>>>,
}

impl<'a> Lookup<'a> {
    fn new(persons: &'a [Person], by_employee_id: &'a HashMap<&'a str, (usize, usize)>) -> Self {
        Lookup {
            persons,
            by_employee_id,
            email_index: OnceCell::new(),
            name_index: OnceCell::new(),
        }
    }

    fn by_email(&self) -> &HashMap<String, Vec<usize>> {
        self.email_index.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, p) in self.persons.iter().enumerate() {
                if let Some(e) = &p.email {
                    m.entry(key(e)).or_default().push(i);
                }
            }
            m
        })
    }

    fn by_name(&self) -> &HashMap<String, Vec<usize>> {
        self.name_index.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, p) in self.persons.iter().enumerate() {
                if !p.name.is_empty() {
                    m.entry(key(&p.name)).or_default().push(i);
                }
            }
            m
        })
    }

    /// The rows a reference names: by employee id, email or name as the column says, or tried
    /// in that order. Slices into the indexes: a copy per row was a 100k allocations.
    fn find(&self, target: Target, value: &str) -> Option<&[usize]> {
        let by_id = || {
            self.by_employee_id
                .get(value)
                .map(|(row, _)| std::slice::from_ref(row))
        };
        let by_mail = || self.by_email().get(&key(value)).map(Vec::as_slice);
        let by_nm = || {
            self.by_name()
                .get(&key(value))
                .map(Vec::as_slice)
                .or_else(|| {
                    // "Lee, Ada" as some systems write names.
                    let (last, first) = value.split_once(',')?;
                    self.by_name()
                        .get(&key(&format!("{} {}", first.trim(), last.trim())))
                        .map(Vec::as_slice)
                })
        };
        match target {
            Target::ManagerEmployeeId => by_id(),
            Target::ManagerEmail => by_mail(),
            Target::ManagerName => by_nm(),
            _ => by_id().or_else(by_mail).or_else(by_nm),
        }
    }
}

/// The first lines of some rows, for a problem naming them.
fn lines_of(drafts: &[Draft], found: &[usize]) -> String {
    found
        .iter()
        .take(5)
        .map(|i| drafts[*i].line.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each row's manager as a row index: employee id, then email, then a unique name.
fn resolve_managers(
    table: &Table,
    drafts: &[Draft],
    lookup: &Lookup,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let mut result = None;
        let mut failure: Option<(usize, String)> = None;
        for (target, col) in d.managers.iter().flatten() {
            let value = table.cell(d.row, *col);
            match lookup.find(*target, value) {
                Some([m]) if *m == i => {
                    failure = Some((
                        *col,
                        format!("'{value}' is this person themselves; imported without a manager"),
                    ));
                }
                Some([m]) => {
                    result = Some(*m);
                    break;
                }
                Some(many) if many.len() > 1 => {
                    failure = Some((
                        *col,
                        format!(
                            "ambiguous manager '{value}': {} people match (lines {}); imported without a manager",
                            many.len(),
                            lines_of(drafts, many)
                        ),
                    ));
                }
                _ => {
                    if failure.is_none() {
                        failure = Some((
                            *col,
                            format!("unknown manager '{value}'; imported without a manager"),
                        ));
                    }
                }
            }
        }
        if result.is_none() {
            if let Some((col, reason)) = failure {
                problems.push(Problem::new(d.line, col + 1, reason));
            }
        }
        out.push(result);
    }
    out
}

/// Dotted-line managers, as row pairs (person, manager): each cell lists references separated
/// by semicolons (employee ids as the export writes them; emails or unique names work too).
/// A reference that names nobody, several people, the person or their solid-line manager is a
/// problem of its row and that one dotted line is left out.
fn resolve_dotted(
    table: &Table,
    cols: &Columns,
    drafts: &[Draft],
    lookup: &Lookup,
    managers: &[Option<usize>],
    problems: &mut Vec<Problem>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !cols.has(Target::DottedLineManagers) {
        return out;
    }
    for (i, d) in drafts.iter().enumerate() {
        let Some((col, cell)) = cols.get(table, d.row, Target::DottedLineManagers) else {
            continue;
        };
        let mut mine: Vec<usize> = Vec::new();
        for value in cell.split(';').map(str::trim).filter(|v| !v.is_empty()) {
            let mut say = |reason: String| problems.push(Problem::new(d.line, col + 1, reason));
            match lookup.find(Target::Manager, value) {
                Some([m]) if *m == i => say(format!(
                    "'{value}' is this person themselves; that dotted line is not imported"
                )),
                Some([m]) if managers[i] == Some(*m) => say(format!(
                    "'{value}' is already this person's manager; that dotted line is not imported"
                )),
                Some([m]) => {
                    if !mine.contains(m) {
                        mine.push(*m);
                    }
                }
                Some(many) if many.len() > 1 => say(format!(
                    "ambiguous dotted-line manager '{value}': {} people match (lines {}); that dotted line is not imported",
                    many.len(),
                    lines_of(drafts, many)
                )),
                _ => say(format!(
                    "unknown dotted-line manager '{value}'; that dotted line is not imported"
                )),
            }
        }
        out.extend(mine.into_iter().map(|m| (i, m)));
    }
    out
}

/// Takes the manager off everyone in a reporting cycle, and says so for each of them.
fn break_cycles(
    persons: &[Person],
    drafts: &[Draft],
    mut managers: Vec<Option<usize>>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; drafts.len()];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    let mut path = Vec::new();
    for start in 0..drafts.len() {
        let mut cur = Some(start);
        while let Some(c) = cur {
            match state[c] {
                NEW => {
                    state[c] = ON_PATH;
                    path.push(c);
                    cur = managers[c];
                }
                ON_PATH => {
                    let from = path.iter().position(|p| *p == c).expect("on the path");
                    cycles.push(path[from..].to_vec());
                    break;
                }
                _ => break,
            }
        }
        for p in path.drain(..) {
            state[p] = DONE;
        }
    }
    for cycle in cycles {
        let names: Vec<&str> = cycle.iter().map(|i| persons[*i].display_name()).collect();
        let chain = format!("{} → {}", names.join(" → "), names[0]);
        for i in &cycle {
            let col = drafts[*i].managers[0].map_or(1, |m| m.1 + 1);
            problems.push(Problem::new(
                drafts[*i].line,
                col,
                format!("in a reporting cycle ({chain}); imported without a manager"),
            ));
            managers[*i] = None;
        }
    }
    managers
}

/// The units a file names, found again by parent and name.
struct Units {
    first_id: u32,
    list: Vec<Unit>,
    index: HashMap<(Option<UnitId>, String), UnitId>,
    by_name: HashMap<String, Vec<UnitId>>,
    /// The same lookups by the name exactly as written, which saves normalising it again.
    raw: HashMap<Option<UnitId>, HashMap<String, UnitId>>,
}

impl Units {
    fn get(&mut self, name: &str, kind: UnitKind, parent: Option<UnitId>) -> UnitId {
        if let Some(id) = self.raw.get(&parent).and_then(|m| m.get(name)) {
            return *id;
        }
        let id = self.get_normalised(name, kind, parent);
        self.raw
            .entry(parent)
            .or_default()
            .insert(name.to_string(), id);
        id
    }

    fn get_normalised(&mut self, name: &str, kind: UnitKind, parent: Option<UnitId>) -> UnitId {
        let k = (parent, key(name));
        if let Some(id) = self.index.get(&k) {
            return *id;
        }
        let id = UnitId(self.first_id + self.list.len() as u32);
        self.list.push(Unit {
            id,
            name: name.split_whitespace().collect::<Vec<_>>().join(" "),
            mission: String::new(),
            kind,
            parent,
            lead: None,
            colour: None,
            target_size: None,
        });
        self.by_name.entry(k.1.clone()).or_default().push(id);
        self.index.insert(k, id);
        id
    }
}

/// Departments become groups, teams stream-aligned teams inside their department; each person
/// gets a seat on their team, or on their department when they have no team.
fn units(persons: &[Person], drafts: &[Draft], first_id: u32) -> (Vec<Unit>, Vec<Membership>) {
    let mut units = Units {
        first_id,
        list: Vec::new(),
        index: HashMap::default(),
        by_name: HashMap::default(),
        raw: HashMap::default(),
    };
    // Seats in file order; a later seat on the same unit (from `teams`) wins.
    let mut seats: Vec<Membership> = Vec::with_capacity(drafts.len());
    for (i, d) in drafts.iter().enumerate() {
        let person = PersonId(i as u32 + 1);
        let role = default_role(persons[i].discipline);
        let dept = d.department.map(|n| units.get(n, UnitKind::Group, None));
        let team = d.team.map(|n| units.get(n, UnitKind::StreamAligned, dept));
        if let Some(unit) = team.or(dept) {
            seats.push(Membership {
                person,
                unit,
                allocation: 100,
                role,
            });
        }
    }
    // Seats from a `teams` column name units anywhere in the file; a name not seen yet
    // becomes a top-level stream-aligned team. Names as written are remembered once resolved.
    let mut seat_names: HashMap<&str, UnitId> = HashMap::default();
    for (i, d) in drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.seats.is_empty())
    {
        let person = PersonId(i as u32 + 1);
        for s in &d.seats {
            let found = match seat_names.get(s.name) {
                Some(u) => Some(*u),
                None => match units.by_name.get(&key(s.name)).map(Vec::as_slice) {
                    Some([only]) => Some(*only),
                    _ => None,
                },
            };
            let unit = match found {
                Some(u) => {
                    seat_names.insert(s.name, u);
                    u
                }
                None => units.get(s.name, UnitKind::StreamAligned, None),
            };
            let role = s
                .role
                .unwrap_or_else(|| default_role(persons[i].discipline));
            seats.push(Membership {
                person,
                unit,
                allocation: s.allocation,
                role,
            });
        }
    }
    // A stable sort keeps file order within a key; keep the last of each.
    seats.sort_by_key(|m| (m.person, m.unit));
    let mut memberships: Vec<Membership> = Vec::with_capacity(seats.len());
    for m in seats {
        match memberships.last_mut() {
            Some(last) if (last.person, last.unit) == (m.person, m.unit) => *last = m,
            _ => memberships.push(m),
        }
    }
    (units.list, memberships)
}
