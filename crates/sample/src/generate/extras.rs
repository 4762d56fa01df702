//! What a generated org gets once its teams exist: people split across teams, dotted lines,
//! product areas with owners and contributors, and interactions between teams.

use super::plan::TEAM_MAX;
use super::vocab;
use super::Gen;
use crate::common::{date, from_months, to_months};
use topograph_model::{
    Area, AreaId, Complexity, Contributor, Discipline, DottedLine, Interaction, InteractionId,
    InteractionMode, Membership, PersonId, PersonStatus, TeamRole, UnitKind,
};

mod topic {
    pub const SPLIT: u64 = 301;
    pub const OVER: u64 = 302;
    pub const DOTTED_DATA: u64 = 303;
    pub const DOTTED_PM: u64 = 304;
    pub const GAP: u64 = 305;
    pub const COMPLEXITY: u64 = 306;
    pub const FACING: u64 = 307;
    pub const CONTRIBUTOR: u64 = 308;
    pub const CONTRIBUTOR_WHO: u64 = 309;
    pub const MODE: u64 = 310;
    pub const FROM: u64 = 311;
    pub const TO: u64 = 312;
    pub const AGE: u64 = 313;
    pub const LENGTH: u64 = 314;
    pub const DAY: u64 = 315;
    pub const NOTE: u64 = 316;
}

fn active(g: &Gen, person: PersonId) -> bool {
    g.persons[person.0 as usize - 1].status == PersonStatus::Active
}

/// About 3% of engineers, designers and data people also work for a neighbouring team in the
/// same group, usually 50/50, sometimes 60/60 (over-allocated).
pub fn splits(g: &mut Gen) {
    let d = g.dice;
    let mut sizes: Vec<u32> = g.teams.iter().map(|t| t.seats.len() as u32).collect();
    for i in 0..g.teams.len() {
        let same = |j: usize| g.teams.get(j).is_some_and(|t| t.group == g.teams[i].group);
        let j = if same(i + 1) {
            i + 1
        } else if i > 0 && same(i - 1) {
            i - 1
        } else {
            continue;
        };
        for s in 0..g.teams[i].seats.len() {
            let m = g.teams[i].seats[s];
            let Membership { person, role, .. } = g.memberships[m];
            let eligible = matches!(
                role,
                TeamRole::Engineer | TeamRole::Designer | TeamRole::Other
            );
            if !eligible || !active(g, person) || sizes[j] >= TEAM_MAX {
                continue;
            }
            if !d.chance(topic::SPLIT, m as u64, 40) {
                continue;
            }
            let share = if d.chance(topic::OVER, m as u64, 125) {
                60
            } else {
                50
            };
            g.memberships[m].allocation = share;
            g.memberships.push(Membership {
                person,
                unit: g.unit_id(g.teams[j].unit),
                allocation: share,
                role,
            });
            sizes[j] += 1;
        }
    }
}

/// About 1% of people: half the embedded data people to their team's engineering manager, and
/// one product manager in ten to their group's engineering lead.
pub fn dotted_lines(g: &mut Gen) {
    let d = g.dice;
    for t in &g.teams {
        for &m in &t.seats {
            let Membership { person, role, .. } = g.memberships[m];
            let p = &g.persons[person.0 as usize - 1];
            if p.status == PersonStatus::OpenPosition {
                continue;
            }
            let to = match role {
                TeamRole::Other
                    if p.discipline == Discipline::Data
                        && d.chance(topic::DOTTED_DATA, m as u64, 500) =>
                {
                    Some(PersonId(t.em as u32 + 1))
                }
                TeamRole::ProductManager if d.chance(topic::DOTTED_PM, m as u64, 100) => {
                    g.units[t.group].lead
                }
                _ => None,
            };
            if let Some(manager) = to {
                if Some(manager) != p.manager && manager != person {
                    g.dotted.push(DottedLine { person, manager });
                }
            }
        }
    }
    g.dotted.sort();
    g.dotted.dedup();
}

