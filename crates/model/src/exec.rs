//! Validates an operation against an org and applies it, producing the patch that records it.

use crate::change::{Change, Delta, Patch};
use crate::entities::{Area, Contributor, DottedLine, Membership, Person, Placement, Unit};
use crate::error::{err, Error, ErrorCode, Result};
use crate::ids::{AreaId, InteractionId, PersonId, UnitId};
use crate::ops::{Op, ReportsTo};
use crate::org::Org;
use crate::planning::{self, Budget, DatedChange};
use crate::validate;

/// Hands out document-wide ids: every id below `next` has been given out (or reserved) once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdCounter {
    pub next: u32,
}

impl IdCounter {
    pub fn fresh(&mut self) -> u32 {
        let id = self.next;
        self.next += 1;
        id
    }

    /// Gives a record its id: a fresh one for 0, or a reserved one that must be unused here.
    fn assign(&mut self, requested: u32, in_use: bool, what: &str) -> Result<u32> {
        if requested == 0 {
            return Ok(self.fresh());
        }
        if requested >= self.next {
            return err(
                ErrorCode::InvalidValue,
                format!("{what} id {requested} was not reserved from the document"),
            );
        }
        if in_use {
            return err(
                ErrorCode::Duplicate,
                format!("{what} id {requested} is already in use"),
            );
        }
        Ok(requested)
    }
}

impl Org {
    /// Validates and applies `op`. On success the org has changed and the patch says how; on
    /// error nothing has changed. Scenario ops belong to the document and are refused here.
    pub fn execute(&mut self, op: &Op, ids: &mut IdCounter) -> Result<Patch> {
        let saved_ids = *ids;
        let mut tx = Tx {
            org: self,
            patch: Patch::default(),
        };
        match tx.run(op, ids, 0) {
            Ok(()) => Ok(tx.patch),
            Err(e) => {
                tx.rollback();
                *ids = saved_ids;
                Err(e)
            }
        }
    }

