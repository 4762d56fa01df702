//! `topograph diff` and `topograph scenario` run as scripts run them.

mod common;
use common::{ok, topograph};

use std::path::{Path, PathBuf};
use topograph_document::Document;
use topograph_model::{Op, UnitId};

fn refused(args: &[&str]) -> (i32, String) {
    let out = topograph(args);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The sample, forked as "Proposal" with one person moved and one area transferred.
/// Returns the file, the moved person's name and the transferred area's name.
fn sample_with_proposal(dir: &Path) -> (PathBuf, String, String) {
    let file = dir.join("org.topo");
    let f = file.to_str().unwrap();
    ok(&["sample", f]);
    ok(&["scenario", "fork", f, "Proposal"]);
    let mut doc = Document::open(&file).unwrap();
    let proposal = doc.scenario_by_name("Proposal").unwrap().id;
    doc.switch_scenario(proposal).unwrap();
    let org = doc.org().clone();
    let mover = org
        .persons()
        .find(|p| p.manager.is_some() && org.report_count(p.id) == 0)
        .unwrap();
    let new_manager = org
        .persons()
        .find(|m| m.id != mover.id && Some(m.id) != mover.manager && org.report_count(m.id) > 0)
        .unwrap();
    doc.apply(Op::SetManager {
        person: mover.id,
        manager: new_manager.id,
    })
    .unwrap();
    let area = org.areas().find(|a| a.owner.is_some()).unwrap();
    let other: UnitId = org
        .units()
        .find(|u| Some(u.id) != area.owner)
        .map(|u| u.id)
        .unwrap();
    doc.apply(Op::SetOwner {
        area: area.id,
        unit: other,
    })
    .unwrap();
    (file, mover.display_name().to_string(), area.name.clone())
}

#[test]
fn diff_json_lists_the_moved_person_and_the_transferred_area() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mover, area) = sample_with_proposal(dir.path());
    let f = file.to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "diff", f, "--from", "Current", "--to", "Proposal", "--format", "json",
    ]))
    .unwrap();
    assert_eq!(json["from"], "Current");
    assert_eq!(json["to"], "Proposal");
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{json}");
    assert_eq!(changes[0]["kind"], "manager-changed");
    assert_eq!(changes[0]["subject"]["name"], mover.as_str());
    assert_eq!(changes[1]["kind"], "owner-changed");
    assert_eq!(changes[1]["subject"]["name"], area.as_str());
    for key in ["numbers", "impact"] {
        assert!(json[key].is_array(), "missing {key}");
    }
    assert_eq!(json["impact"].as_array().unwrap().len(), 2);
}

#[test]
fn diff_of_a_scenario_with_itself_says_no_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _) = sample_with_proposal(dir.path());
    let f = file.to_str().unwrap();
    let text = ok(&["diff", f, "--from", "Proposal", "--to", "Proposal"]);
    assert!(text.contains("no changes"), "{text}");
}

#[test]
fn diff_text_and_markdown_name_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (file, mover, area) = sample_with_proposal(dir.path());
    let f = file.to_str().unwrap();
    let text = ok(&["diff", f, "--from", "Current", "--to", "Proposal"]);
    assert!(text.contains("Changed manager (1)") && text.contains(&mover));
    let md = ok(&[
        "diff", f, "--from", "Current", "--to", "Proposal", "--format", "markdown",
    ]);
    assert!(md.starts_with("# Current → Proposal"));
    assert!(md.contains(&format!("- [ ] {area}: ")), "{md}");
}

#[test]
fn diff_of_an_unknown_scenario_is_refused_with_the_names_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _) = sample_with_proposal(dir.path());
    let (code, err) = refused(&[
        "diff",
        file.to_str().unwrap(),
        "--from",
        "Current",
        "--to",
        "Nope",
    ]);
    assert_eq!(code, 1);
    assert!(err.starts_with("topograph: error[not_found]: "), "{err}");
    assert!(err.contains("'Proposal'"), "{err}");
    let (code, _) = refused(&[
        "diff",
        dir.path().join("missing.topo").to_str().unwrap(),
        "--from",
        "a",
        "--to",
        "b",
    ]);
    assert_eq!(code, 2);
}

fn listed(file: &str) -> Vec<(String, bool, bool)> {
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["scenario", "list", file, "--json"])).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["baseline"].as_bool().unwrap(),
                s["archived"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn scenarios_fork_rename_promote_undo_and_delete_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    let f = file.to_str().unwrap();
    ok(&["sample", f]);
    ok(&["scenario", "fork", f, "Draft"]);
    ok(&["scenario", "rename", f, "Draft", "Proposal Q3"]);
    assert_eq!(
        listed(f),
        vec![
            ("Current".to_string(), true, false),
            ("Proposal Q3".to_string(), false, false)
        ]
    );
    let text = ok(&["scenario", "list", f]);
    assert_eq!(text, "Current (baseline, open)\nProposal Q3\n");

    let said = ok(&["scenario", "promote", f, "Proposal Q3"]);
    assert!(said.contains("'Current before Proposal Q3'"), "{said}");
    assert_eq!(
        listed(f),
        vec![
            ("Current".to_string(), true, false),
            ("Current before Proposal Q3".to_string(), false, true)
        ]
    );
    ok(&["undo", f]);
    assert_eq!(
        listed(f),
        vec![
            ("Current".to_string(), true, false),
            ("Proposal Q3".to_string(), false, false)
        ]
    );

    ok(&["scenario", "delete", f, "Proposal Q3"]);
    assert_eq!(listed(f).len(), 1);
    let (code, err) = refused(&["scenario", "delete", f, "Current"]);
    assert_eq!(code, 1);
    assert!(err.contains("error[last_scenario]"), "{err}");
    let (code, err) = refused(&["scenario", "promote", f, "Current"]);
    assert_eq!(code, 1);
    assert!(err.contains("error[not_allowed]"), "{err}");
    let (code, err) = refused(&["scenario", "fork", f, "Current"]);
    assert_eq!(code, 1);
    assert!(err.contains("error[duplicate]"), "{err}");
}

