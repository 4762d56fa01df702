//! The one error type of the core: a stable machine-readable code and a message for people.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable error codes. UIs and scripts branch on these; never rename one, only add.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// An id that names nothing in the scenario.
    NotFound,
    /// The change would create a loop in reporting lines, units or areas.
    Cycle,
    /// Someone would manage themselves, or a unit/area would contain itself.
    SelfReference,
    /// A required name or title is empty.
    NameRequired,
    /// A value is out of its allowed range or badly formed (dates, colours, allocations...).
    InvalidValue,
    /// The thing exists already (a duplicate membership, employee id, scenario name...).
    Duplicate,
    /// A person with reports is deleted without saying where the reports go.
    HasReports,
    /// The last scenario of a document cannot be deleted.
    LastScenario,
    /// An operation that cannot appear where it was used (a scenario op inside a batch...).
    NotAllowed,
    /// Nothing to undo or redo.
    NothingToUndo,
    NothingToRedo,
    /// The logged history no longer matches the document (changed outside Topograph).
    Conflict,
    /// The file does not exist.
    FileNotFound,
    /// The file exists already (for commands that create one).
    FileExists,
    /// The file is not a Topograph document.
    NotADocument,
    /// The file is a damaged Topograph document.
    Corrupt,
    /// The document was written by a newer version of Topograph.
    NewerVersion,
    /// Another process has the document open.
    InUse,
    /// Reading or writing failed.
    Io,
    /// The database failed in a way none of the codes above describes.
    Database,
    /// Topograph itself failed (a worker thread of the app stopped): a bug, not the input.
    Internal,
}

impl ErrorCode {
    /// The stable spelling, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::Cycle => "cycle",
            ErrorCode::SelfReference => "self_reference",
            ErrorCode::NameRequired => "name_required",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::Duplicate => "duplicate",
            ErrorCode::HasReports => "has_reports",
            ErrorCode::LastScenario => "last_scenario",
            ErrorCode::NotAllowed => "not_allowed",
            ErrorCode::NothingToUndo => "nothing_to_undo",
            ErrorCode::NothingToRedo => "nothing_to_redo",
            ErrorCode::Conflict => "conflict",
            ErrorCode::FileNotFound => "file_not_found",
            ErrorCode::FileExists => "file_exists",
            ErrorCode::NotADocument => "not_a_document",
            ErrorCode::Corrupt => "corrupt",
            ErrorCode::NewerVersion => "newer_version",
            ErrorCode::InUse => "in_use",
            ErrorCode::Io => "io",
            ErrorCode::Database => "database",
            ErrorCode::Internal => "internal",
        }
    }
}

/// An error with a stable code and a message that names the thing and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    /// The input field at fault (`end_date`, `currency`...), so a form can mark it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// An error about one input field.
    pub fn in_field(code: ErrorCode, field: &str, message: impl Into<String>) -> Self {
        Error {
            field: Some(field.to_string()),
            ..Error::new(code, message)
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Shorthand for an invalid value in one input field.
pub fn err_in<T>(field: &str, message: impl Into<String>) -> Result<T> {
    Err(Error::in_field(ErrorCode::InvalidValue, field, message))
}

/// Shorthand for building an error: `err(ErrorCode::NotFound, format!(...))`.
pub fn err<T>(code: ErrorCode, message: impl Into<String>) -> Result<T> {
    Err(Error::new(code, message))
}
