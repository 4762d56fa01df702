//! The ownership map scene: the product-area tree beside the teams, with owner and contributor links.
//!
//! [`ownership`] lays the area tree out as indented rows (pre-order) on the left and the teams
//! (units that are not groups, plus groups that own areas) as boxes on the right, each listing
//! what it owns and its cognitive load against [`COGNITIVE_LOAD_BUDGET`] (see
//! [`Complexity::cognitive_load`]).

use serde::Serialize;
use topograph_model::{
    actual_effort, AreaId, Complexity, Org, Result, Stance, UnitId, UnitKind, COGNITIVE_LOAD_BUDGET,
};

use crate::style::fallback_colour;
use crate::SceneRect;

/// A team is over budget only when its load exceeds the budget by more than rounding.
const LOAD_EPSILON: f64 = 1e-9;

/// Row and box sizes of the ownership map.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnershipOptions {
    pub row_height: f64,
    pub row_gap: f64,
    /// Width of a top-level area row; each level is indented by `indent` and that much narrower.
    pub area_width: f64,
    pub indent: f64,
    /// Space between the area column and the team column, where the links run.
    pub link_lane: f64,
    pub team_width: f64,
    /// Room for the team's name and load bar.
    pub team_header: f64,
    /// Height of one listed area inside a team box.
    pub team_line: f64,
    pub team_gap: f64,
}

impl Default for OwnershipOptions {
    fn default() -> Self {
        OwnershipOptions {
            row_height: 28.0,
            row_gap: 4.0,
            area_width: 280.0,
            indent: 18.0,
            link_lane: 240.0,
            team_width: 260.0,
            team_header: 44.0,
            team_line: 20.0,
            team_gap: 12.0,
        }
    }
}

/// What one area row shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AreaContent {
    pub name: String,
    pub parent: Option<u32>,
    pub depth: u32,
    pub complexity: Complexity,
    pub user_facing: bool,
    pub is_leaf: bool,
    pub owner: Option<u32>,
    pub contributors: Vec<u32>,
    /// A leaf area nobody owns (highlighted).
    pub unowned: bool,
    /// The direction for this area: its stance and target share of the effort (percent).
    pub stance: Option<Stance>,
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub target_share: Option<f64>,
    /// Actual effort on this area and every area below it (`topograph_model::actual_effort`):
    /// its share of the counted effort (percent), in FTE, and the planned FTE counted apart.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub effort_share: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub effort_fte: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub effort_planned: f64,
}

/// What one team box shows: what it owns and how heavy that is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TeamLoad {
    pub name: String,
    pub kind: UnitKind,
    pub colour: String,
    /// Areas the team owns, in id order.
    pub owned: Vec<u32>,
    /// Areas the team contributes to without owning them.
    pub contributes: Vec<u32>,
    /// Sum of the cognitive-load weights of the owned leaf areas.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub load: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub budget: f64,
    pub over_budget: bool,
}

/// A line from an area row to the team box that owns it or contributes to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnershipLink {
    pub area: u32,
    pub unit: u32,
    pub contributor: bool,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub points: Vec<f64>,
}

/// A laid-out ownership map: area row `i` is `areas[i]`, team box `j` is unit `teams[j]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnershipScene {
    pub areas: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub area_x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub area_y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub area_w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub area_h: Vec<f64>,
    pub area_content: Vec<AreaContent>,
    pub teams: Vec<u32>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub team_x: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub team_y: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub team_w: Vec<f64>,
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub team_h: Vec<f64>,
    pub team_content: Vec<TeamLoad>,
    pub links: Vec<OwnershipLink>,
    /// Encloses every row, box and link.
    pub bounds: SceneRect,
}

