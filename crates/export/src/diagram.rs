//! What every exported view provides: its extent and its SVG elements, for the whole diagram or
//! for one region of it (a PDF tile).

use topograph_scene::SceneRect;

/// How much of each shape to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything the screen shows at full zoom: labels, badges, team chips.
    Full,
    /// Shapes only, as the screen draws a zoomed-out chart: for images where a label would be
    /// under a few pixels tall and unreadable anyway.
    Blocks,
}

/// A view ready to be written as SVG elements (in scene units, y down).
pub trait Diagram: Sync {
    /// Encloses everything drawn.
    fn bounds(&self) -> SceneRect;
    /// Appends the elements of everything that meets `region` (everything when `None`).
    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail);
    /// The height of the smallest label in scene units, to decide when labels are too small.
    fn smallest_text(&self) -> f64 {
        crate::style::TITLE_SIZE
    }
}

/// True when the rectangle `x, y, w, h` meets `region` (always when there is no region).
pub fn meets(region: Option<&SceneRect>, x: f64, y: f64, w: f64, h: f64) -> bool {
    match region {
        None => true,
        Some(r) => x <= r.x + r.w && x + w >= r.x && y <= r.y + r.h && y + h >= r.y,
    }
}

/// The bounding box of a flat polyline `x0, y0, x1, y1, ...`.
pub fn polyline_box(points: &[f64]) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points.chunks_exact(2) {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    (x0, y0, x1 - x0, y1 - y0)
}
