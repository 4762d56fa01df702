//! A small org built through operations, and a way to edit a copy of it (a fork).
#![allow(dead_code)]

use std::collections::BTreeMap;
use topograph_model::*;

pub struct Fixture {
    pub org: Org,
    pub ids: IdCounter,
    pub ceo: PersonId,
    pub ana: PersonId,
    pub bo: PersonId,
    pub cy: PersonId,
    pub tribe: UnitId,
    pub other_tribe: UnitId,
    pub payments: UnitId,
    pub search: UnitId,
    pub checkout: AreaId,
    pub ranking: AreaId,
    pub talks: InteractionId,
}

impl Fixture {
    /// Applies an op to the fork being edited.
    pub fn apply(&mut self, op: Op) {
        self.org.execute(&op, &mut self.ids).unwrap();
    }

    pub fn new_id(&self) -> u32 {
        self.ids.next
    }
}

pub fn person(name: &str, manager: Option<PersonId>) -> Person {
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
        cost: Some(Cost {
            amount: 100.0,
            currency: "EUR".to_string(),
        }),
        custom: BTreeMap::new(),
        manager,
    }
}

pub fn unit(name: &str, kind: UnitKind, parent: Option<UnitId>) -> Unit {
    Unit {
        id: UnitId(0),
        name: name.to_string(),
        mission: String::new(),
        kind,
        parent,
        lead: None,
        colour: None,
        target_size: None,
    }
}

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

/// ceo -> ana -> (bo, cy); Tribe > (Payments, Search); Other tribe; Checkout owned by Payments,
/// Ranking by Search; Payments collaborates with Search. Ids are handed out in creation order.
pub fn fixture() -> Fixture {
    let mut org = Org::new();
    let mut ids = IdCounter { next: 1 };
    let next = |org: &mut Org, ids: &mut IdCounter, op: Op| {
        let id = ids.next;
        org.execute(&op, ids).unwrap();
        id
    };
    let ceo = PersonId(next(
        &mut org,
        &mut ids,
        Op::CreatePerson {
            person: person("Ceo", None),
        },
    ));
    let ana = PersonId(next(
        &mut org,
        &mut ids,
        Op::CreatePerson {
            person: person("Ana", Some(ceo)),
        },
    ));
    let bo = PersonId(next(
        &mut org,
        &mut ids,
        Op::CreatePerson {
            person: person("Bo", Some(ana)),
        },
    ));
    let cy = PersonId(next(
        &mut org,
        &mut ids,
        Op::CreatePerson {
            person: person("Cy", Some(ana)),
        },
    ));
    let tribe = UnitId(next(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit("Tribe", UnitKind::Group, None),
        },
    ));
    let other_tribe = UnitId(next(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit("Other tribe", UnitKind::Group, None),
        },
    ));
    let payments = UnitId(next(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit("Payments", UnitKind::StreamAligned, Some(tribe)),
        },
    ));
    let search = UnitId(next(
        &mut org,
        &mut ids,
        Op::CreateUnit {
            unit: unit("Search", UnitKind::StreamAligned, Some(tribe)),
        },
    ));
    for (p, u) in [(bo, payments), (cy, search)] {
        org.execute(
            &Op::SetMembership {
                person: p,
                unit: u,
                allocation: 100,
                role: TeamRole::Engineer,
            },
            &mut ids,
        )
        .unwrap();
    }
    let checkout = AreaId(next(
        &mut org,
        &mut ids,
        Op::CreateArea {
            area: area("Checkout"),
        },
    ));
    let ranking = AreaId(next(
        &mut org,
        &mut ids,
        Op::CreateArea {
            area: area("Ranking"),
        },
    ));
    org.execute(
        &Op::SetOwner {
            area: checkout,
            unit: payments,
        },
        &mut ids,
    )
    .unwrap();
    org.execute(
        &Op::SetOwner {
            area: ranking,
            unit: search,
        },
        &mut ids,
    )
    .unwrap();
    let talks = InteractionId(next(
        &mut org,
        &mut ids,
        Op::AddInteraction {
            interaction: Interaction {
                id: InteractionId(0),
                from: payments,
                to: search,
                mode: InteractionMode::Collaboration,
                note: String::new(),
                start: None,
                expected_end: None,
            },
        },
    ));
    Fixture {
        org,
        ids,
        ceo,
        ana,
        bo,
        cy,
        tribe,
        other_tribe,
        payments,
        search,
        checkout,
        ranking,
        talks,
    }
}
