//! The people sheet's rows: one row per person (or per unit), one column per field, as
//! dictionary-coded columns so 100k rows cross to the UI once and sort and filter there over
//! typed arrays (`values[codes[row]]` is a cell's text; `values[0]` is always the empty cell).

use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::{BTreeSet, HashMap};
use topograph_model::{FieldDefs, FieldKind, Org, Person, PersonId};

/// Which records the sheet lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum SheetMode {
    People,
    Units,
}

/// How a column's cells compare, filter and edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum SheetKind {
    Text,
    /// A number, possibly followed by a unit ("120000 EUR"); compares by the number.
    Number,
    /// YYYY-MM-DD; compares as text, which orders dates.
    Date,
    /// One of `choices`.
    Choice,
    /// One person, shown by name (the manager).
    Person,
    /// Several people, comma-separated (dotted-line managers).
    Persons,
    /// Teams with allocations, "Payments 60%, Growth 40%".
    Teams,
}

/// One column: its field, heading, kind and cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct SheetColumn {
    /// The field: `name`, `title`, ... or `custom:<key>` for a custom field.
    pub key: String,
    pub label: String,
    pub kind: SheetKind,
    /// The allowed values of a choice column (empty otherwise).
    pub choices: Vec<String>,
    /// The distinct cell texts, in the column's sort order after `values[0]`, which is "" (so
    /// the UI ranks a column by its codes without sorting 100k strings again).
    pub values: Vec<String>,
    /// Row `i` shows `values[codes[i]]`.
    pub codes: Vec<u32>,
}

/// The rows of the open scenario, by id, with their columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct SheetTable {
    pub mode: SheetMode,
    pub ids: Vec<u32>,
    pub columns: Vec<SheetColumn>,
}

/// Collects one column's cells, interning each distinct text once.
struct Builder {
    column: SheetColumn,
    seen: HashMap<String, u32>,
}

impl Builder {
    fn new(key: &str, label: &str, kind: SheetKind, rows: usize) -> Builder {
        Builder::with_choices(key, label, kind, Vec::new(), rows)
    }

    fn with_choices(
        key: &str,
        label: &str,
        kind: SheetKind,
        choices: Vec<String>,
        rows: usize,
    ) -> Builder {
        let mut seen = HashMap::new();
        seen.insert(String::new(), 0);
        Builder {
            column: SheetColumn {
                key: key.into(),
                label: label.into(),
                kind,
                choices,
                values: vec![String::new()],
                codes: Vec::with_capacity(rows),
            },
            seen,
        }
    }

    fn push(&mut self, text: &str) {
        let code = match self.seen.get(text) {
            Some(c) => *c,
            None => {
                let c = self.column.values.len() as u32;
                self.column.values.push(text.to_string());
                self.seen.insert(text.to_string(), c);
                c
            }
        };
        self.column.codes.push(code);
    }

    fn push_opt(&mut self, text: Option<&str>) {
        self.push(text.unwrap_or(""));
    }

    /// The column with its values sorted (numbers by value, other text without regard to case)
    /// and the codes renumbered to match.
    fn finish(self) -> SheetColumn {
        let mut col = self.column;
        let mut order: Vec<u32> = (1..col.values.len() as u32).collect();
        if col.kind == SheetKind::Number {
            let nums: Vec<f64> = col.values.iter().map(|v| leading_number(v)).collect();
            order.sort_by(|a, b| {
                let (x, y) = (nums[*a as usize], nums[*b as usize]);
                match (x.is_nan(), y.is_nan()) {
                    (false, false) => x.total_cmp(&y),
                    (true, true) => std::cmp::Ordering::Equal,
                    (nan_x, _) => nan_x.cmp(&!nan_x),
                }
                .then_with(|| col.values[*a as usize].cmp(&col.values[*b as usize]))
            });
        } else {
            let folded: Vec<String> = col.values.iter().map(|v| v.to_lowercase()).collect();
            order.sort_by(|a, b| {
                folded[*a as usize]
                    .cmp(&folded[*b as usize])
                    .then_with(|| col.values[*a as usize].cmp(&col.values[*b as usize]))
            });
        }
        let mut new_code = vec![0u32; col.values.len()];
        for (rank, old) in order.iter().enumerate() {
            new_code[*old as usize] = rank as u32 + 1;
        }
        let mut values = vec![String::new(); col.values.len()];
        for (old, v) in col.values.into_iter().enumerate() {
            values[new_code[old] as usize] = v;
        }
        col.values = values;
        for c in col.codes.iter_mut() {
            *c = new_code[*c as usize];
        }
        col
    }
}

