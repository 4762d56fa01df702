//! What the desktop app and the command line both do, as plain functions with typed input and
//! output and the core's `{code, message}` errors, and no Tauri: the session (the open document,
//! its undo state, scenario switching), imports (draft, preview, run), exports (diagrams and
//! data files) and the answers the UI needs. `src-tauri` wraps each in a command of a few lines;
//! `topograph` (crates/cli) calls the same functions, so the two cannot drift apart.

pub mod actions;
pub mod as_of;
pub mod chart_frame;
pub mod compare;
pub mod data;
pub mod diagram;
pub mod grants;
pub mod import;
pub mod launch;
pub mod map_fold;
pub mod painting;
pub mod plan;
pub mod preferences;
pub mod routes;
pub mod session;
pub mod sessions;
pub mod sheet;
mod state;
pub mod switch;
pub mod trace;
mod versions;
pub mod views;

pub use session::{document_name, Edit, Paths, Session};
pub use sessions::{Placement, Sessions};
pub use state::{Chrome, DocState, DocumentInfo, History, RecentDocument};

use std::path::{Path, PathBuf};
use topograph_document::Document;
use topograph_model::{Error, ErrorCode, Org, Result};

/// A failed read or write of `path`, with `file_not_found` when it does not exist.
pub fn io_error(path: &Path, e: std::io::Error) -> Error {
    let code = if e.kind() == std::io::ErrorKind::NotFound {
        ErrorCode::FileNotFound
    } else {
        ErrorCode::Io
    };
    Error::new(code, format!("{}: {e}", path.display()))
}

/// The name Save As… offers: "<name> copy.topo" for a document at `path`, else "Untitled.topo".
pub fn copy_name(path: Option<&Path>) -> String {
    path.map(|p| format!("{} copy.topo", document_name(p)))
        .unwrap_or_else(|| "Untitled.topo".into())
}

/// `path` with `extension` added when it has none (a save dialog's answer; `""` adds none).
pub fn with_extension(mut path: PathBuf, extension: &str) -> PathBuf {
    if !extension.is_empty() && path.extension().is_none() {
        path.set_extension(extension);
    }
    path
}

/// The org of the scenario called `name`, or of the open one; the document's open scenario is
/// not changed.
pub fn scenario_org(doc: &Document, name: Option<&str>) -> Result<Org> {
    match name {
        None => Ok(doc.org().clone()),
        Some(n) => {
            let s = doc.scenario_by_name(n).ok_or_else(|| {
                Error::new(
                    ErrorCode::NotFound,
                    format!("there is no scenario called '{n}'"),
                )
            })?;
            doc.load_scenario(s.id)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_chosen_path_gets_the_extension_only_when_it_has_none() {
        let ext = |p: &str, e: &str| super::with_extension(p.into(), e).display().to_string();
        assert_eq!(ext("/d/Plan", "topo"), "/d/Plan.topo");
        assert_eq!(ext("/d/Plan.csv", "topo"), "/d/Plan.csv");
        assert_eq!(ext("/d/teams", ""), "/d/teams");
    }

    #[test]
    fn save_as_offers_a_copy_named_for_the_document_or_untitled_without_one() {
        let path = std::path::Path::new("/d/Org plan.topo");
        assert_eq!(super::copy_name(Some(path)), "Org plan copy.topo");
        assert_eq!(super::copy_name(None), "Untitled.topo");
    }
}
