//! Scenario commands: switch, compare two scenarios, export the comparison, promote a proposal.

use crate::actions::{self, session};
use crate::ipc::PreSerialised;
use crate::worker::{start, worker};
use std::collections::BTreeSet;
use std::sync::Arc;
use tauri::AppHandle;
use topograph_api::chart_frame;
use topograph_api::compare::Comparison;
use topograph_api::opened::{records_of, OpenedJson, Records, ScenarioOpened};
use topograph_diff::Diff;
use topograph_document::Applied;
use topograph_model::{Error, ErrorCode, Op, ScenarioId};

type Res<T> = Result<T, Error>;

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
) -> Res<PreSerialised<ScenarioOpened>> {
    let mut trace = crate::e2e::SwitchTrace::start();
    let opened = actions::switch_scenario(&app, id, known, holds)?;
    let options = chart_frame::scene_options(session(&app).chart_aspect());
    let held = opened.left_records;
    trace.at("switched");
    let work = opened.layout.map(|(org, collapsed)| {
        let org = Arc::new(org);
        let chart = org.clone();
        let scene = start(move || -> Res<Vec<u8>> {
            let collapsed: BTreeSet<u32> = collapsed.into_iter().collect();
            let scene = topograph_scene::org_chart(&chart, &collapsed, &options)?;
            Ok(OpenedJson::start(Some(&scene)))
        });
        let records = start(move || Ok(records_of(id, held, &org)));
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
            let scene = scene.await?;
            trace.at("laid_out");
            let records = records.await?;
            trace.at("records");
            let answer = OpenedJson::new(opened.revision, opened.state, &records, scene);
            trace.at("written");
            answer
        }
    };
    trace.at("answered");
    trace.finish();
    Ok(PreSerialised::from_json(answer.0))
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

async fn compare(app: &AppHandle, from: ScenarioId, to: ScenarioId) -> Res<Diff> {
    let inputs = session(app).with_document(|doc| Comparison::of(doc, from, to))?;
    worker(move || inputs.diff()).await
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
