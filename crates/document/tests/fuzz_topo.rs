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
    let cases: usize = std::env::var("TOPOGRAPH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    // Another sequence every run, printed; `TOPOGRAPH_FUZZ_SEED=S` replays one.
    let run_seed: u64 = std::env::var("TOPOGRAPH_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
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
