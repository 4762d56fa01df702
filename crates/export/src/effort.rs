//! The "where the people go" view as SVG elements: the actual and target stacked bars by
//! top-level area, then one row per area with its bar against its target and its figures.

use crate::diagram::{meets, Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::{group, rect, text};
use crate::style::{CARD_STROKE, MUTED_COLOUR, NAME_COLOUR, TITLE_COLOUR};
use crate::xml::colour;
use topograph_scene::{EffortScene, SceneRect};

const TITLE_TEXT: f64 = 16.0;
const ROW_TEXT: f64 = 12.0;
const SMALL_TEXT: f64 = 11.0;
const TRACK: &str = "#eef1f5";
const TARGET_MARK: &str = "#1b1f27";

/// An effort scene to export.
pub struct Effort<'a> {
    pub scene: &'a EffortScene,
}

impl<'a> Effort<'a> {
    pub fn new(scene: &'a EffortScene) -> Self {
        Effort { scene }
    }
}

fn meets_rect(region: Option<&SceneRect>, r: &SceneRect) -> bool {
    meets(region, r.x, r.y, r.w, r.h)
}

fn filled(out: &mut String, fill: &str, r: &SceneRect) {
    group(out, &[("fill", colour(fill, TRACK))]);
    rect(out, r.x, r.y, r.w, r.h);
    out.push_str("</g>");
}

impl Diagram for Effort<'_> {
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
        if full && meets(region, 0.0, 0.0, s.bounds.w, 48.0) {
            group(out, &[("font-size", "16"), ("fill", NAME_COLOUR)]);
            text(out, 0.0, 18.0, &m.fit(&s.title, TITLE_TEXT, s.bounds.w));
            out.push_str("</g>");
            group(out, &[("font-size", "11"), ("fill", TITLE_COLOUR)]);
            text(out, 0.0, 38.0, &m.fit(&s.summary, SMALL_TEXT, s.bounds.w));
            out.push_str("</g>\n");
        }
        for (bar, label, segments) in [
            (&s.actual_bar, "Actual", &s.actual),
            (&s.target_bar, "Target", &s.target),
        ] {
            if !meets_rect(region, &SceneRect { x: 0.0, ..*bar }) {
                continue;
            }
            filled(out, TRACK, bar);
            for g in segments.iter().filter(|g| g.rect.w > 0.0) {
                filled(out, &g.colour, &g.rect);
            }
            // Thin white gaps keep neighbouring segments of one stance apart.
            group(out, &[("fill", "none"), ("stroke", "#ffffff")]);
            for g in segments.iter().filter(|g| g.rect.w > 0.0) {
                rect(out, g.rect.x, g.rect.y, g.rect.w, g.rect.h);
            }
            out.push_str("</g>\n");
            if !full {
                continue;
            }
            group(out, &[("font-size", "12"), ("fill", NAME_COLOUR)]);
            text(out, 0.0, bar.y + bar.h / 2.0 + 4.0, label);
            out.push_str("</g>");
            group(out, &[("font-size", "11"), ("fill", NAME_COLOUR)]);
            for g in segments.iter() {
                let label = format!("{} {}%", g.label, topograph_scene::one_decimal(g.share));
                let shown = m.fit(&label, SMALL_TEXT, g.rect.w - 8.0);
                if !shown.is_empty() && g.rect.w > 24.0 {
                    text(out, g.rect.x + 4.0, g.rect.y + g.rect.h / 2.0 + 4.0, &shown);
                }
            }
            out.push_str("</g>\n");
        }
        if full && meets(region, 0.0, s.header_y - 12.0, s.bounds.w, 16.0) {
            group(out, &[("font-size", "11"), ("fill", MUTED_COLOUR)]);
            text(out, 0.0, s.header_y, "Product area");
            let scale = format!(
                "Actual effort (bar, 0 to {}%) · target (mark)",
                topograph_scene::one_decimal(s.scale)
            );
            text(
                out,
                s.bar_x,
                s.header_y,
                &m.fit(&scale, SMALL_TEXT, s.bar_width),
            );
            text(out, s.figures_x, s.header_y, "Share · FTE · target");
            out.push_str("</g>\n");
        }
        let rows: Vec<_> = s
            .rows
            .iter()
            .filter(|r| meets_rect(region, &r.rect))
            .collect();
        group(out, &[("fill", TRACK)]);
        for r in &rows {
            rect(out, s.bar_x, r.bar.y, s.bar_width, r.bar.h);
        }
        out.push_str("</g>\n");
        for r in &rows {
            if r.bar.w > 0.0 {
                filled(out, &r.colour, &r.bar);
            }
        }
        group(out, &[("fill", TARGET_MARK)]);
        for r in &rows {
            if let Some(x) = r.target_x {
                rect(out, x - 1.0, r.rect.y + 2.0, 2.0, r.rect.h - 4.0);
            }
        }
        out.push_str("</g>\n");
        group(out, &[("fill", CARD_STROKE)]);
        for r in &rows {
            rect(out, r.rect.x, r.rect.y + r.rect.h + 1.5, r.rect.w, 0.5);
        }
        out.push_str("</g>\n");
        if !full {
            return;
        }
        group(out, &[("font-size", "12"), ("fill", NAME_COLOUR)]);
        for r in &rows {
            let shown = m.fit(&r.name, ROW_TEXT, s.bar_x - r.name_x - 10.0);
            if !shown.is_empty() {
                text(out, r.name_x, r.rect.y + r.rect.h / 2.0 + 4.0, &shown);
            }
        }
        out.push_str("</g>\n");
        group(out, &[("font-size", "11"), ("fill", TITLE_COLOUR)]);
        for r in &rows {
            let room = r.rect.x + r.rect.w - s.figures_x;
            let shown = m.fit(&r.figures, SMALL_TEXT, room);
            if !shown.is_empty() {
                text(out, s.figures_x, r.rect.y + r.rect.h / 2.0 + 4.0, &shown);
            }
        }
        out.push_str("</g>\n");
    }
}

#[cfg(test)]
mod tests {
    use topograph_scene::{effort_scene, EffortOptions};

    /// ui/src/ownership/effortRenderer.test.ts draws the same scene on the canvas.
    #[test]
    fn the_shared_effort_fixture_holds_the_samples_where_the_people_go_scene() {
        let scene = effort_scene(&topograph_sample::sample(), &EffortOptions::default());
        let value = serde_json::to_value(&scene).expect("the scene serialises");
        crate::golden::check("effort-scene.json", &value);
    }
}
