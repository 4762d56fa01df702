//! File › New: the menu item asks the UI which kind of document to make (a blank org or a copy
//! of the sample); the UI then picks a path in a save dialog that opens in the user's
//! documents folder and creates the document through `new_document_from`, in a window of its own
//! when this one shows a document already.

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::WebviewWindow;
use tauri_specta::Event;
use topograph_api::session::NewTemplate;
use topograph_api::DocState;
use topograph_model::Error;

type Res<T> = Result<T, Error>;

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
    let dialog = topograph_desktop::dialog::FileDialog::new_document();
    crate::worker::worker(move || crate::dialogs::ask_blocking(&app, &dialog)).await
}

/// Creates a document at `path` (which must not exist yet), blank or holding the sample org,
/// and opens it: in this window when it shows nothing yet, else in a new one. Answers this
/// window's state.
#[tauri::command]
#[specta::specta]
pub async fn new_document_from(
    app: WebviewWindow,
    path: String,
    template: NewTemplate,
) -> Res<DocState> {
    let path = crate::grants::check(&app, &path)?;
    let create =
        move || topograph_api::actions::create(&crate::actions::Here(&app), &path, template);
    crate::worker::worker(create).await
}
