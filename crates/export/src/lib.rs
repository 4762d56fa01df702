//! Diagram export: SVG written from a scene, PNG through resvg, PDF drawn with pdf-writer, with one bundled font.
//!
//! Every format starts from the same scene the screen draws (`topograph_scene`) and the same
//! SVG elements: [`svg::to_svg`] writes them as a file, [`png::to_png`] rasterises them and
//! [`pdf::to_pdf`] draws them page by page into PDF content streams. Text is measured and cut with the bundled font's
//! metrics ([`font::Metrics`]), by the same rule as the canvas.

pub mod diagram;
pub mod font;
pub mod org_chart;
pub mod ownership;
pub mod pdf;
mod pdf_draw;
pub mod png;
pub mod scope;
pub mod shapes;
pub mod style;
pub mod svg;
pub mod team_map;
pub mod view;
pub mod xml;

pub use diagram::{Detail, Diagram};
pub use org_chart::OrgChart;
pub use ownership::Ownership;
pub use pdf::{to_pdf, Footer, PageSize, PdfOptions};
pub use png::{to_png, PngOptions};
pub use svg::{to_svg, SvgOptions};
pub use team_map::TeamMap;
pub use view::{Scene, ViewKind};

use topograph_model::{Error, ErrorCode};

pub(crate) fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidValue, message)
}

pub(crate) fn failed(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::Io, message)
}

/// Today's date (UTC) as `YYYY-MM-DD`, for footers.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_since_the_epoch_become_calendar_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
        assert_eq!(super::civil_date(20_785), "2026-11-28");
    }
}
