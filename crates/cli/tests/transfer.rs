//! `topograph import` and `topograph export` as scripts use them: files created, problems on
//! standard error as LINE:COLUMN: reason, exit codes, and round trips through every format.

mod common;
use common::topograph;

use std::path::{Path, PathBuf};

fn ok(args: &[&str]) -> (String, String) {
    let out = topograph(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn fails(args: &[&str], code: i32) -> String {
    let out = topograph(args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn info(file: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(&["info", s(file), "--json"]).0).unwrap()
}

#[test]
fn importing_a_csv_creates_the_document_and_lists_problems_as_line_colon_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    let (out, err) = ok(&["import", s(&file), "--from", &fixture("bamboohr.csv")]);
    assert!(out.contains("6 people added"), "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("6:9: ambiguous manager 'Alex Kim'"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("7:9: unknown manager 'Dennis Ritchie'"),
        "{err}"
    );
    assert_eq!(info(&file)["people"], 6);
}

#[test]
fn an_import_with_nothing_usable_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("empty.csv");
    std::fs::write(&csv, "Email,Title\na@example.com,Engineer\n").unwrap();
    let file = dir.path().join("org.topo");
    let err = fails(&["import", s(&file), "--from", s(&csv)], 1);
    assert!(err.contains("1:1: no column holds names"), "{err}");
    assert!(
        err.contains("topograph: error[invalid_value]: nothing could be imported"),
        "{err}"
    );
    assert!(!file.exists());
}

#[test]
fn an_existing_document_needs_a_scenario_name_or_merge_and_is_left_alone_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    ok(&["sample", s(&file)]);
    let before = std::fs::read(&file).unwrap();
    let err = fails(&["import", s(&file), "--from", &fixture("workday.csv")], 1);
    assert!(err.contains("use --scenario NAME"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let (out, _) = ok(&[
        "import",
        s(&file),
        "--from",
        &fixture("workday.csv"),
        "--scenario",
        "From Workday",
    ]);
    assert!(out.contains("in 'From Workday'"), "{out}");
    let i = info(&file);
    assert_eq!(
        i["scenarios"],
        serde_json::json!(["Current", "From Workday"])
    );
    assert_eq!(
        (i["active_scenario"].as_str(), i["people"].as_u64()),
        (Some("From Workday"), Some(5))
    );
}

#[test]
fn a_merge_marks_leavers_and_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    ok(&["import", s(&file), "--from", &fixture("workday.csv")]);
    let smaller = dir.path().join("smaller.csv");
    let text = std::fs::read_to_string(fixture("workday.csv")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("Edsger")).collect();
    std::fs::write(&smaller, kept.join("\n")).unwrap();
    let (out, _) = ok(&["import", s(&file), "--from", s(&smaller), "--merge"]);
    assert!(out.contains("leaving: Edsger Dijkstra"), "{out}");
    assert!(out.contains("1 person marked leaving"), "{out}");
    assert_eq!(info(&file)["can_undo"], "Import smaller.csv");
    ok(&["undo", s(&file)]);
    assert_eq!(info(&file)["can_undo"], serde_json::Value::Null);
}

#[test]
fn a_mapping_file_and_the_suggested_mapping_work_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (suggested, _) = ok(&[
        "import",
        s(&dir.path().join("x.topo")),
        "--from",
        &fixture("gusto.csv"),
        "--suggest-mapping",
    ]);
    let m: serde_json::Value = serde_json::from_str(&suggested).unwrap();
    assert_eq!(m["columns"]["Hire Date"], "start-date");
    assert!(!dir.path().join("x.topo").exists());
    let file = dir.path().join("g.topo");
    let (_, err) = ok(&[
        "import",
        s(&file),
        "--from",
        &fixture("gusto.csv"),
        "--mapping",
        &fixture("mapping-gusto.json"),
    ]);
    assert!(!err.contains("ambiguous date"), "{err}");
    assert!(!err.contains("no currency"), "{err}");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"columns\": {\"A\": \"nme\"}}").unwrap();
    let err = fails(
        &[
            "import",
            s(&dir.path().join("b.topo")),
            "--from",
            &fixture("gusto.csv"),
            "--mapping",
            s(&bad),
        ],
        1,
    );
    assert!(err.contains("the mapping is not valid"), "{err}");
}

