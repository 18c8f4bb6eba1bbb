//! The words of `people_words.tsv` read around a name: verbs of speech,
//! stop and link words, position prefixes, words that are no name, credit
//! labels; compiled once into a character trie.

use std::sync::LazyLock;

use super::starts::{char_len, Starts};
use super::text::{boundary, starts_with_mark};
use super::Span;
use crate::kinds::registry;
#[cfg(test)]
use crate::lexicon;
use crate::lexicon::Entry;
use crate::matcher::trie::Trie;

/// What a word of `people_words.tsv` does around a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Speech,
    Stop,
    Link,
    Word,
    AfterName,
    Prefix,
    PositionTail,
    NotName,
    NotGiven,
    TitlePosition,
    NaFamily,
    CreditBefore,
    CreditAfter,
    WeakTitle,
    ClergyTitle,
    WeakClergyTitle,
    RoyalTitle,
    RoyalEpithet,
    FeminineRank,
    Nickname,
}

impl Class {
    pub(super) fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "speech" => Class::Speech,
            "stop" => Class::Stop,
            "link" => Class::Link,
            "word" => Class::Word,
            "after_name" => Class::AfterName,
            "prefix" => Class::Prefix,
            "position_tail" => Class::PositionTail,
            "not_name" => Class::NotName,
            "not_given" => Class::NotGiven,
            "title_position" => Class::TitlePosition,
            "na_family" => Class::NaFamily,
            "credit_before" => Class::CreditBefore,
            "credit_after" => Class::CreditAfter,
            "weak_title" => Class::WeakTitle,
            "clergy_title" => Class::ClergyTitle,
            "weak_clergy_title" => Class::WeakClergyTitle,
            "royal_title" => Class::RoyalTitle,
            "royal_epithet" => Class::RoyalEpithet,
            "feminine_rank" => Class::FeminineRank,
            "nickname" => Class::Nickname,
            _ => return None,
        })
    }
}

pub(super) const WORDS_FILE: &str = "people_words.tsv";

/// The words of `people_words.tsv`, compiled once.
pub(super) struct Words {
    /// Every word except the credit labels (group 0, IDs index `classes`),
    /// for the word at a position and the words inside a short range. A
    /// character trie of a few hundred words stays in cache, where a byte
    /// automaton missed cache on most steps.
    pub(super) words: Trie,
    /// Where a word of `words` may start, asked before walking `words`.
    starts: Starts,
    pub(super) classes: Vec<Class>,
    /// The credit labels, found by the shared scan
    /// ([`crate::lexicon::Scan::credits`]; IDs index this list).
    pub(super) credits: Vec<String>,
    pub(super) credit_classes: Vec<Class>,
    /// Words after which a title may be glued (`โดยนาย`).
    pub(super) glue_before: Vec<String>,
    /// Titles that are also ordinary words: a mention needs a family name.
    pub(super) weak_titles: Vec<String>,
    /// Titles of the clergy: a monk's title-name starts with one.
    pub(super) clergy_titles: Vec<String>,
    /// Royal styles written before a royal's name.
    pub(super) royal_titles: Vec<String>,
    /// How the ranks that take the feminine suffix หญิง start.
    pub(super) feminine_ranks: Vec<String>,
    /// How nicknames of public figures start (บิ๊ก).
    pub(super) nicknames: Vec<String>,
    /// The prefixes of a position (รอง), also in `words`.
    pub(super) prefixes: Vec<String>,
    /// The last characters of `prefixes`, a bit each (see [`last_letter_bit`]).
    prefix_ends: u128,
}

/// The bit of the Thai character that ends `s` (its low seven bits, read
/// from the last three bytes); any other ending shares bit 127 with U+0E7F.
/// Two texts that end with the same character have the same bit.
fn last_letter_bit(s: &str) -> u128 {
    match *s.as_bytes() {
        [.., 0xE0, b1 @ (0xB8 | 0xB9), b2] => 1 << (u32::from(b1 & 1) << 6 | u32::from(b2 & 0x3F)),
        _ => 1 << 127,
    }
}

pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    // Safe: the unit test `people_words_load` proves the shipped file loads.
    Words::from_entries(WORDS_FILE, registry::entries(WORDS_FILE)).unwrap_or_else(|e| panic!("{e}"))
});

/// The credit labels (`Written by`, `ข่าว/`), for the shared scan: a
/// match's ID indexes this list.
pub(crate) fn credit_phrases() -> &'static [String] {
    &WORDS.credits
}

