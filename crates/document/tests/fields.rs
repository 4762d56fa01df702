//! Typed custom fields: definitions kept in the document, values checked against them, removal
//! undone exactly, hostile definitions refused on open.

mod common;

use common::*;
use rusqlite::Connection;
use topograph_document::Document;
use topograph_model::{ErrorCode, FieldDef, FieldKind, Op, OrgRecords, PersonId};

fn office() -> FieldDef {
    FieldDef::choice("Office", &[("North", "#1f77b4"), ("South", "#ff7f0e")])
}

fn set(doc: &mut Document, id: PersonId, key: &str, value: &str) -> topograph_model::Result<()> {
    let mut p = doc.org().person(id).unwrap().clone();
    p.custom.insert(key.into(), value.into());
    doc.apply(Op::UpdatePerson { person: p }).map(|_| ())
}

fn state(doc: &Document) -> (topograph_model::FieldDefs, OrgRecords) {
    (doc.defined_fields().unwrap(), doc.org().to_records())
}

#[test]
fn a_value_is_checked_against_its_fields_type() {
    let mut doc = Document::in_memory().unwrap();
    let ada = add(&mut doc, "Ada", None);
    doc.apply(Op::AddField { field: office() }).unwrap();
    set(&mut doc, ada, "Office", "North").unwrap();
    let e = set(&mut doc, ada, "Office", "West").unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(
        e.message.contains("Ada") && e.message.contains("North, South"),
        "{e}"
    );
    assert_eq!(doc.org().person(ada).unwrap().custom["Office"], "North");
    let mut score = FieldDef::text("Score");
    score.kind = FieldKind::Number;
    doc.apply(Op::AddField { field: score }).unwrap();
    assert!(set(&mut doc, ada, "Score", "many").is_err());
    set(&mut doc, ada, "Score", "3.5").unwrap();
    // A key without a definition is text, as every value was before definitions.
    set(&mut doc, ada, "Nickname", "The Countess").unwrap();
    let all = doc.fields().unwrap();
    assert_eq!(all.get("Nickname").unwrap().kind, FieldKind::Text);
    assert!(doc.defined_fields().unwrap().get("Nickname").is_none());
}

#[test]
fn removing_a_field_in_use_says_how_many_values_and_undo_restores_them_exactly() {
    let mut doc = Document::in_memory().unwrap();
    let ada = add(&mut doc, "Ada", None);
    let bob = add(&mut doc, "Bob", Some(ada));
    add(&mut doc, "Cy", Some(ada));
    doc.apply(Op::AddField { field: office() }).unwrap();
    set(&mut doc, ada, "Office", "North").unwrap();
    set(&mut doc, bob, "Office", "South").unwrap();
    assert_eq!(doc.field_usage("Office"), 2);
    let before = state(&doc);
    let applied = doc
        .apply(Op::RemoveField {
            name: "Office".into(),
        })
        .unwrap();
    assert_eq!(applied.label, "Remove field 'Office' and its 2 values");
    assert_eq!(
        doc.history().unwrap().undo.as_deref(),
        Some(applied.label.as_str())
    );
    assert!(doc.org().persons().all(|p| p.custom.is_empty()));
    assert!(doc.fields().unwrap().fields.is_empty());
    let after = state(&doc);
    doc.undo().unwrap();
    assert_eq!(state(&doc), before);
    assert_eq!(
        doc.org(),
        &doc.load_scenario(doc.active_scenario().id).unwrap()
    );
    doc.redo().unwrap();
    assert_eq!(state(&doc), after);
}

#[test]
fn renaming_a_field_moves_its_values_and_a_type_they_do_not_fit_is_refused() {
    let mut doc = Document::in_memory().unwrap();
    let ada = add(&mut doc, "Ada", None);
    doc.apply(Op::AddField {
        field: FieldDef::text("Site"),
    })
    .unwrap();
    set(&mut doc, ada, "Site", "Berlin").unwrap();
    let before = state(&doc);
    let mut as_choice = office();
    as_choice.name = "Site".into();
    let e = doc
        .apply(Op::UpdateField {
            name: "Site".into(),
            field: as_choice.clone(),
        })
        .unwrap_err();
    assert!(
        e.message.contains("Ada") && e.message.contains("'Berlin'"),
        "{e}"
    );
    assert_eq!(state(&doc), before, "a refused edit changes nothing");
    as_choice.name = "Office".into();
    as_choice.choices[0].name = "Berlin".into();
    doc.apply(Op::UpdateField {
        name: "Site".into(),
        field: as_choice,
    })
    .unwrap();
    let p = doc.org().person(ada).unwrap();
    assert_eq!(p.custom.get("Office").map(String::as_str), Some("Berlin"));
    assert!(!p.custom.contains_key("Site"));
    doc.undo().unwrap();
    assert_eq!(state(&doc), before);
}

