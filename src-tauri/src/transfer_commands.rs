//! Import and export of data files (CSV, JSON, Backstage, Team API): thin commands over
//! topograph-formats, the File › Import… and File › Export data menu items, and the events
//! that tell the import dialog what to show. Reading and writing run on worker threads.

use crate::actions;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;
use topograph_formats::csv::{export::Table, Mapping};
use topograph_formats::source::{self, Format};
use topograph_formats::{apply, backstage, csv, head, json, teamapi, Preview, Problem, Summary};
use topograph_model::{Error, ErrorCode};

type Res<T> = Result<T, Error>;

/// How many rows of a CSV the dialog previews.
const SAMPLE_ROWS: usize = 8;

/// File › Import… chose a file: the UI opens its import dialog on it.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ImportRequested {
    pub path: String,
}

/// Where a running import is, for the dialog's progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ImportPhase {
    Reading,
    Writing,
}

#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub phase: ImportPhase,
}

/// A CSV as the mapping step shows it.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct CsvDraft {
    pub encoding: String,
    pub delimiter: String,
    pub headers: Vec<String>,
    /// The first rows, cell by cell.
    pub rows: Vec<Vec<String>>,
    #[specta(type = u32)]
    pub row_count: usize,
    /// The mapping the preview used: the one asked for, else the suggested one.
    pub mapping: Mapping,
}

/// What an import of a file would do, before anything is written.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct ImportDraft {
    pub path: String,
    pub format: Format,
    pub csv: Option<CsvDraft>,
    pub preview: Preview,
    /// The file is larger than the preview reads (`head::PREVIEW_BYTES`): the rows and counts
    /// are of its first part; the import reads it all.
    pub partial: bool,
}

/// Where the import goes.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ImportTarget {
    /// A new document at `path` (which must not exist), then opened.
    NewDocument { path: String },
    /// A new scenario of the open document, then opened.
    NewScenario { name: String },
    /// The open scenario: people matched by employee id, then email.
    Merge,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    let code = if e.kind() == std::io::ErrorKind::NotFound {
        ErrorCode::FileNotFound
    } else {
        ErrorCode::Io
    };
    Error::new(code, format!("{}: {e}", path.display()))
}

fn unreadable(p: Problem) -> Error {
    Error::new(ErrorCode::InvalidValue, p.to_string())
}

fn format_of(path: &Path, bytes: &[u8], asked: Option<Format>) -> Res<Format> {
    asked
        .or_else(|| source::guess(&path.to_string_lossy(), bytes))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                format!(
                    "cannot tell the format of {} from its extension; choose one",
                    path.display()
                ),
            )
        })
}

async fn worker<T: Send + 'static>(f: impl FnOnce() -> Res<T> + Send + 'static) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| Error::new(ErrorCode::Io, format!("the import stopped: {e}")))?
}

fn draft(path: &Path, format: Option<Format>, mapping: Option<Mapping>) -> Res<ImportDraft> {
    let head = head::read_head(path)?;
    let bytes = head.bytes;
    let format = format_of(path, &bytes, format)?;
    let name = path.display().to_string();
    let (csv, preview) = match format {
        Format::Json if !head.whole => (None, head::count_json(path)?),
        Format::Json => {
            let file = json::parse(&topograph_formats::decode(&bytes).text)
                .and_then(|f| json::check(&f).map(|_| f));
            let preview = match file {
                Ok(f) => Preview {
                    people: f.scenarios.iter().map(|s| s.persons.len()).sum(),
                    units: f.scenarios.iter().map(|s| s.units.len()).sum(),
                    memberships: f.scenarios.iter().map(|s| s.memberships.len()).sum(),
                    areas: f.scenarios.iter().map(|s| s.areas.len()).sum(),
                    interactions: f.scenarios.iter().map(|s| s.interactions.len()).sum(),
                    problems: Vec::new(),
                },
                Err(p) => Preview {
                    people: 0,
                    units: 0,
                    memberships: 0,
                    areas: 0,
                    interactions: 0,
                    problems: vec![p],
                },
            };
            (None, preview)
        }
        Format::Csv => {
            let sample = source::read_csv(&bytes, mapping, SAMPLE_ROWS).map_err(unreadable)?;
            let preview = csv::plan(&sample.table, &sample.mapping).preview();
            let t = &sample.table;
            let delimiter = match t.delimiter {
                b'\t' => "tab".to_string(),
                d => (d as char).to_string(),
            };
            let draft = CsvDraft {
                encoding: t.encoding.to_string(),
                delimiter,
                headers: t.headers.clone(),
                row_count: t.len(),
                rows: sample.rows,
                mapping: sample.mapping,
            };
            (Some(draft), preview)
        }
        other => (
            None,
            source::read(&name, &bytes, other, None)
                .map_err(unreadable)?
                .preview(),
        ),
    };
    Ok(ImportDraft {
        path: name,
        format,
        csv,
        preview,
        partial: !head.whole && format != Format::Json,
    })
}

