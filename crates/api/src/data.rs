//! Data export: the open (or a named) scenario as CSV, a Backstage catalog or Team API files,
//! or the whole document as Topograph JSON. The document is not changed.

use crate::io_error;
use crate::Session;
use std::path::Path;
use topograph_document::Document;
use topograph_formats::csv::export::Table;
use topograph_formats::source::Format;
use topograph_formats::{backstage, csv, json, teamapi};
use topograph_model::{Error, ErrorCode, Org, Result};

/// What a data export writes.
pub enum DataFiles {
    /// One file's text.
    One(String),
    /// One Team API file per team, as (file name, text), for a folder.
    PerTeam(Vec<(String, String)>),
}

/// One item of the app's File › Export data menu.
pub struct MenuItem {
    /// The item's id after the menu's prefix; also the file's name without extension, with
    /// `csv-` left out.
    pub id: &'static str,
    pub text: &'static str,
    pub format: Format,
    pub table: Table,
    /// The file's extension; empty for the Team API, which writes a folder.
    pub extension: &'static str,
}

impl MenuItem {
    /// The item called `id`.
    pub fn find(id: &str) -> Option<&'static MenuItem> {
        MENU.iter().find(|i| i.id == id)
    }

    /// The name the save dialog offers: the id without `csv-`, with the extension.
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.id.trim_start_matches("csv-"), self.extension)
    }
}

/// File › Export data, in menu order.
pub const MENU: [MenuItem; 6] = [
    item(
        "json",
        "Topograph JSON (whole document)…",
        Format::Json,
        Table::People,
        "json",
    ),
    item(
        "csv-people",
        "People as CSV…",
        Format::Csv,
        Table::People,
        "csv",
    ),
    item(
        "csv-units",
        "Units as CSV…",
        Format::Csv,
        Table::Units,
        "csv",
    ),
    item(
        "csv-ownership",
        "Ownership as CSV…",
        Format::Csv,
        Table::Ownership,
        "csv",
    ),
    item(
        "backstage",
        "Backstage catalog (YAML)…",
        Format::Backstage,
        Table::People,
        "yaml",
    ),
    item(
        "teamapi",
        "Team API files (a folder)…",
        Format::Teamapi,
        Table::People,
        "",
    ),
];

const fn item(
    id: &'static str,
    text: &'static str,
    format: Format,
    table: Table,
    extension: &'static str,
) -> MenuItem {
    MenuItem {
        id,
        text,
        format,
        table,
        extension,
    }
}

/// `org` (a scenario of `doc`) as `format`; JSON holds every scenario of `doc`. `table` says
/// which CSV table.
pub fn export(doc: &Document, org: &Org, format: Format, table: Table) -> Result<DataFiles> {
    Ok(match format {
        Format::Json => DataFiles::One(json::export(doc)?),
        Format::Csv => DataFiles::One(csv::export::write_with(org, table, &doc.defined_fields()?)),
        Format::Backstage => DataFiles::One(backstage::export(org)),
        Format::Teamapi => DataFiles::PerTeam(teamapi::export(org)),
    })
}

/// The open scenario of session `s` as `format`, on the as-of date every view shows (JSON is the
/// whole document, dates and all).
pub fn export_open(s: &Session, format: Format, table: Table) -> Result<DataFiles> {
    let org = s.org_copy()?;
    let doc = s
        .document()
        .ok_or_else(|| Error::new(ErrorCode::NotAllowed, "no document is open to export"))?;
    export(doc, &org, format, table)
}

/// Writes one file per team into the folder `dir`, made if missing.
pub fn write_folder(dir: &Path, files: &[(String, String)]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    for (name, text) in files {
        let file = dir.join(name);
        std::fs::write(&file, text).map_err(|e| io_error(&file, e))?;
    }
    Ok(())
}

/// Writes an export to `path`: a file, or for the Team API a folder.
pub fn write(path: &Path, files: &DataFiles) -> Result<()> {
    match files {
        DataFiles::One(text) => std::fs::write(path, text).map_err(|e| io_error(path, e)),
        DataFiles::PerTeam(files) => write_folder(path, files),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_scenario_exports_and_with_no_document_open_the_export_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(crate::Paths::under(dir.path()));
        let e = export_open(&s, Format::Csv, Table::People).err().unwrap();
        assert_eq!(e.code, ErrorCode::NotAllowed);
        let path = dir.path().join("Sample.topo");
        s.create_from(&path, crate::session::NewTemplate::Sample)
            .unwrap();
        let Ok(DataFiles::One(csv)) = export_open(&s, Format::Csv, Table::People) else {
            panic!("one CSV file");
        };
        let first = s.org_copy().unwrap().persons().next().unwrap().name.clone();
        assert!(csv.contains(&first), "{first} is in the people CSV");
    }

    #[test]
    fn each_export_data_item_is_found_by_its_id_and_offers_a_file_named_for_it() {
        let people = MenuItem::find("csv-people").unwrap();
        assert_eq!(
            (people.format, people.file_name()),
            (Format::Csv, "people.csv".into())
        );
        assert_eq!(
            MenuItem::find("backstage").unwrap().file_name(),
            "backstage.yaml"
        );
        assert!(MenuItem::find("pdf").is_none());
        for item in &MENU {
            assert_eq!(MenuItem::find(item.id).map(|i| i.text), Some(item.text));
        }
    }

    #[test]
    fn team_api_files_go_one_per_team_into_a_folder_and_csv_into_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let doc_path = dir.path().join("Sample.topo");
        let doc = Document::create_with(&doc_path, "Current", &topograph_sample::sample()).unwrap();
        let teams = export(&doc, doc.org(), Format::Teamapi, Table::People).unwrap();
        let folder = dir.path().join("teams");
        write(&folder, &teams).unwrap();
        let DataFiles::PerTeam(files) = teams else {
            panic!("the Team API writes a file per team");
        };
        assert!(!files.is_empty());
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), files.len());

        let people = export(&doc, doc.org(), Format::Csv, Table::People).unwrap();
        let file = dir.path().join("people.csv");
        write(&file, &people).unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text.lines().count(), doc.org().persons().count() + 1);
    }
}
