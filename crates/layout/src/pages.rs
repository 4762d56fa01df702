//! Splitting a chart too big for one sheet into pages along subtrees.
//!
//! Each region holds one manager (its head) and as much of the tree below as fits; a report
//! whose subtree does not fit heads a region of their own. Where a reporting line leaves a page, the page
//! gets a "continued" mark in the report's place; the page the line enters gets a "from" mark
//! above its head. Marks are laid out as cards of their own, so they never overlap a card and
//! count towards the page's size. Every node lands on exactly one page.
//!
//! Cutting is greedy and bottom-up (each node keeps what fits below it and cuts its largest
//! reports first), with a node budget derived from the page's area; each region is then laid out
//! for the page's shape and, while it does not fit, cut again with a smaller budget. A region that
//! still does not fit (a head with more leaf reports than a sheet holds) is reported as such, for
//! the printer to shrink, and has a sheet to itself.
//!
//! Regions are then packed onto sheets in reading order, several small subtrees to a sheet: each
//! goes to the first sheet with room (a skyline, highest then leftmost), in whichever of its
//! arrangements fits there (the page-shaped one, the tidy tree, portrait, square or landscape
//! blocks), but never onto the sheet of the region its line comes from, so every mark names
//! another page. The sample needs 14 A4 landscape pages instead of 28 (docs/perf/pages.md).

use crate::{layout_forest, Connector, Layout, LayoutError, LayoutOptions, NodeInput, Rect};

/// The sheet and the size of the marks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageOptions {
    /// Room for the chart on one page, in layout units.
    pub width: f64,
    pub height: f64,
    /// The size of a "continued" or "from" mark.
    pub mark_width: f64,
    pub mark_height: f64,
}

/// A line cut at the page's edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageMark {
    /// The line from `parent` (on this page) to `child`, who heads page `page` (from 0).
    Continued {
        parent: u32,
        child: u32,
        page: usize,
    },
    /// The line to `child` (this page's head) from `parent`, who is on page `page`.
    From {
        parent: u32,
        child: u32,
        page: usize,
    },
}

/// One page of a paginated forest.
#[derive(Clone, Debug, PartialEq)]
pub struct PageLayout {
    /// The first head: the node whose subtree the page shows first; `None` for the first page
    /// of a forest with several roots, which shows the tops of all of them.
    pub head: Option<u32>,
    /// Every subtree's head on the page, in the order placed (small subtrees share a sheet).
    pub heads: Vec<u32>,
    /// The input nodes on the page, subtree by subtree; `nodes[k]` is at index `k` of `layout`.
    pub nodes: Vec<u32>,
    /// Mark `m` is at index `nodes.len() + m` of `layout`.
    pub marks: Vec<PageMark>,
    /// What was laid out: the nodes (parents as layout indices), then the marks.
    pub inputs: Vec<NodeInput>,
    /// The page's own layout, arranged for the page's shape, top-left at `(0, 0)`.
    pub layout: Layout,
    /// The layout fits within the page's width and height.
    pub fits: bool,
}

