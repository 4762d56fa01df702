//! Team API (Team Topologies) as code: one YAML file per team, out and back in.
//!
//! ```yaml
//! format: team-api
//! version: 1
//! name: Checkout
//! type: stream-aligned
//! mission: Make paying effortless.
//! partOf: [Commerce]                 # the units above the team, top first
//! lead: ada@example.com              # email, employee id or name of a member
//! targetSize: 8
//! members:
//!   - { name: Ada Lee, email: ada@example.com, employeeId: E1, title: Engineer,
//!       role: tech-lead, allocation: 100 }
//!   - { name: Staff Engineer, role: engineer, status: open-position }
//! owns: [[Marketplace, Payments]]    # product areas by path from the top
//! contributesTo: [[Marketplace, Search]]
//! direction:                         # optional: the direction of owned areas
//!   - { area: [Marketplace, Payments], stance: invest, targetShare: 20,
//!       outcome: "Checkout conversion above 4%", actualShare: 14.2 }
//! interactions:
//!   - { team: Platform, mode: x-as-a-service, direction: consumes, purpose: Deploys,
//!       start: 2026-01-05, expectedEnd: 2026-06-30 }
//! waysOfWorking: { chatChannels: ["#checkout"], wikiSearchTerms: [], dailySync: "09:30",
//!                  versioning: "", serviceLevelExpectations: "" }
//! ```
//!
//! `direction` says who serves or helps whom: `provides` (this team to the other), `consumes`
//! (the other to this team) or `with` (collaboration). Ways of working are for the people who
//! read the file; Topograph has no field for them, so an import passes over them. `actualShare`
//! (percent of the scenario's effort, `topograph_model::actual_effort`) is written for readers
//! and not read back.

mod export;
mod import;

pub use export::export;
pub use import::read;

use serde::{Deserialize, Serialize};

/// The value of `format`.
pub const FORMAT: &str = "team-api";
pub const VERSION: u32 = 1;

/// One team's API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamApi {
    pub format: String,
    pub version: u32,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub mission: String,
    #[serde(default)]
    pub part_of: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_size: Option<u32>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub owns: Vec<Vec<String>>,
    #[serde(default)]
    pub contributes_to: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub direction: Vec<AreaDirection>,
    #[serde(default)]
    pub interactions: Vec<TeamInteraction>,
    #[serde(default)]
    pub ways_of_working: WaysOfWorking,
}

/// The product direction of an area the team owns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AreaDirection {
    /// The area's path from the top, as in `owns`.
    pub area: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_share: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    /// Written on export only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_share: Option<f64>,
}

/// A member of the team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Member {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_id: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default = "full_time")]
    pub allocation: u32,
    /// `open-position`, `planned-hire` or `leaving`; absent for people who are here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

fn full_time() -> u32 {
    100
}

/// How this team works with another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamInteraction {
    pub team: String,
    pub mode: String,
    #[serde(default = "with")]
    pub direction: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_end: Option<String>,
}

fn with() -> String {
    "with".to_string()
}

/// The Team API template's ways of working, for people to fill in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WaysOfWorking {
    #[serde(default)]
    pub chat_channels: Vec<String>,
    #[serde(default)]
    pub wiki_search_terms: Vec<String>,
    #[serde(default)]
    pub daily_sync: String,
    #[serde(default)]
    pub versioning: String,
    #[serde(default)]
    pub service_level_expectations: String,
}
