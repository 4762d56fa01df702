//! One CSV row to a draft person: names composed, values parsed, problems noted per cell.

use super::dates::{self, DateError, DateOrder};
use super::mapping::{DecimalMark, Mapping, Target};
use super::numbers;
use super::Table;
use crate::infer;
use crate::{PersonField, Problem};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use topograph_model::{
    Cost, Discipline, Employment, FieldDef, FieldDefs, FieldKind, Person, PersonId, PersonStatus,
    TeamRole,
};

/// A custom column: where it is, the field it fills, and that field's definition in the target
/// document (none: a new text field of that name).
pub struct CustomCol {
    pub col: usize,
    pub key: String,
    pub def: Option<FieldDef>,
}

impl CustomCol {
    pub fn kind(&self) -> FieldKind {
        self.def.as_ref().map_or(FieldKind::Text, |d| d.kind)
    }
}

/// Where each target's columns are (a target may have several: the first non-empty cell wins).
pub struct Columns {
    /// Indexed by `Target as usize`.
    by_target: Vec<Vec<usize>>,
    pub custom: Vec<CustomCol>,
    pub headers: Vec<String>,
}

impl Columns {
    pub fn new(table: &Table, mapping: &Mapping, defs: &FieldDefs) -> Columns {
        let mut by_target: Vec<Vec<usize>> = vec![Vec::new(); Target::Ignore as usize + 1];
        let mut custom = Vec::new();
        for (i, h) in table.headers.iter().enumerate() {
            match mapping.target(h) {
                Target::Ignore => {}
                Target::Custom if h.is_empty() => {}
                Target::Custom => {
                    let (key, def) = mapping.custom_field(h, defs);
                    custom.push(CustomCol {
                        col: i,
                        key,
                        def: def.cloned(),
                    });
                }
                t => by_target[t as usize].push(i),
            }
        }
        Columns {
            by_target,
            custom,
            headers: table.headers.clone(),
        }
    }

    pub fn has(&self, t: Target) -> bool {
        !self.by_target[t as usize].is_empty()
    }

    /// The first column mapped to `t` (for problems about a missing value).
    pub fn first(&self, t: Target) -> Option<usize> {
        self.by_target[t as usize].first().copied()
    }

    /// The first non-empty cell of target `t` in a row, with its column.
    pub fn get<'t>(&self, table: &'t Table, row: usize, t: Target) -> Option<(usize, &'t str)> {
        self.by_target[t as usize].iter().find_map(|c| {
            let v = table.cell(row, *c);
            (!v.is_empty()).then_some((*c, v))
        })
    }

    /// The person fields these columns carry.
    pub fn fields(&self) -> BTreeSet<PersonField> {
        use PersonField as F;
        let mut f = BTreeSet::new();
        let pairs: &[(&[Target], F)] = &[
            (
                &[
                    Target::Name,
                    Target::FirstName,
                    Target::LastName,
                    Target::PreferredName,
                ],
                F::Name,
            ),
            (&[Target::Title], F::Title),
            (&[Target::Discipline], F::Discipline),
            (&[Target::Level], F::Level),
            (&[Target::Location], F::Location),
            (&[Target::Email], F::Email),
            (&[Target::EmployeeId], F::EmployeeId),
            (&[Target::Employment], F::Employment),
            (&[Target::Status], F::Status),
            (&[Target::StartDate], F::StartDate),
            (&[Target::EndDate], F::EndDate),
            (&[Target::TargetStart], F::TargetStart),
            (&[Target::HiringStage], F::HiringStage),
            (&[Target::Cost], F::Cost),
            (
                &[
                    Target::Manager,
                    Target::ManagerEmail,
                    Target::ManagerEmployeeId,
                    Target::ManagerName,
                ],
                F::Manager,
            ),
            (
                &[Target::Department, Target::Team, Target::Teams],
                F::Memberships,
            ),
        ];
        for (targets, field) in pairs {
            if targets.iter().any(|t| self.has(*t)) {
                f.insert(*field);
            }
        }
        if !self.custom.is_empty() {
            f.insert(F::Custom);
        }
        f
    }
}

