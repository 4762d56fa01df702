//! The .topo document: one SQLite file per org, migrations, write-through operations and the
//! persistent undo log.
//!
//! A [`Document`] keeps the open scenario in memory for fast reads. An operation is validated
//! and applied against memory, written in one transaction together with its log entry, and
//! reverted in memory if the write fails, so memory always equals what is on disk.

mod bulk;
mod document;
pub mod fuzzing;
mod log;
mod open;
pub mod repair;
mod rows;
mod schema;
mod trust;

pub use document::{Applied, Document, HistoryLog, HistoryState, LogEntry, Travelled};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use topograph_model::{Error, ErrorCode};

/// Maps an SQLite failure to the core's error codes.
pub(crate) fn sql_error(e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let code = match e.sqlite_error_code() {
        Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => {
            return Error::new(
                ErrorCode::InUse,
                "the document is open in another window or program; close it there first",
            )
        }
        Some(C::DiskFull) => {
            return Error::new(
                ErrorCode::Io,
                "the disk is full: free some space and try again (nothing was changed)",
            )
        }
        Some(C::SystemIoFailure) => {
            return Error::new(
                ErrorCode::Io,
                format!("the disk could not be read or written ({e}); if it is full, free some space and try again"),
            )
        }
        Some(C::NotADatabase) => ErrorCode::NotADocument,
        Some(C::DatabaseCorrupt) => ErrorCode::Corrupt,
        Some(C::CannotOpen)
        | Some(C::ReadOnly)
        | Some(C::PermissionDenied) => ErrorCode::Io,
        _ => ErrorCode::Database,
    };
    Error::new(code, e.to_string())
}
