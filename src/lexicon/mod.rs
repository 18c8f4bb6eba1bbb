//! Lexicons: plain-text word lists compiled once into one matcher.
//!
//! Second stage of the pipeline (normalize → **scan** → extract → link →
//! facts). Lexicons are data, not code: each file (beside its kind, in
//! `src/kinds/<kind>/`, registered in `src/kinds/mod.rs`) holds one
//! entry a line (tab-separated columns where it has more than one), `#`
//! starts a comment, and a header says what the file holds, where it comes
//! from and under which licence. A Thai speaker extends thaifacts by adding a
//! line.
//!
//! [`parse`] reads a file and rejects a byte-order mark, stray whitespace,
//! duplicates, a wrong column count and entries that normalization would
//! change (they could never match normalized text). [`Lexicons`] compiles
//! every file into one character trie ([`trie`]) with leftmost-longest
//! semantics (so `นายกเทศมนตรี` wins over `นาย`), and [`Lexicons::scan`]
//! reports every hit in one pass over the text.

use crate::matcher::trie::{self, lead, slot_len};

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
    pub(crate) fn columns(self) -> usize {
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
/// that [`crate::normalize`] would change.
pub(crate) fn parse(file: &str, text: &str, columns: usize) -> Result<Vec<Entry>, LexiconError> {
    if text.starts_with('\u{FEFF}') {
        return Err(LexiconError::Bom { file: file.to_string() });
    }
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
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
        let normalized = crate::normalize::normalize(phrase).into_text();
        if normalized != phrase {
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
        seen.insert(phrase.to_string(), line);
        entries.push(Entry { line, columns: cols.into_iter().map(str::to_string).collect() });
    }
    Ok(entries)
}

/// Checks the value columns of a category's entries (date extractor):
/// a month number is 1-12, a weekday 1-7, a relative date has a known unit
/// and a small offset.
///
/// # Errors
///
/// [`LexiconError::Value`] naming the file, line and column.
fn check_values(category: Category, file: &str, entries: &[Entry]) -> Result<(), LexiconError> {
    for e in entries {
        match category {
            Category::Month => {
                int_column(file, e, 2, 1..=12, "a month number from 1 to 12")?;
            }
            Category::Weekday => {
                int_column(file, e, 2, 1..=7, "an ISO weekday number from 1 (Monday) to 7 (Sunday)")?;
            }
            Category::RelativeDate => {
                if !matches!(e.columns[1].as_str(), "day" | "week" | "month" | "year" | "quarter" | "half") {
                    return Err(value_error(file, e, 2, "one of day, week, month, year, quarter, half"));
                }
                int_column(file, e, 3, -100..=100, "an offset from -100 to 100")?;
            }
            _ => {}
        }
    }
    Ok(())
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

/// A leftmost-longest matcher built for one document (the abbreviations it
/// defines, the names it mentions). Building an automaton for the few
/// patterns of each article costs more than scanning with it, so there is
/// none: [`DocMatcher::find_iter`] steps through the text a character at a
/// time and looks up patterns only where the text's next bytes are, by a
/// hashed bit set, the first bytes of some pattern. Two filters say where:
/// a bit table of the first two characters of every pattern (a position
/// passes it rarely, so the walk's one branch is well predicted), then a
/// hashed bit set of the pattern prefixes, whose length a table indexed by
/// the first character gives (the shortest pattern starting with it, at
/// most 16 bytes), so `EU` among Thai names does not make every Thai
/// character a candidate. Its matches are those of an unanchored
/// leftmost-longest Aho-Corasick `find_iter`; empty patterns never match.
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
}

/// The size of [`DocMatcher::pairs`] in words: [`pair`] is 16 bits.
const PAIR_WORDS: usize = 1 << 10;

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

/// The [`lead`] slot of every character of a text, in order, and what
/// [`DocMatcher::find_iter`] walks: each character's [`pair`] key with the
/// next one. Built once a document and shared by its per-document
/// matchers, so that each of them tests one bit a character (a load and a
/// bit test) instead of decoding UTF-8 again.
#[derive(Debug, Default)]
pub(crate) struct CharSlots {
    slots: Vec<u16>,
    /// `pair(slots[i], slots[i + 1])`, with [`NO_SLOT`] after the last.
    keys: Vec<u16>,
    /// The byte offset of every [`MARK_EVERY`]th character: a walk needs
    /// the offset only where a pattern may start, and sums a few lengths
    /// from the mark before.
    marks: Vec<usize>,
    /// The length in bytes of the text the slots are of.
    len: usize,
}

/// How many characters apart [`CharSlots::marks`] are.
const MARK_EVERY: usize = 16;

impl CharSlots {
    pub fn new(text: &str) -> CharSlots {
        let b = text.as_bytes();
        let mut slots = Vec::with_capacity(text.len() / 2);
        let mut pos = 0;
        while pos < b.len() {
            let (slot, len) = lead(b, pos);
            slots.push(slot as u16);
            pos += len;
        }
        CharSlots::of_slots(slots, text.len())
    }

    /// The slots of a text of `len` bytes, with their keys and marks.
    pub fn of_slots(slots: Vec<u16>, len: usize) -> CharSlots {
        let mut keys = Vec::with_capacity(slots.len());
        keys.extend(slots.windows(2).map(|w| pair(usize::from(w[0]), usize::from(w[1])) as u16));
        keys.extend(slots.last().map(|&a| pair(usize::from(a), NO_SLOT) as u16));
        let mut marks = Vec::with_capacity(slots.len() / MARK_EVERY + 1);
        let mut pos = 0;
        for chunk in slots.chunks(MARK_EVERY) {
            marks.push(pos);
            pos += chunk.iter().map(|&s| slot_len(usize::from(s))).sum::<usize>();
        }
        CharSlots { slots, keys, marks, len }
    }

    /// The byte offset of character `i` (below the number of characters).
    fn offset(&self, i: usize) -> usize {
        let from = i - i % MARK_EVERY;
        self.marks[i / MARK_EVERY] + self.slots[from..i].iter().map(|&s| slot_len(usize::from(s))).sum::<usize>()
    }
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
        let mut set = |k: usize| pairs[k / 64] |= 1 << (k % 64);
        for (id, b) in patterns.iter().enumerate().filter(|(_, b)| !b.is_empty()) {
            let (a, len) = lead(b, 0);
            let p = prefix(b, 0, usize::from(keys[a]));
            let k = slot(p, mask);
            filter[k / 64] |= 1 << (k % 64);
            candidates.push((p, id));
            if len < b.len() {
                set(pair(a, lead(b, len).0));
            } else {
                (0..=NO_SLOT).for_each(|next| set(pair(a, next)));
            }
        }
        candidates.sort_unstable_by_key(|&(p, id)| (p, std::cmp::Reverse(patterns[id].len()), id));
        DocMatcher { filter, keys, mask, candidates, patterns, pairs }
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
                let pairs: &[u64; PAIR_WORDS] = &self.pairs;
                let keys = chars.keys.get(i..)?;
                let k = keys.iter().take_while(|&&k| pairs[usize::from(k >> 6)] >> (k & 63) & 1 == 0).count();
                if k == keys.len() {
                    i += k;
                    return None;
                }
                i += k;
                let pos = chars.offset(i);
                if let Some(m) = self.verify(bytes, pos, usize::from(chars.slots[i])) {
                    let mut end = pos;
                    while end < m.end {
                        end += slot_len(usize::from(chars.slots[i]));
                        i += 1;
                    }
                    return Some(m);
                }
                i += 1;
            }
        })
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

