//! A bulk edit from the people sheet: one `batch` op of 1,000 changes (set the manager of 1,000
//! people; set a field of 1,000 people), validated, written and logged as one undo step, on a 10k
//! and a 100k-person document. Target (issue 20): ≤ 50 ms per commit. Run:
//! `cargo bench -p topograph-document --bench bulk_edit` (add `-- --quick` for 10k only).

use std::time::{Duration, Instant};
use topograph_document::Document;
use topograph_model::{Op, PersonId, PersonStatus};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], *v.last().unwrap())
}

fn run(people: usize, rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulk.topo");
    Document::create_with(&path, "Current", &topograph_sample::generate(people, 1)).unwrap();
    let mut doc = Document::open(&path).unwrap();
    // People without reports can move under anyone else without making a loop; people here
    // (not open positions) can be given another status.
    let leaves: Vec<PersonId> = doc
        .org()
        .persons()
        .filter(|p| doc.org().report_count(p.id) == 0 && p.status == PersonStatus::Active)
        .map(|p| p.id)
        .collect();
    let managers: Vec<PersonId> = doc
        .org()
        .persons()
        .filter(|p| doc.org().report_count(p.id) > 0)
        .map(|p| p.id)
        .take(rounds)
        .collect();
    let mut moves = Vec::new();
    let mut fields = Vec::new();
    let mut undos = Vec::new();
    for (round, manager) in managers.iter().enumerate() {
        let chosen: Vec<PersonId> = leaves
            .iter()
            .copied()
            .skip(round * 1000 % leaves.len().max(1))
            .take(1000)
            .collect();
        let op = Op::Batch {
            label: "Set the manager of 1000 people".into(),
            ops: chosen
                .iter()
                .map(|p| Op::MoveSubtree {
                    person: *p,
                    manager: Some(*manager),
                })
                .collect(),
        };
        let t = Instant::now();
        doc.apply(op).expect("the bulk move is allowed");
        moves.push(t.elapsed());

        let status = if round % 2 == 0 {
            PersonStatus::Leaving
        } else {
            PersonStatus::Active
        };
        let op = Op::Batch {
            label: "Set status of 1000 people".into(),
            ops: chosen
                .iter()
                .map(|p| {
                    let mut person = doc.org().person(*p).unwrap().clone();
                    person.status = status;
                    if status == PersonStatus::Leaving {
                        person.end_date = Some("2027-06-30".into());
                    }
                    Op::UpdatePerson { person }
                })
                .collect(),
        };
        let t = Instant::now();
        doc.apply(op).expect("the bulk field edit is allowed");
        fields.push(t.elapsed());

        let t = Instant::now();
        doc.undo().unwrap();
        undos.push(t.elapsed());
        doc.redo().unwrap();
    }
    let (m50, mmax) = median(moves);
    let (f50, fmax) = median(fields);
    let (u50, umax) = median(undos);
    println!(
        "{people} people, one batch of 1,000 over {} rounds: set manager median {:.1} ms (max {:.1}); \
         set a field median {:.1} ms (max {:.1}); undo median {:.1} ms (max {:.1})",
        managers.len(),
        ms(m50),
        ms(mmax),
        ms(f50),
        ms(fmax),
        ms(u50),
        ms(umax)
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    run(10_000, if quick { 3 } else { 10 });
    if !quick {
        run(100_000, 10);
    }
}
