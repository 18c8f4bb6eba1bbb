//! The fast Thai pass against a character-by-character reference, and
//! the offset map's laws.

use super::chars::*;
use super::pass::*;
use super::*;

/// `normalize` as it was before the byte-level fast path (commit
/// 2807fba): one iterator over the characters, each looked at in turn.
/// The tests below prove that the fast path changes neither the text
/// nor the offset map.
mod reference {
    use super::super::chars::*;
    use super::super::map::Builder;
    use super::super::*;

    pub(super) fn normalize(input: &str) -> Normalized {
        match nfc(input) {
            None => thai_pass(input),
            Some(first) => {
                let second = thai_pass(&first.text);
                let done = Normalized { map: first.map.then(&second.map), text: second.text };
                // Putting Thai marks in order can unblock a foreign mark that
                // now composes with its base (r + ◌̑ → ȓ): compose once more.
                match nfc(&done.text) {
                    None => done,
                    Some(third) => Normalized { map: done.map.then(&third.map), text: third.text },
                }
            }
        }
    }

    /// The next character after the iterator's position that is not zero-width,
    /// and how many characters (zero-width ones included) lie up to and with it.
    fn peek_visible(it: &std::iter::Peekable<std::str::CharIndices<'_>>) -> Option<(usize, char, usize)> {
        let mut look = it.clone();
        let mut n = 0;
        for (j, m) in &mut look {
            n += 1;
            if !is_zero_width(m) {
                return Some((j, m, n));
            }
        }
        None
    }

    /// The single per-character pass (everything but NFC).
    fn thai_pass(input: &str) -> Normalized {
        let mut b = Builder::with_capacity(input.len(), input.len());
        let mut it = input.char_indices().peekable();
        // Start of the pending verbatim run: input[run..i] is written unchanged.
        let mut run = 0;
        // Whether the last character written (or pending) is a space.
        let mut last_space = false;
        let mut marks: Vec<char> = Vec::new();
        let mut canon: Vec<char> = Vec::new();
        let mut tmp = [0u8; 4];
        while let Some((i, c)) = it.next() {
            if is_plain(c) {
                // Most characters: written unchanged, nothing to check.
                last_space = false;
                continue;
            }
            let c_end = i + c.len_utf8();
            if is_zero_width(c) {
                b.keep(input, run..i);
                run = c_end;
                continue;
            }
            if is_space(c) {
                if last_space {
                    b.keep(input, run..i);
                    b.absorb(c_end);
                    run = c_end;
                } else if c != ' ' {
                    b.keep(input, run..i);
                    b.replace(i..c_end, " ");
                    run = c_end;
                }
                last_space = true;
                continue;
            }
            last_space = false;
            if let Some(len) = line_break(c, it.peek().map(|&(_, n)| n)) {
                b.keep(input, run..i);
                if len == 2 {
                    it.next();
                }
                b.replace(i..i + len, "\n");
                run = i + len;
                continue;
            }
            if let Some(q) = straight_quote(c).or_else(|| arabic_digit(c)) {
                b.keep(input, run..i);
                b.replace(i..c_end, q.encode_utf8(&mut tmp));
                run = c_end;
                continue;
            }
            if c == SARA_E {
                if let Some((j, SARA_E, n)) = peek_visible(&it) {
                    b.keep(input, run..i);
                    for _ in 0..n {
                        it.next();
                    }
                    let end = j + SARA_E.len_utf8();
                    b.replace(i..end, SARA_AE.encode_utf8(&mut tmp));
                    run = end;
                }
                continue;
            }
            if is_mark(c) {
                // Gather the whole run of marks (zero-width characters inside it
                // are dropped), and a sara aa that completes a decomposed sara
                // am; then write the run in canonical order.
                marks.clear();
                marks.push(c);
                let mut end = c_end;
                let mut dropped = false;
                while let Some((j, m, n)) = peek_visible(&it) {
                    if !is_mark(m) {
                        break;
                    }
                    dropped |= n > 1;
                    for _ in 0..n {
                        it.next();
                    }
                    marks.push(m);
                    end = j + m.len_utf8();
                }
                let mut then_sara_aa = false;
                if marks.contains(&NIKHAHIT) {
                    if let Some((j, SARA_AA, n)) = peek_visible(&it) {
                        dropped |= n > 1;
                        for _ in 0..n {
                            it.next();
                        }
                        end = j + SARA_AA.len_utf8();
                        then_sara_aa = true;
                    }
                }
                if !dropped && !then_sara_aa && is_canonical(&marks) {
                    continue;
                }
                canonical_marks(&marks, then_sara_aa, &mut canon);
                if dropped || canon != marks {
                    b.keep(input, run..i);
                    let s: String = canon.iter().collect();
                    b.replace(i..end, &s);
                    run = end;
                }
                continue;
            }
        }
        b.keep(input, run..input.len());
        b.finish()
    }
}

