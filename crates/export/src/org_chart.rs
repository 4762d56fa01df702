//! The org chart as SVG elements: cards, labels, badges and reporting lines, drawn like the
//! canvas's full level of detail (ui/src/canvas/drawCards.ts) and grouped by style the same way.

use crate::colouring::Colouring;
use crate::diagram::{meets, polyline_box, Detail, Diagram, Grid};
use crate::font::Metrics;
use crate::shapes::{rect, text};
use crate::style::*;
use crate::view::Look;
use crate::xml::{colour, num};
use std::collections::HashMap;
use std::sync::OnceLock;
use topograph_scene::{OrgChartScene, SceneRect};

/// An org chart scene to export.
pub struct OrgChart<'a> {
    pub scene: &'a OrgChartScene,
    /// People's colours (colour by), drawn over the card bodies under the labels.
    pub colours: Option<&'a Colouring>,
    /// The custom fields' line under each card's title, by person id.
    pub field_lines: Option<&'a HashMap<u32, String>>,
    /// Cards and connectors by place, built the first time a region is asked for.
    index: OnceLock<(Grid, Grid)>,
}

impl<'a> OrgChart<'a> {
    pub fn new(scene: &'a OrgChartScene) -> Self {
        OrgChart {
            scene,
            colours: None,
            field_lines: None,
            index: OnceLock::new(),
        }
    }

    /// The chart dressed as `look` asks: people in its colours, its fields on the cards.
    pub fn dressed(scene: &'a OrgChartScene, look: &'a Look) -> Self {
        OrgChart {
            colours: look.colours.as_ref(),
            field_lines: look.field_lines.as_ref(),
            ..OrgChart::new(scene)
        }
    }

    fn index(&self) -> &(Grid, Grid) {
        self.index.get_or_init(|| {
            let s = self.scene;
            let cards: Vec<_> = (0..s.ids.len())
                .map(|i| (s.x[i], s.y[i], s.w[i] + STACK_OFFSET, s.h[i] + STACK_OFFSET))
                .collect();
            let lines: Vec<_> = s
                .connectors
                .iter()
                .map(|c| polyline_box(&c.points))
                .collect();
            (Grid::new(s.bounds, &cards), Grid::new(s.bounds, &lines))
        })
    }

    /// Connectors (by index) that may meet `region`, in order.
    fn candidate_connectors(&self, region: Option<&SceneRect>) -> Vec<usize> {
        match region {
            None => (0..self.scene.connectors.len()).collect(),
            Some(r) => self.index().1.near(r),
        }
    }

    fn visible(&self, region: Option<&SceneRect>) -> Vec<usize> {
        let s = self.scene;
        let candidates = match region {
            None => return (0..s.ids.len()).collect(),
            Some(r) => self.index().0.near(r),
        };
        candidates
            .into_iter()
            .filter(|&i| {
                meets(
                    region,
                    s.x[i],
                    s.y[i],
                    s.w[i] + STACK_OFFSET,
                    s.h[i] + STACK_OFFSET,
                )
            })
            .collect()
    }
}

impl Diagram for OrgChart<'_> {
    fn bounds(&self) -> SceneRect {
        self.scene.bounds
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        let s = self.scene;
        let visible = self.visible(region);
        write_connectors(out, s, region, &self.candidate_connectors(region));
        write_stubs(out, s, region, detail);
        if detail == Detail::Blocks {
            write_blocks(out, s, &visible);
            if let Some(c) = self.colours {
                write_colours(out, s, &visible, c, detail);
            }
            return;
        }
        write_bodies(out, s, &visible);
        if let Some(c) = self.colours {
            write_colours(out, s, &visible, c, detail);
        }
        write_accents(out, s, &visible);
        write_labels(out, s, &visible);
        if let Some(lines) = self.field_lines {
            write_field_lines(out, s, &visible, lines);
        }
    }
}

