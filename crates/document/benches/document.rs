//! Document speed: one edit on a 10k-person file (p50/p99), generate+write and open+load at 100k.
//!
//! A harness of its own rather than criterion's, because the targets are percentiles of single
//! edits, and a 100k write is too slow for criterion's sampling. Run:
//! `cargo bench -p topograph-document --bench document` (add `-- --quick` for a smoke run).

use std::time::{Duration, Instant};
use topograph_document::Document;
use topograph_model::{Op, PersonId};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A cheap deterministic sequence so every run makes the same edits.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn edits(quick: bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("10k.topo");
    Document::create_with(&path, "Current", &topograph_sample::generate(10_000, 1)).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let people: Vec<PersonId> = doc.org().persons().map(|p| p.id).collect();
    let mut rng = Lcg(42);
    let n = if quick { 300 } else { 3000 };
    let mut times = Vec::with_capacity(n);
    let mut rejected = 0;
    for i in 0..n {
        let op = if i % 2 == 0 {
            let p = doc.org().person(people[rng.next(people.len())]).unwrap();
            let mut p = p.clone();
            p.title = format!("Title {i}");
            Op::UpdatePerson { person: p }
        } else {
            Op::MoveSubtree {
                person: people[rng.next(people.len())],
                manager: Some(people[rng.next(people.len())]),
            }
        };
        let t = Instant::now();
        let r = doc.apply(op);
        times.push(t.elapsed());
        if r.is_err() {
            rejected += 1;
        }
    }
    times.sort();
    println!(
        "edit on a 10k-person document (validate + write + log, WAL, synchronous=NORMAL): \
         p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms over {n} edits ({rejected} refused as cycles)",
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.99)),
        ms(*times.last().unwrap())
    );
    let t = Instant::now();
    let undos = 200.min(n - rejected);
    for _ in 0..undos {
        doc.undo().unwrap();
    }
    println!(
        "undo on a 10k-person document: mean {:.3} ms over {undos}",
        ms(t.elapsed()) / undos as f64
    );
}

fn large(quick: bool) {
    let n = if quick { 20_000 } else { 100_000 };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.topo");
    let t = Instant::now();
    let org = topograph_sample::generate(n, 1);
    let generated = t.elapsed();
    Document::create_with(&path, "Current", &org).unwrap();
    let written = t.elapsed();
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "generate and write {n} people: {:.0} ms (generate {:.0} ms, write {:.0} ms), file {:.1} MB",
        ms(written),
        ms(generated),
        ms(written - generated),
        size as f64 / 1e6
    );
    let mut opens = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let doc = Document::open(&path).unwrap();
        opens.push(t.elapsed());
        assert_eq!(doc.org().person_count(), n);
    }
    opens.sort();
    println!(
        "open {n} people and load the scenario (incl. quick_check): median {:.0} ms, best {:.0} ms",
        ms(opens[opens.len() / 2]),
        ms(opens[0])
    );
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.as_deref().is_none_or(|f| "edits".contains(f)) {
        edits(quick);
    }
    if filter.as_deref().is_none_or(|f| "large".contains(f)) {
        large(quick);
    }
}
