//! What a reader produced: one scenario's records with file-local ids, and the problems found.

use crate::problem::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use topograph_model::{OrgRecords, UnitId};

/// A person field a file may or may not carry. A merge overwrites only the fields the file
/// carries, so a CSV without a title column never blanks everyone's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PersonField {
    Name,
    Title,
    Discipline,
    Level,
    Location,
    Email,
    EmployeeId,
    Employment,
    Status,
    StartDate,
    EndDate,
    TargetStart,
    HiringStage,
    Cost,
    Custom,
    Manager,
    Memberships,
}

/// The records of one scenario read from a file, before anything is written.
///
/// Ids are local to the file (people, units, areas and interactions share one sequence from
/// 1); [`crate::apply`] renumbers them into ids reserved from the target document. The records
/// are consistent with each other (no dangling reference, no reporting cycle): every problem
/// the reader found was dealt with as its reason says and listed in `problems`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    pub records: OrgRecords,
    /// The person fields the file carries (for merges).
    pub fields: BTreeSet<PersonField>,
    /// Whether the file lists everyone (an HR export, a directory sync), so that on a merge the
    /// people missing from it are leavers. A Team API file names only its own team.
    pub complete_roster: bool,
    /// The units whose seats the file lists in full, so a merge may remove seats on them that
    /// the file no longer gives; `None` means every incoming unit. A Team API file lists its
    /// team's members but not those of the groups it is part of.
    pub seat_units: Option<BTreeSet<UnitId>>,
    pub problems: Vec<Problem>,
    /// What was read, for the undo label ("Import people.csv").
    pub source: String,
    /// Custom keys whose values are person ids (local to the file, like every id here): they
    /// are renumbered with the people.
    pub person_fields: BTreeSet<String>,
}

/// What an import would do, for a dialog to show before the person confirms or cancels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub people: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub units: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub memberships: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub areas: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub interactions: usize,
    /// Every problem, in line order.
    pub problems: Vec<Problem>,
}

impl Incoming {
    /// The counts and problems of this import.
    pub fn preview(&self) -> Preview {
        let r = &self.records;
        Preview {
            people: r.persons.len(),
            units: r.units.len(),
            memberships: r.memberships.len(),
            areas: r.areas.len(),
            interactions: r.interactions.len(),
            problems: self.problems.clone(),
        }
    }

    /// Whether there is nothing to import.
    pub fn is_empty(&self) -> bool {
        let r = &self.records;
        r.persons.is_empty() && r.units.is_empty() && r.areas.is_empty()
    }

    /// The label of the import's undo step.
    pub fn label(&self) -> String {
        if self.source.is_empty() {
            "Import".to_string()
        } else {
            format!("Import {}", self.source)
        }
    }
}
