//! Saved views of the people sheet: a name, the rows (people or units), the sort and the filters.
//! They belong to the document (like the check settings), not to a scenario, and change only
//! through the undoable `save-sheet-view` and `delete-sheet-view` ops.

use crate::error::{err, Result};
use crate::ErrorCode;
use serde::{Deserialize, Serialize};

/// The filter operators the sheet offers (ui/src/sheet/sheetModel.ts `FilterOp`).
pub const SHEET_FILTER_OPS: &[&str] = &[
    "contains",
    "not-contains",
    "is",
    "is-not",
    "starts-with",
    "is-empty",
    "is-not-empty",
    "lt",
    "le",
    "gt",
    "ge",
];

/// At most this many views, sort levels and filters: a view is a person's choice, not data.
pub const MAX_SHEET_VIEWS: usize = 200;
const MAX_LEVELS: usize = 20;
const MAX_NAME: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetSort {
    /// The column: `name`, `title`, ... or `custom:<key>`.
    pub key: String,
    pub desc: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetFilter {
    pub key: String,
    /// One of [`SHEET_FILTER_OPS`].
    pub op: String,
    pub value: String,
}

/// One saved view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetView {
    pub name: String,
    /// `people` or `units`.
    pub mode: String,
    pub sort: Vec<SheetSort>,
    pub filters: Vec<SheetFilter>,
}

/// The document's saved views, in the order they were first saved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetViews {
    pub views: Vec<SheetView>,
}

impl SheetViews {
    /// The views with `view` saved: replacing the one of the same name (ignoring case), else
    /// added at the end. The view is checked and its name trimmed.
    pub fn with(&self, view: &SheetView) -> Result<SheetViews> {
        let mut view = view.clone();
        view.name = view.name.trim().to_string();
        check(&view)?;
        let mut views = self.views.clone();
        match views
            .iter_mut()
            .find(|v| v.name.to_lowercase() == view.name.to_lowercase())
        {
            Some(v) => *v = view,
            None => {
                if views.len() >= MAX_SHEET_VIEWS {
                    return err(
                        ErrorCode::InvalidValue,
                        format!("a document keeps at most {MAX_SHEET_VIEWS} saved views"),
                    );
                }
                views.push(view)
            }
        }
        Ok(SheetViews { views })
    }

    /// The views without the one called `name` (ignoring case); `not_found` when there is none.
    pub fn without(&self, name: &str) -> Result<SheetViews> {
        let name = name.trim().to_lowercase();
        let views: Vec<SheetView> = self
            .views
            .iter()
            .filter(|v| v.name.to_lowercase() != name)
            .cloned()
            .collect();
        if views.len() == self.views.len() {
            return err(
                ErrorCode::NotFound,
                format!("there is no saved view called '{}'", name),
            );
        }
        Ok(SheetViews { views })
    }
}

fn check(view: &SheetView) -> Result<()> {
    if view.name.is_empty() {
        return err(ErrorCode::InvalidValue, "a saved view needs a name");
    }
    if view.name.chars().count() > MAX_NAME {
        return err(
            ErrorCode::InvalidValue,
            format!("a view's name is at most {MAX_NAME} characters"),
        );
    }
    if view.mode != "people" && view.mode != "units" {
        return err(
            ErrorCode::InvalidValue,
            format!(
                "'{}' is not a sheet mode; expected people or units",
                view.mode
            ),
        );
    }
    if view.sort.len() > MAX_LEVELS || view.filters.len() > MAX_LEVELS {
        return err(
            ErrorCode::InvalidValue,
            format!("a view has at most {MAX_LEVELS} sort levels and {MAX_LEVELS} filters"),
        );
    }
    for f in &view.filters {
        if !SHEET_FILTER_OPS.contains(&f.op.as_str()) {
            return err(
                ErrorCode::InvalidValue,
                format!(
                    "'{}' is not a filter operator; expected one of: {}",
                    f.op,
                    SHEET_FILTER_OPS.join(", ")
                ),
            );
        }
    }
    if view
        .sort
        .iter()
        .chain(std::iter::empty())
        .map(|s| &s.key)
        .chain(view.filters.iter().map(|f| &f.key))
        .any(|k| k.trim().is_empty())
    {
        return err(ErrorCode::InvalidValue, "a sort or filter names no column");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(name: &str) -> SheetView {
        SheetView {
            name: name.into(),
            mode: "people".into(),
            sort: vec![SheetSort {
                key: "level".into(),
                desc: false,
            }],
            filters: vec![SheetFilter {
                key: "location".into(),
                op: "is".into(),
                value: "Berlin".into(),
            }],
        }
    }

    #[test]
    fn saving_a_view_of_the_same_name_replaces_it() {
        let v = SheetViews::default().with(&view(" Berlin ")).unwrap();
        assert_eq!(v.views[0].name, "Berlin");
        let mut other = view("berlin");
        other.filters.clear();
        let v = v.with(&other).unwrap();
        assert_eq!(v.views.len(), 1);
        assert!(v.views[0].filters.is_empty());
        let v = v.with(&view("Designers")).unwrap();
        assert_eq!(v.views.len(), 2);
    }

    #[test]
    fn a_view_without_a_name_or_with_an_unknown_operator_is_refused() {
        assert_eq!(
            SheetViews::default().with(&view("  ")).unwrap_err().code,
            ErrorCode::InvalidValue
        );
        let mut bad = view("x");
        bad.filters[0].op = "like".into();
        assert!(SheetViews::default()
            .with(&bad)
            .unwrap_err()
            .message
            .contains("not a filter operator"));
        bad = view("x");
        bad.mode = "teams".into();
        assert!(SheetViews::default().with(&bad).is_err());
    }

    #[test]
    fn deleting_a_view_that_is_not_there_is_not_found() {
        let v = SheetViews::default().with(&view("A")).unwrap();
        assert!(v.without("a").unwrap().views.is_empty());
        assert_eq!(v.without("b").unwrap_err().code, ErrorCode::NotFound);
    }
}
