//! What a command or a menu item does to a window's document, the same however it was asked for:
//! change the window's session, tell that window's UI what changed while still holding the
//! session's lock (so events reach the UI in the order the edits were made), then, the lock let
//! go, bring the window's chrome (title, menus) up to date: menus and windows wait for the main
//! thread, which may be waiting for the lock. The desktop shell implements [`Window`] for its
//! windows; where a document opens is decided by [`Sessions`].

use crate::import::{ImportPhase, ImportTarget, Ready};
use crate::session::NewTemplate;
use crate::sessions::SessionGuard;
use crate::switch::Switch;
use crate::{DocState, Edit, History, Placement, Session, Sessions};
use std::path::{Path, PathBuf};
use topograph_document::Applied;
use topograph_formats::csv::{export::Table, Mapping};
use topograph_formats::source::Format;
use topograph_formats::Summary;
use topograph_model::{ChangeSet, Error, ErrorCode, Op, Result, ScenarioId};

/// What a window's UI is told after a change to its document, however it was made (a command, the
/// menu, a keyboard shortcut), so the UI patches its store instead of reloading: the shell sends it
/// as its `DocChanged` event. Each carries the document's revision it brings the UI to
/// (`DocState::revision`): events come in order, answers on their own way, and the UI keeps
/// whichever is newer by comparing the numbers.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Changed {
    /// An operation, undo or redo changed records of the open scenario or the scenario list:
    /// patch the store with `changes`.
    Applied {
        label: String,
        changes: ChangeSet,
        history: History,
        revision: u32,
    },
    /// Another document or scenario is open (or none): replace the store with `state`.
    Reloaded { state: Box<DocState>, revision: u32 },
    /// `switch_scenario` opened another scenario of the document; its answer carries the new
    /// state (a 10k state is megabytes: sent once, by the fast path). A UI that did not ask
    /// loads it with `get_state`.
    Switched { scenario: ScenarioId, revision: u32 },
}

/// A window as the actions need it.
pub trait Window {
    /// Every window's session.
    fn sessions(&self) -> &Sessions;
    /// This window's label among them.
    fn label(&self) -> &str;
    /// Tells this window's UI about a change to its document.
    fn announce(&self, change: Changed);
    /// Tells this window's UI about a failure it did not ask for through a command (a menu item).
    fn report(&self, error: Error);
    /// Brings this window's title and the menus in line with its session. Called without the lock.
    fn refresh_chrome(&self);
    /// Brings window `label` to the front.
    fn focus(&self, label: &str);
    /// Shows `session` in a new window of its own, in front.
    fn show_new(&self, session: Session) -> Result<()>;

    /// This window's session, locked.
    fn session(&self) -> SessionGuard {
        self.sessions().of(self.label())
    }
}

/// Applies an edit and announces it while the session is still locked.
fn edit(w: &impl Window, f: impl FnOnce(&mut Session) -> Result<Edit>) -> Result<Applied> {
    let applied = {
        let mut s = w.session();
        match f(&mut s)? {
            Edit::Patched(applied) => {
                w.announce(Changed::Applied {
                    label: applied.label.clone(),
                    changes: applied.changes.clone(),
                    history: s.history()?,
                    revision: s.revision(),
                });
                applied
            }
            Edit::Switched(applied) => {
                w.announce(reloaded(s.snapshot()?));
                applied
            }
        }
    };
    w.refresh_chrome();
    Ok(applied)
}

pub fn apply(w: &impl Window, op: Op) -> Result<Applied> {
    edit(w, |s| s.apply(op))
}

pub fn undo(w: &impl Window) -> Result<Applied> {
    edit(w, Session::undo)
}

pub fn redo(w: &impl Window) -> Result<Applied> {
    edit(w, Session::redo)
}

/// Undoes (`undo`) or redoes `count` steps as one command; a step that failed after others is
/// reported like a menu failure, the steps before it stay done and announced.
pub fn travel(w: &impl Window, undo: bool, count: u32) -> Result<Applied> {
    let mut stopped = None;
    let applied = edit(w, |s| {
        let (edit, error) = s.travel(undo, count)?;
        stopped = error;
        Ok(edit)
    })?;
    if let Some(e) = stopped {
        w.report(e);
    }
    Ok(applied)
}

/// Runs something that opens, closes or switches, then announces the whole new state.
fn reload(w: &impl Window, f: impl FnOnce(&mut Session) -> Result<()>) -> Result<DocState> {
    let state = {
        let mut s = w.session();
        f(&mut s)?;
        let state = s.snapshot()?;
        w.announce(reloaded(state.clone()));
        state
    };
    w.refresh_chrome();
    Ok(state)
}

fn reloaded(state: DocState) -> Changed {
    let revision = state.revision;
    Changed::Reloaded {
        state: Box::new(state),
        revision,
    }
}

