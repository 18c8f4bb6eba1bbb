//! The document as the number extractor reads it: text, lexicon hits by position, units.

use super::tables::{Role, UnitInfo, Word, TABLES};
use crate::kinds::Doc;
use crate::lexicon::{Category, Entry, Hit, Lexicons};
use crate::thai::{char_at, starts_thai_word};

pub(super) struct View<'a> {
    pub(super) text: &'a str,
    /// Hits of the number lexicons (one leftmost-longest run: no overlaps).
    pub(super) hits: Vec<Hit>,
    /// Where in `hits` the hits at a byte are, by start and by end.
    starts: Blocks,
    ends: Blocks,
    /// The hits of the word lexicons that the extractor asks about, months
    /// and titles. The word hits do not overlap either, so the word hit at
    /// a byte is a month or a title exactly when the one of these at that
    /// byte is.
    pub(super) words: Vec<Hit>,
    word_starts: Blocks,
    word_ends: Blocks,
    pub(super) lexicons: &'a Lexicons,
    /// The entries of the three number lexicons, looked up once a
    /// document rather than once a hit ([`Lexicons::entries`] is a map
    /// lookup).
    pub(super) number_words: &'a [Entry],
    pub(super) units: &'a [Entry],
    pub(super) contexts: &'a [Entry],
}

/// The bytes of text a [`Blocks`] entry covers.
const BLOCK: usize = 64;

/// `hits.partition_point(|h| key(h) < p)` for every `p` without a binary
/// search: for each [`BLOCK`] bytes of text, how many keys lie before the
/// block; a look-up starts there and steps over the few keys inside the
/// block that lie before `p`. Numbers ask for the hit at or before a
/// position several times for each number read, and the binary searches
/// over a long article's hits were a sixth of the stage.
struct Blocks(Vec<u32>);

impl Blocks {
    /// The table for `keys`, sorted (not decreasing), in a text of `len`
    /// bytes.
    fn new(len: usize, keys: impl Iterator<Item = usize>) -> Blocks {
        let blocks = len / BLOCK + 1;
        // The blocks that start at or before the keys seen so far.
        let mut before = Vec::with_capacity(blocks);
        let mut n = 0;
        for (i, k) in keys.enumerate() {
            let upto = (k / BLOCK + 1).min(blocks);
            if before.len() < upto {
                before.resize(upto, i as u32);
            }
            n = i + 1;
        }
        before.resize(blocks, n as u32);
        Blocks(before)
    }

    /// How many of `hits` have a key below `p` (`key` as given to
    /// [`Blocks::new`]).
    #[inline]
    fn partition(&self, hits: &[Hit], p: usize, key: impl Fn(&Hit) -> usize) -> usize {
        let mut i = self.0.get(p / BLOCK).or(self.0.last()).map_or(0, |&i| i as usize);
        while hits.get(i).is_some_and(|h| key(h) < p) {
            i += 1;
        }
        i
    }

    fn starting_at<'h>(&self, hits: &'h [Hit], p: usize) -> Option<&'h Hit> {
        hits.get(self.partition(hits, p, |h| h.start)).filter(|h| h.start == p)
    }

    fn ending_at<'h>(&self, hits: &'h [Hit], p: usize) -> Option<&'h Hit> {
        hits.get(self.partition(hits, p, |h| h.end)).filter(|h| h.end == p)
    }
}

/// The hit of `hits` (sorted, not overlapping) that starts at byte `p`
/// (the reference of [`View::hit_at`]).
#[cfg(test)]
pub(super) fn starting_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.start < p);
    hits.get(i).filter(|h| h.start == p)
}

/// The hit of `hits` (sorted, not overlapping, so sorted by end as well)
/// that ends at byte `p` (the reference of [`View::hit_ending_at`]).
#[cfg(test)]
pub(super) fn ending_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.end < p);
    hits.get(i).filter(|h| h.end == p)
}

impl<'a> View<'a> {
    pub(super) fn new(doc: &Doc<'a>) -> View<'a> {
        // The number hits in a vector sized once, and the few months and
        // titles.
        let all = &doc.scan.hits;
        let numbers = all.iter().filter(|h| h.category.is_number_word()).count();
        let mut hits = Vec::with_capacity(numbers);
        let mut words = Vec::new();
        for h in all {
            if h.category.is_number_word() {
                hits.push(*h);
            } else if matches!(h.category, Category::Month | Category::Title) {
                words.push(*h);
            }
        }
        let lexicons = doc.lexicons;
        let text = doc.norm.text();
        View {
            text,
            starts: Blocks::new(text.len(), hits.iter().map(|h| h.start)),
            ends: Blocks::new(text.len(), hits.iter().map(|h| h.end)),
            word_starts: Blocks::new(text.len(), words.iter().map(|h| h.start)),
            word_ends: Blocks::new(text.len(), words.iter().map(|h| h.end)),
            hits,
            words,
            lexicons,
            number_words: lexicons.entries(Category::NumberWord),
            units: lexicons.entries(Category::Unit),
            contexts: lexicons.entries(Category::NumberContext),
        }
    }

    /// The number-lexicon hit that starts at byte `p`, if any.
    pub(super) fn hit_at(&self, p: usize) -> Option<&Hit> {
        self.starts.starting_at(&self.hits, p)
    }

    /// The number-lexicon hit that ends at byte `p`, if any.
    pub(super) fn hit_ending_at(&self, p: usize) -> Option<&Hit> {
        self.ends.ending_at(&self.hits, p)
    }

    /// The month or title that starts at byte `p`, if any.
    pub(super) fn word_starting_at(&self, p: usize) -> Option<&Hit> {
        self.word_starts.starting_at(&self.words, p)
    }

    /// The month or title that ends at byte `p`, if any.
    pub(super) fn word_ending_at(&self, p: usize) -> Option<&Hit> {
        self.word_ends.ending_at(&self.words, p)
    }

    pub(super) fn entry(&self, h: &Hit) -> Option<&'a Entry> {
        let entries = match h.category {
            Category::NumberWord => self.number_words,
            Category::Unit => self.units,
            Category::NumberContext => self.contexts,
            other => self.lexicons.entries(other),
        };
        entries.get(h.entry)
    }

