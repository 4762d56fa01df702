//! Native file dialogs attached to the window they were asked for from: modal to that document's
//! window (the OS keeps it on top of that window, and it comes forward with it), not to whichever
//! window happens to be in front.

use tauri::{WebviewWindow, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// A file dialog that belongs to `window`.
pub fn file(window: &WebviewWindow) -> FileDialogBuilder<Wry> {
    window.dialog().file().set_parent(window)
}
