//! The generator: exact size, determinism, validity and a realistic shape at every scale.

use proptest::prelude::*;
use std::collections::{HashMap, HashSet};
use topograph_model::{
    IdCounter, InteractionMode, Op, Org, PersonId, PersonStatus, TeamRole, UnitKind,
};
use topograph_sample::generate;

/// Number of people on the longest reporting chain (1 for a lone CEO).
fn depth(org: &Org) -> usize {
    let mut memo: HashMap<PersonId, usize> = HashMap::new();
    let mut deepest = 0;
    for p in org.persons() {
        let mut chain = vec![p.id];
        let mut cur = p.manager;
        let mut base = 0;
        while let Some(m) = cur {
            if let Some(&d) = memo.get(&m) {
                base = d;
                break;
            }
            chain.push(m);
            cur = org.person(m).unwrap().manager;
        }
        for (k, id) in chain.iter().rev().enumerate() {
            memo.insert(*id, base + k + 1);
        }
        deepest = deepest.max(memo[&p.id]);
    }
    deepest
}

fn teams(org: &Org) -> impl Iterator<Item = &topograph_model::Unit> {
    org.units().filter(|u| u.kind != UnitKind::Group)
}

/// Managers whose span is outside 3-12.
fn bad_spans(org: &Org) -> Vec<(String, usize)> {
    org.persons()
        .map(|p| (p.title.clone(), org.report_count(p.id)))
        .filter(|&(_, n)| n > 0 && !(3..=12).contains(&n))
        .collect()
}

fn check_shape(org: &Org, n: usize) {
    assert_eq!(org.person_count(), n);
    assert_eq!(org.problems(), Vec::<String>::new(), "{n} people");
    if n >= 4 {
        assert_eq!(bad_spans(org), vec![], "{n} people");
    }
    for t in teams(org) {
        let size = org.members(t.id).count();
        assert!(
            (4..=10).contains(&size),
            "{n} people: {} has {size}",
            t.name
        );
        assert!(t.lead.is_some());
    }
    if n > 0 {
        assert_eq!(org.roots().count(), 1, "one CEO");
    }
}

#[test]
fn the_generator_makes_exactly_the_people_asked_for() {
    for n in [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 21, 22, 23, 24, 50, 99, 100, 150, 1000,
    ] {
        assert_eq!(generate(n, 1).person_count(), n);
    }
}

#[test]
fn the_same_seed_gives_the_same_org_and_another_seed_a_different_one() {
    for n in [10, 500] {
        assert!(generate(n, 7) == generate(n, 7));
        assert!(generate(n, 7) != generate(n, 8));
    }
}

#[test]
fn generated_orgs_have_no_problems_and_healthy_shapes_at_many_sizes() {
    for n in [
        0, 1, 2, 3, 4, 6, 7, 9, 10, 12, 13, 22, 23, 30, 45, 60, 100, 250, 1000, 3000,
    ] {
        for seed in [1, 2] {
            check_shape(&generate(n, seed), n);
        }
    }
}

#[test]
fn a_generated_org_of_ten_thousand_has_no_problems() {
    check_shape(&generate(10_000, 42), 10_000);
}

#[test]
fn depth_grows_with_the_head_count() {
    let d: Vec<usize> = [10, 100, 1_000, 10_000]
        .iter()
        .map(|&n| depth(&generate(n, 3)))
        .collect();
    assert!(d.windows(2).all(|w| w[0] < w[1]), "{d:?}");
    assert!(d[3] <= 10, "{d:?}");
}

