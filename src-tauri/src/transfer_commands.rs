//! Import and export of data files (CSV, JSON, Backstage, Team API): adapters over
//! `topograph_api::{import, data}`, the File › Import… and File › Export data menu items, and
//! the events that tell the import dialog what to show. Reading and writing run on workers.

use crate::actions;
use crate::worker::{in_background, worker};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};
use tauri::WebviewWindow;
use tauri_plugin_dialog::{DialogExt, FilePath};
use tauri_specta::Event;
use topograph_api::data;
use topograph_api::import::{self, ImportDraft, ImportPhase, ImportTarget};
use topograph_formats::csv::{export::Table, Mapping};
use topograph_formats::source::Format;
use topograph_formats::Summary;
use topograph_model::{Error, ErrorCode};

type Res<T> = Result<T, Error>;

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
/// for a CSV its columns, first rows and mapping). Writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    app: WebviewWindow,
    path: String,
    format: Option<Format>,
    mapping: Option<Mapping>,
) -> Res<ImportDraft> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || import::draft(&path, format, mapping)).await
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
) -> Res<Summary> {
    let path = crate::grants::check(&app, &path)?;
    if let ImportTarget::NewDocument { path } = &target {
        crate::grants::check(&app, path)?;
    }
    worker(move || {
        let progress = &mut |phase| drop(ImportProgress { phase }.emit_to(&app, app.label()));
        let ready = import::prepare(&path, format, mapping, target, progress)?;
        actions::import(&app, |s| ready.apply(s))
    })
    .await
}

/// Reads a saved column mapping (the JSON file `topograph import --mapping` takes).
#[tauri::command]
#[specta::specta]
pub async fn load_mapping(app: WebviewWindow, path: String) -> Res<Mapping> {
    import::load_mapping(&crate::grants::check(&app, &path)?)
}

/// Saves a column mapping for the next import (and for the command line).
#[tauri::command]
#[specta::specta]
pub async fn save_mapping(app: WebviewWindow, path: String, mapping: Mapping) -> Res<()> {
    import::save_mapping(&crate::grants::check(&app, &path)?, &mapping)
}

/// A file chosen in the native open dialog, or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_file(
    app: WebviewWindow,
    title: String,
    filter: String,
    extensions: Vec<String>,
) -> Res<Option<String>> {
    worker(move || {
        let ext: Vec<&str> = extensions.iter().map(String::as_str).collect();
        let file = app
            .dialog()
            .file()
            .set_title(title)
            .add_filter(filter, &ext)
            .blocking_pick_file();
        chosen(&app, file, "")
    })
    .await
}

/// A path chosen in the native save dialog (the extension added when missing), or null.
#[tauri::command]
#[specta::specta]
pub async fn choose_save_file(
    app: WebviewWindow,
    title: String,
    file_name: String,
    filter: String,
    extension: String,
) -> Res<Option<String>> {
    worker(move || {
        let file = app
            .dialog()
            .file()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter(filter, &[extension.as_str()])
            .blocking_save_file();
        chosen(&app, file, &extension)
    })
    .await
}

/// The path a native dialog chose, with `extension` added when missing (a save dialog's),
/// granted to the window.
pub fn chosen(app: &WebviewWindow, file: Option<FilePath>, extension: &str) -> Res<Option<String>> {
    Ok(path_of(file)?.map(|p| {
        let p = topograph_api::with_extension(PathBuf::from(p), extension);
        crate::grants::grant(app, &p);
        p.display().to_string()
    }))
}

fn path_of(file: Option<FilePath>) -> Res<Option<String>> {
    match file {
        None => Ok(None),
        Some(f) => f
            .into_path()
            .map(|p| Some(p.display().to_string()))
            .map_err(|e| Error::new(ErrorCode::Io, e.to_string())),
    }
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
) -> Res<()> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || export(&app, format, table, &path)).await
}

fn export(app: &WebviewWindow, format: Format, table: Table, path: &Path) -> Res<()> {
    let files =
        actions::session(app).with_document(|doc| data::export(doc, doc.org(), format, table))?;
    data::write(path, &files)
}

// ---- the File menu ---------------------------------------------------------------------

/// The ids of the menu items this module answers.
pub const MENU_IMPORT: &str = "import";
const EXPORT_PREFIX: &str = "export-data:";

/// File › Export data: (id, text) of each item.
pub fn export_items() -> impl Iterator<Item = (String, &'static str)> {
    data::MENU
        .iter()
        .map(|i| (format!("{EXPORT_PREFIX}{}", i.id), i.text))
}

/// Runs File › Import… or a File › Export data item for the UI's action registry (palette,
/// shortcuts): the same native dialog and events as the menu, so both stay one code path.
#[tauri::command]
#[specta::specta]
pub async fn transfer_menu(app: WebviewWindow, id: String) -> Res<()> {
    if on_menu(&app, &id) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorCode::NotFound,
            format!("no import or export menu item is called {id:?}"),
        ))
    }
}

/// Answers File › Import… and File › Export data items; false for other ids.
pub fn on_menu(app: &WebviewWindow, id: &str) -> bool {
    if id == MENU_IMPORT {
        let handle = app.clone();
        app.dialog()
            .file()
            .set_title("Import people and teams")
            .add_filter(
                "CSV, JSON, Backstage or Team API",
                &["csv", "tsv", "txt", "json", "yaml", "yml"],
            )
            .pick_file(move |file| match chosen(&handle, file, "") {
                Ok(Some(path)) => drop(ImportRequested { path }.emit_to(&handle, handle.label())),
                Ok(None) => {}
                Err(e) => actions::report(&handle, e),
            });
        return true;
    }
    let Some(what) = id.strip_prefix(EXPORT_PREFIX) else {
        return false;
    };
    let Some(item) = data::MENU.iter().find(|i| i.id == what) else {
        return false;
    };
    let (format, table, ext) = (item.format, item.table, item.extension);
    let handle = app.clone();
    let done = move |path: Option<PathBuf>| {
        let Some(path) = path else { return };
        let path = topograph_api::with_extension(path, ext);
        in_background(&handle, move |app| export(app, format, table, &path));
    };
    let dialog = app.dialog().file().set_title("Export data");
    let report = app.clone();
    let chosen = move |file: Option<FilePath>| match path_of(file) {
        Ok(p) => done(p.map(PathBuf::from)),
        Err(e) => actions::report(&report, e),
    };
    if format == Format::Teamapi {
        dialog.pick_folder(chosen);
    } else {
        let name = format!("{}.{ext}", what.replace("csv-", ""));
        dialog
            .set_file_name(name)
            .add_filter(what, &[ext])
            .save_file(chosen);
    }
    true
}
