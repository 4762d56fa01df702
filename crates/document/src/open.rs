//! Opening a file safely: identify it, check it, lock it, and only then change anything.

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
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
    // Nothing in a file may run with the app's trust: no functions with side effects from
    // views or triggers (and the schema check refuses files that have any).
    conn.pragma_update(None, "trusted_schema", false)
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

/// Opens an existing document for editing: refuses anything that is not a sound Topograph
/// file of this version or older without writing a byte to it, then upgrades it if needed.
pub fn open_existing(path: &Path) -> Result<Connection> {
    open_checked(path).map_err(|e| with_file(path, e))
}

/// Opens an existing document for reading only: the same checks, through a read-only
/// connection that never writes (it works in a read-only folder, and a file another program
/// holds is reported as in use). An older file is upgraded in a private copy in memory.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    read_only_checked(path).map_err(|e| with_file(path, e))
}

/// Refuses a file that is missing, foreign or newer, from its header alone (nothing opened).
pub fn identify_file(path: &Path) -> Result<u32> {
    identify(path)
}

/// The file header's own marks (bytes 60 and 68 of the 100-byte SQLite header): read without
/// SQLite, so a foreign or newer file is refused before any library code could roll back a
/// journal or fold in a write-ahead log beside it.
fn identify(path: &Path) -> Result<u32> {
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
    let mut header = [0u8; 100];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|e| Error::new(ErrorCode::Io, e.to_string()))?;
    if &header[..16] != b"SQLite format 3\0" {
        return err(
            ErrorCode::NotADocument,
            "not a Topograph document (it is not an SQLite file)",
        );
    }
    let be = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let app_id = be(68) as i32;
    let version = be(60);
    check_marks(app_id, version)?;
    Ok(version)
}

fn check_marks(app_id: i32, version: u32) -> Result<()> {
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
    Ok(())
}

fn damaged(what: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorCode::Corrupt,
        format!("the document is damaged: {what}"),
    )
}

/// Every check of a file's contents that needs no scenario loaded: the marks again (a
/// write-ahead log may hold a newer header), the pages and b-trees, the schema exactly as the
/// migrations make it, and every reference between rows.
fn check_contents(conn: &Connection) -> Result<u32> {
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(sql_error)?;
    let version = schema::user_version(conn)?;
    check_marks(app_id, version)?;
    // The structural check (pages, b-trees, NOT NULL) finds damaged files. CHECK constraints
    // are skipped here: evaluating them made the check ~4x slower (260 ms instead of 66 ms at
    // 100k people); each scenario's records are checked against the model's rules as they
    // are loaded instead (`trust::check_org`).
    conn.pragma_update(None, "ignore_check_constraints", true)
        .map_err(sql_error)?;
    let check: Result<String> = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| {
            let e = sql_error(e);
            if e.code == ErrorCode::NotADocument {
                damaged(e.message)
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
    schema::check_exact(conn, version)?;
    let dangling: Option<(String, String)> = conn
        .query_row("PRAGMA foreign_key_check", [], |r| {
            Ok((r.get(0)?, r.get(2)?))
        })
        .optional()
        .map_err(sql_error)?;
    if let Some((table, parent)) = dangling {
        return Err(damaged(format!(
            "a {} row refers to a {parent} that does not exist",
            table.replace('_', " ")
        )));
    }
    Ok(version)
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut side = path.as_os_str().to_owned();
    side.push(suffix);
    PathBuf::from(side)
}

/// A connection that reads without ever writing the file: checkpointing on close is off, so a
/// write-ahead log left beside the file is read (recovered in memory) but not folded in, and
/// `query_only` refuses any write. A log it had to create (none was there) is removed again
/// when it is closed by [`Inspecting::close`].
struct Inspecting {
    conn: Connection,
    wal: PathBuf,
    wal_existed: bool,
}

impl Inspecting {
    fn open(path: &Path) -> Result<Inspecting> {
        let wal = side_file(path, "-wal");
        let wal_existed = wal.exists();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_error)?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .map_err(sql_error)?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .map_err(sql_error)?;
        configure(&conn)?;
        conn.pragma_update(None, "query_only", true)
            .map_err(sql_error)?;
        Ok(Inspecting {
            conn,
            wal,
            wal_existed,
        })
    }

    fn close(self) {
        let Inspecting {
            conn,
            wal,
            wal_existed,
        } = self;
        drop(conn);
        if !wal_existed && std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&wal);
        }
    }

    /// Makes it the everyday writing connection, once every check has passed.
    fn into_writer(self) -> Result<Connection> {
        self.conn
            .pragma_update(None, "query_only", false)
            .map_err(sql_error)?;
        self.conn
            .set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                false,
            )
            .map_err(sql_error)?;
        Ok(self.conn)
    }
}

