// Shared checks of the fuzz targets: every span slices the input to its
// text, spans lie on char boundaries, dates are valid, output serializes.

pub fn facts(input: &str, facts: &thaifacts::ArticleFacts) {
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
        assert!(s <= e && e <= input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        assert_eq!(&input[s..e], t);
    }
    for d in &facts.dates {
        for v in std::iter::once(&d.value).chain(d.end_value.as_ref()) {
            let ok = match v.len() {
                10 => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
                7 => chrono::NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").is_ok(),
                4 => v.bytes().all(|b| b.is_ascii_digit()),
                _ => false,
            };
            assert!(ok, "invalid date value {v:?}");
        }
    }
    let json = serde_json::to_string(facts).expect("facts serialize");
    let back: thaifacts::ArticleFacts = serde_json::from_str(&json).expect("facts deserialize");
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}
