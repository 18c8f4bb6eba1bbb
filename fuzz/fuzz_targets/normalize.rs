#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let doc = thaifacts::normalize(input);
    let text = doc.text();
    assert_eq!(thaifacts::normalize(text).text(), text, "idempotent");
    let mut prev = 0;
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let r = doc.to_original(i..text.len());
        assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
        assert!(r.start >= prev, "monotone");
        prev = r.start;
    }
});
