//! Calendar dates as the model writes them (YYYY-MM-DD), enough to add months and compare.

use std::fmt;

/// A day of the proleptic Gregorian calendar; orders chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`; anything else is `None` (the model validates dates on the way in).
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Date { year, month, day })
    }

    /// The date `months` later; the day is clamped to the end of a shorter month (Nov 30 + 3
    /// months is Feb 28), as people count "three months from now".
    pub fn add_months(self, months: u32) -> Date {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + months as i64;
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The day after this one.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else {
            let first = Date { day: 1, ..self };
            first.add_months(1)
        }
    }

    /// Today where the person reading is: the system clock in the OS's local time zone, so a
    /// footer or "past its expected end" is not a day off near midnight. Falls back to UTC when
    /// the OS names no usable zone.
    pub fn today() -> Date {
        #[cfg(feature = "fixed-today")]
        if let Some(day) = std::env::var("TOPOGRAPH_TODAY")
            .ok()
            .as_deref()
            .and_then(Date::parse)
        {
            return day;
        }
        Date::of_instant_in(jiff::Timestamp::now(), &jiff::tz::TimeZone::system())
    }

    /// The calendar date at `instant` in `zone`.
    fn of_instant_in(instant: jiff::Timestamp, zone: &jiff::tz::TimeZone) -> Date {
        let date = zone.to_datetime(instant).date();
        Date {
            year: i32::from(date.year()),
            month: date.month() as u32,
            day: date.day() as u32,
        }
    }

    /// Whole days from this date to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Howard Hinnant's days-from-civil, exact for every day of the Gregorian calendar.
    fn days_since_epoch(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let m = self.month as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_local_date_not_the_utc_one_near_midnight() {
        // 2026-12-07 23:30 UTC is already the 8th in Tokyo and still the 7th in New York.
        let instant: jiff::Timestamp = "2026-12-07T23:30:00Z".parse().unwrap();
        let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
        let new_york = jiff::tz::TimeZone::get("America/New_York").unwrap();
        assert_eq!(
            Date::of_instant_in(instant, &tokyo).to_string(),
            "2026-12-08"
        );
        assert_eq!(
            Date::of_instant_in(instant, &new_york).to_string(),
            "2026-12-07"
        );
        assert_eq!(
            Date::of_instant_in(instant, &jiff::tz::TimeZone::UTC).to_string(),
            "2026-12-07"
        );
    }

    #[test]
    fn three_months_after_the_end_of_november_is_the_end_of_february() {
        let d = Date::parse("2026-11-30").unwrap();
        assert_eq!(d.add_months(3).to_string(), "2027-02-28");
        assert_eq!(
            Date::parse("2027-11-30").unwrap().add_months(3).to_string(),
            "2028-02-29"
        );
    }

    #[test]
    fn calendar_days_count_from_the_epoch() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2025-11-27").days_since_epoch(), 20_419);
        assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        assert_eq!(d("2000-02-29").days_since_epoch(), 11_016);
    }

    #[test]
    fn days_are_counted_across_months_and_leap_years() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-06-30").days_until(d("2026-11-27")), 150);
        assert_eq!(d("2028-02-28").days_until(d("2028-03-01")), 2);
    }

    #[test]
    fn the_day_after_the_end_of_a_month_is_the_first_of_the_next() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-12-31").next_day().to_string(), "2027-01-01");
        assert_eq!(d("2028-02-28").next_day().to_string(), "2028-02-29");
        assert_eq!(d("2026-05-14").next_day().to_string(), "2026-05-15");
    }

    #[test]
    fn malformed_dates_are_not_read() {
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("soon"), None);
    }
}
