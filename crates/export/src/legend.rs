//! The legend exports carry: what a diagram's accents, tags, boxes and line styles mean.
//!
//! The org chart's entries are the ones the app's legend panel shows for what an export draws
//! (ui/src/canvas/legend.ts); tests/fixtures/parity/legend.json holds them and the UI's Vitest
//! checks the app's legend against it, so the two cannot drift apart. [`WithLegend`] draws a
//! diagram with its legend beside it (or below a tall one), so SVG, PNG and PDF all get it.

use crate::diagram::{Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::{rect, text};
use crate::style::*;
use crate::xml::num;
use serde::Serialize;
use std::borrow::Cow;
use topograph_model::{InteractionMode, UnitKind, View};
use topograph_scene::style::{interaction_colour, unit_style};
use topograph_scene::SceneRect;

/// How one entry's mark is drawn; `kind` names match the app's `LegendMark` kinds.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum LegendMark {
    Accent {
        colour: &'static str,
    },
    Card {
        stroke: &'static str,
        fill: &'static str,
        dashed: bool,
    },
    Tag {
        text: &'static str,
    },
    Line {
        colour: &'static str,
        dashed: bool,
    },
    Stub {
        colour: &'static str,
    },
    Team {
        fill: Option<&'static str>,
        stroke: &'static str,
    },
    Interaction {
        mode: InteractionMode,
    },
    /// A colour of colour by: the card outlined in it and tinted with it.
    Colour {
        colour: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LegendEntry {
    pub mark: LegendMark,
    pub label: Cow<'static, str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LegendSection {
    pub title: Cow<'static, str>,
    pub entries: Vec<LegendEntry>,
}

/// The org chart's legend for what an export draws (no selection or health badges).
pub fn org_chart_legend() -> Vec<LegendSection> {
    vec![
        LegendSection {
            title: "Cards".into(),
            entries: vec![
                LegendEntry {
                    mark: LegendMark::Accent { colour: "#2f6fde" },
                    label: "Bar and dots: the person's teams, in each team's colour".into(),
                },
                LegendEntry {
                    mark: LegendMark::Card {
                        stroke: OPEN_STROKE,
                        fill: OPEN_FILL,
                        dashed: true,
                    },
                    label: "Dashed card, \u{201c}Open\u{201d} tag: an open position".into(),
                },
                LegendEntry {
                    mark: LegendMark::Tag { text: "+12" },
                    label: "Reports folded into the card".into(),
                },
            ],
        },
        LegendSection {
            title: "Lines".into(),
            entries: vec![
                LegendEntry {
                    mark: LegendMark::Line {
                        colour: CONNECTOR,
                        dashed: false,
                    },
                    label: "Reports to (solid line)".into(),
                },
                LegendEntry {
                    mark: LegendMark::Line {
                        colour: DOTTED_CONNECTOR,
                        dashed: true,
                    },
                    label: "Dotted-line manager".into(),
                },
                LegendEntry {
                    mark: LegendMark::Stub {
                        colour: DOTTED_CONNECTOR,
                    },
                    label: "\u{201c}dotted to\u{201d}: a dotted line to someone far away".into(),
                },
            ],
        },
    ]
}

/// The team map's legend: team types and interaction modes, in the map's colours.
pub fn team_map_legend() -> Vec<LegendSection> {
    let team = |kind, label: &'static str| {
        let s = unit_style(kind);
        LegendEntry {
            mark: LegendMark::Team {
                fill: s.fill,
                stroke: s.stroke,
            },
            label: Cow::Borrowed(label),
        }
    };
    let line = |mode, label: &'static str| LegendEntry {
        mark: LegendMark::Interaction { mode },
        label: label.into(),
    };
    vec![
        LegendSection {
            title: "Teams".into(),
            entries: vec![
                team(UnitKind::StreamAligned, "Stream-aligned team"),
                team(UnitKind::Platform, "Platform team"),
                team(UnitKind::Enabling, "Enabling team"),
                team(UnitKind::ComplicatedSubsystem, "Complicated-subsystem team"),
                team(UnitKind::Group, "Group of teams (dashed boundary)"),
            ],
        },
        LegendSection {
            title: "Interactions".into(),
            entries: vec![
                line(InteractionMode::Collaboration, "Collaboration"),
                line(InteractionMode::XAsAService, "X-as-a-service"),
                line(InteractionMode::Facilitating, "Facilitating"),
            ],
        },
    ]
}

/// The legend of `view`, for the views that have one.
pub fn legend_for(view: View) -> Option<Vec<LegendSection>> {
    match view {
        View::OrgChart => Some(org_chart_legend()),
        View::TeamMap => Some(team_map_legend()),
        // The charts over time carry their own legend of groups.
        View::Ownership | View::Effort | View::Headcount | View::Cost => None,
    }
}

