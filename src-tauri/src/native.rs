//! The desktop side that is not about the document: View › Appearance (kept in preferences.json),
//! each document's window size and place, and files the OS hands over (dropped on the window, or
//! macOS's "open document"). The rules live in topograph-desktop; this reads and drives the window.

use crate::actions;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use tauri::menu::{CheckMenuItem, Submenu};
use tauri::{
    AppHandle, DragDropEvent, Manager, PhysicalPosition, PhysicalSize, Theme, WebviewWindow,
    WindowEvent, Wry,
};
use tauri_specta::Event;
use topograph_desktop::{Appearance, PaintingSetting, Preferences, Screen, WindowGeometry};
use topograph_model::{Error, ErrorCode};

const MENU_APPEARANCE: &str = "appearance:";
/// How often remembered windows are written while the window moves (only when something changed).
const SAVE_EVERY: std::time::Duration = std::time::Duration::from_millis(400);

/// The appearance override changed (View › Appearance or the Settings dialog): the UI redraws.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct AppearanceChanged {
    pub appearance: Appearance,
}

struct Native {
    file: PathBuf,
    prefs: Mutex<Preferences>,
    /// The document each window shows (by label), whose geometry its moves and resizes update.
    shown: Mutex<HashMap<String, PathBuf>>,
    /// Set while the window is being placed for a document, so those events are not remembered.
    placing: AtomicBool,
    dirty: AtomicBool,
    items: Mutex<Vec<(Appearance, CheckMenuItem<Wry>)>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Loads the preferences (beside the settings file), applies the appearance and starts the writer.
/// Call after the session is managed and before the menu is built.
pub fn install(app: &AppHandle) {
    let file = actions::sessions(app)
        .paths()
        .settings_file
        .with_file_name("preferences.json");
    let prefs = Preferences::load(&file);
    app.set_theme(theme(prefs.appearance));
    app.manage(Native {
        file,
        prefs: Mutex::new(prefs),
        shown: Mutex::new(HashMap::new()),
        placing: AtomicBool::new(false),
        dirty: AtomicBool::new(false),
        items: Mutex::new(Vec::new()),
    });
    let handle = app.clone();
    std::thread::spawn(move || loop {
        std::thread::sleep(SAVE_EVERY);
        save_if_dirty(&handle);
    });
}

fn save_if_dirty(app: &AppHandle) {
    let Some(n) = app.try_state::<Native>() else {
        return;
    };
    if n.dirty.swap(false, Ordering::AcqRel) {
        // Losing a window's place is a small thing; the next move tries again.
        if lock(&n.prefs).save(&n.file).is_err() {
            n.dirty.store(true, Ordering::Release);
        }
    }
}

/// The native theme for an override: `None` follows the system.
fn theme(a: Appearance) -> Option<Theme> {
    match a {
        Appearance::System => None,
        Appearance::Light => Some(Theme::Light),
        Appearance::Dark => Some(Theme::Dark),
    }
}

fn label(a: Appearance) -> &'static str {
    match a {
        Appearance::System => "Match System",
        Appearance::Light => "Light",
        Appearance::Dark => "Dark",
    }
}

/// View › Appearance: one checked item per choice.
pub fn appearance_menu(app: &AppHandle) -> tauri::Result<Submenu<Wry>> {
    let current = current(app);
    let menu = Submenu::with_id(app, "appearance", "Appearance", true)?;
    let mut items = Vec::new();
    for a in Appearance::ALL {
        let id = format!("{MENU_APPEARANCE}{}", a.id());
        let item = CheckMenuItem::with_id(app, id, label(a), true, a == current, None::<&str>)?;
        menu.append(&item)?;
        items.push((a, item));
    }
    if let Some(n) = app.try_state::<Native>() {
        *lock(&n.items) = items;
    }
    Ok(menu)
}

/// Handles the Appearance items; false for any other menu id.
pub fn on_menu(app: &AppHandle, id: &str) -> bool {
    let Some(a) = id
        .strip_prefix(MENU_APPEARANCE)
        .and_then(Appearance::from_id)
    else {
        return false;
    };
    if let Err(e) = set(app, a) {
        if let Some(w) = crate::windows::focused(app) {
            actions::report(&w, e);
        }
    }
    true
}

fn current(app: &AppHandle) -> Appearance {
    app.try_state::<Native>()
        .map(|n| lock(&n.prefs).appearance)
        .unwrap_or_default()
}

/// Keeps the override, applies it to the native chrome, ticks its menu item and tells the UI.
fn set(app: &AppHandle, a: Appearance) -> Result<(), Error> {
    let Some(n) = app.try_state::<Native>() else {
        return Ok(());
    };
    let saved = {
        let mut prefs = lock(&n.prefs);
        prefs.appearance = a;
        prefs.save(&n.file)
    };
    app.set_theme(theme(a));
    for (choice, item) in lock(&n.items).iter() {
        let _ = item.set_checked(*choice == a);
    }
    let _ = AppearanceChanged { appearance: a }.emit(app);
    saved.map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "the appearance applies now but could not be kept for the next start: {}: {e}",
                n.file.display()
            ),
        )
    })
}

/// The painting kept for the next start (see `painting.rs`).
pub fn painting_setting(app: &AppHandle) -> PaintingSetting {
    app.try_state::<Native>()
        .map(|n| lock(&n.prefs).painting)
        .unwrap_or_default()
}

