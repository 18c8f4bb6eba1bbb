//! Dates: day, month and year expressions, converted to ISO Gregorian.
//!
//! Part of the extract stage (normalize → scan → **extract** → link →
//! facts). It reads the normalized text and the lexicon hits of
//! [`Category::Month`], [`Category::Weekday`] and [`Category::RelativeDate`],
//! and returns one [`RawDate`] per date expression, in text order, with its
//! span in normalized-text coordinates. The spans are handed to the number
//! extractor as claimed, so a span covers the whole expression: weekday, day,
//! month, era marker, year, and an attached time (`เวลา 09.30 น.`).
//!
//! # How a date is recognised
//!
//! The text is cut into *tokens*: digit runs (their shape only:
//! `14`, `2567`, `2,567`, `09.30`, `2559/60`), month names and weekdays (from
//! the lexicon scan) and relative-date words. Between two tokens lies a
//! *gap*; a date is a short sequence of tokens whose gaps hold nothing but
//! the small words of `date_words.tsv` (วันที่, ปี, พ.ศ., ถึง, -, นี้,
//! ที่ผ่านมา, เวลา, น. ...). Each rule below looks at a bounded number of
//! tokens from where it starts, so the pass is linear in the text.
//!
//! - `day`: a day number and a month, then an optional year
//!   (`14 กุมภาพันธ์ 2567`, `14 ก.พ.2567`, `วันพุธที่ 14 ก.พ. 67`), or two day
//!   numbers joined by a range word (`1-3 มีนาคม 2567`).
//! - `month`: a month and a year (`เดือนพฤษภาคม 2566`), or two months joined
//!   by a range word (`มกราคม-สิงหาคม 2562`). A month without a year counts
//!   only after เดือน or before นี้ / ที่ผ่านมา, or in a range of full names.
//! - `year`: a year after ปี, พ.ศ., ค.ศ. or ปีงบประมาณ; a bare four-digit
//!   number is never a year on its own (`ห้อง 2567`, `2,567 คน`). A year after
//!   ปี followed by `/` and the next year is a crop year (`ปี 2562/63`); one
//!   followed by a range word and a year is a range (`ปี 2564-2566`); a fiscal
//!   year runs from October of the previous year to September.
//! - `range`: two dates joined by a range word (`ตั้งแต่ 1 ตุลาคม 2566 ถึง 30
//!   กันยายน 2567`, `26 ก.ย. - 25 พ.ย.60`); the first takes its year from the
//!   second when it has none. `จนถึงปัจจุบัน` after a date leaves the range
//!   open (`end_value` null).
//! - `relative`: วันนี้, เมื่อวาน, ปีหน้า, เมื่อวันจันทร์ที่ผ่านมา ..., counted
//!   from the anchor (below).
//!
//! Numbers after ครั้งที่, ฉบับที่ or any ที่ (`ครั้งที่ 2/2561`, `ที่ 1340/2560`)
//! are meeting, order and case numbers, not dates.
//!
//! # Year-less dates
//!
//! A day or month written without a year (`เมื่อวันที่ 5 มี.ค.`) takes the
//! year of the nearest date before it on the same line that gives one (any
//! precision: `สำหรับปี 2562 ตั้งแต่วันที่ 1 มกราคม`), else of the nearest full
//! date before it in the article, else of the publication date: the latest
//! such day not after publication. With `ที่ผ่านมา` the day is the latest one
//! not after the publication date (or that full date); with `นี้` it is in
//! the publication year. Its `era` is null.
//!
//! # Anchors and unresolved mentions
//!
//! "The publication date" above is the *anchor*: the publication date given,
//! else the article's date line (its first date, a full date with a written
//! year starting one of its first [`DATELINE_LINES`] lines). The text is
//! parsed once without an anchor to find the date line, and a second time
//! with it when there is one. With no anchor, a year-less or relative
//! mention is still reported: `value` null, the `month` / `day` it writes,
//! and for a relative word its `offset`. The `anchor` of a fact names the
//! anchor its value came from, and is null when the text gave the value.
//!
//! # Why the small words are not scanned
//!
//! The words of `date_words.tsv` (ปี, ที่, นี้, ถึง, น.) are short and occur
//! everywhere; in the shared leftmost-longest scan they would take hits from
//! other lexicons (`ปี` is also a unit of the number extractor, `มีค` is the
//! start of `มีคณะ`). So they are parsed with [`crate::lexicon::parse`] like
//! every lexicon but only compared with the text right before or after a
//! token, where they decide what the token is.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Doc, Span};
use crate::calendar;
use crate::error::LexiconError;
use crate::facts::{Anchor, DateOffset, DateUnit, Era, Precision};
use crate::lexicon::{self, Category, Entry};
use crate::thai::{self, is_thai_letter};

/// The Buddhist-era years a written year may name.
const BE_YEARS: std::ops::RangeInclusive<i32> = 2300..=2800;

/// A date found in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawDate {
    /// The date mention: from the day, month, era marker or year to the
    /// year or the end of a range. A leading weekday (`วันพุธที่`), a leading
    /// ปี / ปีงบประมาณ and an attached time (`เวลา 09.30 น.`) are facts of
    /// the date (`weekday_mismatch`, the fiscal range, `time`), not part of
    /// its span.
    pub span: Span,
    /// Null for an unresolved mention (no year and no anchor).
    pub value: Option<String>,
    pub end_value: Option<String>,
    pub precision: Precision,
    pub era: Option<Era>,
    pub time: Option<String>,
    /// The text names a weekday that the date does not fall on.
    pub weekday_mismatch: bool,
    /// The month and day the text writes (of the start of a range).
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// A relative date's distance from the anchor.
    pub offset: Option<DateOffset>,
    /// The anchor the value was computed from, if any.
    pub anchor: Option<Anchor>,
    /// Everything the expression covers (weekday, ปี, time included): the
    /// text the number extractor must not read.
    pub claim: Span,
}

/// Every date mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawDate> {
    let text = doc.text();
    let toks = tokenize(doc);
    let anchor = doc.published.map(|p| (p, Anchor::Published));
    let atoms = parse(text, &toks, anchor);
    if anchor.is_none() {
        if let Some(d) = dateline(text, &atoms) {
            return resolve(text, parse(text, &toks, Some((d, Anchor::Dateline))), Some((d, Anchor::Dateline)));
        }
    }
    resolve(text, atoms, anchor)
}

/// The atoms of `toks`, ranges joined, read against `anchor`.
fn parse(text: &str, toks: &[Token], anchor: Option<(NaiveDate, Anchor)>) -> Vec<Atom> {
    let mut p = Parser { text, toks, published: anchor.map(|a| a.0), words: &DATE_WORDS, atoms: Vec::new() };
    let mut i = 0;
    while i < toks.len() {
        match p.parse_at(i) {
            Some((atom, next)) => {
                p.atoms.push(atom);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    join_ranges(text, p.atoms, &DATE_WORDS)
}

/// How many lines from the top a date line may stand on (a headline and
/// a subtitle may come before it).
const DATELINE_LINES: usize = 3;

/// The date line the article opens with: its first date, when that is a
/// full date with a written year (`วันจันทร์ที่ 3 มิถุนายน 2562`,
/// `1สิงหาคม2550 07:36 น.`) that starts one of the first
/// [`DATELINE_LINES`] lines (after spaces, `วันที่` or an opening bracket).
fn dateline(text: &str, atoms: &[Atom]) -> Option<NaiveDate> {
    let a = atoms.first()?;
    if a.kind != AtomKind::Calendar || a.era.is_none() || a.end.is_some() {
        return None;
    }
    let date = a.start.date()?;
    let head = &text[..a.span.start];
    if head.matches('\n').count() >= DATELINE_LINES {
        return None;
    }
    let line = head.rsplit('\n').next().unwrap_or(head);
    let lead = line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '-' | ':'));
    let lead_ok = lead.is_empty() || DATE_WORDS.whole(lead).is_some_and(|r| r.iter().all(|r| *r == Role::Day));
    lead_ok.then_some(date)
}

// ---------------------------------------------------------------------------
// The small words around dates (`date_words.tsv`).

/// What a word of `date_words.tsv` does next to a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
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
}