/// About one area per 20 people in three levels (product lines, domains, capabilities). Leaves
/// are owned by teams in the order of the org (a few have no owner), domains by the owning
/// teams' groups, product lines by the groups above; one leaf in five has a contributor.
pub fn areas(g: &mut Gen) {
    let d = g.dice;
    let total = (g.people + 10) / 20;
    let owners: Vec<usize> = (0..g.teams.len())
        .filter(|&t| g.teams[t].kind != UnitKind::Enabling)
        .collect();
    if total == 0 || owners.is_empty() {
        return;
    }
    let c = owners.len();
    let l1 = total.div_ceil(26);
    let l2 = (total - l1).div_ceil(5);
    let l3 = total - l1 - l2;
    let base = g.people + g.units.len() + 1;
    let gap_offset = d.below(topic::GAP, 0, 25) as usize;
    let area_id = |i: usize| AreaId((base + i) as u32);
    let group_of_owner = |g: &Gen, i: usize, n: usize| g.teams[owners[i * c / n]].group;

    let mut names = Vec::with_capacity(l1 + l2);
    for i in 0..l1 {
        let group = group_of_owner(g, i, l1);
        let owner = g.units[group].parent.or(Some(g.unit_id(group)));
        let name = vocab::nth_name(vocab::DIVISIONS, i);
        g.areas.push(Area {
            id: area_id(i),
            description: format!("The {name} product line."),
            name: name.clone(),
            parent: None,
            complexity: d.weighted(
                topic::COMPLEXITY,
                i as u64,
                &[(Complexity::Complex, 6), (Complexity::Complicated, 4)],
            ),
            user_facing: true,
            owner,
            position: 0,
            stance: None,
            target_share: None,
            outcome: String::new(),
        });
        names.push(name);
    }
    for j in 0..l2 {
        let parent = j * l1 / l2;
        let group = group_of_owner(g, j, l2);
        let name = vocab::nth_name(vocab::DOMAINS, j);
        let k = l1 + j;
        g.areas.push(Area {
            id: area_id(k),
            description: format!("{name} in {}.", names[parent]),
            name: name.clone(),
            parent: Some(area_id(parent)),
            complexity: d.weighted(
                topic::COMPLEXITY,
                k as u64,
                &[
                    (Complexity::Simple, 15),
                    (Complexity::Complicated, 60),
                    (Complexity::Complex, 25),
                ],
            ),
            user_facing: g.teams[owners[j * c / l2]].kind != UnitKind::Platform,
            owner: Some(g.unit_id(group)),
            position: 0,
            stance: None,
            target_share: None,
            outcome: String::new(),
        });
        names.push(name);
    }
    for leaf in 0..l3 {
        let k = l1 + l2 + leaf;
        let parent = l1 + leaf * l2 / l3;
        let team = owners[leaf * c / l3];
        let owner_unit = g.unit_id(g.teams[team].unit);
        // One leaf in 25 has lost its owner.
        let owner = ((leaf + gap_offset) % 25 != 0).then_some(owner_unit);
        let platform = g.teams[team].kind == UnitKind::Platform;
        let name = vocab::nth_name(vocab::CAPABILITIES, leaf);
        g.areas.push(Area {
            id: area_id(k),
            description: format!("{name} for {}.", names[parent]),
            name,
            parent: Some(area_id(parent)),
            complexity: d.weighted(
                topic::COMPLEXITY,
                k as u64,
                &[
                    (Complexity::Simple, 55),
                    (Complexity::Complicated, 33),
                    (Complexity::Complex, 12),
                ],
            ),
            user_facing: !platform && d.chance(topic::FACING, k as u64, 850),
            owner,
            position: 0,
            stance: None,
            target_share: None,
            outcome: String::new(),
        });
        if c > 1 && d.chance(topic::CONTRIBUTOR, k as u64, 200) {
            let step = 1 + d.below(topic::CONTRIBUTOR_WHO, k as u64, 3) as usize;
            let other = owners[(leaf * c / l3 + step) % c];
            let unit = g.unit_id(g.teams[other].unit);
            if Some(unit) != owner {
                g.contributors.push(Contributor {
                    area: area_id(k),
                    unit,
                });
            }
        }
    }
}

