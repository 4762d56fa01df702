//! Headcount or cost over time by group as SVG elements: title, axis with grid lines, stacked
//! bars with their totals, the legend, and the figures as a table under the chart. Text is
//! placed left-aligned at measured positions (the PDF writer reads no text anchors).

use crate::diagram::{meets, Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::{group, rect, text};
use crate::style::{CARD_STROKE, MUTED_COLOUR, NAME_COLOUR, TITLE_COLOUR};
use crate::xml::colour;
use topograph_scene::{PlanChartScene, SceneRect, PLANNED_COLOUR};

const TITLE_TEXT: f64 = 18.0;
const TEXT: f64 = 12.0;
const SMALL_TEXT: f64 = 11.0;
const GRID: &str = "#e5e7eb";

/// A chart scene to export.
pub struct PlanChart<'a> {
    pub scene: &'a PlanChartScene,
}

impl<'a> PlanChart<'a> {
    pub fn new(scene: &'a PlanChartScene) -> Self {
        PlanChart { scene }
    }
}

/// Text ending at `right`.
fn right_text(out: &mut String, m: &Metrics, right: f64, y: f64, size: f64, label: &str) {
    text(out, right - m.width(label, size), y, label);
}

/// Text centred on `x`.
fn centred_text(out: &mut String, m: &Metrics, x: f64, y: f64, size: f64, label: &str) {
    text(out, x - m.width(label, size) / 2.0, y, label);
}

impl Diagram for PlanChart<'_> {
    fn bounds(&self) -> SceneRect {
        self.scene.bounds
    }

    fn smallest_text(&self) -> f64 {
        SMALL_TEXT
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        let s = self.scene;
        let m = Metrics::get();
        let full = detail == Detail::Full;
        let w = s.bounds.w;
        if full && meets(region, 0.0, 0.0, w, 48.0) {
            group(out, &[("font-size", "18"), ("fill", NAME_COLOUR)]);
            text(out, 0.0, 20.0, &m.fit(&s.title, TITLE_TEXT, w));
            out.push_str("</g>");
            group(out, &[("font-size", "11"), ("fill", TITLE_COLOUR)]);
            text(out, 0.0, 40.0, &m.fit(&s.subtitle, SMALL_TEXT, w));
            out.push_str("</g>\n");
        }
        let p = &s.plot;
        if meets(region, 0.0, p.y - 8.0, w, p.h + 32.0) {
            group(out, &[("fill", GRID)]);
            for t in &s.ticks {
                rect(out, p.x, t.y - 0.5, p.w, 1.0);
            }
            out.push_str("</g>\n");
            if full {
                group(out, &[("font-size", "11"), ("fill", MUTED_COLOUR)]);
                for t in &s.ticks {
                    right_text(out, m, p.x - 8.0, t.y + 4.0, SMALL_TEXT, &t.label);
                }
                out.push_str("</g>\n");
            }
            for b in &s.bars {
                for seg in &b.segments {
                    let fill = match seg.series {
                        Some(i) => colour(&s.series[i].colour, MUTED_COLOUR),
                        None => PLANNED_COLOUR,
                    };
                    group(out, &[("fill", fill)]);
                    rect(out, seg.rect.x, seg.rect.y, seg.rect.w, seg.rect.h);
                    out.push_str("</g>");
                }
                out.push('\n');
            }
            if full {
                group(out, &[("font-size", "12"), ("fill", NAME_COLOUR)]);
                for b in &s.bars {
                    centred_text(out, m, b.label_x, b.total_y, TEXT, &b.total);
                    centred_text(out, m, b.label_x, p.y + p.h + 18.0, TEXT, &b.period);
                }
                out.push_str("</g>\n");
            }
        }
        if !full {
            return;
        }
        group(out, &[("font-size", "12"), ("fill", NAME_COLOUR)]);
        for l in &s.legend {
            text(out, l.swatch.x + 18.0, l.swatch.y + 10.0, &l.label);
        }
        out.push_str("</g>\n");
        for l in &s.legend {
            let fill = colour(&l.colour, MUTED_COLOUR);
            group(out, &[("fill", fill)]);
            rect(out, l.swatch.x, l.swatch.y, l.swatch.w, l.swatch.h);
            out.push_str("</g>");
        }
        out.push('\n');
        // The table: period headers, a line per group, the total in bold colour.
        let name_w = s.columns.get(1).copied().unwrap_or(w) - 12.0;
        let col = |k: usize| s.columns.get(k + 1).copied().unwrap_or(w);
        group(out, &[("font-size", "11"), ("fill", MUTED_COLOUR)]);
        text(out, 0.0, s.header_y, "Group");
        for (k, period) in s.periods.iter().enumerate() {
            right_text(out, m, col(k), s.header_y, SMALL_TEXT, period);
        }
        out.push_str("</g>\n");
        group(out, &[("fill", CARD_STROKE)]);
        for l in &s.table {
            rect(
                out,
                0.0,
                l.y + 6.0,
                col(s.periods.len().saturating_sub(1)),
                0.5,
            );
        }
        out.push_str("</g>\n");
        for l in &s.table {
            let fill = if l.total { NAME_COLOUR } else { TITLE_COLOUR };
            group(out, &[("font-size", "12"), ("fill", fill)]);
            text(out, 0.0, l.y, &m.fit(&l.name, TEXT, name_w));
            for (k, c) in l.cells.iter().enumerate() {
                right_text(out, m, col(k), l.y, TEXT, c);
            }
            out.push_str("</g>\n");
        }
    }
}
