//! Dates as exports write them (2021-01-05, 05/01/2021, 01/05/2021, 05.01.2021, Jan 5, 2021,
//! 5-Jan-21), normalised to YYYY-MM-DD.

use serde::{Deserialize, Serialize};
use topograph_model::validate::check_date;

/// Which number comes first in dates such as 03/04/2021.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// Decided from the file: a date such as 25/03/2021 or 03/25/2021 settles it.
    #[default]
    Auto,
    /// 03/04/2021 is the 3rd of April (UK, Europe, most of the world).
    DayFirst,
    /// 03/04/2021 is March 4th (US).
    MonthFirst,
}

impl DateOrder {
    /// The order a column's dates show: day-first or month-first if some date can only be read
    /// one way and none only the other way; otherwise `Auto`.
    pub fn infer<'a>(values: impl Iterator<Item = &'a str>) -> DateOrder {
        let (mut day_first, mut month_first) = (false, false);
        for v in values {
            // ISO dates (the common case) say nothing about the order.
            if v.len() >= 10 && v.as_bytes()[4] == b'-' {
                continue;
            }
            if let Some((a, b, _)) = numeric_parts(v.trim()) {
                if a > 12 && b <= 12 {
                    day_first = true;
                }
                if b > 12 && a <= 12 {
                    month_first = true;
                }
            }
            if day_first && month_first {
                break;
            }
        }
        match (day_first, month_first) {
            (true, false) => DateOrder::DayFirst,
            (false, true) => DateOrder::MonthFirst,
            _ => DateOrder::Auto,
        }
    }
}

