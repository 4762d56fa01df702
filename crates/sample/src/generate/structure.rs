//! The reporting lines, groups and teams of a generated org, created top-down so every manager
//! exists before their reports (ids then read in hierarchy order).

use super::people::Role;
use super::plan::Plan;
use super::vocab::{self, Line};
use super::{Gen, Team};
use crate::common::kind_colour;
use topograph_model::{Discipline, PersonId, TeamRole, Unit, UnitKind};

mod topic {
    pub const LEVEL: u64 = 201;
    pub const SPECIALISM: u64 = 202;
    pub const SENIOR_EM: u64 = 203;
    pub const LEAD_LEVEL: u64 = 204;
    pub const DESIGN_VARIANT: u64 = 205;
    pub const MISSION: u64 = 206;
}

const GROUP_COLOURS: &[&str] = &[
    "#4f7fd9", "#2e9e78", "#d9822b", "#7b61c9", "#c94f6d", "#3a9fbf", "#8c9c2e", "#b5651d",
];

/// Which chunk each item belongs to, for chunks of the given sizes.
fn owners(sizes: &[u32]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sizes.iter().sum::<u32>() as usize);
    for (j, &s) in sizes.iter().enumerate() {
        out.extend(std::iter::repeat_n(j, s as usize));
    }
    out
}

/// Where a team sits: its group's unit index and lead, the domain its name grows from, its hub.
struct Home {
    group: usize,
    lead: usize,
    domain: Option<String>,
    hub: usize,
}

fn ic_level(g: &Gen, i: u64, discipline: Discipline) -> &'static str {
    let table: &[(&'static str, u32)] = match discipline {
        Discipline::Engineering => &[
            ("L3", 14),
            ("L4", 30),
            ("L5", 34),
            ("L6", 16),
            ("L7", 4),
            ("L8", 2),
        ],
        Discipline::ProductManagement => &[("L3", 5), ("L4", 40), ("L5", 42), ("L6", 13)],
        Discipline::Quality => &[("L3", 30), ("L4", 40), ("L5", 30)],
        _ => &[("L3", 18), ("L4", 36), ("L5", 32), ("L6", 14)],
    };
    g.dice.weighted(topic::LEVEL, i, table)
}

/// Creates the managers of a line (top-down under `head`) and returns the manager of each IC
/// by ordinal; an empty result means everyone reports to `head`.
fn line(
    g: &mut Gen,
    which: Line,
    layers: &[Vec<u32>],
    head: usize,
    discipline: Discipline,
) -> Vec<usize> {
    let Some(top) = layers.last() else {
        return Vec::new();
    };
    let mut parents = vec![head; top.len()];
    for (height, sizes) in layers.iter().enumerate().rev() {
        let (title, level) = vocab::line_manager_title(which, height);
        let managers: Vec<usize> = parents
            .iter()
            .map(|&m| {
                let hub = g.hub(7, g.persons.len() as u64);
                g.person(Role {
                    title: title.to_string(),
                    discipline,
                    level,
                    manager: Some(m),
                    hub,
                    seat: false,
                })
            })
            .collect();
        parents = owners(sizes).into_iter().map(|j| managers[j]).collect();
    }
    parents
}

