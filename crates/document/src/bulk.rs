//! The bulk fill of a new scenario: the big tables' secondary indexes built once, after the rows.

use rusqlite::Connection;
use topograph_model::Result;

use crate::sql_error;

/// Tables that take one row per person: maintaining their secondary indexes row by row (in
/// manager or unit order, i.e. at random places in each b-tree) cost more than sorting once.
const BULK_TABLES: &[&str] = &["person", "dotted_line", "membership"];

/// The secondary indexes of the bulk tables, dropped for a fill, with the statements that made
/// them: the text SQLite recorded from the migrations, so rebuilding cannot drift from them.
pub struct DeferredIndexes(Vec<(String, String)>);

/// Drops the bulk tables' secondary indexes. Call inside the fill's transaction, on empty tables.
pub fn defer_indexes(conn: &Connection) -> Result<DeferredIndexes> {
    let mut found = Vec::new();
    let mut st = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master \
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
        )
        .map_err(sql_error)?;
    for table in BULK_TABLES {
        let rows = st
            .query_map([table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(sql_error)?;
        for row in rows {
            found.push(row.map_err(sql_error)?);
        }
    }
    for (name, _) in &found {
        conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
            .map_err(sql_error)?;
    }
    Ok(DeferredIndexes(found))
}

impl DeferredIndexes {
    /// Builds every dropped index again from its recorded statement (one sort per index).
    pub fn rebuild(self, conn: &Connection) -> Result<()> {
        for (_, sql) in self.0 {
            conn.execute_batch(&sql).map_err(sql_error)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::schema;
    use crate::Document;
    use rusqlite::{Connection, OpenFlags};
    use std::path::Path;

    type SchemaRow = (String, String, String, Option<String>);

    fn schema_rows(conn: &Connection) -> Vec<SchemaRow> {
        let mut st = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    fn file_schema(path: &Path) -> Vec<SchemaRow> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        schema_rows(&conn)
    }

    #[test]
    fn a_bulk_filled_document_has_exactly_the_schema_the_migrations_make() {
        let mut migrated = Connection::open_in_memory().unwrap();
        schema::migrate(&mut migrated, 0).unwrap();
        let expected = schema_rows(&migrated);
        assert!(
            expected
                .iter()
                .any(|r| r.1 == "person_manager" && r.0 == "index"),
            "the migrations make the person_manager index"
        );

        let dir = tempfile::tempdir().unwrap();
        let org = topograph_sample::generate(300, 7);
        assert!(org.memberships().len() > 0 && org.persons().any(|p| p.manager.is_some()));
        let filled = dir.path().join("filled.topo");
        drop(Document::create_with(&filled, "Current", &org).unwrap());
        assert_eq!(file_schema(&filled), expected);

        let empty = dir.path().join("empty.topo");
        drop(Document::create(&empty).unwrap());
        assert_eq!(file_schema(&empty), expected);
    }

    #[test]
    fn rebuilt_indexes_hold_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let org = topograph_sample::generate(300, 3);
        let path = dir.path().join("org.topo");
        drop(Document::create_with(&path, "Current", &org).unwrap());
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let count = |sql: &str| -> usize {
            conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as usize
        };
        let managed = org.persons().filter(|p| p.manager.is_some()).count();
        assert_eq!(
            count("SELECT count(*) FROM person INDEXED BY person_manager WHERE scenario_id = 1 AND manager_id IS NOT NULL"),
            managed
        );
        let with_id = org.persons().filter(|p| p.employee_id.is_some()).count();
        assert_eq!(
            count("SELECT count(*) FROM person INDEXED BY person_employee_id WHERE scenario_id = 1 AND employee_id IS NOT NULL"),
            with_id
        );
        assert_eq!(
            count("SELECT count(*) FROM membership INDEXED BY membership_unit WHERE scenario_id = 1 AND unit_id > 0"),
            org.memberships().len()
        );
        assert_eq!(
            conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
    }
}
