//! Lexicons: plain-text word lists compiled once into one matcher.
//!
//! Second stage of the pipeline (normalize → **scan** → extract → link →
//! facts). Lexicons are data, not code: each file (beside its kind, in
//! `src/kinds/<kind>/`, registered in `src/kinds/registry.rs`) holds one
//! entry a line (tab-separated columns where it has more than one), `#`
//! starts a comment, and a header says what the file holds, where it comes
//! from and under which licence. A Thai speaker extends thaifacts by adding a
//! line.
//!
//! [`parse`] reads a file and rejects a byte-order mark, stray whitespace,
//! duplicates, a wrong column count and entries that normalization would
//! change (they could never match normalized text). [`Lexicons`] compiles
//! every file into one scan ([`crate::matcher::scan`]) with leftmost-longest
//! semantics (so `นายกเทศมนตรี` wins over `นาย`), and [`Lexicons::scan`]
//! reports every hit in one pass over the text.

pub(crate) use crate::matcher::doc::{CharSlots, DocMatcher};
use crate::matcher::scan::{GroupScan, GroupScanBuilder};
use crate::matcher::trie;

use crate::error::{BuildError, LexiconError};

/// What a lexicon entry is. Extractors ask for hits by category.
///
/// # Example
///
/// ```
/// let e = thaifacts::Extractor::builder()
///     .lexicon(thaifacts::Category::Title, "extra_titles.txt", "ท่านผู้หญิง\n")
///     .build()
///     .unwrap();
/// # let _ = e;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Category {
    /// Honorifics and ranks written before a name (`titles.txt`).
    Title,
    /// Month names, full and abbreviated (`months.tsv`: name, month number).
    Month,
    // Organizations and places (src/kinds/organizations/, places/):
    /// Words that start an organization name (`org_heads.tsv`: head, kind,
    /// the full head an abbreviated head stands for or `-`).
    OrgHead,
    /// Organizations known by name or abbreviation (`org_abbreviations.tsv`,
    /// `org_known.tsv`: form as written, full name, kind).
    OrgName,
    /// Words that start the name of a venue (`venue_heads.tsv`).
    VenueHead,
    /// Heads of official positions (`positions.txt`), read by the people
    /// extractor with whatever organization or place is glued after them.
    Position,
    // Places (src/kinds/places/):
    /// Places added to the shipped gazetteer through
    /// [`ExtractorBuilder::lexicon`](crate::ExtractorBuilder::lexicon), in the
    /// format of `provinces.tsv`: name, canonical name, kind (province,
    /// district, subdistrict, country, city, region, venue), use (`any`, or
    /// `list` for a name that is also a common word). No file of this
    /// category ships: the gazetteer has its own matcher, and added entries
    /// join the shared scan, so adding places builds no second matcher.
    /// An added place that lies inside a longer hit of another lexicon is
    /// not seen, and organization names do not end at added places.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "คณะผู้แทนเดินทางไป ซัปโปโร เมื่อวานนี้";
    /// assert!(thaifacts::extract(text).places.is_empty());
    /// let e = thaifacts::Extractor::builder()
    ///     .lexicon(thaifacts::Category::Place, "my_places.tsv", "ซัปโปโร\tซัปโปโร\tcity\tany\n")
    ///     .build()
    ///     .unwrap();
    /// let places = e.extract(text).places;
    /// assert_eq!(places[0].name, "ซัปโปโร");
    /// ```
    Place,
    // Number extractor:
    /// Thai number words (`number_words.tsv`: word, digit or scale, value).
    NumberWord,
    /// Units and counted nouns after a number (`units.tsv`: phrase, kind, unit).
    Unit,
    /// Words around a number that say what it is (`number_context.tsv`:
    /// phrase, role, argument): qualifiers, ordinal and year markers, ...
    NumberContext,
    // Date extractor:
    /// Weekday names with วัน (`weekdays.tsv`: name, ISO weekday 1-7).
    Weekday,
    /// Words for a day, week, month or year relative to the publication date
    /// (`relative_dates.tsv`: phrase, unit, offset).
    RelativeDate,
}

impl Category {
    /// The number extractor's categories. Their words (ใน, ปี, คน, จังหวัด as
    /// a counted noun) are everyday words, so the word-boundary and
    /// name-ending rules of the other extractors ignore them.
    pub(crate) fn is_number_word(self) -> bool {
        matches!(self, Category::NumberWord | Category::Unit | Category::NumberContext)
    }

