//! "Open a repaired copy" of a document that opening refused for breaking the model's rules
//! (a loop, a reference to a missing record, an id out of range): which file is on offer, and
//! the repair, which writes a NEW file beside it (topograph_document::repair) and opens that.
//! The refused file is never written, and its path comes from the session, not from the page.

use crate::actions;
use crate::worker::worker;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use tauri::WebviewWindow;
use topograph_api::{DocState, Session};
use topograph_model::Error;

/// What the repair did: the new file (now open) and every change, in words.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct Repaired {
    pub path: String,
    pub changes: Vec<String>,
    pub state: DocState,
}

/// The last file opening refused for breaking the model's rules, or null: the UI offers "Open a
/// repaired copy" for it beside the error.
#[tauri::command]
#[specta::specta]
pub async fn repair_offer(app: WebviewWindow) -> Result<Option<String>, Error> {
    Ok(actions::session(&app)
        .refused()
        .map(|p| p.display().to_string()))
}

/// Writes a repaired copy of the refused file beside it ("<name> (repaired).topo") and opens it.
#[tauri::command]
#[specta::specta]
pub async fn open_repaired(app: WebviewWindow) -> Result<Repaired, Error> {
    let from = actions::session(&app).refused().map(Path::to_path_buf);
    let (path, changes) = worker(move || Session::repair(from.as_deref())).await?;
    crate::grants::grant(&app, &path);
    let state = topograph_api::actions::open_here(&actions::Here(&app), &path)?;
    Ok(Repaired {
        path: path.display().to_string(),
        changes,
        state,
    })
}
