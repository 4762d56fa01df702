//! Checks of product areas: single ownership of every leaf area, and each team's cognitive load.

use super::{num, Report, Run};
use crate::catalogue::{AREA_OWNERSHIP, COGNITIVE_LOAD};
use crate::finding::EntityKind;
use topograph_model::UnitKind;

pub(super) fn check(run: &mut Run) {
    ownership(run);
    cognitive_load(run);
}

/// The model allows at most one owner, so the finding left is a leaf area with none.
fn ownership(run: &mut Run) {
    if !run.on(AREA_OWNERSHIP) {
        return;
    }
    let org = run.org;
    for a in org.areas() {
        if a.owner.is_some() || org.child_areas(a.id).next().is_some() {
            continue;
        }
        let r = Report {
            kind: EntityKind::Area,
            id: a.id.0,
            name: a.name.clone(),
            message: "no team owns this area".into(),
            value: 0.0,
            threshold: "1 owner".into(),
        };
        run.report(AREA_OWNERSHIP, r);
    }
}

fn cognitive_load(run: &mut Run) {
    if !run.on(COGNITIVE_LOAD) {
        return;
    }
    let budget = run.settings.get(COGNITIVE_LOAD, "budget");
    let org = run.org;
    for u in org.units().filter(|u| u.kind != UnitKind::Group) {
        // A parent area is the sum of its children: counting it as well would count twice.
        let owned: Vec<_> = org
            .areas_owned_by(u.id)
            .filter(|&a| org.child_areas(a).next().is_none())
            .filter_map(|a| org.area(a))
            .collect();
        let load: f64 = owned.iter().map(|a| a.complexity.cognitive_load()).sum();
        if load <= budget + 1e-9 {
            continue;
        }
        let mut names: Vec<String> = owned
            .iter()
            .map(|a| format!("{} ({})", a.name, a.complexity))
            .collect();
        names.sort();
        let load = (load * 100.0).round() / 100.0;
        let r = Report {
            kind: EntityKind::Unit,
            id: u.id.0,
            name: u.name.clone(),
            message: format!(
                "owns {}: a load of {} against a budget of {}",
                names.join(", "),
                num(load),
                num(budget)
            ),
            value: load,
            threshold: format!("<= {}", num(budget)),
        };
        run.report(COGNITIVE_LOAD, r);
    }
}
