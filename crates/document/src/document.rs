//! The open document: the active scenario in memory, operations written through, undo and redo.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use topograph_model::{
    err, validate, Change, ChangeSet, Delta, Error, ErrorCode, IdCounter, Op, Org, Patch, Result,
    Scenario, ScenarioId, View, MAX_ID,
};

use crate::{bulk, log, open, rows, schema, sql_error, trust};

mod check_settings;
mod fields;
mod sheet_views;
mod travel;
mod view_date;

pub use travel::{HistoryLog, LogEntry, Travelled};

/// Checkpoint the write-ahead log after this many writes (edits and switches) even if nobody calls
/// [`Document::checkpoint`], so the WAL cannot grow without bound.
const CHECKPOINT_EVERY: u32 = 500;

/// What an accepted operation, undo or redo did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    /// The label of the operation (for "Undo <label>").
    pub label: String,
    pub changes: ChangeSet,
    /// The scenario open after it: undo of an edit in another scenario switches to it.
    pub active_scenario: ScenarioId,
}

/// What undo and redo would do next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// An open .topo document (or an in-memory one). Holds the file's write lock while open.
pub struct Document {
    conn: Connection,
    path: Option<PathBuf>,
    scenarios: Vec<Scenario>,
    active: ScenarioId,
    /// Shared, so the views can take the org of the day without a copy (`Document::org_shared`);
    /// an edit changes it in place when nothing else holds it, else a copy (`Document::org_mut`).
    org: Arc<Org>,
    ids: IdCounter,
    writes_since_checkpoint: u32,
    left: Option<LeftOrg>,
    read_only: bool,
    /// When the last write committed, and the first one since the last checkpoint, for
    /// [`Document::checkpoint_if_idle`].
    last_write: Option<Instant>,
    first_unsynced: Option<Instant>,
}

/// The org of the scenario open before the last switch, kept so that switching back need not
/// read it from the file again (a 100k scenario takes ~200 ms to load). It is only used while
/// the connection has written nothing since it was kept: any edit, in any scenario, moves
/// SQLite's count of changed rows and so drops it.
struct LeftOrg {
    scenario: ScenarioId,
    org: Arc<Org>,
    total_changes: u64,
}

fn meta_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
        .map_err(sql_error)
}

/// Sets the id counter of a file being filled (see `repair`).
pub(crate) fn set_next_id(conn: &Connection, next: u32) -> Result<()> {
    meta_set(conn, "next_id", &next.to_string())
}

fn meta_set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .and_then(|mut st| st.execute(params![key, value]))
    .map_err(sql_error)?;
    Ok(())
}

fn corrupt(what: &str) -> Error {
    Error::new(
        ErrorCode::Corrupt,
        format!("the document is damaged: {what}"),
    )
}

impl Document {
    /// Creates a new file with one empty scenario, "Current".
    pub fn create(path: &Path) -> Result<Document> {
        Self::create_with(path, "Current", &Org::new())
    }

    /// Creates a new file whose first scenario holds `org` (the sample, a generated org, an
    /// import). The records are trusted: build them through operations or check them with
    /// [`Org::problems`] first.
    pub fn create_with(path: &Path, scenario_name: &str, org: &Org) -> Result<Document> {
        Self::create_from(path, scenario_name, org.clone())
    }

    /// [`Document::create_with`] for an org the caller no longer needs (an import): it becomes
    /// the open scenario as it is, without a copy.
    pub fn create_from(path: &Path, scenario_name: &str, org: Org) -> Result<Document> {
        Self::create_filled(path, scenario_name, org, |_| Ok(()))
    }

    /// Creates a new file as every new file is made: written whole under a temporary name
    /// beside `path` (the first scenario holding `org`, then whatever `fill` adds), synced,
    /// and only then given its name, which it never takes from an existing file. A failure or
    /// a kill at any moment leaves no file at `path`, and a retry is never blocked.
    pub fn create_filled(
        path: &Path,
        scenario_name: &str,
        org: Org,
        fill: impl FnOnce(&mut Document) -> Result<()>,
    ) -> Result<Document> {
        let named = |e: Error| Error::new(e.code, format!("{}: {}", path.display(), e.message));
        if path.exists() {
            return Err(named(Error::new(
                ErrorCode::FileExists,
                "a file exists there already",
            )));
        }
        let temp = open::temp_beside(path);
        let made = (|| {
            let conn = open::create_new(&temp)?;
            let mut doc = Self::init(conn, Some(temp.clone()), scenario_name, org)?;
            fill(&mut doc)?;
            doc.publish(&temp, path)?;
            Ok(doc)
        })();
        if made.is_err() {
            // A half-written new file is worth nothing; do not leave it behind.
            open::discard(&temp);
        }
        made.map_err(named)
    }

