//! One scenario of the org in memory: its records plus the indexes that keep reads fast.

use crate::change::{Change, Delta};
use crate::entities::{
    Area, Contributor, DottedLine, Interaction, Membership, Person, Placement, Unit,
};
use crate::error::{err, ErrorCode, Result};
use crate::ids::{AreaId, InteractionId, PersonId, UnitId};
use crate::planning::{Budget, DatedChange, PlanSettings};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The records of one scenario, each list sorted by key: the serialisable, comparable form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrgRecords {
    pub persons: Vec<Person>,
    pub dotted_lines: Vec<DottedLine>,
    pub units: Vec<Unit>,
    pub memberships: Vec<Membership>,
    pub areas: Vec<Area>,
    pub contributors: Vec<Contributor>,
    pub interactions: Vec<Interaction>,
    pub placements: Vec<Placement>,
    #[serde(default)]
    pub budgets: Vec<Budget>,
    #[serde(default)]
    pub dated_changes: Vec<DatedChange>,
    /// None until someone sets a reporting currency or a rate (then the defaults apply).
    #[serde(default)]
    pub plan_settings: Option<PlanSettings>,
}

/// Reverse lookups kept in step with the records so validation and views never scan.
#[derive(Clone, Debug, Default)]
struct Indexes {
    reports: HashMap<PersonId, BTreeSet<PersonId>>,
    dotted_reports: HashMap<PersonId, BTreeSet<PersonId>>,
    members: HashMap<UnitId, BTreeSet<PersonId>>,
    child_units: HashMap<UnitId, BTreeSet<UnitId>>,
    led_units: HashMap<PersonId, BTreeSet<UnitId>>,
    child_areas: HashMap<AreaId, BTreeSet<AreaId>>,
    owned_areas: HashMap<UnitId, BTreeSet<AreaId>>,
    contributions: HashMap<UnitId, BTreeSet<AreaId>>,
    interactions_of: HashMap<UnitId, BTreeSet<InteractionId>>,
    employee_ids: HashMap<String, PersonId>,
}

fn link<K: std::hash::Hash + Eq, V: Ord>(map: &mut HashMap<K, BTreeSet<V>>, k: K, v: V) {
    map.entry(k).or_default().insert(v);
}

fn unlink<K: std::hash::Hash + Eq, V: Ord>(map: &mut HashMap<K, BTreeSet<V>>, k: K, v: &V) {
    if let Some(set) = map.get_mut(&k) {
        set.remove(v);
        if set.is_empty() {
            map.remove(&k);
        }
    }
}

fn linked<'a, K: std::hash::Hash + Eq, V: Ord + Copy>(
    map: &'a HashMap<K, BTreeSet<V>>,
    k: &K,
) -> impl Iterator<Item = V> + 'a {
    map.get(k).into_iter().flat_map(|s| s.iter().copied())
}

/// One scenario's org. Changed only through [`Org::apply_change`], which keeps indexes in step.
#[derive(Clone, Debug, Default)]
pub struct Org {
    persons: BTreeMap<PersonId, Person>,
    dotted: BTreeSet<DottedLine>,
    units: BTreeMap<UnitId, Unit>,
    memberships: BTreeMap<(PersonId, UnitId), Membership>,
    areas: BTreeMap<AreaId, Area>,
    contributors: BTreeSet<Contributor>,
    interactions: BTreeMap<InteractionId, Interaction>,
    placements: BTreeMap<UnitId, Placement>,
    budgets: BTreeMap<(UnitId, String), Budget>,
    dated: BTreeMap<u32, DatedChange>,
    plan_settings: Option<PlanSettings>,
    idx: Indexes,
}

impl PartialEq for Org {
    /// Two orgs are equal when their records are; indexes are derived.
    fn eq(&self, other: &Self) -> bool {
        self.persons == other.persons
            && self.dotted == other.dotted
            && self.units == other.units
            && self.memberships == other.memberships
            && self.areas == other.areas
            && self.contributors == other.contributors
            && self.interactions == other.interactions
            && self.placements == other.placements
            && self.budgets == other.budgets
            && self.dated == other.dated
            && self.plan_settings == other.plan_settings
    }
}

