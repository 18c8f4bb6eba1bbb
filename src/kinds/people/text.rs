//! Thai text around a name: word ends, cluster boundaries, short numbers
//! and English words.

use super::Span;
use crate::thai::{is_following_mark as is_mark, is_thai_letter};

pub(super) fn starts_with_mark(s: &str) -> bool {
    s.chars().next().is_some_and(is_mark)
}

/// Whether a word may start at byte `i` (a Thai character-cluster boundary).
pub(super) fn boundary(text: &str, i: usize) -> bool {
    crate::thai::cluster_boundary(text, i)
}

/// Whether a Thai letter ([`crate::thai::is_thai_letter`]) starts at byte
/// `i` of `text`, read from its three bytes (E0 B8 or E0 B9, then one).
pub(super) fn thai_letter_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i..i + 3) {
        Some(&[0xE0, b1 @ (0xB8 | 0xB9), b2]) => {
            char::from_u32(0x0E00 + (u32::from(b1 - 0xB8) << 6 | u32::from(b2 & 0x3F))).is_some_and(is_thai_letter)
        }
        _ => false,
    }
}

/// Characters that end a word besides whitespace.
pub(super) fn is_break(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')' | '[' | ']' | '"' | '\'' | ',' | ';' | ':' | '/' | '!' | '?' | 'ฯ' | '–' | '—' | '-' | '“' | '”'
        )
}

/// Characters after which a word starts.
pub(super) fn opens(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | ',' | ';' | ':' | '/' | '–' | '—' | '-' | '“')
}

/// The end of the word starting at `i`.
pub(super) fn word_end(text: &str, i: usize) -> usize {
    break_from(text, i, true)
}

/// The first break ([`is_break`]; a hyphen only if `hyphen`) from byte `i`
/// on, at most [`MAX_WORD`] bytes on. Read from the bytes: ASCII by a
/// test of the byte, a character from U+0800 to U+0FFF (lead byte E0: Thai
/// and its neighbours, no whitespace among them) is a break only if it is
/// ฯ, and only other characters are decoded.
fn break_from(text: &str, i: usize, hyphen: bool) -> usize {
    let end = floor_boundary(text, i + MAX_WORD);
    let b = text.as_bytes();
    let mut k = i;
    while k < end {
        match b[k] {
            c @ ..0x80 if is_break(char::from(c)) && (hyphen || c != b'-') => return k,
            ..0x80 => k += 1,
            0xE0 if b[k + 1..].starts_with(&[0xB8, 0xAF]) => return k,
            0xE0 => k += 3,
            _ => match text[k..].chars().next() {
                Some(c) if is_break(c) => return k,
                Some(c) => k += c.len_utf8(),
                None => break,
            },
        }
    }
    end
}

/// The longest run between spaces looked at, in bytes: Thai text without
/// spaces must not make each name or position read to the end of the text.
pub(super) const MAX_WORD: usize = 1024;

/// `at`, or the nearest char boundary of `text` before it (clamped to its length).
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of the position phrase starting at `i` (a position may contain
/// dots and hyphens: `ผบ.หมู่`, `Director-General`).
pub(super) fn phrase_end(text: &str, i: usize) -> usize {
    break_from(text, i, false)
}

/// The byte offsets of the line breaks (`\n`) in `bytes`, in order: one
/// `memchr` pass (a line break comes every few hundred bytes, and the
/// search costs a fraction of an instruction a byte between them, where an
/// eight-byte loop cost 1.25 a byte of the whole text).
pub(super) fn line_breaks(bytes: &[u8]) -> Vec<usize> {
    memchr::memchr_iter(b'\n', bytes).collect()
}

pub(super) fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// The end of a short number word (`9`, `4.0`) starting after one space at
/// `i`, followed by a break.
pub(super) fn short_number(text: &str, i: usize) -> Option<usize> {
    let rest = text[i..].strip_prefix(' ')?;
    let n = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let num = rest[..n].trim_end_matches('.');
    let short = if num.contains('.') { num.len() <= 4 } else { num.len() <= 2 };
    if num.is_empty() || !short || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &rest[num.len()..];
    if !after.is_empty() && !after.starts_with(is_break) {
        return None;
    }
    Some(i + 1 + num.len())
}

/// A capitalized English word at `i`.
pub(super) fn english_word(text: &str, i: usize) -> Option<Span> {
    let rest = &text[i..];
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let n = rest.find(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '-')).unwrap_or(rest.len());
    (n >= 2).then_some(i..i + n)
}

