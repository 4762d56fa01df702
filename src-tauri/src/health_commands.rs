//! The health checks for the insights panel: findings of the open scenario, and the document's
//! check settings (read here, changed through the undoable set-check-settings op).

use crate::actions::{self, session};
use crate::worker::worker;
use serde::Serialize;
use specta::Type;
use tauri::AppHandle;
use topograph_document::Applied;
use topograph_health::{CheckInfo, Date, Finding, Settings, SpanPreset, SPAN_PRESETS};
use topograph_model::{CheckSettings, Effort, Error};

type Res<T> = Result<T, Error>;

/// What the settings dialog edits: the stored overrides, and every check with the values in force.
#[derive(Clone, Debug, Serialize, Type)]
pub struct HealthSettings {
    pub stored: CheckSettings,
    pub checks: Vec<CheckInfo>,
    pub presets: Vec<SpanPreset>,
}

/// Every finding of the open scenario under the document's settings, errors first.
#[tauri::command]
#[specta::specta]
pub async fn health_findings(app: AppHandle) -> Res<Vec<Finding>> {
    // The checks run on a copy, off the session's lock: at 100k people they take about a second,
    // which a chart's layout or an edit asked for meanwhile must not wait for.
    let (org, settings) =
        session(&app).with_document(|doc| Ok((doc.org().clone(), doc.check_settings()?)))?;
    worker(move || topograph_health::check_with(&org, &settings, Date::today())).await
}

/// Actual effort per product area of the open scenario (`topograph_model::actual_effort`), for
/// the area inspector's actual-against-target figures.
#[tauri::command]
#[specta::specta]
pub async fn area_effort(app: AppHandle) -> Res<Effort> {
    session(&app).with_document(|doc| Ok(topograph_model::actual_effort(doc.org())))
}

#[tauri::command]
#[specta::specta]
pub async fn health_settings(app: AppHandle) -> Res<HealthSettings> {
    let stored = session(&app).with_document(|doc| doc.check_settings())?;
    let checks = topograph_health::catalogue(&Settings::resolve(&stored)?);
    Ok(HealthSettings {
        stored,
        checks,
        presets: SPAN_PRESETS.to_vec(),
    })
}

/// Validates the settings, then stores them as one undoable edit (announced by DocChanged).
#[tauri::command]
#[specta::specta]
pub async fn set_check_settings(app: AppHandle, settings: CheckSettings) -> Res<Applied> {
    actions::apply(&app, topograph_health::settings_op(settings)?)
}