const WIDTH: f64 = 320.0;
const ROW: f64 = 20.0;
const PAD: f64 = 12.0;
const GAP: f64 = 32.0;
const MARK_W: f64 = 28.0;

/// The legend's height.
fn height(sections: &[LegendSection]) -> f64 {
    let rows: usize = sections.iter().map(|s| s.entries.len() + 1).sum();
    2.0 * PAD + ROW + rows as f64 * ROW
}

/// A diagram with its legend beside it (below it when the diagram is taller than wide).
pub struct WithLegend<'a> {
    pub inner: Box<dyn Diagram + 'a>,
    pub sections: Vec<LegendSection>,
}

impl WithLegend<'_> {
    /// Where the legend's box goes.
    fn place(&self) -> SceneRect {
        let b = self.inner.bounds();
        let h = height(&self.sections);
        if b.w >= b.h {
            SceneRect {
                x: b.x + b.w + GAP,
                y: b.y,
                w: WIDTH,
                h,
            }
        } else {
            SceneRect {
                x: b.x,
                y: b.y + b.h + GAP,
                w: WIDTH,
                h,
            }
        }
    }
}

impl Diagram for WithLegend<'_> {
    fn bounds(&self) -> SceneRect {
        crate::diagram::union(self.inner.bounds(), self.place())
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        self.inner.write_svg(out, region, detail);
        let at = self.place();
        if crate::diagram::meets(region, at.x, at.y, at.w, at.h) {
            write_legend(out, &self.sections, at);
        }
    }

    fn smallest_text(&self) -> f64 {
        self.inner.smallest_text()
    }
}

/// The legend as SVG elements in the box `at`.
pub fn write_legend(out: &mut String, sections: &[LegendSection], at: SceneRect) {
    let m = Metrics::get();
    out.push_str("<g fill=\"#ffffff\" stroke=\"");
    out.push_str(CARD_STROKE);
    out.push_str("\">");
    rect(out, at.x, at.y, at.w, at.h);
    out.push_str("</g>\n<g font-size=\"13\" fill=\"");
    out.push_str(NAME_COLOUR);
    out.push_str("\">");
    text(out, at.x + PAD, at.y + PAD + 13.0, "Legend");
    out.push_str("</g>\n");
    let mut y = at.y + PAD + ROW;
    let label_x = at.x + PAD + MARK_W + 8.0;
    let room = at.x + at.w - PAD - label_x;
    let mut labels = String::new();
    let mut titles = String::new();
    for s in sections {
        text(&mut titles, at.x + PAD, y + 14.0, &s.title);
        y += ROW;
        for e in &s.entries {
            let mid = y + ROW / 2.0;
            write_mark(out, &e.mark, at.x + PAD, mid);
            text(
                &mut labels,
                label_x,
                mid + 4.0,
                &m.fit(&e.label, 11.0, room),
            );
            y += ROW;
        }
    }
    out.push_str("<g font-size=\"12\" fill=\"");
    out.push_str(TITLE_COLOUR);
    out.push_str("\">");
    out.push_str(&titles);
    out.push_str("</g>\n<g font-size=\"11\" fill=\"");
    out.push_str(NAME_COLOUR);
    out.push_str("\">");
    out.push_str(&labels);
    out.push_str("</g>\n");
}

fn line(out: &mut String, x0: f64, y: f64, x1: f64, colour: &str, style: &str) {
    out.push_str("<path fill=\"none\" stroke=\"");
    out.push_str(colour);
    out.push_str("\" ");
    out.push_str(style);
    out.push_str(" d=\"M");
    num(out, x0);
    out.push(' ');
    num(out, y);
    out.push('L');
    num(out, x1);
    out.push(' ');
    num(out, y);
    out.push_str("\"/>");
}

