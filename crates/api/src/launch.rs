//! The desktop app's command line: `topograph-app [--data-dir DIR] [DOCUMENT]`.

use std::path::PathBuf;

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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
