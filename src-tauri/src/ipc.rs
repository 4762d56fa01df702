//! The document's events, which need Tauri (the answers' shapes live in the crates). Generated
//! into ui/src/bindings.ts; keep them plain data.

use serde::{Deserialize, Serialize};
use specta::Type;
use topograph_api::actions::Changed;
use topograph_api::{DocState, History};
use topograph_model::{ChangeSet, Error, ScenarioId};

/// Sent once after every change to the open document, however it was made (a command, the
/// menu, a keyboard shortcut), so the UI patches its store instead of reloading. Each carries the
/// document's revision it brings the UI to (`DocState::revision`): events come in order, answers
/// on their own way, and the UI keeps whichever is newer by comparing the numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DocChanged {
    /// An operation, undo or redo changed records of the open scenario or the scenario list:
    /// patch the store with `changes`.
    Applied {
        label: String,
        changes: ChangeSet,
        history: History,
        revision: u32,
    },
    /// Another document or scenario is open (or none): replace the store with `state`.
    Reloaded { state: Box<DocState>, revision: u32 },
    /// `switch_scenario` opened another scenario of the document; its answer carries the new
    /// state (a 10k state is megabytes: sent once, by the fast path). A UI that did not ask
    /// loads it with `get_state`.
    Switched { scenario: ScenarioId, revision: u32 },
}

impl From<Changed> for DocChanged {
    fn from(c: Changed) -> DocChanged {
        match c {
            Changed::Applied {
                label,
                changes,
                history,
                revision,
            } => DocChanged::Applied {
                label,
                changes,
                history,
                revision,
            },
            Changed::Reloaded { state, revision } => DocChanged::Reloaded { state, revision },
            Changed::Switched { scenario, revision } => DocChanged::Switched { scenario, revision },
        }
    }
}

/// An action started outside a command (the native menu, a file dialog) failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct AppError {
    pub error: Error,
}
