//! The document's events, which need Tauri (the answers' shapes live in the crates). Generated
//! into ui/src/bindings.ts; keep them plain data.

use serde::{Deserialize, Serialize};
use specta::Type;
use topograph_api::actions::Changed;
use topograph_model::Error;

/// Sent once after every change to the open document: topograph-api's `Changed`, as an event
/// (the derive that makes it one needs Tauri, which the crates leave out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(transparent)]
#[specta(transparent)]
pub struct DocChanged(pub Changed);

/// An action started outside a command (the native menu, a file dialog) failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct AppError {
    pub error: Error,
}
