//! Before/after images of the records an operation touched: the log's inverse and the UI's change event.

use crate::check_settings::CheckSettings;
use crate::entities::{
    Area, Contributor, DottedLine, Interaction, Membership, Person, Placement, Scenario, Unit,
};
use crate::fields::FieldDefs;
use crate::ids::{AreaId, InteractionId, PersonId, ScenarioId, UnitId};
use crate::planning::{Budget, DatedChange, Period, PlanSettings};
use crate::sheet_views::SheetViews;
use serde::{Deserialize, Serialize};

/// One record before and after a change: `None` before means created, `None` after means deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Delta<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T> Delta<T> {
    pub fn inverted(self) -> Self {
        Delta {
            before: self.after,
            after: self.before,
        }
    }
}

/// A change to one record of one kind.
// Boxing the large variants would save little: patches are short-lived and usually small.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    Person(Delta<Person>),
    DottedLine(Delta<DottedLine>),
    Unit(Delta<Unit>),
    Membership(Delta<Membership>),
    Area(Delta<Area>),
    Contributor(Delta<Contributor>),
    Interaction(Delta<Interaction>),
    Placement(Delta<Placement>),
    Budget(Delta<Budget>),
    DatedChange(Delta<DatedChange>),
    /// The scenario's reporting currency and exchange rates.
    PlanSettings(Delta<PlanSettings>),
    /// A scenario row. Creating one with `fork_from` copies that scenario's records.
    Scenario {
        #[serde(flatten)]
        delta: Delta<Scenario>,
        fork_from: Option<ScenarioId>,
    },
    /// The document's health-check settings (not a record of any scenario).
    CheckSettings(Delta<CheckSettings>),
    /// The document's saved sheet views (not a record of any scenario).
    SheetViews(Delta<SheetViews>),
    /// The document's custom field definitions (not a record of any scenario).
    Fields(Delta<FieldDefs>),
}

/// Which record a change is about, independent of its contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EntityKey {
    Person {
        id: PersonId,
    },
    DottedLine {
        person: PersonId,
        manager: PersonId,
    },
    Unit {
        id: UnitId,
    },
    Membership {
        person: PersonId,
        unit: UnitId,
    },
    Area {
        id: AreaId,
    },
    Contributor {
        area: AreaId,
        unit: UnitId,
    },
    Interaction {
        id: InteractionId,
    },
    Placement {
        unit: UnitId,
    },
    Scenario {
        id: ScenarioId,
    },
    /// A budget: `quarter` 0 is the whole year.
    Budget {
        unit: UnitId,
        year: i32,
        quarter: u32,
    },
    DatedChange {
        id: u32,
    },
    PlanSettings {},
}

impl EntityKey {
    /// The key of a budget for `period` (which validation made a year or a quarter).
    pub fn budget(unit: UnitId, period: &str) -> EntityKey {
        let (year, quarter) = match Period::parse(period) {
            Some(Period::Year(y)) => (y, 0),
            Some(Period::Quarter(y, q)) => (y, q),
            // Months never pass validation; keyed apart so they cannot collide with a year.
            Some(Period::Month(y, m)) => (y, 100 + m),
            None => (i32::MIN, 0),
        };
        EntityKey::Budget {
            unit,
            year,
            quarter,
        }
    }
}

/// A record as the UI receives it in a change event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "record", rename_all = "kebab-case")]
pub enum Entity {
    Person(Person),
    DottedLine(DottedLine),
    Unit(Unit),
    Membership(Membership),
    Area(Area),
    Contributor(Contributor),
    Interaction(Interaction),
    Placement(Placement),
    Scenario(Scenario),
    Budget(Budget),
    DatedChange(DatedChange),
    PlanSettings(PlanSettings),
}

impl Entity {
    pub fn key(&self) -> EntityKey {
        match self {
            Entity::Person(p) => EntityKey::Person { id: p.id },
            Entity::DottedLine(d) => EntityKey::DottedLine {
                person: d.person,
                manager: d.manager,
            },
            Entity::Unit(u) => EntityKey::Unit { id: u.id },
            Entity::Membership(m) => EntityKey::Membership {
                person: m.person,
                unit: m.unit,
            },
            Entity::Area(a) => EntityKey::Area { id: a.id },
            Entity::Contributor(c) => EntityKey::Contributor {
                area: c.area,
                unit: c.unit,
            },
            Entity::Interaction(i) => EntityKey::Interaction { id: i.id },
            Entity::Placement(p) => EntityKey::Placement { unit: p.unit },
            Entity::Scenario(s) => EntityKey::Scenario { id: s.id },
            Entity::Budget(b) => EntityKey::budget(b.unit, &b.period),
            Entity::DatedChange(c) => EntityKey::DatedChange { id: c.id },
            Entity::PlanSettings(_) => EntityKey::PlanSettings {},
        }
    }
}

