//! How the app's org chart asks for its layout: the shape of the view it is drawn in (the compact
//! arrangement wraps wide levels to come close to it) and, on a document's first opening, the room
//! a big org is folded to fit before its first layout, so a 100k org never lays out, sends and
//! paints 100k cards only to fold them a moment later.

use serde::Deserialize;
use std::collections::BTreeSet;
use topograph_model::{Org, PersonId};
use topograph_scene::SceneOptions;

/// From this many people an org opens with its deeper levels folded (the UI's `BIG_ORG`).
pub const BIG_ORG: usize = 1000;

/// What the chart view tells the back end about itself when it asks for a layout.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, specta::Type)]
pub struct ChartFrame {
    /// Width / height of the view the chart is drawn in; not a positive number keeps the tidy tree.
    pub aspect: f64,
    /// Set on a document's first layout only: the view to fold a big org for, when nothing of
    /// it is folded yet. The folding is a preview; the UI keeps it (or not) in the document.
    pub fold: Option<FoldRoom>,
}

/// The view a big org is folded for: its size in CSS px and the zoom at which names are read.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, specta::Type)]
pub struct FoldRoom {
    pub width: f64,
    pub height: f64,
    pub zoom: f64,
}

/// The scene options of the app's chart for a view of width / height `aspect` (`None`: tidy).
pub fn scene_options(aspect: Option<f64>) -> SceneOptions {
    let mut o = SceneOptions::default();
    o.layout.target_aspect = aspect.filter(|a| a.is_finite() && *a > 0.0);
    o
}

/// People per level from the top of each tree (index 0: the tops).
pub fn counts_per_level(org: &Org) -> Vec<usize> {
    let mut counts = Vec::new();
    for (_, d) in depths(org) {
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

/// The levels that can be read in `room` if each level were laid out in rows as wide as the
/// view (what the compact arrangement does): at least 2 (the tops and their direct reports), and
/// `counts.len()` when the whole org fits.
pub fn levels_that_fit(counts: &[usize], room: &FoldRoom) -> usize {
    const CARD: (f64, f64, f64, f64) = (220.0, 84.0, 24.0, 56.0);
    let zoom = if room.zoom.is_finite() && room.zoom > 0.0 {
        room.zoom
    } else {
        1.0
    };
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

/// The people to fold so that a big org shows `levels` levels: everyone at depth `levels - 1`
/// who has reports. `None` for an org under [`BIG_ORG`] people or one that fits whole.
pub fn default_fold(org: &Org, room: &FoldRoom) -> Option<BTreeSet<u32>> {
    if org.person_count() < BIG_ORG {
        return None;
    }
    let counts = counts_per_level(org);
    let levels = levels_that_fit(&counts, room);
    if levels >= counts.len() {
        return None;
    }
    let folded: BTreeSet<u32> = depths(org)
        .into_iter()
        .filter(|&(id, d)| d + 1 == levels && org.reports(id).next().is_some())
        .map(|(id, _)| id.0)
        .collect();
    (!folded.is_empty()).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOM: FoldRoom = FoldRoom {
        width: 1200.0,
        height: 700.0,
        zoom: 0.31,
    };

    #[test]
    fn a_small_org_opens_whole() {
        assert_eq!(
            default_fold(&topograph_sample::generate(200, 7), &ROOM),
            None
        );
    }

    #[test]
    fn a_big_org_folds_the_people_with_reports_at_the_last_level_that_fits() {
        let org = topograph_sample::generate(10_000, 7);
        let counts = counts_per_level(&org);
        assert_eq!(counts.iter().sum::<usize>(), 10_000);
        let levels = levels_that_fit(&counts, &ROOM);
        assert!(
            levels >= 2 && levels < counts.len(),
            "{levels} of {counts:?}"
        );
        let folded = default_fold(&org, &ROOM).expect("a 10k org folds");
        let depth: std::collections::HashMap<PersonId, usize> = depths(&org).into_iter().collect();
        for &id in &folded {
            assert_eq!(depth[&PersonId(id)], levels - 1);
            assert!(org.reports(PersonId(id)).next().is_some());
        }
        // Everyone at that depth with reports is folded, so no deeper card shows.
        let managers_there = org
            .persons()
            .filter(|p| depth[&p.id] == levels - 1 && org.reports(p.id).next().is_some())
            .count();
        assert_eq!(folded.len(), managers_there);
    }

    #[test]
    fn the_levels_that_fit_stop_where_the_wrapped_rows_run_below_the_view() {
        let at = |width, height| FoldRoom {
            width,
            height,
            zoom: 0.6,
        };
        // 1280 px at 0.6 holds 8 cards a row; a row is 140 units, 84 px.
        assert_eq!(levels_that_fit(&[1, 5, 20], &at(1280.0, 800.0)), 3);
        assert_eq!(levels_that_fit(&[1, 9, 80, 700], &at(1280.0, 800.0)), 2);
        assert_eq!(levels_that_fit(&[1, 9, 40, 700], &at(1280.0, 800.0)), 3);
        // The root and their direct reports always show, however many.
        assert_eq!(levels_that_fit(&[1, 400, 4000], &at(800.0, 600.0)), 2);
        let room = FoldRoom {
            width: 1000.0,
            height: 600.0,
            zoom: 0.5,
        };
        // 8 cards a row at zoom 0.5; each row is 70 px: 8 rows fit in 600 px.
        assert_eq!(levels_that_fit(&[1, 4, 12, 40, 200], &room), 3);
        assert_eq!(levels_that_fit(&[1, 4], &room), 2);
        assert_eq!(levels_that_fit(&[1, 1, 1], &room), 3);
    }

    #[test]
    fn a_view_with_no_shape_keeps_the_tidy_tree() {
        assert_eq!(scene_options(Some(f64::NAN)).layout.target_aspect, None);
        assert_eq!(scene_options(Some(0.0)).layout.target_aspect, None);
        assert_eq!(scene_options(Some(1.6)).layout.target_aspect, Some(1.6));
    }
}
