//! Numbers: quantities, money, percentages and ranks, with the value the text
//! means.
//!
//! Third stage of the pipeline (normalize → scan → **extract** → link →
//! facts). [`extract`] reads the normalized text (Thai digits are already
//! ASCII), the lexicon hits of the one shared scan, and the spans the date
//! extractor claimed, and returns one [`RawNumber`] per numeric fact.
//!
//! # How a fact is read
//!
//! 1. **Atoms.** A run of ASCII digits with thousands separators and a
//!    decimal point (`1,250,000`, `2.5`), checked for its shape; or a run of
//!    adjacent Thai number words (`สามร้อยห้าสิบหก`, `number_words.tsv`).
//!    Digit runs joined by spaces or by more than one dash (`0 2333 3700`,
//!    `085-980-7861`) are phone numbers or codes, never quantities; so are
//!    runs with `/` or `:` (`99/1`, `1340/2560`, `09:30`), runs with two
//!    decimal points (`1.2.3`), integers with a leading zero and integers of
//!    eight digits or more written without separators.
//! 2. **Scale words** after digits multiply them: `390 ล้าน` is 390000000 and
//!    `2.5 หมื่นล้าน` is 2.5 × 10⁴ × 10⁶. Decimals are scaled exactly (as an
//!    integer mantissa over a power of ten), so `133,865.78 ล้าน` is the whole
//!    number 133865780000.
//! 3. **Unit.** The longest phrase of `units.tsv` right after the number
//!    (one space allowed) gives the unit and the kind (count, money, measure,
//!    percent). Otherwise a *general rule* takes the following Thai word as a
//!    counted noun (kind count): the Thai letters up to the next space, the
//!    next lexicon hit or the next non-Thai character, at most
//!    [`MAX_NOUN_CHARS`] characters, unless it starts with a function word of
//!    `not_units.txt` (`1 ใน 3 ของประเทศ` has no unit). With neither, the
//!    unit is null and the kind `other`.
//! 4. **Context** (`number_context.tsv`): a qualifier (ประมาณ, กว่า, ไม่เกิน…)
//!    before the number or right after it (`300 กว่าคน`); `ร้อยละ` before it
//!    (percent); a currency sign (`US$`, `฿`); `ติดลบ` (negative); an
//!    ordinal, year, date, time, address, phone, code or law marker, which
//!    makes it no quantity at all (`ครั้งที่ 5`, `ปี 2567`, `มาตรา 6`,
//!    `เลขที่ 99`). A unit word followed by `ที่` (`ไตรมาสที่ 2`) is an
//!    ordinal marker too.
//! 5. **Ranges and ranks.** `A-B`, `A ถึง B` and `ระหว่าง A และ B` with the
//!    unit after B are one fact (`value` A, `end_value` B; B's scale applies to
//!    a bare A where the range still runs upward: `7-8 ล้านตัน` is 7000000 to
//!    8000000, `500,000-1 ล้านบาท` is 500000 to 1000000). A range never runs
//!    downward (`15-10 คะแนน` is a score: no range). `A ใน B unit` is a rank
//!    (`1 ใน 64 เมือง`: value 1, of 64, unit เมือง) only where A ≤ B.
//!
//! # What is not a number
//!
//! A fact whose value, range end or rank field is above
//! [`NumberFact::MAX_MAGNITUDE`] (10^18) in magnitude, or not a finite `f64`
//! (`1` followed by ล้าน fifty-two times), is dropped whole.
//!
//! Spans claimed by the date extractor; a number followed by a month name
//! (`14 กุมภาพันธ์`) or by `น.` (`09.30 น.`) or after a month name (the
//! year); and, when no unit follows: a four-digit integer from 1900 to 2700 (`thai::BARE_NUMBER_YEARS`)
//! (a year), a number at the start of a line or followed by `.` or `)` (a
//! list item), a number next to Latin letters (`PM2.5`, `Q1`, `COVID-19`),
//! and a version-like `4.0`.
//!
//! # Thai number words
//!
//! Words count only where they stand as a quantity: a single digit word
//! needs a unit from `units.tsv` after it (`สองคน`, `ทั้งสองประเทศ`), a word
//! number with a scale word (`สามร้อยห้าสิบหก`) stands alone. So idioms are
//! left out: `หนึ่งเดียว`, `สองข้าง`, `เป็นหนึ่งใน`, `หลายร้อยคน` (a scale
//! word after another Thai word), `สามารถ`, `ห้าง`, `เก้าอี้`.

use foldhash::HashMap;
use std::sync::LazyLock;

use crate::matcher::trie::Trie;

use super::{Doc, Span};
use crate::facts::{NumberFact, NumberKind};
use crate::lexicon::{self, Category, Entry, Hit, Lexicons};
use crate::thai::{self, char_at, char_before, digits_end, is_thai_letter, next_digit, starts_thai_word};

/// A number found in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNumber {
    pub span: Span,
    pub value: f64,
    pub end_value: Option<f64>,
    pub of: Option<f64>,
    pub unit: Option<String>,
    pub kind: NumberKind,
    pub qualifier: Option<String>,
}

/// The longest Thai word (in characters) the general counted-noun rule
/// takes as a unit.
const MAX_NOUN_CHARS: usize = 12;

/// Every numeric fact in `doc`, in text order. `claimed` are spans already
/// taken by dates, which are not numbers.
pub(crate) fn extract(doc: &Doc<'_>, claimed: &[Span]) -> Vec<RawNumber> {
    let view = View::new(doc);
    let atoms = atoms(&view);
    let mut claimed: Vec<Span> = claimed.to_vec();
    claimed.sort_by_key(|s| (s.start, s.end));
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last fact read (kept or not) ends: the scale words and unit
    // of a number are not numbers of their own.
    let mut read_to = 0;
    while i < atoms.len() {
        if atoms[i].span.start < read_to {
            i += 1;
            continue;
        }
        let (fact, next, end) = read_fact(&view, &atoms, i);
        if let Some(f) = fact {
            // Never null where the contract says number (issue 21).
            let plausible = [Some(f.value), f.end_value, f.of].into_iter().flatten().all(NumberFact::plausible);
            if plausible && !overlaps(&claimed, &f.span) {
                out.push(f);
            }
        }
        read_to = end;
        i = next.max(i + 1);
    }
    out
}

