//! Import and export of data files (CSV, JSON, Backstage, Team API): adapters over
//! `topograph_api::{import, actions::export_data}`, the UI's way to the File › Import… and File ›
//! Export data menu items (`routes::transfer_menu`), and the events that tell the import dialog
//! what to show. Reading and writing run on workers.

use crate::actions::{session, Here};
use crate::worker::worker;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::WebviewWindow;
use tauri_specta::Event;
use topograph_api::import::{self, ImportDraft, ImportPhase, ImportTarget};
use topograph_formats::csv::{export::Table, Mapping};
use topograph_formats::source::Format;
use topograph_formats::Summary;
use topograph_model::Result;

/// File › Import… chose a file: the UI opens its import dialog on it.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ImportRequested {
    pub path: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub phase: ImportPhase,
}

/// Reads a file and tells what importing it would do (counts, problems by line and column,
/// for a CSV its columns, first rows and mapping). Writes nothing. `into_document`: the import
/// goes into the open document (a new scenario or the open one), whose field definitions then
/// check the CSV's custom columns.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    app: WebviewWindow,
    path: String,
    format: Option<Format>,
    mapping: Option<Mapping>,
    into_document: bool,
) -> Result<ImportDraft> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || {
        let defs = import::fields_for(&session(&app), into_document)?;
        import::draft_for(&path, format, mapping, &defs)
    })
    .await
}

/// Imports a file into a new document, a new scenario or the open scenario, then sends the
/// new state. The rows with problems are left out as the problems say; an error leaves the
/// document as it was.
#[tauri::command]
#[specta::specta]
pub async fn import_run(
    app: WebviewWindow,
    path: String,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
) -> Result<Summary> {
    let path = crate::grants::check(&app, &path)?;
    if let ImportTarget::NewDocument { path } = &target {
        crate::grants::check(&app, path)?;
    }
    worker(move || {
        let progress = &mut |phase| drop(ImportProgress { phase }.emit_to(&app, app.label()));
        // One window per document: a new document opens beside the one this window shows.
        let here = Here(app.clone());
        topograph_api::actions::import_file(&here, &path, format, mapping, target, progress)
    })
    .await
}

/// Reads a saved column mapping (the JSON file `topograph import --mapping` takes).
#[tauri::command]
#[specta::specta]
pub async fn load_mapping(app: WebviewWindow, path: String) -> Result<Mapping> {
    import::load_mapping(&crate::grants::check(&app, &path)?)
}

/// Saves a column mapping for the next import (and for the command line).
#[tauri::command]
#[specta::specta]
pub async fn save_mapping(app: WebviewWindow, path: String, mapping: Mapping) -> Result<()> {
    import::save_mapping(&crate::grants::check(&app, &path)?, &mapping)
}

/// Writes the open scenario (for JSON: the whole document) as a data file; for the Team API,
/// one file per team into the folder `path`. The document is not changed.
#[tauri::command]
#[specta::specta]
pub async fn export_data(
    app: WebviewWindow,
    format: Format,
    table: Table,
    path: String,
) -> Result<()> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || topograph_api::actions::export_data(&Here(app), format, table, &path)).await
}

/// Runs File › Import… or a File › Export data item for the UI's action registry (palette,
/// shortcuts): the same native dialog and events as the menu, so both stay one code path.
#[tauri::command]
#[specta::specta]
pub async fn transfer_menu(app: WebviewWindow, id: String) -> Result<()> {
    topograph_api::routes::transfer_menu(&Here(app), &id)
}
