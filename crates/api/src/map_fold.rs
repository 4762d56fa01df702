//! The team map's first view of a big org. On the map's first visit of a document, with nothing
//! of it collapsed, a map too big to show its team names in the view has its groups collapsed at
//! the deepest level whose boxes still fit with their names and counts readable: a map of a
//! thousand teams opens on its groups instead of on one corner of specks, and never lays out,
//! sends and parses every chip first. The folding is a preview; the UI keeps it in the document.

use crate::chart_frame::FoldRoom;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use topograph_model::{Org, Result, UnitId};
use topograph_scene::{MapOptions, TeamMapScene};

/// The view a team map is folded for: its size in CSS px and the zooms that decide the folding.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, specta::Type)]
pub struct MapRoom {
    pub width: f64,
    pub height: f64,
    /// The zoom from which team names show: a map that fits the view at it is not folded.
    pub names_zoom: f64,
    /// The zoom at which a collapsed group's name and counts read: the folding shows the most
    /// levels of groups that fit the view at it.
    pub groups_zoom: f64,
}

impl MapRoom {
    fn at(&self, zoom: f64) -> FoldRoom {
        FoldRoom {
            width: self.width,
            height: self.height,
            zoom,
            reserve_width: 0.0,
            reserve_height: 0.0,
        }
    }
}

/// The team map of `org` with `collapsed` units folded; on a first visit (`fold`) with nothing
/// collapsed, folded for that room by [`first_fold`].
pub fn team_map(org: &Org, collapsed: Vec<u32>, fold: Option<MapRoom>) -> Result<TeamMapScene> {
    let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
    match fold {
        Some(room) if collapsed.is_empty() => first_fold(org, &room),
        _ => layout(org, &collapsed),
    }
}

fn layout(org: &Org, collapsed: &BTreeSet<u32>) -> Result<TeamMapScene> {
    topograph_scene::team_map(org, collapsed, &MapOptions::default())
}

/// The whole map when it fits `room` at its names' zoom; else the map with every group at depth
/// `d` collapsed, for the deepest `d` that fits at the groups' zoom (the top groups when none
/// does). A map whose chips alone need more area than the room is never laid out whole.
pub fn first_fold(org: &Org, room: &MapRoom) -> Result<TeamMapScene> {
    let (names, groups) = (room.at(room.names_zoom), room.at(room.groups_zoom));
    let units = UnitDepths::of(org);
    let o = MapOptions::default();
    let (chip_w, chip_h) = (o.chip_width + o.chip_gap, o.chip_height + o.chip_gap);
    let chips_shown = |fold: &BTreeSet<u32>| units.chips_shown(org, fold);
    let none = BTreeSet::new();
    if names.could_hold(chips_shown(&none), chip_w, chip_h) {
        let whole = layout(org, &none)?;
        if holds(&names, &whole) {
            return Ok(whole);
        }
    }
    let mut best: Option<TeamMapScene> = None;
    for d in 0..=units.deepest_group() {
        let fold = units.groups_at(d);
        if fold.is_empty() {
            continue;
        }
        // Each level down shows more: once one does not fit, none below it does.
        if best.is_some() && !groups.could_hold(chips_shown(&fold), chip_w, chip_h) {
            break;
        }
        let scene = layout(org, &fold)?;
        let fits = holds(&groups, &scene);
        if fits || best.is_none() {
            best = Some(scene);
        }
        if !fits {
            break;
        }
    }
    match best {
        Some(scene) => Ok(scene),
        None => layout(org, &none),
    }
}

fn holds(room: &FoldRoom, scene: &TeamMapScene) -> bool {
    room.holds(scene.bounds.w, scene.bounds.h)
}

/// Each unit's depth (top-level units 0) and which units hold other units.
struct UnitDepths {
    depth: HashMap<UnitId, usize>,
    groups: BTreeSet<UnitId>,
}

impl UnitDepths {
    fn of(org: &Org) -> UnitDepths {
        let mut depth = HashMap::with_capacity(org.units().len());
        for u in org.units() {
            // A loop of parents (never in a sound document) stops the walk where it meets itself.
            let (mut d, mut at) = (0, u.parent);
            while let Some(p) = at.filter(|_| d <= org.units().len()) {
                d += 1;
                at = org.unit(p).and_then(|p| p.parent);
            }
            depth.insert(u.id, d);
        }
        let groups = org
            .units()
            .filter_map(|u| u.parent.filter(|p| org.unit(*p).is_some()))
            .collect();
        UnitDepths { depth, groups }
    }

