//! Compare over time with the periods and the reporting currency the compare view picks (the
//! CLI's `diff --by/--start/--end/--currency`).

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::compare::{self, CompareOptions, Comparison, DiffFormat};
use topograph_diff::Diff;
use topograph_model::{Date, Error, ScenarioId};

/// Compares two scenarios as `diff_scenarios` does, with headcount and cost over the periods and
/// in the currency `options` names; a bad day or a currency without a rate is refused by field.
#[tauri::command]
#[specta::specta]
pub async fn diff_scenarios_over(
    app: WebviewWindow,
    from: ScenarioId,
    to: ScenarioId,
    options: CompareOptions,
) -> Result<Diff, Error> {
    let inputs = session(&app).with_document(|doc| Comparison::of(doc, from, to))?;
    worker(move || inputs.diff_with(&options, Date::today())).await
}

/// Writes the comparison as `diff_scenarios_over` computes it (the periods and currency the
/// compare view picks) to `path` as CSV or Markdown, so the file has the figures on screen.
#[tauri::command]
#[specta::specta]
pub async fn export_diff_over(
    app: WebviewWindow,
    from: ScenarioId,
    to: ScenarioId,
    format: DiffFormat,
    path: String,
    options: CompareOptions,
) -> Result<(), Error> {
    let path = crate::grants::check(&app, &path)?;
    let diff = diff_scenarios_over(app, from, to, options).await?;
    compare::write(&diff, format, &path)
}
