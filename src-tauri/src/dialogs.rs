//! Native file dialogs: attached to the window they were asked for from (modal to that
//! document's window, not to whichever window happens to be in front), and what they chose, for
//! the commands that open one and the menu items alike.

use std::path::PathBuf;
use tauri::{WebviewWindow, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use topograph_model::{Error, ErrorCode};

/// A file dialog that belongs to `window`.
pub fn file(window: &WebviewWindow) -> FileDialogBuilder<Wry> {
    window.dialog().file().set_parent(window)
}

/// The path a native dialog chose (none when cancelled), with `extension` added when missing (a
/// save dialog's; `""` adds none), granted to the window.
pub fn chosen(
    app: &WebviewWindow,
    file: Option<FilePath>,
    extension: &str,
) -> Result<Option<PathBuf>, Error> {
    let Some(file) = file else {
        return Ok(None);
    };
    let path = file
        .into_path()
        .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
    let path = topograph_api::with_extension(path, extension);
    crate::grants::grant(app, &path);
    Ok(Some(path))
}

/// [`chosen`] for a menu item's dialog: a failure reaches the UI as an `AppError`.
pub fn chosen_or_report(
    app: &WebviewWindow,
    file: Option<FilePath>,
    extension: &str,
) -> Option<PathBuf> {
    chosen(app, file, extension).unwrap_or_else(|e| {
        crate::actions::report(app, e);
        None
    })
}

/// [`chosen`] as the text a command answers.
pub fn chosen_text(
    app: &WebviewWindow,
    file: Option<FilePath>,
    extension: &str,
) -> Result<Option<String>, Error> {
    Ok(chosen(app, file, extension)?.map(|p| p.display().to_string()))
}
