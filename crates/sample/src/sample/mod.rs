//! The sample org: a marketplace for independent shops, about 150 people, built from the tables
//! in this module through the same operations the app uses, so it is valid by construction.
//!
//! Deliberate problems, for the health checks to find:
//! - Cart & Checkout has 12 members (heuristic: 5-9).
//! - The Head of Design has 14 direct reports and no design managers.
//! - VP of Platform Engineering -> Director of Infrastructure -> Senior EM, Platform is a chain of
//!   single-report managers.
//! - Growth & Onboarding has no designer; Loyalty & Subscriptions has no product manager.
//! - Leonor Sousa is split 60% + 60% across two teams (120%); two others are split 50/50.
//! - Four leaf areas have no owner; "Promotions & vouchers" is claimed by two teams (the model
//!   allows one owner, so Cart & Checkout owns it and Loyalty contributes, as its description
//!   says).
//! - Payments owns a complicated and a complex area at once (cognitive load), and runs an
//!   x-as-a-service interaction though it is stream-aligned.
//! - The Cart & Checkout / Payments collaboration is past its expected end (2026-06-30).
//! - The product direction is partly missed: Recommendations is under its target share and
//!   Platform & Data over it, Seller analytics is an invest area nobody works on, and the
//!   sunset Runtime & observability still takes over 5% of the effort.

mod areas;
mod people;
mod rows;
mod teams;

use crate::common::{cost, date, kind_colour, LOCATIONS};
use crate::rng::mix;
use rows::Row;
use std::collections::{BTreeMap, HashMap};
use topograph_model::{
    Area, AreaId, Employment, IdCounter, Interaction, InteractionId, Op, Org, Person, PersonId,
    PersonStatus, Unit, UnitId,
};

struct Builder {
    org: Org,
    counter: IdCounter,
    next: u32,
    people: HashMap<&'static str, PersonId>,
    units: HashMap<&'static str, UnitId>,
    areas: HashMap<&'static str, AreaId>,
}

impl Builder {
    fn fresh(&mut self) -> u32 {
        let id = self.next;
        self.next += 1;
        id
    }

    fn run(&mut self, op: Op) {
        if let Err(e) = self.org.execute(&op, &mut self.counter) {
            panic!("the sample is invalid: {} fails: {e}", op.label());
        }
    }

    fn person(&self, key: &str) -> PersonId {
        *self
            .people
            .get(key)
            .unwrap_or_else(|| panic!("the sample names unknown person '{key}'"))
    }

    fn unit(&self, key: &str) -> UnitId {
        *self
            .units
            .get(key)
            .unwrap_or_else(|| panic!("the sample names unknown unit '{key}'"))
    }

    fn area(&self, key: &str) -> AreaId {
        *self
            .areas
            .get(key)
            .unwrap_or_else(|| panic!("the sample names unknown area '{key}'"))
    }
}

/// The cost centre of a person: the line of the CEO's direct report above them.
fn cost_centre(rows: &HashMap<&str, &Row>, key: &str) -> &'static str {
    let mut cur = key;
    loop {
        let row = rows[cur];
        let Some(up) = rows.get(row.manager) else {
            return "CC-100 Office of the CEO";
        };
        if up.manager.is_empty() {
            return match row.key {
                "cto" => "CC-200 Engineering",
                "cpo" => "CC-300 Product & Design",
                "vp_data" => "CC-400 Data",
                _ => "CC-100 Office of the CEO",
            };
        }
        cur = row.manager;
    }
}

/// A plausible start date for someone without one in the table: seniority means tenure.
fn start_date(index: usize, level: &str) -> String {
    let h = mix(index as u64 ^ 0x5a17);
    let tenure_years = match level {
        "L3" => 1 + h % 2,
        "L4" => 1 + h % 4,
        "L5" => 2 + h % 5,
        "L6" | "L7" | "L8" => 3 + h % 6,
        _ => 2 + h % 6,
    } as u32;
    let month = 1 + (h >> 8) % 12;
    let day = 1 + (h >> 16) % 28;
    date(2026 - tenure_years, month as u32, day as u32)
}

