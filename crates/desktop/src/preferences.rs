use crate::{Appearance, PaintingSetting, WindowGeometry};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// How many documents' windows are remembered; the least recently closed are forgotten first.
pub const WINDOW_LIMIT: usize = 50;

/// The preferences file. Like the settings file it only holds conveniences: a missing, broken or
/// unknown file reads as the defaults rather than stopping the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub appearance: Appearance,
    /// Applies at the next start (see [`PaintingSetting`]).
    pub painting: PaintingSetting,
    /// Document path (as the app opened it) to its window when last closed.
    windows: BTreeMap<String, Remembered>,
    /// Bumped on every remembered window, so the oldest can be found without a clock.
    counter: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
struct Remembered {
    #[serde(flatten)]
    geometry: WindowGeometry,
    seq: u64,
}

impl Preferences {
    pub fn load(file: &Path) -> Preferences {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes a temporary file and renames it over the old one, so a crash never leaves half a file.
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let json = serde_json::to_vec_pretty(self).expect("preferences always serialise");
        let tmp = file.with_extension("json.tmp");
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, file)
    }

    pub fn window(&self, document: &Path) -> Option<WindowGeometry> {
        self.windows.get(&key(document)).map(|r| r.geometry)
    }

    pub fn remember_window(&mut self, document: &Path, geometry: WindowGeometry) {
        self.counter += 1;
        let seq = self.counter;
        self.windows
            .insert(key(document), Remembered { geometry, seq });
        while self.windows.len() > WINDOW_LIMIT {
            let oldest = self
                .windows
                .iter()
                .min_by_key(|(_, r)| r.seq)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                self.windows.remove(&k);
            }
        }
    }
}

fn key(document: &Path) -> String {
    document.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn geometry(x: i32) -> WindowGeometry {
        WindowGeometry {
            x,
            y: 20,
            width: 900,
            height: 700,
            maximized: x % 2 == 0,
        }
    }

    #[test]
    fn preferences_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nested").join("preferences.json");
        let mut p = Preferences {
            appearance: Appearance::Dark,
            painting: PaintingSetting::Cpu,
            ..Preferences::default()
        };
        p.remember_window(Path::new("/docs/a.topo"), geometry(3));
        p.save(&file).unwrap();
        let back = Preferences::load(&file);
        assert_eq!(back, p);
        assert_eq!(back.window(Path::new("/docs/a.topo")), Some(geometry(3)));
        assert_eq!(back.window(Path::new("/docs/b.topo")), None);
    }

    #[test]
    fn a_missing_or_broken_file_reads_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("preferences.json");
        assert_eq!(Preferences::load(&file), Preferences::default());
        std::fs::write(&file, b"{ not json").unwrap();
        assert_eq!(Preferences::load(&file), Preferences::default());
        std::fs::write(&file, br#"{"appearance":"sepia"}"#).unwrap();
        assert_eq!(Preferences::load(&file).appearance, Appearance::System);
        // A file from before the painting setting paints as the machine suggests.
        std::fs::write(&file, br#"{"appearance":"dark"}"#).unwrap();
        assert_eq!(
            Preferences::load(&file).painting,
            PaintingSetting::Automatic
        );
    }

    #[test]
    fn only_the_most_recently_closed_windows_are_kept() {
        let mut p = Preferences::default();
        let doc = |i: usize| PathBuf::from(format!("/docs/{i}.topo"));
        for i in 0..WINDOW_LIMIT + 5 {
            p.remember_window(&doc(i), geometry(i as i32));
        }
        // Closing the first kept one again makes it the newest.
        p.remember_window(&doc(5), geometry(99));
        p.remember_window(&doc(1000), geometry(7));
        assert_eq!(p.windows.len(), WINDOW_LIMIT);
        assert_eq!(p.window(&doc(4)), None);
        assert_eq!(p.window(&doc(6)), None);
        assert_eq!(p.window(&doc(5)), Some(geometry(99)));
        assert_eq!(p.window(&doc(1000)), Some(geometry(7)));
    }
}
