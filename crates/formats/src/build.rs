//! Records to creation operations in dependency order, renumbering, and orgs built through ops.

use std::collections::HashMap;
use topograph_model::{
    AreaId, Error, ErrorCode, IdCounter, InteractionId, Op, Org, OrgRecords, PersonId, Result,
    UnitId, MAX_ID,
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
    forest_order(items, id, parent).0
}

/// [`parents_first`], with how many items were reached from a root (all of them unless some
/// are in a loop).
fn forest_order<T>(
    items: &[T],
    id: impl Fn(&T) -> u32,
    parent: impl Fn(&T) -> Option<u32>,
) -> (Vec<usize>, usize) {
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
    let reached = order.len();
    order.extend((0..n).filter(|i| !placed[*i]));
    (order, reached)
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
    // Rates first: a budget's currency must have one.
    if let Some(settings) = r.plan_settings.take() {
        ops.push(Op::SetPlanSettings { settings });
    }
    for budget in r.budgets.drain(..) {
        ops.push(Op::SetBudget { budget });
    }
    for change in r.dated_changes.drain(..) {
        ops.push(Op::AddDatedChange { change });
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
        end_date: None,
        target_start: None,
        hiring_stage: None,
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
    let c = r.dated_changes.iter().map(|x| x.id);
    p.chain(u).chain(a).chain(i).chain(c).max().unwrap_or(0)
}

/// How many records carry an id of their own.
pub fn id_count(r: &OrgRecords) -> u32 {
    (r.persons.len() + r.units.len() + r.areas.len() + r.interactions.len() + r.dated_changes.len())
        as u32
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
        old.extend(r.dated_changes.iter().map(|x| x.id));
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
    r.budgets.retain_mut(|b| match m(b.unit.0) {
        Some(u) => {
            b.unit = UnitId(u);
            true
        }
        _ => false,
    });
    r.dated_changes.retain_mut(|c| {
        match m(c.id).and_then(|id| renumber_dated(&mut c.change, &m).then_some(id)) {
            Some(id) => {
                c.id = id;
                true
            }
            None => false,
        }
    });
    r
}

/// Person field values name people by id: after a renumbering they name the new ids (a value
/// naming no one renumbered is dropped rather than left pointing elsewhere).
pub fn renumber_people_values<K: AsRef<str>>(
    persons: &mut [topograph_model::Person],
    keys: &[K],
    m: impl Fn(u32) -> Option<u32>,
) {
    if keys.is_empty() {
        return;
    }
    for p in persons {
        for key in keys {
            let key = key.as_ref();
            let Some(v) = p.custom.get_mut(key) else {
                continue;
            };
            match v.parse::<u32>().ok().and_then(&m) {
                Some(new) => *v = new.to_string(),
                None => {
                    p.custom.remove(key);
                }
            }
        }
    }
}

/// Renumbers the people and units a dated change names; false when one is outside the map.
fn renumber_dated(op: &mut topograph_model::DatedOp, m: &impl Fn(u32) -> Option<u32>) -> bool {
    use topograph_model::DatedOp;
    let p = |x: &mut PersonId| m(x.0).map(|n| *x = PersonId(n)).is_some();
    let u = |x: &mut UnitId| m(x.0).map(|n| *x = UnitId(n)).is_some();
    match op {
        DatedOp::SetManager { person, manager } => p(person) && p(manager),
        DatedOp::ClearManager { person } => p(person),
        DatedOp::MoveSubtree { person, manager } => p(person) && manager.as_mut().is_none_or(p),
        DatedOp::SetMembership { person, unit, .. }
        | DatedOp::RemoveMembership { person, unit } => p(person) && u(unit),
        DatedOp::MoveUnit { id, parent } => u(id) && parent.as_mut().is_none_or(u),
    }
}

/// Builds an org from records with every rule of the model checked; ids are kept. Fails
/// (naming the step of the equivalent operations) if any record breaks a rule.
///
/// Records that pass [`at_once`] (people, dotted lines, units and memberships, as a CSV import
/// makes them) become the org in one pass; anything else, and anything that fails a check, is
/// built operation by operation, which also words the error.
pub fn org_from(records: OrgRecords, label: &str) -> Result<Org> {
    // Ids come from the file: one near u32::MAX would overflow the id counter.
    let highest = max_id(&records);
    if highest > MAX_ID {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            format!("{label}: id {highest} is above the largest a document holds ({MAX_ID})"),
        ));
    }
    match at_once(records) {
        Ok(org) => Ok(org),
        Err(records) => org_by_ops(*records, label),
    }
}

