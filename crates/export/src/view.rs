//! Building the scene of one view, scoped and collapsed as asked, ready to export.

use crate::diagram::Diagram;
use crate::{scope, Effort, OrgChart, Ownership, TeamMap};
use std::collections::BTreeSet;
use topograph_model::{Org, Result};
use topograph_scene::{
    effort_scene, org_chart, ownership, team_map, EffortOptions, EffortScene, MapOptions,
    OrgChartScene, OwnershipOptions, OwnershipScene, SceneOptions, TeamMapScene,
};

/// The diagrams that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    OrgChart,
    TeamMap,
    Ownership,
    /// "Where the people go": actual effort by product area against the targets.
    Effort,
}

/// A built scene of one view.
pub enum Scene {
    OrgChart(OrgChartScene),
    TeamMap(TeamMapScene),
    Ownership(OwnershipScene),
    Effort(EffortScene),
}

impl Scene {
    /// The scene of `view` for `org`, with the nodes in `collapsed` folded as on screen, and only
    /// the subtree of `scope` when given: a person for the org chart, a unit for the team map, a
    /// product area for the ownership map.
    pub fn build(
        org: &Org,
        view: ViewKind,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
    ) -> Result<Scene> {
        Ok(match view {
            ViewKind::OrgChart => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::person_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::OrgChart(org_chart(org, collapsed, &SceneOptions::default())?)
            }
            ViewKind::TeamMap => {
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
            ViewKind::Ownership => {
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
            ViewKind::Effort => {
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
        })
    }

    /// The scene as something the exporters draw.
    pub fn diagram(&self) -> Box<dyn Diagram + '_> {
        match self {
            Scene::OrgChart(s) => Box::new(OrgChart::new(s)),
            Scene::TeamMap(s) => Box::new(TeamMap::new(s)),
            Scene::Ownership(s) => Box::new(Ownership::new(s)),
            Scene::Effort(s) => Box::new(Effort::new(s)),
        }
    }
}
