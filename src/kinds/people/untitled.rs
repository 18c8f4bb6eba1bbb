//! Names written without a title: a full name `ชื่อ สกุล` whose given name
//! is a known Thai given name, or that a cue marks as a name (a position
//! before or after it, a verb of speech after it, quotes around it); and a
//! given name written alone after the person was named in full.
//!
//! A given name alone, or two words with no cue and no known given name, is
//! no person: Thai given names are often ordinary words (สมหวัง, วัน).

use std::sync::LazyLock;

use foldhash::{HashSet, HashSetExt};

use super::again::GivenNames;
use super::reader::Reader;
use super::text::*;
use super::words::Class;
use super::{is_royal_title, shared, RawPerson, Span};
use crate::kinds::registry;
use crate::thai::is_thai_letter;

/// A name list as a set: the question asked of it is always whether a whole
/// word is an entry, which one hash of the word answers (a walk of a trie
/// of ten thousand names missed cache at most steps).
type Names = HashSet<&'static str>;

fn names(file: &str) -> Names {
    let entries = registry::entries(file);
    let mut set = Names::with_capacity(entries.len());
    set.extend(entries.iter().map(|e| e.phrase()));
    set
}

/// Thai given names (the Thai names corpus, CC-BY-SA-4.0).
static GIVEN: LazyLock<Names> = LazyLock::new(|| names("given_names.txt"));
/// Thai family names (the Thai names corpus, CC-BY-SA-4.0).
static FAMILY: LazyLock<Names> = LazyLock::new(|| names("family_names.txt"));

/// Whether `text[span]` is a whole entry of `list`.
fn listed(list: &Names, text: &str, span: &Span) -> bool {
    text.get(span.clone()).is_some_and(|w| list.contains(w))
}

/// Whether `text[span]` is a Thai family name of the list.
pub(super) fn is_family_name(text: &str, span: &Span) -> bool {
    listed(&FAMILY, text, span)
}

/// Whether `text[span]` is a Thai given name of the list.
pub(crate) fn is_given_name(text: &str, span: &Span) -> bool {
    listed(&GIVEN, text, span)
}

/// Whether `text[span]` reads as two dictionary words or more from end to
/// end (an ordinary phrase rather than a name: เตรียมลงพื้นที่).
fn phrase_of_words(text: &str, span: &Span) -> bool {
    let (n, e) = shared::dictionary::words_from(&text[..span.end], span.start, 8);
    n >= 2 && e == span.end
}

/// Whether the word at `i` (up to a space or a break) is a listed given name
/// that runs past `e`, the end of an ordinary word starting with the title
/// before it, and is no word of the dictionary: `นายเรืองชัย` is นาย and
/// เรืองชัย, though `นายเรือ` is a word (`นางฟ้า` stays a word).
pub(super) fn given_runs_past(text: &str, i: usize, e: usize) -> bool {
    let w = word_end(text, i);
    w > e && is_given_name(text, &(i..w)) && !is_word(text, &(i..w))
}

/// Whether `text[span]` is a word of the dictionary.
fn is_word(text: &str, span: &Span) -> bool {
    shared::dictionary::word_at(&text[..span.end], span.start) == Some(span.end)
}

/// A senior officer's nickname starts with it (บิ๊ก "big"), with or
/// without quotes; other nicknames are read in quotes only (น้องสาว เล่า…
/// is no name).
const BIG: &str = "บิ๊ก";

/// Auxiliaries written between a name and its verb (ชื่อ สกุล ไม่ได้รับ…).
const AUXILIARIES: [&str; 7] = ["ได้", "จะ", "ไม่", "ยัง", "เคย", "ถูก", "กำลัง"];

/// Whether a verb starts at `q`: a verb of `verbs_th.txt` standing as a
/// word there, a verb of speech or a headline verb of `people_words.tsv`,
/// or an auxiliary.
fn verb_after(r: &Reader<'_>, q: usize) -> bool {
    let text = r.text;
    shared::verb_at(text, q).is_some()
        || matches!(r.words.at(text, q), Some((Class::Speech | Class::Word, _)))
        || AUXILIARIES.iter().any(|a| text[q..].starts_with(a) && boundary(text, q + a.len()))
}