/// A seat named in a `teams` cell.
pub struct Seat<'t> {
    pub name: &'t str,
    pub allocation: u32,
    pub role: Option<TeamRole>,
}

/// What a row still needs from the other rows once read into a person: managers and units.
/// The person itself is kept apart (see [`Reading::draft`]), so the people read become the
/// import's records without moving them again.
///
/// Unit names stay in the table's cells and manager references in a fixed array: allocating
/// them per row cost a 100k-row file more than resolving them.
pub struct Draft<'t> {
    pub row: usize,
    pub line: usize,
    /// Manager references: which kind of column and the column (the value is in the table),
    /// in the order they are tried.
    pub managers: [Option<(Target, usize)>; 4],
    pub department: Option<&'t str>,
    pub team: Option<&'t str>,
    pub seats: Vec<Seat<'t>>,
}

/// How to read values, decided once per file.
pub struct Reading<'a> {
    pub cols: &'a Columns,
    /// Disciplines guessed from titles so far: titles repeat, and guessing is string work.
    pub guessed: std::cell::RefCell<HashMap<String, Discipline>>,
    pub said_ambiguous: std::cell::Cell<bool>,
    pub said_no_currency: std::cell::Cell<bool>,
    /// Problems said once for the whole file, by kind: when rows are read in parallel, the
    /// earliest of each kind across the readers is kept.
    pub once: std::cell::RefCell<Vec<(u8, Problem)>>,
    pub dates: DateOrder,
    pub decimal: DecimalMark,
    pub currency: Option<&'a str>,
}

