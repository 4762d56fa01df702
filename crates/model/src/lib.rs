//! The org model: entities, the typed operations that change them, and their validation.
//!
//! Nothing here does I/O. An [`Org`] is one scenario in memory; [`Org::execute`] validates an
//! [`Op`] and applies it, returning the [`Patch`] (before/after images) that the document
//! writes, logs as the inverse for undo, and turns into a [`ChangeSet`] for the UI.

mod as_of;
mod card_fields;
mod change;
mod check_settings;
mod colour_by;
mod date;
mod effort;
mod entities;
mod error;
mod exec;
mod fields;
mod id_index;
mod ids;
mod invariants;
mod ops;
mod org;
mod planning;
mod sheet_views;
pub mod validate;
mod vocab;

pub use as_of::{arrival, departure, AsOf};
pub use card_fields::{card_field_line, card_field_names, MAX_CARD_FIELDS};
pub use change::{Change, ChangeSet, Delta, Entity, EntityKey, Patch};
pub use check_settings::CheckSettings;
pub use colour_by::{colour_entries, natural_cmp, ColourEntry, ColourKey, COLOUR_PALETTE};
pub use date::Date;
pub use effort::{actual_effort, AreaEffort, Effort, CONTRIBUTOR_WEIGHT};
pub use entities::{
    Area, Contributor, Cost, DottedLine, Interaction, Membership, Person, Placement, Scenario, Unit,
};
pub use error::{err, err_in, Error, ErrorCode, Result};
pub use exec::IdCounter;
pub use fields::{
    is_colour, FieldChoice, FieldDef, FieldDefs, FieldKind, MAX_CHOICES, MAX_FIELDS, MAX_VALUE,
};
pub use id_index::IdIndex;
pub use ids::{AreaId, InteractionId, PersonId, ScenarioId, UnitId, MAX_ID};
pub use ops::{Op, ReportsTo};
pub use org::{Org, OrgRecords};
pub use planning::{
    target_start_day, validate_budget, validate_settings, Budget, DatedChange, DatedOp, Period,
    PlanSettings,
};
pub use sheet_views::{SheetFilter, SheetSort, SheetView, SheetViews, SHEET_FILTER_OPS};
pub use vocab::{
    Complexity, DiagramFormat, Discipline, Employment, HiringStage, InteractionMode, Paper,
    PersonStatus, Stance, TeamRole, UnitKind, View, COGNITIVE_LOAD_BUDGET,
};
