//! Where the desktop app's requests that come from no command go: a menu item (to the window in
//! front, or on macOS, with no window open, to a new one or nowhere), the UI's `transfer_menu`,
//! a second launch's document, files dropped on a window or handed over by the OS. The shell
//! implements [`App`] and [`AppWindow`] (Tauri's windows, dialogs and events); the actions do
//! the work.

use crate::actions::{self, Window};
use crate::{data, Session, Sessions};
use std::path::{Path, PathBuf};
use topograph_desktop::dialog::FileDialog;
use topograph_desktop::menu::{Command, WithoutWindow};
use topograph_desktop::Appearance;
use topograph_formats::source::Format;
use topograph_model::{Error, ErrorCode, Result};

/// What the UI is asked to show (the shell's `…Requested` events).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// File › New: what to start from.
    New,
    /// View › History: the History panel.
    History,
    /// Settings…: the Settings dialog.
    Settings,
    /// File › Export…: the export dialog.
    Export,
    /// File › Import… chose this file: the import dialog on it.
    Import(PathBuf),
}

/// The app beyond one window.
pub trait App: Clone + Send + 'static {
    type Window: AppWindow;
    /// The window the menus act on (the one focused last, else any); none on macOS after the
    /// last window closed.
    fn focused(&self) -> Option<Self::Window>;
    /// Opens a window with no document, in front.
    fn new_window(&self) -> Result<()>;
    fn quit(&self);
    /// Keeps the appearance override and applies it everywhere; an error when it applies but
    /// could not be kept.
    fn set_appearance(&self, appearance: Appearance) -> Result<()>;
    /// Runs `work` on a worker thread without waiting (menu clicks arrive on the main thread).
    fn spawn(&self, work: impl FnOnce() + Send + 'static);
}

