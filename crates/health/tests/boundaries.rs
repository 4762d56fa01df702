//! Each check at the edges of its default thresholds: just inside is quiet, just outside is found.

mod common;

use common::*;
use topograph_health::{EntityKind, Severity};
use topograph_model::*;

fn team_size_findings(people: usize) -> usize {
    let mut b = B::new();
    b.team("Team", UnitKind::Platform, people);
    of(&b.findings(), "team-size").len()
}

#[test]
fn a_team_of_four_is_too_small_and_five_is_enough() {
    assert_eq!(team_size_findings(4), 1);
    assert_eq!(team_size_findings(5), 0);
}

#[test]
fn a_team_of_nine_is_fine_and_ten_is_too_large() {
    assert_eq!(team_size_findings(9), 0);
    assert_eq!(team_size_findings(10), 1);
}

#[test]
fn team_size_weighs_members_by_allocation_and_counts_open_positions_apart() {
    let mut b = B::new();
    let t = b.team("Team", UnitKind::Platform, 9);
    let half = b.person("Half", None);
    b.seat(half, t, 50, TeamRole::Engineer);
    let open = b.person_with("", None, PersonStatus::OpenPosition);
    b.seat(open, t, 100, TeamRole::Engineer);
    let f = b.findings();
    let f = of(&f, "team-size");
    assert_eq!(f.len(), 1, "9.5 people is above 9");
    assert_eq!(f[0].value, 9.5);
    assert!(
        f[0].message.contains("plus 1 open position"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].threshold, "5-9");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!((f[0].entity_kind, f[0].entity_id), (EntityKind::Unit, t.0));
}

fn span_findings(reports: usize) -> Vec<String> {
    let mut b = B::new();
    let m = b.person("Manager", None);
    b.reports(m, reports);
    b.findings()
        .iter()
        .filter(|f| f.check.starts_with("span"))
        .map(|f| f.check.clone())
        .collect()
}

#[test]
fn a_manager_of_individual_contributors_needs_four_to_eight_reports() {
    assert_eq!(span_findings(3), ["span-of-control-ics"]);
    assert!(span_findings(4).is_empty());
    assert!(span_findings(8).is_empty());
    assert_eq!(span_findings(9), ["span-of-control-ics"]);
}

fn manager_of_managers_findings(managers: usize) -> Vec<String> {
    let mut b = B::new();
    let top = b.person("Director", None);
    for m in b.reports(top, managers) {
        b.reports(m, 5);
    }
    b.findings()
        .iter()
        .filter(|f| f.check.starts_with("span"))
        .map(|f| format!("{} {}", f.check, f.entity_name))
        .collect()
}

#[test]
fn a_manager_of_managers_needs_four_to_six_reports() {
    assert_eq!(
        manager_of_managers_findings(3),
        ["span-of-control-managers Director"]
    );
    assert!(manager_of_managers_findings(4).is_empty());
    assert!(manager_of_managers_findings(6).is_empty());
    assert_eq!(
        manager_of_managers_findings(7),
        ["span-of-control-managers Director"]
    );
}

fn deepest_layer_findings(layers: usize) -> Vec<f64> {
    let mut b = B::new();
    let mut cur = b.person("Top", None);
    for i in 1..layers {
        cur = b.person(&format!("Layer {}", i + 1), Some(cur));
    }
    of(&b.findings(), "layers")
        .iter()
        .map(|f| f.value)
        .collect()
}

#[test]
fn seven_layers_are_fine_and_an_eighth_is_flagged() {
    assert!(deepest_layer_findings(7).is_empty());
    assert_eq!(deepest_layer_findings(8), [8.0]);
}

#[test]
fn one_single_report_manager_is_no_chain_but_two_in_a_row_are() {
    let mut b = B::new();
    let vp = b.person("VP", None);
    let dir = b.person("Director", Some(vp));
    b.reports(dir, 5);
    assert!(of(&b.findings(), "single-report-chain").is_empty());

    let mut b = B::new();
    let vp = b.person("VP", None);
    let dir = b.person("Director", Some(vp));
    let em = b.person("EM", Some(dir));
    b.reports(em, 5);
    let f = b.findings();
    let chains = of(&f, "single-report-chain");
    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].entity_id, vp.0);
    assert_eq!(chains[0].value, 2.0);
    assert!(
        chains[0].message.contains("VP -> Director"),
        "{}",
        chains[0].message
    );
}