    /// How many tab-separated columns a line of this category has.
    pub(crate) const fn columns(self) -> usize {
        match self {
            Category::Title => 1,
            Category::Month => 2,
            Category::OrgHead | Category::OrgName => 3,
            Category::VenueHead => 2,
            // people extractor
            Category::Position => 1,
            // places extractor
            Category::Place => 4,
            // Number extractor:
            Category::NumberWord | Category::Unit | Category::NumberContext => 3,
            // Date extractor:
            Category::Weekday => 2,
            Category::RelativeDate => 3,
        }
    }
}

/// One line of a lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// 1-based line number in its file.
    pub line: usize,
    /// The columns; the first is the phrase matched against text.
    pub columns: Vec<String>,
}

impl Entry {
    /// The phrase matched against text.
    pub fn phrase(&self) -> &str {
        &self.columns[0]
    }
}

/// Parses a lexicon file; see the [module docs](self) for the format.
///
/// # Errors
///
/// A [`LexiconError`] naming the file and line for: a byte-order mark; a
/// line whose column count differs from `columns`; an empty column or one
/// with surrounding whitespace; a duplicate first column; a first column
/// that [`crate::normalize()`] would change.
pub(crate) fn parse(file: &str, text: &str, columns: usize) -> Result<Vec<Entry>, LexiconError> {
    parse_with(file, text, columns, true)
}

/// [`parse`] without normalizing each phrase to compare: for the shipped
/// files only, which are compiled in and which the test
/// `every_shipped_file_loads` parses with [`parse`]. Normalizing every
/// phrase was a third of the cost of starting an extractor.
pub(crate) fn parse_shipped(file: &str, text: &str, columns: usize) -> Result<Vec<Entry>, LexiconError> {
    parse_with(file, text, columns, cfg!(debug_assertions))
}

fn parse_with(file: &str, text: &str, columns: usize, check_normal: bool) -> Result<Vec<Entry>, LexiconError> {
    if text.starts_with('\u{FEFF}') {
        return Err(LexiconError::Bom { file: file.to_string() });
    }
    // Sized once for every line, so neither grows line by line.
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut entries: Vec<Entry> = Vec::with_capacity(lines);
    let mut seen: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(lines, foldhash::fast::RandomState::default());
    let mut cols: Vec<&str> = Vec::with_capacity(columns);
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        cols.clear();
        cols.extend(raw.split('\t'));
        if cols.len() != columns {
            return Err(LexiconError::Columns { file: file.to_string(), line, expected: columns, found: cols.len() });
        }
        for (i, c) in cols.iter().enumerate() {
            if c.is_empty() || c.trim() != *c {
                return Err(LexiconError::Whitespace {
                    file: file.to_string(),
                    line,
                    column: i + 1,
                    entry: c.to_string(),
                });
            }
        }
        let phrase = cols[0];
        let normalized = if check_normal { crate::normalize::normalize(phrase).into_text() } else { String::new() };
        if check_normal && normalized != phrase {
            return Err(LexiconError::NotNormalized {
                file: file.to_string(),
                line,
                entry: phrase.to_string(),
                normalized,
            });
        }
        if let Some(&first) = seen.get(phrase) {
            return Err(LexiconError::Duplicate { file: file.to_string(), line, entry: phrase.to_string(), first });
        }
        seen.insert(phrase, line);
        entries.push(Entry { line, columns: cols.iter().map(|c| c.to_string()).collect() });
    }
    Ok(entries)
}

/// Column `column` (1-based) of `e` as an integer within `range`.
///
/// # Errors
///
/// [`LexiconError::Value`] with `expected` when the column is not an integer
/// in `range`.
pub(crate) fn int_column(
    file: &str,
    e: &Entry,
    column: usize,
    range: std::ops::RangeInclusive<i32>,
    expected: &'static str,
) -> Result<i32, LexiconError> {
    match e.columns.get(column - 1).and_then(|c| c.parse::<i32>().ok()) {
        Some(v) if range.contains(&v) => Ok(v),
        _ => Err(value_error(file, e, column, expected)),
    }
}

/// A [`LexiconError::Value`] for column `column` (1-based) of `e`.
pub(crate) fn value_error(file: &str, e: &Entry, column: usize, expected: &'static str) -> LexiconError {
    LexiconError::Value {
        file: file.to_string(),
        line: e.line,
        column,
        expected,
        found: e.columns.get(column - 1).cloned().unwrap_or_default(),
    }
}

/// One lexicon hit in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Byte offset in the normalized text.
    pub start: usize,
    /// Byte offset one past the end, in the normalized text.
    pub end: usize,
    /// Which lexicon matched.
    pub category: Category,
    /// Index of the entry in [`Lexicons::entries`] for that category.
    pub entry: usize,
}

