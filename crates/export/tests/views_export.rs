//! The team map and ownership map of the sample as SVG snapshots, PNG and PDF.

mod support;

use std::collections::BTreeSet;
use topograph_export::*;

fn scene(view: ViewKind) -> Scene {
    Scene::build(&topograph_sample::sample(), view, &BTreeSet::new(), None).unwrap()
}

#[test]
fn the_sample_team_map_svg_matches_its_snapshot() {
    let s = scene(ViewKind::TeamMap);
    insta::assert_snapshot!(
        "sample_team_map_svg",
        to_svg(&*s.diagram(), &SvgOptions::default())
    );
}

#[test]
fn the_sample_ownership_svg_matches_its_snapshot() {
    let s = scene(ViewKind::Ownership);
    insta::assert_snapshot!(
        "sample_ownership_svg",
        to_svg(&*s.diagram(), &SvgOptions::default())
    );
}

#[test]
fn every_team_of_the_team_map_is_named_in_its_pdf() {
    let s = scene(ViewKind::TeamMap);
    let Scene::TeamMap(map) = &s else {
        unreachable!()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.pdf");
    let options = PdfOptions {
        page: PageSize::Fit,
        ..PdfOptions::default()
    };
    std::fs::write(&path, to_pdf(&*s.diagram(), &options).unwrap()).unwrap();
    let text = support::pdf_text(&path);
    let m = font::Metrics::get();
    for (i, u) in map.unit_content.iter().enumerate() {
        if m.fit(&u.name, 13.0, map.w[i] - 20.0) == u.name {
            assert!(text.contains(&u.name), "{} missing", u.name);
        }
    }
}

#[test]
fn hostile_names_in_every_view_give_svg_a_strict_parser_accepts() {
    let mut records = topograph_sample::sample().to_records();
    let names = support::hostile_names();
    for (u, (name, _)) in records.units.iter_mut().zip(names.iter().cycle()) {
        u.name = name.clone();
    }
    for (a, (name, _)) in records.areas.iter_mut().zip(names.iter().cycle()) {
        a.name = name.clone();
    }
    let org = support::hostile_org();
    let org2 = topograph_model::Org::from_records(records);
    for org in [&org, &org2] {
        for view in [ViewKind::OrgChart, ViewKind::TeamMap, ViewKind::Ownership] {
            let s = Scene::build(org, view, &BTreeSet::new(), None).unwrap();
            let svg = to_svg(&*s.diagram(), &SvgOptions::default());
            let doc = roxmltree::Document::parse(&svg).expect("well-formed");
            assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
            to_pdf(&*s.diagram(), &PdfOptions::default()).expect("a PDF");
        }
    }
}

#[test]
fn a_collapsed_unit_hides_its_children_in_the_export() {
    let org = topograph_sample::sample();
    let group = org
        .units()
        .find(|u| org.child_units(u.id).next().is_some())
        .unwrap();
    let all = scene(ViewKind::TeamMap);
    let folded =
        Scene::build(&org, ViewKind::TeamMap, &BTreeSet::from([group.id.0]), None).unwrap();
    let (Scene::TeamMap(a), Scene::TeamMap(b)) = (&all, &folded) else {
        unreachable!()
    };
    assert!(b.units.len() < a.units.len());
    let svg = to_svg(&*folded.diagram(), &SvgOptions::default());
    assert!(svg.contains("units)"));
}

#[test]
fn a_unit_scope_exports_only_that_units_subtree() {
    let org = topograph_sample::sample();
    let group = org
        .units()
        .find(|u| org.child_units(u.id).next().is_some())
        .unwrap();
    let s = Scene::build(&org, ViewKind::TeamMap, &BTreeSet::new(), Some(group.id.0)).unwrap();
    let Scene::TeamMap(map) = &s else {
        unreachable!()
    };
    assert!(map
        .units
        .iter()
        .all(|&u| org.unit_contains(group.id, topograph_model::UnitId(u))));
    assert!(map.units.contains(&group.id.0));
}

#[test]
fn team_counts_share_the_name_line_and_never_overlap_a_chip() {
    let s = scene(ViewKind::TeamMap);
    let Scene::TeamMap(map) = &s else {
        unreachable!()
    };
    let svg = to_svg(&*s.diagram(), &SvgOptions::default());
    let m = font::Metrics::get();
    let mut counts = 0;
    for piece in svg.split("<text x=\"").skip(1) {
        let (x, rest) = piece.split_once("\" y=\"").unwrap();
        let (y, rest) = rest.split_once("\">").unwrap();
        let label = rest.split("</text>").next().unwrap();
        if !label.ends_with(" FTE") {
            continue;
        }
        counts += 1;
        let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
        // The counts are set at 11 px: from their ascent to their descent.
        let (left, right) = (x, x + m.width(label, 11.0));
        let (top, bottom) = (y - 11.0, y + 3.0);
        for k in 0..map.chip_x.len() {
            let (cx, cy, cw, ch) = (map.chip_x[k], map.chip_y[k], map.chip_w[k], map.chip_h[k]);
            let apart = right <= cx || left >= cx + cw || bottom <= cy || top >= cy + ch;
            assert!(apart, "\"{label}\" at ({x}, {y}) overlaps chip {k}");
        }
    }
    assert!(counts > 0, "the teams show their counts");
}

#[test]
fn no_interaction_line_of_the_sample_team_map_svg_crosses_a_person_chip() {
    use topograph_model::InteractionMode;
    use topograph_scene::style::interaction_colour;
    let s = scene(ViewKind::TeamMap);
    let Scene::TeamMap(map) = &s else {
        unreachable!()
    };
    let svg = to_svg(&*s.diagram(), &SvgOptions::default());
    let mut segments = 0;
    for mode in [
        InteractionMode::Collaboration,
        InteractionMode::XAsAService,
        InteractionMode::Facilitating,
    ] {
        let open = format!(
            "<path fill=\"none\" stroke=\"{}\" ",
            interaction_colour(mode)
        );
        // Half the widest stroke (collaboration lines are 8 wide).
        let half = 4.0;
        for piece in svg.split(open.as_str()).skip(1) {
            let d = piece
                .split("d=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            for sub in d.split('M').filter(|p| !p.trim().is_empty()) {
                let pts: Vec<(f64, f64)> = sub
                    .split('L')
                    .map(|xy| {
                        let mut it = xy.split_whitespace().map(|v| v.parse::<f64>().unwrap());
                        (it.next().unwrap(), it.next().unwrap())
                    })
                    .collect();
                for seg in pts.windows(2) {
                    segments += 1;
                    let (lx, hx) = (seg[0].0.min(seg[1].0) - half, seg[0].0.max(seg[1].0) + half);
                    let (ly, hy) = (seg[0].1.min(seg[1].1) - half, seg[0].1.max(seg[1].1) + half);
                    assert!(
                        (seg[0].0 - seg[1].0).abs() < 1e-6 || (seg[0].1 - seg[1].1).abs() < 1e-6,
                        "a diagonal interaction segment {seg:?}"
                    );
                    for k in 0..map.chip_x.len() {
                        let (cx, cy) = (map.chip_x[k], map.chip_y[k]);
                        let (cw, ch) = (map.chip_w[k], map.chip_h[k]);
                        let apart = hx <= cx || lx >= cx + cw || hy <= cy || ly >= cy + ch;
                        assert!(apart, "segment {seg:?} crosses chip {k} at ({cx}, {cy})");
                    }
                }
            }
        }
    }
    assert!(segments > 0, "the sample's team map has interaction lines");
}
