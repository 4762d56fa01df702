//! Reading Team API YAML files back into teams, the groups they are part of, members, owned
//! and contributed product areas, and interactions.

use super::{TeamApi, FORMAT, VERSION};
use crate::yaml::documents;
use crate::{infer, Incoming, PersonField, Problem};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use topograph_model::{
    Area, AreaId, Complexity, Contributor, Employment, Interaction, InteractionId, InteractionMode,
    Membership, OrgRecords, Person, PersonId, PersonStatus, Stance, TeamRole, Unit, UnitId,
    UnitKind,
};

fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn path_key(path: &[String]) -> Vec<String> {
    path.iter().map(|p| key(p)).collect()
}

struct Team {
    file: String,
    line: usize,
    api: TeamApi,
    id: UnitId,
}

impl Team {
    fn problem(&self, reason: impl Into<String>) -> Problem {
        Problem::new(
            self.line,
            1,
            format!("{}: {}", self.api.name, reason.into()),
        )
        .in_file(&self.file)
    }
}

/// Reads Team API files, each as `(name, text)`; several documents per file are fine.
pub fn read(files: &[(String, String)]) -> Incoming {
    let mut problems = Vec::new();
    let mut r = OrgRecords::default();
    let mut next = 1u32;
    let mut fresh = || {
        next += 1;
        next - 1
    };
    // Teams, keyed by their full path.
    let mut teams: Vec<Team> = Vec::new();
    let mut units: HashMap<Vec<String>, UnitId> = HashMap::new();
    for (file, text) in files {
        let (docs, errs) = documents(text);
        problems.extend(errs.into_iter().map(|p| p.in_file(file)));
        for d in docs {
            let at = |reason: String| Problem::new(d.line, 1, reason).in_file(file);
            let api: TeamApi = match serde_yaml_ng::from_value(d.value) {
                Ok(a) => a,
                Err(e) => {
                    problems.push(at(format!("not a Team API: {e}")));
                    continue;
                }
            };
            if api.format != FORMAT || api.version == 0 || api.version > VERSION {
                problems.push(at(format!(
                    "not a Team API this version reads (format '{}', version {}); skipped",
                    api.format, api.version
                )));
                continue;
            }
            if api.name.trim().is_empty() {
                problems.push(at("a team without a name; skipped".into()));
                continue;
            }
            let mut path = api.part_of.clone();
            path.push(api.name.clone());
            let k = path_key(&path);
            if units.contains_key(&k) {
                problems.push(at(format!(
                    "the team '{}' is described twice; this one skipped",
                    api.name
                )));
                continue;
            }
            let id = UnitId(fresh());
            units.insert(k, id);
            teams.push(Team {
                file: file.clone(),
                line: d.line,
                api,
                id,
            });
        }
    }
    for t in &teams {
        let kind = t.api.kind.parse().unwrap_or_else(|_| {
            problems.push(t.problem(format!(
                "unknown team type '{}'; read as stream-aligned",
                t.api.kind
            )));
            UnitKind::StreamAligned
        });
        r.units.push(Unit {
            id: t.id,
            name: t.api.name.trim().to_string(),
            mission: t.api.mission.clone(),
            kind,
            parent: None,
            lead: None,
            colour: None,
            target_size: t.api.target_size.filter(|s| *s > 0),
        });
    }
    // The groups teams are part of, and every unit's parent.
    let mut parents: HashMap<UnitId, UnitId> = HashMap::new();
    for t in &teams {
        let mut parent: Option<UnitId> = None;
        for depth in 1..=t.api.part_of.len() {
            let k = path_key(&t.api.part_of[..depth]);
            let id = match units.get(&k) {
                Some(id) => *id,
                None => {
                    let id = UnitId(fresh());
                    units.insert(k, id);
                    r.units.push(Unit {
                        id,
                        name: t.api.part_of[depth - 1].trim().to_string(),
                        mission: String::new(),
                        kind: UnitKind::Group,
                        parent: None,
                        lead: None,
                        colour: None,
                        target_size: None,
                    });
                    id
                }
            };
            if let Some(p) = parent {
                parents.insert(id, p);
            }
            parent = Some(id);
        }
        if let Some(p) = parent {
            parents.insert(t.id, p);
        }
    }
    for u in &mut r.units {
        u.parent = parents.get(&u.id).copied();
    }

    // People: one person per employee id, else email, else name, across all files.
    let mut people: HashMap<String, PersonId> = HashMap::new();
    let mut seats: BTreeMap<(PersonId, UnitId), Membership> = BTreeMap::new();
    for t in &teams {
        for m in &t.api.members {
            let keys: Vec<String> = [
                m.employee_id.as_ref().map(|e| format!("id:{e}")),
                m.email.as_ref().map(|e| format!("email:{}", key(e))),
                Some(format!("name:{}", key(&m.name))),
            ]
            .into_iter()
            .flatten()
            .collect();
            if m.name.trim().is_empty() {
                problems.push(t.problem("a member without a name; skipped"));
                continue;
            }
            let id = match keys.iter().find_map(|k| people.get(k)) {
                Some(id) => *id,
                None => {
                    let id = PersonId(fresh());
                    let email = m.email.clone().filter(|e| {
                        let ok = e.contains('@') && !e.contains(char::is_whitespace);
                        if !ok {
                            problems.push(t.problem(format!(
                                "'{e}' is not an email address; {} read without one",
                                m.name
                            )));
                        }
                        ok
                    });
                    let status = match m.status.as_deref().map(str::parse::<PersonStatus>) {
                        None => PersonStatus::Active,
                        Some(Ok(s)) => s,
                        Some(Err(_)) => {
                            problems.push(t.problem(format!(
                                "unknown status '{}' for {}; read as active",
                                m.status.as_deref().unwrap_or(""),
                                m.name
                            )));
                            PersonStatus::Active
                        }
                    };
                    // An open position is listed by its role title and has no name.
                    let (name, title) = if status == PersonStatus::OpenPosition {
                        let title = if m.title.trim().is_empty() {
                            m.name.trim()
                        } else {
                            m.title.trim()
                        };
                        (String::new(), title.to_string())
                    } else {
                        (m.name.trim().to_string(), m.title.clone())
                    };
                    r.persons.push(Person {
                        id,
                        discipline: infer::discipline(&title),
                        name,
                        title,
                        level: None,
                        location: None,
                        email,
                        employee_id: m.employee_id.clone(),
                        employment: Employment::Employee,
                        status,
                        start_date: None,
                        end_date: None,
                        target_start: None,
                        hiring_stage: None,
                        cost: None,
                        custom: BTreeMap::new(),
                        manager: None,
                    });
                    id
                }
            };
            for k in keys {
                people.entry(k).or_insert(id);
            }
            let role = match m.role.as_deref() {
                None => infer::role(infer::discipline(&m.title)),
                Some(s) => infer::role_named(s).unwrap_or_else(|| {
                    problems.push(
                        t.problem(format!("unknown role '{s}' for {}; read as other", m.name)),
                    );
                    TeamRole::Other
                }),
            };
            let allocation = if (1..=100).contains(&m.allocation) {
                m.allocation
            } else {
                problems.push(t.problem(format!(
                    "allocation {}% for {} is outside 1-100%; read as 100%",
                    m.allocation, m.name
                )));
                100
            };
            seats.insert(
                (id, t.id),
                Membership {
                    person: id,
                    unit: t.id,
                    allocation,
                    role,
                },
            );
        }
    }
    r.memberships = seats.into_values().collect();
    for t in &teams {
        if let Some(lead) = &t.api.lead {
            let found = [
                format!("email:{}", key(lead)),
                format!("id:{lead}"),
                format!("name:{}", key(lead)),
            ]
            .iter()
            .find_map(|k| people.get(k).copied());
            match found {
                Some(p) => {
                    if let Some(u) = r.units.iter_mut().find(|u| u.id == t.id) {
                        u.lead = Some(p);
                    }
                }
                None => problems.push(t.problem(format!(
                    "the lead '{lead}' is no member of any team here; read without a lead"
                ))),
            }
        }
    }

    // Product areas by path; the leaf of each path is owned (or contributed to) by the team.
    let mut areas: HashMap<Vec<String>, AreaId> = HashMap::new();
    let mut owners: HashMap<AreaId, usize> = HashMap::new();
    let mut contributors: BTreeSet<(AreaId, UnitId)> = BTreeSet::new();
    for (ti, t) in teams.iter().enumerate() {
        for (owning, paths) in [(true, &t.api.owns), (false, &t.api.contributes_to)] {
            for path in paths {
                if path.is_empty() || path.iter().any(|p| p.trim().is_empty()) {
                    problems.push(t.problem("a product area path with an empty name; skipped"));
                    continue;
                }
                let mut parent = None;
                for depth in 1..=path.len() {
                    let k = path_key(&path[..depth]);
                    let id = *areas.entry(k).or_insert_with(|| {
                        let id = AreaId(fresh());
                        r.areas.push(Area {
                            id,
                            name: path[depth - 1].trim().to_string(),
                            description: String::new(),
                            parent,
                            complexity: Complexity::Complicated,
                            user_facing: true,
                            owner: None,
                            position: 0,
                            stance: None,
                            target_share: None,
                            outcome: String::new(),
                        });
                        id
                    });
                    parent = Some(id);
                }
                let leaf = parent.expect("a path has a leaf");
                if owning {
                    match owners.get(&leaf) {
                        Some(other) if *other != ti => problems.push(t.problem(format!(
                            "'{}' is owned by {} already; ownership by {} skipped",
                            path.join(" / "),
                            teams[*other].api.name,
                            t.api.name
                        ))),
                        _ => {
                            owners.insert(leaf, ti);
                        }
                    }
                } else {
                    contributors.insert((leaf, t.id));
                }
            }
        }
    }
    for a in &mut r.areas {
        a.owner = owners.get(&a.id).map(|ti| teams[*ti].id);
    }
    for t in &teams {
        for d in &t.api.direction {
            let Some(&id) = areas.get(&path_key(&d.area)) else {
                problems.push(t.problem(format!(
                    "direction for '{}', which the team does not own or contribute to; skipped",
                    d.area.join(" / ")
                )));
                continue;
            };
            let Some(a) = r.areas.iter_mut().find(|a| a.id == id) else {
                continue;
            };
            if let Some(s) = &d.stance {
                match s.parse::<Stance>() {
                    Ok(s) => a.stance = Some(s),
                    Err(why) => problems.push(t.problem(format!("{why}; read without a stance"))),
                }
            }
            match d.target_share {
                Some(v) if v.is_finite() && (0.0..=100.0).contains(&v) => a.target_share = Some(v),
                Some(v) => problems.push(t.problem(format!(
                    "target share {v} is not a percentage from 0 to 100; read without one"
                ))),
                None => {}
            }
            a.outcome = d.outcome.trim().to_string();
        }
    }
    r.contributors = contributors
        .into_iter()
        .filter(|(a, u)| owners.get(a).map(|ti| teams[*ti].id) != Some(*u))
        .map(|(area, unit)| Contributor { area, unit })
        .collect();

    // Interactions, named from either side, each once.
    let mut by_name: HashMap<String, Vec<UnitId>> = HashMap::new();
    for t in &teams {
        by_name.entry(key(&t.api.name)).or_default().push(t.id);
    }
    let mut seen: BTreeSet<(UnitId, UnitId, InteractionMode)> = BTreeSet::new();
    for t in &teams {
        for i in &t.api.interactions {
            let other = match by_name.get(&key(&i.team)).map(Vec::as_slice) {
                Some([one]) => *one,
                Some(_) => {
                    problems.push(t.problem(format!(
                        "the team name '{}' is ambiguous; that interaction is skipped",
                        i.team
                    )));
                    continue;
                }
                None => {
                    problems.push(t.problem(format!(
                        "the team '{}' has no Team API here; that interaction is skipped",
                        i.team
                    )));
                    continue;
                }
            };
            let Ok(mode) = i.mode.parse::<InteractionMode>() else {
                problems.push(t.problem(format!(
                    "unknown interaction mode '{}'; that interaction is skipped",
                    i.mode
                )));
                continue;
            };
            if other == t.id {
                problems.push(t.problem("an interaction with itself; skipped"));
                continue;
            }
            let (from, to) = match (mode, i.direction.as_str()) {
                (InteractionMode::Collaboration, _) | (_, "provides") | (_, "with") => {
                    (t.id, other)
                }
                (_, "consumes") => (other, t.id),
                (_, d) => {
                    problems.push(t.problem(format!(
                        "unknown direction '{d}' (provides, consumes or with); read as provides"
                    )));
                    (t.id, other)
                }
            };
            let unordered = mode == InteractionMode::Collaboration;
            if seen.contains(&(from, to, mode)) || (unordered && seen.contains(&(to, from, mode))) {
                continue;
            }
            seen.insert((from, to, mode));
            let mut candidate = Interaction {
                id: InteractionId(0),
                from,
                to,
                mode,
                note: i.purpose.clone(),
                start: i.start.clone(),
                expected_end: i.expected_end.clone(),
            };
            if let Err(e) = topograph_model::validate::interaction(&mut candidate) {
                problems.push(t.problem(format!(
                    "interaction with {}: {e}; read without its dates",
                    i.team
                )));
                candidate.start = None;
                candidate.expected_end = None;
            }
            candidate.id = InteractionId(fresh());
            r.interactions.push(candidate);
        }
    }
    problems.sort();
    let seat_units = teams.iter().map(|t| t.id).collect();
    Incoming {
        records: r,
        fields: [
            PersonField::Name,
            PersonField::Email,
            PersonField::EmployeeId,
            PersonField::Title,
            PersonField::Memberships,
        ]
        .into(),
        complete_roster: false,
        seat_units: Some(seat_units),
        problems,
        source: String::new(),
        person_fields: Default::default(),
    }
}