    /// [`Document::create_filled`] for a file that brings its own field definitions (a JSON
    /// document export): they replace the text definitions a new document gets for its custom
    /// keys, without an undo step (a new file has no history), and are in place before `fill`
    /// runs, so what it adds is checked against them. Unsound definitions are refused.
    pub fn create_defined(
        path: &Path,
        scenario_name: &str,
        org: Org,
        defs: &topograph_model::FieldDefs,
        fill: impl FnOnce(&mut Document) -> Result<()>,
    ) -> Result<Document> {
        defs.check()?;
        Self::create_filled(path, scenario_name, org, |doc| {
            fields::write(&doc.conn, &Some(defs.clone()))?;
            fill(doc)
        })
    }

    /// Closes the file at `temp` (folding its log in), gives it the name `target` and goes on
    /// in it under that name, with the org in memory kept as it is.
    fn publish(&mut self, temp: &Path, target: &Path) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(sql_error)?;
        let placeholder = Connection::open_in_memory().map_err(sql_error)?;
        std::mem::replace(&mut self.conn, placeholder)
            .close()
            .map_err(|(_, e)| sql_error(e))?;
        open::publish(temp, target)?;
        self.conn = open::reopen_created(target)?;
        self.path = Some(target.to_path_buf());
        self.left = None;
        self.writes_since_checkpoint = 0;
        Ok(())
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A private document in memory, for tests and previews.
    pub fn in_memory() -> Result<Document> {
        Self::in_memory_with("Current", &Org::new())
    }

    pub fn in_memory_with(scenario_name: &str, org: &Org) -> Result<Document> {
        Self::init(open::create_in_memory()?, None, scenario_name, org.clone())
    }

    fn init(
        mut conn: Connection,
        path: Option<PathBuf>,
        scenario_name: &str,
        org: Org,
    ) -> Result<Document> {
        let name = validate::scenario_name(scenario_name)?;
        let scenario = ScenarioId(1);
        if org.max_id() > MAX_ID {
            return err(
                ErrorCode::InvalidValue,
                format!(
                    "id {} is above the largest a document holds ({MAX_ID})",
                    org.max_id()
                ),
            );
        }
        let next_id = org.max_id().max(scenario.0) + 1;
        let tx = conn.transaction().map_err(sql_error)?;
        tx.execute(
            "INSERT INTO scenario (id, name, position) VALUES (?1, ?2, 0)",
            params![scenario.0, name],
        )
        .map_err(sql_error)?;
        // Indexes built once after the rows: a 100k import's write took a fifth less.
        let indexes = bulk::defer_indexes(&tx)?;
        rows::insert_all(&tx, scenario, &org)?;
        indexes.rebuild(&tx)?;
        meta_set(&tx, "next_id", &next_id.to_string())?;
        meta_set(&tx, "active_scenario", &scenario.0.to_string())?;
        fields::write_for_new(&tx, &org)?;
        tx.commit().map_err(sql_error)?;
        if path.is_some() {
            open::finish_create(&conn)?;
        }
        // What was just written is the org in hand: reading it back (a third of the time of a
        // 100k import) would only reproduce it.
        Ok(Document {
            conn,
            path,
            scenarios: vec![Scenario {
                id: scenario,
                name,
                position: 0,
                archived: false,
            }],
            active: scenario,
            org: Arc::new(org),
            ids: IdCounter { next: next_id },
            writes_since_checkpoint: 0,
            left: None,
            read_only: false,
            last_write: None,
            first_unsynced: None,
        })
    }

    /// Opens an existing file. Anything that is not a sound Topograph document of this version
    /// or older is refused with a clear error, and the file is left untouched.
    pub fn open(path: &Path) -> Result<Document> {
        let conn = open::open_existing(path)?;
        Self::load(conn, Some(path.to_path_buf()), false)
            .map_err(|e| Error::new(e.code, format!("{}: {}", path.display(), e.message)))
    }

    /// Opens an existing file for reading only, with the same checks as [`Document::open`]:
    /// nothing is ever written to it (an older file is upgraded in memory), so it works in a
    /// read-only folder. Edits are refused.
    pub fn open_read_only(path: &Path) -> Result<Document> {
        let conn = open::open_read_only(path)?;
        Self::load(conn, Some(path.to_path_buf()), true)
            .map_err(|e| Error::new(e.code, format!("{}: {}", path.display(), e.message)))
    }

