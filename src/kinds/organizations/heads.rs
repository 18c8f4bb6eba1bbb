//! Names built on a head (`กระทรวง…`, `บริษัท … จำกัด`), and units inside
//! a body (`กลุ่ม…`, `ฝ่าย…`).

use super::ends::{name_end, numbered_unit, unit_name_end};
use super::known::{bracketed_abbreviation, from_known, inner_abbreviation};
use super::{org_kind, Ctx, RawOrg, ORG_WORDS};
use crate::facts::{OrgKind, PlaceKind};
use crate::kinds::shared::{left_boundary, place_at, verb_at, word_at, Role};
use crate::kinds::Doc;
use crate::lexicon::{Category, Hit};
use crate::thai::{cluster_ends, cluster_starts, is_thai_letter};

/// Whether a glued กรม is the end of a word in -กร (ทรัพยากรมนุษย์,
/// เกษตรกรมาก, วิศวกรม…): no head.
fn in_kor_word(text: &str, h: &Hit) -> bool {
    text[h.start..h.end] == *"กรม" && ORG_WORDS.kor_words.iter().any(|w| text[..h.start].ends_with(w.as_str()))
}

/// How far a company name may run before its `จำกัด`, in bytes.
const MAX_COMPANY_BYTES: usize = 240;

/// A head and the name after it.
pub(super) fn from_head(doc: &Doc<'_>, h: &Hit, next: Option<&Hit>, ctx: &Ctx) -> Option<RawOrg> {
    let text = doc.text();
    let e = doc.lexicons.entries(Category::OrgHead).get(h.entry)?;
    // Glued to another head, a strong head is part of that body's name
    // (สมาพันธ์สมาคม…).
    let glued_ok = cluster_starts(text, h.start)
        && ORG_WORDS.strong_heads.iter().any(|w| *w == text[h.start..h.end])
        && !in_kor_word(text, h)
        && !ctx.org_edges.ends_at(h.start);
    // A company named up to its จำกัด is a name even glued to the word
    // before it (`ผู้จัดการฝ่ายขายบริษัท … จำกัด`).
    let limited = || e.columns[1] == "company" && company_end(text, h.end).is_some();
    if !(left_boundary(text, h.start, ctx.edges) || glued_ok || limited()) {
        return None;
    }
    if e.columns[1].starts_with("unit") {
        return unit(doc, h, e.columns[1] == "unit-of", ctx);
    }
    let Some(kind) = org_kind(&e.columns[1]) else {
        return national_body(text, h, ctx).or_else(|| provincial_body(text, h, ctx));
    };
    if e.columns[1] == "provincial" {
        return provincial_office(doc, h);
    }
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
        let end = name_end(text, &text[h.start..h.end], h.end, kind, ctx)?;
        // A verb that would end the name right after the head (ช่วย, มี),
        // a name-ending word whole with no shorter one in it (not ได้รับ,
        // which starts with ได้), starts it when the rest reads as a name up
        // to a national ending.
        let verb = (end == h.end).then(|| verb_at(text, h.end)).flatten().filter(|&v| {
            let shorter = text[..v].char_indices().next_back().map_or(v, |(i, _)| i);
            word_at(text, h.end).is_some_and(|(w, _)| w == v) && word_at(&text[..shorter], h.end).is_none()
        });
        match verb {
            Some(v) => national_run_end(text, h.end)
                .filter(|&run| name_end(text, &text[h.start..h.end], v, kind, ctx) == Some(run))
                .unwrap_or(end),
            None => end,
        }
    };
    if e.columns[1] == "faculty" {
        end = faculty_end(text, h.end, end)?;
    }
    // A campus alone is named by its place (วิทยาเขตหนองคาย); วิทยาเขตใหม่
    // names none.
    if e.columns[1] == "campus" {
        end = place_at(text, h.end)?.0;
    }
    // A joining word the name stopped after is no part of it
    // (`กรมวิชาการเกษตรและ` + a word that ends the name).
    while let Some(w) = ORG_WORDS.trailing_joins.iter().find(|w| text[h.end..end].ends_with(w.as_str())) {
        end -= w.len();
    }
    let body = &text[h.end..end];
    // A head followed only by a unit is a quantity, no body (ศูนย์บาท: zero
    // baht; ศูนย์ is also a centre).
    let at = doc.scan.hits.partition_point(|x| x.start < h.end);
    if doc.scan.hits[at..].iter().take_while(|x| x.start == h.end).any(|x| x.category == Category::Unit && x.end == end)
    {
        return None;
    }
    let body_chars = body.chars().filter(|&c| c != 'ฯ').count();
    let numbered = numbered_unit(text, end);
    if (body_chars < 2 && body != "ฯ" && numbered == end) || !cluster_ends(text, end) {
        return None;
    }
    end = numbered;
    let name = text[h.start..end].to_string();
    // A unit of every province or district (สภาอุตสาหกรรมจังหวัด) names no one body.
    // (กรมการค้าต่างประเทศ is a name: ต่างประเทศ is "foreign", no country.)
    if ORG_WORDS.admin_units.iter().any(|w| name.ends_with(w.as_str())) && !name.ends_with("ต่างประเทศ")
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

