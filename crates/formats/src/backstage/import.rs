//! Reading Backstage catalog YAML into units, people, seats and owned product areas.

use super::{annotation as ann, EntityRef, UNOWNED};
use crate::yaml::{documents, str_at, strs_at};
use crate::{infer, Incoming, PersonField, Problem};
use serde_yaml_ng::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use topograph_model::{
    Area, AreaId, Complexity, Employment, Membership, OrgRecords, Person, PersonId, PersonStatus,
    TeamRole, Unit, UnitId, UnitKind,
};

/// One entity with where it was found.
struct Entity {
    file: String,
    line: usize,
    kind: String,
    reference: EntityRef,
    value: Value,
}

impl Entity {
    fn problem(&self, reason: impl Into<String>) -> Problem {
        Problem::new(self.line, 1, reason).in_file(&self.file)
    }
    fn str(&self, path: &[&str]) -> Option<&str> {
        str_at(&self.value, path)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
    fn annotation(&self, key: &str) -> Option<&str> {
        self.value
            .get("metadata")?
            .get("annotations")?
            .get(key)?
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
    /// The name people see: profile.displayName, then metadata.title, then metadata.name.
    fn display_name(&self) -> String {
        self.str(&["spec", "profile", "displayName"])
            .or(self.str(&["metadata", "title"]))
            .or(self.str(&["metadata", "name"]))
            .unwrap_or("")
            .to_string()
    }
}

/// Reads catalog files, each as `(name, text)`, into the records they describe. Kinds other
/// than Group, User, Domain, System and Component are skipped.
pub fn read(files: &[(String, String)]) -> Incoming {
    let mut problems = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut seen: HashMap<EntityRef, (String, usize)> = HashMap::new();
    for (file, text) in files {
        let (docs, errs) = documents(text);
        problems.extend(errs.into_iter().map(|p| p.in_file(file)));
        for d in docs {
            let at = |reason: String| Problem::new(d.line, 1, reason).in_file(file);
            let Some(kind) = str_at(&d.value, &["kind"]) else {
                problems.push(at("an entity without a kind; skipped".into()));
                continue;
            };
            let kind = kind.to_ascii_lowercase();
            if !matches!(
                kind.as_str(),
                "group" | "user" | "domain" | "system" | "component"
            ) {
                continue;
            }
            let Some(name) =
                str_at(&d.value, &["metadata", "name"]).filter(|n| !n.trim().is_empty())
            else {
                problems.push(at(format!("a {kind} without metadata.name; skipped")));
                continue;
            };
            let namespace = str_at(&d.value, &["metadata", "namespace"]).unwrap_or("default");
            let reference = EntityRef::new(&kind, namespace, name);
            if let Some((f, l)) = seen.get(&reference) {
                problems.push(at(format!(
                    "{reference} is defined twice (first in {f} line {l}); this one skipped"
                )));
                continue;
            }
            seen.insert(reference.clone(), (file.clone(), d.line));
            entities.push(Entity {
                file: file.clone(),
                line: d.line,
                kind,
                reference,
                value: d.value,
            });
        }
    }
    let mut reader = Reader {
        entities,
        problems,
        records: OrgRecords::default(),
        ids: HashMap::new(),
        next: 1,
    };
    reader.assign_ids();
    reader.units();
    reader.people();
    reader.seats();
    reader.areas();
    let fields: BTreeSet<PersonField> = [
        PersonField::Name,
        PersonField::Email,
        PersonField::Memberships,
    ]
    .into();
    let mut fields = fields;
    let any = |key: &str| {
        reader
            .entities
            .iter()
            .any(|e| e.kind == "user" && e.annotation(key).is_some())
    };
    for (key, field) in [
        (ann::TITLE, PersonField::Title),
        (ann::EMPLOYEE_ID, PersonField::EmployeeId),
        (ann::MANAGER, PersonField::Manager),
    ] {
        if any(key) {
            fields.insert(field);
        }
    }
    reader.problems.sort();
    Incoming {
        records: reader.records,
        fields,
        complete_roster: false,
        seat_units: None,
        problems: reader.problems,
        source: String::new(),
    }
}

struct Reader {
    entities: Vec<Entity>,
    problems: Vec<Problem>,
    records: OrgRecords,
    /// Local id of each entity that became a record.
    ids: HashMap<EntityRef, u32>,
    next: u32,
}

impl Reader {
    fn assign_ids(&mut self) {
        for kind in ["user", "group", "domain", "system", "component"] {
            for e in self.entities.iter().filter(|e| e.kind == kind) {
                self.ids.insert(e.reference.clone(), self.next);
                self.next += 1;
            }
        }
    }

    fn id_of(&self, r: &EntityRef) -> Option<u32> {
        self.ids.get(r).copied()
    }

    /// Resolves a reference or says which entity named something missing.
    fn resolve(
        &mut self,
        e_index: usize,
        text: &str,
        default_kind: &str,
        what: &str,
        fallback: &str,
    ) -> Option<(EntityRef, u32)> {
        let r = EntityRef::parse(text, default_kind);
        match self.id_of(&r) {
            Some(id) => Some((r, id)),
            None => {
                let p = self.entities[e_index].problem(format!(
                    "{}: {what} '{text}' is not in the catalog; {fallback}",
                    self.entities[e_index].reference
                ));
                self.problems.push(p);
                None
            }
        }
    }

    fn units(&mut self) {
        let mut parents: HashMap<UnitId, UnitId> = HashMap::new();
        let groups: Vec<usize> = (0..self.entities.len())
            .filter(|i| self.entities[*i].kind == "group")
            .collect();
        for &i in &groups {
            let e = &self.entities[i];
            let id = UnitId(self.id_of(&e.reference).expect("ids assigned"));
            let kind = match e
                .str(&["spec", "type"])
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("team") => match e.annotation(ann::TEAM_TYPE) {
                    Some(t) => t.parse().unwrap_or_else(|_| {
                        let p = e.problem(format!(
                            "{}: unknown team type '{t}'; read as stream-aligned",
                            e.reference
                        ));
                        self.problems.push(p);
                        UnitKind::StreamAligned
                    }),
                    None => UnitKind::StreamAligned,
                },
                _ => match e.annotation(ann::TEAM_TYPE).and_then(|t| t.parse().ok()) {
                    Some(k) => k,
                    None => UnitKind::Group,
                },
            };
            let e = &self.entities[i];
            let unit = Unit {
                id,
                name: e.display_name(),
                mission: e
                    .str(&["metadata", "description"])
                    .unwrap_or("")
                    .to_string(),
                kind,
                parent: None,
                lead: None,
                colour: e
                    .annotation(ann::COLOUR)
                    .filter(|c| topograph_model::validate::check_colour(c).is_ok())
                    .map(str::to_ascii_lowercase),
                target_size: e
                    .annotation(ann::TARGET_SIZE)
                    .and_then(|t| t.parse().ok())
                    .filter(|t| *t > 0),
            };
            let parent = e.str(&["spec", "parent"]).map(str::to_string);
            let children: Vec<String> = strs_at(&e.value, &["spec", "children"])
                .into_iter()
                .map(str::to_string)
                .collect();
            let lead = e.annotation(ann::LEAD).map(str::to_string);
            self.records.units.push(unit);
            if let Some(p) = parent {
                if let Some((_, pid)) =
                    self.resolve(i, &p, "group", "parent", "read without a parent")
                {
                    parents.insert(id, UnitId(pid));
                }
            }
            for c in children {
                if let Some((_, cid)) =
                    self.resolve(i, &c, "group", "child", "that link is skipped")
                {
                    parents.entry(UnitId(cid)).or_insert(id);
                }
            }
            if let Some(l) = lead {
                if let Some((_, pid)) = self.resolve(i, &l, "user", "lead", "read without a lead") {
                    self.records.units.last_mut().expect("just pushed").lead = Some(PersonId(pid));
                }
            }
        }
        // A parent link that would close a loop is dropped.
        let mut set: HashMap<UnitId, UnitId> = HashMap::new();
        let mut ordered: Vec<(UnitId, UnitId)> = parents.into_iter().collect();
        ordered.sort();
        for (child, parent) in ordered {
            let mut cur = Some(parent);
            let mut looped = false;
            for _ in 0..=set.len() + 1 {
                match cur {
                    Some(c) if c == child => {
                        looped = true;
                        break;
                    }
                    Some(c) => cur = set.get(&c).copied(),
                    None => break,
                }
            }
            if looped {
                let i = self.entity_with_id(child.0);
                let p = self.entities[i].problem(format!(
                    "{}: its parent would put it inside itself; read without a parent",
                    self.entities[i].reference
                ));
                self.problems.push(p);
            } else {
                set.insert(child, parent);
            }
        }
        for u in &mut self.records.units {
            u.parent = set.get(&u.id).copied();
        }
    }

    fn entity_with_id(&self, id: u32) -> usize {
        self.entities
            .iter()
            .position(|e| self.ids.get(&e.reference) == Some(&id))
            .expect("an entity has this id")
    }

    fn people(&mut self) {
        let users: Vec<usize> = (0..self.entities.len())
            .filter(|i| self.entities[*i].kind == "user")
            .collect();
        let mut managers = Vec::new();
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
                cost: None,
                custom: BTreeMap::new(),
                manager: None,
            });
            if let Some(m) = e.annotation(ann::MANAGER).map(str::to_string) {
                managers.push((i, id, m));
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
    }