/// Creates the group units and their leads, returning where each team sits.
fn groups(g: &mut Gen, plan: &Plan, root: usize, head: usize) -> Vec<Home> {
    let t = plan.teams.len();
    let root_home = |g: &Gen| Home {
        group: root,
        lead: head,
        domain: None,
        hub: g.hub(2, u64::MAX),
    };
    if plan.groups.is_empty() {
        return (0..t).map(|_| root_home(g)).collect();
    }
    // Team ranges of every group, to name it after what it mostly holds.
    let mut infra_before = vec![0u32; t + 1];
    for (i, s) in plan.teams.iter().enumerate() {
        let infra = matches!(s.kind, UnitKind::Platform | UnitKind::Enabling);
        infra_before[i + 1] = infra_before[i] + infra as u32;
    }
    let mut ranges: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut below: Vec<(usize, usize)> = (0..t).map(|i| (i, i + 1)).collect();
    for sizes in &plan.groups {
        let mut level = Vec::with_capacity(sizes.len());
        let mut k = 0;
        for &s in sizes {
            level.push((below[k].0, below[k + s as usize - 1].1));
            k += s as usize;
        }
        ranges.push(level.clone());
        below = level;
    }

    let (mut product_names, mut platform_names, mut domain_names) = (0, 0, 0);
    let top = plan.groups.len() - 1;
    let mut parents: Vec<(usize, usize)> = vec![(root, head); plan.groups[top].len()];
    let mut homes = Vec::new();
    for height in (0..=top).rev() {
        let rank = vocab::engineering_rank(height, plan.groups.len());
        let (title, level) = vocab::line_manager_title(Line::Engineering, rank);
        let mut created = Vec::with_capacity(parents.len());
        for (j, &(parent_unit, parent_lead)) in parents.iter().enumerate() {
            let (a, b) = ranges[height][j];
            let infra = (infra_before[b] - infra_before[a]) as usize * 2 > b - a;
            let hub = g.hub(3 + height as u64, j as u64);
            let lead = g.person(Role {
                title: title.to_string(),
                discipline: Discipline::EngineeringManagement,
                level,
                manager: Some(parent_lead),
                hub,
                seat: false,
            });
            let name = match (infra, height) {
                (true, _) => {
                    platform_names += 1;
                    vocab::nth_name(vocab::PLATFORM_GROUPS, platform_names - 1)
                }
                (false, 0) => {
                    domain_names += 1;
                    vocab::nth_name(vocab::DOMAINS, domain_names - 1)
                }
                (false, _) => {
                    product_names += 1;
                    vocab::nth_name(vocab::DIVISIONS, product_names - 1)
                }
            };
            let unit = g.units.len();
            g.units.push(Unit {
                id: g.unit_id(unit),
                mission: vocab::mission(UnitKind::Group, &name, 0),
                name: name.clone(),
                kind: UnitKind::Group,
                parent: Some(g.unit_id(parent_unit)),
                lead: Some(PersonId(lead as u32 + 1)),
                colour: Some(GROUP_COLOURS[unit % GROUP_COLOURS.len()].to_string()),
                target_size: None,
            });
            if height == 0 {
                homes.push(Home {
                    group: unit,
                    lead,
                    domain: (!infra).then_some(name),
                    hub,
                });
            }
            created.push((unit, lead));
        }
        if height > 0 {
            parents = owners(&plan.groups[height])
                .into_iter()
                .map(|j| created[j])
                .collect();
        }
    }
    // Level-0 groups were created in order; spread them over their teams.
    let mut out = Vec::with_capacity(t);
    for (j, &s) in plan.groups[0].iter().enumerate() {
        for _ in 0..s {
            let h = &homes[j];
            out.push(Home {
                group: h.group,
                lead: h.lead,
                domain: h.domain.clone(),
                hub: h.hub,
            });
        }
    }
    out
}

/// People outside teams who absorb a head count the teams cannot hold.
const OFFICE: &[&str] = &[
    "Executive Business Partner",
    "Head of Operations",
    "Strategy Lead",
];
const CTO_STAFF: &[(&str, Discipline, &str)] = &[
    ("Principal Engineer", Discipline::Engineering, "L8"),
    ("Technical Program Manager", Discipline::Other, "L6"),
    ("Distinguished Engineer", Discipline::Engineering, "L8"),
];

