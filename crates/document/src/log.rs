//! The persistent history: append an entry, find the next one to undo or redo, mark it.

use rusqlite::{params, Connection, OptionalExtension};
use topograph_model::{Change, Error, ErrorCode, Op, Patch, Result, ScenarioId};

use crate::sql_error;

pub struct Entry {
    pub seq: i64,
    pub scenario: Option<ScenarioId>,
    pub label: String,
    pub patch: Patch,
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    secs.to_string()
}

fn json_error(e: serde_json::Error) -> Error {
    Error::new(
        ErrorCode::Corrupt,
        format!("the history is unreadable: {e}"),
    )
}

pub fn append(
    conn: &Connection,
    scenario: Option<ScenarioId>,
    op: &Op,
    patch: &Patch,
) -> Result<()> {
    append_labelled(conn, scenario, &op.label(), op, patch)
}

/// [`append`] under a label that says more than the op's own (how many values went with it).
pub fn append_labelled(
    conn: &Connection,
    scenario: Option<ScenarioId>,
    label: &str,
    op: &Op,
    patch: &Patch,
) -> Result<()> {
    let op_json = serde_json::to_string(op).map_err(json_error)?;
    let patch_json = serde_json::to_string(patch).map_err(json_error)?;
    conn.prepare_cached(
        "INSERT INTO oplog (scenario_id, label, op, patch, undone, at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
    )
    .and_then(|mut st| st.execute(params![scenario.map(|s| s.0), label, op_json, patch_json, now()]))
    .map_err(sql_error)?;
    Ok(())
}

/// Drops the redo branch (a new edit after undo), and the scenarios that only it had created.
pub fn drop_redo_branch(conn: &Connection) -> Result<()> {
    let dropped: Vec<String> = {
        let mut st = conn
            .prepare_cached("SELECT patch FROM oplog WHERE undone = 1 AND scenario_id IS NULL")
            .map_err(sql_error)?;
        let rows = st.query_map([], |r| r.get(0)).map_err(sql_error)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sql_error)?
    };
    for json in dropped {
        let patch: Patch = serde_json::from_str(&json).map_err(json_error)?;
        for c in patch.changes {
            if let Change::Scenario { delta, .. } = c {
                if let (None, Some(s)) = (delta.before, delta.after) {
                    conn.execute(
                        "DELETE FROM scenario WHERE id = ?1 AND hidden = 1",
                        [s.id.0],
                    )
                    .map_err(sql_error)?;
                }
            }
        }
    }
    conn.prepare_cached("DELETE FROM oplog WHERE undone = 1")
        .and_then(|mut st| st.execute([]))
        .map_err(sql_error)?;
    Ok(())
}

fn entry(conn: &Connection, sql: &str) -> Result<Option<Entry>> {
    let row: Option<(i64, Option<i64>, String, String)> = conn
        .prepare_cached(sql)
        .and_then(|mut st| {
            st.query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .optional()
        })
        .map_err(sql_error)?;
    match row {
        None => Ok(None),
        Some((seq, scenario, label, patch)) => Ok(Some(Entry {
            seq,
            scenario: scenario.map(|s| ScenarioId(s as u32)),
            label,
            patch: serde_json::from_str(&patch).map_err(json_error)?,
        })),
    }
}

/// The entry an undo would revert.
pub fn last_done(conn: &Connection) -> Result<Option<Entry>> {
    entry(
        conn,
        "SELECT seq, scenario_id, label, patch FROM oplog WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
    )
}

/// The entry a redo would re-apply.
pub fn first_undone(conn: &Connection) -> Result<Option<Entry>> {
    entry(
        conn,
        "SELECT seq, scenario_id, label, patch FROM oplog WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
    )
}

/// The labels of the next undo and redo, for menus.
pub fn labels(conn: &Connection) -> Result<(Option<String>, Option<String>)> {
    let q = |sql: &str| -> Result<Option<String>> {
        conn.prepare_cached(sql)
            .and_then(|mut st| st.query_row([], |r| r.get(0)).optional())
            .map_err(sql_error)
    };
    Ok((
        q("SELECT label FROM oplog WHERE undone = 0 ORDER BY seq DESC LIMIT 1")?,
        q("SELECT label FROM oplog WHERE undone = 1 ORDER BY seq ASC LIMIT 1")?,
    ))
}

pub fn mark(conn: &Connection, seq: i64, undone: bool) -> Result<()> {
    conn.prepare_cached("UPDATE oplog SET undone = ?2 WHERE seq = ?1")
        .and_then(|mut st| st.execute(params![seq, undone]))
        .map_err(sql_error)?;
    Ok(())
}

/// One row of the history as the History panel lists it.
pub struct Listed {
    pub seq: i64,
    pub scenario: Option<ScenarioId>,
    /// The scenario's name now (a deleted one's last name); `None` for edits of the scenario list.
    pub scenario_name: Option<String>,
    pub label: String,
    /// Seconds since 1970, as written by [`append`].
    pub at: String,
}

/// Up to `limit` done entries newest first (`undone` false), or undone ones in redo order (true).
pub fn list(conn: &Connection, undone: bool, limit: u32) -> Result<Vec<Listed>> {
    let sql = if undone {
        "SELECT o.seq, o.scenario_id, s.name, o.label, o.at FROM oplog o LEFT JOIN scenario s ON s.id = o.scenario_id
         WHERE o.undone = 1 ORDER BY o.seq ASC LIMIT ?1"
    } else {
        "SELECT o.seq, o.scenario_id, s.name, o.label, o.at FROM oplog o LEFT JOIN scenario s ON s.id = o.scenario_id
         WHERE o.undone = 0 ORDER BY o.seq DESC LIMIT ?1"
    };
    let mut st = conn.prepare_cached(sql).map_err(sql_error)?;
    let rows = st
        .query_map([limit], |r| {
            Ok(Listed {
                seq: r.get(0)?,
                scenario: r.get::<_, Option<i64>>(1)?.map(|s| ScenarioId(s as u32)),
                scenario_name: r.get(2)?,
                label: r.get(3)?,
                at: r.get(4)?,
            })
        })
        .map_err(sql_error)?;
    rows.collect::<rusqlite::Result<_>>().map_err(sql_error)
}

/// How many entries an undo (`undone` false) or a redo (true) could walk through.
pub fn count(conn: &Connection, undone: bool) -> Result<u32> {
    conn.prepare_cached("SELECT COUNT(*) FROM oplog WHERE undone = ?1")
        .and_then(|mut st| st.query_row([undone], |r| r.get(0)))
        .map_err(sql_error)
}