impl OrgRecords {
    /// The records as JSON. Serialised here, in a crate built optimised even in debug builds, so
    /// an app passing 10k records through pre-serialised does not run serde's generic code
    /// unoptimised in its own crate.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("records always serialise")
    }

    /// Every record as the entity a change set carries it as, list by list.
    pub fn into_entities(self) -> impl Iterator<Item = crate::change::Entity> {
        use crate::change::Entity;
        let r = self;
        (r.persons.into_iter().map(Entity::Person))
            .chain(r.dotted_lines.into_iter().map(Entity::DottedLine))
            .chain(r.units.into_iter().map(Entity::Unit))
            .chain(r.memberships.into_iter().map(Entity::Membership))
            .chain(r.areas.into_iter().map(Entity::Area))
            .chain(r.contributors.into_iter().map(Entity::Contributor))
            .chain(r.interactions.into_iter().map(Entity::Interaction))
            .chain(r.placements.into_iter().map(Entity::Placement))
            .chain(r.budgets.into_iter().map(Entity::Budget))
            .chain(r.dated_changes.into_iter().map(Entity::DatedChange))
            .chain(r.plan_settings.into_iter().map(Entity::PlanSettings))
    }
}

impl Org {
    pub fn new() -> Org {
        Org::default()
    }

    /// Builds an org from records without validating them (the document validated them on write).
    /// Use [`Org::problems`] to check records from an untrusted source.
    pub fn from_records(records: OrgRecords) -> Org {
        // Maps are bulk-built from (mostly sorted) vectors and indexes filled from references:
        // inserting one record at a time made loading a 100k org noticeably slower.
        let mut idx = Indexes::default();
        idx.employee_ids.reserve(records.persons.len());
        for p in &records.persons {
            if let Some(m) = p.manager {
                link(&mut idx.reports, m, p.id);
            }
            if let Some(e) = &p.employee_id {
                idx.employee_ids.insert(e.clone(), p.id);
            }
        }
        for d in &records.dotted_lines {
            link(&mut idx.dotted_reports, d.manager, d.person);
        }
        for u in &records.units {
            if let Some(p) = u.parent {
                link(&mut idx.child_units, p, u.id);
            }
            if let Some(l) = u.lead {
                link(&mut idx.led_units, l, u.id);
            }
        }
        for m in &records.memberships {
            link(&mut idx.members, m.unit, m.person);
        }
        for a in &records.areas {
            if let Some(p) = a.parent {
                link(&mut idx.child_areas, p, a.id);
            }
            if let Some(o) = a.owner {
                link(&mut idx.owned_areas, o, a.id);
            }
        }
        for c in &records.contributors {
            link(&mut idx.contributions, c.unit, c.area);
        }
        for i in &records.interactions {
            link(&mut idx.interactions_of, i.from, i.id);
            link(&mut idx.interactions_of, i.to, i.id);
        }
        Org {
            persons: records.persons.into_iter().map(|p| (p.id, p)).collect(),
            dotted: records.dotted_lines.into_iter().collect(),
            units: records.units.into_iter().map(|u| (u.id, u)).collect(),
            memberships: records
                .memberships
                .into_iter()
                .map(|m| ((m.person, m.unit), m))
                .collect(),
            areas: records.areas.into_iter().map(|a| (a.id, a)).collect(),
            contributors: records.contributors.into_iter().collect(),
            interactions: records
                .interactions
                .into_iter()
                .map(|i| (i.id, i))
                .collect(),
            placements: records
                .placements
                .into_iter()
                .map(|p| (p.unit, p))
                .collect(),
            budgets: records
                .budgets
                .into_iter()
                .map(|b| ((b.unit, b.period.clone()), b))
                .collect(),
            dated: records
                .dated_changes
                .into_iter()
                .map(|c| (c.id, c))
                .collect(),
            plan_settings: records.plan_settings,
            idx,
        }
    }

    pub fn to_records(&self) -> OrgRecords {
        OrgRecords {
            persons: self.persons.values().cloned().collect(),
            dotted_lines: self.dotted.iter().copied().collect(),
            units: self.units.values().cloned().collect(),
            memberships: self.memberships.values().cloned().collect(),
            areas: self.areas.values().cloned().collect(),
            contributors: self.contributors.iter().copied().collect(),
            interactions: self.interactions.values().cloned().collect(),
            placements: self.placements.values().cloned().collect(),
            budgets: self.budgets.values().cloned().collect(),
            dated_changes: self.dated.values().cloned().collect(),
            plan_settings: self.plan_settings.clone(),
        }
    }

