//! The "where the people go" scene: actual effort by product area against the direction's
//! targets, as two stacked bars (actual and target, one segment per top-level area) and one row
//! per area with its bar, its target mark and its figures.
//!
//! The figures come from [`topograph_model::actual_effort`] only; this module places them. The
//! screen (ui/src/ownership/effortRenderer.ts) and the exporter draw the same scene.

use serde::Serialize;
use topograph_model::{actual_effort, AreaId, Org, Stance};

use crate::SceneRect;

/// Sizes of the "where the people go" view.
#[derive(Clone, Debug, PartialEq)]
pub struct EffortOptions {
    pub width: f64,
    /// Room left of the stacked bars for their labels ("Actual", "Target").
    pub bar_label: f64,
    pub bar_height: f64,
    pub row_height: f64,
    pub row_gap: f64,
    /// Width of the area names column; each level is indented by `indent`.
    pub name_width: f64,
    pub indent: f64,
    /// Width of a row's bar at the scale's full value.
    pub bar_width: f64,
}

impl Default for EffortOptions {
    fn default() -> Self {
        EffortOptions {
            width: 1040.0,
            bar_label: 70.0,
            bar_height: 34.0,
            row_height: 24.0,
            row_gap: 4.0,
            name_width: 280.0,
            indent: 14.0,
            bar_width: 380.0,
        }
    }
}

/// The colour a stance is drawn in, on the screen and in exports alike.
pub fn stance_colour(stance: Option<Stance>) -> &'static str {
    match stance {
        Some(Stance::Invest) => "#16a34a",
        Some(Stance::Grow) => "#2563eb",
        Some(Stance::Maintain) => "#64748b",
        Some(Stance::Sunset) => "#d97706",
        None => "#a8b0bd",
    }
}

/// The colour of effort on no area (units that own and contribute to nothing).
pub const UNPLACED_COLOUR: &str = "#e3e7ed";

/// One part of a stacked bar: a top-level area (or the effort on none, or the share no target
/// claims) and its share in percent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EffortSegment {
    /// The area, or none for the unplaced or unclaimed rest.
    pub area: Option<u32>,
    pub label: String,
    pub colour: String,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub share: f64,
    pub rect: SceneRect,
}

/// One area's row: its name (indented by depth), bar, target mark and figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EffortRow {
    pub area: u32,
    pub name: String,
    pub depth: u32,
    pub stance: Option<Stance>,
    pub colour: String,
    /// Share of the counted effort on this area and those below it (percent), and in FTE.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub share: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub fte: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub planned: f64,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub target: Option<f64>,
    /// The row's band; the name starts at `name_x`.
    pub rect: SceneRect,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub name_x: f64,
    /// The actual bar (its width is `share` against the scale).
    pub bar: SceneRect,
    /// Where the target mark stands, when there is a target.
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub target_x: Option<f64>,
    /// "12.4% · 16 FTE · target 10%": the row's figures as people read them.
    pub figures: String,
}

/// The whole view, laid out in scene units (y down).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EffortScene {
    pub title: String,
    /// "40 FTE counted · 36 on product areas · 4 on none · 6 planned".
    pub summary: String,
    pub actual: Vec<EffortSegment>,
    pub target: Vec<EffortSegment>,
    /// Where the "Actual" and "Target" bars stand (their labels sit left of them).
    pub actual_bar: SceneRect,
    pub target_bar: SceneRect,
    /// The percentage a row's bar shows at full width.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub scale: f64,
    /// The rows' column header line.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub header_y: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub bar_x: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub bar_width: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub figures_x: f64,
    pub rows: Vec<EffortRow>,
    pub bounds: SceneRect,
}

