//! Organizations: names built on an organization head, and abbreviations.
//!
//! Part of the extract stage (normalize → scan → **extract** → link →
//! facts). Takes the scanned document and returns every organization
//! mention, in text order, with spans in normalized-text coordinates;
//! [`crate::link`] groups them into organizations.
//!
//! Three sources, all from the shared scan:
//!
//! - a head (`org_heads.tsv`: กระทรวง, กรม, เทศบาลนคร, บริษัท, ทน., สภ. ...)
//!   followed by a name. The name ends where the text says: at `จำกัด` /
//!   `จำกัด (มหาชน)` for a company; right after a gazetteer place for a
//!   municipality (เทศบาลนคร + ขอนแก่น); otherwise at a space, a bracket, a
//!   word that ends names (`name_stops.tsv`: ได้, จะ, ซึ่ง, ใน, headline
//!   verbs เผย, ชี้ ...; not inside a province: กาญจนบุรี) or 90 characters.
//!   A strong head (กรม, กระทรวง, พรรค ...) also starts a name glued to
//!   the word before it, as headlines write them. A head with no name after it (`บริษัท`, `โรงเรียนในสังกัด`)
//!   is a generic mention and yields nothing. An abbreviated head (ทน.) is
//!   expanded for linking: `ทน.ขอนแก่น` and `ทน.นครขอนแก่น` both stand for
//!   เทศบาลนครขอนแก่น.
//! - a known name or abbreviation (`org_abbreviations.tsv`, `org_known.tsv`:
//!   ครม., ยูเนสโก, UNESCO, WHO), with the full name it is linked under.
//! - an abbreviation defined in brackets right after a name
//!   (`หน่วยบริหาร… (บพท.)`, `บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด`):
//!   the abbreviation itself and every later use of it, bare or glued to a
//!   place, are mentions of that organization.

mod ends;
mod heads;
mod known;
mod ministries;

use std::sync::LazyLock;

use super::registry;
use super::shared::{HitEdges, Use};
use super::{Doc, Span};
use crate::facts::{OrgKind, PlaceKind};
use crate::lexicon::{Category, Hit};

use heads::from_head;
use known::{bracketed_abbreviation, from_known, later_uses_of_definitions};

/// One mention of an organization in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawOrg {
    pub span: Span,
    /// The name as written (full or abbreviated).
    pub name: String,
    /// The full name, when the mention is an abbreviation whose full name is
    /// known from a lexicon or from a definition earlier in the text.
    pub full: Option<String>,
    /// An abbreviation defined right after the name, in parentheses.
    pub abbreviation: Option<String>,
    /// The known abbreviation this mention is built on (`คปภ.` in
    /// `สำนักงาน คปภ.`), so that a definition in the text wins over the
    /// lexicon's full name.
    pub via: Option<String>,
    pub kind: OrgKind,
}

impl RawOrg {
    /// A mention named as written at `span`, with no full name, abbreviation
    /// or known form behind it.
    fn named(text: &str, span: Span, kind: OrgKind) -> RawOrg {
        RawOrg { name: text[span.clone()].to_string(), span, full: None, abbreviation: None, via: None, kind }
    }
}

/// The words of `org_words.tsv`, by role (its header says what each does).
pub(super) struct OrgWords {
    /// Heads that start a name even glued to the word before them.
    pub(super) strong_heads: Vec<String>,
    /// Joining words that never end a name.
    pub(super) trailing_joins: Vec<String>,
    /// Starts of words in -กร that a glued กรม ends.
    pub(super) kor_words: Vec<String>,
    /// Titles a ministry's stem is written after (รมว.คลัง).
    pub(super) minister_titles: Vec<String>,
    /// Units every province or district has: a name ending in one names no
    /// single body (สภาอุตสาหกรรมจังหวัด).
    pub(super) admin_units: Vec<String>,
    /// Words that end a university faculty's name (`คณะนิติศาสตร์`).
    pub(super) faculty_ends: Vec<String>,
    /// Verbs that name what a body does (ขับเคลื่อน, ถ่ายทอด): inside a
    /// name, as the verbs of the known names are.
    pub(super) name_verbs: Vec<String>,
    /// Qualifiers in brackets written after a name, part of it
    /// (`(องค์การมหาชน)`, `(ประเทศไทย)`).
    pub(super) qualifiers: Vec<String>,
    /// Words for a kind of body written before a known name, part of its
    /// name (`สำนักข่าว` + AFP, `สายการบิน` + บางกอกแอร์เวย์ส).
    pub(super) known_heads: Vec<String>,
}

