//! The column mapping: what each column of a CSV holds, as a small JSON file, and the mapping
//! suggested from the header names HR systems use.

use super::dates::DateOrder;
use super::Table;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{FieldDef, FieldDefs, FieldKind};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    EmployeeId,
    /// The whole name ("Full Name", "Employee Name").
    Name,
    FirstName,
    LastName,
    /// Used instead of the first name, or instead of the whole name when there is no last name.
    PreferredName,
    Email,
    Title,
    /// A manager by employee id, email or name, tried in that order.
    Manager,
    ManagerEmployeeId,
    ManagerEmail,
    ManagerName,
    /// Dotted-line (secondary) managers, separated by semicolons: employee ids as the export
    /// writes them, or emails or unique names.
    DottedLineManagers,
    /// Becomes a group unit; the person is a member unless they are on a team.
    Department,
    /// Becomes a stream-aligned team inside the row's department.
    Team,
    /// Several teams as Topograph's CSV export writes them: `Payments (60%, engineer); Search (40%)`.
    Teams,
    Location,
    Level,
    Discipline,
    Employment,
    Status,
    StartDate,
    /// A leaver's last day.
    EndDate,
    /// When an open position or planned hire should start: a month, a quarter or a day.
    TargetStart,
    /// open, approved, interviewing, offer or filled.
    HiringStage,
    /// An annual amount, optionally with its currency ("85,000 USD", "€ 72.000").
    Cost,
    /// The cost's ISO currency code.
    Currency,
    /// A custom field: the document's field whose name matches the header (its values checked
    /// by the field's type), else a text field named after the header.
    Custom,
    /// Not imported.
    Ignore,
}

impl Target {
    /// Whether the target says who a row is or whom they report to: a header suggesting one
    /// keeps it even when a custom field has the header's name.
    fn identifies(self) -> bool {
        matches!(
            self,
            Target::EmployeeId
                | Target::Name
                | Target::FirstName
                | Target::LastName
                | Target::PreferredName
                | Target::Email
                | Target::Manager
                | Target::ManagerEmployeeId
                | Target::ManagerEmail
                | Target::ManagerName
                | Target::DottedLineManagers
        )
    }
}

/// How to read decimal numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum DecimalMark {
    /// A comma in semicolon-separated files (European spreadsheets), a point otherwise.
    #[default]
    Auto,
    Point,
    Comma,
}

/// A column mapping, stored as a small JSON file (`--mapping MAP.json`):
///
/// ```json
/// {
///   "columns": { "Full Name": "name", "Work Email": "email", "Reports To": "manager",
///                "SSN": "ignore" },
///   "dates": "day-first",
///   "decimal": "comma",
///   "currency": "EUR"
/// }
/// ```
///
/// Headers are compared ignoring case and spacing. A column the mapping does not name becomes
/// a custom field (map it to `"ignore"` to drop it).
///
/// `fields` says, for each custom column, the field it fills in the target document and the
/// type its values are checked as (`"Workplace": {"field": "Office", "type": "choice"}`). A
/// column fills the field `field` names: the target document's definition of that name (its
/// values checked by the definition's type), else a new text field of that name; a custom column
/// `fields` leaves out fills the field its header names. The type is written for people to read
/// and worked out again from the document's definitions on every import, so a saved mapping
/// stays right for another document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub columns: BTreeMap<String, Target>,
    /// How to read dates such as 03/04/2021; "auto" decides from the file's unambiguous dates.
    #[serde(default)]
    pub dates: DateOrder,
    #[serde(default)]
    pub decimal: DecimalMark,
    /// The currency of costs given without one (ISO 4217, "EUR").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What each custom column becomes (see above).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, CustomColumn>,
}

/// What a custom column becomes in the target document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct CustomColumn {
    /// The field's name: the definition's spelling, or the header for a new text field.
    pub field: String,
    /// The type its values are checked as (worked out from the document when read, so a
    /// mapping written by hand may leave it out).
    #[serde(rename = "type", default = "text_kind")]
    pub kind: FieldKind,
}

