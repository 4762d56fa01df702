//! The document's health-check settings: kept in the `meta` table, changed only by the undoable `set-check-settings` op.

use super::{meta_get, meta_set, Document};
use rusqlite::Connection;
use topograph_model::{Change, CheckSettings, Delta, Error, ErrorCode, Op, Patch, Result};

const KEY: &str = "check_settings";

/// The settings stored in a file; a file that never changed them has the defaults.
pub(super) fn read(conn: &Connection) -> Result<CheckSettings> {
    match meta_get(conn, KEY)? {
        None => Ok(CheckSettings::default()),
        Some(json) => serde_json::from_str(&json).map_err(|e| {
            Error::new(
                ErrorCode::Corrupt,
                format!("the document is damaged: its check settings are unreadable: {e}"),
            )
        }),
    }
}

/// Writes the after image of a settings change (undo and redo come through here too).
pub(super) fn write(conn: &Connection, after: &Option<CheckSettings>) -> Result<()> {
    let settings = after.clone().unwrap_or_default();
    let json = serde_json::to_string(&settings).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("the check settings cannot be written: {e}"),
        )
    })?;
    meta_set(conn, KEY, &json)
}

impl Document {
    /// The health-check settings of this document (the same for every scenario).
    pub fn check_settings(&self) -> Result<CheckSettings> {
        read(&self.conn)
    }

    pub(super) fn apply_check_settings(
        &mut self,
        op: Op,
        settings: CheckSettings,
    ) -> Result<crate::Applied> {
        let before = read(&self.conn)?;
        let patch = if before == settings {
            Patch::default()
        } else {
            Patch {
                changes: vec![Change::CheckSettings(Delta {
                    before: Some(before),
                    after: Some(settings),
                })],
            }
        };
        if !patch.is_empty() {
            let ids = self.ids;
            self.persist_new(None, &op, &patch, ids)?;
            self.after_write();
        }
        Ok(self.applied(op.label(), None, &patch))
    }
}
