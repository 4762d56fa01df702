//! Turning a file's bytes into text: byte-order marks, UTF-16, and Windows-1252 for old exports.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// A file's text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The WHATWG name of the encoding: "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: &'static str,
    /// Whether the file started with a byte-order mark.
    pub bom: bool,
}

/// Decodes bytes: a byte-order mark decides (UTF-8, UTF-16 LE or BE); without one, text that is
/// valid UTF-8 is UTF-8, and anything else is Windows-1252, the superset of Latin-1 that older
/// spreadsheet and HR exports on Windows use. Never fails: every byte means something in 1252.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let text = if enc == UTF_8 {
            String::from_utf8_lossy(body)
        } else {
            enc.decode_without_bom_handling(body).0
        };
        return Decoded {
            text,
            encoding: enc.name(),
            bom: true,
        };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Decoded {
            text: enc.decode_without_bom_handling(bytes).0,
            encoding: enc.name(),
            bom: false,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded {
            text: Cow::Borrowed(s),
            encoding: UTF_8.name(),
            bom: false,
        },
        Err(_) => Decoded {
            text: WINDOWS_1252.decode_without_bom_handling(bytes).0,
            encoding: WINDOWS_1252.name(),
            bom: false,
        },
    }
}

/// UTF-16 text that lost its byte-order mark still has a zero byte beside almost every ASCII
/// character; text in any 8-bit encoding has none.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 9 && even_zero == 0 {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom_reads_the_same_text() {
        let plain = decode("Zoë;Ørsted".as_bytes());
        assert_eq!(plain.text, "Zoë;Ørsted");
        assert!(!plain.bom);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend("Zoë".as_bytes());
        let d = decode(&with_bom);
        assert_eq!(d.text, "Zoë");
        assert!(d.bom);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_in_both_byte_orders_is_decoded_by_its_mark() {
        for le in [true, false] {
            let bytes = utf16("Name\tZoë\r\n", le, true);
            let d = decode(&bytes);
            assert_eq!(d.text, "Name\tZoë\r\n");
            assert_eq!(d.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        }
    }

    #[test]
    fn utf16_that_lost_its_mark_is_still_recognised() {
        let bytes = utf16("Name,Email\n", true, false);
        let d = decode(&bytes);
        assert_eq!(d.text, "Name,Email\n");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        // "Müller – 5 €" in Windows-1252: ü = FC, en dash = 96, euro = 80.
        let d = decode(b"M\xFCller \x96 5 \x80");
        assert_eq!(d.text, "Müller – 5 €");
        assert_eq!(d.encoding, "windows-1252");
    }
}
