//! The day the views show the org on (the app's as-of control). View state kept in the file's
//! `meta` table like collapsed nodes, so it survives a relaunch; never in the undo log, and one
//! day for the whole document (every scenario is seen on the same day).

use super::{meta_get, Document};
use crate::sql_error;
use topograph_model::{Date, Result};

const KEY: &str = "view_date";

impl Document {
    /// The day the views show, or `None` for the design as entered (today). A value that does
    /// not read as a day (a file edited by hand) counts as none: it is view state, not data.
    pub fn view_date(&self) -> Result<Option<Date>> {
        Ok(meta_get(&self.conn, KEY)?.and_then(|text| Date::parse(&text)))
    }

    /// Keeps `day` as the day the views show; `None` goes back to the design as entered.
    pub fn set_view_date(&mut self, day: Option<Date>) -> Result<()> {
        let before = self.conn.total_changes();
        match day {
            Some(day) => super::meta_set(&self.conn, KEY, &day.to_string())?,
            None => {
                self.conn
                    .execute("DELETE FROM meta WHERE key = ?1", [KEY])
                    .map_err(sql_error)?;
            }
        }
        self.after_view_write(before);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use topograph_model::Date;

    #[test]
    fn the_view_date_is_kept_in_the_file_until_it_is_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dated.topo");
        let mut doc = Document::create(&path).unwrap();
        assert_eq!(doc.view_date().unwrap(), None);
        let day = Date::parse("2027-03-01").unwrap();
        doc.set_view_date(Some(day)).unwrap();
        drop(doc);
        let mut doc = Document::open(&path).unwrap();
        assert_eq!(doc.view_date().unwrap(), Some(day));
        assert_eq!(
            doc.history().unwrap().undo,
            None,
            "the view date is not an edit"
        );
        doc.set_view_date(None).unwrap();
        drop(doc);
        assert_eq!(Document::open(&path).unwrap().view_date().unwrap(), None);
    }
}