/// Whether a dictionary word of `text[span]` other than its last is a
/// verb (ลง|เต็ม|เกม is a clause; a family name compounds nouns and may end
/// in a verb: วิทยา|พิทักษ์), the words read greedily, longest first.
fn verb_inside(text: &str, span: &Span) -> bool {
    let text = &text[..span.end];
    let mut i = span.start;
    while let Some(e) = shared::dictionary::word_at(text, i).filter(|&e| e > i && e < span.end) {
        if shared::verb_at(text, i).is_some() {
            return true;
        }
        i = e;
    }
    false
}

/// The closing quote of `open`.
fn closes(open: char, c: char) -> bool {
    matches!((open, c), ('"', '"') | ('\'', '\'') | ('“', '”') | ('‘', '’') | ('\'', '’') | ('‘', '\''))
}

/// Untitled full names, not inside any of `found` (sorted by start).
///
/// Cost: at each space a few lookups decide whether a name may start after
/// it (a listed given name ending at the next space, a quote, a position in
/// the word before, a position or a verb of speech two words on); only
/// those places are read in full.
pub(super) fn untitled(r: &Reader<'_>, sp: &[usize], lines: &[usize], found: &[RawPerson]) -> Vec<RawPerson> {
    let text = r.text;
    let starts = &r.hits.starts;
    let mut out = Vec::new();
    let mut taken = 0;
    // The first position hit at or after the start of the word before the
    // name, and after the word after it: both only move on, as the spaces.
    let (mut hit_before, mut hit_after) = (0, 0);
    // The first line break not yet passed.
    let mut li = 0;
    for j in 0..=sp.len() {
        let i0 = if j == 0 { 0 } else { sp[j - 1] + 1 };
        // The name's first word ends at the next space, its second at the one after.
        let (Some(&s1), Some(&s2)) = (sp.get(j), sp.get(j + 1)) else { break };
        if i0 < taken || i0 >= s1 {
            continue;
        }
        // A line break also starts a word (a headline on a line of its own).
        let mut i0 = i0;
        while let Some(&q) = lines.get(li).filter(|&&q| q < s1) {
            i0 = i0.max(q + 1);
            li += 1;
        }
        // One opening quote may stand between the space (or line break)
        // and the name.
        let (i, quote) = match text.as_bytes()[i0] {
            b'"' => (i0 + 1, Some('"')),
            b'\'' => (i0 + 1, Some('\'')),
            0xE2 if text[i0..].starts_with('“') => (i0 + '“'.len_utf8(), Some('“')),
            0xE2 if text[i0..].starts_with('‘') => (i0 + '‘'.len_utf8(), Some('‘')),
            _ => (i0, None),
        };
        if !thai_letter_at(text, i) {
            continue;
        }
        if quote.is_some() || text[i..].starts_with(BIG) {
            if let Some(p) = one_word(r, i, quote, s1, found) {
                taken = p.span.end;
                out.push(p);
                continue;
            }
        }
        // A given name is a short word (at most 20 characters, 60 bytes);
        // most runs between spaces are clauses, much longer.
        if s1 - i > 60 || s1 - i < 6 {
            continue;
        }
        // Names hold no space: the given name is the whole word up to s1.
        let known = listed(&GIVEN, text, &(i..s1));
        if !known && quote.is_none() {
            let before = j > 0 && {
                let prev = if j == 1 { 0 } else { sp[j - 2] + 1 };
                while starts.get(hit_before).is_some_and(|&h| h < prev) {
                    hit_before += 1;
                }
                starts.get(hit_before).is_some_and(|&h| h < sp[j - 1])
            };
            // A position hit at the start of the word after the name (or
            // after a prefix such as รอง before it).
            let after = s2 + 1;
            while starts.get(hit_after).is_some_and(|&h| h < after) {
                hit_after += 1;
            }
            if !before && starts.get(hit_after).is_none_or(|&h| h >= after + 16) {
                continue;
            }
        }
        // A word after a number counts it (56 ราย, 9 วัน).
        if text[..i0].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let k = found.partition_point(|p| p.span.end <= i);
        if k < found.len() && found[k].span.start <= i {
            continue;
        }
        if let Some(p) = read(r, i, known, quote, found.get(k).map_or(text.len(), |p| p.span.start)) {
            taken = p.span.end;
            out.push(p);
        }
    }
    out
}

