//! The JSON document format: every scenario and every record of a document, versioned.
//!
//! ```json
//! { "format": "topograph", "version": 3, "active_scenario": "Current",
//!   "fields": [ { "name": "Office", "kind": "choice", "choices": [...], "on_cards": true } ],
//!   "scenarios": [ { "name": "Current", "persons": [...], "units": [...], ... } ] }
//! ```
//!
//! Records are written in the model's own serde form (the same as the app's commands), ids
//! included, so that an export imported again gives the same records in every scenario, and
//! the document's custom field definitions with them. The schema is published at
//! `docs/schema/topograph-v3.schema.json` (`-v2` for files without definitions); a change to
//! the shape of any record is a new version.

use crate::build::{creation_ops, id_map, max_id, org_from, renumber_people_values, renumber_with};
use crate::Problem;
use serde::{Deserialize, Serialize};
use std::path::Path;
use topograph_document::Document;
use topograph_model::{
    Area, Budget, Contributor, DatedChange, DottedLine, Error, ErrorCode, FieldDef, FieldDefs,
    FieldKind, Interaction, Membership, Op, OrgRecords, Person, Placement, PlanSettings, Result,
    Unit,
};

/// The value of `format`.
pub const FORMAT: &str = "topograph";
/// The newest version this build reads, and the one it writes for a document with field
/// definitions. Version 2 added the plan (people's end date, target start and hiring stage;
/// budgets, dated changes, plan settings): a version 1 file reads as a version 2 file without
/// a plan. Version 3 added `fields`, the custom field definitions.
pub const VERSION: u32 = 3;
/// What a document without field definitions is written as: that file has version 2's shape,
/// so builds that read up to version 2 still read it.
pub const VERSION_WITHOUT_FIELDS: u32 = 2;

/// A whole document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub format: String,
    pub version: u32,
    /// The name of the scenario that was open.
    pub active_scenario: String,
    /// Since version 3: the document's custom field definitions, in their order (values stay
    /// in each person's `custom`; a key without a definition is a text field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldDef>,
    /// In the order of the scenario bar.
    pub scenarios: Vec<ScenarioFile>,
}

/// One scenario and its records, each list sorted by key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub name: String,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub persons: Vec<Person>,
    #[serde(default)]
    pub dotted_lines: Vec<DottedLine>,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub memberships: Vec<Membership>,
    #[serde(default)]
    pub areas: Vec<Area>,
    #[serde(default)]
    pub contributors: Vec<Contributor>,
    #[serde(default)]
    pub interactions: Vec<Interaction>,
    #[serde(default)]
    pub placements: Vec<Placement>,
    /// Since version 2: budgets per unit and period, changes planned for a day, and the
    /// reporting currency with its exchange rates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<Budget>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dated_changes: Vec<DatedChange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_settings: Option<PlanSettings>,
}

impl ScenarioFile {
    pub fn new(name: &str, archived: bool, r: OrgRecords) -> ScenarioFile {
        ScenarioFile {
            name: name.to_string(),
            archived,
            persons: r.persons,
            dotted_lines: r.dotted_lines,
            units: r.units,
            memberships: r.memberships,
            areas: r.areas,
            contributors: r.contributors,
            interactions: r.interactions,
            placements: r.placements,
            budgets: r.budgets,
            dated_changes: r.dated_changes,
            plan_settings: r.plan_settings,
        }
    }

    pub fn records(&self) -> OrgRecords {
        OrgRecords {
            persons: self.persons.clone(),
            dotted_lines: self.dotted_lines.clone(),
            units: self.units.clone(),
            memberships: self.memberships.clone(),
            areas: self.areas.clone(),
            contributors: self.contributors.clone(),
            interactions: self.interactions.clone(),
            placements: self.placements.clone(),
            budgets: self.budgets.clone(),
            dated_changes: self.dated_changes.clone(),
            plan_settings: self.plan_settings.clone(),
        }
    }
}

/// Reads every scenario of a document.
pub fn file_of(doc: &Document) -> Result<DocumentFile> {
    let active = doc.active_scenario().id;
    let mut scenarios = Vec::new();
    for s in doc.scenarios() {
        let records = if s.id == active {
            doc.org().to_records()
        } else {
            doc.load_scenario(s.id)?.to_records()
        };
        scenarios.push(ScenarioFile::new(&s.name, s.archived, records));
    }
    let fields = doc.defined_fields()?.fields;
    Ok(DocumentFile {
        format: FORMAT.to_string(),
        version: if fields.is_empty() {
            VERSION_WITHOUT_FIELDS
        } else {
            VERSION
        },
        active_scenario: doc.active_scenario().name.clone(),
        fields,
        scenarios,
    })
}

