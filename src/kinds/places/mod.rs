//! Places: provinces, districts, countries, cities and venues.
//!
//! Part of the extract stage (normalize → scan → **extract** → link →
//! facts). Takes the scanned document and returns every place mention, in
//! text order, with spans in normalized-text coordinates.
//!
//! Places come from a gazetteer shipped as data (`provinces.tsv`,
//! `districts.tsv`, `countries.tsv`, plus `place_words.tsv`, words that
//! contain a place name and are not places). The gazetteer has its own
//! leftmost-longest matcher, separate from the shared scan, so that a place
//! inside an organization or a position (ขอนแก่น in นายกเทศมนตรีนครขอนแก่น)
//! is still found. Thai has no spaces between words, so a gazetteer hit
//! counts only at a word boundary:
//!
//! - never inside a character cluster (เลย in อาซูเลย์ is followed by a
//!   mark, so it is no word of its own);
//! - on the left: the start of the text, a character that is not a Thai
//!   letter, a place prefix (จังหวัด, อ., กรุง, นคร), a function word from
//!   `name_stops.tsv` (ใน, จาก, ชาว), or the end of another lexicon hit;
//! - on the right: the end of the text, a character that is not a Thai
//!   letter, a function word, a place prefix, another place or lexicon hit.
//!
//! A name that is also a common word (เลย, ตาก; districts such as สังคม)
//! counts only after a place prefix or next to another place in a list.
//! After อำเภอ/อ., ตำบล/ต., แขวง and จังหวัด/จ. a name that is not in the
//! gazetteer is a place too (ตำบลบ้านบางจาก). Named venues (`venue_heads.tsv`:
//! โรงแรม…, ศูนย์การประชุม…, ทำเนียบรัฐบาล) are places of kind venue.
//!
//! The gazetteer and the word lists are also what the organization extractor
//! uses to end a name (เทศบาลนคร + ขอนแก่น), through [`place_at`] and
//! [`word_at`].

use std::sync::LazyLock;

use crate::matcher::trie::Trie;

use super::{Doc, Span};
use crate::facts::PlaceKind;
use crate::lexicon::{self, Category, Found, Hit};

/// One mention of a place in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawPlace {
    pub span: Span,
    /// The bare name as written (ขอนแก่น for จังหวัดขอนแก่น).
    pub name: String,
    /// The name every spelling of this place is grouped under
    /// (กรุงเทพมหานคร for กรุงเทพฯ).
    pub key: String,
    pub kind: PlaceKind,
}

/// When a gazetteer name counts without a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// At any word boundary.
    Any,
    /// Only after a place prefix or next to another place (a common word).
    List,
}

/// One gazetteer entry.
#[derive(Debug)]
pub(crate) struct GazEntry {
    /// The name its spellings are grouped under.
    pub canonical: String,
    /// `None` for a word that only hides a place name inside it.
    pub kind: Option<PlaceKind>,
    use_: Use,
}

struct Gazetteer {
    /// The names (group 0), for lookups at a position; the whole-text scan
    /// is the shared one ([`crate::lexicon::Scan::places`]).
    trie: Trie,
    /// The names, indexed like `entries`.
    phrases: Vec<String>,
    entries: Vec<GazEntry>,
}

const GAZETTEER_FILES: &[(&str, &str)] = &[
    ("provinces.tsv", include_str!("provinces.tsv")),
    ("districts.tsv", include_str!("districts.tsv")),
    ("countries.tsv", include_str!("countries.tsv")),
    ("place_words.tsv", include_str!("place_words.tsv")),
];

fn place_kind(s: &str) -> Option<PlaceKind> {
    Some(match s {
        "province" => PlaceKind::Province,
        "district" => PlaceKind::District,
        "subdistrict" => PlaceKind::Subdistrict,
        "country" => PlaceKind::Country,
        "city" => PlaceKind::City,
        "region" => PlaceKind::Region,
        "venue" => PlaceKind::Venue,
        _ => return None,
    })
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (file, text) in GAZETTEER_FILES {
        // Safe: the test `gazetteer_and_words_load` proves the files parse.
        let parsed = lexicon::parse(file, text, 4).unwrap_or_else(|e| panic!("{e}"));
        for e in parsed {
            // A name in an earlier file wins (a district named like its province).
            if !seen.insert(e.phrase().to_string()) {
                continue;
            }
            phrases.push(e.phrase().to_string());
            let use_ = if e.columns[3] == "any" { Use::Any } else { Use::List };
            entries.push(GazEntry { canonical: e.columns[1].clone(), kind: place_kind(&e.columns[2]), use_ });
        }
    }
    Gazetteer { trie: Trie::of_phrases(&phrases), phrases, entries }
});

