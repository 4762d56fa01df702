//! Scenario commands: switch, compare two scenarios (also over chosen periods in one currency,
//! as the CLI's `diff --by/--start/--end/--currency`), export the comparison, promote a proposal.

use crate::actions::{self, session, Here};
use crate::worker::{start, worker};
use tauri::WebviewWindow;
use topograph_api::chart_frame::ChartFrame;
use topograph_api::compare::{self, CompareOptions, Comparison, DiffFormat};
use topograph_api::switch::ScenarioOpened;
use topograph_api::trace::Trace;
use topograph_diff::Diff;
use topograph_document::Applied;
use topograph_model::{Date, Op, Result, ScenarioId};

/// Opens another scenario. The `DocChanged` event only says so; the answer carries the state and
/// the org chart, so the UI applies one answer instead of a reload event and a second request.
/// The answer is made on worker threads (`Switch::answer`) while the menus update. `known`: the
/// version of the scenario the UI kept from an earlier visit, if any. `holds`: the scenario
/// whose records the UI shows now, so that few changes from them can stand for the records.
/// `frame`: the chart view's, as for `org_chart_scene` (a first visit of a big scenario with
/// nothing folded is folded for `frame.fold`).
#[tauri::command]
#[specta::specta]
pub async fn switch_scenario(
    app: WebviewWindow,
    id: ScenarioId,
    known: Option<u32>,
    holds: Option<ScenarioId>,
    frame: Option<ChartFrame>,
) -> Result<ScenarioOpened> {
    let mut trace = Trace::start("switch", topograph_api::trace::enabled());
    // The stages under the lock too ("left_org", "opened", "folded", "state", "org_copy").
    let switch =
        topograph_api::actions::switch(&Here(app.clone()), id, known, holds, frame, |stage| {
            trace.at(stage)
        })?;
    trace.at("switched");
    let answer = start(move || switch.answer());
    actions::refresh_chrome(&app);
    trace.at("chrome");
    let answer = answer.await;
    trace.at("answered");
    trace.finish();
    answer
}

async fn diff_of(app: &WebviewWindow, from: ScenarioId, to: ScenarioId) -> Result<Diff> {
    let inputs = session(app).with_document(|doc| Comparison::of(doc, from, to))?;
    worker(move || inputs.diff()).await
}

/// Compares two scenarios (any pair): the change list by kind, the numbers side by side
/// (with health-check counts) and the people impact per manager.
#[tauri::command]
#[specta::specta]
pub async fn diff_scenarios(app: WebviewWindow, from: ScenarioId, to: ScenarioId) -> Result<Diff> {
    diff_of(&app, from, to).await
}

/// Writes the comparison of two scenarios to `path` as CSV or Markdown.
#[tauri::command]
#[specta::specta]
pub async fn export_diff(
    app: WebviewWindow,
    from: ScenarioId,
    to: ScenarioId,
    format: DiffFormat,
    path: String,
) -> Result<()> {
    let path = crate::grants::check(&app, &path)?;
    compare::write(&diff_of(&app, from, to).await?, format, &path)
}

/// Compares two scenarios as `diff_scenarios` does, with headcount and cost over the periods and
/// in the currency `options` names; a bad day or a currency without a rate is refused by field.
#[tauri::command]
#[specta::specta]
pub async fn diff_scenarios_over(
    app: WebviewWindow,
    from: ScenarioId,
    to: ScenarioId,
    options: CompareOptions,
) -> Result<Diff> {
    let inputs = session(&app).with_document(|doc| Comparison::of(doc, from, to))?;
    worker(move || inputs.diff_with(&options, Date::today())).await
}

/// Writes the comparison as `diff_scenarios_over` computes it (the periods and currency the
/// compare view picks) to `path` as CSV or Markdown, so the file has the figures on screen.
#[tauri::command]
#[specta::specta]
pub async fn export_diff_over(
    app: WebviewWindow,
    from: ScenarioId,
    to: ScenarioId,
    format: DiffFormat,
    path: String,
    options: CompareOptions,
) -> Result<()> {
    let path = crate::grants::check(&app, &path)?;
    let diff = diff_scenarios_over(app, from, to, options).await?;
    compare::write(&diff, format, &path)
}

/// Makes a scenario the baseline ("Current"); the old baseline is kept archived. One undo step.
#[tauri::command]
#[specta::specta]
pub async fn promote_scenario(app: WebviewWindow, id: ScenarioId) -> Result<Applied> {
    topograph_api::actions::apply(&Here(app), Op::PromoteScenario { id })
}
