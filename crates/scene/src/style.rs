//! The Team Topologies colours of the team map, shared by the canvas and the SVG exporter.
//!
//! Team kinds follow the public Team Shape Templates; `ui/src/teammap/style.ts` holds the same
//! values for the canvas, and a test keeps the two equal.

use serde::Serialize;
use topograph_model::{InteractionMode, UnitKind};

/// Fill and outline of one kind of box; `fill` is `None` for a boundary drawn without fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ShapeStyle {
    pub fill: Option<&'static str>,
    pub stroke: &'static str,
}

/// How a unit of `kind` is drawn: stream-aligned yellow, platform blue, enabling purple,
/// complicated-subsystem orange, groups as a grey dashed boundary.
pub fn unit_style(kind: UnitKind) -> ShapeStyle {
    let (fill, stroke) = match kind {
        UnitKind::StreamAligned => (Some("#ffedb8"), "#e8b600"),
        UnitKind::Platform => (Some("#d6e8f7"), "#5b9bd5"),
        UnitKind::Enabling => (Some("#e6d9f2"), "#8e6bbf"),
        UnitKind::ComplicatedSubsystem => (Some("#fbdcc4"), "#e07b39"),
        UnitKind::Group => (None, "#8a8f98"),
    };
    ShapeStyle { fill, stroke }
}

/// The line colour of an interaction: collaboration purple (a hatched band), x-as-a-service
/// dark grey (a bracketed arrow from provider to consumer), facilitating green (dotted, with circles).
pub fn interaction_colour(mode: InteractionMode) -> &'static str {
    match mode {
        InteractionMode::Collaboration => "#8e6bbf",
        InteractionMode::XAsAService => "#4a4f57",
        InteractionMode::Facilitating => "#3f9b5a",
    }
}

/// The colour a unit without one of its own is shown in: the outline of its kind, so
/// fallback colours say what the unit is and never change when other units change.
pub fn fallback_colour(kind: UnitKind) -> &'static str {
    unit_style(kind).stroke
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key a kind or mode has in the TypeScript records (quoted when it holds a dash).
    fn ts_key<T: Serialize>(value: &T) -> String {
        let name = serde_json::to_value(value).expect("serialises");
        let name = name.as_str().expect("a kind serialises as a string");
        if name.contains('-') {
            format!("\"{name}\"")
        } else {
            name.to_string()
        }
    }

    /// The canvas keeps its own copy of these colours: each kind and mode must have the same ones
    /// there, and a missing file fails rather than passing unchecked.
    #[test]
    fn the_canvas_style_file_gives_every_kind_and_mode_the_colours_defined_here() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/teammap/style.ts");
        let ts = std::fs::read_to_string(path).expect("ui/src/teammap/style.ts exists");
        for kind in UnitKind::ALL {
            let s = unit_style(*kind);
            let fill = s.fill.map_or("null".to_string(), |f| format!("\"{f}\""));
            let pair = format!(
                "{}: {{ fill: {fill}, stroke: \"{}\"",
                ts_key(kind),
                s.stroke
            );
            assert!(ts.contains(&pair), "ui/src/teammap/style.ts lacks `{pair}`");
        }
        for mode in InteractionMode::ALL {
            let pair = format!(
                "{}: {{ colour: \"{}\"",
                ts_key(mode),
                interaction_colour(*mode)
            );
            assert!(ts.contains(&pair), "ui/src/teammap/style.ts lacks `{pair}`");
        }
    }
}
