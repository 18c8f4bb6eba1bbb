//! People: titled names, the positions written next to them, and what they
//! are reported to have said.
//!
//! Third stage of the pipeline (normalize → scan → **extract** → link →
//! facts). Takes the scanned document (title hits from `titles.txt`,
//! position heads from `positions.txt`) and returns one [`RawPerson`] per
//! mention, in text order, with spans in normalized-text coordinates;
//! [`crate::link`] groups mentions into people.
//!
//! # How a mention is read
//!
//! - **Title.** A title hit (stacked titles such as `รศ.ดร.` or
//!   `พันตำรวจเอกนายแพทย์` are consecutive hits) must start a word: at the
//!   start of the text, after a space or an opening mark, or glued after a
//!   function word (`โดยนาย...`). Titles of five characters or more
//!   (`พลตำรวจเอก`) may stand anywhere. A title that begins an ordinary
//!   word (`นายจ้าง`, `พระราชบัญญัติ`, `คุณภาพ`; class `not_name` in
//!   `people_words.tsv`) is not a title.
//! - **Name.** The given name runs from the end of the title (or after one
//!   space: `พลเอก ธนพล`) to the first space. The family name is the
//!   next space-delimited word unless that word starts with a position, a
//!   verb of speech or a function word. Where a name runs into the following
//!   text without a space (`นายอนุทินกล่าวว่า`), it ends where a word of the
//!   `people_words.tsv` list (speech, stop, link) or a position head starts
//!   at a Thai character-cluster boundary. This is a dictionary-based cut
//!   local to the candidate: names are mostly out of any dictionary, so the
//!   words that *follow* a name are the dictionary that finds its end.
//! - **Positions.** A position head (with its prefixes รอง, ผู้ช่วย,
//!   รักษาการ, ...) right after the name, or right before the titled name,
//!   is attached with whatever is glued to it (`นายกเทศมนตรีนครขอนแก่น`).
//!   Positions joined by และ or `/` are split; a chain of positions
//!   separated by spaces is read one after another.
//! - **Statements.** A verb of speech after the name and positions
//!   (`กล่าวว่า`, `เปิดเผยว่า`) starts a statement: the rest of the line
//!   after ว่า.
//! - **Credits.** Writers and photographers credited at the end of an
//!   article (`Written by ชื่อ สกุล`, `ชื่อ สกุล – ข่าว/`) are people
//!   without a title.
//! - **Later mentions.** A full name found with a title is also found where
//!   it is written again without one.
//!
//! Cost: one pass over the title hits; every look-around is local to the
//! candidate (a word or two), so the whole is linear in the text.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// The longest statement kept, in bytes (about 1,000 Thai characters).
const MAX_STATEMENT: usize = 3000;

use super::{shared, Doc, Span};
use crate::lexicon::{self, Category, Found, Hit};
use crate::matcher::trie::Trie;
use crate::thai::{cluster_ends, cluster_starts, is_following_mark as is_mark, is_thai_letter};

/// One mention of a person in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawPerson {
    /// The whole mention (title and name).
    pub span: Span,
    pub title: Option<String>,
    pub given: String,
    pub family: Option<String>,
    pub positions: Vec<String>,
    pub statement: Option<Span>,
}

/// What a word of `people_words.tsv` does around a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Speech,
    Stop,
    Link,
    Word,
    Prefix,
    PositionTail,
    NotName,
    NotGiven,
    TitlePosition,
    CreditBefore,
    CreditAfter,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "speech" => Class::Speech,
            "stop" => Class::Stop,
            "link" => Class::Link,
            "word" => Class::Word,
            "prefix" => Class::Prefix,
            "position_tail" => Class::PositionTail,
            "not_name" => Class::NotName,
            "not_given" => Class::NotGiven,
            "title_position" => Class::TitlePosition,
            "credit_before" => Class::CreditBefore,
            "credit_after" => Class::CreditAfter,
            _ => return None,
        })
    }
}

const WORDS_FILE: &str = "people_words.tsv";
const WORDS_TEXT: &str = include_str!("people_words.tsv");

/// Titles that are also ordinary words (ท่าน "you", คุณ "you", พระ "monk,
/// sacred", อาจารย์ "lecturer", ครู "teacher"): a mention with one of them
/// needs a family name.
const WEAK_TITLES: &[&str] = &["ท่าน", "คุณ", "พระ", "หม่อม", "อาจารย์", "หลวงพ่อ", "หลวงปู่", "หลวงตา"];

/// The longest family name read, in characters.
const MAX_FAMILY: usize = 20;

/// The words of `people_words.tsv`, compiled once.
struct Words {
    /// Every word except the credit labels (group 0, IDs index `classes`),
    /// for the word at a position and the words inside a short range. A
    /// character trie of a few hundred words stays in cache, where a byte
    /// automaton missed cache on most steps.
    words: Trie,
    classes: Vec<Class>,
    /// The credit labels, found by the shared scan
    /// ([`crate::lexicon::Scan::credits`]; IDs index this list).
    credits: Vec<String>,
    credit_classes: Vec<Class>,
    /// Words after which a title may be glued (`โดยนาย`).
    glue_before: Vec<String>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    // Safe: the unit test `people_words_load` proves the shipped file parses.
    Words::build(WORDS_FILE, WORDS_TEXT).unwrap_or_else(|e| panic!("{e}"))
});

