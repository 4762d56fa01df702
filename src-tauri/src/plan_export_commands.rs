//! The Plan table as CSV from the app (the Plan view's "Export CSV…"): the file chosen in the
//! native save dialog, written by `topograph_api::plan::export_csv`.

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_model::Error;
use topograph_plan::PlanOptions;

/// Writes the plan table of the open scenario for `options` to `path` (a file the save dialog
/// granted); answers how many unit-period lines were written.
#[tauri::command]
#[specta::specta]
pub async fn export_plan_csv(
    app: WebviewWindow,
    options: PlanOptions,
    path: String,
) -> Result<u32, Error> {
    topograph_api::diagram::require_path(&path)?;
    let path = crate::grants::check(&app, &path)?;
    topograph_api::as_of::day("from", &options.from)?;
    topograph_api::as_of::day("to", &options.to)?;
    let org = session(&app).org_copy()?;
    worker(move || topograph_api::plan::export_csv(&org, &options, &path)).await
}