/// The scan groups of [`Lexicons::scan`]: each gets its own leftmost-longest
/// matches, all from one pass over the text.
mod group {
    /// The word lexicons (titles, positions, organizations, months, ...).
    pub const WORDS: usize = 0;
    /// The number extractor's words.
    pub const NUMBERS: usize = 1;
    /// The first of the phrase lists passed to [`super::Lexicons::build`]:
    /// list `i` is group `LISTS + i`.
    pub const LISTS: usize = 2;
}

pub(crate) use crate::matcher::trie::Found;

/// What [`Lexicons::scan`] finds in a text.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Hits of the lexicon files by category, in text order: the
    /// leftmost-longest hits of the word lexicons and, separately, of the
    /// number lexicons (at one start, the word first).
    pub hits: Vec<Hit>,
    /// The leftmost-longest matches of each phrase list given to
    /// [`Lexicons::build`], by list; `id` indexes the list's phrases.
    pub lists: Vec<Vec<Found>>,
    /// Every character's pair key, for the per-document matchers.
    pub chars: CharSlots,
}

/// Every lexicon, compiled into one [`GroupScan`] whose groups get
/// leftmost-longest matches of their own (see [`group`]). Words and number
/// words are kept apart because everyday number words straddle word
/// boundaries in unsegmented Thai: `องศา` (degrees) lies across `ของ|ศาล`,
/// and in one leftmost-longest group it would hide the organization head
/// `ศาล`. Phrase lists that are no category (the gazetteer, place prefixes,
/// credit labels) are passed in by the caller and share the pass.
#[derive(Debug)]
pub(crate) struct Lexicons {
    scanner: GroupScan,
    /// The phrase lists alone, for [`Lexicons::longest_in_list`].
    trie: trie::Trie,
    /// For each ID of the word and number groups: its category and entry index.
    patterns: Vec<(Category, usize)>,
    /// Entries by category.
    entries: std::collections::BTreeMap<Category, Vec<Entry>>,
    /// How many phrase lists share the scan.
    lists: usize,
}

