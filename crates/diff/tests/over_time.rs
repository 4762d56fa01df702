//! Headcount and cost per period in both scenarios, in one reporting currency, and the health
//! findings that appear and disappear between them.

mod common;

use common::*;
use topograph_diff::{to_csv, to_markdown, to_text, Diff};
use topograph_health::Date;
use topograph_model::*;
use topograph_plan::{plan_table_in, Granularity, PlanOptions};

fn year_2027() -> PlanOptions {
    PlanOptions {
        by: Granularity::Quarter,
        from: "2027-01-01".into(),
        to: "2027-12-31".into(),
        unit: None,
    }
}

fn eur_with_usd() -> PlanSettings {
    PlanSettings {
        reporting_currency: "EUR".into(),
        rates: [("USD".to_string(), 0.5)].into(),
    }
}

/// The fixture, and a fork with a planned hire for 2027-Q3 paid 40,000 USD a year.
fn with_a_hire() -> (Org, Org) {
    let mut f = fixture();
    let base = f.org.clone();
    let mut hire = person("Designer hire", Some(f.ana));
    hire.status = PersonStatus::PlannedHire;
    hire.target_start = Some("2027-Q3".into());
    hire.cost = Some(Cost {
        amount: 40_000.0,
        currency: "USD".into(),
    });
    f.apply(Op::CreatePerson { person: hire });
    (base, f.org)
}

#[test]
fn each_period_has_both_scenarios_headcount_and_cost_in_the_reporting_currency() {
    let (base, fork) = with_a_hire();
    let d = Diff::between("Current", &base, "Hire", &fork).with_over_time(
        &base,
        &fork,
        &year_2027(),
        &eur_with_usd(),
    );
    let o = d.over_time.as_ref().unwrap();
    assert_eq!(o.reporting_currency, "EUR");
    let periods: Vec<&str> = o.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods, ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"]);
    // Four people at 100 EUR a year each, on both sides.
    for p in &o.periods {
        assert_eq!((p.before.headcount, p.after.headcount), (4, 4));
        assert!((p.before.cost - p.after.cost).abs() < 1e-9);
    }
    let (q2, q3) = (&o.periods[1], &o.periods[2]);
    assert_eq!((q2.before.planned, q2.after.planned), (0, 0));
    assert_eq!((q3.before.planned, q3.after.planned), (0, 1));
    // 40,000 USD at 0.5 is 20,000 EUR a year; Q3 is 92 days of it.
    let expected = 20_000.0 * 92.0 / 365.25;
    assert!((q3.after.planned_cost - expected).abs() < 1e-6, "{q3:?}");
    assert_eq!(q3.before.planned_cost, 0.0);
}

#[test]
fn the_totals_are_the_plan_tables_whole_org_row_and_the_sum_of_the_people() {
    let (base, fork) = with_a_hire();
    let settings = eur_with_usd();
    let d =
        Diff::between("a", &base, "b", &fork).with_over_time(&base, &fork, &year_2027(), &settings);
    let table = plan_table_in(&fork, &year_2027(), &settings);
    let whole = table.rows.last().unwrap();
    assert_eq!(whole.unit, None);
    for (p, cell) in d.over_time.unwrap().periods.iter().zip(&whole.cells) {
        assert_eq!(p.after.headcount, cell.headcount);
        assert_eq!(p.after.planned, cell.open_positions + cell.planned_hires);
        assert!((p.after.total_cost() - (cell.cost + cell.planned_cost)).abs() < 1e-9);
    }
    // Over 2027 (365 days of a 365.25-day costing year) the four people cost 4 × 100 EUR.
    let year: f64 = table
        .rows
        .last()
        .unwrap()
        .cells
        .iter()
        .map(|c| c.cost)
        .sum();
    assert!((year - 400.0 * 365.0 / 365.25).abs() < 1e-9, "{year}");
}

#[test]
fn costs_in_a_currency_without_a_rate_are_left_out_and_counted() {
    let (base, fork) = with_a_hire();
    let d = Diff::between("Current", &base, "Hire", &fork).with_over_time(
        &base,
        &fork,
        &year_2027(),
        &PlanSettings::default(),
    );
    let o = d.over_time.as_ref().unwrap();
    assert_eq!((o.unconverted_before, o.unconverted_after), (0, 1));
    assert_eq!(o.periods[2].after.planned_cost, 0.0);
    assert!(to_text(&d).contains("without an exchange rate to EUR"));
}

#[test]
fn a_finding_that_appears_in_the_proposal_is_listed_with_its_subject() {
    let mut f = fixture();
    let base = f.org.clone();
    f.apply(Op::CreateArea {
        area: area("Returns"),
    });
    let today = Date::parse("2027-01-01").unwrap();
    let d = Diff::between("Current", &base, "Proposal", &f.org)
        .with_health(&base, &f.org, &CheckSettings::default(), today)
        .unwrap();
    assert!(
        d.findings
            .appear
            .iter()
            .any(|x| x.entity_name == "Returns" && x.check == "area-ownership"),
        "{:?}",
        d.findings
    );
    assert!(
        d.findings.disappear.is_empty(),
        "{:?}",
        d.findings.disappear
    );
    // The other way round, it disappears.
    let back = Diff::between("Proposal", &f.org, "Current", &base)
        .with_health(&f.org, &base, &CheckSettings::default(), today)
        .unwrap();
    assert_eq!(back.findings.disappear, d.findings.appear);
    assert!(back.findings.appear.is_empty());
    // Every output names it.
    assert!(to_text(&d).contains("Findings that appear (1)"));
    assert!(to_markdown(&d).contains("## Health findings that appear"));
    assert!(to_csv(&d).contains("health,finding-appears,area,"));
}

#[test]
fn the_outputs_carry_headcount_and_cost_per_period() {
    let (base, fork) = with_a_hire();
    let d = Diff::between("Current", &base, "Hire", &fork).with_over_time(
        &base,
        &fork,
        &year_2027(),
        &eur_with_usd(),
    );
    let md = to_markdown(&d);
    assert!(md.contains("## Headcount and cost per period"), "{md}");
    assert!(md.contains("| 2027-Q3 | 4 | 4 (+1) | 0 |"), "{md}");
    let csv = to_csv(&d);
    assert!(
        csv.contains("over-time,headcount,period,,2027-Q1,4,4\n"),
        "{csv}"
    );
    assert!(csv.contains("over-time,open-and-planned,period,,2027-Q3,0,1\n"));
    assert!(csv.contains("over-time,cost-EUR,period,,2027-Q3,"));
    let text = to_text(&d);
    assert!(text.contains("cost in EUR per period"), "{text}");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["over_time"]["periods"][2]["after"]["planned"], 1);
    assert!(json["findings"]["appear"].is_array());
}