pub(super) static ORG_WORDS: LazyLock<OrgWords> = LazyLock::new(|| {
    let mut w = OrgWords {
        strong_heads: Vec::new(),
        trailing_joins: Vec::new(),
        kor_words: Vec::new(),
        minister_titles: Vec::new(),
        admin_units: Vec::new(),
        faculty_ends: Vec::new(),
        name_verbs: Vec::new(),
        qualifiers: Vec::new(),
        known_heads: Vec::new(),
    };
    // The registry checked every role.
    for e in registry::entries("org_words.tsv") {
        let list = match e.columns[1].as_str() {
            "strong_head" => &mut w.strong_heads,
            "trailing_join" => &mut w.trailing_joins,
            "kor_word" => &mut w.kor_words,
            "minister_title" => &mut w.minister_titles,
            "faculty_end" => &mut w.faculty_ends,
            "name_verb" => &mut w.name_verbs,
            "qualifier" => &mut w.qualifiers,
            "known_head" => &mut w.known_heads,
            _ => &mut w.admin_units,
        };
        list.push(e.phrase().to_string());
    }
    w
});

pub(super) fn org_kind(s: &str) -> Option<OrgKind> {
    Some(match s {
        "ministry" => OrgKind::Ministry,
        "agency" | "provincial" => OrgKind::Agency,
        "municipality" => OrgKind::Municipality,
        "company" => OrgKind::Company,
        "bank" => OrgKind::Bank,
        "education" | "faculty" | "campus" => OrgKind::Education,
        "hospital" => OrgKind::Hospital,
        "court" => OrgKind::Court,
        "party" => OrgKind::Party,
        "security" => OrgKind::Security,
        "committee" => OrgKind::Committee,
        "association" => OrgKind::Association,
        "international" => OrgKind::International,
        "other" => OrgKind::Other,
        _ => return None,
    })
}

/// Every organization mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawOrg> {
    extract_with(doc, &HitEdges::new(&doc.scan.hits))
}

