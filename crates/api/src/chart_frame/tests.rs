use super::*;
use std::collections::HashMap;

/// The sample's chart view at a 1280×800 window (insights open), with its minimap.
const WINDOW: FoldRoom = FoldRoom {
    width: 980.0,
    height: 705.0,
    zoom: 0.31,
    reserve_width: 220.0,
    reserve_height: 174.0,
};

fn room(width: f64, height: f64, reserve: bool) -> FoldRoom {
    FoldRoom {
        width,
        height,
        zoom: 0.31,
        reserve_width: if reserve { 220.0 } else { 0.0 },
        reserve_height: if reserve { 174.0 } else { 0.0 },
    }
}

fn depth_of(org: &Org) -> HashMap<PersonId, usize> {
    depths(org).into_iter().collect()
}

/// The root and their direct reports have cards, and the cards' span fits the room.
fn assert_composed(org: &Org, room: &FoldRoom, folded: &BTreeSet<u32>, scene: &OrgChartScene) {
    let depth = depth_of(org);
    let shown: std::collections::HashSet<u32> = scene.ids.iter().copied().collect();
    for p in org.persons() {
        if depth[&p.id] <= 1 {
            assert!(shown.contains(&p.id.0), "{} has a card", p.id.0);
        }
    }
    let levels = folded
        .iter()
        .map(|id| depth[&PersonId(*id)] + 1)
        .max()
        .unwrap_or(usize::MAX);
    let (w, h) = cards_span(scene);
    assert!(
        levels == 2 || room.holds(w, h),
        "{w}×{h} in {room:?} at {levels} levels"
    );
}

#[test]
fn the_sample_folds_the_levels_that_do_not_fit_the_window_at_the_name_only_zoom() {
    let org = topograph_sample::sample();
    let (folded, scene) = fold_for(&org, &WINDOW, Some(980.0 / 705.0)).unwrap();
    assert!(
        !folded.is_empty(),
        "the whole sample does not fit 980×705 at names"
    );
    assert_composed(&org, &WINDOW, &folded, &scene);
    // Everyone folded sits at one depth and has reports: the chart shows whole levels.
    let depth = depth_of(&org);
    let at: BTreeSet<usize> = folded.iter().map(|id| depth[&PersonId(*id)]).collect();
    assert_eq!(at.len(), 1, "{at:?}");
    for id in &folded {
        assert!(org.reports(PersonId(*id)).next().is_some());
    }
    // One level more would not fit: the fold keeps as many levels as fit.
    let levels = at.into_iter().next().unwrap() + 1;
    let more = fold_at(&org, &depths(&org), levels + 1);
    let bigger =
        topograph_scene::org_chart(&org, &more, &scene_options(Some(980.0 / 705.0))).unwrap();
    let (w, h) = cards_span(&bigger);
    assert!(
        !WINDOW.holds(w, h),
        "{} levels fit too ({w}×{h})",
        levels + 1
    );
}

#[test]
fn an_org_that_fits_whole_is_not_folded() {
    let org = topograph_sample::generate(12, 7);
    let (folded, scene) = fold_for(&org, &room(1600.0, 1000.0, true), Some(1.6)).unwrap();
    assert!(folded.is_empty());
    assert_eq!(scene.ids.len(), 12);
}

#[test]
fn a_big_org_opens_on_whole_levels_that_fit_in_every_window() {
    let org = topograph_sample::generate(10_000, 7);
    for r in [
        WINDOW,
        room(724.0, 673.0, true),
        room(800.0, 505.0, true),
        room(500.0, 400.0, false),
    ] {
        let (folded, scene) = fold_for(&org, &r, Some(r.width / r.height)).unwrap();
        assert!(!folded.is_empty());
        assert!(scene.ids.len() < 10_000);
        assert_composed(&org, &r, &folded, &scene);
    }
}

#[test]
fn the_room_holds_a_chart_beside_or_above_the_minimap() {
    // At 0.5, above the minimap's row: 980 - 48 = 932 px across (1864 units), 705 - 174 - 48 = 483 px
    // high (966 units); beside its column: 760 - 48 = 712 px across (1424 units), 657 px high.
    let r = FoldRoom {
        zoom: 0.5,
        ..WINDOW
    };
    assert!(r.holds(1860.0, 960.0)); // above the minimap's row
    assert!(!r.holds(1860.0, 1400.0)); // neither above it nor beside its column
    assert!(r.holds(1400.0, 1300.0)); // beside its column
    let bare = FoldRoom {
        reserve_width: 0.0,
        reserve_height: 0.0,
        ..r
    };
    assert!(bare.holds(1860.0, 1300.0));
}

#[test]
fn the_estimate_stops_where_the_wrapped_rows_run_below_the_view() {
    let at = |width, height| FoldRoom {
        width,
        height,
        zoom: 0.6,
        reserve_width: 0.0,
        reserve_height: 0.0,
    };
    // 1280 px at 0.6 holds 8 cards a row; a row is 140 units, 84 px.
    assert_eq!(levels_that_fit(&[1, 5, 20], &at(1280.0, 800.0)), 3);
    assert_eq!(levels_that_fit(&[1, 9, 80, 700], &at(1280.0, 800.0)), 2);
    assert_eq!(levels_that_fit(&[1, 9, 40, 700], &at(1280.0, 800.0)), 3);
    // The root and their direct reports always show, however many.
    assert_eq!(levels_that_fit(&[1, 400, 4000], &at(800.0, 600.0)), 2);
}

#[test]
fn a_view_with_no_shape_keeps_the_tidy_tree() {
    assert_eq!(scene_options(Some(f64::NAN)).layout.target_aspect, None);
    assert_eq!(scene_options(Some(0.0)).layout.target_aspect, None);
    assert_eq!(scene_options(Some(1.6)).layout.target_aspect, Some(1.6));
}

#[test]
fn a_chart_of_more_cards_than_a_view_reads_is_laid_out_tidy_and_a_folded_one_for_the_view() {
    let org = topograph_sample::generate(5_000, 3);
    let whole = chart_options(&org, &BTreeSet::new(), Some(1.4));
    assert_eq!(
        whole.layout.target_aspect, None,
        "5,000 cards unfolded: the tidy tree"
    );
    let depth = depths(&org);
    let folded = fold_at(&org, &depth, 3);
    assert!(cards_shown(&org, &folded, COMPACT_MAX_CARDS) <= COMPACT_MAX_CARDS);
    let top = chart_options(&org, &folded, Some(1.4));
    assert_eq!(
        top.layout.target_aspect,
        Some(1.4),
        "three levels: laid out for the view"
    );
    assert_eq!(
        cards_shown(&org, &BTreeSet::new(), 10),
        11,
        "the count stops past its limit"
    );
}

#[test]
fn cards_whose_own_area_is_more_than_the_view_could_never_fit_it() {
    let r = FoldRoom {
        width: 1000.0,
        height: 1000.0,
        zoom: 0.5,
        reserve_width: 0.0,
        reserve_height: 0.0,
    };
    // 100 cards of 220 × 84 at half size: 462,000 px² of a 1,000,000 px² view.
    assert!(r.could_hold(100, 220.0, 84.0));
    assert!(!r.could_hold(300, 220.0, 84.0));
    // A chart could_hold refuses is never one holds accepts: 300 cards span at least their area.
    assert!(!r.holds(300.0 * 220.0, 84.0) && !r.holds(220.0, 300.0 * 84.0));
}