/// Whether `span` overlaps any of the sorted `claimed` spans.
fn overlaps(claimed: &[Span], span: &Span) -> bool {
    let i = claimed.partition_point(|c| c.end <= span.start);
    claimed.get(i).is_some_and(|c| c.start < span.end)
}

// ---------------------------------------------------------------------------
// Lexicon tables

/// What a context word says about the number next to it.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    /// Bounds the value; `after` words may also follow the number.
    Qualifier { after: bool },
    /// `ร้อยละ`: the number is a percentage.
    Percent,
    /// A currency sign; the currency word.
    Currency(String),
    /// `ติดลบ`: the number is negative.
    Negative,
    /// `ระหว่าง`: opens a range.
    Between,
    /// Joins the ends of a range.
    To,
    /// Joins a rank to its field.
    Of,
    /// Ordinal, address, phone, code or law marker (`soft`: a year, date or
    /// time marker, which a following unit overrides).
    NotQuantity { soft: bool },
    /// No role of its own.
    None,
}

impl Role {
    fn parse(columns: &[String]) -> Option<Role> {
        let arg = columns.get(2).map(String::as_str).unwrap_or("-");
        Some(match columns.get(1)?.as_str() {
            "qualifier" => Role::Qualifier { after: arg == "after" },
            "percent" => Role::Percent,
            "currency" => Role::Currency(arg.to_string()),
            "negative" => Role::Negative,
            "between" => Role::Between,
            "to" => Role::To,
            "of" => Role::Of,
            "ordinal" | "address" | "phone" | "code" | "law" => Role::NotQuantity { soft: false },
            "year" | "date" | "time" => Role::NotQuantity { soft: true },
            "none" => Role::None,
            _ => return None,
        })
    }
}

/// A unit from `units.tsv` (or a guessed counted noun). The name is
/// borrowed from the lexicon entry or the text: most units read are never
/// emitted (a chain check, a list, a rejected number), so the `String` is
/// made only when a fact is.
#[derive(Debug, Clone, Copy, PartialEq)]
struct UnitInfo<'a> {
    kind: NumberKind,
    unit: &'a str,
}

impl UnitInfo<'_> {
    fn parse(columns: &[String]) -> UnitInfo<'_> {
        let kind = match columns.get(1).map(String::as_str) {
            Some("count") => NumberKind::Count,
            Some("money") => NumberKind::Money,
            Some("measure") => NumberKind::Measure,
            Some("percent") => NumberKind::Percent,
            _ => NumberKind::Other,
        };
        let unit = columns.get(2).or(columns.first()).map_or("", String::as_str);
        UnitInfo { kind, unit }
    }
}

/// A Thai number word.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    /// A digit word (หนึ่ง … เก้า, ยี่, เอ็ด) and its value.
    Digit(f64),
    /// A scale word (สิบ … ล้าน) and its value.
    Scale(f64),
    /// ครึ่ง: one half, after a unit.
    Half,
}

impl Word {
    fn parse(columns: &[String]) -> Option<Word> {
        let value: f64 = columns.get(2)?.parse().ok()?;
        match columns.get(1)?.as_str() {
            "digit" => Some(Word::Digit(value)),
            "scale" => Some(Word::Scale(value)),
            "half" => Some(Word::Half),
            _ => None,
        }
    }
}

/// The shipped number lexicons, compiled once: the fallbacks for phrases
/// the shared scan reports under another category (`นาย` is a title and a
/// unit), and the anchored matchers used right after a number.
struct Tables {
    /// `units.tsv`, for the longest unit at a position.
    units: Trie,
    /// `units.tsv`'s entries by trie ID, read with [`UnitInfo::parse`].
    unit_entries: Vec<Entry>,
    /// `not_units.txt`, for a phrase at a position.
    not_units: Trie,
    /// `number_context.tsv` by phrase.
    context: HashMap<String, Role>,
    /// `number_words.tsv` by phrase.
    words: HashMap<String, Word>,
    /// Phrases that join range ends, rank and field, or follow as qualifiers.
    to: Vec<String>,
    of: Vec<String>,
    after_qualifiers: Vec<String>,
}

fn shipped(file: &str, text: &str, columns: usize) -> Vec<Entry> {
    // Safe: the test `tables_load` proves the shipped files parse.
    lexicon::parse(file, text, columns).unwrap_or_else(|e| panic!("shipped lexicon {file} is malformed: {e}"))
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let units = shipped("units.tsv", include_str!("units.tsv"), 3);
    let not_units = shipped("not_units.txt", include_str!("not_units.txt"), 1);
    let context = shipped("number_context.tsv", include_str!("number_context.tsv"), 3);
    let words = shipped("number_words.tsv", include_str!("number_words.tsv"), 3);
    let context: HashMap<String, Role> =
        context.iter().filter_map(|e| Some((e.phrase().to_string(), Role::parse(&e.columns)?))).collect();
    let pick = |want: &dyn Fn(&Role) -> bool| -> Vec<String> {
        let mut v: Vec<String> = context.iter().filter(|(_, r)| want(r)).map(|(p, _)| p.clone()).collect();
        // Longest first, so that a prefix check finds the longest phrase.
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    };
    let to = pick(&|r| *r == Role::To);
    let of = pick(&|r| *r == Role::Of);
    let after_qualifiers = pick(&|r| *r == Role::Qualifier { after: true });
    Tables {
        units: Trie::of_phrases(units.iter().map(Entry::phrase)),
        unit_entries: units,
        not_units: Trie::of_phrases(not_units.iter().map(Entry::phrase)),
        words: words.iter().filter_map(|e| Some((e.phrase().to_string(), Word::parse(&e.columns)?))).collect(),
        context,
        to,
        of,
        after_qualifiers,
    }
});

