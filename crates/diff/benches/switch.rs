//! The core's part of switching scenarios in a 10k-person document (the app's target for the
//! whole switch is 300 ms): loading the other scenario from the file into memory (a first visit)
//! or taking the one kept from before (switching back), then what the
//! app's `switch_scenario` answer needs of the core, stage by stage (laying out the org chart,
//! serialising the chart and the records), and all of it in a row.
//! Run: `cargo bench -p topograph-diff --bench switch`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeSet;
use topograph_document::Document;
use topograph_model::Op;
use topograph_scene::{OrgChartScene, OrgChartWire, SceneOptions};

/// The chart as the app sends it: in columns.
fn chart_json(scene: &OrgChartScene) -> Vec<u8> {
    let mut out = Vec::new();
    OrgChartWire::from(scene).write_json(&mut out);
    out
}

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
    let mut other = || {
        let to = if at_current { proposal } else { current };
        at_current = !at_current;
        to
    };
    // A first visit reads the scenario from the file; switching back to the one just left takes
    // the org the document kept (nothing was written in between).
    c.bench_function("load a scenario of 10000 people", |b| {
        b.iter(|| doc.load_scenario(proposal).unwrap())
    });
    c.bench_function("switch back and forth, 10000 people", |b| {
        b.iter(|| doc.switch_scenario(other()).unwrap())
    });

    let none = BTreeSet::new();
    let opts = SceneOptions::default();
    let scene = topograph_scene::org_chart(&org, &none, &opts).unwrap();
    let records = org.to_records();
    c.bench_function("org chart of 10000 people", |b| {
        b.iter(|| topograph_scene::org_chart(&org, &none, &opts).unwrap())
    });
    c.bench_function("org chart of 10000 people as JSON columns", |b| {
        b.iter(|| chart_json(&scene))
    });
    c.bench_function("records of 10000 people as JSON", |b| {
        b.iter(|| org.to_records().to_json())
    });
    println!(
        "answer size: chart {} bytes, records {} bytes",
        chart_json(&scene).len(),
        records.to_json().len()
    );
    // One after the other; the app runs the chart and the records on two worker threads.
    c.bench_function("first-visit answer of 10000 people, one thread", |b| {
        b.iter(|| {
            // A first visit: the scenario read from the file.
            let org = doc.load_scenario(other()).unwrap();
            let chart = topograph_scene::org_chart(&org, &none, &opts).unwrap();
            (chart_json(&chart), org.to_records().to_json())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
