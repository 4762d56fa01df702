//! The `topo` fuzz body over sample files with random bytes overwritten (whole pages' worth of
//! damage, single flipped bytes, a cut tail): no panic, no hang. `TOPOGRAPH_FUZZ_CASES` sets
//! how many (300 by default); the seed changes every run and is printed.

use topograph_document::{fuzzing, Document};
use topograph_model::Op;

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// `TOPOGRAPH_FUZZ_CASES` (else `default`) and the run's seed: another sequence every run,
/// printed by the caller; `TOPOGRAPH_FUZZ_SEED=S` replays one.
fn cases_and_seed(default: usize) -> (usize, u64) {
    let var = |key: &str| std::env::var(key).ok();
    let cases = var("TOPOGRAPH_FUZZ_CASES")
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    let seed = var("TOPOGRAPH_FUZZ_SEED")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
    (cases, seed)
}

#[test]
fn randomly_damaged_documents_never_panic_or_hang() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.topo");
    {
        let mut doc = Document::create_with(&path, "Current", &topograph_sample::sample()).unwrap();
        doc.apply(Op::CreateScenario {
            name: "Plan".into(),
        })
        .unwrap();
        let id = doc.scenario_by_name("Plan").unwrap().id;
        doc.switch_scenario(id).unwrap();
    }
    let seed = std::fs::read(&path).unwrap();
    let (cases, run_seed) = cases_and_seed(300);
    eprintln!("fuzz_topo: TOPOGRAPH_FUZZ_SEED={run_seed} TOPOGRAPH_FUZZ_CASES={cases}");
    let mut rng = Rng((0x9e37_79b9_7f4a_7c15 ^ run_seed) | 1);
    for case in 0..cases {
        let mut data = seed.clone();
        match case % 3 {
            0 => {
                let i = rng.below(data.len() as u64) as usize;
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let at = 100 + rng.below(data.len() as u64 - 200) as usize;
                for b in &mut data[at..(at + 64).min(seed.len())] {
                    *b = rng.below(256) as u8;
                }
            }
            _ => data.truncate(rng.below(data.len() as u64) as usize),
        }
        if std::panic::catch_unwind(|| fuzzing::topo(&data)).is_err() {
            panic!("case {case} panicked (TOPOGRAPH_FUZZ_SEED={run_seed})");
        }
    }
}

/// Hostile rows written with SQL into a real two-scenario document with history: each case a
/// few random writes (a hostile value in a column, a deleted row, a copied row); the file opens
/// with every rule kept or is refused. `TOPOGRAPH_FUZZ_CASES` and `TOPOGRAPH_FUZZ_SEED` as above.
#[test]
fn documents_with_hostile_rows_open_valid_or_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.topo");
    {
        let mut doc =
            Document::create_with(&path, "Current", &topograph_sample::generate(40, 4)).unwrap();
        let mut person = doc.org().persons().nth(5).unwrap().clone();
        person.title = "Renamed".into();
        doc.apply(Op::UpdatePerson { person }).unwrap();
        doc.apply(Op::CreateScenario {
            name: "Plan".into(),
        })
        .unwrap();
        let id = doc.scenario_by_name("Plan").unwrap().id;
        doc.switch_scenario(id).unwrap();
    }
    let (cases, run_seed) = cases_and_seed(200);
    eprintln!(
        "fuzz_topo hostile rows: TOPOGRAPH_FUZZ_SEED={run_seed} TOPOGRAPH_FUZZ_CASES={cases}"
    );
    let mut rng = Rng((0x0bad_5eed ^ run_seed) | 1);
    let (mut opened, mut refused) = (0, 0);
    for case in 0..cases {
        let data: Vec<u8> = (0..4 + rng.below(28))
            .map(|_| rng.below(256) as u8)
            .collect();
        match std::panic::catch_unwind(|| fuzzing::hostile_rows(&path, &data)) {
            Ok(true) => opened += 1,
            Ok(false) => refused += 1,
            Err(_) => panic!("case {case} panicked on {data:?} (TOPOGRAPH_FUZZ_SEED={run_seed})"),
        }
    }
    // Both ends are reached: a body that refused everything (or nothing) would test little.
    eprintln!("fuzz_topo hostile rows: {opened} opened, {refused} refused");
    assert!(
        opened > 0 && refused > 0,
        "{opened} opened, {refused} refused"
    );
}
