//! The model's rules checked over what a file holds: a scenario as it is loaded, and an undo
//! log entry before it is replayed. A file is untrusted input (it may have been mailed, edited
//! with another SQLite tool or made to do harm), so nothing it holds reaches the org before
//! these checks pass.

use std::collections::HashMap;
use topograph_model::{Change, Error, ErrorCode, Org, Patch, MAX_ID};

/// Walks every parent chain once (white, grey, black) and names the first loop found:
/// "reporting loop: Ada → Bo → Ada".
fn first_loop<K: Copy + Eq + std::hash::Hash>(
    items: impl Iterator<Item = (K, Option<K>)>,
    name: impl Fn(K) -> String,
) -> Option<String> {
    let chain = loop_keys(items)?;
    let mut names: Vec<String> = chain.iter().map(|&c| name(c)).collect();
    names.push(name(chain[0]));
    Some(names.join(" → "))
}

/// The records of the first loop found, each once, in parent order (the first's parent is the
/// second, the last's parent is the first).
pub(crate) fn loop_keys<K: Copy + Eq + std::hash::Hash>(
    items: impl Iterator<Item = (K, Option<K>)>,
) -> Option<Vec<K>> {
    let items: Vec<(K, Option<K>)> = items.collect();
    let parent: HashMap<K, Option<K>> = items.iter().copied().collect();
    // 1 = on the chain being walked, 2 = known to end at a root.
    let mut state: HashMap<K, u8> = HashMap::with_capacity(parent.len());
    let mut chain = Vec::new();
    for (start, _) in items {
        let mut at = Some(start);
        chain.clear();
        while let Some(k) = at {
            match state.get(&k) {
                Some(2) => break,
                Some(_) => {
                    let from = chain.iter().position(|c| *c == k).unwrap_or(0);
                    return Some(chain[from..].to_vec());
                }
                None => {}
            }
            state.insert(k, 1);
            chain.push(k);
            at = parent.get(&k).copied().flatten();
        }
        for &k in &chain {
            state.insert(k, 2);
        }
    }
    None
}

fn damaged(what: String) -> Error {
    Error::new(ErrorCode::Corrupt, what)
}

/// The loops a file can hold, with the names a person will recognise.
fn loops(org: &Org) -> Result<(), Error> {
    let person_name = |id| {
        org.person(id)
            .map_or_else(|| id.to_string(), |p| p.display_name().to_string())
    };
    if let Some(l) = first_loop(org.persons().map(|p| (p.id, p.manager)), person_name) {
        return Err(damaged(format!("reporting loop: {l}")));
    }
    let unit_name = |id| {
        org.unit(id)
            .map_or_else(|| id.to_string(), |u| u.name.clone())
    };
    if let Some(l) = first_loop(org.units().map(|u| (u.id, u.parent)), unit_name) {
        return Err(damaged(format!("unit loop: {l}")));
    }
    let area_name = |id| {
        org.area(id)
            .map_or_else(|| id.to_string(), |a| a.name.clone())
    };
    if let Some(l) = first_loop(org.areas().map(|a| (a.id, a.parent)), area_name) {
        return Err(damaged(format!("product area loop: {l}")));
    }
    Ok(())
}

/// Checks a scenario as loaded from a file: no loops, every reference resolves, every record
/// obeys the model's rules, every id within bounds.
///
/// `Org::problems` checks the same rules and more, but costs ~700 ms at 100k people (it walks
/// every chain and rebuilds the indexes); here loops are found once, then each record is
/// checked on its own and its references (also checked for the whole file by
/// `foreign_key_check` on opening; here for orgs that come from elsewhere). A big org's people
/// are checked on a second thread beside the rest (at 100k, ~60 ms of a scenario's ~100 ms);
/// the error reported is the same either way: loops and ids, then people, then the rest.
pub fn check_org(org: &Org) -> Result<(), Error> {
    if org.person_count() < PEOPLE_CHECKED_APART {
        tree(org)?;
        people(org)?;
        return rest(org);
    }
    let (tree, people, rest) = std::thread::scope(|threads| {
        let people = threads.spawn(|| people(org));
        let tree = tree(org);
        let rest = if tree.is_ok() { rest(org) } else { Ok(()) };
        let people = people.join().unwrap_or_else(|_| {
            Err(Error::new(
                ErrorCode::Internal,
                "Topograph stopped checking the people",
            ))
        });
        (tree, people, rest)
    });
    tree?;
    people?;
    rest
}

