//! Reading Backstage catalog YAML into units, people, seats and owned product areas.

mod areas;
mod groups;
mod users;

use super::{annotation as ann, EntityRef};
use crate::yaml::{documents, str_at};
use crate::{Incoming, PersonField, Problem};
use serde_yaml_ng::Value;
use std::collections::{BTreeSet, HashMap};
use topograph_model::OrgRecords;

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
        person_fields: Default::default(),
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

    fn entity_with_id(&self, id: u32) -> usize {
        self.entities
            .iter()
            .position(|e| self.ids.get(&e.reference) == Some(&id))
            .expect("an entity has this id")
    }
}
