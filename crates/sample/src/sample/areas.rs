//! The sample's product areas (three levels), contributors and team interactions.

use super::rows::{AreaRow, InteractionRow};
use topograph_model::Complexity::{Complex, Complicated, Simple};
use topograph_model::InteractionMode::{Collaboration, Facilitating, XAsAService};
use topograph_model::Stance::{self, Grow, Invest, Maintain, Sunset};

const fn area(
    key: &'static str,
    name: &'static str,
    parent: &'static str,
    complexity: topograph_model::Complexity,
    user_facing: bool,
    owner: &'static str,
    description: &'static str,
) -> AreaRow {
    AreaRow {
        key,
        name,
        parent,
        complexity,
        user_facing,
        owner,
        description,
    }
}

#[rustfmt::skip]
pub const AREAS: &[AreaRow] = &[
    // ---- Shopping ----------------------------------------------------------------------
    area("a_shop", "Shopping", "", Complex, true, "g_shop", "Everything a shopper does before they decide to buy."),
    area("a_discovery", "Discovery", "a_shop", Complicated, true, "t_search", "How shoppers find products."),
    area("a_search", "Search", "a_discovery", Complicated, true, "t_search", "Query understanding, ranking and filters."),
    area("a_recs", "Recommendations", "a_discovery", Complex, true, "t_recs", "\"You may also like\", personalised home feed and similar items."),
    area("a_product", "Product detail", "a_shop", Simple, true, "t_pages", "Everything on a product page."),
    area("a_pages", "Product pages", "a_product", Simple, true, "t_pages", "Photos, descriptions, variants and reviews."),
    area("a_fit", "Size & fit guidance", "a_product", Complicated, true, "", "Size charts and fit predictions. Launched as an experiment in 2025; nobody picked it up when the experiment ended."),
    area("a_growth", "Growth", "a_shop", Complicated, true, "t_growth", "Bringing shoppers in and bringing them back."),
    area("a_onboarding", "Sign-up & onboarding", "a_growth", Simple, true, "t_growth", "Account creation and the first-visit experience."),
    area("a_notifications", "Notifications", "a_growth", Complicated, true, "t_growth", "Email, push and in-app messages. Loyalty sends through it and contributes."),

    // ---- Checkout & Payments ------------------------------------------------------------
    area("a_pay", "Checkout & Payments", "", Complex, true, "g_pay", "From cart to money in the seller's account."),
    area("a_checkout", "Checkout", "a_pay", Complicated, true, "t_checkout", "Cart, checkout and order confirmation."),
    area("a_cart", "Cart & checkout flow", "a_checkout", Complicated, true, "t_checkout", "The cart, address and delivery choice, and order placement."),
    area("a_promos", "Promotions & vouchers", "a_checkout", Complicated, true, "t_checkout", "Disputed: Cart & Checkout and Loyalty & Subscriptions both consider this theirs. Checkout owns the voucher field and the price maths, Loyalty runs the campaigns. A product area has a single owner, so Checkout is recorded as owner and Loyalty as a contributor until the two leads settle it."),
    area("a_tax", "Tax calculation", "a_checkout", Complicated, false, "", "VAT and sales tax per market. Orphaned when the tax specialist left; Checkout and Payments each assume the other owns it."),
    area("a_payments", "Payments", "a_pay", Complex, true, "t_payments", "Taking money and paying it out."),
    area("a_methods", "Payment methods", "a_payments", Complicated, true, "t_payments", "Cards, wallets, bank transfer and buy-now-pay-later."),
    area("a_payouts", "Seller payouts", "a_payments", Complex, false, "t_payments", "Paying sellers across 14 currencies, with holds and reconciliation."),
    area("a_fraud", "Fraud detection", "a_payments", Complex, false, "t_fraud", "Order risk scoring, chargeback handling and rules."),
    area("a_loyalty", "Loyalty & subscriptions", "a_pay", Complicated, true, "t_loyalty", "Reasons for regulars to come back."),
    area("a_points", "Loyalty points", "a_loyalty", Simple, true, "t_loyalty", "Earning and spending points."),
    area("a_subscriptions", "Subscriptions", "a_loyalty", Complicated, true, "t_loyalty", "Free delivery membership and subscribe-and-save."),

    // ---- Merchant & Fulfilment ----------------------------------------------------------
    area("a_merch", "Merchant & Fulfilment", "", Complex, true, "g_merch", "Everything a seller does, and everything after the order."),
    area("a_seller", "Seller tools", "a_merch", Complicated, true, "t_seller", "The seller dashboard."),
    area("a_seller_onboarding", "Seller onboarding", "a_seller", Simple, true, "t_seller", "Opening a shop, identity checks and first listing."),
    area("a_listings", "Listings & catalogue", "a_seller", Complicated, true, "t_seller", "Creating and bulk-editing listings, categories and attributes."),
    area("a_seller_analytics", "Seller analytics", "a_seller", Simple, true, "", "Sales and traffic reports for sellers. Built by an analyst on a hack week; sellers rely on it but no team owns it."),
    area("a_fulfilment", "Fulfilment", "a_merch", Complicated, true, "t_orders", "What happens between an order and a parcel."),
    area("a_orders", "Order management", "a_fulfilment", Complicated, true, "t_orders", "Order states, cancellations and seller notifications."),
    area("a_returns", "Returns", "a_fulfilment", Simple, true, "t_orders", "Return requests, labels and refunds triggers."),
    area("a_delivery", "Delivery", "a_merch", Simple, true, "t_delivery", "Getting the parcel to the door."),
    area("a_tracking", "Delivery tracking", "a_delivery", Simple, true, "t_delivery", "Live tracking for shoppers and sellers."),
    area("a_carriers", "Carrier integrations", "a_delivery", Complicated, false, "t_delivery", "Integrations with 30 carriers and their label formats."),

    // ---- Platform & Data ------------------------------------------------------------------
    area("a_platform", "Platform & Data", "", Complicated, false, "g_plat", "What product teams build on."),
    area("a_devplat", "Developer platform", "a_platform", Complicated, false, "t_devplat", "Build, deploy and run."),
    area("a_pipeline", "Build & deploy pipeline", "a_devplat", Simple, false, "t_devplat", "CI, preview environments and progressive delivery."),
    area("a_runtime", "Runtime & observability", "a_devplat", Complicated, false, "t_devplat", "Kubernetes, service mesh, logs, metrics and traces."),
    area("a_identity", "Identity & access", "a_platform", Complicated, true, "t_identity", "Who someone is and what they may do."),
    area("a_signin", "Sign-in & accounts", "a_identity", Complicated, true, "t_identity", "Passwords, passkeys, social sign-in and account recovery."),
    area("a_permissions", "Permissions & roles", "a_identity", Complex, false, "t_identity", "Seller staff roles, admin tools and service-to-service authorisation."),
    area("a_data", "Data & insights", "a_platform", Complicated, false, "t_dataplat", "The data every decision is made from."),
    area("a_warehouse", "Data warehouse & events", "a_data", Complicated, false, "t_dataplat", "Event tracking, pipelines and the warehouse."),
    area("a_experiments", "Experimentation", "a_data", Complicated, false, "", "A/B testing platform. Growth contributes most changes but nobody owns it since the experimentation team was dissolved."),
];