/// A person named by one word at `i` then a verb: in quotes (after the
/// opening quote `open`, the closing one before `s1`, the next space), a
/// headline's `“สมชาย” ชี้…`, where the word is a listed given name that is
/// no verb or a nickname; or a nickname (class `nickname` of
/// people_words.tsv) that is no dictionary word; or a nickname of `บิ๊ก`
/// without quotes, up to the space (`บิ๊กเอ สั่ง…`). Not a place or a body
/// the scan found.
///
/// A nickname of `บิ๊ก` (a senior officer's) is a mention of the one person
/// of the text with a general's rank (พล.อ., พล.ต.อ.), where there is one.
fn one_word(r: &Reader<'_>, i: usize, quote: Option<char>, s1: usize, found: &[RawPerson]) -> Option<RawPerson> {
    let text = r.text;
    let e = word_end(text, i);
    let mut q = e;
    if let Some(open) = quote {
        let close = text[e..s1.max(e)].chars().next()?;
        if e >= s1 || !closes(open, close) {
            return None;
        }
        q += close.len_utf8();
    } else if e != s1 {
        return None;
    }
    if text[q..].starts_with(' ') {
        q += 1;
    }
    let word = &text[i..e];
    if char_count(word) > 20 {
        return None;
    }
    // A nickname is no word of the dictionary (น้องสาว, หมอฟัน).
    let nickname = super::words::WORDS
        .nicknames
        .iter()
        .find(|n| word.len() > n.len() && word.starts_with(n.as_str()) && (quote.is_some() || n.as_str() == BIG))
        .filter(|_| !is_word(text, &(i..e)));
    let given = quote.is_some() && listed(&GIVEN, text, &(i..e)) && shared::verb_at(text, i).is_none_or(|v| v < e);
    if !(given || nickname.is_some()) || !verb_after(r, q) || r.hits.places.binary_search(&i).is_ok() {
        return None;
    }
    let k = found.partition_point(|p| p.span.end <= i);
    if k < found.len() && found[k].span.start < e {
        return None;
    }
    let mut person = RawPerson {
        span: i..e,
        title: None,
        given: word.to_string(),
        family: None,
        positions: Vec::new(),
        statement: None,
    };
    if nickname.is_some_and(|n| n == BIG) {
        let mut generals = found.iter().filter(|p| p.family.is_some() && p.title.as_deref().is_some_and(is_general));
        if let Some(g) = generals.next() {
            if generals.all(|o| o.given == g.given && o.family == g.family) {
                person.given.clone_from(&g.given);
                person.family.clone_from(&g.family);
            }
        }
    }
    Some(person)
}

/// Whether `title` holds a general's rank (พล.อ., พล.ต.อ., พลเอก,
/// พลตำรวจเอก; not พลทหาร).
fn is_general(title: &str) -> bool {
    title.contains("พล.") && !title.contains("พลฯ")
        || title.contains("พลเอก")
        || title.contains("พลตำรวจ")
        || title.contains("พลโท")
        || title.contains("พลตรี")
        || title.contains("พลเรือ")
        || title.contains("พลอากาศ")
}

