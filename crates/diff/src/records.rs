//! The records that differ between two scenarios as the change set turning one into the other:
//! what an app showing one scenario needs to show another without receiving every record again.

use std::cmp::Ordering;
use topograph_model::{ChangeSet, Entity, EntityKey, Org, ScenarioId};

/// The change set that turns the scenario `from` into `to`, labelled with `scenario` (the one
/// `to` is): records only in `to` are created, records in both that differ are updated, records
/// only in `from` are deleted, every kind of record (the plan's budgets, dated changes and
/// settings too). Each list is walked once in the org's own key order, both side by side, so
/// only the records that differ are copied (at 100k people a copy of both orgs' records and a
/// hash of one cost ~100 ms; this walk ~10).
pub fn record_changes(scenario: ScenarioId, from: &Org, to: &Org) -> ChangeSet {
    let mut out = ChangeSet {
        scenario: Some(scenario),
        created: vec![],
        updated: vec![],
        deleted: vec![],
    };
    let o = &mut out;
    use EntityKey as K;
    let person = |r: &topograph_model::Person| K::Person { id: r.id };
    merge(
        from.persons(),
        to.persons(),
        |r| r.id,
        person,
        Entity::Person,
        o,
    );
    let dotted = |r: &topograph_model::DottedLine| K::DottedLine {
        person: r.person,
        manager: r.manager,
    };
    let (a, b) = (from.dotted_lines(), to.dotted_lines());
    merge(a, b, |r| *r, dotted, Entity::DottedLine, o);
    let unit = |r: &topograph_model::Unit| K::Unit { id: r.id };
    merge(from.units(), to.units(), |r| r.id, unit, Entity::Unit, o);
    let membership = |r: &topograph_model::Membership| K::Membership {
        person: r.person,
        unit: r.unit,
    };
    let (a, b) = (from.memberships(), to.memberships());
    merge(
        a,
        b,
        |r| (r.person, r.unit),
        membership,
        Entity::Membership,
        o,
    );
    let area = |r: &topograph_model::Area| K::Area { id: r.id };
    merge(from.areas(), to.areas(), |r| r.id, area, Entity::Area, o);
    let contributor = |r: &topograph_model::Contributor| K::Contributor {
        area: r.area,
        unit: r.unit,
    };
    let (a, b) = (from.contributors(), to.contributors());
    merge(a, b, |r| *r, contributor, Entity::Contributor, o);
    let interaction = |r: &topograph_model::Interaction| K::Interaction { id: r.id };
    let (a, b) = (from.interactions(), to.interactions());
    merge(a, b, |r| r.id, interaction, Entity::Interaction, o);
    let placement = |r: &topograph_model::Placement| K::Placement { unit: r.unit };
    let (a, b) = (from.placements(), to.placements());
    merge(a, b, |r| r.unit, placement, Entity::Placement, o);
    let budget = |r: &topograph_model::Budget| K::budget(r.unit, &r.period);
    let (a, b) = (from.budgets(), to.budgets());
    merge(
        a,
        b,
        |r| (r.unit, r.period.as_str()),
        budget,
        Entity::Budget,
        o,
    );
    let dated = |r: &topograph_model::DatedChange| K::DatedChange { id: r.id };
    let (a, b) = (from.dated_changes(), to.dated_changes());
    merge(a, b, |r| r.id, dated, Entity::DatedChange, o);
    match (from.stored_plan_settings(), to.stored_plan_settings()) {
        (a, b) if a == b => {}
        (None, Some(s)) => o.created.push(Entity::PlanSettings(s.clone())),
        (Some(_), Some(s)) => o.updated.push(Entity::PlanSettings(s.clone())),
        (Some(_), None) => o.deleted.push(K::PlanSettings {}),
        (None, None) => {}
    }
    out
}

/// How many records a change set carries, to weigh it against sending the records whole.
pub fn change_count(changes: &ChangeSet) -> usize {
    changes.created.len() + changes.updated.len() + changes.deleted.len()
}

