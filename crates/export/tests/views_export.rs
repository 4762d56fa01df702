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
    // A name cut to fit its box is looked for up to the ellipsis; every unit counts.
    let mut checked = 0;
    for (i, u) in map.unit_content.iter().enumerate() {
        let shown = m.fit(&u.name, 13.0, map.w[i] - 20.0);
        let kept = shown.trim_end_matches(font::ELLIPSIS).trim_end();
        if kept.is_empty() {
            continue;
        }
        assert!(text.contains(kept), "{kept} ({}) missing", u.name);
        checked += 1;
    }
    assert!(
        checked * 10 >= map.unit_content.len() * 9,
        "only {checked} of {} unit names were checked",
        map.unit_content.len()
    );
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
        for view in [
            ViewKind::OrgChart,
            ViewKind::TeamMap,
            ViewKind::Ownership,
            ViewKind::Effort,
        ] {
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
    // The unit and every unit nested in it: none missing, none extra, none twice.
    let inside: BTreeSet<u32> = org
        .units()
        .filter(|u| org.unit_contains(group.id, u.id))
        .map(|u| u.id.0)
        .collect();
    assert!(inside.len() > 1 && inside.contains(&group.id.0));
    assert_eq!(map.units.iter().copied().collect::<BTreeSet<u32>>(), inside);
    assert_eq!(map.units.len(), inside.len());
    // Every seat in those units is a chip there, and no other seat is.
    let seats: BTreeSet<(u32, u32)> = org
        .memberships()
        .filter(|m| inside.contains(&m.unit.0))
        .map(|m| (m.person.0, m.unit.0))
        .collect();
    assert!(!seats.is_empty());
    let chips: BTreeSet<(u32, u32)> = map
        .chip_person
        .iter()
        .zip(&map.chip_unit)
        .map(|(&p, &u)| (p, u))
        .collect();
    assert_eq!(chips, seats);
    assert_eq!(map.chip_person.len(), seats.len());
}

#[test]
fn an_area_scope_exports_that_area_and_every_area_below_it_with_their_owners() {
    let org = topograph_sample::sample();
    let root = org
        .areas()
        .find(|a| org.areas().any(|b| b.parent == Some(a.id)))
        .expect("the sample has nested areas");
    let s = Scene::build(&org, ViewKind::Ownership, &BTreeSet::new(), Some(root.id.0)).unwrap();
    let Scene::Ownership(map) = &s else {
        unreachable!()
    };
    let below: BTreeSet<u32> = org
        .areas()
        .filter(|a| org.area_contains(root.id, a.id))
        .map(|a| a.id.0)
        .collect();
    assert!(below.len() > 1);
    assert_eq!(map.areas.iter().copied().collect::<BTreeSet<u32>>(), below);
    assert_eq!(map.areas.len(), below.len());
    for (id, content) in map.areas.iter().zip(&map.area_content) {
        let area = org.area(topograph_model::AreaId(*id)).unwrap();
        assert_eq!(content.name, area.name);
        assert_eq!(content.owner, area.owner.map(|u| u.0), "{}", area.name);
    }
    // Every team stays on the map (an area's owner must have its box).
    let owners: BTreeSet<u32> = map.area_content.iter().filter_map(|a| a.owner).collect();
    assert!(!owners.is_empty());
    assert!(owners.iter().all(|o| map.teams.contains(o)));
}

#[test]
fn the_where_the_people_go_export_names_every_area_with_its_figures_in_svg_png_and_pdf() {
    let org = topograph_sample::sample();
    let s = Scene::build(&org, ViewKind::Effort, &BTreeSet::new(), None).unwrap();
    let Scene::Effort(effort) = &s else {
        unreachable!()
    };
    let effort_of = topograph_model::actual_effort(&org);
    assert_eq!(effort.rows.len(), org.areas().len());
    let svg = to_svg(&*s.diagram(), &SvgOptions::default());
    assert!(svg.contains("Where the people go"));
    for r in &effort.rows {
        let e = effort_of.area(topograph_model::AreaId(r.area)).unwrap();
        assert_eq!(r.share, e.share, "{}: the core's figure", r.name);
        let name = xml_escaped(&r.name);
        assert!(
            svg.contains(&format!(">{name}</text>")),
            "{} missing",
            r.name
        );
        assert!(
            svg.contains(&xml_escaped(&r.figures)),
            "{} figures missing",
            r.name
        );
    }
    let png = to_png(&*s.diagram(), &PngOptions::default()).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("effort.pdf");
    let options = PdfOptions {
        page: PageSize::Fit,
        ..PdfOptions::default()
    };
    std::fs::write(&path, to_pdf(&*s.diagram(), &options).unwrap()).unwrap();
    let text = support::pdf_text(&path);
    assert!(text.contains("Where the people go"));
    assert!(text.contains(&effort.rows[0].name));
}

fn xml_escaped(s: &str) -> String {
    let mut out = String::new();
    xml::escape_into(&mut out, s);
    out
}
