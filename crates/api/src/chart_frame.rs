//! How the app's org chart asks for its layout: the shape of the view it is drawn in (the compact
//! arrangement wraps wide levels to come close to it) and, on a document's first opening, the room
//! an org that does not fit is folded for before its first layout ([`fold_for`]), so the first
//! frame is already the composed view and a 100k org never lays out, sends and paints 100k cards
//! only to fold them a moment later.

use serde::Deserialize;
use std::collections::BTreeSet;
use topograph_model::{Org, PersonId, Result};
use topograph_scene::{OrgChartScene, SceneOptions};

/// What the chart view tells the back end about itself when it asks for a layout.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, specta::Type)]
pub struct ChartFrame {
    /// Width / height of the view the chart is drawn in; not a positive number keeps the tidy tree.
    pub aspect: f64,
    /// Set on a document's first layout only: the view to fold the org for, when nothing of it is
    /// folded yet. The folding is a preview; the UI keeps it (or not) in the document.
    pub fold: Option<FoldRoom>,
}

/// The view an org is folded for: its size in CSS px, the zoom at which names are read, and the
/// minimap's corner (margins included; 0 × 0 without one), which the first view keeps clear.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, specta::Type)]
pub struct FoldRoom {
    pub width: f64,
    pub height: f64,
    pub zoom: f64,
    pub reserve_width: f64,
    pub reserve_height: f64,
}

/// CSS px the UI's first view keeps free around the chart (ui/src/canvas/firstView.ts `padding`).
const PADDING: f64 = 24.0;

impl FoldRoom {
    fn zoom(&self) -> f64 {
        if self.zoom.is_finite() && self.zoom > 0.0 {
            self.zoom
        } else {
            1.0
        }
    }

    /// The areas the first view may fit the chart into, as the UI's `areas`: the whole view, or
    /// with a minimap the view less the minimap's row or less its column.
    fn areas(&self) -> Vec<(f64, f64)> {
        if self.reserve_width > 0.0 && self.reserve_height > 0.0 {
            vec![
                (self.width, (self.height - self.reserve_height).max(1.0)),
                ((self.width - self.reserve_width).max(1.0), self.height),
            ]
        } else {
            vec![(self.width, self.height)]
        }
    }

    /// Whether `cards` cards of `w` × `h` could fit at all: their own area, side by side with no
    /// gap, within the whole view at the name-reading zoom (what [`FoldRoom::holds`] needs first).
    pub fn could_hold(&self, cards: usize, w: f64, h: f64) -> bool {
        let zoom = self.zoom();
        cards as f64 * w * h * zoom * zoom <= self.width * self.height
    }

    /// Whether a chart whose cards span `w` × `h` fits one of the areas at the name-reading zoom.
    pub fn holds(&self, w: f64, h: f64) -> bool {
        let zoom = self.zoom();
        self.areas().into_iter().any(|(aw, ah)| {
            let fit = ((aw - 2.0 * PADDING).max(1.0) / w.max(1.0))
                .min((ah - 2.0 * PADDING).max(1.0) / h.max(1.0));
            fit >= zoom
        })
    }
}

/// Above this many cards the app's chart is laid out tidy rather than for the view's shape: a chart
/// that big is not read whole anyway, and routing its dotted lines around the compact arrangement
/// took 3.7 s for 10k unfolded people (a scenario switch to a fork with nothing folded), against
/// 0.1 s for the tidy tree.
pub const COMPACT_MAX_CARDS: usize = 2_000;

/// The scene options of the app's chart of `org` with `collapsed` people's reports folded, for a
/// view of width / height `aspect`: the compact arrangement up to [`COMPACT_MAX_CARDS`] cards.
pub fn chart_options(org: &Org, collapsed: &BTreeSet<u32>, aspect: Option<f64>) -> SceneOptions {
    scene_options(
        aspect.filter(|_| cards_shown(org, collapsed, COMPACT_MAX_CARDS) <= COMPACT_MAX_CARDS),
    )
}

/// How many cards the chart shows with `collapsed` folded, counted no further than `limit + 1`.
pub fn cards_shown(org: &Org, collapsed: &BTreeSet<u32>, limit: usize) -> usize {
    let mut stack: Vec<PersonId> = org.roots().map(|p| p.id).collect();
    let mut shown = 0;
    while let Some(id) = stack.pop() {
        shown += 1;
        if shown > limit {
            break;
        }
        if !collapsed.contains(&id.0) {
            stack.extend(org.reports(id));
        }
    }
    shown
}

/// The scene options of the app's chart for a view of width / height `aspect` (`None`: tidy).
pub fn scene_options(aspect: Option<f64>) -> SceneOptions {
    let mut o = SceneOptions::default();
    o.layout.target_aspect = aspect.filter(|a| a.is_finite() && *a > 0.0);
    o
}

