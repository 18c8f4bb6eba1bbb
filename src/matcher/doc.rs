//! A leftmost-longest matcher built for each document (the abbreviations an
//! article defines, the names it mentions), and the pair keys of the text's
//! characters it walks on, read once a document after the shared scan.

use crate::matcher::trie::{lead, utf8_len};

/// A leftmost-longest matcher built for one document (the abbreviations it
/// defines, the names it mentions). Building an automaton for the few
/// patterns of each article costs more than scanning with it, so there is
/// none: [`DocMatcher::find_iter`] steps through the text a character at a
/// time and looks up patterns only where the text's next bytes are, by a
/// hashed bit set, the first bytes of some pattern. Three filters say
/// where: a bit table of the first two characters of every pattern (a
/// position passes it rarely, so the walk's one branch is well predicted);
/// where there are many patterns and none is one character long, the same
/// for the second and third characters (long positions share their first
/// pair with much of the text); then a hashed bit set of the pattern
/// prefixes, whose length a table indexed by the first character gives
/// (the shortest pattern starting with it, at most 16 bytes), so `EU` among
/// Thai names does not make every Thai character a candidate. Its matches
/// are those of an unanchored leftmost-longest Aho-Corasick `find_iter`;
/// empty patterns never match.
pub(crate) struct DocMatcher {
    /// Bit `slot(prefix)` is set when a pattern starts with `prefix`: its
    /// first `keys[lead]` bytes.
    filter: Vec<u64>,
    /// For each [`lead`] slot, the length of the prefix the filter holds for
    /// patterns starting with that character: the shortest such pattern's
    /// length, at most [`MAX_KEY`]; 0 when none
    /// starts with it.
    keys: [u8; 512],
    /// `filter.len() * 64 - 1`: the filter's size is a power of two.
    mask: usize,
    /// (prefix, pattern ID), sorted by prefix, then longest pattern first,
    /// then lowest ID (the one leftmost-longest reports among equals).
    /// Patterns with the same first character have prefixes of the same
    /// length, and a prefix holds at least that character, so equal
    /// prefixes mean equal first characters.
    candidates: Vec<(u128, usize)>,
    /// The patterns' bytes, by ID.
    patterns: Vec<Box<[u8]>>,
    /// Bit [`pair`]`(a, b)` is set when a pattern starts with the
    /// characters in [`lead`] slots `a b`, or is the one character in slot
    /// `a` (then for every `b`), so that a walk tests one bit a character.
    pairs: Box<[u64; PAIR_WORDS]>,
    /// The same for the second and third characters (every next character
    /// for a pattern of two), tested at a position whose first pair fits;
    /// `None` when a pattern is one character long.
    seconds: Option<Box<[u64; PAIR_WORDS]>>,
    /// Where every pattern has more than `stride` characters (`stride` at
    /// least [`MIN_STRIDE`]): the bits of every pair in a pattern's first
    /// `stride + 1` characters. A match covers `stride` keys in a row, so a
    /// walk tests one key in `stride`, and looks closer only around a key
    /// whose bit is set.
    strided: Option<(Box<[u64; PAIR_WORDS]>, usize)>,
}

/// The shortest stride [`DocMatcher::strided`] is kept for (patterns of
/// four characters or more), and the longest it uses.
const MIN_STRIDE: usize = 3;
const MAX_STRIDE: usize = 8;

/// The size of [`DocMatcher::pairs`] in words: [`pair`] is 16 bits.
const PAIR_WORDS: usize = 1 << 10;

/// How many patterns a [`DocMatcher`] needs to keep [`DocMatcher::seconds`].
const SECONDS_FROM: usize = 32;

/// A match of [`DocMatcher`]: the pattern's ID and the byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DocMatch {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

/// A [`lead`] slot no character has: the "next character" at the end of
/// the text, so that no pair fits there.
const NO_SLOT: usize = 512;

