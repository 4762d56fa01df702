//! The org as it will be (or was) on a day: leavers gone, people not yet started shown as
//! planned, planned hires in their seats from their target start, dated changes applied.

use crate::change::{Change, Delta};
use crate::date::Date;
use crate::error::Error;
use crate::exec::IdCounter;
use crate::ids::PersonId;
use crate::ops::{Op, ReportsTo};
use crate::org::Org;
use crate::planning::target_start_day;
use crate::vocab::PersonStatus;

/// The org on a day, and the planned changes that could not be applied to it.
#[derive(Clone, Debug)]
pub struct AsOf {
    pub org: Org,
    /// Dated changes (by id) that no longer fit the org on their day (their person left, a
    /// move would make a loop...), with the reason; they are left out.
    pub skipped: Vec<(u32, Error)>,
}

/// Something that happens on a day. Departures come before planned moves on the same day, so a
/// move planned for someone's replacement is not blocked by the leaver.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    Departure(PersonId),
    Planned(u32),
}

/// The day a person is in the org from, if the plan says: their start date, or for a hire not
/// yet started the first day of their target start.
pub fn arrival(p: &crate::entities::Person) -> Option<Date> {
    let start = p.start_date.as_deref().and_then(Date::parse);
    match p.status {
        PersonStatus::OpenPosition | PersonStatus::PlannedHire => {
            start.or_else(|| p.target_start.as_deref().and_then(target_start_day))
        }
        PersonStatus::Active | PersonStatus::Leaving => start,
    }
}

/// The day a person is gone from: the day after their end date.
pub fn departure(p: &crate::entities::Person) -> Option<Date> {
    p.end_date
        .as_deref()
        .and_then(Date::parse)
        .map(Date::next_day)
}

impl Org {
    /// The org on `day`: every departure and dated change on or before it applied in day order
    /// (departures first, then planned changes by id), applied changes dropped from the result,
    /// and each person's status read from their dates.
    pub fn as_of(&self, day: Date) -> AsOf {
        self.clone().into_as_of(day)
    }

    /// [`Org::as_of`] of an org the caller is done with, without copying it again.
    pub fn into_as_of(self, day: Date) -> AsOf {
        let mut org = self;
        let skipped = org.advance(day);
        org.read_statuses(day);
        AsOf { org, skipped }
    }

    /// Moves this org on to `day`: the leavers gone by then removed (their reports to their
    /// manager) and the dated changes due by then applied and dropped, in day order. People's
    /// statuses stay as they are. Returns the changes that no longer fit, with the reason.
    pub fn advance(&mut self, day: Date) -> Vec<(u32, Error)> {
        let org = self;
        let mut events: Vec<(Date, Event)> = org
            .persons()
            .filter_map(|p| departure(p).map(|d| (d, Event::Departure(p.id))))
            .chain(
                org.dated_changes()
                    .filter_map(|c| Date::parse(&c.date).map(|d| (d, Event::Planned(c.id)))),
            )
            .filter(|(d, _)| *d <= day)
            .collect();
        events.sort_unstable();
        let mut ids = IdCounter {
            next: org.max_id() + 1,
        };
        let mut skipped = Vec::new();
        for (_, event) in events {
            match event {
                Event::Departure(id) => {
                    if org.person(id).is_some() {
                        let op = Op::DeletePerson {
                            id,
                            reports_to: Some(ReportsTo::DeletedPersonsManager),
                        };
                        org.execute(&op, &mut ids)
                            .expect("a person who is there can always leave");
                    }
                }
                Event::Planned(id) => {
                    // A change that named a leaver went with them.
                    let Some(c) = org.dated_change(id).cloned() else {
                        continue;
                    };
                    if let Err(e) = org.execute(&c.change.to_op(), &mut ids) {
                        skipped.push((id, e));
                    }
                    org.apply_change(&Change::DatedChange(Delta {
                        before: Some(c),
                        after: None,
                    }))
                    .expect("the change was just read from this org");
                }
            }
        }
        skipped
    }

    /// Sets each person's status from their dates on `day`: not yet started is planned; a
    /// planned hire or open position from its start is active (an open position named by its
    /// role title).
    fn read_statuses(&mut self, day: Date) {
        let org = self;
        let statuses: Vec<_> = org
            .persons()
            .filter_map(|p| {
                let mut after = p.clone();
                let arrived = arrival(p).is_none_or(|d| d <= day);
                match (p.status, arrived) {
                    (PersonStatus::Active | PersonStatus::Leaving, false) => {
                        after.status = PersonStatus::PlannedHire;
                    }
                    (PersonStatus::OpenPosition | PersonStatus::PlannedHire, true)
                        if arrival(p).is_some() =>
                    {
                        after.status = PersonStatus::Active;
                        if after.name.trim().is_empty() {
                            after.name = after.title.clone();
                        }
                    }
                    _ => {}
                }
                (after != *p).then(|| (p.clone(), after))
            })
            .collect();
        for (before, after) in statuses {
            org.apply_change(&Change::Person(Delta {
                before: Some(before),
                after: Some(after),
            }))
            .expect("the person was just read from this org");
        }
    }
}
