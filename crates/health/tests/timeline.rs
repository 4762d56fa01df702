//! The findings that turn over the coming quarters, read from the org as it will be each month.

mod common;

use common::B;
use topograph_health::{timeline, Date, Settings, Turn};
use topograph_model::*;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// A stream-aligned team with a tech lead and a product manager who leaves on 2027-02-15, and a
/// planned product manager hire from 2027-Q2.
fn team_losing_its_pm() -> (B, UnitId) {
    let mut b = B::new();
    let team = b.team("Payments", UnitKind::StreamAligned, 3);
    let lead = b.person("Lee", None);
    b.seat(lead, team, 100, TeamRole::TechLead);
    let pat = b.person("Pat", None);
    b.seat(pat, team, 100, TeamRole::ProductManager);
    let mut leaving = b.org.person(pat).unwrap().clone();
    leaving.status = PersonStatus::Leaving;
    leaving.end_date = Some("2027-02-15".into());
    b.org
        .execute(
            &Op::UpdatePerson { person: leaving },
            &mut IdCounter { next: 1000 },
        )
        .unwrap();
    let hire = b.person_with("Hana", None, PersonStatus::PlannedHire);
    let mut planned = b.org.person(hire).unwrap().clone();
    planned.target_start = Some("2027-Q2".into());
    b.org
        .execute(
            &Op::UpdatePerson { person: planned },
            &mut IdCounter { next: 1000 },
        )
        .unwrap();
    b.seat(hire, team, 100, TeamRole::ProductManager);
    (b, team)
}

#[test]
fn a_leaver_makes_a_finding_appear_the_month_after_they_go_and_a_planned_hire_resolves_it() {
    let (b, team) = team_losing_its_pm();
    let turns = timeline(&b.org, &Settings::default(), day("2026-12-07"), 2);
    let trio: Vec<_> = turns
        .iter()
        .filter(|t| t.finding.check == "product-trio" && t.finding.entity_id == team.0)
        .map(|t| (t.month.as_str(), t.turn, t.finding.message.as_str()))
        .collect();
    assert_eq!(
        trio,
        [
            ("2027-03", Turn::Appears, "missing a product manager"),
            ("2027-04", Turn::Resolves, "missing a product manager"),
        ]
    );
    assert_eq!(turns[0].day, "2027-03-01");
}

#[test]
fn the_findings_on_the_first_day_are_the_starting_point_not_a_turn() {
    let (b, team) = team_losing_its_pm();
    // On 2027-03-10 the product manager is gone already: nothing appears, and the hire resolves it.
    let turns = timeline(&b.org, &Settings::default(), day("2027-03-10"), 1);
    let trio: Vec<_> = turns
        .iter()
        .filter(|t| t.finding.entity_id == team.0 && t.finding.check == "product-trio")
        .map(|t| (t.month.as_str(), t.turn))
        .collect();
    assert_eq!(trio, [("2027-04", Turn::Resolves)]);
}

#[test]
fn each_month_reads_the_org_as_of_that_month_from_scratch() {
    let (b, _) = team_losing_its_pm();
    let settings = Settings::default();
    let from = day("2026-12-07");
    let turns = timeline(&b.org, &settings, from, 2);
    // Replaying the turns over the findings on `from` gives the findings on each month's first day.
    let key = |f: &topograph_health::Finding| (f.check.clone(), f.entity_kind, f.entity_id);
    let mut held: std::collections::BTreeMap<_, _> =
        topograph_health::check(&b.org.as_of(from).org, &settings, from)
            .into_iter()
            .map(|f| (key(&f), f.message))
            .collect();
    for m in 1..=6 {
        let first = Date { day: 1, ..from }.add_months(m);
        for t in turns.iter().filter(|t| t.day == first.to_string()) {
            match t.turn {
                Turn::Resolves => assert!(held.remove(&key(&t.finding)).is_some()),
                _ => {
                    held.insert(key(&t.finding), t.finding.message.clone());
                }
            }
        }
        let fresh: std::collections::BTreeMap<_, _> =
            topograph_health::check(&b.org.as_of(first).org, &settings, first)
                .into_iter()
                .map(|f| (key(&f), f.message))
                .collect();
        assert_eq!(held, fresh, "on {first}");
    }
}

#[test]
fn an_org_without_dates_turns_nothing() {
    let mut b = B::new();
    b.team("Search", UnitKind::StreamAligned, 2);
    assert!(!b.findings().is_empty(), "the team has findings to keep");
    assert!(timeline(&b.org, &Settings::default(), day("2026-12-07"), 4).is_empty());
}