/// Builds the ownership map of `org`.
pub fn ownership(org: &Org, opts: &OwnershipOptions) -> Result<OwnershipScene> {
    let mut scene = OwnershipScene::default();
    let mut row_of = std::collections::HashMap::with_capacity(org.areas().len());
    let effort = actual_effort(org);
    for (id, depth) in area_preorder(org) {
        let Some(a) = org.area(id) else { continue };
        let row = scene.areas.len();
        row_of.insert(id, row);
        let indent = depth as f64 * opts.indent;
        scene.areas.push(id.0);
        scene.area_x.push(indent);
        scene
            .area_y
            .push(row as f64 * (opts.row_height + opts.row_gap));
        scene
            .area_w
            .push((opts.area_width - indent).max(opts.indent));
        scene.area_h.push(opts.row_height);
        let is_leaf = org.child_areas(id).next().is_none();
        let e = effort.area(id);
        // JSON has no NaN: a target that is not a number (a damaged file) shows as none.
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        scene.area_content.push(AreaContent {
            name: a.name.clone(),
            parent: a.parent.map(|p| p.0),
            depth,
            complexity: a.complexity,
            user_facing: a.user_facing,
            is_leaf,
            owner: a.owner.map(|u| u.0),
            contributors: org.contributors_of(id).map(|u| u.0).collect(),
            unowned: is_leaf && a.owner.is_none(),
            stance: a.stance,
            target_share: a.target_share.filter(|t| t.is_finite()),
            effort_share: e.map_or(0.0, |e| finite(e.share)),
            effort_fte: e.map_or(0.0, |e| finite(e.total)),
            effort_planned: e.map_or(0.0, |e| finite(e.total_planned)),
        });
    }

    let team_left = opts.area_width + opts.link_lane;
    let mut top = 0.0;
    let mut box_of = std::collections::HashMap::new();
    for unit in unit_preorder(org) {
        let Some(u) = org.unit(unit) else { continue };
        let mut owned: Vec<AreaId> = org.areas_owned_by(unit).collect();
        if u.kind == UnitKind::Group && owned.is_empty() {
            continue;
        }
        owned.sort_unstable();
        let mut contributes: Vec<AreaId> = org.contributions_of(unit).collect();
        contributes.sort_unstable();
        let load: f64 = owned
            .iter()
            .filter_map(|&a| org.area(a))
            .filter(|a| org.child_areas(a.id).next().is_none())
            .map(|a| a.complexity.cognitive_load())
            .sum();
        let lines = (owned.len() + contributes.len()).max(1) as f64;
        let h = opts.team_header + lines * opts.team_line + opts.row_gap;
        box_of.insert(unit, scene.teams.len());
        scene.teams.push(unit.0);
        scene.team_x.push(team_left);
        scene.team_y.push(top);
        scene.team_w.push(opts.team_width);
        scene.team_h.push(h);
        top += h + opts.team_gap;
        scene.team_content.push(TeamLoad {
            name: u.name.clone(),
            kind: u.kind,
            colour: u
                .colour
                .clone()
                .unwrap_or_else(|| fallback_colour(u.kind).to_string()),
            owned: owned.iter().map(|a| a.0).collect(),
            contributes: contributes.iter().map(|a| a.0).collect(),
            load,
            budget: COGNITIVE_LOAD_BUDGET,
            over_budget: load > COGNITIVE_LOAD_BUDGET + LOAD_EPSILON,
        });
    }

    for (row, &area) in scene.areas.iter().enumerate() {
        let content = &scene.area_content[row];
        let owner = content.owner.map(|u| (u, false));
        let contributors = content.contributors.iter().map(|&u| (u, true));
        for (unit, contributor) in owner.into_iter().chain(contributors) {
            let Some(&team) = box_of.get(&UnitId(unit)) else {
                continue;
            };
            let (x1, y1) = (
                scene.area_x[row] + scene.area_w[row],
                scene.area_y[row] + scene.area_h[row] / 2.0,
            );
            let (x2, y2) = (
                scene.team_x[team],
                scene.team_y[team] + opts.team_header / 2.0,
            );
            let mid = opts.area_width + opts.link_lane / 2.0;
            scene.links.push(OwnershipLink {
                area,
                unit,
                contributor,
                points: vec![x1, y1, mid, y1, mid, y2, x2, y2],
            });
        }
    }
    scene.bounds = bounds(&scene);
    Ok(scene)
}

/// Areas depth-first, siblings in tree order (position, then id), with their depth; areas on a
/// loop start their own tree.
pub(crate) fn area_preorder(org: &Org) -> Vec<(AreaId, u32)> {
    let mut out = Vec::with_capacity(org.areas().len());
    let mut seen = std::collections::HashSet::with_capacity(org.areas().len());
    let mut starts = org.areas_in_order(None);
    starts.extend(
        org.areas()
            .filter(|a| a.parent.is_some_and(|p| org.area(p).is_none()))
            .map(|a| a.id),
    );
    starts.extend(org.areas().filter(|a| a.parent.is_some()).map(|a| a.id));
    let mut stack = Vec::new();
    for start in starts {
        stack.push((start, 0));
        while let Some((id, depth)) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            out.push((id, depth));
            let kids = org.areas_in_order(Some(id));
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
    }
    out
}

/// Units depth-first, children by id, so teams of one group stand together.
fn unit_preorder(org: &Org) -> Vec<UnitId> {
    let mut out = Vec::with_capacity(org.units().len());
    let mut seen = std::collections::HashSet::with_capacity(org.units().len());
    let starts: Vec<UnitId> = org
        .units()
        .filter(|u| u.parent.is_none_or(|p| org.unit(p).is_none()))
        .chain(org.units().filter(|u| u.parent.is_some()))
        .map(|u| u.id)
        .collect();
    let mut stack = Vec::new();
    for start in starts {
        stack.push(start);
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            out.push(id);
            let mut kids: Vec<UnitId> = org.child_units(id).collect();
            kids.sort_unstable();
            stack.extend(kids.into_iter().rev());
        }
    }
    out
}

fn bounds(s: &OwnershipScene) -> SceneRect {
    let rows = (0..s.areas.len()).map(|i| (s.area_x[i], s.area_y[i], s.area_w[i], s.area_h[i]));
    let boxes = (0..s.teams.len()).map(|i| (s.team_x[i], s.team_y[i], s.team_w[i], s.team_h[i]));
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y, w, h) in rows.chain(boxes) {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x + w);
        y1 = y1.max(y + h);
    }
    if !x0.is_finite() {
        return SceneRect::default();
    }
    // Links run between rows and boxes, so they never reach outside them.
    SceneRect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}
