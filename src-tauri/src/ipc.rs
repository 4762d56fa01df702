//! The shapes that cross the IPC boundary (command results and events) that the core does not
//! already define. Generated into ui/src/bindings.ts; keep them plain data.

use serde::{Deserialize, Serialize};
use specta::Type;
use topograph_api::{DocState, History};
use topograph_model::{ChangeSet, Error, ScenarioId};

/// Sent once after every change to the open document, however it was made (a command, the
/// menu, a keyboard shortcut), so the UI patches its store instead of reloading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DocChanged {
    /// An operation, undo or redo changed records of the open scenario or the scenario list:
    /// patch the store with `changes`.
    Applied {
        label: String,
        changes: ChangeSet,
        history: History,
    },
    /// Another document or scenario is open (or none): replace the store with `state`.
    Reloaded { state: Box<DocState> },
    /// `switch_scenario` opened another scenario of the document; its answer carries the new
    /// state (a 10k state is megabytes: sent once, by the fast path). A UI that did not ask
    /// loads it with `get_state`.
    Switched {
        scenario: ScenarioId,
        /// The scenario open before and its revision then (see `switch_scenario`'s `known`),
        /// so the UI can keep what it shows of it for switching back.
        left: Option<ScenarioId>,
        left_revision: u32,
    },
}

/// An action started outside a command (the native menu, a file dialog) failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct AppError {
    pub error: Error,
}

/// An answer serialised already, by the core crate that owns its megabytes (built optimised even
/// in debug builds, unlike this crate's generic serde code), sent as it is and typed in the
/// bindings as the `T` it is the JSON of.
pub struct PreSerialised<T>(pub String, std::marker::PhantomData<fn() -> T>);

impl<T> PreSerialised<T> {
    /// `json` must be what serde writes for a `T`; tests compare the two for each use.
    pub fn from_json(json: String) -> Self {
        PreSerialised(json, std::marker::PhantomData)
    }
}

impl<T> tauri::ipc::IpcResponse for PreSerialised<T> {
    fn body(self) -> tauri::Result<tauri::ipc::InvokeResponseBody> {
        Ok(tauri::ipc::InvokeResponseBody::Json(self.0))
    }
}

impl<T: Type> Type for PreSerialised<T> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        T::definition(types)
    }
}
