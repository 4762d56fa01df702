//! `topograph check --timeline`: the findings that appear and go over the coming quarters.

mod common;
use common::{ok, topograph};

fn generated(dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("planned.topo");
    ok(&[
        "generate",
        file.to_str().unwrap(),
        "--people",
        "400",
        "--seed",
        "3",
    ]);
    file.to_str().unwrap().to_string()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = topograph(args);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn each_turn_of_the_timeline_is_what_check_as_of_its_day_finds() {
    let dir = tempfile::tempdir().unwrap();
    let file = generated(&dir);
    let outcome = json(&[
        "check",
        &file,
        "--as-of",
        "2026-12-01",
        "--timeline",
        "4",
        "--format",
        "json",
    ]);
    let turns = outcome["timeline"].as_array().unwrap();
    assert!(
        !turns.is_empty(),
        "a generated org's leavers and hires turn some finding"
    );
    let months: Vec<&str> = turns.iter().map(|t| t["month"].as_str().unwrap()).collect();
    assert!(
        months.windows(2).all(|w| w[0] <= w[1]),
        "month order: {months:?}"
    );
    assert!(
        months.iter().all(|m| ("2027-01"..="2027-12").contains(m)),
        "{months:?}"
    );
    // Every turn agrees with checking the org as of its day.
    let t = &turns[0];
    let on_day = json(&[
        "check",
        &file,
        "--as-of",
        t["day"].as_str().unwrap(),
        "--format",
        "json",
    ]);
    let same = |f: &serde_json::Value| {
        f["check"] == t["finding"]["check"]
            && f["entity_id"] == t["finding"]["entity_id"]
            && f["entity_kind"] == t["finding"]["entity_kind"]
    };
    let found = on_day["findings"].as_array().unwrap().iter().any(same);
    assert_eq!(found, t["turn"] != "resolves", "{t}");
}

#[test]
fn the_timeline_reads_as_text_month_by_month_and_json_without_it_has_no_timeline_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = generated(&dir);
    let out = topograph(&["check", &file, "--as-of", "2026-12-01", "--timeline", "2"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\nNext 2 quarters\n"), "{text}");
    assert!(text.contains("  from 2027-0"), "{text}");
    let plain = json(&["check", &file, "--format", "json"]);
    assert!(plain.get("timeline").is_none());
}

#[test]
fn a_timeline_of_no_quarters_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = generated(&dir);
    let out = topograph(&["check", &file, "--timeline", "0"]);
    assert_eq!(out.status.code(), Some(1), "a refused command");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--timeline: look ahead 1 to 8 quarters, not 0"),
        "{err}"
    );
}