/// What [`DocMatcher::find_iter`] walks: for every character of a text, in
/// order, the [`pair`] key of its [`lead`] slot with the next character's.
/// Built once a document and shared by its per-document matchers, so that
/// each of them tests one bit a character (a load and a bit test) instead
/// of decoding UTF-8 again. The slots themselves are not kept: a walk reads
/// the character again (and its offset, from the mark before) only where a
/// pattern may start.
#[derive(Debug, Default)]
pub(crate) struct CharSlots {
    /// `keys[i + 1]` is `pair(slot(i), slot(i + 1))`, with [`NO_SLOT`] after
    /// the last character; `keys[0]` is a filler (the loop that builds the
    /// keys writes one a character, before it knows the next one).
    keys: Vec<u16>,
    /// The byte offset of every [`MARK_EVERY`]th character: a walk needs
    /// the offset only where a pattern may start, and steps over a few
    /// characters from the mark before.
    marks: Vec<usize>,
    /// The length in bytes of the text the keys are of.
    len: usize,
}

/// How many characters apart [`CharSlots::marks`] are.
const MARK_EVERY: usize = 16;

/// How many keys [`CharSlots::new`] writes on the stack before appending them.
const BLOCK: usize = 1024;

#[cfg(test)]
impl CharSlots {
    /// Everything the slots hold, to compare two of them.
    pub(crate) fn parts(&self) -> (Vec<u16>, Vec<usize>, usize) {
        (self.keys().to_vec(), self.marks.clone(), self.len)
    }

    /// How many characters the text has.
    pub(crate) fn count(&self) -> usize {
        self.keys().len()
    }

    /// The keys of `text` from its characters one at a time: what
    /// [`CharSlots::new`] computes.
    pub(crate) fn reference(text: &str) -> Vec<u16> {
        let slots: Vec<usize> = text.char_indices().map(|(i, _)| lead(text.as_bytes(), i).0).collect();
        let next = slots.iter().skip(1).copied().chain([NO_SLOT]);
        slots.iter().zip(next).map(|(&a, b)| pair(a, b) as u16).collect()
    }
}

impl CharSlots {
    /// One pass over `text`, one 8-byte load for two characters of Thai.
    /// Keys are written by index into a block on the stack, then appended
    /// a block at a time: no capacity check a key, and no zeroed vector.
    pub fn new(text: &str) -> CharSlots {
        let b = text.as_bytes();
        let mut keys = Vec::with_capacity(b.len() / 2 + 2);
        let mut marks = Vec::with_capacity(b.len() / MARK_EVERY + 1);
        let mut block = [0u16; BLOCK + 1];
        // The last character's slot.
        let mut prev = NO_SLOT;
        let mut pos = 0;
        while pos < b.len() {
            // Keys in the block, and the characters before it (a pair may
            // step one past a block's end) modulo MARK_EVERY.
            let mut m = 0;
            let before = keys.len() % MARK_EVERY;
            while m < BLOCK && pos < b.len() {
                // Two Thai characters (E0 B8 or E0 B9, then the third byte)
                // from one load, and ASCII; anything else, and the last
                // bytes, by `lead`.
                if let Some(&w) = b[pos..].first_chunk::<8>() {
                    let w = u64::from_le_bytes(w);
                    if w & 0xFE_FF00_FEFF == 0xB8_E000_B8E0 {
                        let a = 128 + (w >> 2 & 0x40 | w >> 16 & 0x3F) as usize;
                        let c = 128 + (w >> 26 & 0x40 | w >> 40 & 0x3F) as usize;
                        match (before + m) % MARK_EVERY {
                            0 => marks.push(pos),
                            15 => marks.push(pos + 3),
                            _ => {}
                        }
                        block[m] = pair(prev, a) as u16;
                        block[m + 1] = pair(a, c) as u16;
                        prev = c;
                        m += 2;
                        pos += 6;
                        continue;
                    }
                }
                let (slot, len) = match b[pos] {
                    b0 @ ..0x80 => (usize::from(b0), 1),
                    _ => lead(b, pos),
                };
                if (before + m) % MARK_EVERY == 0 {
                    marks.push(pos);
                }
                block[m] = pair(prev, slot) as u16;
                prev = slot;
                m += 1;
                pos += len;
            }
            keys.extend_from_slice(&block[..m]);
        }
        keys.push(pair(prev, NO_SLOT) as u16);
        CharSlots { keys, marks, len: b.len() }
    }

