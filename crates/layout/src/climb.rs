//! The dotted-line route of last resort: along the hierarchy.
//!
//! When no single free corridor joins two cards, the line climbs from each card towards their
//! lowest common manager, passing every manager on the way through the sibling gap beside it
//! and crossing each level in the bus zone just above the level's cards. The tidy layout keeps
//! those places free of cards: a manager's padded box is separated from everything else on its
//! level, and a band reaches a full level gap below anything that could stick into a bus zone.
//! The route is longer than a corridor but never runs through a card.

use crate::dotted::Router;
use crate::forest::{Forest, NONE};
use crate::{Layout, NodeInput, Rect};

pub(crate) struct Hierarchy {
    forest: Forest,
    /// y of the first cards at each depth.
    level_top: Vec<f64>,
    /// For a stacked leaf: the x of the card side its connector enters and of the middle of the
    /// lane between that side and the spine.
    lane: Vec<Option<(f64, f64)>>,
    /// How far beside a manager the climb passes: within half the sibling gap.
    beside: f64,
}

impl Hierarchy {
    /// `None` when the nodes are not a forest, which `layout_forest` would have refused.
    pub fn new(
        layout: &Layout,
        nodes: &[NodeInput],
        cards: &[Rect],
        clearance: f64,
    ) -> Option<Hierarchy> {
        let forest = Forest::build(&nodes[..cards.len()]).ok()?;
        let mut level_top = Vec::new();
        for &v in &forest.order {
            let d = forest.depth[v as usize] as usize;
            if level_top.len() <= d {
                level_top.push(f64::INFINITY);
            }
            level_top[d] = level_top[d].min(cards[v as usize].y);
        }
        let mut lane = vec![None; cards.len()];
        for con in layout.connectors.iter().filter(|c| !c.dotted) {
            let (v, k) = (con.to as usize, con.points.len());
            let Some(r) = cards.get(v) else { continue };
            if k < 2 {
                continue;
            }
            let (end, before) = (con.points[k - 1], con.points[k - 2]);
            let on_side = (end.0 - r.x).abs() < 1e-6 || (end.0 - r.x - r.w).abs() < 1e-6;
            if on_side && (end.1 - (r.y + r.h / 2.0)).abs() < 1e-6 {
                lane[v] = Some((end.0, (end.0 + before.0) / 2.0));
            }
        }
        let mut gap = f64::INFINITY;
        for p in 0..cards.len() as u32 {
            for pair in forest.children(p).windows(2) {
                let (l, r) = (&cards[pair[0] as usize], &cards[pair[1] as usize]);
                let between = r.x - (l.x + l.w);
                if (l.y - r.y).abs() < 1e-6 && between > 1e-6 {
                    gap = gap.min(between);
                }
            }
        }
        Some(Hierarchy {
            forest,
            level_top,
            lane,
            beside: clearance.min(gap / 2.0),
        })
    }

    pub fn route(&self, router: &Router, a: usize, b: usize) -> Vec<(f64, f64)> {
        let f = &self.forest;
        let (mut x, mut y) = (a as u32, b as u32);
        while f.depth[x as usize] > f.depth[y as usize] {
            x = f.parent[x as usize];
        }
        while f.depth[y as usize] > f.depth[x as usize] {
            y = f.parent[y as usize];
        }
        while x != y && x != NONE {
            x = f.parent[x as usize];
            y = f.parent[y as usize];
        }
        let common = x; // NONE when the two are in different trees
        let cards = router.cards;
        let centre = |v: usize| cards[v].x + cards[v].w / 2.0;
        let mut path = self.climb(router, a, common, centre(b));
        let mut back = self.climb(router, b, common, centre(a));
        back.reverse();
        path.extend(back);
        path
    }

    /// From `v`'s edge up to the bus zone under `common` (above the roots if `NONE`), keeping
    /// to the side facing `toward`.
    fn climb(&self, router: &Router, v: usize, common: u32, toward: f64) -> Vec<(f64, f64)> {
        let f = &self.forest;
        let cards = router.cards;
        let c = router.clearance;
        let r = &cards[v];
        let zone_above = |u: usize| self.level_top[f.depth[u] as usize] - c;
        let side_of = |r: &Rect| if toward < r.x + r.w / 2.0 { -1.0 } else { 1.0 };
        let mut pts = Vec::new();
        if v as u32 == common {
            // The other card is below this one: leave through the bottom into its own bus zone.
            let x = r.x + r.w / 2.0 + side_of(r) * r.w / 4.0;
            pts.push((x, r.bottom()));
            pts.push((x, self.level_top[f.depth[v] as usize + 1] - c));
            return pts;
        }
        let mut x = match self.lane[v] {
            Some((side, lane)) => {
                let mid = r.y + r.h / 2.0;
                pts.push((side, mid));
                pts.push((lane, mid));
                lane
            }
            None => {
                let x = r.x + r.w / 2.0 + side_of(r) * r.w / 4.0;
                pts.push((x, r.y));
                x
            }
        };
        let mut y = zone_above(v);
        pts.push((x, y));
        let mut up = f.parent[v];
        while up != common && up != NONE {
            let m = &cards[up as usize];
            x = if side_of(m) < 0.0 {
                m.x - self.beside
            } else {
                m.x + m.w + self.beside
            };
            pts.push((x, y));
            y = zone_above(up as usize);
            pts.push((x, y));
            up = f.parent[up as usize];
        }
        pts
    }
}
