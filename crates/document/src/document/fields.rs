//! Custom field definitions: kept in the `meta` table (document-wide), changed only by the
//! undoable field ops. Values live in each scenario's people; an op that renames or removes a
//! field carries the changed people of the open scenario in its patch, so undo restores them.

use super::{meta_get, meta_set, Document};
use rusqlite::{params, Connection};
use std::collections::BTreeSet;
use topograph_model::{
    err, Change, Delta, Error, ErrorCode, FieldDef, FieldDefs, FieldKind, Op, Org, Patch, PersonId,
    Result, MAX_FIELDS,
};

const KEY: &str = "fields";

/// The definitions stored in a file, checked: a file is untrusted, and a hostile definition
/// (an unknown type, a bad colour, a name used twice) is refused with what is wrong.
pub(super) fn read(conn: &Connection) -> Result<FieldDefs> {
    let Some(json) = meta_get(conn, KEY)? else {
        return Ok(FieldDefs::default());
    };
    let damaged = |what: String| {
        Error::new(
            ErrorCode::Corrupt,
            format!("the document is damaged: its field definitions {what}"),
        )
    };
    let defs: FieldDefs =
        serde_json::from_str(&json).map_err(|e| damaged(format!("are unreadable: {e}")))?;
    defs.check()
        .map_err(|e| damaged(format!("are unsound: {}", e.message)))?;
    Ok(defs)
}

pub(super) fn write(conn: &Connection, after: &Option<FieldDefs>) -> Result<()> {
    let defs = after.clone().unwrap_or_default();
    let json = serde_json::to_string(&defs).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("the field definitions cannot be written: {e}"),
        )
    })?;
    meta_set(conn, KEY, &json)
}

/// Text definitions for the custom keys of a new document's org (an import, the sample), so
/// every value it holds has a field.
pub(super) fn write_for_new(conn: &Connection, org: &Org) -> Result<()> {
    let keys: BTreeSet<&str> = org
        .persons()
        .flat_map(|p| p.custom.keys().map(String::as_str))
        .collect();
    let fields: Vec<FieldDef> = keys
        .into_iter()
        .map(FieldDef::text)
        .filter(|f| FieldDefs::default().with_added(f).is_ok() && f.name == f.name.trim())
        .take(MAX_FIELDS)
        .collect();
    if fields.is_empty() {
        return Ok(());
    }
    write(conn, &Some(FieldDefs { fields }))
}

/// Checks the custom values a patch writes against their definitions (keys without one are
/// text). Only values that changed are checked, so an edit of a title never trips over a value
/// that an older type change elsewhere left.
pub(super) fn check_values(defs: &FieldDefs, org: &Org, patch: &Patch) -> Result<()> {
    if defs.fields.is_empty() {
        return Ok(());
    }
    for change in &patch.changes {
        let Change::Person(d) = change else { continue };
        let Some(after) = &d.after else { continue };
        for (key, value) in &after.custom {
            let unchanged = d
                .before
                .as_ref()
                .is_some_and(|b| b.custom.get(key) == Some(value));
            if unchanged {
                continue;
            }
            if let Some(def) = defs.get(key) {
                def.check_value(value, |id| org.person(PersonId(id)).is_some())
                    .map_err(|e| {
                        Error::in_field(e.code, "custom", format!("{}: {}", after.name, e.message))
                    })?;
            }
        }
    }
    Ok(())
}

impl Document {
    /// The field definitions, then a text field for every custom key of the open scenario that
    /// has none (values from before definitions, or another scenario's removed field).
    pub fn fields(&self) -> Result<FieldDefs> {
        let mut defs = read(&self.conn)?;
        let defined: BTreeSet<String> = defs.fields.iter().map(|f| f.name.clone()).collect();
        let undefined: BTreeSet<&str> = self
            .org
            .persons()
            .flat_map(|p| p.custom.keys().map(String::as_str))
            .filter(|k| !defined.contains(*k))
            .collect();
        defs.fields
            .extend(undefined.into_iter().map(FieldDef::text));
        Ok(defs)
    }

    /// The stored definitions alone.
    pub fn defined_fields(&self) -> Result<FieldDefs> {
        read(&self.conn)
    }

    /// How many people of the open scenario hold a value of the field `name`.
    pub fn field_usage(&self, name: &str) -> usize {
        self.org
            .persons()
            .filter(|p| p.custom.contains_key(name))
            .count()
    }

