//! Imports of data files (CSV, Topograph JSON, Backstage, Team API): the draft the app's import
//! dialog shows before anything is written, and the run into a new document, a new scenario or
//! the open scenario.

use crate::Session;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use topograph_document::Document;
use topograph_formats::csv::Mapping;
use topograph_formats::json::DocumentFile;
use topograph_formats::source::{self, Format};
use topograph_formats::{apply, csv, head, json, Incoming, Preview, Problem, Summary};
use topograph_model::{Error, ErrorCode, FieldDefs, Result};

/// How many rows of a CSV the dialog previews.
const SAMPLE_ROWS: usize = 8;

/// Where a running import is, for the dialog's progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum ImportPhase {
    Reading,
    Writing,
}

/// A CSV as the mapping step shows it.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct CsvDraft {
    pub encoding: String,
    pub delimiter: String,
    pub headers: Vec<String>,
    /// The first rows, cell by cell.
    pub rows: Vec<Vec<String>>,
    #[specta(type = u32)]
    pub row_count: usize,
    /// The mapping the preview used: the one asked for, else the suggested one.
    pub mapping: Mapping,
}

/// What an import of a file would do, before anything is written.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct ImportDraft {
    pub path: String,
    pub format: Format,
    pub csv: Option<CsvDraft>,
    pub preview: Preview,
    /// The file is larger than the preview reads (`head::PREVIEW_BYTES`): the rows and counts
    /// are of its first part; the import reads it all.
    pub partial: bool,
}

/// Where the import goes.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ImportTarget {
    /// A new document at `path` (which must not exist), then opened.
    NewDocument { path: String },
    /// A new scenario of the open document, then opened.
    NewScenario { name: String },
    /// The open scenario: people matched by employee id, then email.
    Merge,
}

fn unreadable(p: Problem) -> Error {
    Error::new(ErrorCode::InvalidValue, p.to_string())
}

fn format_of(path: &Path, bytes: &[u8], asked: Option<Format>) -> Result<Format> {
    asked
        .or_else(|| source::guess(&path.to_string_lossy(), bytes))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                format!(
                    "cannot tell the format of {} from its extension; choose one",
                    path.display()
                ),
            )
        })
}

/// A Topograph JSON document read and checked, or the first problem found.
pub fn read_json(bytes: &[u8]) -> std::result::Result<DocumentFile, Problem> {
    json::parse(&topograph_formats::decode(bytes).text).and_then(|f| json::check(&f).map(|_| f))
}

/// How many people a JSON document holds, over all its scenarios.
pub fn json_people(file: &DocumentFile) -> usize {
    file.scenarios.iter().map(|s| s.persons.len()).sum()
}

/// The history label of a JSON import of the file at `path`.
pub fn json_label(path: &Path) -> String {
    format!(
        "Import {}",
        path.file_name()
            .map_or(String::new(), |f| f.to_string_lossy().into_owned())
    )
}

/// A saved column mapping (the JSON file `topograph import --mapping` takes).
pub fn load_mapping(path: &Path) -> Result<Mapping> {
    let bytes = source::read_bounded(path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("{}: the mapping is not UTF-8 text", path.display()),
        )
    })?;
    Mapping::from_json(&text)
        .map_err(|m| Error::new(ErrorCode::InvalidValue, format!("{}:{m}", path.display())))
}

/// Saves a column mapping for the next import (and for the command line).
pub fn save_mapping(path: &Path, mapping: &Mapping) -> Result<()> {
    std::fs::write(path, mapping.to_json() + "\n").map_err(|e| crate::io_error(path, e))
}

fn json_preview(file: std::result::Result<DocumentFile, Problem>) -> Preview {
    match file {
        Ok(f) => Preview {
            people: json_people(&f),
            units: f.scenarios.iter().map(|s| s.units.len()).sum(),
            memberships: f.scenarios.iter().map(|s| s.memberships.len()).sum(),
            areas: f.scenarios.iter().map(|s| s.areas.len()).sum(),
            interactions: f.scenarios.iter().map(|s| s.interactions.len()).sum(),
            problems: Vec::new(),
        },
        Err(p) => Preview {
            people: 0,
            units: 0,
            memberships: 0,
            areas: 0,
            interactions: 0,
            problems: vec![p],
        },
    }
}

/// Reads a file and tells what importing it would do (counts, problems by line and column,
/// for a CSV its columns, first rows and mapping). Writes nothing.
pub fn draft(path: &Path, format: Option<Format>, mapping: Option<Mapping>) -> Result<ImportDraft> {
    draft_for(path, format, mapping, &FieldDefs::default())
}

/// The field definitions an import into `target` checks custom values against: the open
/// document's, unless the import makes a new document.
pub fn fields_for(s: &Session, into_document: bool) -> Result<FieldDefs> {
    match s.document() {
        Some(d) if into_document => d.defined_fields(),
        _ => Ok(FieldDefs::default()),
    }
}

