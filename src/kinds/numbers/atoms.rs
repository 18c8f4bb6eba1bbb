//! Atoms: digit runs and runs of Thai number words, with their values.

use super::tables::Word;
use super::view::{skip_space, View};
use crate::facts::NumberKind;
use crate::kinds::Span;
use crate::thai::{char_before, digits_end, is_thai_letter, Digits};

/// A number as written: digits or Thai number words.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub(super) span: Span,
    /// The digits without separators, as an integer.
    pub(super) mantissa: f64,
    /// How many of those digits are decimals.
    pub(super) places: i32,
    /// Written in Thai words.
    pub(super) words: bool,
    /// Whether a word number has a scale word in it.
    pub(super) has_scale: bool,
    /// Whether a word number starts with a scale word (ร้อยคน).
    pub(super) scale_first: bool,
    /// A usable quantity (false for phone numbers, codes, `99/1`...).
    pub(super) ok: bool,
}

impl Atom {
    pub(super) fn value(&self, scale: f64) -> f64 {
        exact(self.mantissa, self.places, scale)
    }
}

/// `mantissa × scale / 10^places`, exact where the result is a whole number.
pub(super) fn exact(mantissa: f64, places: i32, scale: f64) -> f64 {
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
///
/// `runs` are the text's [`crate::thai::digit_runs`].
pub(super) fn digit_runs<'a>(text: &'a str, runs: &'a [Span]) -> impl Iterator<Item = Span> + 'a {
    let b = text.as_bytes();
    let mut digits = Digits::new(runs);
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = digits.next_digit(at)?;
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
pub(super) fn quantity_shape(s: &str) -> bool {
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
pub(super) fn mantissa(int: &str, frac: &str) -> f64 {
    let digits = || int.bytes().chain(frac.bytes()).filter(u8::is_ascii_digit);
    let exact = digits().try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(u64::from(c - b'0')));
    match exact {
        Some(n) => n as f64,
        // More than 19 digits: rare enough to parse the long way.
        None => digits().map(char::from).collect::<String>().parse().unwrap_or(0.0),
    }
}

pub(super) fn digit_atom(text: &str, span: Span) -> Atom {
    let s = &text[span.clone()];
    let mut atom = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        plain_atom(s, span.clone())
    } else {
        separated_atom(s, span.clone())
    };
    // Inside a URL or a path (`details/6342`, `?id=12`, `%E0%B8`), or glued
    // to the Latin letters of a name or code (`A4`, `PM2.5`).
    if char_before(text, span.start)
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '=' | '_' | '#' | '@' | '&' | '?' | '%' | '\\'))
    {
        atom.ok = false;
    }
    atom
}

/// [`separated_atom`] for a run of digits alone, as most runs are, in one
/// pass over its bytes (the general reading searches the run for `.` and
/// `,` several times).
pub(super) fn plain_atom(s: &str, span: Span) -> Atom {
    // A leading zero (`02`, `085`) or eight digits or more: a code, an id
    // or a phone number.
    let ok = !(s.len() > 1 && s.starts_with('0')) && s.len() < 8;
    // Seven digits at most: exact in a u64.
    let mantissa = if ok { s.bytes().fold(0u64, |n, c| n * 10 + u64::from(c - b'0')) as f64 } else { 0.0 };
    Atom { span, mantissa, places: 0, words: false, has_scale: false, scale_first: false, ok }
}

/// The atom of the digit run `s` at `span`, whatever its separators, but
/// for what comes before it.
pub(super) fn separated_atom(s: &str, span: Span) -> Atom {
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
    Atom { span, mantissa, places: frac.len() as i32, words: false, has_scale: false, scale_first: false, ok }
}

/// Every atom of the text, in text order.
pub(super) fn atoms(v: &View<'_>, runs: &[Span]) -> Vec<Atom> {
    let text = v.text;
    // At most one atom a run of digits (runs joined by separators make
    // one), and the word numbers after them: sized once.
    let mut out: Vec<Atom> = Vec::with_capacity(runs.len() + 8);
    out.extend(digit_runs(text, runs).map(|span| digit_atom(text, span)));
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
pub(super) fn mark_chains(v: &View<'_>, atoms: &mut [Atom]) {
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
        if j == i {
            // A run alone is no chain.
            i += 1;
            continue;
        }
        let chain = &atoms[i..=j];
        let dashed = chain.windows(2).any(|w| text[w[0].span.end..w[1].span.start].trim() != "");
        let zero =
            chain.iter().any(|a| text[a.span.clone()].starts_with('0') && !text[a.span.clone()].starts_with("0."));
        let plain = chain.iter().all(|a| a.places == 0 && !text[a.span.clone()].contains(','));
        // Asked last, of chains of three runs or more only: it is a look-up.
        let unit_after = || v.unit_at(skip_space(text, chain[chain.len() - 1].span.end)).is_some();
        // Two runs joined by a space may be two numbers (`ร้อยละ 85 2.`), and
        // a row of a table holds amounts (`59,697 45,640 43%`).
        if chain.iter().any(|a| !a.ok) || zero || (chain.len() > 2 && (dashed || plain || !unit_after())) {
            for a in &mut atoms[i..=j] {
                a.ok = false;
            }
        }
        i = j + 1;
    }
}

