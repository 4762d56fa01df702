//! The closed vocabularies of the model (disciplines, statuses, team kinds, ...) with their stable spellings.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Defines an enum whose variants have one stable kebab-case spelling, used alike in JSON,
/// in SQLite CHECK constraints and on the command line, so the three can never drift apart.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        "'{}' is not a valid {}; expected one of: {}",
                        other,
                        stringify!($name),
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

vocabulary!(
    /// What a person does.
    Discipline {
        ProductManagement = "product-management",
        Design = "design",
        Engineering = "engineering",
        EngineeringManagement = "engineering-management",
        Data = "data",
        Research = "research",
        Quality = "quality",
        Other = "other",
    }
);

vocabulary!(
    /// How a person is employed.
    Employment {
        Employee = "employee",
        Contractor = "contractor",
    }
);

vocabulary!(
    /// Whether a person is here, hired for, or on the way out.
    PersonStatus {
        Active = "active",
        OpenPosition = "open-position",
        PlannedHire = "planned-hire",
        Leaving = "leaving",
    }
);

vocabulary!(
    /// How far the hiring for an open position or planned hire has got.
    HiringStage {
        Open = "open",
        Approved = "approved",
        Interviewing = "interviewing",
        Offer = "offer",
        Filled = "filled",
    }
);

vocabulary!(
    /// Team Topologies team types, plus `group` for containers such as tribes and departments.
    UnitKind {
        StreamAligned = "stream-aligned",
        Platform = "platform",
        Enabling = "enabling",
        ComplicatedSubsystem = "complicated-subsystem",
        Group = "group",
    }
);

vocabulary!(
    /// A person's role on one team.
    TeamRole {
        ProductManager = "product-manager",
        Designer = "designer",
        TechLead = "tech-lead",
        Engineer = "engineer",
        EngineeringManager = "engineering-manager",
        Other = "other",
    }
);

vocabulary!(
    /// How hard a product area is to hold in one's head (Team Topologies domain heuristics).
    Complexity {
        Simple = "simple",
        Complicated = "complicated",
        Complex = "complex",
    }
);

/// The most cognitive load one team should carry: one complex area, or two to three simple
/// ones, never two complicated ones (Team Topologies' domain heuristics).
pub const COGNITIVE_LOAD_BUDGET: f64 = 1.0;

impl Complexity {
    /// The share of one team's [`COGNITIVE_LOAD_BUDGET`] that owning an area of this
    /// complexity takes. Complicated is above half so that two of them exceed the budget.
    pub fn cognitive_load(self) -> f64 {
        match self {
            Complexity::Simple => 1.0 / 3.0,
            Complexity::Complicated => 0.6,
            Complexity::Complex => 1.0,
        }
    }
}

vocabulary!(
    /// Where the product direction wants an area to go: more people, some more, hold, wind down.
    Stance {
        Invest = "invest",
        Grow = "grow",
        Maintain = "maintain",
        Sunset = "sunset",
    }
);

vocabulary!(
    /// Team Topologies interaction modes.
    InteractionMode {
        Collaboration = "collaboration",
        XAsAService = "x-as-a-service",
        Facilitating = "facilitating",
    }
);

vocabulary!(
    /// The diagrams: what the app shows and exports. The first three keep per-scenario view state
    /// (collapsed nodes) in the document (`View::FOLDS`).
    View {
        OrgChart = "org-chart",
        TeamMap = "team-map",
        Ownership = "ownership",
        // "Where the people go": actual effort by product area against the direction's targets.
        Effort = "effort",
        // Charts for a deck: headcount and cost over time by group (topograph-plan's figures).
        Headcount = "headcount",
        Cost = "cost",
    }
);

impl View {
    /// The views whose collapsed nodes the document keeps; nothing folds in the others.
    pub const FOLDS: &'static [View] = &[View::OrgChart, View::TeamMap, View::Ownership];

    /// Whether the document keeps this view's collapsed nodes.
    pub fn folds(self) -> bool {
        View::FOLDS.contains(&self)
    }
}

vocabulary!(
    /// The paper a PDF export is printed on, or `fit`: one page cut to the diagram.
    Paper {
        A4 = "a4",
        Letter = "letter",
        A3 = "a3",
        Fit = "fit",
    }
);

vocabulary!(
    /// The files a diagram exports to.
    DiagramFormat {
        Svg = "svg",
        Pdf = "pdf",
        Png = "png",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_parses_back_to_its_value() {
        for d in Discipline::ALL {
            assert_eq!(d.as_str().parse::<Discipline>().unwrap(), *d);
        }
        for m in InteractionMode::ALL {
            assert_eq!(m.as_str().parse::<InteractionMode>().unwrap(), *m);
        }
    }

    #[test]
    fn json_uses_the_same_spelling_as_as_str() {
        let json = serde_json::to_string(&InteractionMode::XAsAService).unwrap();
        assert_eq!(json, "\"x-as-a-service\"");
    }

    #[test]
    fn three_simple_or_one_complex_area_fit_the_budget_but_two_complicated_do_not() {
        let simple = Complexity::Simple.cognitive_load();
        assert!(3.0 * simple <= COGNITIVE_LOAD_BUDGET + 1e-9);
        assert!(4.0 * simple > COGNITIVE_LOAD_BUDGET + 1e-9);
        assert!(Complexity::Complex.cognitive_load() <= COGNITIVE_LOAD_BUDGET + 1e-9);
        assert!(2.0 * Complexity::Complicated.cognitive_load() > COGNITIVE_LOAD_BUDGET + 1e-9);
        assert!(Complexity::Complicated.cognitive_load() + simple <= COGNITIVE_LOAD_BUDGET + 1e-9);
    }

    #[test]
    fn an_unknown_spelling_is_refused_with_the_accepted_ones() {
        let err = "squad".parse::<UnitKind>().unwrap_err();
        assert!(err.contains("stream-aligned"), "{err}");
    }
}