fn write_connectors(
    out: &mut String,
    s: &OrgChartScene,
    region: Option<&SceneRect>,
    candidates: &[usize],
) {
    // Distant dotted lines are drawn as their stubs only (topograph_scene::stubs).
    let stubbed: std::collections::HashSet<u32> = s.stubs.iter().map(|t| t.line).collect();
    for dotted in [false, true] {
        let start = out.len();
        out.push_str("<path fill=\"none\" stroke=\"");
        out.push_str(if dotted { DOTTED_CONNECTOR } else { CONNECTOR });
        out.push_str(if dotted {
            "\" stroke-width=\"1.25\" stroke-dasharray=\"4 4\" d=\""
        } else {
            "\" stroke-width=\"1.25\" d=\""
        });
        let mut any = false;
        for c in candidates
            .iter()
            .filter(|&&k| !stubbed.contains(&(k as u32)))
            .map(|&k| &s.connectors[k])
            .filter(|c| c.dotted == dotted)
        {
            let (x, y, w, h) = polyline_box(&c.points);
            if c.points.len() < 4 || !meets(region, x, y, w, h) {
                continue;
            }
            for (k, p) in c.points.chunks_exact(2).enumerate() {
                out.push(if k == 0 { 'M' } else { 'L' });
                num(out, p[0]);
                out.push(' ');
                num(out, p[1]);
            }
            any = true;
        }
        if any {
            out.push_str("\"/>\n");
        } else {
            out.truncate(start);
        }
    }
}

/// Each distant dotted line's stubs, dashed like the line, labelled at their outer end.
fn write_stubs(out: &mut String, s: &OrgChartScene, region: Option<&SceneRect>, detail: Detail) {
    let near: Vec<_> = s
        .stubs
        .iter()
        .filter(|t| {
            let (x, y, w, h) = polyline_box(&t.points);
            t.points.len() >= 4 && meets(region, x - 4.0, y - 4.0, w + STUB_LABEL_ROOM, h + 8.0)
        })
        .collect();
    if near.is_empty() {
        return;
    }
    out.push_str("<path fill=\"none\" stroke=\"");
    out.push_str(DOTTED_CONNECTOR);
    out.push_str("\" stroke-width=\"1.25\" stroke-dasharray=\"4 4\" d=\"");
    for t in &near {
        crate::shapes::polyline(out, &t.points);
    }
    out.push_str("\"/>\n");
    if detail == Detail::Blocks {
        return;
    }
    let m = Metrics::get();
    out.push_str("<g font-size=\"11\" fill=\"");
    out.push_str(DOTTED_CONNECTOR);
    out.push_str("\">");
    for t in &near {
        // Placed by the scene clear of cards and lines (topograph_scene::stubs::place_labels).
        let label = m.fit(&t.label, BADGE_SIZE, STUB_LABEL_ROOM);
        let x = if t.label_leftward {
            t.label_x - m.width(&label, BADGE_SIZE)
        } else {
            t.label_x
        };
        let y = t.label_y;
        text(out, x, y, &label);
    }
    out.push_str("</g>\n");
}

/// How wide a stub's label may be (scene units).
const STUB_LABEL_ROOM: f64 = topograph_scene::stubs::LABEL_ROOM;

fn write_blocks(out: &mut String, s: &OrgChartScene, visible: &[usize]) {
    for &i in visible {
        let fill = s.cards[i]
            .team_colours
            .first()
            .map_or(BLOCK_FILL, |c| colour(c, BLOCK_FILL));
        out.push_str("<g fill=\"");
        out.push_str(fill);
        out.push_str("\">");
        rect(out, s.x[i], s.y[i], s.w[i], s.h[i]);
        out.push_str("</g>");
    }
    out.push('\n');
}