/// The number a cell starts with ("120000 EUR" → 120000); NaN when it starts with none. The
/// UI reads numbers the same way (`leadingNumber` in ui/src/sheet/sheetModel.ts).
pub fn leading_number(text: &str) -> f64 {
    let t = text.trim_start();
    let bytes = t.as_bytes();
    let mut end = usize::from(bytes.first() == Some(&b'-'));
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole = digits(end);
    if whole == 0 {
        return f64::NAN;
    }
    end += whole;
    if bytes.get(end) == Some(&b'.') && digits(end + 1) > 0 {
        end += 1 + digits(end + 1);
    }
    t[..end].parse().unwrap_or(f64::NAN)
}

fn choices<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.to_string()).collect()
}

/// Writes a number without a trailing `.0`, so "120000 EUR" reads as typed.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn name_of(org: &Org, id: PersonId) -> &str {
    org.person(id).map(Person::display_name).unwrap_or("")
}

/// The sheet of the open scenario's people or units; custom columns follow `fields` (the
/// document's definitions and the undefined keys as text, `Document::fields`).
pub fn sheet_table(org: &Org, mode: SheetMode, fields: &FieldDefs) -> SheetTable {
    match mode {
        SheetMode::People => people(org, fields),
        SheetMode::Units => units(org),
    }
}

fn people(org: &Org, fields: &FieldDefs) -> SheetTable {
    use topograph_model::{Discipline, Employment, HiringStage, PersonStatus};
    let n = org.person_count();
    let mut custom_keys: BTreeSet<&str> = org
        .persons()
        .flat_map(|p| p.custom.keys().map(String::as_str))
        .collect();
    custom_keys.extend(fields.fields.iter().map(|f| f.name.as_str()));
    let text = |k: &str, l: &str| Builder::new(k, l, SheetKind::Text, n);
    let mut name = text("name", "Name");
    let mut title = text("title", "Title");
    let mut discipline = Builder::with_choices(
        "discipline",
        "Discipline",
        SheetKind::Choice,
        choices(Discipline::ALL),
        n,
    );
    let mut level = text("level", "Level");
    let mut manager = Builder::new("manager", "Manager", SheetKind::Person, n);
    let mut dotted = Builder::new("dotted", "Dotted-line managers", SheetKind::Persons, n);
    let mut teams = Builder::new("teams", "Teams", SheetKind::Teams, n);
    let mut location = text("location", "Location");
    let mut email = text("email", "Email");
    let mut employee_id = text("employee_id", "Employee id");
    let mut employment = Builder::with_choices(
        "employment",
        "Employment",
        SheetKind::Choice,
        choices(Employment::ALL),
        n,
    );
    let mut status = Builder::with_choices(
        "status",
        "Status",
        SheetKind::Choice,
        choices(PersonStatus::ALL),
        n,
    );
    let mut stage = Builder::with_choices(
        "hiring_stage",
        "Hiring stage",
        SheetKind::Choice,
        choices(HiringStage::ALL),
        n,
    );
    let mut start = Builder::new("start_date", "Start date", SheetKind::Date, n);
    let mut end = Builder::new("end_date", "End date", SheetKind::Date, n);
    let mut target = text("target_start", "Target start");
    let mut cost = Builder::new("cost", "Cost", SheetKind::Number, n);
    // Defined fields first, in the order they were defined, then undefined keys (text).
    let ordered = fields.fields.iter().map(|f| f.name.as_str()).chain(
        custom_keys
            .iter()
            .copied()
            .filter(|k| fields.get(k).is_none()),
    );
    let mut custom: Vec<(&str, Builder)> = ordered
        .map(|k| {
            let key = format!("custom:{k}");
            let b = match fields.get(k).map(|f| f.kind) {
                Some(FieldKind::Number) => Builder::new(&key, k, SheetKind::Number, n),
                Some(FieldKind::Date) => Builder::new(&key, k, SheetKind::Date, n),
                Some(FieldKind::Choice) => {
                    let def = fields.get(k).expect("matched");
                    let names = def.choices.iter().map(|c| c.name.clone()).collect();
                    Builder::with_choices(&key, k, SheetKind::Choice, names, n)
                }
                // A person field shows the id it holds; picking by name is left for later.
                _ => text(&key, k),
            };
            (k, b)
        })
        .collect();
    let mut ids = Vec::with_capacity(n);
    let mut buf = String::new();
    for p in org.persons() {
        ids.push(p.id.0);
        name.push(&p.name);
        title.push(&p.title);
        discipline.push(p.discipline.as_str());
        level.push_opt(p.level.as_deref());
        manager.push(p.manager.map(|m| name_of(org, m)).unwrap_or(""));
        buf.clear();
        for (i, m) in org.dotted_managers(p.id).enumerate() {
            if i > 0 {
                buf.push_str(", ");
            }
            buf.push_str(name_of(org, m));
        }
        dotted.push(&buf);
        buf.clear();
        for (i, m) in org.memberships_of(p.id).enumerate() {
            if i > 0 {
                buf.push_str(", ");
            }
            let unit = org.unit(m.unit).map(|u| u.name.as_str()).unwrap_or("");
            buf.push_str(&format!("{unit} {}%", m.allocation));
        }
        teams.push(&buf);
        location.push_opt(p.location.as_deref());
        email.push_opt(p.email.as_deref());
        employee_id.push_opt(p.employee_id.as_deref());
        employment.push(p.employment.as_str());
        status.push(p.status.as_str());
        stage.push(p.hiring_stage.map(|s| s.as_str()).unwrap_or(""));
        start.push_opt(p.start_date.as_deref());
        end.push_opt(p.end_date.as_deref());
        target.push_opt(p.target_start.as_deref());
        match &p.cost {
            Some(c) => cost.push(&format!("{} {}", number_text(c.amount), c.currency)),
            None => cost.push(""),
        }
        for (k, b) in custom.iter_mut() {
            b.push(p.custom.get(*k).map(String::as_str).unwrap_or(""));
        }
    }
    let mut columns: Vec<SheetColumn> = [
        name,
        title,
        discipline,
        level,
        manager,
        dotted,
        teams,
        location,
        email,
        employee_id,
        employment,
        status,
        stage,
        start,
        end,
        target,
        cost,
    ]
    .into_iter()
    .map(Builder::finish)
    .collect();
    columns.extend(custom.into_iter().map(|(_, b)| b.finish()));
    SheetTable {
        mode: SheetMode::People,
        ids,
        columns,
    }
}