/// The shipped gazetteer's names, for the shared scan: a match's ID indexes
/// this list.
pub(crate) fn gazetteer_phrases() -> &'static [String] {
    &GAZETTEER.phrases
}

/// The district and subdistrict prefixes (ตำบล, อ.), for the shared scan: a
/// match's ID indexes this list.
pub(crate) fn admin_prefix_phrases() -> &'static [String] {
    static ADMIN: LazyLock<Vec<String>> = LazyLock::new(|| {
        WORDS
            .left
            .iter()
            .filter(|(_, r)| matches!(r, Role::Prefix(Some(PlaceKind::District | PlaceKind::Subdistrict))))
            .map(|(w, _)| w.clone())
            .collect()
    });
    &ADMIN
}

/// What a word of `name_stops.tsv` or `place_prefixes.tsv` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Ends an organization name; a word boundary.
    End,
    /// May sit inside an organization name; a word boundary.
    Join,
    /// A word that holds an `End` word and ends nothing.
    Keep,
    /// A place prefix, with the kind of place that follows (if it says).
    Prefix(Option<PlaceKind>),
}

struct Words {
    /// The words (group 0), for lookups at a position.
    trie: Trie,
    roles: Vec<Role>,
    /// Every word, longest first.
    left: Vec<(String, Role)>,
    /// The words of `left`, characters reversed, IDs their positions in
    /// `left`: a walk backwards over the characters before a position finds
    /// the longest word that ends there (no loop over every word). A
    /// character trie of two hundred words is a few kilobytes that stay in
    /// cache, where the byte automaton it replaced missed cache on most steps.
    reversed: Trie,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut roles = Vec::new();
    // Safe: the test `gazetteer_and_words_load` proves the files parse.
    let stops =
        lexicon::parse("name_stops.tsv", include_str!("../shared/name_stops.tsv"), 2).unwrap_or_else(|e| panic!("{e}"));
    for e in stops {
        phrases.push(e.phrase().to_string());
        roles.push(match e.columns[1].as_str() {
            "end" => Role::End,
            "join" => Role::Join,
            _ => Role::Keep,
        });
    }
    let prefixes = lexicon::parse("place_prefixes.tsv", include_str!("../shared/place_prefixes.tsv"), 2)
        .unwrap_or_else(|e| panic!("{e}"));
    for e in prefixes {
        phrases.push(e.phrase().to_string());
        roles.push(Role::Prefix(place_kind(&e.columns[1])));
    }
    let mut left: Vec<(String, Role)> = phrases.iter().cloned().zip(roles.iter().copied()).collect();
    left.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let reversed = Trie::of_reversed_phrases(left.iter().map(|(w, _)| w));
    Words { trie: Trie::of_phrases(&phrases), roles, left, reversed }
});

/// The word of `name_stops.tsv` or `place_prefixes.tsv` that starts at
/// `pos`, if any: its end and role.
pub(crate) fn word_at(text: &str, pos: usize) -> Option<(usize, Role)> {
    let w = &*WORDS;
    // Organization names ask at nearly every character, and only a few
    // character pairs (ได, จะ, ใน, ...) start a word: most positions are
    // answered without a walk.
    if !w.trie.may_start_at(text, pos) {
        return None;
    }
    let (id, end) = w.trie.longest_at(text, pos, 0)?;
    cluster_ends(text, end).then(|| (end, w.roles[id as usize]))
}

/// The boundary word (function word or prefix) that ends at `pos`, if any:
/// its start and role.
fn word_before(text: &str, pos: usize) -> Option<(usize, Role)> {
    let words = &*WORDS;
    // The longest word that ends at `pos`, the first of `left` among equals,
    // as a scan of `left` would find.
    let (id, start) = words.reversed.longest_before(text, pos, 0)?;
    let (w, r) = &words.left[id as usize];
    // A prefix with a dot (อ., จ., ต.) ends many abbreviations (พ.ต.อ., บมจ.):
    // it counts only after a space, a non-letter or a function word.
    if w.ends_with('.') && !dotted_prefix_starts(text, start) {
        return None;
    }
    Some((start, *r))
}