impl Lexicons {
    /// Compiles `files` (category, file name, entries parsed by [`parse`])
    /// and the phrase `lists` into one scan. Where a later file repeats a
    /// phrase of the same category, the first definition wins. A hit of list
    /// `i` is reported in [`Scan::lists`]`[i]`, its ID the phrase's index in
    /// the list.
    ///
    /// # Errors
    ///
    /// [`BuildError::TooLarge`] where the phrases are more than the scan's
    /// automaton addresses.
    pub fn build<'a>(
        files: impl Iterator<Item = (Category, &'a str, &'a [Entry])>,
        lists: &[&[String]],
    ) -> Result<Lexicons, BuildError> {
        let mut entries: std::collections::BTreeMap<Category, Vec<Entry>> = Default::default();
        let mut seen: std::collections::HashSet<(Category, &str)> = Default::default();
        for (category, _file, parsed) in files {
            let list = entries.entry(category).or_default();
            for e in parsed {
                // An extra file may repeat a shipped phrase of the same
                // category: the first definition wins.
                if seen.insert((category, e.phrase())) {
                    list.push(e.clone());
                }
            }
        }
        let mut builder = GroupScanBuilder::new();
        let mut patterns = Vec::new();
        for (&category, list) in &entries {
            let group = if category.is_number_word() { group::NUMBERS } else { group::WORDS };
            for (i, e) in list.iter().enumerate() {
                builder.add(group, patterns.len() as u32, e.phrase());
                patterns.push((category, i));
            }
        }
        assert!(group::LISTS + lists.len() <= trie::MAX_GROUPS, "at most {} phrase lists", trie::MAX_GROUPS - 2);
        // The lists are also a trie of their own, for the anchored look-ups
        // of `longest_in_list`.
        let mut anchored = trie::TrieBuilder::new();
        for (i, phrases) in lists.iter().enumerate() {
            for (id, p) in phrases.iter().enumerate() {
                builder.add(group::LISTS + i, id as u32, p);
                anchored.add(group::LISTS + i, id as u32, p);
            }
        }
        let scanner = builder.build().map_err(|e| BuildError::TooLarge(e.to_string()))?;
        Ok(Lexicons { scanner, trie: anchored.build(), patterns, entries, lists: lists.len() })
    }

    /// Everything the lexicons find in `text`, in one pass; see [`Scan`].
    pub fn scan(&self, text: &str) -> Scan {
        // About one hit in 45 bytes of news text: presized, the vector
        // does not grow (and copy) a dozen times over a long text.
        let hits = Vec::with_capacity(text.len() / 32);
        let mut scan = Scan { hits, lists: vec![Vec::new(); self.lists], ..Scan::default() };
        self.scanner.scan(text, |f| {
            if f.group >= group::LISTS {
                scan.lists[f.group - group::LISTS].push(f);
            } else {
                let (category, entry) = self.patterns[f.id as usize];
                scan.hits.push(Hit { start: f.start, end: f.end, category, entry });
            }
        });
        scan.chars = CharSlots::new(text);
        scan
    }

    /// The longest phrase of phrase list `list` that starts exactly at byte
    /// `pos` of `text`: its index in the list and its end.
    pub fn longest_in_list(&self, text: &str, pos: usize, list: usize) -> Option<(u32, usize)> {
        debug_assert!(list < self.lists);
        self.trie.longest_at(text, pos, group::LISTS + list)
    }

    /// The entries of one category, indexed by [`Hit::entry`].
    pub fn entries(&self, category: Category) -> &[Entry] {
        self.entries.get(&category).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_columns_are_checked() {
        let cases: &[(Category, &str, &str)] = &[
            (Category::Month, "มกรา\t13\n", "m.tsv:1: column 2 is \"13\", expected a month number from 1 to 12"),
            (Category::Month, "# c\nมกรา\tx\n", "m.tsv:2: column 2 is \"x\", expected a month number from 1 to 12"),
            (
                Category::Weekday,
                "วันจันทร์นี้\t0\n",
                "m.tsv:1: column 2 is \"0\", expected an ISO weekday number from 1 (Monday) to 7 (Sunday)",
            ),
            (
                Category::RelativeDate,
                "วานนี้\tdays\t-1\n",
                "m.tsv:1: column 2 is \"days\", expected one of day, week, month, year, quarter, half",
            ),
            (
                Category::RelativeDate,
                "วานนี้\tday\t+x\n",
                "m.tsv:1: column 3 is \"+x\", expected an offset from -100 to 100",
            ),
        ];
        for (category, text, want) in cases {
            let err = crate::kinds::lexicons_with(&[(*category, "m.tsv".into(), (*text).into())]).unwrap_err();
            assert_eq!(err.to_string(), *want, "{text:?}");
        }
        assert!(crate::kinds::lexicons_with(&[(Category::Month, "m.tsv".into(), "มกรา\t1\n".into())]).is_ok());
    }

    #[test]
    fn the_scan_records_the_slots_doc_matchers_walk() {
        let lex = crate::kinds::shipped_lexicons();
        let founding = include_str!("../../fixtures/000_khonkaen_unesco.txt");
        for t in [founding, "", "aé€กー\u{0E7F}\u{0E00}–x", "\u{10348}ก"] {
            let scan = lex.scan(t);
            let fresh = CharSlots::new(t);
            let parts = CharSlots::parts;
            assert_eq!(parts(&scan.chars), parts(&fresh), "{t:?}");
            assert_eq!(parts(&fresh).0, CharSlots::reference(t), "{t:?}");
            let offsets: Vec<usize> = (0..fresh.count()).map(|i| fresh.offset(t.as_bytes(), i)).collect();
            assert_eq!(offsets, t.char_indices().map(|(o, _)| o).collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn leftmost_longest_prefers_the_longer_phrase() {
        let lex = crate::kinds::lexicons_with(&[(Category::Title, "t.txt".into(), "นายกเทศมนตรี\n".into())]).unwrap();
        let hits = lex.scan("นายกเทศมนตรีนครขอนแก่น").hits;
        let words: Vec<&Hit> = hits.iter().filter(|h| !h.category.is_number_word()).collect();
        let len = "นายกเทศมนตรี".len();
        assert_eq!((words[0].start, words[0].end), (0, len));
        assert!(words[1..].iter().all(|h| h.start >= len), "{words:?}");
    }

    #[test]
    fn parse_errors_name_file_and_line() {
        let cases: &[(&str, &str)] = &[
            ("\u{FEFF}นาย\n", "x.txt:1: expected UTF-8 without a byte-order mark, found U+FEFF"),
            ("# c\nนาย\tx\n", "x.txt:2: expected 1 tab-separated columns, found 2"),
            ("นาย \n", "x.txt:1: column 1 is \"นาย \", expected text without surrounding whitespace"),
            ("นาย\n\nนาย\n", "x.txt:3: duplicate entry \"นาย\" (first seen on line 1)"),
            ("เเ\n", "x.txt:1: entry \"เเ\" changes under normalization to \"แ\""),
        ];
        for (text, want) in cases {
            assert_eq!(parse("x.txt", text, 1).unwrap_err().to_string(), *want, "{text:?}");
        }
    }
}
