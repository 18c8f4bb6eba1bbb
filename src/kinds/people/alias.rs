//! Another name of a person written after หรือ ("or"): a nickname, a stage
//! name or a name with a kin or trade prefix (`นายสมศักดิ์ ใจดี หรือเสี่ยหนุ่ม`,
//! `นางสาววิภา มีสุข หรือ “น้องฝน” อายุ 20 ปี`), and that name where it is
//! written again.
//!
//! An alias is a mention of the person it follows: it carries that person's
//! given and family name, so linking joins it to them.
//!
//! Also a foreign name's Latin spelling in brackets after it
//! (`นายโรเบิร์ต มิลเลอร์ (Robert Miller)`): a mention of the person, which
//! also tells where a Thai name of three words ends.
//!
//! Also a monk's title-name with his own name and monastic name in brackets
//! after it (`พระเทพวิสุทธิคุณ (สมพงษ์ ธมฺมวโร)`): two mentions of one
//! person, and the title-name is searched again as aliases are.

use super::reader::Reader;
use super::text::{char_count, floor_boundary, is_break, word_end};
use super::words::Class;
use super::{RawPerson, Span};
use crate::thai::is_thai_letter;

/// The longest alias word, in characters (a nickname or a stage name).
const MAX_ALIAS: usize = 14;

/// The shortest alias searched for again in the rest of the text, in
/// characters (a short nickname such as บูม is also an ordinary word).
const MIN_AGAIN: usize = 4;

/// Aliases written after `found` (sorted by start) and their later mentions,
/// not inside any mention of `found`.
///
/// Cost: a look at the few characters after each mention; then, only for a
/// document with aliases, one search of the text for each alias.
///
/// An untitled name read at the alias (`หรือ ต้อม ซูโม่ นักร้อง`, read as a
/// full name before a position) becomes a mention of the person before it.
pub(super) fn aliases(r: &Reader<'_>, found: &mut [RawPerson]) -> Vec<RawPerson> {
    let text = r.text;
    let mut out: Vec<RawPerson> = Vec::new();
    for k in 0..found.len() {
        // The name in Latin letters in brackets after it: a mention; where
        // it has one word more than the Thai name read, the Thai word
        // before the brackets ends the name (a name of three words).
        if let Some((extra, latin)) = latin_after(r, found[k].span.end) {
            let thai_words = 1 + found[k].family.as_deref().map_or(0, |f| f.split(' ').count());
            let next_start = found.get(k + 1).map_or(text.len(), |q| q.span.start);
            if !transliterates(&found[k].given, &text[latin.0.clone()]) {
                continue;
            }
            match extra {
                Some(w) if found[k].family.is_some() && latin.1 == thai_words + 1 && w.end <= next_start => {
                    let family = format!("{} {}", found[k].family.as_deref().unwrap_or_default(), &text[w.clone()]);
                    found[k].family = Some(family);
                    found[k].span.end = w.end;
                }
                Some(_) => continue,
                None => {}
            }
            if !overlaps(found, &latin.0) {
                out.push(mention(&found[k], latin.0));
            }
            continue;
        }
        let Some(alias) = alias_after(r, found[k].span.end) else { continue };
        let next = found[k + 1..].iter().position(|q| q.span.start >= alias.start).map(|j| k + 1 + j);
        if let Some(j) = next.filter(|&j| found[j].span.start == alias.start && found[j].title.is_none()) {
            let (given, family) = (found[k].given.clone(), found[k].family.clone());
            found[j].given = given;
            found[j].family = family;
            continue;
        }
        if overlaps(found, &alias) {
            continue;
        }
        out.push(mention(&found[k], alias));
    }
    // A monk named by his title-name with his own name and monastic name in
    // brackets: two mentions of one person.
    for t in &r.hits.titles {
        let Some((title, own)) = monastic(r, t.start) else { continue };
        if overlaps(found, &title) || out.last().is_some_and(|o| o.span.end > title.start) {
            continue;
        }
        let given = text[title.clone()].to_string();
        let monk = RawPerson { span: title, title: None, given, family: None, positions: Vec::new(), statement: None };
        out.push(RawPerson { span: own, ..monk.clone() });
        out.push(monk);
    }
    if out.is_empty() {
        return out;
    }
    out.sort_by_key(|p| p.span.start);
    // The aliases written again (เสี่ยหนุ่ม ... เสี่ยหนุ่มกล่าวว่า): at a word start.
    let mut again = Vec::new();
    for a in &out {
        let name = &text[a.span.clone()];
        if name.contains(' ') && a.family.is_none() {
            // A monk's own name in brackets is not searched again.
            continue;
        }
        if char_count(name) < MIN_AGAIN {
            continue;
        }
        for (s, _) in text.match_indices(name) {
            let e = s + name.len();
            if s == a.span.start || !starts_word(text, s) || text[e..].starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                continue;
            }
            let span = s..e;
            // A mention read there by the name alone (a quoted nickname
            // before a verb) is the alias's person's.
            let k = found.partition_point(|p| p.span.end <= s);
            if let Some(p) = found.get_mut(k).filter(|p| p.span == span && p.family.is_none() && p.given == name) {
                p.given.clone_from(&a.given);
                p.family.clone_from(&a.family);
                continue;
            }
            if overlaps(found, &span) || out.iter().any(|o| o.span.start == s) {
                continue;
            }
            again.push(RawPerson { span, ..a.clone() });
        }
    }
    out.extend(again);
    out
}

