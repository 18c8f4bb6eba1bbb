// Shared checks of the fuzz targets: every span slices the input to its
// text, spans lie on char boundaries, dates are valid, output serializes.

pub fn facts(input: &str, facts: &thaifacts::ArticleFacts) {
    let spans = facts.spans();
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
