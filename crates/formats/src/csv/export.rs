//! CSV export: people (with their manager and seats), units, and product-area ownership.
//!
//! Each table is its own file (`--what people|units|ownership`). The people file reads back
//! through the CSV import with the suggested mapping: its headers are ones the import knows.
//! Custom fields follow the built-in columns in the order of the document's definitions, then
//! any value keys without one (alphabetically); a person field names its person as the
//! dotted-line column does (employee id, else email, else name), which the import resolves.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use topograph_model::{FieldDefs, FieldKind, Org, Person, PersonId, UnitKind};

/// Which table to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Table {
    People,
    Units,
    Ownership,
}

impl Table {
    pub const ALL: &'static [Table] = &[Table::People, Table::Units, Table::Ownership];

    /// The spelling in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Table::People => "people",
            Table::Units => "units",
            Table::Ownership => "ownership",
        }
    }
}

impl std::str::FromStr for Table {
    type Err = String;
    fn from_str(s: &str) -> Result<Table, String> {
        Table::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == s)
            .ok_or_else(|| format!("'{s}' is not a table; expected people, units or ownership"))
    }
}

/// Writes one table of `org` as UTF-8 CSV with a header row, every custom value as text.
pub fn write(org: &Org, table: Table) -> String {
    write_with(org, table, &FieldDefs::default())
}

/// Writes one table of `org` with the document's field definitions: their order for the
/// custom columns, and people named readably in person fields.
pub fn write_with(org: &Org, table: Table, defs: &FieldDefs) -> String {
    let mut w = W(csv::WriterBuilder::new().from_writer(Vec::new()));
    match table {
        Table::People => people(org, defs, &mut w),
        Table::Units => units(org, &mut w),
        Table::Ownership => ownership(org, &mut w),
    }
    .expect("writing CSV into memory cannot fail");
    String::from_utf8(w.0.into_inner().expect("flushing into memory cannot fail"))
        .expect("CSV of UTF-8 strings is UTF-8")
}

/// Every row goes through here: each cell neutralised against formula injection (`guard`).
struct W(csv::Writer<Vec<u8>>);

impl W {
    fn write_record<I, T>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            cells
                .into_iter()
                .map(|c| super::guard::neutralise(c.as_ref()).into_owned()),
        )
    }
}

const PEOPLE_HEADERS: &[&str] = &[
    "Employee ID",
    "Name",
    "Job Title",
    "Discipline",
    "Level",
    "Work Email",
    "Location",
    "Employment Type",
    "Status",
    "Start Date",
    "Annual Cost",
    "Currency",
    "Manager Employee ID",
    "Manager Email",
    "Manager Name",
    "Department",
    "Team",
    "Teams",
    "Dotted Line Manager IDs",
    // Added with the plan over time: after the older columns, so their places do not move.
    "End Date",
    "Target Start",
    "Hiring Stage",
];

/// The custom columns: defined fields that hold a value, in the definitions' order, then keys
/// without a definition; each with whether it names a person.
fn custom_columns<'a>(org: &'a Org, defs: &'a FieldDefs) -> Vec<(&'a str, bool)> {
    let held: BTreeSet<&str> = org
        .persons()
        .flat_map(|p| p.custom.keys().map(String::as_str))
        .collect();
    let mut out: Vec<(&str, bool)> = defs
        .fields
        .iter()
        .filter(|f| held.contains(f.name.as_str()))
        .map(|f| (f.name.as_str(), f.kind == FieldKind::Person))
        .collect();
    out.extend(
        held.iter()
            .filter(|k| defs.get(k).is_none())
            .map(|k| (*k, false)),
    );
    out
}

/// A person field's value as a reference the import resolves; a value that names no one of
/// this scenario stays as it is.
fn person_ref(org: &Org, value: &str) -> String {
    match value
        .parse::<u32>()
        .ok()
        .and_then(|id| org.person(PersonId(id)))
    {
        Some(m) => m
            .employee_id
            .clone()
            .or_else(|| m.email.clone())
            .unwrap_or_else(|| m.display_name().to_string()),
        None => value.to_string(),
    }
}

