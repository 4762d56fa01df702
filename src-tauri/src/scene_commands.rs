//! The team-map and ownership-map commands: a copy of the open scenario laid out on a
//! worker thread (like the org chart), so a large org never freezes the window.

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::views;
use topograph_model::Error;
use topograph_scene::{OwnershipScene, TeamMapScene};

type Res<T> = Result<T, Error>;

/// The team map of the open scenario: units with their chips, collapsed groups folded,
/// user placements honoured.
#[tauri::command]
#[specta::specta]
pub async fn team_map_scene(app: WebviewWindow) -> Res<TeamMapScene> {
    let (org, collapsed) = session(&app).team_map_input()?;
    worker(move || views::team_map(&org, collapsed)).await
}

/// The ownership map of the open scenario: the area tree, the teams' loads and the links.
#[tauri::command]
#[specta::specta]
pub async fn ownership_scene(app: WebviewWindow) -> Res<OwnershipScene> {
    let org = session(&app).org_copy()?;
    worker(move || views::ownership(&org)).await
}