/// People per level from the top of each tree (index 0: the tops).
pub fn counts_per_level(org: &Org) -> Vec<usize> {
    counts_of(&depths(org))
}

fn counts_of(depth: &[(PersonId, usize)]) -> Vec<usize> {
    let mut counts = Vec::new();
    for &(_, d) in depth {
        if counts.len() <= d {
            counts.resize(d + 1, 0);
        }
        counts[d] += 1;
    }
    counts
}

/// Each person's depth below the top of their tree. A loop in bad data is cut where the walk
/// meets itself, so this terminates on any org.
fn depths(org: &Org) -> Vec<(PersonId, usize)> {
    let mut out = Vec::with_capacity(org.person_count());
    let mut seen = std::collections::HashSet::with_capacity(org.person_count());
    let mut level: Vec<PersonId> = org.roots().map(|p| p.id).collect();
    // Anyone never reached from a root sits on a loop and counts as a top, as the chart draws it.
    let mut d = 0;
    while !level.is_empty() {
        let mut next = Vec::new();
        for id in level {
            if !seen.insert(id) {
                continue;
            }
            out.push((id, d));
            next.extend(org.reports(id));
        }
        level = next;
        d += 1;
    }
    for p in org.persons() {
        if !seen.contains(&p.id) {
            seen.insert(p.id);
            out.push((p.id, 0));
        }
    }
    out
}

/// The most levels that could be read in `room` if each level were laid out in rows as wide as
/// the view (what the compact arrangement does at best): at least 2 (the tops and their direct
/// reports), and `counts.len()` when the whole org might fit. An upper bound for [`fold_for`].
pub fn levels_that_fit(counts: &[usize], room: &FoldRoom) -> usize {
    const CARD: (f64, f64, f64, f64) = (220.0, 84.0, 24.0, 56.0);
    let zoom = room.zoom();
    let per_row = ((room.width / zoom / (CARD.0 + CARD.2)).floor()).max(1.0);
    let mut rows = 0.0;
    for (k, &count) in counts.iter().enumerate() {
        rows += (count as f64 / per_row).ceil().max(1.0);
        if rows * (CARD.1 + CARD.3) * zoom > room.height {
            return k.max(2);
        }
    }
    counts.len()
}

/// The people to fold so that the chart shows its first `levels` levels: everyone at depth
/// `levels - 1` who has reports.
fn fold_at(org: &Org, depth: &[(PersonId, usize)], levels: usize) -> BTreeSet<u32> {
    depth
        .iter()
        .filter(|&&(id, d)| d + 1 == levels && org.reports(id).next().is_some())
        .map(|&(id, _)| id.0)
        .collect()
}

/// The span of a scene's cards (lines and stubs left out, as the UI's first view measures it).
fn cards_span(scene: &OrgChartScene) -> (f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..scene.ids.len() {
        x0 = x0.min(scene.x[i]);
        y0 = y0.min(scene.y[i]);
        x1 = x1.max(scene.x[i] + scene.w[i]);
        y1 = y1.max(scene.y[i] + scene.h[i]);
    }
    if x0 > x1 {
        (0.0, 0.0)
    } else {
        (x1 - x0, y1 - y0)
    }
}

/// The default folding of an org nothing of which is folded yet, with the chart laid out for it:
/// the most levels from the top whose chart, laid out for `aspect`, fits `room` whole at the
/// name-reading zoom, clear of the minimap; deeper people fold into their managers' cards, so the
/// compact arrangement packs the direct reports close together instead of spreading them over
/// their teams' blocks. Never fewer than 2 levels (the tops and their direct reports). An empty
/// set when the whole org fits.
pub fn fold_for(
    org: &Org,
    room: &FoldRoom,
    aspect: Option<f64>,
) -> Result<(BTreeSet<u32>, OrgChartScene)> {
    let options = scene_options(aspect);
    let depth = depths(org);
    let counts = counts_of(&depth);
    let all = counts.len();
    // The estimate packs rows perfectly; the real arrangement can need a little more room, so a
    // level past it is tried too, and the layouts of folded charts are small.
    let mut levels = (levels_that_fit(&counts, room) + 1).min(all);
    loop {
        // A level whose cards alone need more than the view is not laid out to find that out
        // (at 100k, laying out the level past the estimate, 500 cards, was most of a first visit).
        let cards: usize = counts[..levels].iter().sum();
        if levels > 2 && !room.could_hold(cards, options.card_width, options.card_height) {
            levels -= 1;
            continue;
        }
        let folded = if levels >= all {
            BTreeSet::new()
        } else {
            fold_at(org, &depth, levels)
        };
        let scene = topograph_scene::org_chart(org, &folded, &options)?;
        let (w, h) = cards_span(&scene);
        if levels <= 2 || room.holds(w, h) {
            return Ok((folded, scene));
        }
        levels -= 1;
    }
}

#[cfg(test)]
mod tests;
