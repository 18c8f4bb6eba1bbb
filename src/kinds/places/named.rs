//! Places named after a head word, with names the gazetteer does not list
//! (`place_heads.tsv`):
//!
//! - villages and communities outside an address (หมู่บ้าน…, ชุมชน…), kind
//!   village;
//! - bridges and intersections (สะพาน…, แยก…, สี่แยก…), kind street: ways,
//!   as roads are, not venues;
//! - foreign cities and regions after a city or region prefix (เมือง…,
//!   กรุง…, เขต…, มณฑล…, รัฐ…), kind city or region;
//! - the area of a municipality (เขตเทศบาลเมือง…), kind district: the
//!   place, not the municipality as a body.
//!
//! The mention is the head with the name glued after it. Every rule asks
//! the same of the head: it begins a word (after a space or a non-letter, a
//! function word or prefix, or a whole dictionary word: `ประชาชนชุมชน…`,
//! not `การเมือง`), it is no title's given name, it does not end an
//! organization head (ส่วน, a unit's head, is also a function word: it
//! ends none), and head and name are not one dictionary word
//! (ชุมชนเมือง, สะพานลอย, เมืองนอก). The name is glued to the head and
//! starts with no function word or place prefix (หมู่บ้านของเรา); it ends
//! as [`super::name_end`] ends a name, at most [`MAX_NAME_CHARS`]
//! characters on. What each kind asks further is said at its function.

use std::sync::LazyLock;

use super::{name_end, RawPlace};
use crate::facts::PlaceKind;
use crate::kinds::shared::{dictionary, place_at, verb_at, word_at, word_before, GazEntry, HitEdges, Role, Use};
use crate::lexicon::Found;
use crate::thai::{char_at, char_before, cluster_ends, cluster_starts, is_thai_letter};

/// What a head of `place_heads.tsv` heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    Community,
    Crossing,
    City,
    Area,
    Municipal,
}

struct Heads {
    /// The heads, for the shared scan: a match's ID indexes `roles`.
    phrases: Vec<String>,
    roles: Vec<Head>,
    /// Words of place after which แยก begins an intersection's name.
    crossing_before: Vec<String>,
    /// Words of quantity before a head that make it a counted common noun
    /// (หลายชุมชน, ทุกหมู่บ้าน).
    counted_after: Vec<String>,
}

static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let mut h =
        Heads { phrases: Vec::new(), roles: Vec::new(), crossing_before: Vec::new(), counted_after: Vec::new() };
    // The registry checked every role.
    for e in crate::kinds::registry::entries("place_heads.tsv") {
        let role = match e.columns[1].as_str() {
            "community" => Head::Community,
            "crossing" => Head::Crossing,
            "city" => Head::City,
            "area" => Head::Area,
            "municipal" => Head::Municipal,
            "counted_after" => {
                h.counted_after.push(e.phrase().to_string());
                continue;
            }
            _ => {
                h.crossing_before.push(e.phrase().to_string());
                continue;
            }
        };
        h.phrases.push(e.phrase().to_string());
        h.roles.push(role);
    }
    h
});

/// The head words of `place_heads.tsv`, for the shared scan.
pub(crate) fn head_phrases() -> &'static [String] {
    &HEADS.phrases
}

/// Most characters of a name after a head.
const MAX_NAME_CHARS: usize = 20;

/// Most characters of a village's or a community's name.
const MAX_COMMUNITY_CHARS: usize = 12;

/// The ordinal of a second bridge of a name (`สะพาน…แห่งที่ 2`).
const NTH: &str = "แห่งที่";

/// The municipal kinds written after เขตเทศบาล.
const MUNICIPAL_KINDS: [&str; 3] = ["นคร", "เมือง", "ตำบล"];

/// The bridge head an intersection may be named after (แยกสะพาน…).
const BRIDGE: &str = "สะพาน";

