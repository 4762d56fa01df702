//! `cargo bench -p topograph-layout`: layout of generated 10k- and 100k-card org charts, tidy
//! and compact (aiming at an A4 landscape page).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use topograph_layout::{layout_forest, LayoutOptions};

#[path = "../support/synthetic.rs"]
mod synthetic;

fn bench_layout(c: &mut Criterion) {
    let nodes = synthetic::synthetic_org(100_000, 42);
    let stacked = LayoutOptions::default();
    let flat = LayoutOptions {
        stack_leaves_from: usize::MAX,
        ..LayoutOptions::default()
    };
    let compact = LayoutOptions {
        target_aspect: Some(297.0 / 210.0),
        ..LayoutOptions::default()
    };
    let small = synthetic::synthetic_org(10_000, 42);
    let mut group = c.benchmark_group("layout_forest");
    group.bench_function("10k_stacked", |b| {
        b.iter_with_large_drop(|| layout_forest(black_box(&small), &stacked).unwrap())
    });
    group.bench_function("10k_compact_a4", |b| {
        b.iter_with_large_drop(|| layout_forest(black_box(&small), &compact).unwrap())
    });
    group.bench_function("100k_compact_a4", |b| {
        b.iter_with_large_drop(|| layout_forest(black_box(&nodes), &compact).unwrap())
    });
    group.sample_size(30);
    group.bench_function("100k_stacked", |b| {
        b.iter_with_large_drop(|| layout_forest(black_box(&nodes), &stacked).unwrap())
    });
    group.bench_function("100k_unstacked", |b| {
        b.iter_with_large_drop(|| layout_forest(black_box(&nodes), &flat).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
