//! Users: people, managers (loops refused), and seats from memberOf, members and annotations.

use super::Reader;
use crate::backstage::annotation as ann;
use crate::infer;
use crate::yaml::strs_at;
use std::collections::{BTreeMap, HashMap};
use topograph_model::{
    DottedLine, Employment, Membership, Person, PersonId, PersonStatus, TeamRole, UnitId,
};

impl Reader {
    pub(super) fn people(&mut self) {
        let users: Vec<usize> = (0..self.entities.len())
            .filter(|i| self.entities[*i].kind == "user")
            .collect();
        let mut managers = Vec::new();
        let mut dotted = Vec::new();
        for &i in &users {
            let e = &self.entities[i];
            let id = PersonId(self.id_of(&e.reference).expect("ids assigned"));
            let title = e.annotation(ann::TITLE).unwrap_or("").to_string();
            let email = e.str(&["spec", "profile", "email"]).map(str::to_string);
            let email = match email {
                Some(m) if !m.contains('@') || m.contains(char::is_whitespace) => {
                    let p = e.problem(format!(
                        "{}: '{m}' is not an email address; read without one",
                        e.reference
                    ));
                    self.problems.push(p);
                    None
                }
                other => other,
            };
            let e = &self.entities[i];
            self.records.persons.push(Person {
                id,
                name: e.display_name(),
                discipline: infer::discipline(&title),
                title,
                level: None,
                location: None,
                email,
                employee_id: e.annotation(ann::EMPLOYEE_ID).map(str::to_string),
                employment: Employment::Employee,
                status: PersonStatus::Active,
                start_date: None,
                end_date: None,
                target_start: None,
                hiring_stage: None,
                cost: None,
                custom: BTreeMap::new(),
                manager: None,
            });
            if let Some(m) = e.annotation(ann::MANAGER).map(str::to_string) {
                managers.push((i, id, m));
            }
            if let Some(d) = e.annotation(ann::DOTTED_LINES).map(str::to_string) {
                dotted.push((i, id, d));
            }
        }
        // Duplicate employee ids: the later user is read without one.
        let mut ids: HashMap<String, PersonId> = HashMap::new();
        for k in 0..self.records.persons.len() {
            if let Some(e) = self.records.persons[k].employee_id.clone() {
                if ids.insert(e.clone(), self.records.persons[k].id).is_some() {
                    let i = self.entity_with_id(self.records.persons[k].id.0);
                    let p = self.entities[i].problem(format!(
                        "{}: employee id '{e}' is used twice; read without it",
                        self.entities[i].reference
                    ));
                    self.problems.push(p);
                    self.records.persons[k].employee_id = None;
                }
            }
        }
        let index: HashMap<PersonId, usize> = self
            .records
            .persons
            .iter()
            .enumerate()
            .map(|(k, p)| (p.id, k))
            .collect();
        for (i, id, m) in managers {
            if let Some((_, mid)) = self.resolve(i, &m, "user", "manager", "read without a manager")
            {
                let mid = PersonId(mid);
                // Refuse a manager that would close a reporting loop.
                let mut cur = Some(mid);
                let mut looped = false;
                for _ in 0..=index.len() {
                    match cur {
                        Some(c) if c == id => {
                            looped = true;
                            break;
                        }
                        Some(c) => {
                            cur = index.get(&c).and_then(|k| self.records.persons[*k].manager)
                        }
                        None => break,
                    }
                }
                if looped {
                    let p = self.entities[i].problem(format!(
                        "{}: manager '{m}' would make a reporting cycle; read without a manager",
                        self.entities[i].reference
                    ));
                    self.problems.push(p);
                } else {
                    self.records.persons[index[&id]].manager = Some(mid);
                }
            }
        }
        self.dotted_lines(dotted, &index);
    }