fn write_bodies(out: &mut String, s: &OrgChartScene, visible: &[usize]) {
    let collapsed: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&i| s.cards[i].collapsed_count > 0)
        .collect();
    if !collapsed.is_empty() {
        out.push_str("<g fill=\"");
        out.push_str(CARD_FILL);
        out.push_str("\" stroke=\"");
        out.push_str(CARD_STROKE);
        out.push_str("\">");
        for &i in &collapsed {
            rect(
                out,
                s.x[i] + STACK_OFFSET,
                s.y[i] + STACK_OFFSET,
                s.w[i],
                s.h[i],
            );
        }
        out.push_str("</g>\n");
    }
    for open in [false, true] {
        let (fill, stroke, dash) = if open {
            (OPEN_FILL, OPEN_STROKE, "\" stroke-dasharray=\"5 3")
        } else {
            (CARD_FILL, CARD_STROKE, "")
        };
        out.push_str("<g fill=\"");
        out.push_str(fill);
        out.push_str("\" stroke=\"");
        out.push_str(stroke);
        out.push_str(dash);
        out.push_str("\">");
        for &i in visible {
            if s.cards[i].is_open_position == open {
                rect(out, s.x[i], s.y[i], s.w[i], s.h[i]);
            }
        }
        out.push_str("</g>\n");
    }
}

/// Each coloured person's card tinted and outlined in their colour (as the app's marks draw
/// it), one group per colour; as blocks, filled with it.
fn write_colours(
    out: &mut String,
    s: &OrgChartScene,
    visible: &[usize],
    colours: &Colouring,
    detail: Detail,
) {
    for (colour, cards) in colours.groups(visible.iter().map(|&i| (i, s.ids[i]))) {
        out.push_str("<g fill=\"");
        out.push_str(colour);
        if detail == Detail::Blocks {
            out.push_str("\">");
        } else {
            out.push_str("\" fill-opacity=\"0.25\" stroke=\"");
            out.push_str(colour);
            out.push_str("\" stroke-width=\"2\">");
        }
        for i in cards {
            rect(out, s.x[i], s.y[i], s.w[i], s.h[i]);
        }
        out.push_str("</g>\n");
    }
}

/// Team accent bars down the left edge and team chips bottom-left, in each team's colour.
fn write_accents(out: &mut String, s: &OrgChartScene, visible: &[usize]) {
    let step = CHIP_SIZE + CHIP_GAP;
    for &i in visible {
        let colours = &s.cards[i].team_colours;
        let Some(first) = colours.first() else {
            continue;
        };
        out.push_str("<g fill=\"");
        out.push_str(colour(first, BLOCK_FILL));
        out.push_str("\">");
        rect(out, s.x[i], s.y[i], ACCENT_WIDTH, s.h[i]);
        if name_only(s.h[i]) {
            // The accent alone names the team: a short card has no row for chips.
            out.push_str("</g>");
            continue;
        }
        let x0 = s.x[i] + PAD_X + ACCENT_WIDTH;
        let y0 = s.y[i] + s.h[i] - CHIP_SIZE - 9.0;
        for (t, c) in colours.iter().take(MAX_CHIPS).enumerate() {
            if t > 0 {
                out.push_str("</g><g fill=\"");
                out.push_str(colour(c, BLOCK_FILL));
                out.push_str("\">");
            }
            rect(out, x0 + t as f64 * step, y0, CHIP_SIZE, CHIP_SIZE);
        }
        out.push_str("</g>");
    }
    out.push('\n');
}

/// Each card's line of custom fields under its title, cut to the room left of a "+N" badge.
fn write_field_lines(
    out: &mut String,
    s: &OrgChartScene,
    visible: &[usize],
    lines: &HashMap<u32, String>,
) {
    let m = Metrics::get();
    let left = PAD_X + ACCENT_WIDTH;
    let start = out.len();
    out.push_str("<g font-size=\"11\" fill=\"");
    out.push_str(TITLE_COLOUR);
    out.push_str("\">");
    let mut any = false;
    for &i in visible.iter().filter(|&&i| !name_only(s.h[i])) {
        let Some(line) = lines.get(&s.ids[i]) else {
            continue;
        };
        let c = &s.cards[i];
        let badge = if c.collapsed_count > 0 {
            badge_w(m, c.collapsed_count) + 6.0
        } else {
            0.0
        };
        let label = m.fit(line, BADGE_SIZE, s.w[i] - left - PAD_X - badge);
        if !label.is_empty() {
            text(out, s.x[i] + left, s.y[i] + FIELDS_BASELINE, &label);
            any = true;
        }
    }
    if any {
        out.push_str("</g>\n");
    } else {
        out.truncate(start);
    }
}

