//! Custom field definitions in and out: the JSON document format carries them (an export
//! imported again gives the same definitions and values, a file whose values break them is
//! refused), the CSV export orders and names them, and the CSV import checks values by type.

use proptest::prelude::*;
use topograph_document::Document;
use topograph_formats::csv::{self, export::Table, Target};
use topograph_formats::json;
use topograph_model::{FieldChoice, FieldDef, FieldDefs, FieldKind, Op, Org, Person, PersonId};

fn choice(name: &str, choices: &[(&str, &str)], on_cards: bool) -> FieldDef {
    FieldDef {
        name: name.into(),
        kind: FieldKind::Choice,
        choices: choices
            .iter()
            .map(|(n, c)| FieldChoice {
                name: (*n).into(),
                colour: (*c).into(),
            })
            .collect(),
        on_cards,
    }
}

fn typed(name: &str, kind: FieldKind) -> FieldDef {
    FieldDef {
        kind,
        ..FieldDef::text(name)
    }
}

fn office() -> FieldDef {
    choice(
        "Office",
        &[("North", "#1f77b4"), ("South", "#ff7f0e")],
        true,
    )
}

/// The sample with an office, a score and a buddy (a person field) on its first people.
fn with_fields(dir: &std::path::Path) -> Document {
    let mut doc = Document::create_with(
        &dir.join("fields.topo"),
        "Current",
        &topograph_sample::sample(),
    )
    .unwrap();
    for f in [
        office(),
        typed("Score", FieldKind::Number),
        typed("Review", FieldKind::Date),
        typed("Buddy", FieldKind::Person),
    ] {
        doc.apply(Op::AddField { field: f }).unwrap();
    }
    let people: Vec<Person> = doc.org().persons().take(3).cloned().collect();
    for (i, p) in people.iter().enumerate() {
        let mut p = p.clone();
        p.custom
            .insert("Office".into(), ["North", "South"][i % 2].into());
        p.custom.insert("Score".into(), format!("{}.5", i + 1));
        p.custom.insert("Review".into(), "2027-03-01".into());
        p.custom
            .insert("Buddy".into(), people[(i + 1) % 3].id.0.to_string());
        doc.apply(Op::UpdatePerson { person: p }).unwrap();
    }
    doc
}

fn customs(org: &Org) -> Vec<(String, std::collections::BTreeMap<String, String>)> {
    org.persons()
        .filter(|p| !p.custom.is_empty())
        .map(|p| (p.name.clone(), p.custom.clone()))
        .collect()
}

#[test]
fn a_json_export_imported_as_a_new_document_keeps_the_definitions_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = with_fields(dir.path());
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let text = json::export(&doc).unwrap();
    let file = json::parse(&text).unwrap();
    assert_eq!(file.version, 3, "a document with definitions is version 3");
    assert_eq!(file.fields, doc.defined_fields().unwrap().fields);
    let back = json::to_new_document(&dir.path().join("back.topo"), &file, "Import").unwrap();
    assert_eq!(
        back.defined_fields().unwrap(),
        doc.defined_fields().unwrap()
    );
    assert_eq!(customs(back.org()), customs(doc.org()));
    for s in doc.scenarios() {
        let theirs = back.scenario_by_name(&s.name).expect("every scenario").id;
        assert_eq!(
            customs(&back.load_scenario(theirs).unwrap()),
            customs(&doc.load_scenario(s.id).unwrap()),
            "{}",
            s.name
        );
    }
    assert_eq!(json::export(&back).unwrap(), text, "and exports the same");
}

#[test]
fn a_document_without_definitions_is_still_written_as_version_2() {
    let doc = Document::in_memory_with("Current", &topograph_sample::sample()).unwrap();
    let mut doc = doc;
    for f in doc.defined_fields().unwrap().fields {
        doc.apply(Op::RemoveField { name: f.name }).unwrap();
    }
    let text = json::export(&doc).unwrap();
    assert!(!text.contains("\"fields\""), "no empty key");
    assert_eq!(json::parse(&text).unwrap().version, 2);
}

#[test]
fn json_scenarios_added_to_another_document_bring_the_fields_it_lacks_and_renumbered_people() {
    let dir = tempfile::tempdir().unwrap();
    let source = with_fields(dir.path());
    let file = json::parse(&json::export(&source).unwrap()).unwrap();
    let mut doc = Document::create_with(
        &dir.path().join("other.topo"),
        "Current",
        &topograph_sample::generate(30, 1),
    )
    .unwrap();
    let names = json::add_scenarios(&mut doc, &file, "Import").unwrap();
    let defs = doc.defined_fields().unwrap();
    for f in &file.fields {
        assert_eq!(defs.get(&f.name), Some(f), "{}", f.name);
    }
    assert_eq!(doc.active_scenario().name, names[0]);
    let buddy_of = |org: &Org| -> Vec<(String, String)> {
        org.persons()
            .filter_map(|p| {
                let id: u32 = p.custom.get("Buddy")?.parse().unwrap();
                Some((p.name.clone(), org.person(PersonId(id))?.name.clone()))
            })
            .collect()
    };
    let theirs = buddy_of(source.org());
    assert_eq!(theirs.len(), 3);
    assert_eq!(buddy_of(doc.org()), theirs, "buddies follow their people");
}

