//! A few patterns found in a document by one SIMD substring search each.
//!
//! The abbreviations an article defines and the positions its people hold
//! are searched for again in the whole text. [`DocMatcher`] walks the text
//! a character at a time whatever the patterns (about 3 instructions a byte
//! on the fixtures); where there are only a few, a `memmem` search for
//! each (a fraction of an instruction a byte) finds the same matches.

use std::cmp::Reverse;

use crate::matcher::doc::{CharSlots, DocMatch, DocMatcher};

/// The most patterns [`find_few`] searches for one at a time; more go to
/// the [`DocMatcher`], whose walk costs the same for any number of them.
pub(crate) const FEW: usize = 4;

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
        let p = p.as_ref().as_bytes();
        if p.is_empty() {
            continue;
        }
        let finder = memchr::memmem::Finder::new(p);
        let mut from = 0;
        while let Some(k) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
            all.push((from + k, Reverse(p.len()), id));
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
    }
}