#[test]
fn a_dry_run_lists_problems_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    let (out, err) = ok(&[
        "import",
        s(&file),
        "--from",
        &fixture("rippling.csv"),
        "--dry-run",
    ]);
    assert!(out.contains("would import 4 people"), "{out}");
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(!file.exists());
}

#[test]
fn a_json_export_imports_into_an_equal_document() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.topo");
    ok(&["sample", s(&a)]);
    let json_a = dir.path().join("a.json");
    ok(&["export", s(&a), "--format", "json", "-o", s(&json_a)]);
    let b = dir.path().join("b.topo");
    ok(&["import", s(&b), "--from", s(&json_a)]);
    let json_b = dir.path().join("b.json");
    ok(&["export", s(&b), "--format", "json", "-o", s(&json_b)]);
    assert_eq!(
        std::fs::read(&json_a).unwrap(),
        std::fs::read(&json_b).unwrap()
    );
    let err = fails(&["import", s(&b), "--from", s(&json_a), "--merge"], 1);
    assert!(err.contains("brings its own scenarios"), "{err}");
}

#[test]
fn csv_exports_write_people_units_and_ownership_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.topo");
    ok(&["sample", s(&a)]);
    let (people, _) = ok(&["export", s(&a), "--format", "csv", "-o", "-"]);
    assert!(
        people.starts_with("Employee ID,Name,Job Title,"),
        "{people}"
    );
    let (units, _) = ok(&[
        "export",
        s(&a),
        "--format",
        "csv",
        "--what",
        "units",
        "-o",
        "-",
    ]);
    assert!(units.starts_with("Unit ID,Name,Type,"));
    let (owners, _) = ok(&[
        "export",
        s(&a),
        "--format",
        "csv",
        "--what",
        "ownership",
        "-o",
        "-",
    ]);
    assert!(owners.starts_with("Area ID,Area,Path,"));
    let err = fails(
        &[
            "export",
            s(&a),
            "--format",
            "csv",
            "--scenario",
            "Nope",
            "-o",
            "-",
        ],
        1,
    );
    assert!(err.contains("error[not_found]"), "{err}");
}

#[test]
fn backstage_and_team_api_exports_import_back_from_a_file_and_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.topo");
    ok(&["sample", s(&a)]);
    let catalog = dir.path().join("catalog.yaml");
    ok(&["export", s(&a), "--format", "backstage", "-o", s(&catalog)]);
    let b = dir.path().join("b.topo");
    let (out, err) = ok(&["import", s(&b), "--from", s(&catalog)]);
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("20 units added"), "{out}");
    let teams = dir.path().join("teams");
    ok(&["export", s(&a), "--format", "teamapi", "-o", s(&teams)]);
    assert!(
        teams.join("payments.yaml").exists() || std::fs::read_dir(&teams).unwrap().count() > 10
    );
    let t = dir.path().join("t.topo");
    let (out, _) = ok(&["import", s(&t), "--from", s(&teams)]);
    assert!(out.contains("interactions added"), "{out}");
    assert_eq!(info(&t)["interactions"], info(&a)["interactions"]);
}

#[test]
fn several_backstage_files_are_read_together_and_problems_name_their_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    let bs = |f: &str| fixture(&format!("backstage/{f}"));
    let (_, err) = ok(&[
        "import",
        s(&file),
        "--from",
        &bs("org.yaml"),
        "--from",
        &bs("users.yaml"),
        "--from",
        &bs("systems.yaml"),
    ]);
    assert!(err.lines().all(|l| l.contains(".yaml:")), "{err}");
    assert!(
        err.contains("users.yaml:24:1: user:default/li: group 'ghosts' is not in the catalog"),
        "{err}"
    );
    assert_eq!(info(&file)["people"], 3);
}

