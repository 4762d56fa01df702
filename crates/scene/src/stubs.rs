//! Dotted lines between distant people, drawn as a short labelled stub at each end.
//!
//! A dashed run across half the chart says little: its ends are off screen or lost among
//! other lines. The rule: a dotted line is **distant** when its route is longer than
//! [`DISTANT_CARD_WIDTHS`] card widths (three cards side by side and their gaps, more than a
//! reader follows by eye). A distant line is drawn as a stub of [`STUB_LENGTH`] along its route
//! at each end, labelled "dotted to <the manager>" at the report's card and "dotted from <the
//! report>" at the manager's; the app draws the whole route while either card is selected or
//! hovered, the exporters draw the stubs only.

use crate::SceneConnector;
use serde::Serialize;

/// Routes longer than this many card widths make a dotted line distant.
pub const DISTANT_CARD_WIDTHS: f64 = 3.5;
/// How far a stub runs along the route from its card (scene units, the screen's pixels at zoom 1).
pub const STUB_LENGTH: f64 = 36.0;

/// One end of a distant dotted line.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DottedStub {
    /// The dotted line's connector (index into the scene's connectors).
    pub line: u32,
    /// The card the stub leaves (person id).
    pub at: u32,
    /// The person at the other end.
    pub other: u32,
    /// True at the report's card ("dotted to" the manager), false at the manager's ("dotted
    /// from" the report).
    pub to: bool,
    /// The stub's polyline `x0, y0, x1, y1, ...`, from the card outwards.
    #[cfg_attr(feature = "specta", specta(type = Vec<u32>))]
    pub points: Vec<f64>,
    /// "dotted to <name>" or "dotted from <name>", as [`DottedStub::label_for`] writes it.
    pub label: String,
}

impl DottedStub {
    /// What a stub says, given the other person's name.
    pub fn label_for(to: bool, other_name: &str) -> String {
        if to {
            format!("dotted to {other_name}")
        } else {
            format!("dotted from {other_name}")
        }
    }
}

/// Length of a flat polyline.
pub fn route_length(points: &[f64]) -> f64 {
    points
        .windows(4)
        .step_by(2)
        .map(|s| (s[2] - s[0]).hypot(s[3] - s[1]))
        .sum()
}

/// Whether a dotted line with this route, between cards `card_width` wide, is distant.
pub fn is_distant(points: &[f64], card_width: f64) -> bool {
    route_length(points) > DISTANT_CARD_WIDTHS * card_width
}

/// The first `length` of a polyline, from its start.
pub fn head_of(points: &[f64], length: f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(8);
    let mut left = length;
    if points.len() < 2 {
        return out;
    }
    out.extend_from_slice(&points[..2]);
    for s in points.windows(4).step_by(2) {
        let d = (s[2] - s[0]).hypot(s[3] - s[1]);
        if d >= left {
            let t = if d > 0.0 { left / d } else { 0.0 };
            out.push(s[0] + (s[2] - s[0]) * t);
            out.push(s[1] + (s[3] - s[1]) * t);
            return out;
        }
        out.extend_from_slice(&s[2..4]);
        left -= d;
    }
    out
}

/// The stubs of every distant dotted line among `connectors`: two per line, the manager's end
/// (where the route starts) first.
pub fn dotted_stubs(
    connectors: &[SceneConnector],
    card_width: f64,
    name: impl Fn(u32) -> String,
) -> Vec<DottedStub> {
    let mut out = Vec::new();
    for (j, c) in connectors.iter().enumerate() {
        if !c.dotted || c.points.len() < 4 || !is_distant(&c.points, card_width) {
            continue;
        }
        let reversed: Vec<f64> = c
            .points
            .chunks_exact(2)
            .rev()
            .flat_map(|p| [p[0], p[1]])
            .collect();
        out.push(DottedStub {
            line: j as u32,
            at: c.from,
            other: c.to,
            to: false,
            points: head_of(&c.points, STUB_LENGTH),
            label: DottedStub::label_for(false, &name(c.to)),
        });
        out.push(DottedStub {
            line: j as u32,
            at: c.to,
            other: c.from,
            to: true,
            points: head_of(&reversed, STUB_LENGTH),
            label: DottedStub::label_for(true, &name(c.from)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dotted(points: Vec<f64>) -> SceneConnector {
        SceneConnector {
            from: 1,
            to: 2,
            points,
            dotted: true,
        }
    }

    #[test]
    fn a_line_longer_than_the_rule_is_distant_and_a_short_one_is_not() {
        let w = 220.0;
        assert!(!is_distant(
            &[0.0, 0.0, 0.0, 40.0, 500.0, 40.0, 500.0, 80.0],
            w
        ));
        assert!(is_distant(
            &[0.0, 0.0, 0.0, 40.0, 900.0, 40.0, 900.0, 80.0],
            w
        ));
        assert_eq!(route_length(&[0.0, 0.0, 3.0, 4.0]), 5.0);
    }

    #[test]
    fn each_end_of_a_distant_line_gets_a_stub_of_the_stub_length_along_its_route() {
        let c = dotted(vec![0.0, 0.0, 0.0, 20.0, 2000.0, 20.0, 2000.0, 100.0]);
        let name = |id: u32| ["", "Ada", "Ben"][id as usize].to_string();
        let stubs = dotted_stubs(&[c.clone(), dotted(vec![0.0, 0.0, 0.0, 50.0])], 220.0, name);
        assert_eq!(stubs.len(), 2, "the short line keeps its whole route");
        let (from, to) = (&stubs[0], &stubs[1]);
        assert_eq!((from.at, from.other, from.to), (1, 2, false));
        assert_eq!((to.at, to.other, to.to), (2, 1, true));
        assert_eq!(from.points, vec![0.0, 0.0, 0.0, 20.0, 16.0, 20.0]);
        assert_eq!(to.points, vec![2000.0, 100.0, 2000.0, 64.0]);
        for s in &stubs {
            assert!((route_length(&s.points) - STUB_LENGTH).abs() < 1e-9);
        }
        assert_eq!(to.label, "dotted to Ada");
        assert_eq!(from.label, "dotted from Ben");
    }
}