/// The credit labels (`Written by`, `ข่าว/`), for the shared scan: a
/// match's ID indexes this list.
pub(crate) fn credit_phrases() -> &'static [String] {
    &WORDS.credits
}

impl Words {
    fn build(file: &str, text: &str) -> Result<Words, String> {
        let entries = lexicon::parse(file, text, 2).map_err(|e| e.to_string())?;
        let (mut words, mut classes, mut credits, mut credit_classes, mut glue_before) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for e in &entries {
            let class = Class::parse(&e.columns[1])
                .ok_or_else(|| format!("{file}:{}: unknown class {:?}", e.line, e.columns[1]))?;
            match class {
                Class::CreditBefore | Class::CreditAfter => {
                    credits.push(e.phrase().to_string());
                    credit_classes.push(class);
                }
                _ => {
                    if matches!(class, Class::Speech | Class::Stop | Class::Link | Class::Word | Class::PositionTail) {
                        glue_before.push(e.phrase().to_string());
                    }
                    words.push(e.phrase().to_string());
                    classes.push(class);
                }
            }
        }
        Ok(Words { words: Trie::of_phrases(&words), classes, credits, credit_classes, glue_before })
    }

    /// The longest word starting exactly at `i`: its class and end.
    fn at(&self, text: &str, i: usize) -> Option<(Class, usize)> {
        self.words.longest_at(text, i, 0).map(|(id, end)| (self.classes[id as usize], end))
    }

    /// The words inside `range`, leftmost-longest and not overlapping (as an
    /// unanchored search of the range finds them: a longer word hides the
    /// words that start inside it): (class, start, end).
    fn inside<'t>(&'t self, text: &'t str, range: Span) -> impl Iterator<Item = (Class, usize, usize)> + 't {
        // A range ending inside a character ends before it.
        let mut end = range.end.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let within = &text[..end];
        let mut pos = range.start;
        std::iter::from_fn(move || {
            while pos < within.len() {
                if let Some((id, end)) = self.words.longest_at(within, pos, 0) {
                    let start = pos;
                    pos = end;
                    return Some((self.classes[id as usize], start, end));
                }
                // The next character (a word starts at a character boundary).
                pos += within.get(pos..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            }
            None
        })
    }

    /// The first word of one of `classes` inside `range` that starts at a
    /// cluster boundary and is not the start of a longer syllable.
    fn first_cut(&self, text: &str, range: Span, classes: &[Class]) -> Option<usize> {
        self.inside(text, range)
            .find(|&(class, start, end)| {
                classes.contains(&class) && boundary(text, start) && !starts_with_mark(&text[end..])
            })
            .map(|(_, start, _)| start)
    }
}

// Thai characters.

fn starts_with_mark(s: &str) -> bool {
    s.chars().next().is_some_and(is_mark)
}

/// Whether a word may start at byte `i` (a Thai character-cluster boundary).
fn boundary(text: &str, i: usize) -> bool {
    cluster_ends(text, i) && cluster_starts(text, i)
}

/// Characters that end a word besides whitespace.
fn is_break(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')' | '[' | ']' | '"' | '\'' | ',' | ';' | ':' | '/' | '!' | '?' | 'ฯ' | '–' | '—' | '-' | '“' | '”'
        )
}

/// Characters after which a word starts.
fn opens(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | ',' | ';' | ':' | '/' | '–' | '—' | '-' | '“')
}

/// The end of the word starting at `i`.
fn word_end(text: &str, i: usize) -> usize {
    let window = &text[i..floor_boundary(text, i + MAX_WORD)];
    window.find(is_break).map_or(i + window.len(), |k| i + k)
}

/// The longest run between spaces looked at, in bytes: Thai text without
/// spaces must not make each name or position read to the end of the text.
const MAX_WORD: usize = 1024;

/// `at`, or the nearest char boundary of `text` before it (clamped to its length).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of the position phrase starting at `i` (a position may contain
/// dots and hyphens: `ผบ.หมู่`, `Director-General`).
fn phrase_end(text: &str, i: usize) -> usize {
    let window = &text[i..floor_boundary(text, i + MAX_WORD)];
    window.find(|c: char| is_break(c) && c != '-').map_or(i + window.len(), |k| i + k)
}

fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// The scanned hits the people extractor reads, indexed by start.
struct Hits {
    titles: Vec<Hit>,
    positions: HashMap<usize, usize>,
    /// Starts of position hits, sorted, for cuts inside a word (a title
    /// inside a word is no cut: สาวนายน).
    starts: Vec<usize>,
    /// Starts of organization and venue hits, sorted.
    places: Vec<usize>,
}

impl Hits {
    fn new(all: &[Hit]) -> Hits {
        let titles: Vec<Hit> = all.iter().filter(|h| h.category == Category::Title).copied().collect();
        let positions: HashMap<usize, usize> =
            all.iter().filter(|h| h.category == Category::Position).map(|h| (h.start, h.end)).collect();
        let starts = all.iter().filter(|h| h.category == Category::Position).map(|h| h.start).collect();
        let places: Vec<usize> = all
            .iter()
            .filter(|h| matches!(h.category, Category::OrgHead | Category::OrgName | Category::VenueHead))
            .map(|h| h.start)
            .collect();
        Hits { titles, positions, starts, places }
    }

    fn title_at(&self, i: usize) -> bool {
        self.titles.binary_search_by_key(&i, |h| h.start).is_ok()
    }

