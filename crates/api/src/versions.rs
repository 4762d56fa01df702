//! Which version of each scenario's records and org chart the UI may hold already, so switching
//! back to a scenario that did not change since sends neither again. (The document's own
//! revision, which orders events and answers, is a plain counter in the session.)

use std::collections::HashMap;
use topograph_model::{ChangeSet, Entity, EntityKey, ScenarioId};

/// A counter per scenario, bumped whenever what the UI would cache of it (its records, its
/// collapsed org-chart nodes) may have changed. Values never repeat within a run, even across
/// documents, so a number from an earlier document never matches.
#[derive(Debug, Default)]
pub struct Versions {
    clock: u32,
    /// The version of every scenario not changed since the document was opened.
    base: u32,
    changed: HashMap<ScenarioId, u32>,
}

impl Versions {
    pub fn of(&self, scenario: ScenarioId) -> u32 {
        self.changed.get(&scenario).copied().unwrap_or(self.base)
    }

    /// One scenario changed.
    pub fn touch(&mut self, scenario: ScenarioId) {
        self.clock += 1;
        self.changed.insert(scenario, self.clock);
    }

    /// Another document, or a change whose reach is not one scenario: nothing cached holds.
    pub fn touch_all(&mut self) {
        self.clock += 1;
        self.base = self.clock;
        self.changed.clear();
    }

    /// An edit: only a plain change of one scenario's records keeps the others' versions (a
    /// change of the scenario list, like a fork or a promote, may reach several).
    pub fn edited(&mut self, changes: &ChangeSet, switched: bool) {
        let list_changed = changes
            .created
            .iter()
            .chain(&changes.updated)
            .any(|e| matches!(e, Entity::Scenario(_)))
            || changes
                .deleted
                .iter()
                .any(|k| matches!(k, EntityKey::Scenario { .. }));
        match changes.scenario {
            Some(s) if !list_changed && !switched => self.touch(s),
            _ => self.touch_all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit_of(scenario: ScenarioId) -> ChangeSet {
        ChangeSet {
            scenario: Some(scenario),
            created: vec![],
            updated: vec![],
            deleted: vec![],
        }
    }

    #[test]
    fn an_edit_of_one_scenario_changes_only_its_version() {
        let (a, b) = (ScenarioId(1), ScenarioId(2));
        let mut r = Versions::default();
        let (ra, rb) = (r.of(a), r.of(b));
        r.edited(&edit_of(a), false);
        assert_ne!(r.of(a), ra);
        assert_eq!(r.of(b), rb);
    }

    #[test]
    fn a_change_of_the_scenario_list_or_another_document_changes_every_version() {
        let (a, b) = (ScenarioId(1), ScenarioId(2));
        let mut r = Versions::default();
        let (ra, rb) = (r.of(a), r.of(b));
        r.edited(
            &ChangeSet {
                deleted: vec![EntityKey::Scenario { id: b }],
                ..edit_of(a)
            },
            false,
        );
        assert!(r.of(a) != ra && r.of(b) != rb);
        let (ra, rb) = (r.of(a), r.of(b));
        r.touch_all();
        assert!(r.of(a) != ra && r.of(b) != rb);
    }

    #[test]
    fn an_undo_that_switches_scenarios_changes_every_version() {
        let (a, b) = (ScenarioId(1), ScenarioId(2));
        let mut r = Versions::default();
        let rb = r.of(b);
        r.edited(&edit_of(a), true);
        assert_ne!(r.of(b), rb);
    }
}