/// Reads a file and tells what importing it would do (counts, problems by line and column,
/// for a CSV its columns, first rows and mapping). Writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_preview(
    app: AppHandle,
    path: String,
    format: Option<Format>,
    mapping: Option<Mapping>,
) -> Res<ImportDraft> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || draft(&path, format, mapping)).await
}

fn progress(app: &AppHandle, phase: ImportPhase) {
    let _ = ImportProgress { phase }.emit(app);
}

fn run(
    app: &AppHandle,
    path: &Path,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
) -> Res<Summary> {
    progress(app, ImportPhase::Reading);
    let bytes = source::read_bounded(path)?;
    let format = format_of(path, &bytes, format)?;
    let name = path.display().to_string();
    if format == Format::Json {
        return run_json(app, path, &bytes, target);
    }
    let incoming = source::read(&name, &bytes, format, mapping).map_err(unreadable)?;
    progress(app, ImportPhase::Writing);
    match target {
        ImportTarget::NewDocument { path } => {
            let (doc, summary) = apply::new_document(Path::new(&path), "Current", incoming)?;
            actions::import(app, |s| {
                s.adopt(doc);
                Ok(summary)
            })
        }
        ImportTarget::NewScenario { name } => actions::import(app, |s| {
            s.with_document(|d| apply::new_scenario(d, &name, &incoming))
        }),
        ImportTarget::Merge => {
            actions::import(app, |s| s.with_document(|d| apply::merge(d, &incoming)))
        }
    }
}

fn run_json(app: &AppHandle, path: &Path, bytes: &[u8], target: ImportTarget) -> Res<Summary> {
    let file = json::parse(&topograph_formats::decode(bytes).text)
        .and_then(|f| json::check(&f).map(|_| f))
        .map_err(unreadable)?;
    let label = format!(
        "Import {}",
        path.file_name()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned())
    );
    progress(app, ImportPhase::Writing);
    let names = match target {
        ImportTarget::NewDocument { path } => {
            let doc = json::to_new_document(Path::new(&path), &file, &label)?;
            let names = file.scenarios.iter().map(|s| s.name.clone()).collect();
            actions::import(app, |s| {
                s.adopt(doc);
                Ok(names)
            })?
        }
        ImportTarget::NewScenario { .. } => actions::import(app, |s| {
            s.with_document(|d| json::add_scenarios(d, &file, &label))
        })?,
        ImportTarget::Merge => {
            return Err(Error::new(
                ErrorCode::NotAllowed,
                "a JSON document brings its own scenarios: import it as a new document or as new scenarios",
            ))
        }
    };
    Ok(Summary {
        scenario: names.join(", "),
        people_added: file.scenarios.iter().map(|s| s.persons.len()).sum(),
        units_added: file.scenarios.iter().map(|s| s.units.len()).sum(),
        ..Summary::default()
    })
}

/// Imports a file into a new document, a new scenario or the open scenario, then sends the
/// new state. The rows with problems are left out as the problems say; an error leaves the
/// document as it was.
#[tauri::command]
#[specta::specta]
pub async fn import_run(
    app: AppHandle,
    path: String,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
) -> Res<Summary> {
    let path = crate::grants::check(&app, &path)?;
    if let ImportTarget::NewDocument { path } = &target {
        crate::grants::check(&app, path)?;
    }
    worker(move || run(&app, &path, format, mapping, target)).await
}

