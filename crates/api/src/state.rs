//! What the UI shows of the open document, as loaded once; later changes arrive as events.

use crate::Session;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::{Path, PathBuf};
use topograph_model::{Error, OrgRecords, Scenario, ScenarioId};

/// The open file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct DocumentInfo {
    /// The file name without its extension, as in the window title.
    pub name: String,
    pub path: String,
}

/// What Undo and Redo would do next ("Undo <label>").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct History {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// Everything the UI shows, as loaded once; later changes arrive as `DocChanged` events.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct DocState {
    /// `None` when no document is open.
    pub document: Option<DocumentInfo>,
    /// In scenario-bar order.
    pub scenarios: Vec<Scenario>,
    pub active_scenario: Option<ScenarioId>,
    pub records: OrgRecords,
    pub history: History,
    /// A failure the UI has not been told about yet (the document given at start-up would not
    /// open); reported once.
    pub problem: Option<Error>,
    /// The document's revision this state is at: every `DocChanged` event carries the revision
    /// it brings the UI to, so an event at or below this one is in this state already.
    pub revision: u32,
}

/// A recently opened document, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Type)]
pub struct RecentDocument {
    pub name: String,
    pub path: String,
}

/// What a window's chrome shows of its session: the title, what Undo and Redo would do, Open
/// Recent, whether a document is open (Save As…, Close) and its path (the window's remembered
/// place is that document's). Read under the session's lock, shown after it is let go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chrome {
    pub title: String,
    pub history: History,
    pub recent: Vec<RecentDocument>,
    pub open: bool,
    pub path: Option<PathBuf>,
}

impl Chrome {
    pub fn of(s: &Session) -> Chrome {
        Chrome {
            title: s.title(),
            history: s.history().unwrap_or_default(),
            recent: s.recent(),
            open: s.document().is_some(),
            path: s.document().and_then(|d| d.path()).map(Path::to_path_buf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Paths;

    #[test]
    fn the_chrome_follows_the_open_document_and_its_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(Paths::under(dir.path()));
        let none = Chrome::of(&s);
        assert_eq!(
            (none.open, none.path, none.history),
            (false, None, History::default())
        );
        let path = dir.path().join("Plan.topo");
        s.create(&path).unwrap();
        let chrome = Chrome::of(&s);
        assert!(chrome.open);
        assert_eq!(chrome.path.as_deref(), Some(path.as_path()));
        assert!(chrome.title.starts_with("Plan"), "{}", chrome.title);
        assert_eq!(chrome.recent[0].name, "Plan");
    }
}
