//! A problem found while reading a file: where it is and what is wrong, in words for people.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem, shown as `LINE:COLUMN: reason` (with `file:` in front when an import reads
/// several files). Lines and columns count from 1; a problem about a whole file is at 1:1.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    pub file: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub line: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub column: usize,
    /// What is wrong and what the import does about it ("...; imported without a manager").
    pub reason: String,
}

impl Problem {
    pub fn new(line: usize, column: usize, reason: impl Into<String>) -> Problem {
        Problem {
            file: None,
            line: line.max(1),
            column: column.max(1),
            reason: reason.into(),
        }
    }

    /// The same problem, said to be in `file`.
    pub fn in_file(mut self, file: impl Into<String>) -> Problem {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
        }
        write!(f, "{}:{}: {}", self.line, self.column, self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_reads_line_colon_column_colon_reason() {
        assert_eq!(Problem::new(3, 7, "bad date").to_string(), "3:7: bad date");
        assert_eq!(
            Problem::new(0, 0, "empty").in_file("a.yaml").to_string(),
            "a.yaml:1:1: empty"
        );
    }
}
