//! The Topograph desktop app: a thin Tauri shell over the core crates.
//!
//! Commands parse their arguments, call the core (topograph-document, topograph-scene) and
//! hand back its result or its `{code, message}` error; there is no org logic here. After
//! every change to the open document, however it was made, the UI receives one typed
//! [`DocChanged`](ipc::DocChanged) event carrying the core's change set.
//!
//! The command and event list lives in [`specta_builder`], the one place the Tauri invoke
//! handler and the generated TypeScript bindings (ui/src/bindings.ts) both come from.

mod actions;
mod commands;
mod e2e;
mod export_commands;
mod grants;
mod health_commands;
pub mod ipc;
mod menu;
mod new_document;
mod painting;
mod plan_commands;
mod revisions;
mod scenario_commands;
mod scene_commands;
pub mod session;
mod transfer_commands;

use session::{Paths, Session};
use std::path::PathBuf;
use tauri::Manager;

/// Environment variable that points the app at a folder for its data and settings (tests).
pub const DATA_DIR_ENV: &str = "TOPOGRAPH_DATA_DIR";

/// Every command and event the UI can use. Registering anything elsewhere would leave it out
/// of the bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::*;
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            get_state,
            apply,
            undo,
            redo,
            reserve_ids,
            history,
            history_log,
            undo_steps,
            redo_steps,
            scenario_commands::switch_scenario,
            scenario_commands::diff_scenarios,
            scenario_commands::export_diff,
            scenario_commands::promote_scenario,
            collapsed,
            set_collapsed,
            replace_collapsed,
            org_chart_scene,
            scene_commands::team_map_scene,
            scene_commands::ownership_scene,
            open_document,
            new_document,
            new_document::new_document_from,
            new_document::choose_new_document_path,
            save_as,
            close_document,
            recent_documents,
            health_commands::health_findings,
            health_commands::area_effort,
            health_commands::health_settings,
            health_commands::set_check_settings,
            plan_commands::plan_table,
            plan_commands::health_findings_as_of,
            transfer_commands::import_preview,
            transfer_commands::import_run,
            transfer_commands::load_mapping,
            transfer_commands::save_mapping,
            transfer_commands::choose_file,
            transfer_commands::choose_save_file,
            transfer_commands::export_data,
            transfer_commands::transfer_menu,
            export_commands::export_preview,
            export_commands::export_diagram,
            export_commands::cancel_export,
        ])
        .events(tauri_specta::collect_events![
            ipc::DocChanged,
            ipc::AppError,
            new_document::NewRequested,
            menu::HistoryRequested,
            transfer_commands::ImportRequested,
            transfer_commands::ImportProgress,
            export_commands::ExportRequested,
            export_commands::ExportProgress,
        ])
        // The chart crosses as columns (`OrgChartWire`); the UI rebuilds this from them.
        .typ::<topograph_scene::OrgChartScene>()
        // One type per Rust type: nothing here serialises differently than it deserialises.
        .disable_serde_phases()
}

/// The TypeScript exporter settings for ui/src/bindings.ts.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default().header(
        "// Generated from src-tauri by tauri-specta (`make bindings`); do not edit.\n// `make test` fails when this file is out of date.",
    )
}

/// What the command line asked for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Args {
    /// A document to open instead of the last one.
    pub document: Option<PathBuf>,
    /// A folder for the app's data and settings instead of the platform's.
    pub data_dir: Option<PathBuf>,
}

impl Args {
    /// `topograph-app [--data-dir DIR] [DOCUMENT]`; flags it does not know are ignored
    /// (desktop environments add their own).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Args {
        let mut out = Args::default();
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            if a == "--data-dir" {
                out.data_dir = args.next().map(PathBuf::from);
            } else if let Some(dir) = a.strip_prefix("--data-dir=") {
                out.data_dir = Some(PathBuf::from(dir));
            } else if !a.starts_with('-') && out.document.is_none() {
                out.document = Some(PathBuf::from(a));
            }
        }
        out
    }
}

/// The app's mutable state: the session behind one lock. Nothing that waits for the main
/// thread (menus, window title) runs while it is held.
pub struct AppState {
    session: std::sync::Mutex<Session>,
}

impl AppState {
    pub fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        // A panic while holding the lock leaves the session as the core left it: still usable.
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// How long editing must pause before the write-ahead log is folded into the document.
const CHECKPOINT_IDLE: std::time::Duration = std::time::Duration::from_secs(1);

/// Checkpoints the open document when editing pauses. Runs on its own thread and only takes
/// the session when it is free, so it never delays an edit.
fn checkpoint_when_idle(app: tauri::AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(CHECKPOINT_IDLE / 4);
        let Some(state) = app.try_state::<AppState>() else {
            continue;
        };
        let guard = state.session.try_lock();
        if let Ok(mut session) = guard {
            session.checkpoint_if_idle(CHECKPOINT_IDLE);
        }
    });
}

fn paths(app: &tauri::AppHandle, args: &Args) -> tauri::Result<Paths> {
    if let Some(dir) = args
        .data_dir
        .clone()
        .or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from))
    {
        return Ok(Paths::under(&dir));
    }
    Ok(Paths {
        data_dir: app.path().app_data_dir()?,
        settings_file: app.path().app_config_dir()?.join("settings.json"),
    })
}

/// Starts the app: opens the document from the command line, the last one, or the sample.
pub fn run() {
    // Before any thread exists and before the webview's process inherits the environment.
    painting::apply();
    // Next, so its timestamp is the start of the app (end-to-end tests only, else None).
    let e2e = e2e::plugin();
    let args = Args::parse(std::env::args().skip(1));
    let builder = specta_builder();
    let invoke = builder.invoke_handler();
    let mut app = tauri::Builder::default().plugin(tauri_plugin_dialog::init());
    if let Some(e2e) = e2e {
        app = app.plugin(e2e);
    }
    app.invoke_handler(invoke)
        .setup(move |app| {
            builder.mount_events(app);
            let mut session = Session::new(paths(app.handle(), &args)?);
            session.start(args.document.as_deref());
            app.manage(grants::Grants::new(e2e::enabled()));
            app.manage(AppState {
                session: std::sync::Mutex::new(session),
            });
            menu::install(app.handle())?;
            actions::refresh_chrome(app.handle());
            checkpoint_when_idle(app.handle().clone());
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .build(tauri::generate_context!())
        .expect("Topograph could not start its window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    state.session().close();
                }
            }
        });
}

#[cfg(test)]
mod tests;
