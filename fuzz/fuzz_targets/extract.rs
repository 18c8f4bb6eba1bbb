#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|input: &str| {
    let facts = thaifacts::extract(input);
    check::facts(input, &facts);
});
