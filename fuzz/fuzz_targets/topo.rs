//! Fuzzes opening a `.topo` file: arbitrary bytes (seed the corpus with a real document) must
//! never panic or hang opening, loading every scenario, undo or redo.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    topograph_document::fuzzing::topo(data);
});
