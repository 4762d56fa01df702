//! One file in, whatever its format: telling the format from the name (and for YAML the
//! content), and reading it into [`Incoming`] records with their problems, for the app's
//! import dialog.

use crate::{backstage, csv, decode, teamapi, Incoming, Problem};
use serde::{Deserialize, Serialize};
use std::path::Path;
use topograph_model::FieldDefs;

/// The data formats Topograph reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Csv,
    Json,
    Backstage,
    Teamapi,
}

impl Format {
    /// Every format, in the order menus and help list them.
    pub const ALL: &'static [Format] = &[
        Format::Csv,
        Format::Json,
        Format::Backstage,
        Format::Teamapi,
    ];

    /// The spelling in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Backstage => "backstage",
            Format::Teamapi => "teamapi",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| {
                format!("'{s}' is not a data format; expected csv, json, backstage or teamapi")
            })
    }
}

/// The format of a file from its extension; YAML is a Team API file when it says
/// `format: team-api`, else a Backstage catalog. `None` when the extension says nothing.
pub fn guess(name: &str, bytes: &[u8]) -> Option<Format> {
    let ext = Path::new(name)
        .extension()
        .and_then(|x| x.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv" | "tsv" | "txt") => Some(Format::Csv),
        Some("json") => Some(Format::Json),
        Some("yaml" | "yml") => {
            let text = decode(bytes).text;
            let team_api = text.lines().any(|l| {
                let l = l.trim();
                l.starts_with("format:") && l.contains("team-api")
            });
            Some(if team_api {
                Format::Teamapi
            } else {
                Format::Backstage
            })
        }
        _ => None,
    }
}

/// A CSV file read far enough to show it: the table, the mapping used and the first rows.
pub struct CsvSample {
    pub table: csv::Table,
    pub mapping: csv::Mapping,
    /// The first rows' cells, trimmed, as the table gives them.
    pub rows: Vec<Vec<String>>,
}

/// Reads a CSV file and applies `mapping`, or the suggested one.
pub fn read_csv(
    bytes: &[u8],
    mapping: Option<csv::Mapping>,
    sample_rows: usize,
) -> Result<CsvSample, Problem> {
    read_csv_for(bytes, mapping, sample_rows, &FieldDefs::default())
}

/// [`read_csv`] for a document with field definitions: the mapping (given or suggested) says
/// in `fields` what each custom column becomes there.
pub fn read_csv_for(
    bytes: &[u8],
    mapping: Option<csv::Mapping>,
    sample_rows: usize,
    defs: &FieldDefs,
) -> Result<CsvSample, Problem> {
    let table = csv::Table::read(bytes)?;
    let mapping = match mapping {
        Some(m) => m.described(&table.headers, defs),
        None => csv::suggest_for(&table, defs),
    };
    let rows = (0..table.len().min(sample_rows))
        .map(|r| {
            (0..table.headers.len())
                .map(|c| table.cell(r, c).to_string())
                .collect()
        })
        .collect();
    Ok(CsvSample {
        table,
        mapping,
        rows,
    })
}

/// Reads one CSV, Backstage or Team API file into records (JSON documents bring whole
/// scenarios: see [`crate::json`]). `name` is what the undo label and problems call it.
pub fn read(
    name: &str,
    bytes: &[u8],
    format: Format,
    mapping: Option<csv::Mapping>,
) -> Result<Incoming, Problem> {
    read_for(name, bytes, format, mapping, &FieldDefs::default())
}

/// [`read`] for a document with field definitions: a CSV's custom columns that name a defined
/// field are checked by its type.
pub fn read_for(
    name: &str,
    bytes: &[u8],
    format: Format,
    mapping: Option<csv::Mapping>,
    defs: &FieldDefs,
) -> Result<Incoming, Problem> {
    let mut incoming = match format {
        Format::Csv => {
            let sample = read_csv_for(bytes, mapping, 0, defs)?;
            csv::plan_for(&sample.table, &sample.mapping, defs)
        }
        Format::Backstage => backstage::read(&[(name.to_string(), text(bytes))]),
        Format::Teamapi => teamapi::read(&[(name.to_string(), text(bytes))]),
        Format::Json => {
            return Err(Problem::new(
                1,
                1,
                "a JSON document brings whole scenarios; it is read with json::parse",
            ))
        }
    };
    incoming.source = Path::new(name)
        .file_name()
        .map_or(name.to_string(), |f| f.to_string_lossy().into_owned());
    Ok(incoming)
}

