//! The typed operations: the only way an org changes.

use crate::check_settings::CheckSettings;
use crate::entities::{Area, Interaction, Person, Placement, Unit};
use crate::fields::FieldDef;
use crate::ids::{AreaId, InteractionId, PersonId, ScenarioId, UnitId};
use crate::planning::{Budget, DatedChange, PlanSettings};
use crate::sheet_views::SheetView;
use crate::vocab::TeamRole;
use serde::{Deserialize, Serialize};

/// Where the direct reports of a deleted person go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "to", rename_all = "kebab-case")]
pub enum ReportsTo {
    /// To the deleted person's own manager (or to nobody when they had none).
    DeletedPersonsManager,
    /// To this person.
    Person { id: PersonId },
    /// To nobody: each report becomes the top of their own tree.
    Nobody,
}

/// An edit. Creation ops take a record whose id is 0 to ask for a fresh id, or an id reserved
/// from the document (so a batch can refer to what it creates).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    CreatePerson {
        person: Person,
    },
    /// Replaces a person's fields; the solid-line manager must stay as it is (use set-manager).
    UpdatePerson {
        person: Person,
    },
    DeletePerson {
        id: PersonId,
        /// Required when the person has direct reports.
        reports_to: Option<ReportsTo>,
    },
    /// Moves one person under a new manager; their own direct reports stay behind with the
    /// person's previous manager.
    SetManager {
        person: PersonId,
        manager: PersonId,
    },
    /// Takes one person off their manager; their direct reports stay behind with that manager.
    ClearManager {
        person: PersonId,
    },
    /// Moves a person together with everyone below them (what a drag on the org chart does).
    MoveSubtree {
        person: PersonId,
        manager: Option<PersonId>,
    },
    AddDottedLine {
        person: PersonId,
        manager: PersonId,
    },
    RemoveDottedLine {
        person: PersonId,
        manager: PersonId,
    },
    CreateUnit {
        unit: Unit,
    },
    /// Replaces a unit's fields; the parent must stay as it is (use move-unit).
    UpdateUnit {
        unit: Unit,
    },
    /// Deletes a unit: its child units move up to its parent; its memberships, ownerships,
    /// contributions, interactions and placement go with it.
    DeleteUnit {
        id: UnitId,
    },
    MoveUnit {
        id: UnitId,
        parent: Option<UnitId>,
    },
    /// Creates or updates a person's seat on a unit.
    SetMembership {
        person: PersonId,
        unit: UnitId,
        allocation: u32,
        role: TeamRole,
    },
    RemoveMembership {
        person: PersonId,
        unit: UnitId,
    },
    CreateArea {
        area: Area,
    },
    /// Replaces an area's fields; parent and owner must stay as they are (move-area, set-owner).
    UpdateArea {
        area: Area,
    },
    /// Deletes an area: its child areas move up to its parent; its contributors go with it.
    DeleteArea {
        id: AreaId,
    },
    /// Moves an area (with everything under it) under another parent or to the top level, and
    /// with `position` to that place among its new siblings (0 = first; past the end = last),
    /// renumbering them; without it the area keeps its own position number.
    MoveArea {
        id: AreaId,
        parent: Option<AreaId>,
        #[serde(default)]
        position: Option<u32>,
    },
    /// Makes a unit the single owner of an area (a contributor that becomes owner stops being a
    /// contributor).
    SetOwner {
        area: AreaId,
        unit: UnitId,
    },
    ClearOwner {
        area: AreaId,
    },
    AddContributor {
        area: AreaId,
        unit: UnitId,
    },
    RemoveContributor {
        area: AreaId,
        unit: UnitId,
    },
    AddInteraction {
        interaction: Interaction,
    },
    UpdateInteraction {
        interaction: Interaction,
    },
    RemoveInteraction {
        id: InteractionId,
    },
    /// Remembers where the user put a unit on the team map.
    SetPlacement {
        placement: Placement,
    },
    /// Forgets placements so the automatic arrangement takes over; an empty list means all.
    ClearPlacements {
        units: Vec<UnitId>,
    },
    /// Creates or replaces a unit's budget for a period.
    SetBudget {
        budget: Budget,
    },
    RemoveBudget {
        unit: UnitId,
        period: String,
    },
    /// Plans a change of manager or team for a day (id 0 asks for a fresh id).
    AddDatedChange {
        change: DatedChange,
    },
    /// Replaces a planned change (its day or what it does).
    UpdateDatedChange {
        change: DatedChange,
    },
    RemoveDatedChange {
        id: u32,
    },
    /// Sets the reporting currency and the exchange rates costs total with.
    SetPlanSettings {
        settings: PlanSettings,
    },
    CreateScenario {
        name: String,
    },
    /// Copies a scenario, keeping every record's identity.
    ForkScenario {
        from: ScenarioId,
        name: String,
    },
    RenameScenario {
        id: ScenarioId,
        name: String,
    },
    DeleteScenario {
        id: ScenarioId,
    },
    /// Creates a scenario holding what `ops` (record ops, as in a batch) make, e.g. an import into
    /// a new scenario: one undo step, which hides the scenario again; redo shows it.
    CreateScenarioWith {
        name: String,
        label: String,
        ops: Vec<Op>,
    },
    /// Makes a scenario the baseline: it takes the baseline's name and place at the front of the
    /// bar, and the old baseline is kept, archived, at the end.
    PromoteScenario {
        id: ScenarioId,
    },
    /// Replaces the document's health-check settings (thresholds, switched-off checks).
    SetCheckSettings {
        settings: CheckSettings,
    },
    /// Saves a view of the people sheet in the document (replacing one of the same name).
    SaveSheetView {
        view: SheetView,
    },
    /// Deletes the saved sheet view called `name`.
    DeleteSheetView {
        name: String,
    },
    /// Defines a custom field (document-wide).
    AddField {
        field: FieldDef,
    },
    /// Changes the definition called `name` (which may rename it). Values in the open scenario
    /// must fit the new type; a rename moves them to the new name there.
    UpdateField {
        name: String,
        field: FieldDef,
    },
    /// Removes a definition and clears its values in the open scenario (the label says how
    /// many); undo brings both back.
    RemoveField {
        name: String,
    },
    /// Several ops as one undo step; each sees the effects of those before it. The people
    /// sheet's pastes and bulk edits are batches: validated as a whole, nothing applied when any
    /// step is refused (the error names the step).
    Batch {
        label: String,
        ops: Vec<Op>,
    },
}

