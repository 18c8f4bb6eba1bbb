//! Properties that hold for any input: no panic, spans slice the input to
//! their text, the normalization map is monotone and lands on char
//! boundaries, normalization is idempotent, output is deterministic, every
//! numeric field is a finite number within the bound, and the facts read
//! back from their own JSON.

mod common;

use proptest::prelude::*;

/// The fuzz targets' invariants, shared so that a proptest and a
/// fuzzer fail on the same rule.
#[path = "../fuzz/fuzz_targets/check.rs"]
mod check;

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

/// Number-heavy strings: digit runs of any length (with and without
/// thousands separators and decimals, up to hundreds of digits), scale words
/// repeated up to sixty times, number words, units, ranges, ranks, signs
/// and qualifiers, so values overflow `f64` and cross the 10^18 bound.
fn number_heavy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,6}",
        "[1-9][0-9]{0,2}(,[0-9]{3}){0,120}",
        "[0-9]{1,4}\\.[0-9]{1,450}",
        (0..60usize).prop_map(|n| "ล้าน".repeat(n)),
        "(สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน){1,8}",
        "(หนึ่ง|สอง|สาม|ห้า|เก้า|ยี่|เอ็ด){1,2}",
        "[ \\-–]{1,2}",
        Just("บาท".to_string()),
        Just("คน".to_string()),
        Just("ล้านบาท".to_string()),
        Just("ร้อยละ ".to_string()),
        Just("%".to_string()),
        Just(" ใน ".to_string()),
        Just(" ถึง ".to_string()),
        Just("ระหว่าง ".to_string()),
        Just(" และ ".to_string()),
        Just("ติดลบ ".to_string()),
        Just("ประมาณ ".to_string()),
        Just("กว่า".to_string()),
        Just("US$".to_string()),
        Just("ครึ่ง".to_string()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Every numeric field is finite and within the documented bound, the
/// facts read back from their own JSON to the same facts and the same bytes,
/// and the hand-written writer (`ArticleFacts::write_json`) writes serde's
/// bytes.
fn check_round_trip(input: &str) {
    let facts = thaifacts::extract(input);
    for n in &facts.numbers {
        for v in std::iter::once(n.value).chain(n.end_value).chain(n.of) {
            assert!(v.is_finite() && v.abs() <= thaifacts::NumberFact::MAX_MAGNITUDE, "{v} in {:?}", n.text);
        }
    }
    let json = serde_json::to_string(&facts).unwrap();
    let back: thaifacts::ArticleFacts =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("facts do not read back: {e}: {json}"));
    assert_eq!(back, facts);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    let mut fast = Vec::new();
    facts.write_json(&mut fast);
    assert_eq!(String::from_utf8(fast).unwrap(), json);
}

fn check_facts(input: &str) {
    let facts = thaifacts::extract(input);
    check::facts(input, &facts);
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

/// The HTML page of any input never panics, draws every span once, opens
/// as many highlights as it closes and runs no script of the input's; the
/// facts of another text are listed, not drawn.
fn check_html(input: &str, other: &str) {
    let facts = thaifacts::extract(input);
    let html = facts.to_html(input);
    assert_eq!(html.matches(" tabindex=\"0\">").count(), facts.spans().len());
    assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    assert_eq!(html.matches("<script>").count(), 2, "only the page's own scripts");
    let _ = thaifacts::html::page(other, other, &facts);
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

/// The fuzz invariants hold on every fixture article, without and with a
/// publication date.
#[test]
fn fuzz_invariants_hold_on_fixtures() {
    let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 14);
    for (name, text, _) in common::fixtures() {
        for day in [None, published] {
            let facts = thaifacts::Extractor::default().extract_with(&text, day);
            let run = std::panic::catch_unwind(|| check::facts(&text, &facts));
            assert!(run.is_ok(), "{name} (published {day:?})");
        }
    }
}

/// Inputs the proptests below once found, kept as fixed cases.
#[test]
fn invariants_hold_on_inputs_the_proptests_found() {
    // A zero-width joiner inside a Thai-digit year: the extractor reads the
    // normalized year 2301, which the era check must read too.
    for input in ["พ.ศ.๒๓0\u{200d}1 ใน ", "กุมภาพันธ์พ.ศ.๒๗4\u{200d}1"] {
        check_facts(input);
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

    #[test]
    fn extract_properties_numbers(s in number_heavy()) {
        check_facts(&s);
    }

    #[test]
    fn extract_properties_any_published(days in any::<i32>(), s in thai_heavy()) {
        // Any date chrono holds, from about 262,000 BCE to 262,000 CE, and
        // the years just around the BE 2483/2484 change and today.
        let published = chrono::NaiveDate::from_num_days_from_ce_opt(days)
            .or_else(|| chrono::NaiveDate::from_num_days_from_ce_opt(days % 800_000));
        let facts = thaifacts::Extractor::default().extract_with(&s, published);
        check::facts(&s, &facts);
    }

    #[test]
    fn facts_round_trip_through_json_any_string(s in any::<String>()) {
        check_round_trip(&s);
    }

    #[test]
    fn facts_round_trip_through_json_thai(s in thai_heavy()) {
        check_round_trip(&s);
    }

    #[test]
    fn facts_round_trip_through_json_numbers(s in number_heavy()) {
        check_round_trip(&s);
    }

    #[test]
    fn html_page_any_string(s in any::<String>(), other in any::<String>()) {
        check_html(&s, &other);
    }

    #[test]
    fn html_page_thai(s in thai_heavy(), other in thai_heavy()) {
        check_html(&s, &other);
    }
}
