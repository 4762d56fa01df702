//! Card colours and geometry, the same values as the canvas theme (ui/src/canvas/theme.ts); the
//! shared fixture tests/fixtures/parity/card-style.json keeps the two equal.

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
/// The name on the compact name-only cards pages use: larger, as it is all the card says.
pub const NAME_ONLY_SIZE: f64 = 16.0;

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
/// The baseline of the custom fields' line under the title (above the team chips).
pub const FIELDS_BASELINE: f64 = 62.0;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Each value under its name in the canvas theme (`DEFAULT_THEME` in ui/src/canvas/theme.ts).
    fn theme_pairs() -> serde_json::Value {
        json!({
            "colours": {
                "cardFill": CARD_FILL,
                "cardStroke": CARD_STROKE,
                "openFill": OPEN_FILL,
                "openStroke": OPEN_STROKE,
                "blockFill": BLOCK_FILL,
                "connector": CONNECTOR,
                "dottedConnector": DOTTED_CONNECTOR,
                "nameColour": NAME_COLOUR,
                "titleColour": TITLE_COLOUR,
                "mutedColour": MUTED_COLOUR,
            },
            "geometry": {
                "padX": PAD_X,
                "accentWidth": ACCENT_WIDTH,
                "chipSize": CHIP_SIZE,
                "chipGap": CHIP_GAP,
                "maxChips": MAX_CHIPS,
            },
            "fontSizes": {
                "nameFont": NAME_SIZE,
                "titleFont": TITLE_SIZE,
                "badgeFont": BADGE_SIZE,
            },
        })
    }

    /// ui/src/canvas/theme.test.ts checks `DEFAULT_THEME` against the same fixture.
    #[test]
    fn the_shared_style_fixture_holds_the_export_style() {
        crate::golden::check("card-style.json", &theme_pairs());
    }

    /// A second guard that needs no UI test run: every colour sits under its own name in the
    /// theme, and a missing theme file fails rather than passing unchecked.
    #[test]
    fn the_canvas_theme_pairs_every_export_colour_with_the_same_name() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/canvas/theme.ts");
        let ts = std::fs::read_to_string(path).expect("ui/src/canvas/theme.ts exists");
        let pairs = theme_pairs();
        let colours = pairs["colours"].as_object().expect("colours is an object");
        for (key, colour) in colours {
            let pair = format!("{key}: {colour}");
            assert!(ts.contains(&pair), "theme.ts lacks `{pair}`");
        }
    }
}
