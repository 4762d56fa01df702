//! What the first-run sample must contain, including its deliberate problems.

use std::collections::{BTreeMap, HashMap, HashSet};
use topograph_model::{
    Discipline, Employment, InteractionMode, Org, PersonId, PersonStatus, TeamRole, UnitId,
    UnitKind,
};
use topograph_sample::sample;

fn teams(org: &Org) -> Vec<&topograph_model::Unit> {
    org.units().filter(|u| u.kind != UnitKind::Group).collect()
}

fn has_role(org: &Org, unit: UnitId, role: TeamRole) -> bool {
    org.members(unit).any(|m| m.role == role)
}

/// Depth of an area: 1 for a root.
fn area_depth(org: &Org, id: topograph_model::AreaId) -> usize {
    let mut depth = 1;
    let mut cur = org.area(id).unwrap().parent;
    while let Some(p) = cur {
        depth += 1;
        cur = org.area(p).unwrap().parent;
    }
    depth
}

#[test]
fn the_sample_has_no_problems() {
    let org = sample();
    assert_eq!(org.problems(), Vec::<String>::new());
}

#[test]
fn the_sample_is_the_same_every_time() {
    assert!(sample() == sample());
}

#[test]
fn the_sample_has_about_150_people() {
    let n = sample().person_count();
    assert!((140..=160).contains(&n), "{n} people");
}

#[test]
fn the_sample_has_one_ceo_with_cpo_and_cto_lines() {
    let org = sample();
    let roots: Vec<_> = org.roots().collect();
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0].title, "Chief Executive Officer");
    let titles: Vec<&str> = org
        .reports(roots[0].id)
        .map(|r| org.person(r).unwrap().title.as_str())
        .collect();
    assert!(titles.contains(&"Chief Technology Officer"), "{titles:?}");
    assert!(titles.contains(&"Chief Product Officer"), "{titles:?}");
    assert!(org.persons().any(|p| p.title == "Head of Design"));
    assert!(org.persons().any(|p| p.title == "VP of Data"));
}

#[test]
fn the_sample_has_all_four_team_types_under_groups() {
    let org = sample();
    let kinds: HashSet<UnitKind> = teams(&org).iter().map(|u| u.kind).collect();
    for k in [
        UnitKind::StreamAligned,
        UnitKind::Platform,
        UnitKind::Enabling,
        UnitKind::ComplicatedSubsystem,
    ] {
        assert!(kinds.contains(&k), "no {k} team");
    }
    let groups = org.units().filter(|u| u.kind == UnitKind::Group).count();
    assert!((3..=4).contains(&groups), "{groups} groups");
    let n = teams(&org).len();
    assert!((14..=17).contains(&n), "{n} teams");
    for t in teams(&org) {
        let parent = org
            .unit(t.parent.expect("every team is in a group"))
            .unwrap();
        assert_eq!(parent.kind, UnitKind::Group, "{}", t.name);
        assert!(t.lead.is_some(), "{} has a lead", t.name);
        assert!(t.colour.is_some() && t.target_size.is_some() && !t.mission.is_empty());
    }
    let stream = teams(&org)
        .iter()
        .filter(|t| t.kind == UnitKind::StreamAligned)
        .count();
    assert!(stream * 2 > n, "most teams are stream-aligned");
}

#[test]
fn most_stream_aligned_teams_have_a_product_trio_and_some_do_not() {
    let org = sample();
    let stream: Vec<_> = teams(&org)
        .into_iter()
        .filter(|t| t.kind == UnitKind::StreamAligned)
        .collect();
    let complete = stream
        .iter()
        .filter(|t| {
            has_role(&org, t.id, TeamRole::ProductManager)
                && has_role(&org, t.id, TeamRole::Designer)
                && has_role(&org, t.id, TeamRole::TechLead)
        })
        .count();
    assert!(
        complete * 3 >= stream.len() * 2,
        "{complete}/{}",
        stream.len()
    );
    let no_designer = stream
        .iter()
        .filter(|t| !has_role(&org, t.id, TeamRole::Designer))
        .count();
    let no_pm = stream
        .iter()
        .filter(|t| !has_role(&org, t.id, TeamRole::ProductManager))
        .count();
    assert!(no_designer >= 1 && no_pm >= 1, "{no_designer} / {no_pm}");
    for t in &stream {
        assert!(
            has_role(&org, t.id, TeamRole::EngineeringManager),
            "{}",
            t.name
        );
    }
}

#[test]
fn the_sample_has_open_positions_planned_hires_and_contractors() {
    let org = sample();
    let count = |s: PersonStatus| org.persons().filter(|p| p.status == s).count();
    assert!(count(PersonStatus::OpenPosition) >= 3);
    assert!(count(PersonStatus::PlannedHire) >= 1);
    assert!(count(PersonStatus::Leaving) >= 1);
    for p in org
        .persons()
        .filter(|p| p.status == PersonStatus::OpenPosition)
    {
        assert!(p.name.is_empty() && !p.title.is_empty());
    }
    let contractors = org
        .persons()
        .filter(|p| p.employment == Employment::Contractor)
        .count();
    assert!((3..=15).contains(&contractors), "{contractors}");
}

