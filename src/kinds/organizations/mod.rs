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

use foldhash::{HashMap, HashMapExt};

use super::shared::{left_boundary, place_at, word_at, HitEdges, Role, Use};
use super::{Doc, Span};
use crate::facts::{OrgKind, PlaceKind};
use crate::lexicon::{Category, Hit};
use crate::thai::{cluster_ends, cluster_starts, is_following_mark, is_leading_vowel, is_thai_letter};

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

fn org_kind(s: &str) -> Option<OrgKind> {
    Some(match s {
        "ministry" => OrgKind::Ministry,
        "agency" => OrgKind::Agency,
        "municipality" => OrgKind::Municipality,
        "company" => OrgKind::Company,
        "bank" => OrgKind::Bank,
        "education" => OrgKind::Education,
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

/// Heads that start a name even glued to the word before them
/// (`โฆษกประจำสำนักนายกรัฐมนตรี`, `สังกัดกระทรวง…`, `สำหรับพรรค…`): in news
/// text a glued กรม, กระทรวง or พรรค starts an organization far more often
/// than not. The common-word heads (ส่วน, กลุ่ม, ฝ่าย, โรงเรียน, ธนาคาร)
/// still need a word boundary.
const STRONG_HEADS: &[&str] =
    &["กระทรวง", "ทบวง", "กรม", "สำนักงาน", "สำนัก", "พรรค", "สมาคม", "มูลนิธิ", "องค์การ", "กองทัพ", "มหาวิทยาลัย", "ตำรวจภูธร"];

/// Whether a glued กรม is the end of a word in -กร (ทรัพยากรมนุษย์,
/// เกษตรกรมาก, วิศวกรม…): no head.
fn in_kor_word(text: &str, h: &Hit) -> bool {
    text[h.start..h.end] == *"กรม"
        && ["ยา", "ษตร", "ศว", "กรรม", "มา", "จิตร"].iter().any(|w| text[..h.start].ends_with(w))
}

/// Joining words that never end a name.
const TRAILING_JOINS: &[&str] = &["และ", "ของ", "เพื่อ", "แห่ง", "ตาม"];

/// Longest name after a head, in characters.
const MAX_NAME_CHARS: usize = 90;
/// How far a company name may run before its `จำกัด`, in bytes.
const MAX_COMPANY_BYTES: usize = 240;

/// Every organization mention in `doc`, in text order.
pub(crate) fn extract(doc: &Doc<'_>) -> Vec<RawOrg> {
    let text = doc.text();
    let ctx = Ctx::new(doc);
    let mut out: Vec<RawOrg> = Vec::new();
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
        if let Some(o) = org {
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
    later_uses_of_definitions(text, &doc.scan.chars, &mut out);
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out
}

/// Hit edges the extractor checks boundaries against.
struct Ctx {
    /// Every hit of the shared scan.
    edges: HitEdges,
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

impl Ctx {
    /// The end of the province or country that starts at or after `from`
    /// and holds `at` inside it, if any.
    fn place_around(&self, from: usize, at: usize) -> Option<usize> {
        let i = self.places.partition_point(|&(s, _)| s <= at);
        let &(s, e) = self.places.get(i.checked_sub(1)?)?;
        (s >= from && e > at).then_some(e)
    }
}

impl Ctx {
    fn new(doc: &Doc<'_>) -> Ctx {
        let edges = HitEdges::new(&doc.scan.hits);
        let org_hits: Vec<Hit> = doc
            .scan
            .hits
            .iter()
            .filter(|h| matches!(h.category, Category::OrgHead | Category::OrgName))
            .copied()
            .collect();
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

/// A known name or abbreviation from the lexicon.
fn from_known(doc: &Doc<'_>, h: &Hit, ctx: &Ctx) -> Option<RawOrg> {
    let text = doc.text();
    let e = doc.lexicons.entries(Category::OrgName).get(h.entry)?;
    let kind = org_kind(&e.columns[2])?;
    let form = &text[h.start..h.end];
    if form.is_ascii() {
        let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if alnum(text[..h.start].chars().next_back()) || alnum(text[h.end..].chars().next()) {
            return None;
        }
    } else if !cluster_ends(text, h.end)
        || !(left_boundary(text, h.start, &ctx.edges) || (cluster_starts(text, h.start) && glues_left(form)))
    {
        return None;
    } else if kind != OrgKind::Ministry
        && !form.ends_with('.')
        && text[h.end..].chars().next().is_some_and(is_thai_letter)
        && word_at(text, h.end).is_none()
        && !ctx.edges.starts_at(h.end)
        && place_at(text, h.end).is_none()
    {
        // The name goes on (คณะรัฐมนตรีด้านเศรษฐกิจ): another body.
        return None;
    }
    // A branch: กอ.รมน.ภาค 2, สำนักงาน คปภ. จังหวัดกาฬสินธุ์.
    if let Some(end) = branch_end(text, h.end) {
        return Some(RawOrg {
            span: h.start..end,
            name: text[h.start..end].to_string(),
            full: None,
            abbreviation: None,
            via: None,
            kind,
        });
    }
    let abbreviation = bracketed_abbreviation(text, &mut h.end.clone(), form);
    let full = (e.columns[1] != form).then(|| e.columns[1].clone());
    let via = full.is_some().then(|| form.to_string());
    Some(RawOrg { span: h.start..h.end, name: form.to_string(), full, abbreviation, via, kind })
}

/// Whether a known name counts glued to the word before it
/// (`…ร้องขอ` after `สหประชาชาติ`, `จี้ธปท.`): a long name, or a dotted
/// abbreviation of three letters or more. Short forms (อียู, กก.) hide in
/// other words (ผกก.), and shorter names are often part of a longer one
/// (ลูกเสืออาเซียน): they keep the word boundary.
fn glues_left(form: &str) -> bool {
    let n = form.chars().count();
    if let Some(letters) = form.strip_suffix('.') {
        n >= 4 && !letters.contains('.')
    } else {
        n >= 8
    }
}

/// A head and the name after it.
fn from_head(doc: &Doc<'_>, h: &Hit, next: Option<&Hit>, ctx: &Ctx) -> Option<RawOrg> {
    let text = doc.text();
    let e = doc.lexicons.entries(Category::OrgHead).get(h.entry)?;
    // Glued to another head, a strong head is part of that body's name
    // (สมาพันธ์สมาคม…).
    let glued_ok = cluster_starts(text, h.start)
        && STRONG_HEADS.contains(&&text[h.start..h.end])
        && !in_kor_word(text, h)
        && !ctx.org_edges.ends_at(h.start);
    if !(left_boundary(text, h.start, &ctx.edges) || glued_ok) {
        return None;
    }
    if e.columns[1].starts_with("unit") {
        return unit(doc, h, e.columns[1] == "unit-of", ctx);
    }
    let kind = org_kind(&e.columns[1])?;
    // A head written twice (กระทรวงกระทรวงมหาดไทย): the known name after it counts.
    if next.is_some_and(|n| n.start == h.end && text[n.start..n.end].starts_with(&text[h.start..h.end])) {
        return None;
    }
    let full_head = (e.columns[2] != "-").then(|| e.columns[2].as_str());
    let company = if kind == OrgKind::Company { company_end(text, h.end) } else { None };
    // `สำนักงาน คปภ.`: a head, a space and a known abbreviation is that body's office.
    if let Some(n) = next.filter(|_| company.is_none()) {
        let gap = &text[h.end..n.start.max(h.end)];
        if n.category == Category::OrgName && (gap.is_empty() || gap == " ") {
            let mut known = from_known(doc, n, ctx)?;
            if known.full.is_none() && known.via.is_none() && known.span.end > n.end {
                // A branch of it (สำนักงาน คปภ. ภาค 4): a body of its own.
                known.span.start = h.start;
                known.name = text[h.start..known.span.end].to_string();
                return Some(known);
            }
            let full = known.full.clone().unwrap_or_else(|| known.name.clone());
            return Some(RawOrg {
                span: h.start..n.end,
                name: text[h.start..n.end].to_string(),
                full: Some(full),
                abbreviation: known.abbreviation,
                via: Some(known.name),
                kind: known.kind,
            });
        }
    }
    let mut end = if kind == OrgKind::Company {
        // A company is named up to its จำกัด; `บริษัทแม่` is no name. An
        // abbreviated head (บมจ.) names one without it.
        match company {
            Some(end) => end,
            None if full_head.is_some() => name_end(text, &text[h.start..h.end], h.end, kind, ctx)?,
            None => return None,
        }
    } else {
        name_end(text, &text[h.start..h.end], h.end, kind, ctx)?
    };
    // A joining word the name stopped after is no part of it
    // (`กรมวิชาการเกษตรและ` + a word that ends the name).
    while let Some(w) = TRAILING_JOINS.iter().find(|w| text[h.end..end].ends_with(**w)) {
        end -= w.len();
    }
    let body = &text[h.end..end];
    let body_chars = body.chars().filter(|&c| c != 'ฯ').count();
    let numbered = numbered_unit(text, end);
    if (body_chars < 2 && body != "ฯ" && numbered == end) || !cluster_ends(text, end) {
        return None;
    }
    end = numbered;
    let name = text[h.start..end].to_string();
    // A unit of every province or district (สภาอุตสาหกรรมจังหวัด) names no one body.
    // (กรมการค้าต่างประเทศ is a name: ต่างประเทศ is "foreign", no country.)
    if ["จังหวัด", "อำเภอ", "ตำบล", "ประเทศ"].iter().any(|w| name.ends_with(w)) && !name.ends_with("ต่างประเทศ")
    {
        return None;
    }
    let mut abbreviation = bracketed_abbreviation(text, &mut end.clone(), &name);
    if abbreviation.is_none() && kind == OrgKind::Company {
        abbreviation = inner_abbreviation(&name);
    }
    // An abbreviated head stands for its full head: ทน.นครขอนแก่น → เทศบาลนครขอนแก่น.
    let full = full_head.map(|fh| {
        let rest = &text[h.end..end];
        let rest = ["นคร", "เมือง", "ตำบล", "จังหวัด"]
            .iter()
            .find(|w| fh.ends_with(**w) && rest.starts_with(**w))
            .map_or(rest, |w| &rest[w.len()..]);
        format!("{fh}{rest}")
    });
    Some(RawOrg { span: h.start..end, name, full, abbreviation, via: None, kind })
}

/// A section inside a body (กลุ่ม…, ฝ่าย…, ส่วน…). These heads are common
/// words (กลุ่มเกษตรกร, ส่วนใหญ่), so a unit counts only where the text
/// says it is one:
///
/// - a head that names the unit of the body written right after it
///   (`unit-of` in `org_heads.tsv`), glued or after one space
///   (`ฝ่ายเลขานุการคณะกรรมการ…`, `ฝ่ายเลขานุการ นบข.`);
/// - a named unit followed by its parent body, after a space or `ของ`
///   (`กลุ่มสารนิเทศการคลัง สำนักงานปลัดกระทรวงการคลัง`); the parent is
///   no unit itself (a list of a school's ฝ่าย… names no body);
/// - a named unit alone on its line or after a colon (a press office's
///   credit line: `กลุ่มโฆษกและวิเคราะห์ข่าว`).
///
/// A bare unit head glued to a body (กลุ่มอาเซียน) is that body.
fn unit(doc: &Doc<'_>, h: &Hit, of: bool, ctx: &Ctx) -> Option<RawOrg> {
    let text = doc.text();
    let kind = OrgKind::Agency;
    let heads = doc.lexicons.entries(Category::OrgHead);
    // The body (not a unit) whose mention starts at `pos`, if any.
    let body_at = |pos: usize| -> Option<RawOrg> {
        let i = doc.scan.hits.partition_point(|x| x.start < pos);
        let n = doc.scan.hits.get(i).filter(|n| n.start == pos)?;
        match n.category {
            Category::OrgName => from_known(doc, n, ctx),
            Category::OrgHead if heads.get(n.entry).is_some_and(|e| !e.columns[1].starts_with("unit")) => {
                from_head(doc, n, doc.scan.hits[i + 1..].iter().find(|x| !x.category.is_number_word()), ctx)
            }
            _ => None,
        }
    };
    if of {
        let gap = usize::from(text[h.end..].starts_with(' '));
        let end = body_at(h.end + gap)?.span.end;
        return Some(RawOrg {
            span: h.start..end,
            name: text[h.start..end].to_string(),
            full: None,
            abbreviation: None,
            via: None,
            kind,
        });
    }
    if ctx.org_edges.starts_at(h.end) {
        return None;
    }
    let end = unit_name_end(text, h.end, ctx);
    if text[h.end..end].chars().count() < 3 || !cluster_ends(text, end) {
        return None;
    }
    let after = &text[end..];
    let parent = [" ", "ของ", " ของ"].iter().any(|w| after.starts_with(w) && body_at(end + w.len()).is_some());
    let rest = after.trim_start_matches(' ');
    let line_end = rest.is_empty() || rest.starts_with('\n');
    let before = text[..h.start].trim_end_matches(' ');
    let line_start = before.is_empty() || before.ends_with('\n') || before.ends_with(':');
    if !(parent || (line_start && line_end)) {
        return None;
    }
    Some(RawOrg {
        span: h.start..end,
        name: text[h.start..end].to_string(),
        full: None,
        abbreviation: None,
        via: None,
        kind,
    })
}

/// The end of a unit's own name: like [`name_end`], and also before any
/// other organization head or known name (the parent body).
fn unit_name_end(text: &str, from: usize, ctx: &Ctx) -> usize {
    let mut pos = from;
    let mut skip_to = from;
    // A joining word (ของ, และ) right before the end is no part of the name.
    let mut join: Option<(usize, usize)> = None;
    let trim = |at: usize, join: Option<(usize, usize)>| join.filter(|&(_, e)| e == at).map_or(at, |(s, _)| s);
    for (n, (i, c)) in text[from..].char_indices().enumerate() {
        let at = from + i;
        if n >= MAX_NAME_CHARS || !is_thai_letter(c) {
            return trim(at, join);
        }
        // Another body starts here (a head with a name after it, or a known name).
        if at > from && ctx.org_edges.starts_at(at) {
            let i = ctx.org_spans.partition_point(|&(s, _)| s < at);
            if ctx.org_spans.get(i).is_some_and(|&(_, e)| text[e..].chars().next().is_some_and(is_thai_letter)) {
                return trim(at, join);
            }
        }
        if at >= skip_to && cluster_starts(text, at) && cluster_ends(text, at) {
            match word_at(text, at) {
                Some((_, Role::End)) => return trim(at, join),
                Some((w_end, Role::Join)) => {
                    join = Some((at, w_end));
                    skip_to = w_end;
                }
                Some((w_end, _)) => skip_to = w_end,
                None => {}
            }
        }
        pos = at + c.len_utf8();
    }
    trim(pos, join)
}

/// The end of a company name: after `จำกัด` or `จำกัด (มหาชน)`, when it comes
/// within a few words of the head.
fn company_end(text: &str, from: usize) -> Option<usize> {
    const LIMITED: &str = "จำกัด";
    let mut window_end = (from + MAX_COMPANY_BYTES).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = &text[from..window_end];
    let p = window.find(LIMITED)?;
    let between = &window[..p];
    if between.contains('\n')
        || between.contains("บริษัท")
        || between.matches(' ').count() > 6
        || between.trim().is_empty()
    {
        return None;
    }
    let mut end = from + p + LIMITED.len();
    for public in [" (มหาชน)", "(มหาชน)"] {
        if text[end..].starts_with(public) {
            end += public.len();
            break;
        }
    }
    Some(end)
}

/// The end of a name after a head: a place that completes a municipality's
/// name, or the first space, bracket, non-letter, name-ending word, known
/// organization, or `และ` before another organization with the same head. `None` when the name
/// runs on past [`MAX_NAME_CHARS`] (no name this extractor can tell).
fn name_end(text: &str, head: &str, from: usize, kind: OrgKind, ctx: &Ctx) -> Option<usize> {
    if kind == OrgKind::Municipality {
        if let Some((end, _)) = place_at(text, from) {
            return Some(end);
        }
    }
    let mut pos = from;
    let mut skip_to = from;
    // The walk meets the ministries after `from` in order (one search,
    // not one at every character).
    let mut ministries = ctx.ministry_edges.starts_from(from + 1).iter().peekable();
    // The character before `at`, for the cluster test: `cluster_starts`
    // and `cluster_ends` at `at`, from the characters the walk holds.
    let mut before = text[..from].chars().next_back();
    for (n, (i, c)) in text[from..].char_indices().enumerate() {
        let at = from + i;
        if n >= MAX_NAME_CHARS {
            return None;
        }
        if c == 'ฯ' {
            return Some(at + c.len_utf8());
        }
        if !is_thai_letter(c) {
            return Some(at);
        }
        while ministries.next_if(|&&s| s < at).is_some() {}
        if ministries.peek() == Some(&&at) {
            return Some(at);
        }
        let cluster_edge = !before.is_some_and(is_leading_vowel) && !is_following_mark(c);
        before = Some(c);
        if at >= skip_to && cluster_edge {
            match word_at(text, at) {
                Some((_, Role::End)) => match ctx.place_around(from, at) {
                    Some(e) => skip_to = e,
                    None => return Some(at),
                },
                // `สมาคม… และสมาคม…`: two bodies with the same head.
                Some((w_end, Role::Join)) if ctx.org_edges.starts_at(w_end) && text[w_end..].starts_with(head) => {
                    return Some(at)
                }
                Some((w_end, _)) => skip_to = w_end,
                None => {}
            }
        }
        pos = at + c.len_utf8();
    }
    Some(pos)
}

/// The end of a branch written after a known name: `ภาค 4`, `ภาค4`,
/// `จังหวัด` + a place, each after an optional space.
fn branch_end(text: &str, from: usize) -> Option<usize> {
    let gap = usize::from(text[from..].starts_with(' '));
    let at = from + gap;
    let rest = &text[at..];
    if let Some(r) = rest.strip_prefix("ภาค") {
        let sp = usize::from(r.starts_with(' '));
        let n = r[sp..].bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&n) {
            return Some(at + "ภาค".len() + sp + n);
        }
    }
    if let Some(r) = rest.strip_prefix("จังหวัด") {
        let sp = usize::from(r.starts_with(' '));
        let p = at + "จังหวัด".len() + sp;
        return place_at(text, p).map(|(e, _)| e);
    }
    None
}

/// A unit number written after a name that ends in ภาค or เขต
/// (`ตำรวจภูธรภาค 9`, `… เขต 10`).
fn numbered_unit(text: &str, end: usize) -> usize {
    let name = &text[..end];
    let rest = &text[end..];
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    if ["ภาค", "เขต", "ใต้", "เหนือ", "กลาง", "ตะวันออก", "ตะวันตก"].iter().any(|w| name.ends_with(w))
    {
        let (gap, r) = if let Some(r) = rest.strip_prefix(' ') { (1, r) } else { (0, rest) };
        let n = digits(r);
        if (1..=2).contains(&n) && !r[n..].starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
            return end + gap + n;
        }
    }
    if let Some(r) = rest.strip_prefix(" เขต ") {
        let n = digits(r);
        if (1..=2).contains(&n) {
            return end + " เขต ".len() + n;
        }
    }
    end
}

/// Whether `s` looks like an abbreviation: Latin capitals (KKTT, PEA), or a
/// short Thai form with dots or without vowels written before consonants
/// (บพท., เคเคทีที).
fn is_abbreviation(s: &str) -> bool {
    let n = s.chars().count();
    if !(2..=16).contains(&n) || s == "มหาชน" || s.contains(' ') {
        return false;
    }
    if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '&' || c == '.') {
        return s.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
            && !s.chars().any(|c| c.is_ascii_lowercase())
            && !s.chars().all(|c| c.is_ascii_digit());
    }
    if !s.chars().all(|c| is_thai_letter(c) || c == '.') {
        return false;
    }
    // Not a place, not a name ending word.
    if place_at(s, 0).is_some_and(|(e, _)| e == s.len())
        || word_at(s, 0).is_some_and(|(e, r)| e == s.len() || matches!(r, Role::Prefix(_)))
    {
        return false;
    }
    s.contains('.') || n <= 10
}

/// An abbreviation defined in brackets right after a name (`… (บพท.)`);
/// `end` moves past the closing bracket.
fn bracketed_abbreviation(text: &str, end: &mut usize, name: &str) -> Option<String> {
    let rest = &text[*end..];
    let rest_trim = rest.strip_prefix(' ').unwrap_or(rest);
    let inner = rest_trim.strip_prefix('(')?;
    let close = inner.find(')')?;
    let a = &inner[..close];
    if !is_abbreviation(a) || a.len() >= name.len() || (name.is_ascii() && a.is_ascii()) {
        return None;
    }
    *end += rest.len() - inner.len() + close + 1;
    Some(a.to_string())
}

/// An abbreviation in brackets inside a company name
/// (`บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด`).
fn inner_abbreviation(name: &str) -> Option<String> {
    let open = name.find('(')?;
    let close = open + name[open..].find(')')?;
    let a = &name[open + 1..close];
    is_abbreviation(a).then(|| a.to_string())
}

/// Later uses of abbreviations defined in brackets, bare (`บพท.`) or glued to
/// a place (`ทน.ขอนแก่น`), not already part of a mention.
fn later_uses_of_definitions(text: &str, chars: &crate::lexicon::CharSlots, out: &mut Vec<RawOrg>) {
    let defs: Vec<(String, String, OrgKind, usize)> = out
        .iter()
        .filter_map(|o| {
            let a = o.abbreviation.clone()?;
            let full = o.full.clone().unwrap_or_else(|| o.name.clone());
            Some((a, full, o.kind, o.span.end))
        })
        .collect();
    if defs.is_empty() {
        return;
    }
    let mut by_abbr: HashMap<&str, usize> = HashMap::new();
    for (i, d) in defs.iter().enumerate() {
        by_abbr.entry(d.0.as_str()).or_insert(i);
    }
    let patterns: Vec<&str> = by_abbr.keys().copied().collect();
    let matcher = crate::lexicon::DocMatcher::new(&patterns);
    let mut spans: Vec<Span> = out.iter().map(|o| o.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let covered = |s: usize, e: usize| {
        let i = spans.partition_point(|x| x.end <= s);
        spans.get(i).is_some_and(|x| x.start < e)
    };
    let mut found = Vec::new();
    for m in matcher.find_iter(text, chars) {
        let (s, mut e) = (m.start, m.end);
        let a = patterns[m.pattern];
        let d = &defs[by_abbr[a]];
        if s < d.3 || covered(s, e) {
            continue;
        }
        // A definition in brackets is itself covered by its organization's span end.
        if text[..s].ends_with('(') {
            continue;
        }
        if a.is_ascii() {
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if alnum(text[..s].chars().next_back()) || alnum(text[e..].chars().next()) {
                continue;
            }
        } else {
            if !cluster_starts(text, s) || !cluster_ends(text, e) {
                continue;
            }
            if text[..s].chars().next_back().is_some_and(is_thai_letter) && !a.contains('.') {
                continue;
            }
            // Glued to a place: ทน.ขอนแก่น, ทน.นครขอนแก่น.
            let after = if text[e..].starts_with("นคร") { e + "นคร".len() } else { e };
            if let Some((pe, _)) = place_at(text, after) {
                e = pe;
            } else if text[e..].chars().next().is_some_and(is_thai_letter) && !a.ends_with('.') {
                continue;
            }
        }
        found.push(RawOrg {
            span: s..e,
            name: text[s..e].to_string(),
            full: Some(d.1.clone()),
            abbreviation: None,
            via: None,
            kind: d.2,
        });
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_shapes() {
        for a in ["บพท.", "KKTT", "เคเคทีที", "ก.ล.ต.", "PEA"] {
            assert!(is_abbreviation(a), "{a}");
        }
        for a in ["มหาชน", "ประเทศไทย", "2567", "Zoom", "ญี่ปุ่น"] {
            assert!(!is_abbreviation(a), "{a}");
        }
    }

    #[test]
    fn company_ends_at_limited() {
        let t = "บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด ที่ได้";
        let end = company_end(t, "บริษัท".len()).unwrap();
        assert_eq!(&t[..end], "บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด");
        let t = "บริษัท ทีโอที จำกัด (มหาชน) และ";
        let end = company_end(t, "บริษัท".len()).unwrap();
        assert_eq!(&t[..end], "บริษัท ทีโอที จำกัด (มหาชน)");
    }

    /// [`name_end`] as it was before it tracked ministries and clusters
    /// along its walk ([`word_at`]'s pair gate is checked in `places`).
    fn name_end_reference(text: &str, head: &str, from: usize, kind: OrgKind, ctx: &Ctx) -> Option<usize> {
        if kind == OrgKind::Municipality {
            if let Some((end, _)) = place_at(text, from) {
                return Some(end);
            }
        }
        let mut pos = from;
        let mut skip_to = from;
        for (n, (i, c)) in text[from..].char_indices().enumerate() {
            let at = from + i;
            if n >= MAX_NAME_CHARS {
                return None;
            }
            if c == 'ฯ' {
                return Some(at + c.len_utf8());
            }
            if !is_thai_letter(c) {
                return Some(at);
            }
            if at > from && ctx.ministry_edges.starts_at(at) {
                return Some(at);
            }
            if at >= skip_to && cluster_starts(text, at) && cluster_ends(text, at) {
                match word_at(text, at) {
                    Some((_, Role::End)) => match ctx.place_around(from, at) {
                        Some(e) => skip_to = e,
                        None => return Some(at),
                    },
                    Some((w_end, Role::Join)) if ctx.org_edges.starts_at(w_end) && text[w_end..].starts_with(head) => {
                        return Some(at)
                    }
                    Some((w_end, _)) => skip_to = w_end,
                    None => {}
                }
            }
            pos = at + c.len_utf8();
        }
        Some(pos)
    }

    #[test]
    fn name_end_matches_the_reference_everywhere() {
        let lexicons = crate::kinds::shipped_lexicons();
        // The fixture texts here, and the corpus's when it is at hand.
        let corpus = std::env::var("THAIFACTS_CORPUS").unwrap_or_default();
        let mut texts: Vec<String> = [std::fs::read_dir("fixtures"), std::fs::read_dir(corpus)]
            .into_iter()
            .flatten()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        texts.push("สำนักงานปลัดกระทรวงการคลังกระทรวงการคลัง สมาคมกีฬาและสมาคมดนตรี เทศบาลนครขอนแก่นได้".into());
        for raw in &texts {
            let norm = crate::normalize::normalize(raw);
            let scan = lexicons.scan(norm.text());
            let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
            let ctx = Ctx::new(&doc);
            let text = doc.text();
            for from in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for (head, kind) in [("สมาคม", OrgKind::Association), ("เทศบาล", OrgKind::Municipality)]
                {
                    assert_eq!(
                        name_end(text, head, from, kind, &ctx),
                        name_end_reference(text, head, from, kind, &ctx),
                        "at {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn unit_numbers() {
        let t = "ตำรวจภูธรภาค 9 ได้";
        assert_eq!(&t[..numbered_unit(t, "ตำรวจภูธรภาค".len())], "ตำรวจภูธรภาค 9");
        let t = "กรมการปกครอง 9 คน";
        assert_eq!(numbered_unit(t, "กรมการปกครอง".len()), "กรมการปกครอง".len());
    }
}
