//! The "where the people go" view of the open scenario: actual effort by product area against the
//! direction's targets (`topograph_api::views::effort`).

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_model::Error;
use topograph_scene::EffortScene;

/// Laid out on a worker thread from a copy of the scenario, like the other scenes, so a large org
/// never holds the session lock or the window.
#[tauri::command]
#[specta::specta]
pub async fn effort_scene(app: WebviewWindow) -> Result<EffortScene, Error> {
    let org = session(&app).org_copy()?;
    worker(move || topograph_api::views::effort(&org)).await
}
