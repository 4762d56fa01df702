//! Settings › Painting: where WebKitGTK paints on Linux. The choice is made before Tauri starts
//! (topograph-api's `painting`), from the environment, the setting kept in preferences.json and
//! the machine; the Settings dialog shows what was chosen and why, and keeps a new setting for
//! the next start.

use std::sync::OnceLock;
use tauri::{AppHandle, Manager};
use topograph_api::launch::Args;
use topograph_api::painting::{self, Choice, PaintingState};
use topograph_desktop::{PaintingSetting, PreferencesStore};
use topograph_model::Error;

/// What this start chose (`None`: not Linux, or WebKit's own variable was set).
static CHOSEN: OnceLock<Option<Choice>> = OnceLock::new();

/// Chooses and applies the painting before Tauri starts; call first thing in `run()`.
pub fn apply_at_start(args: &Args, identifier: &str) {
    let _ = CHOSEN.set(painting::apply_at_start(args, identifier));
}

/// The painting setting and what this start chose.
#[tauri::command]
#[specta::specta]
pub fn painting_state(app: AppHandle) -> PaintingState {
    let chosen = CHOSEN.get().cloned().flatten();
    PaintingState::of(app.state::<PreferencesStore>().painting(), chosen)
}

/// Keeps a painting setting for the next start.
#[tauri::command]
#[specta::specta]
pub fn set_painting(app: AppHandle, setting: PaintingSetting) -> Result<(), Error> {
    topograph_api::preferences::keep_painting(&app.state::<PreferencesStore>(), setting)
}