/// One word of `date_words.tsv`.
#[derive(Debug, Clone)]
struct Word {
    phrase: String,
    role: Role,
}

/// The words of `date_words.tsv`, longest first, indexed by their first and
/// last character so that a lookup compares only a few words.
#[derive(Debug)]
struct DateWords {
    words: Vec<Word>,
    by_first: HashMap<char, Vec<usize>>,
    by_last: HashMap<char, Vec<usize>>,
}

/// The shipped date words, loaded on first use.
static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    // Safe: the test `date_words_load` proves the shipped file parses.
    DateWords::load("date_words.tsv", include_str!("date_words.tsv"))
        .unwrap_or_else(|e| panic!("shipped lexicon is malformed: {e}"))
});

impl DateWords {
    /// Parses a date-words file: phrase, role, value.
    ///
    /// # Errors
    ///
    /// Any error of [`lexicon::parse`], and [`LexiconError::Value`] for an
    /// unknown role, a month outside 1-12, a weekday outside 1-7, or a value
    /// other than `-` for a role without one.
    fn load(file: &str, text: &str) -> Result<DateWords, LexiconError> {
        let mut words = Vec::new();
        for e in lexicon::parse(file, text, 3)? {
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
                "month" => Role::Month(lexicon::int_column(file, &e, 3, 1..=12, "a month number from 1 to 12")? as u32),
                "weekday" => Role::Weekday(lexicon::int_column(
                    file,
                    &e,
                    3,
                    1..=7,
                    "an ISO weekday number from 1 (Monday) to 7 (Sunday)",
                )? as u32),
                _ => return Err(lexicon::value_error(file, &e, 2, "a role of date_words.tsv (see its header)")),
            };
            if !matches!(role, Role::Month(_) | Role::Weekday(_)) && e.columns[2] != "-" {
                return Err(lexicon::value_error(file, &e, 3, "- for a role without a value"));
            }
            words.push(Word { phrase: e.columns[0].clone(), role });
        }
        words.sort_by_key(|w| std::cmp::Reverse(w.phrase.len()));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            let mut cs = w.phrase.chars();
            if let (Some(f), Some(l)) = (cs.next(), w.phrase.chars().next_back()) {
                by_first.entry(f).or_default().push(i);
                by_last.entry(l).or_default().push(i);
            }
        }
        Ok(DateWords { words, by_first, by_last })
    }

    /// The longest word that `s` starts with and that `keep` accepts.
    fn starting(&self, s: &str, keep: impl Fn(Role) -> bool) -> Option<&Word> {
        let c = s.chars().next()?;
        self.by_first.get(&c)?.iter().map(|&i| &self.words[i]).find(|w| keep(w.role) && s.starts_with(&w.phrase))
    }

    /// The longest word that `s` ends with and that `keep` accepts.
    fn ending(&self, s: &str, keep: impl Fn(Role) -> bool) -> Option<&Word> {
        let c = s.chars().next_back()?;
        self.by_last.get(&c)?.iter().map(|&i| &self.words[i]).find(|w| keep(w.role) && s.ends_with(&w.phrase))
    }

    /// The longest word `s` ends with (trailing spaces ignored): its role and
    /// its start in `s`.
    fn last(&self, s: &str) -> Option<(Role, usize)> {
        let t = s.trim_end_matches(' ');
        self.ending(t, |_| true).map(|w| (w.role, t.len() - w.phrase.len()))
    }

    /// The longest word `s` starts with (leading spaces ignored): its role
    /// and its end in `s`.
    fn first(&self, s: &str) -> Option<(Role, usize)> {
        let lead = s.len() - s.trim_start_matches(' ').len();
        self.starting(&s[lead..], |_| true).map(|w| (w.role, lead + w.phrase.len()))
    }

    /// The words at the end of `s`, nearest first, each with its start in
    /// `s`; stops at the first stretch that is not a date word.
    fn trailing(&self, s: &str) -> Vec<(Role, usize)> {
        let mut out = Vec::new();
        let mut end = s.len();
        while out.len() < 6 {
            match self.last(&s[..end]) {
                Some((role, start)) => {
                    out.push((role, start));
                    end = start;
                }
                None => break,
            }
        }
        out
    }

    /// The words at the start of `s`, in order, each with its end in `s`;
    /// stops at the first stretch that is not a date word.
    fn leading(&self, s: &str) -> Vec<(Role, usize)> {
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

    /// The roles of `s` when it is made only of date words and spaces.
    fn whole(&self, s: &str) -> Option<Vec<Role>> {
        if s.len() > 80 {
            return None;
        }
        let words = self.leading(s);
        let end = words.last().map_or(0, |w| w.1);
        s[end..].trim_matches(' ').is_empty().then(|| words.into_iter().map(|w| w.0).collect())
    }
}

// ---------------------------------------------------------------------------
// Tokens.

/// Digit runs: groups of thousands, a decimal or time part, up to two `/`
/// parts (`2,567`, `09.30`, `2559/60`, `14/02/2567`). Shape only: the
/// leftmost-first matches of
/// `[0-9]+(?:,[0-9]{3})*(?:[.:][0-9]+)?(?:/[0-9]+){0,2}`, in text order.
///
/// Written by hand rather than with a regex, as the numbers extractor's
/// digit runs are: the cost is the search for the next digit. Every part
/// after the first digits is optional, so the regex's first choice, each
/// part as long as it goes, is the match.
fn numbers(text: &str) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = thai::next_digit(b, at)?;
        let mut end = thai::digits_end(b, start);
        while b.get(end) == Some(&b',') && (1..=3).all(|k| digit_at(end + k)) {
            end += 4;
        }
        if matches!(b.get(end), Some(b'.' | b':')) && digit_at(end + 1) {
            end = thai::digits_end(b, end + 1);
        }
        for _ in 0..2 {
            if b.get(end) == Some(&b'/') && digit_at(end + 1) {
                end = thai::digits_end(b, end + 1);
            }
        }
        at = end;
        Some(start..end)
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A digit run.
    Num,
    /// A month name with its number; `abbr` for abbreviated forms.
    Month { month: u32, abbr: bool },
    /// A weekday with วัน, ISO number.
    Weekday(u32),
    /// A relative-date word.
    Relative(Unit, i32),
}

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Digit runs, month names, weekdays and relative words, in text order.
fn tokenize(doc: &Doc<'_>) -> Vec<Token> {
    let text = doc.text();
    let words = &*DATE_WORDS;
    let mut toks: Vec<Token> = Vec::new();
    for h in &doc.scan.hits {
        let entry = |c: Category| -> Option<&Entry> { doc.lexicons.entries(c).get(h.entry) };
        let kind = match h.category {
            Category::Month => {
                let Some(e) = entry(Category::Month) else { continue };
                let Ok(month) = e.columns[1].parse::<u32>() else { continue };
                let abbr = e.phrase().contains('.') || e.phrase().chars().count() <= 4;
                Kind::Month { month, abbr }
            }
            Category::Weekday => {
                let Some(Ok(wd)) = entry(Category::Weekday).map(|e| e.columns[1].parse::<u32>()) else { continue };
                Kind::Weekday(wd)
            }
            Category::RelativeDate => {
                let Some(e) = entry(Category::RelativeDate) else { continue };
                let unit = match e.columns[1].as_str() {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "year" => Unit::Year,
                    _ => continue,
                };
                let Ok(offset) = e.columns[2].parse::<i32>() else { continue };
                Kind::Relative(unit, offset)
            }
            _ => continue,
        };
        toks.push(Token { start: h.start, end: h.end, kind });
    }
    for m in numbers(text) {
        toks.push(Token { start: m.start, end: m.end, kind: Kind::Num });
        // Informal month forms (มค, ธค., มกรา) are not scanned: they count only
        // right after a day number or right before a year.
        if let Some(t) = informal_month_after(text, m.end, words) {
            toks.push(t);
        }
        if let Some(t) = informal_month_before(text, m.start, words) {
            toks.push(t);
        }
    }
    toks.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    for t in toks {
        if out.last().is_none_or(|p| t.start >= p.end) {
            out.push(t);
        }
    }
    out
}

