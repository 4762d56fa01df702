//! Van der Ploeg's linear-time tidy layout for nodes of varying size ("Drawing non-layered tidy
//! trees in linear time", Software: Practice and Experience, 2014), made iterative.
//!
//! The paper's first walk is a post-order recursion; here it runs over the reversed
//! breadth-first order, which also visits every child before its parent. All children of a
//! parent are therefore finished before the parent separates them, which is equivalent to the
//! paper's interleaving because separating child `i` only touches subtrees `0..=i`.
//!
//! Items are numbered in breadth-first order, so each node's children are a contiguous range of
//! ids and both walks sweep the arrays sequentially instead of jumping around memory.

use std::ops::Range;

use crate::forest::NONE;

/// The tree as the algorithm sees it: padded widths (so touching boxes already respect the
/// sibling gap) and the bottom of each item's vertical band. Items are in breadth-first order:
/// the children of `v` are the items `start[v]..start[v + 1]`.
pub(crate) struct Tree<'a> {
    pub w: &'a [f64],
    pub bottom: &'a [f64],
    pub start: &'a [u32],
}

impl Tree<'_> {
    #[inline]
    fn children(&self, v: usize) -> Range<usize> {
        self.start[v] as usize..self.start[v + 1] as usize
    }
}

struct State<'a> {
    t: &'a Tree<'a>,
    prelim: Vec<f64>,
    modv: Vec<f64>,
    shift: Vec<f64>,
    change: Vec<f64>,
    /// Threads continue a contour past a leaf into a deeper sibling subtree.
    tl: Vec<u32>,
    tr: Vec<u32>,
    /// Deepest left/right node of each subtree and the modifier sums from the subtree root to it.
    el: Vec<u32>,
    er: Vec<u32>,
    msel: Vec<f64>,
    mser: Vec<f64>,
}

/// Returns the left edge of each item's padded box, in the coordinate frame of its own tree.
pub(crate) fn relative_x(t: &Tree) -> Vec<f64> {
    let m = t.w.len();
    let mut s = State {
        t,
        prelim: vec![0.0; m],
        modv: vec![0.0; m],
        shift: vec![0.0; m],
        change: vec![0.0; m],
        tl: vec![NONE; m],
        tr: vec![NONE; m],
        el: vec![NONE; m],
        er: vec![NONE; m],
        msel: vec![0.0; m],
        mser: vec![0.0; m],
    };
    // (lowest bottom, child index) of the left siblings still visible from the right; the last
    // element is the most recent sibling. Reused across parents to avoid allocating.
    let mut iyl: Vec<(f64, usize)> = Vec::new();
    for v in (0..m).rev() {
        s.first_walk(v, &mut iyl);
    }
    s.second_walk()
}

