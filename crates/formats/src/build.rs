//! Records to creation operations in dependency order, renumbering, and orgs built through ops.

use std::collections::HashMap;
use topograph_model::{
    AreaId, Error, ErrorCode, IdCounter, InteractionId, Op, Org, OrgRecords, PersonId, Result,
    UnitId,
};

/// Where each id first appears in a list: a plain vector when ids are dense (the usual case,
/// and much faster than hashing 100k of them), a hash map otherwise.
enum Positions {
    Dense(Vec<u32>),
    Sparse(HashMap<u32, usize>),
}

impl Positions {
    fn new(ids: impl Iterator<Item = u32> + Clone, len: usize) -> Positions {
        let max = ids.clone().max().unwrap_or(0) as usize;
        if max <= len * 8 + 64 {
            let mut v = vec![u32::MAX; max + 1];
            for (i, id) in ids.enumerate() {
                if v[id as usize] == u32::MAX {
                    v[id as usize] = i as u32;
                }
            }
            Positions::Dense(v)
        } else {
            let mut m = HashMap::with_capacity(len);
            for (i, id) in ids.enumerate() {
                m.entry(id).or_insert(i);
            }
            Positions::Sparse(m)
        }
    }

    fn get(&self, id: u32) -> Option<usize> {
        match self {
            Positions::Dense(v) => v
                .get(id as usize)
                .filter(|p| **p != u32::MAX)
                .map(|p| *p as usize),
            Positions::Sparse(m) => m.get(&id).copied(),
        }
    }
}

