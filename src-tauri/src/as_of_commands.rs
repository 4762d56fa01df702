//! The as-of date every view shares (view state kept in the document, read by the scene and
//! check commands through topograph_api::as_of), and the findings that turn over the coming
//! quarters for the insights panel.

use crate::actions::session;
use crate::worker::worker;
use tauri::WebviewWindow;
use topograph_api::as_of::{self, Timeline, TimelineInput};
use topograph_model::Error;

type Res<T> = Result<T, Error>;

/// The day the views show the org on, YYYY-MM-DD; `null` for the design as entered (today).
#[tauri::command]
#[specta::specta]
pub async fn view_date(app: WebviewWindow) -> Res<Option<String>> {
    Ok(session(&app).view_date()?.map(|d| d.to_string()))
}

/// Shows every view on `day` (YYYY-MM-DD; empty or today's date: as entered) and answers the day
/// now kept. View state, not history: no undo, no event; ask for the scenes and findings again.
#[tauri::command]
#[specta::specta]
pub async fn set_view_date(app: WebviewWindow, day: String) -> Res<Option<String>> {
    let day = as_of::chosen_day(&day)?;
    session(&app).set_view_date(day)?;
    Ok(day.map(|d| d.to_string()))
}

/// The findings that appear, change and go over the next `quarters` quarters (1-8) from the
/// as-of date, computed off the session lock.
#[tauri::command]
#[specta::specta]
pub async fn finding_timeline(app: WebviewWindow, quarters: u32) -> Res<Timeline> {
    let input = session(&app).with_document(|doc| TimelineInput::of(doc, quarters))?;
    worker(move || Ok(input.run())).await
}