/// A connection to a file with nothing beside it (no log, no journal): nobody has it open
/// (an open document always has its log), so it is read as it stands, taking no lock and
/// creating nothing, which also works in a read-only folder.
fn immutable_connection(path: &Path) -> Result<Connection> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::new(ErrorCode::Io, "the path is not valid UTF-8"))?;
    let uri = format!(
        "file:{}?mode=ro&immutable=1",
        text.replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error)?;
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
        .map_err(sql_error)?;
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(sql_error)?;
    Ok(conn)
}

fn open_checked(path: &Path) -> Result<Connection> {
    identify(path)?;
    let inspecting = Inspecting::open(path)?;
    let version = match check_contents(&inspecting.conn) {
        Ok(v) => v,
        Err(e) => {
            inspecting.close();
            return Err(e);
        }
    };
    let mut conn = inspecting.into_writer()?;
    enable_wal(&conn)?;
    schema::migrate(&mut conn, version)?;
    Ok(conn)
}

fn read_only_checked(path: &Path) -> Result<Connection> {
    identify(path)?;
    let quiet = !side_file(path, "-wal").exists() && !side_file(path, "-journal").exists();
    if quiet {
        let conn = immutable_connection(path)?;
        let version = check_contents(&conn)?;
        conn.pragma_update(None, "query_only", true)
            .map_err(sql_error)?;
        if version == SCHEMA_VERSION {
            return Ok(conn);
        }
        drop(conn);
        return upgraded_in_memory(path, version);
    }
    // A log beside it: the file is open in Topograph (reported as in use) or a program
    // stopped while writing it; the log is read but never folded in.
    let inspecting = Inspecting::open(path)?;
    let version = match check_contents(&inspecting.conn) {
        Ok(v) => v,
        Err(e) => {
            inspecting.close();
            return Err(e);
        }
    };
    if version == SCHEMA_VERSION {
        return Ok(inspecting.conn);
    }
    inspecting.close();
    // An older file with its log: the log is folded into a private copy, never into the file,
    // and the copy upgraded in memory.
    let copy = PrivateCopy::of(path)?;
    {
        let conn = Connection::open(&copy.path).map_err(sql_error)?;
        conn.pragma_update(None, "trusted_schema", false)
            .map_err(sql_error)?;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(sql_error)?;
    }
    let conn = immutable_connection(&copy.path)?;
    let version = check_contents(&conn)?;
    drop(conn);
    upgraded_in_memory(&copy.path, version)
}

/// A copy of the file and whatever SQLite left beside it, in a private folder, so recovering a
/// log or rolling back a journal happens to the copy and never to the original.
pub(crate) struct PrivateCopy {
    dir: PathBuf,
    pub(crate) path: PathBuf,
}

impl PrivateCopy {
    pub(crate) fn of(from: &Path) -> Result<PrivateCopy> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "topograph-copy-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let io = |e: std::io::Error| Error::new(ErrorCode::Io, e.to_string());
        std::fs::create_dir_all(&dir).map_err(io)?;
        let copy = PrivateCopy {
            path: dir.join("document.topo"),
            dir,
        };
        std::fs::copy(from, &copy.path).map_err(io)?;
        for suffix in ["-wal", "-journal"] {
            let mut side = from.as_os_str().to_owned();
            side.push(suffix);
            let side = PathBuf::from(side);
            if side.exists() {
                let mut to = copy.path.as_os_str().to_owned();
                to.push(suffix);
                std::fs::copy(&side, PathBuf::from(to)).map_err(io)?;
            }
        }
        Ok(copy)
    }
}

