//! The diff as an oracle over random orgs: a scenario compared with itself has no changes, and
//! one operation applied to a copy is listed as the kinds of change that operation makes.

mod common;

use common::*;
use proptest::prelude::*;
use std::collections::BTreeSet;
use topograph_diff::{ChangeKind, Diff};
use topograph_model::*;

fn pick<T: Copy>(items: &[T], i: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[i as usize % items.len()])
}

/// An operation of kind `which` over whatever the org holds, with the change kind it must be
/// listed as and the kinds it may bring along (a deleted unit's members change team).
fn op_for(org: &Org, which: u8, a: u8, b: u8) -> Option<(Op, ChangeKind, Vec<ChangeKind>)> {
    use ChangeKind as K;
    let people: Vec<PersonId> = org.persons().map(|p| p.id).collect();
    let units: Vec<UnitId> = org.units().map(|u| u.id).collect();
    let areas: Vec<AreaId> = org.areas().map(|a| a.id).collect();
    Some(match which % 11 {
        0 => (
            Op::SetManager {
                person: pick(&people, a)?,
                manager: pick(&people, b)?,
            },
            K::ManagerChanged,
            vec![],
        ),
        1 => (
            Op::CreatePerson {
                person: person(&format!("New {a}"), pick(&people, b)),
            },
            K::PersonJoined,
            vec![],
        ),
        2 => (
            Op::DeletePerson {
                id: pick(&people, a)?,
                reports_to: Some(ReportsTo::DeletedPersonsManager),
            },
            K::PersonLeft,
            vec![K::ManagerChanged, K::TeamChanged],
        ),
        3 => {
            let mut p = org.person(pick(&people, a)?)?.clone();
            p.title = format!("{} {b}", p.title);
            (Op::UpdatePerson { person: p }, K::TitleChanged, vec![])
        }
        4 => (
            Op::CreateUnit {
                unit: unit(
                    &format!("New {a}"),
                    UnitKind::ALL[b as usize % 5],
                    pick(&units, b),
                ),
            },
            K::UnitCreated,
            vec![],
        ),
        5 => {
            let mut u = org.unit(pick(&units, a)?)?.clone();
            u.name = format!("{} {b}", u.name);
            (Op::UpdateUnit { unit: u }, K::UnitRenamed, vec![])
        }
        6 => (
            Op::MoveUnit {
                id: pick(&units, a)?,
                parent: if b % 4 == 0 { None } else { pick(&units, b) },
            },
            K::UnitMoved,
            vec![],
        ),
        7 => (
            Op::SetMembership {
                person: pick(&people, a)?,
                unit: pick(&units, b)?,
                allocation: u32::from(b % 100) + 1,
                role: TeamRole::ALL[a as usize % 6],
            },
            K::TeamChanged,
            vec![],
        ),
        8 => (
            Op::SetOwner {
                area: pick(&areas, a)?,
                unit: pick(&units, b)?,
            },
            K::OwnerChanged,
            vec![],
        ),
        9 => (
            Op::AddInteraction {
                interaction: Interaction {
                    id: InteractionId(0),
                    from: pick(&units, a)?,
                    to: pick(&units, b)?,
                    mode: InteractionMode::ALL[a as usize % 3],
                    note: String::new(),
                    start: None,
                    expected_end: None,
                },
            },
            K::InteractionAdded,
            vec![],
        ),
        _ => (
            Op::DeleteUnit {
                id: pick(&units, a)?,
            },
            K::UnitRemoved,
            vec![
                K::TeamChanged,
                K::UnitMoved,
                K::OwnerChanged,
                K::AreaOrphaned,
                K::InteractionRemoved,
            ],
        ),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_scenario_compared_with_itself_has_no_changes(people in 0usize..300, seed in any::<u64>()) {
        let org = topograph_sample::generate(people, seed);
        let d = Diff::between("A", &org, "A", &org);
        prop_assert!(d.changes.is_empty(), "{:?}", d.changes);
        prop_assert!(d.impact.is_empty());
        prop_assert!(d.numbers.iter().all(|n| n.difference == 0.0));
    }

    #[test]
    fn one_operation_is_listed_as_the_kinds_of_change_it_makes(
        people in 2usize..150,
        seed in any::<u64>(),
        which in any::<u8>(),
        a in any::<u8>(),
        b in any::<u8>(),
    ) {
        let base = topograph_sample::generate(people, seed);
        let Some((op, must, may)) = op_for(&base, which, a, b) else { return Ok(()) };
        let mut org = base.clone();
        let mut ids = IdCounter { next: base.max_id() + 1 };
        // A refused op (a loop, a team with itself) or one that changes nothing lists nothing.
        let changed = org.execute(&op, &mut ids).is_ok_and(|p| !p.is_empty());
        let d = Diff::between("Current", &base, "Proposal", &org);
        let kinds: BTreeSet<ChangeKind> = d.changes.iter().map(|c| c.kind).collect();
        if !changed {
            prop_assert!(kinds.is_empty(), "{:?} changed nothing: {:?}", op, kinds);
            return Ok(());
        }
        prop_assert!(kinds.contains(&must), "{:?}: {:?} lacks {:?}", op, kinds, must);
        let allowed: BTreeSet<ChangeKind> = may.into_iter().chain([must]).collect();
        prop_assert!(kinds.is_subset(&allowed), "{:?}: {:?} beyond {:?}", op, kinds, allowed);
    }
}
