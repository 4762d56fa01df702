//! Field-level checks shared by the operations: names, dates, colours, money, ranges.

use crate::entities::{Area, Cost, Interaction, Person, Placement, Unit};
use crate::error::{err, err_in, Error, ErrorCode, Result};
use crate::vocab::PersonStatus;

/// Turns `Some("")` and `Some("  ")` into `None` and trims the rest, so "no value" has one form.
pub fn normalise_opt(v: &mut Option<String>) {
    if let Some(s) = v {
        let t = s.trim();
        if t.is_empty() {
            *v = None;
        } else if t.len() != s.len() {
            *v = Some(t.to_string());
        }
    }
}

fn trim_in_place(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// Checks an ISO calendar date (YYYY-MM-DD), including month lengths and leap years.
pub fn check_date(what: &str, value: &str) -> Result<()> {
    let bad = || {
        err(
            ErrorCode::InvalidValue,
            format!("{what} '{value}' is not a date in the form YYYY-MM-DD"),
        )
    };
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return bad();
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = &value[r];
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return bad();
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return bad(),
    };
    if d == 0 || d > days {
        return bad();
    }
    Ok(())
}

fn check_opt_date(what: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(v) => check_date(what, v),
        None => Ok(()),
    }
}

/// Checks a `#rrggbb` colour.
pub fn check_colour(value: &str) -> Result<()> {
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].bytes().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        err(
            ErrorCode::InvalidValue,
            format!("colour '{value}' is not of the form #rrggbb"),
        )
    }
}

fn check_cost(cost: &Cost) -> Result<()> {
    if !cost.amount.is_finite() || cost.amount < 0.0 {
        return err(
            ErrorCode::InvalidValue,
            format!("cost {} must be a number of zero or more", cost.amount),
        );
    }
    let c = cost.currency.as_bytes();
    if c.len() != 3 || !c.iter().all(|b| b.is_ascii_uppercase()) {
        return err(
            ErrorCode::InvalidValue,
            format!(
                "currency '{}' must be a three-letter ISO code such as EUR or USD",
                cost.currency
            ),
        );
    }
    Ok(())
}

/// Normalises and checks a person's own fields (references are checked by the operation).
pub fn person(p: &mut Person) -> Result<()> {
    trim_in_place(&mut p.name);
    trim_in_place(&mut p.title);
    for v in [
        &mut p.level,
        &mut p.location,
        &mut p.email,
        &mut p.employee_id,
        &mut p.start_date,
        &mut p.end_date,
        &mut p.target_start,
    ] {
        normalise_opt(v);
    }
    if let Some(c) = &mut p.cost {
        c.currency = c.currency.trim().to_ascii_uppercase();
    }
    if p.status == PersonStatus::OpenPosition {
        if p.title.is_empty() {
            return err(
                ErrorCode::NameRequired,
                "an open position needs a role title",
            );
        }
    } else if p.name.is_empty() {
        return err(
            ErrorCode::NameRequired,
            "a person needs a name (an open position needs only a role title)",
        );
    }
    if let Some(e) = &p.email {
        if !e.contains('@') || e.chars().any(char::is_whitespace) {
            return err(
                ErrorCode::InvalidValue,
                format!("email '{e}' is not an email address"),
            );
        }
    }
    in_field("start_date", check_opt_date("start date", &p.start_date))?;
    in_field("end_date", check_opt_date("end date", &p.end_date))?;
    if let (Some(s), Some(e)) = (&p.start_date, &p.end_date) {
        // ISO dates compare correctly as text.
        if e < s {
            return err_in(
                "end_date",
                format!("the end date {e} is before the start date {s}"),
            );
        }
    }
    if let Some(t) = &mut p.target_start {
        *t = t.to_ascii_uppercase();
        if crate::planning::target_start_day(t).is_none() {
            return err_in(
                "target_start",
                format!(
                    "target start '{t}' is not a month (2027-03), a quarter (2027-Q1) or a date (2027-03-15)"
                ),
            );
        }
    }
    if let Some(c) = &p.cost {
        check_cost(c)?;
    }
    if p.custom.keys().any(|k| k.trim().is_empty()) {
        return err(ErrorCode::InvalidValue, "a custom field needs a name");
    }
    Ok(())
}

