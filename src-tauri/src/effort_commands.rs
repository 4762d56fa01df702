//! The "where the people go" view of the open scenario: actual effort by product area against the
//! direction's targets (topograph_scene::effort_scene over topograph_model::actual_effort).

use crate::actions::session;
use tauri::AppHandle;
use topograph_model::{Error, ErrorCode};
use topograph_scene::{EffortOptions, EffortScene};

/// Laid out on a worker thread from a copy of the scenario, like the other scenes, so a large org
/// never holds the session lock or the window.
#[tauri::command]
#[specta::specta]
pub async fn effort_scene(app: AppHandle) -> Result<EffortScene, Error> {
    let org = session(&app).org_copy()?;
    tauri::async_runtime::spawn_blocking(move || {
        topograph_scene::effort_scene(&org, &EffortOptions::default())
    })
    .await
    .map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("laying out where the people go failed: {e}"),
        )
    })
}