/// A mention of the person of `p` at `span`.
fn mention(p: &RawPerson, span: Span) -> RawPerson {
    RawPerson {
        span,
        title: None,
        given: p.given.clone(),
        family: p.family.clone(),
        positions: Vec::new(),
        statement: None,
    }
}

/// Whether `span` overlaps a mention of `found` (sorted by start).
fn overlaps(found: &[RawPerson], span: &Span) -> bool {
    let k = found.partition_point(|p| p.span.end <= span.start);
    found.get(k).is_some_and(|p| p.span.start < span.end)
}

/// Whether a word may start at `s`: the text's start, a space, an opening
/// mark or a quote before it.
fn starts_word(text: &str, s: usize) -> bool {
    text[..s].chars().next_back().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '“' | '‘'))
}

/// The alias written after a name that ends at `end`: ` หรือ X` or `หรือ X`,
/// X in quotes or not, one word of at most fourteen characters that is no
/// title, position or function word (หรือไม่, หรือนาย..., หรือผู้แทน...); a
/// second word is taken where it is short (ต้อม ซูโม่) or no run of dictionary
/// words.
fn alias_after(r: &Reader<'_>, end: usize) -> Option<Span> {
    let text = r.text;
    let rest = text[end..].strip_prefix(' ').unwrap_or(&text[end..]);
    let rest = rest.strip_prefix("หรือ")?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let quoted = rest.starts_with(['"', '“', '\'', '‘']);
    let rest = rest.trim_start_matches(['"', '“', '\'', '‘']);
    let a = text.len() - rest.len();
    if !rest.starts_with(is_thai_letter) || r.hits.title_at(a) || r.head_at(a).is_some() {
        return None;
    }
    let mut e = word_end(text, a);
    match r.words.at(text, a) {
        Some((Class::Word | Class::AfterName | Class::NotName | Class::PositionTail, w)) if w < e => {}
        Some(_) => return None,
        None => {}
    }
    // A dotted nickname (เสธ.แดง, บก.ลายจุด) runs on to the word's end.
    if char_count(&text[a..e]) > MAX_ALIAS || !text[a..e].chars().all(|c| is_thai_letter(c) || c == '.') {
        return None;
    }
    if !quoted && text[e..].starts_with(' ') {
        let b = e + 1;
        let f = word_end(text, b);
        let second = &text[b..f];
        if f > b
            && char_count(second) <= MAX_ALIAS
            && second.chars().all(is_thai_letter)
            && !r.hits.title_at(b)
            && r.head_at(b).is_none()
            && r.words.at(text, b).is_none()
            && (char_count(second) <= 5 || super::shared::dictionary::words_from(&text[..f], b, 4).1 != f)
            && (text[f..].is_empty() || text[f..].starts_with(is_break))
        {
            e = f;
        }
    }
    Some(a..e)
}

