//! Export then import: JSON gives the same records in every scenario; Backstage and Team API
//! keep units, people, seats and ownership; the people CSV reads back with its managers and
//! writes again cell for cell.

mod common;

use std::collections::BTreeSet;
use topograph_document::Document;
use topograph_formats::{backstage, build_org, csv, json, teamapi};
use topograph_model::{InteractionMode, Op, Org, PersonId, PersonStatus, ReportsTo, UnitKind};

fn sample_document(dir: &std::path::Path) -> Document {
    let path = dir.join("sample.topo");
    let mut doc = Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let proposal = doc.scenario_by_name("Proposal").unwrap().id;
    doc.switch_scenario(proposal).unwrap();
    let someone = doc
        .org()
        .persons()
        .find(|p| p.manager.is_some() && doc.org().report_count(p.id) == 0)
        .unwrap()
        .id;
    doc.apply(Op::DeletePerson {
        id: someone,
        reports_to: Some(ReportsTo::Nobody),
    })
    .unwrap();
    let unit = doc.org().units().next().unwrap().id;
    doc.apply(Op::DeleteUnit { id: unit }).unwrap();
    // A plan: a leaver's end date, exchange rates, a budget and a planned move.
    let mut leaver = doc
        .org()
        .persons()
        .find(|p| p.manager.is_some())
        .unwrap()
        .clone();
    leaver.end_date = Some("2027-06-30".into());
    let mover = leaver.id;
    doc.apply(Op::UpdatePerson { person: leaver }).unwrap();
    let team = doc.org().units().next().unwrap().id;
    for op in [
        Op::SetPlanSettings {
            settings: topograph_model::PlanSettings {
                reporting_currency: "EUR".into(),
                rates: [("USD".to_string(), 0.9)].into(),
            },
        },
        Op::SetBudget {
            budget: topograph_model::Budget {
                unit: team,
                period: "2027-Q2".into(),
                headcount: Some(6.0),
                amount: Some(topograph_model::Cost {
                    amount: 250_000.0,
                    currency: "USD".into(),
                }),
            },
        },
        Op::AddDatedChange {
            change: topograph_model::DatedChange {
                id: 0,
                date: "2027-01-01".into(),
                change: topograph_model::DatedOp::ClearManager { person: mover },
            },
        },
    ] {
        doc.apply(op).unwrap();
    }
    doc.apply(Op::CreateScenario {
        name: "Blank".into(),
    })
    .unwrap();
    doc
}

#[test]
fn a_json_export_imported_again_has_equal_records_in_every_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample_document(dir.path());
    let text = json::export(&doc).unwrap();
    let file = json::parse(&text).unwrap();
    assert_eq!(
        (file.format.as_str(), file.version),
        ("topograph", json::VERSION)
    );
    assert!(text.contains("\"budgets\"") && text.contains("\"dated_changes\""));
    let copy = json::to_new_document(&dir.path().join("copy.topo"), &file, "Import").unwrap();
    let names = |d: &Document| {
        d.scenarios()
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&copy), vec!["Current", "Proposal", "Blank"]);
    assert_eq!(copy.active_scenario().name, doc.active_scenario().name);
    for s in doc.scenarios() {
        let theirs = copy.scenario_by_name(&s.name).unwrap().id;
        assert_eq!(
            doc.load_scenario(s.id).unwrap().to_records(),
            copy.load_scenario(theirs).unwrap().to_records(),
            "scenario {}",
            s.name
        );
    }
    // And the export of the copy is the same text.
    assert_eq!(json::export(&copy).unwrap(), text);
}

#[test]
fn json_scenarios_added_to_an_existing_document_get_fresh_ids_and_free_names() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample_document(dir.path());
    let file = json::parse(&json::export(&doc).unwrap()).unwrap();
    drop(doc);
    let mut target = Document::create_with(
        &dir.path().join("t.topo"),
        "Current",
        &topograph_sample::sample(),
    )
    .unwrap();
    let names = json::add_scenarios(&mut target, &file, "Import").unwrap();
    assert_eq!(names, vec!["Current (imported)", "Proposal", "Blank"]);
    let imported = target
        .load_scenario(target.scenario_by_name("Current (imported)").unwrap().id)
        .unwrap();
    let original = target
        .load_scenario(target.scenario_by_name("Current").unwrap().id)
        .unwrap();
    assert_eq!(imported.person_count(), original.person_count());
    let ids = |o: &Org| o.persons().map(|p| p.id).collect::<BTreeSet<PersonId>>();
    assert!(
        ids(&imported).is_disjoint(&ids(&original)),
        "imported records are new entities"
    );
}

