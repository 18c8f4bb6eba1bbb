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
//!   function word (`โดยนาย...`), or after an ordinary word that the
//!   dictionary ends right there (`เลือกนาย...`, not `เจ้านาย`). Titles of
//!   five characters or more (`พลตำรวจเอก`) may stand anywhere. A title that begins an ordinary
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
//! Files: `words.rs` (the word list read around a name), `text.rs` (word
//! ends and other Thai text tests), `reader.rs` (names, positions and
//! statements read from a place in the text), `credits.rs` (credit lines),
//! `again.rs` (full names found again); this file walks the titles.
//!
//! Cost: one pass over the title hits; every look-around is local to the
//! candidate (a word or two), so the whole is linear in the text.

mod again;
mod alias;
mod credits;
mod reader;
mod starts;
mod text;
mod untitled;
mod words;

pub(crate) use untitled::is_given_name;
pub(crate) use words::credit_phrases;

use again::untitled_again;
use credits::credits;
use reader::{Hits, Reader, Start};
use text::*;
use words::{Class, WORDS};

use super::{shared, Doc, Span};

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

/// Whether `title` is a title that is also an ordinary word (ท่าน "you",
/// พระ "monk, sacred", อาจารย์ "lecturer"; class `weak_title` of
/// people_words.tsv): a mention with one of them needs a family name.
fn is_weak_title(title: &str) -> bool {
    WORDS.weak_titles.iter().any(|w| w == title)
}

/// Whether `title` is a royal style written before a royal's name
/// (พระบาทสมเด็จพระ, สมเด็จพระนางเจ้า; class `royal_title` of
/// people_words.tsv).
fn is_royal_title(title: &str) -> bool {
    WORDS.royal_titles.iter().any(|w| w == title)
}

/// A royal named after a royal style at `s..end`: the name is the word glued
/// to the style (พระบาทสมเด็จพระสุริยวงศ์มหาราช, สมเด็จพระนางเจ้ามณีรัตน์),
/// up to a title glued after it (…มณีรัตน์พระบรมราชินี) or a small word
/// closing it (…มหาราชด้วย). A royal epithet after one space belongs to the
/// mention (…สุริยวงศ์มหาราช บรมนาถบพิตร, class `royal_epithet`). A royal name holds no family name; a style with no name glued to it
/// (สมเด็จพระเจ้าอยู่หัว ทรง…), before a style word (สมเด็จพระนางเจ้าพระบรมราชินี)
/// or before a clause (…เจ้าอยู่หัวเนื่องในวโรกาส…) is no name: the style
/// alone names a role.
fn royal(r: &Reader<'_>, s: usize, end: usize) -> Option<RawPerson> {
    let text = r.text;
    let mut e = word_end(text, end);
    let k = r.hits.titles.partition_point(|h| h.start <= end);
    if let Some(h) = r.hits.titles.get(k).filter(|h| h.start < e) {
        e = h.start;
    }
    // A small word glued at the end (ด้วย, นั้น): the longest people word
    // that ends there, of two characters or more.
    let mut glued = e;
    for (q, _) in text[end..e].char_indices().skip(2) {
        let q = end + q;
        if matches!(r.words.at(&text[..e], q), Some((Class::Word | Class::AfterName | Class::Stop | Class::Link | Class::Speech, w)) if w == e)
            && char_count(&text[q..e]) >= 2
            && boundary(text, q)
        {
            glued = q;
            break;
        }
    }
    // Where the space after the name is lost, a stop or link word or a
    // verb of speech glued after it ends it (…เดชและทรง…, …เดชโดยมี…).
    if glued == e {
        if let Some(q) =
            r.words.first_cut(text, floor_boundary(text, end + 9)..e, &[Class::Stop, Class::Link, Class::Speech])
        {
            glued = q;
        }
    }
    let e = glued;
    let name = &text[end..e];
    if char_count(name) < 3
        || !name.chars().all(crate::thai::is_thai_letter)
        || starts_with_mark(name)
        || matches!(
            r.words.at(text, end),
            Some((
                Class::NotName
                    | Class::NotGiven
                    | Class::Stop
                    | Class::Link
                    | Class::Word
                    | Class::AfterName
                    | Class::Speech,
                _
            ))
        )
    {
        return None;
    }
    // A royal epithet after one space is part of the mention.
    let mut span_end = e;
    if text[e..].starts_with(' ') {
        if let Some((Class::RoyalEpithet, w)) = r.words.at(text, e + 1) {
            if text[w..].is_empty() || text[w..].starts_with(is_break) {
                span_end = w;
            }
        }
    }
    Some(RawPerson {
        span: s..span_end,
        title: Some(text[s..end].to_string()),
        given: name.to_string(),
        family: None,
        positions: Vec::new(),
        statement: None,
    })
}

/// Ranks that take the feminine suffix หญิง (พันเอกหญิง, พ.ต.อ.หญิง): a
/// dotted rank, or one that starts like a rank of class `feminine_rank`.
fn takes_feminine(title: &str) -> bool {
    title.ends_with('.') || WORDS.feminine_ranks.iter().any(|p| title.starts_with(p.as_str()))
}

