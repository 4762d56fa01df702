//! Diagram export: SVG written from a scene, PNG through resvg, PDF drawn with pdf-writer, with one bundled font.
//!
//! Every format starts from the same scene the screen draws (`topograph_scene`) and the same
//! SVG elements: [`svg::to_svg`] writes them as a file, [`png::to_png`] rasterises them and
//! [`pdf::to_pdf`] draws them page by page into PDF content streams. Text is measured and cut with the bundled font's
//! metrics ([`font::Metrics`]), by the same rule as the canvas.

pub mod book;
pub mod caption;
pub mod colouring;
pub mod diagram;
pub mod effort;
pub mod font;
#[cfg(test)]
mod golden;
pub mod legend;
pub mod org_chart;
pub mod ownership;
pub mod pdf;
mod pdf_draw;
pub mod plan_chart;
pub mod png;
pub mod scope;
pub mod shapes;
pub mod style;
pub mod svg;
pub mod team_map;
pub mod view;
pub mod xml;

pub use caption::Captioned;
pub use colouring::Colouring;
pub use diagram::{Detail, Diagram};
pub use effort::Effort;
pub use org_chart::OrgChart;
pub use ownership::Ownership;
pub use pdf::{page_aspect, page_preview, to_pdf, Footer, PdfOptions};
pub use plan_chart::PlanChart;
pub use png::{to_png, PngOptions};
pub use svg::{to_svg, SvgOptions};
pub use team_map::TeamMap;
pub use view::{BuildOptions, Look, Scene};
// The model owns the one enum per concept; re-exported so callers of the exporters need no other import.
pub use topograph_model::{Paper, View};

use topograph_model::{Error, ErrorCode};

pub(crate) fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidValue, message)
}

pub(crate) fn failed(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::Io, message)
}

/// Today's date (UTC) as `YYYY-MM-DD`, for footers.
pub fn today() -> String {
    topograph_model::Date::today().to_string()
}