fn person_record(
    index: usize,
    row: &Row,
    id: u32,
    manager: Option<PersonId>,
    centre: &str,
) -> Person {
    let open = row.status == PersonStatus::OpenPosition;
    let name = if open {
        String::new()
    } else {
        row.name.to_string()
    };
    let spread = (mix(index as u64) % 121) as i32 - 60;
    let contractor = row.employment == Employment::Contractor;
    let employee_id = match row.status {
        PersonStatus::Active | PersonStatus::Leaving => Some(format!("E{:04}", index + 1)),
        _ => None,
    };
    let start_date = match (row.status, row.start) {
        (PersonStatus::OpenPosition, _) => None,
        (_, Some(d)) => Some(d.to_string()),
        (_, None) => Some(start_date(index, row.level)),
    };
    let mut custom = BTreeMap::new();
    custom.insert("Cost centre".to_string(), centre.to_string());
    Person {
        id: PersonId(id),
        email: (!open).then(|| crate::names::email(row.name, 0)),
        name,
        title: row.title.to_string(),
        discipline: row.discipline,
        level: Some(row.level.to_string()),
        location: Some(LOCATIONS[row.location].name.to_string()),
        employee_id,
        employment: row.employment,
        status: row.status,
        start_date,
        end_date: None,
        target_start: None,
        hiring_stage: None,
        cost: Some(cost(row.level, row.location, spread, contractor)),
        custom,
        manager,
    }
}

pub fn build() -> Org {
    let mut b = Builder {
        org: Org::new(),
        // Every id is chosen here; the counter only has to stay above them.
        counter: IdCounter { next: 1_000_000 },
        next: 1,
        people: HashMap::new(),
        units: HashMap::new(),
        areas: HashMap::new(),
    };
    let rows: HashMap<&str, &Row> = people::PEOPLE.iter().map(|r| (r.key, r)).collect();

    for (index, row) in people::PEOPLE.iter().enumerate() {
        let manager = (!row.manager.is_empty()).then(|| b.person(row.manager));
        let id = b.fresh();
        let centre = cost_centre(&rows, row.key);
        let person = person_record(index, row, id, manager, centre);
        b.run(Op::CreatePerson { person });
        b.people.insert(row.key, PersonId(id));
    }
    for &(person, manager) in people::DOTTED {
        let (person, manager) = (b.person(person), b.person(manager));
        b.run(Op::AddDottedLine { person, manager });
    }

    for u in teams::UNITS {
        let id = b.fresh();
        let unit = Unit {
            id: UnitId(id),
            name: u.name.to_string(),
            mission: u.mission.to_string(),
            kind: u.kind,
            parent: (!u.parent.is_empty()).then(|| b.unit(u.parent)),
            lead: (!u.lead.is_empty()).then(|| b.person(u.lead)),
            colour: Some(u.colour.unwrap_or(kind_colour(u.kind)).to_string()),
            target_size: u.target_size,
        };
        b.run(Op::CreateUnit { unit });
        b.units.insert(u.key, UnitId(id));
        for &(person, role, allocation) in u.members {
            let person = b.person(person);
            b.run(Op::SetMembership {
                person,
                unit: UnitId(id),
                allocation,
                role,
            });
        }
    }

    for a in areas::AREAS {
        let id = b.fresh();
        let direction = areas::DIRECTION.iter().find(|d| d.0 == a.key);
        let area = Area {
            id: AreaId(id),
            name: a.name.to_string(),
            description: a.description.to_string(),
            parent: (!a.parent.is_empty()).then(|| b.area(a.parent)),
            complexity: a.complexity,
            user_facing: a.user_facing,
            owner: (!a.owner.is_empty()).then(|| b.unit(a.owner)),
            position: 0,
            stance: direction.map(|d| d.1),
            target_share: direction.and_then(|d| d.2),
            outcome: direction.map(|d| d.3.to_string()).unwrap_or_default(),
        };
        b.run(Op::CreateArea { area });
        b.areas.insert(a.key, AreaId(id));
    }
    for &(area, unit) in areas::CONTRIBUTORS {
        let (area, unit) = (b.area(area), b.unit(unit));
        b.run(Op::AddContributor { area, unit });
    }

    for &(from, to, mode, note, start, end) in areas::INTERACTIONS {
        let id = b.fresh();
        let interaction = Interaction {
            id: InteractionId(id),
            from: b.unit(from),
            to: b.unit(to),
            mode,
            note: note.to_string(),
            start: Some(start.to_string()),
            expected_end: end.map(str::to_string),
        };
        b.run(Op::AddInteraction { interaction });
    }
    b.org
}
