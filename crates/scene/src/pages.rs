//! The org chart split into pages along subtrees (`topograph export --tile`, the export dialog's
//! "Tile across pages"): each page a manager's subtree laid out for the sheet, headed with that
//! manager, with a "continued on page N" mark where a reporting line leaves the page and a
//! "from page N" mark where it enters ([`topograph_layout::paginate`]).

use crate::stubs::{self, DottedStub};
use crate::{bounds, card, name_of, visible_people, OrgChartScene, SceneConnector, SceneOptions};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use topograph_layout::{paginate, route_dotted, PageMark, PageOptions};
use topograph_model::{Error, ErrorCode, Org, Result};

/// Where a reporting line crosses to another page, drawn in the place of the card it leads to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PageMarkScene {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// True where the line leaves this page ("continued on page N"), false where it enters
    /// ("from page N").
    pub continued: bool,
    /// The other page, from 1 as printed.
    pub page: usize,
    /// The person on this page and the one on the other page.
    pub here: u32,
    pub other: u32,
    /// The other person's name.
    pub other_name: String,
}

impl PageMarkScene {
    /// The mark's first line.
    pub fn text(&self) -> String {
        if self.continued {
            format!("continued on page {}", self.page)
        } else {
            format!("from page {}", self.page)
        }
    }

    /// The mark's second line: who is at the other end.
    pub fn detail(&self) -> String {
        if self.continued {
            self.other_name.clone()
        } else {
            format!("reports to {}", self.other_name)
        }
    }
}

/// One page of the chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartPage {
    /// The people on the page, laid out from `(0, 0)`; its stubs include the dotted lines to
    /// people on other pages (`line` is `u32::MAX`, [`ChartPage::stub_pages`] says where).
    pub scene: OrgChartScene,
    /// The person whose subtree the page shows first; `None` for a first page holding several
    /// trees.
    pub head: Option<u32>,
    /// Every person heading a subtree on the page (several small subtrees share a sheet).
    pub heads: Vec<u32>,
    /// "<name> · <title>", or "Top of the org".
    pub heading: String,
    pub marks: Vec<PageMarkScene>,
    /// For each of the scene's stubs, the page (from 1) of its other end when that is another.
    pub stub_pages: Vec<Option<usize>>,
    /// The page fits the size asked for; one that does not (a manager with more direct reports
    /// than a sheet holds) is printed smaller.
    pub fits: bool,
}

