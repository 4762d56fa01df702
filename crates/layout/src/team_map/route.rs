//! Orthogonal routes for the team map's interaction lines, around the boxes instead of through
//! them.
//!
//! A route leaves its first box from the middle of one side, runs along lanes that keep
//! `margin` clear of every obstacle (the gaps between boxes, where no chip is), and enters the
//! other box in the middle of one side. It is the shortest such path with a penalty per turn,
//! found by A* on the sparse grid of the obstacles' lane lines. Lines that share a corridor
//! share its lane, so parallel lines run bundled on one line instead of fanning across it.
//! Only the obstacles near the two boxes are looked at first; the whole map only when that
//! finds nothing.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::Rect;

/// What a turn costs, in scene units of length: fewer turns read better than a slightly
/// shorter line.
const TURN: f64 = 40.0;
/// Grids beyond this many nodes are not searched (the caller draws a straight line instead).
const MAX_NODES: usize = 2_000_000;
const EPS: f64 = 1e-6;

/// The route from box `a` to box `b` (their top-left corner and size) around `obstacles`, or
/// `None` when there is none (or one box holds the other, where a line inside is right).
/// `a` and `b` may themselves be among the obstacles.
pub fn route_around(a: Rect, b: Rect, obstacles: &[Rect], margin: f64) -> Option<Vec<(f64, f64)>> {
    if contains(&a, &b) || contains(&b, &a) {
        return None;
    }
    let margin = margin.max(1.0);
    let hull = union(&a, &b);
    let reach = hull.w.max(hull.h).max(400.0);
    let near = inflate(&hull, reach);
    let close: Vec<Rect> = obstacles
        .iter()
        .copied()
        .filter(|o| meets(o, &near))
        .collect();
    if let Some(p) = search(&a, &b, &close, margin) {
        return Some(p);
    }
    if close.len() == obstacles.len() {
        return None;
    }
    search(&a, &b, obstacles, margin)
}

/// A place a route may start or end: on the box's edge, the point a margin out, and whether
/// the line leaves along x (0) or y (1).
type Port = ((f64, f64), (f64, f64), u8);

/// The middle of each side of `r`.
fn ports(r: &Rect, margin: f64) -> [Port; 4] {
    let (cx, cy) = (r.x + r.w / 2.0, r.y + r.h / 2.0);
    [
        ((cx, r.y), (cx, r.y - margin), 1),
        ((cx, r.y + r.h), (cx, r.y + r.h + margin), 1),
        ((r.x, cy), (r.x - margin, cy), 0),
        ((r.x + r.w, cy), (r.x + r.w + margin, cy), 0),
    ]
}

fn search(a: &Rect, b: &Rect, obstacles: &[Rect], margin: f64) -> Option<Vec<(f64, f64)>> {
    let (pa, pb) = (ports(a, margin), ports(b, margin));
    let mut xs: Vec<f64> = Vec::with_capacity(obstacles.len() * 2 + 8);
    let mut ys: Vec<f64> = Vec::with_capacity(obstacles.len() * 2 + 8);
    for o in obstacles.iter().chain([a, b]) {
        xs.extend([o.x - margin, o.x + o.w + margin]);
        ys.extend([o.y - margin, o.y + o.h + margin]);
    }
    for p in pa.iter().chain(&pb) {
        xs.push(p.1 .0);
        ys.push(p.1 .1);
    }
    let dedup = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.dedup_by(|p, q| (*p - *q).abs() < EPS);
    };
    dedup(&mut xs);
    dedup(&mut ys);
    let (nx, ny) = (xs.len(), ys.len());
    if nx * ny > MAX_NODES {
        return None;
    }
    let at = |v: &[f64], x: f64| v.partition_point(|&p| p < x - EPS);
    // Blocked nodes and edges: strictly inside an obstacle grown by (almost) the margin.
    let mut node = vec![false; nx * ny];
    let mut h_edge = vec![false; nx * ny];
    let mut v_edge = vec![false; nx * ny];
    for o in obstacles.iter().chain([a, b]) {
        let (x0, x1) = (o.x - margin, o.x + o.w + margin);
        let (y0, y1) = (o.y - margin, o.y + o.h + margin);
        let (i0, i1) = (at(&xs, x0), at(&xs, x1));
        let (j0, j1) = (at(&ys, y0), at(&ys, y1));
        for (j, &y) in ys.iter().enumerate().take(j1.min(ny - 1) + 1).skip(j0) {
            let inside_y = y > y0 + EPS && y < y1 - EPS;
            for (i, &x) in xs.iter().enumerate().take(i1.min(nx - 1) + 1).skip(i0) {
                let inside_x = x > x0 + EPS && x < x1 - EPS;
                let k = j * nx + i;
                if inside_x && inside_y {
                    node[k] = true;
                }
                // The edge from this node to the right / down runs inside the obstacle.
                if inside_y && i < i1 && x >= x0 - EPS {
                    h_edge[k] = true;
                }
                if inside_x && j < j1 && y >= y0 - EPS {
                    v_edge[k] = true;
                }
            }
        }
    }

    // A* over (node, heading): heading 0 is horizontal, 1 vertical.
    let states = nx * ny * 2;
    let mut cost = vec![f64::INFINITY; states];
    let mut from = vec![u32::MAX; states];
    let mut heap = BinaryHeap::new();
    let goals: Vec<(usize, usize)> = pb
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let (i, j) = (at(&xs, p.1 .0), at(&ys, p.1 .1));
            (i < nx && j < ny && !node[j * nx + i]).then_some((j * nx + i, k))
        })
        .collect();
    if goals.is_empty() {
        return None;
    }
    let heuristic = |k: usize| {
        let (x, y) = (xs[k % nx], ys[k / nx]);
        goals
            .iter()
            .map(|&(g, _)| (xs[g % nx] - x).abs() + (ys[g / nx] - y).abs())
            .fold(f64::INFINITY, f64::min)
    };
    let key = |f: f64| Reverse(f.to_bits());
    for p in &pa {
        let (i, j) = (at(&xs, p.1 .0), at(&ys, p.1 .1));
        if i >= nx || j >= ny || node[j * nx + i] {
            continue;
        }
        let s = (j * nx + i) * 2 + p.2 as usize;
        cost[s] = 0.0;
        heap.push((key(heuristic(j * nx + i)), s as u32));
    }
    let mut end = None;
    while let Some((Reverse(bits), s)) = heap.pop() {
        let s = s as usize;
        let (k, dir) = (s / 2, s % 2);
        if f64::from_bits(bits) > cost[s] + heuristic(k) + EPS {
            continue;
        }
        if let Some(g) = goals.iter().find(|g| g.0 == k) {
            end = Some((s, g.1));
            break;
        }
        let (i, j) = (k % nx, k / nx);
        let mut step = |to: usize, d: usize, len: f64| {
            if node[to] {
                return;
            }
            let c = cost[s] + len + if d == dir { 0.0 } else { TURN };
            let t = to * 2 + d;
            if c < cost[t] - EPS {
                cost[t] = c;
                from[t] = s as u32;
                heap.push((key(c + heuristic(to)), t as u32));
            }
        };
        if i + 1 < nx && !h_edge[k] {
            step(k + 1, 0, xs[i + 1] - xs[i]);
        }
        if i > 0 && !h_edge[k - 1] {
            step(k - 1, 0, xs[i] - xs[i - 1]);
        }
        if j + 1 < ny && !v_edge[k] {
            step(k + nx, 1, ys[j + 1] - ys[j]);
        }
        if j > 0 && !v_edge[k - nx] {
            step(k - nx, 1, ys[j] - ys[j - 1]);
        }
    }
    let (mut s, goal) = end?;
    let mut back = vec![pb[goal].0];
    loop {
        let k = s / 2;
        back.push((xs[k % nx], ys[k / nx]));
        if from[s] == u32::MAX {
            break;
        }
        s = from[s] as usize;
    }
    let first = back[back.len() - 1];
    let start = pa
        .iter()
        .find(|p| (p.1 .0 - first.0).abs() < EPS && (p.1 .1 - first.1).abs() < EPS)?;
    back.push(start.0);
    back.reverse();
    Some(crate::dotted::simplify(back))
}

