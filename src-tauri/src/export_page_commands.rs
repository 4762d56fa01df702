//! The export dialog's preview of the real output (`topograph_api::diagram::page_preview`).

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::diagram::{self, DiagramScope, Drawing, ExportOptions, ExportPreview};
use topograph_model::Result;

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
