//! Fuzzes health, diff and the views' layouts over arbitrary orgs, loops and dangling
//! references included (`topograph_sample::hostile::arbitrary`): nothing may panic or hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let org = topograph_sample::hostile::arbitrary(data);
    let sound = topograph_sample::sample();
    let today = topograph_health::Date::parse("2026-11-27").expect("a date");
    let _ = topograph_health::check_with(&org, &Default::default(), today);
    let there = topograph_diff::Diff::between("A", &sound, "B", &org);
    let _ = topograph_diff::to_markdown(&there);
    let _ = topograph_diff::Diff::between("B", &org, "A", &sound);
    let none = std::collections::BTreeSet::new();
    let _ = topograph_scene::org_chart(&org, &none, &Default::default());
    let _ = topograph_scene::team_map(&org, &none, &Default::default());
    let _ = topograph_scene::ownership(&org, &Default::default());
});
