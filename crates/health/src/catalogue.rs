//! Every check: its stable id, what it is called, why it matters, its severity, its thresholds and their source.

use crate::finding::Severity;
use crate::settings::Settings;
use serde::Serialize;
use topograph_model::COGNITIVE_LOAD_BUDGET;

/// A check as the code knows it. The ids are a public interface (settings, CLI, JSON): never
/// rename one.
pub struct CheckDef {
    pub id: &'static str,
    pub title: &'static str,
    pub why: &'static str,
    /// How to fix a finding, in one line.
    pub fix: &'static str,
    pub severity: Severity,
    pub source: &'static str,
    /// (name, label, default).
    pub thresholds: &'static [(&'static str, &'static str, f64)],
}

const LARSON: &str = "Will Larson, An Elegant Puzzle";
const TEAM_TOPOLOGIES: &str = "Skelton & Pais, Team Topologies";

pub const SPAN_ICS: &str = "span-of-control-ics";
pub const SPAN_MANAGERS: &str = "span-of-control-managers";
pub const LAYERS: &str = "layers";
pub const SINGLE_REPORT_CHAIN: &str = "single-report-chain";
pub const TEAM_SIZE: &str = "team-size";
pub const PRODUCT_TRIO: &str = "product-trio";
pub const ENGINEERS_PER_PM: &str = "engineers-per-pm";
pub const AREA_OWNERSHIP: &str = "area-ownership";
pub const COGNITIVE_LOAD: &str = "cognitive-load";
pub const OVER_ALLOCATION: &str = "over-allocation";
pub const SPLIT_ALLOCATION: &str = "split-allocation";
pub const INTERACTION_OVERDUE: &str = "interaction-overdue";
pub const STREAM_ALIGNED_AS_A_SERVICE: &str = "stream-aligned-as-a-service";
pub const TEAM_TYPE_MIX: &str = "team-type-mix";
pub const ROLLUPS: &str = "rollups";
pub const INVESTMENT_DRIFT: &str = "investment-drift";
pub const INVEST_UNDERSTAFFED: &str = "invest-understaffed";
pub const SUNSET_EFFORT: &str = "sunset-effort";
pub const CONTRIBUTOR_SPRAWL: &str = "contributor-sprawl";
pub const TARGETS_OVERCOMMITTED: &str = "targets-overcommitted";
const DIRECTION: &str =
    "Cagan, Transformed (product strategy: where to invest); common portfolio-allocation practice";

