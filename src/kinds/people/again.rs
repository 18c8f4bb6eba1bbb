//! Full names found again without a title.

use foldhash::{HashSet, HashSetExt};

use super::text::*;
use super::{RawPerson, Span};
use crate::thai::is_thai_letter;

/// Mentions of an already found full name written again without a title:
/// one walk for all of them ([`crate::lexicon::DocMatcher`]).
pub(super) fn untitled_again(
    text: &str,
    spaces: &[usize],
    chars: &crate::lexicon::CharSlots,
    found: &[RawPerson],
) -> Vec<RawPerson> {
    let mut names: Vec<(String, &RawPerson)> = Vec::new();
    // Neither a given name nor a family name starts or ends with a space,
    // so two (given, family) pairs are the same exactly when their full
    // names are.
    let mut seen: HashSet<(&str, &str)> = HashSet::with_capacity(found.len());
    for p in found {
        if let Some(f) = &p.family {
            if seen.insert((&p.given, f)) {
                names.push(([p.given.as_str(), f].join(" "), p));
            }
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let matches = match SpacedNames::new(names.iter().map(|(n, _)| n.as_str())) {
        Some(spaced) => spaced.find_all(text, spaces),
        None => crate::lexicon::DocMatcher::new(names.iter().map(|(n, _)| n))
            .find_iter(text, chars)
            .map(|m| (m.pattern, m.start..m.end))
            .collect(),
    };
    let mut spans: Vec<Span> = found.iter().map(|p| p.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let mut out = Vec::new();
    for (id, m) in matches {
        let k = spans.partition_point(|s| s.end <= m.start);
        if k < spans.len() && spans[k].start < m.end {
            continue;
        }
        // A whole word on both sides.
        let before_ok = text[..m.start].chars().next_back().is_none_or(|c| !is_thai_letter(c));
        if !before_ok || starts_with_mark(&text[m.end..]) {
            continue;
        }
        let p = names[id].1;
        out.push(RawPerson {
            span: m,
            title: None,
            given: p.given.clone(),
            family: p.family.clone(),
            positions: Vec::new(),
            statement: None,
        });
    }
    out
}

/// Full names `given family` found again in a text: the leftmost-longest
/// matches of an unanchored search, as [`crate::lexicon::DocMatcher`] finds
/// them, for patterns that hold exactly one space between two non-empty
/// words (every full name the extractor reads: neither a given name nor a
/// family name holds a space). Such a match holds one space of the text, so
/// instead of stepping through every character the search jumps from space
/// to space (a `memchr` search) and looks only there for a given name
/// before the space and its family name after: a few steps a space, where
/// Thai text has a space every few dozen characters.
///
/// A space looks up the names by a key of two bytes around it (the last
/// byte of the given name, the last byte of the family name's first
/// character: the first bytes of Thai characters are all alike), so it
/// rarely checks a name that does not fit. A document with more than
/// [`MAX_SPACED_NAMES`] names (rare, and possibly hostile: many names
/// sharing a key) keeps the per-character matcher, whose cost does not
/// grow with the number of names.
pub(super) struct SpacedNames<'n> {
    /// Each pattern's (given, family) words, by ID.
    parts: Vec<(&'n [u8], &'n [u8])>,
    /// (key, pattern ID), sorted by key, then longest given name, longest
    /// family name and lowest ID: the first entry of a key that fits at a
    /// space is the leftmost-longest match there.
    entries: Vec<(usize, usize)>,
    /// Bit `b` is set when a given name's last byte has low six bits `b`.
    given_ends: u64,
    /// Bit `key` is set when some entry has that key.
    keys: Vec<u64>,
}

/// The most names [`SpacedNames`] takes, so that the names a space is
/// checked against stay few and the search linear in the text.
pub(super) const MAX_SPACED_NAMES: usize = 256;

/// The key of a space after a given name ending with byte `given_end`,
/// before a family name whose first character ends with byte `family_first`.
pub(super) fn spaced_key(given_end: u8, family_first: u8) -> usize {
    usize::from(given_end & 63) << 6 | usize::from(family_first & 63)
}

/// The last byte of the first character of `s` (not empty).
pub(super) fn first_char_end(s: &str) -> Option<u8> {
    // The length of the first character, from its first byte.
    let n = match *s.as_bytes().first()? {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    s.as_bytes().get(n - 1).copied()
}

impl<'n> SpacedNames<'n> {
    /// `None` when there are more than [`MAX_SPACED_NAMES`] patterns, or a
    /// pattern has no space, more than one, or an empty word on either side
    /// of it.
    pub(super) fn new(patterns: impl ExactSizeIterator<Item = &'n str>) -> Option<SpacedNames<'n>> {
        if patterns.len() > MAX_SPACED_NAMES {
            return None;
        }
        let mut parts = Vec::new();
        let mut entries = Vec::new();
        let (mut given_ends, mut keys) = (0u64, vec![0u64; 64]);
        for (id, p) in patterns.enumerate() {
            let (given, family) = p.split_once(' ')?;
            let (&end, first) = (given.as_bytes().last()?, first_char_end(family)?);
            if family.contains(' ') {
                return None;
            }
            let key = spaced_key(end, first);
            given_ends |= 1 << (end & 63);
            keys[key / 64] |= 1 << (key % 64);
            entries.push((key, id));
            parts.push((given.as_bytes(), family.as_bytes()));
        }
        entries.sort_by_key(|&(key, id)| {
            let (g, f): (&[u8], &[u8]) = parts[id];
            (key, std::cmp::Reverse(g.len()), std::cmp::Reverse(f.len()), id)
        });
        Some(SpacedNames { parts, entries, given_ends, keys })
    }

    /// Every match in `text`, in order, not overlapping: (pattern ID, span).
    /// `spaces` are the offsets of the spaces in `text` ([`spaces`]).
    ///
    /// A match's given name holds no space, so a match around a later space
    /// starts after an earlier space: taking spaces in order takes matches
    /// in order of their starts. At one space, the longest given name that
    /// fits starts leftmost, and it must start at or after the end of the
    /// previous match, where an unanchored search resumes.
    pub(super) fn find_all(&self, text: &str, spaces: &[usize]) -> Vec<(usize, Span)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        for &q in spaces {
            let Some(&end) = q.checked_sub(1).and_then(|i| bytes.get(i)) else { continue };
            if self.given_ends & (1 << (end & 63)) == 0 {
                continue;
            }
            let Some(first) = first_char_end(&text[q + 1..]) else { continue };
            let key = spaced_key(end, first);
            if self.keys[key / 64] & (1 << (key % 64)) == 0 {
                continue;
            }
            let k = self.entries.partition_point(|&(e, _)| e < key);
            let fits = |&&(_, id): &&(usize, usize)| {
                let (g, f) = self.parts[id];
                q >= from + g.len() && bytes[q - g.len()..q] == *g && bytes[q + 1..].starts_with(f)
            };
            if let Some(&(_, id)) = self.entries[k..].iter().take_while(|&&(e, _)| e == key).find(fits) {
                let (g, f) = self.parts[id];
                let span = q - g.len()..q + 1 + f.len();
                from = span.end;
                out.push((id, span));
            }
        }
        out
    }
}

/// Given names found again: the longest name of a document's list that
/// starts at a position, as [`crate::matcher::trie::Trie::longest_at`] of
/// those names finds it, without building a trie for each document (its
/// build cost more than all the look-ups).
///
/// A name is filed under a key of its first two characters (the low bits
/// of their last bytes, which tell Thai characters apart); a position whose
/// two characters have no name filed under their key is rejected by one bit
/// test, and the others compare the few names of their key, longest first.
/// Names have two characters or more.
pub(super) struct GivenNames<'n> {
    /// (key, name), sorted by key, then longest name first.
    entries: Vec<(usize, &'n str)>,
    /// Bit `key` is set when some entry has that key.
    keys: Vec<u64>,
}

/// The key of the two characters at byte `i` of `bytes` (a character
/// boundary): the low six bits of the last byte of each.
fn pair_key(bytes: &[u8], i: usize) -> Option<usize> {
    let len = |b: u8| match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    let second = i + len(*bytes.get(i)?);
    let first_end = *bytes.get(second - 1)?;
    let second_end = *bytes.get(second + len(*bytes.get(second)?) - 1)?;
    Some(usize::from(first_end & 63) << 6 | usize::from(second_end & 63))
}

impl<'n> GivenNames<'n> {
    /// `names` of two characters or more (shorter ones are never found).
    pub(super) fn new(names: &[&'n str]) -> GivenNames<'n> {
        let mut entries: Vec<(usize, &str)> =
            names.iter().filter_map(|&n| Some((pair_key(n.as_bytes(), 0)?, n))).collect();
        entries.sort_by_key(|&(key, n)| (key, std::cmp::Reverse(n.len())));
        let mut keys = vec![0u64; 64];
        for &(key, _) in &entries {
            keys[key / 64] |= 1 << (key % 64);
        }
        GivenNames { entries, keys }
    }

    /// The end of the longest name that `text` holds at byte `i` (a
    /// character boundary). Inlined: called at every space, it costs less
    /// than a call where most positions fail the first bit test.
    #[inline(always)]
    pub(super) fn longest_at(&self, text: &str, i: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let key = pair_key(bytes, i)?;
        if self.keys[key / 64] & (1 << (key % 64)) == 0 {
            return None;
        }
        let k = self.entries.partition_point(|&(e, _)| e < key);
        let rest = &bytes[i..];
        self.entries[k..]
            .iter()
            .take_while(|&&(e, _)| e == key)
            .find(|(_, n)| rest.starts_with(n.as_bytes()))
            .map(|(_, n)| i + n.len())
    }
}

/// The byte offsets of the spaces in `bytes`, in order: one `memchr`
/// pass. A space comes every fifty bytes or so of Thai news, and
/// `str::match_indices(' ')` pays a word-at-a-time `memchr` call's set-up
/// for each: on the fixtures that was a quarter of the people extractor's
/// instructions (callgrind, inclusive); an eight-byte loop cost 1.4 a byte.
/// Computed once a document and shared by the readers that go from space
/// to space.
pub(super) fn spaces(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(bytes.len() / 32);
    out.extend(memchr::memchr_iter(b' ', bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_found_where_match_indices_finds_them() {
        let founding = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        for text in [founding, "", " ", "a", "  a b  c d e f g h i   ", "ก ข\u{A0} \t ง", &" ".repeat(17)] {
            let want: Vec<usize> = text.match_indices(' ').map(|(q, _)| q).collect();
            assert_eq!(spaces(text.as_bytes()), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn spaces_agree_with_match_indices(text in "[ ก a\u{A0}\u{2020}\u{20AC}]{0,40}") {
            let want: Vec<usize> = text.match_indices(' ').map(|(q, _)| q).collect();
            proptest::prop_assert_eq!(spaces(text.as_bytes()), want);
        }
    }

    /// [`SpacedNames::find_all`] against the unanchored leftmost-longest
    /// Aho-Corasick search [`crate::lexicon::DocMatcher`] stands for.
    fn compare_spaced(patterns: &[&str], text: &str) {
        use aho_corasick::{AhoCorasick, MatchKind};
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).unwrap();
        let want: Vec<_> = ac.find_iter(text).map(|m| (m.pattern().as_usize(), m.start()..m.end())).collect();
        let got = SpacedNames::new(patterns.iter().copied()).unwrap().find_all(text, &spaces(text.as_bytes()));
        assert_eq!(got, want, "{patterns:?} in {text:?}");
    }

    #[test]
    fn spaced_names_match_like_an_unanchored_search() {
        let text = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        compare_spaced(&["ขอนแก่น ได้", "นครขอนแก่น ได้", "แก่น ได้รับ", "ก ก"], text);
        compare_spaced(&["ab cd", "b cde", "b c", "cd e", "e f"], "ab cde f xb cd e f");
        compare_spaced(&["a b", "b c", "c d"], "a b c d b c");
        assert!(SpacedNames::new(["a b c"].into_iter()).is_none());
        assert!(SpacedNames::new([" b"].into_iter()).is_none());
        assert!(SpacedNames::new(["ab"].into_iter()).is_none());
        let many: Vec<String> = (0..=MAX_SPACED_NAMES).map(|i| format!("a{i} b")).collect();
        assert!(SpacedNames::new(many.iter().map(String::as_str)).is_none());
        assert!(SpacedNames::new(many[1..].iter().map(String::as_str)).is_some());
    }

    /// [`GivenNames::longest_at`] against the trie of the same names.
    fn compare_given(names: &[&str], text: &str) {
        let trie = crate::matcher::trie::Trie::of_phrases(names);
        let given = GivenNames::new(names);
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = trie.longest_at(text, i, 0).map(|(_, end)| end);
            assert_eq!(given.longest_at(text, i), want, "{names:?} at {i} of {text:?}");
        }
    }

    #[test]
    fn given_names_are_found_like_the_trie_finds_them() {
        let text = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        compare_given(&["ขอนแก่น", "ขอน", "นคร", "นครขอนแก่น", "แก่นกลาง", "ab", "“ก"], text);
        compare_given(&["สมชาย", "สมชายดี", "สมศรี", "ศรี"], "สมชายดี สมชา สมศรีใจ “สมชาย” ab สม");
    }

    proptest::proptest! {
        #[test]
        fn given_names_agree_with_the_trie(
            names in proptest::collection::hash_set("[กขนaé“]{2,4}", 1..8),
            text in "[กขนaé“ ]{0,60}",
        ) {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            compare_given(&names, &text);
        }
    }

    proptest::proptest! {
        #[test]
        fn spaced_names_agree_with_aho_corasick(
            patterns in proptest::collection::hash_set("[กขนaé]{1,3} [กขนaé]{1,3}", 1..6),
            text in "[กขนaé ]{0,60}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            compare_spaced(&patterns, &text);
        }
    }
}