/// Whether a dotted prefix (อ., จ.) may start at `pos`.
fn dotted_prefix_starts(text: &str, pos: usize) -> bool {
    match char_before(text, pos) {
        None => true,
        Some('.') => false,
        Some(c) if is_thai_letter(c) => {
            matches!(word_before(text, pos), Some((_, Role::End | Role::Join)))
        }
        Some(_) => true,
    }
}

/// Whether a name may start at `pos`: at the start of the text, after a
/// character that is not a Thai letter, after a function word or prefix, or
/// right after a hit of the shared scan.
pub(crate) fn left_boundary(text: &str, pos: usize, edges: &HitEdges) -> bool {
    // The hit edge first: a binary search costs a fraction of the
    // backward trie walk of `word_before`, and the answer is the same.
    cluster_starts(text, pos)
        && (!char_before(text, pos).is_some_and(is_thai_letter)
            || edges.ends_at(pos)
            || word_before(text, pos).is_some())
}

/// The gazetteer place that starts at `pos` and ends inside a character
/// cluster boundary, if any: its end and entry. Words that only hide a place
/// name are not returned.
pub(crate) fn place_at(text: &str, pos: usize) -> Option<(usize, &'static GazEntry)> {
    let g = &*GAZETTEER;
    let (id, end) = g.trie.longest_at(text, pos, 0)?;
    let e = &g.entries[id as usize];
    (e.kind.is_some() && cluster_ends(text, end)).then_some((end, e))
}

/// Thai vowels and marks written after the consonant they belong to: a
/// word never starts with one.
pub(crate) fn is_following_mark(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}' | '\u{0E47}'..='\u{0E4E}')
}

/// Thai vowels written before their consonant (เ แ โ ใ ไ): a word never ends
/// with one.
pub(crate) fn is_leading_vowel(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// A Thai letter (consonant, vowel or mark), not a digit or ฯ.
pub(crate) fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}' | '\u{0E30}'..='\u{0E4E}')
}

/// Whether a character cluster may end at `pos` (the next character is not
/// a vowel or mark of the same cluster).
pub(crate) fn cluster_ends(text: &str, pos: usize) -> bool {
    !text.get(pos..).and_then(|s| s.chars().next()).is_some_and(is_following_mark)
}

/// Whether a character cluster may start at `pos`.
pub(crate) fn cluster_starts(text: &str, pos: usize) -> bool {
    !text.get(..pos).and_then(|s| s.chars().next_back()).is_some_and(is_leading_vowel)
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// Sorted starts and ends of the shared scan's hits, for boundary checks.
pub(crate) struct HitEdges {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl HitEdges {
    /// Edges of `hits`, number words left out (see
    /// [`Category::is_number_word`](crate::lexicon::Category::is_number_word)).
    pub(crate) fn new(hits: &[Hit]) -> Self {
        let words = || hits.iter().filter(|h| !h.category.is_number_word());
        let mut starts: Vec<usize> = words().map(|h| h.start).collect();
        let mut ends: Vec<usize> = words().map(|h| h.end).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        HitEdges { starts, ends }
    }
    pub(crate) fn starts_at(&self, pos: usize) -> bool {
        self.starts.binary_search(&pos).is_ok()
    }
    pub(crate) fn ends_at(&self, pos: usize) -> bool {
        self.ends.binary_search(&pos).is_ok()
    }
    /// The hit starts at or after `pos`, in order: for a walk forward
    /// through the text that meets them one after another instead of
    /// searching at every position.
    pub(crate) fn starts_from(&self, pos: usize) -> &[usize] {
        &self.starts[self.starts.partition_point(|&s| s < pos)..]
    }
}

/// What a candidate's gazetteer entry says, from the shipped gazetteer or
/// from entries added with [`crate::ExtractorBuilder::lexicon`].
#[derive(Clone, Copy)]
struct PlaceEntry<'a> {
    canonical: &'a str,
    kind: Option<PlaceKind>,
    use_: Use,
}

/// A gazetteer hit before the boundary rules.
struct Candidate<'a> {
    start: usize,
    end: usize,
    entry: PlaceEntry<'a>,
    /// Start of the place prefix written before it, if any.
    prefix: Option<(usize, Option<PlaceKind>)>,
    left_ok: bool,
    right_ok: bool,
}