#[test]
fn a_json_whose_values_break_their_definitions_is_refused_naming_the_person_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let doc = with_fields(dir.path());
    let mut v: serde_json::Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    let persons = v["scenarios"][0]["persons"].as_array_mut().unwrap();
    let p = persons
        .iter_mut()
        .find(|p| p["custom"]["Office"].is_string())
        .unwrap();
    p["custom"]["Office"] = "West".into();
    let name = p["name"].as_str().unwrap().to_string();
    let text = serde_json::to_string(&v).unwrap();
    let file = json::parse(&text).expect("well formed");
    let problem = json::check(&file).unwrap_err();
    assert!(problem.reason.contains(&name), "{}", problem.reason);
    assert!(
        problem.reason.contains("field 'Office'"),
        "{}",
        problem.reason
    );
    assert!(
        problem.reason.contains("North, South"),
        "{}",
        problem.reason
    );
    let target = dir.path().join("hostile.topo");
    assert!(json::to_new_document(&target, &file, "Import").is_err());
    assert!(!target.exists(), "nothing written");
    let mut other = Document::in_memory().unwrap();
    assert!(json::add_scenarios(&mut other, &file, "Import").is_err());
    assert_eq!(other.scenarios().len(), 1);
    assert!(other.defined_fields().unwrap().fields.is_empty());
}

#[test]
fn unsound_or_unversioned_definitions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let doc = with_fields(dir.path());
    let good: serde_json::Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    let refused = |v: &serde_json::Value| {
        json::parse(&v.to_string())
            .and_then(|f| json::check(&f))
            .unwrap_err()
            .reason
    };
    let at = |name: &str| {
        good["fields"]
            .as_array()
            .unwrap()
            .iter()
            .position(|f| f["name"] == name)
            .unwrap()
    };
    let (office, score) = (at("Office"), at("Score"));
    let mut bad = good.clone();
    bad["fields"][office]["choices"][0]["colour"] = "red".into();
    assert!(refused(&bad).contains("expected #rrggbb"));
    let mut bad = good.clone();
    bad["fields"][score]["kind"] = "colour".into();
    assert!(refused(&bad).contains("unknown variant"));
    let mut bad = good.clone();
    bad["fields"][score]["name"] = "Office".into();
    assert!(refused(&bad).contains("two fields are called 'Office'"));
    let mut bad = good.clone();
    bad["version"] = 2.into();
    assert!(refused(&bad).contains("format version 3"));
    let mut bad = good;
    bad["version"] = 4.into();
    assert!(refused(&bad).contains("newer Topograph"));
}

#[test]
fn the_csv_export_puts_custom_columns_in_the_definitions_order_and_names_people() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = with_fields(dir.path());
    let mut p = doc.org().persons().nth(4).unwrap().clone();
    p.custom.insert("Aardvark".into(), "first by name".into());
    doc.apply(Op::UpdatePerson { person: p }).unwrap();
    let defs = doc.defined_fields().unwrap();
    let text = csv::export::write_with(doc.org(), Table::People, &defs);
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let custom: Vec<&str> = table.headers[22..].iter().map(String::as_str).collect();
    let defined: Vec<&str> = defs
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| custom.contains(n))
        .collect();
    assert_eq!(&custom[..defined.len()], defined.as_slice());
    let ours: Vec<&str> = defined
        .iter()
        .copied()
        .filter(|n| ["Office", "Score", "Review", "Buddy"].contains(n))
        .collect();
    assert_eq!(ours, ["Office", "Score", "Review", "Buddy"]);
    assert_eq!(custom.last(), Some(&"Aardvark"), "undefined keys come last");
    let buddy = table.headers.iter().position(|h| h == "Buddy").unwrap();
    let id_col = 0;
    let first = doc.org().persons().next().unwrap();
    let second = doc.org().persons().nth(1).unwrap();
    let row = (0..table.len())
        .find(|r| table.cell(*r, 1) == first.name)
        .unwrap();
    assert_eq!(
        table.cell(row, buddy),
        second.employee_id.as_deref().unwrap(),
        "a person field names its person by employee id"
    );
    assert!(!table.cell(row, id_col).is_empty());
}

