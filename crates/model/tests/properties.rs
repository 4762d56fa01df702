//! Random orgs and random op sequences (valid and invalid): every op either changes the org
//! into one without problems, with a patch that undoes and redoes exactly, or changes nothing.

mod common;

use common::*;
use proptest::prelude::*;
use std::collections::BTreeMap;
use topograph_model::{
    Area, AreaId, Budget, ChangeSet, Complexity, Cost, DatedChange, DatedOp, Discipline,
    Employment, Entity, ErrorCode, HiringStage, IdCounter, Interaction, InteractionId,
    InteractionMode, Op, Org, OrgRecords, Patch, Person, PersonId, PersonStatus, Placement,
    PlanSettings, ReportsTo, ScenarioId, Stance, TeamRole, Unit, UnitId, UnitKind,
};

/// One generated op: a kind and four raw numbers that pick its arguments.
type Raw = (u8, u32, u32, u32, u32);

const KINDS: u8 = 36;

#[derive(Clone, Debug)]
enum Step {
    One(Raw),
    Batch(Vec<Raw>),
}

/// Raw numbers for the starting org: people (manager), units (parent, lead), areas (parent,
/// owner), then links (memberships, dotted lines, contributors, interactions, placements).
#[derive(Clone, Debug)]
struct Seed {
    people: Vec<u32>,
    units: Vec<(u32, u32)>,
    areas: Vec<(u32, u32)>,
    links: Vec<(u8, u32, u32)>,
}

fn raw() -> impl Strategy<Value = Raw> {
    (
        0..KINDS,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
    )
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        9 => raw().prop_map(Step::One),
        1 => prop::collection::vec(raw(), 0..5).prop_map(Step::Batch),
    ]
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        prop::collection::vec(any::<u32>(), 0..=30),
        prop::collection::vec(any::<(u32, u32)>(), 0..=30),
        prop::collection::vec(any::<(u32, u32)>(), 0..=30),
        prop::collection::vec((0u8..5, any::<u32>(), any::<u32>()), 0..40),
    )
        .prop_map(|(people, units, areas, links)| Seed {
            people,
            units,
            areas,
            links,
        })
}

/// Whether `r` falls in the first of `n` buckets: true for one value in `n`.
fn one_in(n: u32, r: u32) -> bool {
    matches!(r % n, 0)
}

fn nth<T: Copy>(items: &[T], r: u32) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        Some(items[r as usize % items.len()])
    }
}

/// Builds the starting org through ops, so it is valid by construction.
fn build(seed: &Seed) -> (Org, IdCounter) {
    let mut org = Org::new();
    let mut ids = IdCounter { next: 1 };
    let mut people = Vec::new();
    for (i, r) in seed.people.iter().enumerate() {
        let manager = if one_in(4, *r) {
            None
        } else {
            nth(&people, *r)
        };
        let p = Person {
            manager,
            employee_id: one_in(3, *r).then(|| format!("E{i}")),
            ..person(&format!("P{i}"))
        };
        people.push(PersonId(ids.next));
        org.execute(&Op::CreatePerson { person: p }, &mut ids)
            .expect("a seeded person is valid");
    }
    let mut units = Vec::new();
    for (i, (r, l)) in seed.units.iter().enumerate() {
        let u = Unit {
            parent: if one_in(3, *r) { None } else { nth(&units, *r) },
            lead: if one_in(2, *l) {
                None
            } else {
                nth(&people, *l)
            },
            ..unit(&format!("U{i}"))
        };
        units.push(UnitId(ids.next));
        org.execute(&Op::CreateUnit { unit: u }, &mut ids)
            .expect("a seeded unit is valid");
    }
    let mut areas = Vec::new();
    for (i, (r, o)) in seed.areas.iter().enumerate() {
        let a = Area {
            parent: if one_in(3, *r) { None } else { nth(&areas, *r) },
            owner: if one_in(2, *o) { None } else { nth(&units, *o) },
            ..area(&format!("A{i}"))
        };
        areas.push(AreaId(ids.next));
        org.execute(&Op::CreateArea { area: a }, &mut ids)
            .expect("a seeded area is valid");
    }
    for (kind, a, b) in &seed.links {
        let op = match kind {
            0 => match (nth(&people, *a), nth(&units, *b)) {
                (Some(person), Some(unit)) => Op::SetMembership {
                    person,
                    unit,
                    allocation: a % 100 + 1,
                    role: TeamRole::ALL[*b as usize % TeamRole::ALL.len()],
                },
                _ => continue,
            },
            1 => match (nth(&people, *a), nth(&people, *b)) {
                (Some(person), Some(manager)) => Op::AddDottedLine { person, manager },
                _ => continue,
            },
            2 => match (nth(&areas, *a), nth(&units, *b)) {
                (Some(area), Some(unit)) => Op::AddContributor { area, unit },
                _ => continue,
            },
            3 => match (nth(&units, *a), nth(&units, *b)) {
                (Some(from), Some(to)) => Op::AddInteraction {
                    interaction: interaction(from, to),
                },
                _ => continue,
            },
            _ => match nth(&units, *a) {
                Some(u) => Op::SetPlacement {
                    placement: placement(u, f64::from(*b % 1000), 0.0),
                },
                None => continue,
            },
        };
        // Links may be refused (a duplicate, a unit with itself...); refusals change nothing.
        let _ = org.execute(&op, &mut ids);
    }
    (org, ids)
}

