//! Folding a patch into the net changes a UI applies to its store.

mod common;

use common::*;
use topograph_model::{
    ChangeSet, Entity, EntityKey, Op, Person, PersonId, ReportsTo, ScenarioId, Unit, UnitId,
};

fn batch(ops: Vec<Op>) -> Op {
    Op::Batch {
        label: "Batch".into(),
        ops,
    }
}

#[test]
fn a_batch_that_creates_then_updates_a_record_reports_one_creation_with_the_final_state() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let id = PersonId(w.ids.fresh());
    let patch = w.accept(batch(vec![
        Op::CreatePerson {
            person: Person {
                id,
                ..person("Ada")
            },
        },
        Op::UpdatePerson {
            person: Person {
                id,
                title: "CTO".into(),
                ..person("Ada")
            },
        },
        Op::SetManager {
            person: id,
            manager: boss,
        },
    ]));
    assert_eq!(patch.changes.len(), 3);
    let set = ChangeSet::from_patch(Some(ScenarioId(4)), &patch);
    assert_eq!(set.scenario, Some(ScenarioId(4)));
    assert_eq!(set.created, vec![Entity::Person(w.person(id).clone())]);
    assert!(set.updated.is_empty());
    assert!(set.deleted.is_empty());
    match &set.created[0] {
        Entity::Person(p) => {
            assert_eq!(p.title, "CTO");
            assert_eq!(p.manager, Some(boss));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_batch_that_creates_then_deletes_a_record_reports_nothing() {
    let mut w = World::new();
    w.add_person("Boss", None);
    let id = PersonId(w.ids.fresh());
    let team = UnitId(w.ids.fresh());
    let patch = w.accept(batch(vec![
        Op::CreatePerson {
            person: Person {
                id,
                ..person("Temp")
            },
        },
        Op::CreateUnit {
            unit: Unit {
                id: team,
                lead: Some(id),
                ..unit("Temp team")
            },
        },
        Op::DeletePerson {
            id,
            reports_to: None,
        },
        Op::DeleteUnit { id: team },
    ]));
    assert!(!patch.is_empty());
    let set = ChangeSet::from_patch(None, &patch);
    assert!(set.is_empty(), "{set:?}");
}

#[test]
fn a_batch_that_changes_a_record_and_changes_it_back_reports_nothing() {
    let mut w = World::new();
    let a = w.add_person("A", None);
    let b = w.add_person("B", None);
    let c = w.add_person("C", Some(a));
    let patch = w.accept(batch(vec![
        Op::SetManager {
            person: c,
            manager: b,
        },
        Op::SetManager {
            person: c,
            manager: a,
        },
    ]));
    assert_eq!(patch.changes.len(), 2);
    assert!(ChangeSet::from_patch(None, &patch).is_empty());
}

#[test]
fn an_update_reports_the_record_as_it_is_afterwards() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let patch = w.accept(Op::UpdateUnit {
        unit: Unit {
            name: "Renamed".into(),
            ..w.unit(team).clone()
        },
    });
    let set = ChangeSet::from_patch(None, &patch);
    assert!(set.created.is_empty() && set.deleted.is_empty());
    assert_eq!(set.updated, vec![Entity::Unit(w.unit(team).clone())]);
}

#[test]
fn deleting_a_person_reports_the_deleted_keys_and_the_updated_neighbours() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let report = w.add_person("Report", Some(mid));
    let other = w.add_person("Other", None);
    let team = w.add_unit_record(Unit {
        lead: Some(mid),
        ..unit("Team")
    });
    w.seat(mid, team, 100);
    w.dotted(mid, other);
    w.dotted(other, mid);
    let patch = w.accept(Op::DeletePerson {
        id: mid,
        reports_to: Some(ReportsTo::DeletedPersonsManager),
    });
    let set = ChangeSet::from_patch(None, &patch);
    assert!(set.created.is_empty());
    let mut deleted = set.deleted.clone();
    deleted.sort();
    assert_eq!(
        deleted,
        vec![
            EntityKey::Person { id: mid },
            EntityKey::DottedLine {
                person: mid,
                manager: other
            },
            EntityKey::DottedLine {
                person: other,
                manager: mid
            },
            EntityKey::Membership {
                person: mid,
                unit: team
            },
        ]
    );
    assert_eq!(
        set.updated,
        vec![
            Entity::Person(w.person(report).clone()),
            Entity::Unit(w.unit(team).clone()),
        ]
    );
}