pub fn build(g: &mut Gen, plan: &Plan) {
    // The executives sit where a small org's teams sit.
    let exec_hub = g.hub(2, u64::MAX);
    let exec = |g: &mut Gen, title: &str, discipline, level, manager| {
        g.person(Role {
            title: title.to_string(),
            discipline,
            level,
            manager,
            hub: exec_hub,
            seat: false,
        })
    };
    let ceo = exec(g, "Chief Executive Officer", Discipline::Other, "M6", None);
    let (eng_head, pm_head, design_head, data_head);
    if plan.execs {
        let cto = exec(
            g,
            "Chief Technology Officer",
            Discipline::EngineeringManagement,
            "M6",
            Some(ceo),
        );
        let cpo = exec(
            g,
            "Chief Product Officer",
            Discipline::ProductManagement,
            "M6",
            Some(ceo),
        );
        exec(g, "Chief of Staff", Discipline::Other, "M4", Some(ceo));
        design_head = if plan.head_of_design {
            exec(g, "Head of Design", Discipline::Design, "M5", Some(cpo))
        } else {
            cpo
        };
        data_head = plan
            .head_of_data
            .then(|| exec(g, "Head of Data", Discipline::Data, "M5", Some(ceo)));
        for &(title, discipline, level) in CTO_STAFF.iter().take(plan.cto_staff as usize) {
            exec(g, title, discipline, level, Some(cto));
        }
        (eng_head, pm_head) = (cto, cpo);
    } else {
        (eng_head, pm_head, design_head, data_head) = (ceo, ceo, ceo, None);
    }
    for k in 0..plan.pad as usize {
        let title = OFFICE[k % OFFICE.len()];
        exec(g, title, Discipline::Other, "L6", Some(ceo));
    }

    let root = g.units.len();
    g.units.push(Unit {
        id: g.unit_id(root),
        name: "Product & Engineering".to_string(),
        mission: "Build the product our customers love, and the teams that build it.".to_string(),
        kind: UnitKind::Group,
        parent: None,
        lead: Some(PersonId(eng_head as u32 + 1)),
        colour: Some(kind_colour(UnitKind::Group).to_string()),
        target_size: None,
    });
    let homes = groups(g, plan, root, eng_head);
    let pm_line = line(
        g,
        Line::Product,
        &plan.pm_layers,
        pm_head,
        Discipline::ProductManagement,
    );
    let design_line = line(
        g,
        Line::Design,
        &plan.design_layers,
        design_head,
        Discipline::Design,
    );
    let data_line = match data_head {
        Some(h) => line(g, Line::Data, &plan.data_layers, h, Discipline::Data),
        None => Vec::new(),
    };
    let (mut pms, mut designers, mut analysts) = (0usize, 0usize, 0usize);
    let mut facets = std::collections::HashMap::<usize, usize>::new();
    let (mut sa_names, mut cs_names, mut pf_names, mut en_names) = (0, 0, 0, 0);

    for (i, (spec, home)) in plan.teams.iter().zip(&homes).enumerate() {
        let i64 = i as u64;
        let d = g.dice;
        let hub = home.hub;
        let next = |n: &mut usize| {
            *n += 1;
            *n - 1
        };
        let name = match spec.kind {
            UnitKind::StreamAligned => match &home.domain {
                Some(domain) => {
                    let k = facets.entry(home.group).or_default();
                    let f = next(k);
                    let facet = vocab::FACETS[f % vocab::FACETS.len()];
                    match f / vocab::FACETS.len() {
                        0 => format!("{domain} {facet}"),
                        r => format!("{domain} {facet} {}", r + 1),
                    }
                }
                None => vocab::nth_name(vocab::DOMAINS, next(&mut sa_names)),
            },
            UnitKind::ComplicatedSubsystem => {
                vocab::nth_name(vocab::SUBSYSTEM_TEAMS, next(&mut cs_names))
            }
            UnitKind::Platform => vocab::nth_name(vocab::PLATFORM_TEAMS, next(&mut pf_names)),
            _ => vocab::nth_name(vocab::ENABLING_TEAMS, next(&mut en_names)),
        };
        let senior = d.chance(topic::SENIOR_EM, i64, 200);
        let em = g.person(Role {
            title: format!(
                "{}, {name}",
                if senior {
                    "Senior Engineering Manager"
                } else {
                    "Engineering Manager"
                }
            ),
            discipline: Discipline::EngineeringManagement,
            level: if senior { "M2" } else { "M1" },
            manager: Some(home.lead),
            hub,
            seat: false,
        });
        let unit = g.units.len();
        g.units.push(Unit {
            id: g.unit_id(unit),
            mission: vocab::mission(spec.kind, &name, d.roll(topic::MISSION, i64)),
            name,
            kind: spec.kind,
            parent: Some(g.unit_id(home.group)),
            lead: Some(PersonId(em as u32 + 1)),
            colour: Some(kind_colour(spec.kind).to_string()),
            target_size: Some(spec.desired),
        });
        let mut seats = vec![g.seat(em, unit, TeamRole::EngineeringManager)];
        let specialisms = vocab::specialisms(spec.kind);
        let member = |g: &mut Gen, title: String, discipline, level, manager, seat| {
            g.person(Role {
                title,
                discipline,
                level,
                manager: Some(manager),
                hub,
                seat,
            })
        };

        let lead_level = if d.chance(topic::LEAD_LEVEL, i64, 500) {
            "L6"
        } else {
            "L5"
        };
        let spec_name = d.pick(topic::SPECIALISM, i64, specialisms);
        let lead = member(
            g,
            vocab::engineer_title(spec_name, lead_level),
            Discipline::Engineering,
            lead_level,
            em,
            false,
        );
        seats.push(g.seat(lead, unit, TeamRole::TechLead));
        for _ in 1..spec.engineers {
            let k = g.persons.len() as u64;
            let level = ic_level(g, k, Discipline::Engineering);
            let title = vocab::engineer_title(d.pick(topic::SPECIALISM, k, specialisms), level);
            let p = member(g, title, Discipline::Engineering, level, em, true);
            seats.push(g.seat(p, unit, TeamRole::Engineer));
        }
        if spec.qa {
            let level = ic_level(g, g.persons.len() as u64, Discipline::Quality);
            let p = member(
                g,
                vocab::qa_title(level),
                Discipline::Quality,
                level,
                em,
                true,
            );
            seats.push(g.seat(p, unit, TeamRole::Engineer));
        }
        if spec.pm {
            let manager = pm_line.get(next(&mut pms)).copied().unwrap_or(pm_head);
            let level = ic_level(g, g.persons.len() as u64, Discipline::ProductManagement);
            let title = vocab::pm_title(spec.kind != UnitKind::StreamAligned, level);
            let p = member(
                g,
                title,
                Discipline::ProductManagement,
                level,
                manager,
                true,
            );
            seats.push(g.seat(p, unit, TeamRole::ProductManager));
        }
        if spec.designer {
            let manager = design_line
                .get(next(&mut designers))
                .copied()
                .unwrap_or(design_head);
            let k = g.persons.len() as u64;
            let level = ic_level(g, k, Discipline::Design);
            let variant = d.roll(topic::DESIGN_VARIANT, k);
            let discipline = if variant % 8 == 0 {
                Discipline::Research
            } else {
                Discipline::Design
            };
            let p = member(
                g,
                vocab::designer_title(level, variant),
                discipline,
                level,
                manager,
                true,
            );
            seats.push(g.seat(p, unit, TeamRole::Designer));
        }
        if spec.data {
            let manager = match data_head {
                Some(h) => data_line.get(next(&mut analysts)).copied().unwrap_or(h),
                None => em,
            };
            let level = ic_level(g, g.persons.len() as u64, Discipline::Data);
            let title = vocab::data_title(spec.kind == UnitKind::ComplicatedSubsystem, level);
            let p = member(g, title, Discipline::Data, level, manager, true);
            seats.push(g.seat(p, unit, TeamRole::Other));
        }
        g.teams.push(Team {
            unit,
            group: home.group,
            kind: spec.kind,
            em,
            seats,
        });
    }
}