// ---------------------------------------------------------------------------
// The document as the number extractor reads it

struct View<'a> {
    text: &'a str,
    /// Hits of the number lexicons (one leftmost-longest run: no overlaps).
    hits: Vec<Hit>,
    /// Hits of the word lexicons (titles, months, ...; no overlaps either).
    words: Vec<Hit>,
    lexicons: &'a Lexicons,
    /// The entries of the three number lexicons, looked up once a
    /// document rather than once a hit ([`Lexicons::entries`] is a map
    /// lookup).
    number_words: &'a [Entry],
    units: &'a [Entry],
    contexts: &'a [Entry],
}

/// The hit of `hits` (sorted, not overlapping) that starts at byte `p`.
fn starting_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.start < p);
    hits.get(i).filter(|h| h.start == p)
}

/// The hit of `hits` (sorted, not overlapping, so sorted by end as well)
/// that ends at byte `p`.
fn ending_at(hits: &[Hit], p: usize) -> Option<&Hit> {
    let i = hits.partition_point(|h| h.end < p);
    hits.get(i).filter(|h| h.end == p)
}

impl<'a> View<'a> {
    fn new(doc: &Doc<'a>) -> View<'a> {
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
    fn hit_at(&self, p: usize) -> Option<&Hit> {
        starting_at(&self.hits, p)
    }

    /// The number-lexicon hit that ends at byte `p`, if any.
    fn hit_ending_at(&self, p: usize) -> Option<&Hit> {
        ending_at(&self.hits, p)
    }

    fn entry(&self, h: &Hit) -> Option<&'a Entry> {
        let entries = match h.category {
            Category::NumberWord => self.number_words,
            Category::Unit => self.units,
            Category::NumberContext => self.contexts,
            other => self.lexicons.entries(other),
        };
        entries.get(h.entry)
    }

    fn phrase(&self, h: &Hit) -> &'a str {
        self.text.get(h.start..h.end).unwrap_or("")
    }

    /// The role of the context word `h`, looked up by phrase when the shared
    /// scan reported it under another category.
    fn role(&self, h: &Hit) -> Option<Role> {
        if h.category == Category::NumberContext {
            if let Some(r) = self.entry(h).and_then(|e| Role::parse(&e.columns)) {
                return Some(r);
            }
        }
        TABLES.context.get(self.phrase(h)).cloned()
    }

    /// The number word `h`, if it is one.
    fn word(&self, h: &Hit) -> Option<Word> {
        if h.category != Category::NumberWord {
            return None;
        }
        self.entry(h).and_then(|e| Word::parse(&e.columns)).or_else(|| TABLES.words.get(self.phrase(h)).copied())
    }

    /// The unit starting at byte `p`, and where it ends.
    fn unit_at(&self, p: usize) -> Option<(UnitInfo<'a>, usize)> {
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
    fn unit_phrase_at(&self, p: usize) -> Option<(UnitInfo<'a>, usize)> {
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

    fn phrase_is_latin(&self, start: usize, end: usize) -> bool {
        self.text.get(start..end).is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphabetic()))
    }

    /// Whether a month name starts at byte `p`.
    fn month_at(&self, p: usize) -> bool {
        starting_at(&self.words, p).is_some_and(|h| h.category == Category::Month)
    }
}

/// A Latin unit (`kg`, `MW`) glued to more Latin letters is a longer word.
fn glued_after(text: &str, end: usize, latin: bool) -> bool {
    latin && text.as_bytes().get(end).is_some_and(|b| b.is_ascii_alphanumeric())
}

/// `p` moved past one space, if there is one.
fn skip_space(text: &str, p: usize) -> usize {
    if text.as_bytes().get(p) == Some(&b' ') {
        p + 1
    } else {
        p
    }
}

/// `p` moved back past one space, if there is one.
fn skip_space_back(text: &str, p: usize) -> usize {
    if p > 0 && text.as_bytes().get(p - 1) == Some(&b' ') {
        p - 1
    } else {
        p
    }
}

// ---------------------------------------------------------------------------
// Atoms

/// A number as written: digits or Thai number words.
#[derive(Debug, Clone)]
struct Atom {
    span: Span,
    /// The digits without separators, as an integer.
    mantissa: f64,
    /// How many of those digits are decimals.
    places: i32,
    /// Written in Thai words.
    words: bool,
    /// Whether a word number has a scale word in it.
    has_scale: bool,
    /// Whether a word number starts with a scale word (ร้อยคน).
    scale_first: bool,
    /// A usable quantity (false for phone numbers, codes, `99/1`...).
    ok: bool,
}

impl Atom {
    fn value(&self, scale: f64) -> f64 {
        exact(self.mantissa, self.places, scale)
    }
}

/// `mantissa × scale / 10^places`, exact where the result is a whole number.
fn exact(mantissa: f64, places: i32, scale: f64) -> f64 {
    if places == 0 {
        mantissa * scale
    } else {
        mantissa * scale / 10f64.powi(places)
    }
}

/// Digit runs with their separators (`1,250,000`, `2.5`, `99/1`, `09:30`):
/// the leftmost-first matches of `[0-9]+(?:[.,/:][0-9]+)*`, in text order.
///
/// Written by hand rather than with a regex: Thai news has a digit every
/// few hundred bytes, so the cost is the search for the next digit, which
/// this does sixteen bytes at a time.
fn digit_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = next_digit(b, at)?;
        let mut end = digits_end(b, start);
        while matches!(b.get(end), Some(b'.' | b',' | b'/' | b':')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_end(b, end + 1);
        }
        at = end;
        Some(start..end)
    })
}

/// Whether a digit run has a well-formed quantity shape: `1,250,000.5` or
/// `1250000.5`, i.e. `^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$`.
fn quantity_shape(s: &str) -> bool {
    let all_digits = |g: &str| !g.is_empty() && g.bytes().all(|c| c.is_ascii_digit());
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let int_ok = match int.split_once(',') {
        Some((head, groups)) => {
            head.len() <= 3 && all_digits(head) && groups.split(',').all(|g| g.len() == 3 && all_digits(g))
        }
        None => all_digits(int),
    };
    int_ok && frac.is_none_or(all_digits)
}