/// A provincial office written without its สำนักงาน (`provincial` in
/// `org_heads.tsv`: สาธารณสุขจังหวัด, ปศุสัตว์จังหวัด…) and named by the
/// province glued after it (`สาธารณสุขจังหวัดหนองคาย`), as news writes the
/// office. The head alone, or before anything but a province
/// (`ปศุสัตว์จังหวัด เข้าไปตรวจ`), names no one office; right before a title
/// and a name (`เกษตรจังหวัดน่าน นายสมชาย…`) it is that officer's position.
/// Linked under the office's full name (สำนักงาน…).
fn provincial_office(doc: &Doc<'_>, h: &Hit) -> Option<RawOrg> {
    let text = doc.text();
    let (end, place) = place_at(text, h.end)?;
    if place.kind != Some(PlaceKind::Province) {
        return None;
    }
    let next = end + usize::from(text[end..].starts_with(' '));
    let i = doc.scan.hits.partition_point(|x| x.start < next);
    if doc.scan.hits[i..].iter().take_while(|x| x.start == next).any(|x| x.category == Category::Title) {
        return None;
    }
    let mut o = RawOrg::named(text, h.start..end, OrgKind::Agency);
    o.full = Some(format!("สำนักงาน{}", o.name));
    Some(o)
}

/// The end of the run of Thai text from `from` (up to a space or other
/// ASCII) when it ends in `แห่งชาติ` or `แห่งประเทศไทย` (a `ฯ` after it
/// kept): a national body's name that starts with a verb that would end it
/// (มูลนิธิ + ช่วย…แห่งประเทศไทย, สมาคม + มี…แห่งประเทศไทย).
fn national_run_end(text: &str, from: usize) -> Option<usize> {
    const NATIONAL: [&str; 2] = ["แห่งชาติ", "แห่งประเทศไทย"];
    let rest = &text[from..];
    let mut n = rest
        .as_bytes()
        .iter()
        .take(MAX_COMPANY_BYTES)
        .position(u8::is_ascii)
        .unwrap_or(rest.len().min(MAX_COMPANY_BYTES));
    while !rest.is_char_boundary(n) {
        n -= 1;
    }
    let mut run = &rest[..n];
    // A qualifier glued after the name (ในพระบรมราชูปถัมภ์) is read after it.
    if let Some(q) = ORG_WORDS.qualifiers.iter().find(|q| run.ends_with(q.as_str())) {
        run = &run[..run.len() - q.len()];
    }
    let name = run.trim_end_matches('ฯ');
    NATIONAL.iter().any(|w| name.ends_with(w) && name.len() > w.len()).then_some(from + run.len())
}