/// An informal month form starting at `pos` (after one optional space),
/// not followed by more Thai letters unless นี้ or ที่ผ่านมา.
fn informal_month_after(text: &str, pos: usize, words: &DateWords) -> Option<Token> {
    let start = if text[pos..].starts_with(' ') { pos + 1 } else { pos };
    let rest = &text[start..];
    let w = words.starting(rest, |r| matches!(r, Role::Month(_)))?;
    let end = start + w.phrase.len();
    let after = &text[end..];
    let ok = match after.chars().next() {
        Some(c) if is_thai_letter(c) => matches!(words.first(after), Some((Role::This | Role::Past, _))),
        _ => true,
    };
    let Role::Month(month) = w.role else { return None };
    ok.then_some(Token { start, end, kind: Kind::Month { month, abbr: true } })
}

/// An informal month form ending at `pos` (before one optional space), not
/// preceded by a Thai letter or a dot.
fn informal_month_before(text: &str, pos: usize, words: &DateWords) -> Option<Token> {
    let end = if text[..pos].ends_with(' ') { pos - 1 } else { pos };
    let head = &text[..end];
    let w = words.ending(head, |r| matches!(r, Role::Month(_)))?;
    let start = end - w.phrase.len();
    if text[..start].chars().next_back().is_some_and(|c| is_thai_letter(c) || c == '.') {
        return None;
    }
    let Role::Month(month) = w.role else { return None };
    Some(Token { start, end, kind: Kind::Month { month, abbr: true } })
}

// ---------------------------------------------------------------------------
// Atoms: single date expressions, before ranges are joined and years inferred.

