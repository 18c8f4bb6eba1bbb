//! For every fixture, every span slices the original input to its text.

mod common;

#[test]
fn every_span_slices_the_input() {
    for (name, text, expected) in common::fixtures() {
        let facts = thaifacts::Extractor::default().extract_with(&text, expected.published);
        let spans = facts.spans();
        for (s, e, t) in spans {
            assert!(s <= e && e <= text.len(), "{name}: span {s}..{e} out of bounds");
            assert_eq!(text.get(s..e), Some(t), "{name}: span {s}..{e}");
        }
    }
}

#[test]
fn output_is_deterministic_on_fixtures() {
    for (name, text, expected) in common::fixtures() {
        let e = thaifacts::Extractor::default();
        let a = serde_json::to_string(&e.extract_with(&text, expected.published)).unwrap();
        let b = serde_json::to_string(&e.extract_with(&text, expected.published)).unwrap();
        assert_eq!(a, b, "{name}");
    }
}