/// Reads a saved column mapping (the JSON file `topograph import --mapping` takes).
#[tauri::command]
#[specta::specta]
pub async fn load_mapping(app: AppHandle, path: String) -> Res<Mapping> {
    let path = crate::grants::check(&app, &path)?;
    let bytes = source::read_bounded(&path)?;
    let text = String::from_utf8_lossy(&bytes);
    Mapping::from_json(&text)
        .map_err(|m| Error::new(ErrorCode::InvalidValue, format!("{}:{m}", path.display())))
}

/// Saves a column mapping for the next import (and for the command line).
#[tauri::command]
#[specta::specta]
pub async fn save_mapping(app: AppHandle, path: String, mapping: Mapping) -> Res<()> {
    let path = crate::grants::check(&app, &path)?;
    std::fs::write(&path, mapping.to_json() + "\n").map_err(|e| io(&path, e))
}

/// A file chosen in the native open dialog, or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_file(
    app: AppHandle,
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
        let path = path_of(file)?;
        if let Some(p) = &path {
            crate::grants::grant(&app, Path::new(p));
        }
        Ok(path)
    })
    .await
}

/// A path chosen in the native save dialog (the extension added when missing), or null.
#[tauri::command]
#[specta::specta]
pub async fn choose_save_file(
    app: AppHandle,
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
        Ok(path_of(file)?.map(|p| {
            let mut p = PathBuf::from(p);
            if p.extension().is_none() {
                p.set_extension(&extension);
            }
            crate::grants::grant(&app, &p);
            p.display().to_string()
        }))
    })
    .await
}

fn path_of(file: Option<tauri_plugin_dialog::FilePath>) -> Res<Option<String>> {
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
pub async fn export_data(app: AppHandle, format: Format, table: Table, path: String) -> Res<()> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || export(&app, format, table, &path)).await
}

fn export(app: &AppHandle, format: Format, table: Table, path: &Path) -> Res<()> {
    let text = {
        let session = actions::session(app);
        let doc = session
            .document()
            .ok_or_else(|| Error::new(ErrorCode::NotAllowed, "no document is open to export"))?;
        match format {
            Format::Json => json::export(doc)?,
            Format::Csv => csv::export::write(doc.org(), table),
            Format::Backstage => backstage::export(doc.org()),
            Format::Teamapi => {
                let files = teamapi::export(doc.org());
                drop(session);
                std::fs::create_dir_all(path).map_err(|e| io(path, e))?;
                for (name, text) in &files {
                    let file = path.join(name);
                    std::fs::write(&file, text).map_err(|e| io(&file, e))?;
                }
                return Ok(());
            }
        }
    };
    std::fs::write(path, text).map_err(|e| io(path, e))
}

// ---- the File menu ---------------------------------------------------------------------

/// The ids of the menu items this module answers.
pub const MENU_IMPORT: &str = "import";
const EXPORT_PREFIX: &str = "export-data:";