    fn deepest_group(&self) -> usize {
        self.groups.iter().map(|g| self.depth[g]).max().unwrap_or(0)
    }

    /// The units holding other units at depth `d`, as a collapsed set.
    fn groups_at(&self, d: usize) -> BTreeSet<u32> {
        self.groups
            .iter()
            .filter(|g| self.depth[g] == d)
            .map(|g| g.0)
            .collect()
    }

    /// How many chips the map shows with `fold` collapsed: the members of units with no
    /// collapsed unit above them (a collapsed unit shows its box, not its chips).
    fn chips_shown(&self, org: &Org, fold: &BTreeSet<u32>) -> usize {
        org.units()
            .filter(|u| !self.folded_away(org, u.id, fold))
            .map(|u| org.members(u.id).count())
            .sum()
    }

    fn folded_away(&self, org: &Org, unit: UnitId, fold: &BTreeSet<u32>) -> bool {
        let mut at = Some(unit);
        for _ in 0..=self.depth[&unit] {
            let Some(id) = at else { return false };
            if fold.contains(&id.0) {
                return true;
            }
            at = org.unit(id).and_then(|u| u.parent);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view of `width` × `height` at the zooms the UI reads team names and groups at.
    fn room(width: f64, height: f64) -> MapRoom {
        MapRoom {
            width,
            height,
            names_zoom: 0.3,
            groups_zoom: 0.65,
        }
    }

    fn collapsed(scene: &TeamMapScene) -> Vec<u32> {
        (scene.units.iter().zip(&scene.unit_content))
            .filter(|(_, c)| c.collapsed)
            .map(|(&u, _)| u)
            .collect()
    }

    #[test]
    fn a_map_that_fits_the_room_is_not_folded() {
        let org = topograph_sample::sample();
        let big = room(20_000.0, 20_000.0);
        let first = team_map(&org, vec![], Some(big)).unwrap();
        assert_eq!(collapsed(&first), Vec::<u32>::new());
        assert_eq!(first, team_map(&org, vec![], None).unwrap());
    }

    #[test]
    fn the_samples_map_in_a_1280_by_800_window_with_insights_open_is_shown_whole() {
        let org = topograph_sample::sample();
        let first = team_map(&org, vec![], Some(room(980.0, 650.0))).unwrap();
        assert_eq!(collapsed(&first), Vec::<u32>::new());
        assert_eq!(
            first.chip_person.len(),
            team_map(&org, vec![], None).unwrap().chip_person.len()
        );
    }

    #[test]
    fn a_big_map_opens_on_its_groups_and_the_folded_map_fits_the_room() {
        let org = topograph_sample::generate(10_000, 7);
        let view = room(1240.0, 700.0);
        let first = team_map(&org, vec![], Some(view)).unwrap();
        let folded = collapsed(&first);
        assert!(!folded.is_empty(), "a 10k map is folded");
        assert!(
            first.chip_person.len() < 2_000,
            "{} chips shown",
            first.chip_person.len()
        );
        let units = UnitDepths::of(&org);
        let depths: BTreeSet<usize> = folded.iter().map(|u| units.depth[&UnitId(*u)]).collect();
        assert_eq!(depths.len(), 1, "one level is folded: {depths:?}");
        let d = *depths.first().unwrap();
        assert!(
            holds(&view.at(view.groups_zoom), &first) || d == 0,
            "the folded map fits, or only the top is left"
        );
        // The level below would not fit: the folding is the deepest that does.
        let deeper = units.groups_at(d + 1);
        if !deeper.is_empty() {
            assert!(!holds(
                &view.at(view.groups_zoom),
                &layout(&org, &deeper).unwrap()
            ));
        }
    }

    #[test]
    fn a_map_with_something_collapsed_keeps_the_documents_folding() {
        let org = topograph_sample::generate(10_000, 7);
        let group = UnitDepths::of(&org).groups_at(1);
        let one = vec![*group.first().unwrap()];
        let scene = team_map(&org, one.clone(), Some(room(1240.0, 700.0))).unwrap();
        assert_eq!(collapsed(&scene), one);
    }

    #[test]
    fn a_loop_of_parent_units_still_gives_a_map() {
        let org = topograph_sample::hostile::unit_loop();
        let scene = team_map(&org, vec![], Some(room(200.0, 200.0))).unwrap();
        assert!(!scene.units.is_empty());
    }
}