    /// The first position hit starting inside `range`.
    fn first_inside(&self, text: &str, range: Span) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s < range.start);
        self.starts[k..].iter().copied().take_while(|&s| s < range.end).find(|&s| boundary(text, s))
    }
}

/// The reader of one document.
struct Reader<'a> {
    text: &'a str,
    /// The credit labels in the text.
    credits: &'a [Found],
    hits: Hits,
    words: &'a Words,
}

impl Reader<'_> {
    /// The end of a position head starting at `i` (after its prefixes).
    fn head_at(&self, i: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut j = i;
        for _ in 0..4 {
            if let Some(&end) = self.hits.positions.get(&j) {
                return Some((j, end));
            }
            match self.words.at(text, j) {
                Some((Class::TitlePosition, end)) if !starts_with_mark(&text[end..]) => return Some((j, end)),
                Some((Class::Prefix, end)) => {
                    j = end;
                    if text[j..].starts_with(' ') {
                        j += 1;
                    }
                }
                _ => break,
            }
        }
        // A prefix that is a position of its own (ผู้ช่วย).
        self.hits.positions.get(&i).map(|&end| (i, end))
    }

    /// A position phrase starting at `i`: the positions it holds (split at
    /// และ and `/`) and where it ends.
    fn position(&self, i: usize) -> Option<(Vec<Span>, usize)> {
        let text = self.text;
        let (head_start, head_end) = self.head_at(i)?;
        let mut end = if text[head_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            english_phrase_end(text, head_start)
        } else {
            phrase_end(text, head_start)
        };
        end = end.max(head_end);
        if let Some(cut) = self.words.first_cut(text, head_end..end, &[Class::Speech, Class::Stop]) {
            end = cut;
        }
        // "ด้านยุทธศาสตร์" continues the position in the next word.
        if text[end..].starts_with(' ') {
            if let Some((Class::PositionTail, _)) = self.words.at(text, end + 1) {
                end = phrase_end(text, end + 1);
            }
        }
        // An abbreviated word closes with ฯ (โฆษกฯ), not ฯลฯ.
        if text[end..].starts_with('ฯ') && !text[end..].starts_with("ฯลฯ") {
            end += 'ฯ'.len_utf8();
        }
        // A short number closes some positions (ภาค 9, ส่วน 1, 4.0).
        if let Some(n) = short_number(text, end) {
            end = n;
        }
        let mut spans = Vec::new();
        let mut start = i;
        let mut k = head_end;
        while let Some(off) = text[k..end].find("และ") {
            let at = k + off;
            let next = at + "และ".len();
            if self.head_at(next).is_some() {
                spans.push(start..at);
                start = next;
            }
            k = next;
        }
        spans.push(start..end);
        Some((spans, end))
    }

    /// Positions in apposition from `i` on: one after another, separated by
    /// a space or `/`.
    fn positions_after(&self, mut i: usize) -> (Vec<Span>, usize) {
        let text = self.text;
        let mut out = Vec::new();
        let mut end = i;
        for _ in 0..4 {
            let Some((spans, e)) = self.position(i) else { break };
            out.extend(spans);
            end = e;
            i = e;
            if text[i..].starts_with(' ') || text[i..].starts_with('/') {
                i += 1;
            }
            // "... และเจ้าของบริษัท", "... ในฐานะกรรมการ": one more position.
            if let Some(rest) = text[i..].strip_prefix("และ") {
                i = text.len() - rest.strip_prefix(' ').unwrap_or(rest).len();
            }
            i = skip_in_role(text, i);
        }
        (out, end)
    }

    /// Reads a name from `p`: (given, family, end of the mention).
    fn name(&self, p: usize, english: bool) -> Option<(Span, Option<Span>, usize)> {
        let text = self.text;
        if english {
            let g = english_word(text, p)?;
            let mut family = None;
            if text[g.end..].starts_with(' ') {
                if let Some(f) = english_word(text, g.end + 1) {
                    if !self.hits.positions.contains_key(&f.start) && !f.is_empty() {
                        family = Some(f);
                    }
                }
            }
            let end = family.as_ref().map_or(g.end, |f| f.end);
            return Some((g, family, end));
        }
        let (given, cut) = self.name_word(p)?;
        let mut family = None;
        if !cut && text[given.end..].starts_with(' ') {
            let q = given.end + 1;
            if !self.ends_name(q) {
                // A family name is a single word of modest length; longer is
                // a clause written after a given name (a headline verb).
                family = self.name_word(q).map(|(f, _)| f).filter(|f| char_count(&text[f.clone()]) <= MAX_FAMILY);
            }
        }
        let mut end = family.as_ref().map_or(given.end, |f| f.end);
        if text[end..].starts_with('ฯ') {
            end += 'ฯ'.len_utf8();
        }
        Some((given, family, end))
    }

    /// One word of a name from `p`, cut where a following word is glued to
    /// it; and whether it was cut.
    fn name_word(&self, p: usize) -> Option<(Span, bool)> {
        let text = self.text;
        let end = word_end(text, p);
        // At least two characters of name before any cut.
        let min = text[p..end].char_indices().nth(2).map_or(end, |(k, _)| p + k);
        let mut cut = self.words.first_cut(text, min..end, &[Class::Speech, Class::Stop, Class::Link]);
        if let Some(h) = self.hits.first_inside(text, min..end) {
            cut = Some(cut.map_or(h, |c| c.min(h)));
        }
        let e = cut.unwrap_or(end);
        let word = &text[p..e];
        if char_count(word) < 2 || !word.chars().all(is_thai_letter) || starts_with_mark(word) {
            return None;
        }
        Some((p..e, cut.is_some()))
    }

    /// Whether the word at `q` cannot be a family name: a position, a title,
    /// a verb of speech, a function word, or no Thai word at all.
    fn ends_name(&self, q: usize) -> bool {
        let text = self.text;
        if !text[q..].starts_with(is_thai_letter) || self.hits.title_at(q) || self.head_at(q).is_some() {
            return true;
        }
        match self.words.at(text, q) {
            Some((Class::Speech | Class::Stop | Class::Link | Class::Prefix | Class::TitlePosition, _)) => true,
            // ยอมรับ, ยอมรับว่า, ตั้งแต่ 2 ...
            Some((Class::Word, end)) => {
                end == word_end(text, q) || (char_count(&text[q..end]) >= 4 && text[end..].starts_with("ว่า"))
            }
            // อายุ 52, อายุ52ปี (but ประจำวงษ์ is a family name).
            Some((Class::NotGiven, end)) => {
                end == word_end(text, q) || text[end..].starts_with(|c: char| c.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// Whether a title may start at `s`.
    fn title_may_start(&self, s: usize, title: &str) -> Start {
        let text = self.text;
        let before = &text[..s];
        match before.chars().next_back() {
            None => return Start::Yes,
            // "ตำรวจ 4 นาย มุด...": นาย counts people after a number.
            Some(' ') if title == "นาย" && text[s + title.len()..].starts_with(' ') && small_number_before(before) => {
                return Start::No
            }
            Some(c) if opens(c) => return Start::Yes,
            _ => {}
        }
        if char_count(title) >= 5 && !title.is_ascii() {
            return Start::Yes;
        }
        if self.words.glue_before.iter().any(|w| before.ends_with(w.as_str())) {
            return Start::Yes;
        }
        // A strong title glued after any word or a dot (ด้านนาย..., ธ.ค.นาย...)
        // starts a name only if a family name follows.
        // After a letter only a dotted rank (ทนายจูน, ขุนน้ำนางนอน are words).
        let dotted = title.matches('.').count() >= 2;
        let glued = if before.ends_with('.') {
            dotted || matches!(title, "นาย" | "นาง" | "นางสาว")
        } else {
            dotted && before.ends_with(is_thai_letter) && boundary(text, s)
        };
        if glued {
            Start::WithFamily
        } else {
            Start::No
        }
    }

    /// The statement after a verb of speech at `q`, if there is one.
    fn statement(&self, q: usize) -> Option<Span> {
        let text = self.text;
        let Some((Class::Speech, verb_end)) = self.words.at(text, q) else { return None };
        // A statement runs to the end of its paragraph, but no further than
        // MAX_STATEMENT bytes (cut at a space): text without line breaks
        // must not make every statement run to the end of the article.
        let limit = floor_boundary(text, q + MAX_STATEMENT);
        let line_end = match text[q..limit].find('\n') {
            Some(k) => q + k,
            None if limit < text.len() => text[q..limit].rfind(' ').map_or(limit, |k| q + k),
            None => limit,
        };
        let mut w = word_end(&text[..line_end], q);
        let mut start = text[verb_end..w].find("ว่า").map(|k| verb_end + k + "ว่า".len());
        if start.is_none() && text[w..].starts_with(' ') && text[w + 1..].starts_with("ว่า") {
            w += 1;
            start = Some(w + "ว่า".len());
        }
        let start = start?;
        let body = &text[start..line_end];
        let trimmed = body.trim_start();
        let s = start + (body.len() - trimmed.len());
        let e = s + trimmed.trim_end().len();
        (s < e).then_some(s..e)
    }

    /// A position phrase written right before `s` (the start of a mention),
    /// not already taken by the mention before it.
    fn position_before(&self, s: usize, taken: usize) -> Option<Vec<Span>> {
        let text = self.text;
        let mut before = &text[..s];
        before = before.strip_suffix('(').unwrap_or(before);
        let mut end = before.strip_suffix(' ')?.len();
        for _ in 0..2 {
            let start = text[..end]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace() || c == '(')
                .map_or(0, |(k, c)| k + c.len_utf8());
            if start < taken || start >= end {
                return None;
            }
            if let Some((spans, e)) = self.position(start) {
                return (e == end).then_some(spans);
            }
            // Step back over a short number (เกษตร 4.0).
            if short_number(text, start.saturating_sub(1)) == Some(end) && start >= 1 {
                end = start - 1;
                continue;
            }
            return None;
        }
        None
    }
}

/// The end of a short number word (`9`, `4.0`) starting after one space at
/// `i`, followed by a break.
fn short_number(text: &str, i: usize) -> Option<usize> {
    let rest = text[i..].strip_prefix(' ')?;
    let n = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
    let num = rest[..n].trim_end_matches('.');
    let short = if num.contains('.') { num.len() <= 4 } else { num.len() <= 2 };
    if num.is_empty() || !short || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &rest[num.len()..];
    if !after.is_empty() && !after.starts_with(is_break) {
        return None;
    }
    Some(i + 1 + num.len())
}

/// A capitalized English word at `i`.
fn english_word(text: &str, i: usize) -> Option<Span> {
    let rest = &text[i..];
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let n = rest.find(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '-')).unwrap_or(rest.len());
    (n >= 2).then_some(i..i + n)
}

/// The end of an English position phrase: English words up to the first
/// non-ASCII character or line end.
fn english_phrase_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let n = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '.')).unwrap_or(rest.len());
    i + rest[..n].trim_end().len()
}