/// Splits `nodes` into pages of `page`'s size, laid out with `opts` arranged for the page's shape.
/// Pages come in reading order: the top of the chart first, then each page followed by the pages
/// its cut lines continue on (depth first, in input order).
pub fn paginate(
    nodes: &[NodeInput],
    opts: &LayoutOptions,
    page: &PageOptions,
) -> Result<Vec<PageLayout>, LayoutError> {
    // Validates the forest (range, cycles) before anything walks it.
    let forest = crate::forest::Forest::build(nodes)?;
    let n = nodes.len();
    let mut opts = opts.clone();
    let aspect = page.width / page.height;
    opts.target_aspect = (aspect.is_finite() && aspect > 0.0).then_some(aspect);
    let children: Vec<&[u32]> = (0..n)
        .map(|v| &forest.kids[forest.start[v] as usize..forest.start[v + 1] as usize])
        .collect();
    let mut p = Paginator {
        nodes,
        opts: &opts,
        page,
        children,
        roots: &forest.roots,
        cut: vec![false; n],
        residual: vec![0; n],
        budget: budget(nodes, &opts, page),
    };

    // Regions: a head (None: the forest's top) and, once settled, its members and layout.
    let mut settled: Vec<Settled> = Vec::new();
    let mut queue: Vec<Option<u32>> = vec![None];
    while let Some(head) = queue.pop() {
        if n == 0 {
            break;
        }
        let mut cap = p.budget;
        let mut cuts = p.cut_below(head, cap);
        loop {
            let (members, cut_lines) = p.region(head);
            let (mut inputs, mut laid) = p.lay_out(head, &members, &cut_lines, 1.0)?;
            let fits =
                |l: &Layout| l.bounds.w <= page.width + 1e-6 && l.bounds.h <= page.height + 1e-6;
            let mut more = Vec::new();
            while !fits(&laid) && more.is_empty() && cap > 1 {
                cap = (cap * 2 / 3).max(1);
                more = p.cut_below(head, cap);
            }
            if !more.is_empty() {
                cuts.extend(more);
                continue;
            }
            // Nothing left to cut: a manager with more direct reports than a column holds gets
            // stacks arranged for a wider shape, so they spread across the sheet.
            let mut wider = 1.0;
            while !fits(&laid) && wider < 16.0 {
                wider *= 1.15;
                let (i, l) = p.lay_out(head, &members, &cut_lines, wider)?;
                if l.bounds.w > page.width + 1e-6 && laid.bounds.w <= page.width + 1e-6 {
                    break;
                }
                (inputs, laid) = (i, l);
            }
            let ok = fits(&laid);
            // Other arrangements of the same cards, for packing beside other subtrees: the
            // tidy tree, and portrait, square and landscape blocks; smallest first, the packer
            // takes the first that has room.
            let mut shapes = vec![laid];
            if ok {
                for aspect in [None, Some(0.5), Some(1.0), Some(2.0)] {
                    let o = LayoutOptions {
                        target_aspect: aspect,
                        ..opts.clone()
                    };
                    let l = layout_forest(&inputs, &o)?;
                    if fits(&l) {
                        shapes.push(l);
                    }
                }
                shapes.sort_by(|a, b| {
                    (a.bounds.w * a.bounds.h).total_cmp(&(b.bounds.w * b.bounds.h))
                });
            }
            settled.push((head, members, cut_lines, (inputs, shapes), ok));
            break;
        }
        // Popped last-in first-out: reversed so the first cut is worked on first.
        queue.extend(cuts.into_iter().rev().map(Some));
    }

    // Regions in reading order: the top first, then heads in depth-first pre-order of the
    // input forest; then packed onto sheets, several small regions to a sheet.
    let order = preorder(&p.children, p.roots, n);
    settled.sort_by_key(|s| s.0.map_or(0, |h| order[h as usize] + 1));
    let mut region_of_node = vec![usize::MAX; n];
    for (r, s) in settled.iter().enumerate() {
        for &v in &s.1 {
            region_of_node[v as usize] = r;
        }
    }
    let parent_region: Vec<Option<usize>> = settled
        .iter()
        .map(|s| {
            s.0.and_then(|h| nodes[h as usize].parent)
                .map(|q| region_of_node[q as usize])
        })
        .collect();
    let sheets = pack(&settled, &parent_region, &opts, page);
    let mut page_of_region = vec![0usize; settled.len()];
    for (k, sheet) in sheets.iter().enumerate() {
        for &(r, _, _, _) in sheet {
            page_of_region[r] = k;
        }
    }
    let page_of_node = |v: u32| page_of_region[region_of_node[v as usize]];
    let tops = p.tops(None);
    let mut slots: Vec<Option<Settled>> = settled.into_iter().map(Some).collect();
    Ok(sheets
        .iter()
        .map(|sheet| {
            let regions: Vec<(Region, f64, f64)> = sheet
                .iter()
                .map(|&(r, j, dx, dy)| {
                    let (head, members, cut_lines, (inputs, mut shapes), fits) =
                        slots[r].take().expect("each region once");
                    let layout = shapes.swap_remove(j);
                    ((head, members, cut_lines, (inputs, layout), fits), dx, dy)
                })
                .collect();
            merge(regions, nodes, &tops, &page_of_node)
        })
        .collect())
}

