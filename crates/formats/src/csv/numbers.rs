//! Money as exports write it: "85,000.00", "€ 72.000,50", "85000 USD", "$120k" is refused.

use super::mapping::DecimalMark;

/// An amount and the currency written beside it, if any.
#[derive(Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<String>,
}

const SYMBOLS: &[(&str, &str)] = &[
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("CHF", "CHF"),
];

/// Suffixes that say the amount is per year, which is what a cost is.
const PER_YEAR: &[&str] = &[
    "per year", "/ year", "/year", "/yr", "a year", "annually", "annual", "year", "p.a.", "pa",
];

/// Reads an annual amount. `decimal` says which mark separates the fraction; the other one is
/// a thousands separator. Spaces, apostrophes and non-breaking spaces group thousands too.
pub fn parse(value: &str, decimal: DecimalMark) -> Option<Amount> {
    let plain = value.trim();
    if decimal != DecimalMark::Comma
        && !plain.is_empty()
        && plain.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && plain.bytes().filter(|b| *b == b'.').count() <= 1
    {
        let value: f64 = plain.parse().ok()?;
        return Some(Amount {
            value,
            currency: None,
        });
    }
    let mut s = plain.to_string();
    let lower = s.to_ascii_lowercase();
    if lower.contains("hour") || lower.contains("/hr") || lower.contains("month") {
        return None;
    }
    for suffix in PER_YEAR {
        if lower.ends_with(suffix) && s.len() > suffix.len() {
            s.truncate(s.len() - suffix.len());
            s = s.trim().to_string();
            break;
        }
    }
    let mut currency = None;
    for (sym, code) in SYMBOLS {
        if s.contains(sym) {
            currency = Some(code.to_string());
            s = s.replace(sym, "");
        }
    }
    // A three-letter code before or after the number: "USD 85,000", "85000 EUR".
    let t = s.trim().to_string();
    let (head, tail) = (t.get(..3), t.get(t.len().saturating_sub(3)..));
    for part in [head, tail].into_iter().flatten() {
        if part.len() == 3 && part.bytes().all(|b| b.is_ascii_alphabetic()) && t.len() > 3 {
            currency = Some(part.to_ascii_uppercase());
            s = t.replacen(part, "", 1);
            break;
        }
    }
    let (dec, group) = match decimal {
        DecimalMark::Comma => (',', '.'),
        _ => ('.', ','),
    };
    let mut digits = String::with_capacity(s.len());
    let mut seen_decimal = false;
    for c in s.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            c if c == dec && !seen_decimal => {
                seen_decimal = true;
                digits.push('.');
            }
            c if c == group || c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\'' => {}
            _ => return None,
        }
    }
    if digits.is_empty() || digits == "." {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    value.is_finite().then_some(Amount { value, currency })
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalMark::*;

    fn v(s: &str, d: DecimalMark) -> Option<(f64, Option<&'static str>)> {
        parse(s, d).map(|a| {
            let c: Option<&'static str> = a.currency.map(|c| &*Box::leak(c.into_boxed_str()));
            (a.value, c)
        })
    }

    #[test]
    fn amounts_in_english_and_european_notation_are_read() {
        assert_eq!(v("85,000.50", Point), Some((85000.5, None)));
        assert_eq!(v("72.000,50", Comma), Some((72000.5, None)));
        assert_eq!(v("€ 72.000", Comma), Some((72000.0, Some("EUR"))));
        assert_eq!(v("$120,000", Point), Some((120000.0, Some("USD"))));
        assert_eq!(v("85000.00 USD", Point), Some((85000.0, Some("USD"))));
        assert_eq!(v("GBP 64 000", Point), Some((64000.0, Some("GBP"))));
        assert_eq!(v("1'250'000", Point), Some((1250000.0, None)));
        assert_eq!(v("95000 per year", Point), Some((95000.0, None)));
    }

    #[test]
    fn things_that_are_not_annual_amounts_are_refused() {
        for bad in ["lots", "45.00 per hour", "-5", "12k", "", "1.2.3,4,5"] {
            assert_eq!(parse(bad, Point), None, "{bad}");
        }
    }
}
