use std::path::{Path, PathBuf};

/// The extension of a Topograph document.
pub const EXTENSION: &str = "topo";

/// Which of the files the OS handed over (dropped on the window, named on a second launch, sent by
/// macOS's "open document") the app should open: the first Topograph document. Other files are not
/// documents (a CSV goes through File › Import…, which maps its columns).
pub fn document_among(paths: &[PathBuf]) -> Option<&Path> {
    paths.iter().map(PathBuf::as_path).find(|p| is_document(p))
}

pub fn is_document(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_topograph_document_among_the_files_is_the_one_opened() {
        let paths: Vec<PathBuf> = ["/in/people.csv", "/in/Plan.TOPO", "/in/other.topo"]
            .iter()
            .map(PathBuf::from)
            .collect();
        assert_eq!(document_among(&paths), Some(Path::new("/in/Plan.TOPO")));
    }

    #[test]
    fn files_that_are_not_documents_open_nothing() {
        let paths = vec![PathBuf::from("/in/people.csv"), PathBuf::from("/in/topo")];
        assert_eq!(document_among(&paths), None);
        assert_eq!(document_among(&[]), None);
    }
}