/// The chart of `org` (folded as `collapsed`) on pages `width` x `height` scene units.
pub fn org_chart_pages(
    org: &Org,
    collapsed: &BTreeSet<u32>,
    opts: &SceneOptions,
    width: f64,
    height: f64,
) -> Result<Vec<ChartPage>> {
    let visible = visible_people(org, collapsed);
    let nodes = visible.nodes(opts);
    let page = PageOptions {
        width,
        height,
        mark_width: opts.card_width,
        mark_height: mark_height(opts),
    };
    let laid = paginate(&nodes, &opts.layout, &page).map_err(|e| {
        Error::new(
            ErrorCode::Corrupt,
            format!("the reporting lines could not be laid out: {e}"),
        )
    })?;
    let person = |v: u32| visible.people[v as usize];
    let mut page_of = vec![0usize; nodes.len()];
    for (k, p) in laid.iter().enumerate() {
        for &v in &p.nodes {
            page_of[v as usize] = k;
        }
    }
    // Dotted lines by card, as the whole chart draws them.
    let pairs = visible.dotted_pairs(org);

    let mut out = Vec::with_capacity(laid.len());
    for (k, p) in laid.iter().enumerate() {
        let here: HashMap<u32, u32> = p
            .nodes
            .iter()
            .enumerate()
            .map(|(i, &v)| (v, i as u32))
            .collect();
        let n = p.nodes.len();
        // The person id at the far end of a mark.
        let mark_person = |m: usize| match p.marks[m] {
            PageMark::Continued { child, .. } => person(child).id.0,
            PageMark::From { parent, .. } => person(parent).id.0,
        };
        let id_at = |i: u32| {
            let i = i as usize;
            if i < n {
                person(p.nodes[i]).id.0
            } else {
                mark_person(i - n)
            }
        };
        let local: Vec<(u32, u32)> = pairs
            .iter()
            .filter_map(|&(a, b)| Some((*here.get(&a)?, *here.get(&b)?)))
            .collect();
        let routed = route_dotted(&p.layout, &p.inputs, &local);
        let mut connectors: Vec<SceneConnector> = p
            .layout
            .connectors
            .iter()
            .chain(routed.iter())
            .map(|c| SceneConnector {
                from: id_at(c.from),
                to: id_at(c.to),
                points: c.points.iter().flat_map(|&(x, y)| [x, y]).collect(),
                dotted: c.dotted,
            })
            .collect();
        let ids: Vec<u32> = p.nodes.iter().map(|&v| person(v).id.0).collect();
        let x = p.layout.x[..n].to_vec();
        let y = p.layout.y[..n].to_vec();
        let w = vec![opts.card_width; n];
        let h = vec![opts.card_height; n];
        let cards = p
            .nodes
            .iter()
            .map(|&v| card(org, person(v), visible.hidden[v as usize]))
            .collect();
        let mut stubs = stubs::dotted_stubs(&connectors, opts.card_width, |id| name_of(org, id));
        let mut stub_pages = vec![None; stubs.len()];
        // A dotted line to someone on another page: a stub straight down from the card, a
        // quarter-width right of centre (where routes leave cards), labelled with the page.
        for &(a, b) in &pairs {
            let (pa, pb) = (page_of[a as usize], page_of[b as usize]);
            if pa == pb || (pa != k && pb != k) {
                continue;
            }
            let (at, other, to) = if pa == k { (a, b, false) } else { (b, a, true) };
            let i = here[&at] as usize;
            let sx = x[i] + w[i] * 0.75;
            let sy = y[i] + h[i];
            let other_page = page_of[other as usize] + 1;
            let label = DottedStub::label_for(to, person(other).display_name());
            stubs.push(stubs::stub(
                u32::MAX,
                person(at).id.0,
                person(other).id.0,
                to,
                vec![sx, sy, sx, sy + stubs::STUB_LENGTH / 2.0],
                format!("{label}, page {other_page}"),
            ));
            stub_pages.push(Some(other_page));
        }
        let marks = p
            .marks
            .iter()
            .enumerate()
            .map(|(m, mark)| {
                let i = n + m;
                let (continued, here_v, other_v, page) = match *mark {
                    PageMark::Continued {
                        parent,
                        child,
                        page,
                    } => (true, parent, child, page),
                    PageMark::From {
                        parent,
                        child,
                        page,
                    } => (false, child, parent, page),
                };
                PageMarkScene {
                    x: p.layout.x[i],
                    y: p.layout.y[i],
                    w: opts.card_width,
                    h: mark_height(opts),
                    continued,
                    page: page + 1,
                    here: person(here_v).id.0,
                    other: person(other_v).id.0,
                    other_name: person(other_v).display_name().to_string(),
                }
            })
            .collect::<Vec<_>>();
        let boxes: Vec<[f64; 4]> = (0..n)
            .map(|i| [x[i], y[i], x[i] + w[i], y[i] + h[i]])
            .chain(marks.iter().map(|m| [m.x, m.y, m.x + m.w, m.y + m.h]))
            .collect();
        stubs::place_labels(&mut stubs, &boxes, &connectors);
        // Marks are boxes like cards, so the bounds take them in through the connectors' ends
        // and their own corners.
        let mut bx = x.clone();
        let mut by = y.clone();
        bx.extend(marks.iter().map(|m: &PageMarkScene| m.x));
        by.extend(marks.iter().map(|m| m.y));
        let mut bw = w.clone();
        let mut bh = h.clone();
        bw.extend(marks.iter().map(|m| m.w));
        bh.extend(marks.iter().map(|m| m.h));
        connectors.shrink_to_fit();
        let bounds = bounds(&bx, &by, &bw, &bh, &connectors);
        let head = p.head.map(|v| person(v).id.0);
        let heading = match (p.head, p.heads.len()) {
            (Some(v), 0 | 1) => {
                let who = person(v);
                let title = &cards_title(org, who);
                if title.is_empty() {
                    who.display_name().to_string()
                } else {
                    format!("{} \u{00b7} {title}", who.display_name())
                }
            }
            // Several subtrees share the sheet: their heads by name, each also under its mark.
            (Some(_), _) => {
                let names: Vec<&str> = p.heads.iter().map(|&v| person(v).display_name()).collect();
                match names.split_last() {
                    Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                    None => String::new(),
                }
            }
            (None, _) => "Top of the org".to_string(),
        };
        let heads = p.heads.iter().map(|&v| person(v).id.0).collect();
        out.push(ChartPage {
            scene: OrgChartScene {
                ids,
                x,
                y,
                w,
                h,
                connectors,
                bounds,
                cards,
                stubs,
            },
            head,
            heads,
            heading,
            marks,
            stub_pages,
            fits: p.fits,
        });
    }
    Ok(out)
}

/// Marks hold two short lines, so they are lower than full cards (never taller than a card).
pub fn mark_height(opts: &SceneOptions) -> f64 {
    opts.card_height.min(MARK_HEIGHT)
}

/// The height of a page mark: two lines of text and their padding.
pub const MARK_HEIGHT: f64 = 44.0;

