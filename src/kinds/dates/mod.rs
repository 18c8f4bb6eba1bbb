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

mod parser;
mod resolve;
#[cfg(test)]
mod tests;
mod tokens;
mod words;
mod years;

use std::ops::Range;

use chrono::NaiveDate;

use super::{Doc, Span};
use crate::facts::{Anchor, DateOffset, Era, Precision};
use resolve::{join_ranges, resolve};
use tokens::{tokenize, Kind, Token, Unit};
use words::{DateWords, Role, DATE_WORDS};

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
    extract_with(doc, &crate::thai::digit_runs(doc.text().as_bytes()))
}

/// [`extract`], given the text's [`crate::thai::digit_runs`].
pub(crate) fn extract_with(doc: &Doc<'_>, digit_runs: &[Span]) -> Vec<RawDate> {
    let text = doc.text();
    let toks = tokenize(doc, digit_runs);
    let anchor = doc.published.map(|p| (p, Anchor::Published));
    if anchor.is_some() {
        return resolve(text, parse(text, &toks, anchor), anchor);
    }
    // The date line is the first atom once ranges are joined, and a range
    // joins the first atom to the second at most: two atoms tell it. With
    // one, the text is parsed again against it; without, the parse goes on.
    let mut p = Parser::new(text, &toks, None);
    let mut i = 0;
    p.run(&mut i, 2);
    if let Some(d) = dateline(text, &join_ranges(text, p.atoms.clone(), &DATE_WORDS)) {
        return resolve(text, parse(text, &toks, Some((d, Anchor::Dateline))), Some((d, Anchor::Dateline)));
    }
    p.run(&mut i, usize::MAX);
    resolve(text, join_ranges(text, p.atoms, &DATE_WORDS), None)
}

/// The one full date `input` writes (`14 ก.พ. 2567`,
/// `วันพุธที่ 14 กุมภาพันธ์ 2567`, `14/02/2567`): a single mention with
/// day, month and year, no range, and nothing around it but spaces and date
/// words. For a publication date given as Thai text
/// ([`crate::parse_published`]).
pub(crate) fn single_day(input: &str) -> Option<NaiveDate> {
    // A date and its words are short; a long text is no publication date.
    if input.len() > 200 {
        return None;
    }
    let norm = crate::normalize::normalize(input);
    let lexicons = super::shipped_lexicons();
    let scan = lexicons.scan(norm.text());
    let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
    let text = doc.text();
    let dates = extract(&doc);
    let [d] = dates.as_slice() else { return None };
    if d.precision != Precision::Day || d.end_value.is_some() || d.anchor.is_some() {
        return None;
    }
    let bare = |s: &str| {
        let s = s.trim();
        s.is_empty() || DATE_WORDS.whole(s).is_some()
    };
    if !bare(&text[..d.claim.start]) || !bare(&text[d.claim.end..]) {
        return None;
    }
    NaiveDate::parse_from_str(d.value.as_deref()?, "%Y-%m-%d").ok()
}

/// The atoms of `toks`, ranges joined, read against `anchor`.
fn parse(text: &str, toks: &[Token], anchor: Option<(NaiveDate, Anchor)>) -> Vec<Atom> {
    let mut p = Parser::new(text, toks, anchor.map(|a| a.0));
    p.run(&mut 0, usize::MAX);
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
    if t.kind != Kind::Num || s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Four digits at most: what `s.parse()` gives, without its checks.
    Some((s.bytes().fold(0, |v, b| v * 10 + i32::from(b - b'0')), s.len()))
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

/// The parser over the tokens of one text (`parser.rs`, `years.rs`).
struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    published: Option<NaiveDate>,
    words: &'a DateWords,
    atoms: Vec<Atom>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, toks: &'a [Token], published: Option<NaiveDate>) -> Parser<'a> {
        Parser { text, toks, published, words: &DATE_WORDS, atoms: Vec::new() }
    }

    /// Parses from token `*i` on until `limit` atoms are read or the tokens
    /// end, leaving `*i` where it stopped: the atoms read so far are only
    /// what came before, so a parse stopped and taken up again reads what
    /// one parse would.
    fn run(&mut self, i: &mut usize, limit: usize) {
        while *i < self.toks.len() && self.atoms.len() < limit {
            match self.parse_at(*i) {
                Some((atom, next)) => {
                    self.atoms.push(atom);
                    *i = next.max(*i + 1);
                }
                None => *i += 1,
            }
        }
    }
}