/// Whether a title may start a mention where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Yes,
    /// Only if the name has a family name (a title glued after a content word).
    WithFamily,
    No,
}

/// Whether `before` ends with a number of at most three digits and a space
/// (`ตำรวจ 4 นาย`, not the year in `วันที่ 5 ก.ค. 2561 นาย...`).
fn small_number_before(before: &str) -> bool {
    let t = before.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
}

/// Ranks that take the feminine suffix หญิง (พันเอกหญิง, พ.ต.อ.หญิง).
fn takes_feminine(title: &str) -> bool {
    title.ends_with('.')
        || ["พล", "พัน", "ร้อย", "นาวา", "เรือ", "จ่า", "สิบ", "ดาบ", "จอมพล"].iter().any(|p| title.starts_with(p))
}

/// Every person mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawPerson> {
    let text = doc.text();
    let r =
        Reader { text, credits: &doc.scan.lists[super::list::CREDITS], hits: Hits::new(&doc.scan.hits), words: &WORDS };
    let mut out = titled(&r);
    out.extend(credits(&r));
    out.sort_by_key(|p| p.span.start);
    let again = untitled_again(text, &doc.scan.chars, &out);
    out.extend(again);
    out.sort_by_key(|p| p.span.start);
    out
}

/// Mentions that start with a title.
fn titled(r: &Reader<'_>) -> Vec<RawPerson> {
    let text = r.text;
    let titles = &r.hits.titles;
    let mut out: Vec<RawPerson> = Vec::new();
    // Where the last mention's name and apposition ended.
    let mut taken = 0;
    let mut k = 0;
    while k < titles.len() {
        let first = titles[k];
        k += 1;
        if first.start < taken {
            continue;
        }
        let s = first.start;
        if matches!(r.words.at(text, s), Some((Class::NotName | Class::TitlePosition, e)) if !starts_with_mark(&text[e..]))
        {
            continue;
        }
        let start = r.title_may_start(s, &text[s..first.end]);
        if start == Start::No {
            continue;
        }
        // Stacked titles: hits that follow one another without a gap or
        // across one space (ผู้ช่วยศาสตราจารย์ ดร., พลตำรวจตรี นายแพทย์).
        let mut end = first.end;
        let mut weak = WEAK_TITLES.contains(&&text[s..first.end]);
        loop {
            if text[end..].starts_with("หญิง") && takes_feminine(&text[s..end]) {
                end += "หญิง".len();
            }
            let gap = usize::from(text[end..].starts_with(' '));
            if k >= titles.len() || titles[k].start != end + gap {
                break;
            }
            let next = &text[titles[k].start..titles[k].end];
            if matches!(r.words.at(text, end + gap), Some((Class::NotName, _)))
                || (gap == 1 && WEAK_TITLES.contains(&next))
            {
                break;
            }
            weak = weak && WEAK_TITLES.contains(&next);
            end = titles[k].end;
            k += 1;
        }
        let title = &text[s..end];
        let english = title.is_ascii();
        let mut p = end;
        if text[p..].starts_with(' ') && !r.ends_name(p + 1) {
            p += 1;
        }
        let Some((given, family, name_end)) = r.name(p, english) else { continue };
        if weak || start == Start::WithFamily {
            // A weak or glued title needs a family name, and not the name of
            // a place or a body (หลวงพ่อพระใหญ่ วัดโพธาราม).
            match &family {
                None => continue,
                Some(f)
                    if r.hits.places.binary_search(&f.start).is_ok()
                        || matches!(r.words.at(text, f.start), Some((Class::NotGiven, _)))
                        || matches!(shared::word_at(text, f.start), Some((_, shared::Role::Prefix(_)))) =>
                {
                    continue
                }
                _ => {}
            }
        }
        // A title before a common noun or a clause (เด็กชายวัย 2 ขวบ).
        // After a weak title, also a clause (ท่านแต่เพื่อ...).
        match r.words.at(text, given.start) {
            Some((Class::NotGiven | Class::Link | Class::Prefix, e)) if !starts_with_mark(&text[e..]) => continue,
            Some((Class::Word | Class::Stop, e)) if weak && !starts_with_mark(&text[e..]) => continue,
            _ => {}
        }
        // Positions: in apposition after the name (not after a name in
        // parentheses), else right before the titled name.
        let mut positions = Vec::new();
        let mut after = name_end;
        if !text[name_end..].starts_with(')') {
            let mut q = name_end;
            if text[q..].starts_with(' ') {
                q += 1;
            }
            let q = skip_in_role(text, q);
            let (spans, e) = r.positions_after(q);
            if !spans.is_empty() {
                positions.extend(spans);
                after = e;
            }
        }
        if positions.is_empty() {
            if let Some(spans) = r.position_before(s, taken) {
                positions.extend(spans);
            }
        }
        let mut q = after;
        if text[q..].starts_with(' ') {
            q += 1;
        }
        let statement = r.statement(q);
        taken = after;
        out.push(RawPerson {
            span: s..name_end,
            title: Some(title.to_string()),
            given: text[given].to_string(),
            family: family.map(|f| text[f].to_string()),
            positions: positions.into_iter().map(|sp| text[sp].trim().to_string()).filter(|p| !p.is_empty()).collect(),
            statement,
        });
    }
    out
}

