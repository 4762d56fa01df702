//! One window per document: opening and focusing windows, the window the menus act on, serving
//! second launches, and when the app quits. Where a document opens is decided in topograph-api
//! (`Sessions::place`), what a menu item, a second launch or a dropped file does by its `routes`;
//! this only drives the windows.

use crate::actions::{self, sessions, Shell};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, Manager, RunEvent, WebviewWindow, WebviewWindowBuilder};
use topograph_api::sessions::FIRST_WINDOW;
use topograph_api::{routes, Session, Sessions};
use topograph_desktop::instance::{Leaving, Primary};
use topograph_desktop::Focus;
use topograph_model::Result;

/// Opens the first window with `session`, which loads the document from the command line
/// (`requested`), the last one or the sample meanwhile: the window and its page start while a
/// large document loads, and the page's first commands wait for it. Call once, in `setup`.
pub fn open_first(
    app: &AppHandle,
    session: Session,
    requested: Option<PathBuf>,
) -> tauri::Result<()> {
    app.manage(Focus::new(FIRST_WINDOW));
    let first_choice = session.first_choice(requested.as_deref());
    let loaded = app.clone();
    sessions(app).add_loading(
        FIRST_WINDOW,
        session,
        move |s| topograph_api::launch::start_first(s, requested.as_deref()),
        move || {
            // Through the main thread, which has built the window by then; the refresh itself
            // reads the session, so off it (see `focus_changed`).
            let app = loaded.clone();
            let _ = loaded.run_on_main_thread(move || {
                if let Some(window) = app.get_webview_window(FIRST_WINDOW) {
                    tauri::async_runtime::spawn_blocking(move || actions::refresh_chrome(&window));
                }
            });
        },
    );
    let window = build(app, FIRST_WINDOW)?;
    // The document's remembered place at once, not when it has loaded.
    crate::native::document_shown(&window, Some(&first_choice));
    Ok(())
}

/// A window like the one tauri.conf.json describes, under another label.
fn build(app: &AppHandle, label: &str) -> tauri::Result<WebviewWindow> {
    let mut config = app
        .config()
        .app
        .windows
        .first()
        .cloned()
        .unwrap_or_default();
    config.label = label.to_string();
    config.create = true;
    let window = WebviewWindowBuilder::from_config(app, &config)?.build()?;
    app.state::<Focus>().set(label);
    Ok(window)
}

/// Shows `session` in a new window of its own, in front (as under a window manager; Xvfb has
/// none); no window stays when it cannot open.
pub fn show_in_new_window(app: &AppHandle, session: Session) -> Result<()> {
    let window = routes::in_new_window(sessions(app), session, |label| build(app, label))?;
    // Placed (the document's remembered window) before it is brought to the front: a window
    // focused first did not take its remembered place under Xvfb.
    actions::refresh_chrome(&window);
    focus(app, window.label());
    Ok(())
}

/// File › New Window: a window with no document, to create or open one in.
pub fn new_window(app: &AppHandle) -> Result<()> {
    show_in_new_window(app, sessions(app).blank())
}

/// Brings window `label` to the front.
pub fn focus(app: &AppHandle, label: &str) {
    if let Some(w) = app.get_webview_window(label) {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
        app.state::<Focus>().set(label);
        actions::refresh_chrome(&w);
    }
}

/// The window the menus act on: the one focused last, else any.
pub fn focused(app: &AppHandle) -> Option<WebviewWindow> {
    let windows = app.webview_windows();
    let label = app
        .state::<Focus>()
        .pick(windows.keys().map(String::as_str))?;
    windows.get(&label).cloned()
}

pub fn is_focused(window: &WebviewWindow) -> bool {
    focused(window.app_handle()).is_some_and(|w| w.label() == window.label())
}

/// A window took the focus: the menus follow it.
pub fn focus_changed(app: &AppHandle, label: &str) {
    app.state::<Focus>().set(label);
    if let Some(w) = app.get_webview_window(label) {
        // Reads the session: not on the main thread, which may be waited for under its lock.
        tauri::async_runtime::spawn_blocking(move || actions::refresh_chrome(&w));
    }
}

/// The running instance answers second launches until the app quits, then tidies up after
/// itself (see [`on_run_event`]).
pub fn serve_second_launches(app: &AppHandle, primary: Primary) {
    let handle = app.clone();
    let leaving =
        primary.serve(move |request| routes::handed_over(&Shell(handle.clone()), request.document));
    app.manage(leaving);
}

/// The app's life beyond its windows. Closing the last window quits on Linux and Windows, as
/// their apps do (Tauri's default); a macOS app stays running with no window until Quit, and
/// the Dock icon opens a new window. As the app quits, every document closes (folding its log
/// into the file) and the running instance takes its address away.
pub fn on_run_event(app: &AppHandle, event: RunEvent) {
    match event {
        RunEvent::Exit => {
            if let Some(sessions) = app.try_state::<Arc<Sessions>>() {
                sessions.close_all();
            }
            if let Some(leaving) = app.try_state::<Leaving>() {
                leaving.tidy();
            }
        }
        // `code: None`: the last window closed (Quit and `exit` carry a code and go ahead).
        #[cfg(target_os = "macos")]
        RunEvent::ExitRequested {
            code: None, api, ..
        } => api.prevent_exit(),
        #[cfg(target_os = "macos")]
        RunEvent::Reopen {
            has_visible_windows: false,
            ..
        } => {
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || drop(new_window(&app)));
        }
        #[cfg(target_os = "macos")]
        RunEvent::Opened { urls } => {
            let paths = urls.iter().filter_map(|u| u.to_file_path().ok()).collect();
            routes::opened(&Shell(app.clone()), paths);
        }
        _ => {}
    }
}