/// Turns raw numbers into ops against the current org: ids mostly of existing records, some
/// of other kinds or of nothing at all, field values mostly valid and sometimes not.
struct Gen<'a> {
    org: &'a Org,
    next: u32,
    people: Vec<PersonId>,
    units: Vec<UnitId>,
    areas: Vec<AreaId>,
    interactions: Vec<InteractionId>,
}

impl<'a> Gen<'a> {
    fn new(org: &'a Org, ids: IdCounter) -> Self {
        Gen {
            org,
            next: ids.next,
            people: org.persons().map(|p| p.id).collect(),
            units: org.units().map(|u| u.id).collect(),
            areas: org.areas().map(|a| a.id).collect(),
            interactions: org.interactions().map(|i| i.id).collect(),
        }
    }

    /// An existing id most of the time, otherwise any number up to a little past the counter.
    fn id(&self, existing: &[u32], r: u32) -> u32 {
        match (r % 8, nth(existing, r / 8)) {
            (0, _) | (_, None) => (r / 8) % (self.next + 3),
            (_, Some(id)) => id,
        }
    }
    fn person(&self, r: u32) -> PersonId {
        let ids: Vec<u32> = self.people.iter().map(|p| p.0).collect();
        PersonId(self.id(&ids, r))
    }
    fn unit(&self, r: u32) -> UnitId {
        let ids: Vec<u32> = self.units.iter().map(|u| u.0).collect();
        UnitId(self.id(&ids, r))
    }
    fn area(&self, r: u32) -> AreaId {
        let ids: Vec<u32> = self.areas.iter().map(|a| a.0).collect();
        AreaId(self.id(&ids, r))
    }
    fn interaction_id(&self, r: u32) -> InteractionId {
        let ids: Vec<u32> = self.interactions.iter().map(|i| i.0).collect();
        InteractionId(self.id(&ids, r))
    }
    fn dated_id(&self, r: u32) -> u32 {
        let ids: Vec<u32> = self.org.dated_changes().map(|c| c.id).collect();
        self.id(&ids, r)
    }
    fn opt_person(&self, r: u32) -> Option<PersonId> {
        (!one_in(4, r)).then(|| self.person(r / 4))
    }
    fn opt_unit(&self, r: u32) -> Option<UnitId> {
        (!one_in(4, r)).then(|| self.unit(r / 4))
    }
    fn opt_area(&self, r: u32) -> Option<AreaId> {
        (!one_in(4, r)).then(|| self.area(r / 4))
    }