    fn load(conn: Connection, path: Option<PathBuf>, read_only: bool) -> Result<Document> {
        let scenarios = rows::scenarios(&conn)?;
        let next_id: u32 = meta_get(&conn, "next_id")?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| corrupt("the id counter is missing"))?;
        let highest: i64 = conn
            .query_row(
                "SELECT max(m) FROM (SELECT max(id) AS m FROM person UNION ALL \
                 SELECT max(id) FROM unit UNION ALL SELECT max(id) FROM area UNION ALL \
                 SELECT max(id) FROM interaction UNION ALL SELECT max(id) FROM scenario)",
                [],
                |r| r.get::<_, Option<i64>>(0),
            )
            .map_err(sql_error)?
            .unwrap_or(0);
        if highest > i64::from(MAX_ID) || highest < 0 {
            return Err(corrupt(&format!(
                "id {highest} is outside the ids a document holds (1 to {MAX_ID})"
            )));
        }
        if i64::from(next_id) <= highest || next_id > MAX_ID + 1 {
            return Err(corrupt(&format!(
                "the id counter ({next_id}) is not above every id in use ({highest})"
            )));
        }
        let wanted = meta_get(&conn, "active_scenario")?
            .and_then(|v| v.parse().ok())
            .map(ScenarioId);
        let active = wanted
            .filter(|w| scenarios.iter().any(|s| s.id == *w))
            .or_else(|| scenarios.first().map(|s| s.id))
            .ok_or_else(|| corrupt("it has no scenario"))?;
        let org = Arc::new(load_checked(&conn, active, &scenarios)?);
        fields::read(&conn)?;
        Ok(Document {
            conn,
            path,
            scenarios,
            active,
            org,
            ids: IdCounter { next: next_id },
            writes_since_checkpoint: 0,
            left: None,
            read_only,
            last_write: None,
            first_unsynced: None,
        })
    }

    // ---- reads ------------------------------------------------------------------------

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
    /// The org of the open scenario.
    pub fn org(&self) -> &Org {
        &self.org
    }

    /// The org of the open scenario, shared: a view that reads it off the session's lock takes
    /// it without a copy. Let go of it before the next edit, or that edit copies the org.
    pub fn org_shared(&self) -> Arc<Org> {
        Arc::clone(&self.org)
    }

    /// Whether `org` is the open scenario's org as [`Document::org_shared`] gave it.
    pub fn shares_org(&self, org: &Arc<Org>) -> bool {
        Arc::ptr_eq(&self.org, org)
    }

    /// The org to change: in place, unless a view still holds it (then a copy, the view's
    /// untouched).
    pub(crate) fn org_mut(&mut self) -> &mut Org {
        Arc::make_mut(&mut self.org)
    }
    /// The scenarios in bar order.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }
    pub fn active_scenario(&self) -> &Scenario {
        self.scenarios
            .iter()
            .find(|s| s.id == self.active)
            .expect("the active scenario is always a visible one")
    }
    /// The baseline ("Current"): the first scenario in bar order that is not archived.
    pub fn baseline(&self) -> &Scenario {
        self.scenarios
            .iter()
            .find(|s| !s.archived)
            .unwrap_or(&self.scenarios[0])
    }
    pub fn scenario_by_name(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }
    pub fn schema_version(&self) -> u32 {
        schema::SCHEMA_VERSION
    }
    /// Loads another scenario's org without making it the open one.
    pub fn load_scenario(&self, id: ScenarioId) -> Result<Org> {
        self.scenario(id)?;
        load_checked(&self.conn, id, &self.scenarios)
    }
    pub fn history(&self) -> Result<HistoryState> {
        let (undo, redo) = log::labels(&self.conn)?;
        Ok(HistoryState { undo, redo })
    }

    fn scenario(&self, id: ScenarioId) -> Result<&Scenario> {
        self.scenarios
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::new(ErrorCode::NotFound, format!("{id} does not exist")))
    }

    // ---- view state (not history) -----------------------------------------------------

    /// Opens another scenario; the choice is remembered in the file.
    pub fn switch_scenario(&mut self, id: ScenarioId) -> Result<()> {
        if id == self.active {
            return Ok(());
        }
        self.scenario(id)?;
        let total_changes = self.conn.total_changes();
        let kept = self
            .left
            .take()
            .filter(|l| l.scenario == id && l.total_changes == total_changes);
        let org = match kept {
            Some(left) => left.org,
            None => Arc::new(load_checked(&self.conn, id, &self.scenarios)?),
        };
        meta_set(&self.conn, "active_scenario", &id.0.to_string())?;
        let left = std::mem::replace(&mut self.org, org);
        self.left = Some(LeftOrg {
            scenario: self.active,
            org: left,
            total_changes: self.conn.total_changes(),
        });
        self.active = id;
        // Remembering the open scenario is a write too: counted, so switching alone cannot grow
        // the WAL (auto-checkpointing is off) without bound.
        self.after_write();
        Ok(())
    }

    /// The scenario whose org a switch to it would take from memory rather than read from the
    /// file: the one left last, while no record was written since.
    pub fn kept_scenario(&self) -> Option<ScenarioId> {
        let now = self.conn.total_changes();
        self.left
            .as_ref()
            .filter(|l| l.total_changes == now)
            .map(|l| l.scenario)
    }

    /// The nodes collapsed in a view of the open scenario.
    pub fn collapsed(&self, view: View) -> Result<Vec<u32>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT node_id FROM collapsed WHERE scenario_id = ?1 AND view = ?2 ORDER BY node_id",
            )
            .map_err(sql_error)?;
        let rows = st
            .query_map(params![self.active.0, view.as_str()], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(sql_error)?;
        rows.map(|r| r.map(|v| v as u32))
            .collect::<rusqlite::Result<_>>()
            .map_err(sql_error)
    }

    pub fn set_collapsed(&mut self, view: View, node: u32, collapsed: bool) -> Result<()> {
        if !view.folds() {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!("nothing folds in the {view} view"),
            ));
        }
        let before = self.conn.total_changes();
        let sql = if collapsed {
            "INSERT OR IGNORE INTO collapsed (scenario_id, view, node_id) VALUES (?1, ?2, ?3)"
        } else {
            "DELETE FROM collapsed WHERE scenario_id = ?1 AND view = ?2 AND node_id = ?3"
        };
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(params![self.active.0, view.as_str(), node]))
            .map_err(sql_error)?;
        self.after_view_write(before);
        Ok(())
    }

    /// Makes `nodes` the whole collapsed set of a view of the open scenario, in one transaction
    /// ("expand all" is an empty list, "expand to level N" the people at that level).
    pub fn replace_collapsed(&mut self, view: View, nodes: &[u32]) -> Result<()> {
        let before = self.conn.total_changes();
        let tx = self.conn.transaction().map_err(sql_error)?;
        tx.execute(
            "DELETE FROM collapsed WHERE scenario_id = ?1 AND view = ?2",
            params![self.active.0, view.as_str()],
        )
        .map_err(sql_error)?;
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO collapsed (scenario_id, view, node_id) VALUES (?1, ?2, ?3)",
                )
                .map_err(sql_error)?;
            for &node in nodes {
                st.execute(params![self.active.0, view.as_str(), node])
                    .map_err(sql_error)?;
            }
        }
        tx.commit().map_err(sql_error)?;
        self.after_view_write(before);
        Ok(())
    }

    /// Reserves `count` fresh ids so a batch can create records that refer to each other.
    /// Returns the first; the reserved ids are `first..first + count`.
    pub fn reserve_ids(&mut self, count: u32) -> Result<u32> {
        let first = self.ids.next;
        let next = first
            .checked_add(count)
            .filter(|&n| n <= MAX_ID + 1)
            .ok_or_else(|| Error::new(ErrorCode::InvalidValue, "too many ids requested"))?;
        meta_set(&self.conn, "next_id", &next.to_string())?;
        self.ids.next = next;
        self.after_write();
        Ok(first)
    }

    // ---- edits ------------------------------------------------------------------------

    /// Validates and applies an operation, writes it and its inverse to the file in one
    /// transaction, and says what changed. A rejected operation changes nothing.
    pub fn apply(&mut self, op: Op) -> Result<Applied> {
        if let Op::SetCheckSettings { settings } = &op {
            let settings = settings.clone();
            return self.apply_check_settings(op, settings);
        }
        if matches!(op, Op::SaveSheetView { .. } | Op::DeleteSheetView { .. }) {
            return self.apply_sheet_view(op);
        }
        if matches!(
            op,
            Op::AddField { .. } | Op::UpdateField { .. } | Op::RemoveField { .. }
        ) {
            return self.apply_field(op);
        }
        if op.is_scenario_op() {
            return self.apply_scenario_op(op);
        }
        let mut ids = self.ids;
        let patch = self.org_mut().execute(&op, &mut ids)?;
        if patch.is_empty() {
            return Ok(self.applied(op.label(), Some(self.active), &patch));
        }
        let checked = fields::read(&self.conn)
            .and_then(|defs| fields::check_values(&defs, &self.org, &patch))
            .and_then(|()| self.persist_new(Some(self.active), &op, &patch, ids));
        if let Err(e) = checked {
            self.org_mut()
                .apply_patch(&patch.clone().inverted())
                .expect("reverting a patch just applied cannot conflict");
            return Err(e);
        }
        self.ids = ids;
        self.after_write();
        Ok(self.applied(op.label(), Some(self.active), &patch))
    }

    fn applied(&self, label: String, scenario: Option<ScenarioId>, patch: &Patch) -> Applied {
        Applied {
            label,
            changes: ChangeSet::from_patch(scenario, patch),
            active_scenario: self.active,
        }
    }

    fn persist_new(
        &mut self,
        scenario: Option<ScenarioId>,
        op: &Op,
        patch: &Patch,
        ids: IdCounter,
    ) -> Result<()> {
        let tx = self.conn.transaction().map_err(sql_error)?;
        log::drop_redo_branch(&tx)?;
        write_patch(&tx, scenario, patch)?;
        log::append(&tx, scenario, op, patch)?;
        if ids != self.ids {
            meta_set(&tx, "next_id", &ids.next.to_string())?;
        }
        tx.commit().map_err(sql_error)
    }

    fn apply_scenario_op(&mut self, op: Op) -> Result<Applied> {
        let mut ids = self.ids;
        if let Op::PromoteScenario { id } = &op {
            let changes = self.promotion(*id)?;
            return self.commit_scenario_patch(op, Patch { changes }, ids);
        }
        if let Op::CreateScenarioWith { .. } = &op {
            return self.create_scenario_with(op, ids);
        }
        let change = match &op {
            Op::CreateScenario { name } | Op::ForkScenario { name, .. } => {
                let name = self.free_scenario_name(name, None)?;
                let fork_from = match &op {
                    Op::ForkScenario { from, .. } => Some(self.scenario(*from)?.id),
                    _ => None,
                };
                let position = self.end_position();
                Change::Scenario {
                    delta: Delta {
                        before: None,
                        after: Some(Scenario {
                            id: ScenarioId(ids.fresh()),
                            name,
                            position,
                            archived: false,
                        }),
                    },
                    fork_from,
                }
            }
            Op::RenameScenario { id, name } => {
                let old = self.scenario(*id)?.clone();
                let name = self.free_scenario_name(name, Some(*id))?;
                Change::Scenario {
                    delta: Delta {
                        before: Some(old.clone()),
                        after: Some(Scenario { name, ..old }),
                    },
                    fork_from: None,
                }
            }
            Op::DeleteScenario { id } => {
                let old = self.scenario(*id)?.clone();
                if self.scenarios.len() == 1 {
                    return err(
                        ErrorCode::LastScenario,
                        format!("'{}' is the only scenario and cannot be deleted", old.name),
                    );
                }
                Change::Scenario {
                    delta: Delta {
                        before: Some(old),
                        after: None,
                    },
                    fork_from: None,
                }
            }
            _ => unreachable!("only scenario ops reach here"),
        };
        let patch = Patch {
            changes: vec![change],
        };
        self.commit_scenario_patch(op, patch, ids)
    }

    /// A new scenario and its records in one transaction. Only the scenario's creation is
    /// logged: undo hides the scenario with everything in it and redo shows it again, so the
    /// records never need replaying.
    fn create_scenario_with(&mut self, op: Op, mut ids: IdCounter) -> Result<Applied> {
        let Op::CreateScenarioWith { name, label, ops } = &op else {
            unreachable!("only CreateScenarioWith reaches here")
        };
        let name = self.free_scenario_name(name, None)?;
        // Checked on an empty org exactly as a batch in an empty scenario would be, custom
        // values against the document's field definitions included.
        let mut built = Org::new();
        let records = built.execute(
            &Op::Batch {
                label: label.clone(),
                ops: ops.clone(),
            },
            &mut ids,
        )?;
        fields::check_values(&fields::read(&self.conn)?, &built, &records)?;
        let position = self.end_position();
        let scenario = Scenario {
            id: ScenarioId(ids.fresh()),
            name,
            position,
            archived: false,
        };
        let id = scenario.id;
        let patch = Patch {
            changes: vec![Change::Scenario {
                delta: Delta {
                    before: None,
                    after: Some(scenario),
                },
                fork_from: None,
            }],
        };
        let tx = self.conn.transaction().map_err(sql_error)?;
        log::drop_redo_branch(&tx)?;
        write_patch(&tx, None, &patch)?;
        write_patch(&tx, Some(id), &records)?;
        log::append(&tx, None, &op, &patch)?;
        if ids != self.ids {
            meta_set(&tx, "next_id", &ids.next.to_string())?;
        }
        tx.commit().map_err(sql_error)?;
        self.ids = ids;
        self.after_scenario_change()?;
        self.after_write();
        Ok(self.applied(op.label(), None, &patch))
    }

    /// The bar position after every scenario's: where a new or archived scenario goes.
    fn end_position(&self) -> u32 {
        self.scenarios
            .iter()
            .map(|s| s.position + 1)
            .max()
            .unwrap_or(0)
    }

    fn commit_scenario_patch(&mut self, op: Op, patch: Patch, ids: IdCounter) -> Result<Applied> {
        self.persist_new(None, &op, &patch, ids)?;
        self.ids = ids;
        self.after_scenario_change()?;
        self.after_write();
        Ok(self.applied(op.label(), None, &patch))
    }

    /// The scenario changes that make `id` the baseline. The old baseline is renamed first so
    /// its name is free when the promoted one takes it (visible names are unique in the file).
    fn promotion(&self, id: ScenarioId) -> Result<Vec<Change>> {
        let promoted = self.scenario(id)?.clone();
        let baseline = self.baseline().clone();
        if baseline.id == id {
            return err(
                ErrorCode::NotAllowed,
                format!("'{}' is the baseline already", baseline.name),
            );
        }
        let end = self.end_position();
        let stem = format!("{} before {}", baseline.name, promoted.name);
        let archived_name = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem} ({n})")
                }
            })
            .find(|name| self.scenarios.iter().all(|s| &s.name != name))
            .expect("some numbered name is free");
        let update = |before: &Scenario, after: Scenario| Change::Scenario {
            delta: Delta {
                before: Some(before.clone()),
                after: Some(after),
            },
            fork_from: None,
        };
        Ok(vec![
            update(
                &baseline,
                Scenario {
                    name: archived_name,
                    position: end,
                    archived: true,
                    ..baseline.clone()
                },
            ),
            update(
                &promoted,
                Scenario {
                    name: baseline.name.clone(),
                    position: baseline.position,
                    archived: false,
                    ..promoted.clone()
                },
            ),
        ])
    }

    fn free_scenario_name(&self, name: &str, except: Option<ScenarioId>) -> Result<String> {
        let name = validate::scenario_name(name)?;
        if self
            .scenarios
            .iter()
            .any(|s| s.name == name && Some(s.id) != except)
        {
            return err(
                ErrorCode::Duplicate,
                format!("a scenario called '{name}' exists already"),
            );
        }
        Ok(name)
    }

    /// Refreshes the scenario list; if the open scenario went away, opens the first one.
    fn after_scenario_change(&mut self) -> Result<()> {
        self.scenarios = rows::scenarios(&self.conn)?;
        if !self.scenarios.iter().any(|s| s.id == self.active) {
            let first = self
                .scenarios
                .first()
                .map(|s| s.id)
                .ok_or_else(|| corrupt("it has no scenario left"))?;
            self.org = Arc::new(load_checked(&self.conn, first, &self.scenarios)?);
            self.active = first;
            meta_set(&self.conn, "active_scenario", &first.0.to_string())?;
        }
        Ok(())
    }

    /// Reverts the last edit (in whichever scenario it was made: that scenario opens).
    pub fn undo(&mut self) -> Result<Applied> {
        let entry = log::last_done(&self.conn)?
            .ok_or_else(|| Error::new(ErrorCode::NothingToUndo, "there is nothing to undo"))?;
        self.replay(
            entry.seq,
            entry.scenario,
            entry.label,
            entry.patch.inverted(),
            true,
        )
    }

    /// Re-applies the last undone edit.
    pub fn redo(&mut self) -> Result<Applied> {
        let entry = log::first_undone(&self.conn)?
            .ok_or_else(|| Error::new(ErrorCode::NothingToRedo, "there is nothing to redo"))?;
        self.replay(entry.seq, entry.scenario, entry.label, entry.patch, false)
    }

    fn replay(
        &mut self,
        seq: i64,
        scenario: Option<ScenarioId>,
        label: String,
        patch: Patch,
        undone: bool,
    ) -> Result<Applied> {
        if let Some(s) = scenario {
            self.switch_scenario(s)?;
            self.org_mut().apply_patch(&patch)?;
            // The entry came from the file: what it leaves must obey the model's rules.
            if let Err(e) = trust::check_replayed(&self.org, &patch) {
                self.org_mut()
                    .apply_patch(&patch.clone().inverted())
                    .expect("reverting a patch just applied cannot conflict");
                return Err(e);
            }
        }
        let written = (|| {
            let tx = self.conn.transaction().map_err(sql_error)?;
            write_patch(&tx, scenario, &patch)?;
            log::mark(&tx, seq, undone)?;
            tx.commit().map_err(sql_error)
        })();
        if let Err(e) = written {
            if scenario.is_some() {
                self.org_mut()
                    .apply_patch(&patch.clone().inverted())
                    .expect("reverting a patch just applied cannot conflict");
            }
            return Err(e);
        }
        if scenario.is_none() {
            self.after_scenario_change()?;
        }
        self.after_write();
        Ok(self.applied(label, scenario, &patch))
    }

    /// After a write of view state only (folded nodes, the as-of day), begun at SQLite's count
    /// of changed rows `before`: no record changed, so the org kept from before the last switch
    /// stays usable if it was (folding a 100k chart must not cost reading it again on the way
    /// back). View state is a write too: counted, so the WAL is folded in after it.
    pub(crate) fn after_view_write(&mut self, before: u64) {
        let now = self.conn.total_changes();
        if let Some(left) = self.left.as_mut().filter(|l| l.total_changes == before) {
            left.total_changes = now;
        }
        self.after_write();
    }

    fn after_write(&mut self) {
        let now = Instant::now();
        self.last_write = Some(now);
        self.first_unsynced.get_or_insert(now);
        self.writes_since_checkpoint += 1;
        if self.writes_since_checkpoint >= CHECKPOINT_EVERY {
            // A failed checkpoint only leaves the WAL longer; the write itself is committed.
            let _ = self.checkpoint();
        }
    }

    /// Folds the write-ahead log into the file. Cheap to call when idle; edits never wait for it.
    pub fn checkpoint(&mut self) -> Result<()> {
        if self.path.is_some() && !self.read_only {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(sql_error)?;
        }
        self.writes_since_checkpoint = 0;
        self.first_unsynced = None;
        Ok(())
    }

    /// Checkpoints (which syncs the log and the file to disk) if anything was written and
    /// either nothing since for `idle`, or the oldest write not yet synced is `idle` old.
    /// Called on a timer: commits are not synced one by one (an fsync per edit cost ~4 ms
    /// here, eight times the edit budget), so this bounds what a power loss can take to about
    /// `idle`, and the `.topo` file alone holds every edit shortly after editing stops (someone
    /// copying or backing up just that file gets everything). Says whether it checkpointed.
    pub fn checkpoint_if_idle(&mut self, idle: Duration) -> Result<bool> {
        let due = self.writes_since_checkpoint > 0
            && (self.last_write.is_some_and(|t| t.elapsed() >= idle)
                || self.first_unsynced.is_some_and(|t| t.elapsed() >= idle));
        if due {
            self.checkpoint()?;
        }
        Ok(due)
    }

    /// Writes a complete copy to `path` (which must not exist) and continues in the copy. The
    /// copy is written under a temporary name beside `path` and renamed into place once whole,
    /// so a kill leaves either no file or a complete one.
    pub fn save_as(&mut self, path: &Path) -> Result<()> {
        let named = |e: Error| Error::new(e.code, format!("{}: {}", path.display(), e.message));
        if path.exists() {
            return Err(named(Error::new(
                ErrorCode::FileExists,
                "a file exists there already",
            )));
        }
        let temp = open::temp_beside(path);
        let target = temp
            .to_str()
            .ok_or_else(|| named(Error::new(ErrorCode::Io, "the path is not valid UTF-8")))?
            .to_string();
        let copied = self
            .conn
            .execute("VACUUM INTO ?1", [target])
            .map_err(sql_error)
            .and_then(|_| open::publish(&temp, path));
        if let Err(e) = copied {
            open::discard(&temp);
            return Err(named(e));
        }
        let copy = Document::open(path)?;
        *self = copy;
        Ok(())
    }
}