/// [`draft`] for an import into a document with the field definitions `defs`: a CSV's custom
/// columns that name a defined field are checked by its type, and the mapping says in `fields`
/// what each custom column becomes.
pub fn draft_for(
    path: &Path,
    format: Option<Format>,
    mapping: Option<Mapping>,
    defs: &FieldDefs,
) -> Result<ImportDraft> {
    // Only the head of the file: a preview of a huge file must not read (or hold) all of it.
    let head = head::read_head(path)?;
    let bytes = head.bytes;
    let format = format_of(path, &bytes, format)?;
    let name = path.display().to_string();
    let (csv, preview) = match format {
        // A JSON document cut short does not parse: count it as it streams instead.
        Format::Json if !head.whole => (None, head::count_json(path)?),
        Format::Json => (None, json_preview(read_json(&bytes))),
        Format::Csv => {
            let sample =
                source::read_csv_for(&bytes, mapping, SAMPLE_ROWS, defs).map_err(unreadable)?;
            let preview = csv::plan_for(&sample.table, &sample.mapping, defs).preview();
            let t = &sample.table;
            let delimiter = match t.delimiter {
                b'\t' => "tab".to_string(),
                d => (d as char).to_string(),
            };
            let draft = CsvDraft {
                encoding: t.encoding.to_string(),
                delimiter,
                headers: t.headers.clone(),
                row_count: t.len(),
                rows: sample.rows,
                mapping: sample.mapping,
            };
            (Some(draft), preview)
        }
        other => (
            None,
            source::read(&name, &bytes, other, None)
                .map_err(unreadable)?
                .preview(),
        ),
    };
    Ok(ImportDraft {
        path: name,
        format,
        csv,
        preview,
        partial: !head.whole && format != Format::Json,
    })
}

/// An import read (and, for a new document, written) and ready for its last step, the only
/// one that needs the open document: the app takes its session lock only for
/// [`Ready::apply`].
pub enum Ready {
    NewDocument(Box<Document>, Summary),
    NewScenario(Data, String),
    Merge(Box<Incoming>),
}

/// What a file brought.
pub enum Data {
    Records(Box<Incoming>),
    Json { file: DocumentFile, label: String },
}

/// Reads the file at `path` and prepares its import into `target`, telling `progress` when it
/// starts reading and writing. Nothing of the open document changes yet; a new document is
/// written.
pub fn prepare(
    path: &Path,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
    progress: &mut dyn FnMut(ImportPhase),
) -> Result<Ready> {
    prepare_for(
        path,
        format,
        mapping,
        target,
        &FieldDefs::default(),
        progress,
    )
}

/// [`prepare`] with the open document's field definitions (see [`fields_for`]), which a CSV's
/// custom values are checked against unless the import makes a new document.
pub fn prepare_for(
    path: &Path,
    format: Option<Format>,
    mapping: Option<Mapping>,
    target: ImportTarget,
    defs: &FieldDefs,
    progress: &mut dyn FnMut(ImportPhase),
) -> Result<Ready> {
    let none = FieldDefs::default();
    let defs = match target {
        ImportTarget::NewDocument { .. } => &none,
        _ => defs,
    };
    progress(ImportPhase::Reading);
    let bytes = source::read_bounded(path)?;
    let format = format_of(path, &bytes, format)?;
    let data = if format == Format::Json {
        Data::Json {
            file: read_json(&bytes).map_err(unreadable)?,
            label: json_label(path),
        }
    } else {
        let name = path.display().to_string();
        Data::Records(Box::new(
            source::read_for(&name, &bytes, format, mapping, defs).map_err(unreadable)?,
        ))
    };
    progress(ImportPhase::Writing);
    Ok(match (target, data) {
        (ImportTarget::NewDocument { path }, Data::Records(incoming)) => {
            let (doc, summary) = apply::new_document(Path::new(&path), "Current", *incoming)?;
            Ready::NewDocument(Box::new(doc), summary)
        }
        (ImportTarget::NewDocument { path }, Data::Json { file, label }) => {
            let doc = json::to_new_document(Path::new(&path), &file, &label)?;
            let names: Vec<String> = file.scenarios.iter().map(|s| s.name.clone()).collect();
            Ready::NewDocument(Box::new(doc), json_summary(&file, &names))
        }
        (ImportTarget::NewScenario { name }, data) => Ready::NewScenario(data, name),
        (ImportTarget::Merge, Data::Records(incoming)) => Ready::Merge(incoming),
        (ImportTarget::Merge, Data::Json { .. }) => {
            return Err(Error::new(
                ErrorCode::NotAllowed,
                "a JSON document brings its own scenarios: import it as a new document or as new scenarios",
            ))
        }
    })
}

fn json_summary(file: &DocumentFile, names: &[String]) -> Summary {
    Summary {
        scenario: names.join(", "),
        people_added: json_people(file),
        units_added: file.scenarios.iter().map(|s| s.units.len()).sum(),
        ..Summary::default()
    }
}