pub fn set_painting(app: &AppHandle, setting: PaintingSetting) -> Result<(), Error> {
    let Some(n) = app.try_state::<Native>() else {
        return Ok(());
    };
    let mut prefs = lock(&n.prefs);
    prefs.painting = setting;
    prefs.save(&n.file).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!(
                "the painting setting could not be kept: {}: {e}",
                n.file.display()
            ),
        )
    })
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

/// The screens there are now, the primary first (a window on a screen that is gone goes there).
fn screens(window: &WebviewWindow) -> Vec<Screen> {
    let primary = window.primary_monitor().ok().flatten();
    let mut all = window.available_monitors().unwrap_or_default();
    if let Some(p) = &primary {
        if let Some(i) = all.iter().position(|m| m.position() == p.position()) {
            let first = all.remove(i);
            all.insert(0, first);
        }
    }
    all.iter()
        .map(|m| Screen {
            x: m.position().x,
            y: m.position().y,
            width: m.size().width,
            height: m.size().height,
        })
        .collect()
}

/// Called whenever a window's chrome is refreshed: when it shows another document, it takes the
/// size and place that document's window had (clamped to the screens there are now).
pub fn document_shown(window: &WebviewWindow, document: Option<&Path>) {
    let Some(n) = window.try_state::<Native>() else {
        return;
    };
    {
        let mut shown = lock(&n.shown);
        if shown.get(window.label()).map(PathBuf::as_path) == document {
            return;
        }
        match document {
            Some(d) => shown.insert(window.label().to_string(), d.to_path_buf()),
            None => shown.remove(window.label()),
        };
    }
    let Some(doc) = document else {
        return;
    };
    let Some(remembered) = lock(&n.prefs).window(doc) else {
        return;
    };
    let g = topograph_desktop::clamp(remembered, &screens(window));
    n.placing.store(true, Ordering::Release);
    if window.is_maximized().unwrap_or(false) {
        let _ = window.unmaximize();
    }
    let _ = window.set_size(PhysicalSize::new(g.width, g.height));
    let _ = window.set_position(PhysicalPosition::new(g.x, g.y));
    if g.maximized {
        let _ = window.maximize();
    }
    n.placing.store(false, Ordering::Release);
}

/// Window events: remember a window's place for the document it shows, open a dropped document,
/// follow the focus for the menus, close a window's document and write the preferences when it goes.
pub fn on_window_event(window: &tauri::Window, event: &WindowEvent) {
    let app = window.app_handle();
    match event {
        WindowEvent::Moved(_) | WindowEvent::Resized(_) => remember(app, window),
        WindowEvent::CloseRequested { .. } => save_if_dirty(app),
        WindowEvent::Destroyed => {
            if let Some(n) = app.try_state::<Native>() {
                lock(&n.shown).remove(window.label());
            }
            save_if_dirty(app);
            crate::windows::closed(app, window.label());
        }
        WindowEvent::Focused(true) => crate::windows::focus_changed(app, window.label()),
        WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) => {
            if let Some(w) = app.get_webview_window(window.label()) {
                dropped(&w, paths);
            }
        }
        _ => {}
    }
}

fn remember(app: &AppHandle, window: &tauri::Window) {
    let Some(n) = app.try_state::<Native>() else {
        return;
    };
    if n.placing.load(Ordering::Acquire) || window.is_minimized().unwrap_or(false) {
        return;
    }
    let Some(doc) = lock(&n.shown).get(window.label()).cloned() else {
        return;
    };
    let maximized = window.is_maximized().unwrap_or(false);
    let mut prefs = lock(&n.prefs);
    let geometry = if maximized {
        // A maximised window keeps the size and place it returns to.
        match prefs.window(&doc) {
            Some(g) => WindowGeometry {
                maximized: true,
                ..g
            },
            None => return,
        }
    } else {
        let (Ok(pos), Ok(size)) = (window.outer_position(), window.inner_size()) else {
            return;
        };
        WindowGeometry {
            x: pos.x,
            y: pos.y,
            width: size.width,
            height: size.height,
            maximized: false,
        }
    };
    if prefs.window(&doc) != Some(geometry) {
        prefs.remember_window(&doc, geometry);
        n.dirty.store(true, Ordering::Release);
    }
}

/// Opens the first Topograph document among files the OS handed over to `window` (see
/// [`crate::windows::open_from_os`]); says so when none is one.
pub fn dropped(window: &WebviewWindow, paths: &[PathBuf]) {
    let window = window.clone();
    let Some(doc) = topograph_desktop::document_among(paths).map(Path::to_path_buf) else {
        if !paths.is_empty() {
            actions::report(
                &window,
                Error::new(
                    ErrorCode::NotADocument,
                    "only a Topograph document (.topo) opens by dropping it here: bring a CSV in with File › Import…",
                ),
            );
        }
        return;
    };
    tauri::async_runtime::spawn_blocking(move || crate::windows::open_from_os(&window, doc));
}

/// macOS sends the documents a user opens from Finder as "open document" events (other systems
/// pass them on the command line).
#[cfg(target_os = "macos")]
pub fn opened(app: &AppHandle, urls: &[tauri::Url]) {
    let paths: Vec<PathBuf> = urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
    if let Some(w) = crate::windows::focused(app) {
        dropped(&w, &paths);
    }
}
