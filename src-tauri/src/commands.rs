//! The IPC commands: parse, call the core through the session, return its result or its
//! `{code, message}` error. All are async so none runs on (and blocks) the main thread.

use crate::actions::{session, Here};
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::actions;
use topograph_api::chart_frame::ChartFrame;
use topograph_api::session::NewTemplate;
use topograph_api::switch::Json;
use topograph_api::{views, DocState, History, RecentDocument};
use topograph_document::{Applied, HistoryLog};
use topograph_model::{Error, Op, View};
use topograph_scene::OrgChartWire;

type Res<T> = Result<T, Error>;

/// Everything the UI shows, for its first load; later changes come as `DocChanged` events.
#[tauri::command]
#[specta::specta]
pub async fn get_state(app: WebviewWindow) -> Res<DocState> {
    let mut trace = topograph_api::trace::Trace::start("state", crate::e2e::enabled());
    let state = session(&app).state();
    trace.at("built");
    trace.finish();
    state
}

/// Applies an operation to the open scenario (saved at once). The UI's store changes through
/// the `DocChanged` event this sends, like for edits made from the menu.
#[tauri::command]
#[specta::specta]
pub async fn apply(app: WebviewWindow, op: Op) -> Res<Applied> {
    actions::apply(&Here(&app), op)
}

#[tauri::command]
#[specta::specta]
pub async fn undo(app: WebviewWindow) -> Res<Applied> {
    actions::undo(&Here(&app))
}

#[tauri::command]
#[specta::specta]
pub async fn redo(app: WebviewWindow) -> Res<Applied> {
    actions::redo(&Here(&app))
}

#[tauri::command]
#[specta::specta]
pub async fn history(app: WebviewWindow) -> Res<History> {
    session(&app).history()
}

/// The persistent history for the History panel: up to `limit` entries each way.
#[tauri::command]
#[specta::specta]
pub async fn history_log(app: WebviewWindow, limit: u32) -> Res<HistoryLog> {
    session(&app).history_log(limit)
}

/// Undoes the last `count` edits as one command (one `DocChanged`).
#[tauri::command]
#[specta::specta]
pub async fn undo_steps(app: WebviewWindow, count: u32) -> Res<Applied> {
    actions::travel(&Here(&app), true, count)
}

/// Redoes the next `count` undone edits as one command (one `DocChanged`).
#[tauri::command]
#[specta::specta]
pub async fn redo_steps(app: WebviewWindow, count: u32) -> Res<Applied> {
    actions::travel(&Here(&app), false, count)
}

/// Reserves `count` fresh ids and answers the first, so one batch can create a record and
/// refer to it (grouping a lasso selection into a new unit).
#[tauri::command]
#[specta::specta]
pub async fn reserve_ids(app: WebviewWindow, count: u32) -> Res<u32> {
    session(&app).reserve_ids(count)
}

/// The nodes collapsed in a view of the open scenario (person ids on the org chart).
#[tauri::command]
#[specta::specta]
pub async fn collapsed(app: WebviewWindow, view: View) -> Res<Vec<u32>> {
    session(&app).collapsed(view)
}

/// Collapses or expands one node of a view. View state, not history: no undo, no event; ask
/// for the scene again.
#[tauri::command]
#[specta::specta]
pub async fn set_collapsed(app: WebviewWindow, view: View, node: u32, collapsed: bool) -> Res<()> {
    session(&app).set_collapsed(view, node, collapsed)
}

/// Makes `nodes` the whole collapsed set of a view ("expand all" sends none, "expand to level
/// N" the people at that level). View state like `set_collapsed`: ask for the scene again.
#[tauri::command]
#[specta::specta]
pub async fn replace_collapsed(app: WebviewWindow, view: View, nodes: Vec<u32>) -> Res<()> {
    session(&app).replace_collapsed(view, &nodes)
}

/// The org chart of the open scenario, laid out on a worker thread so the app stays responsive.
/// `frame`: the chart view's shape (remembered for the layouts that follow, a scenario switch's
/// too) and, on a document's first layout, the room a big org with nothing folded is folded for.
#[tauri::command]
#[specta::specta]
pub async fn org_chart_scene(
    app: WebviewWindow,
    frame: Option<ChartFrame>,
) -> Res<Json<OrgChartWire>> {
    let mut trace = topograph_api::trace::Trace::start("chart", crate::e2e::enabled());
    let (org, collapsed, aspect) = {
        let mut s = session(&app);
        if let Some(f) = frame {
            s.set_chart_aspect(Some(f.aspect));
        }
        let (org, collapsed) = s.org_chart_input()?;
        (org, collapsed, s.chart_aspect())
    };
    trace.at("copied");
    let fold = frame.and_then(|f| f.fold);
    let (answer, trace) = worker(move || {
        let answer = views::org_chart(&org, collapsed, aspect, fold, |stage| trace.at(stage))?;
        Ok((answer, trace))
    })
    .await?;
    trace.finish();
    Ok(answer)
}

/// Opens an existing document in place of the open one; a file that will not open is left
/// as it is and the open document stays open.
#[tauri::command]
#[specta::specta]
pub async fn open_document(app: WebviewWindow, path: String) -> Res<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::open(&Here(&app), &path)
}

/// Creates an empty document at `path` (which must not exist yet) and opens it.
#[tauri::command]
#[specta::specta]
pub async fn new_document(app: WebviewWindow, path: String) -> Res<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::create_here(&Here(&app), &path, NewTemplate::Blank)
}

/// Writes a copy of the open document to `path` (which must not exist yet) and continues in it.
#[tauri::command]
#[specta::specta]
pub async fn save_as(app: WebviewWindow, path: String) -> Res<DocState> {
    let path = crate::grants::check(&app, &path)?;
    actions::save_as(&Here(&app), &path)
}

/// Closes the open document; every change is saved already.
#[tauri::command]
#[specta::specta]
pub async fn close_document(app: WebviewWindow) -> Res<DocState> {
    actions::close(&Here(&app))
}

/// Recently opened documents, newest first.
#[tauri::command]
#[specta::specta]
pub async fn recent_documents(app: WebviewWindow) -> Res<Vec<RecentDocument>> {
    Ok(session(&app).recent())
}