/// Opens another scenario and announces it (see [`Session::switch_for_ui`]); the state goes to
/// the UI in the command's answer, not the event: events travel as a script the webview has to
/// parse, which for a 10k state took over a second. The caller refreshes the chrome.
pub fn switch(
    w: &impl Window,
    id: ScenarioId,
    known: Option<u32>,
    holds: Option<ScenarioId>,
    frame: Option<crate::chart_frame::ChartFrame>,
    at: impl FnMut(&'static str),
) -> Result<Switch> {
    let mut s = w.session();
    let switch = s.switch_for_ui_at(id, known, holds, frame, at)?;
    let revision = switch.state.revision;
    w.announce(Changed::Switched {
        scenario: id,
        revision,
    });
    Ok(switch)
}

/// Opens a document as native editors do: the window that shows it already comes to the front,
/// else it opens here when this window shows no document, else in a new window of its own (none
/// opens when the document does not: this window gets the refusal). The answer is this window's
/// state (unchanged unless the document opened here).
pub fn open(w: &impl Window, path: &Path) -> Result<DocState> {
    match w.sessions().place(path, w.label()) {
        Placement::Focus(label) if label != w.label() => w.focus(&label),
        Placement::NewWindow => w.show_new(w.sessions().open_new(path, w.label())?)?,
        Placement::Focus(_) | Placement::Here => return open_here(w, path),
    }
    w.session().snapshot()
}

/// Opens a document in this window in place of the one it shows (a repaired copy of the file
/// this window was refused).
pub fn open_here(w: &impl Window, path: &Path) -> Result<DocState> {
    reload(w, |s| s.open(path))
}

/// What the repair did: the new file (now open) and every change, in words.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct Repaired {
    pub path: String,
    pub changes: Vec<String>,
    pub state: DocState,
}

/// "Open a repaired copy" of the file this window's session was refused for breaking the model's
/// rules: writes the copy beside it ([`Session::repair`]; the refused file is never written, and
/// its path comes from the session, not from the page), hands the copy's path to `grant`, then
/// opens it here.
pub fn open_repaired(w: &impl Window, grant: impl FnOnce(&Path)) -> Result<Repaired> {
    let from = w.session().refused().map(Path::to_path_buf);
    let (path, changes) = Session::repair(from.as_deref())?;
    grant(&path);
    let state = open_here(w, &path)?;
    Ok(Repaired {
        path: path.display().to_string(),
        changes,
        state,
    })
}

/// Opens a document the OS or the user handed over outside a dialog (a second launch, a drop,
/// macOS's "open document") and brings the window that shows it to the front; a failure is
/// reported in this window.
pub fn open_handed_over(w: &impl Window, path: &Path) {
    match open(w, path) {
        Ok(_) => {
            if let Some(label) = w.sessions().showing(path) {
                w.focus(&label);
            }
        }
        Err(e) => w.report(e),
    }
}

/// The document to open among files dropped on a window (the first Topograph document), or none
/// when nothing was dropped; files of which none is a document are refused, pointing to import.
pub fn dropped_document(paths: &[PathBuf]) -> Result<Option<&Path>> {
    match topograph_desktop::document_among(paths) {
        Some(doc) => Ok(Some(doc)),
        None if paths.is_empty() => Ok(None),
        None => Err(Error::new(
            ErrorCode::NotADocument,
            "only a Topograph document (.topo) opens by dropping it here: bring a CSV in with File › Import…",
        )),
    }
}

/// File › New: creates a document at `path`, blank or holding the sample org, and opens it in
/// this window when it shows nothing yet, else in a window of its own (see
/// [`Sessions::place_new`]). Answers this window's state.
pub fn create(w: &impl Window, path: &Path, template: NewTemplate) -> Result<DocState> {
    match w.sessions().place_new(w.label()) {
        Placement::NewWindow => {
            w.show_new(w.sessions().create_new(path, template)?)?;
            w.session().snapshot()
        }
        Placement::Here | Placement::Focus(_) => create_here(w, path, template),
    }
}

/// Creates a document at `path` and opens it in this window in place of the one it shows.
pub fn create_here(w: &impl Window, path: &Path, template: NewTemplate) -> Result<DocState> {
    reload(w, |s| s.create_from(path, template))
}

pub fn save_as(w: &impl Window, path: &Path) -> Result<DocState> {
    reload(w, |s| s.save_as(path))
}

pub fn close(w: &impl Window) -> Result<DocState> {
    reload(w, |s| {
        s.close();
        Ok(())
    })
}

/// Writes this window's open scenario (for JSON: the whole document) as a data file; for the
/// Team API, one file per team into the folder `path`. Written after the session's lock is let go.
pub fn export_data(w: &impl Window, format: Format, table: Table, path: &Path) -> Result<()> {
    let files = crate::data::export_open(&w.session(), format, table)?;
    crate::data::write(path, &files)
}

/// Reads the file at `path` and imports it into `target` (a new document, a new scenario or this
/// window's open scenario), telling `progress` its phases: the open document's field definitions
/// check a CSV's custom values ([`crate::import::fields_for`]), then [`import`] runs it.
pub fn import_file(
    w: &impl Window,
    path: &Path,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
    progress: &mut dyn FnMut(ImportPhase),
) -> Result<Summary> {
    let defs = crate::import::fields_for(&w.session(), true)?;
    let ready = crate::import::prepare_for(path, format, mapping, target, &defs, progress)?;
    import(w, ready)
}

/// Runs an import made ready (the core takes several steps: a new file, a new scenario and its
/// batch), then announces the whole new state. A new document opens like File › New: here when
/// this window shows nothing yet, else in a window of its own; the summary goes to this window.
pub fn import(w: &impl Window, ready: Ready) -> Result<Summary> {
    if let Ready::NewDocument(..) = ready {
        if w.sessions().place_new(w.label()) == Placement::NewWindow {
            let mut session = w.sessions().blank();
            let summary = ready.apply(&mut session)?;
            w.show_new(session)?;
            return Ok(summary);
        }
    }
    let mut out = None;
    reload(w, |s| {
        s.forget_versions();
        out = Some(ready.apply(s)?);
        Ok(())
    })?;
    Ok(out.expect("set when the import succeeded"))
}

#[cfg(test)]
mod tests;
