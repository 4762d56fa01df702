//! The as-of date every view shares: the day the org chart, team map, ownership map, health
//! checks and effort figures show the org on. `None` is the design as entered (today, to the
//! user). The day is the document's view state ([`Document::view_date`]), so it survives a
//! relaunch; the scenes and checks read it here, so the UI never filters a scene itself.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::sync::{Arc, Mutex};
use topograph_document::Document;
use topograph_health::{Finding, FindingTurn, Settings};
use topograph_model::{Date, Error, ErrorCode, Org, Result};

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

/// The open scenario as the views show it: today, the document's own org, shared; on another
/// day, a copy moved to that day.
pub fn shown_org(doc: &Document) -> Result<Arc<Org>> {
    Ok(match doc.view_date()? {
        None => doc.org_shared(),
        day => Arc::new(org_on(doc.org().clone(), day)),
    })
}

/// What the org of the day depends on: which scenario, its version, the document's revision
/// and the day. Equal keys, same org.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownKey {
    pub scenario: topograph_model::ScenarioId,
    pub version: u32,
    pub revision: u32,
    pub day: Option<Date>,
}

/// The open scenario as the views show it, computed once per change and shared. A change of
/// the as-of date asks for the chart, the team map, the ownership map, the effort figures and
/// the checks: moving a 10k org to the day for each of them cost most of the repaint, so the
/// session keeps the last one (an `Arc`, so each reader takes it off the lock without a copy).
#[derive(Debug, Default)]
pub struct ShownCache(Mutex<Option<(ShownKey, Arc<Org>)>>);

impl ShownCache {
    /// The org for `key`, kept or made by `make` (run under this cache's lock, so two readers
    /// asking at once make it once).
    pub fn get(&self, key: ShownKey, make: impl FnOnce() -> Result<Arc<Org>>) -> Result<Arc<Org>> {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, org)) = kept.as_ref() {
            if *k == key {
                return Ok(org.clone());
            }
        }
        let org = make()?;
        *kept = Some((key, org.clone()));
        Ok(org)
    }

    /// Lets go of the kept org when `is` says so (it is the document's own, about to change).
    pub fn forget_if(&self, is: impl FnOnce(&Arc<Org>) -> bool) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if kept.as_ref().is_some_and(|(_, org)| is(org)) {
            *kept = None;
        }
    }

    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// What the checks of the day need, taken under the session lock so they run off it.
pub struct FindingsInput {
    pub org: Arc<Org>,
    pub settings: topograph_model::CheckSettings,
    pub today: Date,
}

impl FindingsInput {
    pub fn run(self) -> Result<Vec<Finding>> {
        topograph_health::check_with(&self.org, &self.settings, self.today)
    }
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
