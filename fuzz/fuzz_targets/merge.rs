//! Fuzzes merging an import into an existing document (the sample): whatever the readers accept
//! merges as one undo step that breaks no rule, and undoing it restores the sample exactly.
#![no_main]

use std::sync::OnceLock;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    static BASE: OnceLock<topograph_model::Org> = OnceLock::new();
    topograph_formats::fuzzing::merge(BASE.get_or_init(topograph_sample::sample), data);
});