    /// Applies a whole patch (for undo and redo); on a conflict nothing has changed.
    pub fn apply_patch(&mut self, patch: &Patch) -> Result<()> {
        for (done, change) in patch.changes.iter().enumerate() {
            if let Err(e) = self.apply_change(change) {
                for c in patch.changes[..done].iter().rev() {
                    self.apply_change(&c.clone().inverted())
                        .expect("reverting changes just applied cannot conflict");
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

fn not_found(what: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::NotFound, format!("{what} does not exist"))
}

/// An operation in progress: every change is applied at once so later steps see it, and
/// recorded so that a failure can put everything back.
struct Tx<'a> {
    org: &'a mut Org,
    patch: Patch,
}

impl Tx<'_> {
    fn rollback(&mut self) {
        for c in std::mem::take(&mut self.patch).inverted().changes {
            self.org
                .apply_change(&c)
                .expect("reverting changes just applied cannot conflict");
        }
    }

    fn change(&mut self, c: Change) -> Result<()> {
        self.org.apply_change(&c)?;
        self.patch.changes.push(c);
        Ok(())
    }

    fn person(&self, id: PersonId) -> Result<&Person> {
        self.org.person(id).ok_or_else(|| not_found(id))
    }
    fn unit(&self, id: UnitId) -> Result<&Unit> {
        self.org.unit(id).ok_or_else(|| not_found(id))
    }
    fn area(&self, id: AreaId) -> Result<&Area> {
        self.org.area(id).ok_or_else(|| not_found(id))
    }

    fn put_person(&mut self, before: Option<Person>, after: Option<Person>) -> Result<()> {
        self.change(Change::Person(Delta { before, after }))
    }
    fn put_unit(&mut self, before: Option<Unit>, after: Option<Unit>) -> Result<()> {
        self.change(Change::Unit(Delta { before, after }))
    }
    fn put_area(&mut self, before: Option<Area>, after: Option<Area>) -> Result<()> {
        self.change(Change::Area(Delta { before, after }))
    }

    fn run(&mut self, op: &Op, ids: &mut IdCounter, depth: usize) -> Result<()> {
        match op {
            Op::CreatePerson { person } => {
                let mut p = person.clone();
                validate::person(&mut p)?;
                let in_use = self.org.id_in_use(p.id.0);
                p.id = PersonId(ids.assign(p.id.0, in_use, "person")?);
                if let Some(m) = p.manager {
                    self.person(m)?;
                }
                self.check_employee_id(&p)?;
                self.put_person(None, Some(p))
            }
            Op::UpdatePerson { person } => {
                let mut p = person.clone();
                validate::person(&mut p)?;
                let old = self.person(p.id)?.clone();
                if old.manager != p.manager {
                    return err(
                        ErrorCode::NotAllowed,
                        format!(
                            "an update cannot change the manager of {}; use set-manager or move-subtree",
                            old.display_name()
                        ),
                    );
                }
                self.check_employee_id(&p)?;
                if old != p {
                    self.put_person(Some(old), Some(p))?;
                }
                Ok(())
            }
            Op::DeletePerson { id, reports_to } => self.delete_person(*id, *reports_to),
            Op::SetManager { person, manager } => self.set_manager_alone(*person, Some(*manager)),
            Op::ClearManager { person } => self.set_manager_alone(*person, None),
            Op::MoveSubtree { person, manager } => self.move_subtree(*person, *manager),
            Op::AddDottedLine { person, manager } => {
                let p = self.person(*person)?;
                self.person(*manager)?;
                if person == manager {
                    return err(
                        ErrorCode::SelfReference,
                        format!(
                            "{} cannot have a dotted line to themselves",
                            p.display_name()
                        ),
                    );
                }
                if p.manager == Some(*manager) {
                    return err(
                        ErrorCode::Duplicate,
                        format!(
                            "{} already reports to {} on the solid line",
                            p.display_name(),
                            self.org.person(*manager).map_or("", |m| m.display_name())
                        ),
                    );
                }
                if self.org.has_dotted_line(*person, *manager) {
                    return err(
                        ErrorCode::Duplicate,
                        format!(
                            "{} already has a dotted line to {}",
                            p.display_name(),
                            self.org.person(*manager).map_or("", |m| m.display_name())
                        ),
                    );
                }
                let d = DottedLine {
                    person: *person,
                    manager: *manager,
                };
                self.change(Change::DottedLine(Delta {
                    before: None,
                    after: Some(d),
                }))
            }
            Op::RemoveDottedLine { person, manager } => {
                if !self.org.has_dotted_line(*person, *manager) {
                    return Err(not_found(format!(
                        "a dotted line from {person} to {manager}"
                    )));
                }
                let d = DottedLine {
                    person: *person,
                    manager: *manager,
                };
                self.change(Change::DottedLine(Delta {
                    before: Some(d),
                    after: None,
                }))
            }
            Op::CreateUnit { unit } => {
                let mut u = unit.clone();
                validate::unit(&mut u)?;
                let in_use = self.org.id_in_use(u.id.0);
                u.id = UnitId(ids.assign(u.id.0, in_use, "unit")?);
                if let Some(p) = u.parent {
                    self.unit(p)?;
                }
                if let Some(l) = u.lead {
                    self.person(l)?;
                }
                self.put_unit(None, Some(u))
            }
            Op::UpdateUnit { unit } => {
                let mut u = unit.clone();
                validate::unit(&mut u)?;
                let old = self.unit(u.id)?.clone();
                if old.parent != u.parent {
                    return err(
                        ErrorCode::NotAllowed,
                        format!(
                            "an update cannot change the parent unit of {}; use move-unit",
                            old.name
                        ),
                    );
                }
                if let Some(l) = u.lead {
                    self.person(l)?;
                }
                if old != u {
                    self.put_unit(Some(old), Some(u))?;
                }
                Ok(())
            }
            Op::DeleteUnit { id } => self.delete_unit(*id),
            Op::MoveUnit { id, parent } => {
                let old = self.unit(*id)?.clone();
                if let Some(p) = parent {
                    self.unit(*p)?;
                    if p == id {
                        return err(
                            ErrorCode::SelfReference,
                            format!("{} cannot contain itself", old.name),
                        );
                    }
                    if self.org.unit_contains(*id, *p) {
                        return err(
                            ErrorCode::Cycle,
                            format!(
                                "{} cannot move into {}, which it contains",
                                old.name,
                                self.org.unit(*p).map_or("", |u| &u.name)
                            ),
                        );
                    }
                }
                if old.parent != *parent {
                    let mut new = old.clone();
                    new.parent = *parent;
                    self.put_unit(Some(old), Some(new))?;
                }
                Ok(())
            }
            Op::SetMembership {
                person,
                unit,
                allocation,
                role,
            } => {
                self.person(*person)?;
                self.unit(*unit)?;
                validate::allocation(*allocation)?;
                let before = self.org.membership(*person, *unit).cloned();
                let after = Membership {
                    person: *person,
                    unit: *unit,
                    allocation: *allocation,
                    role: *role,
                };
                if before.as_ref() != Some(&after) {
                    self.change(Change::Membership(Delta {
                        before,
                        after: Some(after),
                    }))?;
                }
                Ok(())
            }
            Op::RemoveMembership { person, unit } => {
                let m = self
                    .org
                    .membership(*person, *unit)
                    .cloned()
                    .ok_or_else(|| not_found(format!("a membership of {person} in {unit}")))?;
                self.change(Change::Membership(Delta {
                    before: Some(m),
                    after: None,
                }))
            }
            Op::CreateArea { area } => {
                let mut a = area.clone();
                validate::area(&mut a)?;
                let in_use = self.org.id_in_use(a.id.0);
                a.id = AreaId(ids.assign(a.id.0, in_use, "area")?);
                if let Some(p) = a.parent {
                    self.area(p)?;
                }
                if let Some(o) = a.owner {
                    self.unit(o)?;
                }
                self.put_area(None, Some(a))
            }
            Op::UpdateArea { area } => {
                let mut a = area.clone();
                validate::area(&mut a)?;
                let old = self.area(a.id)?.clone();
                if old.parent != a.parent || old.owner != a.owner {
                    return err(
                        ErrorCode::NotAllowed,
                        format!(
                            "an update cannot change the parent or owner of {}; use move-area or set-owner",
                            old.name
                        ),
                    );
                }
                if old != a {
                    self.put_area(Some(old), Some(a))?;
                }
                Ok(())
            }
            Op::DeleteArea { id } => self.delete_area(*id),
            Op::MoveArea {
                id,
                parent,
                position,
            } => self.move_area(*id, *parent, *position),
            Op::SetOwner { area, unit } => {
                let old = self.area(*area)?.clone();
                self.unit(*unit)?;
                if self.org.is_contributor(*area, *unit) {
                    self.remove_contributor(*area, *unit)?;
                }
                if old.owner != Some(*unit) {
                    let mut new = old.clone();
                    new.owner = Some(*unit);
                    self.put_area(Some(old), Some(new))?;
                }
                Ok(())
            }
            Op::ClearOwner { area } => {
                let old = self.area(*area)?.clone();
                if old.owner.is_some() {
                    let mut new = old.clone();
                    new.owner = None;
                    self.put_area(Some(old), Some(new))?;
                }
                Ok(())
            }
            Op::AddContributor { area, unit } => {
                let a = self.area(*area)?;
                let u = self.unit(*unit)?;
                if a.owner == Some(*unit) {
                    return err(
                        ErrorCode::Duplicate,
                        format!("{} already owns {}", u.name, a.name),
                    );
                }
                if self.org.is_contributor(*area, *unit) {
                    return err(
                        ErrorCode::Duplicate,
                        format!("{} already contributes to {}", u.name, a.name),
                    );
                }
                self.change(Change::Contributor(Delta {
                    before: None,
                    after: Some(Contributor {
                        area: *area,
                        unit: *unit,
                    }),
                }))
            }
            Op::RemoveContributor { area, unit } => {
                if !self.org.is_contributor(*area, *unit) {
                    return Err(not_found(format!("a contribution of {unit} to {area}")));
                }
                self.remove_contributor(*area, *unit)
            }
            Op::AddInteraction { interaction } => {
                let mut i = interaction.clone();
                validate::interaction(&mut i)?;
                let in_use = self.org.id_in_use(i.id.0);
                i.id = InteractionId(ids.assign(i.id.0, in_use, "interaction")?);
                self.check_interaction_units(i.from, i.to)?;
                self.change(Change::Interaction(Delta {
                    before: None,
                    after: Some(i),
                }))
            }
            Op::UpdateInteraction { interaction } => {
                let mut i = interaction.clone();
                validate::interaction(&mut i)?;
                let old = self
                    .org
                    .interaction(i.id)
                    .cloned()
                    .ok_or_else(|| not_found(i.id))?;
                self.check_interaction_units(i.from, i.to)?;
                if old != i {
                    self.change(Change::Interaction(Delta {
                        before: Some(old),
                        after: Some(i),
                    }))?;
                }
                Ok(())
            }
            Op::RemoveInteraction { id } => {
                let old = self
                    .org
                    .interaction(*id)
                    .cloned()
                    .ok_or_else(|| not_found(*id))?;
                self.change(Change::Interaction(Delta {
                    before: Some(old),
                    after: None,
                }))
            }
            Op::SetPlacement { placement } => {
                validate::placement(placement)?;
                self.unit(placement.unit)?;
                let before = self.org.placement(placement.unit).cloned();
                if before.as_ref() != Some(placement) {
                    self.change(Change::Placement(Delta {
                        before,
                        after: Some(placement.clone()),
                    }))?;
                }
                Ok(())
            }
            Op::ClearPlacements { units } => {
                let targets: Vec<Placement> = if units.is_empty() {
                    self.org.placements().cloned().collect()
                } else {
                    for u in units {
                        self.unit(*u)?;
                    }
                    // A unit named twice is cleared once.
                    let mut seen = std::collections::BTreeSet::new();
                    units
                        .iter()
                        .filter(|u| seen.insert(**u))
                        .filter_map(|u| self.org.placement(*u).cloned())
                        .collect()
                };
                for p in targets {
                    self.change(Change::Placement(Delta {
                        before: Some(p),
                        after: None,
                    }))?;
                }
                Ok(())
            }
            Op::Batch { ops, .. } => {
                // Nested batches are flattened by recursion; the bound keeps a hostile input
                // from exhausting the stack.
                if depth > 32 {
                    return err(ErrorCode::NotAllowed, "batches nest more than 32 deep");
                }
                for (i, sub) in ops.iter().enumerate() {
                    self.run(sub, ids, depth + 1).map_err(|e| Error {
                        message: format!("step {} ({}): {}", i + 1, sub.label(), e),
                        ..e
                    })?;
                }
                Ok(())
            }
            Op::SetBudget { budget } => {
                let mut b = budget.clone();
                planning::validate_budget(&mut b, &self.org.plan_settings())?;
                self.unit(b.unit)?;
                let before = self.org.budget(b.unit, &b.period).cloned();
                self.put_budget(before, Some(b))
            }
            Op::RemoveBudget { unit, period } => {
                let period = period.trim().to_ascii_uppercase();
                let before = self
                    .org
                    .budget(*unit, &period)
                    .cloned()
                    .ok_or_else(|| not_found(format!("the budget of {unit} for {period}")))?;
                self.put_budget(Some(before), None)
            }
            Op::AddDatedChange { change } => {
                let mut c = change.clone();
                self.check_dated(&mut c)?;
                let in_use = self.org.id_in_use(c.id);
                c.id = ids.assign(c.id, in_use, "dated change")?;
                self.change(Change::DatedChange(Delta {
                    before: None,
                    after: Some(c),
                }))
            }
            Op::UpdateDatedChange { change } => {
                let mut c = change.clone();
                self.check_dated(&mut c)?;
                let before = self
                    .org
                    .dated_change(c.id)
                    .cloned()
                    .ok_or_else(|| not_found(format!("dated change #{}", c.id)))?;
                self.put_dated(Some(before), Some(c))
            }
            Op::RemoveDatedChange { id } => {
                let before = self
                    .org
                    .dated_change(*id)
                    .cloned()
                    .ok_or_else(|| not_found(format!("dated change #{id}")))?;
                self.put_dated(Some(before), None)
            }
            Op::SetPlanSettings { settings } => {
                let mut s = settings.clone();
                planning::validate_settings(&mut s)?;
                if let Some(b) = self.org.budgets().find(|b| {
                    b.amount
                        .as_ref()
                        .is_some_and(|a| s.rate(&a.currency).is_none())
                }) {
                    return crate::error::err_in(
                        "rates",
                        format!(
                            "the budget of {} for {} is in {}, which would have no rate",
                            self.unit(b.unit)?.name,
                            b.period,
                            b.amount.as_ref().map_or("", |a| a.currency.as_str())
                        ),
                    );
                }
                let before = self.org.stored_plan_settings().cloned();
                if before.as_ref() != Some(&s) {
                    self.change(Change::PlanSettings(Delta {
                        before,
                        after: Some(s),
                    }))?;
                }
                Ok(())
            }
            Op::CreateScenario { .. }
            | Op::CreateScenarioWith { .. }
            | Op::ForkScenario { .. }
            | Op::RenameScenario { .. }
            | Op::DeleteScenario { .. }
            | Op::PromoteScenario { .. } => err(
                ErrorCode::NotAllowed,
                "scenario operations act on the document and cannot be part of a batch",
            ),
            Op::SetCheckSettings { .. } => err(
                ErrorCode::NotAllowed,
                "check settings belong to the document and cannot be part of a batch",
            ),
            Op::SaveSheetView { .. } | Op::DeleteSheetView { .. } => err(
                ErrorCode::NotAllowed,
                "saved sheet views belong to the document and cannot be part of a batch",
            ),
            Op::AddField { .. } | Op::UpdateField { .. } | Op::RemoveField { .. } => err(
                ErrorCode::NotAllowed,
                "field definitions belong to the document and cannot be part of a batch",
            ),
        }
    }

    fn put_budget(&mut self, before: Option<Budget>, after: Option<Budget>) -> Result<()> {
        if before == after {
            return Ok(());
        }
        self.change(Change::Budget(Delta { before, after }))
    }

    fn put_dated(&mut self, before: Option<DatedChange>, after: Option<DatedChange>) -> Result<()> {
        if before == after {
            return Ok(());
        }
        self.change(Change::DatedChange(Delta { before, after }))
    }

    /// A planned change needs a real day and must name people and units that exist now.
    fn check_dated(&self, c: &mut DatedChange) -> Result<()> {
        c.date = c.date.trim().to_string();
        validate::check_date("the effective date", &c.date)
            .map_err(|e| Error::in_field(e.code, "date", e.message))?;
        if let planning::DatedOp::SetMembership { allocation, .. } = c.change {
            validate::allocation(allocation)?;
        }
        let (people, units) = c.change.references();
        for p in people {
            self.person(p)?;
        }
        for u in units {
            self.unit(u)?;
        }
        Ok(())
    }

    /// Removes the budgets and planned changes that name a record about to be deleted.
    fn forget_plans_of(&mut self, person: Option<PersonId>, unit: Option<UnitId>) -> Result<()> {
        let dated: Vec<DatedChange> = self
            .org
            .dated_changes()
            .filter(|c| {
                let (people, units) = c.change.references();
                person.is_some_and(|p| people.contains(&p))
                    || unit.is_some_and(|u| units.contains(&u))
            })
            .cloned()
            .collect();
        for c in dated {
            self.put_dated(Some(c), None)?;
        }
        if let Some(u) = unit {
            let budgets: Vec<Budget> = self.org.budgets_of(u).cloned().collect();
            for b in budgets {
                self.put_budget(Some(b), None)?;
            }
        }
        Ok(())
    }

    fn check_employee_id(&self, p: &Person) -> Result<()> {
        if let Some(e) = &p.employee_id {
            if let Some(other) = self.org.person_by_employee_id(e) {
                if other != p.id {
                    return err(
                        ErrorCode::Duplicate,
                        format!(
                            "employee id '{e}' already belongs to {}",
                            self.org.person(other).map_or("", |o| o.display_name())
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    fn check_interaction_units(&self, from: UnitId, to: UnitId) -> Result<()> {
        let u = self.unit(from)?;
        self.unit(to)?;
        if from == to {
            return err(
                ErrorCode::SelfReference,
                format!(
                    "an interaction needs two different units; {} cannot interact with itself",
                    u.name
                ),
            );
        }
        Ok(())
    }

    /// Checks that `person` may report to `manager` once `person`'s own line is considered.
    fn check_new_manager(&self, person: PersonId, manager: PersonId, subtree: bool) -> Result<()> {
        let p = self.person(person)?;
        let m = self.person(manager)?;
        if person == manager {
            return err(
                ErrorCode::SelfReference,
                format!("{} cannot manage themselves", p.display_name()),
            );
        }
        // Moving alone, the person's reports stay behind, so only the person's own managers
        // matter; moving a subtree, the new manager must not be inside it.
        if subtree && self.org.manages_transitively(person, manager) {
            return err(
                ErrorCode::Cycle,
                format!(
                    "{} cannot report to {}, who is in their own reporting line",
                    p.display_name(),
                    m.display_name()
                ),
            );
        }
        Ok(())
    }

    fn set_person_manager(&mut self, person: PersonId, manager: Option<PersonId>) -> Result<()> {
        let old = self.person(person)?.clone();
        if old.manager == manager {
            return Ok(());
        }
        let mut new = old.clone();
        new.manager = manager;
        // A dotted line to the new solid-line manager would duplicate it: the solid line wins.
        if let Some(m) = manager {
            if self.org.has_dotted_line(person, m) {
                self.change(Change::DottedLine(Delta {
                    before: Some(DottedLine { person, manager: m }),
                    after: None,
                }))?;
            }
        }
        self.put_person(Some(old), Some(new))
    }

    fn set_manager_alone(&mut self, person: PersonId, manager: Option<PersonId>) -> Result<()> {
        let old_manager = self.person(person)?.manager;
        if old_manager == manager {
            return Ok(());
        }
        if let Some(m) = manager {
            self.check_new_manager(person, m, false)?;
        }
        let reports: Vec<PersonId> = self.org.reports(person).collect();
        // If the new manager is one of the person's reports, handing the reports up first
        // makes the chain acyclic: that report now sits under the old manager.
        for r in reports {
            self.set_person_manager(r, old_manager)?;
        }
        self.set_person_manager(person, manager)
    }

    fn move_subtree(&mut self, person: PersonId, manager: Option<PersonId>) -> Result<()> {
        if let Some(m) = manager {
            self.check_new_manager(person, m, true)?;
        } else {
            self.person(person)?;
        }
        self.set_person_manager(person, manager)
    }

    fn delete_person(&mut self, id: PersonId, reports_to: Option<ReportsTo>) -> Result<()> {
        let p = self.person(id)?.clone();
        if let Some(ReportsTo::Person { id: to }) = reports_to {
            // Checked even without reports: a wrong target is a mistake worth saying.
            self.person(to)?;
        }
        let reports: Vec<PersonId> = self.org.reports(id).collect();
        if !reports.is_empty() {
            let target = match reports_to {
                None => {
                    return err(
                        ErrorCode::HasReports,
                        format!(
                            "{} has {} direct report(s); say where they go",
                            p.display_name(),
                            reports.len()
                        ),
                    )
                }
                Some(ReportsTo::DeletedPersonsManager) => p.manager,
                Some(ReportsTo::Nobody) => None,
                Some(ReportsTo::Person { id: to }) => {
                    self.person(to)?;
                    if self.org.manages_transitively(id, to) {
                        return err(
                            ErrorCode::Cycle,
                            format!(
                                "the reports of {} cannot go to {}, who is deleted or below them",
                                p.display_name(),
                                self.org.person(to).map_or("", |t| t.display_name())
                            ),
                        );
                    }
                    Some(to)
                }
            };
            for r in reports {
                self.set_person_manager(r, target)?;
            }
        }
        let dotted: Vec<DottedLine> = self
            .org
            .dotted_managers(id)
            .map(|m| DottedLine {
                person: id,
                manager: m,
            })
            .chain(self.org.dotted_reports(id).map(|r| DottedLine {
                person: r,
                manager: id,
            }))
            .collect();
        for d in dotted {
            self.change(Change::DottedLine(Delta {
                before: Some(d),
                after: None,
            }))?;
        }
        let seats: Vec<Membership> = self.org.memberships_of(id).cloned().collect();
        for m in seats {
            self.change(Change::Membership(Delta {
                before: Some(m),
                after: None,
            }))?;
        }
        let led: Vec<UnitId> = self.org.units_led_by(id).collect();
        for u in led {
            let old = self.unit(u)?.clone();
            let mut new = old.clone();
            new.lead = None;
            self.put_unit(Some(old), Some(new))?;
        }
        self.forget_plans_of(Some(id), None)?;
        let current = self.person(id)?.clone();
        self.put_person(Some(current), None)
    }

    fn delete_unit(&mut self, id: UnitId) -> Result<()> {
        let u = self.unit(id)?.clone();
        let children: Vec<UnitId> = self.org.child_units(id).collect();
        for c in children {
            let old = self.unit(c)?.clone();
            let mut new = old.clone();
            new.parent = u.parent;
            self.put_unit(Some(old), Some(new))?;
        }
        let seats: Vec<Membership> = self.org.members(id).cloned().collect();
        for m in seats {
            self.change(Change::Membership(Delta {
                before: Some(m),
                after: None,
            }))?;
        }
        let owned: Vec<AreaId> = self.org.areas_owned_by(id).collect();
        for a in owned {
            let old = self.area(a)?.clone();
            let mut new = old.clone();
            new.owner = None;
            self.put_area(Some(old), Some(new))?;
        }
        let contributions: Vec<AreaId> = self.org.contributions_of(id).collect();
        for a in contributions {
            self.remove_contributor(a, id)?;
        }
        let interactions: Vec<InteractionId> = self.org.interactions_of(id).collect();
        for i in interactions {
            let old = self
                .org
                .interaction(i)
                .cloned()
                .ok_or_else(|| not_found(i))?;
            self.change(Change::Interaction(Delta {
                before: Some(old),
                after: None,
            }))?;
        }
        if let Some(p) = self.org.placement(id).cloned() {
            self.change(Change::Placement(Delta {
                before: Some(p),
                after: None,
            }))?;
        }
        self.forget_plans_of(None, Some(id))?;
        self.put_unit(Some(u), None)
    }

    fn delete_area(&mut self, id: AreaId) -> Result<()> {
        let a = self.area(id)?.clone();
        let children: Vec<AreaId> = self.org.child_areas(id).collect();
        for c in children {
            let old = self.area(c)?.clone();
            let mut new = old.clone();
            new.parent = a.parent;
            self.put_area(Some(old), Some(new))?;
        }
        let contributors: Vec<UnitId> = self.org.contributors_of(id).collect();
        for u in contributors {
            self.remove_contributor(id, u)?;
        }
        self.put_area(Some(a), None)
    }

    fn move_area(
        &mut self,
        id: AreaId,
        parent: Option<AreaId>,
        position: Option<u32>,
    ) -> Result<()> {
        let old = self.area(id)?.clone();
        if let Some(p) = parent {
            let target = self.area(p)?;
            if p == id {
                return err(
                    ErrorCode::SelfReference,
                    format!("{} cannot contain itself", old.name),
                );
            }
            if self.org.area_contains(id, p) {
                return err(
                    ErrorCode::Cycle,
                    format!(
                        "{} cannot move into {}, which it contains",
                        old.name, target.name
                    ),
                );
            }
        }
        let Some(at) = position else {
            if old.parent != parent {
                let mut new = old.clone();
                new.parent = parent;
                self.put_area(Some(old), Some(new))?;
            }
            return Ok(());
        };
        // The new siblings in order with the area slotted in; every one whose number or parent
        // differs from its place in that list is rewritten, so positions stay 0..n.
        let mut order: Vec<AreaId> = self
            .org
            .areas_in_order(parent)
            .into_iter()
            .filter(|a| *a != id)
            .collect();
        let at = (at as usize).min(order.len());
        order.insert(at, id);
        for (k, a) in order.into_iter().enumerate() {
            let before = self.area(a)?.clone();
            let mut after = before.clone();
            after.parent = parent;
            after.position = k as u32;
            if after != before {
                self.put_area(Some(before), Some(after))?;
            }
        }
        Ok(())
    }

    fn remove_contributor(&mut self, area: AreaId, unit: UnitId) -> Result<()> {
        self.change(Change::Contributor(Delta {
            before: Some(Contributor { area, unit }),
            after: None,
        }))
    }
}
