//! The change list: what happened to each person, unit, area and interaction, matched by id.

use serde::{Deserialize, Serialize};

use crate::pairs;
use topograph_model::{Area, Interaction, Org, Person, PersonId, Unit, UnitId};

/// An entity named as it reads in the scenario it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the model's types of the same name in the generated TypeScript.
#[serde(rename = "DiffRef")]
pub struct Ref {
    pub id: u32,
    pub name: String,
}

/// What kind of record a change is about (so the UI can focus it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
// Named apart from the model's types of the same name in the generated TypeScript.
#[serde(rename = "DiffEntity")]
pub enum Entity {
    Person,
    Unit,
    Area,
    Interaction,
}

/// The sections of the change list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
// Named apart from the model's types of the same name in the generated TypeScript.
#[serde(rename = "DiffChangeGroup")]
pub enum ChangeGroup {
    People,
    Units,
    Areas,
    Interactions,
}

impl ChangeGroup {
    pub fn title(self) -> &'static str {
        match self {
            ChangeGroup::People => "People",
            ChangeGroup::Units => "Units",
            ChangeGroup::Areas => "Product areas",
            ChangeGroup::Interactions => "Interactions",
        }
    }
}

macro_rules! kinds {
    ($($variant:ident = $text:literal, $group:ident, $title:literal;)+) => {
        /// One kind of change. The spellings are part of the CLI's JSON and CSV output.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum ChangeKind {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl ChangeKind {
            /// Every kind, in change-list order.
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(ChangeKind::$variant => $text,)+ }
            }
            pub fn group(self) -> ChangeGroup {
                match self { $(ChangeKind::$variant => ChangeGroup::$group,)+ }
            }
            /// A heading for the section listing changes of this kind.
            pub fn title(self) -> &'static str {
                match self { $(ChangeKind::$variant => $title,)+ }
            }
        }
    };
}

kinds! {
    ManagerChanged = "manager-changed", People, "Changed manager";
    TeamChanged = "team-changed", People, "Changed team or allocation";
    PersonJoined = "person-joined", People, "Joined";
    PersonLeft = "person-left", People, "Left";
    TitleChanged = "title-changed", People, "Changed title";
    UnitCreated = "unit-created", Units, "Created";
    UnitRemoved = "unit-removed", Units, "Removed";
    UnitRenamed = "unit-renamed", Units, "Renamed";
    UnitMoved = "unit-moved", Units, "Moved to another group";
    UnitKindChanged = "unit-kind-changed", Units, "Changed kind";
    OwnerChanged = "owner-changed", Areas, "Ownership transferred";
    AreaOrphaned = "area-orphaned", Areas, "Left without an owner";
    AreaCreated = "area-created", Areas, "Created";
    AreaRemoved = "area-removed", Areas, "Removed";
    InteractionAdded = "interaction-added", Interactions, "Added";
    InteractionRemoved = "interaction-removed", Interactions, "Removed";
    InteractionModeChanged = "interaction-mode-changed", Interactions, "Changed mode";
}

impl ChangeKind {
    pub fn entity(self) -> Entity {
        match self.group() {
            ChangeGroup::People => Entity::Person,
            ChangeGroup::Units => Entity::Unit,
            ChangeGroup::Areas => Entity::Area,
            ChangeGroup::Interactions => Entity::Interaction,
        }
    }
}

/// One line of the change list: `subject` went `from` → `to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the model's types of the same name in the generated TypeScript.
#[serde(rename = "DiffChange")]
pub struct Change {
    pub kind: ChangeKind,
    pub entity: Entity,
    /// The person, unit, area or interaction that changed (named as in `to` when it exists there).
    pub subject: Ref,
    /// The value before, in words (old manager, old team, old name, old owner, ...).
    pub from: Option<String>,
    /// The value after, in words.
    pub to: Option<String>,
    /// The record the old value points at (old manager, old parent group, old owner), if any.
    pub from_id: Option<u32>,
    /// The record the new value points at, if any.
    pub to_id: Option<u32>,
}

