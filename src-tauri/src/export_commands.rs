//! Diagram export from the app (File › Export…): adapters over `topograph_api::diagram` for the
//! dialog's previews, the export itself with progress events, and its cancellation; and the Plan
//! table as CSV (the Plan view's "Export CSV…", written by `topograph_api::plan::export_csv`).

use crate::actions::session;
use crate::worker::worker;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::WebviewWindow;
use tauri_specta::Event;
use topograph_api::diagram::{
    self, DiagramScope, Drawing, ExportOptions, ExportPreview, ExportResult, Exporting,
};
use topograph_model::Result;
use topograph_plan::PlanOptions;

/// Stopped by `cancel_export`, read by the running export between pages.
static EXPORTING: Exporting = Exporting::new();

/// File › Export… was chosen: the UI opens its export dialog.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ExportRequested {}

/// How far a running export is: `done` of `total` steps (PDF pages; 0 of 1 for one image).
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

/// The chosen view and scope of the open scenario as a small SVG for the dialog's preview.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(app: WebviewWindow, what: DiagramScope) -> Result<ExportPreview> {
    worker(move || diagram::preview(&Drawing::of_session(&session(&app), what.view)?, &what)).await
}

/// What the export dialog's options will write, page `page` (from 0) of a PDF as printed, as an
/// SVG document with the number of pages.
#[tauri::command]
#[specta::specta]
pub async fn export_page_preview(
    app: WebviewWindow,
    what: DiagramScope,
    options: ExportOptions,
    page: u32,
) -> Result<ExportPreview> {
    worker(move || {
        let drawing = Drawing::of_session(&session(&app), what.view)?;
        diagram::page_preview_at(&drawing, &what, &options, page)
    })
    .await
}

/// Writes the chosen view of the open scenario to `path` on a worker thread, sending
/// `ExportProgress` as PDF pages are done; `cancel_export` stops it with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn export_diagram(
    app: WebviewWindow,
    what: DiagramScope,
    options: ExportOptions,
    path: String,
) -> Result<ExportResult> {
    diagram::require_path(&path)?;
    crate::grants::check(&app, &path)?;
    EXPORTING.start();
    worker(move || {
        let drawing = Drawing::of_session(&session(&app), what.view)?;
        let emit = |done, total| drop(ExportProgress { done, total }.emit_to(&app, app.label()));
        EXPORTING.export(&drawing, &what, &options, &path, emit)
    })
    .await
}

/// Asks the running export to stop; it ends as cancelled, with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn cancel_export() -> Result<()> {
    EXPORTING.cancel();
    Ok(())
}

/// Writes the plan table of the open scenario for `options` to `path` (a file the save dialog
/// granted); answers how many unit-period lines were written.
#[tauri::command]
#[specta::specta]
pub async fn export_plan_csv(
    app: WebviewWindow,
    options: PlanOptions,
    path: String,
) -> Result<u32> {
    diagram::require_path(&path)?;
    let path = crate::grants::check(&app, &path)?;
    topograph_api::plan::check_range(&options)?;
    let org = session(&app).org_copy()?;
    worker(move || topograph_api::plan::export_csv(&org, &options, &path)).await
}
