//! The menu bar as data, laid out as each platform expects: ids, labels, accelerators and the
//! items whose text or state follows the document. The shell turns it into native menus and reads
//! a chosen item's id back as a [`Command`].
//!
//! macOS: the app menu (About, Settings…, Services, Hide, Quit), File, Edit, View, Window and Help.
//! Windows and Linux: File (… Settings…, Exit), Edit, View and Help › About.

use crate::Appearance;

/// What a menu item asks for. Its [`Command::id`] is what the native menu (and the UI's
/// `transfer_menu`) sends back.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    NewWindow,
    Open,
    /// Open Recent: a document's path as the recent list holds it.
    OpenRecent(String),
    SaveAs,
    Close,
    /// File › Close Window: the window goes, then its document (Close keeps the window).
    CloseWindow,
    Import,
    /// File › Export… (the diagram).
    Export,
    /// File › Export data: an item of topograph-api's `data::MENU`, by its id.
    ExportData(String),
    Settings,
    Quit,
    Undo,
    Redo,
    History,
    Appearance(Appearance),
}

const RECENT: &str = "recent:";
const EXPORT_DATA: &str = "export-data:";
const APPEARANCE: &str = "appearance:";

/// The commands whose id is a plain word.
const PLAIN: [Command; 13] = [
    Command::New,
    Command::NewWindow,
    Command::Open,
    Command::SaveAs,
    Command::Close,
    Command::CloseWindow,
    Command::Import,
    Command::Export,
    Command::Settings,
    Command::Quit,
    Command::Undo,
    Command::Redo,
    Command::History,
];

impl Command {
    pub fn id(&self) -> String {
        let plain = match self {
            Command::OpenRecent(path) => return format!("{RECENT}{path}"),
            Command::ExportData(id) => return format!("{EXPORT_DATA}{id}"),
            Command::Appearance(a) => return format!("{APPEARANCE}{}", a.id()),
            Command::New => "new",
            Command::NewWindow => "new_window",
            Command::Open => "open",
            Command::SaveAs => "save_as",
            Command::Close => "close",
            Command::CloseWindow => "close_window",
            Command::Import => "import",
            Command::Export => "export_diagram",
            Command::Settings => "settings",
            Command::Quit => "quit",
            Command::Undo => "undo",
            Command::Redo => "redo",
            Command::History => "history",
        };
        plain.to_string()
    }

    /// The command an item id names; `None` for ids that are not ours (the platform's own items).
    pub fn parse(id: &str) -> Option<Command> {
        if let Some(path) = id.strip_prefix(RECENT) {
            return Some(Command::OpenRecent(path.to_string()));
        }
        if let Some(item) = id.strip_prefix(EXPORT_DATA) {
            return Some(Command::ExportData(item.to_string()));
        }
        if let Some(a) = id.strip_prefix(APPEARANCE) {
            return Appearance::from_id(a).map(Command::Appearance);
        }
        PLAIN.into_iter().find(|c| c.id() == id)
    }

    /// What the command does when no window is open: on macOS the app keeps running after its
    /// last window closes, and its menu bar stays.
    pub fn without_window(&self) -> WithoutWindow {
        match self {
            Command::Quit | Command::NewWindow | Command::Appearance(_) => WithoutWindow::Runs,
            // The empty window is where a document is made or opened; Settings live in a window.
            Command::New | Command::Settings => WithoutWindow::EmptyWindow,
            Command::Open | Command::OpenRecent(_) => WithoutWindow::InNewWindow,
            // They act on an open document, and none is.
            Command::SaveAs
            | Command::Close
            | Command::CloseWindow
            | Command::Import
            | Command::Export
            | Command::ExportData(_)
            | Command::Undo
            | Command::Redo
            | Command::History => WithoutWindow::Nothing,
        }
    }
}

/// See [`Command::without_window`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WithoutWindow {
    /// It needs no window.
    Runs,
    /// It opens an empty window, and that is all.
    EmptyWindow,
    /// It opens an empty window and does its work there.
    InNewWindow,
    /// Nothing to act on.
    Nothing,
}

/// The platform's own items, which the shell makes with its predefined constructors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Native {
    Cut,
    Copy,
    Paste,
    SelectAll,
    About,
    Services,
    Hide,
    HideOthers,
    ShowAll,
    Quit,
    Minimize,
    Zoom,
    Fullscreen,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// An item of ours; `accelerator` in Tauri's syntax (`CmdOrCtrl+N`).
    Item {
        command: Command,
        label: String,
        accelerator: Option<&'static str>,
        enabled: bool,
    },
    /// One choice of a group, ticked when it is the current one.
    Check {
        command: Command,
        label: &'static str,
        checked: bool,
    },
    Native(Native),
    Separator,
    Submenu(Submenu),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Submenu {
    /// The shell finds the submenus it relists by these ([`RECENT_MENU`]).
    pub id: &'static str,
    pub label: &'static str,
    pub entries: Vec<Entry>,
}

