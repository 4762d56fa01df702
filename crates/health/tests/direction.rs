//! The direction checks at their thresholds: drift, invest areas understaffed, sunset areas still
//! taking effort, contributor sprawl and targets over 100%.

mod common;

use common::{of, B};
use std::collections::BTreeMap;
use topograph_model::{CheckSettings, Complexity, Stance, UnitKind};

/// Two teams, 6 and 4 FTE, each owning one top-level area: shares 60% and 40%.
fn two_areas() -> (B, topograph_model::AreaId, topograph_model::AreaId) {
    let mut b = B::new();
    let big = b.team("Big", UnitKind::StreamAligned, 6);
    let small = b.team("Small", UnitKind::StreamAligned, 4);
    let x = b.area("X", Complexity::Simple, true, None, Some(big));
    let y = b.area("Y", Complexity::Simple, true, None, Some(small));
    (b, x, y)
}

fn threshold(check: &str, name: &str, value: f64) -> CheckSettings {
    let mut s = CheckSettings::default();
    s.thresholds
        .insert(check.into(), BTreeMap::from([(name.into(), value)]));
    s
}

#[test]
fn drift_is_reported_only_beyond_the_allowed_points() {
    let (mut b, x, y) = two_areas();
    b.direct(x, None, Some(55.0));
    b.direct(y, None, Some(34.0));
    let f = b.findings();
    let drift = of(&f, "investment-drift");
    // X is 5 points over (allowed), Y 6 points over (reported).
    assert_eq!(drift.len(), 1);
    assert_eq!(drift[0].entity_name, "Y");
    assert!(
        drift[0].message.contains("over by 6 points"),
        "{}",
        drift[0].message
    );
    assert_eq!(drift[0].value, 40.0);
    let strict = b.findings_with(&threshold("investment-drift", "points", 4.0));
    assert_eq!(of(&strict, "investment-drift").len(), 2);
}

#[test]
fn an_invest_area_with_less_than_a_team_is_understaffed() {
    let (mut b, x, y) = two_areas();
    b.direct(x, Some(Stance::Invest), None);
    b.direct(y, Some(Stance::Invest), None);
    let f = b.findings();
    let names: Vec<_> = of(&f, "invest-understaffed")
        .iter()
        .map(|f| f.entity_name.clone())
        .collect();
    assert_eq!(names, ["Y"], "6 FTE is enough, 4 is not");
    let lenient = b.findings_with(&threshold("invest-understaffed", "min-fte", 4.0));
    assert!(of(&lenient, "invest-understaffed").is_empty());
}

#[test]
fn a_sunset_area_over_its_share_is_reported_with_its_share() {
    let (mut b, x, y) = two_areas();
    b.direct(y, Some(Stance::Sunset), None);
    b.direct(x, Some(Stance::Grow), None);
    let f = b.findings();
    let sunset = of(&f, "sunset-effort");
    assert_eq!(sunset.len(), 1);
    assert_eq!(
        (sunset[0].entity_name.as_str(), sunset[0].value),
        ("Y", 40.0)
    );
    let lenient = b.findings_with(&threshold("sunset-effort", "max", 40.0));
    assert!(of(&lenient, "sunset-effort").is_empty());
}

#[test]
fn more_contributing_teams_than_allowed_is_sprawl() {
    let (mut b, x, _) = two_areas();
    for i in 0..3 {
        let t = b.team(&format!("C{i}"), UnitKind::StreamAligned, 1);
        b.contribute(x, t);
    }
    assert!(
        of(&b.findings(), "contributor-sprawl").is_empty(),
        "3 is allowed"
    );
    let t = b.team("C3", UnitKind::StreamAligned, 1);
    b.contribute(x, t);
    let f = b.findings();
    let sprawl = of(&f, "contributor-sprawl");
    assert_eq!(sprawl.len(), 1);
    assert_eq!(sprawl[0].value, 4.0);
}

#[test]
fn targets_over_100_are_accepted_and_reported_counting_only_the_outermost() {
    let (mut b, x, y) = two_areas();
    let team = b.org.area(x).unwrap().owner;
    let child = b.area("X child", Complexity::Simple, true, Some(x), team);
    b.direct(x, None, Some(60.0));
    b.direct(child, None, Some(50.0));
    b.direct(y, None, Some(40.0));
    assert!(
        of(&b.findings(), "targets-overcommitted").is_empty(),
        "the child's target is part of its parent's"
    );
    b.direct(y, None, Some(45.0));
    let f = b.findings();
    let over = of(&f, "targets-overcommitted");
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].value, 105.0);
    assert!(
        over[0].message.contains("2 areas add up to 105%"),
        "{}",
        over[0].message
    );
}

#[test]
fn a_switched_off_direction_check_reports_nothing() {
    let (mut b, _, y) = two_areas();
    b.direct(y, Some(Stance::Sunset), Some(0.0));
    let mut s = CheckSettings::default();
    s.disabled.insert("sunset-effort".into());
    s.disabled.insert("investment-drift".into());
    let f = b.findings_with(&s);
    assert!(of(&f, "sunset-effort").is_empty() && of(&f, "investment-drift").is_empty());
    assert_eq!(of(&b.findings(), "investment-drift").len(), 1);
}