/// Names, titles, the "Open" tag and the "+N" badge of collapsed cards, each cut to its room
/// with the bundled font's metrics exactly as the canvas cuts them.
fn write_labels(out: &mut String, s: &OrgChartScene, visible: &[usize]) {
    let m = Metrics::get();
    let left = PAD_X + ACCENT_WIDTH;
    let tag_w = m.width("Open", BADGE_SIZE) + 10.0;

    out.push_str("<g font-size=\"14\" fill=\"");
    out.push_str(NAME_COLOUR);
    out.push_str("\">");
    for &i in visible.iter().filter(|&&i| !name_only(s.h[i])) {
        let c = &s.cards[i];
        let room = s.w[i] - left - PAD_X - if c.is_open_position { tag_w + 6.0 } else { 0.0 };
        let label = m.fit(&c.name, NAME_SIZE, room);
        if !label.is_empty() {
            text(out, s.x[i] + left, s.y[i] + NAME_BASELINE, &label);
        }
    }
    let short: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&i| name_only(s.h[i]))
        .collect();
    if !short.is_empty() {
        out.push_str("</g>\n<g font-size=\"16\" fill=\"");
        out.push_str(NAME_COLOUR);
        out.push_str("\">");
        for &i in &short {
            let c = &s.cards[i];
            let room = s.w[i]
                - left
                - PAD_X
                - badge_w(m, c.collapsed_count)
                - if c.is_open_position { tag_w + 6.0 } else { 0.0 };
            let label = m.fit(&c.name, NAME_ONLY_SIZE, room);
            if !label.is_empty() {
                // The x-height sits on the card's middle line.
                let baseline = s.h[i] / 2.0 + NAME_ONLY_SIZE * 0.36;
                text(out, s.x[i] + left, s.y[i] + baseline, &label);
            }
        }
    }
    out.push_str("</g>\n<g font-size=\"12\" fill=\"");
    out.push_str(TITLE_COLOUR);
    out.push_str("\">");
    for &i in visible.iter().filter(|&&i| !name_only(s.h[i])) {
        let c = &s.cards[i];
        let label = m.fit(&c.title, TITLE_SIZE, s.w[i] - left - PAD_X);
        if !label.is_empty() {
            text(out, s.x[i] + left, s.y[i] + TITLE_BASELINE, &label);
        }
    }
    out.push_str("</g>\n");

    let mut badges = String::new();
    let mut labels = String::new();
    for &i in visible {
        let c = &s.cards[i];
        let (x, y, w, h) = (s.x[i], s.y[i], s.w[i], s.h[i]);
        if c.is_open_position {
            let by = if name_only(h) {
                y + (h - 17.0) / 2.0
            } else {
                y + 12.0
            };
            let bx = x + w - PAD_X - tag_w + 4.0;
            badges.push_str("<rect fill=\"");
            badges.push_str(OPEN_STROKE);
            badges.push_str("\" x=\"");
            num(&mut badges, bx);
            badges.push_str("\" y=\"");
            num(&mut badges, by);
            badges.push_str("\" width=\"");
            num(&mut badges, tag_w);
            badges.push_str("\" height=\"17\"/>");
            text(&mut labels, bx + 5.0, by + 12.5, "Open");
        }
        if c.collapsed_count > 0 {
            let label = format!("+{}", c.collapsed_count);
            let lw = badge_w(m, c.collapsed_count);
            let by = if name_only(h) {
                y + (h - 17.0) / 2.0
            } else {
                y + h - 24.0
            };
            let bx = x + w - PAD_X - lw + 4.0;
            badges.push_str("<rect fill=\"");
            badges.push_str(TITLE_COLOUR);
            badges.push_str("\" x=\"");
            num(&mut badges, bx);
            badges.push_str("\" y=\"");
            num(&mut badges, by);
            badges.push_str("\" width=\"");
            num(&mut badges, lw);
            badges.push_str("\" height=\"17\"/>");
            text(&mut labels, bx + 6.0, by + 12.5, &label);
        }
    }
    if !badges.is_empty() {
        out.push_str(&badges);
        out.push_str("\n<g font-size=\"11\" fill=\"");
        out.push_str(BADGE_TEXT);
        out.push_str("\">");
        out.push_str(&labels);
        out.push_str("</g>\n");
    }
}

