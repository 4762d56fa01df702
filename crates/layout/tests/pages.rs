//! Properties of charts split into pages: every node on exactly one page, every cut line marked
//! at both ends with the page of the other end, and the subtrees packed onto a sheet never
//! overlapping nor leaving it.

mod common;

use common::*;
use proptest::prelude::*;
use topograph_layout::{paginate, LayoutOptions, NodeInput, PageMark, PageOptions};

/// Random forests of standard cards: parents drawn from earlier nodes, biased to recent ones so
/// that deep chains and wide teams both occur.
fn forest() -> impl Strategy<Value = Vec<NodeInput>> {
    prop::collection::vec((0u32..1000, 0u8..20), 1..400).prop_map(|raw| {
        raw.iter()
            .enumerate()
            .map(|(i, &(pick, root))| {
                let parent = if i == 0 || root == 0 {
                    None
                } else if pick % 3 == 0 {
                    Some(i - 1 - (pick as usize / 3) % i.min(4))
                } else {
                    Some(pick as usize % i)
                };
                node(parent.map(|p| p as u32))
            })
            .collect()
    })
}

fn sheet() -> impl Strategy<Value = PageOptions> {
    (700.0f64..1600.0, 500.0f64..1200.0).prop_map(|(width, height)| PageOptions {
        width,
        height,
        mark_width: 200.0,
        mark_height: 44.0,
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_node_is_on_one_page_and_every_mark_names_the_page_of_the_other_end(
        nodes in forest(),
        page in sheet(),
    ) {
        let pages = paginate(&nodes, &LayoutOptions::default(), &page).unwrap();
        let mut page_of = vec![usize::MAX; nodes.len()];
        for (k, p) in pages.iter().enumerate() {
            for &v in &p.nodes {
                prop_assert_eq!(page_of[v as usize], usize::MAX, "node {} on two pages", v);
                page_of[v as usize] = k;
            }
            prop_assert_eq!(p.inputs.len(), p.nodes.len() + p.marks.len());
            prop_assert_eq!(p.layout.x.len(), p.inputs.len());
            if let Some(h) = p.head {
                prop_assert!(p.heads.first() == Some(&h), "the head is the first of the heads");
            }
            for &h in &p.heads {
                prop_assert!(p.nodes.contains(&h), "head {} is on its page", h);
            }
        }
        prop_assert!(page_of.iter().all(|&k| k != usize::MAX), "every node is on a page");
        for (k, p) in pages.iter().enumerate() {
            for m in &p.marks {
                match *m {
                    PageMark::Continued { parent, child, page: to } => {
                        prop_assert_eq!(nodes[child as usize].parent, Some(parent));
                        prop_assert_eq!(page_of[parent as usize], k);
                        prop_assert_ne!(to, k, "a line continues on another page");
                        prop_assert_eq!(page_of[child as usize], to);
                        prop_assert!(pages[to].heads.contains(&child), "page {} holds the subtree headed by {}", to, child);
                        let from = PageMark::From { parent, child, page: k };
                        prop_assert!(pages[to].marks.contains(&from), "page {} says where {} comes from", to, child);
                    }
                    PageMark::From { parent, child, page: from } => {
                        prop_assert!(p.heads.contains(&child));
                        prop_assert_eq!(page_of[parent as usize], from);
                        prop_assert_ne!(from, k);
                    }
                }
            }
            // Every line between two pages is marked.
            for &v in &p.nodes {
                if let Some(q) = nodes[v as usize].parent {
                    if page_of[q as usize] != k {
                        prop_assert!(p.heads.contains(&v), "{} reports across pages but heads none", v);
                    }
                }
            }
        }
    }

    #[test]
    fn subtrees_sharing_a_sheet_neither_overlap_nor_leave_it(nodes in forest(), page in sheet()) {
        let pages = paginate(&nodes, &LayoutOptions::default(), &page).unwrap();
        for p in &pages {
            assert_no_overlaps(&p.layout, &p.inputs);
            if p.fits {
                prop_assert!(p.layout.bounds.w <= page.width + 1e-6 && p.layout.bounds.h <= page.height + 1e-6);
                for i in 0..p.inputs.len() {
                    let (x, y, w, h) = rect(&p.layout, &p.inputs, i);
                    prop_assert!(x >= -1e-6 && y >= -1e-6 && x + w <= page.width + 1e-6 && y + h <= page.height + 1e-6);
                }
            }
        }
    }
}

/// Pages for a generated org of `n` people in 4-to-8-person teams, for the count below.
fn org(n: usize) -> Vec<NodeInput> {
    let mut nodes = vec![node(None)];
    let mut next_manager = 0usize;
    let mut span = 0usize;
    while nodes.len() < n {
        let cap = 4 + (next_manager * 7) % 5;
        nodes.push(node(Some(next_manager as u32)));
        span += 1;
        if span >= cap {
            next_manager += 1;
            span = 0;
        }
    }
    nodes
}

#[test]
fn small_subtrees_share_sheets_so_a_big_org_needs_about_as_many_pages_as_its_cards_fill() {
    let page = PageOptions {
        width: 1000.0,
        height: 700.0,
        mark_width: 200.0,
        mark_height: 44.0,
    };
    let nodes = org(2000);
    let pages = paginate(&nodes, &LayoutOptions::default(), &page).unwrap();
    // A sheet holds 4 x 5 cards' room at most; packing keeps within 3x of that bound.
    let bound = nodes.len().div_ceil(20);
    assert!(
        pages.len() <= bound * 3,
        "{} pages for {} people (room-bound {bound})",
        pages.len(),
        nodes.len()
    );
    assert!(
        pages.iter().any(|p| p.heads.len() > 1),
        "some sheet holds several subtrees"
    );
}
