//! The document commands: parse, call the core through the session, return its result or its
//! `{code, message}` error. All are async so none runs on (and blocks) the main thread.
//!
//! File › New asks the UI (`NewRequested`) for a blank org or a copy of the sample; the UI then
//! picks a path (`choose_new_document_path`, in dialogs.rs) and creates the document through
//! `new_document_from`, in a window of its own when this one shows a document already.

use crate::actions::{session, Here};
use crate::worker::worker;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::WebviewWindow;
use topograph_api::actions::{self, Repaired};
use topograph_api::session::NewTemplate;
use topograph_api::{DocState, History, RecentDocument};
use topograph_document::{Applied, HistoryLog};
use topograph_model::{Op, Result, View};

/// File › New was chosen: the UI asks what to start from.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct NewRequested {
    /// Set when the caller knows already; the UI then skips the question.
    pub template: Option<NewTemplate>,
}

/// Everything the UI shows, for its first load; later changes come as `DocChanged` events.
#[tauri::command]
#[specta::specta]
pub async fn get_state(app: WebviewWindow) -> Result<DocState> {
    topograph_api::trace::timed("state", "built", || session(&app).state())
}

/// Applies an operation to the open scenario (saved at once). The UI's store changes through
/// the `DocChanged` event this sends, like for edits made from the menu.
#[tauri::command]
#[specta::specta]
pub async fn apply(app: WebviewWindow, op: Op) -> Result<Applied> {
    actions::apply(&Here(app), op)
}

#[tauri::command]
#[specta::specta]
pub async fn undo(app: WebviewWindow) -> Result<Applied> {
    actions::undo(&Here(app))
}

#[tauri::command]
#[specta::specta]
pub async fn redo(app: WebviewWindow) -> Result<Applied> {
    actions::redo(&Here(app))
}

#[tauri::command]
#[specta::specta]
pub async fn history(app: WebviewWindow) -> Result<History> {
    session(&app).history()
}

/// The persistent history for the History panel: up to `limit` entries each way.
#[tauri::command]
#[specta::specta]
pub async fn history_log(app: WebviewWindow, limit: u32) -> Result<HistoryLog> {
    session(&app).history_log(limit)
}

/// Undoes the last `count` edits as one command (one `DocChanged`).
#[tauri::command]
#[specta::specta]
pub async fn undo_steps(app: WebviewWindow, count: u32) -> Result<Applied> {
    actions::travel(&Here(app), true, count)
}

/// Redoes the next `count` undone edits as one command (one `DocChanged`).
#[tauri::command]
#[specta::specta]
pub async fn redo_steps(app: WebviewWindow, count: u32) -> Result<Applied> {
    actions::travel(&Here(app), false, count)
}

/// Reserves `count` fresh ids and answers the first, so one batch can create a record and
/// refer to it (grouping a lasso selection into a new unit).
#[tauri::command]
#[specta::specta]
pub async fn reserve_ids(app: WebviewWindow, count: u32) -> Result<u32> {
    session(&app).reserve_ids(count)
}

/// The nodes collapsed in a view of the open scenario (person ids on the org chart).
#[tauri::command]
#[specta::specta]
pub async fn collapsed(app: WebviewWindow, view: View) -> Result<Vec<u32>> {
    session(&app).collapsed(view)
}

/// Collapses or expands one node of a view. View state, not history: no undo, no event; ask
/// for the scene again.
#[tauri::command]
#[specta::specta]
pub async fn set_collapsed(
    app: WebviewWindow,
    view: View,
    node: u32,
    collapsed: bool,
) -> Result<()> {
    session(&app).set_collapsed(view, node, collapsed)
}

/// Makes `nodes` the whole collapsed set of a view ("expand all" sends none, "expand to level
/// N" the people at that level). View state like `set_collapsed`: ask for the scene again.
#[tauri::command]
#[specta::specta]
pub async fn replace_collapsed(app: WebviewWindow, view: View, nodes: Vec<u32>) -> Result<()> {
    session(&app).replace_collapsed(view, &nodes)
}

/// Opens an existing document in place of the open one; a file that will not open is left
/// as it is and the open document stays open.
#[tauri::command]
#[specta::specta]
pub async fn open_document(app: WebviewWindow, path: String) -> Result<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::open(&Here(app), &path)
}

/// Creates an empty document at `path` (which must not exist yet) and opens it.
#[tauri::command]
#[specta::specta]
pub async fn new_document(app: WebviewWindow, path: String) -> Result<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::create_here(&Here(app), &path, NewTemplate::Blank)
}

/// Writes a copy of the open document to `path` (which must not exist yet) and continues in it.
#[tauri::command]
#[specta::specta]
pub async fn save_as(app: WebviewWindow, path: String) -> Result<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::save_as(&Here(app), &path)
}

/// Closes the open document; every change is saved already.
#[tauri::command]
#[specta::specta]
pub async fn close_document(app: WebviewWindow) -> Result<DocState> {
    actions::close(&Here(app))
}

/// Recently opened documents, newest first.
#[tauri::command]
#[specta::specta]
pub async fn recent_documents(app: WebviewWindow) -> Result<Vec<RecentDocument>> {
    Ok(session(&app).recent())
}

/// Creates a document at `path` (which must not exist yet), blank or holding the sample org,
/// and opens it: in this window when it shows nothing yet, else in a new one. Answers this
/// window's state.
#[tauri::command]
#[specta::specta]
pub async fn new_document_from(
    app: WebviewWindow,
    path: String,
    template: NewTemplate,
) -> Result<DocState> {
    let path = crate::grants::check(&app, &path)?;
    worker(move || actions::create(&Here(app), &path, template)).await
}

/// The last file opening refused for breaking the model's rules, or null: the UI offers "Open a
/// repaired copy" for it beside the error.
#[tauri::command]
#[specta::specta]
pub async fn repair_offer(app: WebviewWindow) -> Result<Option<String>> {
    Ok(session(&app).refused().map(|p| p.display().to_string()))
}

/// Writes a repaired copy of the refused file beside it ("<name> (repaired).topo") and opens it.
#[tauri::command]
#[specta::specta]
pub async fn open_repaired(app: WebviewWindow) -> Result<Repaired> {
    let here = Here(app.clone());
    worker(move || actions::open_repaired(&here, |p| crate::grants::grant(&app, p))).await
}