fn trio_team(roles: &[TeamRole], user_facing: bool) -> Vec<String> {
    let mut b = B::new();
    let t = b.team("Checkout", UnitKind::StreamAligned, 0);
    for (i, role) in roles.iter().enumerate() {
        let p = b.person(&format!("P{i}"), None);
        b.seat(p, t, 100, *role);
    }
    b.area("Checkout", Complexity::Simple, user_facing, None, Some(t));
    of(&b.findings(), "product-trio")
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn a_stream_aligned_team_needs_a_product_manager_designer_and_tech_lead() {
    use TeamRole::*;
    assert!(trio_team(&[ProductManager, Designer, TechLead], true).is_empty());
    assert_eq!(
        trio_team(&[ProductManager, TechLead], true),
        ["missing a designer"]
    );
    assert_eq!(
        trio_team(&[Designer], true),
        ["missing a product manager and a tech lead"]
    );
}

#[test]
fn a_team_owning_no_user_facing_area_needs_no_designer() {
    use TeamRole::*;
    assert!(trio_team(&[ProductManager, TechLead], false).is_empty());
}

fn engineers_per_pm(engineers: usize) -> Vec<f64> {
    let mut b = B::new();
    let t = b.team("Search", UnitKind::StreamAligned, engineers);
    let pm = b.person("PM", None);
    b.seat(pm, t, 100, TeamRole::ProductManager);
    of(&b.findings(), "engineers-per-pm")
        .iter()
        .map(|f| f.value)
        .collect()
}

#[test]
fn five_to_nine_engineers_per_product_manager_are_fine() {
    assert_eq!(engineers_per_pm(4), [4.0]);
    assert!(engineers_per_pm(5).is_empty());
    assert!(engineers_per_pm(9).is_empty());
    assert_eq!(engineers_per_pm(10), [10.0]);
}

#[test]
fn engineers_per_product_manager_is_also_checked_per_group() {
    let mut b = B::new();
    let g = b.unit("Commerce", UnitKind::Group, None);
    for name in ["A", "B"] {
        let t = b.unit(name, UnitKind::StreamAligned, Some(g));
        for i in 0..6 {
            let p = b.person(&format!("{name}{i}"), None);
            b.seat(p, t, 100, TeamRole::Engineer);
        }
    }
    let pm = b.person("PM", None);
    let a = b.org.units().find(|u| u.name == "A").unwrap().id;
    b.seat(pm, a, 100, TeamRole::ProductManager);
    let f = b.findings();
    let f = of(&f, "engineers-per-pm");
    assert_eq!(f.len(), 1, "team A has 6 per PM, the group 12");
    assert_eq!((f[0].entity_id, f[0].value), (g.0, 12.0));
}

#[test]
fn a_leaf_area_without_owner_is_an_error_but_a_parent_area_is_not() {
    let mut b = B::new();
    let parent = b.area("Commerce", Complexity::Simple, true, None, None);
    let leaf = b.area("Cart", Complexity::Simple, true, Some(parent), None);
    let f = b.findings();
    let f = of(&f, "area-ownership");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].entity_kind, f[0].entity_id, f[0].severity),
        (EntityKind::Area, leaf.0, Severity::Error)
    );
}

fn load_findings(areas: &[Complexity]) -> usize {
    let mut b = B::new();
    let t = b.team("Payments", UnitKind::StreamAligned, 6);
    for (i, c) in areas.iter().enumerate() {
        b.area(&format!("Area {i}"), *c, false, None, Some(t));
    }
    of(&b.findings(), "cognitive-load").len()
}

#[test]
fn three_simple_areas_fit_a_team_and_a_fourth_does_not() {
    use Complexity::*;
    assert_eq!(load_findings(&[Simple, Simple, Simple]), 0);
    assert_eq!(load_findings(&[Simple, Simple, Simple, Simple]), 1);
}

#[test]
fn one_complex_area_fits_a_team_but_two_complicated_do_not() {
    use Complexity::*;
    assert_eq!(load_findings(&[Complex]), 0);
    assert_eq!(load_findings(&[Complicated, Simple]), 0);
    assert_eq!(load_findings(&[Complicated, Complicated]), 1);
}

fn allocation_findings(seats: &[u32]) -> Vec<String> {
    let mut b = B::new();
    let p = b.person("Leonor", None);
    for (i, a) in seats.iter().enumerate() {
        let t = b.unit(&format!("T{i}"), UnitKind::StreamAligned, None);
        b.seat(p, t, *a, TeamRole::Engineer);
    }
    b.findings()
        .iter()
        .filter(|f| f.entity_kind == EntityKind::Person)
        .map(|f| f.check.clone())
        .collect()
}

