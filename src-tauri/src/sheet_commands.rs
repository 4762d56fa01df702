//! The Sheet view: the open scenario's people or units as dictionary-coded columns
//! (topograph_api::sheet), built on a worker thread from a copy of the scenario.

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::sheet::{SheetMode, SheetTable};
use topograph_model::{Error, SheetViews};

/// The sheet's rows and columns.
#[tauri::command]
#[specta::specta]
pub async fn sheet_table(app: WebviewWindow, mode: SheetMode) -> Result<SheetTable, Error> {
    let org = session(&app).org_copy()?;
    let fields = session(&app).with_document(|doc| doc.fields())?;
    worker(move || Ok(topograph_api::sheet::sheet_table(&org, mode, &fields))).await
}

/// The document's saved sheet views (saved and deleted with the save-sheet-view and
/// delete-sheet-view ops).
#[tauri::command]
#[specta::specta]
pub async fn sheet_views(app: WebviewWindow) -> Result<SheetViews, Error> {
    session(&app).with_document(|doc| doc.sheet_views())
}
