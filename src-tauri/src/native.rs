//! The desktop side that is not about the document: View › Appearance and Settings › Painting
//! (kept in preferences.json), each document's window size and place, and the window events
//! (moves, focus, files dropped on it). The rules live in topograph-desktop and topograph-api;
//! this reads and drives the window.
//!
//! Painting is where WebKitGTK paints on Linux. The choice is made before Tauri starts
//! (topograph-api's `painting`), from the environment, the setting kept in preferences.json and
//! the machine; the Settings dialog shows what was chosen and why, and keeps a new setting for
//! the next start.

use crate::actions;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use std::sync::Arc;
use tauri::{
    AppHandle, DragDropEvent, Manager, PhysicalPosition, PhysicalSize, Theme, WebviewWindow,
    WindowEvent, Wry,
};
use tauri_specta::Event;
use topograph_api::painting::PaintingState;
use topograph_api::preferences;
use topograph_desktop::{Appearance, Observed, PaintingSetting, PreferencesStore, Screen};
use topograph_model::Error;

/// How often remembered windows are written while the window moves (only when something changed).
const SAVE_EVERY: std::time::Duration = std::time::Duration::from_millis(400);

/// The appearance override changed (View › Appearance or the Settings dialog): the UI redraws.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct AppearanceChanged {
    pub appearance: Appearance,
}

/// Loads the preferences (beside the settings file), applies the appearance and starts the writer.
/// Call after the session is managed and before the menu is built.
pub fn install(app: &AppHandle) {
    let file = preferences::file(actions::sessions(app).paths());
    let store = Arc::new(PreferencesStore::load(file));
    app.set_theme(theme(store.appearance()));
    PreferencesStore::write_every(store.clone(), SAVE_EVERY);
    app.manage(store);
}

/// The preferences the app keeps.
fn store<M: Manager<Wry>>(app: &M) -> &PreferencesStore {
    app.state::<Arc<PreferencesStore>>().inner()
}

/// The native theme for an override: `None` follows the system.
fn theme(a: Appearance) -> Option<Theme> {
    match a {
        Appearance::System => None,
        Appearance::Light => Some(Theme::Light),
        Appearance::Dark => Some(Theme::Dark),
    }
}

pub fn current(app: &AppHandle) -> Appearance {
    store(app).appearance()
}

/// Keeps the override, applies it to the native chrome, ticks its menu item and tells the UI.
pub fn set(app: &AppHandle, a: Appearance) -> Result<(), Error> {
    let saved = preferences::keep_appearance(store(app), a);
    app.set_theme(theme(a));
    crate::menu::tick(app, a);
    let _ = AppearanceChanged { appearance: a }.emit(app);
    saved
}

/// The appearance override (System follows the OS, which the UI reads itself).
#[tauri::command]
#[specta::specta]
pub fn appearance(app: AppHandle) -> Appearance {
    current(&app)
}

/// Changes the appearance override, as View › Appearance does.
#[tauri::command]
#[specta::specta]
pub fn set_appearance(app: AppHandle, appearance: Appearance) -> Result<(), Error> {
    set(&app, appearance)
}

/// The painting setting and what this start chose.
#[tauri::command]
#[specta::specta]
pub fn painting_state(app: AppHandle) -> PaintingState {
    PaintingState::now(store(&app).painting())
}

/// Keeps a painting setting for the next start.
#[tauri::command]
#[specta::specta]
pub fn set_painting(app: AppHandle, setting: PaintingSetting) -> Result<(), Error> {
    preferences::keep_painting(store(&app), setting)
}

/// The screens there are now, the primary first (a window on a screen that is gone goes there).
fn screens(window: &WebviewWindow) -> Vec<Screen> {
    let primary = window.primary_monitor().ok().flatten();
    let all = window.available_monitors().unwrap_or_default();
    let screens = all.iter().map(|m| Screen {
        x: m.position().x,
        y: m.position().y,
        width: m.size().width,
        height: m.size().height,
    });
    let primary = primary.map(|p| (p.position().x, p.position().y));
    topograph_desktop::primary_first(screens.collect(), primary)
}

/// Called whenever a window's chrome is refreshed: when it shows another document, it takes the
/// size and place that document's window had (clamped to the screens there are now).
pub fn document_shown(window: &WebviewWindow, document: Option<&Path>) {
    let store = store(window);
    let Some(g) = store.shown(window.label(), document, || screens(window)) else {
        return;
    };
    if window.is_maximized().unwrap_or(false) {
        let _ = window.unmaximize();
    }
    let _ = window.set_size(PhysicalSize::new(g.width, g.height));
    let _ = window.set_position(PhysicalPosition::new(g.x, g.y));
    if g.maximized {
        let _ = window.maximize();
    }
    store.placed();
}

/// Window events: remember a window's place for the document it shows, open a dropped document,
/// follow the focus for the menus, close a window's document and write the preferences when it goes.
pub fn on_window_event(window: &tauri::Window, event: &WindowEvent) {
    let app = window.app_handle();
    match event {
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => remember(app, window),
        WindowEvent::CloseRequested { .. } => store(app).save_if_dirty(),
        WindowEvent::Destroyed => {
            store(app).closed(window.label());
            store(app).save_if_dirty();
            // Its document closes at once, so any window or program can open it again. After
            // the last window the app quits on Linux and Windows (see `windows::on_run_event`).
            actions::sessions(app).remove(window.label());
        }
        WindowEvent::Focused(true) => crate::windows::focus_changed(app, window.label()),
        WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
            if let Some(w) = app.get_webview_window(window.label()) {
                topograph_api::routes::dropped(&actions::Here(w), paths);
            }
        }
        _ => {}
    }
}

fn remember(app: &AppHandle, window: &tauri::Window) {
    let place = || {
        let (pos, size) = (window.outer_position().ok()?, window.inner_size().ok()?);
        Some((pos.x, pos.y, size.width, size.height))
    };
    let minimized = window.is_minimized().unwrap_or(false);
    let maximized = !minimized && window.is_maximized().unwrap_or(false);
    if let Some(now) = Observed::of(minimized, maximized, place) {
        store(app).moved(window.label(), now);
    }
}