/// The digits of `int` (separators skipped) followed by those of `frac`,
/// read as one integer: the same value as parsing that digit string as an
/// `f64` (both round to nearest), without building the string.
fn mantissa(int: &str, frac: &str) -> f64 {
    let digits = || int.bytes().chain(frac.bytes()).filter(u8::is_ascii_digit);
    let exact = digits().try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(u64::from(c - b'0')));
    match exact {
        Some(n) => n as f64,
        // More than 19 digits: rare enough to parse the long way.
        None => digits().map(char::from).collect::<String>().parse().unwrap_or(0.0),
    }
}

fn digit_atom(text: &str, span: Span) -> Atom {
    let s = &text[span.clone()];
    let mut ok = quantity_shape(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int_digits = int.bytes().filter(u8::is_ascii_digit).count();
    // Leading zeros (`02`, `085`) start phone numbers and codes; long bare
    // integers are ids and phone numbers.
    let leading_zero = int.bytes().find(u8::is_ascii_digit) == Some(b'0');
    if (int_digits > 1 && leading_zero) || (!int.contains(',') && int_digits >= 8) {
        ok = false;
    }
    let mantissa = if ok { mantissa(int, frac) } else { 0.0 };
    // Inside a URL or a path (`details/6342`, `?id=12`).
    if char_before(text, span.start).is_some_and(|c| "/=_#@&?\\".contains(c)) {
        ok = false;
    }
    Atom { span, mantissa, places: frac.len() as i32, words: false, has_scale: false, scale_first: false, ok }
}

/// Every atom of the text, in text order.
fn atoms(v: &View<'_>) -> Vec<Atom> {
    let text = v.text;
    let mut out: Vec<Atom> = digit_runs(text).map(|span| digit_atom(text, span)).collect();
    mark_chains(v, &mut out);
    let mut words = word_atoms(v);
    if !words.is_empty() {
        out.append(&mut words);
        out.sort_by_key(|a| a.span.start);
    }
    out
}

/// Digit runs joined by dashes in chains of three or more (`085-980-7861`,
/// `5-5-5-5`), or by spaces where they are plain integers, one starts with a
/// zero (`0 2333 3700`) or no unit follows the last (`3.2 3.3 3.7`), are phone
/// numbers, codes or table rows of figures given elsewhere: none of them is
/// a quantity, and neither is any run joined to a run that is not one
/// (`02 2822871`). A table row that ends in a unit keeps its cells
/// (`59,697 45,640 19,467 43%`).
fn mark_chains(v: &View<'_>, atoms: &mut [Atom]) {
    let text = v.text;
    let mut i = 0;
    while i < atoms.len() {
        let mut j = i;
        while j + 1 < atoms.len() {
            let gap = &text[atoms[j].span.end..atoms[j + 1].span.start];
            match gap {
                " " | "-" | " -" | "- " | " - " | "–" | " – " => {}
                _ => break,
            }
            j += 1;
        }
        let chain = &atoms[i..=j];
        let dashed = chain.windows(2).any(|w| text[w[0].span.end..w[1].span.start].trim() != "");
        let zero =
            chain.iter().any(|a| text[a.span.clone()].starts_with('0') && !text[a.span.clone()].starts_with("0."));
        let plain = chain.iter().all(|a| a.places == 0 && !text[a.span.clone()].contains(','));
        let unit_after = v.unit_at(skip_space(text, chain[chain.len() - 1].span.end)).is_some();
        // Two runs joined by a space may be two numbers (`ร้อยละ 85 2.`), and
        // a row of a table holds amounts (`59,697 45,640 43%`).
        if chain.len() > 1
            && (chain.iter().any(|a| !a.ok) || zero || (chain.len() > 2 && (dashed || plain || !unit_after)))
        {
            for a in &mut atoms[i..=j] {
                a.ok = false;
            }
        }
        i = j + 1;
    }
}

/// Runs of adjacent Thai number words that form a valid number.
fn word_atoms(v: &View<'_>) -> Vec<Atom> {
    let text = v.text;
    let mut out = Vec::new();
    let mut run: Vec<(Span, Word)> = Vec::new();
    let flush = |run: &mut Vec<(Span, Word)>, out: &mut Vec<Atom>| {
        if let Some(a) = word_number(text, run) {
            out.push(a);
        }
        run.clear();
    };
    for h in &v.hits {
        let Some(w) = v.word(h).filter(|w| *w != Word::Half) else {
            flush(&mut run, &mut out);
            continue;
        };
        // พัน before ธ is พันธุ์, พันธมิตร, พันธกิจ: not a number.
        if matches!(w, Word::Scale(s) if s == 1000.0) && text[h.end..].starts_with('ธ') {
            flush(&mut run, &mut out);
            continue;
        }
        if run.last().is_some_and(|(s, _)| s.end != h.start) {
            flush(&mut run, &mut out);
        }
        run.push((h.start..h.end, w));
    }
    flush(&mut run, &mut out);
    out
}

/// The value of a run of number words, or `None` where the run is no
/// number (`สองสาม`, `ยี่ห้อ`, a scale word glued to a preceding Thai word).
fn word_number(text: &str, run: &[(Span, Word)]) -> Option<Atom> {
    let (first_span, first) = run.first()?;
    match first {
        Word::Digit(_) if text[first_span.clone()].starts_with("เอ็ด") => return None,
        // A scale word starts a number only as สิบ (สิบคน, สิบเอ็ดแห่ง); after
        // another Thai word a lone scale word is part of it (หลายร้อยคน,
        // หลายสิบคน).
        Word::Scale(s)
            if *s != 10.0
                || (char_before(text, first_span.start).is_some_and(is_thai_letter)
                    && !matches!(run.get(1), Some((_, Word::Digit(_))))) =>
        {
            return None
        }
        _ => {}
    }
    let mut millions = 0.0; // the part already multiplied by ล้าน
    let mut group = 0.0; // the part below a million
    let mut digit: Option<f64> = None;
    let mut has_scale = false;
    for (i, (span, w)) in run.iter().enumerate() {
        match *w {
            Word::Digit(d) => {
                if digit.is_some() {
                    return None;
                }
                let s = &text[span.clone()];
                // ยี่ only before สิบ; เอ็ด only last, after a scale word.
                if s == "ยี่" && !matches!(run.get(i + 1), Some((_, Word::Scale(x))) if *x == 10.0) {
                    return None;
                }
                if s == "เอ็ด" && i + 1 != run.len() {
                    return None;
                }
                digit = Some(d);
            }
            Word::Half => return None,
            Word::Scale(s) => {
                has_scale = true;
                if s >= 1_000_000.0 {
                    let g = group + digit.unwrap_or(0.0);
                    millions = if g == 0.0 && millions > 0.0 { millions * s } else { (millions + g.max(1.0)) * s };
                    group = 0.0;
                } else {
                    group += digit.unwrap_or(1.0) * s;
                }
                digit = None;
            }
        }
    }
    let value = millions + group + digit.unwrap_or(0.0);
    let span = first_span.start..run.last()?.0.end;
    let scale_first = matches!(first, Word::Scale(_));
    Some(Atom { span, mantissa: value, places: 0, words: true, has_scale, scale_first, ok: true })
}

// ---------------------------------------------------------------------------
// Facts

/// What precedes a number.
#[derive(Debug, Default)]
struct Prefix<'a> {
    /// Where the context words start.
    start: usize,
    /// Where the mention starts: at the first context word that is not a
    /// qualifier (the qualifier is a field, not part of the span).
    span_start: usize,
    qualifier: Option<&'a str>,
    percent: bool,
    currency: Option<String>,
    negative: bool,
    between: bool,
    /// An ordinal, address, phone, code or law marker.
    not_quantity: bool,
    /// A year, date or time marker: no quantity unless a unit follows.
    soft_not: bool,
    /// After ที่ (`รัชกาลที่ 9`): no quantity unless a unit follows.
    after_thi: bool,
}