/// Whether `pos` lies in the word written after a title and a given name
/// (`นายสมพงค์ สระแก้ว`): a family name. Looks back at most a line's
/// worth of bytes, so the cost per candidate is bounded.
fn in_family_name(text: &str, pos: usize, title_ends: &[usize]) -> bool {
    const LOOK_BACK: usize = 180;
    let mut from = pos.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..pos];
    let Some(space) = window.rfind(' ') else { return false };
    let given = &window[..space];
    let given_start = given.rfind([' ', '\n']).map_or(0, |i| i + 1);
    let given_word = &given[given_start..];
    // `นายสมพงค์`: the word holds the title.
    // A title ends inside that word, with a given name after it.
    let (word_start, word_end) = (from + given_start, from + space);
    let i = title_ends.partition_point(|&e| e <= word_start);
    !given_word.is_empty()
        && given_word.chars().all(is_thai_letter)
        && title_ends.get(i).is_some_and(|&e| e < word_end)
        && window[space + 1..].chars().all(is_thai_letter)
        // Not a place that starts like a title (พระนครศรีอยุธยา ลำปาง).
        && place_at(text, word_start).is_none_or(|(e, _)| e != word_end)
}

/// What lies between two places of a list (`ลำปาง ลำพูน`, `ตาก, เลย และน่าน`).
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c == ' ' || c == ',');
    g.is_empty() || g == "และ" || g == "หรือ"
}

