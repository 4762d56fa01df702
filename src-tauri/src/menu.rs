//! The native menu bar, laid out as each platform expects. macOS: the app menu (About, Settings…,
//! Services, Hide, Quit), File, Edit, View, Window and Help. Windows and Linux: File (… Settings…,
//! Exit), Edit, View and Help › About. File has New, New Window, Open…, Open Recent, Save As…,
//! Close, Import…, Export… and Export data; Edit Undo, Redo and the clipboard; View History and
//! Appearance. Items only start actions, on the window in front; the actions do the work.

use crate::worker::in_background;
use crate::{actions, export_commands, transfer_commands};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, WebviewWindow, Wry};
use tauri_plugin_dialog::{DialogExt, FilePath};
use topograph_api::{History, RecentDocument};
use topograph_model::{Error, ErrorCode};

const RECENT_PREFIX: &str = "recent:";
const MENU_HISTORY: &str = "history";
const MENU_SETTINGS: &str = "settings";
const MENU_NEW_WINDOW: &str = "new_window";

/// View › History was chosen: the UI shows (or hides) its History panel.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct HistoryRequested {}

/// Settings… was chosen: the UI shows its Settings dialog.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct SettingsRequested {}

/// The items whose text or state follows the document.
struct Handles {
    undo: MenuItem<Wry>,
    redo: MenuItem<Wry>,
    save_as: MenuItem<Wry>,
    close: MenuItem<Wry>,
    recent: Submenu<Wry>,
    /// What Open Recent lists now, so it is rebuilt only when that changes.
    listed: Mutex<Option<Vec<RecentDocument>>>,
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let sep = || PredefinedMenuItem::separator(app);
    let new = MenuItem::with_id(app, "new", "New…", true, Some("CmdOrCtrl+N"))?;
    let new_window = MenuItem::with_id(
        app,
        MENU_NEW_WINDOW,
        "New Window",
        true,
        Some("CmdOrCtrl+Shift+N"),
    )?;
    let open = MenuItem::with_id(app, "open", "Open…", true, Some("CmdOrCtrl+O"))?;
    let recent = Submenu::with_id(app, "recent", "Open Recent", true)?;
    let save_as = MenuItem::with_id(app, "save_as", "Save As…", true, Some("CmdOrCtrl+Shift+S"))?;
    let close = MenuItem::with_id(app, "close", "Close", true, Some("CmdOrCtrl+W"))?;
    let import = MenuItem::with_id(
        app,
        transfer_commands::MENU_IMPORT,
        "Import…",
        true,
        None::<&str>,
    )?;
    let export = MenuItem::with_id(
        app,
        export_commands::MENU_EXPORT,
        "Export…",
        true,
        Some("CmdOrCtrl+E"),
    )?;
    let export_data = Submenu::with_id(app, "export_data", "Export data", true)?;
    for (id, text) in transfer_commands::export_items() {
        export_data.append(&MenuItem::with_id(app, id, text, true, None::<&str>)?)?;
    }
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &new,
            &new_window,
            &open,
            &recent,
            &sep()?,
            &save_as,
            &close,
            &sep()?,
            &import,
            &export,
            &export_data,
        ],
    )?;
    let settings = MenuItem::with_id(app, MENU_SETTINGS, "Settings…", true, Some("CmdOrCtrl+,"))?;
    // macOS has Settings… and Quit in the app menu; elsewhere File ends with them (Exit, as Windows
    // names it; GTK has no predefined item, so it is ours).
    #[cfg(not(target_os = "macos"))]
    file.append_items(&[
        &sep()?,
        &settings,
        &sep()?,
        &MenuItem::with_id(app, "quit", "Exit", true, Some("CmdOrCtrl+Q"))?,
    ])?;
    // No accelerators: a native one would take Ctrl/Cmd+Z from a text field being typed in. The UI
    // gives the keys to the field while one has the focus and runs these items otherwise.
    let undo = MenuItem::with_id(app, "undo", "Undo", false, None::<&str>)?;
    let redo = MenuItem::with_id(app, "redo", "Redo", false, None::<&str>)?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &undo,
            &redo,
            &sep()?,
            &PredefinedMenuItem::cut(app, None)?,
            &PredefinedMenuItem::copy(app, None)?,
            &PredefinedMenuItem::paste(app, None)?,
            &PredefinedMenuItem::select_all(app, None)?,
        ],
    )?;
    // The UI owns the shortcut (Ctrl/Cmd+Shift+H), as it does Import's.
    let view = Submenu::with_items(
        app,
        "View",
        true,
        &[
            &MenuItem::with_id(app, MENU_HISTORY, "History", true, None::<&str>)?,
            &sep()?,
            &crate::native::appearance_menu(app)?,
        ],
    )?;
    let about = PredefinedMenuItem::about(app, Some("About Topograph"), Some(about_metadata(app)))?;
    #[cfg(target_os = "macos")]
    let menu = {
        let app_menu = Submenu::with_items(
            app,
            "Topograph",
            true,
            &[
                &about,
                &sep()?,
                &settings,
                &sep()?,
                &PredefinedMenuItem::services(app, None)?,
                &sep()?,
                &PredefinedMenuItem::hide(app, None)?,
                &PredefinedMenuItem::hide_others(app, None)?,
                &PredefinedMenuItem::show_all(app, None)?,
                &sep()?,
                &PredefinedMenuItem::quit(app, None)?,
            ],
        )?;
        let window = Submenu::with_items(
            app,
            "Window",
            true,
            &[
                &PredefinedMenuItem::minimize(app, None)?,
                &PredefinedMenuItem::maximize(app, Some("Zoom"))?,
                &sep()?,
                &PredefinedMenuItem::fullscreen(app, None)?,
            ],
        )?;
        // An empty Help menu still gets macOS's search field; the link goes to the guide when
        // there is a public one.
        let help = Submenu::with_items(app, "Help", true, &[])?;
        Menu::with_items(app, &[&app_menu, &file, &edit, &view, &window, &help])?
    };
    #[cfg(not(target_os = "macos"))]
    let menu = {
        let help = Submenu::with_items(app, "Help", true, &[&about])?;
        Menu::with_items(app, &[&file, &edit, &view, &help])?
    };
    app.set_menu(menu)?;
    app.manage(Handles {
        undo,
        redo,
        save_as,
        close,
        recent,
        listed: Mutex::new(None),
    });
    Ok(())
}