#[test]
fn a_large_org_has_a_realistic_mix() {
    let n = 10_000;
    let org = generate(n, 5);
    let count = |s: PersonStatus| org.persons().filter(|p| p.status == s).count();
    let per_cent = |k: usize| k as f64 * 100.0 / n as f64;
    let open = per_cent(count(PersonStatus::OpenPosition));
    assert!((1.5..=3.5).contains(&open), "{open}% open");
    assert!(count(PersonStatus::PlannedHire) > 0 && count(PersonStatus::Leaving) > 0);

    let dotted = per_cent(org.dotted_lines().count());
    assert!((0.5..=2.0).contains(&dotted), "{dotted}% dotted");

    let mut seats: HashMap<PersonId, usize> = HashMap::new();
    for m in org.memberships() {
        *seats.entry(m.person).or_default() += 1;
    }
    let split = per_cent(seats.values().filter(|&&s| s >= 2).count());
    assert!((1.5..=5.0).contains(&split), "{split}% split");

    let ts: Vec<_> = teams(&org).collect();
    let share = |k: UnitKind| ts.iter().filter(|t| t.kind == k).count() as f64 / ts.len() as f64;
    let stream = share(UnitKind::StreamAligned);
    assert!((0.6..=0.8).contains(&stream), "{stream}");
    for k in [
        UnitKind::Platform,
        UnitKind::Enabling,
        UnitKind::ComplicatedSubsystem,
    ] {
        assert!(share(k) >= 0.03, "{k}");
    }
    // Groups nest at least two levels deep under the root.
    let nested = org.units().any(|u| {
        u.kind == UnitKind::Group
            && u.parent
                .and_then(|p| org.unit(p))
                .is_some_and(|p| p.parent.is_some())
    });
    assert!(nested);
    // Stream-aligned teams mostly carry a product trio.
    let trios = ts
        .iter()
        .filter(|t| t.kind == UnitKind::StreamAligned)
        .filter(|t| {
            let roles: HashSet<TeamRole> = org.members(t.id).map(|m| m.role).collect();
            roles.contains(&TeamRole::ProductManager)
                && roles.contains(&TeamRole::Designer)
                && roles.contains(&TeamRole::TechLead)
        })
        .count() as f64;
    let stream_count = ts
        .iter()
        .filter(|t| t.kind == UnitKind::StreamAligned)
        .count() as f64;
    assert!(trios / stream_count > 0.7, "{}", trios / stream_count);

    let areas = org.areas().count();
    assert!((n / 25..=n / 15).contains(&areas), "{areas} areas");
    let leaves: Vec<_> = org
        .areas()
        .filter(|a| org.child_areas(a.id).next().is_none())
        .collect();
    let orphans = leaves.iter().filter(|a| a.owner.is_none()).count() as f64;
    let orphan_share = orphans / leaves.len() as f64;
    assert!((0.01..=0.08).contains(&orphan_share), "{orphan_share}");
    assert!(org.contributors().count() > 0);

    let interactions = org.interactions().count() as f64;
    let ratio = interactions / ts.len() as f64;
    assert!((0.25..=0.4).contains(&ratio), "{ratio}");
    let modes: HashSet<InteractionMode> = org.interactions().map(|i| i.mode).collect();
    assert_eq!(modes.len(), 3);

    let emails: HashSet<&str> = org.persons().filter_map(|p| p.email.as_deref()).collect();
    let named = org.persons().filter(|p| p.email.is_some()).count();
    assert_eq!(emails.len(), named, "emails are unique");
}

#[test]
fn a_generated_org_can_be_rebuilt_through_operations() {
    for (n, seed) in [(5, 1), (40, 2), (400, 3)] {
        let org = generate(n, seed);
        let r = org.to_records();
        let mut rebuilt = Org::new();
        let mut ids = IdCounter {
            next: org.max_id() + 1,
        };
        let mut run = |op: Op| {
            rebuilt
                .execute(&op, &mut ids)
                .unwrap_or_else(|e| panic!("{} fails: {e}", op.label()));
        };
        // Managers have lower ids than their reports, parents than their children.
        for p in r.persons {
            run(Op::CreatePerson { person: p });
        }
        for d in r.dotted_lines {
            run(Op::AddDottedLine {
                person: d.person,
                manager: d.manager,
            });
        }
        for u in r.units {
            run(Op::CreateUnit { unit: u });
        }
        for m in r.memberships {
            run(Op::SetMembership {
                person: m.person,
                unit: m.unit,
                allocation: m.allocation,
                role: m.role,
            });
        }
        for a in r.areas {
            run(Op::CreateArea { area: a });
        }
        for c in r.contributors {
            run(Op::AddContributor {
                area: c.area,
                unit: c.unit,
            });
        }
        for i in r.interactions {
            run(Op::AddInteraction { interaction: i });
        }
        if let Some(settings) = r.plan_settings {
            run(Op::SetPlanSettings { settings });
        }
        for budget in r.budgets {
            run(Op::SetBudget { budget });
        }
        assert!(rebuilt == org, "{n} people");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_small_size_and_seed_gives_a_valid_org_of_that_size(n in 0usize..400, seed: u64) {
        check_shape(&generate(n, seed), n);
    }
}
