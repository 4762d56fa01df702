//! Damaged orgs from hostile files: every check ends, without a panic, on each of them.

use topograph_health::{check, Date, Settings};
use topograph_sample::hostile::ends_within_seconds;

#[test]
fn every_check_ends_on_every_damaged_org() {
    for (name, org) in topograph_sample::hostile::all() {
        let findings = ends_within_seconds(name, move || {
            check(
                &org,
                &Settings::default(),
                Date::parse("2026-11-27").unwrap(),
            )
        });
        assert!(
            !findings.is_empty(),
            "{name}: the sample's problems are still found"
        );
    }
}

#[test]
fn a_unit_loop_does_not_hang_the_roll_ups() {
    let org = topograph_sample::hostile::unit_loop();
    let findings = ends_within_seconds("unit loop", move || {
        check(
            &org,
            &Settings::default(),
            Date::parse("2026-11-27").unwrap(),
        )
    });
    assert!(findings.iter().any(|f| f.check == "team-size"));
}

#[test]
fn a_manager_id_above_every_person_id_does_not_panic() {
    let org = topograph_sample::hostile::dangling();
    let findings = ends_within_seconds("dangling", move || {
        check(
            &org,
            &Settings::default(),
            Date::parse("2026-11-27").unwrap(),
        )
    });
    assert!(findings.iter().any(|f| f.check.starts_with("span")));
}
