//! Building the scene of one view, scoped and collapsed as asked, ready to export.

use crate::diagram::Diagram;
use crate::pdf::{page_aspect, PdfOptions};
use crate::style::NAME_SIZE;
use crate::{scope, Effort, OrgChart, Ownership, PlanChart, TeamMap};
use std::collections::BTreeSet;
use topograph_model::{Date, Error, ErrorCode, Org, Result, UnitId, View};
use topograph_plan::{Granularity, PlanOptions};
use topograph_scene::{
    effort_scene, org_chart, ownership, plan_chart, team_map, ChartOptions, EffortOptions,
    EffortScene, MapOptions, Measure, OrgChartScene, OwnershipOptions, OwnershipScene,
    PlanChartScene, SceneOptions, TeamMapScene,
};

/// How a scene is cut and arranged for an export, besides its scope.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BuildOptions {
    /// Org chart: only this many levels from the top (people on the last level fold their
    /// reports into a count, as collapsed cards do); `None` or 0 shows every level.
    pub levels: Option<u32>,
    /// Org chart: the width / height to arrange the chart for (a page's printable area), so wide
    /// levels wrap into rows instead of a strip too thin to read; `None` keeps one row per level.
    pub target_aspect: Option<f64>,
    /// Org chart: the compact card form, the name alone on a short narrow card, so that more
    /// of a chart fits a page at a size the names can still be read.
    pub name_only: bool,
}

/// Size and spacing of the compact, name-only cards.
const NAME_ONLY_CARD: (f64, f64) = (172.0, 26.0);
/// The smallest name (pt) a one-page PDF prints before its cards switch to the name-only form.
pub const MIN_NAME_PT: f64 = 6.0;

/// A built scene of one view.
pub enum Scene {
    OrgChart(OrgChartScene),
    TeamMap(TeamMapScene),
    Ownership(OwnershipScene),
    Effort(EffortScene),
    PlanChart(PlanChartScene),
}

/// What a chart view counts, or none for the diagrams.
pub fn chart_measure(view: View) -> Option<Measure> {
    match view {
        View::Headcount => Some(Measure::Headcount),
        View::Cost => Some(Measure::Cost),
        _ => None,
    }
}

/// A year of quarters from today: what a chart shows when no periods are asked for.
pub fn default_periods() -> PlanOptions {
    let today = Date::today();
    PlanOptions {
        by: Granularity::Quarter,
        from: today.to_string(),
        to: today.add_months(11).to_string(),
        unit: None,
    }
}

impl Scene {
    /// The scene of `view` for `org`, with the nodes in `collapsed` folded as on screen, and only
    /// the subtree of `scope` when given: a person for the org chart, a unit for the team map, a
    /// product area for the ownership map.
    pub fn build(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
    ) -> Result<Scene> {
        Scene::build_with(org, view, collapsed, scope, &BuildOptions::default())
    }

    /// As [`Scene::build`], cut to `o.levels` and arranged for `o.target_aspect`.
    pub fn build_with(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
        o: &BuildOptions,
    ) -> Result<Scene> {
        Ok(match view {
            View::OrgChart => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::person_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                let mut opts = SceneOptions::default();
                opts.layout.target_aspect = o.target_aspect;
                if o.name_only {
                    (opts.card_width, opts.card_height) = NAME_ONLY_CARD;
                    opts.layout.sibling_gap = 6.0;
                    opts.layout.level_gap = 16.0;
                    opts.layout.root_gap = 24.0;
                    opts.layout.stack_gap = 4.0;
                    opts.layout.stack_leaves_from = 2;
                }
                let cut;
                let collapsed = match o.levels.filter(|&l| l > 0) {
                    Some(levels) => {
                        cut = scope::fold_below(org, collapsed, levels);
                        &cut
                    }
                    None => collapsed,
                };
                Scene::OrgChart(org_chart(org, collapsed, &opts)?)
            }
            View::TeamMap => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::unit_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::TeamMap(team_map(org, collapsed, &MapOptions::default())?)
            }
            View::Ownership => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::area_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::Ownership(ownership(org, &OwnershipOptions::default())?)
            }
            View::Effort => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::area_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::Effort(effort_scene(org, &EffortOptions::default()))
            }
            View::Headcount | View::Cost => {
                let periods = PlanOptions {
                    unit: scope.map(UnitId),
                    ..default_periods()
                };
                return Scene::chart(org, view, &periods);
            }
        })
    }

    /// The chart `view` (headcount or cost over time) over the periods `periods` names, by the
    /// groups under `periods.unit` (a unit that does not exist is refused).
    pub fn chart(org: &Org, view: View, periods: &PlanOptions) -> Result<Scene> {
        let measure = chart_measure(view)
            .ok_or_else(|| Error::new(ErrorCode::InvalidValue, format!("{view} is not a chart")))?;
        if let Some(u) = periods.unit {
            if org.unit(u).is_none() {
                return Err(Error::new(
                    ErrorCode::NotFound,
                    format!("{u} does not exist"),
                ));
            }
        }
        Ok(Scene::PlanChart(plan_chart(
            org,
            measure,
            periods,
            &ChartOptions::default(),
        )))
    }

    /// The scene for a PDF with options `pdf`: on paper, arranged to fill the page, and on one
    /// page with cards in the name-only form when full cards would print names under
    /// [`MIN_NAME_PT`].
    pub fn build_for_pdf(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
        levels: Option<u32>,
        pdf: &PdfOptions,
    ) -> Result<Scene> {
        let mut o = BuildOptions {
            levels,
            target_aspect: page_aspect(pdf),
            name_only: false,
        };
        let full = Scene::build_with(org, view, collapsed, scope, &o)?;
        if view != View::OrgChart || pdf.tiled || o.target_aspect.is_none() {
            return Ok(full);
        }
        let scale = crate::pdf::plan(&*full.diagram(), pdf)?.scale;
        if NAME_SIZE * scale >= MIN_NAME_PT {
            return Ok(full);
        }
        o.name_only = true;
        Scene::build_with(org, view, collapsed, scope, &o)
    }

    /// The scene as something the exporters draw.
    pub fn diagram(&self) -> Box<dyn Diagram + '_> {
        match self {
            Scene::OrgChart(s) => Box::new(OrgChart::new(s)),
            Scene::TeamMap(s) => Box::new(TeamMap::new(s)),
            Scene::Ownership(s) => Box::new(Ownership::new(s)),
            Scene::Effort(s) => Box::new(Effort::new(s)),
            Scene::PlanChart(s) => Box::new(PlanChart::new(s)),
        }
    }
}