impl Change {
    /// The change that undoes this one.
    pub fn inverted(self) -> Change {
        match self {
            Change::Person(d) => Change::Person(d.inverted()),
            Change::DottedLine(d) => Change::DottedLine(d.inverted()),
            Change::Unit(d) => Change::Unit(d.inverted()),
            Change::Membership(d) => Change::Membership(d.inverted()),
            Change::Area(d) => Change::Area(d.inverted()),
            Change::Contributor(d) => Change::Contributor(d.inverted()),
            Change::Interaction(d) => Change::Interaction(d.inverted()),
            Change::Placement(d) => Change::Placement(d.inverted()),
            Change::Budget(d) => Change::Budget(d.inverted()),
            Change::DatedChange(d) => Change::DatedChange(d.inverted()),
            Change::PlanSettings(d) => Change::PlanSettings(d.inverted()),
            Change::Scenario { delta, fork_from } => Change::Scenario {
                delta: delta.inverted(),
                fork_from,
            },
            Change::CheckSettings(d) => Change::CheckSettings(d.inverted()),
            Change::SheetViews(d) => Change::SheetViews(d.inverted()),
            Change::Fields(d) => Change::Fields(d.inverted()),
        }
    }

    /// The record before and after, as entities.
    pub fn images(&self) -> (Option<Entity>, Option<Entity>) {
        fn map<T: Clone>(d: &Delta<T>, f: fn(T) -> Entity) -> (Option<Entity>, Option<Entity>) {
            (d.before.clone().map(f), d.after.clone().map(f))
        }
        match self {
            Change::Person(d) => map(d, Entity::Person),
            Change::DottedLine(d) => map(d, Entity::DottedLine),
            Change::Unit(d) => map(d, Entity::Unit),
            Change::Membership(d) => map(d, Entity::Membership),
            Change::Area(d) => map(d, Entity::Area),
            Change::Contributor(d) => map(d, Entity::Contributor),
            Change::Interaction(d) => map(d, Entity::Interaction),
            Change::Placement(d) => map(d, Entity::Placement),
            Change::Budget(d) => map(d, Entity::Budget),
            Change::DatedChange(d) => map(d, Entity::DatedChange),
            Change::PlanSettings(d) => map(d, Entity::PlanSettings),
            Change::Scenario { delta, .. } => map(delta, Entity::Scenario),
            // Settings are no record the UI keeps in its store; the change event alone tells
            // it to read them again.
            Change::CheckSettings(_) | Change::SheetViews(_) | Change::Fields(_) => (None, None),
        }
    }
}

/// Everything one accepted operation changed, in the order it was applied.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub changes: Vec<Change>,
}

impl Patch {
    /// The patch that undoes this one: inverted changes in reverse order.
    pub fn inverted(self) -> Patch {
        Patch {
            changes: self
                .changes
                .into_iter()
                .rev()
                .map(Change::inverted)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// What changed, as a UI wants it to patch its store: each record at most once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeSet {
    /// The scenario whose records changed.
    pub scenario: Option<ScenarioId>,
    pub created: Vec<Entity>,
    pub updated: Vec<Entity>,
    pub deleted: Vec<EntityKey>,
}

impl ChangeSet {
    /// Folds a patch into net effects: a record created then updated is one creation, one created
    /// then deleted is nothing, so the UI never sees intermediate states of a batch.
    pub fn from_patch(scenario: Option<ScenarioId>, patch: &Patch) -> ChangeSet {
        use std::collections::BTreeMap;
        let mut net: BTreeMap<EntityKey, (Option<Entity>, Option<Entity>)> = BTreeMap::new();
        let mut order: Vec<EntityKey> = Vec::new();
        for change in &patch.changes {
            let (before, after) = change.images();
            let Some(key) = before.as_ref().or(after.as_ref()).map(Entity::key) else {
                continue;
            };
            match net.get_mut(&key) {
                Some(entry) => entry.1 = after,
                None => {
                    order.push(key);
                    net.insert(key, (before, after));
                }
            }
        }
        let mut set = ChangeSet {
            scenario,
            ..ChangeSet::default()
        };
        for key in order {
            match net.remove(&key).expect("every ordered key is in the map") {
                (None, Some(after)) => set.created.push(after),
                (Some(before), Some(after)) if before != after => set.updated.push(after),
                (Some(_), None) => set.deleted.push(key),
                _ => {}
            }
        }
        set
    }

    pub fn is_empty(&self) -> bool {
        self.created.is_empty() && self.updated.is_empty() && self.deleted.is_empty()
    }
}
