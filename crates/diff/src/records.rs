//! The records that differ between two scenarios as the change set turning one into the other:
//! what an app showing one scenario needs to show another without receiving every record again.

use std::collections::HashMap;
use topograph_model::{
    ChangeSet, Contributor, DottedLine, Entity, EntityKey, Interaction, Membership, OrgRecords,
    Placement, ScenarioId,
};

/// The change set that turns the records `from` into `to`, labelled with `scenario` (the one
/// `to` belongs to): records only in `to` are created, records in both that differ are updated,
/// records only in `from` are deleted. Matched by key (ids), each list in `to`'s order.
pub fn record_changes(scenario: ScenarioId, from: &OrgRecords, to: &OrgRecords) -> ChangeSet {
    let mut out = ChangeSet {
        scenario: Some(scenario),
        created: vec![],
        updated: vec![],
        deleted: vec![],
    };
    let changes = &mut out;
    use EntityKey as K;
    merge(
        &from.persons,
        &to.persons,
        |r| K::Person { id: r.id },
        Entity::Person,
        changes,
    );
    let dotted = |r: &DottedLine| K::DottedLine {
        person: r.person,
        manager: r.manager,
    };
    merge(
        &from.dotted_lines,
        &to.dotted_lines,
        dotted,
        Entity::DottedLine,
        changes,
    );
    merge(
        &from.units,
        &to.units,
        |r| K::Unit { id: r.id },
        Entity::Unit,
        changes,
    );
    let membership = |r: &Membership| K::Membership {
        person: r.person,
        unit: r.unit,
    };
    merge(
        &from.memberships,
        &to.memberships,
        membership,
        Entity::Membership,
        changes,
    );
    merge(
        &from.areas,
        &to.areas,
        |r| K::Area { id: r.id },
        Entity::Area,
        changes,
    );
    let contributor = |r: &Contributor| K::Contributor {
        area: r.area,
        unit: r.unit,
    };
    merge(
        &from.contributors,
        &to.contributors,
        contributor,
        Entity::Contributor,
        changes,
    );
    let interaction = |r: &Interaction| K::Interaction { id: r.id };
    merge(
        &from.interactions,
        &to.interactions,
        interaction,
        Entity::Interaction,
        changes,
    );
    let placement = |r: &Placement| K::Placement { unit: r.unit };
    merge(
        &from.placements,
        &to.placements,
        placement,
        Entity::Placement,
        changes,
    );
    out
}

/// How many records a change set carries, to weigh it against sending the records whole.
pub fn change_count(changes: &ChangeSet) -> usize {
    changes.created.len() + changes.updated.len() + changes.deleted.len()
}

/// One list: a record's key is taken from `key` (the same as `Entity::key` of the wrapped
/// record, without copying it first).
fn merge<T: Clone + PartialEq>(
    from: &[T],
    to: &[T],
    key: fn(&T) -> EntityKey,
    wrap: fn(T) -> Entity,
    out: &mut ChangeSet,
) {
    if from == to {
        return;
    }
    let before: HashMap<EntityKey, &T> = from.iter().map(|r| (key(r), r)).collect();
    let mut kept = std::collections::HashSet::with_capacity(to.len());
    for r in to {
        let k = key(r);
        match before.get(&k) {
            None => out.created.push(wrap(r.clone())),
            Some(&old) if old != r => out.updated.push(wrap(r.clone())),
            Some(_) => {}
        }
        kept.insert(k);
    }
    out.deleted
        .extend(from.iter().map(key).filter(|k| !kept.contains(k)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use topograph_model::{IdCounter, Op, Org, PersonId};

    fn apply(org: &mut Org, op: Op) {
        let mut ids = IdCounter { next: 1_000_000 };
        org.execute(&op, &mut ids).expect("the op applies");
    }

    /// Every record by its key, to compare record sets whatever their order.
    fn entities(r: &OrgRecords) -> BTreeMap<EntityKey, Entity> {
        let all = (r.persons.iter().cloned().map(Entity::Person))
            .chain(r.dotted_lines.iter().cloned().map(Entity::DottedLine))
            .chain(r.units.iter().cloned().map(Entity::Unit))
            .chain(r.memberships.iter().cloned().map(Entity::Membership))
            .chain(r.areas.iter().cloned().map(Entity::Area))
            .chain(r.contributors.iter().cloned().map(Entity::Contributor))
            .chain(r.interactions.iter().cloned().map(Entity::Interaction))
            .chain(r.placements.iter().cloned().map(Entity::Placement));
        all.map(|e| (e.key(), e)).collect()
    }

    #[test]
    fn records_of_a_scenario_compared_with_themselves_have_no_changes() {
        let records = topograph_sample::generate(300, 3).to_records();
        let changes = record_changes(ScenarioId(2), &records, &records);
        assert_eq!(change_count(&changes), 0);
        assert_eq!(changes.scenario, Some(ScenarioId(2)));
    }

    #[test]
    fn applying_the_changes_to_the_first_records_gives_the_second() {
        let before = topograph_sample::generate(300, 3);
        let mut after = before.clone();
        let people: Vec<PersonId> = before.persons().map(|p| p.id).collect();
        let root = people[0];
        let mut leaves = people
            .iter()
            .copied()
            .filter(|&p| before.report_count(p) == 0 && p != root);
        let moved = leaves
            .find(|&p| before.person(p).and_then(|x| x.manager) != Some(root))
            .expect("a leaf not under the root");
        let leaf = leaves.next().expect("another leaf");
        apply(
            &mut after,
            Op::MoveSubtree {
                person: moved,
                manager: Some(root),
            },
        );
        apply(
            &mut after,
            Op::DeletePerson {
                id: leaf,
                reports_to: None,
            },
        );
        let (from, to) = (before.to_records(), after.to_records());
        let changes = record_changes(ScenarioId(2), &from, &to);
        assert!(changes.deleted.contains(&EntityKey::Person { id: leaf }));
        assert!(changes
            .updated
            .iter()
            .any(|e| e.key() == EntityKey::Person { id: moved }));

        let mut rebuilt = entities(&from);
        for e in changes.created.iter().chain(&changes.updated) {
            rebuilt.insert(e.key(), e.clone());
        }
        for k in &changes.deleted {
            assert!(rebuilt.remove(k).is_some(), "{k:?} was there to delete");
        }
        assert_eq!(rebuilt, entities(&to));
        for e in changes.created.iter().chain(&changes.updated) {
            assert!(entities(&to).contains_key(&e.key()));
        }
    }
}