/// Reads the context words before byte `p` (each after at most one space).
fn prefix<'a>(v: &View<'a>, p: usize) -> Prefix<'a> {
    let text = v.text;
    let mut pre = Prefix { start: p, ..Prefix::default() };
    // A minus sign glued to the digits, after a space or at the start.
    if p > 0 && text.as_bytes()[p - 1] == b'-' && !char_before(text, p - 1).is_some_and(|c| c.is_alphanumeric()) {
        pre.negative = true;
        pre.start = p - 1;
    }
    pre.span_start = pre.start;
    let at = skip_space_back(text, pre.start);
    // The year after a month name.
    if ending_at(&v.words, at).is_some_and(|h| h.category == Category::Month) {
        pre.soft_not = true;
        return pre;
    }
    if generic_ordinal(v, at) {
        pre.not_quantity = true;
        return pre;
    }
    pre.after_thi = text[..at].ends_with("ที่");
    let mut at = at;
    for _ in 0..4 {
        let Some(h) = v.hit_ending_at(at) else { break };
        if abbreviation_tail(text, h) {
            break;
        }
        let Some(role) = v.role(h) else { break };
        let qualifier = matches!(role, Role::Qualifier { .. });
        match role {
            Role::NotQuantity { soft } => {
                if soft {
                    pre.soft_not = true;
                } else {
                    pre.not_quantity = true;
                }
                return pre;
            }
            Role::Qualifier { .. } if pre.qualifier.is_none() => pre.qualifier = Some(v.phrase(h)),
            Role::Percent => pre.percent = true,
            Role::Currency(c) if pre.currency.is_none() => pre.currency = Some(c),
            Role::Negative => pre.negative = true,
            Role::Between => pre.between = true,
            _ => break,
        }
        if !qualifier {
            pre.span_start = h.start;
        }
        pre.start = h.start;
        at = skip_space_back(text, h.start);
    }
    pre
}

/// A context phrase of one or two letters and a dot (`ม.`) glued to the
/// Thai letters before it is the end of a longer abbreviation (`อสม.`).
fn abbreviation_tail(text: &str, h: &Hit) -> bool {
    let phrase = &text[h.start..h.end];
    phrase.ends_with('.') && phrase.chars().count() <= 3 && char_before(text, h.start).is_some_and(is_thai_letter)
}

/// A unit word followed by ที่ (`ไตรมาสที่ 2`, `ปีที่ 3`) marks an ordinal.
fn generic_ordinal(v: &View<'_>, p: usize) -> bool {
    const THI: &str = "ที่";
    let text = v.text;
    if p < THI.len() || !text.is_char_boundary(p - THI.len()) || !text[..p].ends_with(THI) {
        return false;
    }
    let before = p - THI.len();
    v.hit_ending_at(before)
        .is_some_and(|h| h.category == Category::Unit || v.unit_at(h.start).is_some_and(|(_, e)| e == before))
}

/// One number with its scale words, qualifier and unit.
#[derive(Debug, Clone)]
struct Quantity<'a> {
    value: f64,
    /// The product of the scale words after the digits (1 when none).
    scale: f64,
    /// Where the number and its scale words end.
    number_end: usize,
    /// Where the whole quantity ends (after its unit or qualifier).
    end: usize,
    unit: Option<UnitInfo<'a>>,
    /// The unit came from the general counted-noun rule.
    guessed: bool,
    qualifier: Option<&'a str>,
}

