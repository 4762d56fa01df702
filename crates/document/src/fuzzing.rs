//! The body of the `topo` fuzz target (`fuzz/`), here so a stable-Rust test runs it over
//! randomly damaged files too: arbitrary bytes as a `.topo` file must never panic or hang
//! opening, reading every scenario, undo or redo; a file either opens or is refused. The
//! `hostile_rows` body writes hostile rows with SQL into a real document first, and checks that
//! what opens breaks no rule of the model.

use crate::Document;
use rusqlite::types::Value;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

fn temp_path() -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    std::env::temp_dir().join(format!(
        "topograph-fuzz-{}-{}.topo",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-journal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Writes `data` as a document file in the temporary folder and works through it.
pub fn topo(data: &[u8]) {
    let path = temp_path();
    if std::fs::write(&path, data).is_ok() {
        exercise(&path);
    }
    remove(&path);
}

/// Hostile rows: `data` drives SQL writes into a copy of the document at `seed`, as another
/// tool could make them (a column of a row set to a hostile value, a row deleted, a row copied
/// with one column changed). The copy must then open or be refused, never panic or hang, and
/// every scenario that loads breaks no rule of the model (open = validate). Says whether it
/// opened for editing.
pub fn hostile_rows(seed: &Path, data: &[u8]) -> bool {
    let path = temp_path();
    let opened =
        std::fs::copy(seed, &path).is_ok() && tamper(&path, data).is_ok() && exercise(&path);
    remove(&path);
    opened
}

/// Reads `data` a byte at a time; zero once it runs out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().map_or((0, &[][..]), |(f, r)| (*f, r));
        self.0 = rest;
        first
    }

    fn pick(&mut self, n: usize) -> usize {
        (usize::from(self.byte()) << 8 | usize::from(self.byte())) % n.max(1)
    }

    fn value(&mut self) -> Value {
        match self.byte() % 12 {
            0 => Value::Null,
            1 => Value::Integer(0),
            2 => Value::Integer(-1),
            3 => Value::Integer(i64::MAX),
            4 => Value::Integer(i64::MIN),
            // Likely another record's id: a reference that points somewhere real or nowhere.
            5 | 6 => Value::Integer(i64::from(self.byte())),
            7 => Value::Real(f64::from(self.byte()) * 1e300),
            8 => Value::Text(String::new()),
            9 => Value::Text("line\nbreak \u{202e}\u{0} '; --".to_string()),
            10 => Value::Text("9".repeat(usize::from(self.byte()) * 40)),
            _ => Value::Blob(vec![self.byte(); usize::from(self.byte())]),
        }
    }
}

fn tamper(path: &Path, data: &[u8]) -> rusqlite::Result<()> {
    let conn = rusqlite::Connection::open(path)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut bytes = Bytes(data);
    while !bytes.0.is_empty() && !tables.is_empty() {
        let action = bytes.byte() % 4;
        let table = &tables[bytes.pick(tables.len())];
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let rows: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        if columns.is_empty() || rows == 0 {
            continue;
        }
        let column = &columns[bytes.pick(columns.len())];
        let row = bytes.pick(rows as usize) as i64;
        let value = bytes.value();
        let pick_row = format!("rowid = (SELECT rowid FROM \"{table}\" LIMIT 1 OFFSET {row})");
        // Each write may break a constraint the schema states; such a write is refused and the
        // next one tried, as a tool writing the file would find.
        let _ = match action {
            0 | 1 => conn.execute(&format!("UPDATE \"{table}\" SET \"{column}\" = ?1 WHERE {pick_row}"), [&value]),
            2 => conn.execute(&format!("DELETE FROM \"{table}\" WHERE {pick_row}"), []),
            _ => conn.execute_batch(&format!(
                "DROP TABLE IF EXISTS temp.copied; CREATE TEMP TABLE copied AS SELECT * FROM \"{table}\" WHERE {pick_row}; \
                 UPDATE temp.copied SET \"{column}\" = {}; INSERT INTO \"{table}\" SELECT * FROM temp.copied;",
                literal(&value)
            )).map(|()| 0),
        };
    }
    Ok(())
}

/// The value as an SQL literal (for the one statement batch that cannot bind parameters).
fn literal(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => format!("{r:e}"),
        Value::Text(t) => format!("'{}'", t.replace('\'', "''").replace('\0', "")),
        Value::Blob(b) => format!(
            "X'{}'",
            b.iter().map(|x| format!("{x:02X}")).collect::<String>()
        ),
    }
}

fn exercise(path: &Path) -> bool {
    if let Ok(doc) = Document::open_read_only(path) {
        for s in doc.scenarios().to_vec() {
            if let Ok(org) = doc.load_scenario(s.id) {
                assert_valid(&org, &s.name);
            }
        }
    }
    let Ok(mut doc) = Document::open(path) else {
        return false;
    };
    assert_valid(doc.org(), "the open scenario");
    for s in doc.scenarios().to_vec() {
        if let Ok(org) = doc.load_scenario(s.id) {
            assert_valid(&org, &s.name);
        }
        let _ = doc.switch_scenario(s.id);
    }
    let _ = doc.history();
    for _ in 0..3 {
        let _ = doc.undo();
    }
    let _ = doc.redo();
    assert_valid(doc.org(), "after undo and redo");
    true
}

/// What opens is what the model could have built: a file that breaks a rule is refused instead.
fn assert_valid(org: &topograph_model::Org, what: &str) {
    let problems = org.problems();
    assert!(
        problems.is_empty(),
        "{what} opened with broken rules: {problems:?}"
    );
}
