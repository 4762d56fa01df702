//! Every released schema version opens and upgrades: one fixture file per version.

use std::path::PathBuf;
use topograph_document::{Document, SCHEMA_VERSION};
use topograph_model::FieldKind;

fn fixtures() -> Vec<(u32, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(u32, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name()?.to_str()?.to_string();
            let version = name
                .strip_prefix("schema-v")?
                .strip_suffix(".topo")?
                .parse()
                .ok()?;
            Some((version, path))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn there_is_a_fixture_for_every_schema_version_up_to_the_current_one() {
    let versions: Vec<u32> = fixtures().iter().map(|(v, _)| *v).collect();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
}

#[test]
fn every_fixture_opens_upgrades_and_keeps_its_org() {
    for (version, path) in fixtures() {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("copy.topo");
        std::fs::copy(&path, &copy).unwrap();
        let doc = Document::open(&copy).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert!(
            doc.org().person_count() > 100,
            "v{version} holds the sample org"
        );
        assert!(
            doc.org().problems().is_empty(),
            "v{version}: {:?}",
            doc.org().problems()
        );
        // Areas from before the direction existed upgrade without one; v3 holds the sample's.
        let directed = doc.org().areas().filter(|a| a.stance.is_some()).count();
        assert_eq!(
            directed > 0,
            version >= 3,
            "v{version}: {directed} areas with a stance"
        );
        // v4 holds a plan: a budget, a planned move and exchange rates.
        let org = doc.org();
        assert_eq!(
            org.budgets().count() > 0 && org.dated_changes().count() > 0,
            version >= 4,
            "v{version}"
        );
        assert_eq!(org.stored_plan_settings().is_some(), version >= 4);
        // Free-form custom values from before definitions became text fields on the upgrade;
        // v5 holds a choice field with colours set on someone.
        let defined = doc.defined_fields().unwrap();
        let centre = defined
            .get("Cost centre")
            .unwrap_or_else(|| panic!("v{version}"));
        assert_eq!(centre.kind, FieldKind::Text, "v{version}");
        let office = defined.get("Office");
        assert_eq!(office.is_some(), version >= 5, "v{version}");
        if let Some(office) = office {
            assert_eq!(office.kind, FieldKind::Choice);
            assert_eq!(office.colour_of("North"), Some("#1f77b4"));
            assert_eq!(doc.field_usage("Office"), 1);
        }
        drop(doc);
        let conn = rusqlite::Connection::open(&copy).unwrap();
        let upgraded: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(upgraded, SCHEMA_VERSION, "v{version} was upgraded");
        let fk_problems: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk_problems, 0);
    }
}

#[test]
fn a_bulk_created_document_satisfies_every_foreign_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gen.topo");
    drop(Document::create_with(&path, "Current", &topograph_sample::generate(3000, 5)).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let fk_problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk_problems, 0);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "a new document is left in WAL mode");
}

/// Writes the fixture of the current schema version: the sample org with a leaver's end date, a
/// hire's target start and stage, a budget, exchange rates, a planned move and a choice field, each made by an
/// op so the file holds their history too. Run once per new schema version:
/// `cargo test -p topograph-document --test fixtures -- --ignored write_the_current_fixture`.
#[test]
#[ignore = "writes tests/fixtures/schema-vN.topo for a new schema version"]
fn write_the_current_fixture() {
    use topograph_model::{
        Budget, Cost, DatedChange, DatedOp, FieldDef, HiringStage, Op, PersonStatus, PlanSettings,
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/schema-v{SCHEMA_VERSION}.topo"));
    let _ = std::fs::remove_file(&path);
    let mut doc = Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
    let org = doc.org().clone();
    let leaver = org
        .persons()
        .find(|p| p.status == PersonStatus::Leaving)
        .unwrap();
    let open = org
        .persons()
        .find(|p| p.status == PersonStatus::OpenPosition)
        .unwrap();
    let team = org.memberships().next().unwrap().unit;
    let mover = org.persons().find(|p| p.manager.is_some()).unwrap();
    let new_manager = org.roots().next().unwrap().id;
    let mut l = leaver.clone();
    l.end_date = Some("2027-03-31".into());
    let mut o = open.clone();
    o.target_start = Some("2027-Q2".into());
    o.hiring_stage = Some(HiringStage::Interviewing);
    let mut m = mover.clone();
    m.custom.insert("Office".into(), "North".into());
    let office = FieldDef {
        on_cards: true,
        ..FieldDef::choice("Office", &[("North", "#1f77b4"), ("South", "#ff7f0e")])
    };
    for op in [
        Op::AddField { field: office },
        Op::UpdatePerson { person: m },
        Op::UpdatePerson { person: l },
        Op::UpdatePerson { person: o },
        Op::SetPlanSettings {
            settings: PlanSettings {
                reporting_currency: "EUR".into(),
                rates: [("USD".to_string(), 0.92), ("GBP".to_string(), 1.17)].into(),
            },
        },
        Op::SetBudget {
            budget: Budget {
                unit: team,
                period: "2027".into(),
                headcount: Some(8.0),
                amount: Some(Cost {
                    amount: 1_200_000.0,
                    currency: "USD".into(),
                }),
            },
        },
        Op::AddDatedChange {
            change: DatedChange {
                id: 0,
                date: "2027-04-01".into(),
                change: DatedOp::MoveSubtree {
                    person: mover.id,
                    manager: Some(new_manager),
                },
            },
        },
    ] {
        doc.apply(op).unwrap();
    }
    drop(doc);
    // One file, no WAL beside it, as the older fixtures.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
}
