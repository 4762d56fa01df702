//! File › New: the menu item asks the UI which kind of document to make (a blank org or a copy
//! of the sample); the UI then picks a path in a save dialog that opens in the user's
//! documents folder and creates the document through `new_document_from`.

use crate::actions;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::PathBuf;
use tauri::{Manager, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use tauri_specta::Event;
use topograph_api::DocState;
use topograph_model::{Error, ErrorCode};

type Res<T> = Result<T, Error>;

/// What File › New starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum NewTemplate {
    /// An empty org with one scenario, "Current".
    Blank,
    /// The sample product organisation, to explore or to start from.
    Sample,
}

/// File › New was chosen: the UI asks what to start from.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct NewRequested {
    /// Set when the caller knows already; the UI then skips the question.
    pub template: Option<NewTemplate>,
}

/// Answers File › New.
pub fn on_menu(app: &WebviewWindow) {
    let _ = NewRequested { template: None }.emit_to(app, app.label());
}

/// A path for a new document from the native save dialog, opened in the user's documents
/// folder ("Untitled.topo", `.topo` added when missing); null when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_new_document_path(app: WebviewWindow) -> Res<Option<String>> {
    crate::worker::worker(move || {
        let mut dialog = app
            .dialog()
            .file()
            .set_title("New document")
            .set_file_name("Untitled.topo")
            .add_filter("Topograph document", &["topo"]);
        if let Ok(dir) = app.path().document_dir() {
            dialog = dialog.set_directory(dir);
        }
        match dialog.blocking_save_file() {
            None => Ok(None),
            Some(f) => {
                let mut p: PathBuf = f
                    .into_path()
                    .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
                if p.extension().is_none() {
                    p.set_extension("topo");
                }
                crate::grants::grant(&app, &p);
                Ok(Some(p.display().to_string()))
            }
        }
    })
    .await
}

/// Creates a document at `path` (which must not exist yet), blank or holding the sample org,
/// and opens it.
#[tauri::command]
#[specta::specta]
pub async fn new_document_from(
    app: WebviewWindow,
    path: String,
    template: NewTemplate,
) -> Res<DocState> {
    let path = crate::grants::check(&app, &path)?;
    match template {
        NewTemplate::Blank => actions::create(&app, &path),
        NewTemplate::Sample => actions::create_sample(&app, &path),
    }
}
