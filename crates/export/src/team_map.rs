//! The team map as SVG elements: unit boxes in their Team Topologies shapes and colours
//! (`topograph_scene::style`), person chips, and interaction lines by mode.

use crate::diagram::{meets, polyline_box, Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::{group, polyline, rect, rounded_rect, text};
use crate::style::{CARD_FILL, CARD_STROKE, NAME_COLOUR, OPEN_FILL, OPEN_STROKE, TITLE_COLOUR};
use crate::xml::{colour, num};
use topograph_model::{InteractionMode, UnitKind};
use topograph_scene::style::{interaction_colour, unit_style};
use topograph_scene::{SceneRect, TeamMapScene};

const UNIT_NAME_SIZE: f64 = 13.0;
const CHIP_TEXT_SIZE: f64 = 11.0;

/// A team map scene to export.
pub struct TeamMap<'a> {
    pub scene: &'a TeamMapScene,
}

impl<'a> TeamMap<'a> {
    pub fn new(scene: &'a TeamMapScene) -> Self {
        TeamMap { scene }
    }
}

impl Diagram for TeamMap<'_> {
    fn bounds(&self) -> SceneRect {
        self.scene.bounds
    }

    fn smallest_text(&self) -> f64 {
        CHIP_TEXT_SIZE
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        let s = self.scene;
        let m = Metrics::get();
        let units: Vec<usize> = (0..s.units.len())
            .filter(|&i| meets(region, s.x[i], s.y[i], s.w[i], s.h[i]))
            .collect();
        for &i in &units {
            unit_box(out, s, i);
        }
        out.push('\n');
        interactions(out, s, region);
        let chips: Vec<usize> = (0..s.chip_person.len())
            .filter(|&k| meets(region, s.chip_x[k], s.chip_y[k], s.chip_w[k], s.chip_h[k]))
            .collect();
        for open in [false, true] {
            let attrs: &[(&str, &str)] = if open {
                &[
                    ("fill", OPEN_FILL),
                    ("stroke", OPEN_STROKE),
                    ("stroke-dasharray", "4 2"),
                ]
            } else {
                &[("fill", CARD_FILL), ("stroke", CARD_STROKE)]
            };
            group(out, attrs);
            for &k in chips
                .iter()
                .filter(|&&k| s.chip_content[k].is_open_position == open)
            {
                rect(out, s.chip_x[k], s.chip_y[k], s.chip_w[k], s.chip_h[k]);
            }
            out.push_str("</g>\n");
        }
        if detail == Detail::Blocks {
            return;
        }
        group(out, &[("font-size", "13"), ("fill", NAME_COLOUR)]);
        for &i in &units {
            let c = &s.unit_content[i];
            let mut label = c.name.clone();
            if c.collapsed && c.hidden_units > 0 {
                label.push_str(&format!(" (+{} units)", c.hidden_units));
            }
            // As the screen words it ("7 · 7.0 FTE"), short enough to share the name's line.
            let stats = format!("{} \u{00b7} {:.1} FTE", c.headcount, c.fte);
            let room = s.w[i] - 20.0;
            // The counts share the name's line, right-aligned as on screen: a second line
            // would run into the chips, which start right under the header. The name comes
            // first: the counts only show where the whole name still fits beside them.
            let stats_w = m.width(&stats, CHIP_TEXT_SIZE);
            let with_stats = c.kind != UnitKind::Group
                && m.width(&label, UNIT_NAME_SIZE) + stats_w + 12.0 <= room;
            let name_room = if with_stats {
                room - stats_w - 12.0
            } else {
                room
            };
            let shown = m.fit(&label, UNIT_NAME_SIZE, name_room);
            if !shown.is_empty() {
                text(out, s.x[i] + 10.0, s.y[i] + 18.0, &shown);
            }
            if with_stats {
                out.push_str("<g font-size=\"11\" fill=\"");
                out.push_str(TITLE_COLOUR);
                out.push_str("\">");
                text(out, s.x[i] + 10.0 + room - stats_w, s.y[i] + 18.0, &stats);
                out.push_str("</g>");
            }
        }
        out.push_str("</g>\n");
        group(out, &[("font-size", "11"), ("fill", NAME_COLOUR)]);
        for &k in &chips {
            let c = &s.chip_content[k];
            let mut room = s.chip_w[k] - 12.0;
            if c.team_count > 1 {
                let pct = format!("{}%", c.allocation);
                let pw = m.width(&pct, CHIP_TEXT_SIZE);
                text(
                    out,
                    s.chip_x[k] + s.chip_w[k] - 6.0 - pw,
                    s.chip_y[k] + s.chip_h[k] / 2.0 + 4.0,
                    &pct,
                );
                room -= pw + 6.0;
            }
            let shown = m.fit(&c.name, CHIP_TEXT_SIZE, room);
            if !shown.is_empty() {
                text(
                    out,
                    s.chip_x[k] + 6.0,
                    s.chip_y[k] + s.chip_h[k] / 2.0 + 4.0,
                    &shown,
                );
            }
        }
        out.push_str("</g>\n");
    }
}

