//! The desktop side of Topograph without Tauri: what the app remembers about this machine rather
//! than a document (the appearance override, each document's window), the menu bar as data
//! ([`menu`]), and the one running instance a second launch hands its document to ([`instance`]).
//! Plain Rust, so the rules are unit-tested without a window; the Tauri shell reads the screens
//! and windows, builds the native menus from [`menu::menu_bar`] and calls these.

mod appearance;
pub mod dialog;
mod documents;
mod focus;
pub mod instance;
pub mod memory;
pub mod menu;
pub mod native_menu;
mod painting;
mod preferences;
mod store;
mod window;

pub use appearance::Appearance;
pub use documents::{document_among, is_document, EXTENSION};
pub use focus::Focus;
pub use painting::PaintingSetting;
pub use preferences::{Preferences, WINDOW_LIMIT};
pub use store::{primary_first, Observed, PreferencesStore};
pub use window::{clamp, Screen, WindowGeometry};
