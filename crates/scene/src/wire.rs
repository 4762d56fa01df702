//! The org chart as it crosses to the UI: columns instead of a JSON object per card and per line.
//!
//! A 10k chart as [`OrgChartScene`] JSON is 2.4 MB, two thirds of it the same keys repeated on
//! every card and line. The webview reads an IPC answer in small steps on the app's main thread,
//! so its size is time: here each card's content and each line is a row across columns, and the
//! few distinct titles and team-colour sets are written once. The UI rebuilds the scene from it
//! (ui/src/app/chartWire.ts); [`OrgChartWire::to_scene`] is the same decoding, for tests, and
//! tests/fixtures/parity/chart-wire.json holds both ends to one golden chart.

use crate::{CardContent, DottedStub, OrgChartScene, SceneConnector, SceneRect};
use serde::Serialize;
use std::collections::HashMap;

/// An [`OrgChartScene`] in columns. Card `i` is `ids[i]` at `(x[i], y[i])` sized `w[i] x h[i]`;
/// connector `j` runs from card id `line_from[j]` to `line_to[j]` through the next
/// `line_lengths[j]` numbers of `line_points`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrgChartWire {
    pub ids: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    #[serde(serialize_with = "whole_numbers_bare")]
    pub x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    #[serde(serialize_with = "whole_numbers_bare")]
    pub y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    #[serde(serialize_with = "whole_numbers_bare")]
    pub w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    #[serde(serialize_with = "whole_numbers_bare")]
    pub h: Vec<f64>,
    pub bounds: SceneRect,
    pub line_from: Vec<u32>,
    pub line_to: Vec<u32>,
    /// How many numbers of `line_points` each connector takes (x, y pairs).
    pub line_lengths: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    #[serde(serialize_with = "whole_numbers_bare")]
    pub line_points: Vec<f64>,
    /// The connectors that are dotted lines, by index.
    pub dotted_lines: Vec<u32>,
    pub names: Vec<String>,
    /// The distinct titles; card `i` shows `titles[title_of[i]]`.
    pub titles: Vec<String>,
    pub title_of: Vec<u32>,
    /// The cards that are open positions, by index.
    pub open_positions: Vec<u32>,
    /// Collapsed cards by index, and how many people each hides.
    pub collapsed_cards: Vec<u32>,
    pub collapsed_counts: Vec<u32>,
    /// The distinct team-colour lists; card `i` shows `colour_sets[colours_of[i]]`.
    pub colour_sets: Vec<Vec<String>>,
    pub colours_of: Vec<u32>,
    /// Both ends of each distant dotted line, as the scene has them (few, so not in columns).
    pub stubs: Vec<DottedStub>,
}

/// Writes `84.0` as `84`: JSON has one number type, and half the coordinates are whole.
fn whole_numbers_bare<S: serde::Serializer>(values: &[f64], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    // Beyond 2^53 not every whole number is an exact i64; such coordinates never occur.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    let mut seq = s.serialize_seq(Some(values.len()))?;
    for &v in values {
        if v.fract() == 0.0 && v.abs() < EXACT {
            seq.serialize_element(&(v as i64))?;
        } else {
            seq.serialize_element(&v)?;
        }
    }
    seq.end()
}

/// Numbers each distinct value in order of first appearance.
struct Table<K> {
    index: HashMap<K, u32>,
    values: Vec<K>,
}

impl<K: std::hash::Hash + Eq + Clone> Table<K> {
    fn new() -> Self {
        Table {
            index: HashMap::new(),
            values: Vec::new(),
        }
    }

    fn of(&mut self, value: &K) -> u32 {
        if let Some(&i) = self.index.get(value) {
            return i;
        }
        let i = self.values.len() as u32;
        self.index.insert(value.clone(), i);
        self.values.push(value.clone());
        i
    }
}

