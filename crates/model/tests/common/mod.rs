//! Shared builders and checks for the model's integration tests.
//!
//! Every test file includes this module and uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use topograph_model::{
    Area, Complexity, Discipline, Employment, Entity, EntityKey, Error, ErrorCode, IdCounter,
    Interaction, InteractionId, InteractionMode, Op, Org, OrgRecords, Patch, Person, PersonId,
    PersonStatus, Placement, TeamRole, Unit, UnitId, UnitKind,
};

pub use topograph_model::AreaId;

// ---- record builders -------------------------------------------------------------------

/// An active engineer with only a name; id 0 asks for a fresh id.
pub fn person(name: &str) -> Person {
    Person {
        id: PersonId(0),
        name: name.to_string(),
        title: String::new(),
        discipline: Discipline::Engineering,
        level: None,
        location: None,
        email: None,
        employee_id: None,
        employment: Employment::Employee,
        status: PersonStatus::Active,
        start_date: None,
        end_date: None,
        target_start: None,
        hiring_stage: None,
        cost: None,
        custom: BTreeMap::new(),
        manager: None,
    }
}

/// A person under a manager.
pub fn person_under(name: &str, manager: PersonId) -> Person {
    Person {
        manager: Some(manager),
        ..person(name)
    }
}

/// An open position: no name, only a role title.
pub fn open_position(title: &str) -> Person {
    Person {
        name: String::new(),
        title: title.to_string(),
        status: PersonStatus::OpenPosition,
        ..person("")
    }
}

/// A stream-aligned team with only a name.
pub fn unit(name: &str) -> Unit {
    Unit {
        id: UnitId(0),
        name: name.to_string(),
        mission: String::new(),
        kind: UnitKind::StreamAligned,
        parent: None,
        lead: None,
        colour: None,
        target_size: None,
    }
}

/// A unit inside another.
pub fn unit_in(name: &str, parent: UnitId) -> Unit {
    Unit {
        parent: Some(parent),
        ..unit(name)
    }
}

/// A user-facing, simple product area with only a name.
pub fn area(name: &str) -> Area {
    Area {
        id: AreaId(0),
        name: name.to_string(),
        description: String::new(),
        parent: None,
        complexity: Complexity::Simple,
        user_facing: true,
        owner: None,
        position: 0,
        stance: None,
        target_share: None,
        outcome: String::new(),
    }
}

/// A collaboration between two units, without dates.
pub fn interaction(from: UnitId, to: UnitId) -> Interaction {
    Interaction {
        id: InteractionId(0),
        from,
        to,
        mode: InteractionMode::Collaboration,
        note: String::new(),
        start: None,
        expected_end: None,
    }
}

/// A 200x100 box at (x, y).
pub fn placement(unit: UnitId, x: f64, y: f64) -> Placement {
    Placement {
        unit,
        x,
        y,
        w: 200.0,
        h: 100.0,
    }
}

// ---- a scenario under test -------------------------------------------------------------

/// An org and the document's id counter, with checked ways to change them.
pub struct World {
    pub org: Org,
    pub ids: IdCounter,
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

impl World {
    pub fn new() -> World {
        World {
            org: Org::new(),
            ids: IdCounter { next: 1 },
        }
    }

    /// Executes an op that must be accepted, then checks that the org has no problems, that
    /// the inverted patch restores the exact previous records and that the patch re-applies.
    #[track_caller]
    pub fn accept(&mut self, op: Op) -> Patch {
        let before = self.org.to_records();
        let patch = self
            .org
            .execute(&op, &mut self.ids)
            .unwrap_or_else(|e| panic!("{op:?} was refused: {e:?}"));
        let after = self.org.to_records();
        assert_eq!(self.org.problems(), Vec::<String>::new(), "after {op:?}");
        let mut replay = self.org.clone();
        replay
            .apply_patch(&patch.clone().inverted())
            .expect("the inverted patch applies");
        assert_eq!(replay.to_records(), before, "undo restores the records");
        assert_eq!(replay.problems(), Vec::<String>::new(), "after undo");
        replay.apply_patch(&patch).expect("the patch re-applies");
        assert_eq!(replay.to_records(), after, "redo gives the same records");
        patch
    }

    /// Executes an op that must be refused with `code`, and checks that neither the org nor the
    /// id counter changed.
    #[track_caller]
    pub fn refuse(&mut self, op: Op, code: ErrorCode) -> Error {
        let before = self.org.to_records();
        let ids = self.ids;
        let e = match self.org.execute(&op, &mut self.ids) {
            Ok(patch) => panic!("{op:?} was accepted: {patch:?}"),
            Err(e) => e,
        };
        assert_eq!(e.code, code, "{op:?} was refused with {e:?}");
        assert_eq!(self.org.to_records(), before, "a refusal changes nothing");
        assert_eq!(self.ids, ids, "a refusal hands out no id");
        assert_eq!(self.org.problems(), Vec::<String>::new());
        e
    }

