//! The desktop app's command line: `topograph-app [--data-dir DIR] [DOCUMENT]`.

use crate::{Paths, Session};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable that points the app at a folder for its data and settings (tests).
pub const DATA_DIR_ENV: &str = "TOPOGRAPH_DATA_DIR";

/// What the command line asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// A document to open instead of the last one.
    pub document: Option<PathBuf>,
    /// A folder for the app's data and settings instead of the platform's.
    pub data_dir: Option<PathBuf>,
}

impl Args {
    /// `topograph-app [--data-dir DIR] [DOCUMENT]`; flags it does not know are ignored
    /// (desktop environments add their own).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Args {
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            if a == "--data-dir" {
                out.data_dir = args.next().map(PathBuf::from);
            } else if let Some(dir) = a.strip_prefix("--data-dir=") {
                out.data_dir = Some(PathBuf::from(dir));
            } else if !a.starts_with('-') && out.document.is_none() {
                out.document = Some(PathBuf::from(a));
            }
        }
        out
    }

    /// The folder for the app's data and settings: `--data-dir`, else `TOPOGRAPH_DATA_DIR`; none
    /// for the platform's folders.
    pub fn chosen_data_dir(&self) -> Option<PathBuf> {
        self.data_dir_or(std::env::var_os(DATA_DIR_ENV))
    }

    fn data_dir_or(&self, env: Option<OsString>) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| env.map(PathBuf::from))
    }

    /// Where the app keeps its data and settings: everything under the folder chosen
    /// ([`Args::chosen_data_dir`]), else the platform's data folder and `settings.json` in its
    /// config folder, which `platform` reads (data, config) only then.
    pub fn paths<E>(
        &self,
        platform: impl FnOnce() -> Result<(PathBuf, PathBuf), E>,
    ) -> Result<Paths, E> {
        paths_in(self.chosen_data_dir(), platform)
    }
}

fn paths_in<E>(
    chosen: Option<PathBuf>,
    platform: impl FnOnce() -> Result<(PathBuf, PathBuf), E>,
) -> Result<Paths, E> {
    if let Some(dir) = chosen {
        return Ok(Paths::under(&dir));
    }
    let (data_dir, config_dir) = platform()?;
    Ok(Paths {
        data_dir,
        settings_file: config_dir.join("settings.json"),
    })
}

/// Loads what the app's first window shows ([`Session::start`]: the document `requested` on the
/// command line, the last one or the sample), timed as `load` for the end-to-end figures.
pub fn start_first(s: &mut Session, requested: Option<&Path>) {
    crate::trace::timed("load", "opened", || s.start(requested));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_start_opens_the_sample_and_a_document_that_will_not_open_is_kept_as_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(crate::Paths::under(dir.path()));
        start_first(&mut s, None);
        assert!(s.document().is_some(), "the sample");
        let mut s = Session::new(crate::Paths::under(dir.path()));
        start_first(&mut s, Some(&dir.path().join("missing.topo")));
        assert!(s.document().is_none());
        assert!(s.state().unwrap().problem.is_some(), "the UI is told why");
    }

    #[test]
    fn a_chosen_folder_holds_everything_else_the_platforms_folders_are_asked_for() {
        let unasked = || -> Result<(PathBuf, PathBuf), ()> { panic!("the platform was asked") };
        let chosen = paths_in(Some("/d".into()), unasked).unwrap();
        assert_eq!(chosen, Paths::under(Path::new("/d")));
        let platform = || Ok::<_, ()>(("/data".into(), "/config".into()));
        let paths = paths_in(None, platform).unwrap();
        assert_eq!(paths.data_dir, Path::new("/data"));
        assert_eq!(paths.settings_file, Path::new("/config/settings.json"));
        assert_eq!(
            paths_in(None, || Err::<(PathBuf, PathBuf), _>("no home")),
            Err("no home")
        );
    }

    #[test]
    fn arguments_name_a_document_and_a_data_folder() {
        let parse = |a: &[&str]| Args::parse(a.iter().map(|s| s.to_string()));
        assert_eq!(parse(&[]), Args::default());
        assert_eq!(
            parse(&["--data-dir", "/tmp/d", "org.topo"]),
            Args {
                document: Some("org.topo".into()),
                data_dir: Some("/tmp/d".into()),
            }
        );
        assert_eq!(
            parse(&["-psn_0_123", "--data-dir=/x", "a.topo", "b.topo"]),
            Args {
                document: Some("a.topo".into()),
                data_dir: Some("/x".into()),
            }
        );
    }

    #[test]
    fn the_data_folder_flag_wins_over_the_environment_which_wins_over_the_platform() {
        let flag = Args {
            data_dir: Some("/flag".into()),
            ..Args::default()
        };
        let env = Some(OsString::from("/env"));
        assert_eq!(flag.data_dir_or(env.clone()), Some("/flag".into()));
        assert_eq!(Args::default().data_dir_or(env), Some("/env".into()));
        assert_eq!(Args::default().data_dir_or(None), None);
    }
}