#[test]
fn a_format_that_cannot_be_told_must_be_named_and_a_missing_file_is_a_file_error() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("people.dat");
    std::fs::write(&odd, "Name\nAda\n").unwrap();
    let file = dir.path().join("org.topo");
    let err = fails(&["import", s(&file), "--from", s(&odd)], 1);
    assert!(err.contains("--format"), "{err}");
    ok(&["import", s(&file), "--from", s(&odd), "--format", "csv"]);
    let err = fails(
        &[
            "import",
            s(&dir.path().join("x.topo")),
            "--from",
            s(&dir.path().join("missing.csv")),
        ],
        2,
    );
    assert!(err.contains("error[file_not_found]"), "{err}");
}

#[test]
fn a_new_document_s_empty_scenario_is_filled_by_an_import_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("org.topo");
    ok(&["new", s(&file)]);
    let csv = dir.path().join("hr.csv");
    std::fs::write(
        &csv,
        "Employee ID,Name,Manager Employee ID,Dotted Line Manager IDs\n\
         1,Ada Lovelace,,\n\
         2,Bo Chen,1,\n\
         3,Cy Diaz,1,2\n\
         4,Di Evans,3,E404\n",
    )
    .unwrap();
    let (out, err) = ok(&["import", s(&file), "--from", s(&csv)]);
    assert!(out.contains("4 people added in 'Current'"), "{out}");
    assert_eq!(
        err.trim(),
        "5:4: unknown dotted-line manager 'E404'; that dotted line is not imported"
    );
    let i = info(&file);
    assert_eq!(i["scenarios"], serde_json::json!(["Current"]));
    assert_eq!(
        (i["people"].as_u64(), i["dotted_lines"].as_u64()),
        (Some(4), Some(1))
    );
    // The people CSV export carries the dotted line back out by employee id.
    let (people, _) = ok(&["export", s(&file), "--format", "csv", "-o", "-"]);
    let header: Vec<&str> = people.lines().next().unwrap().split(',').collect();
    let dotted = header
        .iter()
        .position(|h| *h == "Dotted Line Manager IDs")
        .unwrap();
    let cy = people.lines().find(|l| l.contains("Cy Diaz")).unwrap();
    assert_eq!(cy.split(',').nth(dotted), Some("2"), "{cy}");
    // Now that it holds people, a second import needs --scenario or --merge again.
    let err = fails(&["import", s(&file), "--from", s(&csv)], 1);
    assert!(err.contains("use --scenario NAME"), "{err}");
    let (out, _) = ok(&["undo", s(&file)]);
    assert!(out.contains("Import hr.csv"), "{out}");
    assert_eq!(info(&file)["people"].as_u64(), Some(0));
}