    /// Like [`World::refuse`], and the message mentions every one of `names`.
    #[track_caller]
    pub fn refuse_naming(&mut self, op: Op, code: ErrorCode, names: &[&str]) -> Error {
        let e = self.refuse(op, code);
        for n in names {
            assert!(
                e.message.contains(n),
                "the message {:?} does not name {n:?}",
                e.message
            );
        }
        e
    }

    /// Creates a person and returns their id.
    #[track_caller]
    pub fn add(&mut self, p: Person) -> PersonId {
        let id = PersonId(self.ids.next);
        self.accept(Op::CreatePerson { person: p });
        assert!(self.org.person(id).is_some());
        id
    }

    /// Creates an active person with a name, under `manager`.
    #[track_caller]
    pub fn add_person(&mut self, name: &str, manager: Option<PersonId>) -> PersonId {
        self.add(Person {
            manager,
            ..person(name)
        })
    }

    #[track_caller]
    pub fn add_unit_record(&mut self, u: Unit) -> UnitId {
        let id = UnitId(self.ids.next);
        self.accept(Op::CreateUnit { unit: u });
        assert!(self.org.unit(id).is_some());
        id
    }

    #[track_caller]
    pub fn add_unit(&mut self, name: &str, parent: Option<UnitId>) -> UnitId {
        self.add_unit_record(Unit {
            parent,
            ..unit(name)
        })
    }

    #[track_caller]
    pub fn add_area_record(&mut self, a: Area) -> AreaId {
        let id = AreaId(self.ids.next);
        self.accept(Op::CreateArea { area: a });
        assert!(self.org.area(id).is_some());
        id
    }

    #[track_caller]
    pub fn add_area(
        &mut self,
        name: &str,
        parent: Option<AreaId>,
        owner: Option<UnitId>,
    ) -> AreaId {
        self.add_area_record(Area {
            parent,
            owner,
            ..area(name)
        })
    }

    #[track_caller]
    pub fn add_interaction(&mut self, i: Interaction) -> InteractionId {
        let id = InteractionId(self.ids.next);
        self.accept(Op::AddInteraction { interaction: i });
        assert!(self.org.interaction(id).is_some());
        id
    }

    #[track_caller]
    pub fn seat(&mut self, person: PersonId, unit: UnitId, allocation: u32) {
        self.accept(Op::SetMembership {
            person,
            unit,
            allocation,
            role: TeamRole::Engineer,
        });
    }

    #[track_caller]
    pub fn dotted(&mut self, person: PersonId, manager: PersonId) {
        self.accept(Op::AddDottedLine { person, manager });
    }

    #[track_caller]
    pub fn contribute(&mut self, area: AreaId, unit: UnitId) {
        self.accept(Op::AddContributor { area, unit });
    }

    #[track_caller]
    pub fn place(&mut self, unit: UnitId) {
        self.accept(Op::SetPlacement {
            placement: placement(unit, 10.0, 20.0),
        });
    }

    // ---- reads ---------------------------------------------------------------------------

    #[track_caller]
    pub fn person(&self, id: PersonId) -> &Person {
        self.org
            .person(id)
            .unwrap_or_else(|| panic!("{id} does not exist"))
    }

    #[track_caller]
    pub fn manager_of(&self, id: PersonId) -> Option<PersonId> {
        self.person(id).manager
    }

    pub fn reports(&self, id: PersonId) -> Vec<PersonId> {
        self.org.reports(id).collect()
    }

    pub fn dotted_lines(&self) -> Vec<(PersonId, PersonId)> {
        self.org
            .dotted_lines()
            .map(|d| (d.person, d.manager))
            .collect()
    }

    #[track_caller]
    pub fn unit(&self, id: UnitId) -> &Unit {
        self.org
            .unit(id)
            .unwrap_or_else(|| panic!("{id} does not exist"))
    }

    #[track_caller]
    pub fn area(&self, id: AreaId) -> &Area {
        self.org
            .area(id)
            .unwrap_or_else(|| panic!("{id} does not exist"))
    }

    pub fn records(&self) -> OrgRecords {
        self.org.to_records()
    }
}

/// Every record of an org by its key, so two orgs can be compared record by record.
pub fn entities(records: &OrgRecords) -> BTreeMap<EntityKey, Entity> {
    records
        .clone()
        .into_entities()
        .map(|e| (e.key(), e))
        .collect()
}
