//! The health checks for the insights panel: findings of the open scenario, and the document's
//! check settings (read here, changed through the undoable set-check-settings op).

use crate::actions::{session, Here};
use tauri::WebviewWindow;
use topograph_api::views::{self, HealthSettings};
use topograph_document::Applied;
use topograph_health::Finding;
use topograph_model::{CheckSettings, Effort, Error};

type Res<T> = Result<T, Error>;

/// Every finding of the open scenario under the document's settings, errors first.
#[tauri::command]
#[specta::specta]
pub async fn health_findings(app: WebviewWindow) -> Res<Vec<Finding>> {
    // The org of the day is shared with the views; the checks run off the session lock.
    let input = session(&app).findings_input()?;
    crate::worker::worker(move || input.run()).await
}

/// Actual effort per product area of the open scenario on the as-of date (`topograph_model::actual_effort`), for
/// the area inspector's actual-against-target figures.
#[tauri::command]
#[specta::specta]
pub async fn area_effort(app: WebviewWindow) -> Res<Effort> {
    let org = session(&app).org_copy()?;
    crate::worker::worker(move || Ok(topograph_model::actual_effort(&org))).await
}

#[tauri::command]
#[specta::specta]
pub async fn health_settings(app: WebviewWindow) -> Res<HealthSettings> {
    views::health_settings(&mut session(&app))
}

/// Validates the settings, then stores them as one undoable edit (announced by DocChanged).
#[tauri::command]
#[specta::specta]
pub async fn set_check_settings(app: WebviewWindow, settings: CheckSettings) -> Res<Applied> {
    topograph_api::actions::apply(&Here(&app), topograph_health::settings_op(settings)?)
}
