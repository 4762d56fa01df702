//! A whole SVG document around a diagram's elements.

use crate::diagram::{Detail, Diagram};
use crate::font::FONT_FAMILY;
use crate::xml::num;
use topograph_scene::SceneRect;

/// Space around the diagram, in scene units.
pub const MARGIN: f64 = 24.0;

#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// A fill behind everything (`#rrggbb`), or none for a transparent image.
    pub background: Option<&'static str>,
    pub detail: Detail,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            background: None,
            detail: Detail::Full,
        }
    }
}

/// The area an image of the diagram covers: its bounds plus the margin.
pub fn canvas(d: &dyn Diagram) -> SceneRect {
    let b = d.bounds();
    SceneRect {
        x: b.x - MARGIN,
        y: b.y - MARGIN,
        w: b.w + 2.0 * MARGIN,
        h: b.h + 2.0 * MARGIN,
    }
}

/// The diagram as a standalone SVG file, one unit per screen pixel at zoom 1. Text is real text
/// in the bundled font's family (with `sans-serif` as the viewer's fallback).
pub fn to_svg(d: &dyn Diagram, o: &SvgOptions) -> String {
    let c = canvas(d);
    let mut out = String::with_capacity(4096);
    open(&mut out, &c, c.w, c.h);
    if let Some(bg) = o.background {
        out.push_str("<rect fill=\"");
        out.push_str(bg);
        out.push_str("\" x=\"");
        num(&mut out, c.x);
        out.push_str("\" y=\"");
        num(&mut out, c.y);
        out.push_str("\" width=\"100%\" height=\"100%\"/>\n");
    }
    d.write_svg(&mut out, None, o.detail);
    out.push_str("</svg>\n");
    out
}

/// Opens an `<svg>` element showing `view` at `width` x `height`.
pub fn open(out: &mut String, view: &SceneRect, width: f64, height: f64) {
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    num(out, width);
    out.push_str("\" height=\"");
    num(out, height);
    out.push_str("\" viewBox=\"");
    num(out, view.x);
    out.push(' ');
    num(out, view.y);
    out.push(' ');
    num(out, view.w);
    out.push(' ');
    num(out, view.h);
    out.push_str("\" font-family=\"");
    out.push_str(FONT_FAMILY);
    out.push_str(", sans-serif\">\n");
}