/// The org the creation operations would build, made in one pass: each record normalised and
/// checked as its operation does, then ids, references and trees checked over the whole set.
/// Hands the records back (normalised, which the operations repeat harmlessly) on anything it
/// does not cover or cannot accept, so the operations can name the problem.
pub fn at_once(mut r: OrgRecords) -> std::result::Result<Org, Box<OrgRecords>> {
    let covered = r.areas.is_empty()
        && r.budgets.is_empty()
        && r.dated_changes.is_empty()
        && r.plan_settings.is_none()
        && r.contributors.is_empty()
        && r.interactions.is_empty()
        && r.placements.is_empty();
    if !covered || !records_fit(&mut r) {
        return Err(Box::new(r));
    }
    Ok(Org::from_records(r))
}

/// Whether normalised records pass every check the creation operations make (see [`at_once`]).
fn records_fit(r: &mut OrgRecords) -> bool {
    use topograph_model::validate;
    // Fresh ids (0) are numbered by the operations; leave those to them.
    if r.persons.iter().any(|p| p.id.0 == 0) || r.units.iter().any(|u| u.id.0 == 0) {
        return false;
    }
    if !persons_fit(&mut r.persons) || !r.units.iter_mut().all(|u| validate::unit(u).is_ok()) {
        return false;
    }
    // One id space for every kind of record.
    let mut ids: Vec<u32> = r.persons.iter().map(|p| p.id.0).collect();
    ids.extend(r.units.iter().map(|u| u.id.0));
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return false;
    }
    let mut employee_ids = rustc_hash::FxHashSet::default();
    for e in r.persons.iter().filter_map(|p| p.employee_id.as_deref()) {
        if !employee_ids.insert(e) {
            return false;
        }
    }
    let people = Positions::new(r.persons.iter().map(|p| p.id.0), r.persons.len());
    let units = Positions::new(r.units.iter().map(|u| u.id.0), r.units.len());
    let is_person = |id: PersonId| people.get(id.0).is_some();
    let is_unit = |id: UnitId| units.get(id.0).is_some();
    // Every manager and parent exists, and every record hangs from a root (no loops).
    if !r.persons.iter().filter_map(|p| p.manager).all(is_person)
        || !r.units.iter().filter_map(|u| u.parent).all(is_unit)
        || !r.units.iter().filter_map(|u| u.lead).all(is_person)
        || forest_order(&r.persons, |p| p.id.0, |p| p.manager.map(|m| m.0)).1 != r.persons.len()
        || forest_order(&r.units, |u| u.id.0, |u| u.parent.map(|m| m.0)).1 != r.units.len()
    {
        return false;
    }
    let mut dotted = Vec::with_capacity(r.dotted_lines.len());
    for d in &r.dotted_lines {
        let Some(p) = people.get(d.person.0) else {
            return false;
        };
        if !is_person(d.manager) || d.person == d.manager || r.persons[p].manager == Some(d.manager)
        {
            return false;
        }
        dotted.push((d.person, d.manager));
    }
    dotted.sort_unstable();
    if dotted.windows(2).any(|w| w[0] == w[1]) {
        return false;
    }
    let mut seats = Vec::with_capacity(r.memberships.len());
    for m in &r.memberships {
        if !is_person(m.person) || !is_unit(m.unit) || validate::allocation(m.allocation).is_err() {
            return false;
        }
        seats.push((m.person, m.unit));
    }
    seats.sort_unstable();
    !seats.windows(2).any(|w| w[0] == w[1])
}