fn contains(outer: &Rect, inner: &Rect) -> bool {
    inner.x >= outer.x - EPS
        && inner.y >= outer.y - EPS
        && inner.x + inner.w <= outer.x + outer.w + EPS
        && inner.y + inner.h <= outer.y + outer.h + EPS
}

fn union(a: &Rect, b: &Rect) -> Rect {
    let (x0, y0) = (a.x.min(b.x), a.y.min(b.y));
    let (x1, y1) = ((a.x + a.w).max(b.x + b.w), (a.y + a.h).max(b.y + b.h));
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

fn inflate(r: &Rect, by: f64) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

fn meets(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    fn crosses(p: &[(f64, f64)], o: &Rect) -> bool {
        p.windows(2).any(|s| {
            let (lx, hx) = (s[0].0.min(s[1].0), s[0].0.max(s[1].0));
            let (ly, hy) = (s[0].1.min(s[1].1), s[0].1.max(s[1].1));
            lx < o.x + o.w - EPS && hx > o.x + EPS && ly < o.y + o.h - EPS && hy > o.y + EPS
        })
    }

    #[test]
    fn a_line_between_two_boxes_goes_around_the_box_between_them() {
        let (a, wall, b) = (
            r(0.0, 0.0, 100.0, 60.0),
            r(140.0, -100.0, 60.0, 260.0),
            r(240.0, 0.0, 100.0, 60.0),
        );
        let p = route_around(a, b, &[a, wall, b], 10.0).unwrap();
        assert!(!crosses(&p, &wall), "{p:?}");
        assert!(!crosses(&p, &a) && !crosses(&p, &b), "{p:?}");
        for s in p.windows(2) {
            assert!((s[0].0 - s[1].0).abs() < EPS || (s[0].1 - s[1].1).abs() < EPS);
        }
        let on_edge = |q: (f64, f64), b: &Rect| {
            ((q.0 - b.x).abs() < EPS
                || (q.0 - b.x - b.w).abs() < EPS
                || (q.1 - b.y).abs() < EPS
                || (q.1 - b.y - b.h).abs() < EPS)
                && q.0 >= b.x - EPS
                && q.0 <= b.x + b.w + EPS
                && q.1 >= b.y - EPS
                && q.1 <= b.y + b.h + EPS
        };
        assert!(
            on_edge(p[0], &a) && on_edge(*p.last().unwrap(), &b),
            "{p:?}"
        );
    }

    #[test]
    fn a_box_inside_the_other_gets_no_route() {
        let outer = r(0.0, 0.0, 500.0, 500.0);
        assert!(route_around(outer, r(10.0, 10.0, 50.0, 50.0), &[], 10.0).is_none());
    }
}
