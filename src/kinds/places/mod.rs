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
//! A shorter country or province glued to the text on a side counts when
//! the text glued there reads as a whole dictionary word (`ทำให้ไทยสามารถ`),
//! not as a longer word that holds the name (ภาษาไทย, ไทยรัฐ): see
//! [`super::shared::dictionary`].
//!
//! A name that is also a common word (เลย, ตาก; districts such as สังคม)
//! counts only after a place prefix or next to another place in a list.
//! After อำเภอ/อ., ตำบล/ต., แขวง and จังหวัด/จ. a name that is not in the
//! gazetteer is a place too (ตำบลบ้านบางจาก). Named venues (`venue_heads.tsv`:
//! โรงแรม…, ศูนย์การประชุม…, ทำเนียบรัฐบาล; general heads such as ถ้ำ, วัด, ตลาด
//! with the name glued to them) are places of kind venue.
//!
//! The gazetteer and the word lists are also what the organization extractor
//! uses to end a name (เทศบาลนคร + ขอนแก่น): they live below both kinds, in
//! [`super::shared`].

use std::sync::LazyLock;

mod named;

pub(crate) use named::head_phrases;

use super::shared::{
    dictionary, dotted_prefix_starts, left_boundary, place_at, place_kind, verb_at, word_at, word_before, HitEdges,
    Role, Use, GAZETTEER,
};
use super::{Doc, Span};
use crate::facts::PlaceKind;
use crate::lexicon::{Category, Found, Hit};
use crate::thai::{char_at, char_before, cluster_ends, cluster_starts, is_following_mark, is_thai_letter};

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
    /// A province read out of a district named เมือง + the province, glued
    /// to the word before (ตัวเมืองเชียงราย): the mention is the province.
    town: bool,
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
    // Spaces and line breaks are ASCII, so they are searched among the
    // bytes (`memrchr`), not decoded back a character at a time.
    let window = &text.as_bytes()[from..pos];
    let Some(space) = memchr::memrchr(b' ', window) else { return false };
    let given_start = memchr::memrchr2(b' ', b'\n', &window[..space]).map_or(0, |i| i + 1);
    // `นายสมพงค์`: the word holds the title.
    // A title ends inside that word, with a given name after it: asked
    // first, as it is rarely so.
    let (word_start, word_end) = (from + given_start, from + space);
    let i = title_ends.partition_point(|&e| e <= word_start);
    word_start < word_end
        && title_ends.get(i).is_some_and(|&e| e < word_end)
        && text[word_start..word_end].chars().all(is_thai_letter)
        && text[word_end + 1..pos].chars().all(is_thai_letter)
        // Not a place that starts like a title (พระนครศรีอยุธยา ลำปาง).
        && place_at(text, word_start).is_none_or(|(e, _)| e != word_end)
        // Not a place written with its prefix (อำเภอนางรอง จังหวัดบุรีรัมย์):
        // neither word starts with one.
        && !matches!(word_at(text, word_start), Some((_, Role::Prefix(_))))
        && !matches!(word_at(text, from + space + 1), Some((_, Role::Prefix(_))))
        // Not a place after its prefix further on (`…ใจดี เกิดและเติบโตในจังหวัด…`,
        // `… อยู่ที่ประเทศ…`): a family name holds no จังหวัด or ประเทศ.
        && !matches!(word_before(text, pos), Some((_, Role::Prefix(Some(_)))))
}

/// Whether the name at `start..end`, glued to the text on a side, lies
/// inside a longer dictionary word there: its start inside a word that runs
/// to its end or past it (ตรุษจีน), or its end inside a word that starts
/// within it (ที่จะแนะนำ holds a district's name across จะ|แนะนำ). The start
/// is asked about only where no function word or hit ends there
/// (`glued_left`).
fn inside_word(text: &str, start: usize, end: usize, glued_left: bool) -> bool {
    if glued_left
        && char_before(text, start).is_some_and(is_thai_letter)
        && dictionary::word_across(text, start).is_some_and(|e| e >= end)
    {
        return true;
    }
    // The reading across the end must be words on both sides of the split:
    // a word of the name's first letters, then one of four letters or more
    // running past it (a two-letter word from inside a name, ยล in ไทยลดลง,
    // is no reading).
    char_at(text, end).is_some_and(is_thai_letter)
        && dictionary::word_at(text, start).filter(|&split| start < split && split < end).is_some_and(|split| {
            dictionary::word_at(text, split).is_some_and(|e| e > end && text[split..e].chars().count() >= 4)
        })
}

