//! Card colours and geometry, the same values as the canvas theme (ui/src/canvas/theme.ts).

pub const CARD_FILL: &str = "#ffffff";
pub const CARD_STROKE: &str = "#c4c9d2";
pub const OPEN_FILL: &str = "#f9fafb";
pub const OPEN_STROKE: &str = "#8a93a3";
pub const BLOCK_FILL: &str = "#aab2bf";
pub const CONNECTOR: &str = "#9aa3b2";
pub const DOTTED_CONNECTOR: &str = "#7b6cd9";
pub const NAME_COLOUR: &str = "#1b1f27";
pub const TITLE_COLOUR: &str = "#5b6475";
pub const MUTED_COLOUR: &str = "#8a93a3";
pub const BADGE_TEXT: &str = "#ffffff";

/// Font sizes in scene units (px at zoom 1), as the theme's name, title and badge fonts.
pub const NAME_SIZE: f64 = 14.0;
pub const TITLE_SIZE: f64 = 12.0;
pub const BADGE_SIZE: f64 = 11.0;

pub const PAD_X: f64 = 14.0;
pub const ACCENT_WIDTH: f64 = 5.0;
pub const CHIP_SIZE: f64 = 9.0;
pub const CHIP_GAP: f64 = 4.0;
pub const MAX_CHIPS: usize = 6;
/// How far the "stack" outline behind a collapsed card is offset.
pub const STACK_OFFSET: f64 = 4.0;
/// Baselines of the name and title lines, from the card's top.
pub const NAME_BASELINE: f64 = 27.0;
pub const TITLE_BASELINE: f64 = 46.0;
