//! What commands and menu items do, shared so both emit the same events: call the session,
//! tell the UI what changed, then bring the window title and menus up to date.

use crate::ipc::{AppError, DocChanged};
use crate::{menu, AppState};
use serde::Serialize;
use std::path::Path;
use tauri::{Manager, WebviewWindow};
use tauri_specta::Event;
use topograph_api::chart_frame::ChartFrame;
use topograph_api::session::NewTemplate;
use topograph_api::switch::Switch;
use topograph_api::{DocState, Edit, Placement, Session, Sessions};
use topograph_document::Applied;
use topograph_model::{Error, Op, Result, ScenarioId};

/// Every window's session.
pub fn sessions<M: Manager<tauri::Wry>>(app: &M) -> &Sessions {
    &app.state::<AppState>().inner().sessions
}

/// The session of the window a command or menu item came from.
pub fn session(app: &WebviewWindow) -> topograph_api::sessions::SessionGuard {
    sessions(app).of(app.label())
}

/// Sends `event` to window `app` only: each window shows its own document.
pub fn emit_here<E: Event + Serialize + Clone>(app: &WebviewWindow, event: E) {
    // Emitting fails only when the webview is gone, and then nobody is listening.
    let _ = event.emit_to(app, app.label());
}

fn emit(app: &WebviewWindow, event: DocChanged) {
    emit_here(app, event);
}

/// Applies an edit and sends its one change event while the session is still locked, so
/// events reach the UI in the order the edits were made.
fn edit(app: &WebviewWindow, f: impl FnOnce(&mut Session) -> Result<Edit>) -> Result<Applied> {
    let applied = {
        let mut s = session(app);
        match f(&mut s)? {
            Edit::Patched(applied) => {
                emit(
                    app,
                    DocChanged::Applied {
                        label: applied.label.clone(),
                        changes: applied.changes.clone(),
                        history: s.history()?,
                        revision: s.revision(),
                    },
                );
                applied
            }
            Edit::Switched(applied) => {
                emit(app, reloaded(s.snapshot()?));
                applied
            }
        }
    };
    refresh_chrome(app);
    Ok(applied)
}

pub fn apply(app: &WebviewWindow, op: Op) -> Result<Applied> {
    edit(app, |s| s.apply(op))
}

pub fn undo(app: &WebviewWindow) -> Result<Applied> {
    edit(app, Session::undo)
}

pub fn redo(app: &WebviewWindow) -> Result<Applied> {
    edit(app, Session::redo)
}

/// Undoes (`undo`) or redoes `count` steps as one command; a step that failed after others is
/// reported like a menu failure, the steps before it stay done and announced.
pub fn travel(app: &WebviewWindow, undo: bool, count: u32) -> Result<Applied> {
    let mut stopped = None;
    let applied = edit(app, |s| {
        let (edit, error) = s.travel(undo, count)?;
        stopped = error;
        Ok(edit)
    })?;
    if let Some(e) = stopped {
        report(app, e);
    }
    Ok(applied)
}

/// Runs something that opens, closes or switches, then sends the whole new state.
fn reload(app: &WebviewWindow, f: impl FnOnce(&mut Session) -> Result<()>) -> Result<DocState> {
    let state = {
        let mut s = session(app);
        f(&mut s)?;
        let state = s.snapshot()?;
        emit(app, reloaded(state.clone()));
        state
    };
    refresh_chrome(app);
    Ok(state)
}

fn reloaded(state: DocState) -> DocChanged {
    let revision = state.revision;
    DocChanged::Reloaded {
        state: Box::new(state),
        revision,
    }
}

/// Opens another scenario and announces it (see [`Session::switch_for_ui`]); the state goes to
/// the UI in the command's answer, not the event: events travel as a script the webview has to
/// parse, which for a 10k state took over a second. The caller refreshes the chrome.
pub fn switch_scenario(
    app: &WebviewWindow,
    id: ScenarioId,
    known: Option<u32>,
    holds: Option<ScenarioId>,
    frame: Option<ChartFrame>,
) -> Result<Switch> {
    let mut s = session(app);
    let switch = s.switch_for_ui(id, known, holds, frame)?;
    let revision = switch.state.revision;
    emit(
        app,
        DocChanged::Switched {
            scenario: id,
            revision,
        },
    );
    Ok(switch)
}

/// Opens a document as native editors do: the window that shows it already comes to the front,
/// else it opens here when this window shows no document, else in a new window of its own. The
/// answer is this window's state (unchanged unless the document opened here).
pub fn open(app: &WebviewWindow, path: &Path) -> Result<DocState> {
    match sessions(app).place(path, app.label()) {
        Placement::Focus(label) if label != app.label() => {
            crate::windows::focus(app.app_handle(), &label);
            session(app).snapshot()
        }
        Placement::NewWindow => {
            crate::windows::open_document(app.app_handle(), path, app.label())?;
            session(app).snapshot()
        }
        Placement::Focus(_) | Placement::Here => reload(app, |s| s.open(path)),
    }
}

/// Opens a document in this window in place of the one it shows (a repaired copy of the file
/// this window was refused).
pub fn open_here(app: &WebviewWindow, path: &Path) -> Result<DocState> {
    reload(app, |s| s.open(path))
}

/// Creates a document at `path`, blank or holding the sample org, and opens it (File › New).
pub fn create(app: &WebviewWindow, path: &Path, template: NewTemplate) -> Result<DocState> {
    reload(app, |s| s.create_from(path, template))
}

pub fn save_as(app: &WebviewWindow, path: &Path) -> Result<DocState> {
    reload(app, |s| s.save_as(path))
}

/// Runs an import (the core takes several steps: a new file, a new scenario and its batch),
/// then sends the whole new state.
pub fn import<R>(app: &WebviewWindow, f: impl FnOnce(&mut Session) -> Result<R>) -> Result<R> {
    let mut out = None;
    reload(app, |s| {
        s.forget_versions();
        out = Some(f(s)?);
        Ok(())
    })?;
    Ok(out.expect("set when the import succeeded"))
}

pub fn close(app: &WebviewWindow) -> Result<DocState> {
    reload(app, |s| {
        s.close();
        Ok(())
    })
}

/// Tells the UI about a failure it did not ask for through a command (a menu item).
pub fn report(app: &WebviewWindow, error: Error) {
    emit_here(app, AppError { error });
}

/// Brings the window's title in line with its session, and the Undo/Redo items and Open Recent
/// when it is the window the menus act on. Reads the session under the lock, then updates outside
/// it: menus and windows wait for the main thread.
pub fn refresh_chrome(app: &WebviewWindow) {
    let (title, history, recent, open, path) = {
        let s = session(app);
        (
            s.title(),
            s.history().unwrap_or_default(),
            s.recent(),
            s.document().is_some(),
            s.document().and_then(|d| d.path()).map(Path::to_path_buf),
        )
    };
    crate::native::document_shown(app, path.as_deref());
    let _ = app.set_title(&title);
    if crate::windows::is_focused(app) {
        menu::refresh(app.app_handle(), &history, &recent, open);
    }
}
