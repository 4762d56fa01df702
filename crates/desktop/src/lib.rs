//! What the Topograph desktop app remembers about this machine rather than a document: the
//! appearance override and the window of each document; and the one running instance a second
//! launch hands its document to ([`instance`]). Plain Rust, so the rules are unit-tested
//! without a window; the Tauri shell reads the screens and windows and calls these.

mod appearance;
mod documents;
pub mod instance;
mod painting;
mod preferences;
mod window;

pub use appearance::Appearance;
pub use documents::{document_among, is_document, EXTENSION};
pub use painting::PaintingSetting;
pub use preferences::{Preferences, WINDOW_LIMIT};
pub use window::{clamp, Screen, WindowGeometry};