    /// `keys[i]` is the key of character `i` and the next.
    fn keys(&self) -> &[u16] {
        self.keys.get(1..).unwrap_or_default()
    }

    /// The byte offset in `bytes` (the text's) of character `i` (below
    /// the number of characters).
    pub(crate) fn offset(&self, bytes: &[u8], i: usize) -> usize {
        let mut pos = self.marks[i / MARK_EVERY];
        for _ in 0..i % MARK_EVERY {
            pos += utf8_len(bytes[pos]);
        }
        pos
    }
}

/// Whether the bit of pair key `k` is set in `table`.
fn fits(table: &[u64; PAIR_WORDS], k: u16) -> bool {
    table[usize::from(k >> 6)] >> (k & 63) & 1 != 0
}

/// [`DocMatcher::strided`] of `patterns`: `None` when one (not empty) is
/// shorter than [`MIN_STRIDE`]` + 1` characters, or none is there.
fn strided_pairs(patterns: &[Box<[u8]>]) -> Option<(Box<[u64; PAIR_WORDS]>, usize)> {
    let chars = |b: &[u8]| b.iter().filter(|&&x| x & 0xC0 != 0x80).count();
    let shortest = patterns.iter().filter(|b| !b.is_empty()).map(|b| chars(b)).min()?;
    let stride = (shortest - 1).min(MAX_STRIDE);
    if stride < MIN_STRIDE {
        return None;
    }
    let mut table = Box::new([0u64; PAIR_WORDS]);
    for b in patterns.iter().filter(|b| !b.is_empty()) {
        let (mut a, mut at) = lead(b, 0);
        for _ in 0..stride {
            let (c, len) = lead(b, at);
            let k = pair(a, c);
            table[k / 64] |= 1 << (k % 64);
            (a, at) = (c, at + len);
        }
    }
    Some((table, stride))
}

/// The bit of the [`lead`] slots `a b` in [`DocMatcher::pairs`].
fn pair(a: usize, b: usize) -> usize {
    (a << 7 ^ b) & 0xFFFF
}

/// The most bytes of a pattern [`DocMatcher`] keys on: five Thai
/// characters, so that positions sharing a common start (ผู้อำนวยการ...)
/// rarely share a key.
const MAX_KEY: usize = 16;

/// The bytes of `b[at..at + key]` as an integer (little-endian).
fn prefix(b: &[u8], at: usize, key: usize) -> u128 {
    match b.get(at..at + MAX_KEY) {
        Some(w) => {
            let w = u128::from_le_bytes(w.try_into().unwrap_or([0; MAX_KEY]));
            if key >= MAX_KEY {
                w
            } else {
                w & ((1u128 << (8 * key)) - 1)
            }
        }
        None => b.get(at..at + key).map_or(0, |w| w.iter().rev().fold(0, |acc, &x| acc << 8 | u128::from(x))),
    }
}

