//! Builders shared by the document tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use topograph_document::Document;
use topograph_model::*;

pub fn person(name: &str) -> Person {
    Person {
        id: PersonId(0),
        name: name.to_string(),
        title: "Engineer".to_string(),
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

pub fn unit(name: &str, kind: UnitKind) -> Unit {
    Unit {
        id: UnitId(0),
        name: name.to_string(),
        mission: String::new(),
        kind,
        parent: None,
        lead: None,
        colour: None,
        target_size: None,
    }
}

/// Adds a person under `manager` and returns their id.
pub fn add(doc: &mut Document, name: &str, manager: Option<PersonId>) -> PersonId {
    let mut p = person(name);
    p.manager = manager;
    let applied = doc.apply(Op::CreatePerson { person: p }).unwrap();
    match &applied.changes.created[0] {
        Entity::Person(p) => p.id,
        other => panic!("expected a person, got {other:?}"),
    }
}

pub fn add_unit(doc: &mut Document, name: &str, kind: UnitKind) -> UnitId {
    let applied = doc
        .apply(Op::CreateUnit {
            unit: unit(name, kind),
        })
        .unwrap();
    match &applied.changes.created[0] {
        Entity::Unit(u) => u.id,
        other => panic!("expected a unit, got {other:?}"),
    }
}

/// A CEO with two managers and four engineers: ceo -> (ana -> (bo, cy), dee -> (eve, fay)).
pub struct Small {
    pub ceo: PersonId,
    pub ana: PersonId,
    pub bo: PersonId,
    pub cy: PersonId,
    pub dee: PersonId,
    pub eve: PersonId,
    pub fay: PersonId,
    pub team: UnitId,
}

pub fn small(doc: &mut Document) -> Small {
    let ceo = add(doc, "Ceo Person", None);
    let ana = add(doc, "Ana Silva", Some(ceo));
    let bo = add(doc, "Bo Chen", Some(ana));
    let cy = add(doc, "Cy Okafor", Some(ana));
    let dee = add(doc, "Dee Patel", Some(ceo));
    let eve = add(doc, "Eve Novak", Some(dee));
    let fay = add(doc, "Fay Haddad", Some(dee));
    let team = add_unit(doc, "Payments", UnitKind::StreamAligned);
    for p in [bo, cy] {
        doc.apply(Op::SetMembership {
            person: p,
            unit: team,
            allocation: 100,
            role: TeamRole::Engineer,
        })
        .unwrap();
    }
    Small {
        ceo,
        ana,
        bo,
        cy,
        dee,
        eve,
        fay,
        team,
    }
}

pub fn sha(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}
