//! Scenario commands: switch, compare two scenarios, export the comparison, promote a proposal.

use crate::actions::{self, session};
use crate::ipc::{DocState, PreSerialised};
use std::collections::BTreeSet;
use std::io::Write as _;
use std::sync::Arc;
use tauri::AppHandle;
use topograph_diff::Diff;
use topograph_document::Applied;
use topograph_health::Date;
use topograph_model::{
    ChangeSet, CheckSettings, Error, ErrorCode, Op, Org, OrgRecords, ScenarioId,
};
use topograph_scene::{OrgChartScene, OrgChartWire, SceneOptions};

type Res<T> = Result<T, Error>;

/// What `switch_scenario` answers: everything the UI shows of the scenario it opened.
#[derive(Clone, Debug, serde::Serialize, specta::Type)]
// Outside tests only its shape is used (the bindings): `OpenedJson` writes it.
#[cfg_attr(not(test), allow(dead_code))]
pub struct ScenarioOpened {
    /// Give it as `known` when switching back: while the scenario stays as it is, the answer
    /// leaves its records and org chart out.
    pub revision: u32,
    /// What `get_state` would answer, with `records` empty when `scene` is `None` (the UI kept
    /// them) or `changes` stands for them.
    pub state: DocState,
    /// `None` when the records and org chart of revision `known` are still right.
    pub scene: Option<OrgChartWire>,
    /// The records as changes from those of the scenario left, when the UI holds them (`holds`)
    /// and few records differ (a proposal and its baseline); `state.records` is then empty.
    pub changes: Option<ChangeSet>,
}

/// How an answer carries the records of the scenario it opened (as JSON).
enum Records {
    /// The UI kept them from an earlier visit (`known`).
    Kept,
    Whole(String),
    /// A change set from the records of the scenario left.
    Changes(String),
}

/// A [`ScenarioOpened`] serialised already, answered as it is. Its megabytes of records and
/// chart are serialised by the crates that own them on worker threads, and only the small parts
/// here.
pub type OpenedJson = PreSerialised<ScenarioOpened>;

