//! One session per window, as native editors have one window per document: each window has its
//! own open document, undo history and open scenario. Windows are named by label (the desktop
//! app's window labels); this decides where a document opens and keeps the sessions, with no
//! window in sight.

use crate::session::NewTemplate;
use crate::{Paths, Session};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use topograph_model::Result;

/// A window's session, locked, that stays valid after its window closes: the guard keeps the
/// session alive itself, so a command that was running when its window went finishes on it and
/// the session is freed after, never while it is in use.
pub type SessionGuard = parking_lot::ArcMutexGuard<parking_lot::RawMutex, Session>;

/// A window's session, shared, so a guard on it outlives the map's lock. parking_lot's mutex has
/// no poisoning: a panic while holding it leaves the session as it was, still usable.
type Shared = Arc<parking_lot::Mutex<Session>>;

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

/// Freed memory the allocator may keep for the app's next allocations; above it, the rest goes
/// back to the system (so the ordinary churn of edits is not trimmed every second).
pub const FREED_TO_KEEP: usize = 16 << 20;

/// Every window's session.
pub struct Sessions {
    paths: Paths,
    /// Shared, so a guard on a session outlives the map's lock; a closed window's session is
    /// freed when the last command still holding it is done.
    windows: Mutex<BTreeMap<String, Shared>>,
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
        lock(&self.windows).insert(label.to_string(), Arc::new(session.into()));
    }

    /// Gives `label` its session and loads it on a thread of its own, so a window can show while a
    /// large document loads: the thread holds the session's lock before this returns, so every
    /// command for the window waits for the load and none sees the session half loaded. `then`
    /// runs on that thread once the load is done and the lock is released.
    pub fn add_loading(
        &self,
        label: &str,
        session: Session,
        load: impl FnOnce(&mut Session) + Send + 'static,
        then: impl FnOnce() + Send + 'static,
    ) {
        let shared: Shared = Arc::new(session.into());
        let loading = Arc::clone(&shared);
        let (locked, is_locked) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name(format!("load {label}"))
            .spawn(move || {
                {
                    let mut s = loading.lock();
                    let _ = locked.send(());
                    load(&mut s);
                }
                then();
            })
            .expect("a thread to load the document");
        // Only once it is locked may a command find it.
        let _ = is_locked.recv();
        lock(&self.windows).insert(label.to_string(), shared);
    }

    /// The session of window `label`. A window the app does not know (one closed while a command
    /// from it was on its way) gets a blank session of its own that nothing keeps: the command
    /// finds no document, and a closed window's session is not brought back to life.
    pub fn of(&self, label: &str) -> SessionGuard {
        let session = lock(&self.windows).get(label).cloned();
        let session = session.unwrap_or_else(|| Arc::new(self.blank().into()));
        parking_lot::Mutex::lock_arc(&session)
    }

    /// Window `label` is gone: its document closes at once (every edit is committed to the file
    /// as it is made, so nothing is left to save), which frees the file for any window or program.
    /// The session itself goes when the last command still holding it is done.
    pub fn remove(&self, label: &str) {
        let session = lock(&self.windows).remove(label);
        if let Some(s) = session {
            s.lock().close();
        }
    }

    pub fn labels(&self) -> Vec<String> {
        lock(&self.windows).keys().cloned().collect()
    }

    fn all(&self) -> Vec<(String, Shared)> {
        lock(&self.windows)
            .iter()
            .map(|(l, s)| (l.clone(), Arc::clone(s)))
            .collect()
    }

    /// The window that shows `path`, if one does. Takes each session's lock in turn: call it
    /// without holding one.
    pub fn showing(&self, path: &Path) -> Option<String> {
        self.all()
            .into_iter()
            .find(|(_, s)| s.lock().shows(path))
            .map(|(label, _)| label)
    }

    /// Where `path`, asked for from window `asking`, opens: the window that shows it already,
    /// else `asking` when it shows no document, else a new window.
    pub fn place(&self, path: &Path, asking: &str) -> Placement {
        if let Some(label) = self.showing(path) {
            return Placement::Focus(label);
        }
        let asking = lock(&self.windows).get(asking).cloned();
        let here_is_blank = asking.is_some_and(|s| s.lock().document().is_none());
        if here_is_blank {
            Placement::Here
        } else {
            Placement::NewWindow
        }
    }

    /// Where a new document made from window `asking` (File › New) opens: there when it shows no
    /// document or one with nothing in it yet (a fresh File › New), else in a new window, so the
    /// document it shows stays where it is, as native editors do.
    pub fn place_new(&self, asking: &str) -> Placement {
        let asking = lock(&self.windows).get(asking).cloned();
        let free = asking.is_some_and(|s| !s.lock().has_content());
        if free {
            Placement::Here
        } else {
            Placement::NewWindow
        }
    }

    /// A session for a new window holding a new document at `path` (see [`Session::create_from`]).
    pub fn create_new(&self, path: &Path, template: NewTemplate) -> Result<Session> {
        let mut session = self.blank();
        session.create_from(path, template)?;
        Ok(session)
    }

    /// Closes every window's document, as the app quits.
    pub fn close_all(&self) {
        for (_, s) in self.all() {
            s.lock().close();
        }
    }

    /// Checkpoints each open document when editing has paused for `idle`, on a thread of its own
    /// for as long as the app runs; it only takes a session when it is free, so it never delays
    /// an edit. It also hands memory freed by big transient work (a 100k document's load, its
    /// state for the page) back to the system once more than [`FREED_TO_KEEP`] of it is held.
    pub fn checkpoint_when_idle(sessions: Arc<Sessions>, idle: std::time::Duration) {
        std::thread::spawn(move || {
            for tick in 0u64.. {
                std::thread::sleep(idle / 4);
                sessions.checkpoint_if_idle(idle);
                // Counting what the allocator holds walks its free lists: once per `idle`.
                if tick % 4 == 3 {
                    topograph_desktop::memory::release_freed(FREED_TO_KEEP);
                }
            }
        });
    }

    /// Folds each idle document's write-ahead log in, skipping sessions busy right now.
    pub fn checkpoint_if_idle(&self, idle: std::time::Duration) {
        for (_, s) in self.all() {
            if let Some(mut session) = s.try_lock() {
                session.checkpoint_if_idle(idle);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sessions with the first window's, as the app starts.
    fn sessions(dir: &Path) -> Sessions {
        let s = Sessions::new(Paths::under(dir));
        s.add(FIRST_WINDOW, s.blank());
        s
    }

    #[test]
    fn a_command_for_a_window_whose_document_loads_waits_for_the_load_and_finds_it_whole() {
        let dir = tempfile::tempdir().unwrap();
        let s = Arc::new(Sessions::new(Paths::under(dir.path())));
        let path = dir.path().join("Big.topo");
        let (release, released) = std::sync::mpsc::channel::<()>();
        let (done, is_done) = std::sync::mpsc::channel();
        let p = path.clone();
        s.add_loading(
            FIRST_WINDOW,
            s.blank(),
            move |session| {
                // The load goes on only once a command is waiting for it.
                released.recv().unwrap();
                session.create(&p).unwrap();
            },
            move || done.send(()).unwrap(),
        );
        let asking = Arc::clone(&s);
        let command = std::thread::spawn(move || {
            asking
                .of(FIRST_WINDOW)
                .document()
                .and_then(|d| d.path())
                .map(Path::to_path_buf)
        });
        release.send(()).unwrap();
        assert_eq!(command.join().unwrap(), Some(path));
        is_done.recv().unwrap();
        assert!(
            s.of(FIRST_WINDOW).document().is_some(),
            "kept after the load"
        );
    }

    #[test]
    fn the_first_choice_is_the_document_asked_for_then_the_last_one_then_the_sample() {
        let dir = tempfile::tempdir().unwrap();
        let s = Sessions::new(Paths::under(dir.path()));
        let asked = dir.path().join("Asked.topo");
        assert_eq!(s.blank().first_choice(Some(&asked)), asked);
        assert_eq!(
            s.blank().first_choice(None),
            dir.path().join(crate::session::SAMPLE_FILE)
        );
        let last = dir.path().join("Last.topo");
        s.blank().create(&last).unwrap();
        assert_eq!(s.blank().first_choice(None), last);
        assert_eq!(s.blank().first_choice(Some(&asked)), asked);
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
    fn a_new_document_opens_in_a_new_window_unless_the_asking_one_shows_nothing_yet() {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        assert_eq!(s.place_new(FIRST_WINDOW), Placement::Here, "no document");
        s.of(FIRST_WINDOW)
            .create(&dir.path().join("Empty.topo"))
            .unwrap();
        assert_eq!(s.place_new(FIRST_WINDOW), Placement::Here, "an empty one");
        let sample = dir.path().join("Sample.topo");
        s.of(FIRST_WINDOW)
            .create_from(&sample, NewTemplate::Sample)
            .unwrap();
        assert_eq!(s.place_new(FIRST_WINDOW), Placement::NewWindow);
        assert_eq!(
            s.place_new("doc-9"),
            Placement::NewWindow,
            "a closed window"
        );
        let new = dir.path().join("New.topo");
        let session = s.create_new(&new, NewTemplate::Blank).unwrap();
        assert!(session.shows(&new));
        assert!(
            s.of(FIRST_WINDOW).shows(&sample),
            "the asking window keeps its document"
        );
        assert!(
            s.create_new(&new, NewTemplate::Blank).is_err(),
            "an existing file"
        );
    }

    #[test]
    fn a_closed_window_frees_its_session_and_its_file_at_once_and_a_late_command_finds_no_document()
    {
        let dir = tempfile::tempdir().unwrap();
        let s = sessions(dir.path());
        let b = dir.path().join("B.topo");
        s.add("doc-2", s.blank());
        s.of("doc-2").create(&b).unwrap();
        let held = Arc::downgrade(&lock(&s.windows)["doc-2"]);
        // Another program cannot open it while the window has it.
        let in_use = topograph_document::Document::open(&b)
            .map(drop)
            .unwrap_err();
        assert!(
            in_use.message.contains("in use") || in_use.message.contains("another"),
            "{}",
            in_use.message
        );

        s.remove("doc-2");
        assert!(held.upgrade().is_none(), "the session is freed");
        drop(topograph_document::Document::open(&b).unwrap());
        // A command from the closed window arriving late: no document, and no session comes back.
        assert!(s.of("doc-2").document().is_none());
        assert!(s.of("doc-2").snapshot().unwrap().document.is_none());
        assert_eq!(s.labels(), [FIRST_WINDOW]);
    }

    #[test]
    fn a_window_closed_while_a_command_holds_its_session_closes_its_document_after_the_command() {
        let dir = tempfile::tempdir().unwrap();
        let s = Arc::new(sessions(dir.path()));
        let b = dir.path().join("B.topo");
        s.add("doc-2", s.blank());
        s.of("doc-2").create(&b).unwrap();
        let held = Arc::downgrade(&lock(&s.windows)["doc-2"]);
        let mut running = s.of("doc-2");
        let closing = {
            let s = Arc::clone(&s);
            std::thread::spawn(move || s.remove("doc-2"))
        };
        // The window is gone from the map, yet the command keeps working on its document.
        let gone = std::time::Instant::now();
        while s.labels().contains(&"doc-2".to_string()) {
            assert!(gone.elapsed() < std::time::Duration::from_secs(10));
            std::thread::yield_now();
        }
        assert!(running.shows(&b));
        assert!(running.history().is_ok());
        running.checkpoint_if_idle(std::time::Duration::ZERO);
        drop(running);
        closing.join().unwrap();
        assert!(held.upgrade().is_none(), "freed once the command let go");
        drop(topograph_document::Document::open(&b).unwrap());
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