/// In the order findings of the same severity are listed.
pub const CHECKS: &[CheckDef] = &[
    CheckDef {
        id: SPAN_ICS,
        title: "Span of control (individual contributors)",
        why: "Under four reports a manager is really a tech lead; over eight they have no time left for each person.",
        fix: "Move reports to or from this manager until their number is within the threshold (drag cards on the org chart).",
        severity: Severity::Warning,
        source: LARSON,
        thresholds: &[("min", "Fewest direct reports", 4.0), ("max", "Most direct reports", 8.0)],
    },
    CheckDef {
        id: SPAN_MANAGERS,
        title: "Span of control (managers of managers)",
        why: "Managers of managers need time to coach each manager and to work across the org, so their span is narrower.",
        fix: "Move managers to or from this manager until their number is within the threshold, or add a layer.",
        severity: Severity::Warning,
        source: LARSON,
        thresholds: &[("min", "Fewest direct reports", 4.0), ("max", "Most direct reports", 6.0)],
    },
    CheckDef {
        id: LAYERS,
        title: "Layers",
        why: "Every layer between the top and the people doing the work slows decisions and filters information.",
        fix: "Flatten the chain above these people: move managers up under their manager's manager.",
        severity: Severity::Warning,
        source: "common org-design practice",
        thresholds: &[("max", "Most layers from the top (the top is layer 1)", 7.0)],
    },
    CheckDef {
        id: SINGLE_REPORT_CHAIN,
        title: "Chains of single-report managers",
        why: "A manager with one report adds a layer without adding capacity; a chain of them is a layer that only relays.",
        fix: "Merge the chain: move the single report up, or give these managers more reports.",
        severity: Severity::Warning,
        source: "common org-design practice",
        thresholds: &[("min-length", "Shortest chain flagged (managers in a row with one report)", 2.0)],
    },
    CheckDef {
        id: TEAM_SIZE,
        title: "Team size",
        why: "Trust and communication break down past about nine people (45 paths at 10), and under five a team cannot own much.",
        fix: "Move people between teams on the team map, or split or merge the team.",
        severity: Severity::Warning,
        source: "Skelton & Pais, Team Topologies; Goetzmann, \"Establishing a product org structure\" (5-8)",
        thresholds: &[("min", "Fewest people (allocation-weighted)", 5.0), ("max", "Most people (allocation-weighted)", 9.0)],
    },
    CheckDef {
        id: PRODUCT_TRIO,
        title: "Product trio",
        why: "A stream-aligned team decides what to build well only with product, design and engineering leadership in the room.",
        fix: "Add a product manager, a designer and a tech lead or engineering manager to the team.",
        severity: Severity::Warning,
        source: "Cagan, Inspired / Empowered; Teresa Torres",
        thresholds: &[],
    },
    CheckDef {
        id: ENGINEERS_PER_PM,
        title: "Engineers per product manager",
        why: "With too many engineers a product manager becomes a bottleneck; with too few, product management is spread thin or idle.",
        fix: "Add or remove a product manager, or move engineers to another team.",
        severity: Severity::Warning,
        source: "Goetzmann, \"Defining product development teams\" (7 +/- 2); Cagan, Inspired",
        thresholds: &[("min", "Fewest engineers per product manager", 5.0), ("max", "Most engineers per product manager", 9.0)],
    },
    CheckDef {
        id: AREA_OWNERSHIP,
        title: "Single ownership of product areas",
        why: "An area nobody owns is an area nobody improves, fixes or says no for.",
        fix: "Drag the area onto one team on the ownership map to make it the owner.",
        severity: Severity::Error,
        source: TEAM_TOPOLOGIES,
        thresholds: &[],
    },
    CheckDef {
        id: COGNITIVE_LOAD,
        title: "Cognitive load",
        why: "A team can hold two or three simple domains or one complex one; more and it stops understanding what it owns.",
        fix: "Give some of the team's areas to another team, or split the team.",
        severity: Severity::Warning,
        source: "Skelton & Pais, Team Topologies (domain heuristics)",
        thresholds: &[("budget", "Load budget (simple 1/3, complicated 0.6, complex 1)", COGNITIVE_LOAD_BUDGET)],
    },
    CheckDef {
        id: OVER_ALLOCATION,
        title: "Allocation over 100%",
        why: "Nobody works more than all of their time; a total above 100% is a plan that cannot happen.",
        fix: "Lower this person's allocations (select them on the team map) until they add up to 100% or less.",
        severity: Severity::Error,
        source: "Goetzmann, \"Establishing a product org structure\"",
        thresholds: &[("max", "Most total allocation (%)", 100.0)],
    },
    CheckDef {
        id: SPLIT_ALLOCATION,
        title: "People split across teams",
        why: "Every extra team costs a person context switches, meetings and a share of their belonging.",
        fix: "Move the person onto fewer teams on the team map.",
        severity: Severity::Warning,
        source: "Goetzmann, \"Establishing a product org structure\"",
        thresholds: &[("max-teams", "Most teams per person", 2.0)],
    },
    CheckDef {
        id: INTERACTION_OVERDUE,
        title: "Collaboration or facilitation past its end",
        why: "Collaboration and facilitating are meant to be temporary; left running they blur ownership and slow both teams.",
        fix: "Set an expected end in the interaction's inspector, or change its mode to x-as-a-service.",
        severity: Severity::Warning,
        source: TEAM_TOPOLOGIES,
        thresholds: &[("months", "Expected duration without an end date (months)", 3.0)],
    },
    CheckDef {
        id: STREAM_ALIGNED_AS_A_SERVICE,
        title: "Stream-aligned team offering x-as-a-service",
        why: "A stream-aligned team serving others as a platform splits its focus away from its own stream of work.",
        fix: "Make the team a platform team, or change the interaction's mode.",
        severity: Severity::Warning,
        source: TEAM_TOPOLOGIES,
        thresholds: &[],
    },
    CheckDef {
        id: TEAM_TYPE_MIX,
        title: "Team-type mix",
        why: "Most teams should be stream-aligned, delivering to customers; a few platform and enabling teams support them.",
        fix: "Review the kinds of teams: most should be stream-aligned.",
        severity: Severity::Info,
        source: "Skelton & Pais, Team Topologies (60-80%); Goetzmann (~90%); AWS DevOps guidance OA.STD.1",
        thresholds: &[("min", "Lowest share of stream-aligned teams (%)", 60.0), ("max", "Highest share of stream-aligned teams (%)", 80.0)],
    },
    CheckDef {
        id: INVESTMENT_DRIFT,
        title: "Investment drift",
        why: "A direction that says one thing while the people work on another is a direction nobody follows.",
        fix: "Move ownership of areas between teams, or resize the teams that own this area, until its actual share is near its target (or change the target).",
        severity: Severity::Warning,
        source: DIRECTION,
        thresholds: &[("points", "Largest gap between actual and target share (percentage points)", 5.0)],
    },
    CheckDef {
        id: INVEST_UNDERSTAFFED,
        title: "Invest area understaffed",
        why: "An area the direction invests in needs at least one whole team on it; less is a bet placed without the stake.",
        fix: "Give the area an owning team with enough people, or add people to the team that owns it.",
        severity: Severity::Warning,
        source: "Skelton & Pais, Team Topologies (a team of at least five owns a stream)",
        thresholds: &[("min-fte", "Least actual effort on an invest area (FTE)", 5.0)],
    },
    CheckDef {
        id: SUNSET_EFFORT,
        title: "Sunset area still taking effort",
        why: "Winding an area down frees its people for what the direction invests in; effort that stays there is not freed.",
        fix: "Move people or ownership from this area to the areas the direction invests in.",
        severity: Severity::Warning,
        source: DIRECTION,
        thresholds: &[("max", "Highest actual share of a sunset area (%)", 5.0)],
    },
    CheckDef {
        id: CONTRIBUTOR_SPRAWL,
        title: "Contributor sprawl",
        why: "Every contributing team adds coordination with the owner; past a few, nobody can keep the area coherent.",
        fix: "Remove contributors from the area on the ownership map, or split the area so each part has fewer teams.",
        severity: Severity::Warning,
        source: TEAM_TOPOLOGIES,
        thresholds: &[("max", "Most contributing teams on one area", 3.0)],
    },
    CheckDef {
        id: TARGETS_OVERCOMMITTED,
        title: "Targets over 100%",
        why: "Target shares that add up to more than all the effort there is cannot all be met; the direction has to choose.",
        fix: "Lower the target shares in the area inspector until the outermost targets add up to 100% or less.",
        severity: Severity::Warning,
        source: DIRECTION,
        thresholds: &[("max", "Highest sum of target shares (%)", 100.0)],
    },
    CheckDef {
        id: ROLLUPS,
        title: "Roll-ups",
        why: "Headcount, open positions and cost per team and group show where the people and the money go.",
        fix: "Nothing to fix: this is a summary.",
        severity: Severity::Info,
        source: "Topograph",
        thresholds: &[],
    },
];

