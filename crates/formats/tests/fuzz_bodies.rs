//! The fuzz targets' bodies on stable Rust: each runs over its fixtures and thousands of
//! deterministic mutations of them (bytes flipped, inserted, deleted, chunks repeated, files
//! cut short, delimiters and quotes sprinkled in). None may panic.

mod common;

use topograph_formats::fuzzing;

/// A small deterministic generator so every run tries the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&[u8]] = &[
    b"\"",
    b",",
    b";",
    b"\t",
    b"\n",
    b"\r\n",
    b"\"\"",
    b"---\n",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"99999999999999999999",
    b"-1",
    b"0",
    b"NaN",
    b"1e999",
    b"31/02/2020",
    b"2020-13-45",
    b"@",
    b"manager",
    b"group:",
    b"user:default/",
    b"kind: Group\n",
    b"kind: User\n",
    b"format: team-api\n",
    b"\"version\": 1",
    b"\"format\": \"topograph\"",
    b"null",
    b"E0001",
    b"\\",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, t.iter().copied());
            }
            2 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + rng.below(64)).min(out.len());
                let chunk = out[start..end].to_vec();
                out.splice(at..at, chunk);
            }
            4 => out.truncate(at),
            _ => out.insert(at, rng.next() as u8),
        }
    }
    out
}

/// `FUZZ_ROUNDS=N` runs N mutations per target instead of the default. Each run tries another
/// sequence (the seed is printed); `FUZZ_SEED=S` replays one (for a longer hunt:
/// `FUZZ_ROUNDS=200000 cargo test --release --test fuzz_bodies -- --nocapture`).
fn run(name: &str, body: fn(&[u8]), seeds: &[Vec<u8>], rounds: usize) {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let rounds = env("FUZZ_ROUNDS").map_or(rounds, |r| r as usize);
    let run_seed = env("FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    eprintln!("{name}: FUZZ_SEED={run_seed} FUZZ_ROUNDS={rounds}");
    // Never zero: xorshift stays at zero for ever.
    let mut rng = Rng((0x5eed_0000 ^ (name.len() as u64 * 7919) ^ run_seed) | 1);
    for seed in seeds {
        body(seed);
    }
    for round in 0..rounds {
        let seed = &seeds[round % seeds.len()];
        let input = mutate(&mut rng, seed);
        if let Ok(path) = std::env::var("FUZZ_SAVE") {
            std::fs::write(path, &input).unwrap();
        }
        if std::panic::catch_unwind(|| body(&input)).is_err() {
            panic!(
                "{name}: panicked on input {:?} (FUZZ_SEED={run_seed})",
                String::from_utf8_lossy(&input)
            );
        }
    }
}

fn seeds(names: &[&str]) -> Vec<Vec<u8>> {
    names.iter().map(|n| common::fixture(n)).collect()
}

#[test]
fn the_csv_body_survives_mutated_hr_exports() {
    let mut s = seeds(&[
        "workday.csv",
        "bamboohr.csv",
        "personio.csv",
        "hibob.csv",
        "rippling.csv",
        "gusto.csv",
    ]);
    s.push(
        topograph_formats::csv::export::write(
            &topograph_sample::sample(),
            topograph_formats::csv::export::Table::People,
        )
        .into_bytes(),
    );
    s.push(Vec::new());
    run("csv", fuzzing::csv, &s, 3000);
}

#[test]
fn the_json_body_survives_mutated_documents() {
    let dir = tempfile::tempdir().unwrap();
    let doc = topograph_document::Document::create_with(
        &dir.path().join("s.topo"),
        "Current",
        &topograph_sample::generate(30, 3),
    )
    .unwrap();
    let mut s = vec![
        topograph_formats::json::export(&doc).unwrap().into_bytes(),
        b"{}".to_vec(),
    ];
    // The cargo-fuzz target's seed corpus: small documents, a minimal one, a newer version.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/json");
    for entry in std::fs::read_dir(corpus).unwrap() {
        s.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    assert!(s.len() >= 5, "the JSON seed corpus is there");
    run("json", fuzzing::json, &s, 1500);
}

#[test]
fn the_yaml_body_survives_mutated_catalogs_and_team_apis() {
    let mut s: Vec<Vec<u8>> = Vec::new();
    for dir in ["backstage", "teamapi"] {
        s.extend(
            common::yaml_dir(dir)
                .into_iter()
                .map(|(_, t)| t.into_bytes()),
        );
    }
    run("yaml", fuzzing::yaml, &s, 3000);
}

fn merge_into_sample(data: &[u8]) {
    thread_local! {
        static BASE: topograph_model::Org = topograph_sample::sample();
    }
    BASE.with(|base| fuzzing::merge(base, data));
}

#[test]
fn merging_mutated_exports_into_a_document_breaks_no_rule_and_undoes_exactly() {
    let mut s = seeds(&["gusto.csv", "gusto-update.csv", "workday.csv", "hibob.csv"]);
    s.push(
        topograph_formats::csv::export::write(
            &topograph_sample::sample(),
            topograph_formats::csv::export::Table::People,
        )
        .into_bytes(),
    );
    for dir in ["backstage", "teamapi"] {
        s.extend(
            common::yaml_dir(dir)
                .into_iter()
                .map(|(_, t)| t.into_bytes()),
        );
    }
    // The seeds really merge (so the mutations start from merges that change the document).
    let mut doc =
        topograph_document::Document::in_memory_with("Current", &topograph_sample::sample())
            .unwrap();
    let table = topograph_formats::csv::Table::read(&s[0]).unwrap();
    let inc = topograph_formats::csv::plan(&table, &topograph_formats::csv::suggest(&table));
    let summary = topograph_formats::apply::merge(&mut doc, &inc).unwrap();
    assert!(
        summary.people_added > 0 && summary.undo_steps == 1,
        "{summary:?}"
    );
    run("merge", merge_into_sample, &s, 150);
}

#[test]
fn mutated_mapping_files_apply_to_any_table_and_what_they_plan_builds() {
    let mapping = common::fixture("mapping-gusto.json");
    let mut with_table = mapping.clone();
    with_table.push(0);
    with_table.extend(common::fixture("gusto.csv"));
    let mut with_other = mapping.clone();
    with_other.push(0);
    with_other.extend(common::fixture("workday.csv"));
    let s = vec![mapping, with_table, with_other, b"{}".to_vec()];
    run("mapping", fuzzing::mapping, &s, 3000);
}

/// `FUZZ_INPUT=path FUZZ_TARGET=csv|json|yaml|merge|mapping` replays one saved input (a no-op otherwise).
#[test]
fn a_saved_input_can_be_replayed() {
    let (Ok(path), Ok(target)) = (std::env::var("FUZZ_INPUT"), std::env::var("FUZZ_TARGET")) else {
        return;
    };
    let data = std::fs::read(path).unwrap();
    match target.as_str() {
        "csv" => fuzzing::csv(&data),
        "json" => fuzzing::json(&data),
        "merge" => merge_into_sample(&data),
        "mapping" => fuzzing::mapping(&data),
        _ => fuzzing::yaml(&data),
    }
}
