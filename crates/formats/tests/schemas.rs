//! Exports checked against published schemas: the JSON document format against
//! docs/schema/topograph-v3.schema.json (and a document without field definitions against
//! -v2 too), and the Backstage catalog against Backstage's own
//! entity schemas (vendored from @backstage/catalog-model in tests/fixtures/backstage-schemas).

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use topograph_document::Document;
use topograph_formats::{backstage, json};
use topograph_model::Op;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read_json(path: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn schema_of(version: u32) -> jsonschema::Validator {
    let schema = read_json(repo().join(format!("docs/schema/topograph-v{version}.schema.json")));
    jsonschema::validator_for(&schema).expect("the published schema is a valid JSON Schema")
}

fn topograph_schema() -> jsonschema::Validator {
    schema_of(3)
}

/// The sample with a field of every kind, and values on its first people.
fn sample_with_fields(path: &std::path::Path) -> Document {
    use topograph_model::{FieldChoice, FieldDef, FieldKind};
    let mut doc = Document::create_with(path, "Current", &topograph_sample::sample()).unwrap();
    for kind in FieldKind::ALL {
        let mut f = FieldDef::text(&format!("F {}", kind.as_str()));
        f.kind = kind;
        f.on_cards = kind == FieldKind::Choice;
        if kind == FieldKind::Choice {
            f.choices = vec![FieldChoice {
                name: "A".into(),
                colour: "#123abc".into(),
            }];
        }
        doc.apply(Op::AddField { field: f }).unwrap();
    }
    let first = doc.org().persons().next().unwrap().clone();
    let mut p = first.clone();
    for (k, v) in [
        ("F number", "4.5".to_string()),
        ("F date", "2027-01-02".to_string()),
        ("F choice", "A".to_string()),
        ("F person", first.id.0.to_string()),
    ] {
        p.custom.insert(k.into(), v);
    }
    doc.apply(Op::UpdatePerson { person: p }).unwrap();
    doc
}

#[test]
fn an_export_with_field_definitions_validates_as_version_3_and_one_without_also_as_version_2() {
    let dir = tempfile::tempdir().unwrap();
    let doc = sample_with_fields(&dir.path().join("f.topo"));
    let export: Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    assert_eq!(export["version"], 3);
    assert_eq!(errors(&topograph_schema(), &export), Vec::<String>::new());
    assert!(
        !errors(&schema_of(2), &export).is_empty(),
        "v2 has no fields"
    );
    let mut bad = export.clone();
    bad["version"] = 2.into();
    assert!(
        !errors(&topograph_schema(), &bad).is_empty(),
        "fields need v3"
    );
    let at = |kind: &str| {
        export["fields"]
            .as_array()
            .unwrap()
            .iter()
            .position(|f| f["kind"] == kind)
            .unwrap()
    };
    let (number, choice) = (at("number"), at("choice"));
    let mut bad = export.clone();
    bad["fields"][number]["choices"] = serde_json::json!([{"name": "A", "colour": "#000000"}]);
    assert!(
        !errors(&topograph_schema(), &bad).is_empty(),
        "choices only on a choice field"
    );
    let mut bad = export;
    bad["fields"][choice]["choices"][0]["colour"] = "red".into();
    assert!(!errors(&topograph_schema(), &bad).is_empty());
    let plain = Document::create_with(
        &dir.path().join("p.topo"),
        "Current",
        &topograph_model::Org::new(),
    )
    .unwrap();
    let export: Value = serde_json::from_str(&json::export(&plain).unwrap()).unwrap();
    assert_eq!(export["version"], 2);
    assert_eq!(errors(&schema_of(2), &export), Vec::<String>::new());
    assert_eq!(errors(&topograph_schema(), &export), Vec::<String>::new());
}

#[test]
fn a_document_export_validates_against_the_published_json_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::create_with(
        &dir.path().join("s.topo"),
        "Current",
        &topograph_sample::sample(),
    )
    .unwrap();
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let export: Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    let v = topograph_schema();
    assert_eq!(errors(&v, &export), Vec::<String>::new());
    let big = topograph_sample::generate(2_000, 7);
    let doc = Document::create_with(&dir.path().join("g.topo"), "Generated", &big).unwrap();
    let export: Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    assert_eq!(errors(&v, &export), Vec::<String>::new());
}

#[test]
fn the_json_schema_refuses_what_the_format_does_not_allow() {
    let v = topograph_schema();
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::create_with(
        &dir.path().join("s.topo"),
        "Current",
        &topograph_sample::sample(),
    )
    .unwrap();
    let good: Value = serde_json::from_str(&json::export(&doc).unwrap()).unwrap();
    let mut bad = good.clone();
    bad["version"] = 4.into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["scenarios"][0]["persons"][0]["discipline"] = "wizardry".into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["scenarios"][0]["areas"][0]["stance"] = "abandon".into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good.clone();
    bad["scenarios"][0]["areas"][0]["target_share"] = 120.into();
    assert!(!errors(&v, &bad).is_empty());
    let mut bad = good;
    bad["scenarios"][0]["units"][0]["shoe_size"] = 42.into();
    assert!(!errors(&v, &bad).is_empty());
}

