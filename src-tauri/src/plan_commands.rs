//! The Plan view: the plan table of the open scenario (headcount, FTE and cost against budget
//! per unit and period, from topograph-plan), and the health findings on a chosen day.

use crate::actions::session;
use tauri::WebviewWindow;
use topograph_api::as_of::day;
use topograph_health::Finding;
use topograph_model::Error;
use topograph_plan::{PlanOptions, PlanTable};

type Res<T> = Result<T, Error>;

/// The plan table of the open scenario.
#[tauri::command]
#[specta::specta]
pub async fn plan_table(app: WebviewWindow, options: PlanOptions) -> Res<PlanTable> {
    day("from", &options.from)?;
    day("to", &options.to)?;
    session(&app).with_document(|doc| Ok(topograph_plan::plan_table(doc.org(), &options)))
}

/// The health findings of the open scenario as it will be (or was) on `as_of`, YYYY-MM-DD.
#[tauri::command]
#[specta::specta]
pub async fn health_findings_as_of(app: WebviewWindow, as_of: String) -> Res<Vec<Finding>> {
    let on = day("as_of", &as_of)?;
    session(&app).with_document(|doc| {
        topograph_health::check_with(&doc.org().as_of(on).org, &doc.check_settings()?, on)
    })
}
