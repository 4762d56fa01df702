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
    /// Where the label is set: its baseline at `label_y`, starting at `label_x`, or ending
    /// there when `label_leftward`; chosen by [`place_labels`] clear of cards and lines.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub label_x: f64,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub label_y: f64,
    pub label_leftward: bool,
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

/// The label's font size and the most room it takes across (scene units); the renderers fit the
/// label to [`LABEL_ROOM`].
pub const LABEL_SIZE: f64 = 11.0;
pub const LABEL_ROOM: f64 = 200.0;

/// A generous width for `label` at [`LABEL_SIZE`] without the font at hand (DejaVu Sans averages
/// under 0.6 em a character), at most [`LABEL_ROOM`].
pub fn label_width(label: &str) -> f64 {
    (label.chars().count() as f64 * LABEL_SIZE * 0.62).min(LABEL_ROOM)
}

/// The places a stub's label may go, best first: just past its outer end (beside it for a
/// sideways end, below for a downward one), then the other side, then beside the stub's middle.
/// Each is `(x, baseline, leftward)`.
fn label_spots(points: &[f64]) -> Vec<(f64, f64, bool)> {
    let n = points.len();
    let (x, y) = (points[n - 2], points[n - 1]);
    let (px, py) = (points[n - 4], points[n - 3]);
    let (mx, my) = ((points[0] + x) / 2.0, (points[1] + y) / 2.0);
    if (x - px).abs() > (y - py).abs() {
        let right = x >= px;
        vec![
            (x + if right { 3.0 } else { -3.0 }, y - 4.0, !right),
            (x + if right { 3.0 } else { -3.0 }, y + 13.0, !right),
            (mx, y - 4.0, !right),
            (mx, y + 13.0, !right),
            (x + if right { 3.0 } else { -3.0 }, y - 17.0, !right),
        ]
    } else {
        let (end_y, past) = if y >= py {
            (y + 10.0, y + 23.0)
        } else {
            (y - 2.0, y - 15.0)
        };
        vec![
            (x + 4.0, end_y, false),
            (x - 4.0, end_y, true),
            (x + 4.0, my + 4.0, false),
            (x - 4.0, my + 4.0, true),
            (x + 4.0, past, false),
            (x - 4.0, past, true),
        ]
    }
}

/// Where a label is set: `(x, baseline, leftward)`.
type Spot = (f64, f64, bool);

/// The box a label set at `(x, baseline, leftward)` covers.
pub(crate) fn label_box(label: &str, (x, y, leftward): (f64, f64, bool)) -> [f64; 4] {
    let w = label_width(label);
    let x0 = if leftward { x - w } else { x };
    [x0, y - LABEL_SIZE, x0 + w, y + 3.0]
}

/// Whether the segment `a`-`b` meets the box `[x0, y0, x1, y1]` (Liang-Barsky clipping).
pub(crate) fn segment_meets(a: (f64, f64), b: (f64, f64), r: [f64; 4]) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - r[0]),
        (dx, r[2] - a.0),
        (-dy, a.1 - r[1]),
        (dy, r[3] - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

pub(crate) fn boxes_meet(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Sets each stub's label where it covers no card (`boxes`, `[x0, y0, x1, y1]`), no line drawn
/// (the connectors not drawn as stubs, and every stub) and no label placed before it: the first
/// of its [`label_spots`] that is clear, or the one crossing the fewest.
pub fn place_labels(stubs: &mut [DottedStub], boxes: &[[f64; 4]], connectors: &[SceneConnector]) {
    let stubbed: std::collections::HashSet<u32> = stubs.iter().map(|t| t.line).collect();
    let mut segments: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let mut add = |points: &[f64]| {
        for s in points.windows(4).step_by(2) {
            segments.push(((s[0], s[1]), (s[2], s[3])));
        }
    };
    for (j, c) in connectors.iter().enumerate() {
        if !stubbed.contains(&(j as u32)) {
            add(&c.points);
        }
    }
    for t in stubs.iter() {
        add(&t.points);
    }
    let mut placed: Vec<[f64; 4]> = Vec::new();
    for t in stubs.iter_mut() {
        if t.points.len() < 4 {
            continue;
        }
        let mut best: Option<(usize, Spot, [f64; 4])> = None;
        for spot in label_spots(&t.points) {
            let r = label_box(&t.label, spot);
            let hits = boxes.iter().filter(|&&b| boxes_meet(r, b)).count()
                + segments
                    .iter()
                    .filter(|&&(a, b)| segment_meets(a, b, r))
                    .count()
                + placed.iter().filter(|&&b| boxes_meet(r, b)).count();
            if best.is_none_or(|(h, _, _)| hits < h) {
                best = Some((hits, spot, r));
            }
            if hits == 0 {
                break;
            }
        }
        if let Some((_, (x, y, leftward), r)) = best {
            (t.label_x, t.label_y, t.label_leftward) = (x, y, leftward);
            placed.push(r);
        }
    }
}

/// A stub from `points` with its label at the first of its spots (until [`place_labels`]).
pub(crate) fn stub(
    line: u32,
    at: u32,
    other: u32,
    to: bool,
    points: Vec<f64>,
    label: String,
) -> DottedStub {
    let (label_x, label_y, label_leftward) = if points.len() >= 4 {
        label_spots(&points)[0]
    } else {
        (0.0, 0.0, false)
    };
    DottedStub {
        line,
        at,
        other,
        to,
        points,
        label,
        label_x,
        label_y,
        label_leftward,
    }
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
        out.push(stub(
            j as u32,
            c.from,
            c.to,
            false,
            head_of(&c.points, STUB_LENGTH),
            DottedStub::label_for(false, &name(c.to)),
        ));
        out.push(stub(
            j as u32,
            c.to,
            c.from,
            true,
            head_of(&reversed, STUB_LENGTH),
            DottedStub::label_for(true, &name(c.from)),
        ));
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

    #[test]
    fn a_label_moves_off_a_bus_line_running_under_its_default_place() {
        // A stub straight down from a card, a bus running across just below its end.
        let mut stubs = vec![stub(
            0,
            1,
            2,
            true,
            vec![100.0, 0.0, 100.0, 36.0],
            "dotted to Ada Lovelace".into(),
        )];
        let first = label_box(&stubs[0].label, label_spots(&stubs[0].points)[0]);
        let bus = SceneConnector {
            from: 3,
            to: 4,
            points: vec![0.0, 40.0, 400.0, 40.0],
            dotted: false,
        };
        assert!(
            segment_meets((0.0, 40.0), (400.0, 40.0), first),
            "the default place is on the bus"
        );
        place_labels(&mut stubs, &[], &[dotted(vec![]), bus]);
        let s = &stubs[0];
        let r = label_box(&s.label, (s.label_x, s.label_y, s.label_leftward));
        assert!(!segment_meets((0.0, 40.0), (400.0, 40.0), r));
        assert!(
            !segment_meets((100.0, 0.0), (100.0, 36.0), r),
            "nor on its own stub"
        );
    }
}