/// How many people make checking them on a thread of their own worth its start.
const PEOPLE_CHECKED_APART: usize = 5_000;

/// No loops, every id within bounds.
fn tree(org: &Org) -> Result<(), Error> {
    loops(org)?;
    if org.max_id() > MAX_ID {
        return Err(damaged(format!(
            "id {} is above the largest a document holds ({MAX_ID})",
            org.max_id()
        )));
    }
    Ok(())
}

/// Each person by the model's rules, their manager there, employee ids unique.
fn people(org: &Org) -> Result<(), Error> {
    use topograph_model::validate;
    // Unique in the schema too, but a damaged index no longer says so (a flipped byte in a page).
    let mut employee_ids = std::collections::HashSet::new();
    for p in org.persons() {
        if let Some(e) = &p.employee_id {
            if !employee_ids.insert(e.as_str()) {
                return Err(damaged(format!("employee id '{e}' is used twice")));
            }
        }
        if p.manager == Some(p.id) {
            return Err(damaged(format!("{} manages themselves", p.id)));
        }
        if p.manager.is_some_and(|m| org.person(m).is_none()) {
            return Err(damaged(format!("{} reports to someone missing", p.id)));
        }
        let mut copy = p.clone();
        validate::person(&mut copy).map_err(|e| damaged(format!("{}: {e}", p.id)))?;
    }
    Ok(())
}

/// Every other record by the model's rules, and its references.
fn rest(org: &Org) -> Result<(), Error> {
    use topograph_model::validate;
    let missing = |what: String| Err(damaged(format!("{what} refers to a missing record")));
    for u in org.units() {
        if u.parent.is_some_and(|x| org.unit(x).is_none())
            || u.lead.is_some_and(|x| org.person(x).is_none())
        {
            return missing(u.id.to_string());
        }
    }
    for a in org.areas() {
        if a.parent.is_some_and(|x| org.area(x).is_none())
            || a.owner.is_some_and(|x| org.unit(x).is_none())
        {
            return missing(a.id.to_string());
        }
    }
    for m in org.memberships() {
        if org.person(m.person).is_none() || org.unit(m.unit).is_none() {
            return missing(format!("membership of {} in {}", m.person, m.unit));
        }
    }
    for d in org.dotted_lines() {
        if org.person(d.person).is_none() || org.person(d.manager).is_none() {
            return missing(format!("dotted line {} → {}", d.person, d.manager));
        }
    }
    for c in org.contributors() {
        if org.area(c.area).is_none() || org.unit(c.unit).is_none() {
            return missing(format!("contribution of {} to {}", c.unit, c.area));
        }
    }
    for i in org.interactions() {
        if org.unit(i.from).is_none() || org.unit(i.to).is_none() {
            return missing(i.id.to_string());
        }
    }
    for p in org.placements() {
        if org.unit(p.unit).is_none() {
            return missing(format!("placement of {}", p.unit));
        }
    }
    for b in org.budgets() {
        if org.unit(b.unit).is_none() {
            return missing(format!("budget of {} for {}", b.unit, b.period));
        }
    }
    for c in org.dated_changes() {
        let (people, units) = c.change.references();
        if people.iter().any(|p| org.person(*p).is_none())
            || units.iter().any(|u| org.unit(*u).is_none())
        {
            return missing(format!("dated change #{}", c.id));
        }
    }
    if let Some(s) = org.stored_plan_settings() {
        topograph_model::validate_settings(&mut s.clone())
            .map_err(|e| damaged(format!("plan settings: {e}")))?;
    }
    let settings = org.plan_settings();
    for b in org.budgets() {
        topograph_model::validate_budget(&mut b.clone(), &settings)
            .map_err(|e| damaged(format!("budget of {} for {}: {e}", b.unit, b.period)))?;
    }
    for c in org.dated_changes() {
        validate::check_date("date", &c.date)
            .map_err(|e| damaged(format!("dated change #{}: {e}", c.id)))?;
    }
    for u in org.units() {
        let mut copy = u.clone();
        validate::unit(&mut copy).map_err(|e| damaged(format!("{}: {e}", u.id)))?;
    }
    for a in org.areas() {
        let mut copy = a.clone();
        validate::area(&mut copy).map_err(|e| damaged(format!("{}: {e}", a.id)))?;
    }
    for i in org.interactions() {
        let mut copy = i.clone();
        validate::interaction(&mut copy).map_err(|e| damaged(format!("{}: {e}", i.id)))?;
    }
    for m in org.memberships() {
        validate::allocation(m.allocation)
            .map_err(|e| damaged(format!("membership of {} in {}: {e}", m.person, m.unit)))?;
    }
    for p in org.placements() {
        validate::placement(p).map_err(|e| damaged(format!("placement of {}: {e}", p.unit)))?;
    }
    for d in org.dotted_lines() {
        if d.person == d.manager || org.person(d.person).and_then(|p| p.manager) == Some(d.manager)
        {
            return Err(damaged(format!(
                "dotted line {} → {} duplicates the solid line or points to themselves",
                d.person, d.manager
            )));
        }
    }
    Ok(())
}

