//! Diff of two generated scenarios with 1,000 changes between them, at 10k and 100k people.
//! Targets: 10k ≤ 50 ms, 100k ≤ 500 ms. Run: `cargo bench -p topograph-diff --bench diff`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use topograph_diff::Diff;
use topograph_model::{IdCounter, InteractionMode, Op, Org, PersonId};

/// A fork of `org` with `count` accepted edits of every kind the diff reports.
fn proposal(org: &Org, count: usize) -> Org {
    let mut fork = org.clone();
    let mut ids = IdCounter {
        next: org.max_id() + 1,
    };
    let people: Vec<PersonId> = org.persons().map(|p| p.id).collect();
    let units: Vec<_> = org.units().map(|u| u.id).collect();
    let areas: Vec<_> = org.areas().map(|a| a.id).collect();
    let interactions: Vec<_> = org.interactions().map(|i| i.id).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut pick = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut done = 0;
    while done < count {
        let op = match done % 5 {
            0 | 1 => Op::SetManager {
                person: people[pick(people.len())],
                manager: people[pick(people.len())],
            },
            2 => {
                let mut p = fork.person(people[pick(people.len())]).unwrap().clone();
                p.title = format!("{} II", p.title);
                Op::UpdatePerson { person: p }
            }
            3 => {
                let mut u = fork.unit(units[pick(units.len())]).unwrap().clone();
                u.name = format!("{} {done}", u.name);
                Op::UpdateUnit { unit: u }
            }
            _ if done % 10 == 4 && !interactions.is_empty() => {
                let mut i = fork
                    .interaction(interactions[pick(interactions.len())])
                    .unwrap()
                    .clone();
                i.mode = InteractionMode::Facilitating;
                Op::UpdateInteraction { interaction: i }
            }
            _ => Op::SetOwner {
                area: areas[pick(areas.len())],
                unit: units[pick(units.len())],
            },
        };
        if fork.execute(&op, &mut ids).is_ok() {
            done += 1;
        }
    }
    fork
}

fn bench(c: &mut Criterion) {
    for people in [10_000, 100_000] {
        let base = topograph_sample::generate(people, 1);
        let fork = proposal(&base, 1_000);
        let d = Diff::between("Current", &base, "Proposal", &fork);
        eprintln!(
            "{people} people: {} changes listed, {} managers affected",
            d.changes.len(),
            d.impact.len()
        );
        c.bench_function(&format!("diff {people} people, 1000 edits"), |b| {
            b.iter(|| black_box(Diff::between("Current", &base, "Proposal", &fork)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
