//! The org chart in every format: snapshots, extractable PDF text, tiling, PNG pixels, hostile names.

mod support;

use std::collections::BTreeSet;

use resvg::tiny_skia::Pixmap;
use support::*;
use topograph_export::font::Metrics;
use topograph_export::org_chart::name_only;
use topograph_export::pdf::plan;
use topograph_export::style::{ACCENT_WIDTH, BADGE_SIZE, NAME_ONLY_SIZE, NAME_SIZE, PAD_X};
use topograph_export::svg::canvas;
use topograph_export::*;

fn footer() -> Footer {
    Footer {
        document: "Sample & Co".into(),
        scenario: "Current".into(),
        date: "2026-11-28".into(),
    }
}

#[test]
fn the_sample_org_chart_svg_matches_its_snapshot() {
    let scene = sample_chart();
    let svg = to_svg(&OrgChart::new(&scene), &SvgOptions::default());
    insta::assert_snapshot!("sample_org_chart_svg", svg);
}

#[test]
fn every_card_of_the_sample_shows_its_name_as_svg_text_cut_like_the_screen() {
    let scene = sample_chart();
    let svg = to_svg(&OrgChart::new(&scene), &SvgOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    let m = Metrics::get();
    for (i, card) in scene.cards.iter().enumerate() {
        let tag = if card.is_open_position {
            m.width("Open", 11.0) + 16.0
        } else {
            0.0
        };
        let room = scene.w[i] - PAD_X - ACCENT_WIDTH - PAD_X - tag;
        let shown = m.fit(&card.name, NAME_SIZE, room);
        assert!(texts.contains(&shown.as_ref()), "{} is missing", card.name);
    }
}

#[test]
fn hostile_names_give_svg_a_strict_parser_accepts_with_the_names_as_text() {
    let scene = chart_of(&hostile_org());
    let svg = to_svg(&OrgChart::new(&scene), &SvgOptions::default());
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(!doc
        .descendants()
        .any(|n| n.has_tag_name("script") || n.has_tag_name("a")));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.iter().any(|t| t.starts_with("<script>")));
    assert!(texts.iter().any(|t| t.contains("שרה")));
    let long = texts
        .iter()
        .find(|t| t.starts_with("AAAA"))
        .expect("the long name");
    assert!(long.ends_with(topograph_export::font::ELLIPSIS));
    // usvg (what PNG and PDF read) must accept it too.
    usvg::Tree::from_str(&svg, &topograph_export::font::usvg_options()).expect("usvg reads it");
}

#[test]
fn hostile_names_give_pdfs_that_open_with_the_names_as_text() {
    let scene = chart_of(&hostile_org());
    let dir = tempfile::tempdir().unwrap();
    for tiled in [false, true] {
        let path = dir.path().join(format!("hostile-{tiled}.pdf"));
        let pdf = to_pdf(
            &OrgChart::new(&scene),
            &PdfOptions {
                tiled,
                footer: Footer {
                    document: "<b>doc</b>".into(),
                    ..footer()
                },
                ..PdfOptions::default()
            },
        )
        .unwrap();
        std::fs::write(&path, pdf).unwrap();
        assert!(pdf_pages(&path) >= 1);
        let text = pdf_text(&path);
        // pdftotext may break a line where glyph runs meet, so look for the pieces.
        assert!(text.contains("<script>alert(1)"), "{text}");
        assert!(text.contains("</text><a href=\"x\">"), "{text}");
        assert!(text.contains("<b>doc</b>"));
        // Right-to-left names take the shaping road and still come out as text.
        assert!(text.contains("כהן") || text.contains("ןהכ"), "{text}");
        assert!(text.contains("Zo"), "{text}");
    }
}

#[test]
fn the_names_on_a_one_page_pdf_are_extractable_text_with_the_footer() {
    let scene = sample_chart();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.pdf");
    let pdf = to_pdf(
        &OrgChart::new(&scene),
        &PdfOptions {
            page: Paper::Fit,
            footer: footer(),
            ..PdfOptions::default()
        },
    )
    .unwrap();
    std::fs::write(&path, pdf).unwrap();
    assert_eq!(pdf_pages(&path), 1);
    let text = pdf_text(&path);
    let m = Metrics::get();
    // A name cut to fit its card is looked for up to the ellipsis; an open position's card is
    // drawn another way and not looked for, but counts against the share checked.
    let mut checked = 0;
    for card in scene.cards.iter().filter(|c| !c.is_open_position) {
        let shown = m.fit(&card.name, NAME_SIZE, 220.0 - 2.0 * PAD_X - ACCENT_WIDTH);
        let kept = shown
            .trim_end_matches(topograph_export::font::ELLIPSIS)
            .trim_end();
        if kept.is_empty() {
            continue;
        }
        assert!(
            text.contains(kept),
            "{kept} ({}) is not in the text",
            card.name
        );
        checked += 1;
    }
    assert!(
        checked * 10 >= scene.cards.len() * 9,
        "only {checked} of {} card names were checked",
        scene.cards.len()
    );
    assert!(text.contains("Sample & Co · Current · 2026-11-28"));
    assert!(text.contains("Page 1 of 1"));
}

