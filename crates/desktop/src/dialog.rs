//! The native file dialogs the app opens, as data: what each asks for (title, the name offered,
//! the filter) and what it picks. The shell turns one into the platform's dialog, attached to the
//! window that asked, so the menu items and the commands that open the same dialog cannot differ.

use crate::EXTENSION;

/// What a dialog picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// An existing file.
    File,
    /// A file to write (the platform asks before replacing one).
    SaveFile,
    /// A folder (the Team API export writes one file per team into it).
    Folder,
}

/// A file dialog to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDialog {
    pub title: String,
    pub pick: Pick,
    /// The name a save dialog offers.
    pub file_name: Option<String>,
    /// The filter's name and the extensions it lets through (none for a folder).
    pub filter: Option<(String, Vec<String>)>,
    /// Added to a chosen name that has no extension (a save dialog's; `""` adds none).
    pub extension: String,
    /// Opens in the user's documents folder rather than where the platform last was.
    pub in_documents: bool,
}

impl FileDialog {
    /// A dialog that picks an existing file with one of `extensions`.
    pub fn open(title: &str, filter: &str, extensions: &[&str]) -> FileDialog {
        FileDialog {
            title: title.to_string(),
            pick: Pick::File,
            file_name: None,
            filter: Some(filter_of(filter, extensions)),
            extension: String::new(),
            in_documents: false,
        }
    }

    /// A save dialog offering `file_name`; `extension` is added to a name chosen without one.
    pub fn save(title: &str, file_name: &str, filter: &str, extension: &str) -> FileDialog {
        FileDialog {
            title: title.to_string(),
            pick: Pick::SaveFile,
            file_name: Some(file_name.to_string()),
            filter: Some(filter_of(filter, &[extension])),
            extension: extension.to_string(),
            in_documents: false,
        }
    }

    /// File › Open.
    pub fn open_document() -> FileDialog {
        FileDialog::open("Open a Topograph document", DOCUMENT, &[EXTENSION])
    }

    /// File › Save As…, offering `file_name` (topograph-api's `copy_name`).
    pub fn save_copy(file_name: &str) -> FileDialog {
        FileDialog::save("Save a copy as", file_name, DOCUMENT, EXTENSION)
    }

    /// File › New: where the new document goes, in the documents folder.
    pub fn new_document() -> FileDialog {
        FileDialog {
            in_documents: true,
            ..FileDialog::save("New document", "Untitled.topo", DOCUMENT, EXTENSION)
        }
    }

    /// File › Import…: any file the importers read.
    pub fn import() -> FileDialog {
        FileDialog::open(
            "Import people and teams",
            "CSV, JSON, Backstage or Team API",
            &["csv", "tsv", "txt", "json", "yaml", "yml"],
        )
    }

    /// A File › Export data item: a folder for one file per team (`per_team`), else a file named
    /// `file_name` with `extension`, filtered by the item's `id`.
    pub fn export_data(id: &str, file_name: &str, extension: &str, per_team: bool) -> FileDialog {
        if per_team {
            return FileDialog {
                title: EXPORT_DATA.to_string(),
                pick: Pick::Folder,
                file_name: None,
                filter: None,
                extension: extension.to_string(),
                in_documents: false,
            };
        }
        FileDialog::save(EXPORT_DATA, file_name, id, extension)
    }
}

const DOCUMENT: &str = "Topograph document";
const EXPORT_DATA: &str = "Export data";

fn filter_of(name: &str, extensions: &[&str]) -> (String, Vec<String>) {
    let extensions = extensions.iter().map(|e| e.to_string()).collect();
    (name.to_string(), extensions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_a_document_shows_only_topograph_documents_and_adds_no_extension() {
        let d = FileDialog::open_document();
        assert_eq!(d.pick, Pick::File);
        assert_eq!(d.filter, Some(filter_of(DOCUMENT, &["topo"])));
        assert_eq!(d.extension, "");
    }

    #[test]
    fn a_new_document_is_offered_as_untitled_in_the_documents_folder_and_gets_the_extension() {
        let d = FileDialog::new_document();
        assert_eq!(d.pick, Pick::SaveFile);
        assert_eq!(d.file_name.as_deref(), Some("Untitled.topo"));
        assert_eq!(d.extension, "topo");
        assert!(d.in_documents);
        assert!(!FileDialog::save_copy("Plan copy.topo").in_documents);
    }

    #[test]
    fn save_as_offers_the_copys_name_and_adds_the_document_extension() {
        let d = FileDialog::save_copy("Plan copy.topo");
        assert_eq!(d.title, "Save a copy as");
        assert_eq!(d.file_name.as_deref(), Some("Plan copy.topo"));
        assert_eq!(d.extension, "topo");
    }

    #[test]
    fn import_lets_through_every_format_the_importers_read() {
        let (_, extensions) = FileDialog::import().filter.unwrap();
        for e in ["csv", "tsv", "txt", "json", "yaml", "yml"] {
            assert!(extensions.iter().any(|x| x == e), "{e}");
        }
    }

    #[test]
    fn the_team_api_export_picks_a_folder_and_other_exports_a_named_file() {
        let folder = FileDialog::export_data("teamapi", "teamapi.", "", true);
        assert_eq!((folder.pick, folder.filter), (Pick::Folder, None));
        let csv = FileDialog::export_data("csv-people", "people.csv", "csv", false);
        assert_eq!(csv.pick, Pick::SaveFile);
        assert_eq!(csv.file_name.as_deref(), Some("people.csv"));
        assert_eq!(csv.filter, Some(filter_of("csv-people", &["csv"])));
    }
}