/// Every place named after a head of `place_heads.tsv` (`heads`: the scan's
/// matches of [`head_phrases`]). `title_ends`: where titles end (a given
/// name follows); `org_heads`: the organization heads.
pub(super) fn places(text: &str, heads: &[Found], title_ends: &[usize], org_heads: &HitEdges) -> Vec<RawPlace> {
    let mut out = Vec::new();
    for m in heads {
        let (start, end) = (m.start, m.end);
        let Some(&role) = HEADS.roles.get(m.id as usize) else { continue };
        // Cheapest tests first: the walk back of `begins_word` is the dearest.
        if !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
            || !cluster_starts(text, start)
            || !cluster_ends(text, end)
            || (!matches!(role, Head::Municipal | Head::Crossing) && starts_no_name(text, end))
            || dictionary::word_at(text, start).is_some_and(|e| e > end)
            || counted(text, start)
            || (org_heads.ends_at(start) && !matches!(word_before(text, start), Some((_, Role::End | Role::Join))))
            || !begins_word(text, start, title_ends)
        {
            continue;
        }
        let found = match role {
            Head::Community => community(text, end),
            Head::Crossing => crossing(text, start, end),
            Head::City | Head::Area => foreign(text, start, end),
            Head::Municipal => municipal(text, end),
        };
        let Some(name_end) = found else { continue };
        // An intersection named after a place (แยก + a district) is written
        // for that place: the mention is the place, as the gazetteer has it.
        if role == Head::Crossing && &text[start..end] != BRIDGE {
            if let Some((_, e)) = bare_place_at(text, end).filter(|&(e, _)| e == name_end) {
                let name = text[end..name_end].to_string();
                let kind = e.kind.unwrap_or(PlaceKind::District);
                out.push(RawPlace { span: end..name_end, name, key: e.canonical.clone(), kind });
                continue;
            }
        }
        let kind = match role {
            Head::Community => PlaceKind::Village,
            Head::Crossing => PlaceKind::Street,
            Head::City => PlaceKind::City,
            Head::Area => PlaceKind::Region,
            Head::Municipal => PlaceKind::District,
        };
        let whole = text[start..name_end].to_string();
        // A village or a community is grouped with a place of the same bare
        // name (หมู่บ้าน… and ตำบล… of one name, written for one place).
        let bare = text[end..name_end].to_string();
        let (name, key) = match role {
            Head::City | Head::Area => (bare.clone(), bare),
            Head::Community => (whole, bare),
            _ => (whole.clone(), whole),
        };
        out.push(RawPlace { span: start..name_end, name, key, kind });
    }
    out
}

/// Whether a word begins at `pos`: after the start of the text, a
/// character that is no Thai letter, a function word or prefix, or a whole
/// dictionary word (none running across `pos`); not after a title.
fn begins_word(text: &str, pos: usize, title_ends: &[usize]) -> bool {
    if !char_before(text, pos).is_some_and(is_thai_letter) {
        return true;
    }
    title_ends.binary_search(&pos).is_err() && (word_before(text, pos).is_some() || dictionary::word_ends_at(text, pos))
}