/// The submenu whose items follow the recent documents.
pub const RECENT_MENU: &str = "recent";

/// What the bar is built from besides the platform.
pub struct Layout<'a> {
    pub mac: bool,
    pub appearance: Appearance,
    /// File › Export data: (id, label) of each item.
    pub export_data: &'a [(&'a str, &'a str)],
}

fn item(command: Command, label: &str, accelerator: Option<&'static str>) -> Entry {
    Entry::Item {
        command,
        label: label.to_string(),
        accelerator,
        enabled: true,
    }
}

fn submenu(id: &'static str, label: &'static str, entries: Vec<Entry>) -> Entry {
    Entry::Submenu(Submenu { id, label, entries })
}

impl Appearance {
    /// The label of its item in View › Appearance.
    pub fn label(self) -> &'static str {
        match self {
            Appearance::System => "Match System",
            Appearance::Light => "Light",
            Appearance::Dark => "Dark",
        }
    }
}

/// The menu bar, its menus left to right. Undo and Redo start disabled; [`document_items`] brings
/// them and Save As…/Close in line with the document.
pub fn menu_bar(l: &Layout) -> Vec<Submenu> {
    use Entry::{Native as N, Separator as Sep};
    let export_data = l
        .export_data
        .iter()
        .map(|(id, label)| item(Command::ExportData(id.to_string()), label, None))
        .collect();
    let mut file = vec![
        item(Command::New, "New…", Some("CmdOrCtrl+N")),
        item(Command::NewWindow, "New Window", Some("CmdOrCtrl+Shift+N")),
        item(Command::Open, "Open…", Some("CmdOrCtrl+O")),
        submenu(RECENT_MENU, "Open Recent", Vec::new()),
        Sep,
        item(Command::SaveAs, "Save As…", Some("CmdOrCtrl+Shift+S")),
        item(Command::Close, "Close", Some("CmdOrCtrl+W")),
        item(
            Command::CloseWindow,
            "Close Window",
            Some("CmdOrCtrl+Shift+W"),
        ),
        Sep,
        item(Command::Import, "Import…", None),
        item(Command::Export, "Export…", Some("CmdOrCtrl+E")),
        submenu("export_data", "Export data", export_data),
    ];
    let settings = || item(Command::Settings, "Settings…", Some("CmdOrCtrl+,"));
    // macOS has Settings… and Quit in the app menu; elsewhere File ends with them (Exit, as Windows
    // names it; GTK has no predefined item, so it is ours).
    if !l.mac {
        file.extend([
            Sep,
            settings(),
            Sep,
            item(Command::Quit, "Exit", Some("CmdOrCtrl+Q")),
        ]);
    }
    // No accelerators: a native one would take Ctrl/Cmd+Z from a text field being typed in. The UI
    // gives the keys to the field while one has the focus and runs these items otherwise.
    let undo_redo = document_items(None, None, true).into_iter().take(2);
    let edit = undo_redo
        .map(|d| Entry::Item {
            label: d.label.expect("undo and redo are labelled"),
            command: d.command,
            accelerator: None,
            enabled: d.enabled,
        })
        .chain([
            Sep,
            N(Native::Cut),
            N(Native::Copy),
            N(Native::Paste),
            N(Native::SelectAll),
        ])
        .collect();
    let appearance = Appearance::ALL
        .into_iter()
        .map(|a| Entry::Check {
            command: Command::Appearance(a),
            label: a.label(),
            checked: a == l.appearance,
        })
        .collect();
    // The UI owns History's shortcut (Ctrl/Cmd+Shift+H), as it does Import's.
    let view = vec![
        item(Command::History, "History", None),
        Sep,
        submenu("appearance", "Appearance", appearance),
    ];
    let menu = |id, label, entries| Submenu { id, label, entries };
    let mut bar = vec![
        menu("file", "File", file),
        menu("edit", "Edit", edit),
        menu("view", "View", view),
    ];
    if l.mac {
        let app = vec![
            N(Native::About),
            Sep,
            settings(),
            Sep,
            N(Native::Services),
            Sep,
            N(Native::Hide),
            N(Native::HideOthers),
            N(Native::ShowAll),
            Sep,
            N(Native::Quit),
        ];
        bar.insert(0, menu("app", "Topograph", app));
        let window = vec![
            N(Native::Minimize),
            N(Native::Zoom),
            Sep,
            N(Native::Fullscreen),
        ];
        bar.push(menu("window", "Window", window));
        // An empty Help menu still gets macOS's search field; the link goes to the guide when
        // there is a public one.
        bar.push(menu("help", "Help", Vec::new()));
    } else {
        bar.push(menu("help", "Help", vec![N(Native::About)]));
    }
    bar
}