/// Normalizes `input`, checks the output, and checks that the span of
/// `pick` in the output maps back to `original` in the input.
fn check(input: &str, want: &str, pick: &str, original: &str) {
    let doc = normalize(input);
    assert_eq!(doc.text(), want, "normalize({input:?})");
    let at = doc.text().find(pick).unwrap_or_else(|| panic!("{pick:?} not in {:?}", doc.text()));
    let r = doc.to_original(at..at + pick.len());
    assert_eq!(&input[r], original, "span of {pick:?} in {input:?}");
    assert_eq!(normalize(doc.text()).text(), doc.text(), "idempotent on {input:?}");
}

#[test]
fn nfc_composes_decomposed_latin() {
    check("Cafe\u{0301} ขอนแก่น", "Caf\u{e9} ขอนแก่น", "\u{e9}", "e\u{0301}");
    check("Cafe\u{0301} ขอนแก่น", "Caf\u{e9} ขอนแก่น", "ขอนแก่น", "ขอนแก่น");
}

#[test]
fn decomposed_sara_am() {
    // นํา (nikhahit + sara aa) → นำ
    check("น\u{0E4D}\u{0E32}เสนอ", "นำเสนอ", "นำ", "น\u{0E4D}\u{0E32}");
    // with a tone mark between: น ํ ้ า → น ้ ำ (น้ำ)
    check("น\u{0E4D}\u{0E49}\u{0E32}ท่วม", "น้ำท่วม", "น้ำ", "น\u{0E4D}\u{0E49}\u{0E32}");
    // tone mark before nikhahit: น ้ ํ า → น้ำ
    check("น\u{0E49}\u{0E4D}\u{0E32}", "น้ำ", "น้ำ", "น\u{0E49}\u{0E4D}\u{0E32}");
}

#[test]
fn plain_characters_are_nothing_else() {
    for c in (0..0x3000).filter_map(char::from_u32).filter(|&c| is_plain(c)) {
        assert!(!is_zero_width(c) && !is_space(c) && line_break(c, Some('\n')).is_none(), "{c:?}");
        assert!(straight_quote(c).is_none() && arabic_digit(c).is_none(), "{c:?}");
        assert!(c != SARA_E && !is_thai_mark(c), "{c:?}");
    }
}

#[test]
fn doubled_sara_e() {
    check("เเละ", "และ", "และ", "เเละ");
    check("ผู้ว่าฯ เเถลง", "ผู้ว่าฯ แถลง", "แถลง", "เเถลง");
}

#[test]
fn tone_mark_before_vowel_is_reordered() {
    // ท ่ ี → ท ี ่ (ที่)
    check("ท\u{0E48}\u{0E35}ผ่านมา", "ที่ผ่านมา", "ที่", "ท\u{0E48}\u{0E35}");
    // ผ ้ ู → ผู้
    check("ผ\u{0E49}\u{0E39}ว่า", "ผู้ว่า", "ผู้", "ผ\u{0E49}\u{0E39}");
}

#[test]
fn repeated_marks_collapse() {
    check("ที่\u{0E48}", "ที่", "ที่", "ที่\u{0E48}");
    check("กุุ", "กุ", "กุ", "กุุ");
}

