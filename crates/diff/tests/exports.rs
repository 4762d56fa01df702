//! The change list exported as CSV and Markdown, and printed as text.

mod common;

use common::*;
use topograph_diff::{to_csv, to_markdown, to_text, Diff};
use topograph_model::*;

fn proposal() -> Diff {
    let mut f = fixture();
    let base = f.org.clone();
    f.apply(Op::SetManager {
        person: f.bo,
        manager: f.ceo,
    });
    let mut u = f.org.unit(f.payments).unwrap().clone();
    u.name = "Payments, Billing \"core\"".into();
    f.apply(Op::UpdateUnit { unit: u });
    f.apply(Op::SetOwner {
        area: f.ranking,
        unit: f.payments,
    });
    Diff::between("Current", &base, "Proposal Q3", &f.org)
}

#[test]
fn the_csv_has_one_quoted_row_per_change() {
    let d = proposal();
    let csv = to_csv(&d);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "group,kind,entity,id,name,from,to");
    let shifted = d.effort.iter().filter(|e| e.is_noticeable()).count();
    assert!(shifted > 0, "moving an area moves effort");
    assert_eq!(lines.len(), 1 + d.changes.len() + shifted);
    // The effort shift follows the changes, in the same columns.
    assert!(lines[1 + d.changes.len()..]
        .iter()
        .all(|l| l.starts_with("effort,effort-shift,area,")));
    assert!(lines[1].starts_with("people,manager-changed,person,"));
    assert!(lines[1].ends_with(",Bo,Ana,Ceo"));
    assert!(
        csv.contains("\"Payments, Billing \"\"core\"\"\""),
        "cells with commas and quotes are quoted: {csv}"
    );
}

#[test]
fn the_markdown_checklist_has_a_box_per_change_the_numbers_and_the_people_impact() {
    let d = proposal();
    let md = to_markdown(&d);
    assert!(md.starts_with("# Current → Proposal Q3\n"));
    assert_eq!(md.matches("- [ ] ").count(), d.changes.len() + 2, "{md}");
    assert!(md.contains("- [ ] Bo: Ana → Ceo"));
    assert!(md.contains("### Ownership transferred (1)"));
    assert!(md.contains("| Headcount | 4 | 4 | 0 |"));
    assert!(md.contains("## People impact"));
    assert!(md.contains("- [ ] joins: Bo (from Ana)"));
}

#[test]
fn the_text_report_says_when_nothing_changed() {
    let f = fixture();
    let text = to_text(&Diff::between("A", &f.org, "A", &f.org));
    assert!(text.contains("no changes"));
    assert!(!text.contains("People impact"));
    let text = to_text(&proposal());
    assert!(text.contains("  Changed manager (1)\n    Bo: Ana → Ceo\n"));
}

#[test]
fn a_formula_name_is_neutralised_in_the_csv_and_a_line_break_kept_out_of_the_markdown() {
    let mut f = fixture();
    let base = f.org.clone();
    let mut u = f.org.unit(f.payments).unwrap().clone();
    u.name = "=HYPERLINK(\"http://x\")\n# Injected heading".into();
    f.apply(Op::UpdateUnit { unit: u });
    let d = Diff::between("Current", &base, "Proposal", &f.org);
    let csv = to_csv(&d);
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    let md = to_markdown(&d);
    assert!(
        !md.lines().any(|l| l.starts_with("# Injected")),
        "the name stays on its line: {md}"
    );
}

#[test]
fn the_effort_shift_lists_every_area_and_prints_only_those_that_move() {
    let d = proposal();
    // Bo (Payments) and Cy (Search) are one FTE each. Ranking moves from Search to Payments,
    // which then splits its one FTE over Checkout and Ranking; Search's FTE lands nowhere.
    let ranking = d.effort.iter().find(|e| e.name == "Ranking").unwrap();
    assert_eq!((ranking.before_fte, ranking.after_fte), (1.0, 0.5));
    assert_eq!((ranking.before_share, ranking.after_share), (50.0, 25.0));
    assert_eq!(ranking.share_difference, -25.0);
    let checkout = d.effort.iter().find(|e| e.name == "Checkout").unwrap();
    assert_eq!((checkout.before_fte, checkout.after_fte), (1.0, 0.5));
    let text = to_text(&d);
    assert!(
        text.contains("Effort per area (Current | Proposal Q3 | shift | target)"),
        "{text}"
    );
    assert!(text.contains("Ranking"), "{text}");
    let md = to_markdown(&d);
    assert!(md.contains("## Effort per area"), "{md}");
    let same = Diff::between("A", &fixture().org, "B", &fixture().org);
    assert!(same.effort.iter().all(|e| !e.is_noticeable()));
    assert!(!to_text(&same).contains("Effort per area"));
}