/// Builds changes into per-kind buckets so the list comes out grouped without sorting.
struct Buckets(Vec<Vec<Change>>);

impl Buckets {
    fn push(
        &mut self,
        kind: ChangeKind,
        subject: Ref,
        from: Option<String>,
        to: Option<String>,
        ids: (Option<u32>, Option<u32>),
    ) {
        self.0[kind as usize].push(Change {
            kind,
            entity: kind.entity(),
            subject,
            from,
            to,
            from_id: ids.0,
            to_id: ids.1,
        });
    }
}

/// Every change from `a` to `b`, grouped by kind, each kind in id order.
pub fn compare(a: &Org, b: &Org) -> Vec<Change> {
    let mut out = Buckets(vec![Vec::new(); ChangeKind::ALL.len()]);
    people(a, b, &mut out);
    units(a, b, &mut out);
    areas(a, b, &mut out);
    interactions(a, b, &mut out);
    out.0.into_iter().flatten().collect()
}

fn person_ref(p: &Person) -> Ref {
    Ref {
        id: p.id.0,
        name: p.display_name().to_string(),
    }
}

fn person_name(org: &Org, id: Option<PersonId>) -> Option<String> {
    id.map(|id| {
        org.person(id)
            .map_or_else(|| id.to_string(), |p| p.display_name().to_string())
    })
}

