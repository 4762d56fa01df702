//! Diagram scenes (cards, labels, connectors) built from an org and its layout, shared by the screen and the exporters.
//!
//! [`org_chart`] turns one scenario's [`Org`] and the set of collapsed people into an
//! [`OrgChartScene`]: the visible people as cards in flat columns (ids, x, y, w, h), the solid
//! reporting lines and the dashed dotted lines as point lists, and what each card shows. A
//! collapsed person's whole subtree is drawn as that one card with a count of the people hidden
//! under it; separate trees stand side by side. Dotted lines are routed around the finished
//! layout, so adding one never moves a card.
//!
//! The flat column shape is what the UI's `ChartScene` (ui/src/canvas/scene.ts) reads without
//! per-card objects; card content travels in a parallel array. To the UI the chart crosses as an
//! [`OrgChartWire`], whose columns hold the card content and the lines too.

mod effort;
mod ownership;
mod pages;
mod plan_chart;
pub mod stubs;
pub mod style;
mod team_map;
mod wire;

pub use effort::{
    effort_scene, figures as effort_figures, one_decimal, stance_colour, EffortOptions, EffortRow,
    EffortScene, EffortSegment, UNPLACED_COLOUR,
};
pub use ownership::{
    ownership, AreaContent, OwnershipLink, OwnershipOptions, OwnershipScene, TeamLoad,
};
pub use pages::{org_chart_pages, ChartPage, PageMarkScene};
pub use plan_chart::{
    chart_figure, plan_chart, ChartBar, ChartOptions, ChartSegment, ChartSeries, ChartTick,
    LegendItem, Measure, PlanChartScene, TableLine, PLANNED_COLOUR,
};
pub use stubs::DottedStub;
pub use team_map::{team_map, ChipContent, SceneInteraction, TeamMapScene, UnitContent};
pub use topograph_layout::MapOptions;
pub use wire::OrgChartWire;

use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use topograph_layout::{layout_forest, route_dotted, Connector, LayoutOptions, NodeInput};
use topograph_model::{Error, ErrorCode, Org, Person, PersonId, PersonStatus, Result};

/// Card size and spacing of a scene.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneOptions {
    pub card_width: f64,
    pub card_height: f64,
    pub layout: LayoutOptions,
}

impl Default for SceneOptions {
    /// The screen's card size (the canvas renderer's text fits 220 x 84).
    fn default() -> Self {
        SceneOptions {
            card_width: 220.0,
            card_height: 84.0,
            layout: LayoutOptions::default(),
        }
    }
}

/// An axis-aligned rectangle in scene units (pixels at zoom 1, y down).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SceneRect {
    // Coordinates are always finite, so they export as TypeScript `number` (specta would say
    // `number | null` for any f64, as NaN serialises to null); the same goes for the columns.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub x: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub y: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub w: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub h: f64,
}

/// A line between two cards: `points` is the flat polyline `x0, y0, x1, y1, ...`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SceneConnector {
    /// The manager's card (person id).
    pub from: u32,
    /// The report's card (person id).
    pub to: u32,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub points: Vec<f64>,
    /// A dotted (secondary) reporting line, drawn dashed.
    pub dotted: bool,
}

/// What one card shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CardContent {
    /// The person's name, or the role title of an unnamed open position.
    pub name: String,
    /// The job title ("Open position" when the role title is already the name).
    pub title: String,
    pub is_open_position: bool,
    /// How many people the collapsed card hides; 0 when expanded or a leaf.
    pub collapsed_count: u32,
    /// `#rrggbb` of each team the person sits on, in unit id order, without repeats.
    pub team_colours: Vec<String>,
}

/// A laid-out org chart. Card `i` is person `ids[i]` at `(x[i], y[i])` sized `w[i] x h[i]`,
/// showing `cards[i]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrgChartScene {
    pub ids: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub h: Vec<f64>,
    pub connectors: Vec<SceneConnector>,
    /// Encloses every card and connector.
    pub bounds: SceneRect,
    pub cards: Vec<CardContent>,
    /// Both ends of every distant dotted line ([`stubs`]), drawn instead of the whole route.
    pub stubs: Vec<DottedStub>,
}

/// Colours for teams that have none of their own, picked by unit id so they stay put.
const FALLBACK_TEAM_COLOURS: [&str; 8] = [
    "#3d5a80", "#e07a5f", "#81b29a", "#f2cc8f", "#6a4c93", "#1982c4", "#8ac926", "#ee6c4d",
];

