//! Where a name after a head ends.

use super::Ctx;
use crate::facts::OrgKind;
use crate::kinds::shared::{place_at, word_at, Role};
use crate::thai::{cluster_ends, cluster_starts, is_following_mark, is_leading_vowel, is_thai_letter};

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

/// A unit number written after a name that ends in ภาค or เขต
/// (`ตำรวจภูธรภาค 9`, `… เขต 10`).
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
        let ctx = Ctx::new(&doc);
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
        assert_eq!(name_end(doc.text(), "กรม", 0, OrgKind::Agency, &Ctx::new(&doc)), None);
    }

    #[test]
    fn unit_numbers() {
        let t = "ตำรวจภูธรภาค 9 ได้";
        assert_eq!(&t[..numbered_unit(t, "ตำรวจภูธรภาค".len())], "ตำรวจภูธรภาค 9");
        let t = "กรมการปกครอง 9 คน";
        assert_eq!(numbered_unit(t, "กรมการปกครอง".len()), "กรมการปกครอง".len());
    }
}
