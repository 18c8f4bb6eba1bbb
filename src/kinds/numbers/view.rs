//! The document as the number extractor reads it: text, lexicon hits by position, units.

use super::tables::{Role, UnitInfo, Word, TABLES};
use crate::kinds::Doc;
use crate::lexicon::{Category, Entry, Hit, Lexicons};
use crate::thai::{char_at, starts_thai_word};

pub(super) struct View<'a> {
    pub(super) text: &'a str,
    /// Hits of the number lexicons (one leftmost-longest run: no overlaps).
    pub(super) hits: Vec<Hit>,
    /// Hits of the word lexicons (titles, months, ...; no overlaps either).
    pub(super) words: Vec<Hit>,
    pub(super) lexicons: &'a Lexicons,
    /// The entries of the three number lexicons, looked up once a
    /// document rather than once a hit ([`Lexicons::entries`] is a map
    /// lookup).
    pub(super) number_words: &'a [Entry],
    pub(super) units: &'a [Entry],
    pub(super) contexts: &'a [Entry],
}

/// The hit of `hits` (sorted, not overlapping) that starts at byte `p`.
pub(super) fn starting_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.start < p);
    hits.get(i).filter(|h| h.start == p)
}

/// The hit of `hits` (sorted, not overlapping, so sorted by end as well)
/// that ends at byte `p`.
pub(super) fn ending_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.end < p);
    hits.get(i).filter(|h| h.end == p)
}

impl<'a> View<'a> {
    pub(super) fn new(doc: &Doc<'a>) -> View<'a> {
        // Two vectors sized once: the scan's hits split by lexicon group.
        let all = &doc.scan.hits;
        let numbers = all.iter().filter(|h| h.category.is_number_word()).count();
        let mut hits = Vec::with_capacity(numbers);
        let mut words = Vec::with_capacity(all.len() - numbers);
        for h in all {
            if h.category.is_number_word() {
                hits.push(*h);
            } else {
                words.push(*h);
            }
        }
        let lexicons = doc.lexicons;
        View {
            text: doc.norm.text(),
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
        starting_at(&self.hits, p)
    }

    /// The number-lexicon hit that ends at byte `p`, if any.
    pub(super) fn hit_ending_at(&self, p: usize) -> Option<&Hit> {
        ending_at(&self.hits, p)
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

    /// The number word `h`, if it is one.
    pub(super) fn word(&self, h: &Hit) -> Option<Word> {
        if h.category != Category::NumberWord {
            return None;
        }
        self.entry(h).and_then(|e| Word::parse(&e.columns)).or_else(|| TABLES.words.get(self.phrase(h)).copied())
    }

    /// The unit starting at byte `p`, and where it ends.
    pub(super) fn unit_at(&self, p: usize) -> Option<(UnitInfo<'a>, usize)> {
        let unit = self.unit_phrase_at(p)?;
        // A title glued to a name is no unit: 1 นายธนพล is one person named.
        // Checked only once a unit was found: most positions have none, and
        // this is a search of the word hits.
        if starting_at(&self.words, p)
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
        starting_at(&self.words, p).is_some_and(|h| h.category == Category::Month)
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
