//! Settings › Painting: where WebKitGTK paints on Linux. The choice is made before Tauri starts
//! (topograph-api's `painting`), from the environment, the setting kept in preferences.json and
//! the machine; the Settings dialog shows what was chosen and why, and keeps a new setting for
//! the next start.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::OnceLock;
use tauri::AppHandle;
use topograph_api::launch::Args;
use topograph_api::painting::{self, Choice, Painting};
use topograph_desktop::{PaintingSetting, Preferences};
use topograph_model::Error;

/// What this start chose (`None`: not Linux, or WebKit's own variable was set).
static CHOSEN: OnceLock<Option<Choice>> = OnceLock::new();

/// The painting as Settings shows it.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct PaintingState {
    /// Kept for the next start.
    pub setting: PaintingSetting,
    /// Whether this start paints on the CPU; `None` where the app does not choose (not Linux, or
    /// `WEBKIT_SKIA_ENABLE_CPU_RENDERING` given).
    pub on_cpu: Option<bool>,
    /// Why, in a few words ("no GPU render node in /dev/dri", "chosen in Settings").
    pub reason: Option<String>,
}

/// Chooses and applies the painting before Tauri starts; call first thing in `run()`.
pub fn apply_at_start(args: &Args, identifier: &str) {
    let file = args
        .chosen_data_dir()
        .or_else(|| painting::linux_config_dir(identifier))
        .map(|d| d.join("preferences.json"));
    let setting = file
        .map(|f| Preferences::load(&f).painting)
        .unwrap_or_default();
    let _ = CHOSEN.set(painting::apply(forced(setting)));
}

fn forced(setting: PaintingSetting) -> Option<Painting> {
    match setting {
        PaintingSetting::Automatic => None,
        PaintingSetting::Cpu => Some(Painting::Cpu),
        PaintingSetting::Gpu => Some(Painting::Gpu),
    }
}

/// The painting setting and what this start chose.
#[tauri::command]
#[specta::specta]
pub fn painting_state(app: AppHandle) -> PaintingState {
    let chosen = CHOSEN.get().cloned().flatten();
    PaintingState {
        setting: crate::native::painting_setting(&app),
        on_cpu: chosen.as_ref().map(|c| c.painting == Painting::Cpu),
        reason: chosen.map(|c| c.reason),
    }
}

/// Keeps a painting setting for the next start.
#[tauri::command]
#[specta::specta]
pub fn set_painting(app: AppHandle, setting: PaintingSetting) -> Result<(), Error> {
    crate::native::set_painting(&app, setting)
}
