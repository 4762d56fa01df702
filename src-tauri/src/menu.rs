//! The native menu bar: topograph-desktop's `menu::menu_bar` (the layout per platform, ids,
//! labels, accelerators) made into Tauri menus and kept up to date by its `NativeBar` (here only
//! the Tauri objects), and a chosen item's [`Command`] handed to topograph-api's `routes` (which
//! window it acts on, and what it does there).

use crate::actions::Shell;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::menu::{CheckMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Wry};
use topograph_api::{data, routes, Chrome};
use topograph_desktop::menu::{self as layout, Command, Layout, Native};
use topograph_desktop::native_menu::{NativeBar, NativeMenus};
use topograph_desktop::Appearance;

/// View › History was chosen: the UI shows (or hides) its History panel.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct HistoryRequested {}

/// Settings… was chosen: the UI shows its Settings dialog.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct SettingsRequested {}

/// Tauri's menus for topograph-desktop's `NativeBar`, which walks the bar and keeps what follows
/// the document.
struct Tauri(AppHandle);

type Bar = NativeBar<Tauri>;

impl NativeMenus for Tauri {
    type Menu = Submenu<Wry>;
    type Item = MenuItem<Wry>;
    type Check = CheckMenuItem<Wry>;
    type Error = tauri::Error;
    fn submenu(&self, id: &'static str, label: &str) -> tauri::Result<Submenu<Wry>> {
        Submenu::with_id(&self.0, id, label, true)
    }
    fn item(
        &self,
        menu: &Submenu<Wry>,
        id: String,
        label: &str,
        enabled: bool,
        accelerator: Option<&'static str>,
    ) -> tauri::Result<MenuItem<Wry>> {
        let item = MenuItem::with_id(&self.0, id, label, enabled, accelerator)?;
        menu.append(&item).map(|()| item)
    }
    fn check(
        &self,
        menu: &Submenu<Wry>,
        id: String,
        label: &str,
        checked: bool,
    ) -> tauri::Result<CheckMenuItem<Wry>> {
        let item = CheckMenuItem::with_id(&self.0, id, label, true, checked, None::<&str>)?;
        menu.append(&item).map(|()| item)
    }
    fn native(&self, menu: &Submenu<Wry>, n: Native) -> tauri::Result<()> {
        menu.append(&native(&self.0, n)?)
    }
    fn separator(&self, menu: &Submenu<Wry>) -> tauri::Result<()> {
        menu.append(&PredefinedMenuItem::separator(&self.0)?)
    }
    fn nest(&self, menu: &Submenu<Wry>, inner: &Submenu<Wry>) -> tauri::Result<()> {
        menu.append(inner)
    }
    fn set_item(&self, item: &MenuItem<Wry>, label: Option<&str>, enabled: bool) {
        if let Some(label) = label {
            let _ = item.set_text(label);
        }
        let _ = item.set_enabled(enabled);
    }
    fn set_checked(&self, check: &CheckMenuItem<Wry>, checked: bool) {
        let _ = check.set_checked(checked);
    }
    fn clear(&self, menu: &Submenu<Wry>) {
        while let Ok(Some(_)) = menu.remove_at(0) {}
    }
    fn set_enabled(&self, menu: &Submenu<Wry>, enabled: bool) {
        let _ = menu.set_enabled(enabled);
    }
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let export_data: Vec<_> = data::MENU.iter().map(|i| (i.id, i.text)).collect();
    let layout = layout::menu_bar(&Layout {
        mac: cfg!(target_os = "macos"),
        appearance: crate::native::current(app),
        export_data: &export_data,
    });
    let bar = Bar::build(&Tauri(app.clone()), &layout)?;
    let menu = Menu::new(app)?;
    for s in &bar.menus {
        menu.append(s)?;
    }
    app.set_menu(menu)?;
    app.manage(bar);
    Ok(())
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
    if let Some(bar) = app.try_state::<Bar>() {
        bar.tick(&Tauri(app.clone()), a);
    }
}

/// Labels Undo/Redo with what they would do, enables what applies, relists Open Recent.
pub fn refresh(app: &AppHandle, chrome: &Chrome) {
    let Some(bar) = app.try_state::<Bar>() else {
        return;
    };
    let history = (
        chrome.history.undo.as_deref(),
        chrome.history.redo.as_deref(),
    );
    let recent = chrome
        .recent
        .iter()
        .map(|d| (d.name.clone(), d.path.clone()));
    bar.refresh(&Tauri(app.clone()), history, chrome.open, recent.collect());
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