/// Skips `ในฐานะ` (also misspelt `ในฐาน`) and one space after it.
fn skip_in_role(text: &str, q: usize) -> usize {
    let Some(rest) = text[q..].strip_prefix("ในฐาน") else { return q };
    let rest = rest.strip_prefix('ะ').unwrap_or(rest);
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    text.len() - rest.len()
}

/// Writers and photographers credited by a label (`Written by ชื่อ สกุล,
/// ชื่อ สกุล`, `ชื่อ สกุล – ข่าว/`).
fn credits(r: &Reader<'_>) -> Vec<RawPerson> {
    let text = r.text;
    let mut out = Vec::new();
    for m in r.credits {
        match r.words.credit_classes[m.id as usize] {
            Class::CreditBefore => {
                let line_end = text[m.end..].find('\n').map_or(text.len(), |k| m.end + k);
                let mut i = m.end;
                loop {
                    let rest = &text[i..line_end];
                    let skip = rest.len() - rest.trim_start_matches([' ', ':']).len();
                    i += skip;
                    let Some((span, given, family)) = two_word_name(text, i, line_end) else { break };
                    out.push(credited(span.clone(), given, family, text));
                    i = span.end;
                    let rest = &text[i..line_end];
                    if let Some(r2) = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" และ")) {
                        i = line_end - r2.len();
                    } else {
                        break;
                    }
                }
            }
            Class::CreditAfter => {
                // The label must close its line.
                let after = &text[m.end..];
                if !(after.is_empty() || after.starts_with('\n')) {
                    continue;
                }
                let before = text[..m.start].trim_end_matches(' ');
                let Some(before) = before.strip_suffix(['–', '-', '—']) else { continue };
                let before = before.trim_end_matches(' ');
                let line_start = before.rfind('\n').map_or(0, |k| k + 1);
                if let Some((span, given, family)) = two_word_name(text, line_start, before.len()) {
                    if span.end == before.len() {
                        out.push(credited(span, given, family, text));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn credited(span: Span, given: Span, family: Span, text: &str) -> RawPerson {
    RawPerson {
        span,
        title: None,
        given: text[given].to_string(),
        family: Some(text[family].to_string()),
        positions: Vec::new(),
        statement: None,
    }
}

/// Two Thai words `ชื่อ สกุล` from `i`, ending by `limit`.
fn two_word_name(text: &str, i: usize, limit: usize) -> Option<(Span, Span, Span)> {
    let word = |a: usize| -> Option<Span> {
        let e = word_end(text, a).min(limit);
        let w = &text[a..e];
        (char_count(w) >= 2 && w.chars().all(is_thai_letter) && !starts_with_mark(w)).then_some(a..e)
    };
    let g = word(i)?;
    if !text[g.end..limit].starts_with(' ') {
        return None;
    }
    let f = word(g.end + 1)?;
    Some((i..f.end, g, f))
}

/// Mentions of an already found full name written again without a title:
/// one walk for all of them ([`crate::lexicon::DocMatcher`]).
fn untitled_again(text: &str, chars: &crate::lexicon::CharSlots, found: &[RawPerson]) -> Vec<RawPerson> {
    let mut names: Vec<(String, &RawPerson)> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    for p in found {
        if let Some(f) = &p.family {
            let full = format!("{} {}", p.given, f);
            if seen.insert(full.clone(), ()).is_none() {
                names.push((full, p));
            }
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let matches = match SpacedNames::new(names.iter().map(|(n, _)| n.as_str())) {
        Some(spaced) => spaced.find_all(text),
        None => crate::lexicon::DocMatcher::new(names.iter().map(|(n, _)| n))
            .find_iter(text, chars)
            .map(|m| (m.pattern, m.start..m.end))
            .collect(),
    };
    let mut spans: Vec<Span> = found.iter().map(|p| p.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let mut out = Vec::new();
    for (id, m) in matches {
        let k = spans.partition_point(|s| s.end <= m.start);
        if k < spans.len() && spans[k].start < m.end {
            continue;
        }
        // A whole word on both sides.
        let before_ok = text[..m.start].chars().next_back().is_none_or(|c| !is_thai_letter(c));
        if !before_ok || starts_with_mark(&text[m.end..]) {
            continue;
        }
        let p = names[id].1;
        out.push(RawPerson {
            span: m,
            title: None,
            given: p.given.clone(),
            family: p.family.clone(),
            positions: Vec::new(),
            statement: None,
        });
    }
    out
}

/// Full names `given family` found again in a text: the leftmost-longest
/// matches of an unanchored search, as [`crate::lexicon::DocMatcher`] finds
/// them, for patterns that hold exactly one space between two non-empty
/// words (every full name the extractor reads: neither a given name nor a
/// family name holds a space). Such a match holds one space of the text, so
/// instead of stepping through every character the search jumps from space
/// to space (a `memchr` search) and looks only there for a given name
/// before the space and its family name after: a few steps a space, where
/// Thai text has a space every few dozen characters.
///
/// A space looks up the names by a key of two bytes around it (the last
/// byte of the given name, the last byte of the family name's first
/// character: the first bytes of Thai characters are all alike), so it
/// rarely checks a name that does not fit. A document with more than
/// [`MAX_SPACED_NAMES`] names (rare, and possibly hostile: many names
/// sharing a key) keeps the per-character matcher, whose cost does not
/// grow with the number of names.
struct SpacedNames<'n> {
    /// Each pattern's (given, family) words, by ID.
    parts: Vec<(&'n [u8], &'n [u8])>,
    /// (key, pattern ID), sorted by key, then longest given name, longest
    /// family name and lowest ID: the first entry of a key that fits at a
    /// space is the leftmost-longest match there.
    entries: Vec<(usize, usize)>,
    /// Bit `b` is set when a given name's last byte has low six bits `b`.
    given_ends: u64,
    /// Bit `key` is set when some entry has that key.
    keys: Vec<u64>,
}

/// The most names [`SpacedNames`] takes, so that the names a space is
/// checked against stay few and the search linear in the text.
const MAX_SPACED_NAMES: usize = 256;

/// The key of a space after a given name ending with byte `given_end`,
/// before a family name whose first character ends with byte `family_first`.
fn spaced_key(given_end: u8, family_first: u8) -> usize {
    usize::from(given_end & 63) << 6 | usize::from(family_first & 63)
}

/// The last byte of the first character of `s` (not empty).
fn first_char_end(s: &str) -> Option<u8> {
    let n = s.chars().next()?.len_utf8();
    s.as_bytes().get(n - 1).copied()
}

impl<'n> SpacedNames<'n> {
    /// `None` when there are more than [`MAX_SPACED_NAMES`] patterns, or a
    /// pattern has no space, more than one, or an empty word on either side
    /// of it.
    fn new(patterns: impl ExactSizeIterator<Item = &'n str>) -> Option<SpacedNames<'n>> {
        if patterns.len() > MAX_SPACED_NAMES {
            return None;
        }
        let mut parts = Vec::new();
        let mut entries = Vec::new();
        let (mut given_ends, mut keys) = (0u64, vec![0u64; 64]);
        for (id, p) in patterns.enumerate() {
            let (given, family) = p.split_once(' ')?;
            let (&end, first) = (given.as_bytes().last()?, first_char_end(family)?);
            if family.contains(' ') {
                return None;
            }
            let key = spaced_key(end, first);
            given_ends |= 1 << (end & 63);
            keys[key / 64] |= 1 << (key % 64);
            entries.push((key, id));
            parts.push((given.as_bytes(), family.as_bytes()));
        }
        entries.sort_by_key(|&(key, id)| {
            let (g, f): (&[u8], &[u8]) = parts[id];
            (key, std::cmp::Reverse(g.len()), std::cmp::Reverse(f.len()), id)
        });
        Some(SpacedNames { parts, entries, given_ends, keys })
    }

    /// Every match in `text`, in order, not overlapping: (pattern ID, span).
    ///
    /// A match's given name holds no space, so a match around a later space
    /// starts after an earlier space: taking spaces in order takes matches
    /// in order of their starts. At one space, the longest given name that
    /// fits starts leftmost, and it must start at or after the end of the
    /// previous match, where an unanchored search resumes.
    fn find_all(&self, text: &str) -> Vec<(usize, Span)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        for q in spaces(bytes) {
            let Some(&end) = q.checked_sub(1).and_then(|i| bytes.get(i)) else { continue };
            if self.given_ends & (1 << (end & 63)) == 0 {
                continue;
            }
            let Some(first) = first_char_end(&text[q + 1..]) else { continue };
            let key = spaced_key(end, first);
            if self.keys[key / 64] & (1 << (key % 64)) == 0 {
                continue;
            }
            let k = self.entries.partition_point(|&(e, _)| e < key);
            let fits = |&&(_, id): &&(usize, usize)| {
                let (g, f) = self.parts[id];
                q >= from + g.len() && bytes[q - g.len()..q] == *g && bytes[q + 1..].starts_with(f)
            };
            if let Some(&(_, id)) = self.entries[k..].iter().take_while(|&&(e, _)| e == key).find(fits) {
                let (g, f) = self.parts[id];
                let span = q - g.len()..q + 1 + f.len();
                from = span.end;
                out.push((id, span));
            }
        }
        out
    }
}

/// The byte offsets of the spaces in `bytes`, in order, found eight bytes
/// at a time. A space comes every forty bytes or so of Thai news, and
/// `str::match_indices(' ')` pays a `memchr` call's set-up for each: on
/// the fixtures that was a quarter of the people extractor's instructions
/// (callgrind, inclusive).
fn spaces(bytes: &[u8]) -> Spaces<'_> {
    Spaces { bytes, next: 0, mask: 0 }
}

/// The iterator of [`spaces`].
struct Spaces<'a> {
    bytes: &'a [u8],
    /// The offset of the next eight bytes to read.
    next: usize,
    /// The high bit of every space byte among the eight bytes before
    /// `next` not yet returned.
    mask: u64,
}

impl Iterator for Spaces<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
        const LOW7: u64 = ONES * 0x7F;
        while self.mask == 0 {
            let rest = self.bytes.get(self.next..)?;
            let word = match rest.first_chunk::<8>() {
                Some(w) => *w,
                None if rest.is_empty() => return None,
                None => {
                    // The last bytes, padded with zeros (not spaces).
                    let mut w = [0u8; 8];
                    w[..rest.len()].copy_from_slice(rest);
                    w
                }
            };
            // x is zero exactly at a space; the sum carries out of no byte.
            let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b' '));
            self.mask = !(((x & LOW7) + LOW7) | x) & !LOW7;
            self.next += 8;
        }
        let bit = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.next - 8 + bit / 8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_found_where_match_indices_finds_them() {
        let founding = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        for text in [founding, "", " ", "a", "  a b  c d e f g h i   ", "ก ข\u{A0} \t ง", &" ".repeat(17)] {
            let want: Vec<usize> = text.match_indices(' ').map(|(q, _)| q).collect();
            assert_eq!(spaces(text.as_bytes()).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn spaces_agree_with_match_indices(text in "[ ก a\u{A0}\u{2020}\u{20AC}]{0,40}") {
            let want: Vec<usize> = text.match_indices(' ').map(|(q, _)| q).collect();
            proptest::prop_assert_eq!(spaces(text.as_bytes()).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn people_words_load() {
        let w = Words::build(WORDS_FILE, WORDS_TEXT).unwrap();
        assert!(!w.classes.is_empty() && !w.credit_classes.is_empty());
    }

    /// The anchored and unanchored leftmost-longest Aho-Corasick searches
    /// the trie of [`Words`] replaced, against [`Words::at`] and
    /// [`Words::inside`] at every position of `text` and over ranges of a few
    /// lengths from each.
    fn compare_with_aho_corasick(w: &Words, text: &str) {
        use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
        let entries = lexicon::parse(WORDS_FILE, WORDS_TEXT, 2).unwrap();
        let words: Vec<&str> = entries
            .iter()
            .filter(|e| !matches!(Class::parse(&e.columns[1]), Some(Class::CreditBefore | Class::CreditAfter)))
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
        let w = Words::build(WORDS_FILE, WORDS_TEXT).unwrap();
        let mut text = include_str!("../../../fixtures/000_khonkaen_unesco.txt").to_string();
        for e in lexicon::parse(WORDS_FILE, WORDS_TEXT, 2).unwrap() {
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
                        lexicon::parse(WORDS_FILE, WORDS_TEXT, 2)
                            .unwrap()
                            .into_iter()
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

    /// [`SpacedNames::find_all`] against the unanchored leftmost-longest
    /// Aho-Corasick search [`crate::lexicon::DocMatcher`] stands for.
    fn compare_spaced(patterns: &[&str], text: &str) {
        use aho_corasick::{AhoCorasick, MatchKind};
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).unwrap();
        let want: Vec<_> = ac.find_iter(text).map(|m| (m.pattern().as_usize(), m.start()..m.end())).collect();
        let got = SpacedNames::new(patterns.iter().copied()).unwrap().find_all(text);
        assert_eq!(got, want, "{patterns:?} in {text:?}");
    }

    #[test]
    fn spaced_names_match_like_an_unanchored_search() {
        let text = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
        compare_spaced(&["ขอนแก่น ได้", "นครขอนแก่น ได้", "แก่น ได้รับ", "ก ก"], text);
        compare_spaced(&["ab cd", "b cde", "b c", "cd e", "e f"], "ab cde f xb cd e f");
        compare_spaced(&["a b", "b c", "c d"], "a b c d b c");
        assert!(SpacedNames::new(["a b c"].into_iter()).is_none());
        assert!(SpacedNames::new([" b"].into_iter()).is_none());
        assert!(SpacedNames::new(["ab"].into_iter()).is_none());
        let many: Vec<String> = (0..=MAX_SPACED_NAMES).map(|i| format!("a{i} b")).collect();
        assert!(SpacedNames::new(many.iter().map(String::as_str)).is_none());
        assert!(SpacedNames::new(many[1..].iter().map(String::as_str)).is_some());
    }

    proptest::proptest! {
        #[test]
        fn spaced_names_agree_with_aho_corasick(
            patterns in proptest::collection::hash_set("[กขนaé]{1,3} [กขนaé]{1,3}", 1..6),
            text in "[กขนaé ]{0,60}",
        ) {
            let patterns: Vec<&str> = patterns.iter().map(String::as_str).collect();
            compare_spaced(&patterns, &text);
        }
    }

    #[test]
    fn unknown_class_names_file_and_line() {
        let err = Words::build("w.tsv", "# c\nกล่าว\tverb\n").err().unwrap();
        assert_eq!(err, "w.tsv:2: unknown class \"verb\"");
    }

    #[test]
    fn cluster_boundaries() {
        let t = "ธนพลกล่าว";
        assert!(boundary(t, "ธนพล".len()));
        assert!(!boundary("กิจ", "ก".len()));
        assert!(!boundary("เกม", "เ".len()));
    }

    #[test]
    fn short_numbers_close_positions() {
        assert_eq!(short_number("ภาค 9 ชี้แจง", "ภาค".len()), Some("ภาค 9".len()));
        assert_eq!(short_number("เกษตร 4.0 (", "เกษตร".len()), Some("เกษตร 4.0".len()));
        assert_eq!(short_number("ปี 2562 ", "ปี".len()), None);
        assert_eq!(short_number("รวม 20 ร้าน", "รวม".len()), Some("รวม 20".len()));
        assert_eq!(short_number("รวม 20ร้าน", "รวม".len()), None);
    }
}