/// One sheet's regions, each shifted to its place, as one page: nodes of every region first,
/// then the marks of every region, in the regions' order.
fn merge(
    regions: Vec<(Region, f64, f64)>,
    nodes: &[NodeInput],
    tops: &[u32],
    page_of_node: &dyn Fn(u32) -> usize,
) -> PageLayout {
    let total_nodes: usize = regions.iter().map(|(s, _, _)| s.1.len()).sum();
    let mut out = PageLayout {
        head: None,
        heads: Vec::new(),
        nodes: Vec::with_capacity(total_nodes),
        marks: Vec::new(),
        inputs: Vec::new(),
        layout: Layout {
            x: Vec::new(),
            y: Vec::new(),
            connectors: Vec::new(),
            bounds: Rect::default(),
        },
        fits: true,
    };
    let mut mark_inputs = Vec::new();
    let (mut mark_x, mut mark_y) = (Vec::new(), Vec::new());
    let mut mark_offset = 0usize;
    let (mut right, mut bottom) = (0.0f64, 0.0f64);
    for (k, ((head, members, cut_lines, (inputs, layout), fits), dx, dy)) in
        regions.into_iter().enumerate()
    {
        let m = members.len();
        let base = out.nodes.len();
        let marks_here = inputs.len() - m;
        // Local index to the page's: nodes keep their block, marks go after every node.
        let at = |i: u32| -> u32 {
            let i = i as usize;
            if i < m {
                (base + i) as u32
            } else {
                (total_nodes + mark_offset + i - m) as u32
            }
        };
        if k == 0 {
            out.head = head.or_else(|| (tops.len() == 1).then(|| tops[0]));
        }
        out.heads
            .extend(head.or_else(|| (tops.len() == 1).then(|| tops[0])));
        out.fits &= fits;
        for (i, input) in inputs.iter().enumerate() {
            let input = NodeInput {
                parent: input.parent.map(at),
                ..*input
            };
            let (x, y) = (layout.x[i] + dx, layout.y[i] + dy);
            if i < m {
                out.inputs.push(input);
                out.layout.x.push(x);
                out.layout.y.push(y);
            } else {
                mark_inputs.push(input);
                mark_x.push(x);
                mark_y.push(y);
            }
        }
        for c in layout.connectors {
            out.layout.connectors.push(Connector {
                from: at(c.from),
                to: at(c.to),
                points: c.points.iter().map(|&(x, y)| (x + dx, y + dy)).collect(),
                dotted: c.dotted,
            });
        }
        right = right.max(dx + layout.bounds.w);
        bottom = bottom.max(dy + layout.bounds.h);
        out.nodes.extend_from_slice(&members);
        out.marks.extend(
            cut_lines
                .iter()
                .map(|&(parent, child)| PageMark::Continued {
                    parent,
                    child,
                    page: page_of_node(child),
                }),
        );
        if let Some(h) = head {
            if let Some(parent) = nodes[h as usize].parent {
                out.marks.push(PageMark::From {
                    parent,
                    child: h,
                    page: page_of_node(parent),
                });
            }
        }
        mark_offset += marks_here;
    }
    out.inputs.extend(mark_inputs);
    out.layout.x.extend(mark_x);
    out.layout.y.extend(mark_y);
    out.layout.connectors.sort_by_key(|c| c.to);
    out.layout.bounds = Rect {
        x: 0.0,
        y: 0.0,
        w: right,
        h: bottom,
    };
    out
}

/// Packs regions onto sheets in reading order, each onto the first sheet with room for it
/// (shelves, left to right and top to bottom), never onto the sheet of the region its head's
/// line comes from (a "continued" mark always names another page). A region that does not fit
/// a sheet alone gets one of its own. Returns each sheet's `(region, shape, dx, dy)`, the shape
/// an index into the region's arrangements.
fn pack(
    settled: &[Settled],
    parent_region: &[Option<usize>],
    opts: &LayoutOptions,
    page: &PageOptions,
) -> Vec<Vec<(usize, usize, f64, f64)>> {
    // Apart by more than cards of one team are, so each subtree reads as its own.
    let gap_x = 2.0 * crate::clean(opts.sibling_gap);
    let gap_y = crate::clean(opts.level_gap);
    let mut sheets: Vec<Shelves> = Vec::new();
    let mut out: Vec<Vec<(usize, usize, f64, f64)>> = Vec::new();
    let mut sheet_of = vec![usize::MAX; settled.len()];
    for (r, s) in settled.iter().enumerate() {
        let shapes = &(s.3).1;
        let avoid = parent_region[r].map(|q| sheet_of[q]);
        let try_on = |sheet: &mut Shelves| {
            shapes.iter().enumerate().find_map(|(j, l)| {
                sheet
                    .place(l.bounds.w, l.bounds.h, page, gap_x, gap_y)
                    .map(|xy| (j, xy))
            })
        };
        let spot = if s.4 {
            (0..sheets.len())
                .filter(|&k| Some(k) != avoid)
                .find_map(|k| try_on(&mut sheets[k]).map(|at| (k, at)))
        } else {
            None
        };
        let (k, (j, (dx, dy))) = spot.unwrap_or_else(|| {
            let mut fresh = Shelves::default();
            let at = if s.4 {
                try_on(&mut fresh).unwrap_or((0, (0.0, 0.0)))
            } else {
                // Alone and printed smaller: nothing else goes on it.
                fresh.full = true;
                (0, (0.0, 0.0))
            };
            sheets.push(fresh);
            out.push(Vec::new());
            (sheets.len() - 1, at)
        });
        sheet_of[r] = k;
        out[k].push((r, j, dx, dy));
    }
    out
}