/// The end of an English position phrase: English words up to the first
/// non-ASCII character or line end.
pub(super) fn english_phrase_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let n = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '.')).unwrap_or(rest.len());
    i + rest[..n].trim_end().len()
}

/// Skips `ในฐานะ` (also misspelt `ในฐาน`) and one space after it.
pub(super) fn skip_in_role(text: &str, q: usize) -> usize {
    let Some(rest) = text[q..].strip_prefix("ในฐาน") else { return q };
    let rest = rest.strip_prefix('ะ').unwrap_or(rest);
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    text.len() - rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_are_found_where_match_indices_finds_them() {
        for t in ["", "\n", "ก\nข\n\nค", "abcdefgh\nabcdefg\n", "\n\n\n\n\n\n\n\n\n", "สวัสดี\nครับ\u{0A0A}"]
        {
            let want: Vec<usize> = t.match_indices('\n').map(|(k, _)| k).collect();
            assert_eq!(line_breaks(t.as_bytes()), want, "{t:?}");
        }
    }

    #[test]
    fn cluster_boundaries() {
        let t = "ธนพลกล่าว";
        assert!(boundary(t, "ธนพล".len()));
        assert!(!boundary("กิจ", "ก".len()));
        assert!(!boundary("เกม", "เ".len()));
    }

    #[test]
    fn thai_letters_are_read_from_their_bytes() {
        let text = "กขฯ ๆ๕฿ะa“é\u{0E3B}\u{0E7F}เ็ฮ๎";
        for i in 0..=text.len() + 1 {
            let want = text.get(i..).is_some_and(|t| t.starts_with(is_thai_letter));
            assert_eq!(thai_letter_at(text, i), want, "at {i}");
        }
    }

    /// [`word_end`] and [`phrase_end`] against the character searches they
    /// stand for.
    fn compare_ends(text: &str) {
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let window = &text[i..floor_boundary(text, i + MAX_WORD)];
            let word = window.find(is_break).map_or(i + window.len(), |k| i + k);
            let phrase = window.find(|c: char| is_break(c) && c != '-').map_or(i + window.len(), |k| i + k);
            assert_eq!((word_end(text, i), phrase_end(text, i)), (word, phrase), "at {i} of {text:?}");
        }
    }

    #[test]
    fn word_ends_are_found_like_a_character_search() {
        compare_ends(include_str!("../../../fixtures/000_khonkaen_unesco.txt"));
        compare_ends(&"กรุงเทพฯ นาย-ก\u{A0}ข\u{3000}ค–ง“จ”ฉ\u{0E3B}".repeat(60));
    }

    proptest::proptest! {
        #[test]
        fn word_ends_agree_with_a_character_search(text in "[กฯ\u{0E3B}ะa \u{A0}\u{2028}\u{3000}–—“”é.-]{0,400}") {
            compare_ends(&text);
        }
    }

    #[test]
    fn short_numbers_close_positions() {
        assert_eq!(short_number("ภาค 9 ชี้แจง", "ภาค".len()), Some("ภาค 9".len()));
        assert_eq!(short_number("เกษตร 4.0 (", "เกษตร".len()), Some("เกษตร 4.0".len()));
        assert_eq!(short_number("ปี 2562 ", "ปี".len()), None);
        assert_eq!(short_number("รวม 20 ร้าน", "รวม".len()), Some("รวม 20".len()));
        assert_eq!(short_number("รวม 20ร้าน", "รวม".len()), None);
    }
}