#[test]
fn the_sample_on_one_a4_landscape_page_keeps_every_name_at_six_points_or_more() {
    let o = PdfOptions {
        page: Paper::A4,
        landscape: true,
        footer: footer(),
        ..PdfOptions::default()
    };
    let org = topograph_sample::sample();
    let scene = Scene::build_for_pdf(
        &org,
        View::OrgChart,
        &Default::default(),
        None,
        None,
        &o,
        &Look::default(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a4.pdf");
    std::fs::write(&path, to_pdf(&*scene.diagram(), &o).unwrap()).unwrap();
    assert_eq!(pdf_pages(&path), 1);
    let words = pdf_words(&path);
    // Word boxes span the font's ascent to descent; the footer, set at 8 pt, gives the ratio.
    let footer_box = words
        .iter()
        .find(|w| w.text == "Current")
        .expect("the footer names the scenario")
        .height;
    let points = |w: &WordBox| w.height * 8.0 / footer_box;
    let Scene::OrgChart(chart) = &scene else {
        unreachable!()
    };
    let m = Metrics::get();
    let mut checked = 0;
    for card in &chart.cards {
        let (w, h) = (chart.w[0], chart.h[0]);
        let size = if name_only(h) {
            NAME_ONLY_SIZE
        } else {
            NAME_SIZE
        };
        // As much of the name as the card shows beside its "Open" tag.
        let tag = if card.is_open_position {
            m.width("Open", BADGE_SIZE) + 16.0
        } else {
            0.0
        };
        let shown = m.fit(&card.name, size, w - 2.0 * PAD_X - ACCENT_WIDTH - tag);
        for word in shown.split_whitespace().filter(|w| !w.ends_with('…')) {
            let size = words
                .iter()
                .filter(|w| w.text == word)
                .map(points)
                .fold(0.0, f64::max);
            assert!(size >= 6.0, "{word} of {} is {size:.2} pt", card.name);
            checked += 1;
        }
    }
    assert!(checked >= chart.cards.len(), "only {checked} words checked");
}

#[test]
fn levels_cut_the_chart_and_count_who_is_below() {
    let org = topograph_sample::sample();
    let build = BuildOptions {
        levels: Some(2),
        ..BuildOptions::default()
    };
    let Scene::OrgChart(chart) =
        Scene::build_with(&org, View::OrgChart, &Default::default(), None, &build).unwrap()
    else {
        unreachable!()
    };
    let roots = org.roots().count();
    let second: usize = org.roots().map(|r| org.reports(r.id).count()).sum();
    assert_eq!(chart.cards.len(), roots + second);
    let hidden: u32 = chart.cards.iter().map(|c| c.collapsed_count).sum();
    assert_eq!(hidden as usize, org.person_count() - roots - second);
}

#[test]
fn a_tiled_chart_has_one_page_per_tile_each_numbered() {
    let scene = sample_chart();
    let chart = OrgChart::new(&scene);
    let options = PdfOptions {
        page: Paper::A4,
        landscape: true,
        tiled: true,
        footer: footer(),
        ..PdfOptions::default()
    };
    let p = plan(&chart, &options).unwrap();
    let c = canvas(&chart);
    // Every tile but the last in a row advances by the printable width less the overlap.
    assert!((p.cols as f64 - 1.0) * (p.area_w - pdf::OVERLAP) < c.w * p.scale);
    assert!(p.cols as f64 * (p.area_w - pdf::OVERLAP) + pdf::OVERLAP >= c.w * p.scale);
    assert!(p.pages() > 1);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiled.pdf");
    std::fs::write(&path, to_pdf(&chart, &options).unwrap()).unwrap();
    assert_eq!(pdf_pages(&path), p.pages());
    let text = pdf_text(&path);
    let last = format!("Page {} of {}", p.pages(), p.pages());
    assert!(text.contains(&last), "{last} missing");
}

#[test]
fn a_tiled_pdf_embeds_its_font_once_for_every_page() {
    let scene = sample_chart();
    let options = PdfOptions {
        tiled: true,
        ..PdfOptions::default()
    };
    let pdf = to_pdf(&OrgChart::new(&scene), &options).unwrap();
    assert!(plan(&OrgChart::new(&scene), &options).unwrap().pages() > 1);
    let fonts = pdf
        .windows(b"/FontFile2".len())
        .filter(|w| w == b"/FontFile2")
        .count();
    assert_eq!(fonts, 1);
}

#[test]
fn png_has_the_asked_size_and_ink_inside_every_card() {
    let scene = sample_chart();
    let chart = OrgChart::new(&scene);
    let c = canvas(&chart);
    let scale = 2.0;
    let png = to_png(
        &chart,
        &PngOptions {
            scale,
            transparent: true,
            ..PngOptions::default()
        },
    )
    .unwrap();
    let img = Pixmap::decode_png(&png).unwrap();
    assert_eq!(img.width(), (c.w * scale).ceil() as u32);
    assert_eq!(img.height(), (c.h * scale).ceil() as u32);
    let px = |x: f64, y: f64| {
        img.pixel(((x - c.x) * scale) as u32, ((y - c.y) * scale) as u32)
            .unwrap()
    };
    for i in 0..scene.ids.len() {
        // The card's middle is painted (card fill), and the name line has dark text pixels.
        assert!(px(scene.x[i] + scene.w[i] / 2.0, scene.y[i] + scene.h[i] - 4.0).alpha() > 0);
        let dark = (0..120).any(|dx| {
            let p = px(scene.x[i] + 19.0 + dx as f64, scene.y[i] + 22.0);
            p.alpha() > 0 && (p.red() as u32) < 160
        });
        assert!(dark, "no text on card {}", scene.cards[i].name);
    }
    // The margin stays transparent.
    assert_eq!(img.pixel(1, 1).unwrap().alpha(), 0);
}

#[test]
fn png_to_a_target_width_on_white() {
    let scene = sample_chart();
    let png = to_png(
        &OrgChart::new(&scene),
        &PngOptions {
            width: Some(1000),
            ..PngOptions::default()
        },
    )
    .unwrap();
    let img = Pixmap::decode_png(&png).unwrap();
    assert_eq!(img.width(), 1000);
    let corner = img.pixel(0, 0).unwrap();
    assert_eq!(
        (corner.red(), corner.green(), corner.blue(), corner.alpha()),
        (255, 255, 255, 255)
    );
}

#[test]
fn a_scale_outside_one_to_four_is_refused_clearly() {
    let scene = sample_chart();
    let err = to_png(
        &OrgChart::new(&scene),
        &PngOptions {
            scale: 9.0,
            ..PngOptions::default()
        },
    )
    .unwrap_err();
    assert!(err.message.contains("between 1 and 4"));
}

#[test]
fn a_subtree_export_holds_only_that_person_and_their_reports() {
    let org = topograph_sample::sample();
    let manager = org
        .persons()
        .find(|p| p.manager.is_some() && org.report_count(p.id) > 1)
        .unwrap();
    let sub = topograph_export::scope::person_subtree(&org, manager.id.0).unwrap();
    let scene = chart_of(&sub);
    assert_eq!(scene.ids[0], manager.id.0);
    // Everyone below the manager and nobody else: none missing, none extra, none twice.
    let below: BTreeSet<u32> = org
        .persons()
        .filter(|p| p.id == manager.id || org.manages_transitively(manager.id, p.id))
        .map(|p| p.id.0)
        .collect();
    assert!(below.len() > 2, "the manager has reports of reports");
    assert_eq!(scene.ids.iter().copied().collect::<BTreeSet<u32>>(), below);
    assert_eq!(scene.ids.len(), below.len());
    // Their seats in teams, and only theirs, so each card keeps its team colour.
    let seats = |o: &topograph_model::Org| -> BTreeSet<(u32, u32)> {
        o.memberships()
            .filter(|m| below.contains(&m.person.0))
            .map(|m| (m.person.0, m.unit.0))
            .collect()
    };
    assert!(!seats(&org).is_empty());
    assert_eq!(seats(&sub), seats(&org));
    assert_eq!(sub.memberships().len(), seats(&org).len());
    assert!(topograph_export::scope::person_subtree(&org, 999_999).is_err());
}
