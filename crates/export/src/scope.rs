//! Cutting an org down to what an export covers: one person's reporting subtree.

use std::collections::HashSet;
use topograph_model::{Error, ErrorCode, Org, PersonId, Result};

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
