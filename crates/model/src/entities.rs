//! The records of one scenario: people, units, memberships, areas, ownership, interactions, placements.

use crate::ids::{AreaId, InteractionId, PersonId, ScenarioId, UnitId};
use crate::vocab::{
    Complexity, Discipline, Employment, HiringStage, InteractionMode, PersonStatus, Stance,
    TeamRole, UnitKind,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A named version of the org ("Current", "Proposal Q3").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    /// Order in the scenario bar.
    pub position: u32,
    /// A former baseline kept for reference.
    pub archived: bool,
}

/// An annual cost in a currency (ISO 4217 code).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Cost {
    pub amount: f64,
    pub currency: String,
}

/// A person, an open position (no name needed, a role title) or a planned hire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub discipline: Discipline,
    pub level: Option<String>,
    pub location: Option<String>,
    pub email: Option<String>,
    pub employee_id: Option<String>,
    pub employment: Employment,
    pub status: PersonStatus,
    /// ISO date, YYYY-MM-DD.
    pub start_date: Option<String>,
    /// The last working day of a leaver, YYYY-MM-DD; from the day after, they are gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// When an open position or planned hire should start: a month (YYYY-MM) or a quarter
    /// (YYYY-Qn); a month or quarter is as precise as a hiring plan gets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_start: Option<String>,
    /// How far the hiring has got, for an open position or planned hire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hiring_stage: Option<HiringStage>,
    pub cost: Option<Cost>,
    pub custom: BTreeMap<String, String>,
    /// The solid-line manager.
    pub manager: Option<PersonId>,
}

impl Person {
    /// What to call this person on a card: their name, or the role title of an open position.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.title
        } else {
            &self.name
        }
    }
}

/// A dotted-line (secondary) reporting relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DottedLine {
    pub person: PersonId,
    pub manager: PersonId,
}

/// A team or a group of teams; units nest to any depth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    pub mission: String,
    pub kind: UnitKind,
    pub parent: Option<UnitId>,
    pub lead: Option<PersonId>,
    /// `#rrggbb`.
    pub colour: Option<String>,
    pub target_size: Option<u32>,
}

/// A person's seat on a unit, with the share of their time it takes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Membership {
    pub person: PersonId,
    pub unit: UnitId,
    /// 1-100. A person's total across units may exceed 100; the health checks report it.
    pub allocation: u32,
    pub role: TeamRole,
}

/// A product area; areas form a tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Area {
    pub id: AreaId,
    pub name: String,
    pub description: String,
    pub parent: Option<AreaId>,
    pub complexity: Complexity,
    /// Whether users see this area (a team owning only non-user-facing areas needs no designer).
    pub user_facing: bool,
    /// The single owning unit.
    pub owner: Option<UnitId>,
    /// Order among its siblings: lower first, ties by id (so records without one keep id order).
    #[serde(default)]
    pub position: u32,
    /// The product direction for this area; none until someone decides.
    #[serde(default)]
    pub stance: Option<Stance>,
    /// The share of product-and-engineering effort the direction wants here, in percent (0-100).
    /// Targets across areas may add up to more than 100; a health check reports it.
    #[serde(default)]
    pub target_share: Option<f64>,
    /// What success looks like for this area, in one line.
    #[serde(default)]
    pub outcome: String,
}

/// A unit that contributes to an area it does not own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Contributor {
    pub area: AreaId,
    pub unit: UnitId,
}

/// How two units work together (Team Topologies interaction modes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Interaction {
    pub id: InteractionId,
    pub from: UnitId,
    pub to: UnitId,
    pub mode: InteractionMode,
    pub note: String,
    /// ISO date, YYYY-MM-DD.
    pub start: Option<String>,
    /// ISO date, YYYY-MM-DD.
    pub expected_end: Option<String>,
}

/// Where the user put a unit on the team map; wins over the automatic arrangement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Placement {
    pub unit: UnitId,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}
