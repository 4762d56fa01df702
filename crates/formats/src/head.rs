//! What the import preview reads: the first part of a file, cut at a line end, instead of the
//! whole of it. The preview shows eight rows and the counts of what it read; reading a 500 MB
//! file whole to show that would take seconds and half a gigabyte (the full import still reads
//! it all, within [`crate::source::MAX_INPUT_BYTES`]).

use crate::{decode, Preview, Problem};
use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;
use std::io::Read;
use std::path::Path;
use topograph_model::{Error, ErrorCode, Result};

/// How much of a file the preview reads: above a 100k-person CSV (~20 MB), so every org
/// export the app is built for previews whole, and only larger files are previewed in part.
pub const PREVIEW_BYTES: u64 = 32 * 1024 * 1024;

/// The first part of a file.
#[derive(Debug, PartialEq)]
pub struct Head {
    /// Whole lines only (for YAML whole documents where it can): a record cut in half would
    /// show as a problem that is not in the file.
    pub bytes: Vec<u8>,
    /// Whether this is the whole file.
    pub whole: bool,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    let code = if e.kind() == std::io::ErrorKind::NotFound {
        ErrorCode::FileNotFound
    } else {
        ErrorCode::Io
    };
    Error::new(code, format!("{}: {e}", path.display()))
}

/// Reads at most [`PREVIEW_BYTES`] of a file (see [`head_of`]).
pub fn read_head(path: &Path) -> Result<Head> {
    let file = std::fs::File::open(path).map_err(|e| io(path, e))?;
    head_of(file, PREVIEW_BYTES).map_err(|e| io(path, e))
}

/// Reads at most `limit` bytes (one more to tell whether there is more), and when there is
/// more cuts what was read after its last complete line.
pub fn head_of(from: impl Read, limit: u64) -> std::io::Result<Head> {
    let mut bytes = Vec::new();
    from.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 <= limit {
        return Ok(Head { bytes, whole: true });
    }
    bytes.truncate(limit as usize);
    let cut = last_line_end(&bytes);
    bytes.truncate(cut);
    Ok(Head {
        bytes,
        whole: false,
    })
}

