//! What every exported view provides: its extent and its SVG elements, for the whole diagram or
//! for one region of it (a PDF tile).

use topograph_scene::SceneRect;

/// How much of each shape to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything the screen shows at full zoom: labels, badges, team chips.
    Full,
    /// Shapes only, as the screen draws a zoomed-out chart: for images where a label would be
    /// under a few pixels tall and unreadable anyway.
    Blocks,
}

/// A view ready to be written as SVG elements (in scene units, y down).
pub trait Diagram: Sync {
    /// Encloses everything drawn.
    fn bounds(&self) -> SceneRect;
    /// Appends the elements of everything that meets `region` (everything when `None`).
    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail);
    /// The height of the smallest label in scene units, to decide when labels are too small.
    fn smallest_text(&self) -> f64 {
        crate::style::TITLE_SIZE
    }
}

/// The smallest rectangle holding `a` and `b`: a diagram with something drawn beside it.
pub fn union(a: SceneRect, b: SceneRect) -> SceneRect {
    let (x0, y0) = (a.x.min(b.x), a.y.min(b.y));
    let (x1, y1) = ((a.x + a.w).max(b.x + b.w), (a.y + a.h).max(b.y + b.h));
    SceneRect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

/// True when the rectangle `x, y, w, h` meets `region` (always when there is no region).
pub fn meets(region: Option<&SceneRect>, x: f64, y: f64, w: f64, h: f64) -> bool {
    match region {
        None => true,
        Some(r) => x <= r.x + r.w && x + w >= r.x && y <= r.y + r.h && y + h >= r.y,
    }
}

/// The bounding box of a flat polyline `x0, y0, x1, y1, ...`.
pub fn polyline_box(points: &[f64]) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in points.chunks_exact(2) {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    (x0, y0, x1 - x0, y1 - y0)
}

/// Boxes bucketed on a coarse grid, so each PDF tile finds what meets it without scanning the
/// whole diagram (a 100k chart on 3,000 pages would otherwise test every card 3,000 times).
pub struct Grid {
    x0: f64,
    y0: f64,
    cell_w: f64,
    cell_h: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
}

impl Grid {
    /// Boxes `(x, y, w, h)` within `bounds`, numbered in order.
    pub fn new(bounds: SceneRect, boxes: &[(f64, f64, f64, f64)]) -> Grid {
        // About eight boxes a cell.
        let per = (boxes.len() / 8).max(1) as f64;
        let cell = ((bounds.w.max(1.0) * bounds.h.max(1.0)) / per)
            .sqrt()
            .max(64.0);
        // Never more cells than boxes (a very wide chart gets cells as wide as it needs).
        let most = boxes.len().max(1) as f64;
        let cols = (bounds.w / cell).ceil().clamp(1.0, most) as usize;
        let rows = (bounds.h / cell)
            .ceil()
            .clamp(1.0, most / cols as f64)
            .max(1.0) as usize;
        let mut g = Grid {
            x0: bounds.x,
            y0: bounds.y,
            cell_w: bounds.w.max(1.0) / cols as f64,
            cell_h: bounds.h.max(1.0) / rows as f64,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
        };
        for (i, &(x, y, w, h)) in boxes.iter().enumerate() {
            let (c0, c1, r0, r1) = g.span(x, y, w, h);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    g.cells[r * cols + c].push(i as u32);
                }
            }
        }
        g
    }

    fn span(&self, x: f64, y: f64, w: f64, h: f64) -> (usize, usize, usize, usize) {
        let col =
            |v: f64| (((v - self.x0) / self.cell_w).floor().max(0.0) as usize).min(self.cols - 1);
        let row =
            |v: f64| (((v - self.y0) / self.cell_h).floor().max(0.0) as usize).min(self.rows - 1);
        (col(x), col(x + w), row(y), row(y + h))
    }

    /// The boxes in cells that meet `r`, ascending and each once (callers still test them).
    pub fn near(&self, r: &SceneRect) -> Vec<usize> {
        let (c0, c1, r0, r1) = self.span(r.x, r.y, r.w, r.h);
        let mut out: Vec<usize> = (r0..=r1)
            .flat_map(|row| (c0..=c1).map(move |c| row * self.cols + c))
            .flat_map(|k| self.cells[k].iter().map(|&i| i as usize))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_finds_every_box_that_meets_a_region_in_order() {
        // A wide, flat spread of boxes like a big org chart, some spanning many cells.
        let boxes: Vec<_> = (0..5000)
            .map(|i| {
                let x = (i * 7919 % 100_000) as f64;
                let y = (i * 104_729 % 900) as f64;
                let w = if i % 97 == 0 { 20_000.0 } else { 150.0 };
                (x, y, w, 60.0)
            })
            .collect();
        let bounds = SceneRect {
            x: 0.0,
            y: 0.0,
            w: 120_000.0,
            h: 960.0,
        };
        let grid = Grid::new(bounds, &boxes);
        for k in 0..40 {
            let r = SceneRect {
                x: k as f64 * 3000.0 - 500.0,
                y: (k % 3) as f64 * 300.0,
                w: 3000.0,
                h: 400.0,
            };
            let near = grid.near(&r);
            assert!(near.windows(2).all(|p| p[0] < p[1]));
            let meeting: Vec<usize> = (0..boxes.len())
                .filter(|&i| {
                    let (x, y, w, h) = boxes[i];
                    meets(Some(&r), x, y, w, h)
                })
                .collect();
            assert!(meeting.iter().all(|i| near.binary_search(i).is_ok()));
        }
    }
}