/// Why a date could not be read.
#[derive(Debug, PartialEq)]
pub enum DateError {
    /// Not a date in any format we read.
    Bad,
    /// Both orders give a real date and nothing says which; the value is read month-first.
    Ambiguous(String),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_named(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let m = MONTHS.iter().position(|m| w.starts_with(m))? as u32 + 1;
    // "Sept" and full names are fine; "Janitor" is not a month.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (full[m as usize - 1].starts_with(&w) || w == "sept").then_some(m)
}

fn year(n: u32, digits: usize) -> u32 {
    if digits == 2 {
        // Two-digit years: 00-69 are 2000s, 70-99 are 1900s.
        if n < 70 {
            2000 + n
        } else {
            1900 + n
        }
    } else {
        n
    }
}

/// `a/b/yyyy`, `a-b-yy`, `a.b.yyyy`: the two leading numbers and the year.
fn numeric_parts(s: &str) -> Option<(u32, u32, u32)> {
    let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if parts[0].len() > 2 || parts[1].len() > 2 || !(parts[2].len() == 2 || parts[2].len() == 4) {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().ok();
    Some((
        n(parts[0])?,
        n(parts[1])?,
        year(n(parts[2])?, parts[2].len()),
    ))
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    let s = format!("{y:04}-{m:02}-{d:02}");
    check_date("date", &s).ok().map(|_| s)
}

/// Reads a date and writes it as YYYY-MM-DD.
pub fn parse(value: &str, order: DateOrder) -> Result<String, DateError> {
    let s = value.trim();
    if s.len() == 10 && check_date("date", s).is_ok() {
        return Ok(s.to_string());
    }
    // ISO, possibly with a time: 2021-01-05, 2021-01-05T09:00:00Z, 2021/01/05.
    let b = s.as_bytes();
    if b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && (b[4] == b'-' || b[4] == b'/') {
        let (Some(head), Some(rest)) = (s.get(..10), s.get(10..)) else {
            return Err(DateError::Bad);
        };
        if rest.is_empty() || rest.starts_with(['T', ' ']) {
            let parts: Vec<&str> = head.split(['-', '/']).collect();
            if parts.len() == 3 {
                if let (Ok(y), Ok(m), Ok(d)) =
                    (parts[0].parse(), parts[1].parse(), parts[2].parse())
                {
                    return iso(y, m, d).ok_or(DateError::Bad);
                }
            }
        }
        return Err(DateError::Bad);
    }
    if let Some((a, b, y)) = numeric_parts(s) {
        // A dotted date is always day first (German and most of Europe).
        let dotted = s.contains('.');
        let order = if dotted { DateOrder::DayFirst } else { order };
        let day_first = iso(y, b, a);
        let month_first = iso(y, a, b);
        return match (order, day_first, month_first) {
            (DateOrder::DayFirst, Some(d), _) => Ok(d),
            (DateOrder::MonthFirst, _, Some(d)) => Ok(d),
            (DateOrder::Auto, Some(d), None) | (DateOrder::Auto, None, Some(d)) => Ok(d),
            (DateOrder::Auto, Some(_), Some(m)) if a == b => Ok(m),
            (DateOrder::Auto, Some(_), Some(m)) => Err(DateError::Ambiguous(m)),
            _ => Err(DateError::Bad),
        };
    }
    named_month(s).ok_or(DateError::Bad)
}

/// "Jan 5, 2021", "January 5 2021", "5 Jan 2021", "5-Jan-21", "05 January 2021".
fn named_month(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split([' ', ',', '-', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() != 3 {
        return None;
    }
    let num = |w: &str| -> Option<(u32, usize)> {
        let w = w.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
        (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok().map(|n| (n, w.len())))
            .flatten()
    };
    let (d, m, (y, yd)) = if let Some(m) = month_named(words[0]) {
        (num(words[1])?.0, m, num(words[2])?)
    } else if let Some(m) = month_named(words[1]) {
        (num(words[0])?.0, m, num(words[2])?)
    } else {
        return None;
    };
    if yd != 2 && yd != 4 {
        return None;
    }
    iso(year(y, yd), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DateOrder::*;

    #[test]
    fn the_common_formats_become_iso_dates() {
        for (input, want) in [
            ("2021-01-05", "2021-01-05"),
            ("2021-01-05T09:30:00Z", "2021-01-05"),
            ("2021/01/05", "2021-01-05"),
            ("05.01.2021", "2021-01-05"),
            ("5.1.2021", "2021-01-05"),
            ("Jan 5, 2021", "2021-01-05"),
            ("January 5 2021", "2021-01-05"),
            ("5 Jan 2021", "2021-01-05"),
            ("05-Jan-21", "2021-01-05"),
            ("Sept 30, 2019", "2019-09-30"),
            ("25/12/2020", "2020-12-25"),
            ("12/25/2020", "2020-12-25"),
        ] {
            assert_eq!(parse(input, Auto).as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn the_mapping_decides_ambiguous_slashed_dates() {
        assert_eq!(parse("03/04/2021", DayFirst).unwrap(), "2021-04-03");
        assert_eq!(parse("03/04/2021", MonthFirst).unwrap(), "2021-03-04");
        assert_eq!(
            parse("03/04/2021", Auto),
            Err(DateError::Ambiguous("2021-03-04".into()))
        );
        assert_eq!(parse("04/04/2021", Auto).unwrap(), "2021-04-04");
    }

    #[test]
    fn impossible_and_foreign_dates_are_refused() {
        for bad in [
            "2021-02-30",
            "31/31/2021",
            "soon",
            "Janitor 5, 2021",
            "2021-1-5x",
            "13.13.2020",
            "",
        ] {
            assert_eq!(parse(bad, Auto), Err(DateError::Bad), "{bad}");
        }
    }

    #[test]
    fn a_columns_unambiguous_dates_settle_its_order() {
        assert_eq!(
            DateOrder::infer(["03/04/2021", "25/04/2021"].into_iter()),
            DayFirst
        );
        assert_eq!(
            DateOrder::infer(["03/04/2021", "04/25/2021"].into_iter()),
            MonthFirst
        );
        assert_eq!(DateOrder::infer(["03/04/2021"].into_iter()), Auto);
    }
}