#[test]
fn a_csv_export_imported_into_a_document_with_the_definitions_gives_the_values_back() {
    let dir = tempfile::tempdir().unwrap();
    let doc = with_fields(dir.path());
    let defs = doc.defined_fields().unwrap();
    let text = csv::export::write_with(doc.org(), Table::People, &defs);
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let mapping = csv::suggest_for(&table, &defs);
    assert_eq!(mapping.fields["Buddy"].kind, FieldKind::Person);
    let inc = csv::plan_for(&table, &mapping, &defs);
    assert_eq!(inc.problems, vec![]);
    let by_id = |ps: &[Person], id: &str| {
        ps.iter()
            .find(|p| p.id.0.to_string() == id)
            .map(|p| p.name.clone())
    };
    let theirs: Vec<Person> = doc.org().persons().cloned().collect();
    assert_eq!(inc.records.persons.len(), theirs.len());
    // Rows come in the export's order, one per person.
    for (p, original) in inc.records.persons.iter().zip(&theirs) {
        assert_eq!(p.name, original.name);
        for (k, v) in &original.custom {
            if k == "Buddy" {
                assert_eq!(
                    by_id(&inc.records.persons, &p.custom[k]),
                    by_id(&theirs, v),
                    "{}",
                    p.name
                );
            } else {
                assert_eq!(p.custom.get(k), Some(v), "{} {k}", p.name);
            }
        }
    }
}

#[test]
fn csv_values_are_checked_by_the_type_of_the_field_their_header_names() {
    let defs = FieldDefs {
        fields: vec![
            office(),
            typed("Score", FieldKind::Number),
            typed("Review", FieldKind::Date),
            typed("Buddy", FieldKind::Person),
        ],
    };
    let text = "Name,Email,office,SCORE,Review,Buddy,Shoe size\n\
                Ada,ada@x.io,north,4.5,2027-03-01,bo@x.io,38\n\
                Bo,bo@x.io,West,lots,2027-02-30,Nobody,44\n";
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let mapping = csv::suggest_for(&table, &defs);
    assert_eq!(
        mapping.target("office"),
        Target::Custom,
        "a defined field wins over the location alias"
    );
    assert_eq!(mapping.fields["office"].field, "Office");
    assert_eq!(mapping.fields["office"].kind, FieldKind::Choice);
    assert_eq!(mapping.fields["Shoe size"].kind, FieldKind::Text);
    let inc = csv::plan_for(&table, &mapping, &defs);
    let shown: Vec<String> = inc.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 4, "{shown:#?}");
    assert!(
        shown[0].starts_with("3:3: 'West' in office is not a choice of 'Office' (North, South)"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with("3:4: bad number 'lots' in SCORE"),
        "{shown:#?}"
    );
    assert!(
        shown[2].starts_with("3:5: bad date '2027-02-30' in Review"),
        "{shown:#?}"
    );
    assert!(
        shown[3].starts_with("3:6: 'Nobody' in Buddy, a person field, names no one"),
        "{shown:#?}"
    );
    let ada = &inc.records.persons[0];
    assert_eq!(
        ada.custom["Office"], "North",
        "spelt as the definition spells it"
    );
    assert_eq!(ada.custom["Score"], "4.5");
    assert_eq!(ada.custom["Buddy"], inc.records.persons[1].id.0.to_string());
    assert_eq!(ada.custom["Shoe size"], "38");
    let bo = &inc.records.persons[1];
    assert_eq!(bo.custom.keys().collect::<Vec<_>>(), ["Shoe size"]);
    // A field named like a column that says who the row is does not take that column.
    let mut named = defs.clone();
    named.fields.push(FieldDef::text("Email"));
    assert_eq!(
        csv::suggest_for(&table, &named).target("Email"),
        Target::Email
    );
    // Without definitions every custom column is text, as before.
    let plain = csv::plan(&table, &csv::suggest(&table));
    assert!(plain.problems.is_empty());
}