#[test]
fn a_total_of_100_percent_is_fine_and_101_is_an_error() {
    assert!(allocation_findings(&[60, 40]).is_empty());
    assert_eq!(allocation_findings(&[60, 41]), ["over-allocation"]);
}

#[test]
fn two_teams_per_person_are_fine_and_three_are_flagged() {
    assert!(allocation_findings(&[50, 50]).is_empty());
    assert_eq!(allocation_findings(&[40, 30, 30]), ["split-allocation"]);
}

fn overdue(mode: InteractionMode, start: Option<&str>, end: Option<&str>) -> Vec<f64> {
    let mut b = B::new();
    let x = b.unit("X", UnitKind::StreamAligned, None);
    let y = b.unit("Y", UnitKind::Enabling, None);
    b.interaction(y, x, mode, start, end);
    of(&b.findings(), "interaction-overdue")
        .iter()
        .map(|f| f.value)
        .collect()
}

#[test]
fn collaboration_without_an_end_is_overdue_three_months_after_its_start() {
    use InteractionMode::*;
    // Today is 2026-11-27 in these tests.
    assert!(overdue(Collaboration, Some("2026-08-27"), None).is_empty());
    assert_eq!(overdue(Collaboration, Some("2026-08-26"), None), [1.0]);
    assert_eq!(overdue(Facilitating, Some("2026-08-26"), None), [1.0]);
}

#[test]
fn an_expected_end_wins_over_the_default_duration() {
    use InteractionMode::*;
    assert!(overdue(Collaboration, Some("2026-01-01"), Some("2026-11-27")).is_empty());
    assert_eq!(
        overdue(Collaboration, Some("2026-01-01"), Some("2026-11-26")),
        [1.0]
    );
    assert!(
        overdue(XAsAService, Some("2020-01-01"), Some("2020-02-01")).is_empty(),
        "x-as-a-service is meant to last"
    );
}

#[test]
fn a_stream_aligned_team_providing_x_as_a_service_is_flagged_and_a_platform_is_not() {
    let mut b = B::new();
    let sa = b.unit("Payments", UnitKind::StreamAligned, None);
    let pl = b.unit("Platform", UnitKind::Platform, None);
    let other = b.unit("Checkout", UnitKind::StreamAligned, None);
    let bad = b.interaction(sa, other, InteractionMode::XAsAService, None, None);
    b.interaction(pl, other, InteractionMode::XAsAService, None, None);
    let f = b.findings();
    let f = of(&f, "stream-aligned-as-a-service");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].entity_kind, f[0].entity_id),
        (EntityKind::Interaction, bad.0)
    );
    assert_eq!(f[0].entity_name, "Payments / Checkout");
}

fn mix(stream: usize, other: usize) -> (f64, String) {
    let mut b = B::new();
    for i in 0..stream {
        b.unit(&format!("S{i}"), UnitKind::StreamAligned, None);
    }
    for i in 0..other {
        b.unit(&format!("P{i}"), UnitKind::Platform, None);
    }
    let f = b.findings();
    let f = of(&f, "team-type-mix");
    assert_eq!(f.len(), 1, "the mix is always reported");
    assert_eq!(f[0].severity, Severity::Info);
    (f[0].value, f[0].message.clone())
}

#[test]
fn the_team_type_mix_says_whether_the_share_of_stream_aligned_teams_is_usual() {
    let (v, m) = mix(3, 2);
    assert_eq!(v, 60.0);
    assert!(m.contains("within"), "{m}");
    let (v, m) = mix(1, 1);
    assert_eq!(v, 50.0);
    assert!(m.contains("below"), "{m}");
    let (v, m) = mix(9, 1);
    assert_eq!(v, 90.0);
    assert!(m.contains("above"), "{m}");
}

#[test]
fn roll_ups_sum_people_open_positions_and_cost_up_through_groups() {
    let mut b = B::new();
    let g = b.unit("Commerce", UnitKind::Group, None);
    let t = b.unit("Cart", UnitKind::StreamAligned, Some(g));
    for i in 0..3 {
        let p = b.person(&format!("E{i}"), None);
        b.seat(p, t, 100, TeamRole::Engineer);
    }
    let open = b.person_with("", None, PersonStatus::OpenPosition);
    b.seat(open, t, 100, TeamRole::Engineer);
    let f = b.findings();
    let group = of(&f, "rollups")
        .into_iter()
        .find(|f| f.entity_id == g.0)
        .unwrap()
        .clone();
    assert_eq!(group.value, 3.0);
    assert!(
        group.message.contains("3 people, 1 open position"),
        "{}",
        group.message
    );
}
