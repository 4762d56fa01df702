//! Geometric checks shared by the test files.
#![allow(dead_code)]

use topograph_layout::{Connector, Layout, NodeInput};

pub const EPS: f64 = 1e-6;

pub fn node(parent: Option<u32>) -> NodeInput {
    NodeInput {
        parent,
        width: 200.0,
        height: 72.0,
    }
}

pub fn rect(l: &Layout, nodes: &[NodeInput], i: usize) -> (f64, f64, f64, f64) {
    (l.x[i], l.y[i], nodes[i].width, nodes[i].height)
}

/// Pairs of cards whose interiors intersect; a sweep over x keeps 100k cards affordable.
pub fn overlaps(l: &Layout, nodes: &[NodeInput]) -> Vec<(usize, usize)> {
    let mut idx: Vec<usize> = (0..nodes.len()).collect();
    idx.sort_by(|&a, &b| l.x[a].total_cmp(&l.x[b]));
    let mut out = Vec::new();
    for (k, &a) in idx.iter().enumerate() {
        let (ax, ay, aw, ah) = rect(l, nodes, a);
        for &b in &idx[k + 1..] {
            let (bx, by, bw, bh) = rect(l, nodes, b);
            if bx >= ax + aw - EPS {
                break;
            }
            if bx < ax + aw - EPS && ax < bx + bw - EPS && by < ay + ah - EPS && ay < by + bh - EPS
            {
                out.push((a, b));
            }
        }
    }
    out
}

pub fn assert_no_overlaps(l: &Layout, nodes: &[NodeInput]) {
    let o = overlaps(l, nodes);
    assert!(
        o.is_empty(),
        "{} overlapping pairs, first {:?}",
        o.len(),
        o[0]
    );
}

pub fn assert_parents_above_children(l: &Layout, nodes: &[NodeInput]) {
    for (c, n) in nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            let p = p as usize;
            assert!(
                l.y[p] + nodes[p].height <= l.y[c] + EPS,
                "parent {p} is not above child {c}"
            );
        }
    }
}

/// Structure of a solid connector: one per edge, orthogonal, from the parent's bottom centre
/// to the child's top centre or to the middle of one of its sides.
pub fn assert_connectors_well_formed(l: &Layout, nodes: &[NodeInput]) {
    let edges = nodes.iter().filter(|n| n.parent.is_some()).count();
    assert_eq!(l.connectors.len(), edges);
    for con in &l.connectors {
        let (p, c) = (con.from as usize, con.to as usize);
        assert_eq!(nodes[c].parent, Some(con.from));
        assert!(!con.dotted);
        assert_orthogonal(con);
        let start = con.points[0];
        assert!(close(start.0, l.x[p] + nodes[p].width / 2.0));
        assert!(close(start.1, l.y[p] + nodes[p].height));
        let end = *con.points.last().unwrap();
        let (x, y, w, h) = rect(l, nodes, c);
        let top_centre = close(end.0, x + w / 2.0) && close(end.1, y);
        let side = (close(end.0, x) || close(end.0, x + w)) && close(end.1, y + h / 2.0);
        assert!(top_centre || side, "connector {p}->{c} ends at {end:?}");
    }
}

pub fn assert_orthogonal(con: &Connector) {
    assert!(con.points.len() >= 2);
    for s in con.points.windows(2) {
        assert!(
            close(s[0].0, s[1].0) || close(s[0].1, s[1].1),
            "diagonal segment {:?} in {}->{}",
            s,
            con.from,
            con.to
        );
    }
}

/// Whether an axis-parallel segment passes through the interior of card `i`.
pub fn crosses(l: &Layout, nodes: &[NodeInput], i: usize, a: (f64, f64), b: (f64, f64)) -> bool {
    let (x, y, w, h) = rect(l, nodes, i);
    let (lx, hx) = (a.0.min(b.0), a.0.max(b.0));
    let (ly, hy) = (a.1.min(b.1), a.1.max(b.1));
    let in_x = if hx - lx < EPS {
        lx > x + EPS && lx < x + w - EPS
    } else {
        lx.max(x) < hx.min(x + w) - EPS
    };
    let in_y = if hy - ly < EPS {
        ly > y + EPS && ly < y + h - EPS
    } else {
        ly.max(y) < hy.min(y + h) - EPS
    };
    in_x && in_y
}

/// Quadratic: for small charts only.
pub fn assert_connectors_cross_no_card(l: &Layout, nodes: &[NodeInput], cons: &[Connector]) {
    for con in cons {
        for s in con.points.windows(2) {
            for i in 0..nodes.len() {
                assert!(
                    !crosses(l, nodes, i, s[0], s[1]),
                    "connector {}->{} segment {:?} crosses card {i}",
                    con.from,
                    con.to,
                    s
                );
            }
        }
    }
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * (1.0 + a.abs().max(b.abs()))
}