impl Op {
    /// A short label for undo menus and the log.
    pub fn label(&self) -> String {
        let s = match self {
            Op::CreatePerson { .. } => "Add person",
            Op::UpdatePerson { .. } => "Edit person",
            Op::DeletePerson { .. } => "Delete person",
            Op::SetManager { .. } => "Change manager",
            Op::ClearManager { .. } => "Remove manager",
            Op::MoveSubtree { .. } => "Move team under new manager",
            Op::AddDottedLine { .. } => "Add dotted line",
            Op::RemoveDottedLine { .. } => "Remove dotted line",
            Op::CreateUnit { .. } => "Add unit",
            Op::UpdateUnit { .. } => "Edit unit",
            Op::DeleteUnit { .. } => "Delete unit",
            Op::MoveUnit { .. } => "Move unit",
            Op::SetMembership { .. } => "Set membership",
            Op::RemoveMembership { .. } => "Remove membership",
            Op::CreateArea { .. } => "Add area",
            Op::UpdateArea { .. } => "Edit area",
            Op::DeleteArea { .. } => "Delete area",
            Op::MoveArea { .. } => "Move area",
            Op::SetOwner { .. } => "Set owner",
            Op::ClearOwner { .. } => "Clear owner",
            Op::AddContributor { .. } => "Add contributor",
            Op::RemoveContributor { .. } => "Remove contributor",
            Op::AddInteraction { .. } => "Add interaction",
            Op::UpdateInteraction { .. } => "Edit interaction",
            Op::RemoveInteraction { .. } => "Remove interaction",
            Op::SetPlacement { .. } => "Move unit on map",
            Op::ClearPlacements { .. } => "Auto-arrange",
            Op::SetBudget { .. } => "Set budget",
            Op::RemoveBudget { .. } => "Remove budget",
            Op::AddDatedChange { .. } => "Plan a dated change",
            Op::UpdateDatedChange { .. } => "Edit dated change",
            Op::RemoveDatedChange { .. } => "Remove dated change",
            Op::SetPlanSettings { .. } => "Change currencies",
            Op::CreateScenario { .. } => "Create scenario",
            Op::ForkScenario { .. } => "Fork scenario",
            Op::RenameScenario { .. } => "Rename scenario",
            Op::DeleteScenario { .. } => "Delete scenario",
            Op::PromoteScenario { .. } => "Promote scenario",
            Op::SetCheckSettings { .. } => "Change check settings",
            Op::SaveSheetView { .. } => "Save sheet view",
            Op::DeleteSheetView { .. } => "Delete sheet view",
            Op::AddField { .. } => "Add field",
            Op::UpdateField { .. } => "Edit field",
            Op::RemoveField { .. } => "Remove field",
            Op::Batch { label, .. } | Op::CreateScenarioWith { label, .. } => return label.clone(),
        };
        s.to_string()
    }

    /// Whether this op changes the document's list of scenarios rather than one scenario's org.
    pub fn is_scenario_op(&self) -> bool {
        matches!(
            self,
            Op::CreateScenario { .. }
                | Op::CreateScenarioWith { .. }
                | Op::ForkScenario { .. }
                | Op::RenameScenario { .. }
                | Op::DeleteScenario { .. }
                | Op::PromoteScenario { .. }
        )
    }
}