/// The title a card shows for `p`.
fn cards_title(org: &Org, p: &topograph_model::Person) -> String {
    card(org, p, 0).title
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn pages_of(org: &Org, w: f64, h: f64) -> Vec<ChartPage> {
        org_chart_pages(org, &BTreeSet::new(), &SceneOptions::default(), w, h).unwrap()
    }

    fn check(org: &Org, w: f64, h: f64) -> Vec<ChartPage> {
        let pages = pages_of(org, w, h);
        let mut seen: HashMap<u32, usize> = HashMap::new();
        for (k, p) in pages.iter().enumerate() {
            for &id in &p.scene.ids {
                *seen.entry(id).or_default() += 1;
            }
            let b = p.scene.bounds;
            assert!(
                b.w <= w + 1e-6 && b.h <= h + 1e-6,
                "page {} is {}x{}",
                k + 1,
                b.w,
                b.h
            );
            for m in &p.marks {
                let other = &pages[m.page - 1];
                assert_ne!(m.page, k + 1);
                if m.continued {
                    assert!(p.scene.ids.contains(&m.here));
                    assert!(
                        other.heads.contains(&m.other),
                        "page {} holds the report's subtree",
                        m.page
                    );
                    assert!(
                        other.marks.iter().any(|o| !o.continued
                            && o.page == k + 1
                            && o.here == m.other
                            && o.other == m.here),
                        "page {} says where its head's line comes from",
                        m.page
                    );
                } else {
                    assert!(p.heads.contains(&m.here));
                    assert!(other.scene.ids.contains(&m.other));
                    assert!(other
                        .marks
                        .iter()
                        .any(|o| o.continued && o.page == k + 1 && o.here == m.other));
                }
            }
        }
        assert_eq!(seen.len(), org.person_count(), "every person is on a page");
        assert!(seen.values().all(|&c| c == 1), "no one is on two pages");
        pages
    }

    /// A4's printable room at scale 1, as `topograph export --tile` and the dialog use it.
    fn a4(landscape: bool) -> (f64, f64) {
        let (w, h) = (595.28 - 56.0, 841.89 - 56.0 - 22.0);
        let (w, h) = if landscape {
            (841.89 - 56.0, 595.28 - 56.0 - 22.0)
        } else {
            (w, h)
        };
        (w / 0.75, h / 0.75)
    }

    #[test]
    fn the_sample_packs_onto_a_handful_of_a4_sheets() {
        let org = topograph_sample::sample();
        for landscape in [true, false] {
            let (w, h) = a4(landscape);
            let pages = check(&org, w, h);
            println!(
                "sample on A4 (landscape {landscape}): {} pages",
                pages.len()
            );
            // A sheet has room for about 16 cards: 150 people and the marks need 10 at the very
            // least; a page per subtree took 28.
            assert!(pages.len() <= 16, "{} pages", pages.len());
            assert!(
                pages.iter().any(|p| p.heads.len() > 1),
                "subtrees share sheets"
            );
        }
    }

    #[test]
    #[ignore = "prints the page counts docs/perf/pages.md records; slow in a debug build"]
    fn page_counts_of_a_generated_10k_org() {
        let org = topograph_sample::generate(10_000, 1);
        for landscape in [true, false] {
            let (w, h) = a4(landscape);
            let pages = check(&org, w, h);
            println!("10k on A4 (landscape {landscape}): {} pages", pages.len());
        }
    }

    #[test]
    fn generated_orgs_split_into_pages_that_fit_with_every_cut_line_marked_at_both_ends() {
        for (people, seed) in [(150, 1), (600, 7), (2000, 3)] {
            let org = topograph_sample::generate(people, seed);
            let pages = check(&org, 1100.0, 700.0);
            assert!(pages.len() > 1, "{people} people on {} pages", pages.len());
        }
    }

    #[test]
    fn the_sample_tiles_with_its_root_heading_the_first_page() {
        let org = topograph_sample::sample();
        let pages = check(&org, 1000.0, 650.0);
        let root = org.roots().next().unwrap();
        assert_eq!(pages[0].head, Some(root.id.0));
        assert!(pages[0].heading.starts_with(root.display_name()));
        assert!(pages[1..]
            .iter()
            .all(|p| p.marks.iter().any(|m| !m.continued)));
        assert_eq!(
            pages[1].marks.iter().find(|m| !m.continued).unwrap().text(),
            "from page 1"
        );
    }

    #[test]
    fn dotted_lines_to_other_pages_are_stubs_naming_the_page() {
        let org = topograph_sample::sample();
        let pages = check(&org, 1000.0, 650.0);
        let far: Vec<_> = pages
            .iter()
            .flat_map(|p| p.scene.stubs.iter().zip(&p.stub_pages))
            .filter(|(_, pg)| pg.is_some())
            .collect();
        let cross: HashSet<_> = far
            .iter()
            .map(|(s, _)| (s.at.min(s.other), s.at.max(s.other)))
            .collect();
        assert!(!far.is_empty(), "the sample has dotted lines across pages");
        // Both ends of each cross-page dotted line are drawn, one on each page.
        assert_eq!(far.len(), cross.len() * 2);
    }
}