/// Orders items so each comes after its parent: breadth-first from those whose parent is
/// missing. Items in a loop come last, in their original order (their op then fails, naming
/// them). Every item appears once, whatever the ids (duplicates included).
pub fn parents_first<T>(
    items: &[T],
    id: impl Fn(&T) -> u32,
    parent: impl Fn(&T) -> Option<u32>,
) -> Vec<usize> {
    let n = items.len();
    let positions = Positions::new(items.iter().map(&id), n);
    let parent_of: Vec<Option<usize>> = items
        .iter()
        .map(|it| parent(it).and_then(|p| positions.get(p)))
        .collect();
    // Children as one flat list per parent (counting sort), each item in exactly one list.
    let mut start = vec![0u32; n + 1];
    for p in parent_of.iter().flatten() {
        start[*p + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut children = vec![0u32; start[n] as usize];
    for (i, p) in parent_of.iter().enumerate() {
        if let Some(p) = p {
            children[fill[*p] as usize] = i as u32;
            fill[*p] += 1;
        }
    }
    let mut order: Vec<usize> = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    order.extend((0..n).filter(|i| parent_of[*i].is_none()));
    let mut next = 0;
    while next < order.len() {
        let i = order[next];
        next += 1;
        placed[i] = true;
        for c in &children[start[i] as usize..start[i + 1] as usize] {
            order.push(*c as usize);
        }
    }
    order.extend((0..n).filter(|i| !placed[*i]));
    order
}

/// The operations that create `records` in an empty scenario, each after what it refers to:
/// people (managers first), dotted lines, units (parents first), memberships, areas (parents
/// first), contributors, interactions, placements. Ids are kept as they are.
pub fn creation_ops(records: OrgRecords) -> Vec<Op> {
    let mut r = records;
    let mut ops = Vec::with_capacity(
        r.persons.len()
            + r.units.len()
            + r.memberships.len()
            + r.areas.len()
            + r.dotted_lines.len(),
    );
    for i in parents_first(&r.persons, |p| p.id.0, |p| p.manager.map(|m| m.0)) {
        ops.push(Op::CreatePerson {
            person: std::mem::replace(&mut r.persons[i], placeholder_person()),
        });
    }
    for d in &r.dotted_lines {
        ops.push(Op::AddDottedLine {
            person: d.person,
            manager: d.manager,
        });
    }
    for i in parents_first(&r.units, |u| u.id.0, |u| u.parent.map(|p| p.0)) {
        ops.push(Op::CreateUnit {
            unit: r.units[i].clone(),
        });
    }
    for m in &r.memberships {
        ops.push(Op::SetMembership {
            person: m.person,
            unit: m.unit,
            allocation: m.allocation,
            role: m.role,
        });
    }
    for i in parents_first(&r.areas, |a| a.id.0, |a| a.parent.map(|p| p.0)) {
        ops.push(Op::CreateArea {
            area: r.areas[i].clone(),
        });
    }
    for c in &r.contributors {
        ops.push(Op::AddContributor {
            area: c.area,
            unit: c.unit,
        });
    }
    for i in &r.interactions {
        ops.push(Op::AddInteraction {
            interaction: i.clone(),
        });
    }
    for p in &r.placements {
        ops.push(Op::SetPlacement {
            placement: p.clone(),
        });
    }
    ops
}

/// The largest id any record uses.
/// What a moved-out person leaves behind in a list about to be dropped.
fn placeholder_person() -> topograph_model::Person {
    topograph_model::Person {
        id: PersonId(0),
        name: String::new(),
        title: String::new(),
        discipline: topograph_model::Discipline::Other,
        level: None,
        location: None,
        email: None,
        employee_id: None,
        employment: topograph_model::Employment::Employee,
        status: topograph_model::PersonStatus::Active,
        start_date: None,
        cost: None,
        custom: Default::default(),
        manager: None,
    }
}

pub fn max_id(r: &OrgRecords) -> u32 {
    let p = r.persons.iter().map(|x| x.id.0);
    let u = r.units.iter().map(|x| x.id.0);
    let a = r.areas.iter().map(|x| x.id.0);
    let i = r.interactions.iter().map(|x| x.id.0);
    p.chain(u).chain(a).chain(i).max().unwrap_or(0)
}

/// How many records carry an id of their own.
pub fn id_count(r: &OrgRecords) -> u32 {
    (r.persons.len() + r.units.len() + r.areas.len() + r.interactions.len()) as u32
}

/// Renumbers every id (and every reference) so the records use `first, first + 1, ...` in the
/// order of their old ids. References to ids the records do not define are dropped.
pub fn renumber(r: OrgRecords, first: u32) -> OrgRecords {
    let map = id_map([&r], first);
    renumber_with(r, &map)
}

/// A map from every id the record sets use (one identity across all of them, as in the
/// scenarios of one document) to `first, first + 1, ...` in the order of the old ids.
pub fn id_map<'a>(sets: impl IntoIterator<Item = &'a OrgRecords>, first: u32) -> HashMap<u32, u32> {
    let mut old: Vec<u32> = Vec::new();
    for r in sets {
        old.extend(r.persons.iter().map(|x| x.id.0));
        old.extend(r.units.iter().map(|x| x.id.0));
        old.extend(r.areas.iter().map(|x| x.id.0));
        old.extend(r.interactions.iter().map(|x| x.id.0));
    }
    old.sort_unstable();
    old.dedup();
    old.iter()
        .enumerate()
        .map(|(i, o)| (*o, first + i as u32))
        .collect()
}

/// Renumbers with a map from [`id_map`]; references to ids outside it are dropped.
pub fn renumber_with(mut r: OrgRecords, map: &HashMap<u32, u32>) -> OrgRecords {
    let m = |id: u32| map.get(&id).copied();
    for p in &mut r.persons {
        p.id = PersonId(m(p.id.0).unwrap_or(0));
        p.manager = p.manager.and_then(|x| m(x.0)).map(PersonId);
    }
    r.dotted_lines
        .retain_mut(|d| match (m(d.person.0), m(d.manager.0)) {
            (Some(a), Some(b)) => {
                d.person = PersonId(a);
                d.manager = PersonId(b);
                true
            }
            _ => false,
        });
    for u in &mut r.units {
        u.id = UnitId(m(u.id.0).unwrap_or(0));
        u.parent = u.parent.and_then(|x| m(x.0)).map(UnitId);
        u.lead = u.lead.and_then(|x| m(x.0)).map(PersonId);
    }
    r.memberships
        .retain_mut(|x| match (m(x.person.0), m(x.unit.0)) {
            (Some(a), Some(b)) => {
                x.person = PersonId(a);
                x.unit = UnitId(b);
                true
            }
            _ => false,
        });
    for a in &mut r.areas {
        a.id = AreaId(m(a.id.0).unwrap_or(0));
        a.parent = a.parent.and_then(|x| m(x.0)).map(AreaId);
        a.owner = a.owner.and_then(|x| m(x.0)).map(UnitId);
    }
    r.contributors
        .retain_mut(|c| match (m(c.area.0), m(c.unit.0)) {
            (Some(a), Some(b)) => {
                c.area = AreaId(a);
                c.unit = UnitId(b);
                true
            }
            _ => false,
        });
    r.interactions
        .retain_mut(|i| match (m(i.id.0), m(i.from.0), m(i.to.0)) {
            (Some(id), Some(f), Some(t)) => {
                i.id = InteractionId(id);
                i.from = UnitId(f);
                i.to = UnitId(t);
                true
            }
            _ => false,
        });
    r.placements.retain_mut(|p| match m(p.unit.0) {
        Some(u) => {
            p.unit = UnitId(u);
            true
        }
        _ => false,
    });
    r
}

/// Builds an org from records through operations, so every rule of the model is checked; ids
/// are kept. Fails (naming the step) if any record breaks a rule.
pub fn org_from(records: OrgRecords, label: &str) -> Result<Org> {
    let mut org = Org::new();
    let mut ids = IdCounter {
        next: max_id(&records) + 1,
    };
    // Op by op rather than as one batch: the org is thrown away on any error anyway, and each
    // op's patch is dropped at once instead of all of them being held to the end.
    for (i, op) in creation_ops(records).into_iter().enumerate() {
        org.execute(&op, &mut ids).map_err(|e| {
            Error::new(
                e.code,
                format!("{label}, step {} ({}): {}", i + 1, op.label(), e.message),
            )
        })?;
    }
    Ok(org)
}

/// The error for records that should have been consistent and were not.
pub fn inconsistent(e: Error) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        format!("the imported records do not fit together: {}", e.message),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_first_and_duplicate_ids_do_not_multiply_the_work() {
        let items: Vec<(u32, Option<u32>)> =
            vec![(3, Some(2)), (2, Some(1)), (1, None), (9, Some(9))];
        assert_eq!(parents_first(&items, |x| x.0, |x| x.1), vec![2, 1, 0, 3]);
        // Forty levels, each id twice: every item placed exactly once.
        let mut dup = Vec::new();
        for level in 1..=40u32 {
            let parent = (level > 1).then_some(level - 1);
            dup.push((level, parent));
            dup.push((level, parent));
        }
        let order = parents_first(&dup, |x| x.0, |x| x.1);
        assert_eq!(order.len(), dup.len());
    }
}
