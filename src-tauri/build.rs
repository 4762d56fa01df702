//! Tauri's build step for the app package at the repository root: reads tauri.conf.json beside
//! the root Cargo.toml and the capabilities under src-tauri/capabilities.

use std::path::Path;

/// The app's commands (the list `specta_builder` registers; a test checks the two agree). With an
/// app manifest, Tauri lets the webview call only the commands a capability allows, so this list
/// and `capabilities/main.json` are the whole of what the page may ask of the Rust side.
const COMMANDS: &[&str] = &[
    "get_state",
    "apply",
    "undo",
    "redo",
    "reserve_ids",
    "history",
    "history_log",
    "undo_steps",
    "redo_steps",
    "switch_scenario",
    "diff_scenarios",
    "diff_scenarios_over",
    "export_diff",
    "export_diff_over",
    "promote_scenario",
    "collapsed",
    "set_collapsed",
    "replace_collapsed",
    "org_chart_scene",
    "team_map_scene",
    "ownership_scene",
    "area_effort",
    "effort_scene",
    "open_document",
    "repair_offer",
    "open_repaired",
    "new_document",
    "choose_new_document_path",
    "new_document_from",
    "save_as",
    "close_document",
    "recent_documents",
    "health_findings",
    "health_settings",
    "set_check_settings",
    "plan_table",
    "health_findings_as_of",
    "sheet_table",
    "sheet_views",
    "fields",
    "field_usage",
    "export_plan_csv",
    "view_date",
    "set_view_date",
    "finding_timeline",
    "import_preview",
    "import_run",
    "load_mapping",
    "save_mapping",
    "choose_file",
    "choose_save_file",
    "export_data",
    "transfer_menu",
    "export_preview",
    "export_page_preview",
    "export_diagram",
    "cancel_export",
    "appearance",
    "set_appearance",
    "painting_state",
    "set_painting",
];

fn main() {
    // `generate_context!` embeds the built UI; without it the error from Tauri is an obscure
    // proc-macro panic, so say plainly what to do.
    let dist = Path::new("ui/dist");
    println!("cargo:rerun-if-changed=ui/dist");
    if !dist.join("index.html").exists() {
        println!(
            "cargo:warning=ui/dist/index.html is missing: build the UI first with `make ui` (or `npm ci && npm run build` in ui/)"
        );
        if !dist.exists() {
            panic!(
                "ui/dist does not exist: the app embeds the built UI. Run `make ui` (or `npm ci && npm run build` in ui/) first."
            );
        }
    }
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
