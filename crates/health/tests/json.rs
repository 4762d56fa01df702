//! The JSON of findings is a public interface (`topograph check --format json`): compared exactly.

mod common;

use common::*;
use topograph_model::{TeamRole, UnitKind};

#[test]
fn findings_serialise_to_exactly_these_keys_and_values() {
    let mut b = B::new();
    let t = b.team("Search", UnitKind::Platform, 10);
    let lead = b.person("Ana Silva", None);
    b.seat(lead, t, 100, TeamRole::TechLead);
    let f = b.findings();
    let json = serde_json::to_string_pretty(&of(&f, "team-size")).unwrap();
    let expected = r#"[
  {
    "check": "team-size",
    "severity": "warning",
    "entity_kind": "unit",
    "entity_id": 1,
    "entity_name": "Search",
    "message": "11 people, 55 communication paths; split above 9",
    "value": 11.0,
    "threshold": "5-9",
    "source": "Skelton & Pais, Team Topologies; Goetzmann, \"Establishing a product org structure\" (5-8)"
  }
]"#;
    assert_eq!(json, expected);
}

#[test]
fn the_same_org_gives_the_same_findings_in_the_same_order() {
    let a = serde_json::to_string(&B::sample_findings()).unwrap();
    let b = serde_json::to_string(&B::sample_findings()).unwrap();
    assert_eq!(a, b);
}
