//! The as-of date every view shares: the day the org chart, team map, ownership map, health
//! checks and effort figures show the org on. `None` is the design as entered (today, to the
//! user). The day is the document's view state ([`Document::view_date`]), so it survives a
//! relaunch; the scenes and checks read it here, so the UI never filters a scene itself.

use serde::{Deserialize, Serialize};
use specta::Type;
use topograph_document::Document;
use topograph_health::{Finding, FindingTurn, Settings};
use topograph_model::{Date, Effort, Error, ErrorCode, Org, Result};

/// The org on `day` (leavers gone, people not yet started planned, dated changes applied), or
/// as entered without a day.
pub fn org_on(org: Org, day: Option<Date>) -> Org {
    match day {
        Some(day) => org.into_as_of(day).org,
        None => org,
    }
}

/// Reads the as-of date a person typed or a command sent: `YYYY-MM-DD`, or empty for none.
pub fn parse_day(field: &str, text: &str) -> Result<Option<Date>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    day(field, text).map(Some)
}

/// `text` as a day, YYYY-MM-DD, or an `invalid_value` naming `field`: the one date check of the
/// app's commands (the plan's range, the as-of day).
pub fn day(field: &str, text: &str) -> Result<Date> {
    topograph_model::validate::check_date(field, text)
        .map_err(|e| Error::in_field(ErrorCode::InvalidValue, field, e.message))?;
    Ok(Date::parse(text).expect("a checked date reads"))
}

/// The day a person chose in the as-of control: none for empty or today (the design as
/// entered is the org today), else the day.
pub fn chosen_day(text: &str) -> Result<Option<Date>> {
    Ok(parse_day("as_of", text)?.filter(|d| *d != Date::today()))
}

/// The open scenario as the views show it.
pub fn shown_org(doc: &Document) -> Result<Org> {
    Ok(org_on(doc.org().clone(), doc.view_date()?))
}

/// The health findings of the open scenario on the as-of date (checks' "today" is that day).
pub fn findings(doc: &Document) -> Result<Vec<Finding>> {
    let day = doc.view_date()?;
    let today = day.unwrap_or_else(Date::today);
    match day {
        Some(day) => {
            topograph_health::check_with(&doc.org().as_of(day).org, &doc.check_settings()?, today)
        }
        None => topograph_health::check_with(doc.org(), &doc.check_settings()?, today),
    }
}

/// Actual effort per product area on the as-of date.
pub fn effort(doc: &Document) -> Result<Effort> {
    Ok(match doc.view_date()? {
        Some(day) => topograph_model::actual_effort(&doc.org().as_of(day).org),
        None => topograph_model::actual_effort(doc.org()),
    })
}

/// The most quarters a timeline looks ahead: twelve monthly passes per year of them.
pub const MAX_QUARTERS: u32 = 8;

/// What the insights panel's "coming quarters" list shows.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct Timeline {
    /// The day it starts from: the as-of date, or today.
    pub from: String,
    pub quarters: u32,
    pub turns: Vec<FindingTurn>,
}

/// The inputs of [`timeline`], taken under the session lock so the passes can run off it.
pub struct TimelineInput {
    pub org: Org,
    pub settings: Settings,
    pub from: Date,
    pub quarters: u32,
}

impl TimelineInput {
    pub fn of(doc: &Document, quarters: u32) -> Result<TimelineInput> {
        if !(1..=MAX_QUARTERS).contains(&quarters) {
            return Err(Error::in_field(
                ErrorCode::InvalidValue,
                "quarters",
                format!("look ahead 1 to {MAX_QUARTERS} quarters, not {quarters}"),
            ));
        }
        Ok(TimelineInput {
            org: doc.org().clone(),
            settings: Settings::resolve(&doc.check_settings()?)?,
            from: doc.view_date()?.unwrap_or_else(Date::today),
            quarters,
        })
    }

    /// The findings that appear, change and go over the quarters after the as-of date.
    pub fn run(self) -> Timeline {
        Timeline {
            from: self.from.to_string(),
            quarters: self.quarters,
            turns: topograph_health::timeline(&self.org, &self.settings, self.from, self.quarters),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_must_be_a_real_date_and_the_error_names_its_field() {
        assert_eq!(day("from", "2027-02-28").unwrap().to_string(), "2027-02-28");
        for bad in ["", "2027-02-30", "28/02/2027", "2027-2-28"] {
            let e = day("from", bad).unwrap_err();
            assert_eq!(
                (e.code, e.field.as_deref()),
                (ErrorCode::InvalidValue, Some("from")),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_empty_as_of_day_is_none_and_a_typed_one_is_checked_like_any_day() {
        assert_eq!(parse_day("as_of", "  ").unwrap(), None);
        assert_eq!(
            parse_day("as_of", " 2027-01-05 ").unwrap(),
            Date::parse("2027-01-05")
        );
        assert_eq!(
            parse_day("as_of", "soon").unwrap_err().field.as_deref(),
            Some("as_of")
        );
    }
}