/// Whether a number or a word of quantity is written before the head at
/// `pos` (`85 หมู่บ้าน`, `หลายชุมชน`): the head is a counted common noun.
fn counted(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end_matches(' ');
    before.ends_with(|c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
        || HEADS.counted_after.iter().any(|w| before.ends_with(w.as_str()))
}

/// A gazetteer place that starts at `from` and may be named bare there (use
/// `any`): a district that is also a common word (ชนบท) is not a name
/// after a head.
fn bare_place_at(text: &str, from: usize) -> Option<(usize, &'static GazEntry)> {
    place_at(text, from).filter(|(_, e)| e.use_ == Use::Any)
}

/// Whether what follows a head at `pos` can be no name: a space, no Thai
/// letter, a function word or a place prefix (หมู่บ้านของเรา, เมืองที่…).
fn starts_no_name(text: &str, pos: usize) -> bool {
    !char_at(text, pos).is_some_and(is_thai_letter)
        || matches!(word_at(text, pos), Some((_, Role::End | Role::Join | Role::Prefix(_))))
}

/// Where a name glued at `from` ends, if it has 2 to [`MAX_NAME_CHARS`]
/// characters and ends a character cluster.
fn glued_name(text: &str, from: usize) -> Option<usize> {
    let end = name_end(text, from, true);
    let chars = text[from..end].chars().count();
    // A name that ends inside a dictionary word (ชุมชนบ้านเลข|ที่) is no name.
    let cut = dictionary::word_across(text, end).is_some();
    ((2..=MAX_NAME_CHARS).contains(&chars) && cluster_ends(text, end) && !cut).then_some(end)
}

/// A village's or a community's name (หมู่บ้านหนองแวง-like): a gazetteer
/// place, or a name that is not one dictionary word (หมู่บ้านจัดสรร,
/// ชุมชนท้องถิ่น are kinds of village, not names) and starts with no verb
/// (ชุมชนเข้มแข็ง). Village names are compounds of a few words (หนอง + a
/// word), of at most [`MAX_COMMUNITY_CHARS`] characters: a longer run names
/// a project or a kind (หมู่บ้านต้นแบบระดับ…). A community written before an
/// address (`ชุมชน… ต.…`) is named after the place of the address, which
/// the address names; it is left to that.
fn community(text: &str, from: usize) -> Option<usize> {
    let glued = glued_name(text, from);
    if let Some((place_end, _)) = bare_place_at(text, from).filter(|&(e, _)| glued.is_none_or(|g| e >= g)) {
        return Some(place_end);
    }
    let end = glued?;
    let after = if text[end..].starts_with(' ') { end + 1 } else { end };
    if text[from..end].chars().count() > MAX_COMMUNITY_CHARS
        || matches!(
            word_at(text, after),
            Some((_, Role::Prefix(Some(PlaceKind::Subdistrict | PlaceKind::District | PlaceKind::Province))))
        )
    {
        return None;
    }
    if verb_at(text, from).is_some() || dictionary::word_at(text, from) == Some(end) {
        return None;
    }
    Some(end)
}

/// A bridge's or an intersection's name: a gazetteer place (แยก + a
/// district), a bridge (แยกสะพาน…), or any name, except one that starts
/// with a verb and reads as fewer than three dictionary words (สะพานข้าม,
/// สะพานชำรุด); a name that starts with a function word counts only when
/// that word is a verb read with two words or more up to the next space
/// (ผ่าน + two words, see [`verb_phrase_name`]). แยก is also the verb to separate: it heads a name only
/// after a space or a non-letter or a word of place (`บริเวณแยก…`, the
/// `crossing_before` words). A second name after a dash (a bridge
/// between two countries), an ordinal (`แห่งที่ 2`) or a number after one
/// space is part of the name (สะพาน… 8).
fn crossing(text: &str, start: usize, head_end: usize) -> Option<usize> {
    let head = &text[start..head_end];
    if head == "แยก"
        && char_before(text, start).is_some_and(is_thai_letter)
        && !HEADS.crossing_before.iter().any(|w| {
            // The word whole, not the end of a longer one (เจ้าหน้าที่).
            text[..start].ends_with(w.as_str())
                && dictionary::word_across(text, start - w.len()).is_none_or(|e| e < start)
        })
    {
        return None;
    }
    let from = match text[head_end..].strip_prefix(BRIDGE) {
        Some(_) if head != BRIDGE => head_end + BRIDGE.len(),
        _ => head_end,
    };
    // A function word that starts a longer dictionary word (ผ่าน in ผ่านฟ้า)
    // is no function word there.
    let in_word = matches!(word_at(text, from), Some((e, _)) if dictionary::word_at(text, from).is_some_and(|w| w > e));
    let end = if starts_no_name(text, from) && !in_word {
        verb_phrase_name(text, from)?
    } else if let Some((place_end, _)) =
        bare_place_at(text, from).filter(|&(e, _)| glued_name(text, from).is_none_or(|g| e >= g))
    {
        place_end
    } else {
        let end = glued_name(text, from)?;
        let (words, words_end) = dictionary::words_from(&text[..end], from, 3);
        if verb_at(text, from).is_some() && !(words >= 3 || words_end < end) {
            return None;
        }
        end
    };
    // Two names joined by a dash (a bridge between two countries).
    let mut end = end;
    if text[end..].starts_with('-') && char_at(text, end + 1).is_some_and(is_thai_letter) {
        if let Some(e) = bare_place_at(text, end + 1).map(|(e, _)| e).or_else(|| glued_name(text, end + 1)) {
            end = e;
        }
    }
    let numbered = text[end..].strip_prefix(NTH).map(|r| r.strip_prefix(' ').unwrap_or(r));
    if let Some(r) = numbered {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            return Some(text.len() - r.len() + digits);
        }
    }
    let digits = text[end..].strip_prefix(' ').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
    if (1..=2).contains(&digits) && !text[end + 1 + digits..].starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return Some(end + 1 + digits);
    }
    Some(end)
}

