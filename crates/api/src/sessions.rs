//! One session per window, as native editors have one window per document: each window has its
//! own open document, undo history and open scenario. Windows are named by label (the desktop
//! app's window labels); this decides where a document opens and keeps the sessions, with no
//! window in sight.

use crate::{Paths, Session};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use topograph_model::Result;

/// The label of the window the app starts with.
pub const FIRST_WINDOW: &str = "main";
/// Labels of the windows opened later: `doc-2`, `doc-3`, …
pub const WINDOW_PREFIX: &str = "doc-";

/// Where a document asked for from a window opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A window shows it already: bring that one to the front.
    Focus(String),
    /// In the window that asked: it shows no document.
    Here,
    /// In a new window of its own.
    NewWindow,
}

/// Every window's session.
pub struct Sessions {
    paths: Paths,
    /// A session is never freed while the app runs, so a guard on it can outlive the map's lock
    /// (`&'static`); a closed window's session is closed and emptied, a few hundred bytes.
    windows: Mutex<BTreeMap<String, &'static Mutex<Session>>>,
    opened: Mutex<u32>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a lock leaves the data as it was: still usable.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Sessions {
    pub fn new(paths: Paths) -> Sessions {
        Sessions {
            paths,
            windows: Mutex::new(BTreeMap::new()),
            opened: Mutex::new(1),
        }
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    /// A session with nothing open, for a new window.
    pub fn blank(&self) -> Session {
        Session::new(self.paths.clone())
    }

    /// A fresh label for a new window.
    pub fn next_label(&self) -> String {
        let mut n = lock(&self.opened);
        *n += 1;
        format!("{WINDOW_PREFIX}{n}")
    }

    /// A session for a new window with `path` open. When the file will not open, window `asking`
    /// gets the refusal, as if it had tried (so it can offer a repaired copy).
    pub fn open_new(&self, path: &Path, asking: &str) -> Result<Session> {
        let mut session = self.blank();
        match session.open(path) {
            Ok(()) => Ok(session),
            Err(e) => {
                self.of(asking).refused = session.refused.take();
                Err(e)
            }
        }
    }

    /// Gives `label` its session (replacing none: a label is used once).
    pub fn add(&self, label: &str, session: Session) {
        let leaked: &'static Mutex<Session> = Box::leak(Box::new(Mutex::new(session)));
        lock(&self.windows).insert(label.to_string(), leaked);
    }

    /// The session of window `label`; a window the app does not know yet gets a blank one.
    pub fn of(&self, label: &str) -> MutexGuard<'static, Session> {
        let session = {
            let mut windows = lock(&self.windows);
            *windows.entry(label.to_string()).or_insert_with(|| {
                Box::leak(Box::new(Mutex::new(Session::new(self.paths.clone()))))
            })
        };
        lock(session)
    }

    /// Window `label` is gone: its document closes (every change is saved already).
    pub fn remove(&self, label: &str) {
        let session = lock(&self.windows).remove(label);
        if let Some(s) = session {
            lock(s).close();
        }
    }

    pub fn labels(&self) -> Vec<String> {
        lock(&self.windows).keys().cloned().collect()
    }

    fn all(&self) -> Vec<(String, &'static Mutex<Session>)> {
        lock(&self.windows)
            .iter()
            .map(|(l, s)| (l.clone(), *s))
            .collect()
    }

    /// The window that shows `path`, if one does. Takes each session's lock in turn: call it
    /// without holding one.
    pub fn showing(&self, path: &Path) -> Option<String> {
        self.all()
            .into_iter()
            .find(|(_, s)| lock(s).shows(path))
            .map(|(label, _)| label)
    }

    /// Where `path`, asked for from window `asking`, opens: the window that shows it already,
    /// else `asking` when it shows no document, else a new window.
    pub fn place(&self, path: &Path, asking: &str) -> Placement {
        if let Some(label) = self.showing(path) {
            return Placement::Focus(label);
        }
        let here_is_blank = lock(&self.windows)
            .get(asking)
            .copied()
            .is_some_and(|s| lock(s).document().is_none());
        if here_is_blank {
            Placement::Here
        } else {
            Placement::NewWindow
        }
    }

    /// Closes every window's document, as the app quits.
    pub fn close_all(&self) {
        for (_, s) in self.all() {
            lock(s).close();
        }
    }

    /// Folds each idle document's write-ahead log in, skipping sessions busy right now.
    pub fn checkpoint_if_idle(&self, idle: std::time::Duration) {
        for (_, s) in self.all() {
            if let Ok(mut session) = s.try_lock() {
                session.checkpoint_if_idle(idle);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions(dir: &Path) -> Sessions {
        Sessions::new(Paths::under(dir))
    }

    #[test]
    fn a_document_open_in_a_window_is_focused_there_rather_than_opened_again() {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        let a = dir.path().join("A.topo");
        let b = dir.path().join("B.topo");
        s.of(FIRST_WINDOW).create(&a).unwrap();
        let label = s.next_label();
        s.add(&label, s.blank());
        s.of(&label).create(&b).unwrap();
        assert_eq!(label, "doc-2");
        assert_eq!(s.place(&a, &label), Placement::Focus(FIRST_WINDOW.into()));
        assert_eq!(s.place(&b, FIRST_WINDOW), Placement::Focus(label.clone()));
        // Spelled relative to the working folder it is still the same document.
        let cwd = std::env::current_dir().unwrap();
        if let Ok(rel) = b.strip_prefix(&cwd) {
            assert_eq!(s.showing(rel), Some(label.clone()));
        }
    }

    #[test]
    fn another_document_opens_in_a_new_window_unless_the_asking_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        let a = dir.path().join("A.topo");
        let c = dir.path().join("C.topo");
        s.of(FIRST_WINDOW).create(&a).unwrap();
        assert_eq!(s.place(&c, FIRST_WINDOW), Placement::NewWindow);
        let label = s.next_label();
        s.add(&label, s.blank());
        assert_eq!(s.place(&c, &label), Placement::Here);
        s.of(FIRST_WINDOW).close();
        assert_eq!(s.place(&c, FIRST_WINDOW), Placement::Here);
    }

    #[test]
    fn each_window_keeps_its_own_document_and_history_and_a_closed_window_lets_its_document_go() {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        let a = dir.path().join("A.topo");
        let b = dir.path().join("B.topo");
        s.of(FIRST_WINDOW).create(&a).unwrap();
        s.add("doc-2", s.blank());
        s.of("doc-2").create(&b).unwrap();
        assert_eq!(s.of(FIRST_WINDOW).title(), "A — Topograph");
        assert_eq!(s.of("doc-2").title(), "B — Topograph");
        // Both are in the shared recent list, newest first.
        let recent: Vec<String> = s
            .of(FIRST_WINDOW)
            .recent()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(recent, ["B", "A"]);
        s.remove("doc-2");
        assert_eq!(s.labels(), [FIRST_WINDOW]);
        assert_eq!(s.showing(&b), None);
        // Its document is free: another window opens it.
        s.of(FIRST_WINDOW).open(&b).unwrap();
        assert!(s.of(FIRST_WINDOW).shows(&b));
    }

    #[test]
    fn a_document_that_will_not_open_in_a_new_window_is_refused_in_the_window_that_asked() {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        let a = dir.path().join("A.topo");
        s.of(FIRST_WINDOW).create(&a).unwrap();
        let not_a_document = dir.path().join("notes.topo");
        std::fs::write(&not_a_document, "not a database").unwrap();
        assert!(s.open_new(&not_a_document, FIRST_WINDOW).is_err());
        assert!(
            s.of(FIRST_WINDOW).shows(&a),
            "the asking window keeps its document"
        );
        assert_eq!(s.labels(), [FIRST_WINDOW], "no window was added");
        let good = dir.path().join("B.topo");
        drop(topograph_document::Document::create(&good).unwrap());
        assert!(s.open_new(&good, FIRST_WINDOW).unwrap().shows(&good));
    }
}
