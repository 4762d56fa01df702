//! Cutting an org down to what an export covers: a person's, unit's or product area's subtree,
//! or the top levels of a chart.

use std::collections::{BTreeSet, HashSet};
use topograph_model::{AreaId, Error, ErrorCode, Org, PersonId, Result, UnitId};

/// The org holding only `root` and everyone below them (their manager link cut, so they are the
/// chart's root); dotted lines and memberships between people outside are dropped, units kept
/// so team colours stay the same.
pub fn person_subtree(org: &Org, root: u32) -> Result<Org> {
    let root = PersonId(root);
    if org.person(root).is_none() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!("no person with id {} in this scenario", root.0),
        ));
    }
    let mut keep: HashSet<PersonId> = HashSet::from([root]);
    let mut stack = vec![root];
    while let Some(p) = stack.pop() {
        for r in org.reports(p) {
            if keep.insert(r) {
                stack.push(r);
            }
        }
    }
    let mut records = org.to_records();
    records.persons.retain(|p| keep.contains(&p.id));
    for p in &mut records.persons {
        if p.id == root {
            p.manager = None;
        }
    }
    records
        .dotted_lines
        .retain(|d| keep.contains(&d.person) && keep.contains(&d.manager));
    records.memberships.retain(|m| keep.contains(&m.person));
    for u in &mut records.units {
        if u.lead.is_some_and(|l| !keep.contains(&l)) {
            u.lead = None;
        }
    }
    Ok(Org::from_records(records))
}

/// `collapsed` plus everyone on level `levels` (the roots are level 1) who has reports, so a
/// chart shows only its top `levels` levels with the rest counted on the last level's cards.
pub fn fold_below(org: &Org, collapsed: &BTreeSet<u32>, levels: u32) -> BTreeSet<u32> {
    let mut out = collapsed.clone();
    let mut level: Vec<PersonId> = org.roots().map(|p| p.id).collect();
    let mut seen: HashSet<PersonId> = level.iter().copied().collect();
    for _ in 1..levels {
        let mut next = Vec::new();
        for &p in &level {
            next.extend(org.reports(p).filter(|r| seen.insert(*r)));
        }
        level = next;
    }
    for p in level {
        if org.reports(p).next().is_some() {
            out.insert(p.0);
        }
    }
    out
}

/// The org holding only unit `root` and the units nested in it (now top-level), their members
/// and the interactions between them.
pub fn unit_subtree(org: &Org, root: u32) -> Result<Org> {
    let root = UnitId(root);
    if org.unit(root).is_none() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!("no unit with id {} in this scenario", root.0),
        ));
    }
    let mut records = org.to_records();
    records.units.retain(|u| org.unit_contains(root, u.id));
    for u in &mut records.units {
        if u.id == root {
            u.parent = None;
        }
    }
    let keep: HashSet<UnitId> = records.units.iter().map(|u| u.id).collect();
    records.memberships.retain(|m| keep.contains(&m.unit));
    records
        .interactions
        .retain(|i| keep.contains(&i.from) && keep.contains(&i.to));
    records.placements.retain(|p| keep.contains(&p.unit));
    records.contributors.retain(|c| keep.contains(&c.unit));
    for a in &mut records.areas {
        if a.owner.is_some_and(|o| !keep.contains(&o)) {
            a.owner = None;
        }
    }
    Ok(Org::from_records(records))
}

/// The org holding only product area `root` and the areas below it (now a root area).
pub fn area_subtree(org: &Org, root: u32) -> Result<Org> {
    let root = AreaId(root);
    if org.area(root).is_none() {
        return Err(Error::new(
            ErrorCode::NotFound,
            format!("no product area with id {} in this scenario", root.0),
        ));
    }
    let mut records = org.to_records();
    records.areas.retain(|a| org.area_contains(root, a.id));
    for a in &mut records.areas {
        if a.id == root {
            a.parent = None;
        }
    }
    let keep: HashSet<AreaId> = records.areas.iter().map(|a| a.id).collect();
    records.contributors.retain(|c| keep.contains(&c.area));
    Ok(Org::from_records(records))
}
