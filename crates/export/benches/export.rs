//! Export speed on generated orgs: SVG, PDF and an 8192 px PNG of a 10k org chart, and a tiled
//! multi-page PDF of 100k (`cargo bench -p topograph-export`).

use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeSet;
use std::hint::black_box;
use topograph_export::*;
use topograph_scene::{org_chart, SceneOptions};

fn chart(people: usize) -> topograph_scene::OrgChartScene {
    let org = topograph_sample::generate(people, 1);
    org_chart(&org, &BTreeSet::new(), &SceneOptions::default()).unwrap()
}

fn ten_thousand(c: &mut Criterion) {
    let scene = chart(10_000);
    let d = OrgChart::new(&scene);
    let mut g = c.benchmark_group("org_chart_10k");
    g.sample_size(10);
    g.bench_function("svg", |b| {
        b.iter(|| black_box(to_svg(&d, &SvgOptions::default())))
    });
    g.bench_function("pdf_one_page", |b| {
        b.iter(|| black_box(to_pdf(&d, &PdfOptions::default()).unwrap()))
    });
    g.bench_function("png_8192_wide", |b| {
        let o = PngOptions {
            width: Some(8192),
            ..PngOptions::default()
        };
        b.iter(|| black_box(to_png(&d, &o).unwrap()))
    });
    g.finish();
}

fn hundred_thousand(c: &mut Criterion) {
    let scene = chart(100_000);
    let d = OrgChart::new(&scene);
    let o = PdfOptions {
        page: Paper::A3,
        landscape: true,
        tiled: true,
        scale: 0.5,
        ..PdfOptions::default()
    };
    let mut g = c.benchmark_group("org_chart_100k");
    g.sample_size(10);
    g.bench_function("pdf_tiled", |b| {
        b.iter(|| black_box(to_pdf(&d, &o).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, ten_thousand, hundred_thousand);
criterion_main!(benches);
