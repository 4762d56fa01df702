//! The history as a list, and walking it several steps at once (the History panel).

use super::{Applied, Document};
use crate::log;
use serde::{Deserialize, Serialize};
use topograph_model::{ChangeSet, Error, ErrorCode, Patch, Result, ScenarioId};

/// One edit in the persistent history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LogEntry {
    /// Its place in the log: later edits have larger numbers.
    pub seq: u32,
    pub label: String,
    /// When it was made, in seconds since 1970 (UTC).
    pub at: f64,
    /// The scenario whose records it changed; `None` for edits of the scenario list.
    pub scenario: Option<ScenarioId>,
    pub scenario_name: Option<String>,
}

/// The history as the History panel shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryLog {
    /// What undo walks back through, newest first.
    pub done: Vec<LogEntry>,
    /// What redo would bring back, next first.
    pub undone: Vec<LogEntry>,
    /// How many done and undone entries there are in all (the lists stop at the limit asked for).
    pub done_total: u32,
    pub undone_total: u32,
}

/// What walking several steps did.
#[derive(Debug)]
pub struct Travelled {
    /// The net effect; its changes are those of the open scenario when `across` is false.
    pub applied: Applied,
    pub steps: u32,
    /// The steps changed more than one scenario, or records and the scenario list: the change
    /// set cannot say it all and a reader should load the state again.
    pub across: bool,
    /// Why it stopped before the count asked for (a write failed); what it did before stays done.
    pub stopped: Option<Error>,
}

fn listed(l: log::Listed) -> LogEntry {
    LogEntry {
        seq: l.seq as u32,
        label: l.label,
        at: l.at.parse().unwrap_or(0.0),
        scenario: l.scenario,
        scenario_name: l.scenario_name,
    }
}

impl Document {
    /// Up to `limit` entries each way: the done ones newest first, then what redo would bring.
    pub fn history_log(&self, limit: u32) -> Result<HistoryLog> {
        let list = |undone| -> Result<Vec<LogEntry>> {
            Ok(log::list(&self.conn, undone, limit)?
                .into_iter()
                .map(listed)
                .collect())
        };
        Ok(HistoryLog {
            done: list(false)?,
            undone: list(true)?,
            done_total: log::count(&self.conn, false)?,
            undone_total: log::count(&self.conn, true)?,
        })
    }

    /// Undoes the last `count` edits as one command.
    pub fn undo_steps(&mut self, count: u32) -> Result<Travelled> {
        self.travel(count, true)
    }

    /// Redoes the next `count` undone edits as one command.
    pub fn redo_steps(&mut self, count: u32) -> Result<Travelled> {
        self.travel(count, false)
    }