/// File › Export data: (id, text) of each item.
pub fn export_items() -> [(String, &'static str); 6] {
    [
        (
            format!("{EXPORT_PREFIX}json"),
            "Topograph JSON (whole document)…",
        ),
        (format!("{EXPORT_PREFIX}csv-people"), "People as CSV…"),
        (format!("{EXPORT_PREFIX}csv-units"), "Units as CSV…"),
        (format!("{EXPORT_PREFIX}csv-ownership"), "Ownership as CSV…"),
        (
            format!("{EXPORT_PREFIX}backstage"),
            "Backstage catalog (YAML)…",
        ),
        (
            format!("{EXPORT_PREFIX}teamapi"),
            "Team API files (a folder)…",
        ),
    ]
}

/// Runs File › Import… or a File › Export data item for the UI's action registry (palette,
/// shortcuts): the same native dialog and events as the menu, so both stay one code path.
#[tauri::command]
#[specta::specta]
pub async fn transfer_menu(app: AppHandle, id: String) -> Res<()> {
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
pub fn on_menu(app: &AppHandle, id: &str) -> bool {
    if id == MENU_IMPORT {
        let handle = app.clone();
        app.dialog()
            .file()
            .set_title("Import people and teams")
            .add_filter(
                "CSV, JSON, Backstage or Team API",
                &["csv", "tsv", "txt", "json", "yaml", "yml"],
            )
            .pick_file(move |file| match path_of(file) {
                Ok(Some(path)) => {
                    crate::grants::grant(&handle, Path::new(&path));
                    let _ = ImportRequested { path }.emit(&handle);
                }
                Ok(None) => {}
                Err(e) => actions::report(&handle, e),
            });
        return true;
    }
    let Some(what) = id.strip_prefix(EXPORT_PREFIX) else {
        return false;
    };
    let (format, table, ext) = match what {
        "json" => (Format::Json, Table::People, "json"),
        "csv-people" => (Format::Csv, Table::People, "csv"),
        "csv-units" => (Format::Csv, Table::Units, "csv"),
        "csv-ownership" => (Format::Csv, Table::Ownership, "csv"),
        "backstage" => (Format::Backstage, Table::People, "yaml"),
        "teamapi" => (Format::Teamapi, Table::People, ""),
        _ => return false,
    };
    let handle = app.clone();
    let done = move |path: Option<PathBuf>| {
        let Some(mut path) = path else { return };
        if !ext.is_empty() && path.extension().is_none() {
            path.set_extension(ext);
        }
        tauri::async_runtime::spawn_blocking(move || {
            if let Err(e) = export(&handle, format, table, &path) {
                actions::report(&handle, e);
            }
        });
    };
    let dialog = app.dialog().file().set_title("Export data");
    let report = app.clone();
    let chosen = move |file: Option<tauri_plugin_dialog::FilePath>| match path_of(file) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
    }

    #[test]
    fn a_csv_preview_shows_the_columns_the_first_rows_the_suggested_mapping_and_the_counts() {
        let d = draft(&fixture("workday.csv"), None, None).unwrap();
        assert_eq!(d.format, Format::Csv);
        let csv = d.csv.unwrap();
        assert_eq!(
            csv.headers[0], "Employee ID",
            "the byte order mark is not part of it"
        );
        assert_eq!(csv.rows[0][1], "Grace Hopper");
        let rows_in_file = std::fs::read_to_string(fixture("workday.csv"))
            .unwrap()
            .lines()
            .count()
            - 1;
        assert_eq!(csv.row_count, rows_in_file);
        assert!(d.preview.people > 0 && d.preview.people <= rows_in_file);
        assert_eq!(csv.mapping.target("Worker"), csv::Target::Name);
        assert!(d.preview.units > 0, "departments and teams become units");
    }

    #[test]
    fn a_csv_larger_than_the_preview_reads_is_previewed_from_its_first_part() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        let line = "Ada Lovelace,ada@x.io,\n";
        let rows = head::PREVIEW_BYTES as usize / line.len() + 1000;
        std::fs::write(&path, format!("Name,Email,Manager\n{}", line.repeat(rows))).unwrap();
        let d = draft(&path, None, None).unwrap();
        assert!(d.partial);
        let csv = d.csv.unwrap();
        assert!(csv.row_count < rows, "{} of {rows}", csv.row_count);
        assert!(csv.row_count > rows - 2000, "{} of {rows}", csv.row_count);
        assert_eq!(csv.rows[0], ["Ada Lovelace", "ada@x.io", ""]);
        let small = draft(&fixture("workday.csv"), None, None).unwrap();
        assert!(!small.partial);
    }

    #[test]
    fn a_mapping_given_to_the_preview_is_the_one_it_uses() {
        let text = std::fs::read_to_string(fixture("mapping-gusto.json")).unwrap();
        let mapping = Mapping::from_json(&text).unwrap();
        let d = draft(&fixture("gusto.csv"), None, Some(mapping.clone())).unwrap();
        assert_eq!(d.csv.unwrap().mapping, mapping);
    }

    #[test]
    fn a_yaml_catalog_previews_without_columns_and_an_unknown_extension_asks_for_a_format() {
        let d = draft(&fixture("backstage/org.yaml"), None, None).unwrap();
        assert_eq!(d.format, Format::Backstage);
        assert!(d.csv.is_none());
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("people.xlsx");
        std::fs::write(&odd, b"x").unwrap();
        assert_eq!(
            draft(&odd, None, None).unwrap_err().code,
            ErrorCode::InvalidValue
        );
    }
}
