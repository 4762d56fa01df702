//! The team-map and ownership-map commands: a copy of the open scenario laid out on a worker
//! thread (like the org chart), so a large org never freezes the window.

use crate::actions::session;
use std::collections::BTreeSet;
use tauri::AppHandle;
use topograph_model::{Error, ErrorCode};
use topograph_scene::{MapOptions, OwnershipOptions, OwnershipScene, TeamMapScene};

type Res<T> = Result<T, Error>;

/// Runs `work` off the main thread and the session lock; `what` names it in the error.
async fn on_worker<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> Res<T> + Send + 'static,
) -> Res<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| {
            Error::new(
                ErrorCode::InvalidValue,
                format!("laying out the {what} failed: {e}"),
            )
        })?
}

/// The team map of the open scenario: units with their chips, collapsed groups folded,
/// user placements honoured.
#[tauri::command]
#[specta::specta]
pub async fn team_map_scene(app: AppHandle) -> Res<TeamMapScene> {
    let (org, collapsed) = session(&app).team_map_input()?;
    on_worker("team map", move || {
        let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
        topograph_scene::team_map(&org, &collapsed, &MapOptions::default())
    })
    .await
}

/// The ownership map of the open scenario: the area tree, the teams' loads and the links.
#[tauri::command]
#[specta::specta]
pub async fn ownership_scene(app: AppHandle) -> Res<OwnershipScene> {
    let org = session(&app).org_copy()?;
    on_worker("ownership map", move || {
        topograph_scene::ownership(&org, &OwnershipOptions::default())
    })
    .await
}