impl OpenedJson {
    /// The answer's first bytes: the chart (`None` when the UI holds it already). Written where
    /// the chart is made, into the buffer that is sent, so its megabytes are written once; the
    /// room left is for the rest of the answer (JSON's key order does not matter).
    fn start(scene: Option<&OrgChartScene>) -> Vec<u8> {
        const REST: usize = 64 * 1024;
        let mut out = Vec::with_capacity(scene.map_or(0, |s| s.ids.len() * 120) + REST);
        out.extend_from_slice(br#"{"scene":"#);
        match scene {
            Some(scene) => OrgChartWire::from(scene).write_json(&mut out),
            None => out.extend_from_slice(b"null"),
        }
        out
    }

    /// Completes an answer begun by [`OpenedJson::start`].
    fn new(revision: u32, state: DocState, records: &Records, start: Vec<u8>) -> Self {
        // Every field named, so a field added to DocState fails to compile here. Its records are
        // left out: `records` says what the answer carries.
        let DocState {
            document,
            scenarios,
            active_scenario,
            records: _,
            history,
            problem,
        } = state;
        let none = json(&OrgRecords::default());
        let (records, changes) = match records {
            Records::Kept => (none.as_str(), "null"),
            Records::Whole(r) => (r.as_str(), "null"),
            Records::Changes(c) => (none.as_str(), c.as_str()),
        };
        let mut out = start;
        out.reserve(records.len() + changes.len() + 4096);
        write!(
            out,
            r#","revision":{revision},"state":{{"document":{},"scenarios":{},"active_scenario":{},"records":{records},"history":{},"problem":{}}},"changes":{changes}}}"#,
            json(&document),
            json(&scenarios),
            json(&active_scenario),
            json(&history),
            json(&problem),
        )
        .expect("writing to memory does not fail");
        OpenedJson::from_json(String::from_utf8(out).expect("JSON is UTF-8"))
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("plain data always serialises")
}

/// Opens another scenario. The `DocChanged` event only says so; the answer carries the state and
/// the org chart, so the UI applies one answer instead of a reload event and a second request.
/// The chart is laid out and serialised on one worker thread while the records are serialised
/// on another and the menus update. `known`: the revision of the scenario the UI kept from an
/// earlier visit, if any. `holds`: the scenario whose records the UI shows now, so that few
/// changes from them can stand for the records.
#[tauri::command]
#[specta::specta]
pub async fn switch_scenario(
    app: AppHandle,
    id: ScenarioId,
    known: Option<u32>,
    holds: Option<ScenarioId>,
) -> Res<OpenedJson> {
    let mut trace = crate::e2e::SwitchTrace::start();
    let opened = actions::switch_scenario(&app, id, known, holds)?;
    let held = opened.left_records;
    trace.at("switched");
    let work = opened.layout.map(|(org, collapsed)| {
        let org = Arc::new(org);
        let chart = org.clone();
        let scene = tauri::async_runtime::spawn_blocking(move || -> Res<Vec<u8>> {
            let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
            let scene = topograph_scene::org_chart(&chart, &collapsed, &SceneOptions::default())?;
            Ok(OpenedJson::start(Some(&scene)))
        });
        let records = tauri::async_runtime::spawn_blocking(move || records_of(id, held, &org));
        (scene, records)
    });
    actions::refresh_chrome(&app);
    trace.at("chrome");
    let answer = match work {
        None => OpenedJson::new(
            opened.revision,
            opened.state,
            &Records::Kept,
            OpenedJson::start(None),
        ),
        Some((scene, records)) => {
            let failed = |e: tauri::Error| {
                Error::new(
                    ErrorCode::InvalidValue,
                    format!("opening the scenario failed: {e}"),
                )
            };
            let scene = scene.await.map_err(failed)??;
            trace.at("laid_out");
            let records = records.await.map_err(failed)?;
            trace.at("records");
            let answer = OpenedJson::new(opened.revision, opened.state, &records, scene);
            trace.at("written");
            answer
        }
    };
    trace.at("answered");
    trace.finish();
    Ok(answer)
}

/// The records of the opened scenario as the answer carries them: as changes from those the UI
/// holds when at most an eighth of the records differ (applying more in the UI costs about what
/// parsing them whole does), else whole.
fn records_of(scenario: ScenarioId, held: Option<OrgRecords>, org: &Org) -> Records {
    let records = org.to_records();
    if let Some(held) = held {
        let changes = topograph_diff::record_changes(scenario, &held, &records);
        if topograph_diff::change_count(&changes) <= record_count(&records) / 8 {
            return Records::Changes(json(&changes));
        }
    }
    Records::Whole(records.to_json())
}

fn record_count(r: &OrgRecords) -> usize {
    r.persons.len()
        + r.dotted_lines.len()
        + r.units.len()
        + r.memberships.len()
        + r.areas.len()
        + r.contributors.len()
        + r.interactions.len()
        + r.placements.len()
}

/// How a comparison is written to a file.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum DiffFormat {
    /// One change a row, for spreadsheets.
    Csv,
    /// A communication checklist.
    Markdown,
}

/// Copies of both scenarios (the open one from memory) and the check settings, so the
/// comparison itself runs off the session lock.
fn inputs(app: &AppHandle, from: ScenarioId, to: ScenarioId) -> Res<[(String, Org); 2]> {
    let s = session(app);
    let doc = s
        .document()
        .ok_or_else(|| Error::new(ErrorCode::NotAllowed, "no document is open to compare"))?;
    let load = |id: ScenarioId| -> Res<(String, Org)> {
        let scenario = doc
            .scenarios()
            .iter()
            .find(|x| x.id == id)
            .ok_or_else(|| Error::new(ErrorCode::NotFound, format!("{id} does not exist")))?;
        let org = if id == doc.active_scenario().id {
            doc.org().clone()
        } else {
            doc.load_scenario(id)?
        };
        Ok((scenario.name.clone(), org))
    };
    Ok([load(from)?, load(to)?])
}

fn settings(app: &AppHandle) -> Res<CheckSettings> {
    match session(app).document() {
        Some(doc) => doc.check_settings(),
        None => Ok(CheckSettings::default()),
    }
}

async fn compare(app: &AppHandle, from: ScenarioId, to: ScenarioId) -> Res<Diff> {
    let [(a_name, a), (b_name, b)] = inputs(app, from, to)?;
    let settings = settings(app)?;
    tauri::async_runtime::spawn_blocking(move || {
        Diff::between(&a_name, &a, &b_name, &b).with_health(&a, &b, &settings, Date::today())
    })
    .await
    .map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            format!("the comparison failed: {e}"),
        )
    })?
}

/// Compares two scenarios (any pair): the change list by kind, the numbers side by side
/// (with health-check counts) and the people impact per manager.
#[tauri::command]
#[specta::specta]
pub async fn diff_scenarios(app: AppHandle, from: ScenarioId, to: ScenarioId) -> Res<Diff> {
    compare(&app, from, to).await
}

