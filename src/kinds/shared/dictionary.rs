//! Word boundaries from a dictionary: where a name glued to the following
//! text ends.
//!
//! Thai is written without spaces between words, and names are mostly out
//! of any dictionary. A name that runs into ordinary words
//! (`สรรคนนท์ไปทำการ…`, `สังขาราร้อยเวร…`) ends where the text after it reads
//! as dictionary words while the text before it does not. This module holds
//! the word list (PyThaiNLP's `words_th.txt`, CC0, 61k words) compiled at
//! build time into crawdad's character-wise double-array trie (`build.rs`),
//! and answers questions about a short window of
//! text: the longest word at a position, and where in a glued run a name
//! ends. It never segments a whole text: each question walks a few words
//! from one position, so the cost is linear in the window asked about.
//!
//! Shared: the people kind cuts glued names with it; organizations and
//! places may end names with it too.

use std::sync::LazyLock;

use crate::thai::cluster_boundary;

/// The dictionary as `build.rs` serialized it: the trie of every word of
/// `words_th.txt`.
const WORDS_TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words_th.crawdad"));

/// The dictionary, deserialized at first use (a copy of 2 MB, about 4M
/// instructions; building a trie of the word list then cost about 155M).
static WORDS: LazyLock<crawdad::Trie> = LazyLock::new(|| crawdad::Trie::deserialize_from_slice(WORDS_TRIE).0);

/// The end of the longest dictionary word that starts at byte `i` of
/// `text`, if any.
///
/// Every word is Thai letters (U+0E00 to U+0E7F, three bytes each in UTF-8:
/// `E0 B8 xx` or `E0 B9 xx`), so the walk reads the text three bytes at a
/// time and stops at the first byte that is no such letter: a position
/// where no Thai letter starts costs one test, and a word's end in bytes is
/// three times its length in characters, with no second walk to count them.
fn longest_word_at(text: &str, i: usize) -> Option<usize> {
    let letters = text.as_bytes().get(i..)?.chunks_exact(3).map_while(thai_char);
    let (_, chars) = WORDS.common_prefix_search(letters).last()?;
    Some(i + 3 * chars)
}

/// The character of the Thai block that `b` (three bytes) encodes, if it
/// encodes one.
#[inline]
fn thai_char(b: &[u8]) -> Option<char> {
    match *b {
        [0xE0, b1 @ (0xB8 | 0xB9), b2 @ 0x80..=0xBF] => {
            char::from_u32(0x0E00 | u32::from(b1 & 1) << 6 | u32::from(b2 & 0x3F))
        }
        _ => None,
    }
}

/// Whether a word may start or end at byte `i` (a Thai character-cluster
/// boundary).
fn boundary(text: &str, i: usize) -> bool {
    cluster_boundary(text, i)
}

/// The end of the longest dictionary word starting at `i` that ends at a
/// character-cluster boundary, if any.
pub(crate) fn word_at(text: &str, i: usize) -> Option<usize> {
    // A word starts with a Thai letter, whose first byte is E0: most
    // positions asked about fail this one test.
    if text.as_bytes().get(i) != Some(&0xE0) || !boundary(text, i) {
        return None;
    }
    let end = longest_word_at(text, i)?;
    boundary(text, end).then_some(end)
}

/// How many dictionary words follow one another from `i` (greedy, longest
/// first), up to `max`, and where the last one ends.
pub(crate) fn words_from(text: &str, mut i: usize, max: usize) -> (usize, usize) {
    let mut n = 0;
    while n < max {
        match word_at(text, i) {
            Some(e) if e > i => {
                i = e;
                n += 1;
            }
            _ => break,
        }
    }
    (n, i)
}

/// How far back, in characters, [`word_ends_at`] looks for the start of
/// the word before a position.
pub(crate) const WORD_BACK_CHARS: usize = 8;

