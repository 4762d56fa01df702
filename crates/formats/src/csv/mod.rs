//! CSV import of people, reporting lines and teams from HR exports, and CSV export.
//!
//! Reading goes in three steps so a UI can show each: [`Table::read`] decodes the bytes and
//! splits rows; [`suggest`] proposes a [`Mapping`] from the headers (and the file's dates);
//! [`plan`] applies a mapping and returns the [`Incoming`](crate::Incoming) records with every
//! problem found ([`suggest_for`] and [`plan_for`] with the target document's field
//! definitions: custom columns that name a defined field are checked by its type). Nothing is written until the caller hands the plan to [`crate::apply`].

mod dates;
pub mod export;
pub mod guard;
mod mapping;
mod numbers;
mod resolve;
mod rows;
mod sniff;

pub use dates::DateOrder;
pub use mapping::{
    defined_field, normalise, suggest, suggest_for, suggest_header, CustomColumn, DecimalMark,
    Mapping, Target,
};
pub use resolve::{plan, plan_for};

use crate::text::decode;
use crate::Problem;

/// A decoded CSV file: its header and rows, each row with the line it starts on.
#[derive(Clone, Debug)]
pub struct Table {
    /// The encoding it was read in ("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252").
    pub encoding: &'static str,
    pub delimiter: u8,
    pub headers: Vec<String>,
    /// Every cell of every row, trimmed, back to back in one buffer: one allocation instead of
    /// two per row (a 100k-row file spent a tenth of its import in malloc and free for them).
    text: String,
    /// Where each cell ends in `text`; a cell starts where the one before it ends.
    ends: Vec<usize>,
    /// Row `r`'s cells are `ends[starts[r]..starts[r + 1]]`.
    starts: Vec<usize>,
    lines: Vec<usize>,
}

impl Table {
    /// Decodes and splits a CSV file. Fails only when there is no header row at all.
    pub fn read(bytes: &[u8]) -> Result<Table, Problem> {
        let decoded = decode(bytes);
        let text = decoded.text.as_ref();
        let delimiter = sniff::delimiter(text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut headers = None;
        let mut cells = String::with_capacity(text.len());
        let mut ends = Vec::new();
        let mut starts = vec![0];
        let mut lines = Vec::new();
        let mut record = csv::StringRecord::new();
        // The csv crate's own line numbers drift after blank lines, so lines are counted here
        // from byte offsets (a record's offset may point at the blank lines before it).
        let bytes = text.as_bytes();
        let (mut counted_to, mut counted_line) = (0usize, 1usize);
        let mut line_at = |offset: usize| {
            let mut start = offset.min(bytes.len());
            while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
                start += 1;
            }
            if start >= counted_to {
                counted_line += bytes[counted_to..start]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted_to = start;
            }
            counted_line
        };
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map_or(1, |p| line_at(p.byte() as usize));
                    return Err(Problem::new(
                        line,
                        1,
                        format!("the file cannot be read as CSV: {e}"),
                    ));
                }
            }
            let line = record.position().map_or(1, |p| line_at(p.byte() as usize));
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if headers.is_none() {
                headers = Some(record.iter().map(|h| h.trim().to_string()).collect());
            } else {
                for f in record.iter() {
                    cells.push_str(guard::restore(f.trim()));
                    ends.push(cells.len());
                }
                starts.push(ends.len());
                lines.push(line);
            }
        }
        let headers =
            headers.ok_or_else(|| Problem::new(1, 1, "the file is empty: no header row"))?;
        Ok(Table {
            encoding: decoded.encoding,
            delimiter,
            headers,
            text: cells,
            ends,
            starts,
            lines,
        })
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line a row starts on (the header is line 1 unless blank lines come first).
    pub fn line(&self, row: usize) -> usize {
        self.lines[row]
    }

    /// One cell, trimmed; missing cells of short rows are empty.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        let (first, past) = (self.starts[row], self.starts[row + 1]);
        if col >= past - first {
            return "";
        }
        let i = first + col;
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[from..self.ends[i]]
    }

    /// Every cell of a column, trimmed.
    pub fn column(&self, col: usize) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(move |row| self.cell(row, col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_their_newlines_and_delimiters_and_rows_keep_their_lines() {
        let t = Table::read(b"Name,Note\n\"Lee, Ada\",\"two\nlines\"\nBo,x\n").unwrap();
        assert_eq!(t.headers, ["Name", "Note"]);
        assert_eq!(t.len(), 2);
        assert_eq!(t.cell(0, 0), "Lee, Ada");
        assert_eq!(t.cell(0, 1), "two\nlines");
        assert_eq!(t.line(0), 2);
        assert_eq!(t.line(1), 4);
        assert_eq!(t.cell(1, 5), "");
    }

    #[test]
    fn blank_lines_are_skipped_and_an_empty_file_has_no_header() {
        let t = Table::read(b"\n\nName\n\nAda\n").unwrap();
        assert_eq!(t.headers, ["Name"]);
        assert_eq!(t.len(), 1);
        assert_eq!(t.line(0), 5);
        assert!(Table::read(b"").is_err());
        assert!(Table::read(b"\n \n").is_err());
    }
}
