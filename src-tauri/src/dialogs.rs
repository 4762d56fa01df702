//! Native file dialogs: topograph-desktop's `dialog::FileDialog` (what each asks for) shown
//! attached to the window it was asked for from (modal to that document's window, not to
//! whichever window happens to be in front), and what it chose, granted to that window, for the
//! commands that open one (`choose_*`, below) and the menu items alike.

use crate::actions::Here;
use crate::worker::worker;
use std::path::PathBuf;
use tauri::{Manager, WebviewWindow, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};
use topograph_api::actions::Window;
use topograph_desktop::dialog::{FileDialog, Pick};
use topograph_model::{Error, ErrorCode, Result};

/// The native dialog for `spec`, belonging to `window`.
fn native(window: &WebviewWindow, spec: &FileDialog) -> FileDialogBuilder<Wry> {
    let mut dialog = window.dialog().file().set_parent(window);
    dialog = dialog.set_title(&spec.title);
    if let Some(name) = &spec.file_name {
        dialog = dialog.set_file_name(name);
    }
    if let Some((name, extensions)) = &spec.filter {
        let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(name, &extensions);
    }
    if let (true, Ok(dir)) = (spec.in_documents, window.path().document_dir()) {
        dialog = dialog.set_directory(dir);
    }
    dialog
}

/// The path a native dialog chose (none when cancelled), with `extension` added when missing (a
/// save dialog's; `""` adds none), granted to the window.
fn chosen(app: &WebviewWindow, file: Option<FilePath>, extension: &str) -> Result<Option<PathBuf>> {
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

/// Shows `spec` and waits for the answer (a command's, on a worker thread): the chosen path as
/// the text a command answers, or none when cancelled.
pub fn ask_blocking(window: &WebviewWindow, spec: &FileDialog) -> Result<Option<String>> {
    let dialog = native(window, spec);
    let file = match spec.pick {
        Pick::File => dialog.blocking_pick_file(),
        Pick::SaveFile => dialog.blocking_save_file(),
        Pick::Folder => dialog.blocking_pick_folder(),
    };
    Ok(chosen(window, file, &spec.extension)?.map(|p| p.display().to_string()))
}

/// Shows `spec` for a menu item without waiting; `then` gets the chosen path. A failure reaches
/// the UI as an `AppError`.
pub fn ask(window: &Here, spec: FileDialog, then: impl FnOnce(&Here, PathBuf) + Send + 'static) {
    let dialog = native(&window.0, &spec);
    let handle = window.clone();
    let answered = move |file| match chosen(&handle.0, file, &spec.extension) {
        Ok(Some(path)) => then(&handle, path),
        Ok(None) => {}
        Err(e) => handle.report(e),
    };
    match spec.pick {
        Pick::File => dialog.pick_file(answered),
        Pick::SaveFile => dialog.save_file(answered),
        Pick::Folder => dialog.pick_folder(answered),
    }
}

/// A file chosen in the native open dialog, or null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_file(
    app: WebviewWindow,
    title: String,
    filter: String,
    extensions: Vec<String>,
) -> Result<Option<String>> {
    let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
    let dialog = FileDialog::open(&title, &filter, &extensions);
    worker(move || ask_blocking(&app, &dialog)).await
}

/// A path chosen in the native save dialog (the extension added when missing), or null.
#[tauri::command]
#[specta::specta]
pub async fn choose_save_file(
    app: WebviewWindow,
    title: String,
    file_name: String,
    filter: String,
    extension: String,
) -> Result<Option<String>> {
    let dialog = FileDialog::save(&title, &file_name, &filter, &extension);
    worker(move || ask_blocking(&app, &dialog)).await
}

/// A path for a new document from the native save dialog, opened in the user's documents
/// folder ("Untitled.topo", `.topo` added when missing); null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_new_document_path(app: WebviewWindow) -> Result<Option<String>> {
    let dialog = FileDialog::new_document();
    worker(move || ask_blocking(&app, &dialog)).await
}
