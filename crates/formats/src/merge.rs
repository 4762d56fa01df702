//! Merging incoming records into an existing scenario: people matched by employee id, then
//! email; units by name; areas by name under the same parent. Changed fields are updated, new
//! records added, and people missing from a complete roster marked as leaving (never deleted).

use crate::build::{parents_first, renumber_people_values};
use crate::{Incoming, PersonField};
use std::collections::{BTreeSet, HashMap, HashSet};
use topograph_model::{
    AreaId, Interaction, InteractionId, InteractionMode, Op, Org, Person, PersonId, PersonStatus,
    UnitId,
};

fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a merge would do, counted for the summary.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub people_added: usize,
    pub people_updated: usize,
    pub leavers: Vec<String>,
    pub units_added: usize,
    pub memberships_set: usize,
    pub memberships_removed: usize,
    pub areas_added: usize,
    pub interactions_added: usize,
    /// Things the merge left alone, and why.
    pub notes: Vec<String>,
}

/// The incoming records matched against a scenario; [`Merge::ops`] turns it into operations.
pub struct Merge<'a> {
    org: &'a Org,
    inc: &'a Incoming,
    persons: Vec<Option<PersonId>>,
    units: Vec<Option<UnitId>>,
    areas: Vec<Option<AreaId>>,
    interactions: Vec<bool>,
}

