//! Every rule a valid org obeys, checked over a whole org (for tests and untrusted input).

use crate::org::Org;
use crate::validate;
use std::collections::HashSet;

impl Org {
    /// Lists every broken rule; an org built only through operations has none.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut employee_ids = HashSet::new();
        for p in self.persons() {
            let mut copy = p.clone();
            if let Err(e) = validate::person(&mut copy) {
                out.push(format!("{}: {e}", p.id));
            }
            if let Some(m) = p.manager {
                if m == p.id {
                    out.push(format!("{} manages themselves", p.id));
                } else if self.person(m).is_none() {
                    out.push(format!("{} reports to missing {m}", p.id));
                } else if self.manages_transitively(p.id, m) {
                    out.push(format!("{} is in a reporting cycle", p.id));
                }
            }
            if let Some(e) = &p.employee_id {
                if !employee_ids.insert(e.as_str()) {
                    out.push(format!("employee id '{e}' is used twice"));
                }
            }
        }
        for d in self.dotted_lines() {
            if d.person == d.manager {
                out.push(format!("{} has a dotted line to themselves", d.person));
            }
            if self.person(d.person).is_none() || self.person(d.manager).is_none() {
                out.push(format!(
                    "dotted line {} -> {} is dangling",
                    d.person, d.manager
                ));
            } else if self.person(d.person).and_then(|p| p.manager) == Some(d.manager) {
                out.push(format!(
                    "dotted line {} -> {} duplicates the solid line",
                    d.person, d.manager
                ));
            }
        }
        for u in self.units() {
            let mut copy = u.clone();
            if let Err(e) = validate::unit(&mut copy) {
                out.push(format!("{}: {e}", u.id));
            }
            if let Some(p) = u.parent {
                if p == u.id {
                    out.push(format!("{} contains itself", u.id));
                } else if self.unit(p).is_none() {
                    out.push(format!("{} is inside missing {p}", u.id));
                } else if self.unit_contains(u.id, p) {
                    out.push(format!("{} is in a unit cycle", u.id));
                }
            }
            if let Some(l) = u.lead {
                if self.person(l).is_none() {
                    out.push(format!("{} is led by missing {l}", u.id));
                }
            }
        }
        for m in self.memberships() {
            if self.person(m.person).is_none() || self.unit(m.unit).is_none() {
                out.push(format!("membership {} in {} is dangling", m.person, m.unit));
            }
            if validate::allocation(m.allocation).is_err() {
                out.push(format!(
                    "membership {} in {} has allocation {}",
                    m.person, m.unit, m.allocation
                ));
            }
        }
        for a in self.areas() {
            let mut copy = a.clone();
            if let Err(e) = validate::area(&mut copy) {
                out.push(format!("{}: {e}", a.id));
            }
            if let Some(p) = a.parent {
                if p == a.id {
                    out.push(format!("{} contains itself", a.id));
                } else if self.area(p).is_none() {
                    out.push(format!("{} is inside missing {p}", a.id));
                } else if self.area_contains(a.id, p) {
                    out.push(format!("{} is in an area cycle", a.id));
                }
            }
            if let Some(o) = a.owner {
                if self.unit(o).is_none() {
                    out.push(format!("{} is owned by missing {o}", a.id));
                }
            }
        }
        for c in self.contributors() {
            if self.area(c.area).is_none() || self.unit(c.unit).is_none() {
                out.push(format!("contribution {} to {} is dangling", c.unit, c.area));
            } else if self.area(c.area).and_then(|a| a.owner) == Some(c.unit) {
                out.push(format!(
                    "{} both owns and contributes to {}",
                    c.unit, c.area
                ));
            }
        }
        for i in self.interactions() {
            let mut copy = i.clone();
            if let Err(e) = validate::interaction(&mut copy) {
                out.push(format!("{}: {e}", i.id));
            }
            if i.from == i.to {
                out.push(format!("{} connects a unit to itself", i.id));
            }
            if self.unit(i.from).is_none() || self.unit(i.to).is_none() {
                out.push(format!("{} is dangling", i.id));
            }
        }
        for p in self.placements() {
            if self.unit(p.unit).is_none() {
                out.push(format!("placement of missing {}", p.unit));
            }
            if validate::placement(p).is_err() {
                out.push(format!("placement of {} is not a rectangle", p.unit));
            }
        }
        let settings = self.plan_settings();
        if let Some(s) = self.stored_plan_settings() {
            let mut copy = s.clone();
            if crate::planning::validate_settings(&mut copy).is_err() || copy != *s {
                out.push("the plan settings are not valid".to_string());
            }
        }
        for b in self.budgets() {
            let mut copy = b.clone();
            if let Err(e) = crate::planning::validate_budget(&mut copy, &settings) {
                out.push(format!("budget of {} for {}: {e}", b.unit, b.period));
            } else if copy != *b {
                out.push(format!(
                    "budget of {} for {} is not normalised",
                    b.unit, b.period
                ));
            }
            if self.unit(b.unit).is_none() {
                out.push(format!("budget of missing {}", b.unit));
            }
        }
        for c in self.dated_changes() {
            if validate::check_date("date", &c.date).is_err() {
                out.push(format!("dated change #{} has no valid date", c.id));
            }
            let (people, units) = c.change.references();
            if people.iter().any(|p| self.person(*p).is_none())
                || units.iter().any(|u| self.unit(*u).is_none())
            {
                out.push(format!("dated change #{} is dangling", c.id));
            }
        }
        if !self.indexes_are_consistent() {
            out.push("indexes disagree with the records".to_string());
        }
        out
    }
}