impl From<&OrgChartScene> for OrgChartWire {
    fn from(s: &OrgChartScene) -> Self {
        let lines = s.connectors.len();
        let mut wire = OrgChartWire {
            ids: s.ids.clone(),
            x: s.x.clone(),
            y: s.y.clone(),
            w: s.w.clone(),
            h: s.h.clone(),
            bounds: s.bounds,
            line_from: Vec::with_capacity(lines),
            line_to: Vec::with_capacity(lines),
            line_lengths: Vec::with_capacity(lines),
            line_points: Vec::with_capacity(lines * 8),
            names: Vec::with_capacity(s.cards.len()),
            title_of: Vec::with_capacity(s.cards.len()),
            colours_of: Vec::with_capacity(s.cards.len()),
            ..OrgChartWire::default()
        };
        for (j, c) in s.connectors.iter().enumerate() {
            wire.line_from.push(c.from);
            wire.line_to.push(c.to);
            wire.line_lengths.push(c.points.len() as u32);
            wire.line_points.extend_from_slice(&c.points);
            if c.dotted {
                wire.dotted_lines.push(j as u32);
            }
        }
        let mut titles = Table::new();
        let mut colour_sets = Table::new();
        for (i, card) in s.cards.iter().enumerate() {
            wire.names.push(card.name.clone());
            wire.title_of.push(titles.of(&card.title));
            wire.colours_of.push(colour_sets.of(&card.team_colours));
            if card.is_open_position {
                wire.open_positions.push(i as u32);
            }
            if card.collapsed_count > 0 {
                wire.collapsed_cards.push(i as u32);
                wire.collapsed_counts.push(card.collapsed_count);
            }
        }
        wire.stubs = s.stubs.clone();
        wire.titles = titles.values;
        wire.colour_sets = colour_sets.values;
        wire
    }
}