/// Builds the org chart of `org` with the people in `collapsed` folded into one card each.
pub fn org_chart(
    org: &Org,
    collapsed: &BTreeSet<u32>,
    opts: &SceneOptions,
) -> Result<OrgChartScene> {
    let visible = visible_people(org, collapsed);
    let n = visible.people.len();
    let nodes = visible.nodes(opts);
    let layout = layout_forest(&nodes, &opts.layout).map_err(|e| {
        Error::new(
            ErrorCode::Corrupt,
            format!("the reporting lines could not be laid out: {e}"),
        )
    })?;

    let pairs = visible.dotted_pairs(org);
    let dotted = route_dotted(&layout, &nodes, &pairs);

    let ids: Vec<u32> = visible.people.iter().map(|p| p.id.0).collect();
    let id_at = |i: u32| ids[i as usize];
    let connectors: Vec<SceneConnector> = layout
        .connectors
        .iter()
        .chain(dotted.iter())
        .map(|c: &Connector| SceneConnector {
            from: id_at(c.from),
            to: id_at(c.to),
            points: c.points.iter().flat_map(|&(x, y)| [x, y]).collect(),
            dotted: c.dotted,
        })
        .collect();

    let cards = visible
        .people
        .iter()
        .zip(&visible.hidden)
        .map(|(p, &hidden)| card(org, p, hidden))
        .collect();
    let w = vec![opts.card_width; n];
    let h = vec![opts.card_height; n];
    let bounds = bounds(&layout.x, &layout.y, &w, &h, &connectors);
    let mut stubs = stubs::dotted_stubs(&connectors, opts.card_width, |id| name_of(org, id));
    if !stubs.is_empty() {
        let boxes: Vec<[f64; 4]> = (0..n)
            .map(|i| {
                [
                    layout.x[i],
                    layout.y[i],
                    layout.x[i] + w[i],
                    layout.y[i] + h[i],
                ]
            })
            .collect();
        stubs::place_labels(&mut stubs, &boxes, &connectors);
    }
    Ok(OrgChartScene {
        ids,
        x: layout.x,
        y: layout.y,
        w,
        h,
        connectors,
        bounds,
        cards,
        stubs,
    })
}

/// The name a card shows for person `id` (empty for someone not in `org`).
pub(crate) fn name_of(org: &Org, id: u32) -> String {
    org.person(PersonId(id))
        .map(|p| p.display_name().to_string())
        .unwrap_or_default()
}

/// The cards to draw, as a forest in breadth-first order.
pub(crate) struct Visible<'a> {
    people: Vec<&'a Person>,
    /// Index of each card's manager card.
    parent: Vec<Option<u32>>,
    /// People hidden under each card.
    hidden: Vec<u32>,
    /// The card that shows each person: their own, or that of the collapsed manager hiding them.
    card_of: HashMap<PersonId, u32>,
}

impl Visible<'_> {
    /// One layout node per card, every card the size `opts` gives.
    pub(crate) fn nodes(&self, opts: &SceneOptions) -> Vec<NodeInput> {
        self.parent
            .iter()
            .map(|&parent| NodeInput {
                parent,
                width: opts.card_width,
                height: opts.card_height,
            })
            .collect()
    }

    /// The dotted lines as `(manager card, report card)`, once each: a line attaches to the card
    /// that shows each end (a hidden person's collapsed manager), and one folded into a single
    /// card is not drawn.
    pub(crate) fn dotted_pairs(&self, org: &Org) -> Vec<(u32, u32)> {
        let mut pairs = Vec::new();
        let mut seen = HashSet::new();
        for d in org.dotted_lines() {
            let (Some(&m), Some(&p)) = (self.card_of.get(&d.manager), self.card_of.get(&d.person))
            else {
                continue;
            };
            if m != p && seen.insert((m, p)) {
                pairs.push((m, p));
            }
        }
        pairs
    }
}