/// An item whose state follows the document; `label` is `None` when it keeps its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentItem {
    pub command: Command,
    pub label: Option<String>,
    pub enabled: bool,
}

/// Undo and Redo named for what they would do (`undo`/`redo`: the history's labels), enabled when
/// there is something; Save As… and Close enabled while a document is `open`.
pub fn document_items(undo: Option<&str>, redo: Option<&str>, open: bool) -> [DocumentItem; 4] {
    let step = |command, verb: &str, what: Option<&str>| DocumentItem {
        command,
        label: Some(match what {
            Some(l) => format!("{verb} {l}"),
            None => verb.to_string(),
        }),
        enabled: what.is_some(),
    };
    let plain = |command| DocumentItem {
        command,
        label: None,
        enabled: open,
    };
    [
        step(Command::Undo, "Undo", undo),
        step(Command::Redo, "Redo", redo),
        plain(Command::SaveAs),
        plain(Command::Close),
    ]
}

/// Open Recent's items for the recent documents, (name, path) newest first.
pub fn recent_items<'a>(recent: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<Entry> {
    recent
        .into_iter()
        .map(|(name, path)| {
            item(
                Command::OpenRecent(path.to_string()),
                &format!("{name}  —  {path}"),
                None,
            )
        })
        .collect()
}

/// What Open Recent lists now, so the shell rebuilds it only when that changes.
#[derive(Default)]
pub struct RecentList(std::sync::Mutex<Option<Vec<(String, String)>>>);