    /// The id a creation asks for: mostly 0 (fresh), sometimes a reserved one (which may be in
    /// use), sometimes one that was never reserved.
    fn new_id(&self, r: u32) -> u32 {
        match r % 8 {
            0..=5 => 0,
            6 => self.next.saturating_sub(1 + (r / 8) % 4),
            _ => self.next + (r / 8) % 3,
        }
    }

    fn name(r: u32) -> String {
        match r % 10 {
            0 => String::new(),
            1 => "   ".into(),
            2 => format!("  Padded {}  ", r % 7),
            _ => format!("Name {}", r % 50),
        }
    }
    /// One of `good` three times in four, otherwise one of `bad`.
    fn mostly<T: Copy>(r: u32, good: &[T], bad: &[T]) -> T {
        if one_in(4, r) {
            bad[(r / 4) as usize % bad.len()]
        } else {
            good[(r / 4) as usize % good.len()]
        }
    }
    fn date(r: u32) -> Option<String> {
        let good = ["2024-01-01", "2024-02-29", "2025-12-31", " 2024-06-15 ", ""];
        let bad = ["2023-02-29", "2024-13-01", "2024-04-31", "soon"];
        (!one_in(3, r)).then(|| Self::mostly(r / 3, &good, &bad).to_string())
    }
    fn colour(r: u32) -> Option<String> {
        let good = ["#aabbcc", "#ABCDEF", " #123456 ", ""];
        let bad = ["red", "#12345", "#12345g"];
        one_in(2, r).then(|| Self::mostly(r / 2, &good, &bad).to_string())
    }
    fn cost(r: u32) -> Option<Cost> {
        let amount = Self::mostly(r / 3, &[0.0, 85_000.0, 1e9], &[-1.0, f64::NAN]);
        let currency = Self::mostly(r / 97, &["EUR", "usd", " gbp "], &["EURO", "", "G8P"]);
        one_in(3, r).then(|| Cost {
            amount,
            currency: currency.into(),
        })
    }

    fn person_record(&self, id: u32, a: u32, b: u32, manager: Option<PersonId>) -> Person {
        Person {
            id: PersonId(id),
            name: Self::name(a),
            title: Self::name(a / 10),
            discipline: Discipline::ALL[(b % 8) as usize % Discipline::ALL.len()],
            level: one_in(5, b).then(|| " L3 ".into()),
            location: None,
            email: match b % 7 {
                0 => Some("a@example.com".into()),
                1 => Some("not an email".into()),
                _ => None,
            },
            employee_id: one_in(4, b).then(|| format!("E{}", (b / 4) % 12)),
            employment: Employment::ALL[(b / 7) as usize % Employment::ALL.len()],
            status: PersonStatus::ALL[(a / 100) as usize % PersonStatus::ALL.len()],
            start_date: Self::date(b / 11),
            end_date: Self::date(a / 7),
            target_start: one_in(3, a / 13).then(|| {
                Self::mostly(
                    a / 39,
                    &["2027-Q1", "2026-11", " 2027-q4 "],
                    &["2027", "soon"],
                )
                .to_string()
            }),
            hiring_stage: one_in(2, a / 17)
                .then(|| HiringStage::ALL[(a / 34) as usize % HiringStage::ALL.len()]),
            cost: Self::cost(b / 13),
            custom: if one_in(17, b) {
                BTreeMap::from([(if one_in(2, b) { " " } else { "team" }.into(), "x".into())])
            } else {
                BTreeMap::new()
            },
            manager,
        }
    }

    fn unit_record(&self, id: u32, a: u32, b: u32, parent: Option<UnitId>) -> Unit {
        Unit {
            id: UnitId(id),
            name: Self::name(a),
            mission: String::new(),
            kind: UnitKind::ALL[(a / 10) as usize % UnitKind::ALL.len()],
            parent,
            lead: self.opt_person(b),
            colour: Self::colour(b / 7),
            target_size: one_in(3, b).then_some((b / 3) % 9),
        }
    }

