//! What the organization and place kinds share, below both: the gazetteer
//! looked up at a position, the words that end a name (`name_stops.tsv`) and
//! the place prefixes (`place_prefixes.tsv`), and the edges of the shared
//! scan's hits. Not a fact kind: it returns no facts, and no kind imports
//! another, only this.
//!
//! The gazetteer's files are the place kind's (`places/provinces.tsv`, ...);
//! an organization name ends at a place (เทศบาลนคร + ขอนแก่น) through
//! [`place_at`], and at a function word through [`word_at`].

// Not read yet by an extractor: wired into the people kind's glued given
// names it moved PERSON exact F1 .746 → .756 on the dev set, but exposed
// place false alarms inside organization names the organization kind
// misses (LOCATION exact fell under its floor by .0001); see dictionary.rs.
#[allow(dead_code)]
pub(crate) mod dictionary;
pub(crate) mod few;

use std::sync::LazyLock;

use super::registry;
use crate::facts::PlaceKind;
use crate::lexicon::Hit;
use crate::matcher::trie::Trie;
use crate::thai::{char_before, cluster_ends, cluster_starts, is_thai_letter};

/// When a gazetteer name counts without a prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// At any word boundary.
    Any,
    /// Only after a place prefix or next to another place (a common word):
    /// `list` in provinces.tsv and countries.tsv, `prefix` in districts.tsv
    /// (the same rule; the registry rejects any other word).
    List,
}

/// One gazetteer entry.
#[derive(Debug)]
pub(crate) struct GazEntry {
    /// The name its spellings are grouped under.
    pub canonical: String,
    /// `None` for a word that only hides a place name inside it.
    pub kind: Option<PlaceKind>,
    pub use_: Use,
}

/// The shipped gazetteer. Its names are compiled once, into the shared
/// scan's trie as the phrase list [`super::list::GAZETTEER`]: the scan
/// reports them in [`crate::lexicon::Scan::lists`], and [`place_at`] asks the
/// same trie at one position.
pub(crate) struct Gazetteer {
    /// The names, indexed like `entries`.
    phrases: Vec<String>,
    pub entries: Vec<GazEntry>,
}

/// The gazetteer's files, in the order their names win (a district named
/// like its province is the province); registered in [`crate::kinds::registry`].
const GAZETTEER_FILES: &[&str] = &["provinces.tsv", "districts.tsv", "countries.tsv", "place_words.tsv"];

pub(crate) fn place_kind(s: &str) -> Option<PlaceKind> {
    Some(match s {
        "province" => PlaceKind::Province,
        "district" => PlaceKind::District,
        "subdistrict" => PlaceKind::Subdistrict,
        "country" => PlaceKind::Country,
        "city" => PlaceKind::City,
        "region" => PlaceKind::Region,
        "venue" => PlaceKind::Venue,
        "village" => PlaceKind::Village,
        "street" => PlaceKind::Street,
        _ => return None,
    })
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in GAZETTEER_FILES {
        for e in registry::entries(file) {
            // A name in an earlier file wins (a district named like its province).
            if !seen.insert(e.phrase().to_string()) {
                continue;
            }
            phrases.push(e.phrase().to_string());
            let use_ = if e.columns[3] == "any" { Use::Any } else { Use::List };
            entries.push(GazEntry { canonical: e.columns[1].clone(), kind: place_kind(&e.columns[2]), use_ });
        }
    }
    Gazetteer { phrases, entries }
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
    // The registry checked every role and kind: the matches below drop nothing.
    for e in registry::entries("name_stops.tsv") {
        phrases.push(e.phrase().to_string());
        roles.push(match e.columns[1].as_str() {
            "end" => Role::End,
            "join" => Role::Join,
            _ => Role::Keep,
        });
    }
    for e in registry::entries("place_prefixes.tsv") {
        phrases.push(e.phrase().to_string());
        roles.push(Role::Prefix(place_kind(&e.columns[1])));
    }
    let mut left: Vec<(String, Role)> = phrases.iter().cloned().zip(roles.iter().copied()).collect();
    left.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    let reversed = Trie::of_reversed_phrases(left.iter().map(|(w, _)| w));
    Words { trie: Trie::of_phrases(&phrases), roles, left, reversed }
});

