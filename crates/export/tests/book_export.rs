//! The org chart tiled along subtrees: pages headed with their subtree's root, "continued on
//! page N" and "from page N" marks that name real pages, and the legend on the first page.

mod support;

use support::*;
use topograph_export::*;

fn tiled() -> PdfOptions {
    PdfOptions {
        page: Paper::A4,
        landscape: true,
        tiled: true,
        ..PdfOptions::default()
    }
}

#[test]
fn a_tiled_org_chart_prints_one_subtree_a_page_with_marks_naming_real_pages() {
    let org = topograph_sample::sample();
    let o = tiled();
    let scene = Scene::build_for_pdf(
        &org,
        View::OrgChart,
        &Default::default(),
        None,
        None,
        &o,
        &Look::legend(true),
    )
    .unwrap();
    let Scene::Book(pages) = &scene else {
        panic!("a tiled org chart on paper is a book")
    };
    let count = scene.pdf_pages(&o, &Look::legend(true)).unwrap();
    assert_eq!(count, pages.len());
    assert!(count > 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("book.pdf");
    std::fs::write(
        &path,
        scene
            .to_pdf(&o, &Look::legend(true), &mut |_, _| true)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(pdf_pages(&path), count);
    let text = pdf_text(&path);
    let page_texts: Vec<&str> = text.split('\u{c}').collect();
    let root = org.roots().next().unwrap();
    assert!(
        page_texts[0].contains(root.display_name()),
        "page 1 is headed by the root"
    );
    assert!(
        page_texts[0].contains("Legend"),
        "the legend is on the first page"
    );
    for (k, p) in pages.iter().enumerate() {
        let flat: String = page_texts[k]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(&format!("Page {} of {count}", k + 1)));
        for m in &p.marks {
            assert!(flat.contains(&m.text()), "page {} says {}", k + 1, m.text());
            assert!(m.page >= 1 && m.page <= count && m.page != k + 1);
        }
        if k > 0 {
            assert!(
                p.marks.iter().any(|m| !m.continued),
                "page {} says where it comes from",
                k + 1
            );
        }
    }
    let (svg, w, h) = scene.page_preview(&o, &Look::legend(true), 1).unwrap();
    assert!((w - 841.89).abs() < 0.01 && (h - 595.28).abs() < 0.01);
    assert!(
        svg.contains("from page 1"),
        "the preview of page 2 shows where its line comes from"
    );
}