fn text_kind() -> FieldKind {
    FieldKind::Text
}

/// The field definition a header names, ignoring case and spacing as headers compare.
pub fn defined_field<'d>(defs: &'d FieldDefs, header: &str) -> Option<&'d FieldDef> {
    let key = normalise(header);
    defs.fields
        .iter()
        .find(|f| f.name == header)
        .or_else(|| defs.fields.iter().find(|f| normalise(&f.name) == key))
}

impl Mapping {
    /// Reads a mapping file's JSON.
    pub fn from_json(text: &str) -> Result<Mapping, String> {
        serde_json::from_str(text).map_err(|e| {
            format!(
                "{}:{}: the mapping is not valid: {e}",
                e.line().max(1),
                e.column().max(1)
            )
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a mapping serialises")
    }

    /// The mapping with `fields` describing its custom columns among `headers` for a document
    /// with the definitions `defs`: the field each fills (as chosen, else the header's) and its type.
    pub fn described(mut self, headers: &[String], defs: &FieldDefs) -> Mapping {
        let fields = headers
            .iter()
            .filter(|h| !h.is_empty() && self.target(h) == Target::Custom)
            .map(|h| {
                let (field, def) = self.custom_field(h, defs);
                let kind = def.map_or(FieldKind::Text, |d| d.kind);
                (h.clone(), CustomColumn { field, kind })
            })
            .collect();
        self.fields = fields;
        self
    }

    /// The field a custom column fills in a document with the definitions `defs`, and its
    /// definition there (none: a new text field of that name). `fields` may name it for the
    /// column (headers compared as everywhere); else the header names it.
    pub fn custom_field<'d>(
        &self,
        header: &str,
        defs: &'d FieldDefs,
    ) -> (String, Option<&'d FieldDef>) {
        let key = normalise(header);
        let chosen = self
            .fields
            .get(header)
            .or_else(|| {
                self.fields
                    .iter()
                    .find(|(h, _)| normalise(h) == key)
                    .map(|(_, c)| c)
            })
            .map(|c| c.field.trim())
            .filter(|f| !f.is_empty());
        let name = chosen.unwrap_or(header);
        match defined_field(defs, name) {
            Some(d) => (d.name.clone(), Some(d)),
            None => (name.to_string(), None),
        }
    }

    /// What a header maps to, ignoring case and spacing; unnamed headers are custom fields.
    pub fn target(&self, header: &str) -> Target {
        let key = normalise(header);
        self.columns
            .iter()
            .find(|(h, _)| normalise(h) == key)
            .map(|(_, t)| *t)
            .unwrap_or(Target::Custom)
    }
}

/// Lower case, `#` read as "number", every run of other punctuation and space as one space.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars() {
        if c == '#' {
            out.push_str(" number ");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Header names (normalised) in the shapes English-language exports of Workday, BambooHR,
/// Personio, HiBob, Rippling and Gusto use, and common hand-made ones.
const ALIASES: &[(Target, &[&str])] = &[
    (
        Target::EmployeeId,
        &[
            "employee id",
            "employee number",
            "employee no",
            "emp id",
            "emp no",
            "staff id",
            "staff number",
            "worker id",
            "personnel number",
            "personnel no",
            "id",
            "employee identifier",
            "employee code",
            "requisition id",
            "requisition number",
            "req id",
            "position id",
            "position number",
            "personalnummer",
        ],
    ),
    (
        Target::Name,
        &[
            "name",
            "full name",
            "employee name",
            "display name",
            "legal name",
            "worker",
            "employee",
            "person",
            "full legal name",
            "preferred full name",
            "worker name",
        ],
    ),
    (
        Target::FirstName,
        &[
            "first name",
            "given name",
            "firstname",
            "legal first name",
            "forename",
            "vorname",
        ],
    ),
    (
        Target::LastName,
        &[
            "last name",
            "surname",
            "family name",
            "lastname",
            "legal last name",
            "nachname",
        ],
    ),
    (
        Target::PreferredName,
        &[
            "preferred name",
            "preferred first name",
            "nickname",
            "known as",
        ],
    ),
    (
        Target::Email,
        &[
            "email",
            "work email",
            "email address",
            "work email address",
            "business email",
            "email work",
            "company email",
            "e mail",
            "primary work email",
        ],
    ),
    (
        Target::Title,
        &[
            "title",
            "job title",
            "business title",
            "position",
            "job",
            "job profile",
            "role",
            "position title",
            "designation",
            "job name",
        ],
    ),
    (
        Target::ManagerEmployeeId,
        &[
            "manager employee id",
            "manager id",
            "supervisor id",
            "supervisor employee id",
            "manager employee number",
            "reports to id",
            "reports to employee id",
            "manager number",
            "line manager id",
            "manager employee no",
        ],
    ),
    (
        Target::ManagerEmail,
        &[
            "manager email",
            "supervisor email",
            "reports to email",
            "manager work email",
            "line manager email",
            "manager email address",
            "supervisor email address",
        ],
    ),
    (
        Target::ManagerName,
        &[
            "manager name",
            "supervisor name",
            "reports to name",
            "line manager name",
            "manager full name",
        ],
    ),
    (
        Target::Manager,
        &[
            "manager",
            "reports to",
            "supervisor",
            "line manager",
            "direct manager",
            "reporting to",
        ],
    ),
    (
        Target::DottedLineManagers,
        &[
            "dotted line manager ids",
            "dotted line manager id",
            "dotted line managers",
            "dotted line manager",
            "dotted line manager employee ids",
            "dotted line manager employee id",
            "dotted line manager emails",
            "dotted line manager email",
            "dotted line",
            "dotted lines",
            "dotted line reports to",
            "matrix manager",
            "matrix manager id",
            "matrix manager employee id",
            "matrix managers",
            "secondary manager",
            "secondary manager id",
            "secondary manager employee id",
            "secondary managers",
            "functional manager",
            "functional manager id",
            "functional manager employee id",
            "indirect manager",
            "indirect manager id",
            "additional manager",
            "additional managers",
            "additional manager id",
        ],
    ),
    (
        Target::Department,
        &[
            "department",
            "dept",
            "department name",
            "supervisory organization",
            "organizational unit",
            "org unit",
            "abteilung",
        ],
    ),
    (Target::Team, &["team", "team name", "squad", "sub team"]),
    (Target::Teams, &["teams"]),
    (
        Target::Location,
        &[
            "location",
            "work location",
            "office",
            "site",
            "work site",
            "office location",
            "work address",
            "standort",
        ],
    ),
    (
        Target::Level,
        &[
            "level",
            "grade",
            "job level",
            "career level",
            "band",
            "job grade",
            "pay grade",
        ],
    ),
    (
        Target::Discipline,
        &["discipline", "job family", "function"],
    ),
    (
        Target::Employment,
        &[
            "employment",
            "employment type",
            "employment status",
            "worker type",
            "contract type",
            "employee type",
        ],
    ),
    (
        Target::Status,
        &["status", "employee status", "worker status"],
    ),
    (
        Target::StartDate,
        &[
            "start date",
            "hire date",
            "original hire date",
            "date of hire",
            "joining date",
            "join date",
            "date joined",
            "employment start date",
            "first day",
            "start",
            "eintrittsdatum",
        ],
    ),
    (
        Target::EndDate,
        &[
            "end date",
            "termination date",
            "last day",
            "last working day",
            "leave date",
            "leaving date",
            "exit date",
        ],
    ),
    (
        Target::TargetStart,
        &[
            "target start",
            "target start date",
            "target quarter",
            "planned start",
            "expected start",
            "expected start date",
        ],
    ),
    (
        Target::HiringStage,
        &[
            "hiring stage",
            "recruiting stage",
            "requisition status",
            "requisition stage",
            "stage",
        ],
    ),
    (
        Target::Cost,
        &[
            "cost",
            "annual salary",
            "salary",
            "base salary",
            "annual base salary",
            "pay rate",
            "compensation",
            "annual cost",
            "yearly salary",
            "fix salary",
            "annual pay",
            "base pay",
            "total cost",
            "annual base pay",
        ],
    ),
    (
        Target::Currency,
        &[
            "currency",
            "salary currency",
            "pay currency",
            "compensation currency",
            "cost currency",
            "currency code",
            "pay rate currency",
        ],
    ),
];

/// The target a header name suggests on its own, if any.
pub fn suggest_header(header: &str) -> Option<Target> {
    let key = normalise(header);
    ALIASES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(t, _)| *t)
}

/// The mapping a table suggests: each header by its name (a target goes to the first column
/// that suggests it; later ones become custom fields), the date order from the file's own
/// unambiguous dates, and the decimal mark from the delimiter.
pub fn suggest(table: &Table) -> Mapping {
    suggest_for(table, &FieldDefs::default())
}

/// [`suggest`] for a document with field definitions: a header that names a defined field
/// maps to it (before a built-in target its name suggests, unless that target says who the
/// row is or whom they report to), and `fields` says what each custom column becomes.
pub fn suggest_for(table: &Table, defs: &FieldDefs) -> Mapping {
    let mut columns = BTreeMap::new();
    let mut taken = Vec::new();
    for h in &table.headers {
        if h.trim().is_empty() {
            continue;
        }
        // Who a row is and who they report to stay built in: a field called "Email" must not
        // leave a file without its people's emails.
        let suggested = match (suggest_header(h), defined_field(defs, h)) {
            (Some(t), Some(_)) if !t.identifies() => None,
            (t, _) => t,
        };
        let t = match suggested {
            Some(t) if !taken.contains(&t) => {
                taken.push(t);
                t
            }
            _ => Target::Custom,
        };
        columns.entry(h.clone()).or_insert(t);
    }
    let mut mapping = Mapping {
        columns,
        ..Mapping::default()
    };
    if let Some(col) = table
        .headers
        .iter()
        .position(|h| mapping.target(h) == Target::StartDate)
    {
        mapping.dates = DateOrder::infer(table.column(col));
    }
    mapping.described(&table.headers, defs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_spacing_and_punctuation() {
        assert_eq!(normalise("  Employee #"), "employee number");
        assert_eq!(normalise("Email - Work"), "email work");
        assert_eq!(suggest_header("Work_Email"), Some(Target::Email));
        assert_eq!(suggest_header("Reports To"), Some(Target::Manager));
        assert_eq!(suggest_header("Manager Email"), Some(Target::ManagerEmail));
        assert_eq!(
            suggest_header("Original Hire Date"),
            Some(Target::StartDate)
        );
        assert_eq!(suggest_header("T-shirt size"), None);
        assert_eq!(
            suggest_header("Dotted Line Manager IDs"),
            Some(Target::DottedLineManagers)
        );
        assert_eq!(
            suggest_header("Matrix Manager ID"),
            Some(Target::DottedLineManagers)
        );
        assert_eq!(
            suggest_header("Secondary Manager"),
            Some(Target::DottedLineManagers)
        );
    }

    #[test]
    fn a_mapping_file_round_trips_through_json_and_refuses_unknown_keys() {
        let text = r#"{"columns": {"Full Name": "name", "SSN": "ignore"}, "dates": "day-first", "currency": "EUR"}"#;
        let m = Mapping::from_json(text).unwrap();
        assert_eq!(m.target("full name"), Target::Name);
        assert_eq!(m.target("SSN"), Target::Ignore);
        assert_eq!(m.target("Shoe size"), Target::Custom);
        assert_eq!(m.dates, DateOrder::DayFirst);
        assert_eq!(Mapping::from_json(&m.to_json()).unwrap(), m);
        let err = Mapping::from_json(r#"{"colums": {}}"#).unwrap_err();
        assert!(err.contains("unknown field"), "{err}");
        let err = Mapping::from_json(r#"{"columns": {"A": "nme"}}"#).unwrap_err();
        assert!(err.starts_with("1:"), "{err}");
    }
}
