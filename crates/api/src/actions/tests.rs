use super::*;
use crate::sessions::FIRST_WINDOW;
use crate::Paths;
use std::cell::RefCell;

/// A window that writes down what the actions asked of it, as the shell would do it.
struct Recorder {
    sessions: Sessions,
    label: String,
    log: RefCell<Vec<String>>,
}

impl Recorder {
    fn first(dir: &Path) -> Recorder {
        let sessions = Sessions::new(Paths::under(dir));
        sessions.add(FIRST_WINDOW, sessions.blank());
        Recorder {
            sessions,
            label: FIRST_WINDOW.into(),
            log: RefCell::default(),
        }
    }

    fn taken(&self) -> Vec<String> {
        self.log.take()
    }
}

impl Window for Recorder {
    fn sessions(&self) -> &Sessions {
        &self.sessions
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn announce(&self, change: Changed) {
        let what = match change {
            Changed::Applied { label, .. } => format!("applied {label}"),
            Changed::Reloaded { state, .. } => {
                let name = state.document.map(|d| d.name);
                format!("reloaded {}", name.unwrap_or_default())
            }
            Changed::Switched { .. } => "switched".into(),
        };
        self.log.borrow_mut().push(what);
    }
    fn report(&self, error: Error) {
        self.log
            .borrow_mut()
            .push(format!("error {}", error.message));
    }
    fn refresh_chrome(&self) {
        let title = self.session().title();
        self.log.borrow_mut().push(format!("chrome {title}"));
    }
    fn focus(&self, label: &str) {
        self.log.borrow_mut().push(format!("focus {label}"));
    }
    fn show_new(&self, session: Session) -> Result<()> {
        let label = self.sessions.next_label();
        self.log
            .borrow_mut()
            .push(format!("new window {label}: {}", session.title()));
        self.sessions.add(&label, session);
        Ok(())
    }
}

fn rename_open_scenario(w: &Recorder) -> Op {
    let id = w.session().document().unwrap().active_scenario().id;
    Op::RenameScenario {
        id,
        name: "Plan B".into(),
    }
}

#[test]
fn an_edit_is_announced_once_and_then_the_title_and_menus_follow() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    create_here(&w, &dir.path().join("A.topo"), NewTemplate::Blank).unwrap();
    assert_eq!(w.taken(), ["reloaded A", "chrome A — Topograph"]);
    let op = rename_open_scenario(&w);
    let applied = apply(&w, op).unwrap();
    assert_eq!(
        w.taken(),
        [
            format!("applied {}", applied.label),
            "chrome A — Topograph".into()
        ]
    );
    undo(&w).unwrap();
    assert_eq!(w.taken().len(), 2, "one event and one refresh for an undo");
}

#[test]
fn a_refused_edit_announces_nothing_and_leaves_the_chrome_alone() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    assert!(undo(&w).is_err(), "no document is open");
    assert!(w.taken().is_empty());
}

#[test]
fn steps_undone_as_one_command_are_announced_once_and_too_many_are_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    create_here(&w, &dir.path().join("A.topo"), NewTemplate::Blank).unwrap();
    for _ in 0..2 {
        let op = rename_open_scenario(&w);
        apply(&w, op).unwrap();
    }
    w.taken();
    assert!(travel(&w, true, 3).is_err());
    assert!(w.taken().is_empty(), "nothing undone, nothing announced");
    travel(&w, true, 2).unwrap();
    assert_eq!(
        w.taken().len(),
        2,
        "one event and one refresh for both steps"
    );
    assert!(w.session().history().unwrap().undo.is_none());
}

#[test]
fn a_document_shown_in_another_window_is_brought_to_the_front_rather_than_opened_again() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    let a = dir.path().join("A.topo");
    let b = dir.path().join("B.topo");
    create_here(&w, &a, NewTemplate::Blank).unwrap();
    w.sessions.add("doc-2", w.sessions.blank());
    w.sessions.of("doc-2").create(&b).unwrap();
    w.taken();
    let state = open(&w, &b).unwrap();
    assert_eq!(
        state.document.unwrap().name,
        "A",
        "this window keeps its document"
    );
    assert_eq!(w.taken(), ["focus doc-2"]);
}

