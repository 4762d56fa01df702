//! The checks themselves, one module per part of the org they look at.

mod areas;
mod direction;
mod interactions;
mod people;
mod teams;

use crate::catalogue::def;
use crate::finding::{EntityKind, Finding};
use crate::settings::Settings;
use crate::Date;
use topograph_model::{Org, Person, PersonStatus};

/// What every check gets: the org, the settings in force, today, and where findings go.
pub(crate) struct Run<'a> {
    pub org: &'a Org,
    pub settings: &'a Settings,
    pub today: Date,
    out: &'a mut Vec<Finding>,
}

/// One finding's particulars; the check's severity and source come from its definition.
pub(crate) struct Report {
    pub kind: EntityKind,
    pub id: u32,
    pub name: String,
    pub message: String,
    pub value: f64,
    pub threshold: String,
}

impl Run<'_> {
    pub fn on(&self, check: &str) -> bool {
        self.settings.enabled(check)
    }

    pub fn report(&mut self, check: &'static str, r: Report) {
        let d = def(check).expect("every check reports under its own id");
        self.out.push(Finding {
            check: check.to_string(),
            severity: d.severity,
            entity_kind: r.kind,
            entity_id: r.id,
            entity_name: r.name,
            message: r.message,
            value: r.value,
            threshold: r.threshold,
            source: self.settings.source(check),
        });
    }
}

pub(crate) fn run_all(org: &Org, settings: &Settings, today: Date, out: &mut Vec<Finding>) {
    let mut run = Run {
        org,
        settings,
        today,
        out,
    };
    people::check(&mut run);
    teams::check(&mut run);
    areas::check(&mut run);
    direction::check(&mut run);
    interactions::check(&mut run);
}

/// Someone who is here now (open positions and planned hires are counted apart).
pub(crate) fn is_filled(p: &Person) -> bool {
    matches!(p.status, PersonStatus::Active | PersonStatus::Leaving)
}

/// A number as people read it: whole numbers without decimals, others with one.
pub(crate) fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// "5-9", "15+", for a range check's threshold.
pub(crate) fn range(min: f64, max: f64) -> String {
    if max.is_finite() {
        format!("{}-{}", num(min), num(max))
    } else {
        format!("{}+", num(min))
    }
}

pub(crate) fn plural(n: f64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        num(n),
        if (n - 1.0).abs() < 1e-9 { one } else { many }
    )
}
