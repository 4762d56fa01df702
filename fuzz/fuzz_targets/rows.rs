//! Fuzzes hostile rows written with SQL into a real document (a two-scenario sample with
//! history): the file opens with every rule of the model kept, or is refused; never a panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

/// The seed document, made once per fuzzing process in the temporary folder.
fn seed() -> &'static PathBuf {
    static SEED: OnceLock<PathBuf> = OnceLock::new();
    SEED.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("topograph-fuzz-rows-{}.topo", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let mut doc = topograph_document::Document::create_with(&path, "Current", &topograph_sample::sample())
            .expect("the seed document");
        doc.apply(topograph_model::Op::CreateScenario { name: "Plan".into() }).expect("a scenario");
        path
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    topograph_document::fuzzing::hostile_rows(seed(), data);
});