/// The largest input file read: far above any org export (a 100k-person CSV is ~20 MB), and
/// small enough that reading one can never exhaust the machine's memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// Reads an input file whole, refusing one larger than [`MAX_INPUT_BYTES`] before reading it
/// (and stopping there should it grow while read, or be a device that never ends).
pub fn read_bounded(path: &Path) -> topograph_model::Result<Vec<u8>> {
    use std::io::Read;
    use topograph_model::{Error, ErrorCode};
    let io = |e: std::io::Error| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::FileNotFound
        } else {
            ErrorCode::Io
        };
        Error::new(code, format!("{}: {e}", path.display()))
    };
    let too_large = || {
        Error::new(
            ErrorCode::InvalidValue,
            format!(
                "{}: the file is larger than {} MB, too large to be an org export",
                path.display(),
                MAX_INPUT_BYTES / (1024 * 1024)
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn text(bytes: &[u8]) -> String {
    decode(bytes).text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_format_is_spelled_alike_in_json_and_on_the_command_line() {
        for f in Format::ALL {
            assert_eq!(
                serde_json::to_string(f).unwrap(),
                format!("\"{}\"", f.as_str())
            );
            assert_eq!(f.as_str().parse::<Format>().unwrap(), *f);
        }
        for t in csv::export::Table::ALL {
            assert_eq!(
                serde_json::to_string(t).unwrap(),
                format!("\"{}\"", t.as_str())
            );
            assert_eq!(t.as_str().parse::<csv::export::Table>().unwrap(), *t);
        }
        assert!("xlsx".parse::<Format>().is_err());
    }

    #[test]
    fn a_file_over_the_input_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        let f = std::fs::File::create(&path).unwrap();
        // Sparse: the size is there, the bytes are not, so the test costs no disk.
        f.set_len(MAX_INPUT_BYTES + 1).unwrap();
        let e = read_bounded(&path).unwrap_err();
        assert_eq!(e.code, topograph_model::ErrorCode::InvalidValue);
        assert!(e.message.contains("too large"), "{}", e.message);
        std::fs::write(&path, b"Name\nAda\n").unwrap();
        assert_eq!(read_bounded(&path).unwrap(), b"Name\nAda\n");
    }

    #[test]
    fn the_format_comes_from_the_extension_and_yaml_from_its_content() {
        assert_eq!(guess("people.CSV", b""), Some(Format::Csv));
        assert_eq!(guess("org.json", b"{}"), Some(Format::Json));
        assert_eq!(
            guess("catalog.yaml", b"kind: Group\n"),
            Some(Format::Backstage)
        );
        assert_eq!(
            guess("team.yml", b"format: team-api\nname: x\n"),
            Some(Format::Teamapi)
        );
        assert_eq!(guess("people.xlsx", b""), None);
    }

    #[test]
    fn a_csv_is_read_with_the_suggested_mapping_and_its_first_rows_kept() {
        let bytes = b"Full Name,Work Email,Manager Email\nAda,ada@x.io,\nBo,bo@x.io,ada@x.io\nCy,cy@x.io,ada@x.io\n";
        let sample = read_csv(bytes, None, 2).unwrap();
        assert_eq!(
            sample.rows,
            [["Ada", "ada@x.io", ""], ["Bo", "bo@x.io", "ada@x.io"]]
        );
        assert_eq!(sample.mapping.target("Work Email"), csv::Target::Email);
        let inc = read("/tmp/people.csv", bytes, Format::Csv, None).unwrap();
        assert_eq!(inc.records.persons.len(), 3);
        assert_eq!(inc.label(), "Import people.csv");
    }
}
