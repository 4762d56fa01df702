//! The machine's preferences (topograph-desktop's `PreferencesStore`) as the app's settings
//! change them: written at once, and a setting that applies now but could not be written for the
//! next start answers an `io` error naming the file.

use crate::Paths;
use std::io;
use std::path::PathBuf;
use topograph_desktop::{Appearance, PaintingSetting, PreferencesStore};
use topograph_model::{Error, ErrorCode, Result};

/// The preferences file: beside the settings file.
pub fn file(paths: &Paths) -> PathBuf {
    paths.settings_file.with_file_name("preferences.json")
}

/// Keeps the View › Appearance override (it applies even when the write fails).
pub fn keep_appearance(store: &PreferencesStore, appearance: Appearance) -> Result<()> {
    let what = "the appearance applies now but could not be kept for the next start";
    let saved = store.set_appearance(appearance);
    saved.map_err(|e| not_kept(what, store, e))
}

/// Keeps the Settings › Painting choice for the next start.
pub fn keep_painting(store: &PreferencesStore, setting: PaintingSetting) -> Result<()> {
    let saved = store.set_painting(setting);
    saved.map_err(|e| not_kept("the painting setting could not be kept", store, e))
}

fn not_kept(what: &str, store: &PreferencesStore, e: io::Error) -> Error {
    let file = store.file().display();
    Error::new(ErrorCode::Io, format!("{what}: {file}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preferences_live_beside_the_settings() {
        let paths = Paths::under(std::path::Path::new("/d"));
        assert_eq!(file(&paths), std::path::Path::new("/d/preferences.json"));
    }

    #[test]
    fn a_setting_that_cannot_be_written_applies_and_the_error_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not a folder");
        std::fs::write(&blocker, "").unwrap();
        let store = PreferencesStore::load(blocker.join("preferences.json"));
        let e = keep_appearance(&store, Appearance::Dark).unwrap_err();
        assert_eq!(e.code, ErrorCode::Io);
        assert!(
            e.message.starts_with("the appearance applies now"),
            "{}",
            e.message
        );
        assert!(e.message.contains("preferences.json"), "{}", e.message);
        assert_eq!(
            store.appearance(),
            Appearance::Dark,
            "it applies all the same"
        );
        let e = keep_painting(&store, PaintingSetting::Cpu).unwrap_err();
        assert!(e
            .message
            .starts_with("the painting setting could not be kept: "));
        let ok = PreferencesStore::load(dir.path().join("preferences.json"));
        keep_painting(&ok, PaintingSetting::Cpu).unwrap();
        assert_eq!(
            PreferencesStore::load(ok.file().into()).painting(),
            PaintingSetting::Cpu
        );
    }
}