    pub(super) fn phrase(&self, h: &Hit) -> &'a str {
        self.text.get(h.start..h.end).unwrap_or("")
    }

    /// The role of the context word `h`, looked up by phrase when the shared
    /// scan reported it under another category.
    pub(super) fn role(&self, h: &Hit) -> Option<Role> {
        if h.category == Category::NumberContext {
            if let Some(r) = self.entry(h).and_then(|e| Role::parse(&e.columns)) {
                return Some(r);
            }
        }
        TABLES.context.get(self.phrase(h)).cloned()
    }

    /// The number word `h`, if it is one. Asked of every number hit, most
    /// of which are units and context words: that test is inlined, the
    /// reading of the entry is not.
    #[inline]
    pub(super) fn word(&self, h: &Hit) -> Option<Word> {
        if h.category != Category::NumberWord {
            return None;
        }
        self.number_word(h)
    }

    #[inline(never)]
    fn number_word(&self, h: &Hit) -> Option<Word> {
        self.entry(h).and_then(|e| Word::parse(&e.columns)).or_else(|| TABLES.words.get(self.phrase(h)).copied())
    }

    /// The unit starting at byte `p`, and where it ends.
    pub(super) fn unit_at(&self, p: usize) -> Option<(UnitInfo<'a>, usize)> {
        let unit = self.unit_phrase_at(p)?;
        // A title glued to a name is no unit: 1 นายธนพล is one person named.
        // Checked only once a unit was found: most positions have none, and
        // this is a search of the word hits.
        if self
            .word_starting_at(p)
            .is_some_and(|h| h.category == Category::Title && char_at(self.text, h.end).is_some_and(starts_thai_word))
        {
            return None;
        }
        Some(unit)
    }

    /// The unit phrase starting at byte `p`, and where it ends: the shared
    /// scan's hit, else the longest phrase of `units.tsv`.
    pub(super) fn unit_phrase_at(&self, p: usize) -> Option<(UnitInfo<'a>, usize)> {
        if let Some(h) = self.hit_at(p).filter(|h| h.category == Category::Unit) {
            if let Some(e) = self.entry(h) {
                return Some((UnitInfo::parse(&e.columns), h.end));
            }
        }
        let (id, end) = TABLES.units.longest_at(self.text, p, 0)?;
        if !self.text.is_char_boundary(end) || glued_after(self.text, end, self.phrase_is_latin(p, end)) {
            return None;
        }
        let entry = TABLES.unit_entries.get(id as usize)?;
        Some((UnitInfo::parse(&entry.columns), end))
    }

    pub(super) fn phrase_is_latin(&self, start: usize, end: usize) -> bool {
        self.text.get(start..end).is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphabetic()))
    }

    /// Whether a month name starts at byte `p`.
    pub(super) fn month_at(&self, p: usize) -> bool {
        self.word_starting_at(p).is_some_and(|h| h.category == Category::Month)
    }
}

/// A Latin unit (`kg`, `MW`) glued to more Latin letters is a longer word.
pub(super) fn glued_after(text: &str, end: usize, latin: bool) -> bool {
    latin && text.as_bytes().get(end).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// `p` moved past one space, if there is one.
pub(super) fn skip_space(text: &str, p: usize) -> usize {
    if text.as_bytes().get(p) == Some(&b' ') {
        p + 1
    } else {
        p
    }
}

/// `p` moved back past one space, if there is one.
pub(super) fn skip_space_back(text: &str, p: usize) -> usize {
    if p > 0 && text.as_bytes().get(p - 1) == Some(&b' ') {
        p - 1
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The block table finds the hit a binary search finds, at every
        /// byte, for sorted hits that do not overlap (gaps and lengths of
        /// a few bytes, so that blocks hold none, one or many).
        #[test]
        fn blocks_find_what_the_binary_search_finds(
            parts in proptest::collection::vec((0usize..150, 1usize..40), 0..60),
            tail in 0usize..200,
        ) {
            let mut hits = Vec::new();
            let mut at = 0;
            for (entry, (gap, len)) in parts.into_iter().enumerate() {
                hits.push(Hit { start: at + gap, end: at + gap + len, category: Category::Unit, entry });
                at += gap + len;
            }
            let len = at + tail;
            let starts = Blocks::new(len, hits.iter().map(|h| h.start));
            let ends = Blocks::new(len, hits.iter().map(|h| h.end));
            for p in 0..len + 2 * BLOCK {
                proptest::prop_assert_eq!(starts.starting_at(&hits, p), starting_at(&hits, p));
                proptest::prop_assert_eq!(ends.ending_at(&hits, p), ending_at(&hits, p));
            }
        }
    }
}