/// The bit of a prefix in a filter of `mask + 1` bits.
fn slot(prefix: u128, mask: usize) -> usize {
    let folded = (prefix as u64) ^ ((prefix >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

impl DocMatcher {
    /// Compiles `patterns`; pattern IDs are their positions. Costs
    /// `O(n log n)` in the number of patterns plus their total length.
    pub fn new<P: AsRef<str>>(patterns: impl IntoIterator<Item = P>) -> DocMatcher {
        DocMatcher::with_seconds_from(patterns, SECONDS_FROM)
    }

    /// [`DocMatcher::new`], with [`DocMatcher::seconds`] from `from` patterns.
    fn with_seconds_from<P: AsRef<str>>(patterns: impl IntoIterator<Item = P>, from: usize) -> DocMatcher {
        let patterns: Vec<Box<[u8]>> = patterns.into_iter().map(|p| p.as_ref().as_bytes().into()).collect();
        let mut keys = [0u8; 512];
        for b in patterns.iter().filter(|b| !b.is_empty()) {
            let k = &mut keys[lead(b, 0).0];
            let len = b.len().min(MAX_KEY) as u8;
            *k = if *k == 0 { len } else { (*k).min(len) };
        }
        // About 64 bits a pattern keeps false positives rare.
        let bits = (patterns.len() * 64).next_power_of_two().clamp(1024, 1 << 16);
        let mask = bits - 1;
        let mut filter = vec![0u64; bits / 64];
        let mut candidates = Vec::with_capacity(patterns.len());
        let mut pairs = Box::new([0u64; PAIR_WORDS]);
        // A table is 8 KiB to zero: worth it for many patterns, whose first
        // pairs let through much of the text.
        let mut seconds = (patterns.len() >= from).then(|| Box::new([0u64; PAIR_WORDS]));
        let set = |table: &mut [u64; PAIR_WORDS], k: usize| table[k / 64] |= 1 << (k % 64);
        for (id, b) in patterns.iter().enumerate().filter(|(_, b)| !b.is_empty()) {
            let (a, len) = lead(b, 0);
            let p = prefix(b, 0, usize::from(keys[a]));
            let k = slot(p, mask);
            filter[k / 64] |= 1 << (k % 64);
            candidates.push((p, id));
            if len < b.len() {
                let (c, len2) = lead(b, len);
                set(&mut pairs, pair(a, c));
                if let Some(seconds) = &mut seconds {
                    if len + len2 < b.len() {
                        set(seconds, pair(c, lead(b, len + len2).0));
                    } else {
                        (0..=NO_SLOT).for_each(|next| set(seconds, pair(c, next)));
                    }
                }
            } else {
                (0..=NO_SLOT).for_each(|next| set(&mut pairs, pair(a, next)));
                seconds = None;
            }
        }
        candidates.sort_unstable_by_key(|&(p, id)| (p, std::cmp::Reverse(patterns[id].len()), id));
        let strided = strided_pairs(&patterns);
        DocMatcher { filter, keys, mask, candidates, patterns, pairs, seconds, strided }
    }

    /// The longest pattern at `pos`, given the text's prefix there.
    fn longest_at(&self, bytes: &[u8], pos: usize, prefix: u128) -> Option<DocMatch> {
        let from = self.candidates.partition_point(|&(p, _)| p < prefix);
        self.candidates[from..]
            .iter()
            .take_while(|&&(p, _)| p == prefix)
            .find(|&&(_, id)| bytes[pos..].starts_with(&self.patterns[id]))
            .map(|&(_, id)| DocMatch { pattern: id, start: pos, end: pos + self.patterns[id].len() })
    }

    /// The leftmost-longest, non-overlapping matches in `text`, in order.
    /// `chars` must be the text's [`CharSlots`] (those of a text of another
    /// length are caught, and built again here).
    pub fn find_iter<'a>(&'a self, text: &'a str, chars: &'a CharSlots) -> impl Iterator<Item = DocMatch> + 'a {
        let owned = (chars.len != text.len()).then(|| CharSlots::new(text));
        let bytes = text.as_bytes();
        // The index of the next character to look at.
        let mut i = 0;
        std::iter::from_fn(move || {
            let chars = owned.as_ref().unwrap_or(chars);
            // A match starts at a character boundary (patterns and text are
            // UTF-8), and the leftmost match is the longest pattern at the
            // first position where one fits. The pair (this character, the
            // next) gates everything else.
            loop {
                let keys = chars.keys().get(i..)?;
                let k = match &self.strided {
                    Some((table, stride)) => self.strided_none(keys, table, *stride),
                    None => self.fits_none(keys),
                };
                if k == keys.len() {
                    i += k;
                    return None;
                }
                i += k;
                // The next pair, where patterns have two characters or more
                // (a pattern of two cannot start at the last character).
                if let Some(seconds) = &self.seconds {
                    if !keys.get(k + 1).is_some_and(|&x| fits(seconds, x)) {
                        i += 1;
                        continue;
                    }
                }
                let pos = chars.offset(bytes, i);
                if let Some(m) = self.verify(bytes, pos, lead(bytes, pos).0) {
                    // On past the match's characters (their first bytes).
                    i += bytes[pos..m.end].iter().filter(|&&b| b & 0xC0 != 0x80).count();
                    return Some(m);
                }
                i += 1;
            }
        })
    }

    /// How many of `keys` no pattern starts with: those before the first
    /// whose bit is set. Four keys a step, one branch for the four.
    fn fits_none(&self, keys: &[u16]) -> usize {
        let pairs: &[u64; PAIR_WORDS] = &self.pairs;
        let bit = |k: u16| pairs[usize::from(k >> 6)] >> (k & 63) & 1;
        let mut k = 0;
        for c in keys.chunks_exact(4) {
            if bit(c[0]) | bit(c[1]) | bit(c[2]) | bit(c[3]) != 0 {
                break;
            }
            k += 4;
        }
        k + keys[k..].iter().take_while(|&&x| bit(x) == 0).count()
    }

    /// A number of `keys` no pattern starts within, at most the index of
    /// the first one that may start a match: [`DocMatcher::fits_none`] for
    /// long patterns. Key `j` is tested for every `j = stride - 1 (mod
    /// stride)`; a match starting at `t` sets the bit of keys `t..t +
    /// stride`, one of which is tested, so where a tested key's bit is
    /// clear no match starts in the `stride` keys that end with it; where it
    /// is set, the first of those keys that fits [`DocMatcher::pairs`] is
    /// returned.
    fn strided_none(&self, keys: &[u16], table: &[u64; PAIR_WORDS], stride: usize) -> usize {
        let mut j = stride - 1;
        while j < keys.len() {
            if fits(table, keys[j]) {
                let from = j + 1 - stride;
                if let Some(t) = keys[from..=j].iter().position(|&x| fits(&self.pairs, x)) {
                    return from + t;
                }
            }
            j += stride;
        }
        keys.len()
    }

    /// The longest pattern at `pos`, whose first character is in slot `a`,
    /// after the prefix filter.
    fn verify(&self, bytes: &[u8], pos: usize, a: usize) -> Option<DocMatch> {
        let key = usize::from(self.keys[a]);
        if pos + key > bytes.len() {
            return None;
        }
        let p = prefix(bytes, pos, key);
        let k = slot(p, self.mask);
        if self.filter[k / 64] & (1 << (k % 64)) == 0 {
            return None;
        }
        self.longest_at(bytes, pos, p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    #[test]
    fn doc_matcher_finds_what_an_unanchored_search_finds() {
        let text = include_str!("../../fixtures/000_khonkaen_unesco.txt");
        let sets: &[&[&str]] = &[
            &["ขอนแก่น", "ขอนแก่นได้", "นคร", "นครขอนแก่น", "ก", "ยูเนสโก", "a", " "],
            &["เทศบาล", "เทศบาลนคร", "ศบาลนครขอน", "น"],
            &["ไม่มีในข้อความนี้"],
            &["", "ขอน"],
            &["ขอนแก่น", "นครขอนแก่นก", "แก่น"],
            &["นก", "a.b", "ab"],
            &["ขอนแก่นได้", "ยูเนสโก", "เทศบาลนคร", "จังหวัดขอนแก่น", "ขอนแก่น"],
        ];
        for patterns in sets {
            let reference = doc_matcher_reference(patterns);
            let doc = DocMatcher::new(patterns.iter());
            for t in [text, "", "ก", "นครขอนแก่นก"] {
                let want: Vec<_> = reference.find_iter(t).map(as_doc_match).collect();
                let got: Vec<_> = doc.find_iter(t, &CharSlots::new(t)).collect();
                assert_eq!(got, want, "{patterns:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn doc_matcher_agrees_with_an_unanchored_search(
            patterns in proptest::collection::vec("[กขนa. ]{0,4}", 1..6),
            text in "[กขนa. ]{0,40}",
        ) {
            let reference = doc_matcher_reference(&patterns.iter().map(String::as_str).collect::<Vec<_>>());
            let want: Vec<_> = reference.find_iter(&text).map(as_doc_match).collect();
            let got: Vec<_> = DocMatcher::new(&patterns).find_iter(&text, &CharSlots::new(&text)).collect();
            // Slots of a text of another length are not trusted.
            let longer = format!("{text}x");
            let other = DocMatcher::new(&patterns).find_iter(&text, &CharSlots::new(&longer)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(&other, &got);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Texts longer than a block of [`CharSlots::new`], where a pair of
    /// Thai characters steps past a block's end at every offset.
    #[test]
    fn char_slots_across_blocks() {
        for k in 0..20 {
            let text = format!("{}{}a{}é€ก", "a".repeat(k), "กข".repeat(700), "ก".repeat(1500));
            let chars = CharSlots::new(&text);
            assert_eq!(chars.keys(), &CharSlots::reference(&text)[..], "{k}");
            let offsets: Vec<usize> = (0..chars.count()).map(|i| chars.offset(text.as_bytes(), i)).collect();
            assert_eq!(offsets, text.char_indices().map(|(o, _)| o).collect::<Vec<_>>(), "{k}");
        }
    }

    proptest::proptest! {
        /// Patterns of two characters or more, with the second pair table
        /// however few they are.
        #[test]
        fn doc_matcher_with_longer_patterns_agrees_with_an_unanchored_search(
            patterns in proptest::collection::vec("[กขนa. ]{2,5}", 1..6),
            text in "[กขนa. ]{0,40}",
        ) {
            let reference = doc_matcher_reference(&patterns.iter().map(String::as_str).collect::<Vec<_>>());
            let want: Vec<_> = reference.find_iter(&text).map(as_doc_match).collect();
            let matcher = DocMatcher::with_seconds_from(&patterns, 0);
            proptest::prop_assert!(matcher.seconds.is_some());
            let got: Vec<_> = matcher.find_iter(&text, &CharSlots::new(&text)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Patterns of four characters or more: the strided walk.
        #[test]
        fn doc_matcher_strided_agrees_with_an_unanchored_search(
            patterns in proptest::collection::vec("[กขนa. ]{4,11}", 1..6),
            text in "[กขนa. ]{0,60}",
        ) {
            let reference = doc_matcher_reference(&patterns.iter().map(String::as_str).collect::<Vec<_>>());
            let want: Vec<_> = reference.find_iter(&text).map(as_doc_match).collect();
            let matcher = DocMatcher::new(&patterns);
            proptest::prop_assert!(matcher.strided.is_some());
            let got: Vec<_> = matcher.find_iter(&text, &CharSlots::new(&text)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn char_slots_agree_with_the_characters(text in "[กขนa.é€\u{0E7F}\u{10348} ]{0,60}") {
            let chars = CharSlots::new(&text);
            proptest::prop_assert_eq!(chars.keys(), &CharSlots::reference(&text)[..]);
            let offsets: Vec<usize> = (0..chars.count()).map(|i| chars.offset(text.as_bytes(), i)).collect();
            proptest::prop_assert_eq!(offsets, text.char_indices().map(|(o, _)| o).collect::<Vec<_>>());
        }
    }

    /// The unanchored matcher [`DocMatcher`] stands for (where `""`, which
    /// `DocMatcher` never matches, is a pattern, one that cannot match).
    fn as_doc_match(m: aho_corasick::Match) -> DocMatch {
        DocMatch { pattern: m.pattern().as_usize(), start: m.start(), end: m.end() }
    }

    fn doc_matcher_reference(patterns: &[&str]) -> AhoCorasick {
        let patterns = patterns.iter().map(|p| if p.is_empty() { "\u{0}\u{1}never" } else { p });
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).unwrap()
    }
}
