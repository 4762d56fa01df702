//! A document's settings change thresholds, switch checks off and pick span presets; bad settings are refused.

mod common;

use common::*;
use std::collections::BTreeMap;
use topograph_health::{catalogue, settings_op, Settings, CHECKS};
use topograph_model::{CheckSettings, ErrorCode, Op, UnitKind};

fn with_threshold(check: &str, name: &str, value: f64) -> CheckSettings {
    let mut s = CheckSettings::default();
    s.thresholds
        .insert(check.into(), BTreeMap::from([(name.to_string(), value)]));
    s
}

#[test]
fn a_lower_team_size_limit_from_the_settings_is_honoured() {
    let mut b = B::new();
    b.team("Team", UnitKind::Platform, 8);
    assert!(of(&b.findings(), "team-size").is_empty());
    let f = b.findings_with(&with_threshold("team-size", "max", 7.0));
    let f = of(&f, "team-size");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].threshold, "5-7");
}

#[test]
fn a_switched_off_check_reports_nothing() {
    let mut b = B::new();
    b.team("Team", UnitKind::Platform, 12);
    let mut s = CheckSettings::default();
    s.disabled.insert("team-size".into());
    assert!(of(&b.findings_with(&s), "team-size").is_empty());
    assert!(
        !catalogue(&Settings::resolve(&s).unwrap())
            .iter()
            .find(|c| c.id == "team-size")
            .unwrap()
            .enabled
    );
}

#[test]
fn the_coach_preset_narrows_every_span_to_six_or_seven() {
    let mut b = B::new();
    let m = b.person("Manager", None);
    b.reports(m, 8);
    assert!(b.findings().iter().all(|f| !f.check.starts_with("span")));
    let s = CheckSettings {
        span_preset: Some("coach".into()),
        ..CheckSettings::default()
    };
    let f = b.findings_with(&s);
    let f = of(&f, "span-of-control-ics");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].threshold, "6-7");
    assert!(f[0].source.contains("McKinsey"), "{}", f[0].source);
}

#[test]
fn the_coordinator_preset_has_no_upper_limit() {
    let mut b = B::new();
    let m = b.person("Manager", None);
    b.reports(m, 40);
    let s = CheckSettings {
        span_preset: Some("coordinator".into()),
        ..CheckSettings::default()
    };
    assert!(b
        .findings_with(&s)
        .iter()
        .all(|f| !f.check.starts_with("span")));
    let info = catalogue(&Settings::resolve(&s).unwrap());
    let span = info.iter().find(|c| c.id == "span-of-control-ics").unwrap();
    assert_eq!(
        span.thresholds
            .iter()
            .find(|t| t.name == "max")
            .unwrap()
            .value,
        None
    );
}

#[test]
fn an_explicit_threshold_wins_over_the_preset() {
    let mut s = with_threshold("span-of-control-ics", "max", 9.0);
    s.span_preset = Some("coach".into());
    let r = Settings::resolve(&s).unwrap();
    assert_eq!(
        (
            r.get("span-of-control-ics", "min"),
            r.get("span-of-control-ics", "max")
        ),
        (6.0, 9.0)
    );
}

#[test]
fn unknown_checks_thresholds_and_presets_and_bad_values_are_refused() {
    let bad = [
        with_threshold("team-sise", "max", 7.0),
        with_threshold("team-size", "maximum", 7.0),
        with_threshold("team-size", "max", -1.0),
        with_threshold("team-size", "max", f64::NAN),
        with_threshold("team-size", "min", 12.0),
        CheckSettings {
            span_preset: Some("boss".into()),
            ..CheckSettings::default()
        },
        CheckSettings {
            disabled: ["nope".to_string()].into(),
            ..CheckSettings::default()
        },
    ];
    for s in bad {
        let e = settings_op(s.clone()).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue, "{s:?}");
    }
    assert!(matches!(
        settings_op(CheckSettings::default()),
        Ok(Op::SetCheckSettings { .. })
    ));
}

#[test]
fn every_check_has_a_kebab_case_id_a_reason_and_a_source() {
    for c in CHECKS {
        assert!(
            c.id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{}",
            c.id
        );
        assert!(c.why.ends_with('.'), "{}", c.id);
        assert!(!c.source.is_empty(), "{}", c.id);
    }
}

#[test]
fn every_check_says_in_one_line_how_to_fix_its_findings() {
    for c in CHECKS {
        assert!(!c.fix.trim().is_empty(), "{} has no fix line", c.id);
        assert!(!c.fix.contains('\n'), "{}'s fix line is one line", c.id);
        assert!(c.fix.ends_with('.'), "{}'s fix line is a sentence", c.id);
    }
    let info = catalogue(&Settings::resolve(&CheckSettings::default()).unwrap());
    assert!(
        info.iter().all(|c| !c.fix.is_empty()),
        "the catalogue carries them"
    );
}
