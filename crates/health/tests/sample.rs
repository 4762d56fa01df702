//! The sample org's deliberate problems (listed in topograph-sample's `sample` module) are all found.

mod common;

use common::{of, today};
use topograph_health::{check, Finding, Settings, Severity};

fn findings() -> Vec<Finding> {
    check(&topograph_sample::sample(), &Settings::default(), today())
}

fn names(findings: &[Finding], check: &str) -> Vec<String> {
    of(findings, check)
        .iter()
        .map(|f| f.entity_name.clone())
        .collect()
}

#[test]
fn cart_and_checkout_is_found_too_large() {
    let f = findings();
    let sizes = of(&f, "team-size");
    let cart = sizes
        .iter()
        .find(|f| f.entity_name == "Cart & Checkout")
        .expect("Cart & Checkout");
    assert_eq!(cart.value, 12.0);
}

#[test]
fn the_head_of_design_is_found_with_fourteen_reports() {
    let f = findings();
    let spans = of(&f, "span-of-control-ics");
    let hod = spans
        .iter()
        .find(|f| f.entity_name == "Sofía Castillo")
        .expect("the Head of Design");
    assert_eq!(hod.value, 14.0);
}

#[test]
fn the_platform_chain_of_single_report_managers_is_found() {
    let f = findings();
    let chains = of(&f, "single-report-chain");
    assert_eq!(chains.len(), 1);
    assert!(chains[0].message.contains("->"), "{}", chains[0].message);
}

#[test]
fn the_missing_designer_and_product_manager_are_found() {
    let f = findings();
    let trio = of(&f, "product-trio");
    let growth = trio
        .iter()
        .find(|f| f.entity_name == "Growth & Onboarding")
        .expect("Growth");
    assert!(growth.message.contains("designer"), "{}", growth.message);
    let loyalty = trio
        .iter()
        .find(|f| f.entity_name == "Loyalty & Subscriptions")
        .expect("Loyalty");
    assert!(
        loyalty.message.contains("product manager"),
        "{}",
        loyalty.message
    );
}

#[test]
fn leonor_sousa_is_found_allocated_120_percent_and_the_50_50_splits_are_not() {
    let f = findings();
    let over = of(&f, "over-allocation");
    assert_eq!(names(&f, "over-allocation"), ["Leonor Sousa"]);
    assert_eq!(over[0].value, 120.0);
    assert_eq!(over[0].severity, Severity::Error);
    assert!(
        of(&f, "split-allocation").is_empty(),
        "two teams each is within the default"
    );
}

#[test]
fn the_four_unowned_leaf_areas_are_errors() {
    let f = findings();
    let mut unowned = names(&f, "area-ownership");
    unowned.sort();
    assert_eq!(unowned.len(), 4, "{unowned:?}");
    assert!(
        unowned.contains(&"Tax calculation".to_string()),
        "{unowned:?}"
    );
    assert!(
        unowned.contains(&"Experimentation".to_string()),
        "{unowned:?}"
    );
}

#[test]
fn payments_is_found_over_its_cognitive_load_and_running_a_service() {
    let f = findings();
    assert!(names(&f, "cognitive-load").contains(&"Payments".to_string()));
    assert_eq!(
        names(&f, "stream-aligned-as-a-service"),
        ["Payments / Seller Tools"]
    );
}

#[test]
fn the_cart_and_payments_collaboration_is_found_past_its_end() {
    let f = findings();
    assert_eq!(
        names(&f, "interaction-overdue"),
        ["Cart & Checkout / Payments"]
    );
}

#[test]
fn findings_come_errors_first_then_warnings_then_information() {
    let f = findings();
    assert!(f.windows(2).all(|w| w[0].severity <= w[1].severity));
    assert!(f.iter().any(|f| f.severity == Severity::Info));
}

#[test]
fn the_sample_direction_is_found_partly_missed() {
    let f = findings();
    assert_eq!(
        names(&f, "investment-drift"),
        ["Recommendations", "Platform & Data"]
    );
    let recs = of(&f, "investment-drift")[0];
    assert!(recs.message.contains("under"), "{}", recs.message);
    assert_eq!(names(&f, "invest-understaffed"), ["Seller analytics"]);
    assert_eq!(names(&f, "sunset-effort"), ["Runtime & observability"]);
    assert!(of(&f, "contributor-sprawl").is_empty());
    assert!(
        of(&f, "targets-overcommitted").is_empty(),
        "the targets add up to 90%"
    );
}