/// Checks the records an undo log entry changed, after it was applied to the org in memory:
/// the entry came from the file, so it may have been written to break the org.
pub fn check_replayed(org: &Org, patch: &Patch) -> Result<(), Error> {
    let touches_tree = patch
        .changes
        .iter()
        .any(|c| matches!(c, Change::Person(_) | Change::Unit(_) | Change::Area(_)));
    if touches_tree {
        loops(org)?;
    }
    let mut problems = Vec::new();
    for change in &patch.changes {
        match change {
            Change::Person(d) => {
                if let Some(p) = &d.after {
                    let mut copy = p.clone();
                    if let Err(e) = topograph_model::validate::person(&mut copy) {
                        problems.push(format!("{}: {e}", p.id));
                    }
                    if p.manager.is_some_and(|m| org.person(m).is_none()) {
                        problems.push(format!("{} reports to someone missing", p.id));
                    }
                }
            }
            Change::Unit(d) => {
                if let Some(u) = &d.after {
                    let mut copy = u.clone();
                    if let Err(e) = topograph_model::validate::unit(&mut copy) {
                        problems.push(format!("{}: {e}", u.id));
                    }
                    if u.parent.is_some_and(|p| org.unit(p).is_none())
                        || u.lead.is_some_and(|l| org.person(l).is_none())
                    {
                        problems.push(format!("{} refers to a missing record", u.id));
                    }
                }
            }
            Change::Area(d) => {
                if let Some(a) = &d.after {
                    let mut copy = a.clone();
                    if let Err(e) = topograph_model::validate::area(&mut copy) {
                        problems.push(format!("{}: {e}", a.id));
                    }
                    if a.parent.is_some_and(|p| org.area(p).is_none())
                        || a.owner.is_some_and(|o| org.unit(o).is_none())
                    {
                        problems.push(format!("{} refers to a missing record", a.id));
                    }
                }
            }
            Change::Membership(d) => {
                if let Some(m) = &d.after {
                    if org.person(m.person).is_none()
                        || org.unit(m.unit).is_none()
                        || topograph_model::validate::allocation(m.allocation).is_err()
                    {
                        problems.push(format!("membership of {} in {}", m.person, m.unit));
                    }
                }
            }
            Change::DottedLine(d) => {
                if let Some(l) = &d.after {
                    if l.person == l.manager
                        || org.person(l.person).is_none()
                        || org.person(l.manager).is_none()
                    {
                        problems.push(format!("dotted line {} → {}", l.person, l.manager));
                    }
                }
            }
            Change::Contributor(d) => {
                if let Some(c) = &d.after {
                    if org.area(c.area).is_none() || org.unit(c.unit).is_none() {
                        problems.push(format!("contribution of {} to {}", c.unit, c.area));
                    }
                }
            }
            Change::Interaction(d) => {
                if let Some(i) = &d.after {
                    let mut copy = i.clone();
                    if topograph_model::validate::interaction(&mut copy).is_err()
                        || i.from == i.to
                        || org.unit(i.from).is_none()
                        || org.unit(i.to).is_none()
                    {
                        problems.push(format!("{}", i.id));
                    }
                }
            }
            Change::Placement(d) => {
                if let Some(p) = &d.after {
                    if org.unit(p.unit).is_none()
                        || topograph_model::validate::placement(p).is_err()
                    {
                        problems.push(format!("placement of {}", p.unit));
                    }
                }
            }
            Change::Budget(d) => {
                if let Some(b) = &d.after {
                    let mut copy = b.clone();
                    if org.unit(b.unit).is_none()
                        || topograph_model::validate_budget(&mut copy, &org.plan_settings())
                            .is_err()
                    {
                        problems.push(format!("budget of {} for {}", b.unit, b.period));
                    }
                }
            }
            Change::DatedChange(d) => {
                if let Some(c) = &d.after {
                    let (people, units) = c.change.references();
                    if topograph_model::validate::check_date("date", &c.date).is_err()
                        || people.iter().any(|p| org.person(*p).is_none())
                        || units.iter().any(|u| org.unit(*u).is_none())
                    {
                        problems.push(format!("dated change #{}", c.id));
                    }
                }
            }
            Change::PlanSettings(d) => {
                if let Some(s) = &d.after {
                    if topograph_model::validate_settings(&mut s.clone()).is_err() {
                        problems.push("plan settings".to_string());
                    }
                }
            }
            Change::Scenario { .. }
            | Change::CheckSettings(_)
            | Change::SheetViews(_)
            | Change::Fields(_) => {}
        }
    }
    match problems.into_iter().next() {
        Some(p) => Err(damaged(format!(
            "an entry of the undo history would break the org ({p})"
        ))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reporting_loop_is_named_person_by_person() {
        let e = check_org(&topograph_sample::hostile::reporting_loop()).unwrap_err();
        assert_eq!(e.code, ErrorCode::Corrupt);
        assert!(e.message.starts_with("reporting loop: "), "{}", e.message);
        let names: Vec<&str> = e.message["reporting loop: ".len()..].split(" → ").collect();
        assert!(names.len() >= 3, "{}", e.message);
        assert_eq!(
            names.first(),
            names.last(),
            "the loop closes: {}",
            e.message
        );
    }

    #[test]
    fn unit_and_area_loops_dangling_references_and_huge_ids_are_refused() {
        for (name, org) in topograph_sample::hostile::all() {
            assert_eq!(
                check_org(&org).unwrap_err().code,
                ErrorCode::Corrupt,
                "{name}"
            );
        }
        check_org(&topograph_sample::sample()).unwrap();
    }

    #[test]
    fn an_employee_id_used_twice_is_refused_and_named() {
        let mut records = topograph_sample::sample().to_records();
        let taken = records
            .persons
            .iter()
            .find_map(|p| p.employee_id.clone())
            .expect("the sample has employee ids");
        let other = records
            .persons
            .iter_mut()
            .find(|p| p.employee_id.as_ref() != Some(&taken))
            .unwrap();
        other.employee_id = Some(taken.clone());
        let e = check_org(&Org::from_records(records)).unwrap_err();
        assert_eq!(e.code, ErrorCode::Corrupt);
        assert!(
            e.message
                .contains(&format!("employee id '{taken}' is used twice")),
            "{}",
            e.message
        );
    }

    /// The same problems are reported the same way whether the people are checked on their own
    /// thread (a big org) or not: loops first, then people, then the other records.
    #[test]
    fn a_big_org_reports_the_same_problem_first_as_a_small_one() {
        for org in [
            topograph_sample::sample(),
            topograph_sample::generate(PEOPLE_CHECKED_APART + 500, 4),
        ] {
            check_org(&org).unwrap();
            let records = org.to_records();
            let nameless = |mut r: topograph_model::OrgRecords| {
                let p = r.persons.iter_mut().find(|p| !p.name.is_empty()).unwrap();
                p.name.clear();
                p.status = topograph_model::PersonStatus::Active;
                r
            };
            let e = check_org(&Org::from_records(nameless(records.clone()))).unwrap_err();
            assert!(e.message.contains("needs a name"), "{}", e.message);

            // A membership of a unit that is not there, and a nameless person: the person.
            let mut dangling = nameless(records.clone());
            dangling.memberships[0].unit = topograph_model::UnitId(MAX_ID - 1);
            let e = check_org(&Org::from_records(dangling.clone())).unwrap_err();
            assert!(e.message.contains("needs a name"), "{}", e.message);
            dangling.persons = records.persons.clone();
            let e = check_org(&Org::from_records(dangling)).unwrap_err();
            assert!(e.message.contains("missing record"), "{}", e.message);

            // A loop and a nameless person: the loop.
            let mut looped = nameless(records.clone());
            let (a, b) = (looped.persons[1].id, looped.persons[2].id);
            looped.persons[1].manager = Some(b);
            looped.persons[2].manager = Some(a);
            let e = check_org(&Org::from_records(looped)).unwrap_err();
            assert!(e.message.starts_with("reporting loop: "), "{}", e.message);
        }
    }
}