/// A calendar point; `year` is Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Point {
    fn date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }
    /// Sort key of the first day of the point.
    fn first_key(self) -> (u32, u32) {
        (self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
    /// Sort key of the last day of the point.
    fn last_key(self) -> (u32, u32) {
        (self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    None,
    This,
    Past,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AtomKind {
    /// A day, month or year as written (joinable into ranges).
    Calendar,
    /// A fiscal year, crop year or range of years.
    Span,
    /// A relative date, resolved from the anchor when there is one.
    Relative,
}

#[derive(Debug, Clone)]
struct Atom {
    span: Range<usize>,
    start: Point,
    end: Option<Point>,
    /// `จนถึงปัจจุบัน`: a range with an open end.
    open: bool,
    /// The era of the written year; `None` until a year is given.
    era: Option<Era>,
    kind: AtomKind,
    weekday: Option<u32>,
    marker: Marker,
    time: Option<String>,
    /// A relative word's unit and count.
    offset: Option<(Unit, i32)>,
    /// The month and day as written, before resolution.
    written: (Option<u32>, Option<u32>),
    /// The date proper inside `span`: without a leading weekday or ปี and
    /// without an attached time (see [`RawDate::span`]).
    core: Range<usize>,
}

impl Atom {
    fn new(span: Range<usize>, start: Point, kind: AtomKind) -> Atom {
        Atom {
            core: span.clone(),
            span,
            start,
            end: None,
            open: false,
            era: None,
            kind,
            weekday: None,
            marker: Marker::None,
            time: None,
            offset: None,
            written: (start.month, start.day),
        }
    }

    /// A relative mention left unresolved: no anchor to count from.
    fn unresolved(span: Range<usize>, offset: Option<(Unit, i32)>) -> Atom {
        let mut a = Atom::new(span, Point { year: None, month: None, day: None }, AtomKind::Relative);
        a.offset = offset;
        a
    }
}

/// The plain digits of a token (no separators), as a number, with their count.
fn plain(text: &str, t: &Token) -> Option<(i32, usize)> {
    let s = &text[t.start..t.end];
    if t.kind != Kind::Num || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().map(|v| (v, s.len()))
}

/// A day number: one or two plain digits, 1 to 31.
fn day_number(text: &str, t: &Token) -> Option<u32> {
    match plain(text, t) {
        Some((v, 1..=2)) if (1..=31).contains(&v) => Some(v as u32),
        _ => None,
    }
}

/// A time `09.30`, `9.30` or `13:00` as `HH:MM`.
fn time_of(text: &str, t: &Token) -> Option<String> {
    let s = &text[t.start..t.end];
    let (h, m) = s.split_once(['.', ':'])?;
    let (hh, mm): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h.len() <= 2 && m.len() == 2 && hh <= 24 && mm <= 59).then(|| format!("{hh:02}:{mm:02}"))
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    published: Option<NaiveDate>,
    words: &'a DateWords,
    atoms: Vec<Atom>,
}

impl Parser<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text between token `i` and token `i + 1`.
    fn gap(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// The text before token `i` back to the previous token.
    fn gap_before(&self, i: usize) -> (usize, &str) {
        let from = if i == 0 { 0 } else { self.toks[i - 1].end };
        (from, &self.text[from..self.toks[i].start])
    }

    /// Whether the gap after token `i` holds only date words of `allowed`
    /// and at least one of `required` (when given).
    fn gap_is(&self, i: usize, allowed: &[Role], required: Option<Role>) -> bool {
        match self.words.whole(self.gap(i)) {
            Some(roles) => roles.iter().all(|r| allowed.contains(r)) && required.is_none_or(|q| roles.contains(&q)),
            None => false,
        }
    }

    fn is_month(&self, i: usize) -> Option<(u32, bool)> {
        match self.tok(i)?.kind {
            Kind::Month { month, abbr } if self.month_ok(i) => Some((month, abbr)),
            _ => None,
        }
    }

    /// An abbreviated month is not part of a longer abbreviation: no Thai
    /// letter or dot right before it (`อ.ก.พ.`), no `ศ.` right after it
    /// (`ก.ค.ศ.`), and no Thai letter after a form without its final dot.
    fn month_ok(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let Kind::Month { abbr: true, .. } = t.kind else { return true };
        if self.text[..t.start].chars().next_back().is_some_and(|c| is_thai_letter(c) || c == '.') {
            return false;
        }
        let after = &self.text[t.end..];
        let mut cs = after.chars();
        match (cs.next(), cs.next()) {
            (Some(c), Some('.')) if is_thai_letter(c) => false,
            (Some(c), _) if is_thai_letter(c) && !self.text[..t.end].ends_with('.') => {
                matches!(self.words.first(after), Some((Role::This | Role::Past, _)))
            }
            _ => true,
        }
    }

    fn parse_at(&mut self, i: usize) -> Option<(Atom, usize)> {
        let t = *self.tok(i)?;
        match t.kind {
            Kind::Num => {
                if day_number(self.text, &t).is_some() {
                    if let Some(r) = self.parse_day(i, None).or_else(|| self.parse_day_only(i)) {
                        return Some(r);
                    }
                }
                self.parse_year(i).or_else(|| self.parse_numeric(i))
            }
            Kind::Month { .. } => self.parse_month(i),
            Kind::Weekday(wd) => {
                if self.tok(i + 1).is_some_and(|n| day_number(self.text, n).is_some())
                    && self.gap_is(i, &[Role::The], None)
                {
                    if let Some(r) = self.parse_day(i + 1, Some((wd, t.start))) {
                        return Some(r);
                    }
                }
                self.parse_relative_weekday(i, wd)
            }
            Kind::Relative(unit, offset) => self.parse_relative(i, unit, offset),
        }
    }

    /// The year after month token `mi`: `(Gregorian year, era, index after,
    /// end of the year)`, for the month `month`.
    fn year_after(&self, mi: usize, month: u32) -> Option<(i32, Era, usize, usize)> {
        let j = mi + 1;
        let t = self.tok(j)?;
        let gap = self.gap(mi);
        let roles = self.words.whole(gap)?;
        if !roles.iter().all(|r| matches!(r, Role::Be | Role::Ce | Role::Year)) {
            return None;
        }
        let named = roles.iter().find_map(|r| match r {
            Role::Be => Some(Era::Be),
            Role::Ce => Some(Era::Ce),
            _ => None,
        });
        // A two-digit year right after the month or its dot is written as a
        // year (ก.พ.67, ก.พ. 67); after a full name and a space it must fit
        // the publication date.
        let close = gap.is_empty() || self.text[..self.toks[mi].end].ends_with('.') || named.is_some();
        let (year, era) = self.read_year(t, named, close)?;
        Some((calendar::year_ce(year, era, Some(month))?, era, j + 1, t.end))
    }

    /// Whether month token `mi` is followed by a year in which that month
    /// never existed (January to March of BE 2483): not a date at all,
    /// rather than a year-less one.
    fn never_existed(&self, mi: usize, month: u32) -> bool {
        let Some(t) = self.tok(mi + 1) else { return false };
        let named = match self.words.whole(self.gap(mi)).as_deref() {
            Some([] | [Role::Be]) => Some(Era::Be),
            _ => return false,
        };
        self.read_year(t, named, true).is_some_and(|(y, era)| calendar::year_ce(y, era, Some(month)).is_none())
    }

    /// A written year: four digits by era or range, two digits as BE.
    fn read_year(&self, t: &Token, named: Option<Era>, close: bool) -> Option<(i32, Era)> {
        let (v, len) = plain(self.text, t)?;
        match (len, named) {
            (4, Some(Era::Be)) if BE_YEARS.contains(&v) => Some((v, Era::Be)),
            (4, Some(Era::Ce)) if (1000..=2300).contains(&v) => Some((v, Era::Ce)),
            (4, None) => calendar::bare_year_era(v).map(|e| (v, e)),
            (2, None | Some(Era::Be)) => {
                let window = if close { 30 } else { 15 };
                let ok =
                    calendar::two_digit_plausible(v, self.published, window) && (close || self.published.is_some());
                // In the window of four-digit BE years too, whatever the
                // publication date (issue 21: พ.ศ.43 published in 1015 CE).
                let year = calendar::two_digit_be(v, self.published);
                (ok && BE_YEARS.contains(&year)).then_some((year, Era::Be))
            }
            _ => None,
        }
    }

    /// `day`: `[weekday] day [- day] month [year]`.
    fn parse_day(&self, i: usize, weekday: Option<(u32, usize)>) -> Option<(Atom, usize)> {
        let d = day_number(self.text, self.tok(i)?)?;
        let (d2, mi) = match self.tok(i + 1)?.kind {
            Kind::Num => {
                let d2 = day_number(self.text, self.tok(i + 1)?)?;
                let ok = self.gap_is(i, &[Role::To, Role::Day], Some(Role::To))
                    && self.is_month(i + 2).is_some()
                    && matches!(self.gap(i + 1), "" | " ")
                    && d2 > d;
                if !ok {
                    return None;
                }
                (Some(d2), i + 2)
            }
            Kind::Month { .. }
                if matches!(self.gap(i), "" | " ") || self.gap_is(i, &[Role::MonthWord], Some(Role::MonthWord)) =>
            {
                (None, i + 1)
            }
            _ => return None,
        };
        let (month, _) = self.is_month(mi)?;
        let weekday = weekday.or_else(|| self.bare_weekday(i));
        let start = weekday.map_or(self.toks[i].start, |w| w.1);
        let mut atom = Atom::new(
            start..self.toks[mi].end,
            Point { year: None, month: Some(month), day: Some(d) },
            AtomKind::Calendar,
        );
        atom.core.start = self.toks[i].start;
        atom.weekday = weekday.map(|w| w.0);
        let mut next = mi + 1;
        if self.never_existed(mi, month) {
            return None;
        }
        if let Some((year, era, after, end)) = self.year_after(mi, month) {
            atom.start.year = Some(year);
            atom.era = Some(era);
            atom.start.date()?;
            atom.span.end = end;
            atom.core.end = end;
            next = after;
        } else {
            atom.marker = self.marker_after(atom.span.end);
            NaiveDate::from_ymd_opt(2000, month, d)?;
        }
        if let Some(d2) = d2 {
            let end = Point { day: Some(d2), ..atom.start };
            if end.year.is_some() {
                end.date()?;
            }
            atom.end = Some(end);
        }
        let next = self.attach_time(&mut atom, next);
        if atom.time.is_none() {
            let first = if i > 0 && self.toks[i - 1].start == start { i - 1 } else { i };
            if let Some((time, from)) = self.time_before(first, start) {
                atom.time = Some(time);
                atom.span.start = from;
            }
        }
        self.open_end(&mut atom);
        Some((atom, next))
    }

    /// `เวลา 10.00 น. ของวันที่` / `เวลา 10.00 น. วันที่` before a date whose
    /// first token is `first`, starting at `start`: the time and where
    /// `เวลา` starts.
    fn time_before(&self, first: usize, start: usize) -> Option<(String, usize)> {
        let t = *self.tok(first.checked_sub(1)?)?;
        let gap = &self.text[t.end..start];
        let words = self.words.trailing(gap);
        let at = words.iter().position(|(r, _)| !matches!(r, Role::Day | Role::Of | Role::The))?;
        let (Role::TimeSuffix, pos) = words[at] else { return None };
        if !gap[..pos].trim_matches(' ').is_empty() {
            return None;
        }
        let time = time_of(self.text, &t)?;
        let (from, before) = self.gap_before(first - 1);
        let cue = self.words.trailing(before);
        let lead = match cue.as_slice() {
            [(Role::Time, p), ..] | [(Role::About, _), (Role::Time, p), ..] => from + p,
            _ => return None,
        };
        // The time may already belong to the date before it.
        if self.atoms.last().is_some_and(|a| a.span.end > lead) {
            return None;
        }
        Some((time, lead))
    }

    /// `วันที่ 13 ที่ผ่านมา` / `วันที่ 20 นี้`: a day of the publication month
    /// (or, with ที่ผ่านมา, of the month before when that day is still to
    /// come). Only with a publication date.
    fn parse_day_only(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let d = day_number(self.text, &t)?;
        if !matches!(self.words.trailing(self.gap_before(i).1).first(), Some((Role::Day, _))) {
            return None;
        }
        let Some(p) = self.published else {
            if self.marker_after(t.end) == Marker::None {
                return None;
            }
            let mut a = Atom::unresolved(t.start..t.end, None);
            a.written = (None, Some(d));
            a.start.day = Some(d);
            return Some((a, i + 1));
        };
        let first = p.with_day(1)?;
        let month = match self.marker_after(t.end) {
            Marker::Past if d > p.day() => first.checked_sub_months(Months::new(1))?,
            Marker::Past | Marker::This => first,
            Marker::None => return None,
        };
        let date = month.with_day(d)?;
        let point = Point { year: Some(date.year()), month: Some(date.month()), day: Some(d) };
        let mut a = Atom::new(t.start..t.end, point, AtomKind::Relative);
        a.written = (None, Some(d));
        Some((a, i + 1))
    }

    /// A bare weekday name (พุธ) before day token `i`, with an optional ที่.
    fn bare_weekday(&self, i: usize) -> Option<(u32, usize)> {
        let (from, gap) = self.gap_before(i);
        let words = self.words.trailing(gap);
        let mut it = words.iter().peekable();
        if matches!(it.peek(), Some((Role::The, _))) {
            it.next();
        }
        match it.next() {
            Some(&(Role::Weekday(wd), pos)) => Some((wd, from + pos)),
            _ => None,
        }
    }

    /// นี้ or ที่ผ่านมา right after `end`.
    fn marker_after(&self, end: usize) -> Marker {
        match self.words.first(&self.text[end..]) {
            Some((Role::This, _)) => Marker::This,
            Some((Role::Past, _)) => Marker::Past,
            _ => Marker::None,
        }
    }

    /// `เวลา 09.30 น.` or `เวลา 09.00-12.00 น.` after the atom, starting at
    /// token `next`: fills `time`, extends the span, returns the index after.
    fn attach_time(&self, atom: &mut Atom, next: usize) -> usize {
        let Some(t) = self.tok(next) else { return next };
        let gap = &self.text[atom.span.end..t.start];
        let roles = self.words.whole(gap);
        let roles = match roles.as_deref() {
            Some([Role::This | Role::Past, rest @ ..]) => rest,
            Some(all) => all,
            None => return next,
        };
        if !matches!(roles, [Role::Time] | [Role::Time, Role::About]) {
            return next;
        }
        let Some(from) = time_of(self.text, t) else { return next };
        let mut last = next;
        let mut time = from;
        if let Some(u) = self.tok(next + 1) {
            if self.gap_is(next, &[Role::To], Some(Role::To)) {
                if let Some(to) = time_of(self.text, u) {
                    time = format!("{time}-{to}");
                    last = next + 1;
                }
            }
        }
        let after = self.toks[last].end;
        match self.words.first(&self.text[after..]) {
            Some((Role::TimeSuffix, end)) => {
                atom.time = Some(time);
                atom.span.end = after + end;
                last + 1
            }
            _ => next,
        }
    }

    /// `ถึงปัจจุบัน` / `จนถึงปัจจุบัน` after the atom: an open range.
    fn open_end(&self, atom: &mut Atom) {
        let words = self.words.leading(&self.text[atom.span.end..]);
        let mut to = false;
        for (role, end) in words {
            match role {
                Role::To => to = true,
                Role::Present if to => {
                    atom.open = true;
                    atom.span.end += end;
                    atom.core.end = atom.span.end;
                    return;
                }
                _ => return,
            }
        }
    }

    /// `month`: `month [- month] [year]`, a month without a year only after
    /// เดือน, before นี้ / ที่ผ่านมา, or in a range of full names.
    fn parse_month(&self, i: usize) -> Option<(Atom, usize)> {
        let (m1, abbr1) = self.is_month(i)?;
        let start = self.toks[i].start;
        let after_month_word = matches!(self.words.trailing(self.gap_before(i).1).first(), Some((Role::MonthWord, _)));
        if let Some((m2, abbr2)) = self.is_month(i + 1) {
            if self.gap_is(i, &[Role::To, Role::MonthWord], Some(Role::To)) {
                let mut atom = Atom::new(
                    start..self.toks[i + 1].end,
                    Point { year: None, month: Some(m1), day: None },
                    AtomKind::Calendar,
                );
                let mut end = Point { year: None, month: Some(m2), day: None };
                let mut next = i + 2;
                if let Some((year, era, after, span_end)) = self.year_after(i + 1, m2) {
                    end.year = Some(year);
                    atom.start.year = Some(if m1 > m2 { year - 1 } else { year });
                    atom.era = Some(era);
                    atom.span.end = span_end;
                    atom.core.end = span_end;
                    next = after;
                } else if (abbr1 || abbr2) && !after_month_word {
                    return None;
                } else {
                    atom.marker = self.marker_after(atom.span.end);
                }
                atom.end = Some(end);
                self.open_end(&mut atom);
                return Some((atom, next));
            }
        }
        let mut atom =
            Atom::new(start..self.toks[i].end, Point { year: None, month: Some(m1), day: None }, AtomKind::Calendar);
        let mut next = i + 1;
        if let Some((year, era, after, span_end)) = self.year_after(i, m1) {
            atom.start.year = Some(year);
            atom.era = Some(era);
            atom.span.end = span_end;
            atom.core.end = span_end;
            next = after;
        } else {
            atom.marker = self.marker_after(atom.span.end);
            if !after_month_word && atom.marker == Marker::None {
                return None;
            }
        }
        self.open_end(&mut atom);
        Some((atom, next))
    }

    /// `year`: a year after ปี, พ.ศ., ค.ศ. or ปีงบประมาณ; crop years
    /// (`ปี 2562/63`), ranges (`ปี 2564-2566`), fiscal years, lists
    /// (`ปี 2560 และ 2561`).
    fn parse_year(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let (from, gap) = self.gap_before(i);
        // Nearest first: an optional era, then one year word (`ปีงบประมาณ พ.ศ.`).
        let mut cues: Vec<(Role, usize)> = Vec::new();
        for (role, pos) in self.words.trailing(gap) {
            match role {
                Role::Be | Role::Ce if cues.is_empty() => cues.push((role, pos)),
                Role::Year | Role::Fiscal => {
                    cues.push((role, pos));
                    break;
                }
                _ => break,
            }
        }
        if cues.is_empty() {
            if let Some(r) = self.parse_bare_year_range(i) {
                return Some(r);
            }
        }
        let (named, fiscal, start) = if let Some(&(_, far)) = cues.last() {
            let named = cues.iter().find_map(|(r, _)| match r {
                Role::Be => Some(Era::Be),
                Role::Ce => Some(Era::Ce),
                _ => None,
            });
            // `8 ปี 12 เดือน`: ปี after a number is a duration.
            if named.is_none() && gap[..far].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            // พ.ศ. inside a longer abbreviation (ก.ค.ศ.) is not an era.
            if gap[..far].ends_with(|c: char| is_thai_letter(c) || c == '.') && cues.len() == 1 && named.is_some() {
                return None;
            }
            (named, cues.iter().any(|(r, _)| *r == Role::Fiscal), from + far)
        } else {
            // A year in a list: `ปี 2560 และ 2561`.
            let prev = self.atoms.last()?;
            let listed = prev.kind == AtomKind::Calendar
                && prev.start.month.is_none()
                && prev.end.is_none()
                && prev.era.is_some()
                && prev.span.end <= t.start;
            if !listed || self.words.whole(&self.text[prev.span.end..t.start]).as_deref() != Some(&[Role::And][..]) {
                return None;
            }
            (prev.era, false, t.start)
        };
        let s = &self.text[t.start..t.end];
        let mut next = i + 1;
        let mut atom;
        if let Some((a, b)) = s.split_once('/') {
            // A crop year: `2562/63`, `2559/2560`, `61/62`.
            let ta = Token { start: t.start, end: t.start + a.len(), kind: Kind::Num };
            let (ya, era) = self.read_year(&ta, named, true)?;
            let bv: i32 = b.parse().ok().filter(|_| b.len() == 2 || b.len() == 4)?;
            let yb = if b.len() == 2 { ya - ya.rem_euclid(100) + bv } else { bv };
            if yb != ya + 1 {
                return None;
            }
            let ce = |y| calendar::year_ce(y, era, None);
            atom = Atom::new(start..t.end, Point { year: ce(ya), month: None, day: None }, AtomKind::Span);
            atom.end = Some(Point { year: ce(yb), month: None, day: None });
            atom.era = Some(era);
        } else {
            let (y, era) = self.read_year(&t, named, named.is_some())?;
            let ce = calendar::year_ce(y, era, None)?;
            atom = Atom::new(start..t.end, Point { year: Some(ce), month: None, day: None }, AtomKind::Calendar);
            atom.era = Some(era);
            // A range of years: `2564-2566`, `60 –64`, `พ.ศ.2562 - 2565`.
            if let Some(u) = self.tok(i + 1) {
                if self.gap_is(i, &[Role::To, Role::Year, Role::Be, Role::Ce], Some(Role::To)) {
                    let len = plain(self.text, &t).map_or(0, |p| p.1);
                    // `2564-2566`, `60 -64`, and `2566-67` (the end in two digits).
                    let end = plain(self.text, u).filter(|p| p.1 == len || p.1 == 2).and_then(|(v, l)| {
                        let y2 = if l == 2 { y - y.rem_euclid(100) + v } else { v };
                        (y2 > y && y2 - y <= 50).then_some(y2)
                    });
                    if let Some(y2) = end {
                        atom.end = Some(Point { year: calendar::year_ce(y2, era, None), ..atom.start });
                        atom.span.end = u.end;
                        atom.core.end = u.end;
                        atom.kind = AtomKind::Span;
                        next = i + 2;
                    }
                }
            }
            if fiscal {
                // Thai fiscal year: 1 October of the previous year to 30 September.
                let last = atom.end.unwrap_or(atom.start).year?;
                atom.start = Point { year: Some(ce - 1), month: Some(10), day: None };
                atom.end = Some(Point { year: Some(last), month: Some(9), day: None });
                atom.kind = AtomKind::Span;
            }
        }
        // The mention starts at the era marker or the year, not at ปี.
        atom.core.start = match cues.first() {
            Some(&(Role::Be | Role::Ce, pos)) => from + pos,
            _ => t.start,
        };
        self.open_end(&mut atom);
        Some((atom, next))
    }

    /// A range of bare BE years, which says by itself that it is years:
    /// in parentheses (`แผน 5 ปี (2566-2570)`) or after ตั้งแต่ / ระหว่าง /
    /// ช่วง (`ช่วง 2563-2565`); both ends BE years ([`thai::BE_YEARS`]), at most 30 years apart.
    fn parse_bare_year_range(&self, i: usize) -> Option<(Atom, usize)> {
        let (a, b) = (self.toks[i], *self.tok(i + 1)?);
        let (y1, y2) = match (plain(self.text, &a)?, plain(self.text, &b)?) {
            ((y1, 4), (y2, 4))
                if thai::BE_YEARS.contains(&y1) && thai::BE_YEARS.contains(&y2) && y1 < y2 && y2 - y1 <= 30 =>
            {
                (y1, y2)
            }
            _ => return None,
        };
        if !self.gap_is(i, &[Role::To], Some(Role::To)) {
            return None;
        }
        let before = self.gap_before(i).1;
        let parenthesised = before.ends_with('(') && self.text[b.end..].starts_with(')');
        let after_from = matches!(self.words.trailing(before).first(), Some((Role::From, _)));
        if !parenthesised && !after_from {
            return None;
        }
        let ce = |y| calendar::year_ce(y, Era::Be, None);
        let mut atom = Atom::new(a.start..b.end, Point { year: ce(y1), month: None, day: None }, AtomKind::Span);
        atom.end = Some(Point { year: ce(y2), month: None, day: None });
        atom.era = Some(Era::Be);
        Some((atom, i + 2))
    }

    /// A numeric date `14/02/2567` (not after ที่, which makes it a number).
    fn parse_numeric(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let s = &self.text[t.start..t.end];
        let mut parts = s.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        if matches!(self.words.trailing(self.gap_before(i).1).first(), Some((Role::The, _))) {
            return None;
        }
        let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        let era = calendar::bare_year_era(y)?;
        let point = Point { year: Some(calendar::year_ce(y, era, Some(m))?), month: Some(m), day: Some(d) };
        point.date()?;
        let mut atom = Atom::new(t.start..t.end, point, AtomKind::Calendar);
        atom.era = Some(era);
        let next = self.attach_time(&mut atom, i + 1);
        Some((atom, next))
    }

    /// วันนี้, เมื่อวาน, ปีหน้า ...: only with a publication date, and not
    /// after a number (`3 ปีหน้า` is not a date).
    fn parse_relative(&self, i: usize, unit: Unit, offset: i32) -> Option<(Atom, usize)> {
        if i > 0 && self.toks[i - 1].kind == Kind::Num && self.gap(i - 1).trim_matches(' ').is_empty() {
            return None;
        }
        let t = self.toks[i];
        let Some(p) = self.published else {
            return Some((Atom::unresolved(t.start..t.end, Some((unit, offset))), i + 1));
        };
        let point = |d: NaiveDate| Point { year: Some(d.year()), month: Some(d.month()), day: Some(d.day()) };
        let mut atom = match unit {
            Unit::Day => Atom::new(t.start..t.end, point(add_days(p, i64::from(offset))?), AtomKind::Relative),
            Unit::Week => {
                let monday = add_days(p, -i64::from(p.weekday().num_days_from_monday()) + 7 * i64::from(offset))?;
                let mut a = Atom::new(t.start..t.end, point(monday), AtomKind::Relative);
                a.end = Some(point(add_days(monday, 6)?));
                a
            }
            Unit::Month => {
                let first = p.with_day(1)?;
                let d = if offset >= 0 {
                    first.checked_add_months(Months::new(offset.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(offset.unsigned_abs()))?
                };
                Atom::new(t.start..t.end, Point { day: None, ..point(d) }, AtomKind::Relative)
            }
            Unit::Year => Atom::new(
                t.start..t.end,
                Point { year: Some(p.year() + offset), month: None, day: None },
                AtomKind::Relative,
            ),
        };
        atom.era = None;
        atom.offset = Some((unit, offset));
        atom.written = (None, None);
        Some((atom, i + 1))
    }

    /// `เมื่อวันจันทร์ที่ผ่านมา` (the latest Monday before publication),
    /// `วันจันทร์นี้` (the next one from publication), `วันจันทร์หน้า` (the
    /// one of next week). Only with a publication date.
    fn parse_relative_weekday(&self, i: usize, wd: u32) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let (role, end) = self.words.first(&self.text[t.end..])?;
        let Some(p) = self.published else {
            if !matches!(role, Role::Past | Role::This | Role::Next) {
                return None;
            }
            let span_end = if role == Role::Past { t.end + end } else { t.end };
            let mut a = Atom::unresolved(t.start..span_end, None);
            a.weekday = Some(wd);
            return Some((a, i + 1));
        };
        let today = p.weekday().number_from_monday() as i64;
        let wd = i64::from(wd);
        let date = match role {
            Role::Past => add_days(p, -((today - wd - 1).rem_euclid(7) + 1))?,
            Role::This => add_days(p, (wd - today).rem_euclid(7))?,
            Role::Next => add_days(p, 7 - today + wd)?,
            _ => return None,
        };
        let point = Point { year: Some(date.year()), month: Some(date.month()), day: Some(date.day()) };
        let span_end = if role == Role::Past { t.end + end } else { t.end };
        let mut a = Atom::new(t.start..span_end, point, AtomKind::Relative);
        a.written = (None, None);
        Some((a, i + 1))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

// ---------------------------------------------------------------------------
// Ranges and year inference.

/// Joins `a ถึง b`, `a - b`, `a จนถึงวันที่ b` into one range: the first
/// takes its year from the second when it has none, and the other way round.
fn join_ranges(text: &str, atoms: Vec<Atom>, words: &DateWords) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    for a in atoms {
        if let Some(prev) = out.last_mut() {
            let joinable = prev.kind == AtomKind::Calendar
                && a.kind == AtomKind::Calendar
                && prev.end.is_none()
                && !prev.open
                && prev.time.is_none()
                && prev.span.end <= a.span.start;
            if joinable {
                let gap = &text[prev.span.end..a.span.start];
                let to = words.whole(gap).is_some_and(|roles| {
                    roles.contains(&Role::To)
                        && roles.iter().all(|r| matches!(r, Role::To | Role::Day | Role::MonthWord))
                });
                if to {
                    let mut start = prev.start;
                    let mut end = a.end.unwrap_or(a.start);
                    match (start.year, end.year) {
                        (None, Some(y)) => {
                            start.year = Some(if start.first_key() > end.first_key() { y - 1 } else { y })
                        }
                        (Some(y), None) => end.year = Some(if end.first_key() < start.first_key() { y + 1 } else { y }),
                        _ => {}
                    }
                    let ordered = match (start.year, end.year) {
                        (Some(y1), Some(y2)) => (y1, start.first_key()) <= (y2, end.last_key()),
                        _ => start.first_key() <= end.last_key(),
                    };
                    if ordered {
                        prev.start = start;
                        prev.end = Some(end);
                        prev.span.end = a.span.end;
                        prev.core.end = a.core.end;
                        prev.open = a.open;
                        prev.era = prev.era.or(a.era);
                        prev.marker = if prev.marker == Marker::None { a.marker } else { prev.marker };
                        prev.time = a.time;
                        continue;
                    }
                }
            }
        }
        out.push(a);
    }
    out
}

/// How far (in bytes of normalized text, about 40 Thai characters) a year
/// written before a year-less date still gives it its year
/// (`สำหรับปี 2562 ตั้งแต่วันที่ 1 มกราคม`).
const NEAR_YEAR: usize = 120;

/// Gives year-less atoms their year (see the module docs), drops what
/// cannot be dated, and formats the values.
fn resolve(text: &str, atoms: Vec<Atom>, anchor: Option<(NaiveDate, Anchor)>) -> Vec<RawDate> {
    let published = anchor.map(|a| a.0);
    let mut out = Vec::with_capacity(atoms.len());
    // The latest atom that gives a year: (end of its span, year).
    let mut last_year: Option<(usize, i32)> = None;
    let mut last_full: Option<NaiveDate> = None;
    for mut a in atoms {
        let needs_year = a.start.year.is_none() || a.end.is_some_and(|e| e.year.is_none());
        let mut anchored = a.kind == AtomKind::Relative && a.start.year.is_some();
        if a.kind == AtomKind::Relative && a.start.year.is_none() {
            out.extend(to_raw(a, None));
            continue;
        }
        if needs_year {
            let near = last_year
                .filter(|&(end, _)| {
                    end <= a.span.start && a.span.start - end <= NEAR_YEAR && !text[end..a.span.start].contains('\n')
                })
                .map(|l| l.1);
            let Some((y, from_anchor)) = infer_year(&a, near, last_full, published) else {
                out.extend(to_raw(a, None));
                continue;
            };
            anchored = from_anchor;
            a.start.year = Some(y);
            if let Some(e) = &mut a.end {
                e.year = Some(if e.first_key() < a.start.first_key() { y + 1 } else { y });
            }
            a.era = None;
        } else if a.kind == AtomKind::Calendar && a.era.is_some() {
            let anchor = a.end.unwrap_or(a.start);
            if let Some(d) = anchor.date() {
                last_full = Some(d);
            }
            if let Some(y) = anchor.year {
                last_year = Some((a.span.end, y));
            }
        }
        out.extend(to_raw(a, anchor.filter(|_| anchored).map(|a| a.1)));
    }
    out
}

/// The year of a year-less atom: see the module docs.
fn infer_year(
    a: &Atom,
    near_year: Option<i32>,
    last_full: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Option<(i32, bool)> {
    let not_after = |reference: NaiveDate| {
        let y = reference.year();
        if a.start.first_key() > (reference.month(), reference.day()) {
            y - 1
        } else {
            y
        }
    };
    let (y, anchored) = match (a.marker, published) {
        // นี้ and ที่ผ่านมา speak from the day of writing.
        (Marker::Past, Some(p)) => (not_after(p), true),
        (Marker::This, Some(p)) => (p.year(), true),
        _ => match (near_year, last_full, published) {
            (Some(y), _, _) => (y, false),
            (None, Some(d), _) if a.marker == Marker::Past => (not_after(d), false),
            (None, Some(d), _) => (d.year(), false),
            (None, None, Some(p)) => (nearest_to(a.start, p), true),
            (None, None, None) => return None,
        },
    };
    // A weekday written with the date decides between neighbouring years.
    if let (Some(wd), Some(m), Some(d), Marker::None) = (a.weekday, a.start.month, a.start.day, a.marker) {
        let fits = |y: i32| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|x| x.weekday().number_from_monday() == wd);
        if !fits(y) {
            if let Some(alt) = [y - 1, y + 1].into_iter().find(|&y| fits(y)) {
                return Some((alt, anchored));
            }
        }
    }
    Some((y, anchored))
}

/// The year that puts the day or month `p` nearest to `published`, a day
/// after publication counting four times a day before it: news mostly
/// reports what has happened, but `ครม. 30 ม.ค.` in an article of 29 January
/// is the next day, not eleven months before.
fn nearest_to(p: Point, published: NaiveDate) -> i32 {
    let y = published.year();
    let (m, d) = (p.month.unwrap_or(7), p.day.unwrap_or(15));
    let cost = |y: i32| {
        let Some(x) = NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28)) else {
            return i64::MAX;
        };
        let days = (x - published).num_days();
        if days > 0 {
            4 * days
        } else {
            -days
        }
    };
    [y, y - 1, y + 1].into_iter().min_by_key(|&y| cost(y)).unwrap_or(y)
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `None` for a day that does not exist.
fn format(p: Point) -> Option<(String, Precision)> {
    let y = p.year?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    match (p.month, p.day) {
        (Some(_), Some(_)) => {
            // What `%Y-%m-%d` gives for years of four digits, without parsing a format string.
            let d = p.date()?;
            Some((format!("{y:04}-{:02}-{:02}", d.month(), d.day()), Precision::Day))
        }
        (Some(m), None) if (1..=12).contains(&m) => Some((format!("{y:04}-{m:02}"), Precision::Month)),
        (None, _) => Some((format!("{y:04}"), Precision::Year)),
        _ => None,
    }
}

/// The precision of a mention left without a year: that of its parts, or
/// of its relative unit.
fn unresolved_precision(a: &Atom) -> Precision {
    match (a.offset, a.start.month, a.start.day) {
        (Some((Unit::Month, _)), _, _) => Precision::Month,
        (Some((Unit::Year, _)), _, _) => Precision::Year,
        (Some(_), _, _) | (None, _, Some(_)) => Precision::Day,
        (None, Some(_), None) => Precision::Month,
        // A weekday (`วันจันทร์ที่ผ่านมา`).
        (None, None, None) => Precision::Day,
    }
}

fn to_raw(a: Atom, anchor: Option<Anchor>) -> Option<RawDate> {
    let (value, precision, end_value, anchor) = if a.start.year.is_none() {
        (None, unresolved_precision(&a), None, None)
    } else {
        let (value, precision) = format(a.start)?;
        let end_value = match (a.end, a.open) {
            (_, true) => None,
            (Some(e), false) => Some(format(e)?.0),
            (None, false) => None,
        };
        (Some(value), precision, end_value, anchor)
    };
    let weekday_mismatch = match (a.weekday, a.start.date()) {
        (Some(wd), Some(d)) => d.weekday().number_from_monday() != wd,
        _ => false,
    };
    let offset = a.offset.map(|(unit, count)| DateOffset {
        unit: match unit {
            Unit::Day => DateUnit::Day,
            Unit::Week => DateUnit::Week,
            Unit::Month => DateUnit::Month,
            Unit::Year => DateUnit::Year,
        },
        count,
    });
    Some(RawDate {
        span: a.core,
        claim: a.span,
        value,
        end_value,
        precision,
        era: a.era,
        time: a.time,
        weekday_mismatch,
        month: a.written.0,
        day: a.written.1,
        offset,
        anchor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn numbers_are_the_regex_matches(text in "[0-9,.:/ a]{0,24}") {
            let regex = regex::Regex::new(r"[0-9]+(?:,[0-9]{3})*(?:[.:][0-9]+)?(?:/[0-9]+){0,2}").unwrap();
            let want: Vec<Span> = regex.find_iter(&text).map(|m| m.range()).collect();
            proptest::prop_assert_eq!(numbers(&text).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn date_words_load() {
        let w = DateWords::load("date_words.tsv", include_str!("date_words.tsv")).unwrap();
        assert!(w.words.iter().any(|w| w.role == Role::Year));
        assert!(w.words.iter().filter(|w| matches!(w.role, Role::Month(_))).count() >= 12);
    }

    #[test]
    fn date_words_errors_name_file_and_line() {
        let cases: &[(&str, &str)] = &[
            ("ปี\tyear\t1\n", "d.tsv:1: column 3 is \"1\", expected - for a role without a value"),
            ("ปี\tyears\t-\n", "d.tsv:1: column 2 is \"years\", expected a role of date_words.tsv (see its header)"),
            ("# c\nมค\tmonth\t13\n", "d.tsv:2: column 3 is \"13\", expected a month number from 1 to 12"),
            (
                "พุธ\tweekday\t8\n",
                "d.tsv:1: column 3 is \"8\", expected an ISO weekday number from 1 (Monday) to 7 (Sunday)",
            ),
            ("ปี\tyear\n", "d.tsv:1: expected 3 tab-separated columns, found 2"),
        ];
        for (text, want) in cases {
            assert_eq!(DateWords::load("d.tsv", text).unwrap_err().to_string(), *want, "{text:?}");
        }
    }

    /// (text, value) of every date in `text`, without a publication date.
    /// Resolved dates only.
    fn dates(text: &str) -> Vec<(String, String)> {
        let facts = crate::Extractor::default().extract(text);
        facts.dates.into_iter().filter_map(|d| Some((d.text, d.value?))).collect()
    }

    #[test]
    fn without_publication_date() {
        // Year-less days and relative words need an anchor; without one they
        // are reported with their parts and no value.
        let facts = crate::Extractor::default().extract("เมื่อวันที่ 5 มี.ค. ที่ประชุม");
        let d = &facts.dates[0];
        assert_eq!((d.text.as_str(), d.value.as_deref(), d.month, d.day), ("5 มี.ค.", None, Some(3), Some(5)));
        assert_eq!((d.precision, d.anchor), (Precision::Day, None));
        let facts = crate::Extractor::default().extract("วันนี้ เมื่อวาน ปีหน้า เมื่อวันจันทร์ที่ผ่านมา สัปดาห์หน้า");
        let got: Vec<_> = facts.dates.iter().map(|d| (d.text.as_str(), d.value.is_none(), d.offset)).collect();
        let off = |unit, count| Some(DateOffset { unit, count });
        assert_eq!(
            got,
            [
                ("วันนี้", true, off(DateUnit::Day, 0)),
                ("เมื่อวาน", true, off(DateUnit::Day, -1)),
                ("ปีหน้า", true, off(DateUnit::Year, 1)),
                ("วันจันทร์ที่ผ่านมา", true, None),
                ("สัปดาห์หน้า", true, off(DateUnit::Week, 1)),
            ]
        );
        assert!(dates("วันนี้ เมื่อวาน ปีหน้า").is_empty());
        // ...unless the article gives the year.
        assert_eq!(
            dates("วันที่ 29 มกราคม 2561 ครม. 30 ม.ค. นี้"),
            [("29 มกราคม 2561".into(), "2018-01-29".into()), ("30 ม.ค.".into(), "2018-01-30".into())]
        );
        // A two-digit year needs the month right before it, or a publication date.
        assert_eq!(dates("วันที่ 28 ก.พ. 61"), [("28 ก.พ. 61".into(), "2018-02-28".into())]);
        assert_eq!(dates("ภายใน มีนาคม 63"), Vec::<(String, String)>::new());
        assert_eq!(dates("ในปี 2564"), [("2564".into(), "2021".into())]);
    }

    #[test]
    fn spans_are_the_date_proper() {
        // The span runs from the day, month, era marker or year to the year
        // or the end of a range; a weekday, ปี and a time are left out
        // (the time is in `time`), and none of them is read as a number.
        for (text, want) in [
            ("ณ 14 ก.พ. 2567 เวลา 10.00 น. โดย", "14 ก.พ. 2567"),
            ("เวลา 10.00 น. ของวันที่ 14 ก.พ. 2567 โดย", "14 ก.พ. 2567"),
            ("ในวันพุธที่ 14 ก.พ. 2567 โดย", "14 ก.พ. 2567"),
            ("ตั้งแต่ปี ๒๕๖๔ จนถึงปัจจุบัน พบ", "๒๕๖๔ จนถึงปัจจุบัน"),
            ("ปีงบประมาณ พ.ศ.2560 ขอให้", "พ.ศ.2560"),
            ("ในปี 2564-2566 ขอให้", "2564-2566"),
            ("(๑ ตุลาคม ๒๕๖๐ - ๓๑ กรกฎาคม ๒๕๖๑)", "๑ ตุลาคม ๒๕๖๐ - ๓๑ กรกฎาคม ๒๕๖๑"),
        ] {
            let facts = crate::extract(text);
            assert_eq!(facts.dates.len(), 1, "{text}");
            assert!(facts.numbers.is_empty(), "{text}: {:?}", facts.numbers);
            let d = &facts.dates[0];
            assert_eq!(&text[d.start..d.end], want);
        }
        let facts = crate::extract("ณ 14 ก.พ. 2567 เวลา 10.00 น. โดย");
        assert_eq!(facts.dates[0].time.as_deref(), Some("10:00"));
    }

    #[test]
    fn the_day_that_never_existed_is_not_reported() {
        // 1 January 2483 BE: the year 2483 began on 1 April (see calendar.rs).
        assert!(dates("1 มกราคม 2483").is_empty());
        let published = NaiveDate::from_ymd_opt(2024, 2, 14);
        assert!(crate::Extractor::default().extract_with("1 มกราคม 2483", published).dates.is_empty());
        assert_eq!(dates("1 เมษายน 2483"), [("1 เมษายน 2483".into(), "1940-04-01".into())]);
    }

    #[test]
    fn words_around_a_token() {
        let w = &*DATE_WORDS;
        assert_eq!(w.last("ในปี ").map(|x| x.0), Some(Role::Year));
        assert_eq!(w.last("ปีงบประมาณ ").map(|x| x.0), Some(Role::Fiscal));
        assert_eq!(w.trailing("ปีงบประมาณ พ.ศ.").iter().map(|x| x.0).collect::<Vec<_>>(), [Role::Be, Role::Fiscal]);
        assert_eq!(w.whole(" จนถึงวันที่ "), Some(vec![Role::To, Role::Day]));
        assert_eq!(w.whole(" ซึ่ง "), None);
        assert_eq!(w.first("ที่ผ่านมา").map(|x| x.0), Some(Role::Past));
        assert_eq!(w.first("ที่ 5").map(|x| x.0), Some(Role::The));
    }
}
