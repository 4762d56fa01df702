//! Fuzzes the CSV reader: arbitrary bytes must never panic, and accepted input must build.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    topograph_formats::fuzzing::csv(data);
});