/// Normalises and checks each person as `CreatePerson` does; people are independent, so a large
/// import's are split over the cores.
fn persons_fit(persons: &mut [topograph_model::Person]) -> bool {
    use topograph_model::validate;
    let fit =
        |part: &mut [topograph_model::Person]| part.iter_mut().all(|p| validate::person(p).is_ok());
    let threads = if persons.len() >= 20_000 {
        std::thread::available_parallelism().map_or(1, |p| p.get().min(4))
    } else {
        1
    };
    if threads <= 1 {
        return fit(persons);
    }
    let chunk = persons.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = persons
            .chunks_mut(chunk)
            .map(|part| s.spawn(move || fit(part)))
            .collect();
        // Every part is joined (an unjoined panic would end the scope in one); a part that
        // panicked counts as not fitting, and the ops then decide.
        let fits: Vec<bool> = parts
            .into_iter()
            .map(|h| h.join().unwrap_or(false))
            .collect();
        fits.into_iter().all(|ok| ok)
    })
}

/// Builds an org from records operation by operation; ids are kept.
fn org_by_ops(records: OrgRecords, label: &str) -> Result<Org> {
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

    fn csv_records(bytes: &[u8]) -> OrgRecords {
        let table = crate::csv::Table::read(bytes).unwrap();
        crate::csv::plan(&table, &crate::csv::suggest(&table)).records
    }

    #[test]
    fn records_built_at_once_equal_the_org_the_operations_build() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import");
        let mut sets: Vec<(String, OrgRecords)> = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "csv") {
                sets.push((
                    path.display().to_string(),
                    csv_records(&std::fs::read(&path).unwrap()),
                ));
            }
        }
        let generated = topograph_sample::generate(3000, 7);
        let text = crate::csv::export::write(&generated, crate::csv::export::Table::People);
        sets.push(("generated".into(), csv_records(text.as_bytes())));
        let mut built_at_once = 0;
        for (name, records) in sets {
            let by_ops = org_by_ops(records.clone(), &name).unwrap();
            if let Ok(org) = at_once(records) {
                built_at_once += 1;
                assert_eq!(org, by_ops, "{name}");
                assert!(org.problems().is_empty(), "{name}: {:?}", org.problems());
            }
        }
        assert!(
            built_at_once >= 2,
            "only {built_at_once} record sets were built at once"
        );
    }

    #[test]
    fn records_that_break_a_rule_are_left_to_the_operations_which_name_the_problem() {
        let person = |id: u32, manager: Option<u32>, employee_id: &str| topograph_model::Person {
            id: PersonId(id),
            name: format!("P{id}"),
            manager: manager.map(PersonId),
            employee_id: Some(employee_id.to_string()),
            ..placeholder_person()
        };
        let with = |persons| OrgRecords {
            persons,
            ..OrgRecords::default()
        };
        let broken = [
            with(vec![person(1, Some(2), "a"), person(2, Some(1), "b")]),
            with(vec![person(1, None, "a"), person(2, Some(1), "a")]),
            with(vec![person(1, Some(9), "a")]),
            with(vec![person(1, None, "a"), person(1, None, "b")]),
            with(vec![person(1, None, "a"), person(2, Some(1), "b ")]),
        ];
        for (i, records) in broken.into_iter().enumerate() {
            let expected = org_by_ops(records.clone(), "t");
            let at_once_refused = at_once(records.clone()).is_err();
            let got = org_from(records, "t");
            if i < 4 {
                assert!(at_once_refused, "set {i}");
                assert_eq!(got.unwrap_err(), expected.unwrap_err(), "set {i}");
            } else {
                // Valid after normalising (the trailing space): both paths agree.
                assert_eq!(got.unwrap(), expected.unwrap());
            }
        }
    }

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
