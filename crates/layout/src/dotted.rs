//! Dotted-line (secondary) reporting connectors, routed around an existing layout.
//!
//! Dotted lines are advisory, so they must never move a card: the router only looks for a
//! path through the free space. A route leaves one card through its top or bottom edge a
//! quarter-width off centre (so it does not run along the solid line), turns in the gap beside
//! that edge, travels along a free vertical corridor, turns again in the gap beside the other
//! card's edge, and enters it. Corridors are searched nearest first, starting from straight
//! drops and moving to the gaps beside whatever card blocks the previous try; the natural pair
//! of edges (bottom of the upper card, top of the lower) is tried before the others.

use std::cell::OnceCell;

use crate::climb::Hierarchy;
use crate::grid::Grid;
use crate::{clean, Connector, Layout, NodeInput, Rect};

/// How many corridors one pair of edges may try before the next pair is tried.
const TRIES: usize = 32;
const EPS: f64 = 1e-6;

pub(crate) fn route(layout: &Layout, nodes: &[NodeInput], pairs: &[(u32, u32)]) -> Vec<Connector> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let n = nodes.len().min(layout.x.len()).min(layout.y.len());
    let cards: Vec<Rect> = (0..n)
        .map(|i| Rect {
            x: layout.x[i],
            y: layout.y[i],
            w: clean(nodes[i].width),
            h: clean(nodes[i].height),
        })
        .collect();
    let router = Router {
        clearance: clearance(nodes, &cards),
        grid: Grid::new(&cards),
        cards: &cards,
        layout,
        nodes,
        hierarchy: OnceCell::new(),
    };
    pairs
        .iter()
        .filter(|&&(a, b)| a != b && (a as usize) < n && (b as usize) < n)
        .map(|&(a, b)| Connector {
            from: a,
            to: b,
            points: simplify(router.route(a as usize, b as usize)),
            dotted: true,
        })
        .collect()
}

/// A quarter of the smallest parent-to-child gap keeps the turns clear of the solid buses,
/// which run at half the gap.
fn clearance(nodes: &[NodeInput], cards: &[Rect]) -> f64 {
    let mut gap = f64::INFINITY;
    for (c, node) in nodes.iter().enumerate().take(cards.len()) {
        if let Some(p) = node.parent.filter(|&p| (p as usize) < cards.len()) {
            let p = &cards[p as usize];
            let d = cards[c].y - (p.y + p.h);
            if d > EPS {
                gap = gap.min(d);
            }
        }
    }
    if gap.is_finite() {
        gap / 4.0
    } else {
        12.0
    }
}

pub(crate) struct Router<'a> {
    pub cards: &'a [Rect],
    grid: Grid,
    pub clearance: f64,
    layout: &'a Layout,
    nodes: &'a [NodeInput],
    /// Only built when some pair has no free corridor.
    hierarchy: OnceCell<Option<Hierarchy>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Edge {
    Top,
    Bottom,
}