/// A name that starts with a verb that is also a function word (ผ่าน):
/// read to the next character that is no Thai letter, where it reads as
/// three dictionary words or more (ผ่าน + two words), at most
/// [`MAX_NAME_CHARS`] characters.
fn verb_phrase_name(text: &str, from: usize) -> Option<usize> {
    verb_at(text, from)?;
    let end = text[from..].find(|c: char| !is_thai_letter(c)).map_or(text.len(), |i| from + i);
    let (words, words_end) = dictionary::words_from(&text[..end], from, MAX_NAME_CHARS);
    (words >= 3 && words_end == end && text[from..end].chars().count() <= MAX_NAME_CHARS).then_some(end)
}

/// A foreign city's or region's name after a city or region prefix (เมือง,
/// กรุง, เขต, มณฑล, รัฐ), where the gazetteer has none: a name that starts
/// with no verb and either reads as no run of dictionary words (a
/// transliteration, cut where ordinary words glued after it begin) or is
/// followed by the country, province or region it lies in (`เมือง…
/// ประเทศ…`, `เขต…ของรัสเซีย`-like). The prefix begins a phrase: after a
/// space, a non-letter, or a function word (ในเมือง…, จากเมือง…), not glued
/// to a noun (`ตลาดศรีเมือง…`, `สภาร่างรัฐ…`).
fn foreign(text: &str, start: usize, from: usize) -> Option<usize> {
    let phrase_start = !char_before(text, start).is_some_and(is_thai_letter) || word_before(text, start).is_some();
    if !phrase_start || place_at(text, from).is_some() || verb_at(text, from).is_some() {
        return None;
    }
    let end = glued_name(text, from)?;
    if text[from..end].chars().count() < 3 {
        return None;
    }
    if in_larger_place(text, end) {
        return Some(end);
    }
    if dictionary::reads_as_words(text, from, end) {
        return None;
    }
    let end = dictionary::name_end(text, from, 0, end).unwrap_or(end);
    Some(end)
}

/// Whether a country, a province or a region follows `pos` (after one
/// space, or ของ): the place a foreign name lies in. Its prefix (ประเทศ,
/// จังหวัด, รัฐ, แขวง) counts as the place.
fn in_larger_place(text: &str, pos: usize) -> bool {
    let at = if text[pos..].starts_with(' ') { pos + 1 } else { pos };
    let at = if text[at..].starts_with("ของ") { at + "ของ".len() } else { at };
    let larger = |k: Option<PlaceKind>| {
        matches!(k, Some(PlaceKind::Country | PlaceKind::Province | PlaceKind::Region | PlaceKind::Subdistrict))
    };
    // A prefix that starts a longer word (รัฐ in รัฐธรรมนูญ) is none.
    place_at(text, at).is_some_and(|(_, e)| matches!(e.kind, Some(PlaceKind::Country | PlaceKind::Province)))
        || matches!(word_at(text, at), Some((e, Role::Prefix(k)))
            if larger(k) && dictionary::word_at(text, at).is_none_or(|w| w <= e))
}

/// The area of a municipality: เขตเทศบาล, a municipal kind (นคร, เมือง,
/// ตำบล) and a name, a gazetteer place or a glued name.
fn municipal(text: &str, head_end: usize) -> Option<usize> {
    let kind = MUNICIPAL_KINDS.iter().find(|k| text[head_end..].starts_with(*k))?;
    let from = head_end + kind.len();
    if starts_no_name(text, from) {
        return None;
    }
    let end = glued_name(text, from);
    match place_at(text, from) {
        Some((place_end, _)) if end.is_none_or(|e| place_end >= e) => Some(place_end),
        _ => end,
    }
}
