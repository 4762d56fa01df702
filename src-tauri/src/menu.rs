//! The native menu bar: topograph-desktop's `menu::menu_bar` (the layout per platform, ids,
//! labels, accelerators) turned into Tauri menus, the items that follow the document kept up to
//! date, and a chosen item's [`Command`] handed to topograph-api's `routes` (which window it acts
//! on, and what it does there).

use crate::actions::Shell;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use tauri::menu::{CheckMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Wry};
use topograph_api::{data, routes, Chrome};
use topograph_desktop::menu::{self as layout, Command, Entry, Layout, Native};
use topograph_desktop::Appearance;

/// View › History was chosen: the UI shows (or hides) its History panel.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct HistoryRequested {}

/// Settings… was chosen: the UI shows its Settings dialog.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct SettingsRequested {}

/// The native items of ours, by command, and the submenus, by id.
#[derive(Default)]
struct Handles {
    items: HashMap<Command, MenuItem<Wry>>,
    checks: Vec<(Appearance, CheckMenuItem<Wry>)>,
    submenus: HashMap<&'static str, Submenu<Wry>>,
    recent: layout::RecentList,
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let export_data: Vec<_> = data::MENU.iter().map(|i| (i.id, i.text)).collect();
    let bar = layout::menu_bar(&Layout {
        mac: cfg!(target_os = "macos"),
        appearance: crate::native::current(app),
        export_data: &export_data,
    });
    let mut handles = Handles::default();
    let menu = Menu::new(app)?;
    for s in &bar {
        menu.append(&submenu(app, s, &mut handles)?)?;
    }
    app.set_menu(menu)?;
    app.manage(handles);
    Ok(())
}

fn submenu(app: &AppHandle, s: &layout::Submenu, h: &mut Handles) -> tauri::Result<Submenu<Wry>> {
    let menu = Submenu::with_id(app, s.id, s.label, true)?;
    for entry in &s.entries {
        match entry {
            Entry::Item {
                command,
                label,
                accelerator,
                enabled,
            } => {
                let item = MenuItem::with_id(app, command.id(), label, *enabled, *accelerator)?;
                menu.append(&item)?;
                h.items.insert(command.clone(), item);
            }
            Entry::Check {
                command,
                label,
                checked,
            } => {
                let item =
                    CheckMenuItem::with_id(app, command.id(), label, true, *checked, None::<&str>)?;
                menu.append(&item)?;
                if let Command::Appearance(a) = command {
                    h.checks.push((*a, item));
                }
            }
            Entry::Native(n) => menu.append(&native(app, *n)?)?,
            Entry::Separator => menu.append(&PredefinedMenuItem::separator(app)?)?,
            Entry::Submenu(s) => menu.append(&submenu(app, s, h)?)?,
        }
    }
    h.submenus.insert(s.id, menu.clone());
    Ok(menu)
}

fn native(app: &AppHandle, n: Native) -> tauri::Result<PredefinedMenuItem<Wry>> {
    match n {
        Native::Cut => PredefinedMenuItem::cut(app, None),
        Native::Copy => PredefinedMenuItem::copy(app, None),
        Native::Paste => PredefinedMenuItem::paste(app, None),
        Native::SelectAll => PredefinedMenuItem::select_all(app, None),
        Native::About => {
            PredefinedMenuItem::about(app, Some("About Topograph"), Some(about_metadata(app)))
        }
        Native::Services => PredefinedMenuItem::services(app, None),
        Native::Hide => PredefinedMenuItem::hide(app, None),
        Native::HideOthers => PredefinedMenuItem::hide_others(app, None),
        Native::ShowAll => PredefinedMenuItem::show_all(app, None),
        Native::Quit => PredefinedMenuItem::quit(app, None),
        Native::Minimize => PredefinedMenuItem::minimize(app, None),
        Native::Zoom => PredefinedMenuItem::maximize(app, Some("Zoom")),
        Native::Fullscreen => PredefinedMenuItem::fullscreen(app, None),
    }
}

/// Ticks View › Appearance's item for `a` and no other.
pub fn tick(app: &AppHandle, a: Appearance) {
    if let Some(h) = app.try_state::<Handles>() {
        for (choice, item) in &h.checks {
            let _ = item.set_checked(*choice == a);
        }
    }
}

/// Labels Undo/Redo with what they would do, enables what applies, relists Open Recent.
pub fn refresh(app: &AppHandle, chrome: &Chrome) {
    let Some(h) = app.try_state::<Handles>() else {
        return;
    };
    let (undo, redo) = (
        chrome.history.undo.as_deref(),
        chrome.history.redo.as_deref(),
    );
    for d in layout::document_items(undo, redo, chrome.open) {
        if let Some(item) = h.items.get(&d.command) {
            if let Some(label) = d.label {
                let _ = item.set_text(label);
            }
            let _ = item.set_enabled(d.enabled);
        }
    }
    let Some(menu) = h.submenus.get(layout::RECENT_MENU) else {
        return;
    };
    let docs = chrome
        .recent
        .iter()
        .map(|d| (d.name.clone(), d.path.clone()));
    h.recent.relist(docs.collect(), |items| {
        while let Ok(Some(_)) = menu.remove_at(0) {}
        let any = !items.is_empty();
        for entry in items {
            if let Entry::Item { command, label, .. } = entry {
                if let Ok(item) = MenuItem::with_id(app, command.id(), label, true, None::<&str>) {
                    let _ = menu.append(&item);
                }
            }
        }
        let _ = menu.set_enabled(any);
    });
}

/// Menu clicks arrive on the main thread: topograph-api's `routes` hand the work to a worker at
/// once. Items act on the window in front (the last one focused).
pub fn on_event(handle: &AppHandle, event: MenuEvent) {
    if let Some(command) = Command::parse(event.id().as_ref()) {
        routes::on_menu(&Shell(handle.clone()), command);
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