/// A word that starts like a head and names no one body alone
/// (`สถาบันวิจัย`, `สถานีโทรทัศน์`: kind `-` in `org_heads.tsv`), with a
/// name after it that ends in `แห่งชาติ` or `แห่งประเทศไทย`: the national body
/// (`สถาบันวิจัย…แห่งชาติ`, `สถานีวิทยุกระจายเสียงแห่งประเทศไทย`).
fn national_body(text: &str, h: &Hit, ctx: &Ctx) -> Option<RawOrg> {
    const NATIONAL: [&str; 2] = ["แห่งชาติ", "แห่งประเทศไทย"];
    // These words are common: first the cheap test, that the run of Thai
    // text after the head (up to a space or other ASCII) ends so.
    let run = text.as_bytes()[h.end..].iter().take(MAX_COMPANY_BYTES).position(u8::is_ascii)?;
    let run = text[h.end..h.end + run].trim_end_matches('ฯ');
    NATIONAL.iter().find(|w| run.ends_with(**w))?;
    let end = name_end(text, &text[h.start..h.end], h.end, OrgKind::Other, ctx)?;
    let name = text[h.end..end].trim_end_matches('ฯ');
    NATIONAL.iter().find(|w| name.ends_with(**w))?;
    Some(RawOrg::named(text, h.start..end, OrgKind::Other))
}

/// The end of a name that ends in a province glued to it
/// (`ศูนย์วิจัย…สระแก้ว`): the body's own in that province.
fn provincial_body(text: &str, h: &Hit, ctx: &Ctx) -> Option<RawOrg> {
    // First the cheap test, that the next province or country lies inside
    // the run of Thai text after the head.
    let i = ctx.places.partition_point(|&(s, _)| s <= h.end);
    let (s, e) = *ctx.places.get(i).filter(|&&(_, e)| e <= h.end + MAX_COMPANY_BYTES)?;
    if text.as_bytes()[h.end..e].iter().any(u8::is_ascii) {
        return None;
    }
    let end = name_end(text, &text[h.start..h.end], h.end, OrgKind::Other, ctx)?;
    // The one place in the name, at its end, and no place prefix in it
    // (`ส่วนที่จังหวัด…`, an address `…แขวง…เขต…` name none).
    let prefixed =
        || text[h.end..s].char_indices().any(|(k, _)| matches!(word_at(text, h.end + k), Some((_, Role::Prefix(_)))));
    let province = place_at(text, s).is_some_and(|(_, p)| p.kind == Some(PlaceKind::Province));
    (e == end && province && !prefixed()).then(|| RawOrg::named(text, h.start..end, OrgKind::Other))
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
        return Some(RawOrg::named(text, h.start..end, kind));
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
    Some(RawOrg::named(text, h.start..end, kind))
}

/// The end of a faculty's name after `คณะ`: after the last faculty word
/// (`faculty_end` in `org_words.tsv`: ศาสตร์, บริหารธุรกิจ…) before `end` (`คณะวิทยาศาสตร์` + a verb glued after it), or `None` when
/// there is none (`คณะผู้บริหาร`, `คณะนักวิจัย` name a group, no faculty).
/// A medical faculty keeps the hospital it is named after, written after a
/// space (`คณะแพทยศาสตร์ ศิริราชพยาบาล`).
fn faculty_end(text: &str, from: usize, end: usize) -> Option<usize> {
    let name = &text[from..end];
    let end = ORG_WORDS.faculty_ends.iter().filter_map(|w| name.rfind(w.as_str()).map(|i| from + i + w.len())).max()?;
    let Some(rest) = text[end..].strip_prefix(' ') else { return Some(end) };
    let word = rest.find(|c: char| !is_thai_letter(c)).map_or(rest, |i| &rest[..i]);
    if text[from..end].contains("แพทย") && (word.ends_with("พยาบาล") || word.starts_with("โรงพยาบาล"))
    {
        return Some(end + 1 + word.len());
    }
    Some(end)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_ends_at_limited() {
        let t = "บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด ที่ได้";
        let end = company_end(t, "บริษัท".len()).unwrap();
        assert_eq!(&t[..end], "บริษัท ขอนแก่นพัฒนาเมือง (เคเคทีที) จำกัด");
        let t = "บริษัท ทีโอที จำกัด (มหาชน) และ";
        let end = company_end(t, "บริษัท".len()).unwrap();
        assert_eq!(&t[..end], "บริษัท ทีโอที จำกัด (มหาชน)");
    }
}
