//! Writing incoming records into a document: a new document, a new scenario, or a merge into
//! the open scenario. Every write goes through typed operations, and an import into an existing
//! document is one batch (one undo step); an error leaves the document as it was.

use crate::build::{
    creation_ops, id_count, id_map, org_from, renumber_people_values, renumber_with,
};
use crate::merge::Merge;
use crate::Incoming;
use serde::Serialize;
use std::path::Path;
use topograph_document::Document;
use topograph_model::{Error, ErrorCode, Op, Result};

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Summary {
    /// The scenario the records went into.
    pub scenario: String,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub people_added: usize,
    /// People already there whose fields, manager or seats changed (merges).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub people_updated: usize,
    /// People a complete roster no longer lists, now marked as leaving (merges).
    pub leavers: Vec<String>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub units_added: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub memberships_set: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub memberships_removed: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub areas_added: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub interactions_added: usize,
    /// How many problems the reader listed.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub problems: usize,
    /// Things a merge left alone, and why.
    pub notes: Vec<String>,
    /// Undo steps the import took: 1, or 2 into a new scenario (creating it, then the import).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub undo_steps: usize,
}

impl Summary {
    fn of_new(inc: &Incoming, scenario: &str, undo_steps: usize) -> Summary {
        let r = &inc.records;
        Summary {
            scenario: scenario.to_string(),
            people_added: r.persons.len(),
            units_added: r.units.len(),
            memberships_set: r.memberships.len(),
            areas_added: r.areas.len(),
            interactions_added: r.interactions.len(),
            problems: inc.problems.len(),
            undo_steps,
            ..Summary::default()
        }
    }

    /// One line for people: "added 120 people, 14 units, ... to 'Current'".
    pub fn as_text(&self) -> String {
        let mut parts = Vec::new();
        let mut count = |n: usize, one: &str, many: &str| {
            if n > 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        };
        count(self.people_added, "person added", "people added");
        count(self.people_updated, "person updated", "people updated");
        count(
            self.leavers.len(),
            "person marked leaving",
            "people marked leaving",
        );
        count(self.units_added, "unit added", "units added");
        count(self.memberships_set, "membership set", "memberships set");
        count(
            self.memberships_removed,
            "membership removed",
            "memberships removed",
        );
        count(
            self.areas_added,
            "product area added",
            "product areas added",
        );
        count(
            self.interactions_added,
            "interaction added",
            "interactions added",
        );
        let what = if parts.is_empty() {
            "nothing changed".to_string()
        } else {
            parts.join(", ")
        };
        let problems = match self.problems {
            0 => String::new(),
            1 => " (1 problem)".to_string(),
            n => format!(" ({n} problems)"),
        };
        format!("{what} in '{}'{problems}", self.scenario)
    }
}

fn nothing(inc: &Incoming) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        format!(
            "nothing could be imported{}",
            match inc.problems.len() {
                0 => String::new(),
                n => format!(": {n} problem(s)"),
            }
        ),
    )
}

/// Creates a new document whose first scenario holds the records (built through operations).
pub fn new_document(path: &Path, scenario: &str, inc: Incoming) -> Result<(Document, Summary)> {
    if inc.is_empty() {
        return Err(nothing(&inc));
    }
    let mut summary = Summary::of_new(&inc, scenario, 0);
    let label = inc.label();
    let org = org_from(inc.records, &label).map_err(crate::build::inconsistent)?;
    let doc = Document::create_from(path, scenario, org)?;
    summary.scenario = doc.active_scenario().name.clone();
    Ok((doc, summary))
}

/// Creates a scenario holding the records and leaves it open: one operation, one undo step (which
/// hides the scenario with its records). The records are checked before anything is written; an
/// error leaves the document as it was.
pub fn new_scenario(doc: &mut Document, name: &str, inc: &Incoming) -> Result<Summary> {
    if inc.is_empty() {
        return Err(nothing(inc));
    }
    // A dry run on local ids: renumbering cannot make valid records invalid.
    org_from(inc.records.clone(), &inc.label()).map_err(crate::build::inconsistent)?;
    let first = doc.reserve_ids(id_count(&inc.records))?;
    let map = id_map([&inc.records], first);
    let mut records = renumber_with(inc.records.clone(), &map);
    let keys: Vec<&String> = inc.person_fields.iter().collect();
    renumber_people_values(&mut records.persons, &keys, |id| map.get(&id).copied());
    doc.apply(Op::CreateScenarioWith {
        name: name.to_string(),
        label: inc.label(),
        ops: creation_ops(records),
    })?;
    let created = doc
        .scenarios()
        .iter()
        .max_by_key(|s| s.id)
        .map(|s| (s.id, s.name.clone()))
        .expect("a scenario was just created");
    doc.switch_scenario(created.0)?;
    Ok(Summary::of_new(inc, &created.1, 1))
}

/// Merges the records into the open scenario as one batch: people matched by employee id, then
/// email, are updated; new people, units, areas and interactions added; people missing from a
/// complete roster marked as leaving. Nothing is deleted.
pub fn merge(doc: &mut Document, inc: &Incoming) -> Result<Summary> {
    if inc.is_empty() {
        return Err(nothing(inc));
    }
    // Matching is cheap next to writing; done twice so ids are reserved only as needed.
    let needed = Merge::new(doc.org(), inc).new_ids();
    let first = if needed > 0 {
        doc.reserve_ids(needed)?
    } else {
        0
    };
    let (ops, counts) = Merge::new(doc.org(), inc).ops(first);
    let scenario = doc.active_scenario().name.clone();
    let undo_steps = usize::from(!ops.is_empty());
    if !ops.is_empty() {
        doc.apply(Op::Batch {
            label: inc.label(),
            ops,
        })?;
    }
    Ok(Summary {
        scenario,
        people_added: counts.people_added,
        people_updated: counts.people_updated,
        leavers: counts.leavers,
        units_added: counts.units_added,
        memberships_set: counts.memberships_set,
        memberships_removed: counts.memberships_removed,
        areas_added: counts.areas_added,
        interactions_added: counts.interactions_added,
        problems: inc.problems.len(),
        notes: counts.notes,
        undo_steps,
    })
}
