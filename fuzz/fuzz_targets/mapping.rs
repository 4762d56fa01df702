//! Fuzzes saved CSV mapping files: a mapping (before a NUL byte) applied to a table (after it):
//! a mapping that reads applies to any table, and what it plans builds.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    topograph_formats::fuzzing::mapping(data);
});
