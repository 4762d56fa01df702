//! `cargo bench -p topograph-scene --bench team_map`: the team map, ownership (with each row's
//! actual effort) and "where the people go" scenes of generated 10k- and 100k-person orgs (what
//! the app computes after every change).

use std::collections::BTreeSet;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use topograph_scene::{
    effort_scene, ownership, team_map, EffortOptions, MapOptions, OwnershipOptions,
};

fn bench_scenes(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenes");
    group.sample_size(10);
    for (label, people) in [("10k", 10_000), ("100k", 100_000)] {
        let org = topograph_sample::generate(people, 42);
        let none = BTreeSet::new();
        let scene = team_map(&org, &none, &MapOptions::default()).unwrap();
        eprintln!(
            "{label}: {} units, {} chips, map {:.0} x {:.0}",
            scene.units.len(),
            scene.chip_person.len(),
            scene.bounds.w,
            scene.bounds.h
        );
        group.bench_function(format!("team_map_{label}"), |b| {
            b.iter_with_large_drop(|| {
                team_map(black_box(&org), &none, &MapOptions::default()).unwrap()
            })
        });
        group.bench_function(format!("ownership_{label}"), |b| {
            b.iter_with_large_drop(|| {
                ownership(black_box(&org), &OwnershipOptions::default()).unwrap()
            })
        });
        group.bench_function(format!("effort_{label}"), |b| {
            b.iter_with_large_drop(|| effort_scene(black_box(&org), &EffortOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scenes);
criterion_main!(benches);