/// Whether a dictionary word ends at `i` and none runs across it from the
/// same start or an earlier one: the text glued before `i` is a word of its
/// own (`ทำให้|ไทย`), not the start of a longer word holding what follows
/// (`ภาษาไทย`, `พริกไทย`). A word that starts inside the word before `i`
/// (งอ from the last letter of หลัง in `หลังออสเตรเลีย`) is no reading of the
/// text and does not count. Looks back at most [`WORD_BACK_CHARS`]
/// characters, over Thai letters only.
pub(crate) fn word_ends_at(text: &str, i: usize) -> bool {
    if !text.is_char_boundary(i) || !boundary(text, i) {
        return false;
    }
    // Walking back: the start of the longest word ending at `i` found so
    // far, and whether a word crossing `i` starts at or before it.
    let mut word_start = None;
    let mut crossed_before = false;
    for (n, (p, c)) in text[..i].char_indices().rev().enumerate() {
        if n >= WORD_BACK_CHARS || !crate::thai::is_thai_letter(c) {
            break;
        }
        match word_at(text, p) {
            Some(e) if e == i => {
                word_start = Some(p);
                crossed_before = false;
            }
            Some(e) if e > i && word_start.is_some() => crossed_before = true,
            _ => {}
        }
    }
    word_start.is_some() && !crossed_before
}

/// The furthest end of a dictionary word that starts at most
/// [`WORD_BACK_CHARS`] characters before `i` and runs across it, if one
/// does: `i` lies inside that word (ถนน in ริมถนน, เกาะกลางถนน).
pub(crate) fn word_across(text: &str, i: usize) -> Option<usize> {
    if !text.is_char_boundary(i) {
        return None;
    }
    text[..i]
        .char_indices()
        .rev()
        .take(WORD_BACK_CHARS)
        .take_while(|&(_, c)| crate::thai::is_thai_letter(c))
        .filter_map(|(p, _)| word_at(text, p).filter(|&e| e > i))
        .max()
}

/// Whether `text[a..b]` reads as dictionary words from end to end (greedy,
/// longest first).
pub(crate) fn reads_as_words(text: &str, a: usize, b: usize) -> bool {
    let window = &text[..b];
    let (n, e) = words_from(window, a, usize::MAX);
    n > 0 && e == b
}

/// How many dictionary words, of how many characters at least, must follow
/// a name for them to be read as glued to it: names themselves are often
/// two dictionary words after a syllable that is none (กิต|ติ|ศักดิ์).
const GLUED_WORDS: usize = 2;
const GLUED_CHARS: usize = 5;