/// Writes a document as pretty-printed JSON.
pub fn export(doc: &Document) -> Result<String> {
    let file = file_of(doc)?;
    Ok(serde_json::to_string_pretty(&file).expect("records serialise") + "\n")
}

/// Parses a document file, checking its format and version.
pub fn parse(text: &str) -> std::result::Result<DocumentFile, Problem> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let at = |e: &serde_json::Error| (e.line(), e.column());
    let header: Header = serde_json::from_str(text).map_err(|e| {
        let (l, c) = at(&e);
        Problem::new(l, c, format!("not a JSON document: {e}"))
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Problem::new(
            1,
            1,
            "not a Topograph JSON file: \"format\" is not \"topograph\"",
        ));
    }
    match header.version {
        Some(v) if v > VERSION => {
            return Err(Problem::new(
                1,
                1,
                format!(
                "written by a newer Topograph (format version {v}; this one reads up to {VERSION})"
            ),
            ))
        }
        Some(0) | None => {
            return Err(Problem::new(
                1,
                1,
                "\"version\" is missing or not a positive number",
            ))
        }
        _ => {}
    }
    let file: DocumentFile = serde_json::from_str(text).map_err(|e| {
        let (l, c) = at(&e);
        Problem::new(l, c, format!("{e}"))
    })?;
    if file.scenarios.is_empty() {
        return Err(Problem::new(1, 1, "the document has no scenario"));
    }
    if file.version < 3 && !file.fields.is_empty() {
        return Err(Problem::new(
            1,
            1,
            format!(
                "\"fields\" came with format version 3, and the file says version {}",
                file.version
            ),
        ));
    }
    Ok(file)
}

fn problem_in(scenario: &str, e: Error) -> Problem {
    Problem::new(1, 1, format!("scenario '{scenario}': {}", e.message))
}

impl DocumentFile {
    /// The file's field definitions.
    pub fn defs(&self) -> FieldDefs {
        FieldDefs {
            fields: self.fields.clone(),
        }
    }
}

/// Checks the field definitions and every scenario's records (through the model's operations,
/// and each custom value against its definition) without writing anything. A file is
/// untrusted: a value that breaks its definition is named with its person and field.
pub fn check(file: &DocumentFile) -> std::result::Result<(), Problem> {
    let defs = file.defs();
    defs.check().map_err(|e| {
        Problem::new(
            1,
            1,
            format!("the field definitions are unsound: {}", e.message),
        )
    })?;
    for s in &file.scenarios {
        org_from(s.records(), "check").map_err(|e| problem_in(&s.name, e))?;
        check_values(&s.name, &s.persons, &defs)?;
    }
    Ok(())
}

/// Each custom value of a scenario's people against its definition (keys without one are text).
fn check_values(
    scenario: &str,
    persons: &[Person],
    defs: &FieldDefs,
) -> std::result::Result<(), Problem> {
    if defs.fields.is_empty() {
        return Ok(());
    }
    let ids: std::collections::HashSet<u32> = persons.iter().map(|p| p.id.0).collect();
    for p in persons {
        for (key, value) in &p.custom {
            let Some(def) = defs.get(key) else { continue };
            def.check_value(value, |id| ids.contains(&id))
                .map_err(|e| {
                    Problem::new(
                        1,
                        1,
                        format!(
                            "scenario '{scenario}': {} (id {}), field '{key}': {}",
                            p.name, p.id.0, e.message
                        ),
                    )
                })?;
        }
    }
    Ok(())
}

/// Creates a new document holding every scenario of the file, ids kept, and opens the scenario
/// that was open. The first scenario is written whole; each further one is created and filled
/// by one batch, all under a temporary name: the file appears at `path` only once complete.
pub fn to_new_document(path: &Path, file: &DocumentFile, label: &str) -> Result<Document> {
    check(file).map_err(|p| Error::new(ErrorCode::InvalidValue, p.reason))?;
    let first = &file.scenarios[0];
    let org = org_from(first.records(), label)?;
    if file.fields.is_empty() {
        Document::create_filled(path, &first.name, org, |doc| fill(doc, file, label))
    } else {
        Document::create_defined(path, &first.name, org, &file.defs(), |doc| {
            fill(doc, file, label)
        })
    }
}

