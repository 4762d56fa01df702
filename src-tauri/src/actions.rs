//! What commands and menu items do, shared so both emit the same events: call the session,
//! tell the UI what changed, then bring the window title and menus up to date.

use crate::ipc::{AppError, DocChanged};
use crate::{menu, AppState};
use std::path::Path;
use tauri::{AppHandle, Manager};
use tauri_specta::Event;
use topograph_api::session::NewTemplate;
use topograph_api::switch::Switch;
use topograph_api::{DocState, Edit, Session};
use topograph_document::Applied;
use topograph_model::{Error, Op, Result, ScenarioId};

pub fn session(app: &AppHandle) -> std::sync::MutexGuard<'_, Session> {
    app.state::<AppState>().inner().session()
}

fn emit(app: &AppHandle, event: DocChanged) {
    // Emitting fails only when the webview is gone, and then nobody is listening.
    let _ = event.emit(app);
}

/// Applies an edit and sends its one change event while the session is still locked, so
/// events reach the UI in the order the edits were made.
fn edit(app: &AppHandle, f: impl FnOnce(&mut Session) -> Result<Edit>) -> Result<Applied> {
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

pub fn apply(app: &AppHandle, op: Op) -> Result<Applied> {
    edit(app, |s| s.apply(op))
}

pub fn undo(app: &AppHandle) -> Result<Applied> {
    edit(app, Session::undo)
}

pub fn redo(app: &AppHandle) -> Result<Applied> {
    edit(app, Session::redo)
}

/// Undoes (`undo`) or redoes `count` steps as one command; a step that failed after others is
/// reported like a menu failure, the steps before it stay done and announced.
pub fn travel(app: &AppHandle, undo: bool, count: u32) -> Result<Applied> {
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
fn reload(app: &AppHandle, f: impl FnOnce(&mut Session) -> Result<()>) -> Result<DocState> {
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
    app: &AppHandle,
    id: ScenarioId,
    known: Option<u32>,
    holds: Option<ScenarioId>,
) -> Result<Switch> {
    let mut s = session(app);
    let switch = s.switch_for_ui(id, known, holds)?;
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

pub fn open(app: &AppHandle, path: &Path) -> Result<DocState> {
    reload(app, |s| s.open(path))
}

/// Creates a document at `path`, blank or holding the sample org, and opens it (File › New).
pub fn create(app: &AppHandle, path: &Path, template: NewTemplate) -> Result<DocState> {
    reload(app, |s| s.create_from(path, template))
}

pub fn save_as(app: &AppHandle, path: &Path) -> Result<DocState> {
    reload(app, |s| s.save_as(path))
}

/// Runs an import (the core takes several steps: a new file, a new scenario and its batch),
/// then sends the whole new state.
pub fn import<R>(app: &AppHandle, f: impl FnOnce(&mut Session) -> Result<R>) -> Result<R> {
    let mut out = None;
    reload(app, |s| {
        s.forget_versions();
        out = Some(f(s)?);
        Ok(())
    })?;
    Ok(out.expect("set when the import succeeded"))
}

pub fn close(app: &AppHandle) -> Result<DocState> {
    reload(app, |s| {
        s.close();
        Ok(())
    })
}

/// Tells the UI about a failure it did not ask for through a command (a menu item).
pub fn report(app: &AppHandle, error: Error) {
    let _ = AppError { error }.emit(app);
}

/// Brings the window title, the Undo/Redo items and Open Recent in line with the session.
/// Reads the session under the lock, then updates outside it: menus and windows wait for the
/// main thread.
pub fn refresh_chrome(app: &AppHandle) {
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
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&title);
    }
    menu::refresh(app, &history, &recent, open);
}