    fn seats(&mut self) {
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

    fn areas(&mut self) {
        for i in 0..self.entities.len() {
            let kind = self.entities[i].kind.clone();
            let (parent_field, parent_kind) = match kind.as_str() {
                "domain" => (None, ""),
                "system" => (Some("domain"), "domain"),
                "component" => (Some("system"), "system"),
                _ => continue,
            };
            let e = &self.entities[i];
            let id = AreaId(self.id_of(&e.reference).expect("ids"));
            let complexity = match e.annotation(ann::COMPLEXITY) {
                Some(c) => c.parse().unwrap_or(Complexity::Complicated),
                None => Complexity::Complicated,
            };
            let user_facing = e.annotation(ann::USER_FACING).map(|v| v == "true");
            let user_facing = user_facing
                .unwrap_or(kind != "component" || e.str(&["spec", "type"]) == Some("website"));
            let name = e
                .str(&["metadata", "title"])
                .or(e.str(&["metadata", "name"]))
                .unwrap_or("")
                .to_string();
            let description = e
                .str(&["metadata", "description"])
                .unwrap_or("")
                .to_string();
            let owner_text = e.str(&["spec", "owner"]).map(str::to_string);
            let sub_of = if kind == "component" {
                e.str(&["spec", "subcomponentOf"]).map(str::to_string)
            } else {
                None
            };
            let parent_text = parent_field
                .and_then(|f| e.str(&["spec", f]))
                .map(str::to_string);
            let owner = match owner_text {
                Some(o) if o.eq_ignore_ascii_case(UNOWNED) => None,
                Some(o) => {
                    let r = EntityRef::parse(&o, "group");
                    if r.kind == "user" {
                        let p = self.entities[i].problem(format!("{}: owner '{o}' is a user, and product areas are owned by teams; read without an owner", self.entities[i].reference));
                        self.problems.push(p);
                        None
                    } else {
                        self.resolve(i, &o, "group", "owner", "read without an owner")
                            .map(|(_, u)| UnitId(u))
                    }
                }
                None => None,
            };
            let parent = match (sub_of, parent_text) {
                (Some(s), _) => self
                    .resolve(i, &s, "component", "parent component", "read at the top")
                    .map(|(_, a)| AreaId(a)),
                (None, Some(p)) => self
                    .resolve(i, &p, parent_kind, parent_kind, "read at the top")
                    .map(|(_, a)| AreaId(a)),
                (None, None) => None,
            };
            self.records.areas.push(Area {
                id,
                name,
                description,
                parent,
                complexity,
                user_facing,
                owner,
            });
        }
        // Drop parent links that would close a loop (components naming each other).
        let index: HashMap<AreaId, usize> = self
            .records
            .areas
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id, k))
            .collect();
        for k in 0..self.records.areas.len() {
            let id = self.records.areas[k].id;
            let mut cur = self.records.areas[k].parent;
            for _ in 0..=index.len() {
                match cur {
                    Some(c) if c == id => {
                        self.records.areas[k].parent = None;
                        let i = self.entity_with_id(id.0);
                        let p = self.entities[i].problem(format!(
                            "{}: its parent would put it inside itself; read at the top",
                            self.entities[i].reference
                        ));
                        self.problems.push(p);
                        break;
                    }
                    Some(c) => cur = index.get(&c).and_then(|x| self.records.areas[*x].parent),
                    None => break,
                }
            }
        }
    }
}
