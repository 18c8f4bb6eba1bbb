#![no_main]
//! `thaifacts::parse_record` on every line of the input, then extraction of
//! each record that parses (with its own `published`): errors name their
//! line, and every invariant of `check.rs` holds. The binary's record loop
//! around this (chunks, threads, order, id salvage) is tested by running the
//! binary: `tests/cli_records.rs`.
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let extractor = thaifacts::Extractor::default();
    for (i, line) in data.split(|b| *b == b'\n').enumerate() {
        match thaifacts::parse_record(i + 1, line) {
            Ok(r) => {
                let facts = extractor.extract_with(&r.text, r.published);
                check::facts(&r.text, &facts);
            }
            Err(e) => {
                assert_eq!(e.line(), i + 1);
                assert!(e.to_string().starts_with(&format!("line {}", i + 1)), "{e}");
            }
        }
    }
});
