//! Tauri's build step for the app package at the repository root: reads tauri.conf.json beside
//! the root Cargo.toml and the capabilities under src-tauri/capabilities.

use std::path::Path;

/// The app's commands (src-tauri/src/command_list.rs, which lib.rs registers). With an app
/// manifest, Tauri lets the webview call only the commands a capability allows.
const COMMANDS: &[&str] = {
    macro_rules! app_commands {
        ($($module:ident :: $command:ident),* $(,)?) => {
            &[$(stringify!($command)),*]
        };
    }
    include!("src/command_list.rs")
};

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
    println!("cargo:rerun-if-changed=src-tauri/src/command_list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
