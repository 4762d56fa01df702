//! The shell's side of topograph-api's `actions` (what commands and menu items do to a window's
//! document, so both emit the same events) and `routes` (where menu items, second launches and
//! dropped files go): a Tauri window as they see it ([`Here`]), the app ([`Shell`]), a window's
//! events, and its title and menus brought in line with its session.

use crate::commands::NewRequested;
use crate::ipc::{AppError, DocChanged};
use crate::menu::{HistoryRequested, SettingsRequested};
use crate::{menu, windows};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::{AppHandle, Manager, WebviewWindow};
use tauri_specta::Event;
use topograph_api::actions::{Changed, Window};
use topograph_api::routes::{App, AppWindow, Request};
use topograph_api::sessions::SessionGuard;
use topograph_api::{Chrome, Session, Sessions};
use topograph_desktop::dialog::FileDialog;
use topograph_desktop::Appearance;
use topograph_model::{Error, Result};

/// Every window's session, each behind its own lock: nothing that waits for the main thread
/// (menus, window title) runs while one is held.
pub fn sessions<M: Manager<tauri::Wry>>(app: &M) -> &Sessions {
    app.state::<Arc<Sessions>>().inner()
}

/// The session of the window a command or menu item came from.
pub fn session(app: &WebviewWindow) -> SessionGuard {
    sessions(app).of(app.label())
}

/// Sends `event` to window `app` only: each window shows its own document.
pub fn emit_here<E: Event + Serialize + Clone>(app: &WebviewWindow, event: E) {
    // Emitting fails only when the webview is gone, and then nobody is listening.
    let _ = event.emit_to(app, app.label());
}

/// The window a command or menu item came from, for topograph-api's actions and routes.
#[derive(Clone)]
pub struct Here(pub WebviewWindow);

impl Window for Here {
    fn sessions(&self) -> &Sessions {
        sessions(&self.0)
    }
    fn label(&self) -> &str {
        self.0.label()
    }
    fn announce(&self, change: Changed) {
        emit_here(&self.0, DocChanged(change));
    }
    /// Tells the UI about a failure it did not ask for through a command (a menu item).
    fn report(&self, error: Error) {
        emit_here(&self.0, AppError { error });
    }
    fn refresh_chrome(&self) {
        refresh_chrome(&self.0);
    }
    fn focus(&self, label: &str) {
        windows::focus(self.0.app_handle(), label);
    }
    fn show_new(&self, session: Session) -> Result<()> {
        windows::show_in_new_window(self.0.app_handle(), session)
    }
}

impl AppWindow for Here {
    fn ask(&self, dialog: FileDialog, then: impl FnOnce(&Self, PathBuf) + Send + 'static) {
        crate::dialogs::ask(self, dialog, then);
    }
    fn request(&self, request: Request) {
        match request {
            Request::New => emit_here(&self.0, NewRequested { template: None }),
            Request::History => emit_here(&self.0, HistoryRequested {}),
            Request::Settings => emit_here(&self.0, SettingsRequested {}),
            Request::Export => emit_here(&self.0, crate::export_commands::ExportRequested {}),
            Request::Import(path) => {
                let path = path.display().to_string();
                emit_here(&self.0, crate::transfer_commands::ImportRequested { path });
            }
        }
    }
    fn close(&self) {
        let _ = self.0.close();
    }
    fn grant(&self, path: &Path) {
        crate::grants::grant(&self.0, path);
    }
    fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        tauri::async_runtime::spawn_blocking(work);
    }
}

/// The app, for topograph-api's routes.
#[derive(Clone)]
pub struct Shell(pub AppHandle);

impl App for Shell {
    type Window = Here;
    fn focused(&self) -> Option<Here> {
        windows::focused(&self.0).map(Here)
    }
    fn new_window(&self) -> Result<()> {
        windows::new_window(&self.0)
    }
    fn quit(&self) {
        self.0.exit(0);
    }
    fn set_appearance(&self, appearance: Appearance) -> Result<()> {
        crate::native::set(&self.0, appearance)
    }
    fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        tauri::async_runtime::spawn_blocking(work);
    }
}

/// Brings the window's title in line with its session, and the Undo/Redo items and Open Recent
/// when it is the window the menus act on. Reads the session under the lock, then updates outside
/// it: menus and windows wait for the main thread.
pub fn refresh_chrome(app: &WebviewWindow) {
    let chrome = Chrome::of(&session(app));
    crate::native::document_shown(app, chrome.path.as_deref());
    let _ = app.set_title(&chrome.title);
    if windows::is_focused(app) {
        menu::refresh(app.app_handle(), &chrome);
    }
}