fn unit_name(org: &Org, id: Option<UnitId>) -> Option<String> {
    id.map(|id| {
        org.unit(id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    })
}

/// A person's seats in words: "Payments" for one full-time seat, else "Payments 60%, Search 40%".
fn seats_text(org: &Org, seats: &[(UnitId, u32)]) -> String {
    if seats.is_empty() {
        return "no team".to_string();
    }
    if let [(unit, 100)] = seats {
        return unit_name(org, Some(*unit)).unwrap_or_default();
    }
    seats
        .iter()
        .map(|(u, pct)| format!("{} {pct}%", unit_name(org, Some(*u)).unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn seats(org: &Org, person: PersonId) -> Vec<(UnitId, u32)> {
    org.memberships_of(person)
        .map(|m| (m.unit, m.allocation))
        .collect()
}

fn same_seats(a: &Org, b: &Org, person: PersonId) -> bool {
    a.memberships_of(person)
        .map(|m| (m.unit, m.allocation))
        .eq(b.memberships_of(person).map(|m| (m.unit, m.allocation)))
}

fn people(a: &Org, b: &Org, out: &mut Buckets) {
    use ChangeKind::*;
    pairs::by_id(
        a.persons(),
        b.persons(),
        |p| p.id.0,
        |old, new| match (old, new) {
            (Some(old), None) => out.push(
                PersonLeft,
                person_ref(old),
                Some(old.title.clone()),
                None,
                (old.manager.map(|m| m.0), None),
            ),
            (None, Some(new)) => out.push(
                PersonJoined,
                person_ref(new),
                None,
                Some(new.title.clone()),
                (None, new.manager.map(|m| m.0)),
            ),
            (Some(old), Some(new)) => {
                if old.manager != new.manager {
                    out.push(
                        ManagerChanged,
                        person_ref(new),
                        person_name(a, old.manager).or_else(|| Some("no manager".into())),
                        person_name(b, new.manager).or_else(|| Some("no manager".into())),
                        (old.manager.map(|m| m.0), new.manager.map(|m| m.0)),
                    );
                }
                if !same_seats(a, b, old.id) {
                    out.push(
                        TeamChanged,
                        person_ref(new),
                        Some(seats_text(a, &seats(a, old.id))),
                        Some(seats_text(b, &seats(b, new.id))),
                        (None, None),
                    );
                }
                if old.title != new.title {
                    out.push(
                        TitleChanged,
                        person_ref(new),
                        Some(old.title.clone()),
                        Some(new.title.clone()),
                        (None, None),
                    );
                }
            }
            (None, None) => {}
        },
    );
}

fn unit_ref(u: &Unit) -> Ref {
    Ref {
        id: u.id.0,
        name: u.name.clone(),
    }
}

fn units(a: &Org, b: &Org, out: &mut Buckets) {
    use ChangeKind::*;
    for old in a.units() {
        let Some(new) = b.unit(old.id) else {
            out.push(
                UnitRemoved,
                unit_ref(old),
                Some(old.kind.to_string()),
                None,
                (old.parent.map(|u| u.0), None),
            );
            continue;
        };
        if old.name != new.name {
            out.push(
                UnitRenamed,
                unit_ref(new),
                Some(old.name.clone()),
                Some(new.name.clone()),
                (None, None),
            );
        }
        if old.parent != new.parent {
            out.push(
                UnitMoved,
                unit_ref(new),
                unit_name(a, old.parent),
                unit_name(b, new.parent),
                (old.parent.map(|u| u.0), new.parent.map(|u| u.0)),
            );
        }
        if old.kind != new.kind {
            out.push(
                UnitKindChanged,
                unit_ref(new),
                Some(old.kind.to_string()),
                Some(new.kind.to_string()),
                (None, None),
            );
        }
    }
    for new in b.units().filter(|u| a.unit(u.id).is_none()) {
        out.push(
            UnitCreated,
            unit_ref(new),
            None,
            Some(new.kind.to_string()),
            (None, new.parent.map(|u| u.0)),
        );
    }
}

fn area_ref(x: &Area) -> Ref {
    Ref {
        id: x.id.0,
        name: x.name.clone(),
    }
}

fn areas(a: &Org, b: &Org, out: &mut Buckets) {
    use ChangeKind::*;
    for old in a.areas() {
        let Some(new) = b.area(old.id) else {
            out.push(
                AreaRemoved,
                area_ref(old),
                unit_name(a, old.owner),
                None,
                (old.owner.map(|u| u.0), None),
            );
            continue;
        };
        if old.owner == new.owner {
            continue;
        }
        let kind = if new.owner.is_none() {
            AreaOrphaned
        } else {
            OwnerChanged
        };
        // An area that had no owner reads "no owner → Payments" in the checklist.
        let from = unit_name(a, old.owner).or_else(|| Some("no owner".into()));
        out.push(
            kind,
            area_ref(new),
            from,
            unit_name(b, new.owner),
            (old.owner.map(|u| u.0), new.owner.map(|u| u.0)),
        );
    }
    for new in b.areas().filter(|x| a.area(x.id).is_none()) {
        out.push(
            AreaCreated,
            area_ref(new),
            None,
            unit_name(b, new.owner),
            (None, new.owner.map(|u| u.0)),
        );
    }
}

/// "Payments → Checkout": interactions have no name of their own.
fn interaction_ref(org: &Org, i: &Interaction) -> Ref {
    Ref {
        id: i.id.0,
        name: format!(
            "{} → {}",
            unit_name(org, Some(i.from)).unwrap_or_default(),
            unit_name(org, Some(i.to)).unwrap_or_default()
        ),
    }
}

fn interactions(a: &Org, b: &Org, out: &mut Buckets) {
    use ChangeKind::*;
    for old in a.interactions() {
        match b.interaction(old.id) {
            None => out.push(
                InteractionRemoved,
                interaction_ref(a, old),
                Some(old.mode.to_string()),
                None,
                (None, None),
            ),
            Some(new) if new.mode != old.mode => out.push(
                InteractionModeChanged,
                interaction_ref(b, new),
                Some(old.mode.to_string()),
                Some(new.mode.to_string()),
                (None, None),
            ),
            Some(_) => {}
        }
    }
    for new in b.interactions().filter(|i| a.interaction(i.id).is_none()) {
        out.push(
            InteractionAdded,
            interaction_ref(b, new),
            None,
            Some(new.mode.to_string()),
            (None, None),
        );
    }
}