fn quantity<'a>(v: &View<'a>, a: &Atom) -> Quantity<'a> {
    let text = v.text;
    let mut p = a.span.end;
    let mut scale = 1.0;
    if !a.words {
        let mut q = skip_space(text, p);
        while let Some(h) = v.hit_at(q) {
            match v.word(h) {
                Some(Word::Scale(s)) if !(s == 1000.0 && text[h.end..].starts_with('ธ')) => {
                    scale *= s;
                    p = h.end;
                    q = h.end;
                }
                _ => break,
            }
        }
    }
    let number_end = p;
    let mut qualifier = after_qualifier(text, skip_space(text, p));
    if let Some((_, e)) = &qualifier {
        p = *e;
    }
    let mut unit = None;
    let mut guessed = false;
    let u = skip_space(text, p);
    if let Some((info, e)) = v.unit_at(u) {
        unit = Some(info);
        p = e;
    } else if let Some(e) = counted_noun(v, u) {
        unit = Some(UnitInfo { kind: NumberKind::Count, unit: &text[u..e] });
        guessed = true;
        p = e;
    }
    let mut value = a.value(scale);
    if unit.is_some() && !guessed {
        // ครึ่ง after the unit: 2 ขวบครึ่ง is 2.5 ขวบ.
        if let Some(h) = v.hit_at(p).filter(|h| v.word(h) == Some(Word::Half)) {
            if scale == 1.0 {
                value += 0.5;
                p = h.end;
            }
        }
    }
    if unit.is_some() && qualifier.is_none() {
        qualifier = after_qualifier(text, p);
        if let Some((_, e)) = &qualifier {
            p = *e;
        }
    }
    Quantity { value, scale, number_end, end: p, unit, guessed, qualifier: qualifier.map(|(q, _)| q) }
}

/// A qualifier that follows a number (`กว่า`, `เศษ`) at byte `p`.
fn after_qualifier(text: &str, p: usize) -> Option<(&'static str, usize)> {
    let rest = text.get(p..)?;
    TABLES.after_qualifiers.iter().find(|q| rest.starts_with(q.as_str())).map(|q| (q.as_str(), p + q.len()))
}

/// The general rule for a counted noun missing from `units.tsv`: the Thai
/// word at byte `p` when it stands alone, from the number to a space or a
/// non-Thai character (Thai writes no spaces between words, so a longer run
/// is a phrase, not a noun), unless it starts with a function word or with
/// another lexicon's phrase (a month, a context word, a name). Returns where
/// it ends.
fn counted_noun(v: &View<'_>, p: usize) -> Option<usize> {
    let text = v.text;
    if !char_at(text, p).is_some_and(starts_thai_word) {
        return None;
    }
    if TABLES.not_units.longest_at(text, p, 0).is_some() {
        return None;
    }
    if v.hit_at(p).is_some() {
        return None;
    }
    // At most one letter more than a noun may have, so the cost stays linear
    // in text without spaces.
    let mut end = p;
    let mut chars = 0;
    for c in text[p..].chars().take(MAX_NOUN_CHARS + 1) {
        if !is_thai_letter(c) && c != thai::PAIYANNOI {
            break;
        }
        end += c.len_utf8();
        chars += 1;
        // An abbreviated word (`ธันวาฯ`) ends with its ฯ.
        if c == thai::PAIYANNOI {
            break;
        }
    }
    // A date with a month written without dots (`1 ธค.2562`).
    let date = text[end..].starts_with('.') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    (chars > 0 && chars <= MAX_NOUN_CHARS && !date).then_some(end)
}

/// The connector at byte `p` (after one space) from `list`, or a dash when
/// `dash`; returns where the next number must start.
fn connector(text: &str, p: usize, list: &[String], dash: bool) -> Option<usize> {
    let q = skip_space(text, p);
    let rest = text.get(q..)?;
    let len = if dash && (rest.starts_with('-') || rest.starts_with('–')) {
        rest.chars().next().map_or(1, char::len_utf8)
    } else {
        list.iter().find(|w| rest.starts_with(w.as_str()))?.len()
    };
    Some(skip_space(text, q + len))
}

/// The conjunction that joins the ends of a range after ระหว่าง.
const AND: &str = "และ";

/// Gaps between the numbers of a list (`3, 6, 9 และ 12 เดือน`).
const LIST_GAPS: &[&str] = &[" ", ",", ", ", " ,", " , ", "และ", " และ", "และ ", " และ ", ", และ ", "หรือ", " หรือ "];

/// Whether atoms `j` and `j + 1` are neighbours in a list.
fn listed(text: &str, atoms: &[Atom], j: usize) -> bool {
    atoms.get(j + 1).is_some_and(|b| b.ok && LIST_GAPS.contains(&&text[atoms[j].span.end..b.span.start]))
}

/// The last atom of the list that starts at atom `i` (at most 12 long).
fn list_end(text: &str, atoms: &[Atom], i: usize) -> usize {
    let mut k = i;
    while k < i + 12 && listed(text, atoms, k) {
        k += 1;
    }
    k
}

