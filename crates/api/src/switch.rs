//! A scenario switch as the UI sees it: [`Session::switch_for_ui`](crate::Session::switch_for_ui)
//! takes what is needed under the session's lock, then [`Switch::answer`] lays out the chart and
//! writes the records off it, on two threads. The answer is one struct, [`ScenarioOpened`],
//! serialised by serde like any other; its megabytes are [`Json`] written already by the crates
//! that own them (built optimised in debug builds too), so its TypeScript type and its bytes
//! come from the one definition.

use crate::DocState;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::collections::BTreeSet;
use std::marker::PhantomData;
use std::sync::Arc;
use topograph_model::{ChangeSet, Error, ErrorCode, Org, OrgRecords, Result, ScenarioId};
use topograph_scene::{OrgChartScene, OrgChartWire};

/// JSON written already, sent as it is inside an answer, and typed in the bindings as the `T`
/// it is the JSON of.
pub struct Json<T>(Box<RawValue>, PhantomData<fn() -> T>);

impl<T> Json<T> {
    /// `json` must be what serde writes for a `T`; tests compare the two for each use. It is
    /// checked to be JSON (a scan, no tree), so a broken writer fails here, not in the page.
    pub fn written(json: String) -> Self {
        Json(
            RawValue::from_string(json).expect("the crates that write JSON write JSON"),
            PhantomData,
        )
    }

    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl<T> Serialize for Json<T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<T: specta::Type> specta::Type for Json<T> {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        T::definition(types)
    }
}

/// An org chart as its columns ([`OrgChartWire`]), written by the scene crate.
pub fn chart_json(scene: &OrgChartScene) -> Json<OrgChartWire> {
    let mut out = Vec::with_capacity(scene.ids.len() * 120 + 1024);
    OrgChartWire::from(scene).write_json(&mut out);
    Json::written(String::from_utf8(out).expect("JSON is UTF-8"))
}

/// What `switch_scenario` answers: everything the UI shows of the scenario it opened. The
/// records come one of three ways: `records` (whole), `changes` (from the records the UI showed
/// at revision `state.revision - 1`, the one before the switch) or neither (the UI kept them at
/// `version`, and the chart with them).
#[derive(Serialize, specta::Type)]
pub struct ScenarioOpened {
    /// What `get_state` would answer at the switch's revision, with `records` empty.
    pub state: DocState,
    /// The version of the scenario opened: give it as `known` when switching back; while the
    /// scenario stays as it is, the answer leaves its records and chart out.
    pub version: u32,
    /// The scenario open before and its version then, so the UI can keep what it showed of it.
    pub left: Option<ScenarioId>,
    pub left_version: u32,
    /// `None` when the records and chart of version `known` are still right.
    pub scene: Option<Json<OrgChartWire>>,
    pub records: Option<Json<OrgRecords>>,
    pub changes: Option<Json<ChangeSet>>,
}

/// A scenario just opened, as [`Session::switch_for_ui`](crate::Session::switch_for_ui) took it
/// under the lock: what [`Switch::answer`] makes the answer from.
pub struct Switch {
    pub scenario: ScenarioId,
    pub version: u32,
    /// Without records: the answer carries them from the copy in `layout`.
    pub state: DocState,
    /// A copy of the scenario and its collapsed nodes to lay out; `None` when the UI holds this
    /// version already.
    pub layout: Option<(Arc<Org>, Vec<u32>)>,
    /// The chart laid out already (a first visit's folding lays it out to find the levels) and
    /// the scenario's org; when set, `layout` is not used.
    pub laid_out: Option<(OrgChartScene, Arc<Org>)>,
    /// The scenario left, when the UI holds its records and this one's must be sent.
    pub left_org: Option<Arc<Org>>,
    pub left: Option<ScenarioId>,
    pub left_version: u32,
    /// The shape the app's chart view last asked for (`Session::chart_aspect`).
    pub aspect: Option<f64>,
}

impl Switch {
    /// Lays out the chart on this thread while another writes the records. Run it off the
    /// session lock.
    pub fn answer(self) -> Result<ScenarioOpened> {
        self.answer_at(|_| {})
    }

    /// [`Switch::answer`], telling `at` when each stage on this thread ends ("laid_out",
    /// "chart_written", "records_written": the other thread's work, joined), for the measurements.
    pub fn answer_at(self, mut at: impl FnMut(&'static str)) -> Result<ScenarioOpened> {
        let Switch {
            scenario,
            version,
            state,
            layout,
            laid_out,
            left_org,
            left,
            left_version,
            aspect,
        } = self;
        let mut opened = ScenarioOpened {
            state,
            version,
            left,
            left_version,
            scene: None,
            records: None,
            changes: None,
        };
        let held = left_org.as_deref();
        if let Some((scene, org)) = laid_out {
            let (scene, records) = std::thread::scope(|threads| {
                let org: &Org = &org;
                let records = threads.spawn(move || records_of(scenario, held, org));
                let scene = chart_json(&scene);
                at("chart_written");
                let records = records.join().map_err(|_| {
                    Error::new(ErrorCode::Internal, "Topograph stopped writing the records")
                });
                at("records_written");
                (scene, records)
            });
            opened.scene = Some(scene);
            opened.set_records(records?);
            return Ok(opened);
        }
        let Some((org, collapsed)) = layout else {
            return Ok(opened);
        };
        let (scene, records) = std::thread::scope(|threads| {
            let org: &Org = &org;
            let records = threads.spawn(move || records_of(scenario, held, org));
            let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
            let options = crate::chart_frame::chart_options(org, &collapsed, aspect);
            let scene = topograph_scene::org_chart(org, &collapsed, &options);
            at("laid_out");
            let scene = scene.map(|scene| chart_json(&scene));
            at("chart_written");
            let records = records.join().map_err(|_| {
                Error::new(ErrorCode::Internal, "Topograph stopped writing the records")
            });
            at("records_written");
            (scene, records)
        });
        opened.scene = Some(scene?);
        opened.set_records(records?);
        Ok(opened)
    }
}

impl ScenarioOpened {
    fn set_records(&mut self, records: Records) {
        match records {
            Records::Whole(r) => self.records = Some(r),
            Records::Changes(c) => self.changes = Some(c),
        }
    }
}

/// How an answer carries the records of the scenario it opened.
pub enum Records {
    Whole(Json<OrgRecords>),
    /// A change set from the records of the scenario left.
    Changes(Json<ChangeSet>),
}

/// The records of the opened scenario as the answer carries them: as changes from those the UI
/// holds (the scenario left, `held`) when at most an eighth of the records differ (applying
/// more in the UI costs about what parsing them whole does), else whole.
pub fn records_of(scenario: ScenarioId, held: Option<&Org>, org: &Org) -> Records {
    if let Some(held) = held {
        let changes = topograph_diff::record_changes(scenario, held, org);
        if topograph_diff::change_count(&changes) <= record_count(org) / 8 {
            let json = serde_json::to_string(&changes).expect("plain data always serialises");
            return Records::Changes(Json::written(json));
        }
    }
    Records::Whole(Json::written(org.to_records().to_json()))
}

fn record_count(o: &Org) -> usize {
    o.persons().len()
        + o.dotted_lines().count()
        + o.units().len()
        + o.memberships().len()
        + o.areas().len()
        + o.contributors().count()
        + o.interactions().len()
        + o.placements().len()
        + o.budgets().len()
        + o.dated_changes().len()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod visit_tests;