    // ---- reads -------------------------------------------------------------------------

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.persons.get(&id)
    }
    pub fn persons(&self) -> impl ExactSizeIterator<Item = &Person> {
        self.persons.values()
    }
    /// No people, units or product areas: a new document's first scenario, ready to be filled.
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty() && self.units.is_empty() && self.areas.is_empty()
    }
    pub fn person_count(&self) -> usize {
        self.persons.len()
    }
    /// Direct (solid-line) reports, in id order.
    pub fn reports(&self, manager: PersonId) -> impl Iterator<Item = PersonId> + '_ {
        linked(&self.idx.reports, &manager)
    }
    pub fn report_count(&self, manager: PersonId) -> usize {
        self.idx.reports.get(&manager).map_or(0, |s| s.len())
    }
    /// People without a solid-line manager, in id order.
    pub fn roots(&self) -> impl Iterator<Item = &Person> {
        self.persons.values().filter(|p| p.manager.is_none())
    }
    pub fn dotted_lines(&self) -> impl Iterator<Item = &DottedLine> {
        self.dotted.iter()
    }
    pub fn has_dotted_line(&self, person: PersonId, manager: PersonId) -> bool {
        self.dotted.contains(&DottedLine { person, manager })
    }
    /// Dotted-line managers of a person.
    pub fn dotted_managers(&self, person: PersonId) -> impl Iterator<Item = PersonId> + '_ {
        self.dotted
            .range(
                DottedLine {
                    person,
                    manager: PersonId(0),
                }..=DottedLine {
                    person,
                    manager: PersonId(u32::MAX),
                },
            )
            .map(|d| d.manager)
    }
    /// People who report to `manager` on a dotted line.
    pub fn dotted_reports(&self, manager: PersonId) -> impl Iterator<Item = PersonId> + '_ {
        linked(&self.idx.dotted_reports, &manager)
    }
    pub fn person_by_employee_id(&self, employee_id: &str) -> Option<PersonId> {
        self.idx.employee_ids.get(employee_id).copied()
    }

    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.get(&id)
    }
    pub fn units(&self) -> impl ExactSizeIterator<Item = &Unit> {
        self.units.values()
    }
    pub fn child_units(&self, parent: UnitId) -> impl Iterator<Item = UnitId> + '_ {
        linked(&self.idx.child_units, &parent)
    }
    pub fn units_led_by(&self, person: PersonId) -> impl Iterator<Item = UnitId> + '_ {
        linked(&self.idx.led_units, &person)
    }

    pub fn membership(&self, person: PersonId, unit: UnitId) -> Option<&Membership> {
        self.memberships.get(&(person, unit))
    }
    pub fn memberships(&self) -> impl ExactSizeIterator<Item = &Membership> {
        self.memberships.values()
    }
    /// A person's seats, in unit id order.
    pub fn memberships_of(&self, person: PersonId) -> impl Iterator<Item = &Membership> {
        self.memberships
            .range((person, UnitId(0))..=(person, UnitId(u32::MAX)))
            .map(|(_, m)| m)
    }
    /// A unit's direct members, in person id order.
    pub fn members(&self, unit: UnitId) -> impl Iterator<Item = &Membership> + '_ {
        linked(&self.idx.members, &unit).map(move |p| &self.memberships[&(p, unit)])
    }

    pub fn area(&self, id: AreaId) -> Option<&Area> {
        self.areas.get(&id)
    }
    pub fn areas(&self) -> impl ExactSizeIterator<Item = &Area> {
        self.areas.values()
    }
    pub fn child_areas(&self, parent: AreaId) -> impl Iterator<Item = AreaId> + '_ {
        linked(&self.idx.child_areas, &parent)
    }
    /// The children of `parent` (the top-level areas for `None`) in tree order: by position, then id.
    pub fn areas_in_order(&self, parent: Option<AreaId>) -> Vec<AreaId> {
        let mut kids: Vec<&Area> = match parent {
            Some(p) => self.child_areas(p).filter_map(|a| self.area(a)).collect(),
            None => self.areas().filter(|a| a.parent.is_none()).collect(),
        };
        kids.sort_unstable_by_key(|a| (a.position, a.id));
        kids.into_iter().map(|a| a.id).collect()
    }
    pub fn areas_owned_by(&self, unit: UnitId) -> impl Iterator<Item = AreaId> + '_ {
        linked(&self.idx.owned_areas, &unit)
    }
    pub fn contributors(&self) -> impl Iterator<Item = &Contributor> {
        self.contributors.iter()
    }
    pub fn is_contributor(&self, area: AreaId, unit: UnitId) -> bool {
        self.contributors.contains(&Contributor { area, unit })
    }
    pub fn contributors_of(&self, area: AreaId) -> impl Iterator<Item = UnitId> + '_ {
        self.contributors
            .range(
                Contributor {
                    area,
                    unit: UnitId(0),
                }..=Contributor {
                    area,
                    unit: UnitId(u32::MAX),
                },
            )
            .map(|c| c.unit)
    }
    pub fn contributions_of(&self, unit: UnitId) -> impl Iterator<Item = AreaId> + '_ {
        linked(&self.idx.contributions, &unit)
    }

    pub fn interaction(&self, id: InteractionId) -> Option<&Interaction> {
        self.interactions.get(&id)
    }
    pub fn interactions(&self) -> impl ExactSizeIterator<Item = &Interaction> {
        self.interactions.values()
    }
    pub fn interactions_of(&self, unit: UnitId) -> impl Iterator<Item = InteractionId> + '_ {
        linked(&self.idx.interactions_of, &unit)
    }

    pub fn placement(&self, unit: UnitId) -> Option<&Placement> {
        self.placements.get(&unit)
    }
    pub fn placements(&self) -> impl ExactSizeIterator<Item = &Placement> {
        self.placements.values()
    }

    pub fn budget(&self, unit: UnitId, period: &str) -> Option<&Budget> {
        self.budgets.get(&(unit, period.to_string()))
    }
    pub fn budgets(&self) -> impl ExactSizeIterator<Item = &Budget> {
        self.budgets.values()
    }
    /// A unit's budgets, in period order.
    pub fn budgets_of(&self, unit: UnitId) -> impl Iterator<Item = &Budget> {
        self.budgets
            .range((unit, String::new())..(UnitId(unit.0.saturating_add(1)), String::new()))
            .map(|(_, b)| b)
            .filter(move |b| b.unit == unit)
    }
    pub fn dated_change(&self, id: u32) -> Option<&DatedChange> {
        self.dated.get(&id)
    }
    /// The changes planned for a day, in id order (see [`Org::as_of`] for the order they apply in).
    pub fn dated_changes(&self) -> impl ExactSizeIterator<Item = &DatedChange> {
        self.dated.values()
    }
    /// The reporting currency and exchange rates (the defaults until someone sets them).
    pub fn plan_settings(&self) -> PlanSettings {
        self.plan_settings.clone().unwrap_or_default()
    }
    pub fn stored_plan_settings(&self) -> Option<&PlanSettings> {
        self.plan_settings.as_ref()
    }

    /// The largest id used by any record, so a document can keep its id counter ahead of it.
    pub fn max_id(&self) -> u32 {
        [
            self.persons.keys().next_back().map(|i| i.0),
            self.units.keys().next_back().map(|i| i.0),
            self.areas.keys().next_back().map(|i| i.0),
            self.interactions.keys().next_back().map(|i| i.0),
            self.dated.keys().next_back().copied(),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
    }

    /// Whether any record of this scenario uses `id` (ids are shared by every kind).
    pub fn id_in_use(&self, id: u32) -> bool {
        self.persons.contains_key(&PersonId(id))
            || self.units.contains_key(&UnitId(id))
            || self.areas.contains_key(&AreaId(id))
            || self.interactions.contains_key(&InteractionId(id))
            || self.dated.contains_key(&id)
    }

    /// Whether `ancestor` is `person` or above them on the solid line.
    pub fn manages_transitively(&self, ancestor: PersonId, person: PersonId) -> bool {
        let mut cur = Some(person);
        // Bounded by the number of people so a corrupt loop cannot hang the app.
        for _ in 0..=self.persons.len() {
            match cur {
                Some(p) if p == ancestor => return true,
                Some(p) => cur = self.persons.get(&p).and_then(|p| p.manager),
                None => return false,
            }
        }
        true
    }

    /// Whether `ancestor` is `unit` or contains it.
    pub fn unit_contains(&self, ancestor: UnitId, unit: UnitId) -> bool {
        let mut cur = Some(unit);
        for _ in 0..=self.units.len() {
            match cur {
                Some(u) if u == ancestor => return true,
                Some(u) => cur = self.units.get(&u).and_then(|u| u.parent),
                None => return false,
            }
        }
        true
    }

    /// Whether `ancestor` is `area` or contains it.
    pub fn area_contains(&self, ancestor: AreaId, area: AreaId) -> bool {
        let mut cur = Some(area);
        for _ in 0..=self.areas.len() {
            match cur {
                Some(a) if a == ancestor => return true,
                Some(a) => cur = self.areas.get(&a).and_then(|a| a.parent),
                None => return false,
            }
        }
        true
    }

    // ---- the one way to change an org ------------------------------------------------

    /// Applies one change if the record's current state is its before image; otherwise nothing
    /// changes and the error is a conflict (the history no longer matches the records).
    pub fn apply_change(&mut self, change: &Change) -> Result<()> {
        match change {
            Change::Person(d) => {
                self.check_before(d, self.persons.get(&key_of(d, |p| p.id)), "person")?;
                if let Some(old) = &d.before {
                    self.take_person(old.id);
                }
                if let Some(new) = &d.after {
                    self.put_person(new.clone());
                }
            }
            Change::DottedLine(d) => {
                let k = key_of(d, |x| *x);
                self.check_before(d, self.dotted.get(&k), "dotted line")?;
                if let Some(old) = &d.before {
                    self.dotted.remove(old);
                    unlink(&mut self.idx.dotted_reports, old.manager, &old.person);
                }
                if let Some(new) = d.after {
                    self.put_dotted(new);
                }
            }
            Change::Unit(d) => {
                self.check_before(d, self.units.get(&key_of(d, |u| u.id)), "unit")?;
                if let Some(old) = &d.before {
                    self.take_unit(old.id);
                }
                if let Some(new) = &d.after {
                    self.put_unit(new.clone());
                }
            }
            Change::Membership(d) => {
                let k = key_of(d, |m| (m.person, m.unit));
                self.check_before(d, self.memberships.get(&k), "membership")?;
                if d.before.is_some() {
                    self.memberships.remove(&k);
                    unlink(&mut self.idx.members, k.1, &k.0);
                }
                if let Some(new) = &d.after {
                    self.put_membership(new.clone());
                }
            }
            Change::Area(d) => {
                self.check_before(d, self.areas.get(&key_of(d, |a| a.id)), "area")?;
                if let Some(old) = &d.before {
                    self.take_area(old.id);
                }
                if let Some(new) = &d.after {
                    self.put_area(new.clone());
                }
            }
            Change::Contributor(d) => {
                let k = key_of(d, |c| *c);
                self.check_before(d, self.contributors.get(&k), "contributor")?;
                if let Some(old) = &d.before {
                    self.contributors.remove(old);
                    unlink(&mut self.idx.contributions, old.unit, &old.area);
                }
                if let Some(new) = d.after {
                    self.put_contributor(new);
                }
            }
            Change::Interaction(d) => {
                let k = key_of(d, |i| i.id);
                self.check_before(d, self.interactions.get(&k), "interaction")?;
                if let Some(old) = self.interactions.remove(&k) {
                    unlink(&mut self.idx.interactions_of, old.from, &old.id);
                    unlink(&mut self.idx.interactions_of, old.to, &old.id);
                }
                if let Some(new) = &d.after {
                    self.put_interaction(new.clone());
                }
            }
            Change::Placement(d) => {
                let k = key_of(d, |p| p.unit);
                self.check_before(d, self.placements.get(&k), "placement")?;
                self.placements.remove(&k);
                if let Some(new) = &d.after {
                    self.placements.insert(k, new.clone());
                }
            }
            Change::Budget(d) => {
                let k = key_of(d, |b| (b.unit, b.period.clone()));
                self.check_before(d, self.budgets.get(&k), "budget")?;
                self.budgets.remove(&k);
                if let Some(new) = &d.after {
                    self.budgets.insert(k, new.clone());
                }
            }
            Change::DatedChange(d) => {
                let k = key_of(d, |c| c.id);
                self.check_before(d, self.dated.get(&k), "dated change")?;
                self.dated.remove(&k);
                if let Some(new) = &d.after {
                    self.dated.insert(k, new.clone());
                }
            }
            Change::PlanSettings(d) => {
                self.check_before(d, self.plan_settings.as_ref(), "plan settings")?;
                self.plan_settings = d.after.clone();
            }
            // Scenario rows and settings live in the document, not in one scenario's org.
            Change::Scenario { .. }
            | Change::CheckSettings(_)
            | Change::SheetViews(_)
            | Change::Fields(_) => {}
        }
        Ok(())
    }

    fn check_before<T: PartialEq + std::fmt::Debug>(
        &self,
        d: &Delta<T>,
        current: Option<&T>,
        what: &str,
    ) -> Result<()> {
        if d.before.as_ref() == current {
            Ok(())
        } else {
            err(
                ErrorCode::Conflict,
                format!(
                    "the {what} no longer matches the history (expected {:?}, found {:?})",
                    d.before, current
                ),
            )
        }
    }

    fn put_person(&mut self, p: Person) {
        if let Some(m) = p.manager {
            link(&mut self.idx.reports, m, p.id);
        }
        if let Some(e) = &p.employee_id {
            self.idx.employee_ids.insert(e.clone(), p.id);
        }
        self.persons.insert(p.id, p);
    }

    fn take_person(&mut self, id: PersonId) {
        if let Some(p) = self.persons.remove(&id) {
            if let Some(m) = p.manager {
                unlink(&mut self.idx.reports, m, &p.id);
            }
            if let Some(e) = &p.employee_id {
                if self.idx.employee_ids.get(e) == Some(&id) {
                    self.idx.employee_ids.remove(e);
                }
            }
        }
    }

    fn put_dotted(&mut self, d: DottedLine) {
        link(&mut self.idx.dotted_reports, d.manager, d.person);
        self.dotted.insert(d);
    }

    fn put_unit(&mut self, u: Unit) {
        if let Some(p) = u.parent {
            link(&mut self.idx.child_units, p, u.id);
        }
        if let Some(l) = u.lead {
            link(&mut self.idx.led_units, l, u.id);
        }
        self.units.insert(u.id, u);
    }

    fn take_unit(&mut self, id: UnitId) {
        if let Some(u) = self.units.remove(&id) {
            if let Some(p) = u.parent {
                unlink(&mut self.idx.child_units, p, &u.id);
            }
            if let Some(l) = u.lead {
                unlink(&mut self.idx.led_units, l, &u.id);
            }
        }
    }

    fn put_membership(&mut self, m: Membership) {
        link(&mut self.idx.members, m.unit, m.person);
        self.memberships.insert((m.person, m.unit), m);
    }

    fn put_area(&mut self, a: Area) {
        if let Some(p) = a.parent {
            link(&mut self.idx.child_areas, p, a.id);
        }
        if let Some(o) = a.owner {
            link(&mut self.idx.owned_areas, o, a.id);
        }
        self.areas.insert(a.id, a);
    }

    fn take_area(&mut self, id: AreaId) {
        if let Some(a) = self.areas.remove(&id) {
            if let Some(p) = a.parent {
                unlink(&mut self.idx.child_areas, p, &a.id);
            }
            if let Some(o) = a.owner {
                unlink(&mut self.idx.owned_areas, o, &a.id);
            }
        }
    }

    fn put_contributor(&mut self, c: Contributor) {
        link(&mut self.idx.contributions, c.unit, c.area);
        self.contributors.insert(c);
    }

    fn put_interaction(&mut self, i: Interaction) {
        link(&mut self.idx.interactions_of, i.from, i.id);
        link(&mut self.idx.interactions_of, i.to, i.id);
        self.interactions.insert(i.id, i);
    }

    /// Whether the indexes equal the ones rebuilt from the records (for tests).
    pub fn indexes_are_consistent(&self) -> bool {
        let rebuilt = Org::from_records(self.to_records());
        format!("{:?}", sorted_debug(&rebuilt.idx)) == format!("{:?}", sorted_debug(&self.idx))
    }
}

fn key_of<T, K>(d: &Delta<T>, f: impl Fn(&T) -> K) -> K {
    f(d.before
        .as_ref()
        .or(d.after.as_ref())
        .expect("a change has a before or an after image"))
}

/// Index contents in a stable order, so two index sets can be compared by value.
fn sorted_debug(idx: &Indexes) -> Vec<String> {
    fn dump<K: std::fmt::Debug + Ord, V: std::fmt::Debug>(name: &str, m: &HashMap<K, V>) -> String {
        let sorted: BTreeMap<&K, &V> = m.iter().collect();
        format!("{name}: {sorted:?}")
    }
    vec![
        dump("reports", &idx.reports),
        dump("dotted_reports", &idx.dotted_reports),
        dump("members", &idx.members),
        dump("child_units", &idx.child_units),
        dump("led_units", &idx.led_units),
        dump("child_areas", &idx.child_areas),
        dump("owned_areas", &idx.owned_areas),
        dump("contributions", &idx.contributions),
        dump("interactions_of", &idx.interactions_of),
        dump("employee_ids", &idx.employee_ids),
    ]
}