fn unit_box(out: &mut String, s: &TeamMapScene, i: usize) {
    let c = &s.unit_content[i];
    let style = unit_style(c.kind);
    let (x, y, w, h) = (s.x[i], s.y[i], s.w[i], s.h[i]);
    out.push_str("<g fill=\"");
    out.push_str(style.fill.unwrap_or("none"));
    out.push_str("\" stroke=\"");
    out.push_str(colour(&c.colour, style.stroke));
    out.push_str("\" stroke-width=\"1.5\"");
    if c.kind == UnitKind::Group {
        out.push_str(" stroke-dasharray=\"6 4\"");
    }
    out.push('>');
    match c.kind {
        UnitKind::ComplicatedSubsystem => {
            // Octagon: corners cut by a fifth of the shorter side.
            let k = w.min(h) * 0.2;
            out.push_str("<polygon points=\"");
            for (px, py) in [
                (x + k, y),
                (x + w - k, y),
                (x + w, y + k),
                (x + w, y + h - k),
                (x + w - k, y + h),
                (x + k, y + h),
                (x, y + h - k),
                (x, y + k),
            ] {
                num(out, px);
                out.push(',');
                num(out, py);
                out.push(' ');
            }
            out.push_str("\"/>");
        }
        UnitKind::StreamAligned | UnitKind::Enabling => rounded_rect(out, 10, x, y, w, h),
        UnitKind::Platform | UnitKind::Group => rect(out, x, y, w, h),
    }
    out.push_str("</g>");
}

fn interactions(out: &mut String, s: &TeamMapScene, region: Option<&SceneRect>) {
    for mode in [
        InteractionMode::Collaboration,
        InteractionMode::XAsAService,
        InteractionMode::Facilitating,
    ] {
        let mut d = String::new();
        let mut ends = Vec::new();
        for it in s.interactions.iter().filter(|it| it.mode == mode) {
            let (x, y, w, h) = polyline_box(&it.points);
            if it.points.len() < 4 || !meets(region, x, y, w, h) {
                continue;
            }
            polyline(&mut d, &it.points);
            let n = it.points.len();
            ends.push((it.points[0], it.points[1]));
            ends.push((it.points[n - 2], it.points[n - 1]));
        }
        if d.is_empty() {
            continue;
        }
        let c = interaction_colour(mode);
        let style = match mode {
            InteractionMode::Collaboration => "stroke-width=\"8\" stroke-opacity=\"0.35\"",
            InteractionMode::XAsAService => "stroke-width=\"1.5\"",
            InteractionMode::Facilitating => "stroke-width=\"1.5\" stroke-dasharray=\"2 4\"",
        };
        out.push_str("<path fill=\"none\" stroke=\"");
        out.push_str(c);
        out.push_str("\" ");
        out.push_str(style);
        out.push_str(" d=\"");
        out.push_str(&d);
        out.push_str("\"/>\n");
        if mode != InteractionMode::Collaboration {
            // Facilitating lines end in circles, x-as-a-service in solid dots at both boxes.
            out.push_str("<g fill=\"");
            out.push_str(if mode == InteractionMode::Facilitating {
                "#ffffff"
            } else {
                c
            });
            out.push_str("\" stroke=\"");
            out.push_str(c);
            out.push_str("\">");
            for (x, y) in ends {
                out.push_str("<circle r=\"3.5\" cx=\"");
                num(out, x);
                out.push_str("\" cy=\"");
                num(out, y);
                out.push_str("\"/>");
            }
            out.push_str("</g>\n");
        }
    }
}
