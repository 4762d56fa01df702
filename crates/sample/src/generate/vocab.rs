//! Words for generated orgs: unit and area names, missions, titles, interaction notes.

use topograph_model::UnitKind;

/// Product domains: names of the smallest groups and the stem of their teams' names.
#[rustfmt::skip]
pub const DOMAINS: &[&str] = &[
    "Search", "Checkout", "Payments", "Catalogue", "Pricing", "Recommendations", "Messaging",
    "Notifications", "Onboarding", "Accounts", "Billing", "Invoicing", "Subscriptions", "Loyalty",
    "Reviews", "Returns", "Shipping", "Inventory", "Orders", "Logistics", "Maps", "Routing",
    "Scheduling", "Bookings", "Calendar", "Trust & Safety", "Fraud", "Compliance", "Tax",
    "Reporting", "Insights", "Marketing", "Campaigns", "Content", "Media", "Video", "Chat",
    "Customer Support", "Help Centre", "Partner API", "Integrations", "Marketplace", "Sellers",
    "Storefront", "Discovery", "Personalisation", "Activation", "Retention", "Referrals", "Ads",
    "Promotions", "Gift Cards", "Wallet", "Payouts", "Lending", "Insurance", "Travel", "Ticketing",
    "Rewards", "Community",
];

/// Qualifiers that tell apart the second and later groups on the same domain.
#[rustfmt::skip]
pub const QUALIFIERS: &[&str] = &[
    "Consumer", "Business", "Enterprise", "International", "Partner", "Retail", "Wholesale",
    "Mobile", "Creator", "Public Sector", "Education", "Health", "Financial", "Hospitality",
    "Automotive", "Gaming", "Nonprofit", "Agency", "Developer", "Local",
];

/// Facets that tell apart the stream-aligned teams of one domain.
#[rustfmt::skip]
pub const FACETS: &[&str] = &[
    "Experience", "Web", "Mobile", "Core", "APIs", "Growth", "Foundations", "Journeys",
    "Operations", "Tools", "Admin", "Automation",
];

#[rustfmt::skip]
pub const PLATFORM_TEAMS: &[&str] = &[
    "Build & Deploy", "Kubernetes Runtime", "Observability", "Data Pipelines", "Storage",
    "Networking", "Developer Portal", "Identity Platform", "Messaging Infrastructure",
    "Search Infrastructure", "ML Platform", "Feature Flags", "Edge & CDN", "Databases",
    "Mobile Platform", "Web Platform", "Event Streaming", "Secrets & Keys", "Cloud Accounts",
    "Test Infrastructure",
];

#[rustfmt::skip]
pub const SUBSYSTEM_TEAMS: &[&str] = &[
    "Ranking Models", "Pricing Engine", "Fraud Models", "Routing Engine", "Tax Engine",
    "Video Transcoding", "Forecasting", "Geo Services", "Search Relevance", "Speech Recognition",
    "Ledger", "Image Understanding", "Matching Engine", "Risk Scoring",
];

#[rustfmt::skip]
pub const ENABLING_TEAMS: &[&str] = &[
    "Reliability Enablement", "Security Champions", "Accessibility Enablement",
    "Developer Experience Coaching", "Test Automation Enablement", "Cloud Cost Enablement",
    "Data Literacy", "Mobile Enablement", "Architecture Guild", "Privacy Enablement",
];

/// Names of larger product groups (divisions, tribes).
#[rustfmt::skip]
pub const DIVISIONS: &[&str] = &[
    "Commerce", "Consumer", "Marketplace", "Business", "Fintech", "Logistics", "Growth",
    "Experiences", "Engagement", "Money", "Operations", "Partners", "Trust", "Content",
    "Communication", "Mobility",
];

/// Names of platform groups.
#[rustfmt::skip]
pub const PLATFORM_GROUPS: &[&str] = &[
    "Platform", "Infrastructure", "Developer Productivity", "Data Platform", "Core Services",
    "Security & Identity", "Reliability", "Cloud Foundations", "Engineering Effectiveness",
    "Machine Learning Platform",
];

/// The `i`-th distinct name from a list: plain first, then qualified, then numbered.
pub fn nth_name(list: &[&str], i: usize) -> String {
    let base = list[i % list.len()];
    let round = i / list.len();
    if round == 0 {
        base.to_string()
    } else if round <= QUALIFIERS.len() {
        format!("{} {base}", QUALIFIERS[round - 1])
    } else {
        format!("{base} {}", round - QUALIFIERS.len() + 1)
    }
}

pub fn mission(kind: UnitKind, name: &str, variant: u64) -> String {
    let lower = name.to_lowercase();
    match kind {
        UnitKind::StreamAligned => match variant % 3 {
            0 => format!("Own the {lower} journey end to end and ship improvements every week."),
            1 => format!("Customers get what they came for in {lower}, first time."),
            _ => format!("Grow the share of customers who succeed with {lower}."),
        },
        UnitKind::Platform => format!(
            "Offer {lower} as a self-service product so stream-aligned teams never wait on us."
        ),
        UnitKind::Enabling => format!(
            "Coach teams in {lower} until they no longer need us, then move on to the next."
        ),
        UnitKind::ComplicatedSubsystem => format!(
            "Run the {lower} subsystem so product teams can use it without specialist knowledge."
        ),
        UnitKind::Group => {
            format!("Everything {lower}: the teams, their roadmap and their people.")
        }
    }
}

