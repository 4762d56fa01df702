use super::*;
use crate::session::NewTemplate;
use crate::sessions::FIRST_WINDOW;
use crate::{Paths, Session, Sessions};
use std::sync::{Arc, Mutex};

/// The app as the shell drives it, writing down what the routes asked of it. Work "on a worker"
/// runs at once; a dialog answers the path set with `answering` (none: cancelled).
#[derive(Clone)]
struct Fake(Arc<Inner>);

struct Inner {
    sessions: Sessions,
    /// The open windows, the one in front last.
    windows: Mutex<Vec<String>>,
    log: Mutex<Vec<String>>,
    answer: Mutex<Option<PathBuf>>,
}

#[derive(Clone)]
struct FakeWindow {
    app: Fake,
    label: String,
}

impl Fake {
    /// An app with its first window open, or (`windowless`) none, as macOS keeps it.
    fn new(dir: &Path, windowless: bool) -> Fake {
        let sessions = Sessions::new(Paths::under(dir));
        let mut windows = Vec::new();
        if !windowless {
            sessions.add(FIRST_WINDOW, sessions.blank());
            windows.push(FIRST_WINDOW.to_string());
        }
        Fake(Arc::new(Inner {
            sessions,
            windows: Mutex::new(windows),
            log: Mutex::default(),
            answer: Mutex::default(),
        }))
    }

    fn log(&self, what: String) {
        self.0.log.lock().unwrap().push(what);
    }

    fn taken(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.log.lock().unwrap())
    }

    fn answering(&self, path: Option<PathBuf>) {
        *self.0.answer.lock().unwrap() = path;
    }

    fn window(&self, label: &str) -> FakeWindow {
        FakeWindow {
            app: self.clone(),
            label: label.to_string(),
        }
    }

    fn add_window(&self, label: &str, session: Session) {
        self.0.sessions.add(label, session);
        self.0.windows.lock().unwrap().push(label.to_string());
    }
}

impl App for Fake {
    type Window = FakeWindow;
    fn focused(&self) -> Option<FakeWindow> {
        let last = self.0.windows.lock().unwrap().last().cloned();
        last.map(|label| self.window(&label))
    }
    fn new_window(&self) -> Result<()> {
        let label = self.0.sessions.next_label();
        self.log(format!("new window {label}"));
        self.add_window(&label, self.0.sessions.blank());
        Ok(())
    }
    fn quit(&self) {
        self.log("quit".into());
    }
    fn set_appearance(&self, appearance: Appearance) -> Result<()> {
        self.log(format!("appearance {}", appearance.id()));
        Err(Error::new(ErrorCode::Io, "not kept"))
    }
    fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        work();
    }
}

impl Window for FakeWindow {
    fn sessions(&self) -> &Sessions {
        &self.app.0.sessions
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn announce(&self, change: actions::Changed) {
        if let actions::Changed::Reloaded { state, .. } = change {
            let name = state.document.map(|d| d.name).unwrap_or_default();
            self.app.log(format!("{}: reloaded {name}", self.label));
        }
    }
    fn report(&self, error: Error) {
        self.app
            .log(format!("{}: error {:?}", self.label, error.code));
    }
    fn refresh_chrome(&self) {}
    fn focus(&self, label: &str) {
        self.app.log(format!("focus {label}"));
    }
    fn show_new(&self, session: Session) -> Result<()> {
        let label = self.sessions().next_label();
        self.app
            .log(format!("new window {label}: {}", session.title()));
        self.app.add_window(&label, session);
        Ok(())
    }
}

impl AppWindow for FakeWindow {
    fn ask(&self, dialog: FileDialog, then: impl FnOnce(&Self, PathBuf) + Send + 'static) {
        self.app
            .log(format!("{}: dialog {}", self.label, dialog.title));
        let answer = self.app.0.answer.lock().unwrap().clone();
        if let Some(path) = answer {
            then(self, path);
        }
    }
    fn request(&self, request: Request) {
        self.app.log(format!("{}: {request:?}", self.label));
    }
    fn close(&self) {
        self.app.log(format!("close {}", self.label));
    }
    fn grant(&self, path: &Path) {
        let name = path.file_name().unwrap().to_string_lossy();
        self.app.log(format!("{}: granted {name}", self.label));
    }
    fn spawn(&self, work: impl FnOnce() + Send + 'static) {
        work();
    }
}

/// A document called `name` in `dir`, made in a session of its own and closed again.
fn document(app: &Fake, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(format!("{name}.topo"));
    let mut s = app.0.sessions.blank();
    s.create_from(&path, NewTemplate::Blank).unwrap();
    s.close();
    path
}

#[test]
fn menu_items_act_on_the_window_in_front_and_ask_its_ui_for_their_dialogs() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    app.add_window("doc-2", app.0.sessions.blank());
    on_menu(&app, Command::Settings);
    on_menu(&app, Command::History);
    on_menu(&app, Command::New);
    on_menu(&app, Command::Export);
    assert_eq!(
        app.taken(),
        [
            "doc-2: Settings",
            "doc-2: History",
            "doc-2: New",
            "doc-2: Export"
        ]
    );
}