/// A name in Latin letters in brackets after a name ending at `end`:
/// ` (Tomas Belak Rendal)`, two to four capitalized words; also after
/// one more Thai word (`… เรนดัล (Tomas Belak Rendal)`). Returns that
/// Thai word, if any, and the span inside the brackets with its number of
/// words.
fn latin_after(r: &Reader<'_>, end: usize) -> Option<(Option<Span>, (Span, usize))> {
    let text = r.text;
    // A bracket and a capital letter, right after the name or after one
    // more word: two byte tests for most names, which have neither.
    let opens_latin = |i: usize| {
        let b = text.as_bytes().get(i..).unwrap_or_default();
        let b = b.strip_prefix(b" ").unwrap_or(b);
        b.first() == Some(&b'(') && b.get(1).is_some_and(u8::is_ascii_uppercase)
    };
    let mut q = end;
    let mut extra = None;
    if !opens_latin(q) && text[q..].starts_with(' ') && text[q + 1..].starts_with(is_thai_letter) {
        let w = q + 1..word_end(text, q + 1);
        // A word of a name: no word of the dictionary, no listed word, no
        // position.
        if !w.is_empty()
            && opens_latin(w.end)
            && text[w.clone()].chars().all(is_thai_letter)
            && r.words.at(text, w.start).is_none()
            && r.head_at(w.start).is_none()
            && super::shared::dictionary::word_at(&text[..w.end], w.start) != Some(w.end)
        {
            q = w.end;
            extra = Some(w);
        }
    }
    let rest = text[q..].strip_prefix(' ').unwrap_or(&text[q..]);
    let inner = rest.strip_prefix('(')?;
    let a = text.len() - inner.len();
    let close = a + text[a..floor_boundary(text, a + 80)].find(')')?;
    let words: Vec<&str> = text[a..close].split(' ').collect();
    let capitalized = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() >= 2
            && cs.all(|c| c.is_ascii_lowercase() || matches!(c, '-' | '\''))
    };
    ((2..=4).contains(&words.len()) && words.iter().all(|w| capitalized(w))).then_some((extra, (a..close, words.len())))
}

/// Whether a name in Latin letters may spell the Thai `given` name: its
/// first letter is one the first Thai consonant is written with
/// (บ็อกดัน → Bogdan, โทมัส → Tomas; not a body's name in brackets).
fn transliterates(given: &str, latin: &str) -> bool {
    let Some(l) = latin.chars().next() else { return false };
    // The first consonant, after a vowel written before it (เ แ โ ใ ไ).
    let Some(c) = given.chars().find(|c| !matches!(c, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ')) else { return false };
    let letters = match c {
        'ก' => "KG",
        'ข' | 'ค' | 'ฆ' => "KCQG",
        'ง' => "NG",
        'จ' => "JCG",
        'ฉ' | 'ช' | 'ฌ' => "CSJ",
        'ซ' | 'ศ' | 'ษ' | 'ส' => "SCZX",
        'ญ' | 'ย' => "YJI",
        'ด' | 'ฎ' => "D",
        'ต' | 'ฏ' => "T",
        'ถ' | 'ท' | 'ธ' | 'ฐ' | 'ฑ' | 'ฒ' => "TD",
        'น' | 'ณ' => "N",
        'บ' => "BV",
        'ป' => "P",
        'ผ' | 'พ' | 'ภ' => "PB",
        'ฝ' | 'ฟ' => "FP",
        'ม' => "M",
        'ร' => "R",
        'ล' | 'ฬ' => "L",
        'ว' => "WV",
        'ห' | 'ฮ' => "H",
        'อ' => "AEIOUYH",
        _ => "",
    };
    letters.contains(l)
}

/// The title-name of a monk at `s` and his own name in the brackets after
/// it: `พระพรหมเสนาบดี (สมศักดิ์ ธมฺมวโร)`, `พระครูสมุห์ธนพล(ธนพล ฐานุตฺตโร)`.
/// The title-name is one word that starts with a clergy title (classes
/// `clergy_title` and `weak_clergy_title` of `people_words.tsv`: พระ,
/// หลวงพ่อ, หลวงปู่, หลวงตา, ครูบา); the brackets hold two Thai words and
/// nothing else.
fn monastic(r: &Reader<'_>, s: usize) -> Option<(Span, Span)> {
    let text = r.text;
    let rest = &text[s..];
    if !r.words.clergy_titles.iter().any(|t| rest.starts_with(t.as_str())) {
        return None;
    }
    let e = word_end(text, s);
    if char_count(&text[s..e]) < 6 || !text[s..e].chars().all(is_thai_letter) {
        return None;
    }
    let open = e + usize::from(text[e..].starts_with(' '));
    let inner = text[open..].strip_prefix('(')?;
    let a = text.len() - inner.len();
    let close = a + text[a..floor_boundary(text, a + 120)].find(')')?;
    let (own, monastic) = text[a..close].split_once(' ')?;
    let thai = |w: &str| char_count(w) >= 2 && w.chars().all(is_thai_letter);
    (thai(own) && thai(monastic)).then_some((s..e, a..close))
}