/// Every person mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawPerson> {
    let text = doc.text();
    let r = Reader {
        text,
        credits: &doc.scan.lists[super::list::CREDITS],
        places: &doc.scan.lists[super::list::GAZETTEER],
        hits: Hits::new(&doc.scan.hits),
        words: &WORDS,
    };
    let mut out = titled(&r);
    out.extend(credits(&r));
    out.sort_by_key(|p| p.span.start);
    let spaces = again::spaces(text.as_bytes());
    let lines = line_breaks(text.as_bytes());
    let plain = untitled::untitled(&r, &spaces, &lines, &out);
    out.extend(plain);
    out.sort_by_key(|p| p.span.start);
    let again = untitled_again(text, &spaces, &doc.scan.chars, &out);
    out.extend(again);
    out.sort_by_key(|p| p.span.start);
    untitled::cut_false_families(text, &mut out);
    let (given, fixes) = untitled::given_again(&r, &spaces, &lines, &out);
    for (k, end) in fixes {
        let p = &mut out[k];
        let gs = p.span.end - p.given.len();
        p.span.end = end;
        p.given = text[gs..end].to_string();
    }
    out.extend(given);
    out.sort_by_key(|p| p.span.start);
    let aliases = alias::aliases(&r, &mut out);
    out.extend(aliases);
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
        // An ordinary word or a royal epithet that starts with the title
        // (นายจ้าง, พระราช…, พระบรมราชินีนาถ), not
        // a shorter one inside a longer title (พระบาท in พระบาทสมเด็จพระ).
        if matches!(r.words.at(text, s), Some((Class::NotName | Class::TitlePosition | Class::RoyalEpithet, e)) if !starts_with_mark(&text[e..]) && e > first.end && !untitled::given_runs_past(text, first.end, e))
        {
            continue;
        }
        if is_royal_title(&text[s..first.end]) {
            if let Some(p) = royal(r, first.start, first.end) {
                taken = p.span.end;
                out.push(p);
            }
            continue;
        }
        let start = r.title_may_start(s, &text[s..first.end]);
        if start == Start::No {
            continue;
        }
        // Stacked titles: hits that follow one another without a gap or
        // across one space (ผู้ช่วยศาสตราจารย์ ดร., พลตำรวจตรี นายแพทย์).
        let mut end = first.end;
        let mut weak = is_weak_title(&text[s..first.end]);
        loop {
            if text[end..].starts_with("หญิง") && takes_feminine(&text[s..end]) {
                end += "หญิง".len();
            }
            let gap = usize::from(text[end..].starts_with(' '));
            if k >= titles.len() || titles[k].start != end + gap {
                break;
            }
            let next = &text[titles[k].start..titles[k].end];
            if matches!(r.words.at(text, end + gap), Some((Class::NotName, _))) || (gap == 1 && is_weak_title(next)) {
                break;
            }
            weak = weak && is_weak_title(next);
            end = titles[k].end;
            k += 1;
        }
        let title = &text[s..end];
        // นายก + words (นายกเหล่ากาชาด..., นายกวิศวกรรมสถาน...): the head of a
        // body, not นาย + a given name in ก (นายกมล, นายกิตติ).
        if title == "นาย" && text[end..].starts_with('ก') {
            // Nine characters of words (นายกอบศักดิ์ is a name: อบ|ศักดิ์).
            let from = end + 'ก'.len_utf8();
            let (n, e) = shared::dictionary::words_from(text, from, 3);
            if n >= 2 && char_count(&text[from..e]) >= 9 {
                continue;
            }
        }
        let english = title.is_ascii();
        let mut p = end;
        if text[p..].starts_with(' ') && !r.ends_name(p + 1) {
            p += 1;
        }
        let Some((given, family, name_end)) = r.name(p, english) else { continue };
        if start == Start::AfterWord {
            // After an ordinary word, a short word is no given or family
            // name (ขุนน้ำ|นาง|นอน, …นางนอนอีกครั้ง หลัง), and a given name alone is a listed one that
            // is no word of the dictionary (ส่งตัวแทนไปแจ้งจับนายกิตติศักดิ์).
            let short_word = |w: &Span, n: usize| {
                char_count(&text[w.clone()]) <= n && shared::dictionary::word_at(&text[..w.end], w.start) == Some(w.end)
            };
            let word = shared::dictionary::word_at(&text[..given.end], given.start) == Some(given.end);
            if short_word(&given, 3)
                || family.as_ref().is_some_and(|f| short_word(f, 4) && !untitled::is_family_name(text, f))
                || family.is_none() && (word || !untitled::is_given_name(text, &given))
            {
                continue;
            }
        }
        if weak || start == Start::WithFamily || (start == Start::AfterWord && family.is_some()) {
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
        // A title before a common noun or a clause (เด็กชายวัย 2 ขวบ,
        // ด.ญ.ผู้เสียหาย). After a weak title, also a clause (ท่านแต่เพื่อ...).
        match r.words.at(text, given.start) {
            Some((Class::NotGiven | Class::AfterName | Class::Link | Class::Prefix, e))
                if !starts_with_mark(&text[e..]) =>
            {
                continue
            }
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
