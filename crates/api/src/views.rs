//! What the views ask for of the open scenario: the scenes (laid out from a copy taken under the
//! session's lock, so run them off it), and the health findings and settings.

use crate::chart_frame::{self, ChartFrame, FoldRoom};
use crate::switch::{chart_json, Json};
use crate::Session;
use serde::Serialize;
use specta::Type;
use std::collections::BTreeSet;
use std::sync::Arc;
use topograph_health::{CheckInfo, Finding, Settings, SpanPreset, SPAN_PRESETS};
use topograph_model::{CheckSettings, Effort, Org, Result};
use topograph_scene::{
    EffortOptions, EffortScene, OrgChartWire, OwnershipOptions, OwnershipScene, TeamMapScene,
};

/// The org chart with `collapsed` people's reports folded into their cards, as its columns,
/// laid out for a view of width / height `aspect` (`None`: the tidy tree). An org with nothing
/// folded is folded for `fold` first ([`chart_frame::fold_for`]; a preview: nothing is written). `at` is told when each
/// stage ends ("folded", "laid_out", "serialised"), for the e2e breakdown of an open.
pub fn org_chart(
    org: &Org,
    collapsed: Vec<u32>,
    aspect: Option<f64>,
    fold: Option<FoldRoom>,
    mut at: impl FnMut(&'static str),
) -> Result<Json<OrgChartWire>> {
    let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
    // Folding lays the chart out to find the levels that fit: its time counts as the layout's.
    at("folded");
    let scene = match fold {
        Some(room) if collapsed.is_empty() => chart_frame::fold_for(org, &room, aspect)?.1,
        _ => topograph_scene::org_chart(
            org,
            &collapsed,
            &chart_frame::chart_options(org, &collapsed, aspect),
        )?,
    };
    at("laid_out");
    let json = chart_json(&scene);
    at("serialised");
    Ok(json)
}

/// What the app's org chart is laid out from, copied under the session's lock
/// ([`ChartInput::take`]) and laid out off it ([`ChartInput::run`]).
pub struct ChartInput {
    org: Arc<Org>,
    collapsed: Vec<u32>,
    aspect: Option<f64>,
    fold: Option<FoldRoom>,
}

impl ChartInput {
    /// The open scenario's chart for the view `frame` describes; the frame's shape is kept for
    /// the layouts that follow (a scenario switch's too), its fold is for this layout only.
    pub fn take(s: &mut Session, frame: Option<ChartFrame>) -> Result<ChartInput> {
        if let Some(f) = frame {
            s.set_chart_aspect(Some(f.aspect));
        }
        let (org, collapsed) = s.org_chart_input()?;
        let (aspect, fold) = (s.chart_aspect(), frame.and_then(|f| f.fold));
        Ok(ChartInput {
            org,
            collapsed,
            aspect,
            fold,
        })
    }

    /// Lays the chart out ([`org_chart`]), telling `at` when each stage ends.
    pub fn run(self, at: impl FnMut(&'static str)) -> Result<Json<OrgChartWire>> {
        org_chart(&self.org, self.collapsed, self.aspect, self.fold, at)
    }
}

/// The team map: units with their chips, `collapsed` groups folded, user placements honoured;
/// with nothing collapsed and `fold` (the map's first visit), folded for that room
/// ([`crate::map_fold`]).
pub fn team_map(
    org: &Org,
    collapsed: Vec<u32>,
    fold: Option<crate::map_fold::MapRoom>,
) -> Result<TeamMapScene> {
    crate::map_fold::team_map(org, collapsed, fold)
}

/// The ownership map: the area tree, the teams' loads and the links.
pub fn ownership(org: &Org) -> Result<OwnershipScene> {
    topograph_scene::ownership(org, &OwnershipOptions::default())
}

/// Where the people go: actual effort by product area against the direction's targets.
pub fn effort(org: &Org) -> Result<EffortScene> {
    Ok(topograph_scene::effort_scene(
        org,
        &EffortOptions::default(),
    ))
}

/// Every finding of the open scenario on the as-of date under the document's settings, errors
/// first.
pub fn findings(s: &mut Session) -> Result<Vec<Finding>> {
    s.findings_input()?.run()
}

/// Actual effort per product area of the open scenario on the as-of date
/// (`topograph_model::actual_effort`).
pub fn area_effort(s: &mut Session) -> Result<Effort> {
    Ok(topograph_model::actual_effort(&*s.org_copy()?))
}

/// What the settings dialog edits: the stored overrides, and every check with the values in force.
#[derive(Clone, Debug, Serialize, Type)]
pub struct HealthSettings {
    pub stored: CheckSettings,
    pub checks: Vec<CheckInfo>,
    pub presets: Vec<SpanPreset>,
}

pub fn health_settings(s: &mut Session) -> Result<HealthSettings> {
    let stored = s.with_document(|doc| doc.check_settings())?;
    let checks = topograph_health::catalogue(&Settings::resolve(&stored)?);
    Ok(HealthSettings {
        stored,
        checks,
        presets: SPAN_PRESETS.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Paths;

    fn frame(aspect: f64) -> Option<ChartFrame> {
        Some(ChartFrame { aspect, fold: None })
    }

    #[test]
    fn a_chart_frame_is_kept_for_the_layouts_that_follow_and_a_bad_one_keeps_the_tidy_tree() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(Paths::under(dir.path()));
        assert!(ChartInput::take(&mut s, frame(1.5)).is_err(), "no document");
        s.open_sample().unwrap();
        assert_eq!(
            ChartInput::take(&mut s, frame(1.5)).unwrap().aspect,
            Some(1.5)
        );
        let again = ChartInput::take(&mut s, None).unwrap();
        assert_eq!((again.aspect, again.fold), (Some(1.5), None));
        assert_eq!(ChartInput::take(&mut s, frame(-1.0)).unwrap().aspect, None);
        let mut stages = Vec::new();
        again.run(|stage| stages.push(stage)).unwrap();
        assert_eq!(stages, ["folded", "laid_out", "serialised"]);
    }
}
