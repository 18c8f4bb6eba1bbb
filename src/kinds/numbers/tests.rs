//! Unit tests of the number extractor.

use super::atoms::{digit_runs, mantissa, plain_atom, quantity_shape, separated_atom};
use super::tables::TABLES;
use super::*;

fn numbers(text: &str) -> Vec<RawNumber> {
    let norm = crate::normalize::normalize(text);
    let lexicons = crate::kinds::shipped_lexicons();
    let scan = lexicons.scan(norm.text());
    let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
    extract(&doc, &[])
}

fn one(text: &str) -> (f64, Option<String>) {
    let n = numbers(text);
    assert_eq!(n.len(), 1, "{text}: {n:?}");
    (n[0].value, n[0].unit.clone())
}

#[test]
fn tables_load() {
    let t = &*TABLES;
    assert!(!t.unit_entries.is_empty() && !t.words.is_empty() && !t.context.is_empty());
    assert!(!t.to.is_empty() && !t.of.is_empty() && !t.after_qualifiers.is_empty());
}

#[test]
fn word_numbers() {
    let cases: &[(&str, f64)] = &[
        ("สามร้อยห้าสิบหก", 356.0),
        ("หนึ่งล้านสองแสน", 1_200_000.0),
        ("สิบเอ็ด", 11.0),
        ("ยี่สิบเอ็ด", 21.0),
        ("สองพันห้าร้อย", 2500.0),
        ("หนึ่งล้านล้านบาท", 1e12),
        ("สองร้อยสี่สิบหกล้านหนึ่งแสนหกหมื่นเจ็ดพันห้าร้อยหกสิบสี่", 246_167_564.0),
    ];
    for (text, want) in cases {
        let n = numbers(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        assert_eq!(n[0].value, *want, "{text}");
    }
}

#[test]
fn exact_scaling() {
    assert_eq!(one("133,865.78 ล้านบาท"), (133_865_780_000.0, Some("บาท".into())));
    assert_eq!(one("2.5 หมื่นล้านบาท"), (25_000_000_000.0, Some("บาท".into())));
    assert_eq!(one("1.2 แสนคน"), (120_000.0, Some("คน".into())));
    assert_eq!(one("0.3 ไมครอน"), (0.3, Some("ไมครอน".into())));
}

#[test]
fn spans_slice_the_text() {
    let text = "กว่า 390 ล้านคน และร้อยละ 5.5 ต่อปี";
    for n in numbers(text) {
        assert!(text.get(n.span.clone()).is_some(), "{n:?}");
    }
    // A leading qualifier is kept in `qualifier`, not in the span.
    let first = &numbers(text)[0];
    assert_eq!(&text[first.span.clone()], "390 ล้านคน");
    assert_eq!(first.qualifier.as_deref(), Some("กว่า"));
}

#[test]
fn claimed_spans_are_not_numbers() {
    let text = "ปี 2567 มี 5 คน";
    let norm = crate::normalize::normalize(text);
    let lexicons = crate::kinds::shipped_lexicons();
    let scan = lexicons.scan(norm.text());
    let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
    let five = text.rfind('5').unwrap();
    let claimed: Span = five..five + 1;
    assert_eq!(extract(&doc, &[]).len(), 1);
    assert!(extract(&doc, std::slice::from_ref(&claimed)).is_empty());
}

/// Every string of up to `len` characters from `alphabet`.
fn all_strings(alphabet: &[&str], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..len {
        last = last.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[test]
fn digit_scanning_matches_the_regexes_it_replaces() {
    let runs = regex::Regex::new(r"[0-9]+(?:[.,/:][0-9]+)*").unwrap();
    let shape = regex::Regex::new(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$").unwrap();
    let mut texts = all_strings(&["0", "7", ".", ",", "/", ":", "ก", "x"], 5);
    texts.extend(all_strings(&["12", "3", ",", "."], 6));
    // Digits across the scanner's 16-byte blocks.
    texts.push(format!("{}1{}2,345.6", "ก".repeat(5), "x".repeat(15)));
    for t in &texts {
        let want: Vec<Span> = runs.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(digit_runs(t, &crate::thai::digit_runs(t.as_bytes())).collect::<Vec<_>>(), want, "{t:?}");
        assert_eq!(quantity_shape(t), shape.is_match(t), "{t:?}");
    }
}

#[test]
fn mantissa_is_the_parsed_digit_string() {
    for (int, frac) in [
        ("0", "5"),
        ("1,250,000", "78"),
        ("9007199254740993", ""),
        ("18446744073709551615", ""),
        ("18446744073709551616", "25"),
        ("123456789012345678901234567890", "1"),
    ] {
        let digits: String = int.chars().chain(frac.chars()).filter(char::is_ascii_digit).collect();
        assert_eq!(mantissa(int, frac), digits.parse::<f64>().unwrap(), "{int}.{frac}");
    }
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["-", "1-", "-1", "1,", ",1", "1.", "ใน 1", "1 ใน", "ระหว่าง 1 และ", "ร้อย", "ล้าน1", "฿", "1 ถึง"]
    {
        let _ = numbers(text);
    }
}

proptest::proptest! {
    /// A run of digits alone reads as the general reading reads it.
    #[test]
    fn plain_runs_read_as_separated_ones(s in "[0-9]{1,12}", at in 0usize..40) {
        let span = at..at + s.len();
        let (plain, general) = (plain_atom(&s, span.clone()), separated_atom(&s, span));
        proptest::prop_assert_eq!(format!("{plain:?}"), format!("{general:?}"));
    }
}
