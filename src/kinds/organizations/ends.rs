//! Where a name after a head ends.

use super::Ctx;
use crate::facts::OrgKind;
use std::collections::HashSet;
use std::sync::LazyLock;

use crate::kinds::registry;
use crate::kinds::shared::{dictionary, place_at, verb_at, word_at, Role};
use crate::thai::{cluster_ends, cluster_starts, is_following_mark, is_leading_vowel, is_thai_letter};

/// The verbs written inside organization names: every verb of `verbs_th.txt`
/// that is a word of its own in a full name of the shipped lexicons of known
/// bodies and abbreviations, the name read as dictionary words as
/// [`verb_end`] reads text (พัฒนา, ส่งเสริม, ป้องกัน…; not ตรวจ or ส่ง,
/// which lie only inside longer words there). Any other verb
/// glued after a name ends it (`กรมทรัพยากรธรณี` + วิเคราะห์).
static NAME_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut verbs = HashSet::new();
    for file in ["org_known.tsv", "org_abbreviations.tsv", "org_abbreviations_khamyo.tsv"] {
        for e in registry::entries(file) {
            let full = e.columns[1].as_str();
            // The name read as dictionary words, as `verb_end` reads text.
            let mut pos = 0;
            while pos < full.len() {
                if let Some(end) = verb_at(full, pos) {
                    verbs.insert(&full[pos..end]);
                }
                pos = dictionary::word_at(full, pos)
                    .unwrap_or_else(|| pos + full[pos..].chars().next().map_or(1, char::len_utf8));
            }
        }
    }
    verbs.extend(super::ORG_WORDS.name_verbs.iter().map(String::as_str));
    verbs
});

/// Whether a verb that is written in no organization name starts at `at`.
fn non_name_verb_at(text: &str, at: usize) -> bool {
    verb_at(text, at).is_some_and(|end| !NAME_VERBS.contains(&text[at..end]))
}

/// Longest name after a head, in characters.
const MAX_NAME_CHARS: usize = 90;