    fn travel(&mut self, count: u32, undo: bool) -> Result<Travelled> {
        let (verb, code) = if undo {
            ("undo", ErrorCode::NothingToUndo)
        } else {
            ("redo", ErrorCode::NothingToRedo)
        };
        let available = log::count(&self.conn, !undo)?;
        if count == 0 || count > available {
            return Err(Error::new(
                code,
                format!("cannot {verb} {count} steps: there are {available} to {verb}"),
            ));
        }
        let mut scenarios: Vec<Option<ScenarioId>> = Vec::new();
        let mut net = Patch::default();
        let mut last: Option<Applied> = None;
        let mut stopped = None;
        let mut steps = 0;
        for _ in 0..count {
            let entry = if undo {
                log::last_done(&self.conn)?
            } else {
                log::first_undone(&self.conn)?
            };
            let Some(entry) = entry else { break };
            let patch = if undo {
                entry.patch.inverted()
            } else {
                entry.patch
            };
            match self.replay(entry.seq, entry.scenario, entry.label, patch.clone(), undo) {
                Ok(applied) => {
                    if !scenarios.contains(&entry.scenario) {
                        scenarios.push(entry.scenario);
                    }
                    net.changes.extend(patch.changes);
                    last = Some(applied);
                    steps += 1;
                }
                Err(e) if steps > 0 => {
                    stopped = Some(e);
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        let last = last.expect("at least one step was taken");
        let across = scenarios.len() > 1;
        let scenario = scenarios.first().copied().flatten();
        let label = if steps == 1 {
            last.label.clone()
        } else {
            format!("{steps} edits")
        };
        Ok(Travelled {
            applied: Applied {
                label,
                changes: if across {
                    ChangeSet::default()
                } else {
                    ChangeSet::from_patch(scenario, &net)
                },
                active_scenario: self.active,
            },
            steps,
            across,
            stopped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use topograph_model::{Op, OrgRecords, PersonId};

    fn rename(doc: &mut Document, id: PersonId, name: &str) {
        let mut person = doc.org().person(id).unwrap().clone();
        person.name = name.into();
        doc.apply(Op::UpdatePerson { person }).unwrap();
    }

    /// The sample with five renames of one person; the records before each rename and after the last.
    fn five_edits(doc: &mut Document) -> (PersonId, Vec<OrgRecords>) {
        let id = doc.org().persons().nth(3).unwrap().id;
        let mut states = vec![doc.org().to_records()];
        for n in 1..=5 {
            rename(doc, id, &format!("Name {n}"));
            states.push(doc.org().to_records());
        }
        (id, states)
    }

    fn sample_doc() -> Document {
        Document::in_memory_with("Current", &topograph_sample::sample()).unwrap()
    }

    #[test]
    fn the_log_lists_done_edits_newest_first_and_what_redo_would_bring_next_first() {
        let mut doc = sample_doc();
        five_edits(&mut doc);
        doc.undo_steps(2).unwrap();
        let log = doc.history_log(100).unwrap();
        assert_eq!((log.done_total, log.undone_total), (3, 2));
        let seqs = |l: &[LogEntry]| l.iter().map(|e| e.seq).collect::<Vec<_>>();
        let done = seqs(&log.done);
        let undone = seqs(&log.undone);
        assert!(
            done.windows(2).all(|w| w[0] > w[1]),
            "done newest first: {done:?}"
        );
        assert!(
            undone.windows(2).all(|w| w[0] < w[1]),
            "undone next first: {undone:?}"
        );
        assert!(done[0] < undone[0], "the undone edits are the later ones");
        let entry = &log.done[0];
        assert_eq!(entry.scenario, Some(doc.active_scenario().id));
        assert_eq!(entry.scenario_name.as_deref(), Some("Current"));
        assert!(entry.label.starts_with("Edit"), "label: {}", entry.label);
        assert!(
            entry.at > 1_600_000_000.0,
            "a time in seconds since 1970: {}",
            entry.at
        );
    }

    #[test]
    fn the_listing_stops_at_the_limit_but_counts_everything() {
        let mut doc = sample_doc();
        five_edits(&mut doc);
        let log = doc.history_log(2).unwrap();
        assert_eq!(log.done.len(), 2);
        assert_eq!(log.done_total, 5);
        assert!(log.undone.is_empty());
    }

    #[test]
    fn undoing_and_redoing_several_steps_lands_exactly_on_the_states_in_between() {
        let mut doc = sample_doc();
        let (_, states) = five_edits(&mut doc);
        let t = doc.undo_steps(3).unwrap();
        assert_eq!((t.steps, t.across, t.stopped.is_none()), (3, false, true));
        assert_eq!(doc.org().to_records(), states[2]);
        assert_eq!(
            doc.org(),
            &doc.load_scenario(doc.active_scenario().id).unwrap(),
            "the file agrees"
        );
        let t = doc.redo_steps(2).unwrap();
        assert_eq!(t.steps, 2);
        assert_eq!(doc.org().to_records(), states[4]);
        doc.undo_steps(4).unwrap();
        assert_eq!(doc.org().to_records(), states[0]);
        doc.redo_steps(5).unwrap();
        assert_eq!(doc.org().to_records(), states[5]);
        assert_eq!(
            doc.org(),
            &doc.load_scenario(doc.active_scenario().id).unwrap()
        );
    }

    #[test]
    fn the_net_change_set_of_several_steps_is_what_the_store_needs() {
        let mut doc = sample_doc();
        let (id, states) = five_edits(&mut doc);
        let t = doc.undo_steps(5).unwrap();
        assert_eq!(t.applied.label, "5 edits");
        let updated = &t.applied.changes.updated;
        assert_eq!(updated.len(), 1, "one person changed, once: {updated:?}");
        let before = states[0].persons.iter().find(|p| p.id == id).unwrap();
        assert!(
            format!("{:?}", updated[0]).contains(&before.name),
            "the net change is the first state: {updated:?}"
        );
    }

    #[test]
    fn asking_for_more_steps_than_the_history_holds_changes_nothing() {
        let mut doc = sample_doc();
        let (_, states) = five_edits(&mut doc);
        let e = doc.undo_steps(6).unwrap_err();
        assert_eq!(e.code, ErrorCode::NothingToUndo);
        assert_eq!(
            doc.redo_steps(1).unwrap_err().code,
            ErrorCode::NothingToRedo
        );
        assert_eq!(
            doc.undo_steps(0).unwrap_err().code,
            ErrorCode::NothingToUndo
        );
        assert_eq!(doc.org().to_records(), states[5]);
    }

    #[test]
    fn steps_across_scenarios_say_so_and_open_the_scenario_of_the_last_one() {
        let mut doc = sample_doc();
        let current = doc.active_scenario().id;
        let id = doc.org().persons().nth(3).unwrap().id;
        let original = doc.org().to_records();
        rename(&mut doc, id, "In Current");
        doc.apply(Op::ForkScenario {
            from: current,
            name: "Proposal".into(),
        })
        .unwrap();
        let proposal = doc.scenario_by_name("Proposal").unwrap().id;
        doc.switch_scenario(proposal).unwrap();
        rename(&mut doc, id, "In Proposal");
        let t = doc.undo_steps(3).unwrap();
        assert!(t.across);
        assert_eq!(doc.active_scenario().id, current);
        assert!(
            doc.scenario_by_name("Proposal").is_none(),
            "the fork is undone"
        );
        assert_eq!(doc.org().to_records(), original);
        let t = doc.redo_steps(3).unwrap();
        assert!(t.across);
        assert_eq!(doc.active_scenario().id, proposal);
        assert_eq!(doc.org().person(id).unwrap().name, "In Proposal");
    }

    #[test]
    fn the_log_survives_closing_and_opening_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.topo");
        let log = {
            let mut doc =
                Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
            five_edits(&mut doc);
            doc.undo_steps(2).unwrap();
            doc.history_log(50).unwrap()
        };
        let doc = Document::open(&path).unwrap();
        assert_eq!(doc.history_log(50).unwrap(), log);
    }
}
