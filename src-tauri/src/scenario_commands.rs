//! Scenario commands: compare two scenarios, export the comparison, promote a proposal.

use crate::actions::{self, session};
use std::path::PathBuf;
use tauri::AppHandle;
use topograph_diff::Diff;
use topograph_document::Applied;
use topograph_health::Date;
use topograph_model::{CheckSettings, Error, ErrorCode, Op, Org, ScenarioId};

type Res<T> = Result<T, Error>;

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
    let diff = compare(&app, from, to).await?;
    let text = match format {
        DiffFormat::Csv => topograph_diff::to_csv(&diff),
        DiffFormat::Markdown => topograph_diff::to_markdown(&diff),
    };
    let path = PathBuf::from(path);
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