/// Every place mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawPlace> {
    let text = doc.text();
    let edges = HitEdges::new(&doc.scan.hits);
    let title_ends: Vec<usize> =
        doc.scan.hits.iter().filter(|h| h.category == Category::Title).map(|h| h.end).collect();
    let g = &*GAZETTEER;
    let mut cands: Vec<Candidate> = Vec::new();
    // Places added through the builder come from the shared scan (no second
    // matcher); they join the shipped gazetteer's hits in text order.
    let extra_entries = doc.lexicons.entries(Category::Place);
    let extra = doc.scan.hits.iter().filter(|h| h.category == Category::Place).filter_map(|h| {
        let e = extra_entries.get(h.entry)?;
        let kind = place_kind(&e.columns[2]);
        let use_ = if e.columns[3] == "any" { Use::Any } else { Use::List };
        Some((h.start, h.end, PlaceEntry { canonical: &e.columns[1], kind, use_ }))
    });
    let shipped = doc.scan.places.iter().map(|m| {
        let e = &g.entries[m.id as usize];
        (m.start, m.end, PlaceEntry { canonical: &e.canonical, kind: e.kind, use_: e.use_ })
    });
    let mut hits: Vec<(usize, usize, PlaceEntry<'_>)> = shipped.chain(extra).collect();
    hits.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut last_end = 0;
    for (start, end, entry) in hits {
        // Leftmost-longest across both sources.
        if start < last_end {
            continue;
        }
        last_end = end;
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if entry.kind.is_none() || !cluster_ends(text, end) || !cluster_starts(text, start) {
            continue;
        }
        // นายสุรินทร์: a given name after a title, not a place; นายสมพงค์ สระแก้ว,
        // นายแพทย์สุขุม กาญจนพิมาย: a family name after a title and a given name.
        if title_ends.binary_search(&start).is_ok() || in_family_name(text, start, &title_ends) {
            continue;
        }
        // A prefix right before the name, or before one space.
        let before = word_before(text, start);
        let mut prefix = match before {
            Some((s, Role::Prefix(k))) => Some((s, k)),
            _ => None,
        };
        if prefix.is_none() && text[..start].ends_with(' ') {
            if let Some((s, Role::Prefix(k))) = word_before(text, start - 1) {
                if k.is_some() {
                    prefix = Some((s, k));
                }
            }
        }
        let left_ok = prefix.is_some()
            || !char_before(text, start).is_some_and(is_thai_letter)
            || before.is_some()
            || edges.ends_at(start);
        let right_ok = !char_after(text, end).is_some_and(is_thai_letter)
            || word_at(text, end).is_some()
            || edges.starts_at(end)
            || place_at(text, end).is_some();
        cands.push(Candidate { start, end, entry, prefix, left_ok, right_ok });
    }
    // A left boundary also comes from a place right before (a list written
    // without spaces is rare, but `นครปฐมนนทบุรี` happens).
    for i in 1..cands.len() {
        if !cands[i].left_ok && cands[i - 1].end == cands[i].start {
            cands[i].left_ok = true;
        }
    }
    // Either side at a space or punctuation is enough for a name that is no
    // common word; a prefix is enough on its own.
    let strong = |c: &Candidate| {
        (c.prefix.is_some()
            && (c.right_ok || matches!(c.prefix, Some((_, Some(PlaceKind::Country | PlaceKind::City))))))
            || (c.entry.use_ == Use::Any
                && ((c.left_ok && c.right_ok)
                    || (matches!(c.entry.kind, Some(PlaceKind::Province | PlaceKind::Country | PlaceKind::City))
                        && (c.left_ok || c.right_ok)
                        && (!char_before(text, c.start).is_some_and(is_thai_letter)
                            || !char_after(text, c.end).is_some_and(is_thai_letter)))))
    };
    let accepted: Vec<bool> = (0..cands.len())
        .map(|i| {
            let c = &cands[i];
            if strong(c) {
                return true;
            }
            if !(c.left_ok && c.right_ok) {
                return false;
            }
            // A common word counts inside a list of places.
            let prev = i.checked_sub(1).map(|j| &cands[j]);
            let next = cands.get(i + 1);
            // Next to one place it needs a separator (`ตาก, เลย`, `ตาก และเลย`); a
            // space alone (`จ.อุบลราชธานี ชื่นชม`) needs places on both sides.
            let before = prev.filter(|p| strong(p) && is_list_gap(&text[p.end..c.start]));
            let after = next.filter(|n| strong(n) && is_list_gap(&text[c.end..n.start]));
            let separated = |gap: &str| !gap.trim().is_empty();
            (before.is_some() && after.is_some())
                || before.is_some_and(|p| separated(&text[p.end..c.start]))
                || after.is_some_and(|n| separated(&text[c.end..n.start]))
        })
        .collect();
    let mut out: Vec<RawPlace> = Vec::new();
    for (c, ok) in cands.iter().zip(&accepted) {
        if !ok {
            continue;
        }
        // The kind the gazetteer gives; kind is Some for every candidate kept above.
        let mut kind = c.entry.kind.unwrap_or(PlaceKind::Province);
        // ตำบลหนองบัวแดง: a subdistrict named like a district elsewhere.
        if let Some((_, Some(pk @ (PlaceKind::District | PlaceKind::Subdistrict)))) = c.prefix {
            if matches!(kind, PlaceKind::District | PlaceKind::Subdistrict) {
                kind = pk;
            }
        }
        let start = match c.prefix {
            Some((s, Some(_))) => s,
            _ => c.start,
        };
        out.push(RawPlace {
            span: start..c.end,
            name: text[c.start..c.end].to_string(),
            key: c.entry.canonical.to_string(),
            kind,
        });
    }
    let taken: Vec<usize> = cands.iter().zip(&accepted).filter(|(_, ok)| **ok).map(|(c, _)| c.start).collect();
    out.extend(unlisted_after_prefix(text, &doc.scan.admin_prefixes, &taken));
    out.extend(venues(doc, &edges));
    out.sort_by_key(|p| (p.span.start, std::cmp::Reverse(p.span.end)));
    out.dedup_by(|a, b| a.span.start < b.span.end && b.span.start < a.span.end);
    out
}

/// Names not in the gazetteer written after an administrative prefix
/// (ตำบลบ้านบางจาก, อำเภอเมือง): the name runs to the next space, function
/// word or non-letter.
fn unlisted_after_prefix(text: &str, prefixes: &[Found], taken_starts: &[usize]) -> Vec<RawPlace> {
    let mut out = Vec::new();
    for m in prefixes {
        let (pstart, start) = (m.start, m.end);
        if taken_starts.binary_search(&start).is_ok() {
            continue; // the gazetteer has it
        }
        if text[pstart..start].ends_with('.') && !dotted_prefix_starts(text, pstart) {
            continue;
        }
        let Some((Role::Prefix(Some(kind)), _)) = word_at(text, pstart).map(|(_, r)| (r, ())) else {
            continue;
        };
        // `เขต` starts many phrases (เขตเศรษฐกิจพิเศษ): only gazetteer names follow it.
        if &text[pstart..start] == "เขต" || !cluster_starts(text, pstart) {
            continue;
        }
        if matches!(word_at(text, start), Some((_, Role::End | Role::Join))) {
            continue;
        }
        // Subdistrict names hold words (บ้านบางจาก): they end at a space or prefix only.
        let end = name_end(text, start, kind != PlaceKind::Subdistrict);
        let name = &text[start..end];
        if name.chars().count() < 3 || !cluster_ends(text, end) {
            continue;
        }
        out.push(RawPlace { span: pstart..end, name: name.to_string(), key: name.to_string(), kind });
    }
    out
}

