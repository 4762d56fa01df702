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