    fn area_record(&self, id: u32, a: u32, parent: Option<AreaId>, owner: Option<UnitId>) -> Area {
        Area {
            id: AreaId(id),
            name: Self::name(a),
            description: String::new(),
            parent,
            complexity: Complexity::ALL[(a / 10) as usize % Complexity::ALL.len()],
            user_facing: one_in(2, a),
            owner,
            position: 0,
            stance: one_in(2, a).then(|| Stance::ALL[(a / 3) as usize % Stance::ALL.len()]),
            // Out-of-range targets are refused, so a few of these exercise validation.
            target_share: one_in(3, a).then_some(f64::from(a % 130)),
            outcome: if one_in(2, a / 5) {
                Self::name(a)
            } else {
                String::new()
            },
        }
    }

    fn interaction_record(&self, id: u32, a: u32, b: u32, c: u32) -> Interaction {
        Interaction {
            id: InteractionId(id),
            from: self.unit(a),
            to: self.unit(b),
            mode: InteractionMode::ALL[(c % 3) as usize],
            note: String::new(),
            start: Self::date(c / 3),
            expected_end: Self::date(c / 31),
        }
    }

    fn op(&self, (kind, a, b, c, d): Raw) -> Op {
        match kind {
            0 => Op::CreatePerson {
                person: self.person_record(self.new_id(a), b, c, self.opt_person(d)),
            },
            1 => {
                let id = self.person(a);
                let manager = match self.org.person(id) {
                    Some(p) if !one_in(8, d) => p.manager,
                    _ => self.opt_person(d / 8),
                };
                Op::UpdatePerson {
                    person: self.person_record(id.0, b, c, manager),
                }
            }
            2 => Op::DeletePerson {
                id: self.person(a),
                reports_to: match b % 5 {
                    0 => None,
                    1 => Some(ReportsTo::DeletedPersonsManager),
                    2 => Some(ReportsTo::Nobody),
                    _ => Some(ReportsTo::Person { id: self.person(c) }),
                },
            },
            3 => Op::SetManager {
                person: self.person(a),
                manager: self.person(b),
            },
            4 => Op::ClearManager {
                person: self.person(a),
            },
            5 => Op::MoveSubtree {
                person: self.person(a),
                manager: self.opt_person(b),
            },
            6 => Op::AddDottedLine {
                person: self.person(a),
                manager: self.person(b),
            },
            7 => {
                let existing: Vec<_> = self.org.dotted_lines().copied().collect();
                match nth(&existing, b).filter(|_| !one_in(3, a)) {
                    Some(d) => Op::RemoveDottedLine {
                        person: d.person,
                        manager: d.manager,
                    },
                    None => Op::RemoveDottedLine {
                        person: self.person(b),
                        manager: self.person(c),
                    },
                }
            }
            8 => Op::CreateUnit {
                unit: self.unit_record(self.new_id(a), b, c, self.opt_unit(d)),
            },
            9 => {
                let id = self.unit(a);
                let parent = match self.org.unit(id) {
                    Some(u) if !one_in(8, d) => u.parent,
                    _ => self.opt_unit(d / 8),
                };
                Op::UpdateUnit {
                    unit: self.unit_record(id.0, b, c, parent),
                }
            }
            10 => Op::DeleteUnit { id: self.unit(a) },
            11 => Op::MoveUnit {
                id: self.unit(a),
                parent: self.opt_unit(b),
            },
            12 => Op::SetMembership {
                person: self.person(a),
                unit: self.unit(b),
                allocation: c % 103,
                role: TeamRole::ALL[d as usize % TeamRole::ALL.len()],
            },
            13 => {
                let existing: Vec<_> = self.org.memberships().map(|m| (m.person, m.unit)).collect();
                let (person, unit) = nth(&existing, b)
                    .filter(|_| !one_in(3, a))
                    .unwrap_or((self.person(b), self.unit(c)));
                Op::RemoveMembership { person, unit }
            }
            14 => Op::CreateArea {
                area: self.area_record(self.new_id(a), b, self.opt_area(c), self.opt_unit(d)),
            },
            15 => {
                let id = self.area(a);
                let (parent, owner) = match self.org.area(id) {
                    Some(x) if !one_in(8, d) => (x.parent, x.owner),
                    Some(x) if one_in(16, d) => (self.opt_area(d / 16), x.owner),
                    Some(x) => (x.parent, self.opt_unit(d / 16)),
                    None => (self.opt_area(c), self.opt_unit(d)),
                };
                Op::UpdateArea {
                    area: self.area_record(id.0, b, parent, owner),
                }
            }
            16 => Op::DeleteArea { id: self.area(a) },
            17 => Op::MoveArea {
                id: self.area(a),
                parent: self.opt_area(b),
                // Half the moves also pick a place among the new siblings.
                position: one_in(2, a).then_some(b % 4),
            },
            18 => Op::SetOwner {
                area: self.area(a),
                unit: self.unit(b),
            },
            19 => Op::ClearOwner { area: self.area(a) },
            20 => Op::AddContributor {
                area: self.area(a),
                unit: self.unit(b),
            },
            21 => {
                let existing: Vec<_> = self.org.contributors().copied().collect();
                let (area, unit) = nth(&existing, b)
                    .filter(|_| !one_in(3, a))
                    .map(|x| (x.area, x.unit))
                    .unwrap_or((self.area(b), self.unit(c)));
                Op::RemoveContributor { area, unit }
            }
            22 => Op::AddInteraction {
                interaction: self.interaction_record(self.new_id(a), b, c, d),
            },
            23 => Op::UpdateInteraction {
                interaction: self.interaction_record(self.interaction_id(a).0, b, c, d),
            },
            24 => Op::RemoveInteraction {
                id: self.interaction_id(a),
            },
            25 => {
                let good = [100.0, 1.5, 320.0];
                let bad = [0.0, -10.0, f64::NAN, f64::INFINITY];
                Op::SetPlacement {
                    placement: Placement {
                        unit: self.unit(a),
                        x: f64::from(b % 2000) - 1000.0,
                        y: f64::from(c % 2000),
                        w: Self::mostly(d, &good, &bad),
                        h: Self::mostly(d / 16 + 1, &good, &bad),
                    },
                }
            }
            26 => Op::ClearPlacements {
                units: (0..a % 4)
                    .map(|i| self.unit(b.wrapping_add(i.wrapping_mul(c))))
                    .collect(),
            },
            27 => Op::SetBudget {
                budget: Budget {
                    unit: self.unit(a),
                    period: Self::mostly(b, &["2027", "2027-Q2", " 2026-q4 "], &["2027-05", "x"])
                        .to_string(),
                    headcount: one_in(2, c).then(|| Self::mostly(c / 2, &[4.0, 12.5], &[-1.0])),
                    amount: Self::cost(d),
                },
            },
            28 => Op::RemoveBudget {
                unit: self.unit(a),
                period: Self::mostly(b, &["2027", "2027-Q2", "2026-Q4"], &["soon"]).to_string(),
            },
            29 | 30 => {
                let change = DatedChange {
                    id: if kind == 29 {
                        self.new_id(b)
                    } else {
                        self.dated_id(b)
                    },
                    date: Self::date(c).unwrap_or_else(|| "2027-01-01".into()),
                    change: match d % 4 {
                        0 => DatedOp::SetManager {
                            person: self.person(a),
                            manager: self.person(d / 4),
                        },
                        1 => DatedOp::MoveSubtree {
                            person: self.person(a),
                            manager: self.opt_person(d / 4),
                        },
                        2 => DatedOp::SetMembership {
                            person: self.person(a),
                            unit: self.unit(d / 4),
                            allocation: (d / 16) % 120,
                            role: TeamRole::Engineer,
                        },
                        _ => DatedOp::MoveUnit {
                            id: self.unit(a),
                            parent: self.opt_unit(d / 4),
                        },
                    },
                };
                if kind == 29 {
                    Op::AddDatedChange { change }
                } else {
                    Op::UpdateDatedChange { change }
                }
            }
            31 => Op::RemoveDatedChange {
                id: self.dated_id(a),
            },
            32 => Op::SetPlanSettings {
                settings: PlanSettings {
                    reporting_currency: Self::mostly(a, &["EUR", "usd"], &["EURO"]).into(),
                    rates: if one_in(2, b) {
                        BTreeMap::from([("USD".into(), 0.9), ("gbp".into(), 1.2)])
                    } else {
                        BTreeMap::from([("XXX".into(), Self::mostly(c, &[2.0], &[0.0, -1.0]))])
                    },
                },
            },
            _ => match a % 4 {
                0 => Op::CreateScenario { name: "S".into() },
                1 => Op::ForkScenario {
                    from: ScenarioId(b % 3),
                    name: "F".into(),
                },
                2 => Op::RenameScenario {
                    id: ScenarioId(b % 3),
                    name: "R".into(),
                },
                _ => Op::DeleteScenario {
                    id: ScenarioId(b % 3),
                },
            },
        }
    }
}