/// Where a name that starts at `start` ends: before the first character
/// that is not a Thai letter (after ฯ), or the first prefix (with `any_word`,
/// the first function word too) after at least one character, at most 30
/// characters on.
fn name_end(text: &str, start: usize, any_word: bool) -> usize {
    let mut pos = start;
    for (n, (i, c)) in text[start..].char_indices().enumerate() {
        let at = start + i;
        if c == 'ฯ' && at > start {
            return at + c.len_utf8();
        }
        if n >= 30 || !is_thai_letter(c) {
            return at;
        }
        if at > start && cluster_starts(text, at) && !is_following_mark(c) {
            match word_at(text, at) {
                Some((_, Role::Prefix(_))) => return at,
                Some((_, Role::End | Role::Join)) if any_word => return at,
                _ => {}
            }
        }
        pos = at + c.len_utf8();
    }
    pos
}

/// Named venues: a venue head with a name after it, or a complete venue name.
///
/// A venue head right after an organization head names that organization
/// (ธนาคารอาคารสงเคราะห์, บริษัท ท่าอากาศยานไทย), not a venue. The name may
/// follow the head after one space and may run over a few space-separated
/// words (โรงแรมเซ็นทรา บาย เซ็นทารา); see [`venue_name_end`].
fn venues(doc: &Doc<'_>, edges: &HitEdges) -> Vec<RawPlace> {
    let text = doc.text();
    let entries = doc.lexicons.entries(Category::VenueHead);
    let org_heads: Vec<Hit> = doc.scan.hits.iter().filter(|h| h.category == Category::OrgHead).copied().collect();
    let org_ends = HitEdges::new(&org_heads);
    let mut out = Vec::new();
    for h in doc.scan.hits.iter().filter(|h| h.category == Category::VenueHead) {
        let Some(e) = entries.get(h.entry) else { continue };
        if e.columns[1] == "-" || !left_boundary(text, h.start, edges) {
            continue;
        }
        if org_ends.ends_at(h.start) || (text[..h.start].ends_with(' ') && org_ends.ends_at(h.start - 1)) {
            continue;
        }
        let end = if e.columns[1] == "name" {
            if !cluster_ends(text, h.end) {
                continue;
            }
            h.end
        } else {
            let from = if text[h.end..].starts_with(' ') { h.end + 1 } else { h.end };
            let end = venue_name_end(text, from, edges);
            if text[from..end].chars().count() < 2 || !cluster_ends(text, end) {
                continue;
            }
            // A numbered building or room: ตึกบัญชาการ 1.
            let digits = text[end..].strip_prefix(' ').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
            if (1..=2).contains(&digits) {
                end + 1 + digits
            } else {
                end
            }
        };
        let name = text[h.start..end].to_string();
        out.push(RawPlace { span: h.start..end, key: name.clone(), name, kind: PlaceKind::Venue });
    }
    out
}

/// Most words a venue name runs over after its first, across spaces.
const MAX_VENUE_WORDS: usize = 3;