/// The verbs of `verbs_th.txt` (a word class from PyThaiNLP's
/// part-of-speech models), for lookups at a position.
static VERBS: LazyLock<Trie> =
    LazyLock::new(|| Trie::of_phrases(registry::entries("verbs_th.txt").iter().map(|e| e.phrase())));

/// The longest verb of `verbs_th.txt` that starts at `pos` and is a word of
/// its own there, if any: where it ends. A word of its own: no longer
/// dictionary word starts at `pos` (`หา` is no verb in `หาด`), and what
/// follows is no Thai letter or starts a dictionary word (`ริ` is no verb in
/// `ริคเตอร์`).
pub(crate) fn verb_at(text: &str, pos: usize) -> Option<usize> {
    let (_, end) = VERBS.longest_at(text, pos, 0)?;
    let alone = cluster_ends(text, end)
        && dictionary::word_at(text, pos).is_none_or(|e| e <= end)
        && (!crate::thai::char_at(text, end).is_some_and(is_thai_letter) || dictionary::word_at(text, end).is_some());
    alone.then_some(end)
}

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
pub(crate) fn word_before(text: &str, pos: usize) -> Option<(usize, Role)> {
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
pub(crate) fn dotted_prefix_starts(text: &str, pos: usize) -> bool {
    match char_before(text, pos) {
        None => true,
        Some('.') => false,
        Some(c) if is_thai_letter(c) => {
            matches!(word_before(text, pos), Some((_, Role::End | Role::Join)))
                || place_ends_at(text, pos)
                || dotted_name_ends_at(text, pos)
        }
        Some(_) => true,
    }
}

/// The longest gazetteer name looked back for, in characters.
const PLACE_BACK_CHARS: usize = 24;

/// Whether a gazetteer place ends at `pos`: an address whose spaces were
/// lost (`อ.แม่สายจ.เชียงราย`), where the dotted prefix after it is a prefix.
fn place_ends_at(text: &str, pos: usize) -> bool {
    text[..pos]
        .char_indices()
        .rev()
        .take(PLACE_BACK_CHARS)
        .take_while(|&(_, c)| is_thai_letter(c))
        .skip(1)
        .any(|(s, _)| place_at(text, s).is_some_and(|(e, _)| e == pos))
}

/// Whether the letters before `pos` are a name written after a dotted place
/// prefix (`ต.ขามใหญ่`, `อ.เมือง`, which the gazetteer need not hold): in an
/// address whose spaces were lost (`ต.ขามใหญ่อ.เมืองจ.…`) the dotted prefix
/// glued after it is the next prefix.
fn dotted_name_ends_at(text: &str, pos: usize) -> bool {
    let mut run = text[..pos].char_indices().rev().take(PLACE_BACK_CHARS + 1).take_while(|&(_, c)| is_thai_letter(c));
    let Some(run_start) = run.by_ref().last().map(|(s, _)| s) else { return false };
    let letters = text[run_start..pos].chars().count();
    (2..=PLACE_BACK_CHARS).contains(&letters)
        && text[..run_start].ends_with('.')
        && matches!(word_before(text, run_start), Some((_, Role::Prefix(Some(_)))))
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
    // The shipped scan's trie holds the gazetteer as a phrase list: asked at
    // one position, it is the gazetteer's own matcher (no second compile).
    // An extractor with extra lexicons has its own trie, but organization
    // names end at shipped places only, as `Category::Place` says.
    let (id, end) = super::SHIPPED_LEXICONS.longest_in_list(text, pos, super::list::GAZETTEER)?;
    let e = &GAZETTEER.entries[id as usize];
    (e.kind.is_some() && cluster_ends(text, end)).then_some((end, e))
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
        // Presized: a filtered iterator collects by doubling from nothing.
        let (mut starts, mut ends) = (Vec::with_capacity(hits.len()), Vec::with_capacity(hits.len()));
        for h in hits.iter().filter(|h| !h.category.is_number_word()) {
            starts.push(h.start);
            ends.push(h.end);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_and_words_load() {
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
}