/// Reads the fact that starts with atom `i`; returns it (if it is a
/// quantity), the index of the next unread atom and where the fact's text
/// ends.
fn read_fact(v: &View<'_>, atoms: &[Atom], i: usize) -> (Option<RawNumber>, usize, usize) {
    let text = v.text;
    let a = &atoms[i];
    if !a.ok {
        return (None, i + 1, a.span.end);
    }
    let pre = prefix(v, a.span.start);
    let first = quantity(v, a);
    let mut next = i + 1;
    let mut value = first.value;
    let mut end_value = None;
    let mut of = None;
    let mut last = first.clone();
    let second = atoms.get(i + 1).filter(|b| b.ok);
    if first.unit.is_none() || first.guessed {
        // After ระหว่าง, และ joins the ends too (ระหว่าง 500 และ 700 คน).
        let joined = |b: &&Atom| {
            connector(text, first.number_end, &TABLES.to, true) == Some(b.span.start)
                || (pre.between && connector(text, first.number_end, &[AND.to_string()], false) == Some(b.span.start))
        };
        if let Some(b) = second.filter(joined) {
            let q = quantity(v, b);
            // B's scale applies to a bare A where the range still runs
            // upward then (7-8 ล้านตัน); else A stands as written
            // (500,000-1 ล้านบาท). A range that runs downward (15-10 คะแนน,
            // a score) is no range (issue 21).
            let scaled = if first.scale == 1.0 && q.scale != 1.0 { a.value(q.scale) } else { value };
            let start = [scaled, value].into_iter().find(|s| *s <= q.value);
            if let Some(start) = start {
                value = start;
                end_value = Some(q.value);
                last = q;
                next = i + 2;
            }
        } else if let Some(b) =
            second.filter(|b| connector(text, first.number_end, &TABLES.of, false) == Some(b.span.start))
        {
            let q = quantity(v, b);
            // A rank is within its field: 65 ใน 64 is no rank (issue 21).
            if q.value >= value {
                of = Some(q.value);
                last = q;
                next = i + 2;
            }
        }
    }
    if pre.not_quantity {
        // The whole list is what the marker numbers: มาตรา 6, 10 และ 14.
        return (None, list_end(text, atoms, next - 1) + 1, last.end);
    }
    // A date (`14 กุมภาพันธ์`, `1-3 กันยายน`) or a time (`09.30 น.`).
    let after = skip_space(text, last.number_end);
    if v.month_at(after) || text[after..].starts_with("น.") || text[after..].starts_with("นาฬิกา") {
        return (None, next, last.end);
    }
    // A section number at the start of a line (`1.4 บริษัท ...`, `2. ...`).
    if line_start(text, a.span.start)
        && first.scale == 1.0
        && !text[a.span.clone()].starts_with('0')
        && (a.places > 0 || matches!(char_at(text, first.number_end), Some('.' | ')')))
    {
        return (None, next, last.end);
    }
    let (mut unit, mut guessed) = if last.end > last.number_end { (last.unit, last.guessed) } else { (None, false) };
    let mut end = if unit.is_some() { last.end } else { last.number_end };
    // A bare number in a list takes the unit written after the list's last
    // number (`18, 70 และ 420 ชั่วโมง`).
    if (unit.is_none() || guessed) && end_value.is_none() && of.is_none() && !pre.percent {
        let k = list_end(text, atoms, i);
        if k > i {
            let q = quantity(v, &atoms[k]);
            if q.unit.is_some() && !q.guessed {
                unit = q.unit;
                guessed = false;
                end = last.number_end;
            }
        }
    }
    let known = unit.is_some() && !guessed;
    if (pre.soft_not || pre.after_thi) && !known && !pre.percent && pre.currency.is_none() {
        return (None, next, last.end);
    }
    // After a year or date marker, a year stays a year whatever follows
    // (ปี 2563 มาตรการ..., ปี 67 หลัง...); only a duration of one or two
    // digits reads as a quantity (8 ปี 9 เดือน, 3 ปี 10 เดือน).
    if pre.soft_not && !a.words {
        let digits = text[a.span.clone()].len();
        let year_like = digits == 4 && thai::BARE_NUMBER_YEARS.contains(&(a.mantissa as i32));
        let measure = unit.as_ref().is_some_and(|u| u.kind == NumberKind::Measure);
        if year_like || (digits >= 2 && !measure) {
            return (None, next, last.end);
        }
    }
    let mut kind = match (&unit, of) {
        (_, Some(_)) => NumberKind::Rank,
        (Some(u), _) => u.kind,
        (None, _) => NumberKind::Other,
    };
    let mut unit_name = unit.map(|u| u.unit);
    if pre.percent && kind != NumberKind::Rank {
        kind = NumberKind::Percent;
        unit_name = Some("%");
    } else if let Some(c) = &pre.currency {
        // A rank stays a rank, as with ร้อยละ (issue 21: `of` only on ranks).
        if kind != NumberKind::Money && kind != NumberKind::Rank {
            kind = NumberKind::Money;
            unit_name = Some(c.as_str());
        }
    }
    let bare = unit_name.is_none() || (guessed && of.is_none());
    if bare && !standalone(v, a, &last, of.is_some()) {
        return (None, next, last.end);
    }
    // A word number needs a unit, a scale word or a rank; one that starts
    // with a scale word needs a unit (ร้อยเอ็ด is a province).
    if a.words && !known && !(a.has_scale || pre.percent || of.is_some()) {
        return (None, next, last.end);
    }
    if a.words && a.scale_first && !(a.mantissa > 10.0 && a.mantissa < 20.0) && !known {
        return (None, next, last.end);
    }
    let sign = if pre.negative { -1.0 } else { 1.0 };
    (
        Some(RawNumber {
            span: pre.span_start..end,
            value: sign * value,
            end_value: end_value.map(|e| sign * e),
            of,
            unit: unit_name.map(str::to_string),
            kind,
            qualifier: pre.qualifier.or(first.qualifier).or(last.qualifier).map(str::to_string),
        }),
        next,
        last.end,
    )
}