/// Applies a change set to the records it was computed from.
fn apply_change_set(
    before: &OrgRecords,
    set: &ChangeSet,
) -> BTreeMap<topograph_model::EntityKey, Entity> {
    let mut m = entities(before);
    for k in &set.deleted {
        assert!(m.remove(k).is_some(), "deleted {k:?} did not exist");
    }
    for e in &set.created {
        assert!(
            m.insert(e.key(), e.clone()).is_none(),
            "created {e:?} existed"
        );
    }
    for e in &set.updated {
        assert!(
            m.insert(e.key(), e.clone()).is_some(),
            "updated {e:?} did not exist"
        );
    }
    m
}

/// Executes one op and checks everything an op promises; returns the patch if accepted.
fn check(org: &mut Org, ids: &mut IdCounter, op: &Op) -> Result<Option<Patch>, TestCaseError> {
    let before = org.to_records();
    let ids_before = *ids;
    match org.execute(op, ids) {
        Ok(patch) => {
            let after = org.to_records();
            prop_assert_eq!(org.problems(), Vec::<String>::new(), "after {:?}", op);
            prop_assert!(!op.is_scenario_op());
            prop_assert!(ids.next >= ids_before.next);
            prop_assert_eq!(patch.is_empty(), before == after);

            let mut replay = org.clone();
            prop_assert!(replay.apply_patch(&patch.clone().inverted()).is_ok());
            prop_assert_eq!(&replay.to_records(), &before, "undo of {:?}", op);
            prop_assert_eq!(replay.problems(), Vec::<String>::new());
            prop_assert!(replay.apply_patch(&patch).is_ok());
            prop_assert_eq!(&replay.to_records(), &after, "redo of {:?}", op);
            prop_assert!(replay.problems().is_empty());

            let set = ChangeSet::from_patch(None, &patch);
            prop_assert_eq!(apply_change_set(&before, &set), entities(&after));
            let undo = ChangeSet::from_patch(None, &patch.clone().inverted());
            prop_assert_eq!(apply_change_set(&after, &undo), entities(&before));
            Ok(Some(patch))
        }
        Err(e) => {
            prop_assert_eq!(&org.to_records(), &before, "{:?} refused with {:?}", op, e);
            prop_assert_eq!(*ids, ids_before);
            prop_assert_eq!(org.problems(), Vec::<String>::new());
            prop_assert_ne!(e.code, ErrorCode::Conflict, "{:?}: {:?}", op, e);
            prop_assert!(!e.message.is_empty());
            if op.is_scenario_op() {
                prop_assert_eq!(e.code, ErrorCode::NotAllowed);
            }
            Ok(None)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_op_keeps_the_org_valid_and_is_undone_exactly_by_its_inverse(
        seed in seed(),
        steps in prop::collection::vec(step(), 1..30),
    ) {
        let (mut org, mut ids) = build(&seed);
        prop_assert_eq!(org.problems(), Vec::<String>::new());
        let start = org.to_records();
        let mut patches = Vec::new();
        for s in &steps {
            let op = {
                let g = Gen::new(&org, ids);
                match s {
                    Step::One(r) if r.0 == KINDS - 1 => {
                        // Not an op: the document reserves an id for a later creation.
                        ids.fresh();
                        continue;
                    }
                    Step::One(r) => g.op(*r),
                    Step::Batch(rs) => Op::Batch {
                        label: "batch".into(),
                        ops: rs.iter().map(|r| g.op(*r)).collect(),
                    },
                }
            };
            if let Some(p) = check(&mut org, &mut ids, &op)? {
                patches.push(p);
            }
        }
        // Undoing every accepted op, newest first, gets back to the start.
        for p in patches.into_iter().rev() {
            prop_assert!(org.apply_patch(&p.inverted()).is_ok());
        }
        prop_assert_eq!(org.to_records(), start);
        prop_assert!(org.problems().is_empty());
    }
}

/// An org from `seed` with the changes `steps` plan (only the accepted ones are kept).
fn planned(seed: &Seed, steps: &[(u32, u32, u32, u32)]) -> (Org, IdCounter) {
    let (mut org, mut ids) = build(seed);
    for &(a, b, c, d) in steps {
        let op = Gen::new(&org, ids).op((29, a, b, c, d));
        let _ = org.execute(&op, &mut ids);
    }
    (org, ids)
}

fn some_day(r: u32) -> topograph_model::Date {
    let start = topograph_model::Date::parse("2023-06-01").unwrap();
    start.add_months(r % 60)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_org_as_of_a_day_is_the_planned_changes_up_to_that_day_applied_in_order(
        seed in seed(),
        steps in prop::collection::vec(any::<(u32, u32, u32, u32)>(), 0..20),
        r in any::<u32>(),
    ) {
        let (org, mut ids) = planned(&seed, &steps);
        // People's own dates are left out here so only the planned changes move the org.
        let mut plain = org.clone();
        for p in org.persons() {
            let mut q = p.clone();
            q.start_date = None;
            q.end_date = None;
            q.target_start = None;
            if q != *p {
                plain.execute(&Op::UpdatePerson { person: q }, &mut ids).unwrap();
            }
        }
        let day = some_day(r);
        let mut due: Vec<_> = plain
            .dated_changes()
            .filter(|c| topograph_model::Date::parse(&c.date).is_some_and(|d| d <= day))
            .map(|c| (topograph_model::Date::parse(&c.date).unwrap(), c.id, c.change.to_op()))
            .collect();
        due.sort_by_key(|(d, id, _)| (*d, *id));
        let mut expected = plain.clone();
        for (_, id, op) in due {
            let _ = expected.execute(&op, &mut ids);
            expected
                .execute(&Op::RemoveDatedChange { id }, &mut ids)
                .unwrap();
        }
        let got = plain.as_of(day).org;
        prop_assert_eq!(got.to_records(), expected.to_records());
    }

    #[test]
    fn the_org_as_of_a_later_day_is_the_org_as_of_an_earlier_day_moved_on(
        seed in seed(),
        steps in prop::collection::vec(any::<(u32, u32, u32, u32)>(), 0..20),
        r1 in any::<u32>(),
        r2 in any::<u32>(),
    ) {
        let (org, _) = planned(&seed, &steps);
        let (d1, d2) = (some_day(r1.min(r2)), some_day(r1.max(r2)));
        let (d1, d2) = (d1.min(d2), d1.max(d2));
        let early = org.as_of(d1).org;
        prop_assert_eq!(early.problems(), Vec::<String>::new());
        let direct = org.as_of(d2).org;
        prop_assert_eq!(direct.problems(), Vec::<String>::new());
        prop_assert_eq!(early.as_of(d2).org.to_records(), direct.to_records());
    }
}