#[test]
fn zero_width_removed() {
    for zw in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'] {
        let input = format!("ขอน{zw}แก่น");
        check(&input, "ขอนแก่น", "ขอนแก่น", &input);
    }
    // a zero-width space at the edge of a span is not part of it
    check("\u{200B}ขอนแก่น\u{200B}", "ขอนแก่น", "ขอนแก่น", "ขอนแก่น");
    // a zero-width space between doubled sara e
    check("เ\u{200B}เละ", "และ", "และ", "เ\u{200B}เละ");
}

#[test]
fn spaces() {
    check("นาย\u{00A0}ธนพล", "นาย ธนพล", "ธนพล", "ธนพล");
    check("ก  \t ข", "ก ข", " ", "  \t ");
    check("ก\u{3000}\u{200B} ข", "ก ข", "ก ข", "ก\u{3000}\u{200B} ข");
    check("ปี\r\n2567\rข", "ปี\n2567\nข", "\n2567", "\r\n2567");
}

#[test]
fn quotes() {
    check("\u{201C}ขอนแก่น\u{201D} \u{2018}ก\u{2019}", "\"ขอนแก่น\" 'ก'", "\"ขอนแก่น\"", "\u{201C}ขอนแก่น\u{201D}");
}

#[test]
fn thai_digits() {
    check("๑๔ กุมภาพันธ์ ๒๕๖๗", "14 กุมภาพันธ์ 2567", "2567", "๒๕๖๗");
    check("๒.๕ ล้านบาท", "2.5 ล้านบาท", "2.5", "๒.๕");
}

#[test]
fn clean_text_is_one_segment() {
    let input = "นายธนพล ใจดี นายกเทศมนตรีนครขอนแก่น";
    let doc = normalize(input);
    assert_eq!(doc.text(), input);
    assert_eq!(doc.map.segments.len(), 1);
}

// Found by the `normalize` fuzz target: a Hebrew point among
// Thai marks made the Thai pass's output non-NFC, so a second
// normalization changed it again.
#[test]
fn foreign_mark_among_thai_marks_stays_idempotent() {
    let input = "\u{0E35}\u{0E4B}\u{05C1}\u{0E39}\u{0E48}\u{0E3C}";
    let once = normalize(input);
    assert_eq!(normalize(once.text()).text(), once.text());
    let input = "\u{0E01}\u{0E48}\u{0301}\u{0E38}\u{05C1}";
    let once = normalize(input);
    assert_eq!(normalize(once.text()).text(), once.text());
    // Found by the fuzzer too (minimized): putting นิคหิต after ไม้จัตวา
    // unblocks r + U+0311, which composes to ȓ.
    let input = "r\u{0E4D}\u{0E4B}\u{0311}";
    let once = normalize(input);
    assert_eq!(normalize(once.text()).text(), once.text());
}

#[test]
fn empty_and_clamped_ranges() {
    let doc = normalize("");
    assert_eq!(doc.text(), "");
    assert_eq!(doc.to_original(0..0), 0..0);
    let doc = normalize("ab");
    assert_eq!(doc.to_original(5..9), 2..2);
    #[allow(clippy::reversed_empty_ranges)]
    let r = doc.to_original(2..1);
    assert_eq!(r, 1..1);
}

/// Checks that `normalize(input)` equals the reference: the same text,
/// the same map, and the same original range for every range of the
/// output (ends on and off char boundaries, and past the end).
fn check_same_as_reference(input: &str) {
    let fast = normalize(input);
    let slow = reference::normalize(input);
    assert_eq!(fast.text(), slow.text(), "text of {input:?}");
    let len = fast.text().len();
    let mut ends: Vec<usize> = (0..=len + 1).collect();
    if ends.len() > 80 {
        // Long inputs: every char boundary near the start, then a stride.
        ends.retain(|&e| e < 40 || e % 7 == 0 || e >= len);
    }
    for &a in &ends {
        for &b in &ends {
            assert_eq!(fast.to_original(a..b), slow.to_original(a..b), "to_original({a}..{b}) of {input:?}");
        }
    }
    assert_eq!(fast, slow, "offset map of {input:?}");
}

/// [`thai_class`] of a (non-ASCII) character.
fn class_of_char(c: char) -> u8 {
    let mut utf8 = [0; 4];
    c.encode_utf8(&mut utf8);
    thai_class(u32::from_be_bytes(utf8))
}