#[test]
fn the_json_schema_names_exactly_the_fields_records_serialise() {
    // If a model record gains or loses a field, this fails until the schema (and the format
    // version) say so.
    let schema = read_json(repo().join("docs/schema/topograph-v3.schema.json"));
    let org = topograph_sample::sample();
    let mut r = org.to_records();
    // The plan fields are left out when empty: fill them so every key shows.
    let p = &mut r.persons[0];
    p.end_date = Some("2027-03-31".into());
    p.target_start = Some("2027-Q1".into());
    p.hiring_stage = Some(topograph_model::HiringStage::Offer);
    let generated = topograph_sample::generate(200, 3).to_records();
    r.budgets = generated.budgets;
    r.plan_settings = generated.plan_settings;
    let keys = |v: Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>()
    };
    let props = |def: &str| keys(schema["$defs"][def]["properties"].clone());
    let first = |v: Value| v.as_array().unwrap()[0].clone();
    let records = serde_json::to_value(&r).unwrap();
    for (def, list) in [
        ("person", "persons"),
        ("dotted_line", "dotted_lines"),
        ("unit", "units"),
        ("membership", "memberships"),
        ("area", "areas"),
        ("contributor", "contributors"),
        ("interaction", "interactions"),
        ("budget", "budgets"),
    ] {
        assert_eq!(keys(first(records[list].clone())), props(def), "{def}");
    }
    assert_eq!(
        keys(records["plan_settings"].clone()),
        props("plan_settings")
    );
    let dir = tempfile::tempdir().unwrap();
    let doc = sample_with_fields(&dir.path().join("f.topo"));
    let file = serde_json::to_value(json::file_of(&doc).unwrap()).unwrap();
    assert_eq!(
        keys(file.clone()),
        keys(schema["properties"].clone()),
        "the document's keys"
    );
    let choice = file["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "choice")
        .unwrap()
        .clone();
    assert_eq!(keys(choice.clone()), props("field"));
    assert_eq!(
        keys(first(choice["choices"].clone())),
        props("field_choice")
    );
}

/// Serves the vendored Backstage schemas by their relative ids ("Entity", "common", ...).
struct Vendored(HashMap<String, Value>);

impl jsonschema::Retrieve for Vendored {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let s = uri.as_str();
        let name = s
            .rsplit('/')
            .next()
            .unwrap_or(s)
            .split('#')
            .next()
            .unwrap_or("");
        self.0
            .get(name)
            .cloned()
            .ok_or_else(|| format!("{s} is not vendored").into())
    }
}

fn backstage_validators() -> HashMap<String, jsonschema::Validator> {
    let dir = repo().join("tests/fixtures/backstage-schemas");
    let mut by_id = HashMap::new();
    for f in std::fs::read_dir(&dir).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v = read_json(p);
            by_id.insert(v["$id"].as_str().unwrap().to_string(), v);
        }
    }
    let mut out = HashMap::new();
    for kind in ["Group", "User", "Domain", "System", "Component"] {
        let schema = by_id[&format!("{kind}V1alpha1")].clone();
        let v = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .with_retriever(Vendored(by_id.clone()))
            .build(&schema)
            .unwrap_or_else(|e| panic!("{kind}: {e}"));
        out.insert(kind.to_string(), v);
    }
    out
}

#[test]
fn a_backstage_export_validates_against_backstages_entity_schemas() {
    let validators = backstage_validators();
    let yaml = backstage::export(&topograph_sample::sample());
    let mut kinds = BTreeSet::new();
    let mut count = 0;
    for part in yaml.split("\n---\n").skip(1) {
        let entity: Value = serde_yaml_ng::from_str(part).unwrap();
        let kind = entity["kind"].as_str().unwrap().to_string();
        let errs = errors(&validators[&kind], &entity);
        assert!(
            errs.is_empty(),
            "{kind} {}: {errs:?}",
            entity["metadata"]["name"]
        );
        // Names follow Backstage's naming rules (checked by its validators, not its schemas).
        let name = entity["metadata"]["name"].as_str().unwrap();
        assert!(
            name.len() <= 63
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "{name}"
        );
        kinds.insert(kind);
        count += 1;
    }
    assert!(count > 150, "{count} entities");
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["Component", "Domain", "Group", "System", "User"]
    );
}

#[test]
fn backstages_schemas_refuse_an_entity_missing_what_they_require() {
    let validators = backstage_validators();
    let group: Value = serde_json::json!({
        "apiVersion": "backstage.io/v1alpha1", "kind": "Group",
        "metadata": {"name": "x"}, "spec": {"type": "team"}
    });
    assert!(
        !errors(&validators["Group"], &group).is_empty(),
        "children is required"
    );
    // Through the referenced Entity and EntityMeta schemas: metadata needs a name.
    let nameless: Value = serde_json::json!({
        "apiVersion": "backstage.io/v1alpha1", "kind": "Group",
        "metadata": {}, "spec": {"type": "team", "children": []}
    });
    assert!(
        !errors(&validators["Group"], &nameless).is_empty(),
        "metadata.name is required"
    );
}