/// (area, contributing unit)
pub const CONTRIBUTORS: &[(&str, &str)] = &[
    ("a_notifications", "t_loyalty"),
    ("a_promos", "t_loyalty"),
    ("a_payouts", "t_seller"),
    ("a_experiments", "t_growth"),
    ("a_runtime", "t_reliability"),
    ("a_signin", "t_growth"),
    ("a_seller_analytics", "t_dataplat"),
];

/// Dates are relative to the sample's "now", late November 2026.
#[rustfmt::skip]
pub const INTERACTIONS: &[InteractionRow] = &[
    ("t_devplat", "t_checkout", XAsAService, "Deploy pipeline and preview environments", "2024-03-04", None),
    ("t_devplat", "t_search", XAsAService, "Deploy pipeline and runtime", "2024-03-04", None),
    ("t_identity", "t_growth", XAsAService, "Sign-up and sign-in APIs", "2025-01-13", None),
    ("t_dataplat", "t_recs", XAsAService, "Feature store and event stream", "2025-06-02", None),
    ("t_recs", "t_search", XAsAService, "Ranking model served behind the search API", "2025-09-01", None),
    // A stream-aligned team running a service for another team: a smell the checks point out.
    ("t_payments", "t_seller", XAsAService, "Payout API for the seller dashboard", "2025-04-07", None),
    ("t_checkout", "t_payments", Collaboration, "Rebuilding the payment step of checkout together", "2026-03-02", Some("2026-06-30")),
    ("t_fraud", "t_payments", Collaboration, "Moving risk checks before authorisation", "2026-09-14", Some("2026-12-18")),
    ("t_recs", "t_growth", Collaboration, "Personalised onboarding experiment", "2026-10-12", Some("2027-01-22")),
    ("t_reliability", "t_orders", Facilitating, "SLOs and on-call for order management", "2026-09-01", Some("2026-12-15")),
    ("t_security", "t_payments", Facilitating, "PCI DSS 4.0 threat modelling", "2026-10-05", Some("2027-01-29")),
    ("t_reliability", "t_delivery", Facilitating, "Production readiness for the new team", "2026-11-02", Some("2027-02-26")),
];

/// The product direction: (area key, stance, target share %, outcome). Deliberately partly
/// missed by the teams, so a first look finds drift (Recommendations under its target, Platform
/// & Data over), an invest area without a team (Seller analytics) and a sunset area still taking
/// effort (Runtime & observability). The top-level targets add up to 90%.
#[rustfmt::skip]
pub const DIRECTION: &[(&str, Stance, Option<f64>, &str)] = &[
    ("a_shop", Maintain, Some(25.0), "Shoppers find what they came for in under a minute."),
    ("a_recs", Invest, Some(12.0), "A third of orders start from a recommendation."),
    ("a_fit", Sunset, None, "The fit experiment switched off without returns going up."),
    ("a_pay", Grow, Some(30.0), "Checkout conversion above 4% in every market."),
    ("a_fraud", Invest, Some(6.0), "Chargebacks below 0.3% of orders while approvals stay above 97%."),
    ("a_points", Sunset, None, "Points folded into subscriptions; no member loses a balance."),
    ("a_merch", Maintain, Some(20.0), "Sellers list, sell and get paid without contacting support."),
    ("a_seller_analytics", Invest, Some(3.0), "Sellers decide what to stock from their own reports."),
    ("a_platform", Maintain, Some(15.0), "Product teams ship daily without asking a platform team."),
    ("a_runtime", Sunset, None, "Every service on the managed cloud runtime; the self-run cluster switched off."),
];
