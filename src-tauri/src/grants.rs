//! The shell's side of `topograph_api::grants::Grants`: the app's one set of granted paths, kept
//! in Tauri's state, and the recent documents that count as granted.

use std::path::{Path, PathBuf};
use tauri::Manager;
use topograph_api::grants::Grants;
use topograph_model::{Error, ErrorCode};

/// Grants `path` for the app's window (see [`Grants::grant`]).
pub fn grant(app: &tauri::WebviewWindow, path: &Path) {
    if let Some(g) = app.try_state::<Grants>() {
        g.grant(path);
    }
}

/// Checks a path the window sent: granted, or one of the app's recent documents (the list the
/// Rust side keeps and the window shows).
pub fn check(app: &tauri::WebviewWindow, path: &str) -> Result<PathBuf, Error> {
    let Some(g) = app.try_state::<Grants>() else {
        return Err(Error::new(ErrorCode::NotAllowed, "the app is starting"));
    };
    g.check_or_recent(path, || crate::actions::session(app).recent())
}
