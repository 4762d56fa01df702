//! The JSON document format: every scenario and every record of a document, versioned.
//!
//! ```json
//! { "format": "topograph", "version": 1, "active_scenario": "Current",
//!   "scenarios": [ { "name": "Current", "persons": [...], "units": [...], ... } ] }
//! ```
//!
//! Records are written in the model's own serde form (the same as the app's commands), ids
//! included, so that an export imported again gives the same records in every scenario. The
//! schema is published at `docs/schema/topograph-v2.schema.json`; a change to the shape of any
//! record is a new version.

use crate::build::{creation_ops, id_map, max_id, org_from, renumber_with};
use crate::Problem;
use serde::{Deserialize, Serialize};
use std::path::Path;
use topograph_document::Document;
use topograph_model::{
    Area, Budget, Contributor, DatedChange, DottedLine, Error, ErrorCode, Interaction, Membership,
    Op, OrgRecords, Person, Placement, PlanSettings, Result, Unit,
};

/// The value of `format`.
pub const FORMAT: &str = "topograph";
/// The version this build writes and the newest it reads. Version 2 added the plan (people's
/// end date, target start and hiring stage; budgets, dated changes, plan settings): a version 1
/// file reads as a version 2 file without a plan.
pub const VERSION: u32 = 2;

/// A whole document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub format: String,
    pub version: u32,
    /// The name of the scenario that was open.
    pub active_scenario: String,
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
    Ok(DocumentFile {
        format: FORMAT.to_string(),
        version: VERSION,
        active_scenario: doc.active_scenario().name.clone(),
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
    Ok(file)
}

fn problem_in(scenario: &str, e: Error) -> Problem {
    Problem::new(1, 1, format!("scenario '{scenario}': {}", e.message))
}

/// Checks every scenario's records through the model's operations without writing anything.
pub fn check(file: &DocumentFile) -> std::result::Result<(), Problem> {
    for s in &file.scenarios {
        org_from(s.records(), "check").map_err(|e| problem_in(&s.name, e))?;
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
    Document::create_filled(path, &first.name, org, |doc| fill(doc, file, label))
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
/// nothing is mistaken for a record already in the document. Each scenario is one undo step (a
/// scenario created with its records); on a failure every step taken is undone and the open
/// scenario reopened.
pub fn add_scenarios(doc: &mut Document, file: &DocumentFile, label: &str) -> Result<Vec<String>> {
    check(file).map_err(|p| Error::new(ErrorCode::InvalidValue, p.reason))?;
    let records: Vec<OrgRecords> = file.scenarios.iter().map(ScenarioFile::records).collect();
    let count = id_map(records.iter(), 0).len() as u32;
    let first = doc.reserve_ids(count)?;
    let map = id_map(records.iter(), first);
    let before = doc.active_scenario().id;
    let mut steps = 0;
    let mut names = Vec::new();
    let result = (|| {
        for (s, r) in file.scenarios.iter().zip(records) {
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
                ops: creation_ops(renumber_with(r, &map)),
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
