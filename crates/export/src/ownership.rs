//! The ownership map as SVG elements: the product-area tree as rows, team boxes listing what
//! they own with their cognitive load, and owner (solid) and contributor (dashed) links.

use crate::diagram::{meets, polyline_box, Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::{group, polyline, rect, text};
use crate::style::{CARD_FILL, CARD_STROKE, CONNECTOR, NAME_COLOUR, TITLE_COLOUR};
use crate::xml::colour;
use topograph_scene::style::unit_style;
use topograph_scene::{OwnershipOptions, OwnershipScene, SceneRect};

const UNOWNED_FILL: &str = "#fdecea";
const OVER_BUDGET: &str = "#dc2626";
const AREA_TEXT: f64 = 12.0;
const TEAM_TEXT: f64 = 13.0;
const LINE_TEXT: f64 = 11.0;

/// An ownership scene to export.
pub struct Ownership<'a> {
    pub scene: &'a OwnershipScene,
}

impl<'a> Ownership<'a> {
    pub fn new(scene: &'a OwnershipScene) -> Self {
        Ownership { scene }
    }
}

impl Diagram for Ownership<'_> {
    fn bounds(&self) -> SceneRect {
        self.scene.bounds
    }

    fn smallest_text(&self) -> f64 {
        LINE_TEXT
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        let s = self.scene;
        let m = Metrics::get();
        for contributor in [false, true] {
            let mut d = String::new();
            for l in s.links.iter().filter(|l| l.contributor == contributor) {
                let (x, y, w, h) = polyline_box(&l.points);
                if l.points.len() >= 4 && meets(region, x, y, w, h) {
                    polyline(&mut d, &l.points);
                }
            }
            if !d.is_empty() {
                out.push_str("<path fill=\"none\" stroke=\"");
                out.push_str(CONNECTOR);
                out.push_str(if contributor {
                    "\" stroke-dasharray=\"4 3\" d=\""
                } else {
                    "\" stroke-width=\"1.25\" d=\""
                });
                out.push_str(&d);
                out.push_str("\"/>\n");
            }
        }
        let areas: Vec<usize> = (0..s.areas.len())
            .filter(|&i| meets(region, s.area_x[i], s.area_y[i], s.area_w[i], s.area_h[i]))
            .collect();
        for unowned in [false, true] {
            let attrs: &[(&str, &str)] = if unowned {
                &[("fill", UNOWNED_FILL), ("stroke", OVER_BUDGET)]
            } else {
                &[("fill", CARD_FILL), ("stroke", CARD_STROKE)]
            };
            group(out, attrs);
            for &i in areas
                .iter()
                .filter(|&&i| s.area_content[i].unowned == unowned)
            {
                rect(out, s.area_x[i], s.area_y[i], s.area_w[i], s.area_h[i]);
            }
            out.push_str("</g>\n");
        }
        let teams: Vec<usize> = (0..s.teams.len())
            .filter(|&i| meets(region, s.team_x[i], s.team_y[i], s.team_w[i], s.team_h[i]))
            .collect();
        for &i in &teams {
            let c = &s.team_content[i];
            let style = unit_style(c.kind);
            out.push_str("<g fill=\"");
            out.push_str(style.fill.unwrap_or(CARD_FILL));
            out.push_str("\" stroke=\"");
            out.push_str(if c.over_budget {
                OVER_BUDGET
            } else {
                colour(&c.colour, style.stroke)
            });
            out.push_str("\" stroke-width=\"1.5\">");
            rect(out, s.team_x[i], s.team_y[i], s.team_w[i], s.team_h[i]);
            out.push_str("</g>");
        }
        out.push('\n');
        if detail == Detail::Blocks {
            return;
        }
        group(out, &[("font-size", "12"), ("fill", NAME_COLOUR)]);
        for &i in &areas {
            let c = &s.area_content[i];
            let shown = m.fit(&c.name, AREA_TEXT, s.area_w[i] - 16.0);
            if !shown.is_empty() {
                text(
                    out,
                    s.area_x[i] + 8.0,
                    s.area_y[i] + s.area_h[i] / 2.0 + 4.0,
                    &shown,
                );
            }
        }
        out.push_str("</g>\n");
        let names: std::collections::HashMap<u32, &str> = s
            .areas
            .iter()
            .zip(&s.area_content)
            .map(|(&id, c)| (id, c.name.as_str()))
            .collect();
        let o = OwnershipOptions::default();
        for &i in &teams {
            let c = &s.team_content[i];
            let (x, y, w) = (s.team_x[i], s.team_y[i], s.team_w[i]);
            group(out, &[("font-size", "13"), ("fill", NAME_COLOUR)]);
            let shown = m.fit(&c.name, TEAM_TEXT, w - 20.0);
            if !shown.is_empty() {
                text(out, x + 10.0, y + 18.0, &shown);
            }
            out.push_str("</g>");
            let load = format!("load {:.2} of {:.1}", c.load, c.budget);
            group(
                out,
                &[
                    ("font-size", "11"),
                    (
                        "fill",
                        if c.over_budget {
                            OVER_BUDGET
                        } else {
                            TITLE_COLOUR
                        },
                    ),
                ],
            );
            text(out, x + 10.0, y + 34.0, &m.fit(&load, LINE_TEXT, w - 20.0));
            for (k, area) in c.owned.iter().enumerate() {
                let name = names.get(area).copied().unwrap_or("");
                let shown = m.fit(name, LINE_TEXT, w - 20.0);
                if !shown.is_empty() {
                    text(
                        out,
                        x + 10.0,
                        y + o.team_header + k as f64 * o.team_line + 14.0,
                        &shown,
                    );
                }
            }
            out.push_str("</g>\n");
        }
    }
}