#[test]
fn field_definitions_travel_through_json_and_check_the_custom_columns_of_a_csv_import() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(
        &csv,
        "Name,Email,Manager Email,Region\nAda,ada@x.io,,North\nBo,bo@x.io,ada@x.io,South\n",
    )
    .unwrap();
    let first = dir.path().join("first.topo");
    ok(&["import", s(&first), "--from", s(&csv)]);
    // Region is a text field there; make it a choice field in the exported JSON.
    let (text, _) = ok(&["export", s(&first), "--format", "json", "-o", "-"]);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["fields"][0]["name"], "Region");
    v["fields"][0] = serde_json::json!({
        "name": "Region", "kind": "choice", "on_cards": true,
        "choices": [{"name": "North", "colour": "#1f77b4"}, {"name": "South", "colour": "#ff7f0e"}]
    });
    let typed = dir.path().join("typed.json");
    std::fs::write(&typed, v.to_string()).unwrap();
    let doc = dir.path().join("typed.topo");
    ok(&["import", s(&doc), "--from", s(&typed)]);
    let (again, _) = ok(&["export", s(&doc), "--format", "json", "-o", "-"]);
    let again: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(again["version"], 3);
    assert_eq!(again["fields"], v["fields"], "the definitions came back");

    let more = dir.path().join("more.csv");
    std::fs::write(
        &more,
        "Name,Email,region\nCy,cy@x.io,north\nDee,dee@x.io,West\n",
    )
    .unwrap();
    let (mapping, _) = ok(&["import", s(&doc), "--from", s(&more), "--suggest-mapping"]);
    let mapping: serde_json::Value = serde_json::from_str(&mapping).unwrap();
    assert_eq!(mapping["columns"]["region"], "custom");
    assert_eq!(
        mapping["fields"]["region"],
        serde_json::json!({"field": "Region", "type": "choice"})
    );
    let (out, err) = ok(&["import", s(&doc), "--from", s(&more), "--scenario", "Q3"]);
    assert!(out.contains("2 people added"), "{out}");
    assert_eq!(
        err.trim(),
        "3:3: 'West' in region is not a choice of 'Region' (North, South); imported without it"
    );
    let (people, _) = ok(&[
        "export",
        s(&doc),
        "--format",
        "csv",
        "--scenario",
        "Q3",
        "-o",
        "-",
    ]);
    let header = people.lines().next().unwrap();
    assert!(header.ends_with(",Region"), "{header}");
    assert!(
        people
            .lines()
            .any(|l| l.starts_with(",Cy,") && l.ends_with(",North")),
        "{people}"
    );
    assert!(
        people
            .lines()
            .any(|l| l.starts_with(",Dee,") && l.ends_with(",")),
        "{people}"
    );

    // A file whose value breaks its definition is refused whole, naming the person and field.
    let mut hostile = v.clone();
    let persons = hostile["scenarios"][0]["persons"].as_array_mut().unwrap();
    let bo = persons.iter_mut().find(|p| p["name"] == "Bo").unwrap();
    bo["custom"]["Region"] = "West".into();
    let bad = dir.path().join("hostile.json");
    std::fs::write(&bad, hostile.to_string()).unwrap();
    let target = dir.path().join("hostile.topo");
    let err = fails(&["import", s(&target), "--from", s(&bad)], 1);
    assert!(
        err.contains("Bo (id ") && err.contains("field 'Region'") && err.contains("'West'"),
        "{err}"
    );
    assert!(!target.exists(), "nothing written");
}

#[test]
fn a_json_plan_with_an_end_before_the_start_a_budget_in_an_unknown_currency_or_a_target_start_that_is_no_date_is_refused_and_nothing_is_written(
) {
    let dir = tempfile::tempdir().unwrap();
    let generated = dir.path().join("g.topo");
    ok(&["generate", s(&generated), "--people", "30", "--seed", "2"]);
    let json = dir.path().join("g.json");
    ok(&["export", s(&generated), "--format", "json", "-o", s(&json)]);
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    type Spoil = fn(&mut serde_json::Value);
    let cases: [(Spoil, &str); 3] = [
        (
            |c| {
                let p = &mut c["persons"][3];
                p["start_date"] = "2020-05-01".into();
                p["end_date"] = "2019-01-01".into();
            },
            "the end date 2019-01-01 is before the start date 2020-05-01",
        ),
        (
            |c| c["budgets"][0]["amount"]["currency"] = "XYZ".into(),
            "currency 'XYZ' is unknown",
        ),
        (
            |c| {
                let p = &mut c["persons"][5];
                p["status"] = "open-position".into();
                p["target_start"] = "next spring".into();
            },
            "is not a month (2027-03), a quarter (2027-Q1) or a date",
        ),
    ];
    for (i, (spoil, reason)) in cases.into_iter().enumerate() {
        let mut bad = good.clone();
        spoil(&mut bad["scenarios"][0]);
        let from = dir.path().join(format!("bad{i}.json"));
        std::fs::write(&from, serde_json::to_vec(&bad).unwrap()).unwrap();
        let target = dir.path().join(format!("new{i}.topo"));
        let err = fails(&["import", s(&target), "--from", s(&from)], 1);
        let line = err.lines().find(|l| l.contains(reason));
        assert!(
            line.is_some_and(|l| l.split(':').take(2).all(|n| n.parse::<u32>().is_ok())),
            "LINE:COLUMN: {reason} in {err}"
        );
        assert!(!target.exists(), "nothing written for {reason}");
    }
}
