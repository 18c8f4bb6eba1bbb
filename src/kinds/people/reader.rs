//! The reader of one document: the scanned hits, and the name, position
//! and statement read from a place in the text.

use foldhash::HashMap;

use super::text::*;
use super::words::{Class, Words};
use super::{shared, Span};
use crate::lexicon::{Category, Found, Hit};
use crate::thai::is_thai_letter;

/// The longest statement kept, in bytes (about 1,000 Thai characters).
const MAX_STATEMENT: usize = 3000;

/// The longest run without a space (in bytes, about 40 Thai characters)
/// that the dictionary cuts into a name and the words glued after it.
const MAX_GLUED_RUN: usize = 120;

/// The shortest run without a space, in characters, that may be a given
/// name with words glued after it (longer than nearly every given name).
const MIN_GLUED_RUN: usize = 14;

/// The longest given name looked up in the name list, in bytes (20 Thai
/// characters).
const MAX_GIVEN_BYTES: usize = 60;

/// The shortest run without a space, in characters, that may be a family
/// name with a word glued after it (a short name and a short head: ใจดีรอง…).
const MIN_GLUED_FAMILY_RUN: usize = 7;

/// The shortest run, in characters, searched for a listed family name
/// with a word glued after it.
const MIN_LISTED_GLUED_RUN: usize = 12;

/// The longest family name read, in characters.
pub(super) const MAX_FAMILY: usize = 20;

/// How far back, in characters, a dictionary word is looked for that ends
/// where a prefix glued after a family name ends.
const WORD_BACK_CHARS: usize = 6;

/// The scanned hits the people extractor reads, indexed by start.
pub(super) struct Hits {
    pub(super) titles: Vec<Hit>,
    pub(super) positions: HashMap<usize, usize>,
    /// Starts of position hits, sorted, for cuts inside a word (a title
    /// inside a word is no cut: สาวนายน).
    pub(super) starts: Vec<usize>,
    /// Starts of organization and venue hits, sorted.
    pub(super) places: Vec<usize>,
}

impl Hits {
    pub(super) fn new(all: &[Hit]) -> Hits {
        // Presized to every hit: pushed one at a time, they grew by doubling
        // from nothing.
        let n = all.len();
        let (mut titles, mut positions, mut starts, mut places) = (
            Vec::with_capacity(n),
            HashMap::with_capacity_and_hasher(n / 4, Default::default()),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        // One pass over the hits, sorting them out by category.
        for h in all {
            match h.category {
                Category::Title => titles.push(*h),
                Category::Position => {
                    positions.insert(h.start, h.end);
                    starts.push(h.start);
                }
                Category::OrgHead | Category::OrgName | Category::VenueHead => places.push(h.start),
                _ => {}
            }
        }
        Hits { titles, positions, starts, places }
    }

    pub(super) fn title_at(&self, i: usize) -> bool {
        self.titles.binary_search_by_key(&i, |h| h.start).is_ok()
    }

    /// The first position hit starting inside `range`.
    pub(super) fn first_inside(&self, text: &str, range: Span) -> Option<usize> {
        let k = self.starts.partition_point(|&s| s < range.start);
        self.starts[k..].iter().copied().take_while(|&s| s < range.end).find(|&s| boundary(text, s))
    }
}

/// The reader of one document.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    /// The credit labels in the text.
    pub(super) credits: &'a [Found],
    /// The gazetteer's places in the text, in text order.
    pub(super) places: &'a [Found],
    pub(super) hits: Hits,
    pub(super) words: &'a Words,
}

