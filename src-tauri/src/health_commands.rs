//! The health checks for the insights panel: findings of the open scenario (now, on a chosen
//! day, and those that turn over the coming quarters), effort per area, and the document's check
//! settings (read here, changed through the undoable set-check-settings op).

use crate::actions::{session, Here};
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::as_of::{day, Timeline, TimelineInput};
use topograph_api::views::{self, HealthSettings};
use topograph_document::Applied;
use topograph_health::Finding;
use topograph_model::{CheckSettings, Effort, Result};

/// Every finding of the open scenario under the document's settings, errors first.
#[tauri::command]
#[specta::specta]
pub async fn health_findings(app: WebviewWindow) -> Result<Vec<Finding>> {
    // The org of the day is shared with the views; the checks run off the session lock.
    let input = session(&app).findings_input()?;
    worker(move || input.run()).await
}

/// Actual effort per product area of the open scenario on the as-of date (`topograph_model::actual_effort`), for
/// the area inspector's actual-against-target figures.
#[tauri::command]
#[specta::specta]
pub async fn area_effort(app: WebviewWindow) -> Result<Effort> {
    let org = session(&app).org_copy()?;
    worker(move || Ok(topograph_model::actual_effort(&org))).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_settings(app: WebviewWindow) -> Result<HealthSettings> {
    views::health_settings(&mut session(&app))
}

/// Validates the settings, then stores them as one undoable edit (announced by DocChanged).
#[tauri::command]
#[specta::specta]
pub async fn set_check_settings(app: WebviewWindow, settings: CheckSettings) -> Result<Applied> {
    topograph_api::actions::apply(&Here(app), topograph_health::settings_op(settings)?)
}

/// The health findings of the open scenario as it will be (or was) on `as_of`, YYYY-MM-DD.
#[tauri::command]
#[specta::specta]
pub async fn health_findings_as_of(app: WebviewWindow, as_of: String) -> Result<Vec<Finding>> {
    let on = day("as_of", &as_of)?;
    session(&app).with_document(|doc| {
        topograph_health::check_with(&doc.org().as_of(on).org, &doc.check_settings()?, on)
    })
}

/// The findings that appear, change and go over the next `quarters` quarters (1-8) from the
/// as-of date, computed off the session lock.
#[tauri::command]
#[specta::specta]
pub async fn finding_timeline(app: WebviewWindow, quarters: u32) -> Result<Timeline> {
    let input = session(&app).with_document(|doc| TimelineInput::of(doc, quarters))?;
    worker(move || Ok(input.run())).await
}