#[test]
fn the_sample_has_dotted_lines() {
    assert!(sample().dotted_lines().count() >= 3);
}

#[test]
fn some_people_are_split_across_teams_and_one_is_over_allocated() {
    let org = sample();
    let mut total: HashMap<PersonId, (u32, usize)> = HashMap::new();
    for m in org.memberships() {
        let e = total.entry(m.person).or_default();
        e.0 += m.allocation;
        e.1 += 1;
    }
    let split = total.values().filter(|(_, n)| *n >= 2).count();
    assert!(split >= 3, "{split}");
    assert!(total.values().any(|&(a, n)| n == 2 && a == 100));
    assert!(total.values().any(|&(a, _)| a > 100));
}

#[test]
fn the_sample_has_about_40_areas_over_three_levels_with_gaps() {
    let org = sample();
    let n = org.areas().count();
    assert!((35..=45).contains(&n), "{n} areas");
    let depths: HashSet<usize> = org.areas().map(|a| area_depth(&org, a.id)).collect();
    assert_eq!(depths, HashSet::from([1, 2, 3]));
    let leaves: Vec<_> = org
        .areas()
        .filter(|a| org.child_areas(a.id).next().is_none())
        .collect();
    let orphans = leaves.iter().filter(|a| a.owner.is_none()).count();
    assert!(
        (2..=5).contains(&orphans),
        "{orphans} leaf areas without owner"
    );
    let complexities: HashSet<_> = org.areas().map(|a| a.complexity).collect();
    assert_eq!(complexities.len(), 3);
    // The area two teams claim: one owner, the other team a contributor.
    let disputed = org
        .areas()
        .find(|a| a.name == "Promotions & vouchers")
        .unwrap();
    assert!(disputed.owner.is_some());
    assert_eq!(org.contributors_of(disputed.id).count(), 1);
    assert!(disputed.description.contains("both"));
}

#[test]
fn the_sample_has_every_interaction_mode_and_an_overdue_collaboration() {
    let org = sample();
    let modes: HashSet<InteractionMode> = org.interactions().map(|i| i.mode).collect();
    assert_eq!(modes.len(), 3);
    assert!(org.interactions().all(|i| i.start.is_some()));
    assert!(org
        .interactions()
        .any(|i| i.mode == InteractionMode::Collaboration
            && matches!(i.expected_end.as_deref(), Some(end) if end < "2026-11-01")));
    assert!(org
        .interactions()
        .filter(|i| i.mode != InteractionMode::XAsAService)
        .all(|i| i.expected_end.is_some()));
}

#[test]
fn the_sample_has_its_deliberate_health_problems() {
    let org = sample();
    let sizes: Vec<usize> = teams(&org)
        .iter()
        .map(|t| org.members(t.id).count())
        .collect();
    assert_eq!(sizes.iter().filter(|&&s| s >= 12).count(), 1, "{sizes:?}");
    assert!(sizes.iter().all(|&s| (4..=12).contains(&s)), "{sizes:?}");
    let spans: Vec<usize> = org
        .persons()
        .map(|p| org.report_count(p.id))
        .filter(|&n| n > 0)
        .collect();
    assert!(spans.contains(&14), "{spans:?}");
    // A manager whose only report is a manager whose only report is a manager.
    let chain = org.persons().any(|p| {
        let r: Vec<_> = org.reports(p.id).collect();
        r.len() == 1 && {
            let r2: Vec<_> = org.reports(r[0]).collect();
            r2.len() == 1 && org.report_count(r2[0]) > 0
        }
    });
    assert!(chain);
}

#[test]
fn people_have_plausible_details() {
    let org = sample();
    let mut emails = HashSet::new();
    let mut currencies = HashSet::new();
    let mut locations = HashSet::new();
    let mut disciplines = BTreeMap::new();
    for p in org.persons() {
        *disciplines.entry(p.discipline).or_insert(0) += 1;
        assert!(p.level.is_some() && p.location.is_some() && p.cost.is_some());
        currencies.insert(p.cost.as_ref().unwrap().currency.clone());
        locations.insert(p.location.clone().unwrap());
        if p.status == PersonStatus::OpenPosition {
            continue;
        }
        let email = p.email.as_deref().unwrap();
        assert!(
            email.ends_with("@example.com") && email.contains('.'),
            "{email}"
        );
        assert!(emails.insert(email.to_string()), "duplicate {email}");
        assert!(p.start_date.is_some());
        if p.status == PersonStatus::Active {
            assert!(p.employee_id.as_deref().unwrap().starts_with('E'));
        }
    }
    assert!(currencies.len() >= 3, "{currencies:?}");
    assert!(locations.len() >= 5, "{locations:?}");
    assert!(disciplines[&Discipline::Engineering] > org.person_count() / 2);
}