fn people(org: &Org, defs: &FieldDefs, w: &mut W) -> csv::Result<()> {
    let custom = custom_columns(org, defs);
    let mut header: Vec<&str> = PEOPLE_HEADERS.to_vec();
    header.extend(custom.iter().map(|(k, _)| *k));
    w.write_record(&header)?;
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for p in org.persons() {
        row.clear();
        let manager: Option<&Person> = p.manager.and_then(|m| org.person(m));
        let seats: Vec<_> = org.memberships_of(p.id).collect();
        // The department and team columns carry the person's largest seat.
        let main = seats
            .iter()
            .max_by_key(|m| (m.allocation, std::cmp::Reverse(m.unit)));
        let (department, team) = match main.and_then(|m| org.unit(m.unit)) {
            Some(u) if u.kind == UnitKind::Group => (u.name.clone(), String::new()),
            Some(u) => (
                u.parent
                    .and_then(|x| org.unit(x))
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
                u.name.clone(),
            ),
            None => (String::new(), String::new()),
        };
        let teams = seats
            .iter()
            .filter_map(|m| {
                let u = org.unit(m.unit)?;
                Some(format!("{} ({}%, {})", u.name, m.allocation, m.role))
            })
            .collect::<Vec<_>>()
            .join("; ");
        row.extend([
            opt(&p.employee_id),
            p.name.clone(),
            p.title.clone(),
            p.discipline.to_string(),
            opt(&p.level),
            opt(&p.email),
            opt(&p.location),
            p.employment.to_string(),
            p.status.to_string(),
            opt(&p.start_date),
            p.cost
                .as_ref()
                .map(|c| c.amount.to_string())
                .unwrap_or_default(),
            p.cost
                .as_ref()
                .map(|c| c.currency.clone())
                .unwrap_or_default(),
            manager.map(|m| opt(&m.employee_id)).unwrap_or_default(),
            manager.map(|m| opt(&m.email)).unwrap_or_default(),
            manager
                .map(|m| m.display_name().to_string())
                .unwrap_or_default(),
            department,
            team,
            teams,
            dotted_refs(org, p),
            opt(&p.end_date),
            opt(&p.target_start),
            p.hiring_stage.map(|h| h.to_string()).unwrap_or_default(),
        ]);
        for (k, is_person) in &custom {
            row.push(match p.custom.get(*k) {
                Some(v) if *is_person => person_ref(org, v),
                Some(v) => v.clone(),
                None => String::new(),
            });
        }
        w.write_record(&row)?;
    }
    Ok(())
}

/// A person's dotted-line managers for the "Dotted Line Manager IDs" column, separated by
/// semicolons: each by employee id, or by email or name when they have none (the import
/// resolves a reference the same three ways).
fn dotted_refs(org: &Org, p: &Person) -> String {
    org.dotted_managers(p.id)
        .filter_map(|m| org.person(m))
        .map(|m| {
            m.employee_id
                .clone()
                .or_else(|| m.email.clone())
                .unwrap_or_else(|| m.display_name().to_string())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn units(org: &Org, w: &mut W) -> csv::Result<()> {
    w.write_record([
        "Unit ID",
        "Name",
        "Type",
        "Parent ID",
        "Parent",
        "Lead Email",
        "Lead Name",
        "Mission",
        "Members",
        "Headcount",
        "Target Size",
    ])?;
    for u in org.units() {
        let parent = u.parent.and_then(|p| org.unit(p));
        let lead = u.lead.and_then(|l| org.person(l));
        let members = org.members(u.id).count();
        let fte: u32 = org.members(u.id).map(|m| m.allocation).sum();
        w.write_record([
            u.id.0.to_string(),
            u.name.clone(),
            u.kind.to_string(),
            u.parent.map(|p| p.0.to_string()).unwrap_or_default(),
            parent.map(|p| p.name.clone()).unwrap_or_default(),
            lead.and_then(|l| l.email.clone()).unwrap_or_default(),
            lead.map(|l| l.display_name().to_string())
                .unwrap_or_default(),
            u.mission.clone(),
            members.to_string(),
            format!("{:.2}", fte as f64 / 100.0),
            u.target_size.map(|t| t.to_string()).unwrap_or_default(),
        ])?;
    }
    Ok(())
}

fn ownership(org: &Org, w: &mut W) -> csv::Result<()> {
    w.write_record([
        "Area ID",
        "Area",
        "Path",
        "Parent ID",
        "Complexity",
        "User Facing",
        "Owner ID",
        "Owner",
        "Contributors",
    ])?;
    for a in org.areas() {
        let mut path = vec![a.name.as_str()];
        let mut cur = a.parent;
        for _ in 0..org.areas().len() {
            let Some(p) = cur.and_then(|c| org.area(c)) else {
                break;
            };
            path.push(&p.name);
            cur = p.parent;
        }
        path.reverse();
        let contributors = org
            .contributors_of(a.id)
            .filter_map(|u| org.unit(u).map(|u| u.name.clone()))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            a.id.0.to_string(),
            a.name.clone(),
            path.join(" / "),
            a.parent.map(|p| p.0.to_string()).unwrap_or_default(),
            a.complexity.to_string(),
            a.user_facing.to_string(),
            a.owner.map(|o| o.0.to_string()).unwrap_or_default(),
            a.owner
                .and_then(|o| org.unit(o))
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            contributors,
        ])?;
    }
    Ok(())
}