/// Whether the place prefix at `prefix_start..prefix_end` is the end of a
/// longer dictionary word (การเมือง, ภาครัฐ): no prefix then. A
/// word made of a function word and the prefix (ในประเทศ) still leaves it
/// one.
fn prefix_in_word(text: &str, prefix_start: usize, prefix_end: usize) -> bool {
    text[..prefix_start]
        .char_indices()
        .rev()
        .take(dictionary::WORD_BACK_CHARS)
        .take_while(|&(_, c)| is_thai_letter(c))
        .any(|(p, _)| {
            dictionary::word_at(text, p) == Some(prefix_end)
                && !matches!(word_at(text, p), Some((e, Role::End | Role::Join)) if e == prefix_start)
        })
}

/// What lies between two places of a list (`ลำปาง ลำพูน`, `ตาก, เลย และน่าน`).
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c == ' ' || c == ',');
    g.is_empty() || g == "และ" || g == "หรือ"
}

/// Every place mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawPlace> {
    extract_with(doc, &HitEdges::new(&doc.scan.hits))
}

/// [`extract`], given the edges of the document's hits ([`HitEdges::new`]
/// of them all), which the organizations test too.
pub(crate) fn extract_with(doc: &Doc<'_>, edges: &HitEdges) -> Vec<RawPlace> {
    let text = doc.text();
    let mut title_ends: Vec<usize> = Vec::with_capacity(doc.scan.hits.len());
    title_ends.extend(doc.scan.hits.iter().filter(|h| h.category == Category::Title).map(|h| h.end));
    let g = &*GAZETTEER;
    // Places added through the builder come from the shared scan (no second
    // matcher); they join the shipped gazetteer's hits in text order.
    let extra_entries = doc.lexicons.entries(Category::Place);
    let extra = doc.scan.hits.iter().filter(|h| h.category == Category::Place).filter_map(|h| {
        let e = extra_entries.get(h.entry)?;
        let kind = place_kind(&e.columns[2]);
        let use_ = if e.columns[3] == "any" { Use::Any } else { Use::List };
        Some((h.start, h.end, PlaceEntry { canonical: &e.columns[1], kind, use_ }))
    });
    let shipped = doc.scan.lists[super::list::GAZETTEER].iter().map(|m| {
        let e = &g.entries[m.id as usize];
        (m.start, m.end, PlaceEntry { canonical: &e.canonical, kind: e.kind, use_: e.use_ })
    });
    let mut hits: Vec<(usize, usize, PlaceEntry<'_>)> = shipped.chain(extra).collect();
    hits.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    // Presized: one candidate at most a hit.
    let mut cands: Vec<Candidate> = Vec::with_capacity(hits.len());
    let mut last_end = 0;
    for (mut start, end, mut entry) in hits {
        let mut is_town = false;
        // Leftmost-longest across both sources.
        if start < last_end {
            continue;
        }
        last_end = end;
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        // A district named เมือง + its province (เมืองหนองคาย), glued to the
        // word before (ตัวเมือง, กลางเมือง) and with no อำเภอ before it, is
        // the town: the province after the prefix เมือง.
        if entry.kind == Some(PlaceKind::District)
            && text[start..end].starts_with(TOWN)
            && char_before(text, start).is_some_and(is_thai_letter)
            && word_before(text, start).is_none()
        {
            if let Some((_, town)) = place_at(text, start + TOWN.len()).filter(|&(e, _)| e == end) {
                if town.kind == Some(PlaceKind::Province) {
                    start += TOWN.len();
                    entry = PlaceEntry { canonical: &town.canonical, kind: town.kind, use_: town.use_ };
                    is_town = true;
                }
            }
        }
        if entry.kind.is_none() || !cluster_ends(text, end) || !cluster_starts(text, start) {
            continue;
        }
        // นายสุรินทร์: a given name after a title, not a place; นายสมพงค์ สระแก้ว,
        // นายแพทย์สุขุม กาญจนพิมาย: a family name after a title and a given name.
        if title_ends.binary_search(&start).is_ok() || in_family_name(text, start, &title_ends) {
            continue;
        }
        // คนไทย, ชาวญี่ปุ่น: a nationality, not the country.
        if entry.kind == Some(PlaceKind::Country)
            && CUES.nationality.iter().any(|w| text[..start].ends_with(w.as_str()))
        {
            continue;
        }
        // A prefix right before the name, or before one space.
        let before = word_before(text, start);
        let mut prefix = match before {
            // A prefix that ends a longer dictionary word is none (การเมือง|คง,
            // ภาครัฐ|คง): the common word after it is a word of that text.
            // Asked for a common word only (คง), which needs its prefix.
            Some((s, Role::Prefix(k))) if entry.use_ == Use::Any || !prefix_in_word(text, s, start) => Some((s, k)),
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
        let right_ok = !char_at(text, end).is_some_and(is_thai_letter)
            || word_at(text, end).is_some()
            || edges.starts_at(end)
            || place_at(text, end).is_some();
        cands.push(Candidate { start, end, entry, prefix, left_ok, right_ok, town: is_town });
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
    // A country or province of six letters or more counts glued to one
    // side when the other side is a word boundary (`กรณีที่ออสเตรเลียออกร่าง`, `เยือนอิหร่านวันที่`):
    // headlines glue names to verbs. Shorter names (จีน, ไทย, ตราด) hide in
    // words (อัตราดอกเบี้ย), regions in longer names (ระเบียง…ภาคตะวันออก).
    // Presized to every hit (a filter collects by doubling from nothing).
    let mut org_heads: Vec<Hit> = Vec::with_capacity(doc.scan.hits.len());
    org_heads.extend(doc.scan.hits.iter().filter(|h| h.category == Category::OrgHead));
    let head_ends = HitEdges::new(&org_heads);
    // A place glued inside a known organization's name is part of that name
    // (ยุโรป in สหภาพยุโรป), not a place of its own. The scan's hits are in
    // text order: the one that covers a place is among the last few that
    // start at or before it (asked for glued candidates only).
    let hits = &doc.scan.hits;
    let inside_known = |c: &Candidate| {
        let i = hits.partition_point(|h| h.start <= c.start);
        hits[..i]
            .iter()
            .rev()
            .take(4)
            .any(|h| h.category == Category::OrgName && h.end >= c.end && (h.start, h.end) != (c.start, c.end))
    };
    let glued = |c: &Candidate| {
        c.entry.use_ == Use::Any
            && matches!(c.entry.kind, Some(PlaceKind::Province | PlaceKind::Country))
            && text[c.start..c.end].chars().count() >= 6
            && (c.left_ok || c.right_ok)
            // Glued to an organization head it is part of that name (บริษัทสุรินทร์…).
            && !head_ends.ends_at(c.start)
            && !inside_known(c)
    };
    // A shorter country or province counts glued on a side where a
    // dictionary word is glued to it, whole (`ทำให้ไทยสามารถ`, `ของจีนลดลง`),
    // not where it ends a longer word (ภาษาไทย, พริกไทย) or starts one (ไทยรัฐ).
    // Asked once per candidate, cheapest test first: the walk back over the
    // word before is the dearest.
    let dict_glued: Vec<bool> = cands
        .iter()
        .map(|c| {
            !(c.left_ok && c.right_ok)
                && c.entry.use_ == Use::Any
                && matches!(c.entry.kind, Some(PlaceKind::Province | PlaceKind::Country | PlaceKind::Region))
                && !(c.entry.kind == Some(PlaceKind::Region)
                    && CUES.name_before_region.iter().any(|w| text[..c.start].ends_with(w.as_str())))
                && (c.right_ok || dictionary::word_at(text, c.end).is_some())
                && !head_ends.ends_at(c.start)
                && !inside_known(c)
                && dictionary::word_at(text, c.start).is_none_or(|e| e <= c.end)
                && (c.left_ok || dictionary::word_ends_at(text, c.start))
        })
        .collect();
    let strong = |i: usize| {
        let c = &cands[i];
        glued(c)
            || dict_glued[i]
            || (c.prefix.is_some()
                && (c.right_ok || matches!(c.prefix, Some((_, Some(PlaceKind::Country | PlaceKind::City))))))
            || (c.entry.use_ == Use::Any
                && ((c.left_ok && c.right_ok)
                    || (c.entry.kind == Some(PlaceKind::Region)
                        && c.right_ok
                        && CUES.region_before.iter().any(|w| text[..c.start].ends_with(w.as_str())))
                    || (c.entry.kind == Some(PlaceKind::Region)
                        && (c.left_ok || c.right_ok)
                        && cluster_starts(text, c.start)
                        && CUES.feature_heads.iter().any(|w| text[c.start..c.end].starts_with(w.as_str())))
                    || (matches!(c.entry.kind, Some(PlaceKind::Province | PlaceKind::Country | PlaceKind::City))
                        && (c.left_ok || c.right_ok)
                        && (!char_before(text, c.start).is_some_and(is_thai_letter)
                            || !char_at(text, c.end).is_some_and(is_thai_letter)))))
    };
    let accept = |i: usize| {
        let c = &cands[i];
        if strong(i) {
            return true;
        }
        if !(c.left_ok && c.right_ok) {
            return false;
        }
        // A common word counts inside a list of places.
        let prev = i.checked_sub(1).map(|j| (j, &cands[j]));
        let next = cands.get(i + 1).map(|n| (i + 1, n));
        // Next to one place it needs a separator (`ตาก, เลย`, `ตาก และเลย`); a
        // space alone (`จ.อุบลราชธานี ชื่นชม`) needs places on both sides.
        let before = prev.filter(|&(j, p)| strong(j) && is_list_gap(&text[p.end..c.start])).map(|(_, p)| p);
        let after = next.filter(|&(j, n)| strong(j) && is_list_gap(&text[c.end..n.start])).map(|(_, n)| n);
        let separated = |gap: &str| !gap.trim().is_empty();
        (before.is_some() && after.is_some())
            || before.is_some_and(|p| separated(&text[p.end..c.start]))
            || after.is_some_and(|n| separated(&text[c.end..n.start]))
    };
    // Asked last, of the candidates kept only: the walks over the
    // dictionary cost more than every test above.
    let accepted: Vec<bool> = (0..cands.len())
        .map(|i| {
            let c = &cands[i];
            accept(i)
                && !(c.prefix.is_none()
                    && c.entry.kind != Some(PlaceKind::Region)
                    && inside_word(text, c.start, c.end, !c.left_ok))
        })
        .collect();
    let mut out: Vec<RawPlace> = Vec::with_capacity(cands.len());
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
        // A prefix that names the kind is part of the mention; นคร, which
        // names none, is part of a foreign city's (นครหางโจว).
        let start = match c.prefix {
            _ if c.town => c.start,
            Some((s, Some(_))) => s,
            Some((s, None)) if kind == PlaceKind::City => s,
            _ => c.start,
        };
        out.push(RawPlace {
            span: start..c.end,
            name: text[c.start..c.end].to_string(),
            key: c.entry.canonical.to_string(),
            kind,
        });
    }
    // ภาคเหนือ กลาง และใต้: the regions after a region, written bare.
    let regions: Vec<(usize, usize)> = cands
        .iter()
        .zip(&accepted)
        .filter(|(c, ok)| **ok && c.entry.kind == Some(PlaceKind::Region))
        .map(|(c, _)| (c.start, c.end))
        .collect();
    if !regions.is_empty() {
        out.extend(bare_regions(text, &regions));
    }
    let taken: Vec<usize> = cands.iter().zip(&accepted).filter(|(_, ok)| **ok).map(|(c, _)| c.start).collect();
    out.extend(unlisted_after_prefix(text, &doc.scan.lists[super::list::ADMIN_PREFIXES], &taken));
    out.extend(venues(doc, edges, &head_ends));
    out.extend(named::places(text, &doc.scan.lists[super::list::PLACE_HEADS], &title_ends, &head_ends));
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
        // A function word after the prefix makes it a common noun (ทุกตำบลใน…),
        // except in an address: a subdistrict named ในเมือง before a district
        // (`ต.ในเมือง อ.เมือง`).
        let function_word = matches!(word_at(text, start), Some((_, Role::End | Role::Join)));
        if function_word && kind != PlaceKind::Subdistrict {
            continue;
        }
        // Subdistrict names hold words (บ้านบางจาก): they end at a space or
        // prefix only; one that starts with a function word (ในเมือง), at a
        // space only.
        let end = if function_word {
            text[start..].find(|c: char| !is_thai_letter(c)).map_or(text.len(), |i| start + i)
        } else {
            name_end(text, start, kind != PlaceKind::Subdistrict)
        };
        let name = &text[start..end];
        if name.chars().count() < 3 || !cluster_ends(text, end) {
            continue;
        }
        if function_word {
            let after = if text[end..].starts_with(' ') { end + 1 } else { end };
            let district_after = matches!(
                word_at(text, after),
                Some((_, Role::Prefix(Some(PlaceKind::District | PlaceKind::Province))))
            );
            // ...and with the prefix itself after a space, as addresses write it.
            if !district_after || !text[end..].starts_with(' ') || char_before(text, pstart).is_some_and(is_thai_letter)
            {
                continue;
            }
        }
        // อ. is also อาจารย์ (a teacher): a given name after it is a person.
        if kind == PlaceKind::District
            && text[pstart..start].ends_with('.')
            && super::people::is_given_name(text, &(start..end))
        {
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
/// `org_ends` are the edges of the organization heads' hits.
fn venues(doc: &Doc<'_>, edges: &HitEdges, org_ends: &HitEdges) -> Vec<RawPlace> {
    let text = doc.text();
    let entries = doc.lexicons.entries(Category::VenueHead);
    let mut out = Vec::new();
    for h in doc.scan.hits.iter().filter(|h| h.category == Category::VenueHead) {
        let Some(e) = entries.get(h.entry) else { continue };
        // A street, a village or an island also follows a whole dictionary
        // word glued before its head (`ริมถนน…`, `หน้าเกาะ…`).
        // A head that ends a compound word (ริมถนน, ข้ามถนน) heads a name too.
        let named = matches!(e.columns[1].as_str(), "street" | "village" | "island" | "water" | "area");
        let across = if named { dictionary::word_across(text, h.start) } else { None };
        // A stream dashed to a word (คิรีธาร-คลอง…) is part of the name of a
        // work on it (โรงไฟฟ้าพลังน้ำคิรีธาร-คลอง…), not the stream.
        let dashed =
            text[..h.start].strip_suffix('-').is_some_and(|b| char_before(b, b.len()).is_some_and(is_thai_letter));
        if e.columns[1] == "-"
            || (dashed && e.columns[1] == "water")
            || !(left_boundary(text, h.start, edges)
                || (named && (across == Some(h.end) || dictionary::word_ends_at(text, h.start))))
        {
            continue;
        }
        if org_ends.ends_at(h.start) || (text[..h.start].ends_with(' ') && org_ends.ends_at(h.start - 1)) {
            continue;
        }
        let how = e.columns[1].as_str();
        if how == "area" {
            out.extend(area_place(text, h.start, h.end, &doc.scan.hits));
            continue;
        }
        if let Some(kind) = match how {
            "street" => Some(PlaceKind::Street),
            "village" => Some(PlaceKind::Village),
            "island" | "water" => Some(PlaceKind::Region),
            _ => None,
        } {
            // An island's name after a space, a function word that ends a
            // phrase (ไป, จาก, ระหว่าง) or a word of place (บน, ใกล้) may read
            // as two dictionary words; after a joining word (มา, ของ) เกาะ
            // is mostly the verb, to cling.
            let after_place_word = kind == PlaceKind::Region
                && cluster_starts(text, h.start)
                && (!char_before(text, h.start).is_some_and(is_thai_letter)
                    || matches!(word_before(text, h.start), Some((_, Role::End)))
                    || CUES.region_before.iter().any(|w| text[..h.start].ends_with(w.as_str())));
            if let Some(end) = named_place_end(text, h.start, h.end, kind, across, after_place_word) {
                let name = text[h.start..end].to_string();
                out.push(RawPlace { span: h.start..end, key: name.clone(), name, kind });
            }
            continue;
        }
        let end = if e.columns[1] == "name" {
            if !cluster_ends(text, h.end) {
                continue;
            }
            h.end
        } else {
            // A general head (วัด, ตลาด, ถ้ำ) names a venue only with the
            // name glued to it: `วัด โรงเรียน` is a list of places.
            let spaced = text[h.end..].starts_with(' ');
            if spaced && e.columns[1] == "glued" {
                continue;
            }
            let from = if spaced { h.end + 1 } else { h.end };
            let mut end = venue_name_end(text, from, edges);
            // An address after the name ends it: ตลาดคลองถมถนนวรจักร.
            if let Some(cut) =
                CUES.venue_address.iter().filter_map(|w| text[from..end].find(w.as_str())).filter(|&i| i > 0).min()
            {
                end = from + cut;
            }
            // After a general head the name is one word of a few letters:
            // a longer run is a headline running on into verbs.
            if e.columns[1] == "glued" {
                end = name_end(text, from, true).min(end);
                if text[from..end].chars().count() > MAX_GLUED_VENUE_CHARS {
                    continue;
                }
            }
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

/// Where the name of a street, a village or an island written after its
/// head word (`head_start..head_end`) ends, if one is there.
///
/// - After a head that ends a compound word (ริมถนน) or one space, the
///   name must be no run of dictionary words.
/// - A street's name is glued to its head or follows one space
///   (`ถนนมิตรภาพ`, `ถนน ศรีจันทร์`, `ซ.8`); a lane may be a number (`ซอย 8`).
/// - An island's or a village's name is glued (`เกาะสมุย`, `บ้านหนองไผ่`).
/// - บ้าน is also "house": a village counts only in an address, after a
///   village number (`หมู่ 7 บ้าน…`) or before a subdistrict, district or
///   province prefix or a village number (`บ้าน… ต.…`), and not after ชาว
///   (ชาวบ้าน, villagers).
///
/// The name is one word (it ends like [`name_end`]; a village's name runs
/// over function words, as a subdistrict's does), or a gazetteer place
/// (`ถนนพญาไท`), of 2 to [`MAX_NAMED_PLACE_CHARS`] characters.
/// The prefix of nouns for a person (ผู้ต้องหา, ผู้ใหญ่บ้าน).
const PERSON_NOUN: &str = "ผู้";

fn named_place_end(
    text: &str,
    head_start: usize,
    head_end: usize,
    kind: PlaceKind,
    across: Option<usize>,
    after_place_word: bool,
) -> Option<usize> {
    let spaced = text[head_end..].starts_with(' ');
    if spaced && kind != PlaceKind::Street {
        return None;
    }
    let from = if spaced { head_end + 1 } else { head_end };
    if kind == PlaceKind::Street {
        let digits = text[from..].bytes().take_while(u8::is_ascii_digit).count();
        if (1..=4).contains(&digits) {
            return Some(from + digits);
        }
    }
    if word_at(text, from).is_some_and(|(_, r)| matches!(r, Role::End | Role::Join | Role::Prefix(_))) {
        return None;
    }
    // บ้าน + ผู้… is someone's house (`บ้านผู้ต้องหา`), no village.
    if kind == PlaceKind::Village && text[from..].starts_with(PERSON_NOUN) {
        return None;
    }
    // The head inside a longer word heads nothing; at the end of a compound
    // (ริมถนน, เกาะกลางถนน) only a proper name follows it, not ordinary
    // words (`เกาะกลางถนนชนแผงค้า`).
    if across.is_some_and(|e| e > head_end) {
        return None;
    }
    let compound = across == Some(head_end);
    // An island that is a district or a place of the gazetteer (เกาะสมุย)
    // ends with that name, whatever is glued after it.
    if kind == PlaceKind::Region && !spaced {
        if let Some((place_end, _)) = place_at(text, head_start).filter(|&(e, _)| e > head_end) {
            return Some(place_end);
        }
    }
    let mut end = name_end(text, from, kind != PlaceKind::Village);
    if let Some((place_end, _)) = place_at(text, from) {
        end = end.max(place_end);
    }
    // A stream's or an island's stretch (ห้วย…ตอนล่าง) is part of its name,
    // not a word of the name.
    let stretch = if kind == PlaceKind::Region {
        STRETCHES
            .iter()
            .find(|w| text[from..end].len() > w.len() && text[from..end].ends_with(*w))
            .map_or(0, |w| w.len())
    } else {
        0
    };
    let (full_end, end) = (end, end - stretch);
    let chars = text[from..end].chars().count();
    if !(2..=MAX_NAMED_PLACE_CHARS).contains(&chars) || !cluster_ends(text, end) {
        return None;
    }
    // A street named by one verb is a clause (`ฝนตกหนักถ.ทรุด`: the road,
    // and subsided); names that start with one (เจริญกรุง) go on, and islands
    // and streams are named so (เกาะทะลุ).
    if kind == PlaceKind::Street && verb_at(text, from) == Some(end) {
        return None;
    }
    // Head and name one dictionary word: a common noun (บ้านพัก, เกาะติด).
    if dictionary::word_at(text, head_start) == Some(end) {
        return None;
    }
    // A name written apart from its head, or an island's, is a proper name,
    // not ordinary words (`ถนน ลาดวัด โรงเรียน` is a list of public places;
    // `เกาะเช้ามืด…` clings).
    // An island after a preposition or a word of place may be two short
    // words that end at a word boundary (`ไปเกาะพีพี และ…`: a transliteration
    // read as syllables), of at most MAX_SYLLABLE_NAME_CHARS characters.
    let (words, words_end) = dictionary::words_from(&text[..end], from, 8);
    let two_syllables = after_place_word
        && words == 2
        && text[from..end].chars().count() <= MAX_SYLLABLE_NAME_CHARS
        && (!char_at(text, end).is_some_and(is_thai_letter)
            || matches!(word_at(text, end), Some((_, Role::End | Role::Join))));
    if words_end == end
        && ((spaced || compound) && words >= 1 || (kind == PlaceKind::Region && words >= 2 && !two_syllables))
    {
        return None;
    }
    if kind == PlaceKind::Village {
        let before = text[..head_start].trim_end_matches(' ');
        let number_before = before.len() < text[..head_start].len() || before.ends_with('.');
        let before_number = before.trim_end_matches(|c: char| c.is_ascii_digit());
        let after_village_number = number_before && before_number.len() < before.len() && {
            // หมู่ที่ 11: the village number's word, with the ordinal ที่.
            let word = before_number.trim_end_matches(' ');
            let word = word.strip_suffix("ที่").unwrap_or(word);
            CUES.village_number.iter().any(|w| word.ends_with(w.as_str()))
        };
        let after = if text[end..].starts_with(' ') { end + 1 } else { end };
        // A village number or an administrative prefix (ตำบล, อ., จังหวัด,
        // the rows of place_prefixes.tsv) after it.
        let before_admin = CUES.village_number.iter().any(|w| text[after..].starts_with(w.as_str()))
            || matches!(
                word_at(text, after),
                Some((_, Role::Prefix(Some(PlaceKind::Subdistrict | PlaceKind::District | PlaceKind::Province))))
            );
        if text[..head_start].ends_with("ชาว") || !(after_village_number || before_admin) {
            return None;
        }
    }
    // A numbered lane: ซอยลาดพร้าว 71.
    if kind == PlaceKind::Street {
        let digits = text[end..].strip_prefix(' ').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
        if (1..=3).contains(&digits) && !text[end + 1 + digits..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
        {
            return Some(end + 1 + digits);
        }
    }
    Some(full_end)
}

/// The stretches of a stream or an island written after its name.
const STRETCHES: [&str; 3] = ["ตอนบน", "ตอนล่าง", "ตอนกลาง"];

/// Regions written bare in a list after a region (`ภาคใต้ ตะวันออก
/// และกลาง`, `ภาคใต้, ตะวันออก`) or, joined by a dash, before one
/// (`เหนือ-อีสาน-กลาง`), as weather reports write them: the `region_bare`
/// words of `place_cues.tsv`, each the region ภาค + the word. A bare word
/// counts only between list gaps (a space, a comma, a dash, และ, หรือ) and
/// before a word boundary: `ภาคเหนือ กลางเดือน` names one region.
fn bare_regions(text: &str, anchors: &[(usize, usize)]) -> Vec<RawPlace> {
    let mut out = Vec::new();
    let bare_at =
        |pos: usize| CUES.region_bare.iter().filter(|w| text[pos..].starts_with(w.as_str())).max_by_key(|w| w.len());
    let ends_well = |end: usize| {
        !char_at(text, end).is_some_and(is_thai_letter)
            || text[end..].starts_with("และ")
            || text[end..].starts_with("หรือ")
    };
    let push = |out: &mut Vec<RawPlace>, start: usize, w: &str| {
        let key = format!("ภาค{w}");
        out.push(RawPlace { span: start..start + w.len(), name: w.to_string(), key, kind: PlaceKind::Region });
    };
    for &(start, end) in anchors {
        // Forward, over any list gap.
        let mut pos = end;
        loop {
            let gap = list_gap_after(text, pos);
            if gap == 0 {
                break;
            }
            let at = pos + gap;
            let Some(w) = bare_at(at) else { break };
            if !ends_well(at + w.len()) {
                break;
            }
            push(&mut out, at, w);
            pos = at + w.len();
        }
        // Backward, over dashes only.
        let mut pos = start;
        loop {
            let before = text[..pos].trim_end_matches(' ');
            let Some(dashed) = before.strip_suffix(['-', '–']) else { break };
            let dashed = dashed.trim_end_matches(' ');
            let Some(w) = CUES.region_bare.iter().filter(|w| dashed.ends_with(w.as_str())).max_by_key(|w| w.len())
            else {
                break;
            };
            let at = dashed.len() - w.len();
            if char_before(text, at).is_some_and(is_thai_letter) && !dictionary::word_ends_at(text, at) {
                break;
            }
            push(&mut out, at, w);
            pos = at;
        }
    }
    out
}

/// How many bytes of a list gap (spaces, a comma, a dash, และ, หรือ) start
/// at `pos`; 0 for none.
fn list_gap_after(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let r = rest.trim_start_matches([' ', ',', '-', '–']);
    let r = r.strip_prefix("และ").or_else(|| r.strip_prefix("หรือ")).unwrap_or(r);
    let r = r.trim_start_matches(' ');
    rest.len() - r.len()
}

/// The neighbourhood named after a word of area (`ย่านคลองถม`, `ย่าน บางรัก`):
/// the name glued to the word or after one space, without the word.
///
/// - A gazetteer place there is that place (`ย่านมีนบุรี` is the district).
/// - Otherwise the name is one word as [`name_end`] reads it, of 2 to
///   [`MAX_GLUED_VENUE_CHARS`] characters, of kind subdistrict.
/// - A market or another venue named there is the neighbourhood
///   (`ย่านตลาดน้อย`), not a venue of its own.
/// - None where the word is part of a longer dictionary word (ย่านการค้า,
///   ย่านาง), where another lexicon hit starts the name (an organization,
///   a title), or where a function word, a prefix or a non-letter follows
///   (`ย่านนี้`, `ย่าน 850 MHz`).
fn area_place(text: &str, head_start: usize, head_end: usize, hits: &[Hit]) -> Option<RawPlace> {
    if dictionary::word_at(text, head_start).is_some_and(|e| e != head_end) || !cluster_starts(text, head_end) {
        return None;
    }
    let from = if text[head_end..].starts_with(' ') { head_end + 1 } else { head_end };
    let i = hits.partition_point(|x| x.start < from);
    let other_hit = hits[i..].iter().take_while(|x| x.start == from).any(|x| x.category != Category::VenueHead);
    if other_hit || word_at(text, from).is_some() {
        return None;
    }
    let mut end = name_end(text, from, true);
    if let Some((place_end, entry)) = place_at(text, from) {
        if place_end >= end && entry.kind.is_some() {
            let name = text[from..place_end].to_string();
            return Some(RawPlace {
                span: from..place_end,
                name,
                key: entry.canonical.clone(),
                kind: entry.kind.unwrap_or(PlaceKind::Subdistrict),
            });
        }
    }
    if let Some(cut) =
        CUES.venue_address.iter().filter_map(|w| text[from..end].find(w.as_str())).filter(|&i| i > 0).min()
    {
        end = from + cut;
    }
    let chars = text[from..end].chars().count();
    if !(2..=MAX_GLUED_VENUE_CHARS).contains(&chars) || !cluster_ends(text, end) {
        return None;
    }
    let name = text[from..end].to_string();
    Some(RawPlace { span: from..end, key: name.clone(), name, kind: PlaceKind::Subdistrict })
}

/// The prefix of a provincial capital's district (อำเภอเมืองหนองคาย).
const TOWN: &str = "เมือง";

/// Most characters of a street's, a village's or an island's name.
const MAX_NAMED_PLACE_CHARS: usize = 20;

/// Most characters of an island's name read as two dictionary words
/// (`พีพี`; `เช้ามืดวัน…` is a time, not a name).
const MAX_SYLLABLE_NAME_CHARS: usize = 8;

/// Most characters of a venue name glued to a general head (ถ้ำ, วัด, ตลาด).
const MAX_GLUED_VENUE_CHARS: usize = 16;

/// The words of `place_cues.tsv`, by role (its header says what each does).
struct Cues {
    /// Words before a country that make it a nationality (คนไทย).
    nationality: Vec<String>,
    /// Address words that end a venue name written before them.
    venue_address: Vec<String>,
    /// Words that a region glued after is part of a longer name with
    /// (ระเบียงเศรษฐกิจพิเศษภาคตะวันออก).
    name_before_region: Vec<String>,
    /// Words of a village number (`หมู่ที่ 11`, `ม.4`).
    village_number: Vec<String>,
    /// Words of place that a region is glued after (`บริเวณภาคเหนือ`).
    region_before: Vec<String>,
    /// Head words of rivers, seas and ranges (แม่น้ำ, ทะเล): a gazetteer
    /// name that starts with one begins a word.
    feature_heads: Vec<String>,
    /// Regions written bare in a list after a region (กลาง for ภาคกลาง).
    region_bare: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut c = Cues {
        nationality: Vec::new(),
        venue_address: Vec::new(),
        name_before_region: Vec::new(),
        village_number: Vec::new(),
        region_before: Vec::new(),
        feature_heads: Vec::new(),
        region_bare: Vec::new(),
    };
    // The registry checked every role.
    for e in super::registry::entries("place_cues.tsv") {
        let list = match e.columns[1].as_str() {
            "nationality" => &mut c.nationality,
            "name_before_region" => &mut c.name_before_region,
            "village_number" => &mut c.village_number,
            "region_before" => &mut c.region_before,
            "feature_head" => &mut c.feature_heads,
            "region_bare" => &mut c.region_bare,
            _ => &mut c.venue_address,
        };
        list.push(e.phrase().to_string());
    }
    c
});

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
    // A place named right after the head is whole, prefix words inside it
    // and all (สนามบินดอนเมือง: เมือง inside ดอนเมือง).
    // It ends with the place: no further words after a space.
    if let Some((place_end, _)) = place_at(text, from) {
        if place_end >= end {
            return place_end;
        }
    }
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

    /// ๆ (mai yamok) and ฿ (baht sign) are no Thai letters (see
    /// [`crate::thai`]): a place written before one ends at a word boundary.
    #[test]
    fn a_place_ends_before_mai_yamok_and_the_baht_sign() {
        let names = |t: &str| crate::extract(t).places.into_iter().map(|p| p.name).collect::<Vec<_>>();
        assert_eq!(names("ไปเชียงใหม่ๆ ลำปาง฿ลำพูน"), ["เชียงใหม่", "ลำปาง", "ลำพูน"]);
        assert!(names("นายธนพลฯ ใจดี ๆ ที่ขอนแก่น฿").contains(&"ขอนแก่น".to_string()));
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
