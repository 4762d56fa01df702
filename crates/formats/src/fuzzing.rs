//! The bodies of the fuzz targets (`fuzz/`), here so a stable-Rust test can run them over
//! mutated inputs too. Each reads arbitrary bytes and checks what must hold for any input:
//! no panic, and whatever a reader accepts builds through the model's operations.

use crate::{backstage, build_org, csv, json, teamapi, Incoming};

fn builds(inc: Incoming, what: &str) {
    if inc.is_empty() {
        return;
    }
    if let Err(e) = build_org(inc) {
        panic!("{what} produced records the model refuses: {e}");
    }
}

/// CSV: decode, sniff, suggest a mapping, plan; the plan must build.
pub fn csv(data: &[u8]) {
    let Ok(table) = csv::Table::read(data) else {
        return;
    };
    let mapping = csv::suggest(&table);
    // The suggestion survives its own JSON.
    let again =
        csv::Mapping::from_json(&mapping.to_json()).expect("a suggested mapping reads back");
    assert_eq!(again, mapping);
    builds(csv::plan(&table, &mapping), "the CSV reader");
}

/// JSON: parse and check a document file; never panics.
pub fn json(data: &[u8]) {
    let text = crate::decode(data).text;
    if let Ok(file) = json::parse(&text) {
        let _ = json::check(&file);
    }
}

/// YAML: read as a Backstage catalog and as Team API files; both must build.
pub fn yaml(data: &[u8]) {
    let text = crate::decode(data).text.into_owned();
    let files = vec![("fuzz.yaml".to_string(), text)];
    builds(backstage::read(&files), "the Backstage reader");
    builds(teamapi::read(&files), "the Team API reader");
}

/// Merging into an existing document: whatever the CSV, Backstage and Team API readers accept
/// merges into a document holding `base` as at most one undo step and leaves an org that breaks
/// no rule; one undo brings `base` back exactly, and a refused merge changes nothing.
pub fn merge(base: &topograph_model::Org, data: &[u8]) {
    let mut incoming = Vec::new();
    if let Ok(table) = csv::Table::read(data) {
        incoming.push(csv::plan(&table, &csv::suggest(&table)));
    }
    let files = vec![(
        "fuzz.yaml".to_string(),
        crate::decode(data).text.into_owned(),
    )];
    incoming.push(backstage::read(&files));
    incoming.push(teamapi::read(&files));
    for inc in incoming.into_iter().filter(|i| !i.is_empty()) {
        let mut doc = topograph_document::Document::in_memory_with("Current", base)
            .expect("an in-memory document holds the base org");
        match crate::apply::merge(&mut doc, &inc) {
            Ok(summary) => {
                let problems = doc.org().problems();
                assert!(problems.is_empty(), "a merge broke rules: {problems:?}");
                if summary.undo_steps == 1 {
                    doc.undo().expect("a merge undoes");
                }
                assert!(doc.org() == base, "undoing a merge did not restore the org");
            }
            Err(_) => assert!(doc.org() == base, "a refused merge changed the org"),
        }
    }
}

/// A small HR export the mapping body applies a fuzzed mapping to when its input has no table.
const MAPPING_TABLE: &str = "Employee ID,Name,Title,Manager ID,Department,Team,Start date,Email\n\
1,Ada Lovelace,CEO,,Exec,Leadership,2020-01-06,ada@example.com\n\
2,Bo Li,CTO,1,Engineering,Platform,2021-03-01,bo@example.com\n\
3,Cy Ng,Engineer,2,Engineering,Platform,2022-11-15,cy@example.com\n";

/// Saved CSV mapping files: the bytes before a NUL are a mapping (JSON), the bytes after it a
/// table (a built-in one when there is no NUL). A mapping that reads applies to any table, and
/// what it plans builds.
pub fn mapping(data: &[u8]) {
    let (mapping, table) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, MAPPING_TABLE.as_bytes()),
    };
    let Ok(mapping) = csv::Mapping::from_json(&crate::decode(mapping).text) else {
        return;
    };
    let again = csv::Mapping::from_json(&mapping.to_json()).expect("a read mapping reads back");
    assert_eq!(again, mapping);
    let Ok(table) = csv::Table::read(table) else {
        return;
    };
    builds(csv::plan(&table, &mapping), "a saved CSV mapping");
}