/// Whether a `)` after the number at `p` closes a `(` opened before it on
/// the same line (`(คะแนนเต็ม 100)`), rather than ending a list marker (`1)`).
fn closes_paren(text: &str, p: usize) -> bool {
    if text[..p].ends_with('(') {
        return false;
    }
    // Look back a bounded window only, so that the cost stays linear.
    let mut from = p.saturating_sub(PAREN_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..p];
    let line = &window[window.rfind('\n').map_or(0, |n| n + 1)..];
    match (line.rfind('('), line.rfind(')')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// How far back (in bytes) a `(` may open before the number it encloses.
const PAREN_WINDOW: usize = 256;

/// Whether only spaces stand between the start of the line and byte `p`.
/// Normalized text has no runs of spaces, so this looks back one byte or two.
fn line_start(text: &str, p: usize) -> bool {
    let before = text[..p].trim_end_matches(' ');
    before.is_empty() || before.ends_with('\n')
}

/// Whether a number with no known unit still stands as a quantity: not a
/// year, a list item, a name part or a version.
fn standalone(v: &View<'_>, a: &Atom, last: &Quantity<'_>, rank: bool) -> bool {
    let text = v.text;
    let s = &text[a.span.clone()];
    if a.words {
        return a.has_scale || rank;
    }
    // A count in Thai takes a classifier: a bare digit is a label (`ตึก 1`,
    // `1 นายธนพล`).
    if s.len() == 1 && !rank {
        return false;
    }
    // A year: four digits in [`thai::BARE_NUMBER_YEARS`].
    if s.len() == 4 && a.places == 0 && thai::BARE_NUMBER_YEARS.contains(&(a.mantissa as i32)) && last.scale == 1.0 {
        return false;
    }
    // A version or a name part (ไทยแลนด์ 4.0).
    if s.ends_with(".0") {
        return false;
    }
    // A list item: at the start of a line, `1.`, `(1)`.
    if line_start(text, a.span.start) {
        return false;
    }
    let next = char_at(text, last.number_end);
    if next == Some('.') || (next == Some(')') && !closes_paren(text, a.span.start)) {
        return false;
    }
    // Next to Latin letters or glued to a word by a dash: PM2.5, Q1,
    // `PM 2.5`, COVID-19, โควิด-19.
    let before = skip_space_back(text, a.span.start);
    if char_before(text, before).is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    if text[..a.span.start].ends_with('-') && char_before(text, a.span.start - 1).is_some_and(char::is_alphabetic) {
        return false;
    }
    // A hotline or a name after an abbreviation (`คปภ. 1186`).
    if before < a.span.start
        && text[..before].ends_with('.')
        && char_before(text, before - 1).is_some_and(is_thai_letter)
    {
        return false;
    }
    // Followed by an ordinal or address marker: part of an address
    // (`ห้อง 1 ชั้น 9`).
    let after = skip_space(text, last.number_end);
    if after > last.number_end && v.hit_at(after).is_some_and(|h| v.role(h) == Some(Role::NotQuantity { soft: false }))
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<RawNumber> {
        let norm = crate::normalize::normalize(text);
        let lexicons = crate::kinds::shipped_lexicons();
        let scan = lexicons.scan(norm.text());
        let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
        extract(&doc, &[])
    }

    fn one(text: &str) -> (f64, Option<String>) {
        let n = numbers(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        (n[0].value, n[0].unit.clone())
    }

    #[test]
    fn tables_load() {
        let t = &*TABLES;
        assert!(!t.unit_entries.is_empty() && !t.words.is_empty() && !t.context.is_empty());
        assert!(!t.to.is_empty() && !t.of.is_empty() && !t.after_qualifiers.is_empty());
    }

    #[test]
    fn word_numbers() {
        let cases: &[(&str, f64)] = &[
            ("สามร้อยห้าสิบหก", 356.0),
            ("หนึ่งล้านสองแสน", 1_200_000.0),
            ("สิบเอ็ด", 11.0),
            ("ยี่สิบเอ็ด", 21.0),
            ("สองพันห้าร้อย", 2500.0),
            ("หนึ่งล้านล้านบาท", 1e12),
            ("สองร้อยสี่สิบหกล้านหนึ่งแสนหกหมื่นเจ็ดพันห้าร้อยหกสิบสี่", 246_167_564.0),
        ];
        for (text, want) in cases {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!(n[0].value, *want, "{text}");
        }
    }

    #[test]
    fn exact_scaling() {
        assert_eq!(one("133,865.78 ล้านบาท"), (133_865_780_000.0, Some("บาท".into())));
        assert_eq!(one("2.5 หมื่นล้านบาท"), (25_000_000_000.0, Some("บาท".into())));
        assert_eq!(one("1.2 แสนคน"), (120_000.0, Some("คน".into())));
        assert_eq!(one("0.3 ไมครอน"), (0.3, Some("ไมครอน".into())));
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "กว่า 390 ล้านคน และร้อยละ 5.5 ต่อปี";
        for n in numbers(text) {
            assert!(text.get(n.span.clone()).is_some(), "{n:?}");
        }
        // A leading qualifier is kept in `qualifier`, not in the span.
        let first = &numbers(text)[0];
        assert_eq!(&text[first.span.clone()], "390 ล้านคน");
        assert_eq!(first.qualifier.as_deref(), Some("กว่า"));
    }

    #[test]
    fn claimed_spans_are_not_numbers() {
        let text = "ปี 2567 มี 5 คน";
        let norm = crate::normalize::normalize(text);
        let lexicons = crate::kinds::shipped_lexicons();
        let scan = lexicons.scan(norm.text());
        let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
        let five = text.rfind('5').unwrap();
        let claimed: Span = five..five + 1;
        assert_eq!(extract(&doc, &[]).len(), 1);
        assert!(extract(&doc, std::slice::from_ref(&claimed)).is_empty());
    }

    /// Every string of up to `len` characters from `alphabet`.
    fn all_strings(alphabet: &[&str], len: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            last = last.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    #[test]
    fn digit_scanning_matches_the_regexes_it_replaces() {
        let runs = regex::Regex::new(r"[0-9]+(?:[.,/:][0-9]+)*").unwrap();
        let shape = regex::Regex::new(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$").unwrap();
        let mut texts = all_strings(&["0", "7", ".", ",", "/", ":", "ก", "x"], 5);
        texts.extend(all_strings(&["12", "3", ",", "."], 6));
        // Digits across the scanner's 16-byte blocks.
        texts.push(format!("{}1{}2,345.6", "ก".repeat(5), "x".repeat(15)));
        for t in &texts {
            let want: Vec<Span> = runs.find_iter(t).map(|m| m.range()).collect();
            assert_eq!(digit_runs(t).collect::<Vec<_>>(), want, "{t:?}");
            assert_eq!(quantity_shape(t), shape.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn mantissa_is_the_parsed_digit_string() {
        for (int, frac) in [
            ("0", "5"),
            ("1,250,000", "78"),
            ("9007199254740993", ""),
            ("18446744073709551615", ""),
            ("18446744073709551616", "25"),
            ("123456789012345678901234567890", "1"),
        ] {
            let digits: String = int.chars().chain(frac.chars()).filter(char::is_ascii_digit).collect();
            assert_eq!(mantissa(int, frac), digits.parse::<f64>().unwrap(), "{int}.{frac}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["-", "1-", "-1", "1,", ",1", "1.", "ใน 1", "1 ใน", "ระหว่าง 1 และ", "ร้อย", "ล้าน1", "฿", "1 ถึง"]
        {
            let _ = numbers(text);
        }
    }
}
