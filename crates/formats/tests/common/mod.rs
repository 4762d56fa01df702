//! Helpers shared by the integration tests: fixtures, plans and lookups.
#![allow(dead_code)]

use std::path::PathBuf;
use topograph_formats::{csv, Incoming};
use topograph_model::{OrgRecords, Person, Unit};

pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/import")
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Reads a fixture with the suggested mapping.
pub fn plan(name: &str) -> Incoming {
    let table = csv::Table::read(&fixture(name)).unwrap();
    csv::plan(&table, &csv::suggest(&table))
}

pub fn person<'a>(r: &'a OrgRecords, name: &str) -> &'a Person {
    r.persons
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no person {name} in {:?}",
                r.persons.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
}

pub fn manager_of<'a>(r: &'a OrgRecords, name: &str) -> Option<&'a str> {
    let m = person(r, name).manager?;
    r.persons
        .iter()
        .find(|p| p.id == m)
        .map(|p| p.name.as_str())
}

pub fn unit<'a>(r: &'a OrgRecords, name: &str) -> &'a Unit {
    r.units
        .iter()
        .find(|u| u.name == name)
        .unwrap_or_else(|| panic!("no unit {name}"))
}

pub fn problems(inc: &Incoming) -> Vec<String> {
    inc.problems.iter().map(|p| p.to_string()).collect()
}

/// Texts of the YAML files of a fixture directory, as (name, text).
pub fn yaml_dir(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}