/// The free room of a sheet as a skyline: for each stretch across, how far down it is taken
/// (gaps included). A region goes where it sits highest, then furthest left.
#[derive(Default)]
struct Shelves {
    /// `(x, width, taken down to)`, left to right, covering the sheet's width once used.
    sky: Vec<(f64, f64, f64)>,
    full: bool,
}

impl Shelves {
    /// Where a `w` x `h` region goes on the sheet, if it has room; the room is then taken.
    fn place(
        &mut self,
        w: f64,
        h: f64,
        page: &PageOptions,
        gap_x: f64,
        gap_y: f64,
    ) -> Option<(f64, f64)> {
        const EPS: f64 = 1e-6;
        if self.full || w > page.width + EPS || h > page.height + EPS {
            return None;
        }
        if self.sky.is_empty() {
            self.sky.push((0.0, page.width, 0.0));
        }
        let mut best: Option<(f64, f64)> = None;
        for &(x, _, _) in &self.sky {
            if x + w > page.width + EPS {
                break;
            }
            let y = self
                .sky
                .iter()
                .filter(|&&(sx, sw, _)| sx < x + w - EPS && sx + sw > x + EPS)
                .map(|&(_, _, d)| d)
                .fold(0.0f64, f64::max);
            if y + h <= page.height + EPS && best.is_none_or(|(bx, by)| (y, x) < (by, bx)) {
                best = Some((x, y));
            }
        }
        let (x, y) = best?;
        // The stretch the region takes, with the gap to its right and below.
        let (x0, x1, down) = (x, (x + w + gap_x).min(page.width), y + h + gap_y);
        let mut sky = Vec::with_capacity(self.sky.len() + 2);
        for &(sx, sw, d) in &self.sky {
            let end = sx + sw;
            if end <= x0 + EPS || sx >= x1 - EPS {
                sky.push((sx, sw, d));
                continue;
            }
            if sx < x0 - EPS {
                sky.push((sx, x0 - sx, d));
            }
            if end > x1 + EPS {
                sky.push((x1, end - x1, d));
            }
        }
        sky.push((x0, x1 - x0, down));
        sky.sort_by(|a, b| a.0.total_cmp(&b.0));
        self.sky = sky;
        Some((x, y))
    }
}

/// A region in the one arrangement it is printed in.
type Region = (
    Option<u32>,
    Vec<u32>,
    Vec<(u32, u32)>,
    (Vec<NodeInput>, Layout),
    bool,
);

/// A region once it fits: head, members, cut lines, what was laid out and its arrangements
/// (smallest first; only the page-shaped one when it does not fit), and whether it fits.
type Settled = (
    Option<u32>,
    Vec<u32>,
    Vec<(u32, u32)>,
    (Vec<NodeInput>, Vec<Layout>),
    bool,
);

/// How many cards a page holds if they filled it as a grid, at least one.
fn budget(nodes: &[NodeInput], opts: &LayoutOptions, page: &PageOptions) -> usize {
    let (mut w, mut h) = (page.mark_width, page.mark_height);
    for node in nodes {
        w = w.max(crate::clean(node.width));
        h = h.max(crate::clean(node.height));
    }
    let cols = (page.width / (w + crate::clean(opts.sibling_gap)).max(1.0)).floor();
    let rows = (page.height / (h + crate::clean(opts.level_gap)).max(1.0)).floor();
    (cols * rows).max(1.0) as usize
}

/// Depth-first pre-order index of every node, children in input order.
fn preorder(children: &[&[u32]], roots: &[u32], n: usize) -> Vec<usize> {
    let mut order = vec![0; n];
    let mut next = 0;
    let mut stack: Vec<u32> = roots.iter().rev().copied().collect();
    while let Some(v) = stack.pop() {
        order[v as usize] = next;
        next += 1;
        stack.extend(children[v as usize].iter().rev());
    }
    order
}