/// An untitled full name at `i` (a word start), ending before `limit`.
fn read(r: &Reader<'_>, i: usize, known: bool, quote: Option<char>, limit: usize) -> Option<RawPerson> {
    let text = r.text;
    let given_word = word_end(text, i);
    if !text[given_word..].starts_with(' ') || r.ends_name(i) || r.hits.places.binary_search(&i).is_ok() {
        return None;
    }
    let (given, family, end) = r.name(i, false)?;
    let family = family?;
    if given.end != given_word || end > limit {
        return None;
    }
    // The family name: not a place or a body, not a word a given name never
    // starts with.
    if r.hits.places.binary_search(&family.start).is_ok()
        || r.hits.title_at(family.start)
        || matches!(r.words.at(text, family.start), Some((Class::NotGiven | Class::NotName, _)))
        || matches!(shared::word_at(text, family.start), Some((_, shared::Role::Prefix(_))))
        || char_count(&text[family.clone()]) < 2
    {
        return None;
    }
    // Cues after the name.
    let mut q = end;
    let closed = quote.is_some_and(|o| text[q..].chars().next().is_some_and(|c| closes(o, c)));
    if closed {
        q += text[q..].chars().next().map_or(0, char::len_utf8);
    }
    if text[q..].starts_with(' ') {
        q += 1;
    }
    // A verb after a closing quote whose opening one is not before the
    // name (a quoted headline: …' ชื่อ สกุล' ชี้…).
    let mut qv = q;
    if !closed && text[q..].starts_with(['\'', '’', '”', '"']) {
        qv += text[q..].chars().next().map_or(0, char::len_utf8);
        if text[qv..].starts_with(' ') {
            qv += 1;
        }
    }
    let (positions, after) = r.positions_after(q);
    let speech = matches!(r.words.at(text, q), Some((Class::Speech, _)));
    let age = text[q..].starts_with("อายุ");
    // A verb after the name (a headline: ชื่อ สกุล ขอโทษ…), where the
    // family name is no verb itself (ชื่อ ลงพื้นที่ ตรวจ… is a given name
    // and a clause).
    // Not a place named whole (พิจิตร กำแพงเพชร ตาก, a list of provinces).
    let verb = verb_after(r, qv)
        && !verb_after(r, family.start)
        && !verb_inside(text, &family)
        && ![&given, &family].iter().any(|w| shared::place_at(text, w.start).is_some_and(|(e, _)| e == w.end));
    // A position written before the name, read once the name has passed
    // the tests above (most candidates do not).
    let before = r.position_before(i, 0);
    let cue = before.is_some() || !positions.is_empty() || speech || closed || age || verb;
    let family_known = listed(&FAMILY, text, &family);
    // A family name of the list, or one that is neither a phrase of words
    // nor a short word (ออก, ดี).
    let family_word = is_word(text, &family);
    let family_ok =
        family_known || !(phrase_of_words(text, &family) || family_word && char_count(&text[family.clone()]) < 4);
    let given_word = is_word(text, &given);
    let accept = if known {
        // A given name that is also a word (วัน, ราย, สนุก) needs a cue.
        cue || (!given_word && family_ok) || (family_known && !family_word)
    } else {
        // A foreign given name may be a dictionary word (มาร์ติน), and a
        // foreign family name reads as words (โคล|แมน); not both words.
        // Without quotes or a position before it, not a word before a
        // phrase either (อนึ่ง ก่อนหน้านั้น นายกรัฐมนตรี...).
        let loose = quote.is_none() && before.is_none();
        cue && !phrase_of_words(text, &given)
            && !(given_word && (family_word || loose && phrase_of_words(text, &family)))
    };
    if !accept {
        return None;
    }
    let positions = if positions.is_empty() { before.unwrap_or_default() } else { positions };
    let statement = if speech {
        r.statement(q)
    } else {
        let mut q2 = after;
        if text[q2..].starts_with(' ') {
            q2 += 1;
        }
        if positions.is_empty() {
            None
        } else {
            r.statement(q2)
        }
    };
    Some(RawPerson {
        span: i..end,
        title: None,
        given: text[given].to_string(),
        family: Some(text[family].to_string()),
        positions: positions.into_iter().map(|sp| text[sp].trim().to_string()).filter(|p| !p.is_empty()).collect(),
        statement,
    })
}

