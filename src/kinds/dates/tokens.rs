//! Tokens: digit runs, month names, weekdays and relative words, in text order.

use super::words::{DateWords, Role, DATE_WORDS};
use super::{Doc, Span};
use crate::lexicon::{Category, Entry};
use crate::thai::{self, is_thai_letter};

/// Digit runs: groups of thousands, a decimal or time part, up to two `/`
/// parts (`2,567`, `09.30`, `2559/60`, `14/02/2567`). Shape only: the
/// leftmost-first matches of
/// `[0-9]+(?:,[0-9]{3})*(?:[.:][0-9]+)?(?:/[0-9]+){0,2}`, in text order.
///
/// Written by hand rather than with a regex, as the numbers extractor's
/// digit runs are: the cost is the search for the next digit. Every part
/// after the first digits is optional, so the regex's first choice, each
/// part as long as it goes, is the match.
///
/// `runs` are the text's [`thai::digit_runs`].
pub(super) fn numbers<'a>(text: &'a str, runs: &'a [Span]) -> impl Iterator<Item = Span> + 'a {
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut digits = thai::Digits::new(runs);
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = digits.next_digit(at)?;
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
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// A digit run.
    Num,
    /// A month name with its number; `abbr` for abbreviated forms.
    Month { month: u32, abbr: bool },
    /// A weekday with วัน, ISO number.
    Weekday(u32),
    /// A relative-date word.
    Relative(Unit, i32),
    /// A quarter (`months` 3) or half (`months` 6) of a year: `n` counts
    /// from 1 (ไตรมาสแรก, ครึ่งปีหลัง), or is 0 where its number follows
    /// (ไตรมาส 3, ไตรมาสที่ 2).
    Part { months: u32, n: u32 },
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

/// Digit runs, month names, weekdays and relative words, in text order
/// (`runs`: the text's [`thai::digit_runs`]).
pub(super) fn tokenize(doc: &Doc<'_>, runs: &[Span]) -> Vec<Token> {
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
                let part = |months| e.columns[2].parse::<u32>().ok().map(|n| Kind::Part { months, n });
                let unit = match e.columns[1].as_str() {
                    "quarter" | "half" => {
                        let Some(kind) = part(if e.columns[1] == "quarter" { 3 } else { 6 }) else { continue };
                        toks.push(Token { start: h.start, end: h.end, kind });
                        continue;
                    }
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
    for m in numbers(text, runs) {
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