impl State<'_> {
    fn first_walk(&mut self, v: usize, iyl: &mut Vec<(f64, usize)>) {
        let t = self.t;
        let kids = t.children(v);
        if kids.is_empty() {
            self.el[v] = v as u32;
            self.er[v] = v as u32;
            return;
        }
        let (first, last) = (kids.start, kids.end - 1);
        iyl.clear();
        iyl.push((t.bottom[self.el[first] as usize], first));
        for c in first + 1..=last {
            // Read before separating: separation may repoint this subtree's extreme node.
            let low = t.bottom[self.er[c] as usize];
            self.separate(first, c, iyl);
            while iyl.last().is_some_and(|&(y, _)| low >= y) {
                iyl.pop();
            }
            iyl.push((low, c));
        }
        self.prelim[v] = (self.prelim[first]
            + self.modv[first]
            + self.modv[last]
            + self.prelim[last]
            + t.w[last])
            / 2.0
            - t.w[v] / 2.0;
        self.el[v] = self.el[first];
        self.msel[v] = self.msel[first];
        self.er[v] = self.er[last];
        self.mser[v] = self.mser[last];
    }

    /// Pushes child `c` right until it clears its left siblings `first..c`.
    fn separate(&mut self, first: usize, c: usize, iyl: &[(f64, usize)]) {
        let t = self.t;
        let mut sr = c as u32 - 1;
        let mut mssr = self.modv[sr as usize];
        let mut cl = c as u32;
        let mut mscl = self.modv[cl as usize];
        let mut ih = iyl.len() - 1;
        while sr != NONE && cl != NONE {
            let (r, l) = (sr as usize, cl as usize);
            // `while` rather than the paper's `if`: a tall node can pass several siblings' low
            // points at once, and lagging would spread the extra space over the wrong siblings.
            while ih > 0 && t.bottom[r] > iyl[ih].0 {
                ih -= 1;
            }
            let dist = (mssr + self.prelim[r] + t.w[r]) - (mscl + self.prelim[l]);
            if dist > 0.0 {
                mscl += dist;
                self.move_subtree(c, iyl[ih].1, dist);
            }
            let (sy, cy) = (t.bottom[r], t.bottom[l]);
            if sy <= cy {
                sr = self.next_right(r);
                if sr != NONE {
                    mssr += self.modv[sr as usize];
                }
            }
            if sy >= cy {
                cl = self.next_left(l);
                if cl != NONE {
                    mscl += self.modv[cl as usize];
                }
            }
        }
        if sr == NONE && cl != NONE {
            self.set_left_thread(first, c, cl as usize, mscl);
        } else if sr != NONE && cl == NONE {
            self.set_right_thread(c, sr as usize, mssr);
        }
    }

    /// `si` is the left sibling whose contour forced the move.
    fn move_subtree(&mut self, c: usize, si: usize, dist: f64) {
        self.modv[c] += dist;
        self.msel[c] += dist;
        self.mser[c] += dist;
        // Spread the same push over the siblings in between so they do not bunch up on the left.
        if si + 1 != c {
            let nr = (c - si) as f64;
            self.shift[si + 1] += dist / nr;
            self.shift[c] -= dist / nr;
            self.change[c] -= dist - dist / nr;
        }
    }

    #[inline]
    fn next_left(&self, v: usize) -> u32 {
        let k = self.t.children(v);
        if k.is_empty() {
            self.tl[v]
        } else {
            k.start as u32
        }
    }

    #[inline]
    fn next_right(&self, v: usize) -> u32 {
        let k = self.t.children(v);
        if k.is_empty() {
            self.tr[v]
        } else {
            k.end as u32 - 1
        }
    }

    /// The eldest sibling's left contour is shorter than `c`'s: continue it into `c`'s subtree.
    fn set_left_thread(&mut self, first: usize, c: usize, cl: usize, modsum_cl: f64) {
        let li = self.el[first] as usize;
        self.tl[li] = cl as u32;
        // Following the thread must yield cl's true offset, so fold the difference into the
        // thread source's modifier and undo it on its own position.
        let diff = (modsum_cl - self.modv[cl]) - self.msel[first];
        self.modv[li] += diff;
        self.prelim[li] -= diff;
        self.el[first] = self.el[c];
        self.msel[first] = self.msel[c];
    }

    fn set_right_thread(&mut self, c: usize, sr: usize, modsum_sr: f64) {
        let ri = self.er[c] as usize;
        self.tr[ri] = sr as u32;
        let diff = (modsum_sr - self.modv[sr]) - self.mser[c];
        self.modv[ri] += diff;
        self.prelim[ri] -= diff;
        self.er[c] = self.er[c - 1];
        self.mser[c] = self.mser[c - 1];
    }

    fn second_walk(mut self) -> Vec<f64> {
        let t = self.t;
        let m = t.w.len();
        let mut x = vec![0.0; m];
        // Modifier sum of each item's ancestors, filled in by the parent before the child is
        // visited (breadth-first ids put parents first).
        let mut above = vec![0.0; m];
        for v in 0..m {
            let modsum = above[v] + self.modv[v];
            x[v] = self.prelim[v] + modsum;
            let (mut d, mut delta) = (0.0, 0.0);
            for c in t.children(v) {
                d += self.shift[c];
                delta += d + self.change[c];
                self.modv[c] += delta;
                above[c] = modsum;
            }
        }
        x
    }
}