/// What a providing team offers: its platform as a self-service product, or its subsystem's API.
fn service_note(g: &Gen, team: usize) -> String {
    let name = &g.units[g.teams[team].unit].name;
    match g.teams[team].kind {
        UnitKind::Platform => format!("Self-service {}", name.to_lowercase()),
        _ => format!("{name} API"),
    }
}

/// About one interaction per three teams: platforms serving stream-aligned teams, enabling
/// teams facilitating, and neighbouring teams collaborating, with realistic dates (some
/// collaborations already past their expected end).
pub fn interactions(g: &mut Gen) {
    let d = g.dice;
    let t = g.teams.len();
    if t < 2 {
        return;
    }
    let of = |k: &[UnitKind]| -> Vec<usize> {
        (0..t).filter(|&i| k.contains(&g.teams[i].kind)).collect()
    };
    let stream = of(&[UnitKind::StreamAligned]);
    let providers = of(&[UnitKind::Platform, UnitKind::ComplicatedSubsystem]);
    let enablers = of(&[UnitKind::Enabling]);
    let helped = of(&[
        UnitKind::StreamAligned,
        UnitKind::Platform,
        UnitKind::ComplicatedSubsystem,
    ]);
    let base = g.people + g.units.len() + g.areas.len() + 1;
    let now = to_months(2026, 11);
    for n in 0..(t / 3).max(1) {
        let k = n as u64;
        let pick = |topic: u64, list: &[usize]| list[d.below(topic, k, list.len() as u64) as usize];
        let mode = d.weighted(
            topic::MODE,
            k,
            &[
                (InteractionMode::XAsAService, 45),
                (InteractionMode::Collaboration, 35),
                (InteractionMode::Facilitating, 20),
            ],
        );
        let (mode, from, to) = match mode {
            InteractionMode::XAsAService if !providers.is_empty() && !stream.is_empty() => (
                mode,
                pick(topic::FROM, &providers),
                pick(topic::TO, &stream),
            ),
            InteractionMode::Facilitating if !enablers.is_empty() => {
                (mode, pick(topic::FROM, &enablers), pick(topic::TO, &helped))
            }
            _ => {
                let a = pick(topic::FROM, &helped);
                let step = 1 + d.below(topic::TO, k, (t as u64 - 1).min(5)) as usize;
                (InteractionMode::Collaboration, a, (a + step) % t)
            }
        };
        let day = 1 + d.below(topic::DAY, k, 28) as u32;
        let at = |months: u32| {
            let (y, m) = from_months(months);
            date(y, m, day)
        };
        let (start, end, notes) = match mode {
            InteractionMode::XAsAService => {
                let age = 6 + d.below(topic::AGE, k, 36) as u32;
                (now - age, None, &[][..])
            }
            InteractionMode::Collaboration => {
                let s = now - d.below(topic::AGE, k, 6) as u32;
                let length = 3 + d.below(topic::LENGTH, k, 3) as u32;
                (s, Some(s + length), vocab::COLLABORATION_NOTES)
            }
            InteractionMode::Facilitating => {
                let s = now - d.below(topic::AGE, k, 6) as u32;
                let length = 2 + d.below(topic::LENGTH, k, 4) as u32;
                (s, Some(s + length), vocab::FACILITATING_NOTES)
            }
        };
        g.interactions.push(Interaction {
            id: InteractionId((base + n) as u32),
            from: g.unit_id(g.teams[from].unit),
            to: g.unit_id(g.teams[to].unit),
            mode,
            note: if notes.is_empty() {
                service_note(g, from)
            } else {
                d.pick(topic::NOTE, k, notes).to_string()
            },
            start: Some(at(start)),
            expected_end: end.map(at),
        });
    }
}