impl Reading<'_> {
    fn once(&self, kind: u8, line: usize, col: usize, reason: String) {
        self.once
            .borrow_mut()
            .push((kind, Problem::new(line, col + 1, reason)));
    }

    fn guess(&self, title: &str) -> Discipline {
        if let Some(d) = self.guessed.borrow().get(title) {
            return *d;
        }
        let d = infer::discipline(title);
        self.guessed.borrow_mut().insert(title.to_string(), d);
        d
    }

    /// Reads one row into a person and its draft; `None` when the row cannot become a person
    /// (the reason is in `problems`).
    pub fn draft<'t>(
        &self,
        table: &'t Table,
        row: usize,
        problems: &mut Vec<Problem>,
    ) -> Option<(Person, Draft<'t>)> {
        let line = table.line(row);
        let cols = self.cols;
        let get = |t| cols.get(table, row, t);
        let text = |t| get(t).map(|(_, v)| v.to_string());
        let mut note =
            |col: usize, reason: String| problems.push(Problem::new(line, col + 1, reason));
        let header = |col: usize| &cols.headers[col];

        let status = match get(Target::Status) {
            None => PersonStatus::Active,
            Some((c, v)) => infer::status(v).unwrap_or_else(|| {
                note(c, format!("unknown status '{v}'; imported as active"));
                PersonStatus::Active
            }),
        };
        let title = text(Target::Title).unwrap_or_default();
        let name = self.name(table, row);
        let open_position = status == PersonStatus::OpenPosition && !title.is_empty();
        if name.is_empty() && !open_position {
            let col = [
                Target::Name,
                Target::FirstName,
                Target::LastName,
                Target::PreferredName,
            ]
            .iter()
            .find_map(|t| cols.first(*t))
            .unwrap_or(0);
            note(col, "missing name; row skipped".to_string());
            return None;
        }
        let discipline = match get(Target::Discipline) {
            Some((_, v)) => v
                .parse()
                .ok()
                .or_else(|| infer::discipline_named(v))
                .unwrap_or_else(|| self.guess(v)),
            None => self.guess(&title),
        };
        let employment = match get(Target::Employment) {
            None => Employment::Employee,
            Some((c, v)) => infer::employment(v).unwrap_or_else(|| {
                note(
                    c,
                    format!("unknown employment type '{v}'; imported as employee"),
                );
                Employment::Employee
            }),
        };
        let email = match get(Target::Email) {
            Some((c, v)) if !v.contains('@') || v.chars().any(char::is_whitespace) => {
                note(
                    c,
                    format!("'{v}' is not an email address; imported without an email"),
                );
                None
            }
            other => other.map(|(_, v)| v.to_string()),
        };
        let start_date = match get(Target::StartDate) {
            None => None,
            Some((c, v)) => match dates::parse(v, self.dates) {
                Ok(d) => Some(d),
                Err(DateError::Ambiguous(d)) => {
                    // The order is one choice for the whole file: said once.
                    if !self.said_ambiguous.replace(true) {
                        self.once(
                            0,
                            line,
                            c,
                            format!(
                                "ambiguous date '{v}' in {}: read as {d}, and every date like it \
                                 month first; set \"dates\" to \"day-first\" or \"month-first\" \
                                 in the mapping",
                                header(c)
                            ),
                        );
                    }
                    Some(d)
                }
                Err(DateError::Bad) => {
                    note(
                        c,
                        format!(
                            "bad date '{v}' in {}; imported without a start date",
                            header(c)
                        ),
                    );
                    None
                }
            },
        };
        let end_date = match get(Target::EndDate) {
            None => None,
            Some((c, v)) => match dates::parse(v, self.dates) {
                Ok(d) | Err(DateError::Ambiguous(d)) => match &start_date {
                    Some(s) if d < *s => {
                        note(
                            c,
                            format!(
                                "the end date {d} in {} is before the start date {s}; imported \
                                 without an end date",
                                header(c)
                            ),
                        );
                        None
                    }
                    _ => Some(d),
                },
                Err(DateError::Bad) => {
                    note(
                        c,
                        format!(
                            "bad date '{v}' in {}; imported without an end date",
                            header(c)
                        ),
                    );
                    None
                }
            },
        };
        let target_start = match get(Target::TargetStart) {
            None => None,
            Some((c, v)) => {
                let upper = v.trim().to_ascii_uppercase();
                if topograph_model::target_start_day(&upper).is_some() {
                    Some(upper)
                } else if let Ok(d) | Err(DateError::Ambiguous(d)) = dates::parse(v, self.dates) {
                    Some(d)
                } else {
                    note(
                        c,
                        format!(
                            "target start '{v}' in {} is not a month (2027-03), a quarter \
                             (2027-Q1) or a date; imported without a target start",
                            header(c)
                        ),
                    );
                    None
                }
            }
        };
        let hiring_stage = match get(Target::HiringStage) {
            None => None,
            Some((c, v)) => match v.trim().to_ascii_lowercase().parse() {
                Ok(stage) => Some(stage),
                Err(e) => {
                    note(c, format!("{e}; imported without a hiring stage"));
                    None
                }
            },
        };
        let cost = self.cost(table, row, &mut note);
        let mut custom = BTreeMap::new();
        for cc in &cols.custom {
            let v = table.cell(row, cc.col);
            if v.is_empty() {
                continue;
            }
            // Person fields are resolved with the managers, once every row is read.
            if cc.kind() == FieldKind::Person {
                continue;
            }
            match self.custom_value(cc, v, line) {
                Ok(value) => {
                    custom.insert(cc.key.clone(), value);
                }
                Err(reason) => note(cc.col, reason),
            }
        }
        let mut managers = [None; 4];
        let mut found = managers.iter_mut();
        for t in [
            Target::ManagerEmployeeId,
            Target::ManagerEmail,
            Target::ManagerName,
            Target::Manager,
        ] {
            if let Some((c, _)) = get(t) {
                *found.next().expect("one slot per kind") = Some((t, c));
            }
        }
        let seats = match get(Target::Teams) {
            Some((c, v)) => seats(v).unwrap_or_else(|bad| {
                note(
                    c,
                    format!(
                        "cannot read the team '{bad}' in {}; that seat is skipped",
                        header(c)
                    ),
                );
                seats_lenient(v)
            }),
            None => Vec::new(),
        };
        let person = Person {
            id: PersonId(0),
            name,
            title,
            discipline,
            level: text(Target::Level),
            location: text(Target::Location),
            email,
            employee_id: text(Target::EmployeeId),
            employment,
            status,
            start_date,
            end_date,
            target_start,
            hiring_stage,
            cost,
            custom,
            manager: None,
        };
        let draft = Draft {
            row,
            line,
            managers,
            department: get(Target::Department).map(|(_, v)| v),
            team: get(Target::Team).map(|(_, v)| v),
            seats,
        };
        Some((person, draft))
    }

    /// A custom cell read by its field's type, in the form the document keeps (numbers with a
    /// point, days as YYYY-MM-DD, a choice as the definition spells it); the reason otherwise.
    fn custom_value(&self, cc: &CustomCol, v: &str, line: usize) -> Result<String, String> {
        let header = &self.cols.headers[cc.col];
        let Some(def) = &cc.def else {
            return Ok(v.to_string());
        };
        let without = "; imported without it";
        match def.kind {
            FieldKind::Text | FieldKind::Person => def
                .check_value(v, |_| true)
                .map(|()| v.to_string())
                .map_err(|e| format!("{}{without}", e.message)),
            FieldKind::Number => number(v, self.decimal)
                .ok_or_else(|| format!("bad number '{v}' in {header}, a number field{without}")),
            FieldKind::Date => match dates::parse(v, self.dates) {
                Ok(d) => Ok(d),
                Err(DateError::Ambiguous(d)) => {
                    if !self.said_ambiguous.replace(true) {
                        self.once(
                            0,
                            line,
                            cc.col,
                            format!(
                                "ambiguous date '{v}' in {header}: read as {d}, and every date like \
                                 it month first; set \"dates\" to \"day-first\" or \"month-first\" \
                                 in the mapping"
                            ),
                        );
                    }
                    Ok(d)
                }
                Err(DateError::Bad) => {
                    Err(format!("bad date '{v}' in {header}, a date field{without}"))
                }
            },
            FieldKind::Choice => {
                let found = def.choices.iter().find(|c| c.name == v).or_else(|| {
                    def.choices
                        .iter()
                        .find(|c| c.name.to_lowercase() == v.to_lowercase())
                });
                match found {
                    Some(c) => Ok(c.name.clone()),
                    None => Err(format!(
                        "'{v}' in {header} is not a choice of '{}' ({}){without}",
                        def.name,
                        def.choices
                            .iter()
                            .map(|c| c.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                }
            }
        }
    }

    fn name(&self, table: &Table, row: usize) -> String {
        let cols = self.cols;
        let get = |t| cols.get(table, row, t).map(|(_, v)| v);
        let first = get(Target::FirstName);
        let last = get(Target::LastName);
        let preferred = get(Target::PreferredName);
        let full = get(Target::Name);
        let joined = |given: Option<&str>, last: &str| match given {
            Some(g) => format!("{g} {last}"),
            None => last.to_string(),
        };
        let name = match (last, preferred.or(first)) {
            (Some(l), given) => joined(given, l),
            (None, _) => preferred.or(full).or(first).unwrap_or("").to_string(),
        };
        // Names are compared and shown with single spaces.
        if name.contains("  ") || name.contains(|c: char| c.is_whitespace() && c != ' ') {
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            name
        }
    }

    fn cost(
        &self,
        table: &Table,
        row: usize,
        note: &mut impl FnMut(usize, String),
    ) -> Option<Cost> {
        let (c, v) = self.cols.get(table, row, Target::Cost)?;
        let Some(amount) = numbers::parse(v, self.decimal) else {
            note(
                c,
                format!(
                    "bad number '{v}' in {}; imported without a cost",
                    self.cols.headers[c]
                ),
            );
            return None;
        };
        let currency = self
            .cols
            .get(table, row, Target::Currency)
            .map(|(_, v)| v.trim().to_ascii_uppercase())
            .or(amount.currency)
            .or(self.currency.map(|c| c.trim().to_ascii_uppercase()));
        match currency {
            Some(cur) if cur.len() == 3 && cur.bytes().all(|b| b.is_ascii_uppercase()) => {
                Some(Cost {
                    amount: amount.value,
                    currency: cur,
                })
            }
            Some(cur) => {
                note(c, format!("'{cur}' is not a currency code such as EUR or USD; imported without a cost"));
                None
            }
            None => {
                // Said once for the file when nothing in it gives a currency.
                let file_wide = !self.cols.has(Target::Currency);
                if !file_wide || !self.said_no_currency.replace(true) {
                    let scope = if file_wide {
                        "; imported without costs (said once for the file)"
                    } else {
                        "; imported without a cost"
                    };
                    let reason = format!(
                        "the cost '{v}' has no currency (add a currency column or \"currency\" to the mapping){scope}"
                    );
                    if file_wide {
                        self.once(1, table.line(row), c, reason);
                    } else {
                        note(c, reason);
                    }
                }
                None
            }
        }
    }
}

/// A number field's cell in the form the document keeps: "1,5" in a file whose decimal mark is
/// a comma, "1,234.5" with thousands grouped, "-3". Currency amounts are not numbers here.
pub fn number(v: &str, decimal: DecimalMark) -> Option<String> {
    let plain = v.trim();
    let direct = |s: &str| s.parse::<f64>().ok().filter(|n| n.is_finite());
    let (group, mark) = if decimal == DecimalMark::Comma {
        ('.', ',')
    } else {
        (',', '.')
    };
    // Thousands come in threes: "1,5" with a point for decimals is a mistake, not fifteen.
    let whole = plain.split(mark).next().unwrap_or("");
    if whole.split(group).skip(1).any(|g| g.len() != 3) {
        return None;
    }
    let n = direct(&plain.replace(group, "").replace(mark, "."))?;
    // Digits, one sign and marks only: "12 apples" and "1e400" are not numbers.
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+');
    if !plain.chars().all(allowed) {
        return None;
    }
    Some(n.to_string())
}

/// Reads `Payments (60%, engineer); Search (40%, tech-lead); Platform`. Fails with the first
/// entry it cannot read.
pub fn seats(cell: &str) -> Result<Vec<Seat<'_>>, String> {
    let mut out = Vec::new();
    for entry in cell.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        out.push(seat(entry).ok_or_else(|| entry.to_string())?);
    }
    Ok(out)
}

