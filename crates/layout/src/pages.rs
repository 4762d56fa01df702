//! Splitting a chart too big for one sheet into pages along subtrees.
//!
//! Each page holds one manager (its head) and as much of the tree below as fits; a report whose
//! subtree does not fit heads a page of their own. Where a reporting line leaves a page, the page
//! gets a "continued" mark in the report's place; the page the line enters gets a "from" mark
//! above its head. Marks are laid out as cards of their own, so they never overlap a card and
//! count towards the page's size. Every node lands on exactly one page.
//!
//! Cutting is greedy and bottom-up (each node keeps what fits below it and cuts its largest
//! reports first), with a node budget derived from the page's area; each page is then laid out
//! for the page's shape and, while it does not fit, cut again with a smaller budget. A page that
//! still does not fit (a head with more leaf reports than a sheet holds) is reported as such, for
//! the printer to shrink.

use crate::{layout_forest, Layout, LayoutError, LayoutOptions, NodeInput};

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
    /// The head: the node whose subtree the page shows; `None` for the first page of a forest
    /// with several roots, which shows the tops of all of them.
    pub head: Option<u32>,
    /// The input nodes on the page, ascending; `nodes[k]` is at index `k` of `layout`.
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
            settled.push((head, members, cut_lines, (inputs, laid), ok));
            break;
        }
        // Popped last-in first-out: reversed so the first cut is worked on first.
        queue.extend(cuts.into_iter().rev().map(Some));
    }

    // Reading order: the top page, then heads in depth-first pre-order of the input forest.
    let order = preorder(&p.children, p.roots, n);
    let mut rank: Vec<(usize, usize)> = settled
        .iter()
        .enumerate()
        .map(|(k, s)| (s.0.map_or(0, |h| order[h as usize] + 1), k))
        .collect();
    rank.sort_unstable();
    let mut page_of_head = vec![usize::MAX; n];
    for (page_no, &(_, k)) in rank.iter().enumerate() {
        if let Some(h) = settled[k].0 {
            page_of_head[h as usize] = page_no;
        }
    }
    let mut page_of_node = vec![usize::MAX; n];
    for (page_no, &(_, k)) in rank.iter().enumerate() {
        for &v in &settled[k].1 {
            page_of_node[v as usize] = page_no;
        }
    }
    let mut slots: Vec<Option<_>> = settled.into_iter().map(Some).collect();
    let tops = p.tops(None);
    Ok(rank
        .iter()
        .map(|&(_, k)| {
            let (head, members, cut_lines, (inputs, layout), fits) =
                slots[k].take().expect("each once");
            let mut marks: Vec<PageMark> = cut_lines
                .iter()
                .map(|&(parent, child)| PageMark::Continued {
                    parent,
                    child,
                    page: page_of_head[child as usize],
                })
                .collect();
            if let Some(parent) = head.and_then(|h| nodes[h as usize].parent) {
                let child = head.expect("a head has a parent only when there is a head");
                marks.push(PageMark::From {
                    parent,
                    child,
                    page: page_of_node[parent as usize],
                });
            }
            PageLayout {
                head: head.or_else(|| (tops.len() == 1).then(|| tops[0])),
                nodes: members,
                marks,
                inputs,
                layout,
                fits,
            }
        })
        .collect())
}

/// A region once it fits: head, members, cut lines, what was laid out and how, and whether it fits.
type Settled = (
    Option<u32>,
    Vec<u32>,
    Vec<(u32, u32)>,
    (Vec<NodeInput>, Layout),
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
                        assert_eq!(pages[page].head, Some(child));
                        assert!(pages[page].marks.contains(&PageMark::From {
                            parent,
                            child,
                            page: k
                        }));
                    }
                    PageMark::From { child, .. } => assert_eq!(p.head, Some(child)),
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