    /// Dotted lines from the users' annotation; a reference to nobody, to the user themselves
    /// or to their solid-line manager is a problem and that line is skipped.
    fn dotted_lines(
        &mut self,
        dotted: Vec<(usize, PersonId, String)>,
        index: &HashMap<PersonId, usize>,
    ) {
        for (i, id, text) in dotted {
            let mut seen = Vec::new();
            for r in text.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                let skipped = "that dotted line is skipped";
                let Some((_, mid)) = self.resolve(i, r, "user", "dotted-line manager", skipped)
                else {
                    continue;
                };
                let mid = PersonId(mid);
                let solid = self.records.persons[index[&id]].manager;
                if mid == id || solid == Some(mid) || !index.contains_key(&mid) {
                    let why = if mid == id {
                        "is the user themselves"
                    } else if solid == Some(mid) {
                        "is already their manager"
                    } else {
                        "is not a user"
                    };
                    let p = self.entities[i].problem(format!(
                        "{}: dotted-line manager '{r}' {why}; {skipped}",
                        self.entities[i].reference
                    ));
                    self.problems.push(p);
                } else if !seen.contains(&mid) {
                    seen.push(mid);
                    self.records.dotted_lines.push(DottedLine {
                        person: id,
                        manager: mid,
                    });
                }
            }
        }
    }

    pub(super) fn seats(&mut self) {
        let mut seats: BTreeMap<(PersonId, UnitId), Membership> = BTreeMap::new();
        let discipline: HashMap<PersonId, TeamRole> = self
            .records
            .persons
            .iter()
            .map(|p| (p.id, infer::role(p.discipline)))
            .collect();
        let add = |person: PersonId,
                   unit: UnitId,
                   seats: &mut BTreeMap<(PersonId, UnitId), Membership>| {
            seats.entry((person, unit)).or_insert(Membership {
                person,
                unit,
                allocation: 100,
                role: discipline.get(&person).copied().unwrap_or(TeamRole::Other),
            });
        };
        for i in 0..self.entities.len() {
            match self.entities[i].kind.as_str() {
                "user" => {
                    let person = PersonId(self.id_of(&self.entities[i].reference).expect("ids"));
                    let groups: Vec<String> =
                        strs_at(&self.entities[i].value, &["spec", "memberOf"])
                            .into_iter()
                            .map(str::to_string)
                            .collect();
                    for g in groups {
                        if let Some((_, u)) =
                            self.resolve(i, &g, "group", "group", "that membership is skipped")
                        {
                            add(person, UnitId(u), &mut seats);
                        }
                    }
                }
                "group" => {
                    let unit = UnitId(self.id_of(&self.entities[i].reference).expect("ids"));
                    let members: Vec<String> =
                        strs_at(&self.entities[i].value, &["spec", "members"])
                            .into_iter()
                            .map(str::to_string)
                            .collect();
                    for m in members {
                        if let Some((_, p)) =
                            self.resolve(i, &m, "user", "member", "that membership is skipped")
                        {
                            add(PersonId(p), unit, &mut seats);
                        }
                    }
                }
                _ => {}
            }
        }
        // Allocations and roles from the user's seats annotation.
        for i in 0..self.entities.len() {
            if self.entities[i].kind != "user" {
                continue;
            }
            let Some(text) = self.entities[i].annotation(ann::SEATS).map(str::to_string) else {
                continue;
            };
            let person = PersonId(self.id_of(&self.entities[i].reference).expect("ids"));
            for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
                let parts: Vec<&str> = entry.rsplitn(3, ':').collect();
                let parsed = match parts.as_slice() {
                    [role, alloc, group] => alloc
                        .parse::<u32>()
                        .ok()
                        .filter(|a| (1..=100).contains(a))
                        .zip(role.parse::<TeamRole>().ok())
                        .map(|(a, r)| (group.to_string(), a, r)),
                    _ => None,
                };
                let Some((group, allocation, role)) = parsed else {
                    let p = self.entities[i].problem(format!(
                        "{}: cannot read the seat '{entry}' in {}; skipped",
                        self.entities[i].reference,
                        ann::SEATS
                    ));
                    self.problems.push(p);
                    continue;
                };
                if let Some((_, u)) =
                    self.resolve(i, &group, "group", "group", "that seat is skipped")
                {
                    seats.insert(
                        (person, UnitId(u)),
                        Membership {
                            person,
                            unit: UnitId(u),
                            allocation,
                            role,
                        },
                    );
                }
            }
        }
        self.records.memberships = seats.into_values().collect();
    }
}
