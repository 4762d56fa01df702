//! The core's part of switching scenarios in a 10k-person document (the app's target for the
//! whole switch is 300 ms): loading the other scenario from the file into memory.
//! Run: `cargo bench -p topograph-diff --bench switch`.

use criterion::{criterion_group, criterion_main, Criterion};
use topograph_document::Document;
use topograph_model::Op;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let org = topograph_sample::generate(10_000, 1);
    let mut doc = Document::create_with(&dir.path().join("switch.topo"), "Current", &org).unwrap();
    let current = doc.active_scenario().id;
    doc.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let proposal = doc.scenario_by_name("Proposal").unwrap().id;
    let mut at_current = true;
    c.bench_function("switch scenario, 10000 people", |b| {
        b.iter(|| {
            let to = if at_current { proposal } else { current };
            doc.switch_scenario(to).unwrap();
            at_current = !at_current;
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
