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
