//! The small words around dates (`date_words.tsv`): what each does next to a date token.

use foldhash::HashMap;
use std::sync::LazyLock;

use crate::error::LexiconError;
use crate::kinds::registry;
use crate::lexicon::{self, Entry};

/// What a word of `date_words.tsv` does next to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// วันที่: a day number follows.
    Day,
    /// ที่: after a weekday, a day number follows; elsewhere an ordinal.
    The,
    /// เดือน: a month follows.
    MonthWord,
    /// ปี: a year follows.
    Year,
    /// ปีงบประมาณ: a fiscal year follows.
    Fiscal,
    /// พ.ศ.: a Buddhist-era year follows.
    Be,
    /// ค.ศ.: a Common-era year follows.
    Ce,
    /// ตั้งแต่, ระหว่าง: a range follows.
    From,
    /// ถึง, -: the end of a range follows.
    To,
    /// และ, หรือ: another year of a list follows.
    And,
    /// ปัจจุบัน: the open end of a range.
    Present,
    /// นี้: this (month, day) of the publication year.
    This,
    /// หน้า: the next (weekday).
    Next,
    /// ที่ผ่านมา: the latest such day before publication.
    Past,
    /// เวลา: a time follows.
    Time,
    /// ประมาณ: an approximate time follows (`เวลาประมาณ 10.00 น.`).
    About,
    /// ของ: a time before the date it belongs to (`เวลา 10.00 น. ของวันที่`).
    Of,
    /// น.: ends a time.
    TimeSuffix,
    /// An informal month form (มค, มกรา) with its number.
    Month(u32),
    /// A bare weekday name (พุธ) with its ISO number.
    Weekday(u32),
    /// ฟุตบอลโลก, ซีเกมส์: the end of an event's name, which a four-digit
    /// year may follow.
    Event,
}

/// One word of `date_words.tsv`.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) phrase: String,
    pub(super) role: Role,
}

/// The words of `date_words.tsv`, longest first, indexed by their first and
/// last character so that a lookup compares only a few words.
#[derive(Debug)]
pub(super) struct DateWords {
    pub(super) words: Vec<Word>,
    pub(super) by_first: CharIndex,
    pub(super) by_last: CharIndex,
}

/// Lists of words by a character: ASCII and the Thai block (every
/// character of the shipped words) in a table, any other in a map, so that
/// the look-up the parser makes at every date token is an index, not a
/// hash.
#[derive(Debug, Default)]
pub(super) struct CharIndex {
    direct: Vec<Vec<usize>>,
    other: HashMap<char, Vec<usize>>,
}

impl CharIndex {
    /// The slot of `c` in the table: the tries' symbol (ASCII, then
    /// U+0E00 to U+0E7F).
    fn slot(c: char) -> Option<usize> {
        crate::matcher::trie::symbol(c).map(|s| s as usize)
    }

    fn push(&mut self, c: char, i: usize) {
        match CharIndex::slot(c) {
            Some(k) => {
                self.direct.resize_with(self.direct.len().max(0x100), Vec::new);
                self.direct[k].push(i);
            }
            None => self.other.entry(c).or_default().push(i),
        }
    }

    /// The words filed under `c`, if any.
    pub(super) fn get(&self, c: &char) -> Option<&Vec<usize>> {
        match CharIndex::slot(*c) {
            Some(k) => self.direct.get(k).filter(|v| !v.is_empty()),
            None => self.other.get(c),
        }
    }
}

/// The shipped date words, loaded on first use.
pub(super) static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    // Safe: the test `date_words_load` proves the shipped file loads.
    DateWords::from_entries("date_words.tsv", registry::entries("date_words.tsv"))
        .unwrap_or_else(|e| panic!("shipped lexicon is malformed: {e}"))
});