#[test]
fn thai_class_table_agrees_with_the_character_tests() {
    for c in ('\u{0E00}'..='\u{0E7F}').chain(['\u{00A0}', '\u{0301}', '\u{0900}', '\u{200B}', '\u{FEFF}', '\u{1F600}'])
    {
        let class = class_of_char(c);
        if class == CLASS_OTHER {
            assert!(!('\u{0E00}'..='\u{0E7F}').contains(&c), "{c:?} is Thai");
            continue;
        }
        let is_digit = arabic_digit(c).is_some();
        assert_eq!(class == CLASS_SARA_E, c == SARA_E, "{c:?}");
        assert_eq!(class == CLASS_NIKHAHIT, c == NIKHAHIT, "{c:?}");
        assert_eq!(class == CLASS_DIGIT, is_digit, "{c:?}");
        assert_eq!(class >= CLASS_NIKHAHIT, is_mark(c), "{c:?}");
        if class == CLASS_CLEAN {
            // What the Thai pass does with none of these: written as is.
            assert!(!is_zero_width(c) && !is_space(c) && line_break(c, Some('\n')).is_none(), "{c:?}");
            assert!(straight_quote(c).is_none() && !is_digit && c != SARA_E && !is_mark(c), "{c:?}");
        }
    }
    // Only the 128 Thai characters have a class other than "other".
    assert_eq!(THAI_CLASS.iter().filter(|&&class| class != CLASS_OTHER).count(), 128);
    // Mark classes compare as the sort keys do.
    let marks = || (0x0E00..0x0E80).filter_map(char::from_u32).filter(|&c| is_thai_mark(c) && c != NIKHAHIT);
    for a in marks() {
        for b in marks() {
            assert_eq!(class_of_char(a) <= class_of_char(b), mark_key(a) <= mark_key(b), "{a:?} {b:?}");
        }
    }
}

#[test]
fn fast_path_edges_match_the_reference() {
    let cases = [
        "",
        "ก",
        "\u{0E48}",
        "\u{0E48}ก",
        "ก\u{0E48}",
        "ก\u{0E35}\u{0E48}",
        "ก\u{0E48}\u{0E35}",
        "ก\u{0E38}\u{0E38}",
        "ก\u{0E35}\u{0E48}\u{0E49}",
        "ก\u{0E48}\u{200B}\u{0E49}",
        "ก\u{0E48}\u{200B}ข",
        "ก\u{0E48}\u{0301}",
        "e\u{0E48}\u{0301}",
        "ก\u{0E48}\u{FEFF}\u{0301}",
        "r\u{0E4D}\u{0E4B}\u{0311}",
        "ก\u{0E48}\u{0E4D}",
        "น\u{0E4D}\u{0E32}",
        "น\u{0E48}\u{0E4D}\u{0E32}",
        "น\u{0E4D}\u{200B}\u{0E32}",
        "ก\u{0E48}\u{0E32}",
        "ก\u{0E48}๑",
        "\u{0E4D}",
        "เ",
        "เเ",
        "เ\u{200B}เ",
        "เ\u{FEFF}เละ",
        "เ\u{0E48}",
        "เa",
        "เ\r\n",
        "a b",
        "a  b",
        "a \u{00A0}b",
        "a\u{00A0} b",
        "a \u{200B} b",
        "a \u{200B}\u{200B} b",
        " ",
        "  ",
        "\t",
        "a\r",
        "a\r\nb\rc\n",
        "\u{0E50}\u{0E59}",
        "\u{201C}ก\u{201D}",
        "\u{0E00}\u{0E3B}\u{0E3F}\u{0E4F}\u{0E5A}\u{0E7F}",
        "ผู้ว่าราชการจังหวัดขอนแก่น เปิดเผยว่า",
    ];
    for input in cases {
        check_same_as_reference(input);
    }
    // Every kind of cluster and sara e, at every distance from the
    // start and the end (the fast path reads eight bytes at a time and
    // leaves the last seven to the step).
    let middles = [
        "\u{0E48}",
        "\u{0E35}\u{0E48}",
        "\u{0E48}\u{0E35}",
        "\u{0E48}\u{0E48}",
        "\u{0E48}\u{0E49}",
        "\u{0E35}\u{0E48}\u{0E49}",
        "\u{0E35}\u{0E48}\u{200B}",
        "\u{0E35}\u{200B}\u{0E48}",
        "\u{0E35}\u{0E48}\u{0E4D}\u{0E32}",
        "\u{0E4D}\u{0E32}",
        "\u{0E48}\u{0301}",
        "\u{0E35}\u{0E48}\u{0301}",
        "\u{0E48}เ",
        "\u{0E48} ",
        "\u{0E48}๑",
        "เ",
        "เเ",
        "เ\u{200B}เ",
        "เ\u{0E48}",
        "เ ",
        " \u{0E48}",
        "  ",
        "\u{00A0}",
    ];
    for middle in middles {
        for before in ["", "ก", "กก", "a", "ab"] {
            for after in ["", "ก", "กก", "กกก", "a", "abcdefg"] {
                check_same_as_reference(&format!("{before}{middle}{after}"));
            }
        }
    }
}

