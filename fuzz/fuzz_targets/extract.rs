#![no_main]
//! `thaifacts::extract` on any text (the longest valid UTF-8 prefix of the
//! fuzzer's bytes): no panic, and every invariant of `check.rs`.
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|input: &str| {
    let facts = thaifacts::extract(input);
    check::facts(input, &facts);
});