pub fn def(id: &str) -> Option<&'static CheckDef> {
    CHECKS.iter().find(|c| c.id == id)
}

/// A threshold as the settings dialog shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThresholdInfo {
    pub name: String,
    pub label: String,
    pub default: f64,
    /// The value in force; `None` means no limit (the open-ended span preset).
    pub value: Option<f64>,
}

/// A check as the settings dialog and `topograph check` show it, with the values in force.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckInfo {
    pub id: String,
    pub title: String,
    pub why: String,
    /// How to fix a finding, in one line.
    pub fix: String,
    pub severity: crate::Severity,
    pub source: String,
    pub enabled: bool,
    pub thresholds: Vec<ThresholdInfo>,
}

/// Every check with the values `settings` put in force.
pub fn catalogue(settings: &Settings) -> Vec<CheckInfo> {
    CHECKS
        .iter()
        .map(|c| CheckInfo {
            id: c.id.into(),
            title: c.title.into(),
            why: c.why.into(),
            fix: c.fix.into(),
            severity: c.severity,
            source: c.source.into(),
            enabled: settings.enabled(c.id),
            thresholds: c
                .thresholds
                .iter()
                .map(|&(name, label, default)| {
                    let v = settings.get(c.id, name);
                    ThresholdInfo {
                        name: name.into(),
                        label: label.into(),
                        default,
                        value: v.is_finite().then_some(v),
                    }
                })
                .collect(),
        })
        .collect()
}