/// A window as the routes need it besides what the actions need.
pub trait AppWindow: Window + Clone + Send + 'static {
    /// Shows a native file dialog attached to this window without waiting; `then` gets the path
    /// chosen (granted to the window) and nothing happens when it is cancelled.
    fn ask(&self, dialog: FileDialog, then: impl FnOnce(&Self, PathBuf) + Send + 'static);
    /// Asks this window's UI to show something.
    fn request(&self, request: Request);
    /// Closes the window, as its close button does (its document closes when it is gone).
    fn close(&self);
    /// Lets this window's page name `path` in commands (it came from the user).
    fn grant(&self, path: &Path);
    /// Runs `work` on a worker thread without waiting.
    fn spawn(&self, work: impl FnOnce() + Send + 'static);
}

/// Gives `session` a window of its own: a fresh label with the session under it, then `open`
/// (the shell builds the window under that label); when the window cannot open, no session
/// stays and the error is `internal`.
pub fn in_new_window<T, E: std::fmt::Display>(
    sessions: &Sessions,
    session: Session,
    open: impl FnOnce(&str) -> std::result::Result<T, E>,
) -> Result<T> {
    let label = sessions.next_label();
    sessions.add(&label, session);
    open(&label).map_err(|e| {
        sessions.remove(&label);
        Error::new(ErrorCode::Internal, format!("could not open a window: {e}"))
    })
}

/// Runs `work` on a worker thread for a menu item: a failure reaches the UI as a report, since no
/// command is there to answer it.
fn in_background<W: AppWindow>(w: &W, work: impl FnOnce(&W) -> Result<()> + Send + 'static) {
    let window = w.clone();
    w.spawn(move || {
        if let Err(e) = work(&window) {
            window.report(e);
        }
    });
}

/// A chosen menu item. Items act on the window in front (the last one focused); Quit, New
/// Window, Close Window and Appearance act on the app.
pub fn on_menu(app: &impl App, command: Command) {
    match command {
        Command::Quit => app.quit(),
        Command::NewWindow => {
            let app2 = app.clone();
            app.spawn(move || {
                if let Err(e) = app2.new_window() {
                    report_in_front(&app2, e);
                }
            });
        }
        // As the window's close button does: the window goes, then its document.
        Command::CloseWindow => {
            if let Some(w) = app.focused() {
                w.close();
            }
        }
        Command::Appearance(a) => {
            if let Err(e) = app.set_appearance(a) {
                report_in_front(app, e);
            }
        }
        _ => match app.focused() {
            Some(w) => run(&w, command),
            None => without_window(app, command),
        },
    }
}

fn report_in_front(app: &impl App, e: Error) {
    if let Some(w) = app.focused() {
        w.report(e);
    }
}

/// macOS keeps the app and its menu bar with no window open: File › New and Settings bring an
/// empty window, Open and Open Recent open their document in one, the rest have nothing to act on.
fn without_window<A: App>(app: &A, command: Command) {
    let then = match command.without_window() {
        WithoutWindow::Runs | WithoutWindow::Nothing => return,
        WithoutWindow::EmptyWindow => None,
        WithoutWindow::InNewWindow => Some(command),
    };
    let app2 = app.clone();
    app.spawn(move || {
        if app2.new_window().is_err() {
            return;
        }
        if let (Some(command), Some(w)) = (then, app2.focused()) {
            run(&w, command);
        }
    });
}

/// What an item does in window `w`.
fn run<W: AppWindow>(w: &W, command: Command) {
    match command {
        Command::New => w.request(Request::New),
        Command::Open => w.ask(FileDialog::open_document(), |w, path| {
            in_background(w, move |w| actions::open(w, &path).map(drop))
        }),
        Command::SaveAs => {
            let name = crate::copy_name(w.session().document().and_then(|d| d.path()));
            w.ask(FileDialog::save_copy(&name), |w, path| {
                in_background(w, move |w| actions::save_as(w, &path).map(drop))
            })
        }
        Command::Close => in_background(w, |w| actions::close(w).map(drop)),
        Command::Undo => in_background(w, |w| actions::undo(w).map(drop)),
        Command::Redo => in_background(w, |w| actions::redo(w).map(drop)),
        Command::History => w.request(Request::History),
        Command::Settings => w.request(Request::Settings),
        Command::Export => w.request(Request::Export),
        Command::Import | Command::ExportData(_) => {
            transfer(w, &command);
        }
        Command::OpenRecent(path) => {
            let path = PathBuf::from(path);
            in_background(w, move |w| actions::open(w, &path).map(drop));
        }
        Command::Quit | Command::NewWindow | Command::CloseWindow | Command::Appearance(_) => {}
    }
}

/// File › Import… or a File › Export data item for the UI's action registry (palette,
/// shortcuts), by its menu id: the same native dialog and events as the menu.
pub fn transfer_menu(w: &impl AppWindow, id: &str) -> Result<()> {
    match Command::parse(id) {
        Some(c) if transfer(w, &c) => Ok(()),
        _ => Err(Error::new(
            ErrorCode::NotFound,
            format!("no import or export menu item is called {id:?}"),
        )),
    }
}

/// Answers File › Import… and File › Export data items; false for other commands.
fn transfer(w: &impl AppWindow, command: &Command) -> bool {
    let what = match command {
        Command::Import => {
            w.ask(FileDialog::import(), |w, path| {
                w.request(Request::Import(path))
            });
            return true;
        }
        Command::ExportData(what) => what,
        _ => return false,
    };
    let Some(item) = data::MenuItem::find(what) else {
        return false;
    };
    let (format, table, ext) = (item.format, item.table, item.extension);
    let per_team = format == Format::Teamapi;
    let dialog = FileDialog::export_data(what, &item.file_name(), ext, per_team);
    w.ask(dialog, move |w, path| {
        in_background(w, move |w| actions::export_data(w, format, table, &path));
    });
    true
}

/// A second launch's request (see topograph-desktop's `instance`): open its document as File ›
/// Open would from the window in front, or just bring that window to the front.
pub fn handed_over(app: &impl App, document: Option<PathBuf>) {
    let app2 = app.clone();
    app.spawn(move || {
        let Some(w) = app2.focused() else {
            return;
        };
        match document {
            Some(path) => open_from_os(&w, path),
            None => w.focus(w.label()),
        }
    });
}

/// Opens a document the OS or the user handed over outside a dialog (a second launch, a drop,
/// macOS's "open document"), reporting a failure in `w`.
pub fn open_from_os(w: &impl AppWindow, path: PathBuf) {
    // The path came from the user (a launch or a drop), like one from a native dialog.
    w.grant(&path);
    actions::open_handed_over(w, &path);
}

/// Opens the first Topograph document among files the OS handed over to `w` (dropped on it);
/// says so when none is one.
pub fn dropped(w: &impl AppWindow, paths: &[PathBuf]) {
    match actions::dropped_document(paths) {
        Ok(Some(doc)) => {
            let (window, doc) = (w.clone(), doc.to_path_buf());
            w.spawn(move || open_from_os(&window, doc));
        }
        Ok(None) => {}
        Err(e) => w.report(e),
    }
}

/// macOS sends the documents a user opens from Finder as "open document" events (other systems
/// pass them on the command line): to the window in front, else (the app runs on with no
/// window) to a new one, which also shows why when it does not open.
pub fn opened(app: &impl App, paths: Vec<PathBuf>) {
    match app.focused() {
        Some(w) => dropped(&w, &paths),
        None => {
            let app2 = app.clone();
            app.spawn(move || {
                if app2.new_window().is_ok() {
                    if let Some(w) = app2.focused() {
                        dropped(&w, &paths);
                    }
                }
            });
        }
    }
}

#[cfg(test)]
mod tests;
