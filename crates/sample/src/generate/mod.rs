//! The generator: a deterministic, realistic org of exactly the requested size.
//!
//! Shape: a CEO; from three teams up a CTO, CPO and Chief of Staff, a Head of Design and a Head
//! of Data once there are enough designers and analysts. Teams of 4-10 (mostly stream-aligned,
//! with platform, enabling and complicated-subsystem teams) are gathered into groups of 3-8,
//! groups into larger groups, under one "Product & Engineering" group; the engineering line
//! follows the groups, while product managers, designers and data people report through their
//! own lines. Every manager has 3-12 reports, except the CEO of an org of three or fewer.
//!
//! Records are built directly and loaded with [`Org::from_records`]: at 100k people that takes
//! about 100 ms, replaying them one op at a time through `Org::execute` about 270 ms (release,
//! November 2026). The tests check `problems()` and that replaying the records as operations
//! gives the same org.

mod budgets;
mod extras;
mod people;
mod plan;
mod structure;
mod vocab;

use crate::names;
use crate::rng::Dice;
use people::Role;
use topograph_model::{
    Area, Contributor, Discipline, DottedLine, Interaction, Membership, Org, OrgRecords, Person,
    TeamRole, Unit, UnitId, UnitKind,
};

/// Everything generated so far, by index; ids are assigned from the indexes at the end:
/// people 1..=n, then units, areas and interactions.
pub(crate) struct Gen {
    dice: Dice,
    people: usize,
    persons: Vec<Person>,
    units: Vec<Unit>,
    memberships: Vec<Membership>,
    dotted: Vec<DottedLine>,
    areas: Vec<Area>,
    contributors: Vec<Contributor>,
    interactions: Vec<Interaction>,
    /// How often each name has been given, for `name2@` style emails.
    name_counts: Vec<u32>,
    teams: Vec<Team>,
}

/// A generated team: its unit index, its group's unit index, the people on it.
struct Team {
    unit: usize,
    group: usize,
    kind: UnitKind,
    em: usize,
    /// Indexes into `memberships`.
    seats: Vec<usize>,
}

impl Gen {
    fn new(people: usize, seed: u64) -> Gen {
        Gen {
            dice: Dice::new(seed),
            people,
            persons: Vec::with_capacity(people),
            units: Vec::new(),
            memberships: Vec::with_capacity(people + people / 16),
            dotted: Vec::new(),
            areas: Vec::new(),
            contributors: Vec::new(),
            interactions: Vec::new(),
            name_counts: vec![0; names::combinations()],
            teams: Vec::new(),
        }
    }

    fn unit_id(&self, index: usize) -> UnitId {
        UnitId((self.people + 1 + index) as u32)
    }

    fn seat(&mut self, person: usize, unit: usize, role: TeamRole) -> usize {
        self.memberships.push(Membership {
            person: topograph_model::PersonId(person as u32 + 1),
            unit: self.unit_id(unit),
            allocation: 100,
            role,
        });
        self.memberships.len() - 1
    }

    fn finish(self) -> OrgRecords {
        let budgets = self.budgets();
        OrgRecords {
            persons: self.persons,
            dotted_lines: self.dotted,
            units: self.units,
            memberships: self.memberships,
            areas: self.areas,
            contributors: self.contributors,
            interactions: self.interactions,
            placements: Vec::new(),
            budgets,
            dated_changes: Vec::new(),
            plan_settings: Some(budgets::settings()),
        }
    }
}

/// A founder and the first few hires: everyone reports to the CEO; from four people on they are
/// one team.
fn startup(g: &mut Gen) {
    let hub = g.hub(0, 0);
    let ceo = g.person(Role {
        title: "Founder & CEO".to_string(),
        discipline: Discipline::Other,
        level: "M5",
        manager: None,
        hub,
        seat: false,
    });
    let hires: &[(&str, Discipline, &str, TeamRole)] = &[
        (
            "Founding Engineer",
            Discipline::Engineering,
            "L6",
            TeamRole::TechLead,
        ),
        (
            "Product Designer",
            Discipline::Design,
            "L5",
            TeamRole::Designer,
        ),
        (
            "Senior Software Engineer",
            Discipline::Engineering,
            "L5",
            TeamRole::Engineer,
        ),
        (
            "Software Engineer",
            Discipline::Engineering,
            "L4",
            TeamRole::Engineer,
        ),
        (
            "Full-stack Engineer",
            Discipline::Engineering,
            "L4",
            TeamRole::Engineer,
        ),
    ];
    let mut roles = vec![TeamRole::ProductManager];
    for &(title, discipline, level, role) in hires.iter().take(g.people - 1) {
        g.person(Role {
            title: title.to_string(),
            discipline,
            level,
            manager: Some(ceo),
            hub,
            seat: false,
        });
        roles.push(role);
    }
    if g.people >= 4 {
        let unit = g.units.len();
        g.units.push(Unit {
            id: g.unit_id(unit),
            name: "Core Product".to_string(),
            mission: "Find product-market fit: ship, learn, repeat.".to_string(),
            kind: UnitKind::StreamAligned,
            parent: None,
            lead: Some(topograph_model::PersonId(ceo as u32 + 1)),
            colour: Some(crate::common::kind_colour(UnitKind::StreamAligned).to_string()),
            target_size: Some(6),
        });
        for (person, role) in roles.into_iter().enumerate() {
            g.seat(person, unit, role);
        }
    }
}

pub fn records(people: usize, seed: u64) -> OrgRecords {
    let mut g = Gen::new(people, seed);
    if people == 0 {
        return g.finish();
    }
    if people < 7 {
        startup(&mut g);
    } else {
        let plan = plan::plan(people as u64, g.dice);
        structure::build(&mut g, &plan);
        extras::splits(&mut g);
        extras::dotted_lines(&mut g);
        extras::areas(&mut g);
        extras::interactions(&mut g);
    }
    debug_assert_eq!(g.persons.len(), people);
    g.finish()
}

pub fn generate(people: usize, seed: u64) -> Org {
    Org::from_records(records(people, seed))
}
