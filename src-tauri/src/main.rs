//! The Topograph desktop app's executable: everything happens in the library.

// No console window next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    topograph_app::run();
}
