//! `topograph check` as CI runs it: text and JSON findings, and exit codes 0, 1 and 2.

mod common;
use common::topograph;

fn created(dir: &tempfile::TempDir, command: &str) -> String {
    let file = dir.path().join(format!("{command}.topo"));
    let out = topograph(&[command, file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    file.to_str().unwrap().to_string()
}

#[test]
fn checking_the_sample_lists_its_problems_and_exits_1_for_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = created(&dir, "sample");
    let out = topograph(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[over-allocation]"), "{text}");
    assert!(text.contains("Leonor Sousa: allocated 120%"), "{text}");
    assert!(text.contains("warning[team-size]"), "{text}");
    assert!(text.contains("Cart & Checkout: 12 people"), "{text}");
    assert!(out.stderr.is_empty(), "findings are no command error");
}

#[test]
fn json_findings_carry_every_documented_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = created(&dir, "sample");
    let out = topograph(&["check", &file, "--format", "json", "--scenario", "Current"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["scenario"], "Current");
    let errors = json["summary"]["errors"].as_u64().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(
        errors as usize,
        findings.iter().filter(|f| f["severity"] == "error").count()
    );
    for f in findings {
        for key in [
            "check",
            "severity",
            "entity_kind",
            "entity_id",
            "entity_name",
            "message",
            "value",
            "threshold",
            "source",
        ] {
            assert!(f.get(key).is_some(), "no {key} in {f}");
        }
    }
    assert!(findings
        .iter()
        .any(|f| f["check"] == "area-ownership" && f["entity_name"] == "Tax calculation"));
}

#[test]
fn an_org_without_errors_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = created(&dir, "new");
    let out = topograph(&["check", &file, "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn a_file_that_cannot_be_read_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.topo");
    let out = topograph(&["check", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let garbage = dir.path().join("garbage.topo");
    std::fs::write(&garbage, b"not a document at all, not even close").unwrap();
    let out = topograph(&["check", garbage.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("topograph: error["));
}

#[test]
fn an_unknown_scenario_is_refused_with_the_names_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = created(&dir, "sample");
    let out = topograph(&["check", &file, "--scenario", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[not_found]") && err.contains("Current"),
        "{err}"
    );
}
