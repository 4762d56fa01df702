//! Small SVG element writers shared by the views.

use crate::xml::{escape_into, num};

pub fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64) {
    rect_after(out, "<rect x=\"", x, y, w, h);
}

/// A rectangle with corners of radius `rx` (written as a whole number of pixels).
pub fn rounded_rect(out: &mut String, rx: u32, x: f64, y: f64, w: f64, h: f64) {
    out.push_str("<rect rx=\"");
    out.push_str(&rx.to_string());
    rect_after(out, "\" x=\"", x, y, w, h);
}

fn rect_after(out: &mut String, head: &str, x: f64, y: f64, w: f64, h: f64) {
    out.push_str(head);
    num(out, x);
    out.push_str("\" y=\"");
    num(out, y);
    out.push_str("\" width=\"");
    num(out, w);
    out.push_str("\" height=\"");
    num(out, h);
    out.push_str("\"/>");
}

/// A text element at baseline `y`; `label` is escaped.
pub fn text(out: &mut String, x: f64, y: f64, label: &str) {
    out.push_str("<text x=\"");
    num(out, x);
    out.push_str("\" y=\"");
    num(out, y);
    out.push_str("\">");
    escape_into(out, label);
    out.push_str("</text>");
}

/// Appends path data for a flat polyline `x0, y0, x1, y1, ...`.
pub fn polyline(d: &mut String, points: &[f64]) {
    for (k, p) in points.chunks_exact(2).enumerate() {
        d.push(if k == 0 { 'M' } else { 'L' });
        num(d, p[0]);
        d.push(' ');
        num(d, p[1]);
    }
}

/// Opens a group with the given presentation attributes (values must be trusted constants or
/// already-checked colours).
pub fn group(out: &mut String, attrs: &[(&str, &str)]) {
    out.push_str("<g");
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        out.push_str(v);
        out.push('"');
    }
    out.push('>');
}