/// [`extract`], given the edges of the document's hits ([`HitEdges::new`]
/// of them all), which the places test too.
pub(crate) fn extract_with(doc: &Doc<'_>, edges: &HitEdges) -> Vec<RawOrg> {
    let text = doc.text();
    let ctx = Ctx::new(doc, edges);
    // Presized: a mention, or two with a defined abbreviation, a head or
    // known name's hit at most; grown from nothing, its large elements were
    // copied at every doubling.
    let mut out: Vec<RawOrg> = Vec::with_capacity(ctx.org_spans.len() + 4);
    // Text consumed by a mention already: hits starting before it are skipped.
    let mut consumed = 0;
    // Number words (ใน, คน, จังหวัด as a counted noun) do not end names.
    // (Walked in place: a copy of the hits cost more than the loop.)
    let mut words = doc.scan.hits.iter().filter(|h| !h.category.is_number_word()).peekable();
    while let Some(h) = words.next() {
        if h.start < consumed {
            continue;
        }
        let org = match h.category {
            Category::OrgHead => from_head(doc, h, words.peek().copied(), &ctx),
            Category::OrgName => from_known(doc, h, &ctx),
            _ => None,
        };
        if let Some(mut o) = org {
            // A campus after the name is part of it (the place in it
            // stays a place of its own).
            if let Some(end) = ends::campus_end(text, o.span.end, &ctx) {
                let campus = text[o.span.end..end].trim_start();
                o.full = o.full.map(|f| format!("{f} {campus}"));
                o.span.end = end;
                o.name = text[o.span.clone()].to_string();
            }
            // A word for its kind of body before a known name is part of the
            // name (`สำนักข่าว AFP`, `บริษัท นิสสัน`); the known name is the
            // full name it links under.
            if h.category == Category::OrgName {
                if let Some(start) = ends::known_head_start(text, o.span.start).filter(|&s| s >= consumed) {
                    o.full.get_or_insert_with(|| o.name.clone());
                    o.span.start = start;
                    o.name = text[o.span.clone()].to_string();
                }
            }
            // A qualifier in brackets after the name is part of it
            // (`สถาบัน… (องค์การมหาชน)`); an abbreviation may follow it.
            if let Some(end) = ends::qualifier_end(text, o.span.end) {
                o.span.end = end;
                o.name = text[o.span.clone()].to_string();
                if o.abbreviation.is_none() {
                    o.abbreviation = bracketed_abbreviation(text, &mut end.clone(), &o.name);
                }
            }
            consumed = o.span.end;
            // A definition in brackets right after the name is consumed
            // with it. (Searching the rest of the text for the abbreviation
            // cost a pass per organization, and jumped to a later use of it
            // when the abbreviation came from inside the name.)
            // The abbreviation is a mention of its own, linked to the name.
            let mut short = None;
            if let Some(a) = &o.abbreviation {
                let mut end = o.span.end;
                if bracketed_abbreviation(text, &mut end, &o.name).is_some() {
                    consumed = end;
                    let start = end - ')'.len_utf8() - a.len();
                    if text.get(start..end - 1) == Some(a.as_str()) {
                        short = Some(RawOrg {
                            span: start..end - 1,
                            name: a.clone(),
                            full: Some(o.full.clone().unwrap_or_else(|| o.name.clone())),
                            abbreviation: None,
                            via: None,
                            kind: o.kind,
                        });
                    }
                }
            }
            out.push(o);
            out.extend(short);
        }
    }
    // A ministry's stem after a title, where no other mention is.
    let stems = ministries::ministry_stems(doc);
    if !stems.is_empty() {
        let mut spans: Vec<Span> = out.iter().map(|o| o.span.clone()).collect();
        spans.sort_by_key(|s| s.start);
        // Spans may nest (a bracketed abbreviation inside its name's span end):
        // the longest end so far, for the overlap test.
        let mut reach = Vec::with_capacity(spans.len());
        let mut far = 0;
        for s in &spans {
            far = far.max(s.end);
            reach.push(far);
        }
        for m in stems {
            let i = spans.partition_point(|s| s.start < m.span.end);
            if i == 0 || reach[i - 1] <= m.span.start {
                out.push(m);
            }
        }
    }
    later_uses_of_definitions(text, &doc.scan.chars, &mut out);
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

/// Hit edges the extractor checks boundaries against.
pub(super) struct Ctx<'a> {
    /// Every hit of the shared scan.
    edges: &'a HitEdges,
    /// Hits of organization heads and known names.
    org_edges: HitEdges,
    /// Starts and ends of those hits, in text order.
    org_spans: Vec<(usize, usize)>,
    /// Hits of known ministries: a glued ministry ends the name before it
    /// (สำนักงานปลัดกระทรวงการคลังกระทรวงการคลัง).
    ministry_edges: HitEdges,
    /// Provinces and countries of the gazetteer, in text order: a word that
    /// ends names inside one is no word (จน in กาญจนบุรี).
    places: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    /// The end of the province or country that starts at or after `from`
    /// and holds `at` inside it, if any.
    fn place_around(&self, from: usize, at: usize) -> Option<usize> {
        let i = self.places.partition_point(|&(s, _)| s <= at);
        let &(s, e) = self.places.get(i.checked_sub(1)?)?;
        (s >= from && e > at).then_some(e)
    }
}

impl<'a> Ctx<'a> {
    fn new(doc: &Doc<'_>, edges: &'a HitEdges) -> Ctx<'a> {
        // Presized to every hit (a filter collects by doubling from nothing).
        let mut org_hits: Vec<Hit> = Vec::with_capacity(doc.scan.hits.len());
        org_hits.extend(doc.scan.hits.iter().filter(|h| matches!(h.category, Category::OrgHead | Category::OrgName)));
        let names = doc.lexicons.entries(Category::OrgName);
        let ministries: Vec<Hit> = org_hits
            .iter()
            .filter(|h| {
                h.category == Category::OrgName && names.get(h.entry).is_some_and(|e| e.columns[2] == "ministry")
            })
            .copied()
            .collect();
        let org_spans = org_hits.iter().map(|h| (h.start, h.end)).collect();
        let gazetteer = &super::shared::GAZETTEER.entries;
        let places = doc.scan.lists[super::list::GAZETTEER]
            .iter()
            .filter(|m| {
                gazetteer.get(m.id as usize).is_some_and(|e| {
                    e.use_ == Use::Any && matches!(e.kind, Some(PlaceKind::Province | PlaceKind::Country))
                })
            })
            .map(|m| (m.start, m.end))
            .collect();
        Ctx {
            edges,
            org_edges: HitEdges::new(&org_hits),
            org_spans,
            ministry_edges: HitEdges::new(&ministries),
            places,
        }
    }
}
