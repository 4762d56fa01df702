//! Custom field definitions (changed with the add-field, update-field and remove-field ops).

use crate::actions::session;
use tauri::WebviewWindow;
use topograph_model::{Error, FieldDefs};

/// The document's field definitions, then the undefined custom keys of the open scenario as
/// text fields.
#[tauri::command]
#[specta::specta]
pub async fn fields(app: WebviewWindow) -> Result<FieldDefs, Error> {
    session(&app).with_document(|doc| doc.fields())
}

/// How many people of the open scenario hold a value of the field `name` (asked before a
/// removal, which clears them).
#[tauri::command]
#[specta::specta]
pub async fn field_usage(app: WebviewWindow, name: String) -> Result<u32, Error> {
    session(&app).with_document(|doc| Ok(doc.field_usage(&name) as u32))
}