#[test]
fn a_column_mapped_to_a_defined_field_of_another_name_fills_it_checked_by_its_type() {
    let defs = FieldDefs {
        fields: vec![office(), typed("Score", FieldKind::Number)],
    };
    let text = "Name,Workplace,Rating,Shoe size\nAda,south,7,38\nBo,Mars,high,44\n";
    let table = csv::Table::read(text.as_bytes()).unwrap();
    // As a person writes it by hand: no type, headers spelt loosely; "Shoe size" renamed to a
    // field the document does not define.
    let mapping = csv::Mapping::from_json(
        r#"{"columns": {"Name": "name"},
            "fields": {"workplace": {"field": "office"}, "RATING": {"field": "Score"},
                       "Shoe size": {"field": "Shoe"}}}"#,
    )
    .unwrap();
    let described = mapping.clone().described(&table.headers, &defs);
    assert_eq!(described.fields["Workplace"].field, "Office");
    assert_eq!(described.fields["Workplace"].kind, FieldKind::Choice);
    assert_eq!(described.fields["Rating"].kind, FieldKind::Number);
    assert_eq!(described.fields["Shoe size"].field, "Shoe");
    assert_eq!(described.fields["Shoe size"].kind, FieldKind::Text);
    let inc = csv::plan_for(&table, &mapping, &defs);
    let shown: Vec<String> = inc.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("3:2: 'Mars' in Workplace is not a choice of 'Office'"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with("3:3: bad number 'high' in Rating"),
        "{shown:#?}"
    );
    let ada = &inc.records.persons[0];
    let keys: Vec<&String> = ada.custom.keys().collect();
    assert_eq!(keys, ["Office", "Score", "Shoe"]);
    assert_eq!(ada.custom["Office"], "South");
    // Into a document without the definitions the same mapping makes text fields of those
    // names, spelt as the mapping spells them.
    let plain = csv::plan_for(&table, &mapping, &FieldDefs::default());
    assert!(plain.problems.is_empty(), "{:?}", plain.problems);
    assert_eq!(plain.records.persons[1].custom["office"], "Mars");
    // A suggested mapping saved and read back keeps every column where it was.
    let suggested = csv::suggest_for(&table, &defs);
    let back = csv::Mapping::from_json(&suggested.to_json()).unwrap();
    assert_eq!(back.described(&table.headers, &defs), suggested);
}

#[test]
fn a_csv_with_typed_values_lands_in_a_new_scenario_and_a_merge_with_people_renumbered() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = with_fields(dir.path());
    let defs = doc.defined_fields().unwrap();
    let text =
        "Name,Email,Office,Buddy\nZed,zed@x.io,South,yan@x.io\nYan,yan@x.io,North,zed@x.io\n";
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let inc = csv::plan_for(&table, &csv::suggest_for(&table, &defs), &defs);
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let buddies = |org: &Org| -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = org
            .persons()
            .filter(|p| p.name == "Zed" || p.name == "Yan")
            .map(|p| {
                let id: u32 = p.custom["Buddy"].parse().unwrap();
                (
                    p.name.clone(),
                    org.person(PersonId(id)).unwrap().name.clone(),
                )
            })
            .collect();
        out.sort();
        out
    };
    let want = vec![
        ("Yan".to_string(), "Zed".to_string()),
        ("Zed".to_string(), "Yan".to_string()),
    ];
    topograph_formats::apply::new_scenario(&mut doc, "Imported", &inc).unwrap();
    assert_eq!(buddies(doc.org()), want);
    let baseline = doc.scenario_by_name("Current").unwrap().id;
    doc.switch_scenario(baseline).unwrap();
    topograph_formats::apply::merge(&mut doc, &inc).unwrap();
    assert_eq!(buddies(doc.org()), want);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any sound definitions and values that fit them survive an export and an import.
    #[test]
    fn definitions_and_fitting_values_survive_a_json_round_trip(
        kinds in prop::collection::vec(0usize..5, 1..6),
        picks in prop::collection::vec((0usize..40, 0usize..1000), 0..40),
        on_cards in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::create_with(
            &dir.path().join("p.topo"),
            "Current",
            &topograph_sample::generate(40, 5),
        )
        .unwrap();
        let mut defs = Vec::new();
        for (i, k) in kinds.iter().enumerate() {
            let f = match FieldKind::ALL[*k] {
                FieldKind::Choice => choice(&format!("F{i}"), &[("A", "#000000"), ("B b", "#abcdef")], on_cards),
                kind => FieldDef { on_cards, ..typed(&format!("F{i}"), kind) },
            };
            doc.apply(Op::AddField { field: f.clone() }).unwrap();
            defs.push(f);
        }
        let ids: Vec<PersonId> = doc.org().persons().map(|p| p.id).collect();
        for (who, n) in picks {
            let mut p = doc.org().person(ids[who % ids.len()]).unwrap().clone();
            let f = &defs[n % defs.len()];
            let value = match f.kind {
                FieldKind::Text => format!("text {n}"),
                FieldKind::Number => format!("{}.{}", n, n % 7),
                FieldKind::Date => format!("2027-{:02}-{:02}", n % 12 + 1, n % 28 + 1),
                FieldKind::Choice => f.choices[n % 2].name.clone(),
                FieldKind::Person => ids[n % ids.len()].0.to_string(),
            };
            p.custom.insert(f.name.clone(), value);
            doc.apply(Op::UpdatePerson { person: p }).unwrap();
        }
        let file = json::parse(&json::export(&doc).unwrap()).unwrap();
        json::check(&file).unwrap();
        let back = json::to_new_document(&dir.path().join("back.topo"), &file, "Import").unwrap();
        prop_assert_eq!(back.defined_fields().unwrap(), doc.defined_fields().unwrap());
        prop_assert_eq!(customs(back.org()), customs(doc.org()));
    }
}
