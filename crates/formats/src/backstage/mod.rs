//! Backstage software catalog: Groups, Users, Domains, Systems and Components in, and the
//! scenario out as catalog YAML.
//!
//! Groups become units (`spec.type: team` a stream-aligned team unless the annotation
//! `topograph.dev/team-type` says otherwise; any other type a group), Users people with seats
//! on their groups, and Domains > Systems > Components a tree of product areas owned by the
//! groups in their `spec.owner`. What Backstage has no field for travels in `topograph.dev/*`
//! annotations, so an export reads back with seats, leads and managers intact.

mod export;
mod import;

pub use export::export;
pub use import::read;

/// Annotation keys Topograph writes and reads.
pub mod annotation {
    pub const TEAM_TYPE: &str = "topograph.dev/team-type";
    pub const LEAD: &str = "topograph.dev/lead";
    pub const TARGET_SIZE: &str = "topograph.dev/target-size";
    pub const COLOUR: &str = "topograph.dev/colour";
    pub const EMPLOYEE_ID: &str = "topograph.dev/employee-id";
    pub const TITLE: &str = "topograph.dev/title";
    pub const MANAGER: &str = "topograph.dev/manager";
    /// `user:default/ada, user:default/bo`: dotted-line (secondary) managers.
    pub const DOTTED_LINES: &str = "topograph.dev/dotted-line-managers";
    /// `payments:60:engineer, search:40:tech-lead`: allocation and role per group.
    pub const SEATS: &str = "topograph.dev/seats";
    pub const COMPLEXITY: &str = "topograph.dev/complexity";
    pub const USER_FACING: &str = "topograph.dev/user-facing";
    /// `invest`, `grow`, `maintain` or `sunset`: the area's product direction.
    pub const STANCE: &str = "topograph.dev/stance";
    /// The target share of effort, in percent.
    pub const TARGET_SHARE: &str = "topograph.dev/target-share";
    pub const OUTCOME: &str = "topograph.dev/outcome";
    /// The actual share of effort when exported (see `topograph_model::actual_effort`); not read back.
    pub const ACTUAL_SHARE: &str = "topograph.dev/actual-share";
}

/// The owner written for a product area without one (Backstage requires an owner); read back
/// as no owner.
pub const UNOWNED: &str = "unowned";

/// An entity reference, lower-cased as Backstage compares them: `kind:namespace/name`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub kind: String,
    pub namespace: String,
    pub name: String,
}

impl EntityRef {
    /// Parses `group:default/payments`, `user:jane`, `default/payments` or `payments`, with
    /// `default_kind` when the reference names no kind.
    pub fn parse(s: &str, default_kind: &str) -> EntityRef {
        let s = s.trim();
        let (kind, rest) = match s.split_once(':') {
            Some((k, r)) if !k.contains('/') => (k, r),
            _ => (default_kind, s),
        };
        let (namespace, name) = rest.split_once('/').unwrap_or(("default", rest));
        EntityRef {
            kind: kind.to_ascii_lowercase(),
            namespace: namespace.to_ascii_lowercase(),
            name: name.to_ascii_lowercase(),
        }
    }

    pub fn new(kind: &str, namespace: &str, name: &str) -> EntityRef {
        EntityRef {
            kind: kind.to_ascii_lowercase(),
            namespace: namespace.to_ascii_lowercase(),
            name: name.to_ascii_lowercase(),
        }
    }
}

impl std::fmt::Display for EntityRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}/{}", self.kind, self.namespace, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_refs_take_the_default_kind_and_namespace_and_ignore_case() {
        assert_eq!(
            EntityRef::parse("group:default/Payments", "user").to_string(),
            "group:default/payments"
        );
        assert_eq!(
            EntityRef::parse("user:jane", "group").to_string(),
            "user:default/jane"
        );
        assert_eq!(
            EntityRef::parse("ops/infra", "group").to_string(),
            "group:ops/infra"
        );
        assert_eq!(
            EntityRef::parse("infra", "group").to_string(),
            "group:default/infra"
        );
    }
}