struct Paginator<'a> {
    nodes: &'a [NodeInput],
    opts: &'a LayoutOptions,
    page: &'a PageOptions,
    children: Vec<&'a [u32]>,
    roots: &'a [u32],
    /// Heads another page.
    cut: Vec<bool>,
    /// Cards and marks a node keeps on its page below and including itself.
    residual: Vec<usize>,
    budget: usize,
}

impl Paginator<'_> {
    /// The tops of the region of `head`: the head itself, or the forest's roots.
    fn tops(&self, head: Option<u32>) -> Vec<u32> {
        match head {
            Some(h) => vec![h],
            None => self
                .roots
                .iter()
                .copied()
                .filter(|&r| !self.cut[r as usize])
                .collect(),
        }
    }

    /// Cuts reports below `head` until every node keeps at most `cap` cards and marks; returns
    /// the nodes newly cut, in input order.
    fn cut_below(&mut self, head: Option<u32>, cap: usize) -> Vec<u32> {
        let mut cuts = Vec::new();
        // Post-order without recursion: a node is finished after all its kept reports.
        let mut post = Vec::new();
        let mut stack = self.tops(head);
        while let Some(v) = stack.pop() {
            post.push(v);
            stack.extend(
                self.children[v as usize]
                    .iter()
                    .filter(|&&c| !self.cut[c as usize]),
            );
        }
        for &v in post.iter().rev() {
            let kids = self.children[v as usize];
            // The head's "from" mark sits above it on the page.
            let from = usize::from(Some(v) == head && self.nodes[v as usize].parent.is_some());
            let mut total = 1 + from;
            for &c in kids {
                total += if self.cut[c as usize] {
                    1
                } else {
                    self.residual[c as usize]
                };
            }
            if total > cap {
                let mut open: Vec<u32> = kids
                    .iter()
                    .copied()
                    .filter(|&c| !self.cut[c as usize] && self.residual[c as usize] > 1)
                    .collect();
                // Largest first; ties by input order, so the result is deterministic.
                open.sort_by_key(|&c| (std::cmp::Reverse(self.residual[c as usize]), c));
                for c in open {
                    if total <= cap {
                        break;
                    }
                    self.cut[c as usize] = true;
                    total -= self.residual[c as usize] - 1;
                    cuts.push(c);
                }
            }
            self.residual[v as usize] = total;
        }
        if head.is_none() {
            // Separate trees share the first page while they fit; the largest go to pages of
            // their own (no line joins them, so no marks), the first page keeping at least one.
            let mut tops = self.tops(None);
            let mut total: usize = tops.iter().map(|&r| self.residual[r as usize]).sum();
            tops.sort_by_key(|&r| (std::cmp::Reverse(self.residual[r as usize]), r));
            let mut left = tops.len();
            for r in tops {
                if total <= cap || left <= 1 {
                    break;
                }
                self.cut[r as usize] = true;
                total -= self.residual[r as usize];
                left -= 1;
                cuts.push(r);
            }
        }
        cuts.sort_unstable();
        cuts
    }

    /// The nodes on the page of `head` (ascending) and its cut lines `(parent, child)`.
    fn region(&self, head: Option<u32>) -> (Vec<u32>, Vec<(u32, u32)>) {
        let mut members = Vec::new();
        let mut cut_lines = Vec::new();
        let mut stack = self.tops(head);
        while let Some(v) = stack.pop() {
            members.push(v);
            for &c in self.children[v as usize] {
                if self.cut[c as usize] {
                    cut_lines.push((v, c));
                } else {
                    stack.push(c);
                }
            }
        }
        members.sort_unstable();
        cut_lines.sort_unstable_by_key(|&(_, c)| c);
        (members, cut_lines)
    }

    /// The page's layout (arranged for the page's shape made `wider`): its nodes, a mark in place of each cut report, a mark above the head.
    fn lay_out(
        &self,
        head: Option<u32>,
        members: &[u32],
        cut_lines: &[(u32, u32)],
        wider: f64,
    ) -> Result<(Vec<NodeInput>, Layout), LayoutError> {
        let index = |v: u32| members.binary_search(&v).ok().map(|k| k as u32);
        let mark = |_: ()| NodeInput {
            parent: None,
            width: self.page.mark_width,
            height: self.page.mark_height,
        };
        let mut input: Vec<NodeInput> = members
            .iter()
            .map(|&v| NodeInput {
                parent: self.nodes[v as usize].parent.and_then(index),
                ..self.nodes[v as usize]
            })
            .collect();
        for &(parent, _) in cut_lines {
            input.push(NodeInput {
                parent: index(parent),
                ..mark(())
            });
        }
        if let Some(h) = head.filter(|&h| self.nodes[h as usize].parent.is_some()) {
            let at = input.len() as u32;
            input.push(mark(()));
            if let Some(k) = index(h) {
                input[k as usize].parent = Some(at);
            }
        }
        let opts = LayoutOptions {
            target_aspect: self.opts.target_aspect.map(|a| a * wider),
            ..self.opts.clone()
        };
        let laid = layout_forest(&input, &opts)?;
        Ok((input, laid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(parent: Option<u32>) -> NodeInput {
        NodeInput {
            parent,
            width: 200.0,
            height: 72.0,
        }
    }

    /// A complete tree: every node has `span` reports down to `depth` levels.
    fn tree(span: u32, depth: u32) -> Vec<NodeInput> {
        let mut nodes = vec![card(None)];
        let mut level = vec![0u32];
        for _ in 1..depth {
            let mut next = Vec::new();
            for &p in &level {
                for _ in 0..span {
                    nodes.push(card(Some(p)));
                    next.push(nodes.len() as u32 - 1);
                }
            }
            level = next;
        }
        nodes
    }

    const A4: PageOptions = PageOptions {
        width: 1000.0,
        height: 700.0,
        mark_width: 200.0,
        mark_height: 72.0,
    };

    #[test]
    fn a_chart_that_fits_is_one_page_headed_by_its_root() {
        let nodes = tree(2, 3);
        let pages = paginate(&nodes, &LayoutOptions::default(), &A4).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].head, Some(0));
        assert_eq!(pages[0].nodes.len(), nodes.len());
        assert!(pages[0].marks.is_empty() && pages[0].fits);
    }

    #[test]
    fn a_big_chart_is_cut_along_subtrees_with_both_marks_on_every_cut_line() {
        let nodes = tree(4, 5);
        let pages = paginate(&nodes, &LayoutOptions::default(), &A4).unwrap();
        assert!(pages.len() > 3, "{} pages", pages.len());
        let mut seen = vec![0; nodes.len()];
        for (k, p) in pages.iter().enumerate() {
            assert!(p.fits, "page {k} fits");
            for &v in &p.nodes {
                seen[v as usize] += 1;
            }
            for m in &p.marks {
                match *m {
                    PageMark::Continued {
                        parent,
                        child,
                        page,
                    } => {
                        assert!(p.nodes.contains(&parent));
                        assert!(pages[page].heads.contains(&child));
                        assert!(pages[page].marks.contains(&PageMark::From {
                            parent,
                            child,
                            page: k
                        }));
                    }
                    PageMark::From { child, .. } => assert!(p.heads.contains(&child)),
                }
            }
        }
        assert!(
            seen.iter().all(|&s| s == 1),
            "every node on exactly one page"
        );
        assert_eq!(pages[0].head, Some(0), "the top comes first");
    }

    #[test]
    fn a_deep_chain_is_cut_into_pages_of_a_few_levels() {
        let nodes: Vec<_> = (0..40u32).map(|i| card(i.checked_sub(1))).collect();
        let pages = paginate(&nodes, &LayoutOptions::default(), &A4).unwrap();
        assert!(pages.len() >= 5);
        assert!(pages.iter().all(|p| p.fits));
        // Reading order follows the chain down.
        let heads: Vec<u32> = pages.iter().map(|p| p.head.unwrap()).collect();
        assert!(heads.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_forest_of_small_trees_shares_the_first_page() {
        let mut nodes = Vec::new();
        for _ in 0..3 {
            let root = nodes.len() as u32;
            nodes.push(card(None));
            nodes.push(card(Some(root)));
        }
        let pages = paginate(&nodes, &LayoutOptions::default(), &A4).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].head, None);
    }

    #[test]
    fn a_cycle_is_an_error_not_a_hang() {
        let nodes = vec![card(Some(1)), card(Some(0))];
        assert!(paginate(&nodes, &LayoutOptions::default(), &A4).is_err());
    }
}