/// Where a name that starts at `start` and runs without a space to `end`
/// ends, if ordinary words are glued after it: the first cluster boundary,
/// at least `min` bytes and three characters in, after which two dictionary
/// words (five characters or more) follow one another, where the name before
/// it is not itself a run of dictionary words (unless it is one word of four
/// characters or more: ทักษิณพูด).
/// `None` when no such place is found (the run is the name).
///
/// Cost: for each candidate boundary of the run, a walk of two words and a
/// segmentation of the part before it; the run is one word of text, at most
/// a few dozen characters, as the callers bound it.
pub(crate) fn name_end(text: &str, start: usize, min: usize, end: usize) -> Option<usize> {
    if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let run = &text[..end];
    // A name has three characters or more (เนวิน, not เน|วินเพื่อ).
    let mut c = min.max(run[start..].char_indices().nth(3).map_or(end, |(k, _)| start + k));
    while c < end {
        if run.is_char_boundary(c) && boundary(run, c) {
            let (n, e) = words_from(run, c, GLUED_WORDS);
            if n == GLUED_WORDS && run[c..e].chars().count() >= GLUED_CHARS && plausible_name(run, start, c) {
                return Some(c);
            }
        }
        c += run[c..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Whether `text[a..b]` may be a whole name: not a run of dictionary words,
/// or a single dictionary word of four characters or more.
fn plausible_name(text: &str, a: usize, b: usize) -> bool {
    if !reads_as_words(text, a, b) {
        return true;
    }
    word_at(text, a) == Some(b) && text[a..b].chars().count() >= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::trie::Trie;
    use proptest::strategy::Strategy;

    const WORDS_TEXT: &str = include_str!("words_th.txt");

    /// The words of a word list: one a line, `#` lines and blank lines
    /// skipped (as `build.rs` reads it).
    fn words(text: &str) -> impl Iterator<Item = &str> {
        text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// The reference: the crate's own character trie of the word list,
    /// built at run time, as the dictionary was before build.rs.
    static REFERENCE: LazyLock<Trie> = LazyLock::new(|| Trie::of_phrases(words(WORDS_TEXT)));

    fn reference_longest_word_at(text: &str, i: usize) -> Option<usize> {
        REFERENCE.longest_at(text, i, 0).map(|(_, end)| end)
    }

    /// The walk before the three-byte reading: crawdad over the text's
    /// characters, counted again for their bytes.
    fn chars_longest_word_at(text: &str, i: usize) -> Option<usize> {
        let rest = &text[i..];
        let (_, chars) = WORDS.common_prefix_search(rest.chars()).last()?;
        Some(i + rest.char_indices().nth(chars).map_or(rest.len(), |(k, _)| k))
    }

    #[test]
    fn thai_char_reads_the_thai_block_only() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut b = [0; 4];
            let s = c.encode_utf8(&mut b).as_bytes();
            let expected = ('\u{0E00}'..='\u{0E7F}').contains(&c).then_some(c);
            assert_eq!(s.len() == 3 && thai_char(s).is_some(), expected.is_some(), "{c:?}");
            if s.len() == 3 {
                assert_eq!(thai_char(s), expected, "{c:?}");
            }
        }
    }

    #[test]
    fn every_word_is_found_whole_and_at_every_position_of_the_fixtures() {
        for w in words(WORDS_TEXT) {
            assert_eq!(longest_word_at(w, 0), Some(w.len()), "{w:?}");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("fixtures/000_khonkaen_unesco.txt")).expect("founding fixture");
        let text = crate::normalize::normalize(&text).into_text();
        for (i, _) in text.char_indices() {
            assert_eq!(longest_word_at(&text, i), reference_longest_word_at(&text, i), "at {i}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_longest_word_is_the_reference_tries(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec!["ไป", "ทำ", "การ", "ตรวจ", "ภาษา", "ไทย", "พริก", "ทำให้", "สามารถ", "เรียน"])
                        .prop_map(String::from),
                    "[กขคนมยรลวสหอะาิีึืุูเแโใไ่้๊๋็ั์ a1.]{1,3}",
                ],
                0..8,
            ),
        ) {
            let text: String = pieces.concat();
            for (i, _) in text.char_indices() {
                proptest::prop_assert_eq!(longest_word_at(&text, i), reference_longest_word_at(&text, i), "{:?} at {}", text, i);
                proptest::prop_assert_eq!(longest_word_at(&text, i), chars_longest_word_at(&text, i), "{:?} at {}", text, i);
            }
        }
    }

    #[test]
    fn the_word_list_is_normalized_and_thai() {
        let mut n = 0;
        for w in words(WORDS_TEXT) {
            assert_eq!(crate::normalize::normalize(w).into_text(), w, "{w:?} is not in normalized form");
            assert!(w.chars().all(crate::thai::is_thai_letter), "{w:?}");
            n += 1;
        }
        assert!(n > 50_000);
    }

    #[test]
    fn a_name_ends_where_ordinary_words_are_glued_to_it() {
        let t = "ธนกฤตย์ไปทำการตรวจ";
        assert_eq!(name_end(t, 0, 6, t.len()), Some("ธนกฤตย์".len()));
        let t = "ทักษิณพูดหรือไม่";
        assert_eq!(name_end(t, 0, 6, t.len()), Some("ทักษิณ".len()));
        // A name made of dictionary words, with nothing glued after it.
        for t in ["สมชาย", "วีระศักดิ์", "สุดารัตน์"] {
            assert_eq!(name_end(t, 0, 6, t.len()), None, "{t}");
        }
    }

    #[test]
    fn a_word_ends_before_a_name_unless_a_longer_word_runs_across() {
        let t = "ทำให้ไทยสามารถ";
        assert!(word_ends_at(t, "ทำให้".len()));
        let t = "เรียนภาษาไทย";
        assert!(!word_ends_at(t, "เรียนภาษา".len()));
        assert!(!word_ends_at("ไทย", 0));
        // งอ starts at the last letter of หลัง: no reading of the text.
        let t = "หลังออสเตรเลียแล้ง";
        assert!(word_ends_at(t, "หลัง".len()));
    }

    #[test]
    fn no_panic_inside_a_character() {
        let t = "กขค";
        assert_eq!(word_at(t, 1), None);
        assert_eq!(name_end(t, 0, 1, t.len()), None);
    }
}
