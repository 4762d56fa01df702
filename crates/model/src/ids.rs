//! Stable entity identities: the same id names the same person, unit, area or interaction in every scenario.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// A scenario (one version of the org) inside a document.
    ScenarioId, "scenario #"
);
id_type!(
    /// A person, open position or planned hire.
    PersonId, "person #"
);
id_type!(
    /// A team or a group of teams.
    UnitId, "unit #"
);
id_type!(
    /// A product area.
    AreaId, "area #"
);
id_type!(
    /// An interaction between two units.
    InteractionId, "interaction #"
);

/// The largest id a document holds. Far beyond any org, and low enough that the id counter
/// (the highest id plus one) can never overflow: a file or an import with a higher id is
/// refused rather than wrapped round.
pub const MAX_ID: u32 = i32::MAX as u32;