/// Labels Undo/Redo with what they would do, enables what applies, relists Open Recent.
pub fn refresh(app: &AppHandle, history: &History, recent: &[RecentDocument], open: bool) {
    let Some(h) = app.try_state::<Handles>() else {
        return;
    };
    let label = |verb: &str, what: &Option<String>| match what {
        Some(l) => format!("{verb} {l}"),
        None => verb.to_string(),
    };
    let _ = h.undo.set_text(label("Undo", &history.undo));
    let _ = h.undo.set_enabled(history.undo.is_some());
    let _ = h.redo.set_text(label("Redo", &history.redo));
    let _ = h.redo.set_enabled(history.redo.is_some());
    let _ = h.save_as.set_enabled(open);
    let _ = h.close.set_enabled(open);

    let mut listed = h.listed.lock().unwrap_or_else(|p| p.into_inner());
    if listed.as_deref() == Some(recent) {
        return;
    }
    while let Ok(Some(_)) = h.recent.remove_at(0) {}
    for doc in recent {
        let id = format!("{RECENT_PREFIX}{}", doc.path);
        let text = format!("{}  —  {}", doc.name, doc.path);
        if let Ok(item) = MenuItem::with_id(app, id, text, true, None::<&str>) {
            let _ = h.recent.append(&item);
        }
    }
    let _ = h.recent.set_enabled(!recent.is_empty());
    *listed = Some(recent.to_vec());
}

/// Menu clicks arrive on the main thread: hand the work to a worker at once. Items act on the
/// window in front (the last one focused).
pub fn on_event(handle: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref().to_string();
    match id.as_str() {
        "quit" => return handle.exit(0),
        MENU_NEW_WINDOW => {
            let handle = handle.clone();
            tauri::async_runtime::spawn_blocking(move || {
                if let Err(e) = crate::windows::new_window(&handle) {
                    if let Some(w) = crate::windows::focused(&handle) {
                        actions::report(&w, e);
                    }
                }
            });
            return;
        }
        other if crate::native::on_menu(handle, other) => return,
        _ => {}
    }
    let Some(app) = crate::windows::focused(handle) else {
        return;
    };
    match id.as_str() {
        "new" => crate::new_document::on_menu(&app),
        "open" => open_dialog(&app),
        "save_as" => {
            let name = actions::session(&app)
                .document()
                .and_then(|d| d.path())
                .map(|p| format!("{} copy.topo", topograph_api::document_name(p)))
                .unwrap_or_else(|| "Untitled.topo".into());
            save_dialog(&app, "Save a copy as", &name, |app, path| {
                actions::save_as(app, &path).map(drop)
            })
        }
        "close" => in_background(&app, |app| actions::close(app).map(drop)),
        "undo" => in_background(&app, |app| actions::undo(app).map(drop)),
        "redo" => in_background(&app, |app| actions::redo(app).map(drop)),
        MENU_HISTORY => actions::emit_here(&app, HistoryRequested {}),
        MENU_SETTINGS => actions::emit_here(&app, SettingsRequested {}),
        other if transfer_commands::on_menu(&app, other) => {}
        other if export_commands::on_menu(&app, other) => {}
        other => {
            if let Some(path) = other.strip_prefix(RECENT_PREFIX) {
                let path = PathBuf::from(path);
                in_background(&app, move |app| actions::open(app, &path).map(drop));
            }
        }
    }
}

/// What Help › About (the app menu's About on macOS) shows.
fn about_metadata(app: &AppHandle) -> tauri::menu::AboutMetadata<'static> {
    let info = app.package_info();
    tauri::menu::AboutMetadata {
        name: Some("Topograph".into()),
        version: Some(info.version.to_string()),
        comments: Some("Design and compare org structures".into()),
        license: Some("MIT".into()),
        ..Default::default()
    }
}

fn chosen(app: &WebviewWindow, file: Option<FilePath>) -> Option<PathBuf> {
    match file?.into_path() {
        Ok(p) => Some(p),
        Err(e) => {
            actions::report(app, Error::new(ErrorCode::Io, e.to_string()));
            None
        }
    }
}

fn open_dialog(app: &WebviewWindow) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Open a Topograph document")
        .add_filter("Topograph document", &["topo"])
        .pick_file(move |file| {
            if let Some(path) = chosen(&handle, file) {
                in_background(&handle, move |app| actions::open(app, &path).map(drop));
            }
        });
}

fn save_dialog(
    app: &WebviewWindow,
    title: &str,
    file_name: &str,
    then: impl FnOnce(&WebviewWindow, PathBuf) -> Result<(), Error> + Send + 'static,
) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter("Topograph document", &["topo"])
        .save_file(move |file| {
            if let Some(mut path) = chosen(&handle, file) {
                if path.extension().is_none() {
                    path.set_extension("topo");
                }
                in_background(&handle, move |app| then(app, path));
            }
        });
}