/// Writes the comparison of two scenarios to `path` as CSV or Markdown.
#[tauri::command]
#[specta::specta]
pub async fn export_diff(
    app: AppHandle,
    from: ScenarioId,
    to: ScenarioId,
    format: DiffFormat,
    path: String,
) -> Res<()> {
    let path = crate::grants::check(&app, &path)?;
    let diff = compare(&app, from, to).await?;
    let text = match format {
        DiffFormat::Csv => topograph_diff::to_csv(&diff),
        DiffFormat::Markdown => topograph_diff::to_markdown(&diff),
    };
    std::fs::write(&path, text).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!("{}: cannot write the comparison: {e}", path.display()),
        )
    })
}

/// Makes a scenario the baseline ("Current"); the old baseline is kept archived. One undo step.
#[tauri::command]
#[specta::specta]
pub async fn promote_scenario(app: AppHandle, id: ScenarioId) -> Res<Applied> {
    actions::apply(&app, Op::PromoteScenario { id })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ipc::{DocumentInfo, History};
    use topograph_model::Scenario;

    fn state_of(org: &Org) -> DocState {
        DocState {
            document: Some(DocumentInfo {
                name: "Acme".into(),
                path: "/tmp/Acme.topo".into(),
            }),
            scenarios: vec![Scenario {
                id: ScenarioId(1),
                name: "Current".into(),
                position: 0,
                archived: false,
            }],
            active_scenario: Some(ScenarioId(1)),
            records: org.to_records(),
            history: History {
                undo: Some("Move \"Ada\"".into()),
                redo: None,
            },
            problem: Some(Error::new(ErrorCode::Io, "a \"quoted\" problem")),
        }
    }

    fn value(json: &str) -> serde_json::Value {
        serde_json::from_str(json).expect("the answer is JSON")
    }

    #[test]
    fn the_pre_serialised_answer_is_what_serde_writes_for_scenario_opened() {
        let org = topograph_sample::generate(200, 7);
        let scene = topograph_scene::org_chart(&org, &BTreeSet::new(), &SceneOptions::default())
            .expect("the sample lays out");
        let state = state_of(&org);
        let answer = OpenedJson::new(
            4,
            DocState {
                records: Default::default(),
                ..state.clone()
            },
            &Records::Whole(state.records.to_json()),
            OpenedJson::start(Some(&scene)),
        );
        let expected = ScenarioOpened {
            revision: 4,
            state,
            scene: Some(OrgChartWire::from(&scene)),
            changes: None,
        };
        assert_eq!(
            value(&answer.0),
            serde_json::to_value(&expected).expect("serialises")
        );
    }

    #[test]
    fn an_answer_for_a_kept_scenario_has_no_records_and_no_chart() {
        let state = DocState {
            records: Default::default(),
            ..state_of(&Org::default())
        };
        let answer = OpenedJson::new(9, state.clone(), &Records::Kept, OpenedJson::start(None));
        let expected = ScenarioOpened {
            revision: 9,
            state,
            scene: None,
            changes: None,
        };
        assert_eq!(
            value(&answer.0),
            serde_json::to_value(&expected).expect("serialises")
        );
    }

    #[test]
    fn records_close_to_those_the_ui_holds_go_as_changes_and_others_whole() {
        let org = topograph_sample::generate(400, 5);
        let records = org.to_records();
        let Records::Changes(same) = records_of(ScenarioId(2), Some(records.clone()), &org) else {
            panic!("the same records go as (no) changes");
        };
        let none: ChangeSet = serde_json::from_str(&same).expect("a change set");
        assert!(none.created.is_empty() && none.updated.is_empty() && none.deleted.is_empty());

        let other = topograph_sample::generate(400, 6);
        let Records::Whole(whole) = records_of(ScenarioId(2), Some(other.to_records()), &org)
        else {
            panic!("unrelated records go whole");
        };
        assert_eq!(whole, records.to_json());
        assert!(matches!(
            records_of(ScenarioId(2), None, &org),
            Records::Whole(_)
        ));
    }

    #[test]
    fn an_answer_with_changes_leaves_the_state_records_empty() {
        let state = DocState {
            records: Default::default(),
            ..state_of(&Org::default())
        };
        let changes = ChangeSet {
            scenario: Some(ScenarioId(1)),
            created: vec![],
            updated: vec![],
            deleted: vec![topograph_model::EntityKey::Person {
                id: topograph_model::PersonId(3),
            }],
        };
        let answer = OpenedJson::new(
            2,
            state.clone(),
            &Records::Changes(json(&changes)),
            OpenedJson::start(None),
        );
        let expected = ScenarioOpened {
            revision: 2,
            state,
            scene: None,
            changes: Some(changes),
        };
        assert_eq!(
            value(&answer.0),
            serde_json::to_value(&expected).expect("serialises")
        );
    }
}