#[test]
fn another_document_opens_in_a_new_window_beside_the_one_this_window_shows() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    let a = dir.path().join("A.topo");
    let b = dir.path().join("B.topo");
    w.sessions.blank().create(&b).unwrap();
    create_here(&w, &a, NewTemplate::Blank).unwrap();
    w.taken();
    open(&w, &b).unwrap();
    assert_eq!(w.taken(), ["new window doc-2: B — Topograph"]);
    // Handed over again (a second launch), the window that shows it comes to the front.
    open_handed_over(&w, &b);
    assert_eq!(w.taken(), ["focus doc-2", "focus doc-2"]);
}

#[test]
fn a_document_that_will_not_open_opens_no_window_and_is_reported_where_it_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    create_here(&w, &dir.path().join("A.topo"), NewTemplate::Blank).unwrap();
    let op = rename_open_scenario(&w);
    apply(&w, op).unwrap();
    w.taken();
    open_handed_over(&w, &dir.path().join("missing.topo"));
    let log = w.taken();
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(log[0].starts_with("error "), "{log:?}");
}

#[test]
fn file_new_opens_here_in_an_empty_window_and_beside_a_document_with_content() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    create(&w, &dir.path().join("A.topo"), NewTemplate::Blank).unwrap();
    assert_eq!(w.taken(), ["reloaded A", "chrome A — Topograph"]);
    // A blank document nobody has touched yet gives way to the next File › New.
    create(&w, &dir.path().join("B.topo"), NewTemplate::Sample).unwrap();
    assert_eq!(w.taken(), ["reloaded B", "chrome B — Topograph"]);
    let state = create(&w, &dir.path().join("C.topo"), NewTemplate::Blank).unwrap();
    assert_eq!(state.document.unwrap().name, "B");
    assert_eq!(w.taken(), ["new window doc-2: C — Topograph"]);
}

#[test]
fn of_the_files_dropped_the_first_document_opens_and_other_files_alone_are_refused() {
    let files = |names: &[&str]| names.iter().map(PathBuf::from).collect::<Vec<_>>();
    let both = files(&["/d/people.csv", "/d/Plan.topo", "/d/B.topo"]);
    assert_eq!(
        dropped_document(&both).unwrap(),
        Some(Path::new("/d/Plan.topo"))
    );
    assert_eq!(dropped_document(&[]).unwrap(), None);
    let e = dropped_document(&files(&["/d/people.csv"])).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotADocument);
    assert!(e.message.contains("File › Import"), "{}", e.message);
}

#[test]
fn a_repaired_copy_with_nothing_refused_is_refused_and_nothing_is_granted_or_announced() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    let mut granted = Vec::new();
    let e = open_repaired(&w, |p| granted.push(p.to_path_buf())).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
    assert!(granted.is_empty());
    assert!(w.taken().is_empty());
}

#[test]
fn a_file_imported_into_a_new_scenario_is_read_in_phases_and_announced_once() {
    let dir = tempfile::tempdir().unwrap();
    let w = Recorder::first(dir.path());
    create_here(&w, &dir.path().join("A.topo"), NewTemplate::Blank).unwrap();
    w.taken();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "name,title\nAda,Engineer\nGrace,Admiral\n").unwrap();
    let mut phases = Vec::new();
    let target = ImportTarget::NewScenario {
        name: "Imported".into(),
    };
    let summary = import_file(&w, &csv, None, None, target, &mut |p| phases.push(p)).unwrap();
    assert_eq!(
        (summary.scenario.as_str(), summary.people_added),
        ("Imported", 2)
    );
    assert_eq!(phases.first(), Some(&ImportPhase::Reading));
    assert_eq!(w.taken(), ["reloaded A", "chrome A — Topograph"]);
    let missing = dir.path().join("missing.csv");
    let target = ImportTarget::Merge;
    assert!(import_file(&w, &missing, None, None, target, &mut |_| {}).is_err());
    assert!(
        w.taken().is_empty(),
        "nothing announced for a file that is not there"
    );
}