/// A lexicon file compiled into the binary: which category its entries
/// are, its name (for error messages) and its text. The registry of every
/// shipped file is [`crate::kinds`]'s.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shipped {
    pub category: Category,
    pub file: &'static str,
    pub text: &'static str,
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
    /// Every character's slot, for the per-document matchers.
    pub chars: CharSlots,
}

/// Every lexicon, compiled into one [`trie::Trie`] whose groups get
/// leftmost-longest matches of their own (see [`group`]). Words and number
/// words are kept apart because everyday number words straddle word
/// boundaries in unsegmented Thai: `องศา` (degrees) lies across `ของ|ศาล`,
/// and in one leftmost-longest group it would hide the organization head
/// `ศาล`. Phrase lists that are no category (the gazetteer, place prefixes,
/// credit labels) are passed in by the caller and share the pass.
#[derive(Debug)]
pub(crate) struct Lexicons {
    trie: trie::Trie,
    /// For each trie ID: its category and entry index.
    patterns: Vec<(Category, usize)>,
    /// Entries by category.
    entries: std::collections::BTreeMap<Category, Vec<Entry>>,
    /// How many phrase lists share the trie.
    lists: usize,
}

impl Lexicons {
    /// Compiles `files` (category, file name, text) and the phrase `lists`
    /// into one trie. Where a later file repeats a phrase of the same
    /// category, the first definition wins. A hit of list `i` is reported
    /// in [`Scan::lists`]`[i]`, its ID the phrase's index in the list.
    ///
    /// # Errors
    ///
    /// The first malformed file's [`LexiconError`], as
    /// [`BuildError::Lexicon`].
    pub fn build<'a>(
        files: impl Iterator<Item = (Category, &'a str, &'a str)>,
        lists: &[&[String]],
    ) -> Result<Lexicons, BuildError> {
        let mut entries: std::collections::BTreeMap<Category, Vec<Entry>> = Default::default();
        let mut seen: std::collections::HashSet<(Category, String)> = Default::default();
        for (category, file, text) in files {
            let parsed = parse(file, text, category.columns())?;
            check_values(category, file, &parsed)?;
            let list = entries.entry(category).or_default();
            for e in parsed {
                // An extra file may repeat a shipped phrase of the same
                // category: the first definition wins.
                if seen.insert((category, e.phrase().to_string())) {
                    list.push(e);
                }
            }
        }
        let mut builder = trie::TrieBuilder::new();
        let mut patterns = Vec::new();
        for (&category, list) in &entries {
            let group = if category.is_number_word() { group::NUMBERS } else { group::WORDS };
            for (i, e) in list.iter().enumerate() {
                builder.add(group, patterns.len() as u32, e.phrase());
                patterns.push((category, i));
            }
        }
        assert!(group::LISTS + lists.len() <= trie::MAX_GROUPS, "at most {} phrase lists", trie::MAX_GROUPS - 2);
        for (i, phrases) in lists.iter().enumerate() {
            for (id, p) in phrases.iter().enumerate() {
                builder.add(group::LISTS + i, id as u32, p);
            }
        }
        Ok(Lexicons { trie: builder.build(), patterns, entries, lists: lists.len() })
    }

    /// Everything the lexicons find in `text`, in one pass; see [`Scan`].
    pub fn scan(&self, text: &str) -> Scan {
        let mut scan = Scan { lists: vec![Vec::new(); self.lists], ..Scan::default() };
        let mut slots = Vec::with_capacity(text.len() / 2);
        self.trie.scan(text, &mut slots, |f| {
            if f.group >= group::LISTS {
                scan.lists[f.group - group::LISTS].push(f);
            } else {
                let (category, entry) = self.patterns[f.id as usize];
                scan.hits.push(Hit { start: f.start, end: f.end, category, entry });
            }
        });
        scan.chars = CharSlots::of_slots(slots, text.len());
        scan
    }

    /// The entries of one category, indexed by [`Hit::entry`].
    pub fn entries(&self, category: Category) -> &[Entry] {
        self.entries.get(&category).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

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
    fn doc_matcher_finds_what_an_unanchored_search_finds() {
        let text = include_str!("../../fixtures/000_khonkaen_unesco.txt");
        let sets: &[&[&str]] = &[
            &["ขอนแก่น", "ขอนแก่นได้", "นคร", "นครขอนแก่น", "ก", "ยูเนสโก", "a", " "],
            &["เทศบาล", "เทศบาลนคร", "ศบาลนครขอน", "น"],
            &["ไม่มีในข้อความนี้"],
            &["", "ขอน"],
            &["ขอนแก่น", "นครขอนแก่นก", "แก่น"],
            &["นก", "a.b", "ab"],
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

    #[test]
    fn the_scan_records_the_slots_doc_matchers_walk() {
        let lex = crate::kinds::shipped_lexicons();
        let founding = include_str!("../../fixtures/000_khonkaen_unesco.txt");
        for t in [founding, "", "aé€กー\u{0E7F}\u{0E00}–x", "\u{10348}ก"] {
            let scan = lex.scan(t);
            let fresh = CharSlots::new(t);
            let parts = |c: &CharSlots| (c.slots.clone(), c.keys.clone(), c.marks.clone(), c.len);
            assert_eq!(parts(&scan.chars), parts(&fresh), "{t:?}");
            let offsets: Vec<usize> = (0..fresh.slots.len()).map(|i| fresh.offset(i)).collect();
            assert_eq!(offsets, t.char_indices().map(|(o, _)| o).collect::<Vec<_>>(), "{t:?}");
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