impl RecentList {
    /// Hands `rebuild` Open Recent's items for `recent` ((name, path), newest first) unless it
    /// lists those already; one rebuild at a time.
    pub fn relist(&self, recent: Vec<(String, String)>, rebuild: impl FnOnce(Vec<Entry>)) {
        let mut listed = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if listed.as_ref() == Some(&recent) {
            return;
        }
        rebuild(recent_items(
            recent.iter().map(|(n, p)| (n.as_str(), p.as_str())),
        ));
        *listed = Some(recent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_recent_is_rebuilt_only_when_the_recent_documents_change() {
        let list = RecentList::default();
        let doc = |p: &str| vec![("Org".to_string(), p.to_string())];
        let mut built = Vec::new();
        list.relist(doc("/a.topo"), |items| built.push(items.len()));
        list.relist(doc("/a.topo"), |items| built.push(items.len()));
        list.relist(doc("/b.topo"), |items| built.push(items.len()));
        list.relist(Vec::new(), |items| built.push(items.len()));
        assert_eq!(built, [1, 1, 0], "the same list twice is built once");
    }

    fn layout(mac: bool) -> Layout<'static> {
        Layout {
            mac,
            appearance: Appearance::Dark,
            export_data: &[("json", "Topograph JSON…"), ("csv-people", "People (CSV)…")],
        }
    }

    fn commands(entries: &[Entry], out: &mut Vec<Command>) {
        for e in entries {
            match e {
                Entry::Item { command, .. } | Entry::Check { command, .. } => {
                    out.push(command.clone())
                }
                Entry::Submenu(s) => commands(&s.entries, out),
                Entry::Native(_) | Entry::Separator => {}
            }
        }
    }

    fn all_commands(bar: &[Submenu]) -> Vec<Command> {
        let mut out = Vec::new();
        for s in bar {
            commands(&s.entries, &mut out);
        }
        out
    }

    #[test]
    fn every_command_reads_back_from_its_id_and_foreign_ids_are_not_ours() {
        let mut all = PLAIN.to_vec();
        all.push(Command::OpenRecent("/docs/a:b.topo".into()));
        all.push(Command::ExportData("csv-people".into()));
        all.extend(Appearance::ALL.map(Command::Appearance));
        for c in all {
            assert_eq!(Command::parse(&c.id()), Some(c.clone()), "{}", c.id());
        }
        assert_eq!(Command::parse("appearance:sepia"), None);
        assert_eq!(Command::parse("cut"), None);
        assert_eq!(Command::parse(""), None);
    }

    #[test]
    fn with_no_window_open_new_and_open_bring_a_window_and_document_commands_do_nothing() {
        use WithoutWindow::*;
        assert_eq!(Command::New.without_window(), EmptyWindow);
        assert_eq!(Command::Settings.without_window(), EmptyWindow);
        assert_eq!(Command::Open.without_window(), InNewWindow);
        assert_eq!(
            Command::OpenRecent("/a.topo".into()).without_window(),
            InNewWindow
        );
        assert_eq!(Command::Quit.without_window(), Runs);
        assert_eq!(Command::NewWindow.without_window(), Runs);
        for c in [
            Command::Close,
            Command::SaveAs,
            Command::Undo,
            Command::Export,
            Command::Import,
        ] {
            assert_eq!(c.without_window(), Nothing, "{c:?}");
        }
        // Every item of the macOS menu bar is one of the four: none is left out by accident.
        for c in all_commands(&menu_bar(&layout(true))) {
            let _ = c.without_window();
        }
    }

    #[test]
    fn the_ids_the_ui_and_earlier_menus_send_stay_as_they_were() {
        assert_eq!(Command::Import.id(), "import");
        assert_eq!(Command::Export.id(), "export_diagram");
        assert_eq!(Command::ExportData("json".into()).id(), "export-data:json");
        assert_eq!(
            Command::Appearance(Appearance::System).id(),
            "appearance:system"
        );
        assert_eq!(Command::OpenRecent("/a.topo".into()).id(), "recent:/a.topo");
    }

    #[test]
    fn macos_puts_settings_and_quit_in_the_app_menu_and_others_end_file_with_them() {
        let mac = menu_bar(&layout(true));
        let labels: Vec<&str> = mac.iter().map(|s| s.label).collect();
        assert_eq!(
            labels,
            ["Topograph", "File", "Edit", "View", "Window", "Help"]
        );
        assert!(mac[0].entries.contains(&Entry::Native(Native::Quit)));
        assert!(!all_commands(&mac).contains(&Command::Quit));
        assert!(mac[5].entries.is_empty());

        let other = menu_bar(&layout(false));
        let labels: Vec<&str> = other.iter().map(|s| s.label).collect();
        assert_eq!(labels, ["File", "Edit", "View", "Help"]);
        let file = &other[0].entries;
        assert!(
            matches!(file.last(), Some(Entry::Item { command: Command::Quit, label, .. }) if label == "Exit")
        );
        assert!(file.iter().any(|e| matches!(
            e,
            Entry::Item {
                command: Command::Settings,
                ..
            }
        )));
        assert_eq!(other[3].entries, [Entry::Native(Native::About)]);
    }

    #[test]
    fn every_command_appears_once_on_each_platform() {
        for mac in [true, false] {
            let found = all_commands(&menu_bar(&layout(mac)));
            for (i, c) in found.iter().enumerate() {
                assert!(!found[i + 1..].contains(c), "{c:?} twice (mac: {mac})");
            }
            // macOS's Quit is the platform's own item.
            for c in PLAIN.iter().filter(|c| !(mac && **c == Command::Quit)) {
                assert!(found.contains(c), "{c:?} missing (mac: {mac})");
            }
            assert!(found.contains(&Command::ExportData("csv-people".into())));
        }
    }

    #[test]
    fn the_current_appearance_is_the_one_ticked() {
        let bar = menu_bar(&layout(false));
        let mut ticked = Vec::new();
        fn walk(entries: &[Entry], ticked: &mut Vec<(Command, bool)>) {
            for e in entries {
                match e {
                    Entry::Check {
                        command, checked, ..
                    } => ticked.push((command.clone(), *checked)),
                    Entry::Submenu(s) => walk(&s.entries, ticked),
                    _ => {}
                }
            }
        }
        for s in &bar {
            walk(&s.entries, &mut ticked);
        }
        assert_eq!(
            ticked,
            Appearance::ALL.map(|a| (Command::Appearance(a), a == Appearance::Dark))
        );
    }

    #[test]
    fn undo_and_redo_name_what_they_would_do_and_are_off_when_there_is_nothing() {
        let [undo, redo, save_as, close] = document_items(Some("Move Ada"), None, false);
        assert_eq!(
            (undo.label.as_deref(), undo.enabled),
            (Some("Undo Move Ada"), true)
        );
        assert_eq!((redo.label.as_deref(), redo.enabled), (Some("Redo"), false));
        assert_eq!((save_as.label, save_as.enabled), (None, false));
        assert_eq!((close.command, close.enabled), (Command::Close, false));
        assert!(document_items(None, None, true)[3].enabled);
    }

    #[test]
    fn open_recent_lists_each_document_by_name_and_path_and_opens_its_path() {
        let items = recent_items([("Org", "/docs/Org.topo")]);
        assert_eq!(
            items,
            [Entry::Item {
                command: Command::OpenRecent("/docs/Org.topo".into()),
                label: "Org  —  /docs/Org.topo".into(),
                accelerator: None,
                enabled: true,
            }]
        );
    }
}
