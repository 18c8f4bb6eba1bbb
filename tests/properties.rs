//! Properties that hold for any input: no panic, spans slice the input to
//! their text, the normalization map is monotone and lands on char
//! boundaries, normalization is idempotent, output is deterministic.

use proptest::prelude::*;

/// Thai-heavy strings: letters, marks (also out of order and doubled),
/// digits of both scripts, spaces of several kinds, zero-width characters,
/// dots, parentheses, quotes, dashes and Latin, plus lexicon-like words.
fn thai_heavy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ก-ฮ]{1,4}",
        "[\u{0E30}-\u{0E3A}\u{0E40}-\u{0E4E}]{1,3}",
        "[0-9๐-๙]{1,5}",
        "[ \u{00A0}\u{200B}\u{200D}\u{FEFF}\u{00AD}\u{3000}\t\r\n]{1,3}",
        "[.,()\\-–/:%\u{201C}\u{201D}\u{2018}\u{2019}\"']",
        "[A-Za-z]{1,5}",
        Just("นาย".to_string()),
        Just("รศ.ดร.".to_string()),
        Just("พ.ศ.".to_string()),
        Just("ก.พ.".to_string()),
        Just("กุมภาพันธ์".to_string()),
        Just("ล้าน".to_string()),
        Just("ร้อยละ".to_string()),
        Just("1 ใน ".to_string()),
        Just("นายกเทศมนตรี".to_string()),
        Just("เทศบาลนคร".to_string()),
        Just("จังหวัด".to_string()),
        Just("(บพท.)".to_string()),
        Just("e\u{0301}".to_string()),
        Just("\u{0E4D}\u{0E48}\u{0E32}".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check_facts(input: &str) {
    let facts = thaifacts::extract(input);
    let again = thaifacts::extract(input);
    assert_eq!(serde_json::to_string(&facts).unwrap(), serde_json::to_string(&again).unwrap());
    let spans = facts.spans();
    for (s, e, text) in spans {
        assert!(s <= e && e <= input.len(), "span {s}..{e} out of bounds");
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        assert_eq!(&input[s..e], text);
    }
    for d in &facts.dates {
        // An unresolved mention has no value, only its parts.
        let Some(value) = &d.value else {
            assert!(d.end_value.is_none() && d.anchor.is_none(), "unresolved date with a value: {d:?}");
            continue;
        };
        let ok = match value.len() {
            10 => chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok(),
            7 => chrono::NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").is_ok(),
            4 => value.parse::<u32>().is_ok(),
            _ => false,
        };
        assert!(ok, "invalid date value {value:?}");
    }
}

fn check_normalize(input: &str) {
    let doc = thaifacts::normalize(input);
    let text = doc.text();
    assert_eq!(thaifacts::normalize(text).text(), text, "idempotent");
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut prev = (0, 0);
    for &b in &bounds {
        let r = doc.to_original(b..b);
        let s = doc.to_original(b..text.len()).start;
        let e = doc.to_original(0..b).end;
        assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        assert!(s >= prev.0 && e >= prev.1, "map is monotone");
        prev = (s, e);
    }
    for w in bounds.windows(2) {
        let r = doc.to_original(w[0]..w[1]);
        assert!(r.start <= r.end && r.end <= input.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn normalize_properties_any_string(s in any::<String>()) {
        check_normalize(&s);
    }

    #[test]
    fn normalize_properties_thai(s in thai_heavy()) {
        check_normalize(&s);
    }

    #[test]
    fn extract_properties_any_string(s in any::<String>()) {
        check_facts(&s);
    }

    #[test]
    fn extract_properties_thai(s in thai_heavy()) {
        check_facts(&s);
    }
}