#[test]
fn fixture_text_matches_the_reference() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("fixtures/000_khonkaen_unesco.txt")).expect("founding fixture");
    check_same_as_reference(&text);
    // The same article with every kind of damage the pass repairs.
    let damaged = text
        .replace("แ", "เเ")
        .replace("ำ", "\u{0E4D}\u{0E32}")
        .replace("ี่", "่ี")
        .replace(' ', "\u{00A0} \u{200B}")
        .replace('\n', "\r\n")
        .replace('2', "๒");
    check_same_as_reference(&damaged);
}

/// Thai-heavy text with everything the pass treats specially: all Thai
/// marks in any order, digits of both scripts, doubled sara e, spaces,
/// line breaks, zero-width characters, quotes, Latin, foreign marks.
fn thai_mixed() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        4 => "[ก-ฮ]{1,4}",
        4 => "[\u{0E30}-\u{0E4F}]{1,3}",
        1 => "[\u{0E00}-\u{0E7F}]{1,3}",
        1 => "[0-9๐-๙]{1,3}",
        1 => Just("เเ".to_string()),
        1 => Just("เ".to_string()),
        2 => "[ \u{00A0}\t\r\n]{1,3}",
        1 => "[\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD}]",
        1 => "[\u{201C}\u{201D}\u{2018}\u{2019}\"'.,()]",
        1 => "[A-Za-z]{1,3}",
        1 => "[\u{0301}\u{0311}\u{05C1}]",
        1 => Just("ที่".to_string()),
        1 => Just("น้ำ".to_string()),
        1 => Just("\u{0E4D}\u{0E48}\u{0E32}".to_string()),
    ];
    prop::collection::vec(piece, 0..32).prop_map(|v| v.concat())
}

/// Checks that [`OffsetMap::range`] gives what [`OffsetMap::start`]
/// and [`OffsetMap::end`] give, for every range of the output (an
/// offset inside a character rounded to take the whole character).
fn check_range_as_start_and_end(input: &str) {
    let doc = normalize(input);
    let text = doc.text();
    let len = text.len();
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    for a in 0..=len {
        for b in a..=len {
            let (s, e) = (floor(a), ceil(b));
            let want = doc.map.start(s)..doc.map.end(e).max(doc.map.start(s));
            assert_eq!(doc.to_original(a..b), want, "to_original({a}..{b}) of {input:?}");
        }
    }
}

#[test]
fn range_matches_start_and_end_on_a_damaged_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("fixtures/000_khonkaen_unesco.txt")).expect("founding fixture");
    let damaged: String = text.replace(' ', "\u{00A0} \u{200B}").replace('2', "๒").chars().take(300).collect();
    check_range_as_start_and_end(&damaged);
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 2048, ..Default::default() })]

    #[test]
    fn range_matches_start_and_end(s in thai_mixed()) {
        check_range_as_start_and_end(&s);
    }

    #[test]
    fn fast_path_matches_the_reference_on_thai(s in thai_mixed()) {
        check_same_as_reference(&s);
    }

    #[test]
    fn fast_path_matches_the_reference_on_any_string(s in proptest::prelude::any::<String>()) {
        check_same_as_reference(&s);
    }
}