impl Drop for PrivateCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A private in-memory copy of an older file, brought up to the current schema, so reading
/// never migrates the file itself.
fn upgraded_in_memory(path: &Path, version: u32) -> Result<Connection> {
    let mut mem = Connection::open_in_memory().map_err(sql_error)?;
    let uri = format!(
        "file:{}?mode=ro&immutable=1",
        path.to_str()
            .ok_or_else(|| Error::new(ErrorCode::Io, "the path is not valid UTF-8"))?
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    mem.execute("ATTACH DATABASE ?1 AS old", [uri])
        .map_err(sql_error)?;
    let objects: Vec<(String, String)> = {
        let mut st = mem
            .prepare(
                "SELECT name, sql FROM old.sqlite_master WHERE sql IS NOT NULL \
                 ORDER BY type = 'table' DESC, rowid",
            )
            .map_err(sql_error)?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql_error)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_error)?
    };
    let tables: Vec<String> = {
        let mut st = mem
            .prepare("SELECT name FROM old.sqlite_master WHERE type = 'table'")
            .map_err(sql_error)?;
        let rows = st.query_map([], |r| r.get(0)).map_err(sql_error)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_error)?
    };
    let tx = mem.transaction().map_err(sql_error)?;
    for (_, sql) in &objects {
        tx.execute_batch(sql).map_err(sql_error)?;
    }
    for t in &tables {
        let t = t.replace('"', "\"\"");
        tx.execute_batch(&format!(
            "INSERT INTO main.\"{t}\" SELECT * FROM old.\"{t}\""
        ))
        .map_err(sql_error)?;
    }
    tx.pragma_update(None, "user_version", version as i64)
        .map_err(sql_error)?;
    tx.commit().map_err(sql_error)?;
    mem.execute_batch("DETACH DATABASE old")
        .map_err(sql_error)?;
    mem.pragma_update(None, "foreign_keys", true)
        .map_err(sql_error)?;
    schema::migrate(&mut mem, version)?;
    Ok(mem)
}

/// Creates a new, empty document file at the latest schema version. Callers write new files
/// under a temporary name and [`publish`] them; see `Document::create_filled`.
pub fn create_new(path: &Path) -> Result<Connection> {
    create_checked(path)
}

/// A name beside `target` for the file while it is written: hidden, unique to this process and
/// call, so two creations never share one and a retry after a kill is never blocked by it.
pub fn temp_beside(target: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".to_string());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    if let Some(dir) = target.parent() {
        sweep_stale(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        });
    }
    target.with_file_name(format!(".{name}.{}-{n}.creating", std::process::id()))
}

/// How old a temporary file of a live process may be before it counts as stale anyway (the
/// process id may have been reused): far above the longest creation (a 100k import: seconds).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes what creations killed mid-way left in `dir` (see [`temp_beside`]): temporary files
/// whose process is gone, or that are older than [`STALE_AFTER`], with their journals. This
/// process's own are left alone (one may be being written now). Best effort: a file that
/// cannot be removed stays, and creation goes on.
pub fn sweep_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(creating_pid) else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old || !process_alive(pid) {
            discard(&entry.path());
        }
    }
}

/// The process id in a temporary name `.<name>.<pid>-<n>.creating`.
fn creating_pid(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".creating")?;
    let (_, tail) = stem.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// Whether a process is running, where the system says (Linux's /proc); elsewhere it is taken
/// to be, and only the age bound removes its files.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes a temporary file and the journals SQLite may have left beside it.
pub fn discard(temp: &Path) {
    let _ = std::fs::remove_file(temp);
    for suffix in ["-wal", "-journal", "-shm"] {
        let mut side = temp.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
}

fn io(e: std::io::Error) -> Error {
    Error::new(ErrorCode::Io, e.to_string())
}

/// Makes a complete, closed file at `temp` appear at `target` in one step: synced first, then
/// linked into place, which fails rather than replace a file that appeared meanwhile (a rename
/// would clobber it), then the folder synced so the new name survives a power loss too.
pub fn publish(temp: &Path, target: &Path) -> Result<()> {
    std::fs::File::open(temp)
        .and_then(|f| f.sync_all())
        .map_err(io)?;
    match std::fs::hard_link(temp, target) {
        Ok(()) => {
            std::fs::remove_file(temp).map_err(io)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return err(ErrorCode::FileExists, "a file exists there already");
        }
        // Some file systems (FAT, some network shares) have no hard links: check, then rename.
        Err(_) => {
            if target.exists() {
                return err(ErrorCode::FileExists, "a file exists there already");
            }
            std::fs::rename(temp, target).map_err(io)?;
        }
    }
    sync_folder(target);
    Ok(())
}

/// Syncs the folder holding `path`, so a new name in it is durable. Not every platform can
/// open a folder; there the rename is as durable as the file system makes it.
fn sync_folder(path: &Path) {
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Opens a file this process has just created and published, in its everyday mode. Its
/// contents were written by this build a moment ago, so the checks of opening are not repeated.
pub fn reopen_created(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error)?;
    configure(&conn)?;
    enable_wal(&conn)?;
    Ok(conn)
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
