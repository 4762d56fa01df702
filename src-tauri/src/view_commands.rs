//! What the views show of the open scenario: the org chart, team-map, ownership and effort
//! scenes (laid out on a worker thread from a copy, so a large org never holds the session lock
//! or freezes the window), the Sheet's columns and saved views, the custom field definitions,
//! the Plan table and the as-of date every view shares (view state kept in the document).

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::as_of;
use topograph_api::chart_frame::ChartFrame;
use topograph_api::map_fold::MapRoom;
use topograph_api::sheet::{SheetMode, SheetTable};
use topograph_api::switch::Json;
use topograph_api::views;
use topograph_model::{FieldDefs, Result, SheetViews};
use topograph_plan::{PlanOptions, PlanTable};
use topograph_scene::{EffortScene, OrgChartWire, OwnershipScene, TeamMapScene};

/// The org chart of the open scenario, laid out on a worker thread so the app stays responsive.
/// `frame`: the chart view's shape (remembered for the layouts that follow, a scenario switch's
/// too) and, on a document's first layout, the room a big org with nothing folded is folded for.
#[tauri::command]
#[specta::specta]
pub async fn org_chart_scene(
    app: WebviewWindow,
    frame: Option<ChartFrame>,
) -> Result<Json<OrgChartWire>> {
    let mut trace = topograph_api::trace::Trace::start("chart", topograph_api::trace::enabled());
    let input = views::ChartInput::take(&mut session(&app), frame)?;
    trace.at("copied");
    let (answer, trace) = worker(move || Ok((input.run(|stage| trace.at(stage))?, trace))).await?;
    trace.finish();
    Ok(answer)
}

/// The team map of the open scenario: units with their chips, collapsed groups folded,
/// user placements honoured. `fold`, on the map's first visit of a document: the room a big map
/// with nothing collapsed is folded for (a preview; the UI keeps it in the document).
#[tauri::command]
#[specta::specta]
pub async fn team_map_scene(app: WebviewWindow, fold: Option<MapRoom>) -> Result<TeamMapScene> {
    let mut trace = topograph_api::trace::Trace::start("team-map", topograph_api::trace::enabled());
    let (org, collapsed) = session(&app).team_map_input()?;
    let (scene, mut trace) = worker(move || {
        trace.at("input");
        Ok((views::team_map(&org, collapsed, fold)?, trace))
    })
    .await?;
    trace.at("laid_out");
    trace.finish();
    Ok(scene)
}

/// The ownership map of the open scenario: the area tree, the teams' loads and the links.
#[tauri::command]
#[specta::specta]
pub async fn ownership_scene(app: WebviewWindow) -> Result<OwnershipScene> {
    let org = session(&app).org_copy()?;
    worker(move || views::ownership(&org)).await
}

/// Laid out on a worker thread from a copy of the scenario, like the other scenes, so a large org
/// never holds the session lock or the window.
#[tauri::command]
#[specta::specta]
pub async fn effort_scene(app: WebviewWindow) -> Result<EffortScene> {
    let org = session(&app).org_copy()?;
    worker(move || views::effort(&org)).await
}

/// The sheet's rows and columns.
#[tauri::command]
#[specta::specta]
pub async fn sheet_table(app: WebviewWindow, mode: SheetMode) -> Result<SheetTable> {
    let org = session(&app).org_copy()?;
    let fields = session(&app).with_document(|doc| doc.fields())?;
    worker(move || Ok(topograph_api::sheet::sheet_table(&org, mode, &fields))).await
}

/// The document's saved sheet views (saved and deleted with the save-sheet-view and
/// delete-sheet-view ops).
#[tauri::command]
#[specta::specta]
pub async fn sheet_views(app: WebviewWindow) -> Result<SheetViews> {
    session(&app).with_document(|doc| doc.sheet_views())
}

/// The document's field definitions, then the undefined custom keys of the open scenario as
/// text fields.
#[tauri::command]
#[specta::specta]
pub async fn fields(app: WebviewWindow) -> Result<FieldDefs> {
    session(&app).with_document(|doc| doc.fields())
}

/// How many people of the open scenario hold a value of the field `name` (asked before a
/// removal, which clears them).
#[tauri::command]
#[specta::specta]
pub async fn field_usage(app: WebviewWindow, name: String) -> Result<u32> {
    session(&app).with_document(|doc| Ok(doc.field_usage(&name) as u32))
}

/// The plan table of the open scenario.
#[tauri::command]
#[specta::specta]
pub async fn plan_table(app: WebviewWindow, options: PlanOptions) -> Result<PlanTable> {
    topograph_api::plan::check_range(&options)?;
    session(&app).with_document(|doc| Ok(topograph_plan::plan_table(doc.org(), &options)))
}

/// The day the views show the org on, YYYY-MM-DD; `null` for the design as entered (today).
#[tauri::command]
#[specta::specta]
pub async fn view_date(app: WebviewWindow) -> Result<Option<String>> {
    Ok(session(&app).view_date()?.map(|d| d.to_string()))
}

/// Shows every view on `day` (YYYY-MM-DD; empty or today's date: as entered) and answers the day
/// now kept. View state, not history: no undo, no event; ask for the scenes and findings again.
#[tauri::command]
#[specta::specta]
pub async fn set_view_date(app: WebviewWindow, day: String) -> Result<Option<String>> {
    let day = as_of::chosen_day(&day)?;
    session(&app).set_view_date(day)?;
    Ok(day.map(|d| d.to_string()))
}
