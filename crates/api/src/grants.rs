//! The paths the app's window may name: only those the Rust side got from a native dialog itself
//! (or from its own recent list, the command line, the open document). A page that has been
//! made to run a script could otherwise read or overwrite any file the user can: commands that
//! take a path check it here first.

use crate::RecentDocument;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use topograph_model::{Error, ErrorCode};

#[derive(Default)]
pub struct Grants {
    paths: Mutex<HashSet<PathBuf>>,
    /// End-to-end runs (a build with the `e2e` feature started with `TOPOGRAPH_E2E=1`, set at
    /// launch, never by the page) preset paths in place of the native dialogs WebDriver cannot
    /// drive. Always false in the product.
    open_to_tests: bool,
}

fn key(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Grants {
    pub fn new(open_to_tests: bool) -> Grants {
        Grants {
            paths: Mutex::default(),
            open_to_tests,
        }
    }

    /// Records a path the Rust side chose or knows (a dialog's answer, a recent document).
    pub fn grant(&self, path: &Path) {
        self.paths
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key(path));
    }

    /// The path, if it was granted; otherwise a `not-allowed` error naming it.
    pub fn check(&self, path: &str) -> Result<PathBuf, Error> {
        let p = PathBuf::from(path);
        if self.open_to_tests
            || self
                .paths
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&key(&p))
        {
            return Ok(p);
        }
        Err(Error::new(
            ErrorCode::NotAllowed,
            format!("{path}: this file was not chosen in one of Topograph's file dialogs"),
        ))
    }

    /// [`Grants::check`], or one of the app's `recent` documents (the list the Rust side keeps
    /// and the window shows; read only when the path was not granted).
    pub fn check_or_recent(
        &self,
        path: &str,
        recent: impl FnOnce() -> Vec<RecentDocument>,
    ) -> Result<PathBuf, Error> {
        self.check(path).or_else(|e| {
            if recent().iter().any(|r| r.path == path) {
                Ok(PathBuf::from(path))
            } else {
                Err(e)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_the_page_made_up_is_refused_and_a_chosen_one_allowed() {
        let g = Grants::new(false);
        let chosen = std::env::temp_dir().join("chosen.csv");
        g.grant(&chosen);
        assert!(g.check(chosen.to_str().unwrap()).is_ok());
        let e = g.check("/home/someone/.ssh/id_rsa").unwrap_err();
        assert_eq!(e.code, ErrorCode::NotAllowed);
        assert!(e.message.contains("file dialogs"), "{}", e.message);
        let sneaky = format!("{}/../{}/chosen.csv", std::env::temp_dir().display(), "x");
        assert!(g.check(&sneaky).is_err());
    }

    #[test]
    fn a_recent_document_counts_as_chosen_and_the_list_is_read_only_when_needed() {
        let g = Grants::new(false);
        let chosen = std::env::temp_dir().join("chosen.topo");
        g.grant(&chosen);
        let unread = || -> Vec<RecentDocument> { panic!("the recent list was read") };
        assert!(g.check_or_recent(chosen.to_str().unwrap(), unread).is_ok());
        let recent = || {
            vec![RecentDocument {
                name: "Plan".into(),
                path: "/d/Plan.topo".into(),
            }]
        };
        assert!(g.check_or_recent("/d/Plan.topo", recent).is_ok());
        let e = g.check_or_recent("/d/Other.topo", recent).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotAllowed);
    }
}