fn seats_lenient(cell: &str) -> Vec<Seat<'_>> {
    cell.split(';').filter_map(|e| seat(e.trim())).collect()
}

fn seat(entry: &str) -> Option<Seat<'_>> {
    let (name, details) = match entry.rfind('(') {
        Some(open) if entry.ends_with(')') => (&entry[..open], &entry[open + 1..entry.len() - 1]),
        _ => (entry, ""),
    };
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut allocation = 100;
    let mut role = None;
    for part in details.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if let Some(n) = part
            .strip_suffix('%')
            .or(part.parse::<u32>().ok().map(|_| part))
        {
            allocation = n.trim().parse().ok().filter(|a| (1..=100).contains(a))?;
        } else {
            role = Some(infer::role_named(part)?);
        }
    }
    Some(Seat {
        name,
        allocation,
        role,
    })
}

/// The team role a person takes on a team when the file does not say.
pub fn default_role(discipline: Discipline) -> TeamRole {
    infer::role(discipline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_field_reads_either_decimal_mark_and_grouped_thousands() {
        let point = |v| number(v, DecimalMark::Point);
        let comma = |v| number(v, DecimalMark::Comma);
        assert_eq!(point("4.5").as_deref(), Some("4.5"));
        assert_eq!(point("-3").as_deref(), Some("-3"));
        assert_eq!(point("1,234.5").as_deref(), Some("1234.5"));
        assert_eq!(comma("1.234,5").as_deref(), Some("1234.5"));
        assert_eq!(comma("1,5").as_deref(), Some("1.5"));
        assert_eq!(point("1,5"), None, "not fifteen");
        assert_eq!(point("12 apples"), None);
        assert_eq!(point("1e400"), None);
        assert_eq!(point("$5"), None);
    }

    #[test]
    fn a_teams_cell_lists_seats_with_allocations_and_roles() {
        let s = seats("Payments (60%, engineer); Search (40%, Tech Lead); Platform").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].name, s[0].allocation, s[0].role),
            ("Payments", 60, Some(TeamRole::Engineer))
        );
        assert_eq!(s[1].role, Some(TeamRole::TechLead));
        assert_eq!((s[2].allocation, s[2].role), (100, None));
        assert_eq!(seats("A (150%)").err().as_deref(), Some("A (150%)"));
        assert_eq!(seats("B (wizard)").err().as_deref(), Some("B (wizard)"));
    }
}
