//! A few patterns found in a document by one SIMD substring search each.
//!
//! The abbreviations an article defines and the positions its people hold
//! are searched for again in the whole text. [`DocMatcher`] walks the text
//! a character at a time whatever the patterns (1.5 to 3 instructions a
//! byte on the fixtures, and two 8 KiB tables zeroed to build it); where
//! there are only a few, a `memmem` search for each (about 0.3 a byte)
//! finds the same matches.

use std::cmp::Reverse;

use crate::matcher::doc::{CharSlots, DocMatch, DocMatcher};

/// The most patterns [`find_few`] searches for one at a time; more go to
/// the [`DocMatcher`], whose walk costs the same for any number of them.
pub(crate) const FEW: usize = 8;

/// The longest needle `memmem` searches for by SIMD alone.
const KEY_BYTES: usize = 32;

/// The leftmost-longest, non-overlapping matches of `patterns` in `text`,
/// in order, as [`DocMatcher::find_iter`] finds them (pattern IDs are their
/// positions; empty patterns never match). `chars` are the text's
/// [`CharSlots`], for the matcher. Up to [`FEW`] patterns, every occurrence
/// of each (overlapping ones too) is found by `memmem`, and the matches are
/// taken from them in order of start, longest first, each starting at or
/// after the end of the one before: the leftmost-longest rule. A pattern
/// and the text are UTF-8, so an occurrence starts at a character boundary,
/// where the matcher looks.
pub(crate) fn find_few<P: AsRef<str>>(patterns: &[P], text: &str, chars: &CharSlots) -> Vec<DocMatch> {
    if patterns.len() > FEW {
        return DocMatcher::new(patterns).find_iter(text, chars).collect();
    }
    let bytes = text.as_bytes();
    let mut all: Vec<(usize, Reverse<usize>, usize)> = Vec::new();
    for (id, p) in patterns.iter().enumerate() {
        let p = p.as_ref();
        if p.is_empty() {
            continue;
        }
        // memmem searches a needle of up to 32 bytes by SIMD alone (longer
        // ones by Two-Way, slower to build and to run): the pattern's first
        // characters within 32 bytes are searched for, the rest compared.
        let mut key = p.len().min(KEY_BYTES);
        while !p.is_char_boundary(key) {
            key -= 1;
        }
        let p = p.as_bytes();
        let finder = memchr::memmem::Finder::new(&p[..key.max(1)]);
        let mut from = 0;
        while let Some(k) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
            if bytes[from + k..].starts_with(p) {
                all.push((from + k, Reverse(p.len()), id));
            }
            from += k + 1;
        }
    }
    all.sort_unstable();
    let mut out = Vec::with_capacity(all.len());
    let mut end = 0;
    for (start, Reverse(len), pattern) in all {
        if start >= end {
            end = start + len;
            out.push(DocMatch { pattern, start, end });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_few`] against the matcher it stands for.
    fn compare(patterns: &[&str], text: &str) {
        let chars = CharSlots::new(text);
        let want: Vec<DocMatch> = DocMatcher::new(patterns).find_iter(text, &chars).collect();
        assert_eq!(find_few(patterns, text, &chars), want, "{patterns:?} in {text:?}");
    }

    #[test]
    fn few_patterns_match_like_the_matcher() {
        let text = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        compare(&["ขอนแก่น", "นครขอนแก่น", "แก่น", "."], text);
        compare(&["aa", "aaa", "", "a"], "aaaaaaa baaab");
        compare(&["กก", "ก"], "กกกกก");
        compare(&["é", "a", "ab", "bc"], "abcéabc");
        compare(&[], "ก");
        let long = "ผู้ว่าราชการจังหวัด";
        compare(&[long, &long[..36], "ว่าราชการจังหวัดขอนแก่น"], &format!("{long}ขอนแก่น {long} ว่า{long}"));
    }

    proptest::proptest! {
        #[test]
        fn few_patterns_agree_with_the_matcher(
            patterns in proptest::collection::vec("[กขaé.]{0,4}", 0..=FEW),
            text in "[กขaé. ]{0,60}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            compare(&patterns, &text);
        }

        /// Patterns longer than the 32 bytes searched for, written in the
        /// text again and again, overlapping and glued.
        #[test]
        fn long_patterns_agree_with_the_matcher(
            patterns in proptest::collection::vec("[กข]{1,14}", 1..=FEW),
            picks in proptest::collection::vec((0usize..FEW, "[กข ]{0,3}"), 0..12),
        ) {
            let text: String = picks.iter().map(|(k, gap)| format!("{}{gap}", patterns[k % patterns.len()])).collect();
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            compare(&patterns, &text);
        }
    }
}
