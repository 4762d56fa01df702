//! What the UI shows of the open document, as loaded once; later changes arrive as events.

use serde::{Deserialize, Serialize};
use specta::Type;
use topograph_model::{Error, OrgRecords, Scenario, ScenarioId};

/// The open file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct DocumentInfo {
    /// The file name without its extension, as in the window title.
    pub name: String,
    pub path: String,
}

/// What Undo and Redo would do next ("Undo <label>").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Everything the UI shows, as loaded once; later changes arrive as `DocChanged` events.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct DocState {
    /// `None` when no document is open.
    pub document: Option<DocumentInfo>,
    /// In scenario-bar order.
    pub scenarios: Vec<Scenario>,
    pub active_scenario: Option<ScenarioId>,
    pub records: OrgRecords,
    pub history: History,
    /// A failure the UI has not been told about yet (the document given at start-up would not
    /// open); reported once.
    pub problem: Option<Error>,
    /// The document's revision this state is at: every `DocChanged` event carries the revision
    /// it brings the UI to, so an event at or below this one is in this state already.
    pub revision: u32,
}

/// A recently opened document, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct RecentDocument {
    pub name: String,
    pub path: String,
}
