//! For every fixture, every span slices the original input to its text.

mod common;

#[test]
fn every_span_slices_the_input() {
    for (name, text, expected) in common::fixtures() {
        let facts = thaifacts::Extractor::default().extract_with(&text, expected.published);
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        for p in &facts.people {
            spans.extend(p.mentions.iter().chain(&p.statements).map(|m| (m.start, m.end, m.text.as_str())));
        }
        for o in &facts.organizations {
            spans.extend(o.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
        }
        for p in &facts.places {
            spans.extend(p.mentions.iter().map(|m| (m.start, m.end, m.text.as_str())));
        }
        spans.extend(facts.dates.iter().map(|d| (d.start, d.end, d.text.as_str())));
        spans.extend(facts.numbers.iter().map(|n| (n.start, n.end, n.text.as_str())));
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
