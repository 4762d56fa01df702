//! The embedded, append-only migrations and the marks that identify a Topograph file.

use rusqlite::Connection;
use topograph_model::{err, ErrorCode, Result};

use crate::sql_error;

/// `PRAGMA application_id` of every .topo file: "Topo" in ASCII.
pub const APPLICATION_ID: i32 = 0x546f_706f;

/// Migration N (1-based) brings a file from schema version N-1 to N. Never edit one that has
/// been released; append the next. Each released version has a fixture in tests/fixtures.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_initial.sql"),
    include_str!("migrations/002_area_position.sql"),
    include_str!("migrations/003_area_direction.sql"),
    include_str!("migrations/004_plan.sql"),
    include_str!("migrations/005_fields.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn user_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sql_error)?;
    Ok(v as u32)
}

/// Brings a file at `from` up to [`SCHEMA_VERSION`], each step in its own transaction so a
/// failure leaves the file at the last complete version.
pub fn migrate(conn: &mut Connection, from: u32) -> Result<()> {
    if from > SCHEMA_VERSION {
        return err(
            ErrorCode::NewerVersion,
            format!("schema version {from} is newer than this build's {SCHEMA_VERSION}"),
        );
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction().map_err(sql_error)?;
        tx.execute_batch(sql).map_err(sql_error)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)
            .map_err(sql_error)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sql_error)?;
        tx.commit().map_err(sql_error)?;
    }
    Ok(())
}

type SchemaRow = (String, String, String, Option<String>);

fn schema_rows(conn: &Connection) -> Result<Vec<SchemaRow>> {
    let mut st = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        .map_err(sql_error)?;
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .map_err(sql_error)?;
    rows.collect::<rusqlite::Result<_>>().map_err(sql_error)
}

/// Refuses a file whose schema is not exactly what the migrations up to `version` make: an
/// extra trigger or view would run code of the file's author inside our transactions, and a
/// changed table could let records through that the model forbids.
pub fn check_exact(conn: &Connection, version: u32) -> Result<()> {
    let mut expected_conn = Connection::open_in_memory().map_err(sql_error)?;
    for sql in MIGRATIONS.iter().take(version as usize) {
        let tx = expected_conn.transaction().map_err(sql_error)?;
        tx.execute_batch(sql).map_err(sql_error)?;
        tx.commit().map_err(sql_error)?;
    }
    let expected = schema_rows(&expected_conn)?;
    let found = schema_rows(conn)?;
    if found == expected {
        return Ok(());
    }
    let extra = found.iter().find(|r| !expected.contains(r));
    let missing = expected.iter().find(|r| !found.contains(r));
    let what = match (extra, missing) {
        (Some(r), _) if expected.iter().any(|e| e.0 == r.0 && e.1 == r.1) => {
            format!("its {} '{}' was changed", r.0, r.1)
        }
        (Some(r), _) => format!("it has a {} '{}' that Topograph does not make", r.0, r.1),
        (None, Some(r)) => format!("its {} '{}' is missing", r.0, r.1),
        (None, None) => "its schema is not Topograph's".to_string(),
    };
    err(
        ErrorCode::Corrupt,
        format!("the document is damaged: {what}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use topograph_model::{
        Complexity, Discipline, Employment, HiringStage, InteractionMode, PersonStatus, Stance,
        TeamRole, UnitKind, View,
    };

    /// The CHECK lists in SQL must spell exactly the vocabulary the model knows.
    #[test]
    fn sql_checks_list_every_vocabulary_spelling() {
        let sql = MIGRATIONS.join("\n");
        let lists: Vec<Vec<&str>> = vec![
            Discipline::ALL.iter().map(|v| v.as_str()).collect(),
            Employment::ALL.iter().map(|v| v.as_str()).collect(),
            PersonStatus::ALL.iter().map(|v| v.as_str()).collect(),
            UnitKind::ALL.iter().map(|v| v.as_str()).collect(),
            TeamRole::ALL.iter().map(|v| v.as_str()).collect(),
            Complexity::ALL.iter().map(|v| v.as_str()).collect(),
            InteractionMode::ALL.iter().map(|v| v.as_str()).collect(),
            View::FOLDS.iter().map(|v| v.as_str()).collect(),
            Stance::ALL.iter().map(|v| v.as_str()).collect(),
            HiringStage::ALL.iter().map(|v| v.as_str()).collect(),
        ];
        for list in lists {
            let quoted: Vec<String> = list.iter().map(|v| format!("'{v}'")).collect();
            let needle = format!("IN ({})", quoted.join(", "));
            assert!(sql.contains(&needle), "no CHECK lists {needle}");
        }
    }
}
