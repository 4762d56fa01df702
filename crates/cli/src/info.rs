//! `topograph info`: the counts and facts of a document, as text or as one JSON object.

use serde::Serialize;
use topograph_document::Document;
use topograph_model::{PersonStatus, Result, UnitKind};

/// The JSON keys are a public interface: add keys, never rename or remove one.
#[derive(Serialize)]
pub struct Facts {
    pub file: String,
    pub schema_version: u32,
    pub scenarios: Vec<String>,
    pub active_scenario: String,
    /// Every person record, open positions and planned hires included.
    pub people: usize,
    /// People who are here now (active or leaving).
    pub headcount: usize,
    pub open_positions: usize,
    pub planned_hires: usize,
    pub units: usize,
    pub teams: usize,
    pub groups: usize,
    pub memberships: usize,
    pub dotted_lines: usize,
    pub areas: usize,
    pub unowned_areas: usize,
    /// Areas the product direction has a stance on.
    pub areas_with_stance: usize,
    pub interactions: usize,
    pub can_undo: Option<String>,
    pub can_redo: Option<String>,
}

impl Facts {
    pub fn of(doc: &Document) -> Result<Facts> {
        let org = doc.org();
        let status = |s: PersonStatus| org.persons().filter(|p| p.status == s).count();
        let groups = org.units().filter(|u| u.kind == UnitKind::Group).count();
        let history = doc.history()?;
        Ok(Facts {
            file: doc
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            schema_version: doc.schema_version(),
            scenarios: doc.scenarios().iter().map(|s| s.name.clone()).collect(),
            active_scenario: doc.active_scenario().name.clone(),
            people: org.person_count(),
            headcount: status(PersonStatus::Active) + status(PersonStatus::Leaving),
            open_positions: status(PersonStatus::OpenPosition),
            planned_hires: status(PersonStatus::PlannedHire),
            units: org.units().len(),
            teams: org.units().len() - groups,
            groups,
            memberships: org.memberships().len(),
            dotted_lines: org.dotted_lines().count(),
            areas: org.areas().len(),
            unowned_areas: org.areas().filter(|a| a.owner.is_none()).count(),
            areas_with_stance: org.areas().filter(|a| a.stance.is_some()).count(),
            interactions: org.interactions().len(),
            can_undo: history.undo,
            can_redo: history.redo,
        })
    }

    pub fn as_text(&self) -> String {
        let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "-".to_string());
        format!(
            "file:            {}\n\
             schema version:  {}\n\
             scenarios:       {} (open: {})\n\
             people:          {} ({} here, {} open positions, {} planned hires)\n\
             units:           {} ({} teams, {} groups)\n\
             memberships:     {}\n\
             dotted lines:    {}\n\
             product areas:   {} ({} without an owner, {} with a stance)\n\
             interactions:    {}\n\
             undo:            {}\n\
             redo:            {}\n",
            self.file,
            self.schema_version,
            self.scenarios.join(", "),
            self.active_scenario,
            self.people,
            self.headcount,
            self.open_positions,
            self.planned_hires,
            self.units,
            self.teams,
            self.groups,
            self.memberships,
            self.dotted_lines,
            self.areas,
            self.unowned_areas,
            self.areas_with_stance,
            self.interactions,
            opt(&self.can_undo),
            opt(&self.can_redo),
        )
    }
}