/// One entry's mark, `MARK_W` wide, centred on `mid`.
fn write_mark(out: &mut String, mark: &LegendMark, x: f64, mid: f64) {
    match mark {
        LegendMark::Accent { colour } => {
            out.push_str("<g fill=\"");
            out.push_str(colour);
            out.push_str("\">");
            rect(out, x, mid - 7.0, ACCENT_WIDTH, 14.0);
            rect(out, x + 9.0, mid + 1.0, CHIP_SIZE - 3.0, CHIP_SIZE - 3.0);
            out.push_str("</g>");
        }
        LegendMark::Card {
            stroke,
            fill,
            dashed,
        } => {
            out.push_str("<g fill=\"");
            out.push_str(fill);
            out.push_str("\" stroke=\"");
            out.push_str(stroke);
            if *dashed {
                out.push_str("\" stroke-dasharray=\"3 2");
            }
            out.push_str("\">");
            rect(out, x, mid - 7.0, MARK_W, 14.0);
            out.push_str("</g>");
        }
        LegendMark::Tag { text: t } => {
            out.push_str("<g fill=\"");
            out.push_str(TITLE_COLOUR);
            out.push_str("\">");
            rect(out, x, mid - 7.0, MARK_W, 14.0);
            out.push_str("</g><g font-size=\"10\" fill=\"");
            out.push_str(BADGE_TEXT);
            out.push_str("\">");
            text(out, x + 4.0, mid + 3.5, t);
            out.push_str("</g>");
        }
        LegendMark::Line { colour, dashed } => {
            let style = if *dashed {
                "stroke-width=\"1.25\" stroke-dasharray=\"4 4\""
            } else {
                "stroke-width=\"1.25\""
            };
            line(out, x, mid, x + MARK_W, colour, style);
        }
        LegendMark::Stub { colour } => {
            line(
                out,
                x,
                mid,
                x + MARK_W / 2.0,
                colour,
                "stroke-width=\"1.25\" stroke-dasharray=\"4 4\"",
            );
            out.push_str("<g fill=\"");
            out.push_str(colour);
            out.push_str("\">");
            rect(
                out,
                x + MARK_W / 2.0 + 3.0,
                mid - 1.0,
                MARK_W / 2.0 - 3.0,
                2.0,
            );
            out.push_str("</g>");
        }
        LegendMark::Team { fill, stroke } => {
            out.push_str("<g fill=\"");
            out.push_str(fill.unwrap_or("none"));
            out.push_str("\" stroke=\"");
            out.push_str(stroke);
            if fill.is_none() {
                out.push_str("\" stroke-dasharray=\"6 4");
            }
            out.push_str("\">");
            rect(out, x, mid - 7.0, MARK_W, 14.0);
            out.push_str("</g>");
        }
        LegendMark::Interaction { mode } => {
            let style = match mode {
                InteractionMode::Collaboration => "stroke-width=\"8\" stroke-opacity=\"0.35\"",
                InteractionMode::XAsAService => "stroke-width=\"1.5\"",
                InteractionMode::Facilitating => "stroke-width=\"1.5\" stroke-dasharray=\"2 4\"",
            };
            line(out, x, mid, x + MARK_W, interaction_colour(*mode), style);
        }
        LegendMark::Colour { colour } => {
            out.push_str("<g fill=\"");
            out.push_str(colour);
            out.push_str("\" fill-opacity=\"0.25\" stroke=\"");
            out.push_str(colour);
            out.push_str("\" stroke-width=\"2\">");
            rect(out, x, mid - 7.0, MARK_W, 14.0);
            out.push_str("</g>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// ui/src/canvas/legend.test.ts checks the app's legend against the same fixture: every
    /// section and entry an export shows is in the app's legend, with the same words and mark.
    #[test]
    fn the_shared_legend_fixture_holds_the_exported_org_chart_legend() {
        let sections: Vec<_> = org_chart_legend()
            .iter()
            .map(|s| {
                json!({
                    "title": s.title,
                    "entries": s.entries.iter().map(|e| {
                        let mark = serde_json::to_value(&e.mark).unwrap();
                        json!({"kind": mark["kind"], "label": e.label})
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        crate::golden::check("legend.json", &json!(sections));
    }

    #[test]
    fn a_wide_diagram_gets_its_legend_beside_it_and_a_tall_one_below() {
        struct Plain(SceneRect);
        impl Diagram for Plain {
            fn bounds(&self) -> SceneRect {
                self.0
            }
            fn write_svg(&self, _: &mut String, _: Option<&SceneRect>, _: Detail) {}
        }
        let wide = Plain(SceneRect {
            x: 0.0,
            y: 0.0,
            w: 2000.0,
            h: 500.0,
        });
        let d = WithLegend {
            inner: std::boxed::Box::new(wide),
            sections: org_chart_legend(),
        };
        assert!(d.bounds().w > 2000.0 + WIDTH && d.bounds().h == 500.0);
        let tall = Plain(SceneRect {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 1500.0,
        });
        let d = WithLegend {
            inner: std::boxed::Box::new(tall),
            sections: team_map_legend(),
        };
        assert!(d.bounds().h > 1500.0 && d.bounds().w == 400.0);
        let mut out = String::new();
        d.write_svg(&mut out, None, Detail::Full);
        for label in ["Legend", "Platform team", "Facilitating"] {
            assert!(out.contains(&format!(">{label}<")), "{label}");
        }
    }
}
