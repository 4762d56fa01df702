//! The one bundled font: its bytes, the font database every renderer shares, and text measurement.
//!
//! Everything is loaded from the bytes compiled into the binary, once per process. System fonts
//! are never scanned: that made a 10k export take about a minute, and a database that ends up
//! empty makes usvg drop every label without an error.

use std::sync::{Arc, OnceLock};

/// DejaVu Sans (Bitstream Vera licence, see fonts/LICENSE-DejaVu.txt): Latin, Greek, Cyrillic,
/// Hebrew and Arabic in one file, so names in right-to-left scripts render too.
pub const FONT_BYTES: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// The family name exports ask for; the SVG adds `sans-serif` as a fallback for viewers.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// What a label ends with when it is cut to fit (the screen uses the same character).
pub const ELLIPSIS: &str = "\u{2026}";

/// The font database holding only the bundled font.
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(FONT_BYTES.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// usvg options that resolve every font request to the bundled font.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: database(),
        ..usvg::Options::default()
    }
}

/// Advance widths of the bundled font, in ems, with the Latin range looked up once.
pub struct Metrics {
    face: ttf_parser::Face<'static>,
    per_em: f32,
    latin: Vec<f32>,
}

const LATIN_END: u32 = 0x0250;

impl Metrics {
    /// The shared metrics of the bundled font.
    pub fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| {
            let face = ttf_parser::Face::parse(FONT_BYTES, 0).expect("the bundled font parses");
            let per_em = face.units_per_em() as f32;
            let mut m = Metrics {
                face,
                per_em,
                latin: Vec::new(),
            };
            m.latin = (0..LATIN_END)
                .map(|c| char::from_u32(c).map_or(0.0, |c| m.lookup(c)))
                .collect();
            m
        })
    }

    /// The bundled font's glyph for `c`, if it has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|g| g.0)
    }

    /// The parsed bundled font.
    pub fn face(&self) -> &ttf_parser::Face<'static> {
        &self.face
    }

    fn lookup(&self, c: char) -> f32 {
        // A character the font lacks is drawn as the missing-glyph box, which has an advance too.
        let glyph = self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        self.face.glyph_hor_advance(glyph).unwrap_or(0) as f32 / self.per_em
    }

    fn advance(&self, c: char) -> f32 {
        match self.latin.get(c as usize) {
            Some(&a) => a,
            None => self.lookup(c),
        }
    }

    /// Width of `text` at `size` px: the sum of advances (kerning only ever narrows a label, so
    /// a label measured to fit this way still fits when a renderer kerns it).
    pub fn width(&self, text: &str, size: f64) -> f64 {
        let ems: f32 = text.chars().map(|c| self.advance(c)).sum();
        ems as f64 * size
    }

    /// `text` cut to fit `max` px at `size`, ending in an ellipsis when cut; "" when not even the
    /// ellipsis fits. The same rule as the canvas's `truncate` (ui/src/canvas/lod.ts): longest
    /// prefix by character, trailing spaces trimmed, plus the ellipsis; both are held to the
    /// same cuts by tests/fixtures/parity/label-cuts.json.
    pub fn fit<'a>(&self, text: &'a str, size: f64, max: f64) -> std::borrow::Cow<'a, str> {
        if self.width(text, size) <= max {
            return text.into();
        }
        let ellipsis = self.width(ELLIPSIS, size);
        if ellipsis > max {
            return "".into();
        }
        // Prefix widths are cumulative (and trimming only drops trailing spaces), so one pass
        // finds the longest prefix the canvas's binary search would find.
        let mut best = 0;
        let mut ems = 0f32;
        let mut trimmed_ems = 0f32;
        for (i, c) in text.char_indices() {
            if trimmed_ems as f64 * size + ellipsis > max {
                break;
            }
            best = i;
            ems += self.advance(c);
            if !c.is_whitespace() {
                trimmed_ems = ems;
            }
        }
        let mut out = text[..best].trim_end().to_string();
        out.push_str(ELLIPSIS);
        out.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_holds_exactly_the_bundled_font() {
        let db = database();
        assert_eq!(db.len(), 1);
        assert!(db
            .faces()
            .all(|f| f.families.iter().any(|(n, _)| n == FONT_FAMILY)));
    }

    #[test]
    fn a_short_label_is_kept_whole_and_a_long_one_ends_in_an_ellipsis_within_the_width() {
        let m = Metrics::get();
        assert_eq!(m.fit("Ada", 14.0, 200.0), "Ada");
        let long = "Bartholomew Fitzgerald-Montgomery the Third of Somewhere";
        let cut = m.fit(long, 14.0, 120.0);
        assert!(cut.ends_with(ELLIPSIS));
        assert!(m.width(&cut, 14.0) <= 120.0);
        assert!(long.starts_with(cut.trim_end_matches(ELLIPSIS)));
    }

    #[test]
    fn nothing_is_drawn_where_not_even_the_ellipsis_fits() {
        assert_eq!(Metrics::get().fit("Someone", 14.0, 2.0), "");
    }

    #[test]
    fn wider_letters_measure_wider() {
        let m = Metrics::get();
        assert!(m.width("WWW", 12.0) > m.width("iii", 12.0));
        assert!(m.width("שלום", 12.0) > 0.0);
    }

    /// Labels a chart shows, with spaces to trim at a cut, several scripts and a character
    /// outside the Basic Multilingual Plane (which JavaScript stores as two code units).
    const LABELS: &[&str] = &[
        "Ada Lovelace",
        "Senior Staff Engineer, Platform Reliability",
        "Anna   Maria   Schmidt-Lindqvist",
        "Žofie Dvořáková",
        "Владимир Набоков",
        "דוד בן־גוריון",
        "محمد عبد الله",
        "Engineering 🚀 Rockets",
        "WWWWWWWWWWWWWWWW",
        "iiiiiiiiiiiiiiii",
    ];

    /// The cuts `fit` makes, with the advances they were measured by, so the canvas's
    /// `truncate` (ui/src/canvas/lod.ts, checked in lod.test.ts) is held to the same answers.
    #[test]
    fn the_shared_label_cut_fixture_holds_the_cuts_fit_makes() {
        let m = Metrics::get();
        let mut advances = serde_json::Map::new();
        let mut cases = Vec::new();
        for text in LABELS {
            for c in text.chars().chain(ELLIPSIS.chars()) {
                advances.insert(c.to_string(), (m.advance(c) as f64).into());
            }
            // Half-pixel widths keep each case off the exact boundary where rounding could decide.
            for (size, width) in [
                (14.0, 0.5),
                (14.0, 14.5),
                (14.0, 40.5),
                (14.0, 80.5),
                (14.0, 120.5),
                (14.0, 192.5),
                (12.0, 100.5),
                (12.0, 1000.5),
            ] {
                let cut = m.fit(text, size, width);
                cases.push(
                    serde_json::json!({ "text": text, "size": size, "width": width, "cut": cut }),
                );
            }
        }
        let fixture =
            serde_json::json!({ "ellipsis": ELLIPSIS, "advances": advances, "cases": cases });
        crate::golden::check("label-cuts.json", &fixture);
    }
}
