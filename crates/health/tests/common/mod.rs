//! A small org builder for the health tests: every record goes through `Org::execute`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use topograph_health::{check, Date, Finding, Settings};
use topograph_model::*;

pub struct B {
    pub org: Org,
    ids: IdCounter,
}

pub fn today() -> Date {
    Date::parse("2026-11-27").unwrap()
}

impl B {
    pub fn new() -> B {
        B {
            org: Org::new(),
            ids: IdCounter { next: 1 },
        }
    }

    fn run(&mut self, op: Op) -> u32 {
        self.org
            .execute(&op, &mut self.ids)
            .unwrap_or_else(|e| panic!("{}: {e}", op.label()));
        self.ids.next - 1
    }

    pub fn person_with(
        &mut self,
        name: &str,
        manager: Option<PersonId>,
        status: PersonStatus,
    ) -> PersonId {
        let person = Person {
            id: PersonId(0),
            name: name.into(),
            title: "Engineer".into(),
            discipline: Discipline::Engineering,
            level: None,
            location: None,
            email: None,
            employee_id: None,
            employment: Employment::Employee,
            status,
            start_date: None,
            end_date: None,
            target_start: None,
            hiring_stage: None,
            cost: None,
            custom: BTreeMap::new(),
            manager,
        };
        PersonId(self.run(Op::CreatePerson { person }))
    }

    pub fn person(&mut self, name: &str, manager: Option<PersonId>) -> PersonId {
        self.person_with(name, manager, PersonStatus::Active)
    }

    /// `n` people reporting to `manager`.
    pub fn reports(&mut self, manager: PersonId, n: usize) -> Vec<PersonId> {
        (0..n)
            .map(|i| self.person(&format!("Report {i}"), Some(manager)))
            .collect()
    }

    pub fn unit(&mut self, name: &str, kind: UnitKind, parent: Option<UnitId>) -> UnitId {
        let unit = Unit {
            id: UnitId(0),
            name: name.into(),
            mission: String::new(),
            kind,
            parent,
            lead: None,
            colour: None,
            target_size: None,
        };
        UnitId(self.run(Op::CreateUnit { unit }))
    }

    pub fn seat(&mut self, person: PersonId, unit: UnitId, allocation: u32, role: TeamRole) {
        self.run(Op::SetMembership {
            person,
            unit,
            allocation,
            role,
        });
    }

    /// A team of `n` full-time engineers.
    pub fn team(&mut self, name: &str, kind: UnitKind, n: usize) -> UnitId {
        let t = self.unit(name, kind, None);
        for i in 0..n {
            let p = self.person(&format!("{name} {i}"), None);
            self.seat(p, t, 100, TeamRole::Engineer);
        }
        t
    }

    pub fn area(
        &mut self,
        name: &str,
        complexity: Complexity,
        user_facing: bool,
        parent: Option<AreaId>,
        owner: Option<UnitId>,
    ) -> AreaId {
        let area = Area {
            id: AreaId(0),
            name: name.into(),
            description: String::new(),
            parent,
            complexity,
            user_facing,
            owner: None,
            position: 0,
            stance: None,
            target_share: None,
            outcome: String::new(),
        };
        let id = AreaId(self.run(Op::CreateArea { area }));
        if let Some(unit) = owner {
            self.run(Op::SetOwner { area: id, unit });
        }
        id
    }

    /// Sets an area's stance and target share (an update, as the inspector does).
    pub fn direct(&mut self, area: AreaId, stance: Option<Stance>, target: Option<f64>) {
        let area = Area {
            stance,
            target_share: target,
            ..self.org.area(area).unwrap().clone()
        };
        self.run(Op::UpdateArea { area });
    }

    pub fn contribute(&mut self, area: AreaId, unit: UnitId) {
        self.run(Op::AddContributor { area, unit });
    }

    pub fn interaction(
        &mut self,
        from: UnitId,
        to: UnitId,
        mode: InteractionMode,
        start: Option<&str>,
        end: Option<&str>,
    ) -> InteractionId {
        let interaction = Interaction {
            id: InteractionId(0),
            from,
            to,
            mode,
            note: String::new(),
            start: start.map(String::from),
            expected_end: end.map(String::from),
        };
        InteractionId(self.run(Op::AddInteraction { interaction }))
    }

    pub fn sample_findings() -> Vec<Finding> {
        check(&topograph_sample::sample(), &Settings::default(), today())
    }

    pub fn findings(&self) -> Vec<Finding> {
        check(&self.org, &Settings::default(), today())
    }

    pub fn findings_with(&self, settings: &CheckSettings) -> Vec<Finding> {
        check(&self.org, &Settings::resolve(settings).unwrap(), today())
    }
}

/// The findings of one check.
pub fn of<'a>(findings: &'a [Finding], check: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.check == check).collect()
}
