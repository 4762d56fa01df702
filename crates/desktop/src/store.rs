//! The preferences as the running app keeps them: one copy shared by every window, written at once
//! when a person changes a setting, and only from time to time (`save_if_dirty`) while windows move.

use crate::{clamp, Appearance, PaintingSetting, Preferences, Screen, WindowGeometry};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub struct PreferencesStore {
    file: PathBuf,
    prefs: Mutex<Preferences>,
    /// The document each window shows (by label), whose place its moves update.
    shown: Mutex<HashMap<String, PathBuf>>,
    /// Set while a window is being placed for a document, so those moves are not remembered.
    placing: AtomicBool,
    dirty: AtomicBool,
}

/// A window as the shell reads it after a move or a resize.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Observed {
    /// Maximised: it keeps the size and place it returns to.
    Maximized,
    /// Outer position and inner size.
    Normal {
        x: i32,
        y: i32,
        width: u32,
        height: u32,
    },
}

impl Observed {
    /// What a move or a resize tells of a window: nothing while it is minimised (it keeps the
    /// place it returns to), nothing when the platform cannot tell its `place` (outer position and
    /// inner size, read only when it is neither minimised nor maximised).
    pub fn of(
        minimized: bool,
        maximized: bool,
        place: impl FnOnce() -> Option<(i32, i32, u32, u32)>,
    ) -> Option<Observed> {
        if minimized {
            return None;
        }
        if maximized {
            return Some(Observed::Maximized);
        }
        let (x, y, width, height) = place()?;
        Some(Observed::Normal {
            x,
            y,
            width,
            height,
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl PreferencesStore {
    /// Reads `file` (the defaults when it is missing or broken).
    pub fn load(file: PathBuf) -> PreferencesStore {
        PreferencesStore {
            prefs: Mutex::new(Preferences::load(&file)),
            file,
            shown: Mutex::new(HashMap::new()),
            placing: AtomicBool::new(false),
            dirty: AtomicBool::new(false),
        }
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    pub fn appearance(&self) -> Appearance {
        lock(&self.prefs).appearance
    }

    pub fn painting(&self) -> PaintingSetting {
        lock(&self.prefs).painting
    }

    /// Keeps the override and writes the file now; it applies even when the write fails.
    pub fn set_appearance(&self, appearance: Appearance) -> std::io::Result<()> {
        let mut prefs = lock(&self.prefs);
        prefs.appearance = appearance;
        prefs.save(&self.file)
    }

    pub fn set_painting(&self, painting: PaintingSetting) -> std::io::Result<()> {
        let mut prefs = lock(&self.prefs);
        prefs.painting = painting;
        prefs.save(&self.file)
    }

    /// Writes what changed every `period`, on a thread of its own, for as long as the process runs.
    pub fn write_every(store: Arc<PreferencesStore>, period: Duration) {
        std::thread::spawn(move || loop {
            std::thread::sleep(period);
            store.save_if_dirty();
        });
    }

    /// Writes the window places remembered since the last write. Losing a window's place is a
    /// small thing: a failed write is tried again next time.
    pub fn save_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel) && lock(&self.prefs).save(&self.file).is_err() {
            self.dirty.store(true, Ordering::Release);
        }
    }

    /// `window` now shows `document`: when that is another document than before and its window
    /// was remembered, the place to give it, fitted onto `screens` (the primary first). Call
    /// [`PreferencesStore::placed`] once it is there.
    pub fn shown(
        &self,
        window: &str,
        document: Option<&Path>,
        screens: impl FnOnce() -> Vec<Screen>,
    ) -> Option<WindowGeometry> {
        {
            let mut shown = lock(&self.shown);
            if shown.get(window).map(PathBuf::as_path) == document {
                return None;
            }
            match document {
                Some(d) => shown.insert(window.to_string(), d.to_path_buf()),
                None => shown.remove(window),
            };
        }
        let remembered = lock(&self.prefs).window(document?)?;
        self.placing.store(true, Ordering::Release);
        Some(clamp(remembered, &screens()))
    }

    /// The window given by [`PreferencesStore::shown`] is in place: its moves count again.
    pub fn placed(&self) {
        self.placing.store(false, Ordering::Release);
    }

    /// The window is gone: its document is no longer shown there.
    pub fn closed(&self, window: &str) {
        lock(&self.shown).remove(window);
    }

    /// `window` moved or was resized: remember where for the document it shows (written by the
    /// next [`PreferencesStore::save_if_dirty`]). Moves while it is being placed do not count.
    pub fn moved(&self, window: &str, now: Observed) {
        if self.placing.load(Ordering::Acquire) {
            return;
        }
        let Some(doc) = lock(&self.shown).get(window).cloned() else {
            return;
        };
        let mut prefs = lock(&self.prefs);
        let geometry = match now {
            Observed::Maximized => match prefs.window(&doc) {
                Some(g) => WindowGeometry {
                    maximized: true,
                    ..g
                },
                None => return,
            },
            Observed::Normal {
                x,
                y,
                width,
                height,
            } => WindowGeometry {
                x,
                y,
                width,
                height,
                maximized: false,
            },
        };
        if prefs.window(&doc) != Some(geometry) {
            prefs.remember_window(&doc, geometry);
            self.dirty.store(true, Ordering::Release);
        }
    }
}

/// The screens with the primary first (a window on a screen that is gone goes there), given the
/// primary's position.
pub fn primary_first(mut screens: Vec<Screen>, primary: Option<(i32, i32)>) -> Vec<Screen> {
    if let Some(i) = primary.and_then(|p| screens.iter().position(|s| (s.x, s.y) == p)) {
        let first = screens.remove(i);
        screens.insert(0, first);
    }
    screens
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Screen = Screen {
        x: 0,
        y: 0,
        width: 1920,
        height: 1080,
    };

    fn at(x: i32) -> Observed {
        Observed::Normal {
            x,
            y: 40,
            width: 900,
            height: 700,
        }
    }

    #[test]
    fn a_minimised_window_tells_nothing_and_a_maximised_one_is_not_measured() {
        let place = || Some((1, 2, 3, 4));
        assert_eq!(Observed::of(true, true, place), None);
        let unread = || -> Option<(i32, i32, u32, u32)> { panic!("measured") };
        assert_eq!(Observed::of(false, true, unread), Some(Observed::Maximized));
        let normal = Observed::of(false, false, place);
        assert_eq!(
            normal,
            Some(Observed::Normal {
                x: 1,
                y: 2,
                width: 3,
                height: 4
            })
        );
        assert_eq!(Observed::of(false, false, || None), None);
    }

    #[test]
    fn a_window_moved_is_remembered_for_its_document_and_written_on_the_next_save() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("preferences.json");
        let store = PreferencesStore::load(file.clone());
        let doc = Path::new("/docs/a.topo");
        assert_eq!(store.shown("main", Some(doc), || vec![SCREEN]), None);
        store.moved("main", at(100));
        assert!(!file.exists(), "moves are written later, not at once");
        store.save_if_dirty();
        let back = Preferences::load(&file).window(doc).unwrap();
        assert_eq!((back.x, back.width, back.maximized), (100, 900, false));

        store.moved("main", Observed::Maximized);
        let before = Preferences::load(&file).window(doc).unwrap();
        assert!(!before.maximized, "not written before a save");
        store.save_if_dirty();
        let back = Preferences::load(&file).window(doc).unwrap();
        assert_eq!(
            (back.x, back.maximized),
            (100, true),
            "maximised keeps its place"
        );
    }

    #[test]
    fn a_window_showing_another_document_takes_that_documents_place_on_the_screens_there_are() {
        let dir = tempfile::tempdir().unwrap();
        let store = PreferencesStore::load(dir.path().join("preferences.json"));
        let (a, b) = (Path::new("/docs/a.topo"), Path::new("/docs/b.topo"));
        store.shown("main", Some(b), Vec::new);
        store.moved("main", at(5000));
        store.shown("main", Some(a), Vec::new);
        store.moved("main", at(10));

        let placed = store.shown("main", Some(b), || vec![SCREEN]).unwrap();
        assert_eq!(
            (placed.x, placed.y),
            (1920 - 900, 40),
            "clamped onto the screen"
        );
        store.moved("main", at(300));
        store.placed();
        store.closed("main");
        let again = store.shown("main", Some(b), || vec![SCREEN]).unwrap();
        assert_eq!(again.x, 1020, "moves while placing are not remembered");
        store.placed();
        store.moved("main", at(300));
        assert_eq!(
            store.shown("main", Some(b), || vec![SCREEN]),
            None,
            "shown already"
        );
        store.closed("main");
        assert_eq!(store.shown("main", Some(b), Vec::new).unwrap().x, 300);
    }

    #[test]
    fn a_window_without_a_document_or_never_moved_is_not_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("preferences.json");
        let store = PreferencesStore::load(file.clone());
        store.moved("main", at(1));
        store.shown("main", Some(Path::new("/x.topo")), Vec::new);
        store.moved("main", Observed::Maximized);
        store.save_if_dirty();
        assert!(!file.exists());
    }

    #[test]
    fn a_window_place_is_written_by_the_writer_within_its_period() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("preferences.json");
        let store = Arc::new(PreferencesStore::load(file.clone()));
        let doc = Path::new("/docs/a.topo");
        store.shown("main", Some(doc), Vec::new);
        store.moved("main", at(70));
        PreferencesStore::write_every(store, Duration::from_millis(10));
        let waited = std::time::Instant::now();
        while Preferences::load(&file).window(doc).is_none() {
            assert!(waited.elapsed() < Duration::from_secs(10), "never written");
            std::thread::yield_now();
        }
        assert_eq!(Preferences::load(&file).window(doc).unwrap().x, 70);
    }

    #[test]
    fn settings_are_written_at_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("preferences.json");
        let store = PreferencesStore::load(file.clone());
        store.set_appearance(Appearance::Dark).unwrap();
        store.set_painting(PaintingSetting::Cpu).unwrap();
        let again = PreferencesStore::load(file);
        assert_eq!(
            (again.appearance(), again.painting()),
            (Appearance::Dark, PaintingSetting::Cpu)
        );
    }

    #[test]
    fn the_primary_screen_comes_first_and_an_unknown_primary_changes_nothing() {
        let right = Screen { x: 1920, ..SCREEN };
        assert_eq!(
            primary_first(vec![SCREEN, right], Some((1920, 0))),
            [right, SCREEN]
        );
        assert_eq!(
            primary_first(vec![SCREEN, right], Some((7, 7))),
            [SCREEN, right]
        );
        assert_eq!(primary_first(vec![SCREEN, right], None), [SCREEN, right]);
    }
}