#[test]
fn deleting_a_unit_reports_every_record_that_went_with_it() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    let tribe = w.add_unit("Tribe", None);
    let team = w.add_unit("Team", Some(tribe));
    let other = w.add_unit("Other", None);
    w.seat(ada, tribe, 100);
    let owned = w.add_area("Owned", None, Some(tribe));
    let helped = w.add_area("Helped", None, None);
    w.contribute(helped, tribe);
    let i = w.add_interaction(interaction(other, tribe));
    w.place(tribe);
    let patch = w.accept(Op::DeleteUnit { id: tribe });
    let set = ChangeSet::from_patch(None, &patch);
    let mut deleted = set.deleted.clone();
    deleted.sort();
    assert_eq!(
        deleted,
        vec![
            EntityKey::Unit { id: tribe },
            EntityKey::Membership {
                person: ada,
                unit: tribe
            },
            EntityKey::Contributor {
                area: helped,
                unit: tribe
            },
            EntityKey::Interaction { id: i },
            EntityKey::Placement { unit: tribe },
        ]
    );
    let mut updated: Vec<EntityKey> = set.updated.iter().map(Entity::key).collect();
    updated.sort();
    assert_eq!(
        updated,
        vec![EntityKey::Unit { id: team }, EntityKey::Area { id: owned }]
    );
}

#[test]
fn removing_and_re_adding_the_same_seat_with_a_new_allocation_is_one_update() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    let team = w.add_unit("Team", None);
    w.seat(ada, team, 50);
    let patch = w.accept(batch(vec![
        Op::RemoveMembership {
            person: ada,
            unit: team,
        },
        Op::SetMembership {
            person: ada,
            unit: team,
            allocation: 70,
            role: topograph_model::TeamRole::Designer,
        },
    ]));
    let set = ChangeSet::from_patch(None, &patch);
    assert!(set.created.is_empty() && set.deleted.is_empty());
    assert_eq!(
        set.updated,
        vec![Entity::Membership(
            w.org.membership(ada, team).unwrap().clone()
        )]
    );
}

#[test]
fn updating_then_deleting_a_record_reports_only_the_deletion() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let patch = w.accept(batch(vec![
        Op::UpdateUnit {
            unit: Unit {
                name: "Renamed".into(),
                ..w.unit(team).clone()
            },
        },
        Op::DeleteUnit { id: team },
    ]));
    let set = ChangeSet::from_patch(None, &patch);
    assert!(set.created.is_empty() && set.updated.is_empty());
    assert_eq!(set.deleted, vec![EntityKey::Unit { id: team }]);
}

#[test]
fn the_change_set_of_an_undo_is_the_mirror_of_the_change_set_of_the_op() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let before = entities(&w.records());
    let patch = w.accept(batch(vec![
        Op::CreatePerson {
            person: person_under("Ada", boss),
        },
        Op::UpdatePerson {
            person: Person {
                title: "CEO".into(),
                ..w.person(boss).clone()
            },
        },
    ]));
    let after = entities(&w.records());
    let undo = ChangeSet::from_patch(None, &patch.clone().inverted());
    let created: Vec<EntityKey> = undo.created.iter().map(Entity::key).collect();
    assert!(created.is_empty());
    assert_eq!(undo.deleted, vec![EntityKey::Person { id: PersonId(2) }]);
    assert_eq!(
        undo.updated,
        vec![before[&EntityKey::Person { id: boss }].clone()]
    );
    assert_eq!(after.len(), 2);
}

#[test]
fn an_empty_patch_gives_an_empty_change_set() {
    let set = ChangeSet::from_patch(Some(ScenarioId(1)), &Default::default());
    assert!(set.is_empty());
    assert_eq!(set.scenario, Some(ScenarioId(1)));
}