/// Capabilities: names of leaf product areas.
#[rustfmt::skip]
pub const CAPABILITIES: &[&str] = &[
    "Sign-up", "Sign-in", "Profiles", "Preferences", "Search results", "Filters", "Autocomplete",
    "Product pages", "Photos", "Ratings", "Wishlists", "Cart", "Address book", "Delivery options",
    "Payment methods", "Refunds", "Invoices", "Receipts", "Vouchers", "Price rules", "Stock levels",
    "Warehouses", "Labels", "Tracking", "Returns portal", "Chargebacks", "Disputes", "Payouts",
    "Currency conversion", "Tax rates", "Push notifications", "Email", "In-app inbox",
    "Help articles", "Live chat", "Order history", "Reorder", "Referral codes", "Points", "Tiers",
    "Memberships", "Trials", "Plan changes", "Dunning", "Seller dashboard", "Bulk upload",
    "Listings", "Shop settings", "Staff accounts", "Audit log", "Exports", "Dashboards", "Alerts",
    "Experiments", "Consent", "Data deletion", "Accessibility", "Localisation", "Onboarding tour",
    "Feature announcements",
];

#[rustfmt::skip]
pub const COLLABORATION_NOTES: &[&str] = &[
    "Joint discovery for a new journey", "Rebuilding a shared flow together",
    "Splitting a shared service between the teams", "Launching in a new market",
    "Migrating to the new event model",
];

#[rustfmt::skip]
pub const FACILITATING_NOTES: &[&str] = &[
    "SLOs and on-call practice", "Threat modelling", "Accessibility audit and fixes",
    "Test automation strategy", "Cost and capacity review",
];

/// Engineering specialisations that suit a team type.
pub fn specialisms(kind: UnitKind) -> &'static [&'static str] {
    match kind {
        UnitKind::StreamAligned => &["Backend", "Frontend", "Full-stack", "iOS", "Android"],
        UnitKind::Platform => &["Platform", "Infrastructure", "Site Reliability", "Backend"],
        UnitKind::ComplicatedSubsystem => &["Machine Learning", "Backend", "Data", "Search"],
        UnitKind::Enabling | UnitKind::Group => &[
            "Site Reliability",
            "Security",
            "Developer Experience",
            "Test Automation",
        ],
    }
}

/// An engineer's title from specialism and level.
pub fn engineer_title(spec: &str, level: &str) -> String {
    match level {
        "L3" => format!("{spec} Engineer"),
        "L4" => format!("{spec} Engineer II"),
        "L5" => format!("Senior {spec} Engineer"),
        "L6" => format!("Staff {spec} Engineer"),
        "L7" => format!("Senior Staff {spec} Engineer"),
        _ => "Principal Engineer".to_string(),
    }
}

pub fn pm_title(platform: bool, level: &str) -> String {
    let base = if platform {
        "Technical Product Manager"
    } else {
        "Product Manager"
    };
    match level {
        "L3" => format!("Associate {base}"),
        "L4" => base.to_string(),
        "L5" => format!("Senior {base}"),
        _ => format!("Principal {base}"),
    }
}

pub fn designer_title(level: &str, variant: u64) -> String {
    let base = match variant % 8 {
        0 => "UX Researcher",
        1 => "Content Designer",
        _ => "Product Designer",
    };
    match level {
        "L3" | "L4" => base.to_string(),
        "L5" => format!("Senior {base}"),
        _ => format!("Staff {base}"),
    }
}

pub fn data_title(subsystem: bool, level: &str) -> String {
    let base = if subsystem {
        "Data Scientist"
    } else {
        "Data Analyst"
    };
    match level {
        "L3" | "L4" => base.to_string(),
        "L5" => format!("Senior {base}"),
        _ => format!("Staff {base}"),
    }
}

pub fn qa_title(level: &str) -> String {
    match level {
        "L3" | "L4" => "QA Engineer".to_string(),
        _ => "Senior QA Engineer".to_string(),
    }
}

/// Titles of line managers by how far above the ICs they sit (0 = managing ICs) and the level.
/// Engineering group leads are ranked by [`engineering_rank`] instead.
pub fn line_manager_title(line: Line, height: usize) -> (&'static str, &'static str) {
    match (line, height) {
        (Line::Engineering, 0) => ("Senior Engineering Manager", "M2"),
        (Line::Engineering, 1) => ("Director of Engineering", "M3"),
        (Line::Engineering, 2) => ("Senior Director of Engineering", "M4"),
        (Line::Engineering, 3) => ("VP of Engineering", "M5"),
        (Line::Engineering, _) => ("SVP of Engineering", "M6"),
        (Line::Product, 0) => ("Group Product Manager", "M2"),
        (Line::Product, 1) => ("Director of Product", "M3"),
        (Line::Product, 2) => ("Senior Director of Product", "M4"),
        (Line::Product, _) => ("VP of Product", "M5"),
        (Line::Design, 0) => ("Design Manager", "M2"),
        (Line::Design, 1) => ("Design Director", "M3"),
        (Line::Design, _) => ("VP of Design", "M5"),
        (Line::Data, 0) => ("Analytics Manager", "M2"),
        (Line::Data, 1) => ("Director of Data Science", "M3"),
        (Line::Data, _) => ("VP of Data Science", "M5"),
    }
}

/// The rank of an engineering group lead `height` layers above the teams when there are
/// `layers` layers: the smallest groups are led by directors, or by senior engineering managers
/// once the org is deep enough to have directors, senior directors, VPs and SVPs above them.
pub fn engineering_rank(height: usize, layers: usize) -> usize {
    if layers >= 4 {
        height
    } else {
        height + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Engineering,
    Product,
    Design,
    Data,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_names_stay_distinct_far_beyond_the_list() {
        let names: std::collections::HashSet<String> =
            (0..5_000).map(|i| nth_name(DOMAINS, i)).collect();
        assert_eq!(names.len(), 5_000);
    }
}