#[test]
fn a_json_file_from_a_newer_version_or_another_tool_is_refused_with_a_reason() {
    let newer = r#"{"format": "topograph", "version": 9, "active_scenario": "A", "scenarios": []}"#;
    assert!(json::parse(newer).unwrap_err().reason.contains("newer"));
    let other = r#"{"format": "something", "version": 1}"#;
    assert!(json::parse(other)
        .unwrap_err()
        .reason
        .contains("not a Topograph JSON file"));
    let broken =
        "{\n  \"format\": \"topograph\",\n  \"version\": 1,\n  \"scenarios\": [ {\"name\": 3} ]\n}";
    let p = json::parse(broken).unwrap_err();
    assert_eq!(p.line, 4, "{p}");
}

fn named(org: &Org, id: Option<PersonId>) -> Option<String> {
    id.and_then(|i| org.person(i))
        .map(|p| p.display_name().to_string())
}

#[test]
fn a_backstage_export_imported_again_keeps_units_people_seats_and_ownership() {
    let org = topograph_sample::sample();
    let yaml = backstage::export(&org);
    let inc = backstage::read(&[("catalog.yaml".into(), yaml)]);
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let back = build_org(inc).unwrap();
    let units = |o: &Org| -> BTreeSet<(String, UnitKind, Option<String>, String)> {
        o.units()
            .map(|u| {
                (
                    u.name.clone(),
                    u.kind,
                    u.parent.and_then(|p| o.unit(p)).map(|p| p.name.clone()),
                    u.mission.clone(),
                )
            })
            .collect()
    };
    assert_eq!(units(&back), units(&org));
    let here = |p: &topograph_model::Person| {
        matches!(p.status, PersonStatus::Active | PersonStatus::Leaving)
    };
    let people =
        |o: &Org, all: bool| -> BTreeSet<(String, Option<String>, Option<String>, String)> {
            o.persons()
                .filter(|p| all || here(p))
                .map(|p| {
                    (
                        p.name.clone(),
                        p.email.clone(),
                        p.employee_id.clone(),
                        p.title.clone(),
                    )
                })
                .collect()
        };
    assert_eq!(people(&back, true), people(&org, false));
    let managers = |o: &Org| -> BTreeSet<(String, Option<String>)> {
        o.persons()
            .filter(|p| here(p) && p.manager.and_then(|m| o.person(m)).is_none_or(here))
            .map(|p| (p.name.clone(), named(o, p.manager)))
            .collect()
    };
    assert_eq!(managers(&back), managers(&org));
    let seats = |o: &Org| -> BTreeSet<(String, String, u32, String)> {
        o.memberships()
            .filter(|m| o.person(m.person).is_some_and(here))
            .map(|m| {
                (
                    o.person(m.person).unwrap().name.clone(),
                    o.unit(m.unit).unwrap().name.clone(),
                    m.allocation,
                    m.role.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(seats(&back), seats(&org));
    let areas = |o: &Org| -> BTreeSet<(String, Option<String>, Option<String>)> {
        o.areas()
            .map(|a| {
                (
                    a.name.clone(),
                    a.parent.and_then(|p| o.area(p)).map(|p| p.name.clone()),
                    a.owner.and_then(|u| o.unit(u)).map(|u| u.name.clone()),
                )
            })
            .collect()
    };
    assert_eq!(areas(&back), areas(&org));
    assert_eq!(direction(&back, false), direction(&org, false));
    assert!(
        !direction(&org, false).is_empty(),
        "the sample has a direction"
    );
}

/// Each area's name with its stance, target share and outcome (only those that have one; with
/// `teams_only`, only areas owned by a team, as Team API files carry them).
fn direction(o: &Org, teams_only: bool) -> BTreeSet<(String, Option<String>, String, String)> {
    o.areas()
        .filter(|a| a.stance.is_some() || a.target_share.is_some() || !a.outcome.is_empty())
        .filter(|a| {
            !teams_only
                || a.owner
                    .and_then(|u| o.unit(u))
                    .is_some_and(|u| u.kind != UnitKind::Group)
        })
        .map(|a| {
            (
                a.name.clone(),
                a.stance.map(|s| s.to_string()),
                format!("{:?}", a.target_share),
                a.outcome.clone(),
            )
        })
        .collect()
}

#[test]
fn a_team_api_export_imported_again_keeps_teams_members_ownership_and_interactions() {
    let org = topograph_sample::sample();
    let files = teamapi::export(&org);
    assert_eq!(
        files.len(),
        org.units().filter(|u| u.kind != UnitKind::Group).count()
    );
    let inc = teamapi::read(&files);
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let back = build_org(inc).unwrap();
    let teams = |o: &Org| -> BTreeSet<(String, UnitKind, String, Option<String>)> {
        o.units()
            .filter(|u| u.kind != UnitKind::Group)
            .map(|u| {
                (
                    u.name.clone(),
                    u.kind,
                    u.mission.clone(),
                    u.parent.and_then(|p| o.unit(p)).map(|p| p.name.clone()),
                )
            })
            .collect()
    };
    assert_eq!(teams(&back), teams(&org));
    let seats = |o: &Org| -> BTreeSet<(String, String, u32, String)> {
        o.memberships()
            .filter(|m| o.unit(m.unit).unwrap().kind != UnitKind::Group)
            .map(|m| {
                let p = o.person(m.person).unwrap();
                (
                    format!("{} ({})", p.display_name(), p.status),
                    o.unit(m.unit).unwrap().name.clone(),
                    m.allocation,
                    m.role.to_string(),
                )
            })
            .collect()
    };
    assert_eq!(seats(&back), seats(&org));
    let owned = |o: &Org| -> BTreeSet<(String, String)> {
        o.areas()
            .filter_map(|a| {
                let u = o.unit(a.owner?)?;
                (u.kind != UnitKind::Group).then(|| (a.name.clone(), u.name.clone()))
            })
            .collect()
    };
    assert_eq!(owned(&back), owned(&org));
    assert_eq!(direction(&back, true), direction(&org, true));
    assert!(!direction(&org, true).is_empty());
    let interactions = |o: &Org| -> BTreeSet<(String, String, InteractionMode)> {
        o.interactions()
            .map(|i| {
                let (a, b) = (
                    o.unit(i.from).unwrap().name.clone(),
                    o.unit(i.to).unwrap().name.clone(),
                );
                if i.mode == InteractionMode::Collaboration && b < a {
                    (b, a, i.mode)
                } else {
                    (a, b, i.mode)
                }
            })
            .collect()
    };
    assert_eq!(interactions(&back), interactions(&org));
}

#[test]
fn the_people_csv_reads_back_with_managers_seats_and_custom_fields() {
    // The sample plus the plan's fields, so that their columns carry values too: a leaver's end
    // date, and an open position's target start and hiring stage.
    let mut records = topograph_sample::sample().to_records();
    let leaver = records
        .persons
        .iter_mut()
        .find(|p| p.status == topograph_model::PersonStatus::Active)
        .unwrap();
    leaver.end_date = Some("2027-06-30".into());
    let opening = records
        .persons
        .iter_mut()
        .find(|p| p.status == topograph_model::PersonStatus::OpenPosition)
        .unwrap();
    opening.target_start = Some("2027-Q3".into());
    opening.hiring_stage = Some(topograph_model::HiringStage::Interviewing);
    let org = Org::from_records(records);
    let text = csv::export::write(&org, csv::export::Table::People);
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let inc = csv::plan(&table, &csv::suggest(&table));
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let back = build_org(inc).unwrap();
    assert_eq!(back.person_count(), org.person_count());
    /// Name, status, start date, manager and first custom field.
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let people = |o: &Org| -> BTreeSet<Row> {
        o.persons()
            .map(|p| {
                (
                    p.display_name().to_string(),
                    p.status.to_string(),
                    p.start_date.clone(),
                    named(o, p.manager),
                    p.custom.values().next().cloned(),
                )
            })
            .collect()
    };
    assert_eq!(people(&back), people(&org));
    let seats = |o: &Org| -> BTreeSet<(String, String, u32)> {
        o.memberships()
            .map(|m| {
                (
                    o.person(m.person).unwrap().display_name().to_string(),
                    o.unit(m.unit).unwrap().name.clone(),
                    m.allocation,
                )
            })
            .collect()
    };
    assert_eq!(seats(&back), seats(&org));
    // Every column of every row: the org read back writes the same file (ids are renumbered by
    // the import, but the file names people by employee id and teams by name, in the same order).
    let again = csv::export::write(&back, csv::export::Table::People);
    let again = csv::Table::read(again.as_bytes()).unwrap();
    assert_eq!(again.headers, table.headers);
    assert_eq!(again.len(), org.person_count());
    let mut cells = 0;
    for r in 0..table.len() {
        for (c, column) in table.headers.iter().enumerate() {
            assert_eq!(
                again.cell(r, c),
                table.cell(r, c),
                "row {} column {column}",
                r + 2
            );
            cells += 1;
        }
    }
    assert_eq!(cells, org.person_count() * table.headers.len());
    // No column is compared only as blanks: each holds a value in some row.
    let blank: Vec<&String> = (0..table.headers.len())
        .filter(|&c| (0..table.len()).all(|r| table.cell(r, c).is_empty()))
        .map(|c| &table.headers[c])
        .collect();
    assert!(blank.is_empty(), "columns empty in every row: {blank:?}");
}

#[test]
fn the_units_and_ownership_tables_have_a_row_per_record() {
    let org = topograph_sample::sample();
    let units = csv::export::write(&org, csv::export::Table::Units);
    assert_eq!(units.lines().count(), org.units().len() + 1);
    assert!(units.starts_with("Unit ID,Name,Type,Parent ID,Parent,"));
    let owners = csv::export::write(&org, csv::export::Table::Ownership);
    let t = csv::Table::read(owners.as_bytes()).unwrap();
    assert_eq!(t.len(), org.areas().len());
}

/// The sample with names and fields that a spreadsheet would run as formulas, and a team
/// whose name breaks the line.
fn with_formula_names() -> Org {
    let mut r = topograph_sample::sample().to_records();
    r.persons[0].name = "=HYPERLINK(\"http://x\",\"y\")".into();
    r.persons[1].name = "+1+1".into();
    r.persons[2].title = "@SUM(A1:A9)".into();
    r.persons[3].name = "-2".into();
    r.units[0].name = "=cmd|' /C calc'!A0".into();
    let team = r
        .units
        .iter_mut()
        .find(|u| u.kind != UnitKind::Group)
        .unwrap();
    team.name = "Payments\nkind: evil".into();
    Org::from_records(r)
}

#[test]
fn no_csv_cell_begins_like_a_formula_and_the_names_read_back_unchanged() {
    let org = with_formula_names();
    for table in [
        csv::export::Table::People,
        csv::export::Table::Units,
        csv::export::Table::Ownership,
    ] {
        let text = csv::export::write(&org, table);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{table:?}: {cell:?}"
                );
            }
        }
    }
    let text = csv::export::write(&org, csv::export::Table::People);
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let back = build_org(csv::plan(&table, &csv::suggest(&table))).unwrap();
    for name in ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2"] {
        assert!(
            back.persons().any(|p| p.name == name),
            "{name} reads back as it was"
        );
    }
}

#[test]
fn a_line_break_in_a_team_name_stays_inside_the_team_api_comment() {
    let org = with_formula_names();
    for (_, text) in teamapi::export(&org) {
        let first = text.lines().next().unwrap();
        assert!(first.starts_with("# Team API for "), "{first}");
        assert!(
            !text.lines().any(|l| l.starts_with("kind: evil")),
            "no line of YAML smuggled in: {text}"
        );
    }
}