impl DateWords {
    /// Parses a date-words file: phrase, role, value.
    ///
    /// # Errors
    ///
    /// Any error of [`lexicon::parse`], and those of [`DateWords::from_entries`].
    #[cfg(test)]
    pub(super) fn load(file: &str, text: &str) -> Result<DateWords, LexiconError> {
        DateWords::from_entries(file, &lexicon::parse(file, text, 3)?)
    }

    /// The date words of a parsed date-words file.
    ///
    /// # Errors
    ///
    /// [`LexiconError::Value`] for an unknown role, a month outside 1-12, a
    /// weekday outside 1-7, or a value other than `-` for a role without one.
    pub(super) fn from_entries(file: &str, entries: &[Entry]) -> Result<DateWords, LexiconError> {
        let mut words = Vec::new();
        for e in entries {
            let role = match e.columns[1].as_str() {
                "day" => Role::Day,
                "the" => Role::The,
                "month_word" => Role::MonthWord,
                "year" => Role::Year,
                "fiscal" => Role::Fiscal,
                "be" => Role::Be,
                "ce" => Role::Ce,
                "from" => Role::From,
                "to" => Role::To,
                "and" => Role::And,
                "present" => Role::Present,
                "this" => Role::This,
                "next" => Role::Next,
                "past" => Role::Past,
                "time" => Role::Time,
                "about" => Role::About,
                "of" => Role::Of,
                "time_suffix" => Role::TimeSuffix,
                "event" => Role::Event,
                "month" => Role::Month(lexicon::int_column(file, e, 3, 1..=12, "a month number from 1 to 12")? as u32),
                "weekday" => Role::Weekday(lexicon::int_column(
                    file,
                    e,
                    3,
                    1..=7,
                    "an ISO weekday number from 1 (Monday) to 7 (Sunday)",
                )? as u32),
                _ => return Err(lexicon::value_error(file, e, 2, "a role of date_words.tsv (see its header)")),
            };
            if !matches!(role, Role::Month(_) | Role::Weekday(_)) && e.columns[2] != "-" {
                return Err(lexicon::value_error(file, e, 3, "- for a role without a value"));
            }
            words.push(Word { phrase: e.columns[0].clone(), role });
        }
        words.sort_by_key(|w| std::cmp::Reverse(w.phrase.len()));
        let mut by_first = CharIndex::default();
        let mut by_last = CharIndex::default();
        for (i, w) in words.iter().enumerate() {
            let mut cs = w.phrase.chars();
            if let (Some(f), Some(l)) = (cs.next(), w.phrase.chars().next_back()) {
                by_first.push(f, i);
                by_last.push(l, i);
            }
        }
        Ok(DateWords { words, by_first, by_last })
    }

    /// The longest word that `s` starts with and that `keep` accepts.
    pub(super) fn starting(&self, s: &str, keep: impl Fn(Role) -> bool) -> Option<&Word> {
        let c = s.chars().next()?;
        self.by_first.get(&c)?.iter().map(|&i| &self.words[i]).find(|w| keep(w.role) && s.starts_with(&w.phrase))
    }

    /// The longest word that `s` ends with and that `keep` accepts.
    pub(super) fn ending(&self, s: &str, keep: impl Fn(Role) -> bool) -> Option<&Word> {
        let c = s.chars().next_back()?;
        self.by_last.get(&c)?.iter().map(|&i| &self.words[i]).find(|w| keep(w.role) && s.ends_with(&w.phrase))
    }

    /// The longest word `s` ends with (trailing spaces ignored): its role and
    /// its start in `s`.
    pub(super) fn last(&self, s: &str) -> Option<(Role, usize)> {
        let t = s.trim_end_matches(' ');
        self.ending(t, |_| true).map(|w| (w.role, t.len() - w.phrase.len()))
    }

    /// The longest word `s` starts with (leading spaces ignored): its role
    /// and its end in `s`.
    pub(super) fn first(&self, s: &str) -> Option<(Role, usize)> {
        let lead = s.len() - s.trim_start_matches(' ').len();
        self.starting(&s[lead..], |_| true).map(|w| (w.role, lead + w.phrase.len()))
    }

