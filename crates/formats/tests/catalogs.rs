//! Backstage catalogs and Team API files read from fixtures: entity kinds, references, nesting,
//! ownership, and problems pointing at the document that has them.

mod common;

use common::*;
use topograph_formats::{backstage, build_org, teamapi};
use topograph_model::{InteractionMode, TeamRole, UnitKind};

#[test]
fn a_backstage_catalog_in_several_files_becomes_nested_units_people_seats_and_owned_areas() {
    let inc = backstage::read(&yaml_dir("backstage"));
    let r = &inc.records;
    let acme = unit(r, "ACME Inc.");
    let eng = unit(r, "engineering");
    let payments = unit(r, "Payments");
    let platform = unit(r, "platform");
    assert_eq!((acme.kind, acme.parent), (UnitKind::Group, None));
    assert_eq!(eng.parent, Some(acme.id), "children on the parent link up");
    assert_eq!(payments.parent, Some(eng.id));
    assert_eq!(
        (payments.kind, payments.mission.as_str()),
        (UnitKind::StreamAligned, "Money in, money out.")
    );
    assert_eq!(
        (platform.kind, platform.parent),
        (UnitKind::Platform, Some(eng.id))
    );
    assert_eq!(manager_of(r, "Omar Farouk"), Some("Jane Doe"));
    let omar = person(r, "Omar Farouk");
    let seats: Vec<_> = r
        .memberships
        .iter()
        .filter(|m| m.person == omar.id)
        .map(|m| (m.unit, m.role))
        .collect();
    assert_eq!(
        seats,
        vec![
            (payments.id, TeamRole::Engineer),
            (platform.id, TeamRole::Engineer)
        ]
    );
    let area = |n: &str| {
        r.areas
            .iter()
            .find(|a| a.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    assert_eq!(area("Commerce").owner, Some(eng.id));
    assert_eq!(area("Checkout").parent, Some(area("Commerce").id));
    assert_eq!(area("Checkout").owner, Some(payments.id));
    assert_eq!(area("payment-gateway").parent, Some(area("Checkout").id));
    assert_eq!(area("deploy-pipeline").owner, None);
    let p = problems(&inc);
    let expect = [
        "org.yaml:55:1: group:default/loop-b: its parent would put it inside itself",
        "systems.yaml:28:1: component:default/deploy-pipeline: owner 'user:jane' is a user",
        "systems.yaml:38:1: system:default/infra: domain 'nowhere' is not in the catalog; read at the top",
        "users.yaml:24:1: user:default/li: group 'ghosts' is not in the catalog",
    ];
    for e in expect {
        assert!(p.iter().any(|x| x.starts_with(e)), "missing {e} in {p:#?}");
    }
    assert_eq!(p.len(), 4, "{p:#?}");
    assert!(build_org(inc).is_ok());
}

#[test]
fn broken_yaml_is_a_problem_at_its_line_and_the_other_documents_still_count() {
    let text = "kind: Group\nmetadata: {name: a}\nspec: {type: team, children: []}\n---\nkind: User\nmetadata: [oops\n";
    let inc = backstage::read(&[("c.yaml".into(), text.into())]);
    assert_eq!(inc.records.units.len(), 1);
    assert_eq!(inc.problems.len(), 1);
    assert!(inc.problems[0].line >= 6, "{}", inc.problems[0]);
}

#[test]
fn team_api_files_become_teams_in_their_groups_with_members_areas_and_interactions() {
    let inc = teamapi::read(&yaml_dir("teamapi"));
    let r = &inc.records;
    let commerce = unit(r, "Commerce");
    let checkout = unit(r, "Checkout");
    let search = unit(r, "Search");
    let platform = unit(r, "Platform");
    assert_eq!(commerce.kind, UnitKind::Group);
    assert_eq!(
        (checkout.parent, search.parent, platform.parent),
        (Some(commerce.id), Some(commerce.id), None)
    );
    assert_eq!(
        (checkout.target_size, platform.kind),
        (Some(7), UnitKind::Platform)
    );
    assert_eq!(checkout.lead, Some(person(r, "Ada Lee").id));
    let bo = person(r, "Bo Chen");
    assert_eq!(
        r.persons.iter().filter(|p| p.name == "Bo Chen").count(),
        1,
        "one person across files"
    );
    assert_eq!(
        r.memberships
            .iter()
            .filter(|m| m.person == bo.id && m.allocation == 50)
            .count(),
        2
    );
    let area = |n: &str| r.areas.iter().find(|a| a.name == n).unwrap();
    assert_eq!(area("Payments").owner, Some(checkout.id));
    assert_eq!(area("Payments").parent, Some(area("Marketplace").id));
    assert_eq!(area("Search").owner, Some(search.id));
    assert_eq!(r.contributors.len(), 1);
    assert_eq!(
        (r.contributors[0].area, r.contributors[0].unit),
        (area("Search").id, checkout.id)
    );
    let modes: Vec<_> = r
        .interactions
        .iter()
        .map(|i| (i.from, i.to, i.mode))
        .collect();
    assert_eq!(modes.len(), 2, "{modes:?}");
    assert!(modes.contains(&(platform.id, checkout.id, InteractionMode::XAsAService)));
    assert!(modes.iter().any(|m| m.2 == InteractionMode::Collaboration));
    let p = problems(&inc);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].starts_with("checkout.yaml:1:1: Checkout: the team 'Billing' has no Team API here"),
        "{p:#?}"
    );
    assert!(build_org(inc).is_ok());
}