/// Mentions by given name alone of people named in full in `found` (sorted
/// by start): the given name at a word start, ending at a break, a space, or
/// a word that ends names (a verb of speech, a position).
///
/// Also returns [`titled_given_again`]'s fixes, read with the same names.
pub(super) fn given_again(
    r: &Reader<'_>,
    sp: &[usize],
    lines: &[usize],
    found: &[RawPerson],
) -> (Vec<RawPerson>, Vec<(usize, usize)>) {
    let text = r.text;
    let mut names: Vec<&str> =
        found.iter().filter(|p| p.family.is_some() && char_count(&p.given) >= 3).map(|p| p.given.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let families: Vec<&str> = found.iter().filter_map(|p| p.family.as_deref()).collect();
    if names.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // This document's names, filed by their first two characters: a bit
    // test a space, whatever their number.
    let given_names = GivenNames::new(&names);
    let (titled, fixes) = titled_given_again(r, found, &given_names, &families);
    let mut out = Vec::new();
    // Word starts: the text's, after a space, after a line break.
    let starts = std::iter::once(0).chain(sp.iter().chain(lines).map(|q| q + 1));
    for i0 in starts {
        let mut i = i0;
        let rest = text.as_bytes().get(i..).unwrap_or_default();
        if matches!(rest.first(), Some(b'"' | b'\'' | b'(')) {
            i += 1;
        } else if rest.starts_with("“".as_bytes()) || rest.starts_with("‘".as_bytes()) {
            i += "“".len();
        }
        let Some(end) = given_names.longest_at(text, i) else { continue };
        let k = found.partition_point(|p| p.span.end <= i);
        if k < found.len() && found[k].span.start < end {
            continue;
        }
        if !ends_given(r, end, &families) {
            continue;
        }
        let given = &text[i..end];
        // A short given name that is also a word (ดอน, วัน) only at a break.
        let short_word = char_count(given) <= 4 && is_word(text, &(i..end));
        if short_word && !text[end..].starts_with(|c: char| c == ' ' || is_break(c)) && end != text.len() {
            continue;
        }
        // Followed by a space and another name word: a full name, found
        // elsewhere (or another person with the same given name).
        out.push(RawPerson {
            span: i..end,
            title: None,
            given: given.to_string(),
            family: None,
            positions: Vec::new(),
            statement: None,
        });
    }
    // A given name after a title and a space is the titled mention's.
    out.retain(|p| !titled.iter().any(|t| t.span.start < p.span.end && p.span.start < t.span.end));
    out.extend(titled);
    (out, fixes)
}

/// Titled mentions by given name alone of people named in full in `found`
/// (sorted by start): the title and the document's given name, whatever
/// follows it, glued or spaced (นายสมชายจะพูด, ด่านายสมชาย และ). A mention
/// already read with no family name is cut or lengthened to that given name
/// (นายสมชายพาดพิง → นายสมชาย); a title not read as a mention (one glued
/// after a word) starts a new one. Not where the given name runs on into a
/// longer given name of the list (นายสมชาติ is not นายสม), into one of the
/// document's family names (a full name glued), or inside a syllable.
fn titled_given_again(
    r: &Reader<'_>,
    found: &[RawPerson],
    given_names: &GivenNames<'_>,
    families: &[&str],
) -> (Vec<RawPerson>, Vec<(usize, usize)>) {
    let text = r.text;
    // The end of the doc's given name at `gs`, where a mention may end.
    let ends_at = |gs: usize, read_end: usize| -> Option<usize> {
        let end = given_names.longest_at(text, gs)?;
        // A mention already ending there needs no fix.
        if end == read_end {
            return None;
        }
        let rest = &text[end..];
        if starts_with_mark(rest) || !boundary(text, end) && !rest.is_empty() {
            return None;
        }
        if families.iter().any(|f| rest.starts_with(f)) {
            return None;
        }
        // A longer given name of the list read there is another person.
        if read_end > end && listed(&GIVEN, text, &(gs..read_end)) {
            return None;
        }
        let w = word_end(text, gs);
        if w > end && listed(&GIVEN, text, &(gs..w)) {
            return None;
        }
        Some(end)
    };
    // Mentions with no family name: cut or lengthen to the doc's given name
    // (the index of the mention and its new end).
    let mut fixes = Vec::new();
    for (k, p) in found.iter().enumerate() {
        if p.family.is_some() || p.title.is_none() || p.span.end < p.given.len() {
            continue;
        }
        let next = found.get(k + 1).map_or(text.len(), |q| q.span.start);
        let gs = p.span.end - p.given.len();
        if text.get(gs..p.span.end) == Some(p.given.as_str()) {
            if let Some(end) = ends_at(gs, p.span.end).filter(|&e| e <= next) {
                fixes.push((k, end));
            }
        }
    }
    let mut out = Vec::new();
    let titles = &r.hits.titles;
    for (k, h) in titles.iter().enumerate() {
        // Mentions keep their starts through the fixes; a fix moves an end
        // to at most the next start.
        let c = found.partition_point(|p| p.span.end <= h.start);
        if c < found.len() && found[c].span.start < h.end {
            continue;
        }
        let gs = h.end + usize::from(text.as_bytes().get(h.end) == Some(&b' '));
        let Some(end) = ends_at(gs, gs) else { continue };
        if is_royal_title(&text[h.start..h.end]) {
            continue;
        }
        if c < found.len() && found[c].span.start < end
            || fixes.iter().any(|&(f, e): &(usize, usize)| found[f].span.start < end && h.start < e)
        {
            continue;
        }
        // An ordinary word that starts with the title and holds the whole
        // given name (นายพล) is no mention.
        if matches!(r.words.at(text, h.start), Some((Class::NotName | Class::TitlePosition, e)) if e >= end) {
            continue;
        }
        // Stacked titles glued before it belong to the mention.
        let mut start = h.start;
        let mut j = k;
        while j > 0 && titles[j - 1].end == start {
            j -= 1;
            start = titles[j].start;
        }
        out.push(RawPerson {
            span: start..end,
            title: Some(text[start..h.end].to_string()),
            given: text[gs..end].to_string(),
            family: None,
            positions: Vec::new(),
            statement: None,
        });
    }
    (out, fixes)
}

/// Whether a given name may end at `end`.
fn ends_given(r: &Reader<'_>, end: usize, families: &[&str]) -> bool {
    let text = r.text;
    let Some(c) = text[end..].chars().next() else { return true };
    if c == ' ' {
        let q = end + 1;
        if r.ends_name(q) || !text[q..].starts_with(is_thai_letter) {
            return true;
        }
        // Another word after the space: a family name (of this person or of
        // another with the same given name) is a full name of its own; an
        // ordinary word (สมชาย พบว่า) ends the given name.
        let w = q..word_end(text, q);
        return !families.iter().any(|f| text[w.clone()].starts_with(*f))
            && !listed(&FAMILY, text, &w)
            && shared::dictionary::word_at(text, q).is_some();
    }
    if is_break(c) || c == '.' || c == 'ฯ' {
        return true;
    }
    if !boundary(text, end) || starts_with_mark(&text[end..]) {
        return false;
    }
    matches!(
        r.words.at(text, end),
        Some((Class::Speech | Class::Stop | Class::Link | Class::Word | Class::AfterName | Class::NotGiven, _))
    ) || r.head_at(end).is_some()
}

/// Mentions read as a given name and a family name where the doc names a
/// person with that given name and another family name, and the second word
/// is an ordinary word written after the given name (นายสมชาย พบว่า): the
/// mention is the given name alone. Two people with one given name and two
/// family names of the list, or not words, stay two.
pub(super) fn cut_false_families(text: &str, found: &mut [RawPerson]) {
    use foldhash::{HashMap, HashMapExt};
    // Per given name: the first mention with a family name (start, family)
    // and the first start of a mention with another family name; per family
    // name, how many mentions carry it. One pass, then one check a mention.
    let mut first: HashMap<&str, (usize, &str, usize)> = HashMap::new();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for p in found.iter() {
        let Some(f) = p.family.as_deref() else { continue };
        *count.entry(f).or_insert(0) += 1;
        let e = first.entry(p.given.as_str()).or_insert((p.span.start, f, usize::MAX));
        if e.1 != f && e.2 == usize::MAX {
            e.2 = p.span.start;
        }
    }
    let mut fix = Vec::new();
    for (k, p) in found.iter().enumerate() {
        let Some(f) = p.family.as_deref() else { continue };
        let Some(head) = text[p.span.clone()].strip_suffix(f).and_then(|h| h.strip_suffix(' ')) else { continue };
        // The person named in full first, with another family name; this
        // mention comes later.
        let Some(&(start, family, other)) = first.get(p.given.as_str()) else { continue };
        let earlier_other = if family != f { start < p.span.start } else { other < p.span.start };
        if !earlier_other || count.get(f).copied().unwrap_or(0) > 1 {
            continue;
        }
        let fam = p.span.end - f.len()..p.span.end;
        if listed(&FAMILY, text, &fam) || shared::dictionary::word_at(text, fam.start).is_none() {
            continue;
        }
        fix.push((k, p.span.start + head.len()));
    }
    for (k, end) in fix {
        let p = &mut found[k];
        p.span.end = end;
        p.family = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_lists_are_normalized_thai_and_large() {
        // Normalized form, no duplicates: the registry's parse checks them.
        for (file, min) in [("given_names.txt", 10_000), ("family_names.txt", 9_000)] {
            let entries = registry::entries(file);
            for w in entries.iter().map(|e| e.phrase()) {
                assert!(w.chars().all(is_thai_letter) && w.chars().count() >= 2, "{w:?}");
            }
            assert!(entries.len() > min);
        }
    }

    #[test]
    fn listed_is_a_whole_entry() {
        let t = "สมศักดิ์ดี";
        assert!(listed(&GIVEN, t, &(0.."สมศักดิ์".len())));
        assert!(!listed(&GIVEN, t, &(0..t.len())));
    }
}