    /// The words at the end of `s`, nearest first, each with its start in
    /// `s`; stops at the first stretch that is not a date word.
    pub(super) fn trailing(&self, s: &str) -> Vec<(Role, usize)> {
        self.trailing_iter(s).collect()
    }

    /// [`DateWords::trailing`], one word at a time: a caller that stops at
    /// the first word it does not want reads no further (and allocates
    /// nothing).
    pub(super) fn trailing_iter<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (Role, usize)> + 's {
        let mut end = s.len();
        std::iter::from_fn(move || {
            let (role, start) = self.last(&s[..end])?;
            end = start;
            Some((role, start))
        })
        .take(6)
    }

    /// The words at the start of `s`, in order, each with its end in `s`;
    /// stops at the first stretch that is not a date word.
    pub(super) fn leading(&self, s: &str) -> Vec<(Role, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while out.len() < 6 {
            match self.first(&s[pos..]) {
                Some((role, end)) => {
                    pos += end;
                    out.push((role, pos));
                }
                None => break,
            }
        }
        out
    }

    /// The roles of `s` when it is made only of date words and spaces: the
    /// roles of [`DateWords::leading`], when they reach the end of `s`.
    /// Asked of the gap after most date tokens, so read into an array
    /// rather than two vectors.
    pub(super) fn whole(&self, s: &str) -> Option<Roles> {
        if s.len() > 80 {
            return None;
        }
        let mut roles = Roles { roles: [Role::Day; 6], len: 0 };
        let mut pos = 0;
        while roles.len < roles.roles.len() {
            let Some((role, end)) = self.first(&s[pos..]) else { break };
            pos += end;
            roles.roles[roles.len] = role;
            roles.len += 1;
        }
        s[pos..].trim_matches(' ').is_empty().then_some(roles)
    }
}

/// The roles of a stretch of date words ([`DateWords::whole`]), at most
/// six, read as a slice.
#[derive(Debug, Clone, Copy)]
pub(super) struct Roles {
    roles: [Role; 6],
    len: usize,
}

impl std::ops::Deref for Roles {
    type Target = [Role];

    fn deref(&self) -> &[Role] {
        &self.roles[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The index files and finds what a map of characters does.
        #[test]
        fn char_index_is_a_map(pushed in proptest::collection::vec(proptest::char::any(), 0..40), asked in proptest::collection::vec(proptest::char::any(), 0..40)) {
            let mut index = CharIndex::default();
            let mut map: HashMap<char, Vec<usize>> = HashMap::default();
            for (i, &c) in pushed.iter().enumerate() {
                index.push(c, i);
                map.entry(c).or_default().push(i);
            }
            for c in pushed.iter().chain(&asked).chain(['a', 'ก', '\u{0E7F}', '\u{0E80}', '\u{7F}', '\u{80}'].iter()) {
                proptest::prop_assert_eq!(index.get(c), map.get(c));
            }
        }

        /// `whole` gives the roles of `leading` when they reach the end.
        #[test]
        fn whole_is_leading_to_the_end(parts in proptest::collection::vec(
            proptest::sample::select(vec![" ", "ปี", "พ.ศ.", "วันที่", "ที่", "ถึง", "นี้", "เวลา", "น.", "และ", "x", "ซึ่ง"]), 0..10)) {
            let s: String = parts.concat();
            let words = &*DATE_WORDS;
            let leading = words.leading(&s);
            let end = leading.last().map_or(0, |w| w.1);
            let want: Option<Vec<Role>> =
                (s.len() <= 80 && s[end..].trim_matches(' ').is_empty()).then(|| leading.iter().map(|w| w.0).collect());
            let got = words.whole(&s);
            proptest::prop_assert_eq!(got.as_deref(), want.as_deref());
        }
    }
}