    pub(super) fn apply_field(&mut self, op: Op) -> Result<crate::Applied> {
        let before = read(&self.conn)?;
        let (after, people, label) = match &op {
            Op::AddField { field } => {
                let after = before.with_added(field)?;
                let def = after.fields.last().expect("just added");
                self.check_held(def)?;
                (after, Vec::new(), op.label())
            }
            Op::UpdateField { name, field } => {
                let after = before.with_updated(name, field)?;
                let def = after
                    .fields
                    .iter()
                    .find(|f| f.name == field.name.trim())
                    .expect("just updated");
                let people = if def.name != *name {
                    self.moved_values(name, Some(&def.name))
                } else {
                    Vec::new()
                };
                self.check_held_under(def, name)?;
                (after, people, op.label())
            }
            Op::RemoveField { name } => {
                let after = before.without(name)?;
                let people = self.moved_values(name, None);
                let label = match people.len() {
                    0 => format!("Remove field '{name}'"),
                    1 => format!("Remove field '{name}' and its 1 value"),
                    n => format!("Remove field '{name}' and its {n} values"),
                };
                (after, people, label)
            }
            _ => unreachable!("only field ops come here"),
        };
        let mut patch = Patch {
            changes: vec![Change::Fields(Delta {
                before: Some(before),
                after: Some(after),
            })],
        };
        patch.changes.extend(people.into_iter().map(Change::Person));
        self.org_mut().apply_patch(&patch)?;
        let written = (|| {
            let tx = self.conn.transaction().map_err(crate::sql_error)?;
            crate::log::drop_redo_branch(&tx)?;
            super::write_patch(&tx, Some(self.active), &patch)?;
            crate::log::append_labelled(&tx, Some(self.active), &label, &op, &patch)?;
            tx.commit().map_err(crate::sql_error)
        })();
        if let Err(e) = written {
            self.org_mut()
                .apply_patch(&patch.clone().inverted())
                .expect("reverting a patch just applied cannot conflict");
            return Err(e);
        }
        self.after_write();
        Ok(self.applied(label, Some(self.active), &patch))
    }

    /// The people of the open scenario holding `from`, with the value moved to `to` (a rename)
    /// or dropped (a removal).
    fn moved_values(&self, from: &str, to: Option<&str>) -> Vec<Delta<topograph_model::Person>> {
        self.org
            .persons()
            .filter(|p| p.custom.contains_key(from))
            .map(|p| {
                let mut after = p.clone();
                let value = after.custom.remove(from).expect("filtered on it");
                if let Some(to) = to {
                    after.custom.insert(to.to_string(), value);
                }
                Delta {
                    before: Some(p.clone()),
                    after: Some(after),
                }
            })
            .collect()
    }

    fn check_held(&self, def: &FieldDef) -> Result<()> {
        self.check_held_under(def, &def.name)
    }

    /// Refuses a definition that values already held under `key` do not fit: in the open
    /// scenario (naming the person) and in the others (naming the scenario).
    fn check_held_under(&self, def: &FieldDef, key: &str) -> Result<()> {
        if def.kind == FieldKind::Text {
            return Ok(());
        }
        for p in self.org.persons() {
            if let Some(v) = p.custom.get(key) {
                def.check_value(v, |id| self.org.person(PersonId(id)).is_some())
                    .map_err(|e| Error::new(e.code, format!("{}: {}", p.name, e.message)))?;
            }
        }
        let mut st = self
            .conn
            .prepare(
                "SELECT s.name, p.name, j.value FROM person AS p JOIN scenario AS s ON s.id = p.scenario_id, \
                 json_each(p.custom) AS j WHERE j.key = ?1 AND s.hidden = 0 AND s.id <> ?2",
            )
            .map_err(crate::sql_error)?;
        let rows = st
            .query_map(params![key, self.active.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(crate::sql_error)?;
        for row in rows {
            let (scenario, person, value) = row.map_err(crate::sql_error)?;
            // Whether a person exists is a question for that scenario; the type is not.
            if let Err(e) = def.check_value(&value, |_| true) {
                return err(
                    e.code,
                    format!("scenario '{scenario}': {person}: {}", e.message),
                );
            }
        }
        Ok(())
    }
}
