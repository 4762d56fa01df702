//! Writing user data into SVG: names are data, never markup.

use std::fmt::Write;

/// Appends `text` escaped for XML character data and attribute values. Characters XML 1.0
/// forbids (C0 controls other than tab and newlines, U+FFFE, U+FFFF) are dropped, so a name
/// pasted with a stray control character cannot make the whole file unreadable.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// A `#rgb`/`#rrggbb` colour from user data as it is, anything else as `fallback`: colours go
/// into attributes, and a colour is not a place for arbitrary text.
pub fn colour<'a>(value: &'a str, fallback: &'a str) -> &'a str {
    let hex = value.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6 | 8) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        value
    } else {
        fallback
    }
}

/// Appends a coordinate with at most two decimals and no trailing zeros (smaller files, and
/// snapshots that do not change with float noise).
pub fn num(out: &mut String, v: f64) {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() && r.abs() < 1e15 {
        let _ = write!(out, "{}", r as i64);
    } else {
        let _ = write!(out, "{r}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn markup_in_a_name_comes_out_as_text() {
        assert_eq!(
            escaped("</text><a href=\"x\">"),
            "&lt;/text&gt;&lt;a href=&quot;x&quot;&gt;"
        );
        assert_eq!(escaped("Tom & 'Jerry'"), "Tom &amp; &apos;Jerry&apos;");
    }

    #[test]
    fn control_characters_are_dropped_and_line_breaks_become_spaces() {
        assert_eq!(escaped("a\u{0}b\u{1b}c\nd"), "abc d");
    }

    #[test]
    fn only_hex_colours_reach_an_attribute() {
        assert_eq!(colour("#3d5a80", "#888"), "#3d5a80");
        assert_eq!(colour("red\" onload=\"x", "#888"), "#888");
    }

    #[test]
    fn numbers_are_short() {
        let mut s = String::new();
        num(&mut s, 12.0);
        s.push(' ');
        num(&mut s, 1.23456);
        s.push(' ');
        num(&mut s, -0.5);
        assert_eq!(s, "12 1.23 -0.5");
    }
}