fn units(org: &Org) -> SheetTable {
    use topograph_model::UnitKind;
    let n = org.units().len();
    let mut name = Builder::new("name", "Name", SheetKind::Text, n);
    let mut kind =
        Builder::with_choices("kind", "Kind", SheetKind::Choice, choices(UnitKind::ALL), n);
    let mut parent = Builder::new("parent", "Parent", SheetKind::Text, n);
    let mut lead = Builder::new("lead", "Lead", SheetKind::Person, n);
    let mut mission = Builder::new("mission", "Mission", SheetKind::Text, n);
    let mut members = Builder::new("members", "Members", SheetKind::Number, n);
    let mut target = Builder::new("target_size", "Target size", SheetKind::Number, n);
    let mut colour = Builder::new("colour", "Colour", SheetKind::Text, n);
    let mut ids = Vec::with_capacity(n);
    for u in org.units() {
        ids.push(u.id.0);
        name.push(&u.name);
        kind.push(u.kind.as_str());
        parent.push(
            u.parent
                .and_then(|p| org.unit(p))
                .map(|p| p.name.as_str())
                .unwrap_or(""),
        );
        lead.push(u.lead.map(|l| name_of(org, l)).unwrap_or(""));
        mission.push(&u.mission);
        members.push(&org.members(u.id).count().to_string());
        target.push(&u.target_size.map(|t| t.to_string()).unwrap_or_default());
        colour.push_opt(u.colour.as_deref());
    }
    SheetTable {
        mode: SheetMode::Units,
        ids,
        columns: [name, kind, parent, lead, mission, members, target, colour]
            .into_iter()
            .map(Builder::finish)
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<'a>(t: &'a SheetTable, key: &str, row: usize) -> &'a str {
        let c = t.columns.iter().find(|c| c.key == key).expect("column");
        &c.values[c.codes[row] as usize]
    }

    #[test]
    fn every_person_of_the_sample_is_one_row_with_their_manager_and_teams_by_name() {
        let org = topograph_sample::sample();
        let t = sheet_table(&org, SheetMode::People, &FieldDefs::default());
        assert_eq!(t.ids.len(), org.person_count());
        for c in &t.columns {
            assert_eq!(c.codes.len(), t.ids.len(), "column {}", c.key);
            assert_eq!(c.values[0], "");
        }
        let with_manager = org.persons().position(|p| p.manager.is_some()).unwrap();
        let p = org.persons().nth(with_manager).unwrap();
        let boss = org.person(p.manager.unwrap()).unwrap();
        assert_eq!(cell(&t, "name", with_manager), p.name);
        assert_eq!(cell(&t, "manager", with_manager), boss.display_name());
        let member = org.memberships().next().unwrap();
        let row = t.ids.iter().position(|id| *id == member.person.0).unwrap();
        let unit = org.unit(member.unit).unwrap();
        assert!(cell(&t, "teams", row).contains(&format!("{} {}%", unit.name, member.allocation)));
    }

    #[test]
    fn a_defined_field_is_a_typed_column_even_before_anyone_has_a_value() {
        use topograph_model::{FieldChoice, FieldDef};
        let org = topograph_sample::sample();
        let office = FieldDef {
            name: "Office".into(),
            kind: FieldKind::Choice,
            choices: vec![FieldChoice {
                name: "North".into(),
                colour: "#1f77b4".into(),
            }],
            on_cards: false,
        };
        let mut score = FieldDef::text("Score");
        score.kind = FieldKind::Number;
        let fields = FieldDefs {
            fields: vec![office, score],
        };
        let t = sheet_table(&org, SheetMode::People, &fields);
        let col = |k: &str| t.columns.iter().find(|c| c.key == k).unwrap();
        assert_eq!(col("custom:Office").kind, SheetKind::Choice);
        assert_eq!(col("custom:Office").choices, vec!["North".to_string()]);
        assert_eq!(col("custom:Score").kind, SheetKind::Number);
        // The sample's undefined key stays a text column, after the defined ones.
        assert_eq!(col("custom:Cost centre").kind, SheetKind::Text);
        let at = |k: &str| t.columns.iter().position(|c| c.key == k).unwrap();
        assert!(
            at("custom:Office") < at("custom:Score")
                && at("custom:Score") < at("custom:Cost centre")
        );
    }

    #[test]
    fn equal_cells_share_one_dictionary_entry() {
        let org = topograph_sample::sample();
        let t = sheet_table(&org, SheetMode::People, &FieldDefs::default());
        let status = t.columns.iter().find(|c| c.key == "status").unwrap();
        assert!(status.values.len() <= 5);
        assert_eq!(status.choices.len(), 4);
    }

    #[test]
    fn the_units_mode_lists_every_unit_with_its_member_count() {
        let org = topograph_sample::sample();
        let t = sheet_table(&org, SheetMode::Units, &FieldDefs::default());
        assert_eq!(t.ids.len(), org.units().len());
        let u = org.units().next().unwrap();
        assert_eq!(cell(&t, "name", 0), u.name);
        assert_eq!(
            cell(&t, "members", 0),
            org.members(u.id).count().to_string()
        );
    }

    #[test]
    fn each_column_s_values_come_in_sort_order_so_codes_are_ranks() {
        let org = topograph_sample::generate(500, 3);
        let t = sheet_table(&org, SheetMode::People, &FieldDefs::default());
        for c in &t.columns {
            assert_eq!(c.values[0], "");
            for w in c.values[1..].windows(2) {
                if c.kind == SheetKind::Number {
                    let (a, b) = (leading_number(&w[0]), leading_number(&w[1]));
                    assert!(a <= b || b.is_nan(), "{}: {} before {}", c.key, w[0], w[1]);
                } else {
                    assert!(
                        w[0].to_lowercase() <= w[1].to_lowercase(),
                        "{}: {} before {}",
                        c.key,
                        w[0],
                        w[1]
                    );
                }
            }
        }
        let name = t.columns.iter().find(|c| c.key == "name").unwrap();
        for (row, p) in org.persons().enumerate() {
            assert_eq!(name.values[name.codes[row] as usize], p.name);
        }
    }

    #[test]
    fn a_leading_number_is_read_as_the_ui_reads_it() {
        assert_eq!(leading_number("120000 EUR"), 120000.0);
        assert_eq!(leading_number(" -1.5x"), -1.5);
        assert_eq!(leading_number("7."), 7.0);
        assert!(leading_number("EUR 5").is_nan());
        assert!(leading_number("").is_nan());
    }

    #[test]
    fn numbers_are_written_without_a_trailing_zero() {
        assert_eq!(number_text(120000.0), "120000");
        assert_eq!(number_text(1.5), "1.5");
    }
}