/// Runs of adjacent Thai number words that form a valid number.
pub(super) fn word_atoms(v: &View<'_>) -> Vec<Atom> {
    let text = v.text;
    let mut out = Vec::new();
    let mut run: Vec<(Span, Word)> = Vec::new();
    let flush = |run: &mut Vec<(Span, Word)>, out: &mut Vec<Atom>| {
        // Most hits are no number word: nothing to read.
        if run.is_empty() {
            return;
        }
        // A point with no digit word after it is the unit จุด (`สามจุด`).
        while run.last().is_some_and(|(_, w)| *w == Word::Point) {
            run.pop();
        }
        if let Some(a) = word_number(text, run) {
            out.push(a);
        }
        run.clear();
    };
    for (k, h) in v.hits.iter().enumerate() {
        let adjacent = run.last().is_some_and(|(s, _)| s.end == h.start);
        let word = v.word(h).filter(|w| *w != Word::Half).or_else(|| match &text[h.start..h.end] {
            // จุด between number words is a decimal point.
            "จุด" if adjacent
                && v.hits.get(k + 1).is_some_and(|n| {
                    n.start == h.end && (matches!(v.word(n), Some(Word::Digit(_))) || &text[n.start..n.end] == "ศูนย์")
                }) =>
            {
                Some(Word::Point)
            }
            // ศูนย์ (zero) is a digit after a point (`หนึ่งจุดศูนย์ห้า`), or
            // alone before a unit of money, measure or percent
            // (`ศูนย์เปอร์เซ็นต์`); elsewhere it is a centre (`ศูนย์การค้า`).
            "ศูนย์" if adjacent && run.iter().any(|(_, w)| *w == Word::Point) => Some(Word::Digit(0.0)),
            "ศูนย์"
                if run.is_empty()
                    && v.unit_at(skip_space(text, h.end)).is_some_and(|(u, _)| u.kind != NumberKind::Count) =>
            {
                Some(Word::Digit(0.0))
            }
            _ => None,
        });
        let Some(w) = word else {
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

/// A spelled decimal: the number words before `จุด`, one digit word
/// after it for each decimal place, then optional scale words
/// (`หนึ่งจุดห้า` 1.5, `สามจุดห้าล้าน` 3500000, `ห้าสิบจุดเก้าห้า` 50.95),
/// as PyThaiNLP's `words_to_num` reads them.
fn decimal_words(text: &str, run: &[(Span, Word)], point: usize) -> Option<Atom> {
    let whole = word_number(text, &run[..point])?;
    let mut digits = 0.0;
    let mut places = 0;
    let mut scale = 1.0;
    for (span, w) in &run[point + 1..] {
        match *w {
            Word::Digit(d) if scale == 1.0 && !matches!(&text[span.clone()], "ยี่" | "เอ็ด") => {
                digits = digits * 10.0 + d;
                places += 1;
            }
            Word::Scale(s) if places > 0 => scale *= s,
            _ => return None,
        }
    }
    if places == 0 || places > 15 {
        return None;
    }
    let mantissa = (whole.mantissa * 10f64.powi(places) + digits) * scale;
    let span = whole.span.start..run.last()?.0.end;
    Some(Atom { span, mantissa, places, words: true, has_scale: true, scale_first: whole.scale_first, ok: true })
}

/// The value of a run of number words, or `None` where the run is no
/// number (`สองสาม`, `ยี่ห้อ`, a scale word glued to a preceding Thai word).
pub(super) fn word_number(text: &str, run: &[(Span, Word)]) -> Option<Atom> {
    if let Some(point) = run.iter().position(|(_, w)| *w == Word::Point) {
        return decimal_words(text, run, point);
    }
    let (first_span, first) = run.first()?;
    match first {
        Word::Digit(_) if text[first_span.clone()].starts_with("เอ็ด") => return None,
        // A scale word starts a number as สิบ (สิบคน, สิบเอ็ดแห่ง), and as
        // ร้อย and above before a currency only (`แสนล้านบาท`, read in
        // `read_fact`); after another Thai word a lone สิบ is part of it
        // (หลายสิบคน).
        Word::Scale(s)
            if *s == 10.0
                && char_before(text, first_span.start).is_some_and(is_thai_letter)
                && !matches!(run.get(1), Some((_, Word::Digit(_)))) =>
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
            Word::Half | Word::Point => return None,
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