impl OrgChartWire {
    /// Serialised here, in a crate built optimised even in debug builds (the app crate's generic
    /// serde code is not), appended to `out`: a caller sending a larger answer writes the
    /// chart's megabyte once, into the buffer it sends.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        serde_json::to_writer(out, self).expect("charts always serialise");
    }

    /// The scene this was made from.
    pub fn to_scene(&self) -> OrgChartScene {
        let mut dotted = vec![false; self.line_from.len()];
        for &j in &self.dotted_lines {
            dotted[j as usize] = true;
        }
        let mut at = 0usize;
        let connectors = (0..self.line_from.len())
            .map(|j| {
                let len = self.line_lengths[j] as usize;
                let points = self.line_points[at..at + len].to_vec();
                at += len;
                SceneConnector {
                    from: self.line_from[j],
                    to: self.line_to[j],
                    points,
                    dotted: dotted[j],
                }
            })
            .collect();
        let mut cards: Vec<CardContent> = (0..self.names.len())
            .map(|i| CardContent {
                name: self.names[i].clone(),
                title: self.titles[self.title_of[i] as usize].clone(),
                is_open_position: false,
                collapsed_count: 0,
                team_colours: self.colour_sets[self.colours_of[i] as usize].clone(),
            })
            .collect();
        for &i in &self.open_positions {
            cards[i as usize].is_open_position = true;
        }
        for (&i, &count) in self.collapsed_cards.iter().zip(&self.collapsed_counts) {
            cards[i as usize].collapsed_count = count;
        }
        OrgChartScene {
            ids: self.ids.clone(),
            x: self.x.clone(),
            y: self.y.clone(),
            w: self.w.clone(),
            h: self.h.clone(),
            connectors,
            bounds: self.bounds,
            cards,
            stubs: self.stubs.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{org_chart, SceneOptions};

    fn sample_chart(collapsed: &[u32]) -> OrgChartScene {
        let org = topograph_sample::sample();
        let collapsed = collapsed.iter().copied().collect();
        org_chart(&org, &collapsed, &SceneOptions::default()).unwrap()
    }

    #[test]
    fn a_chart_in_columns_decodes_to_the_same_chart() {
        let scene = sample_chart(&[]);
        assert!(
            scene.connectors.iter().any(|c| c.dotted),
            "the sample has dotted lines"
        );
        assert!(scene.cards.iter().any(|c| c.is_open_position));
        assert_eq!(OrgChartWire::from(&scene).to_scene(), scene);
    }

    #[test]
    fn collapsed_counts_travel_with_their_cards() {
        let full = sample_chart(&[]);
        let manager = full.connectors[0].from;
        let scene = sample_chart(&[manager]);
        let wire = OrgChartWire::from(&scene);
        assert_eq!(wire.collapsed_cards.len(), 1);
        assert!(wire.collapsed_counts[0] > 0);
        assert_eq!(wire.to_scene(), scene);
    }

    #[test]
    fn titles_and_colour_sets_are_written_once() {
        let scene = sample_chart(&[]);
        let wire = OrgChartWire::from(&scene);
        assert!(wire.titles.len() < scene.cards.len());
        let mut distinct = wire.titles.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), wire.titles.len());
        assert!(wire.colour_sets.len() < scene.cards.len());
    }

    #[test]
    fn whole_coordinates_are_written_without_a_fraction() {
        let wire = OrgChartWire {
            x: vec![84.0, -3.0, 628484.78125, 0.0],
            ..OrgChartWire::default()
        };
        let mut out = Vec::new();
        wire.write_json(&mut out);
        let json = String::from_utf8(out).unwrap();
        assert!(json.contains(r#""x":[84,-3,628484.78125,0]"#), "{json}");
    }

    #[test]
    fn an_empty_chart_has_empty_columns() {
        let wire = OrgChartWire::from(&OrgChartScene::default());
        assert_eq!(wire, OrgChartWire::default());
        assert_eq!(wire.to_scene(), OrgChartScene::default());
    }

    /// A small chart with every kind of column filled: a dotted line, an open position, a
    /// collapsed manager, team colours and coordinates with fractions. The first dotted line and
    /// folded manager (in id order) that keep all of them drawn, so the chart is deterministic.
    fn small_chart() -> OrgChartScene {
        use topograph_model::{IdCounter, Op, PersonId};
        let base = topograph_sample::generate(14, 5);
        // An odd card width centres parents on half pixels, so some coordinates have fractions.
        let odd = SceneOptions {
            card_width: 221.0,
            ..SceneOptions::default()
        };
        let ids: Vec<PersonId> = base.persons().map(|p| p.id).collect();
        let managers: Vec<PersonId> = ids
            .iter()
            .copied()
            .filter(|&m| base.reports(m).next().is_some())
            .collect();
        for &person in &ids {
            for &manager in &managers {
                let mut org = base.clone();
                let op = Op::AddDottedLine { person, manager };
                if org.execute(&op, &mut IdCounter { next: 1_000 }).is_err() {
                    continue;
                }
                for &folded in &managers {
                    let scene = org_chart(&org, &[folded.0].into(), &odd).unwrap();
                    if scene.connectors.iter().any(|c| c.dotted)
                        && scene.cards.iter().any(|c| c.is_open_position)
                        && scene.cards.iter().any(|c| c.collapsed_count > 0)
                        && scene.x.iter().any(|x| x.fract() != 0.0)
                    {
                        return scene;
                    }
                }
            }
        }
        panic!("no dotted line and folded manager keep every column filled");
    }

    fn fixture(name: &str, text: String) {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/parity")
            .join(name);
        if std::env::var_os("TOPOGRAPH_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, text).expect("the fixture is writable");
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "{} is out of date; rewrite it with TOPOGRAPH_WRITE_FIXTURES=1 cargo test -p topograph-scene",
            path.display()
        );
    }

    /// ui/src/app/chartWire.test.ts decodes the wire fixture with the app's decoder and expects
    /// the scene fixture, so the columns and their TypeScript reading cannot drift apart.
    #[test]
    fn the_shared_wire_fixtures_hold_a_small_chart_and_its_columns() {
        let scene = small_chart();
        let wire = OrgChartWire::from(&scene);
        assert_eq!(wire.to_scene(), scene);
        fixture(
            "chart-wire.json",
            serde_json::to_string_pretty(&wire).unwrap() + "\n",
        );
        fixture(
            "chart-scene.json",
            serde_json::to_string_pretty(&scene).unwrap() + "\n",
        );
    }
}
