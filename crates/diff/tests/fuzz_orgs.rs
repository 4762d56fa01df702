//! Health, diff and the three views' layouts over arbitrary orgs (loops of any length, dangling
//! references, ids at the top of the range, from `topograph_sample::hostile::arbitrary`): every
//! one ends within seconds and nothing panics. The seed changes every run and is printed;
//! `FUZZ_SEED=S` replays a run, `FUZZ_ROUNDS=N` makes it longer.

use std::collections::BTreeSet;
use topograph_diff::{to_csv, to_markdown, Diff};
use topograph_health::Date;
use topograph_model::CheckSettings;
use topograph_sample::hostile::{arbitrary, ends_within_seconds};

fn env(key: &str) -> Option<u64> {
    std::env::var(key).ok().and_then(|v| v.parse().ok())
}

/// Everything that reads a whole org, on one.
fn exercise(org: &topograph_model::Org, other: &topograph_model::Org) {
    let today = Date::parse("2026-11-27").unwrap();
    let _ = topograph_health::check_with(org, &CheckSettings::default(), today);
    let there = Diff::between("A", other, "B", org);
    let back = Diff::between("B", org, "A", other);
    let _ = (to_csv(&there), to_markdown(&back));
    let none = BTreeSet::new();
    let _ = topograph_scene::org_chart(org, &none, &Default::default());
    let _ = topograph_scene::team_map(org, &none, &Default::default());
    let _ = topograph_scene::ownership(org, &Default::default());
}

#[test]
fn health_diff_and_layouts_end_on_arbitrary_orgs() {
    let seed = env("FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let rounds = env("FUZZ_ROUNDS").unwrap_or(400);
    eprintln!("fuzz_orgs: FUZZ_SEED={seed} FUZZ_ROUNDS={rounds}");
    let mut state = seed | 1;
    let mut byte = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u8
    };
    for round in 0..rounds {
        let len = usize::from(byte()) % 48;
        let bytes: Vec<u8> = (0..len).map(|_| byte()).collect();
        let org = arbitrary(&bytes);
        let sound = topograph_sample::generate(usize::from(byte()) % 40, u64::from(byte()));
        let what = format!("round {round} (FUZZ_SEED={seed}), bytes {bytes:?}");
        let answer =
            std::panic::catch_unwind(|| ends_within_seconds(&what, move || exercise(&org, &sound)));
        assert!(answer.is_ok(), "{what}: panicked");
    }
}