impl Router<'_> {
    fn route(&self, a: usize, b: usize) -> Vec<(f64, f64)> {
        use Edge::{Bottom, Top};
        let (ra, rb) = (&self.cards[a], &self.cards[b]);
        let edges = if rb.y >= ra.bottom() {
            [(Bottom, Top), (Top, Top), (Bottom, Bottom), (Top, Bottom)]
        } else if ra.y >= rb.bottom() {
            [(Top, Bottom), (Top, Top), (Bottom, Bottom), (Bottom, Top)]
        } else {
            [(Top, Top), (Bottom, Bottom), (Bottom, Top), (Top, Bottom)]
        };
        for &(ea, eb) in &edges {
            if let Some(p) = self.search(ra, ea, rb, eb) {
                return p;
            }
        }
        let hierarchy = self
            .hierarchy
            .get_or_init(|| Hierarchy::new(self.layout, self.nodes, self.cards, self.clearance));
        if let Some(h) = hierarchy {
            return h.route(self, a, b);
        }
        // Only for inputs that are not a forest: a straight-as-possible line.
        let (ea, eb) = edges[0];
        self.path(ra, ea, rb, eb, exit_x(ra, rb))
    }

    fn path(&self, a: &Rect, ea: Edge, b: &Rect, eb: Edge, xc: f64) -> Vec<(f64, f64)> {
        let (xa, xb) = (exit_x(a, b), exit_x(b, a));
        let (ya, yb) = (port(a, ea), port(b, eb));
        let (y1, y2) = (self.turn(a, ea, xa), self.turn(b, eb, xb));
        vec![(xa, ya), (xa, y1), (xc, y1), (xc, y2), (xb, y2), (xb, yb)]
    }

    fn search(&self, a: &Rect, ea: Edge, b: &Rect, eb: Edge) -> Option<Vec<(f64, f64)>> {
        let c = self.clearance;
        let (xa, xb) = (exit_x(a, b), exit_x(b, a));
        // Shortest detour first; among equals, the one nearest the exit.
        let cost = |xc: f64| ((xc - xa).abs() + (xc - xb).abs(), (xc - xa).abs());
        let mut pending = vec![xa, xb];
        let mut tried: Vec<f64> = Vec::new();
        let mut blockers = Vec::new();
        while tried.len() < TRIES {
            let k = (0..pending.len()).min_by(|&i, &j| {
                let (p, q) = (cost(pending[i]), cost(pending[j]));
                p.0.total_cmp(&q.0).then(p.1.total_cmp(&q.1))
            })?;
            let xc = pending.swap_remove(k);
            if tried.iter().any(|t| (t - xc).abs() < EPS) {
                continue;
            }
            tried.push(xc);
            let p = self.path(a, ea, b, eb, xc);
            if self.is_clear(&p) {
                return Some(p);
            }
            // A card in the corridor suggests the gaps on either side of it. A card across a
            // turn means the corridor must come down between it and the end of that turn.
            self.grid.hits(self.cards, p[2], p[3], &mut blockers);
            for &k in &blockers {
                let r = &self.cards[k as usize];
                pending.push(r.x - c);
                pending.push(r.x + r.w + c);
            }
            for (turn, end) in [((p[1], p[2]), xa), ((p[3], p[4]), xb)] {
                self.grid.hits(self.cards, turn.0, turn.1, &mut blockers);
                let nearest = blockers
                    .iter()
                    .map(|&k| &self.cards[k as usize])
                    .min_by(|r, s| {
                        let d = |r: &Rect| (r.x + r.w / 2.0 - end).abs();
                        d(r).total_cmp(&d(s))
                    });
                if let Some(r) = nearest {
                    pending.push(if end < r.x { r.x - c } else { r.x + r.w + c });
                }
            }
        }
        None
    }

    /// Where to turn beside edge `e` of `r`: one clearance away, or halfway to the next card
    /// (a stacked column) when that is closer.
    fn turn(&self, r: &Rect, e: Edge, x: f64) -> f64 {
        let c = self.clearance;
        let (from, dir) = match e {
            Edge::Top => (r.y, -1.0),
            Edge::Bottom => (r.bottom(), 1.0),
        };
        let mut hits = Vec::new();
        self.grid
            .hits(self.cards, (x, from), (x, from + dir * 2.0 * c), &mut hits);
        let room = hits
            .iter()
            .map(|&k| {
                let o = &self.cards[k as usize];
                match e {
                    Edge::Top => from - o.bottom(),
                    Edge::Bottom => o.y - from,
                }
            })
            .fold(2.0 * c, f64::min)
            .max(0.0);
        from + dir * c.min(room / 2.0)
    }

    fn is_clear(&self, points: &[(f64, f64)]) -> bool {
        points
            .windows(2)
            .all(|s| !self.grid.blocked(self.cards, s[0], s[1]))
    }
}

/// Off centre towards the other card, so the line does not run along the solid ones.
fn exit_x(from: &Rect, to: &Rect) -> f64 {
    let toward = if to.x + to.w / 2.0 >= from.x + from.w / 2.0 {
        1.0
    } else {
        -1.0
    };
    from.x + from.w / 2.0 + toward * from.w / 4.0
}

fn port(r: &Rect, e: Edge) -> f64 {
    match e {
        Edge::Top => r.y,
        Edge::Bottom => r.bottom(),
    }
}

impl Rect {
    pub(crate) fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Drops repeated points and straight-through corners, which renderers would draw as joints.
pub(crate) fn simplify(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(&last) = out.last() {
            if (last.0 - p.0).abs() < EPS && (last.1 - p.1).abs() < EPS {
                continue;
            }
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let vertical = (a.0 - b.0).abs() < EPS && (b.0 - p.0).abs() < EPS;
            let horizontal = (a.1 - b.1).abs() < EPS && (b.1 - p.1).abs() < EPS;
            if vertical || horizontal {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