/// The end of a unit's own name: like [`name_end`], and also before any
/// other organization head or known name (the parent body).
pub(super) fn unit_name_end(text: &str, from: usize, ctx: &Ctx) -> usize {
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

/// The end of a name after a head: a place that completes a municipality's
/// name, or the first space, bracket, non-letter, name-ending word, known
/// organization, or `และ` before another organization with the same head. `None` when the name
/// runs on past [`MAX_NAME_CHARS`] (no name this extractor can tell).
pub(super) fn name_end(text: &str, head: &str, from: usize, kind: OrgKind, ctx: &Ctx) -> Option<usize> {
    name_end_at_space(text, head, from, kind, ctx).map(|end| verb_end(text, from, end))
}

/// Where a name that runs from `from` to `end` stops at a verb: the name read
/// as dictionary words (greedy, longest first), the first word after its
/// first that is a verb written in no organization name
/// (`กรมทรัพยากรธรณี|วิเคราะห์`, `ธนาคารกรุงไทย|ขอ`, while
/// `กรม|พัฒนา|ที่ดิน` keeps a verb of names). `end` when there is none.
fn verb_end(text: &str, from: usize, end: usize) -> usize {
    const AND: &str = "และ";
    let mut pos = from;
    let mut first = true;
    while pos < end {
        let Some(w) = dictionary::word_at(text, pos) else {
            // No word here: on to the next character.
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
            first = false;
            continue;
        };
        // Verbs joined by และ name what a body does (กองเผยแพร่และประชาสัมพันธ์).
        // After การ, ความ, นัก or ผู้ a verb is a noun (การสื่อสาร,
        // สมาคมนักปั่นจักรยาน, ผู้ผลิต); a verb that ends the name is its last
        // word (โรงเรียนวังไกลกังวล), no verb phrase after it, unless it is
        // glued after a place (สน.บางรัก|รับ).
        if !first
            && w <= end
            && verb_at(text, pos).is_some_and(|v| {
                (v < end || place_over(text, from, pos - 1) == Some(pos)) && !text[v..].starts_with(AND)
            })
            && ![AND, "การ", "ความ", "นัก", "ผู้"].iter().any(|j| text[..pos].ends_with(j))
            && non_name_verb_at(text, pos)
        {
            match place_over(text, from, pos) {
                // A place is one word, and no verb (ตาก, แม่สอด).
                Some(e) => {
                    pos = e;
                    continue;
                }
                None => return pos,
            }
        }
        first = false;
        pos = w;
    }
    end
}

/// The end of a gazetteer place that starts at a word of the name from
/// `from` (read as [`verb_end`] reads it) and holds `at`, if any.
fn place_over(text: &str, from: usize, at: usize) -> Option<usize> {
    let mut pos = from;
    while pos <= at {
        if let Some((e, _)) = place_at(text, pos) {
            if e > at {
                return Some(e);
            }
            pos = e;
            continue;
        }
        pos = match dictionary::word_at(text, pos) {
            Some(w) => w,
            None => pos + text[pos..].chars().next().map_or(1, char::len_utf8),
        };
    }
    None
}

fn name_end_at_space(text: &str, head: &str, from: usize, kind: OrgKind, ctx: &Ctx) -> Option<usize> {
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
                // `สมาคม… และสมาคม…`: two bodies with the same head; or, after
                // และ, the next body has a strong head (`…และมหาวิทยาลัย…`).
                Some((w_end, Role::Join))
                    if ctx.org_edges.starts_at(w_end)
                        && (text[w_end..].starts_with(head)
                            || (&text[at..w_end] == "และ"
                                && super::ORG_WORDS
                                    .strong_heads
                                    .iter()
                                    .any(|s| text[w_end..].starts_with(s.as_str())))) =>
                {
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

/// The end of a campus written after a body's name (`มหาวิทยาลัยขอนแก่น
/// วิทยาเขตหนองคาย`, `มข.วิทยาเขตหนองคาย`): วิทยาเขต, after one space or
/// none, and its name (a gazetteer place, or else a unit's name). `None`
/// when no campus follows.
pub(super) fn campus_end(text: &str, end: usize, ctx: &Ctx) -> Option<usize> {
    const CAMPUS: &str = "วิทยาเขต";
    let gap = usize::from(text[end..].starts_with(' '));
    let from = end + gap + CAMPUS.len();
    if !text[end + gap..].starts_with(CAMPUS) {
        return None;
    }
    let name_end = match place_at(text, from) {
        Some((e, _)) => e,
        None => unit_name_end(text, from, ctx),
    };
    (name_end > from).then_some(name_end)
}

/// The start of a word for a kind of body (`known_head` in `org_words.tsv`:
/// สำนักข่าว, สถานีโทรทัศน์, สายการบิน, บริษัท…) written right before a known
/// name at `start`, glued or one space before it; `None` when none is.
pub(super) fn known_head_start(text: &str, start: usize) -> Option<usize> {
    let before = &text[..start];
    let (gap, before) = match before.strip_suffix(' ') {
        Some(b) => (1, b),
        None => (0, before),
    };
    let head = super::ORG_WORDS.known_heads.iter().find(|w| before.ends_with(w.as_str()))?;
    Some(start - gap - head.len())
}

/// The end of a qualifier (`qualifier` in `org_words.tsv`: `(องค์การมหาชน)`,
/// `(ประเทศไทย)`, a royal patronage `ในพระบรมราชูปถัมภ์`) written right after
/// a name or after one space; `None` when none follows.
pub(super) fn qualifier_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let gap = usize::from(rest.starts_with(' '));
    if !rest[gap..].starts_with(['(', 'ใ']) {
        return None;
    }
    let q = super::ORG_WORDS.qualifiers.iter().find(|q| rest[gap..].starts_with(q.as_str()))?;
    Some(end + gap + q.len())
}

/// A unit number written after a name that ends in ภาค or เขต
/// (`ตำรวจภูธรภาค 9`, `… เขต 10`), or after a glued ordinal `ที่`
/// (`สำนักงานป้องกันภัยชายฝั่งที่ 6`).
pub(super) fn numbered_unit(text: &str, end: usize) -> usize {
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
    // An ordinal glued to the name (`สำนักงานชลประทานที่ 5`), not a rank
    // (`ที่ 1 ของประเทศ`, `ที่ 1 ใน`) or an amount (`ไว้ที่ 2 ล้าน`).
    if let Some(r) = rest.strip_prefix("ที่ ").or_else(|| rest.strip_prefix("ที่")) {
        let n = digits(r);
        let after = r[n..].strip_prefix(' ').unwrap_or(&r[n..]);
        if (1..=2).contains(&n)
            && !r[n..]
                .starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',' || c == '-' || is_thai_letter(c))
            && !["ของ", "ใน", "จาก", "ล้าน", "พัน", "หมื่น", "แสน", "ร้อย"].iter().any(|w| after.starts_with(w))
        {
            return end + (rest.len() - r.len()) + n;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Doc;

    /// Where the name after each head ends, on one text: `(head, name)`.
    #[test]
    fn names_end_where_the_text_says() {
        let text = "สำนักงานปลัดกระทรวงการคลังกระทรวงการคลัง สมาคมกีฬาและสมาคมดนตรี \
                    ศาลจังหวัดกาญจนบุรีได้ กรมควบคุมโรคเผยว่า กรมทรัพย์สินทางปัญญาฯ";
        let lexicons = crate::kinds::shipped_lexicons();
        let norm = crate::normalize::normalize(text);
        let scan = lexicons.scan(norm.text());
        let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
        let edges = crate::kinds::shared::HitEdges::new(&scan.hits);
        let ctx = Ctx::new(&doc, &edges);
        let text = doc.text();
        for (head, kind, name) in [
            ("สำนักงาน", OrgKind::Agency, "ปลัดกระทรวงการคลัง"),
            ("สมาคม", OrgKind::Association, "กีฬา"),
            ("ศาล", OrgKind::Court, "จังหวัดกาญจนบุรี"),
            ("กรม", OrgKind::Agency, "ควบคุมโรค"),
            ("กรม", OrgKind::Agency, "ทรัพย์สินทางปัญญาฯ"),
        ] {
            let from = text.find(&format!("{head}{name}")).unwrap() + head.len();
            let end = name_end(text, head, from, kind, &ctx);
            assert_eq!(end.map(|e| &text[from..e]), Some(name), "{head}{name}");
        }
        // A name with no end in sight names nothing.
        let long = "ฮ".repeat(MAX_NAME_CHARS + 1);
        let norm = crate::normalize::normalize(&long);
        let scan = lexicons.scan(norm.text());
        let doc = Doc { norm: &norm, scan: &scan, lexicons: &lexicons, published: None };
        let edges = crate::kinds::shared::HitEdges::new(&scan.hits);
        assert_eq!(name_end(doc.text(), "กรม", 0, OrgKind::Agency, &Ctx::new(&doc, &edges)), None);
    }

    #[test]
    fn unit_numbers() {
        let t = "ตำรวจภูธรภาค 9 ได้";
        assert_eq!(&t[..numbered_unit(t, "ตำรวจภูธรภาค".len())], "ตำรวจภูธรภาค 9");
        let t = "กรมการปกครอง 9 คน";
        assert_eq!(numbered_unit(t, "กรมการปกครอง".len()), "กรมการปกครอง".len());
    }
}