/// A figure as people read it: one decimal at most.
pub fn one_decimal(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The row's figures: share, FTE, planned FTE when there are any, and the target.
pub fn figures(share: f64, fte: f64, planned: f64, target: Option<f64>) -> String {
    let mut s = format!("{}% · {} FTE", one_decimal(share), one_decimal(fte));
    if planned > 0.05 {
        s.push_str(&format!(" (+{} planned)", one_decimal(planned)));
    }
    if let Some(t) = target {
        s.push_str(&format!(" · target {}%", one_decimal(t)));
    }
    s
}

/// The smallest of 5, 10, 20, 25, 50, 100 (or the value itself above that) not below `v`.
fn nice_scale(v: f64) -> f64 {
    [5.0, 10.0, 20.0, 25.0, 50.0, 100.0]
        .into_iter()
        .find(|&s| v <= s + 1e-9)
        .unwrap_or(v)
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Lays out the "where the people go" view of `org`.
pub fn effort_scene(org: &Org, o: &EffortOptions) -> EffortScene {
    let effort = actual_effort(org);
    let areas = crate::ownership::area_preorder(org);
    let target = |id: AreaId| {
        org.area(id)
            .and_then(|a| a.target_share)
            .filter(|t| t.is_finite())
    };
    let figures_of = |id: AreaId| {
        effort.area(id).map_or((0.0, 0.0, 0.0), |e| {
            (finite(e.share), finite(e.total), finite(e.total_planned))
        })
    };

    let mut s = EffortScene {
        title: "Where the people go".into(),
        summary: format!(
            "{} FTE counted · {} on product areas · {} on none · {} planned",
            one_decimal(effort.counted),
            one_decimal(effort.placed),
            one_decimal(effort.unplaced()),
            one_decimal(effort.planned)
        ),
        ..EffortScene::default()
    };

    // The stacked bars: top-level areas in tree order, then the rest.
    let bar_w = o.width - o.bar_label;
    s.actual_bar = SceneRect {
        x: o.bar_label,
        y: 56.0,
        w: bar_w,
        h: o.bar_height,
    };
    s.target_bar = SceneRect {
        y: s.actual_bar.y + o.bar_height + 10.0,
        ..s.actual_bar
    };
    let tops: Vec<AreaId> = areas
        .iter()
        .filter(|(_, d)| *d == 0)
        .map(|&(id, _)| id)
        .collect();
    let segment = |bar: &SceneRect, x: &mut f64, area: Option<AreaId>, share: f64| {
        let (label, colour) = match area.and_then(|a| org.area(a)) {
            Some(a) => (a.name.clone(), stance_colour(a.stance)),
            None => (String::new(), UNPLACED_COLOUR),
        };
        let w = bar.w * share.clamp(0.0, 100.0) / 100.0;
        let seg = EffortSegment {
            area: area.map(|a| a.0),
            label,
            colour: colour.to_string(),
            share,
            rect: SceneRect {
                x: *x,
                y: bar.y,
                w: w.min(bar.x + bar.w - *x).max(0.0),
                h: bar.h,
            },
        };
        *x += seg.rect.w;
        seg
    };
    let mut x = s.actual_bar.x;
    for &id in &tops {
        let seg = segment(&s.actual_bar, &mut x, Some(id), figures_of(id).0);
        s.actual.push(seg);
    }
    let unplaced = if effort.counted > 0.0 {
        effort.unplaced() / effort.counted * 100.0
    } else {
        0.0
    };
    let mut rest = segment(&s.actual_bar, &mut x, None, unplaced);
    rest.label = "On no area".into();
    s.actual.push(rest);
    // A target on a parent covers its children (as the targets-over-100 check counts them), so
    // a top-level area without one claims what its sub-areas' outermost targets add up to.
    let mut x = s.target_bar.x;
    let mut claimed = 0.0;
    for &id in &tops {
        let t = outermost_target(org, id, &target);
        claimed += t;
        let seg = segment(&s.target_bar, &mut x, Some(id), t);
        s.target.push(seg);
    }
    let mut rest = segment(&s.target_bar, &mut x, None, (100.0 - claimed).max(0.0));
    rest.label = "No target".into();
    s.target.push(rest);

    // The rows, under a legend line and a header line.
    let most = areas
        .iter()
        .map(|&(id, _)| figures_of(id).0.max(target(id).unwrap_or(0.0)))
        .fold(0.0, f64::max);
    s.scale = nice_scale(most);
    s.header_y = s.target_bar.y + o.bar_height + 48.0;
    s.bar_x = o.name_width + 10.0;
    s.bar_width = o.bar_width;
    s.figures_x = s.bar_x + o.bar_width + 12.0;
    let top = s.header_y + 12.0;
    for (k, &(id, depth)) in areas.iter().enumerate() {
        let Some(a) = org.area(id) else { continue };
        let (share, fte, planned) = figures_of(id);
        let t = target(id);
        let y = top + k as f64 * (o.row_height + o.row_gap);
        let unit = o.bar_width / s.scale.max(1e-9);
        s.rows.push(EffortRow {
            area: id.0,
            name: a.name.clone(),
            depth,
            stance: a.stance,
            colour: stance_colour(a.stance).to_string(),
            share,
            fte,
            planned,
            target: t,
            rect: SceneRect {
                x: 0.0,
                y,
                w: o.width,
                h: o.row_height,
            },
            name_x: f64::from(depth) * o.indent,
            bar: SceneRect {
                x: s.bar_x,
                y: y + 6.0,
                w: (share * unit).clamp(0.0, o.bar_width),
                h: o.row_height - 12.0,
            },
            target_x: t.map(|t| s.bar_x + (t * unit).clamp(0.0, o.bar_width)),
            figures: figures(share, fte, planned, t),
        });
    }
    let bottom = s
        .rows
        .last()
        .map_or(s.header_y + 12.0, |r| r.rect.y + r.rect.h);
    s.bounds = SceneRect {
        x: 0.0,
        y: 0.0,
        w: o.width,
        h: bottom,
    };
    s
}

/// The area's own target, or else what the outermost targets below it add up to.
fn outermost_target(org: &Org, id: AreaId, target: &impl Fn(AreaId) -> Option<f64>) -> f64 {
    if let Some(t) = target(id) {
        return t;
    }
    let mut sum = 0.0;
    let mut stack: Vec<AreaId> = org.child_areas(id).collect();
    let mut seen = std::collections::HashSet::new();
    while let Some(a) = stack.pop() {
        if !seen.insert(a) {
            continue;
        }
        match target(a) {
            Some(t) => sum += t,
            None => stack.extend(org.child_areas(a)),
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use topograph_model::{
        Area, Complexity, Discipline, Employment, Membership, OrgRecords, Person, PersonId,
        PersonStatus, TeamRole, Unit, UnitId, UnitKind,
    };

    fn area(id: u32, name: &str, parent: Option<u32>, owner: Option<u32>) -> Area {
        Area {
            id: AreaId(id),
            name: name.into(),
            description: String::new(),
            parent: parent.map(AreaId),
            complexity: Complexity::Simple,
            user_facing: true,
            owner: owner.map(UnitId),
            position: 0,
            stance: None,
            target_share: None,
            outcome: String::new(),
        }
    }

    /// Two teams of two: Payments owns Checkout (under Commerce), Search owns nothing.
    fn org() -> Org {
        let person = |id: u32| Person {
            id: PersonId(id),
            name: format!("P{id}"),
            title: String::new(),
            discipline: Discipline::Engineering,
            level: None,
            location: None,
            email: None,
            employee_id: None,
            employment: Employment::Employee,
            status: PersonStatus::Active,
            start_date: None,
            end_date: None,
            target_start: None,
            hiring_stage: None,
            cost: None,
            custom: Default::default(),
            manager: None,
        };
        let unit = |id: u32, name: &str| Unit {
            id: UnitId(id),
            name: name.into(),
            mission: String::new(),
            kind: UnitKind::StreamAligned,
            parent: None,
            lead: None,
            colour: None,
            target_size: None,
        };
        let seat = |p: u32, u: u32| Membership {
            person: PersonId(p),
            unit: UnitId(u),
            allocation: 100,
            role: TeamRole::Engineer,
        };
        let mut commerce = area(100, "Commerce", None, None);
        commerce.stance = Some(Stance::Invest);
        let mut checkout = area(101, "Checkout", Some(100), Some(10));
        checkout.target_share = Some(30.0);
        let mut legacy = area(102, "Legacy", None, None);
        legacy.stance = Some(Stance::Sunset);
        legacy.target_share = Some(10.0);
        Org::from_records(OrgRecords {
            persons: (1..=4).map(person).collect(),
            units: vec![unit(10, "Payments"), unit(11, "Search")],
            memberships: vec![seat(1, 10), seat(2, 10), seat(3, 11), seat(4, 11)],
            areas: vec![commerce, checkout, legacy],
            ..OrgRecords::default()
        })
    }

    #[test]
    fn the_actual_bar_splits_the_counted_effort_between_top_level_areas_and_none() {
        let s = effort_scene(&org(), &EffortOptions::default());
        let shares: Vec<(String, f64)> = s
            .actual
            .iter()
            .map(|g| (g.label.clone(), g.share))
            .collect();
        assert_eq!(
            shares,
            vec![
                ("Commerce".into(), 50.0),
                ("Legacy".into(), 0.0),
                ("On no area".into(), 50.0)
            ]
        );
        let width: f64 = s.actual.iter().map(|g| g.rect.w).sum();
        assert!(
            (width - s.actual_bar.w).abs() < 1e-9,
            "the segments fill the bar"
        );
        assert_eq!(s.actual[0].colour, stance_colour(Some(Stance::Invest)));
    }

    #[test]
    fn a_top_level_area_without_a_target_claims_its_sub_areas_targets() {
        let s = effort_scene(&org(), &EffortOptions::default());
        let shares: Vec<f64> = s.target.iter().map(|g| g.share).collect();
        assert_eq!(shares, vec![30.0, 10.0, 60.0]);
    }

    #[test]
    fn each_row_shows_its_rolled_up_share_against_its_target_on_one_scale() {
        let o = EffortOptions::default();
        let s = effort_scene(&org(), &o);
        assert_eq!(
            s.scale, 50.0,
            "the largest figure, 50%, rounded up to a nice scale"
        );
        let names: Vec<&str> = s.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Commerce", "Checkout", "Legacy"]);
        let checkout = &s.rows[1];
        assert_eq!(checkout.depth, 1);
        assert_eq!(checkout.bar.w, o.bar_width * 50.0 / 50.0);
        assert_eq!(checkout.target_x, Some(s.bar_x + o.bar_width * 30.0 / 50.0));
        assert_eq!(checkout.figures, "50% · 2 FTE · target 30%");
        assert_eq!(
            s.rows[0].figures, "50% · 2 FTE",
            "the parent rolls up its sub-area"
        );
        assert_eq!(
            s.summary,
            "4 FTE counted · 2 on product areas · 2 on none · 0 planned"
        );
        assert!(s.bounds.h >= s.rows[2].rect.y + s.rows[2].rect.h);
    }

    #[test]
    fn an_org_without_people_or_areas_has_empty_bars_and_no_rows() {
        let s = effort_scene(&Org::default(), &EffortOptions::default());
        assert!(s.rows.is_empty());
        assert_eq!(s.actual.len(), 1);
        assert_eq!(s.actual[0].share, 0.0);
        assert_eq!(s.target[0].share, 100.0);
        assert!(s.bounds.w > 0.0 && s.bounds.h > 0.0);
    }

    /// The map's and the matrix's bars (ui/src/ownership/effortBars.ts) colour stances as the
    /// exports do.
    #[test]
    fn the_ui_colours_every_stance_as_the_scene_does() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../ui/src/ownership/effortBars.ts"
        );
        let ts = std::fs::read_to_string(path).expect("ui/src/ownership/effortBars.ts exists");
        for (key, stance) in [
            ("invest", Some(Stance::Invest)),
            ("grow", Some(Stance::Grow)),
            ("maintain", Some(Stance::Maintain)),
            ("sunset", Some(Stance::Sunset)),
            ("none", None),
        ] {
            let pair = format!("{key}: \"{}\"", stance_colour(stance));
            assert!(ts.contains(&pair), "effortBars.ts lacks `{pair}`");
        }
    }

    #[test]
    fn ownership_rows_carry_the_same_rolled_up_effort_and_direction() {
        let org = org();
        let map = crate::ownership(&org, &crate::OwnershipOptions::default()).unwrap();
        let s = effort_scene(&org, &EffortOptions::default());
        for r in &s.rows {
            let i = map.areas.iter().position(|&a| a == r.area).unwrap();
            let c = &map.area_content[i];
            assert_eq!(
                (c.effort_share, c.effort_fte),
                (r.share, r.fte),
                "{}",
                r.name
            );
            assert_eq!((c.stance, c.target_share), (r.stance, r.target));
        }
    }
}
