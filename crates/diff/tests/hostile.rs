//! Damaged orgs from hostile files: comparing them ends, without a panic, whichever side they are on.

use topograph_diff::{to_csv, to_markdown, to_text, Diff};
use topograph_health::Date;
use topograph_model::CheckSettings;
use topograph_sample::hostile::ends_within_seconds;

#[test]
fn a_reporting_loop_does_not_hang_the_layer_count() {
    let looped = topograph_sample::hostile::reporting_loop();
    let sound = topograph_sample::sample();
    let diff = ends_within_seconds("reporting loop", move || {
        Diff::between("Current", &sound, "Looped", &looped)
    });
    let layers = diff.numbers.iter().find(|n| n.key == "layers").unwrap();
    assert!(layers.after >= 1.0 && layers.after <= 200.0);
}

#[test]
fn every_damaged_org_can_be_compared_and_exported_both_ways() {
    for (name, org) in topograph_sample::hostile::all() {
        let sound = topograph_sample::sample();
        let out = ends_within_seconds(name, move || {
            let today = Date::parse("2026-11-27").unwrap();
            let there = Diff::between("Current", &sound, name, &org)
                .with_health(&sound, &org, &CheckSettings::default(), today)
                .unwrap();
            let back = Diff::between(name, &org, "Current", &sound);
            to_text(&there).len() + to_csv(&there).len() + to_markdown(&back).len()
        });
        assert!(out > 0, "{name}: the comparison is written");
    }
}