/// Where the last complete line ends: after its newline, in the file's own code units (a
/// UTF-16 newline is two bytes), and for YAML before the last `---` line that starts a
/// document, so no document is cut in half.
fn last_line_end(bytes: &[u8]) -> usize {
    let encoding = decode(&bytes[..bytes.len().min(512)]).encoding;
    let newline: &[u8] = match encoding {
        "UTF-16LE" => &[b'\n', 0],
        "UTF-16BE" => &[0, b'\n'],
        _ => b"\n",
    };
    let step = newline.len();
    let mut at = bytes.len() - bytes.len() % step;
    while at >= step {
        if &bytes[at - step..at] == newline {
            break;
        }
        at -= step;
    }
    if at < step {
        return 0;
    }
    if step == 1 {
        if let Some(doc) = find_last(&bytes[..at], b"\n---") {
            return doc + 1;
        }
    }
    at
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The counts of a JSON document without holding its records: each list is counted element by
/// element as it streams past, so a document of any size is counted in constant memory. Its
/// records are checked when it is imported.
pub fn count_json(path: &Path) -> Result<Preview> {
    #[derive(Deserialize)]
    struct Counted {
        format: Option<String>,
        #[serde(default)]
        scenarios: Vec<CountedScenario>,
    }
    #[derive(Deserialize)]
    struct CountedScenario {
        #[serde(default, deserialize_with = "count")]
        persons: usize,
        #[serde(default, deserialize_with = "count")]
        units: usize,
        #[serde(default, deserialize_with = "count")]
        memberships: usize,
        #[serde(default, deserialize_with = "count")]
        areas: usize,
        #[serde(default, deserialize_with = "count")]
        interactions: usize,
    }
    let file = std::fs::File::open(path).map_err(|e| io(path, e))?;
    // The full import's cap holds here too: the stream ends there (and the count fails).
    let reader = std::io::BufReader::new(file.take(crate::source::MAX_INPUT_BYTES));
    let mut preview = Preview {
        people: 0,
        units: 0,
        memberships: 0,
        areas: 0,
        interactions: 0,
        problems: Vec::new(),
    };
    let counted: std::result::Result<Counted, _> = serde_json::from_reader(reader);
    match counted {
        Ok(c) if c.format.as_deref() == Some(crate::json::FORMAT) => {
            for s in c.scenarios {
                preview.people += s.persons;
                preview.units += s.units;
                preview.memberships += s.memberships;
                preview.areas += s.areas;
                preview.interactions += s.interactions;
            }
        }
        Ok(_) => preview.problems.push(Problem::new(
            1,
            1,
            "not a Topograph JSON file: \"format\" is not \"topograph\"",
        )),
        Err(e) => preview.problems.push(Problem::new(
            e.line(),
            e.column(),
            format!("not a JSON document: {e}"),
        )),
    }
    Ok(preview)
}

fn count<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<usize, D::Error> {
    struct Counter;
    impl<'de> Visitor<'de> for Counter {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    d.deserialize_seq(Counter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A source that never ends and counts what was taken from it.
    struct Endless<'a> {
        line: &'a [u8],
        at: usize,
        read: &'a Cell<u64>,
    }

    impl Read for Endless<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            for b in buf.iter_mut() {
                *b = self.line[self.at % self.line.len()];
                self.at += 1;
            }
            self.read.set(self.read.get() + buf.len() as u64);
            Ok(buf.len())
        }
    }

    #[test]
    fn the_head_of_an_endless_csv_is_read_to_the_limit_and_cut_after_a_whole_line() {
        let read = Cell::new(0);
        let line = b"Ada Lovelace,ada@x.io,\n";
        let source = Endless {
            line,
            at: 0,
            read: &read,
        };
        let head = head_of(source, 1000).unwrap();
        assert!(!head.whole);
        assert!(read.get() <= 1000 + 64 * 1024, "read {} bytes", read.get());
        assert_eq!(head.bytes.len() % line.len(), 0, "whole lines only");
        assert_eq!(head.bytes.len(), 1000 / line.len() * line.len());
    }

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let head = head_of(&b"Name\nAda\nBo"[..], 11).unwrap();
        assert_eq!(
            head,
            Head {
                bytes: b"Name\nAda\nBo".to_vec(),
                whole: true
            }
        );
        let cut = head_of(&b"Name\nAda\nBo"[..], 10).unwrap();
        assert_eq!(cut.bytes, b"Name\nAda\n");
    }

    #[test]
    fn utf16_is_cut_at_a_whole_newline_and_yaml_before_the_last_document() {
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Name\nAda\nBo\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let head = head_of(&utf16[..], utf16.len() as u64 - 3).unwrap();
        assert_eq!(decode(&head.bytes).text, "Name\nAda\n");
        let yaml = b"kind: Group\nname: a\n---\nkind: Group\nname: b\n---\nkind: Gro";
        let head = head_of(&yaml[..], yaml.len() as u64 - 1).unwrap();
        assert_eq!(
            head.bytes,
            b"kind: Group\nname: a\n---\nkind: Group\nname: b\n"
        );
    }

    #[test]
    fn a_json_document_is_counted_without_keeping_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("org.json");
        std::fs::write(
            &path,
            r#"{"format":"topograph","version":1,"active_scenario":"A","scenarios":[
                {"name":"A","persons":[{"id":1},{"id":2}],"units":[{"x":[1,2]}]},
                {"name":"B","persons":[{"id":3}],"areas":[{}]}]}"#,
        )
        .unwrap();
        let p = count_json(&path).unwrap();
        assert_eq!((p.people, p.units, p.areas), (3, 1, 1));
        assert!(p.problems.is_empty());
        std::fs::write(&path, r#"{"format":"other","scenarios":[]}"#).unwrap();
        assert_eq!(count_json(&path).unwrap().problems.len(), 1);
        std::fs::write(
            &path,
            r#"{"format":"topograph","scenarios":[{"persons":[1,"#,
        )
        .unwrap();
        assert_eq!(count_json(&path).unwrap().problems.len(), 1);
    }
}