impl<'a> Merge<'a> {
    /// Matches every incoming record to an existing one, or marks it new.
    pub fn new(org: &'a Org, inc: &'a Incoming) -> Merge<'a> {
        let r = &inc.records;
        let mut by_email: HashMap<String, Vec<PersonId>> = HashMap::new();
        for p in org.persons() {
            if let Some(e) = &p.email {
                by_email.entry(key(e)).or_default().push(p.id);
            }
        }
        let mut taken = HashSet::new();
        let persons = r
            .persons
            .iter()
            .map(|p| {
                let by_id = p
                    .employee_id
                    .as_deref()
                    .and_then(|e| org.person_by_employee_id(e));
                let found = by_id.filter(|id| !taken.contains(id)).or_else(|| {
                    let e = key(p.email.as_deref()?);
                    by_email
                        .get(&e)?
                        .iter()
                        .copied()
                        .find(|id| !taken.contains(id))
                });
                if let Some(id) = found {
                    taken.insert(id);
                }
                found
            })
            .collect();
        let mut unit_names: HashMap<String, UnitId> = HashMap::new();
        for u in org.units() {
            unit_names.entry(key(&u.name)).or_insert(u.id);
        }
        let units: Vec<Option<UnitId>> = r
            .units
            .iter()
            .map(|u| unit_names.get(&key(&u.name)).copied())
            .collect();
        let mut m = Merge {
            org,
            inc,
            persons,
            units,
            areas: Vec::new(),
            interactions: Vec::new(),
        };
        m.match_areas();
        m.match_interactions();
        m
    }

    /// Areas match by name under the (matched) parent, parents first.
    fn match_areas(&mut self) {
        let r = &self.inc.records;
        let mut existing: HashMap<(Option<AreaId>, String), AreaId> = HashMap::new();
        for a in self.org.areas() {
            existing.entry((a.parent, key(&a.name))).or_insert(a.id);
        }
        let index: HashMap<AreaId, usize> =
            r.areas.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        self.areas = vec![None; r.areas.len()];
        for i in parents_first(&r.areas, |a| a.id.0, |a| a.parent.map(|p| p.0)) {
            let a = &r.areas[i];
            let parent = match a.parent.and_then(|p| index.get(&p)) {
                // A new parent has no existing children to match.
                Some(pi) => match self.areas[*pi] {
                    Some(p) => Some(p),
                    None => continue,
                },
                None => None,
            };
            self.areas[i] = existing.get(&(parent, key(&a.name))).copied();
        }
    }

    fn match_interactions(&mut self) {
        let existing: HashSet<(UnitId, UnitId, InteractionMode)> = self
            .org
            .interactions()
            .flat_map(|i| {
                [(i.from, i.to, i.mode), (i.to, i.from, i.mode)]
                    .into_iter()
                    .take(if i.mode == InteractionMode::Collaboration {
                        2
                    } else {
                        1
                    })
            })
            .collect();
        let unit_index: HashMap<UnitId, usize> = self
            .inc
            .records
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id, i))
            .collect();
        let existing_unit = |u: UnitId| unit_index.get(&u).and_then(|i| self.units[*i]);
        self.interactions = self
            .inc
            .records
            .interactions
            .iter()
            .map(|i| match (existing_unit(i.from), existing_unit(i.to)) {
                (Some(f), Some(t)) => existing.contains(&(f, t, i.mode)),
                _ => false,
            })
            .collect();
    }

    /// How many fresh ids the new records need.
    pub fn new_ids(&self) -> u32 {
        let none = |v: &[Option<u32>]| v.iter().filter(|x| x.is_none()).count();
        let p: Vec<Option<u32>> = self.persons.iter().map(|x| x.map(|i| i.0)).collect();
        let u: Vec<Option<u32>> = self.units.iter().map(|x| x.map(|i| i.0)).collect();
        let a: Vec<Option<u32>> = self.areas.iter().map(|x| x.map(|i| i.0)).collect();
        (none(&p) + none(&u) + none(&a) + self.interactions.iter().filter(|x| !**x).count()) as u32
    }

    /// The operations of the merge, new records taking ids `first, first + 1, ...`.
    pub fn ops(&self, first: u32) -> (Vec<Op>, Counts) {
        let r = &self.inc.records;
        let org = self.org;
        let fields = &self.inc.fields;
        let mut next = first;
        let mut fresh = || {
            next += 1;
            next - 1
        };
        let mut ops = Vec::new();
        let mut counts = Counts::default();

        // Ids: matched records keep theirs, new ones take reserved ones.
        let person_ids: HashMap<PersonId, PersonId> = r
            .persons
            .iter()
            .zip(&self.persons)
            .map(|(p, m)| (p.id, m.unwrap_or_else(|| PersonId(fresh()))))
            .collect();
        let unit_ids: HashMap<UnitId, UnitId> = r
            .units
            .iter()
            .zip(&self.units)
            .map(|(u, m)| (u.id, m.unwrap_or_else(|| UnitId(fresh()))))
            .collect();
        let area_ids: HashMap<AreaId, AreaId> = r
            .areas
            .iter()
            .zip(&self.areas)
            .map(|(a, m)| (a.id, m.unwrap_or_else(|| AreaId(fresh()))))
            .collect();
        let pid = |p: PersonId| person_ids.get(&p).copied();
        let uid = |u: UnitId| unit_ids.get(&u).copied();
        let aid = |a: AreaId| area_ids.get(&a).copied();
        let has = |f: PersonField| fields.contains(&f);

        // People, managers before their reports, so every move lands on someone already placed
        // where the file puts them: no intermediate state can be a cycle.
        let mut desired_manager: HashMap<PersonId, Option<PersonId>> = HashMap::new();
        let person_keys: Vec<&String> = self.inc.person_fields.iter().collect();
        for i in parents_first(&r.persons, |p| p.id.0, |p| p.manager.map(|m| m.0)) {
            let mut renumbered;
            let mut p = &r.persons[i];
            if !person_keys.is_empty() {
                // Person field values name file ids: they name the document's ids from here.
                renumbered = p.clone();
                renumber_people_values(std::slice::from_mut(&mut renumbered), &person_keys, |x| {
                    pid(PersonId(x)).map(|m| m.0)
                });
                p = &renumbered;
            }
            let id = pid(p.id).expect("every incoming person has an id");
            let manager = if has(PersonField::Manager) {
                p.manager.and_then(pid)
            } else {
                None
            };
            match self.persons[i] {
                None => {
                    let mut new = p.clone();
                    new.id = id;
                    new.manager = manager;
                    if let Some(e) = &new.employee_id {
                        if org.person_by_employee_id(e).is_some() {
                            counts.notes.push(format!(
                                "{}: employee id '{e}' belongs to someone else here; added without it",
                                new.display_name()
                            ));
                            new.employee_id = None;
                        }
                    }
                    desired_manager.insert(id, manager);
                    ops.push(Op::CreatePerson { person: new });
                    counts.people_added += 1;
                }
                Some(_) => {
                    let old = org.person(id).expect("matched people exist");
                    let new = self.updated(old, p, &mut counts.notes);
                    let mut changed = false;
                    if &new != old {
                        ops.push(Op::UpdatePerson { person: new });
                        changed = true;
                    }
                    if has(PersonField::Manager) && old.manager != manager {
                        ops.push(Op::MoveSubtree {
                            person: id,
                            manager,
                        });
                        changed = true;
                    }
                    counts.people_updated += usize::from(changed);
                    desired_manager.insert(
                        id,
                        if has(PersonField::Manager) {
                            manager
                        } else {
                            old.manager
                        },
                    );
                }
            }
        }
        if self.inc.complete_roster && !r.persons.is_empty() {
            let matched: HashSet<PersonId> = self.persons.iter().flatten().copied().collect();
            for p in org.persons() {
                if p.status == PersonStatus::Active && !matched.contains(&p.id) {
                    let mut leaving = p.clone();
                    leaving.status = PersonStatus::Leaving;
                    ops.push(Op::UpdatePerson { person: leaving });
                    counts.leavers.push(p.display_name().to_string());
                }
            }
        }
        for d in &r.dotted_lines {
            if let (Some(person), Some(manager)) = (pid(d.person), pid(d.manager)) {
                let solid = desired_manager.get(&person).copied().flatten();
                if person != manager
                    && solid != Some(manager)
                    && !org.has_dotted_line(person, manager)
                {
                    ops.push(Op::AddDottedLine { person, manager });
                }
            }
        }

        // Units: new ones are created parents first; matched ones are left as they are.
        for i in parents_first(&r.units, |u| u.id.0, |u| u.parent.map(|p| p.0)) {
            if self.units[i].is_none() {
                let mut u = r.units[i].clone();
                u.id = uid(u.id).expect("every incoming unit has an id");
                u.parent = u.parent.and_then(uid);
                u.lead = u.lead.and_then(pid);
                ops.push(Op::CreateUnit { unit: u });
                counts.units_added += 1;
            }
        }

        // Seats: set what the file says; on people the file lists, drop seats in units the file
        // knows that it no longer gives them. Seats in units the file never names stay.
        let mut wanted: BTreeSet<(PersonId, UnitId)> = BTreeSet::new();
        for m in &r.memberships {
            let (Some(person), Some(unit)) = (pid(m.person), uid(m.unit)) else {
                continue;
            };
            wanted.insert((person, unit));
            let same = org
                .membership(person, unit)
                .is_some_and(|x| x.allocation == m.allocation && x.role == m.role);
            if !same {
                ops.push(Op::SetMembership {
                    person,
                    unit,
                    allocation: m.allocation,
                    role: m.role,
                });
                counts.memberships_set += 1;
            }
        }
        if has(PersonField::Memberships) {
            let known: HashSet<UnitId> = match &self.inc.seat_units {
                Some(units) => units.iter().filter_map(|u| uid(*u)).collect(),
                None => unit_ids.values().copied().collect(),
            };
            for person in self.persons.iter().flatten() {
                for m in org.memberships_of(*person) {
                    if known.contains(&m.unit) && !wanted.contains(&(m.person, m.unit)) {
                        ops.push(Op::RemoveMembership {
                            person: m.person,
                            unit: m.unit,
                        });
                        counts.memberships_removed += 1;
                    }
                }
            }
        }

        // Areas: new ones parents first with their owner; matched ones take the file's owner.
        for i in parents_first(&r.areas, |a| a.id.0, |a| a.parent.map(|p| p.0)) {
            let a = &r.areas[i];
            let owner = a.owner.and_then(uid);
            match self.areas[i] {
                None => {
                    let mut new = a.clone();
                    new.id = aid(a.id).expect("every incoming area has an id");
                    new.parent = a.parent.and_then(aid);
                    new.owner = owner;
                    ops.push(Op::CreateArea { area: new });
                    counts.areas_added += 1;
                }
                Some(id) => {
                    if let Some(o) = owner {
                        if org.area(id).and_then(|x| x.owner) != Some(o) {
                            ops.push(Op::SetOwner { area: id, unit: o });
                        }
                    }
                }
            }
        }
        let owners: HashMap<AreaId, Option<UnitId>> = r
            .areas
            .iter()
            .map(|a| (aid(a.id).expect("mapped"), a.owner.and_then(uid)))
            .collect();
        for c in &r.contributors {
            let (Some(area), Some(unit)) = (aid(c.area), uid(c.unit)) else {
                continue;
            };
            let owner = owners
                .get(&area)
                .copied()
                .flatten()
                .or_else(|| org.area(area).and_then(|a| a.owner));
            if owner != Some(unit) && !org.is_contributor(area, unit) {
                ops.push(Op::AddContributor { area, unit });
            }
        }
        for (i, exists) in r.interactions.iter().zip(&self.interactions) {
            if *exists {
                continue;
            }
            let (Some(from), Some(to)) = (uid(i.from), uid(i.to)) else {
                continue;
            };
            ops.push(Op::AddInteraction {
                interaction: Interaction {
                    id: InteractionId(fresh()),
                    from,
                    to,
                    ..i.clone()
                },
            });
            counts.interactions_added += 1;
        }
        (ops, counts)
    }

    /// An existing person with the fields the file carries put in (empty values never blank a
    /// field); the manager stays, as updates require.
    fn updated(&self, old: &Person, new: &Person, notes: &mut Vec<String>) -> Person {
        let has = |f: PersonField| self.inc.fields.contains(&f);
        let mut p = old.clone();
        let set = |dst: &mut Option<String>, src: &Option<String>| {
            if src.is_some() {
                dst.clone_from(src);
            }
        };
        if has(PersonField::Name) && !new.name.is_empty() {
            p.name.clone_from(&new.name);
        }
        if has(PersonField::Title) && !new.title.is_empty() {
            p.title.clone_from(&new.title);
        }
        if has(PersonField::Discipline) {
            p.discipline = new.discipline;
        }
        if has(PersonField::Level) {
            set(&mut p.level, &new.level);
        }
        if has(PersonField::Location) {
            set(&mut p.location, &new.location);
        }
        if has(PersonField::Email) {
            set(&mut p.email, &new.email);
        }
        if has(PersonField::EmployeeId) {
            if let Some(e) = &new.employee_id {
                match self.org.person_by_employee_id(e) {
                    Some(other) if other != old.id => notes.push(format!(
                        "{}: employee id '{e}' belongs to someone else here; kept '{}'",
                        old.display_name(),
                        old.employee_id.as_deref().unwrap_or("")
                    )),
                    _ => p.employee_id = Some(e.clone()),
                }
            }
        }
        if has(PersonField::Employment) {
            p.employment = new.employment;
        }
        if has(PersonField::Status) {
            p.status = new.status;
        }
        if has(PersonField::StartDate) {
            set(&mut p.start_date, &new.start_date);
        }
        if has(PersonField::EndDate) {
            set(&mut p.end_date, &new.end_date);
        }
        if has(PersonField::TargetStart) {
            set(&mut p.target_start, &new.target_start);
        }
        if has(PersonField::HiringStage) && new.hiring_stage.is_some() {
            p.hiring_stage = new.hiring_stage;
        }
        if has(PersonField::Cost) && new.cost.is_some() {
            p.cost.clone_from(&new.cost);
        }
        if has(PersonField::Custom) {
            for (k, v) in &new.custom {
                p.custom.insert(k.clone(), v.clone());
            }
        }
        p
    }
}
