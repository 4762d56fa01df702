//! `cargo bench -p topograph-layout`: layout of a generated 100k-card org chart.

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
    let mut group = c.benchmark_group("layout_forest");
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