/// Cards too short for a title line (the compact form pages use) show the name alone, centred.
pub fn name_only(h: f64) -> bool {
    h < TITLE_BASELINE + 8.0
}

/// Width of the "+N" badge of a collapsed card (0 when it hides nobody).
fn badge_w(m: &Metrics, count: u32) -> f64 {
    if count == 0 {
        0.0
    } else {
        m.width(&format!("+{count}"), BADGE_SIZE) + 12.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{to_svg, Scene, SvgOptions};
    use serde_json::json;
    use std::collections::BTreeSet;
    use topograph_model::{card_field_line, FieldDef, FieldDefs, FieldKind, Org, View};

    /// Office (a choice, on cards), Note (text, not on cards), Buddy (a person, on cards) and
    /// Level code (text, on cards: a third, which cards leave out).
    fn fields() -> FieldDefs {
        let def = |name: &str, kind: FieldKind, on_cards: bool| FieldDef {
            kind,
            on_cards,
            ..match kind {
                FieldKind::Choice => FieldDef::choice(name, &[("Berlin", "#aa3300")]),
                _ => FieldDef::text(name),
            }
        };
        FieldDefs {
            fields: vec![
                def("Office", FieldKind::Choice, true),
                def("Note", FieldKind::Text, false),
                def("Buddy", FieldKind::Person, true),
                def("Level code", FieldKind::Text, true),
            ],
        }
    }

    fn org() -> Org {
        let mut r = topograph_sample::generate(12, 3).to_records();
        let first = r.persons[0].id.0;
        for (i, p) in r.persons.iter_mut().enumerate() {
            let mut set = |k: &str, v: String| p.custom.insert(k.into(), v);
            if i % 2 == 0 {
                set("Office", "Berlin".into());
            }
            if i % 3 == 0 {
                set("Buddy", first.to_string());
            }
            if i == 4 {
                set("Buddy", "999999".into()); // no such person: shown as it is
            }
            set("Note", "private".into());
            set("Level code", "L3".into());
        }
        Org::from_records(r)
    }

    #[test]
    fn the_apps_cards_and_the_exporters_show_the_same_line_of_fields() {
        let (org, fields) = (org(), fields());
        let persons: Vec<_> = org
            .persons()
            .map(|p| {
                json!({"id": p.id.0, "name": p.name, "title": p.title, "custom": p.custom,
                       "line": card_field_line(&org, &fields, p)})
            })
            .collect();
        crate::golden::check(
            "card-fields.json",
            &json!({"fields": fields, "persons": persons}),
        );
    }

    #[test]
    fn an_exported_card_shows_its_fields_under_the_title_and_only_the_first_two_on_cards() {
        let (org, fields) = (org(), fields());
        let lines: HashMap<u32, String> = org
            .persons()
            .filter_map(|p| card_field_line(&org, &fields, p).map(|l| (p.id.0, l)))
            .collect();
        let first = org.persons().next().unwrap();
        assert_eq!(
            lines[&first.id.0],
            format!("Berlin \u{b7} {}", first.display_name())
        );
        assert!(lines
            .values()
            .all(|l| !l.contains("private") && !l.contains("L3")));
        let scene = Scene::build(&org, View::OrgChart, &BTreeSet::new(), None).unwrap();
        let look = Look {
            field_lines: Some(lines),
            ..Look::default()
        };
        let svg = to_svg(&*scene.diagram_with(&look), &SvgOptions::default());
        let group = svg
            .split("<g font-size=\"11\" fill=\"")
            .find(|g| g.contains(">Berlin"))
            .expect("a group of field lines");
        assert!(group.contains(&format!("{}<", first.display_name())));
        let plain = to_svg(&*scene.diagram(), &SvgOptions::default());
        assert!(!plain.contains(">Berlin"), "no fields unless asked for");
    }
}