/// Loads a scenario's org and checks it against the model's rules: a file is untrusted input.
fn load_checked(conn: &Connection, id: ScenarioId, scenarios: &[Scenario]) -> Result<Org> {
    let org = rows::load(conn, id)?;
    trust::check_org(&org).map_err(|e| {
        let name = scenarios
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| format!("scenario '{}'", s.name));
        Error::new(
            ErrorCode::Corrupt,
            format!("the document is damaged: {name}: {}", e.message),
        )
    })?;
    Ok(org)
}

/// Writes a patch's changes: record changes into `scenario`, scenario changes into the list.
fn write_patch(conn: &Connection, scenario: Option<ScenarioId>, patch: &Patch) -> Result<()> {
    for change in &patch.changes {
        match (change, scenario) {
            (Change::Scenario { delta, fork_from }, _) => {
                rows::write_scenario(conn, &delta.before, &delta.after, *fork_from)?
            }
            (Change::CheckSettings(d), _) => check_settings::write(conn, &d.after)?,
            (Change::SheetViews(d), _) => sheet_views::write(conn, &d.after)?,
            (Change::Fields(d), _) => fields::write(conn, &d.after)?,
            (c, Some(s)) => rows::write_change(conn, s, c)?,
            (_, None) => return Err(corrupt("a record change outside any scenario")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod left_org_tests {
    use super::*;
    use topograph_model::PersonId;

    /// The sample as "Current" and its fork "Proposal", open on "Current".
    fn forked() -> (Document, ScenarioId, ScenarioId) {
        let mut doc = Document::in_memory_with("Current", &topograph_sample::sample()).unwrap();
        let current = doc.active_scenario().id;
        doc.apply(Op::ForkScenario {
            from: current,
            name: "Proposal".into(),
        })
        .unwrap();
        let proposal = doc.scenario_by_name("Proposal").unwrap().id;
        doc.switch_scenario(current).unwrap();
        (doc, current, proposal)
    }

    /// Renames someone in the open scenario; returns their id.
    fn rename_someone(doc: &mut Document, name: &str) -> PersonId {
        let mut person = doc.org().persons().next().unwrap().clone();
        person.name = name.into();
        let id = person.id;
        doc.apply(Op::UpdatePerson { person }).unwrap();
        id
    }

    fn name_of(doc: &Document, id: PersonId) -> String {
        doc.org().person(id).unwrap().name.clone()
    }

    #[test]
    fn an_edit_leaves_a_shared_org_as_the_view_took_it_and_changes_an_unshared_one_in_place() {
        let (mut doc, _, _) = forked();
        let held = doc.org_shared();
        assert!(doc.shares_org(&held));
        let id = rename_someone(&mut doc, "Zed");
        assert!(!doc.shares_org(&held), "the edit made its own copy");
        assert_ne!(
            held.person(id).unwrap().name,
            "Zed",
            "the view's org is untouched"
        );
        assert_eq!(name_of(&doc, id), "Zed");
        drop(held);
        let before = Arc::as_ptr(&doc.org_shared());
        rename_someone(&mut doc, "Yan");
        assert_eq!(
            Arc::as_ptr(&doc.org_shared()),
            before,
            "nothing held it: changed in place"
        );
        assert_eq!(name_of(&doc, id), "Yan");
    }

    #[test]
    fn switching_back_without_an_edit_takes_the_kept_org() {
        let (mut doc, current, proposal) = forked();
        doc.switch_scenario(proposal).unwrap();
        assert_eq!(doc.left.as_ref().map(|l| l.scenario), Some(current));
        doc.switch_scenario(current).unwrap();
        assert_eq!(
            doc.left.as_ref().map(|l| l.scenario),
            Some(proposal),
            "the org switched back to came from the kept slot, and the one left took its place"
        );
        assert_eq!(doc.org(), &doc.load_scenario(current).unwrap());
    }

    fn kept_is_usable(doc: &Document) -> bool {
        doc.kept_scenario().is_some()
    }

    #[test]
    fn folding_the_chart_or_moving_the_as_of_day_keeps_the_org_kept_for_switching_back() {
        let (mut doc, current, proposal) = forked();
        doc.switch_scenario(proposal).unwrap();
        let boss = doc.org().persons().next().unwrap().id.0;
        doc.replace_collapsed(View::OrgChart, &[boss]).unwrap();
        doc.set_collapsed(View::OrgChart, boss, false).unwrap();
        doc.set_view_date(Some(topograph_model::Date::parse("2030-01-01").unwrap()))
            .unwrap();
        doc.set_view_date(None).unwrap();
        assert!(kept_is_usable(&doc), "view state changed no record");
        doc.switch_scenario(current).unwrap();
        assert_eq!(doc.org(), &doc.load_scenario(current).unwrap());
        rename_someone(&mut doc, "Renamed in Current");
        doc.replace_collapsed(View::OrgChart, &[]).unwrap();
        assert!(
            !kept_is_usable(&doc),
            "an edit before the view write still drops it"
        );
    }

    #[test]
    fn an_edit_anywhere_drops_the_kept_org() {
        let (mut doc, current, proposal) = forked();
        doc.switch_scenario(proposal).unwrap();
        let stamp = doc.left.as_ref().unwrap().total_changes;
        let id = rename_someone(&mut doc, "Renamed in the proposal");
        assert_ne!(stamp, doc.conn.total_changes(), "the edit moved the count");
        doc.switch_scenario(current).unwrap();
        assert_eq!(doc.org(), &doc.load_scenario(current).unwrap());
        assert_ne!(name_of(&doc, id), "Renamed in the proposal");
    }

    #[test]
    fn undoing_an_edit_of_the_scenario_left_reverts_it_in_the_file_and_in_memory() {
        let (mut doc, current, proposal) = forked();
        let id = doc.org().persons().next().unwrap().id;
        let before = name_of(&doc, id);
        rename_someone(&mut doc, "Renamed in Current");
        doc.switch_scenario(proposal).unwrap();
        doc.undo().unwrap();
        assert_eq!(
            doc.active_scenario().id,
            current,
            "the undo opened its scenario"
        );
        assert_eq!(name_of(&doc, id), before);
        assert_eq!(doc.org(), &doc.load_scenario(current).unwrap());
        doc.switch_scenario(proposal).unwrap();
        doc.switch_scenario(current).unwrap();
        assert_eq!(doc.org(), &doc.load_scenario(current).unwrap());
    }
}