fn fill(doc: &mut Document, file: &DocumentFile, label: &str) -> Result<()> {
    let highest = file
        .scenarios
        .iter()
        .map(|s| max_id(&s.records()))
        .max()
        .unwrap_or(0);
    let next = doc.reserve_ids(0)?;
    if next <= highest {
        doc.reserve_ids(highest + 1 - next)?;
    }
    for s in &file.scenarios[1..] {
        doc.apply(Op::CreateScenario {
            name: s.name.clone(),
        })?;
        let id = doc
            .scenario_by_name(s.name.trim())
            .map(|x| x.id)
            .expect("just created");
        doc.switch_scenario(id)?;
        let records = s.records();
        if records != OrgRecords::default() {
            doc.apply(Op::Batch {
                label: label.to_string(),
                ops: creation_ops(records),
            })?;
        }
    }
    if let Some(active) = doc
        .scenario_by_name(file.active_scenario.trim())
        .map(|s| s.id)
    {
        doc.switch_scenario(active)?;
    }
    Ok(())
}

/// Adds every scenario of the file to an existing document as new scenarios (a name in use gets
/// " (imported)" added). Records get fresh ids, one identity across the file's scenarios, so
/// nothing is mistaken for a record already in the document; person field values follow their
/// people's new ids. The file's field definitions the document lacks are added first (one undo
/// step each); where the document defines a field of the same name, its definition holds and
/// the file's values are checked against it. Each scenario is one undo step (a scenario created
/// with its records); on a failure every step taken is undone and the open scenario reopened.
pub fn add_scenarios(doc: &mut Document, file: &DocumentFile, label: &str) -> Result<Vec<String>> {
    check(file).map_err(|p| Error::new(ErrorCode::InvalidValue, p.reason))?;
    let held = doc.defined_fields()?;
    let added: Vec<&FieldDef> = file
        .fields
        .iter()
        .filter(|f| held.get(&f.name).is_none())
        .collect();
    // What the values will be checked against once written: the document's, then the file's.
    let effective = FieldDefs {
        fields: held
            .fields
            .iter()
            .chain(added.iter().copied())
            .cloned()
            .collect(),
    };
    for s in &file.scenarios {
        check_values(&s.name, &s.persons, &effective)
            .map_err(|p| Error::new(ErrorCode::InvalidValue, p.reason))?;
    }
    let people_keys: Vec<&str> = effective
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Person)
        .map(|f| f.name.as_str())
        .collect();
    let records: Vec<OrgRecords> = file.scenarios.iter().map(ScenarioFile::records).collect();
    let count = id_map(records.iter(), 0).len() as u32;
    let first = doc.reserve_ids(count)?;
    let map = id_map(records.iter(), first);
    let before = doc.active_scenario().id;
    let mut steps = 0;
    let mut names = Vec::new();
    let result = (|| {
        for f in &added {
            doc.apply(Op::AddField {
                field: (*f).clone(),
            })?;
            steps += 1;
        }
        for (s, r) in file.scenarios.iter().zip(records) {
            let mut r = renumber_with(r, &map);
            renumber_people_values(&mut r.persons, &people_keys, |id| map.get(&id).copied());
            let mut name = s.name.trim().to_string();
            let mut n = 1;
            while doc.scenario_by_name(&name).is_some() {
                name = if n == 1 {
                    format!("{} (imported)", s.name.trim())
                } else {
                    format!("{} (imported {n})", s.name.trim())
                };
                n += 1;
            }
            doc.apply(Op::CreateScenarioWith {
                name: name.clone(),
                label: label.to_string(),
                ops: creation_ops(r),
            })?;
            steps += 1;
            names.push(name);
        }
        // The last scenario imported is left open, as an import into one new scenario does.
        if let Some(last) = names.last().and_then(|n| doc.scenario_by_name(n)) {
            doc.switch_scenario(last.id)?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        for _ in 0..steps {
            let _ = doc.undo();
        }
        let _ = doc.switch_scenario(before);
        return Err(e);
    }
    Ok(names)
}
