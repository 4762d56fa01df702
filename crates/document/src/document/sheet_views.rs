//! The people sheet's saved views: kept in the `meta` table (document-wide, like the check
//! settings), changed only by the undoable `save-sheet-view` and `delete-sheet-view` ops.

use super::{meta_get, meta_set, Document};
use rusqlite::Connection;
use topograph_model::{Change, Delta, Error, ErrorCode, Op, Patch, Result, SheetViews};

const KEY: &str = "sheet_views";

/// The views stored in a file; a file that never saved one has none.
pub(super) fn read(conn: &Connection) -> Result<SheetViews> {
    match meta_get(conn, KEY)? {
        None => Ok(SheetViews::default()),
        Some(json) => serde_json::from_str(&json).map_err(|e| {
            Error::new(
                ErrorCode::Corrupt,
                format!("the document is damaged: its saved sheet views are unreadable: {e}"),
            )
        }),
    }
}

/// Writes the after image of a change of views (undo and redo come through here too).
pub(super) fn write(conn: &Connection, after: &Option<SheetViews>) -> Result<()> {
    let views = after.clone().unwrap_or_default();
    let json = serde_json::to_string(&views).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("the saved sheet views cannot be written: {e}"),
        )
    })?;
    meta_set(conn, KEY, &json)
}

impl Document {
    /// The saved views of the people sheet (the same for every scenario).
    pub fn sheet_views(&self) -> Result<SheetViews> {
        read(&self.conn)
    }

    pub(super) fn apply_sheet_view(&mut self, op: Op) -> Result<crate::Applied> {
        let before = read(&self.conn)?;
        let after = match &op {
            Op::SaveSheetView { view } => before.with(view)?,
            Op::DeleteSheetView { name } => before.without(name)?,
            _ => unreachable!("only sheet-view ops come here"),
        };
        let patch = if before == after {
            Patch::default()
        } else {
            Patch {
                changes: vec![Change::SheetViews(Delta {
                    before: Some(before),
                    after: Some(after),
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
