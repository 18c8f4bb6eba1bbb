//! Known names and abbreviations from the lexicon, and abbreviations
//! defined in brackets in the text.

use foldhash::{HashMap, HashMapExt};

use super::{org_kind, Ctx, RawOrg};
use crate::facts::{OrgKind, PlaceKind};
use crate::kinds::shared::{left_boundary, place_at, word_at, Role, Use};
use crate::kinds::{Doc, Span};
use crate::lexicon::{Category, Hit};
use crate::thai::{cluster_ends, cluster_starts, is_thai_letter};

/// A known name or abbreviation from the lexicon.
pub(super) fn from_known(doc: &Doc<'_>, h: &Hit, ctx: &Ctx) -> Option<RawOrg> {
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
        || !(left_boundary(text, h.start, ctx.edges) || (cluster_starts(text, h.start) && glues_left(form)))
    {
        return None;
    } else if !glues_right(kind)
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
    if let Some(end) = branch_end(text, h.end, kind, &ctx.places) {
        return Some(RawOrg::named(text, h.start..end, kind));
    }
    // A numbered unit: ตชด.32, มทบ.33.
    if form.ends_with('.') {
        if let Some(end) = unit_number_end(doc, h.end) {
            return Some(RawOrg::named(text, h.start..end, kind));
        }
    }
    let abbreviation = bracketed_abbreviation(text, &mut h.end.clone(), form);
    let full = (e.columns[1] != form).then(|| e.columns[1].clone());
    let via = full.is_some().then(|| form.to_string());
    Some(RawOrg { span: h.start..h.end, name: form.to_string(), full, abbreviation, via, kind })
}

/// Whether a known name of this kind counts glued to the word after it
/// (`ดีแทคส่งรถ…`, `ยูเอ็นขอ…`, `รัฐสภาเรียกประชุม`): a known body is
/// seldom the start of a longer name, except a committee, whose name a
/// subcommittee extends (คณะรัฐมนตรีด้านเศรษฐกิจ).
fn glues_right(kind: OrgKind) -> bool {
    kind != OrgKind::Committee
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

/// The end of a branch written after a known name: `ภาค 4`, `ภาค4`,
/// `จังหวัด` + a place, each after an optional space.
fn branch_end(text: &str, from: usize, kind: OrgKind, places: &[(usize, usize)]) -> Option<usize> {
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
    // A province or country glued after the name: the body's branch there
    // or its country's own (สสจ.ขอนแก่น, บีบีซีไทย, กระทรวงการต่างประเทศสหรัฐฯ).
    // Not an international body's (อาเซียน + ไทย starts the next clause), nor
    // the first of a pair of countries (สภาธุรกิจไทย-เมียนมา); a ministry's
    // only with a country (a ministry and a province, สธ.อุบลราชธานี, stand
    // for the provincial office, written under another name).
    // (The scan's provinces and countries first: a lookup at every known
    // name cost more.)
    let i = places.partition_point(|&(s, _)| s < at);
    if gap == 0 && kind != OrgKind::International && places.get(i).is_some_and(|&(s, _)| s == at) {
        return place_at(text, at)
            .filter(|(_, p)| {
                p.use_ == Use::Any
                    && match p.kind {
                        Some(PlaceKind::Country) => true,
                        Some(PlaceKind::Province) => kind != OrgKind::Ministry,
                        _ => false,
                    }
            })
            .map(|(e, _)| e)
            .filter(|&e| !text[e..].starts_with(['-', '–']));
    }
    None
}

/// The end of a unit number glued after a dotted abbreviation (`ตชด.32`,
/// `มทบ.33`): one to three digits, and then no more of a number, date or
/// amount (`ธปท.2.5`, `สสส.3 ปี`, `กทม.2 แห่ง`, `ครม.15%`): the text goes on
/// with a space, a Thai word that is no unit or month, a closing bracket
/// or quote, or ends.
fn unit_number_end(doc: &Doc<'_>, from: usize) -> Option<usize> {
    let text = doc.text();
    let n = text[from..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&n) {
        return None;
    }
    let end = from + n;
    let rest = &text[end..];
    let next = rest.chars().next();
    if !next.is_none_or(|c| c == ' ' || is_thai_letter(c) || ")]\"”’'".contains(c)) {
        return None;
    }
    // A unit, number word or month after it (an optional space between):
    // the digits are an amount or a date.
    let word = end + usize::from(rest.starts_with(' '));
    let hits = &doc.scan.hits;
    let i = hits.partition_point(|h| h.start < word);
    if hits[i..]
        .iter()
        .take_while(|h| h.start == word)
        .any(|h| h.category.is_number_word() || h.category == Category::Month)
    {
        return None;
    }
    Some(end)
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
pub(super) fn bracketed_abbreviation(text: &str, end: &mut usize, name: &str) -> Option<String> {
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
pub(super) fn inner_abbreviation(name: &str) -> Option<String> {
    let open = name.find('(')?;
    let close = open + name[open..].find(')')?;
    let a = &name[open + 1..close];
    is_abbreviation(a).then(|| a.to_string())
}

/// Later uses of abbreviations defined in brackets, bare (`บพท.`) or glued to
/// a place (`ทน.ขอนแก่น`), not already part of a mention.
pub(super) fn later_uses_of_definitions(text: &str, chars: &crate::lexicon::CharSlots, out: &mut Vec<RawOrg>) {
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
    let mut spans: Vec<Span> = out.iter().map(|o| o.span.clone()).collect();
    spans.sort_by_key(|s| s.start);
    let covered = |s: usize, e: usize| {
        let i = spans.partition_point(|x| x.end <= s);
        spans.get(i).is_some_and(|x| x.start < e)
    };
    let mut found = Vec::new();
    for m in crate::kinds::shared::few::find_few(&patterns, text, chars) {
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
}