/// Names the field an error is about, so a form can mark it.
fn in_field(field: &str, r: Result<()>) -> Result<()> {
    r.map_err(|e| Error::in_field(e.code, field, e.message))
}

/// Normalises and checks a unit's own fields.
pub fn unit(u: &mut Unit) -> Result<()> {
    trim_in_place(&mut u.name);
    normalise_opt(&mut u.colour);
    if u.name.is_empty() {
        return err(ErrorCode::NameRequired, "a unit needs a name");
    }
    if let Some(c) = &mut u.colour {
        *c = c.to_ascii_lowercase();
        check_colour(c)?;
    }
    if u.target_size == Some(0) {
        return err(
            ErrorCode::InvalidValue,
            "a target size must be at least 1 person",
        );
    }
    Ok(())
}

/// Normalises and checks an area's own fields.
pub fn area(a: &mut Area) -> Result<()> {
    trim_in_place(&mut a.name);
    if a.name.is_empty() {
        return err(ErrorCode::NameRequired, "a product area needs a name");
    }
    trim_in_place(&mut a.outcome);
    if let Some(t) = a.target_share {
        if !t.is_finite() || !(0.0..=100.0).contains(&t) {
            return err(
                ErrorCode::InvalidValue,
                format!("a target share is a percentage from 0 to 100, not {t}"),
            );
        }
    }
    Ok(())
}

/// Normalises and checks an interaction's own fields.
pub fn interaction(i: &mut Interaction) -> Result<()> {
    normalise_opt(&mut i.start);
    normalise_opt(&mut i.expected_end);
    check_opt_date("start date", &i.start)?;
    check_opt_date("expected end date", &i.expected_end)?;
    if let (Some(s), Some(e)) = (&i.start, &i.expected_end) {
        // ISO dates compare correctly as text.
        if e < s {
            return err(
                ErrorCode::InvalidValue,
                format!("the expected end {e} is before the start {s}"),
            );
        }
    }
    Ok(())
}

/// Checks a membership allocation.
pub fn allocation(allocation: u32) -> Result<()> {
    if (1..=100).contains(&allocation) {
        Ok(())
    } else {
        err(
            ErrorCode::InvalidValue,
            format!("allocation {allocation}% is outside 1-100%"),
        )
    }
}

/// Checks a placement rectangle.
pub fn placement(p: &Placement) -> Result<()> {
    let finite = [p.x, p.y, p.w, p.h].iter().all(|v| v.is_finite());
    if !finite || p.w <= 0.0 || p.h <= 0.0 {
        return err(
            ErrorCode::InvalidValue,
            "a placement needs finite coordinates and a positive size",
        );
    }
    Ok(())
}

/// Checks a scenario name.
pub fn scenario_name(name: &str) -> Result<String> {
    let t = name.trim();
    if t.is_empty() {
        return err(ErrorCode::NameRequired, "a scenario needs a name");
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_calendar_dates_are_accepted() {
        for d in ["2024-02-29", "2026-12-31", "2000-02-29", "1999-01-01"] {
            check_date("d", d).unwrap();
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for d in [
            "2023-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "",
            "2026-00-10",
            "2026-01-00",
            "２０２６-01-01",
        ] {
            assert!(check_date("d", d).is_err(), "{d} should be refused");
        }
    }

    #[test]
    fn colours_must_be_hex_triplets() {
        check_colour("#1a2B3c").unwrap();
        for c in ["1a2b3c", "#1a2b3", "#1a2b3g", "red", "#1a2b3c0"] {
            assert!(check_colour(c).is_err(), "{c}");
        }
    }
}
