//! Index of the cards for testing route segments: horizontal bands, each sorted by x, so a
//! segment costs a binary search per band it touches rather than a scan of the chart. Routes
//! across a 100k-card chart run through thousands of cards' x ranges, so fixed-size cells
//! would mean thousands of lookups per test.

use crate::Rect;

const EPS: f64 = 1e-6;

pub(crate) struct Grid {
    band: f64,
    top: i64,
    /// Per band: the cards overlapping it, sorted by left edge, and the widest of them (to know
    /// how far left of a query a card can start and still reach into it).
    bands: Vec<(Vec<u32>, f64)>,
}

impl Grid {
    pub fn new(cards: &[Rect]) -> Grid {
        let n = cards.len().max(1) as f64;
        // Thin bands: a horizontal segment then only meets cards that really reach its height,
        // which matters for turns that run along a whole level.
        let band = (cards.iter().map(|r| r.h).sum::<f64>() / n / 4.0).max(1.0);
        let top = cards.iter().map(|r| band_of(r.y, band)).min().unwrap_or(0);
        let bottom = cards
            .iter()
            .map(|r| band_of(r.y + r.h, band))
            .max()
            .unwrap_or(0);
        let mut bands: Vec<(Vec<u32>, f64)> = vec![(Vec::new(), 0.0); (bottom - top + 1) as usize];
        for (i, r) in cards.iter().enumerate() {
            for b in band_of(r.y, band)..=band_of(r.y + r.h, band) {
                let slot = &mut bands[(b - top) as usize];
                slot.0.push(i as u32);
                slot.1 = slot.1.max(r.w);
            }
        }
        for (ids, _) in &mut bands {
            ids.sort_unstable_by(|&a, &b| cards[a as usize].x.total_cmp(&cards[b as usize].x));
        }
        Grid { band, top, bands }
    }

    /// Cards whose interior an axis-parallel segment passes through; touching an edge is fine
    /// because routes start and end on card edges.
    pub fn hits(&self, cards: &[Rect], a: (f64, f64), b: (f64, f64), out: &mut Vec<u32>) {
        out.clear();
        self.scan(cards, a, b, |k| {
            out.push(k);
            true
        });
        // A card spanning several bands is found once per band.
        out.sort_unstable();
        out.dedup();
    }

    pub fn blocked(&self, cards: &[Rect], a: (f64, f64), b: (f64, f64)) -> bool {
        !self.scan(cards, a, b, |_| false)
    }

    /// Calls `found` for each card crossed; stops early, returning false, when it says so.
    fn scan(
        &self,
        cards: &[Rect],
        a: (f64, f64),
        b: (f64, f64),
        mut found: impl FnMut(u32) -> bool,
    ) -> bool {
        let (lx, hx) = (a.0.min(b.0), a.0.max(b.0));
        let (ly, hy) = (a.1.min(b.1), a.1.max(b.1));
        let first = (band_of(ly, self.band) - self.top).max(0);
        let last = (band_of(hy, self.band) - self.top).min(self.bands.len() as i64 - 1);
        for b in first..=last {
            let (ids, widest) = &self.bands[b as usize];
            let from = ids.partition_point(|&k| cards[k as usize].x < lx - widest - EPS);
            for &k in &ids[from..] {
                let r = &cards[k as usize];
                if r.x >= hx {
                    break;
                }
                let inside_x = lx.max(r.x + EPS) < hx.min(r.x + r.w - EPS)
                    || (lx == hx && lx > r.x + EPS && lx < r.x + r.w - EPS);
                let inside_y = ly.max(r.y + EPS) < hy.min(r.y + r.h - EPS)
                    || (ly == hy && ly > r.y + EPS && ly < r.y + r.h - EPS);
                if inside_x && inside_y && !found(k) {
                    return false;
                }
            }
        }
        true
    }
}

fn band_of(y: f64, band: f64) -> i64 {
    (y / band).floor() as i64
}