impl Ready {
    /// The last step: opens the new document, or writes into the open one. An error leaves the
    /// document as it was.
    pub fn apply(self, s: &mut Session) -> Result<Summary> {
        match self {
            Ready::NewDocument(doc, summary) => {
                s.adopt(*doc);
                Ok(summary)
            }
            Ready::NewScenario(Data::Records(incoming), name) => {
                s.with_document(|d| apply::new_scenario(d, &name, &incoming))
            }
            Ready::NewScenario(Data::Json { file, label }, _) => {
                let names = s.with_document(|d| json::add_scenarios(d, &file, &label))?;
                Ok(json_summary(&file, &names))
            }
            Ready::Merge(incoming) => s.with_document(|d| apply::merge(d, &incoming)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/import")
            .join(name)
    }

    #[test]
    fn a_csv_preview_shows_the_columns_the_first_rows_the_suggested_mapping_and_the_counts() {
        let d = draft(&fixture("workday.csv"), None, None).unwrap();
        assert_eq!(d.format, Format::Csv);
        let csv = d.csv.unwrap();
        assert_eq!(
            csv.headers[0], "Employee ID",
            "the byte order mark is not part of it"
        );
        assert_eq!(csv.rows[0][1], "Grace Hopper");
        let rows_in_file = std::fs::read_to_string(fixture("workday.csv"))
            .unwrap()
            .lines()
            .count()
            - 1;
        assert_eq!(csv.row_count, rows_in_file);
        assert!(d.preview.people > 0 && d.preview.people <= rows_in_file);
        assert_eq!(csv.mapping.target("Worker"), csv::Target::Name);
        assert!(d.preview.units > 0, "departments and teams become units");
    }

    #[test]
    fn a_csv_larger_than_the_preview_reads_is_previewed_from_its_first_part() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        let line = "Ada Lovelace,ada@x.io,\n";
        let rows = head::PREVIEW_BYTES as usize / line.len() + 1000;
        std::fs::write(&path, format!("Name,Email,Manager\n{}", line.repeat(rows))).unwrap();
        let d = draft(&path, None, None).unwrap();
        assert!(d.partial);
        let csv = d.csv.unwrap();
        assert!(csv.row_count < rows, "{} of {rows}", csv.row_count);
        assert!(csv.row_count > rows - 2000, "{} of {rows}", csv.row_count);
        assert_eq!(csv.rows[0], ["Ada Lovelace", "ada@x.io", ""]);
        let small = draft(&fixture("workday.csv"), None, None).unwrap();
        assert!(!small.partial);
    }

    #[test]
    fn a_mapping_given_to_the_preview_is_the_one_it_uses() {
        let mapping = load_mapping(&fixture("mapping-gusto.json")).unwrap();
        let d = draft(&fixture("gusto.csv"), None, Some(mapping.clone())).unwrap();
        let used = d.csv.unwrap().mapping;
        assert_eq!(used.columns, mapping.columns);
        assert_eq!((used.dates, used.decimal), (mapping.dates, mapping.decimal));
    }

    #[test]
    fn a_yaml_catalog_previews_without_columns_and_an_unknown_extension_asks_for_a_format() {
        let d = draft(&fixture("backstage/org.yaml"), None, None).unwrap();
        assert_eq!(d.format, Format::Backstage);
        assert!(d.csv.is_none());
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("people.xlsx");
        std::fs::write(&odd, b"x").unwrap();
        assert_eq!(
            draft(&odd, None, None).unwrap_err().code,
            ErrorCode::InvalidValue
        );
    }

    #[test]
    fn a_csv_imported_as_a_new_document_reads_then_writes_and_opens_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut session = Session::new(crate::Paths::under(dir.path()));
        let target = dir.path().join("Imported.topo");
        let mut phases = Vec::new();
        let ready = prepare(
            &fixture("workday.csv"),
            None,
            None,
            ImportTarget::NewDocument {
                path: target.display().to_string(),
            },
            &mut |p| phases.push(p),
        )
        .unwrap();
        assert_eq!(phases, [ImportPhase::Reading, ImportPhase::Writing]);
        let summary = ready.apply(&mut session).unwrap();
        assert!(summary.people_added > 0);
        let doc = session.document().expect("the new document is open");
        assert_eq!(doc.org().persons().count(), summary.people_added);
    }

    #[test]
    fn a_json_document_is_not_merged_into_the_open_scenario() {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document::create_with(
            &dir.path().join("Sample.topo"),
            "Current",
            &topograph_sample::sample(),
        )
        .unwrap();
        let file = dir.path().join("sample.json");
        std::fs::write(&file, json::export(&doc).unwrap()).unwrap();
        let e = prepare(&file, None, None, ImportTarget::Merge, &mut |_| {})
            .err()
            .expect("refused");
        assert_eq!(e.code, ErrorCode::NotAllowed);
    }
}