/// Where a venue name that starts at `from` ends. Its first word ends like
/// [`name_end`] (a function word right after the head ends it too:
/// `สนามบินจะ`). Then it runs over up to [`MAX_VENUE_WORDS`] more words
/// after single spaces, as long as each is made of letters and does not
/// start with a function word, a place prefix, a gazetteer place or another
/// lexicon hit (a title, a position, an organization): transliterated names
/// are written in words (โรงแรมปรินซ์พาเลส มหานาค).
fn venue_name_end(text: &str, from: usize, edges: &HitEdges) -> usize {
    if word_at(text, from).is_some_and(|(_, r)| matches!(r, Role::End | Role::Join | Role::Prefix(_))) {
        return from;
    }
    let mut end = name_end(text, from, true);
    if end == from || text[from..end].contains('ฯ') {
        return end;
    }
    for _ in 0..MAX_VENUE_WORDS {
        let Some(rest) = text[end..].strip_prefix(' ') else { break };
        let next = end + 1;
        let len = rest.find([' ', '\n']).unwrap_or(rest.len());
        let word = &rest[..len];
        let letters = word.chars().all(|c| is_thai_letter(c) || c.is_ascii_alphabetic());
        if word.is_empty()
            || !letters
            || word_at(text, next).is_some()
            || place_at(text, next).is_some()
            || edges.starts_at(next)
            || !cluster_ends(text, next + len)
        {
            break;
        }
        // A word with a boundary word or a hit inside it ends the name there.
        let stop = name_end(text, next, true);
        if stop < next + len {
            break;
        }
        end = next + len;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_and_words_load() {
        for (file, text) in GAZETTEER_FILES {
            lexicon::parse(file, text, 4).unwrap_or_else(|e| panic!("{e}"));
        }
        lexicon::parse("name_stops.tsv", include_str!("../shared/name_stops.tsv"), 2).unwrap();
        lexicon::parse("place_prefixes.tsv", include_str!("../shared/place_prefixes.tsv"), 2).unwrap();
        let provinces = GAZETTEER.entries.iter().filter(|e| e.kind == Some(PlaceKind::Province)).count();
        assert!(provinces >= 77, "{provinces} province forms");
        assert!(!WORDS.roles.is_empty());
    }

    #[test]
    fn word_before_finds_the_longest_word_like_a_scan_of_the_list() {
        let mut text = include_str!("../../../fixtures/000_khonkaen_unesco.txt").to_string();
        for (w, _) in &WORDS.left {
            text.push('ก');
            text.push_str(w);
            text.push_str(w);
            text.push(' ');
        }
        for pos in 0..=text.len() {
            // The list scan it replaces: the first word of `left` (longest
            // first) that the text before `pos` ends with.
            let raw = text.get(..pos).and_then(|before| {
                let (w, r) = WORDS.left.iter().find(|(w, _)| before.ends_with(w.as_str()))?;
                Some((pos - w.len(), *r))
            });
            // word_before also drops dotted prefixes that do not start a word.
            let got = word_before(&text, pos);
            match raw {
                Some((s, _)) if text[s..pos].ends_with('.') && !dotted_prefix_starts(&text, s) => assert_eq!(got, None),
                _ => assert_eq!(got, raw, "at {pos}"),
            }
        }
    }

    /// The pair gate of [`word_at`] turns away only positions where the
    /// trie finds no word.
    #[test]
    fn word_at_gate_keeps_every_word() {
        let mut text = include_str!("../../../fixtures/000_khonkaen_unesco.txt").to_string();
        for (w, _) in &WORDS.left {
            text.push_str(w);
            text.push('ก');
            text.push_str(w);
            text.push('\u{2014}');
        }
        text.push_str("ใน");
        for pos in 0..=text.len() + 1 {
            let w = &*WORDS;
            let raw = w
                .trie
                .longest_at(&text, pos, 0)
                .and_then(|(id, end)| cluster_ends(&text, end).then(|| (end, w.roles[id as usize])));
            assert_eq!(word_at(&text, pos), raw, "at {pos}");
        }
    }

    proptest::proptest! {
        /// The same on any text: Thai letters, dots, spaces and others.
        #[test]
        fn word_at_gate_on_any_text(text in "[ก-ฮะ-ูเ-๎.ฯ a-zA-Z0-9\u{2014}]{0,40}") {
            let w = &*WORDS;
            for pos in 0..=text.len() {
                let raw = w
                    .trie
                    .longest_at(&text, pos, 0)
                    .and_then(|(id, end)| cluster_ends(&text, end).then(|| (end, w.roles[id as usize])));
                proptest::prop_assert_eq!(word_at(&text, pos), raw);
            }
        }
    }

    #[test]
    fn clusters() {
        assert!(!cluster_ends("อาซูเลย์", "อาซูเลย".len()));
        assert!(cluster_ends("เลย ", "เลย".len()));
        assert!(!cluster_starts("เลย", "เ".len()));
    }

    #[test]
    fn name_end_stops_at_space_and_function_words() {
        let t = "บ้านบางจาก อำเภอ";
        assert_eq!(&t[..name_end(t, 0, false)], "บ้านบางจาก");
        let t = "บ้านหนองได้";
        assert_eq!(&t[..name_end(t, 0, true)], "บ้านหนอง");
        let t = "บ้านบางจากอำเภอเมือง";
        assert_eq!(&t[..name_end(t, 0, false)], "บ้านบางจาก");
    }
}