#[test]
fn a_menu_item_that_fails_is_reported_in_its_window_and_a_cancelled_dialog_does_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    on_menu(&app, Command::Undo);
    on_menu(&app, Command::Open);
    assert_eq!(
        app.taken(),
        [
            "main: error NotAllowed",
            "main: dialog Open a Topograph document"
        ]
    );
}

#[test]
fn open_and_open_recent_open_the_document_chosen_in_the_window_in_front() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    let a = document(&app, dir.path(), "A");
    app.answering(Some(a.clone()));
    on_menu(&app, Command::Open);
    assert_eq!(
        app.taken(),
        ["main: dialog Open a Topograph document", "main: reloaded A"]
    );
    let b = document(&app, dir.path(), "B");
    on_menu(&app, Command::OpenRecent(b.display().to_string()));
    assert_eq!(app.taken(), ["new window doc-2: B — Topograph"]);
}

#[test]
fn with_no_window_open_open_brings_a_window_to_open_in_and_items_on_a_document_do_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), true);
    on_menu(&app, Command::Undo);
    on_menu(&app, Command::Import);
    assert!(app.taken().is_empty(), "nothing to act on");
    on_menu(&app, Command::Settings);
    assert_eq!(
        app.taken(),
        ["new window doc-2"],
        "an empty window, and that is all"
    );
    let app = Fake::new(dir.path(), true);
    let a = document(&app, dir.path(), "A");
    app.answering(Some(a));
    on_menu(&app, Command::Open);
    assert_eq!(
        app.taken(),
        [
            "new window doc-2",
            "doc-2: dialog Open a Topograph document",
            "doc-2: reloaded A"
        ]
    );
}

#[test]
fn the_app_items_close_the_window_in_front_quit_and_report_an_appearance_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    on_menu(&app, Command::CloseWindow);
    on_menu(&app, Command::Appearance(Appearance::Dark));
    on_menu(&app, Command::NewWindow);
    on_menu(&app, Command::Quit);
    assert_eq!(
        app.taken(),
        [
            "close main",
            "appearance dark",
            "main: error Io",
            "new window doc-2",
            "quit"
        ]
    );
}

#[test]
fn the_ui_runs_import_and_export_data_items_by_id_and_other_ids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    let w = app.window(FIRST_WINDOW);
    let people = dir.path().join("people.csv");
    app.answering(Some(people.clone()));
    transfer_menu(&w, "import").unwrap();
    assert_eq!(
        app.taken(),
        [
            "main: dialog Import people and teams",
            &format!("main: Import({people:?})")
        ]
    );
    let a = document(&app, dir.path(), "A");
    actions::open(&w, &a).unwrap();
    app.taken();
    transfer_menu(&w, "export-data:csv-people").unwrap();
    assert_eq!(app.taken(), ["main: dialog Export data"]);
    let written = std::fs::read_to_string(&people).unwrap();
    assert!(
        written.lines().count() == 1,
        "the header of an empty org: {written}"
    );
    for id in ["undo", "export-data:nothing", "bogus"] {
        let e = transfer_menu(&w, id).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound, "{id}");
    }
}

#[test]
fn a_second_launch_opens_its_document_granted_in_the_window_in_front_or_brings_it_forward() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    let a = document(&app, dir.path(), "A");
    handed_over(&app, Some(a));
    assert_eq!(
        app.taken(),
        ["main: granted A.topo", "main: reloaded A", "focus main"]
    );
    handed_over(&app, None);
    assert_eq!(app.taken(), ["focus main"]);
    assert!(Fake::new(dir.path(), true).taken().is_empty());
}

#[test]
fn of_files_dropped_a_document_opens_other_files_are_refused_and_macos_brings_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let app = Fake::new(dir.path(), false);
    let w = app.window(FIRST_WINDOW);
    dropped(&w, &[]);
    dropped(&w, &[dir.path().join("people.csv")]);
    assert_eq!(app.taken(), ["main: error NotADocument"]);
    let app = Fake::new(dir.path(), true);
    let a = document(&app, dir.path(), "A");
    opened(&app, vec![dir.path().join("people.csv"), a]);
    assert_eq!(
        app.taken(),
        [
            "new window doc-2",
            "doc-2: granted A.topo",
            "doc-2: reloaded A",
            "focus doc-2"
        ]
    );
}

#[test]
fn a_new_window_gets_a_fresh_label_and_one_that_cannot_open_leaves_no_session() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = Sessions::new(Paths::under(dir.path()));
    let label = in_new_window(&sessions, sessions.blank(), |l| {
        Ok::<_, String>(l.to_string())
    });
    assert_eq!(label.unwrap(), "doc-2");
    let e = in_new_window(&sessions, sessions.blank(), |_| Err::<(), _>("no display")).unwrap_err();
    assert_eq!(e.code, ErrorCode::Internal);
    assert_eq!(e.message, "could not open a window: no display");
    assert_eq!(
        sessions.labels(),
        ["doc-2"],
        "the session of the window that failed is gone"
    );
}
