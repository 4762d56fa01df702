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

    /// The canvas keeps its own copy of these colours; once it exists it must say the same.
    #[test]
    fn the_canvas_style_file_uses_every_colour_defined_here() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/teammap/style.ts");
        let Ok(ts) = std::fs::read_to_string(path) else {
            return;
        };
        let ts = ts.to_lowercase();
        let mut colours: Vec<&str> = Vec::new();
        for kind in UnitKind::ALL {
            let s = unit_style(*kind);
            colours.extend(s.fill);
            colours.push(s.stroke);
        }
        for mode in InteractionMode::ALL {
            colours.push(interaction_colour(*mode));
        }
        for c in colours {
            assert!(ts.contains(c), "ui/src/teammap/style.ts lacks {c}");
        }
    }
}