pub(crate) fn visible_people<'a>(org: &'a Org, collapsed: &BTreeSet<u32>) -> Visible<'a> {
    let mut v = Visible {
        people: Vec::with_capacity(org.person_count()),
        parent: Vec::with_capacity(org.person_count()),
        hidden: Vec::with_capacity(org.person_count()),
        card_of: HashMap::with_capacity(org.person_count()),
    };
    let mut queue: Vec<u32> = Vec::new();
    let mut head = 0;
    let mut below: Vec<PersonId> = Vec::new();
    // Roots first (id order); anyone left unreached sits on a loop of reporting lines, which a
    // sound document never has, and becomes a root of their own so nothing is silently dropped.
    let starts = org
        .roots()
        .chain(org.persons().filter(|p| p.manager.is_some()));
    for start in starts {
        // Everyone placed (a sound document, once the roots' trees are walked): no one is left
        // to look for, and at 100k looking costs a lookup per person.
        if v.card_of.len() == org.person_count() {
            break;
        }
        if v.card_of.contains_key(&start.id) {
            continue;
        }
        add(&mut v, start, None);
        queue.push(v.people.len() as u32 - 1);
        while head < queue.len() {
            let i = queue[head];
            head += 1;
            let id = v.people[i as usize].id;
            if collapsed.contains(&id.0) {
                // Everyone below is hidden in this card.
                below.clear();
                below.extend(org.reports(id));
                let mut hidden = 0;
                while let Some(r) = below.pop() {
                    if v.card_of.contains_key(&r) {
                        continue;
                    }
                    v.card_of.insert(r, i);
                    hidden += 1;
                    below.extend(org.reports(r));
                }
                v.hidden[i as usize] = hidden;
                continue;
            }
            for r in org.reports(id) {
                if v.card_of.contains_key(&r) {
                    continue;
                }
                if let Some(p) = org.person(r) {
                    add(&mut v, p, Some(i));
                    queue.push(v.people.len() as u32 - 1);
                }
            }
        }
    }
    v
}

fn add<'a>(v: &mut Visible<'a>, p: &'a Person, parent: Option<u32>) {
    v.card_of.insert(p.id, v.people.len() as u32);
    v.people.push(p);
    v.parent.push(parent);
    v.hidden.push(0);
}

pub(crate) fn card(org: &Org, p: &Person, hidden: u32) -> CardContent {
    let named = !p.name.trim().is_empty();
    let mut team_colours: Vec<String> = Vec::new();
    for m in org.memberships_of(p.id) {
        let colour = org
            .unit(m.unit)
            .and_then(|u| u.colour.clone())
            .unwrap_or_else(|| {
                FALLBACK_TEAM_COLOURS[m.unit.0 as usize % FALLBACK_TEAM_COLOURS.len()].to_string()
            });
        if !team_colours.contains(&colour) {
            team_colours.push(colour);
        }
    }
    CardContent {
        name: p.display_name().to_string(),
        title: card_title(p, named),
        is_open_position: unfilled(p),
        collapsed_count: hidden,
        team_colours,
    }
}

/// A seat no one fills yet: an open position, or a planned hire (also anyone not yet started on
/// the as-of date, which `Org::as_of` marks planned). Drawn muted, as not there yet.
pub(crate) fn unfilled(p: &Person) -> bool {
    matches!(
        p.status,
        PersonStatus::OpenPosition | PersonStatus::PlannedHire
    )
}

/// The card's second line: the job title, or what kind of seat it is when the title is the name.
pub(crate) fn card_title(p: &Person, named: bool) -> String {
    match (p.status, named) {
        (PersonStatus::PlannedHire, true) if p.title.trim().is_empty() => "Planned hire".into(),
        (PersonStatus::PlannedHire, true) => format!("{} · planned", p.title),
        (PersonStatus::PlannedHire, false) => "Planned hire".into(),
        (_, true) => p.title.clone(),
        (_, false) => "Open position".into(),
    }
}

pub(crate) fn bounds(
    x: &[f64],
    y: &[f64],
    w: &[f64],
    h: &[f64],
    connectors: &[SceneConnector],
) -> SceneRect {
    if x.is_empty() {
        return SceneRect::default();
    }
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for i in 0..x.len() {
        x0 = x0.min(x[i]);
        y0 = y0.min(y[i]);
        x1 = x1.max(x[i] + w[i]);
        y1 = y1.max(y[i] + h[i]);
    }
    for c in connectors {
        for xy in c.points.chunks_exact(2) {
            x0 = x0.min(xy[0]);
            y0 = y0.min(xy[1]);
            x1 = x1.max(xy[0]);
            y1 = y1.max(xy[1]);
        }
    }
    SceneRect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

#[cfg(test)]
mod tests;
