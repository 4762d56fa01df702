//! The paths the webview may name: only those the Rust side got from a native dialog itself
//! (or from its own recent list, the command line, the open document). A page that has been
//! made to run a script could otherwise read or overwrite any file the user can: commands that
//! take a path check it here first.

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
}

/// Grants `path` for the app's window (see [`Grants::grant`]).
pub fn grant(app: &tauri::AppHandle, path: &Path) {
    use tauri::Manager;
    if let Some(g) = app.try_state::<Grants>() {
        g.grant(path);
    }
}

/// Checks a path the window sent: granted, or one of the app's recent documents (the list the
/// Rust side keeps and the window shows).
pub fn check(app: &tauri::AppHandle, path: &str) -> Result<PathBuf, Error> {
    use tauri::Manager;
    let Some(g) = app.try_state::<Grants>() else {
        return Err(Error::new(ErrorCode::NotAllowed, "the app is starting"));
    };
    g.check(path).or_else(|e| {
        let recent = crate::actions::session(app)
            .recent()
            .iter()
            .any(|r| r.path == path);
        if recent {
            Ok(PathBuf::from(path))
        } else {
            Err(e)
        }
    })
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
}