impl Words {
    /// Parses a people-words file (tests: the shipped one is parsed by the
    /// registry).
    #[cfg(test)]
    pub(super) fn build(file: &str, text: &str) -> Result<Words, String> {
        Words::from_entries(file, &lexicon::parse(file, text, 2).map_err(|e| e.to_string())?)
    }

    /// The words of a parsed people-words file; an unknown class is an
    /// error naming the file and line.
    pub(super) fn from_entries(file: &str, entries: &[Entry]) -> Result<Words, String> {
        let (mut words, mut classes, mut credits, mut credit_classes, mut glue_before) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut weak_titles, mut clergy_titles, mut royal_titles, mut feminine_ranks, mut nicknames) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut prefixes = Vec::new();
        for e in entries {
            let class = Class::parse(&e.columns[1])
                .ok_or_else(|| format!("{file}:{}: unknown class {:?}", e.line, e.columns[1]))?;
            match class {
                Class::CreditBefore | Class::CreditAfter => {
                    credits.push(e.phrase().to_string());
                    credit_classes.push(class);
                }
                // Read of a title already found, never looked up in text.
                Class::WeakTitle => weak_titles.push(e.phrase().to_string()),
                Class::ClergyTitle => clergy_titles.push(e.phrase().to_string()),
                Class::RoyalTitle => royal_titles.push(e.phrase().to_string()),
                Class::WeakClergyTitle => {
                    weak_titles.push(e.phrase().to_string());
                    clergy_titles.push(e.phrase().to_string());
                }
                Class::FeminineRank => feminine_ranks.push(e.phrase().to_string()),
                Class::Nickname => nicknames.push(e.phrase().to_string()),
                _ => {
                    if class == Class::Prefix {
                        prefixes.push(e.phrase().to_string());
                    }
                    if matches!(
                        class,
                        Class::Speech
                            | Class::Stop
                            | Class::Link
                            | Class::Word
                            | Class::AfterName
                            | Class::PositionTail
                    ) {
                        glue_before.push(e.phrase().to_string());
                    }
                    words.push(e.phrase().to_string());
                    classes.push(class);
                }
            }
        }
        Ok(Words {
            words: Trie::of_phrases(&words),
            starts: Starts::new(words.iter().map(String::as_str)),
            classes,
            credits,
            credit_classes,
            glue_before,
            weak_titles,
            clergy_titles,
            royal_titles,
            feminine_ranks,
            nicknames,
            prefix_ends: prefixes.iter().fold(0, |m, w| m | last_letter_bit(w)),
            prefixes,
        })
    }

    /// Whether `before` may end with a prefix: its last character ends one.
    /// One bit test, where most names end in no prefix's last letter.
    pub(super) fn may_end_with_prefix(&self, before: &str) -> bool {
        self.prefix_ends & last_letter_bit(before) != 0
    }

    /// The longest word starting exactly at `i`: its class and end.
    pub(super) fn at(&self, text: &str, i: usize) -> Option<(Class, usize)> {
        self.words.longest_at(text, i, 0).map(|(id, end)| (self.classes[id as usize], end))
    }

    /// The words inside `range`, leftmost-longest and not overlapping (as an
    /// unanchored search of the range finds them: a longer word hides the
    /// words that start inside it): (class, start, end).
    pub(super) fn inside<'t>(&'t self, text: &'t str, range: Span) -> impl Iterator<Item = (Class, usize, usize)> + 't {
        // A range ending inside a character ends before it.
        let mut end = range.end.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let within = &text[..end];
        let mut pos = range.start;
        std::iter::from_fn(move || {
            while pos < within.len() {
                if let Some((id, end)) =
                    self.starts.may_start(within, pos).then(|| self.words.longest_at(within, pos, 0)).flatten()
                {
                    let start = pos;
                    pos = end;
                    return Some((self.classes[id as usize], start, end));
                }
                // The next character (a word starts at a character boundary).
                pos += char_len(within.as_bytes()[pos]);
            }
            None
        })
    }

    /// The longest word that starts at each character of `range`, where one
    /// does (unlike [`Words::inside`], words may overlap): (class, start, end).
    pub(super) fn at_each<'t>(
        &'t self,
        text: &'t str,
        range: Span,
    ) -> impl Iterator<Item = (Class, usize, usize)> + 't {
        text[range.clone()].char_indices().filter_map(move |(k, _)| {
            let start = range.start + k;
            let (id, end) = self.starts.may_start(text, start).then(|| self.words.longest_at(text, start, 0))??;
            Some((self.classes[id as usize], start, end))
        })
    }

    /// As [`Words::first_cut`], and also at a word of class `not_given`
    /// followed by a number, after spaces (อายุ52, อายุ 52).
    pub(super) fn first_cut_or_age(&self, text: &str, range: Span, classes: &[Class]) -> Option<usize> {
        self.inside(text, range)
            .find(|&(class, start, end)| {
                let age = class == Class::NotGiven
                    && text[end..].trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit());
                (age || classes.contains(&class)) && boundary(text, start) && !starts_with_mark(&text[end..])
            })
            .map(|(_, start, _)| start)
    }

    /// The first word of one of `classes` inside `range` that starts at a
    /// cluster boundary and is not the start of a longer syllable.
    pub(super) fn first_cut(&self, text: &str, range: Span, classes: &[Class]) -> Option<usize> {
        self.inside(text, range)
            .find(|&(class, start, end)| {
                classes.contains(&class) && boundary(text, start) && !starts_with_mark(&text[end..])
            })
            .map(|(_, start, _)| start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::people::text::floor_boundary;

    proptest::proptest! {
        #[test]
        fn a_text_that_ends_with_a_prefix_may_end_with_one(text in "[กขงนรยต่้ a1]{0,6}", k in 0usize..16) {
            let w = &WORDS;
            let p = &w.prefixes[k % w.prefixes.len()];
            let ended = format!("{text}{p}");
            proptest::prop_assert!(w.may_end_with_prefix(&ended));
            if w.prefixes.iter().any(|p| text.ends_with(p.as_str())) {
                proptest::prop_assert!(w.may_end_with_prefix(&text));
            }
        }
    }

    #[test]
    fn people_words_load() {
        let w = Words::from_entries(WORDS_FILE, registry::entries(WORDS_FILE)).unwrap();
        assert!(!w.classes.is_empty() && !w.credit_classes.is_empty());
    }

    /// The anchored and unanchored leftmost-longest Aho-Corasick searches
    /// the trie of [`Words`] replaced, against [`Words::at`] and
    /// [`Words::inside`] at every position of `text` and over ranges of a few
    /// lengths from each.
    fn compare_with_aho_corasick(w: &Words, text: &str) {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let entries = registry::entries(WORDS_FILE).to_vec();
        let words: Vec<&str> = entries
            .iter()
            .filter(|e| {
                !matches!(
                    Class::parse(&e.columns[1]),
                    Some(
                        Class::CreditBefore
                            | Class::CreditAfter
                            | Class::WeakTitle
                            | Class::ClergyTitle
                            | Class::WeakClergyTitle
                            | Class::RoyalTitle
                            | Class::FeminineRank
                            | Class::Nickname
                    )
                )
            })
            .map(|e| e.phrase())
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&words)
            .unwrap();
        let class = |m: aho_corasick::Match| w.classes[m.pattern().as_usize()];
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = (i < text.len())
                .then(|| ac.find(Input::new(text).span(i..text.len()).anchored(Anchored::Yes)))
                .flatten()
                .map(|m| (class(m), m.end()));
            assert_eq!(w.at(text, i), want, "at {i}");
            for len in [0, 1, 3, 7, 20, 60, 400] {
                let end = floor_boundary(text, i + len);
                let want: Vec<_> = if i < end {
                    ac.find_iter(Input::new(text).span(i..end)).map(|m| (class(m), m.start(), m.end())).collect()
                } else {
                    Vec::new()
                };
                let got: Vec<_> = w.inside(text, i..end).collect();
                assert_eq!(got, want, "inside {i}..{end}");
            }
        }
    }

    #[test]
    fn words_match_like_aho_corasick() {
        let w = Words::from_entries(WORDS_FILE, registry::entries(WORDS_FILE)).unwrap();
        let mut text = include_str!("../../../fixtures/000_khonkaen_unesco.txt").to_string();
        for e in registry::entries(WORDS_FILE).to_vec() {
            text.push_str(e.phrase());
            text.push_str(e.phrase());
            text.push_str("ก ");
        }
        compare_with_aho_corasick(&w, &text);
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_aho_corasick(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(
                        registry::entries(WORDS_FILE)
                            .iter()
                            .map(|e| e.phrase().to_string())
                            .collect::<Vec<_>>()
                    ),
                    "[กขนาเ่ a.é]{0,3}",
                ],
                0..12,
            ),
        ) {
            compare_with_aho_corasick(&WORDS, &parts.concat());
        }
    }

    #[test]
    fn unknown_class_names_file_and_line() {
        let err = Words::build("w.tsv", "# c\nกล่าว\tverb\n").err().unwrap();
        assert_eq!(err, "w.tsv:2: unknown class \"verb\"");
    }
}
