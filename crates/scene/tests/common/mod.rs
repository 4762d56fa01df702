//! Small orgs for the scene tests, built from records.
#![allow(dead_code)]

use std::collections::BTreeMap;
use topograph_model::{
    Area, AreaId, Complexity, Contributor, Discipline, Employment, Interaction, InteractionId,
    InteractionMode, Membership, OrgRecords, Person, PersonId, PersonStatus, TeamRole, Unit,
    UnitId, UnitKind,
};

pub fn person(id: u32, name: &str) -> Person {
    Person {
        id: PersonId(id),
        name: name.to_string(),
        title: format!("Engineer {id}"),
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

pub fn open_position(id: u32, title: &str) -> Person {
    Person {
        name: String::new(),
        title: title.to_string(),
        status: PersonStatus::OpenPosition,
        ..person(id, "")
    }
}

pub fn unit(id: u32, name: &str, kind: UnitKind, parent: Option<u32>) -> Unit {
    Unit {
        id: UnitId(id),
        name: name.to_string(),
        mission: String::new(),
        kind,
        parent: parent.map(UnitId),
        lead: None,
        colour: None,
        target_size: None,
    }
}

pub fn seat(person: u32, unit: u32, allocation: u32) -> Membership {
    Membership {
        person: PersonId(person),
        unit: UnitId(unit),
        allocation,
        role: TeamRole::Engineer,
    }
}

pub fn area(id: u32, parent: Option<u32>, complexity: Complexity, owner: Option<u32>) -> Area {
    Area {
        id: AreaId(id),
        name: format!("Area {id}"),
        description: String::new(),
        parent: parent.map(AreaId),
        complexity,
        user_facing: true,
        owner: owner.map(UnitId),
        position: 0,
        stance: None,
        target_share: None,
        outcome: String::new(),
    }
}

pub fn contributor(area: u32, unit: u32) -> Contributor {
    Contributor {
        area: AreaId(area),
        unit: UnitId(unit),
    }
}

pub fn interaction(id: u32, from: u32, to: u32, mode: InteractionMode) -> Interaction {
    Interaction {
        id: InteractionId(id),
        from: UnitId(from),
        to: UnitId(to),
        mode,
        note: String::new(),
        start: None,
        expected_end: None,
    }
}

/// Product (group 1) > Shopping (group 2) > Checkout tribe (group 3) > Payments (stream-aligned
/// team 4); Shopping also holds Search (stream-aligned 5) and Data platform (platform 6);
/// Coaching (enabling 7) stands on its own. Ada (10) sits on Payments and Search half and half;
/// Ben (11) and an open "Senior engineer" position (12) are on Payments; Cy (13) on Data platform.
pub fn nested_org() -> OrgRecords {
    OrgRecords {
        persons: vec![
            person(10, "Ada"),
            person(11, "Ben"),
            open_position(12, "Senior engineer"),
            person(13, "Cy"),
        ],
        units: vec![
            unit(1, "Product", UnitKind::Group, None),
            unit(2, "Shopping", UnitKind::Group, Some(1)),
            unit(3, "Checkout tribe", UnitKind::Group, Some(2)),
            unit(4, "Payments", UnitKind::StreamAligned, Some(3)),
            unit(5, "Search", UnitKind::StreamAligned, Some(2)),
            unit(6, "Data platform", UnitKind::Platform, Some(2)),
            unit(7, "Coaching", UnitKind::Enabling, None),
        ],
        memberships: vec![
            seat(10, 4, 50),
            seat(10, 5, 50),
            seat(11, 4, 100),
            seat(12, 4, 100),
            seat(13, 6, 80),
        ],
        interactions: vec![
            interaction(20, 6, 5, InteractionMode::XAsAService),
            interaction(21, 7, 4, InteractionMode::Facilitating),
        ],
        ..OrgRecords::default()
    }
}