impl Reader<'_> {
    /// The end of a position head starting at `i` (after its prefixes).
    pub(super) fn head_at(&self, i: usize) -> Option<(usize, usize)> {
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
    pub(super) fn position(&self, i: usize) -> Option<(Vec<Span>, usize)> {
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
        // A verb glued after the place that closes the position ends it, where
        // the space after the position is lost (…สน.ปทุมวันรับแจ้ง…).
        let first = self.places.partition_point(|m| m.start < head_end);
        if let Some(m) = self.places[first..]
            .iter()
            .take_while(|m| m.start < end)
            .find(|m| m.end < end && shared::verb_at(text, m.end).is_some())
        {
            end = m.end;
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
    pub(super) fn positions_after(&self, mut i: usize) -> (Vec<Span>, usize) {
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
    pub(super) fn name(&self, p: usize, english: bool) -> Option<(Span, Option<Span>, usize)> {
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
        let (given, cut) = self.name_word(p, true)?;
        let mut family = None;
        if !cut && text[given.end..].starts_with(' ') {
            let q = given.end + 1;
            let na = text[q..].strip_prefix("ณ ").map(|rest| text.len() - rest.len());
            if let Some((Class::NaFamily, e)) = na
                .and_then(|r| self.words.at(text, r))
                .filter(|&(_, e)| text[e..].is_empty() || text[e..].starts_with(is_break))
            {
                // A family name of royal descent: ณ อยุธยา, ณ นคร.
                family = Some(q..e);
            } else if !self.ends_name(q) {
                // A family name is a single word of modest length; longer is
                // a clause written after a given name (a headline verb).
                family = self.name_word(q, false).and_then(|(f, _)| {
                    if char_count(&text[f.clone()]) <= MAX_FAMILY {
                        Some(f)
                    } else {
                        self.family_glued(q, f.end)
                    }
                });
            }
        }
        // A family name of two words and ณ (กำภู ณ อยุธยา): the two after ณ
        // read as one word of class na_family.
        if let Some(f) = family.as_mut() {
            if let Some(rest) = text[f.end..].strip_prefix(" ณ ") {
                let r = text.len() - rest.len();
                if let Some((Class::NaFamily, e)) =
                    self.words.at(text, r).filter(|&(_, e)| text[e..].is_empty() || text[e..].starts_with(is_break))
                {
                    f.end = e;
                }
            }
        }
        let mut end = family.as_ref().map_or(given.end, |f| f.end);
        if text[end..].starts_with('ฯ') {
            end += 'ฯ'.len_utf8();
        }
        Some((given, family, end))
    }

    /// A family name at `q` with ordinary words glued after it, in the run
    /// `text[q..end]` too long to be a family name (a daily that drops the
    /// space after a name: `…ศรีสุขนายกสมาคม…`): the longest listed family
    /// name the run starts with, before a dictionary word; else where the
    /// dictionary says the name ends ([`shared::dictionary::name_end`]),
    /// the name before it being no dictionary word (not a clause that starts
    /// with a verb: `เปิดเผยว่า…`).
    ///
    /// Cost: a look-up of the name list at each character boundary of the
    /// first [`MAX_FAMILY`] characters, only for such a run.
    fn family_glued(&self, q: usize, end: usize) -> Option<Span> {
        let text = self.text;
        let limit = text[q..end].char_indices().nth(MAX_FAMILY).map_or(end, |(k, _)| q + k);
        let mut best = None;
        for (k, _) in text[q..limit].char_indices().skip(2) {
            let e = q + k;
            if boundary(text, e)
                && super::untitled::is_family_name(text, &(q..e))
                && shared::dictionary::word_at(text, e).is_some()
            {
                best = Some(q..e);
            }
        }
        if best.is_some() {
            return best;
        }
        let min = text[q..end].char_indices().nth(2).map_or(end, |(k, _)| q + k);
        let e = shared::dictionary::name_end(text, q, min, end)?;
        (shared::dictionary::word_at(text, q) != Some(e) && shared::verb_at(text, q).is_none()).then_some(q..e)
    }

    /// One word of a name from `p`, cut where a following word is glued to
    /// it; and whether it was cut. A given name (`given`) is also cut by
    /// the dictionary where a long run of ordinary words is glued after it.
    pub(super) fn name_word(&self, p: usize, given: bool) -> Option<(Span, bool)> {
        let text = self.text;
        let end = word_end(text, p);
        // At least two characters of name before any cut.
        let min = text[p..end].char_indices().nth(2).map_or(end, |(k, _)| p + k);
        // A word of these classes, or an age glued after the name
        // (…ใจดีอายุ52ปี, …ใจดีอายุ 52 ปี: a not_given word before a number).
        let mut cut = self.words.first_cut_or_age(text, min..end, &[Class::Speech, Class::Stop, Class::Link]);
        if let Some(h) = self.hits.first_inside(text, min..end) {
            // A position prefix glued before the position (…ใจดีรองผู้ว่า…)
            // ends the name too.
            let h = self.strip_prefixes(min, h);
            cut = Some(cut.map_or(h, |c| c.min(h)));
        }
        // Before any listed word: ordinary words glued after a given name
        // (สรรคนนท์ไปทำการ...), read from a dictionary over this one run of
        // text. Only a run longer than a given name is (a family name is a
        // compound of dictionary words: เจียม|ธีร|สกุล).
        let limit = cut.unwrap_or(end);
        // A family name glued to the words after it (…ใจดีรองผู้ว่า…). The
        // dictionary's cut is no help here: family names are compounds of
        // dictionary words more often than given names are.
        if !given && limit > min && char_count(&text[p..limit]) >= MIN_GLUED_FAMILY_RUN {
            if let Some(k) = self.family_end(p, min, limit) {
                cut = Some(k);
            }
        }
        if given && limit > min && limit - p <= MAX_GLUED_RUN {
            if let Some(k) = self.listed_given_end(p, min, limit) {
                cut = Some(k);
            } else if char_count(&text[p..limit]) >= MIN_GLUED_RUN {
                cut = shared::dictionary::name_end(text, p, min, limit).or(cut);
            }
        }
        let mut e = cut.unwrap_or(end);
        // Position prefixes glued at the end of the word, a position after
        // the space (…ศรีสุขรอง ผกก.…): not the name's.
        // Only where a dictionary word ends before them and none runs
        // across (ครอบครอง is a word, and a family name).
        if cut.is_none() && text[e..].starts_with(' ') {
            let s = self.strip_prefixes(min, e);
            if s < e && self.hits.positions.contains_key(&(e + 1)) && shared::dictionary::word_ends_at(text, s) {
                e = s;
            }
        }
        let word = &text[p..e];
        if char_count(word) < 2 || !word.chars().all(is_thai_letter) || starts_with_mark(word) {
            return None;
        }
        Some((p..e, cut.is_some()))
    }

    /// Where a family name ends in the run `text[p..limit]` when the words
    /// after it are glued to it, as papers that lose the space after a name
    /// print it (…ใจดีรองผู้ว่าราชการ…, …ใจดีนายแพทย์ใหญ่…, …ใจดีพูดว่า):
    /// the first cluster boundary, at least `min` in, where a position head
    /// starts after its prefixes, or a noun of class `after_name`; or else
    /// the last one after a listed family name where a word of
    /// `people_words.tsv`, or a verb and two more words, starts. A title
    /// inside the run is no cut (สาวนายน). None where the
    /// whole run is a listed family name or no such word starts in it.
    ///
    /// Cost: a look-up of the people words at each character boundary of
    /// the run where one may start, and of the name list only in runs of
    /// [`MIN_LISTED_GLUED_RUN`] characters or more; only where a titled
    /// name is read and only up to the longest family name.
    fn family_end(&self, p: usize, min: usize, limit: usize) -> Option<usize> {
        let text = self.text;
        let run = &text[..limit];
        if super::untitled::is_family_name(text, &(p..limit)) {
            return None;
        }
        let stop = floor_boundary(run, p + MAX_GIVEN_BYTES);
        // Position hits inside the run were cut at by the caller; what is
        // left are heads that start with a people word: a prefix (รอง…) or
        // a position that starts with a title (นายกสมาคม…).
        let head = self.words.at_each(run, min..stop).find_map(|(class, k, e)| {
            let (head, _) = match class {
                Class::Prefix | Class::TitlePosition if boundary(run, k) => self.head_at(k)?,
                // A noun for the person's kin, trade or part in the story.
                Class::AfterName if boundary(run, k) && !starts_with_mark(&run[e..]) => return Some(k),
                _ => return None,
            };
            // A prefix with its head after a space ends a name only where it
            // is no end of a dictionary word (ครอบครอง ผู้ตรวจ…).
            let word_ends_here = || {
                run[..k]
                    .char_indices()
                    .rev()
                    .take(WORD_BACK_CHARS)
                    .any(|(s, _)| shared::dictionary::word_at(run, s) == Some(limit))
            };
            (!text[..head].ends_with(' ') || !word_ends_here()).then_some(k)
        });
        // A listed family name with a word glued after it: a run of twelve
        // characters or more (shorter runs are nearly always a family name
        // alone, and the look-ups below cost a hash a character).
        if char_count(&run[p..]) < MIN_LISTED_GLUED_RUN {
            return head;
        }
        head.or_else(|| {
            // A verb of the word class alone is a weaker cue than a word of
            // people_words.tsv: three dictionary words must follow it (a
            // family name is often a listed one and a verb: อินทร|ชุมนุม).
            run[min..stop].char_indices().map(|(k, _)| min + k).rfind(|&k| {
                boundary(run, k)
                    && super::untitled::is_family_name(text, &(p..k))
                    && (self.listed_word_at(run, k)
                        || shared::verb_at(run, k).is_some() && shared::dictionary::words_from(run, k, 3).0 >= 3)
            })
        })
    }

    /// Whether a word of `people_words.tsv` that may follow a name glued to
    /// it starts at `k`: a word, a verb of speech, a stop or link word, or a
    /// word that is no given name.
    fn listed_word_at(&self, run: &str, k: usize) -> bool {
        matches!(
            self.words.at(run, k),
            Some((Class::Word | Class::AfterName | Class::NotGiven | Class::Speech | Class::Stop | Class::Link, _))
        )
    }

    /// Whether a word that may follow a name glued to it starts at `k`: a
    /// word of [`Reader::listed_word_at`], or a verb.
    fn glued_cue(&self, run: &str, k: usize) -> bool {
        self.listed_word_at(run, k) || shared::verb_at(run, k).is_some()
    }

    /// Whether the word at `q` starts with a listed family name that ends
    /// the word or is glued to a word [`Reader::glued_cue`] or a position
    /// head finds (มีสุขรองผู้ว่า…, มีสุขกล่าว): a family name, though
    /// it starts with an ordinary word.
    fn listed_family_at(&self, q: usize) -> bool {
        let text = self.text;
        let end = word_end(text, q);
        if super::untitled::is_family_name(text, &(q..end)) {
            return true;
        }
        if char_count(&text[q..end]) < MIN_LISTED_GLUED_RUN {
            return false;
        }
        let stop = floor_boundary(&text[..end], q + MAX_GIVEN_BYTES);
        text[q..stop].char_indices().skip(2).map(|(k, _)| q + k).any(|k| {
            boundary(text, k)
                && super::untitled::is_family_name(text, &(q..k))
                && (self.head_at(k).is_some() || self.glued_cue(&text[..end], k))
        })
    }

    /// Where the position prefixes glued before `h` (one or more:
    /// `…อดีตรองหัวหน้า…`) start, no earlier than `min`; `h` if none is.
    fn strip_prefixes(&self, min: usize, mut h: usize) -> usize {
        let text = self.text;
        // One bit test first: most words end in no prefix's last letter.
        while self.words.may_end_with_prefix(&text[..h]) {
            let Some(w) = self
                .words
                .prefixes
                .iter()
                .find(|w| text[..h].ends_with(w.as_str()) && h - w.len() >= min && boundary(text, h - w.len()))
            else {
                break;
            };
            h -= w.len();
        }
        h
    }

    /// Where a listed given name ends in the run `text[p..limit]` when
    /// ordinary words are glued after it (สมศักดิ์เอง, โชคชัยถูกเจ้าหน้า…,
    /// ทักษิณพูด): the longest listed given name the run starts with (at
    /// least `min`), where the rest of the run reads as dictionary words,
    /// either a word of `people_words.tsv` first or, after a name of five
    /// characters or more, two words of five characters or more (a given
    /// name is often a listed name and one more word: ประยุทธ์|ศักดิ์,
    /// ธาร|ไชย|ยันต์ stay whole). None where the whole run
    /// is a listed given name.
    ///
    /// Cost: a look-up of the name list at each character boundary of the
    /// run (a given name's length), only where a titled name is read.
    fn listed_given_end(&self, p: usize, min: usize, limit: usize) -> Option<usize> {
        let text = self.text;
        let run = &text[..limit];
        if super::untitled::is_given_name(text, &(p..limit)) {
            return None;
        }
        let stop = floor_boundary(run, p + MAX_GIVEN_BYTES);
        let k = run[min..stop]
            .char_indices()
            .map(|(k, _)| min + k)
            .rfind(|&k| k > p && boundary(run, k) && super::untitled::is_given_name(text, &(p..k)))?;
        let first = shared::dictionary::word_at(run, k)?;
        let glued_word = matches!(self.words.at(run, k),
            Some((Class::Word | Class::AfterName | Class::Stop | Class::Speech | Class::Link, e)) if e == first);
        let (n, e) = shared::dictionary::words_from(run, k, 12);
        let long = char_count(&run[p..k]) >= 5;
        (e == limit && (glued_word || long && n >= 2 && char_count(&run[k..]) >= 5)).then_some(k)
    }

    /// Whether the word at `q` cannot be a family name: a position, a title,
    /// a verb of speech, a function word, or no Thai word at all.
    pub(super) fn ends_name(&self, q: usize) -> bool {
        let text = self.text;
        if !thai_letter_at(text, q) || self.hits.title_at(q) || self.head_at(q).is_some() {
            return true;
        }
        match self.words.at(text, q) {
            Some((Class::Prefix | Class::TitlePosition, _)) => true,
            Some((Class::Speech | Class::Stop | Class::Link, _)) => !self.listed_family_at(q),
            // ยอมรับ, ยอมรับว่า, ตั้งแต่ 2 ...
            Some((Class::Word | Class::AfterName, end)) => {
                let word = word_end(text, q);
                (end == word
                    || (char_count(&text[q..end]) >= 4 && text[end..].starts_with("ว่า"))
                    || verb_then_words(text, q, end, word) && !super::untitled::is_family_name(text, &(q..word)))
                    && !self.listed_family_at(q)
            }
            // อายุ 52, อายุ52ปี (but ประจำวงษ์ is a family name).
            Some((Class::NotGiven, end)) => {
                (end == word_end(text, q) || text[end..].starts_with(|c: char| c.is_ascii_digit()))
                    && !self.listed_family_at(q)
            }
            _ => false,
        }
    }

    /// Whether a title may start at `s`.
    pub(super) fn title_may_start(&self, s: usize, title: &str) -> Start {
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
            return Start::WithFamily;
        }
        // A title glued after an ordinary word (เลือกนาย…, ชมเชยนาย…): a
        // dictionary word ends right before it and none runs across it
        // (ทนาย, เจ้านาย, คุณนาย are words). Not a title that is also an
        // ordinary word (พระ, คุณ).
        if before.ends_with(is_thai_letter)
            && !super::is_weak_title(title)
            && boundary(text, s)
            && shared::dictionary::word_ends_at(text, s)
        {
            return Start::AfterWord;
        }
        Start::No
    }

    /// The statement after a verb of speech at `q`, if there is one.
    pub(super) fn statement(&self, q: usize) -> Option<Span> {
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
    pub(super) fn position_before(&self, s: usize, taken: usize) -> Option<Vec<Span>> {
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

/// Whether a title may start a mention where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Start {
    Yes,
    /// Only if the name has a family name (a title glued after a content word).
    WithFamily,
    /// After a dictionary word: with a family name, or a given name alone
    /// that is a listed given name and no dictionary word.
    AfterWord,
    No,
}

/// Whether `text[end..word]`, the rest of a word after a verb `text[q..end]`
/// of class `word`, reads as dictionary words: a clause written after a
/// given name (ปฏิเสธ|ให้สัมภาษณ์, สอบถาม|ไป, ไป|ช่วย|เค้า|เร็ว), not a
/// family name that starts like a short word (มี|บุญ|สล้าง, ณ|รงค์|ศักดิ์,
/// เชิญ|ยิ้ม): a verb of five characters or more, or three words after it.
/// The caller also asks the family-name list (อยู่|บำรุง).
fn verb_then_words(text: &str, q: usize, end: usize, word: usize) -> bool {
    let (n, e) = shared::dictionary::words_from(&text[..word], end, 12);
    n > 0 && e == word && (n >= 3 || char_count(&text[q..end]) >= 5)
}

/// Whether `before` ends with a number of at most three digits and a space
/// (`ตำรวจ 4 นาย`, not the year in `วันที่ 5 ก.ค. 2561 นาย...`).
pub(super) fn small_number_before(before: &str) -> bool {
    let t = before.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
}