/// One list of each org, both in the order of `order` (the key the org keeps that list by):
/// walked side by side, a record's [`EntityKey`] made only for those that differ.
fn merge<'a, T: Clone + PartialEq + 'a, O: Ord>(
    from: impl Iterator<Item = &'a T>,
    to: impl Iterator<Item = &'a T>,
    order: impl Fn(&'a T) -> O,
    key: impl Fn(&T) -> EntityKey,
    wrap: fn(T) -> Entity,
    out: &mut ChangeSet,
) {
    let (mut from, mut to) = (from.peekable(), to.peekable());
    loop {
        let next = match (from.peek(), to.peek()) {
            (None, None) => return,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(&a), Some(&b)) => order(a).cmp(&order(b)),
        };
        match next {
            Ordering::Less => out.deleted.push(key(from.next().expect("peeked"))),
            Ordering::Greater => out.created.push(wrap(to.next().expect("peeked").clone())),
            Ordering::Equal => {
                let (a, b) = (from.next().expect("peeked"), to.next().expect("peeked"));
                if a != b {
                    out.updated.push(wrap(b.clone()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;
    use topograph_model::*;

    fn apply(org: &mut Org, op: Op) {
        let mut ids = IdCounter { next: 1_000_000 };
        org.execute(&op, &mut ids).expect("the op applies");
    }

    /// Every record by its key, to compare record sets whatever their order.
    fn entities(org: &Org) -> BTreeMap<EntityKey, Entity> {
        org.to_records()
            .into_entities()
            .map(|e| (e.key(), e))
            .collect()
    }

    /// `from`'s records with `changes` applied, checked to delete only what was there and to
    /// list every record once.
    fn rebuilt(from: &Org, changes: &ChangeSet) -> BTreeMap<EntityKey, Entity> {
        let mut out = entities(from);
        let mut seen = std::collections::BTreeSet::new();
        for e in changes.created.iter().chain(&changes.updated) {
            assert!(seen.insert(e.key()), "{:?} listed twice", e.key());
            out.insert(e.key(), e.clone());
        }
        for k in &changes.deleted {
            assert!(seen.insert(*k), "{k:?} listed twice");
            assert!(out.remove(k).is_some(), "{k:?} was there to delete");
        }
        out
    }

    /// Edits of every kind of record a scenario keeps, over whatever `org` holds, picked by `which`.
    fn edit(org: &Org, which: u8, a: u16, b: u16) -> Option<Op> {
        let people: Vec<&Person> = org.persons().collect();
        let units: Vec<UnitId> = org.units().map(|u| u.id).collect();
        let person = people.get(a as usize % people.len().max(1))?;
        let unit = *units.get(b as usize % units.len().max(1))?;
        Some(match which % 8 {
            0 => Op::MoveSubtree {
                person: person.id,
                manager: people.first().map(|p| p.id).filter(|&m| m != person.id),
            },
            1 => Op::DeletePerson {
                id: person.id,
                reports_to: Some(ReportsTo::DeletedPersonsManager),
            },
            2 => {
                let mut p = (*person).clone();
                p.title = format!("{} {b}", p.title);
                Op::UpdatePerson { person: p }
            }
            3 => Op::SetBudget {
                budget: Budget {
                    unit,
                    period: format!("{}-Q{}", 2027 + a % 3, 1 + b % 4),
                    headcount: Some(f64::from(a % 40)),
                    amount: None,
                },
            },
            4 => Op::RemoveBudget {
                unit: org.budgets().next()?.unit,
                period: org.budgets().next()?.period.clone(),
            },
            5 => Op::AddDatedChange {
                change: DatedChange {
                    id: 0,
                    date: format!("2027-0{}-01", 1 + a % 9),
                    change: DatedOp::ClearManager { person: person.id },
                },
            },
            6 => Op::SetPlanSettings {
                settings: PlanSettings {
                    reporting_currency: ["USD", "GBP"][a as usize % 2].to_string(),
                    // The sample's budgets are in euros: they need a rate.
                    rates: BTreeMap::from([
                        ("EUR".to_string(), 1.1),
                        ("SEK".to_string(), f64::from(b % 20 + 1)),
                    ]),
                },
            },
            _ => Op::DeleteUnit { id: unit },
        })
    }

    #[test]
    fn a_scenario_compared_with_itself_has_no_changes() {
        let org = topograph_sample::generate(300, 3);
        let changes = record_changes(ScenarioId(2), &org, &org);
        assert_eq!(change_count(&changes), 0);
        assert_eq!(changes.scenario, Some(ScenarioId(2)));
    }

    #[test]
    fn applying_the_changes_to_the_first_scenario_gives_the_second() {
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
        let changes = record_changes(ScenarioId(2), &before, &after);
        assert!(changes.deleted.contains(&EntityKey::Person { id: leaf }));
        assert!(changes
            .updated
            .iter()
            .any(|e| e.key() == EntityKey::Person { id: moved }));
        assert_eq!(rebuilt(&before, &changes), entities(&after));
    }

    #[test]
    fn budgets_dated_changes_and_plan_settings_that_differ_are_in_the_changes() {
        let before = topograph_sample::generate(120, 5);
        let mut after = before.clone();
        for which in [3, 5, 6] {
            apply(&mut after, edit(&before, which, 7, 2).expect("an edit"));
        }
        let changes = record_changes(ScenarioId(2), &before, &after);
        let kinds: Vec<&str> = changes
            .created
            .iter()
            .chain(&changes.updated)
            .map(|e| match e {
                Entity::Budget(_) => "budget",
                Entity::DatedChange(_) => "dated change",
                Entity::PlanSettings(_) => "plan settings",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["budget", "dated change", "plan settings"]);
        assert_eq!(rebuilt(&before, &changes), entities(&after));
        // And back: the budget and the dated change the edits made are deleted, the sample's own
        // settings come back.
        let back = record_changes(ScenarioId(1), &after, &before);
        assert_eq!(back.deleted.len(), 2, "{:?}", back.deleted);
        let settings = before
            .stored_plan_settings()
            .cloned()
            .expect("the sample's settings");
        assert_eq!(back.updated, [Entity::PlanSettings(settings)]);
        assert_eq!(rebuilt(&after, &back), entities(&before));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever edits two scenarios are apart (both ways, every kind of record), the changes
        /// turn one's records into the other's, each record listed once.
        #[test]
        fn the_changes_between_two_scenarios_turn_one_into_the_other(
            seed in 0u64..1_000,
            edits in prop::collection::vec((any::<u8>(), any::<u16>(), any::<u16>()), 1..12),
        ) {
            let before = topograph_sample::generate(80, seed);
            let mut after = before.clone();
            for (which, a, b) in edits {
                if let Some(op) = edit(&after, which, a, b) {
                    let mut ids = IdCounter { next: 1_000_000 + u32::from(a) };
                    // An edit the org refuses (a loop, a missing record) is simply not made.
                    let _ = after.execute(&op, &mut ids);
                }
            }
            let there = record_changes(ScenarioId(2), &before, &after);
            prop_assert_eq!(rebuilt(&before, &there), entities(&after));
            let back = record_changes(ScenarioId(1), &after, &before);
            prop_assert_eq!(rebuilt(&after, &back), entities(&before));
        }
    }
}
