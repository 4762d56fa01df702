//! Writing each team of a scenario as its own Team API YAML file.

use super::{AreaDirection, Member, TeamApi, TeamInteraction, WaysOfWorking, FORMAT, VERSION};
use crate::slug::Slugs;
use topograph_model::{
    actual_effort, AreaId, Effort, InteractionMode, Org, PersonStatus, UnitId, UnitKind,
};

/// Every team (units that are not groups), each as `(file name, YAML)`; file names are the
/// team's name as a slug, unique, ending in `.yaml`.
pub fn export(org: &Org) -> Vec<(String, String)> {
    let mut slugs = Slugs::default();
    let effort = actual_effort(org);
    org.units()
        .filter(|u| u.kind != UnitKind::Group)
        .map(|u| {
            let api = team(org, &effort, u.id);
            let text = format!(
                "# Team API for {} (Team Topologies), exported by Topograph\n{}",
                // A line break in the name would end the comment and start YAML of its own.
                u.name.replace(char::is_control, " "),
                serde_yaml_ng::to_string(&api).expect("a team API serialises")
            );
            (format!("{}.yaml", slugs.unique(&u.name)), text)
        })
        .collect()
}

fn area_path(org: &Org, id: AreaId) -> Vec<String> {
    let mut path = Vec::new();
    let mut cur = Some(id);
    while let Some(a) = cur.and_then(|c| org.area(c)) {
        path.push(a.name.clone());
        cur = a.parent;
        if path.len() > org.areas().len() {
            break;
        }
    }
    path.reverse();
    path
}

/// One team's API; `effort` is the scenario's, computed once for every team.
fn team(org: &Org, effort: &Effort, id: UnitId) -> TeamApi {
    let u = org.unit(id).expect("the team exists");
    let mut part_of = Vec::new();
    let mut cur = u.parent;
    while let Some(p) = cur.and_then(|c| org.unit(c)) {
        part_of.push(p.name.clone());
        cur = p.parent;
        if part_of.len() > org.units().len() {
            break;
        }
    }
    part_of.reverse();
    let lead = u.lead.and_then(|l| org.person(l)).map(|p| {
        p.email
            .clone()
            .or_else(|| p.employee_id.clone())
            .unwrap_or_else(|| p.display_name().to_string())
    });
    let members = org
        .members(id)
        .filter_map(|m| {
            let p = org.person(m.person)?;
            Some(Member {
                name: p.display_name().to_string(),
                email: p.email.clone(),
                employee_id: p.employee_id.clone(),
                title: if p.name.is_empty() {
                    String::new()
                } else {
                    p.title.clone()
                },
                role: Some(m.role.to_string()),
                allocation: m.allocation,
                status: (p.status != PersonStatus::Active).then(|| p.status.to_string()),
            })
        })
        .collect();
    let interactions = org
        .interactions_of(id)
        .filter_map(|i| {
            let i = org.interaction(i)?;
            let (other, direction) = if i.from == id {
                (i.to, "provides")
            } else {
                (i.from, "consumes")
            };
            let direction = if i.mode == InteractionMode::Collaboration {
                "with"
            } else {
                direction
            };
            Some(TeamInteraction {
                team: org.unit(other)?.name.clone(),
                mode: i.mode.to_string(),
                direction: direction.to_string(),
                purpose: i.note.clone(),
                start: i.start.clone(),
                expected_end: i.expected_end.clone(),
            })
        })
        .collect();
    TeamApi {
        format: FORMAT.to_string(),
        version: VERSION,
        name: u.name.clone(),
        kind: u.kind.to_string(),
        mission: u.mission.clone(),
        part_of,
        lead,
        target_size: u.target_size,
        members,
        owns: org.areas_owned_by(id).map(|a| area_path(org, a)).collect(),
        contributes_to: org
            .contributions_of(id)
            .map(|a| area_path(org, a))
            .collect(),
        direction: org
            .areas_owned_by(id)
            .filter_map(|a| org.area(a))
            .filter(|a| a.stance.is_some() || a.target_share.is_some() || !a.outcome.is_empty())
            .map(|a| AreaDirection {
                area: area_path(org, a.id),
                stance: a.stance.map(|s| s.to_string()),
                target_share: a.target_share,
                outcome: a.outcome.clone(),
                actual_share: effort.area(a.id).map(|e| (e.share * 10.0).round() / 10.0),
            })
            .collect(),
        interactions,
        ways_of_working: WaysOfWorking::default(),
    }
}
