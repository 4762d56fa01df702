//! Exports a generated org chart and prints how long each step took; run under
//! `/usr/bin/time -v` for peak memory: `cargo run --release -p topograph-export --example
//! export_generated -- PEOPLE pdf|tiled|png|svg OUT` (STEPS=1 also times the old PDF road,
//! usvg and svg2pdf over the whole SVG, for comparison).

use std::collections::BTreeSet;
use std::time::Instant;
use topograph_export::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let people: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let format = args.get(2).map_or("pdf", String::as_str);
    let out = args.get(3).map_or("out.bin", String::as_str);
    let t = Instant::now();
    let org = topograph_sample::generate(people, 1);
    let scene = topograph_scene::org_chart(&org, &BTreeSet::new(), &Default::default()).unwrap();
    eprintln!("scene: {:?}", t.elapsed());
    let d = OrgChart::new(&scene);
    let t = Instant::now();
    let svg = to_svg(&d, &SvgOptions::default());
    eprintln!("svg: {:?} ({} bytes)", t.elapsed(), svg.len());
    if std::env::var_os("STEPS").is_some() {
        // Where PDF time goes: reading the SVG (usvg lays out and outlines all text) vs converting.
        let t = Instant::now();
        let tree = usvg::Tree::from_str(&svg, &font::usvg_options()).unwrap();
        eprintln!("usvg parse: {:?}", t.elapsed());
        let t = Instant::now();
        let _ = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default()).unwrap();
        eprintln!("svg2pdf: {:?}", t.elapsed());
    }
    let t = Instant::now();
    let bytes = match format {
        "svg" => svg.into_bytes(),
        "png" => to_png(
            &d,
            &PngOptions {
                width: Some(8192),
                ..Default::default()
            },
        )
        .unwrap(),
        "tiled" => to_pdf(
            &d,
            &PdfOptions {
                page: Paper::A3,
                landscape: true,
                tiled: true,
                scale: 0.5,
                ..Default::default()
            },
        )
        .unwrap(),
        _ => to_pdf(&d, &PdfOptions::default()).unwrap(),
    };
    eprintln!("{format}: {:?} ({} bytes)", t.elapsed(), bytes.len());
    std::fs::write(out, bytes).unwrap();
}
