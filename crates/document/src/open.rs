//! Opening a file safely: identify it, check it, lock it, and only then change anything.

use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;
use topograph_model::{err, Error, ErrorCode, Result};

use crate::schema::{self, APPLICATION_ID, SCHEMA_VERSION};
use crate::sql_error;

/// How long a second process waits for the file before being told it is in use.
const BUSY_TIMEOUT_MS: i32 = 1000;

/// Switches off SQLite's memory statistics once, before the first connection: they take a
/// global mutex on every allocation (~6% of a 100k-row import's write), and nothing reads them.
fn tune_sqlite_once() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; called before this process opens a
        // connection through this crate. If SQLite was already initialised elsewhere the call
        // is refused with SQLITE_MISUSE and changes nothing, which is harmless.
        unsafe {
            rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, 0);
        }
    });
}

/// Page cache of the bulk fill of a new file (KiB, as a negative cache_size): large enough that
/// a 100k-person fill never spills pages of its indexes to disk and back mid-transaction.
const FILL_CACHE_KIB: i64 = 256 * 1024;

/// The everyday page cache (SQLite's default), restored once the fill is done.
const EVERYDAY_CACHE_KIB: i64 = 2000;

fn with_file(path: &Path, e: Error) -> Error {
    Error::new(e.code, format!("{}: {}", path.display(), e.message))
}

/// Settings every connection gets. EXCLUSIVE locking makes a second process fail with "in use"
/// instead of two in-memory copies of the org silently diverging; WAL without shared memory
/// keeps commits cheap.
fn configure(conn: &Connection) -> Result<()> {
    tune_sqlite_once();
    conn.pragma_update(None, "busy_timeout", BUSY_TIMEOUT_MS)
        .map_err(sql_error)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
        .map_err(sql_error)?;
    Ok(())
}

fn enable_wal(conn: &Connection) -> Result<()> {
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(sql_error)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return err(
            ErrorCode::Io,
            format!("could not switch to write-ahead logging (journal mode is {mode})"),
        );
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql_error)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql_error)?;
    // Checkpoints run between edits (see Document::checkpoint), never inside a commit.
    conn.pragma_update(None, "wal_autocheckpoint", 0)
        .map_err(sql_error)?;
    // Claim the write lock now, so a second opener is refused at once rather than later.
    conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
        .map_err(sql_error)?;
    Ok(())
}

/// Opens an existing document: refuses anything that is not a sound Topograph file of this
/// version or older without writing a byte to it, then upgrades it if needed.
pub fn open_existing(path: &Path) -> Result<Connection> {
    open_checked(path).map_err(|e| with_file(path, e))
}

fn open_checked(path: &Path) -> Result<Connection> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return err(ErrorCode::FileNotFound, "no such file")
        }
        Err(e) => return err(ErrorCode::Io, e.to_string()),
    };
    if !meta.is_file() {
        return err(ErrorCode::NotADocument, "not a file");
    }
    if meta.len() < 100 {
        return err(
            ErrorCode::NotADocument,
            format!(
                "not a Topograph document ({} bytes, too short to be one)",
                meta.len()
            ),
        );
    }
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
    if &header != b"SQLite format 3\0" {
        return err(
            ErrorCode::NotADocument,
            "not a Topograph document (it is not an SQLite file)",
        );
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error)?;
    configure(&conn)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(sql_error)?;
    let version = schema::user_version(&conn)?;
    if app_id != APPLICATION_ID {
        return err(
            ErrorCode::NotADocument,
            "not a Topograph document (an SQLite database of another application)",
        );
    }
    if version > SCHEMA_VERSION {
        return err(
            ErrorCode::NewerVersion,
            format!(
                "written by a newer Topograph (schema version {version}; this version reads up to {SCHEMA_VERSION}); update Topograph to open it"
            ),
        );
    }
    // The structural check (pages, b-trees, NOT NULL) finds damaged files. CHECK constraints
    // are skipped here: every write enforces them, and evaluating them made the check ~4x
    // slower (260 ms instead of 66 ms at 100k people); a record that still slipped through
    // fails to parse on load and is reported as damage too.
    conn.pragma_update(None, "ignore_check_constraints", true)
        .map_err(sql_error)?;
    let check: Result<String> = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| {
            let e = sql_error(e);
            if e.code == ErrorCode::NotADocument {
                Error::new(
                    ErrorCode::Corrupt,
                    format!("the document is damaged: {}", e.message),
                )
            } else {
                e
            }
        });
    conn.pragma_update(None, "ignore_check_constraints", false)
        .map_err(sql_error)?;
    let check = check?;
    if check != "ok" {
        return err(
            ErrorCode::Corrupt,
            format!("the document is damaged ({check})"),
        );
    }
    enable_wal(&conn)?;
    schema::migrate(&mut conn, version)?;
    Ok(conn)
}

/// Creates a new, empty document file at the latest schema version.
pub fn create_new(path: &Path) -> Result<Connection> {
    create_checked(path).map_err(|e| with_file(path, e))
}

fn create_checked(path: &Path) -> Result<Connection> {
    if path.exists() {
        return err(ErrorCode::FileExists, "a file exists there already");
    }
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error)?;
    configure(&conn)?;
    // A new file is filled in one bulk transaction before anyone can see it: no journal (a
    // failed fill deletes the file) and no foreign-key lookups (the records were validated by
    // the operations that made them). `finish_create` then switches to the normal settings.
    // CHECK constraints are skipped for the same reason (the model enforces every one of them
    // and they cost ~10% of the fill); everyday writes check them again.
    conn.execute_batch(&format!(
        "PRAGMA journal_mode = OFF; PRAGMA foreign_keys = OFF; \
         PRAGMA cache_size = -{FILL_CACHE_KIB};"
    ))
    .map_err(sql_error)?;
    schema::migrate(&mut conn, 0)?;
    conn.pragma_update(None, "ignore_check_constraints", true)
        .map_err(sql_error)?;
    Ok(conn)
}

/// Puts a freshly filled file into its everyday mode (WAL, foreign keys, CHECK constraints,
/// normal cache, write lock).
pub fn finish_create(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = -{EVERYDAY_CACHE_KIB};"
    ))
    .map_err(sql_error)?;
    enable_wal(conn)
}

/// A private in-memory document for tests and previews.
pub fn create_in_memory() -> Result<Connection> {
    tune_sqlite_once();
    let mut conn = Connection::open_in_memory().map_err(sql_error)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql_error)?;
    schema::migrate(&mut conn, 0)?;
    Ok(conn)
}
