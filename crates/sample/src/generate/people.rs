//! Making one generated person: name, email, level, location, status, cost and start date.

use super::Gen;
use crate::common::{
    cost, date, from_months, to_months, AMSTERDAM, BERLIN, LISBON, LONDON, NEW_YORK, REMOTE,
    TORONTO,
};
use crate::names;
use std::collections::BTreeMap;
use topograph_model::{Discipline, Employment, HiringStage, Person, PersonId, PersonStatus};

/// Topics for the people dice.
mod topic {
    pub const CULTURE: u64 = 101;
    pub const GIVEN: u64 = 102;
    pub const FAMILY: u64 = 103;
    pub const STATUS: u64 = 104;
    pub const CONTRACT: u64 = 105;
    pub const TENURE: u64 = 106;
    pub const TENURE_2: u64 = 107;
    pub const DAY: u64 = 108;
    pub const SPREAD: u64 = 109;
    pub const WHERE: u64 = 110;
    pub const ELSEWHERE: u64 = 111;
    pub const HUB: u64 = 112;
    pub const LEAVES: u64 = 113;
    pub const TARGET: u64 = 114;
    pub const STAGE: u64 = 115;
}

/// The month the generated orgs are "as of" (November 2026).
const NOW_YEAR: u32 = 2026;
const NOW_MONTH: u32 = 11;

pub const HUBS: &[(usize, u32)] = &[
    (BERLIN, 3),
    (LISBON, 2),
    (LONDON, 3),
    (NEW_YORK, 3),
    (TORONTO, 2),
    (AMSTERDAM, 1),
];

/// Who a new person is; the generator fills in the rest.
pub struct Role {
    pub title: String,
    pub discipline: Discipline,
    pub level: &'static str,
    pub manager: Option<usize>,
    /// Home office of the person's team or line.
    pub hub: usize,
    /// An individual contributor seat that may be open, a planned hire, leaving or contracted.
    pub seat: bool,
}

impl Gen {
    /// A hub chosen for item `i` of some kind (`salt` tells kinds apart).
    pub fn hub(&self, salt: u64, i: u64) -> usize {
        self.dice
            .weighted(topic::HUB ^ salt.wrapping_mul(31), i, HUBS)
    }

    /// Adds a person and returns their index (their id is index + 1).
    pub fn person(&mut self, role: Role) -> usize {
        let index = self.persons.len();
        let i = index as u64;
        let d = self.dice;
        let status = if role.seat {
            d.weighted(
                topic::STATUS,
                i,
                &[
                    (PersonStatus::Active, 960),
                    (PersonStatus::OpenPosition, 25),
                    (PersonStatus::PlannedHire, 7),
                    (PersonStatus::Leaving, 8),
                ],
            )
        } else {
            PersonStatus::Active
        };
        let contractor = role.seat
            && matches!(
                role.discipline,
                Discipline::Engineering | Discipline::Quality | Discipline::Design
            )
            && d.chance(topic::CONTRACT, i, 50);
        let location = match d.below(topic::WHERE, i, 100) {
            0..=77 => role.hub,
            78..=91 => REMOTE,
            _ => d.weighted(topic::ELSEWHERE, i, HUBS),
        };
        let spread = d.below(topic::SPREAD, i, 161) as i32 - 80;
        let cost = Some(cost(role.level, location, spread, contractor));
        let manager = role.manager.map(|m| PersonId(m as u32 + 1));
        let mut person = Person {
            id: PersonId(index as u32 + 1),
            name: String::new(),
            title: role.title,
            discipline: role.discipline,
            level: Some(role.level.to_string()),
            location: Some(crate::common::LOCATIONS[location].name.to_string()),
            email: None,
            employee_id: None,
            employment: if contractor {
                Employment::Contractor
            } else {
                Employment::Employee
            },
            status,
            start_date: None,
            end_date: None,
            target_start: None,
            hiring_stage: None,
            cost,
            custom: BTreeMap::new(),
            manager,
        };
        if status != PersonStatus::OpenPosition {
            let (name, combo) = names::name(
                d.roll(topic::CULTURE, i),
                d.roll(topic::GIVEN, i),
                d.roll(topic::FAMILY, i),
            );
            let combo = names::canonical(combo);
            let repeat = self.name_counts[combo];
            self.name_counts[combo] += 1;
            person.email = Some(names::email(&name, repeat as usize));
            person.name = name;
            person.start_date = Some(self.start_date(i, status, role.level));
            if status != PersonStatus::PlannedHire {
                person.employee_id = Some(format!("E{:06}", index + 1));
            }
        }
        self.plan_dates(&mut person, i);
        self.persons.push(person);
        index
    }

    /// A leaver's last day within the next half year; a target start within the next four
    /// quarters and a stage for positions still to fill.
    fn plan_dates(&self, person: &mut Person, i: u64) {
        let d = self.dice;
        let now = to_months(NOW_YEAR, NOW_MONTH);
        match person.status {
            PersonStatus::Leaving => {
                let (y, m) = from_months(now + 1 + d.below(topic::LEAVES, i, 6) as u32);
                person.end_date = Some(date(y, m, 28));
            }
            PersonStatus::OpenPosition => {
                let (y, m) = from_months(now + 1 + d.below(topic::TARGET, i, 12) as u32);
                person.target_start = Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1));
                let stages = [
                    HiringStage::Open,
                    HiringStage::Approved,
                    HiringStage::Interviewing,
                    HiringStage::Offer,
                ];
                person.hiring_stage = Some(stages[d.below(topic::STAGE, i, 4) as usize]);
            }
            PersonStatus::PlannedHire => {
                person.target_start = person.start_date.as_ref().map(|s| s[..7].to_string());
                person.hiring_stage = Some(if d.chance(topic::STAGE, i, 500) {
                    HiringStage::Offer
                } else {
                    HiringStage::Filled
                });
            }
            PersonStatus::Active => {}
        }
    }

    fn start_date(&self, i: u64, status: PersonStatus, level: &str) -> String {
        let d = self.dice;
        let now = to_months(NOW_YEAR, NOW_MONTH);
        let day = 1 + d.below(topic::DAY, i, 28) as u32;
        if status == PersonStatus::PlannedHire {
            let (y, m) = from_months(now + 1 + d.below(topic::TENURE, i, 3) as u32);
            return date(y, m, day);
        }
        // Tenure skews recent (the smaller of two rolls); senior people have been here longer.
        let a = d.below(topic::TENURE, i, 96);
        let b = d.below(topic::TENURE_2, i, 96);
        let senior = match level.as_bytes() {
            [b'M', n] => (*n - b'0') as u64 * 10,
            [b'L', n] if *n >= b'6' => 24,
            _ => 0,
        };
        let (y, m) = from_months(now - (a.min(b) + senior) as u32);
        date(y, m, day)
    }
}
