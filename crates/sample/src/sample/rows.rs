//! The shapes of the sample's tables, with short constructors so the data reads like a roster.

use topograph_model::{
    Complexity, Discipline, Employment, InteractionMode, PersonStatus, TeamRole, UnitKind,
};

/// One person; `manager` and every other reference is a key of another row ("" for none).
#[derive(Clone, Copy)]
pub struct Row {
    pub key: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub discipline: Discipline,
    pub level: &'static str,
    pub location: usize,
    pub manager: &'static str,
    pub status: PersonStatus,
    pub employment: Employment,
    /// `None` picks a plausible date from the person's seniority.
    pub start: Option<&'static str>,
}

/// An active employee.
pub const fn p(
    key: &'static str,
    name: &'static str,
    title: &'static str,
    discipline: Discipline,
    level: &'static str,
    location: usize,
    manager: &'static str,
) -> Row {
    Row {
        key,
        name,
        title,
        discipline,
        level,
        location,
        manager,
        status: PersonStatus::Active,
        employment: Employment::Employee,
        start: None,
    }
}

/// An open position: no name, the role title says what is being hired.
pub const fn open(
    key: &'static str,
    title: &'static str,
    discipline: Discipline,
    level: &'static str,
    location: usize,
    manager: &'static str,
) -> Row {
    let mut r = p(key, "", title, discipline, level, location, manager);
    r.status = PersonStatus::OpenPosition;
    r
}

impl Row {
    pub const fn contractor(mut self) -> Row {
        self.employment = Employment::Contractor;
        self
    }
    /// Signed, starting on `date`.
    pub const fn planned(mut self, date: &'static str) -> Row {
        self.status = PersonStatus::PlannedHire;
        self.start = Some(date);
        self
    }
    pub const fn leaving(mut self) -> Row {
        self.status = PersonStatus::Leaving;
        self
    }
    pub const fn since(mut self, date: &'static str) -> Row {
        self.start = Some(date);
        self
    }
}

/// A team or group with its members (person key, role, allocation %).
pub struct UnitRow {
    pub key: &'static str,
    pub name: &'static str,
    pub kind: UnitKind,
    pub parent: &'static str,
    pub lead: &'static str,
    /// `None` takes the Team Topologies colour of the kind.
    pub colour: Option<&'static str>,
    pub target_size: Option<u32>,
    pub mission: &'static str,
    pub members: &'static [(&'static str, TeamRole, u32)],
}

pub struct AreaRow {
    pub key: &'static str,
    pub name: &'static str,
    pub parent: &'static str,
    pub complexity: Complexity,
    pub user_facing: bool,
    /// A unit key, or "" for an area nobody owns.
    pub owner: &'static str,
    pub description: &'static str,
}

/// (from, to, mode, note, start, expected end); `from` provides or helps, `to` consumes or
/// is helped; for a collaboration the order does not matter.
pub type InteractionRow = (
    &'static str,
    &'static str,
    InteractionMode,
    &'static str,
    &'static str,
    Option<&'static str>,
);