/// The sample, forked as "Proposal" in which Search also takes over Recommendations.
fn sample_with_recommendations_moved(dir: &Path) -> PathBuf {
    let file = dir.join("org.topo");
    let f = file.to_str().unwrap();
    ok(&["sample", f]);
    ok(&["scenario", "fork", f, "Proposal"]);
    let mut doc = Document::open(&file).unwrap();
    let proposal = doc.scenario_by_name("Proposal").unwrap().id;
    doc.switch_scenario(proposal).unwrap();
    let org = doc.org().clone();
    let recs = org.areas().find(|a| a.name == "Recommendations").unwrap();
    let search = org.areas().find(|a| a.name == "Search").unwrap();
    doc.apply(Op::SetOwner {
        area: recs.id,
        unit: search.owner.unwrap(),
    })
    .unwrap();
    file
}

#[test]
fn diff_shows_the_shift_in_actual_effort_per_area_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_with_recommendations_moved(dir.path());
    let f = file.to_str().unwrap();
    let args = |format: &str| {
        ok(&[
            "diff", f, "--from", "Current", "--to", "Proposal", "--format", format,
        ])
    };
    let json: serde_json::Value = serde_json::from_str(&args("json")).unwrap();
    let effort = json["effort"].as_array().expect("an effort key");
    let recs = effort
        .iter()
        .find(|e| e["name"] == "Recommendations")
        .unwrap();
    let (before, after) = (
        recs["before_fte"].as_f64().unwrap(),
        recs["after_fte"].as_f64().unwrap(),
    );
    // Recommendations goes from its own 7-person team to a third of Search's team.
    assert!(after < before, "{recs}");
    assert!(recs["share_difference"].as_f64().unwrap() < 0.0, "{recs}");
    assert_eq!(recs["target_share"], 12.0);
    let untouched = effort.iter().find(|e| e["name"] == "Payments").unwrap();
    assert_eq!(untouched["before_fte"], untouched["after_fte"]);

    let text = args("text");
    let section = text.split("Effort per area").nth(1).expect("{text}");
    assert!(
        section.contains("Recommendations") && section.contains("pts"),
        "{text}"
    );
    assert!(
        !section.contains("Payments"),
        "only areas that shift: {text}"
    );
    let md = args("markdown");
    assert!(
        md.contains("## Effort per area") && md.contains("| Recommendations |"),
        "{md}"
    );
    let csv = args("csv");
    let id = recs["area"].as_u64().unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("effort,effort-shift,area,{id},Recommendations,"))),
        "{csv}"
    );
    assert!(csv.starts_with("group,kind,entity,id,name,from,to\n"));
}

#[test]
fn check_and_info_report_the_sample_direction() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.topo");
    let f = file.to_str().unwrap();
    ok(&["sample", f]);
    let info: serde_json::Value = serde_json::from_str(&ok(&["info", f, "--json"])).unwrap();
    assert_eq!(info["areas_with_stance"], 10);
    let out = topograph(&["check", f, "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks: Vec<&str> = findings
        .as_array()
        .or_else(|| findings["findings"].as_array())
        .expect("a list of findings")
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    for id in ["investment-drift", "invest-understaffed", "sunset-effort"] {
        assert!(checks.contains(&id), "{id} missing from {checks:?}");
    }
}

#[test]
fn diff_json_has_headcount_and_cost_per_period_and_a_currency_without_a_rate_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _, _) = sample_with_proposal(dir.path());
    let f = file.to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "diff",
        f,
        "--from",
        "Current",
        "--to",
        "Proposal",
        "--format",
        "json",
        "--by",
        "month",
        "--start",
        "2027-01-01",
        "--end",
        "2027-03-31",
    ]))
    .unwrap();
    let o = &json["over_time"];
    assert_eq!(o["by"], "month");
    let periods: Vec<&str> = o["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["2027-01", "2027-02", "2027-03"]);
    // A move and a transfer change nobody's headcount.
    for p in o["periods"].as_array().unwrap() {
        assert_eq!(p["before"]["headcount"], p["after"]["headcount"]);
    }
    assert!(json["findings"]["appear"].is_array() && json["findings"]["disappear"].is_array());
    let (code, err) = refused(&[
        "diff",
        f,
        "--from",
        "Current",
        "--to",
        "Proposal",
        "--currency",
        "XYZ",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--currency") && err.contains("'XYZ'"), "{err}");
    let md = ok(&[
        "diff", f, "--from", "Current", "--to", "Proposal", "--format", "markdown",
    ]);
    assert!(md.contains("## Headcount and cost per period"), "{md}");
}
