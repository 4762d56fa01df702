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
mod dialogs;
// Test support only in a build made for tests (`--features e2e`, `make bins`): none of it, nor
// its strings, is in the product (tests/release/check.sh greps the binary for them).
#[cfg(feature = "e2e")]
mod e2e;
mod export_commands;
mod grants;
mod health_commands;
pub mod ipc;
mod menu;
mod native;
mod scenario_commands;
mod transfer_commands;
mod view_commands;
mod windows;
mod worker;

use tauri::Manager;
use topograph_api::launch::Args;
use topograph_api::{Session, Sessions};
use topograph_desktop::instance::{self, Request};

/// Every command (listed in command_list.rs) and event the UI can use. Registering anything
/// elsewhere would leave it out of the bindings.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands({
            macro_rules! app_commands {
                ($($module:ident :: $command:ident),* $(,)?) => {
                    tauri_specta::collect_commands![$($module::$command),*]
                };
            }
            include!("command_list.rs")
        })
        .events(tauri_specta::collect_events![
            ipc::DocChanged,
            ipc::AppError,
            commands::NewRequested,
            menu::HistoryRequested,
            transfer_commands::ImportRequested,
            transfer_commands::ImportProgress,
            export_commands::ExportRequested,
            export_commands::ExportProgress,
            native::AppearanceChanged,
            menu::SettingsRequested,
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

/// How long editing must pause before the write-ahead log is folded into the document.
const CHECKPOINT_IDLE: std::time::Duration = std::time::Duration::from_secs(1);

/// Starts the app: opens the document from the command line, the last one, or the sample.
pub fn run() {
    let args = Args::parse(std::env::args().skip(1));
    let context = tauri::generate_context!();
    // Before any thread exists and before the webview's process inherits the environment.
    topograph_api::painting::apply_at_start(&args, &context.config().identifier);
    // Next, so its timestamp is the start of the app (end-to-end tests only, else None).
    #[cfg(feature = "e2e")]
    let e2e = e2e::plugin();
    let builder = specta_builder();
    let invoke = builder.invoke_handler();
    let app = tauri::Builder::default().plugin(tauri_plugin_dialog::init());
    #[cfg(feature = "e2e")]
    let app = match e2e {
        Some(e2e) => app.plugin(e2e),
        None => app,
    };
    app.invoke_handler(invoke)
        .setup(move |app| {
            builder.mount_events(app);
            let dirs = app.path();
            let paths = args
                .paths(|| Ok::<_, tauri::Error>((dirs.app_data_dir()?, dirs.app_config_dir()?)))?;
            // Before any window: a second launch hands its document over and ends here.
            let request = Request::for_document(args.document.as_deref());
            let primary = instance::claim_or_hand_over(&paths.data_dir, &request);
            let session = Session::new(paths.clone());
            app.manage(topograph_api::grants::Grants::new(
                topograph_api::trace::enabled(),
            ));
            let sessions = std::sync::Arc::new(Sessions::new(paths));
            Sessions::checkpoint_when_idle(sessions.clone(), CHECKPOINT_IDLE);
            app.manage(sessions);
            native::install(app.handle());
            menu::install(app.handle())?;
            windows::open_first(app.handle(), session, args.document.clone())?;
            if let Some(primary) = primary {
                windows::serve_second_launches(app.handle(), primary);
            }
            Ok(())
        })
        .on_menu_event(menu::on_event)
        .on_window_event(native::on_window_event)
        .build(context)
        .expect("Topograph could not start its window")
        .run(windows::on_run_event);
}

#[cfg(test)]
mod tests;