#[test]
fn a_duplicate_field_is_refused_and_field_ops_cannot_be_batched() {
    let mut doc = Document::in_memory().unwrap();
    doc.apply(Op::AddField { field: office() }).unwrap();
    let e = doc.apply(Op::AddField { field: office() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::Duplicate);
    let e = doc
        .apply(Op::Batch {
            label: "x".into(),
            ops: vec![Op::RemoveField {
                name: "Office".into(),
            }],
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
    assert_eq!(
        doc.apply(Op::RemoveField {
            name: "Nope".into()
        })
        .unwrap_err()
        .code,
        ErrorCode::NotFound
    );
}

#[test]
fn definitions_survive_reopening_and_a_new_document_defines_its_imported_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.topo");
    let mut doc = Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
    assert_eq!(
        doc.defined_fields()
            .unwrap()
            .get("Cost centre")
            .unwrap()
            .kind,
        FieldKind::Text
    );
    doc.apply(Op::AddField { field: office() }).unwrap();
    let defs = doc.defined_fields().unwrap();
    drop(doc);
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.defined_fields().unwrap(), defs);
}

fn hostile(fields_json: &str) -> topograph_model::Error {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.topo");
    drop(Document::create(&path).unwrap());
    let c = Connection::open(&path).unwrap();
    c.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('fields', ?1)",
        [fields_json],
    )
    .unwrap();
    drop(c);
    match Document::open(&path) {
        Ok(_) => panic!("{fields_json} should have been refused"),
        Err(e) => e,
    }
}

#[test]
fn a_file_with_a_hostile_field_definition_is_refused_with_what_is_wrong() {
    let unknown =
        hostile(r#"{"fields":[{"name":"X","kind":"script","choices":[],"on_cards":false}]}"#);
    assert_eq!(unknown.code, ErrorCode::Corrupt);
    assert!(
        unknown.message.contains("field definitions are unreadable"),
        "{unknown}"
    );
    assert!(unknown.message.contains("script"), "{unknown}");
    let colour = hostile(
        r#"{"fields":[{"name":"X","kind":"choice","choices":[{"name":"A","colour":"url(x)"}],"on_cards":false}]}"#,
    );
    assert_eq!(colour.code, ErrorCode::Corrupt);
    assert!(colour.message.contains("url(x)"), "{colour}");
    let twice = hostile(r#"{"fields":[{"name":"X","kind":"text"},{"name":"X","kind":"number"}]}"#);
    assert_eq!(twice.code, ErrorCode::Corrupt);
    assert!(
        twice.message.contains("two fields are called 'X'"),
        "{twice}"
    );
    let junk = hostile("[1, 2");
    assert_eq!(junk.code, ErrorCode::Corrupt);
}

#[test]
fn a_new_document_with_its_own_definitions_has_exactly_them_and_checks_what_fill_adds() {
    let dir = tempfile::tempdir().unwrap();
    let defs = topograph_model::FieldDefs {
        fields: vec![office()],
    };
    let path = dir.path().join("d.topo");
    let doc = Document::create_defined(&path, "Current", topograph_sample::sample(), &defs, |_| {
        Ok(())
    })
    .unwrap();
    assert_eq!(doc.defined_fields().unwrap(), defs, "no text fields added");
    assert_eq!(doc.history().unwrap().undo, None, "and no undo step");
    drop(doc);
    assert_eq!(
        Document::open(&path).unwrap().defined_fields().unwrap(),
        defs
    );
    // What fill writes is checked against them, and a failure leaves no file.
    let failed = dir.path().join("f.topo");
    let e = Document::create_defined(
        &failed,
        "Current",
        topograph_model::Org::new(),
        &defs,
        |d| {
            let ada = add(d, "Ada", None);
            set(d, ada, "Office", "West")
        },
    )
    .err()
    .expect("refused");
    assert!(e.message.contains("North, South"), "{e}");
    assert!(!failed.exists());
    let mut bad = office();
    bad.choices[0].colour = "red".into();
    let unsound = topograph_model::FieldDefs { fields: vec![bad] };
    assert!(Document::create_defined(
        &dir.path().join("u.topo"),
        "Current",
        topograph_model::Org::new(),
        &unsound,
        |_| Ok(())
    )
    .is_err());
}

#[test]
fn a_scenario_created_with_records_has_their_values_checked_against_the_definitions() {
    let mut doc = Document::in_memory().unwrap();
    doc.apply(Op::AddField { field: office() }).unwrap();
    let person = |value: &str| {
        let mut p = person("Zed");
        p.custom.insert("Office".into(), value.into());
        Op::CreatePerson { person: p }
    };
    let e = doc
        .apply(Op::CreateScenarioWith {
            name: "Imported".into(),
            label: "Import".into(),
            ops: vec![person("West")],
        })
        .unwrap_err();
    assert!(
        e.message.contains("Zed") && e.message.contains("North, South"),
        "{e}"
    );
    assert_eq!(doc.scenarios().len(), 1, "nothing created");
    doc.apply(Op::CreateScenarioWith {
        name: "Imported".into(),
        label: "Import".into(),
        ops: vec![person("North")],
    })
    .unwrap();
    assert_eq!(doc.scenarios().len(), 2);
}
