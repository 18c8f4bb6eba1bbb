#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    for (i, line) in data.split(|b| *b == b'\n').enumerate() {
        match thaifacts::parse_record(i + 1, line) {
            Ok(r) => {
                let facts = thaifacts::Extractor::default().extract_with(&r.text, r.published);
                check::facts(&r.text, &facts);
            }
            Err(e) => {
                assert_eq!(e.line(), i + 1);
                assert!(!e.to_string().is_empty());
            }
        }
    }
});
