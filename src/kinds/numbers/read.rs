//! Facts: the context around an atom (prefix, unit, qualifier, range, rank) read into a number fact.

use super::atoms::Atom;
use super::tables::{Role, UnitInfo, Word, TABLES};
use super::view::{skip_space, skip_space_back, View};
use super::{RawNumber, MAX_NOUN_CHARS};
use crate::facts::NumberKind;
use crate::kinds::shared;
use crate::lexicon::{Category, Hit};
use crate::thai::{self, char_at, char_before, is_thai_letter, starts_thai_word};

/// What precedes a number.
#[derive(Debug, Default)]
pub(super) struct Prefix<'a> {
    /// Where the context words start.
    pub(super) start: usize,
    /// Where the mention starts: at the first context word that is not a
    /// qualifier (the qualifier is a field, not part of the span).
    pub(super) span_start: usize,
    pub(super) qualifier: Option<&'a str>,
    pub(super) percent: bool,
    pub(super) currency: Option<String>,
    /// After a word of money: a number with no unit is money.
    pub(super) money: bool,
    pub(super) negative: bool,
    pub(super) between: bool,
    /// An ordinal, address, phone, code or law marker.
    pub(super) not_quantity: bool,
    /// A year, date or time marker: no quantity unless a unit follows.
    pub(super) soft_not: bool,
    /// After ที่ (`รัชกาลที่ 9`): no quantity unless a unit follows.
    pub(super) after_thi: bool,
}

/// Reads the context words before byte `p` (each after at most one space).
pub(super) fn prefix<'a>(v: &View<'a>, p: usize) -> Prefix<'a> {
    let text = v.text;
    let mut pre = Prefix { start: p, ..Prefix::default() };
    // A minus sign glued to the digits, after a space or at the start.
    if p > 0 && text.as_bytes()[p - 1] == b'-' && !char_before(text, p - 1).is_some_and(|c| c.is_alphanumeric()) {
        pre.negative = true;
        pre.start = p - 1;
    }
    pre.span_start = pre.start;
    let at = skip_space_back(text, pre.start);
    // The year after a month name.
    if v.word_ending_at(at).is_some_and(|h| h.category == Category::Month) {
        pre.soft_not = true;
        return pre;
    }
    if generic_ordinal(v, at) {
        pre.not_quantity = true;
        return pre;
    }
    pre.after_thi = text[..at].ends_with("ที่");
    let mut at = at;
    for _ in 0..4 {
        let Some(h) = v.hit_ending_at(at) else { break };
        if abbreviation_tail(text, h) {
            break;
        }
        let Some(role) = v.role(h) else { break };
        // Neither a qualifier nor a word of money is part of the mention.
        let qualifier = matches!(role, Role::Qualifier { .. } | Role::Money);
        match role {
            Role::NotQuantity { soft } => {
                if soft {
                    pre.soft_not = true;
                } else {
                    pre.not_quantity = true;
                }
                return pre;
            }
            Role::Qualifier { .. } if pre.qualifier.is_none() => pre.qualifier = Some(v.phrase(h)),
            Role::Percent => pre.percent = true,
            Role::Currency(c) if pre.currency.is_none() => pre.currency = Some(c),
            Role::Money => pre.money = true,
            // ลบ ends หลบ, กลบ, ตลบ, สลบ: there it is no minus.
            Role::Negative
                if v.phrase(h) == "ลบ"
                    && char_before(text, h.start).is_some_and(|c| matches!(c, 'ห' | 'ก' | 'ต' | 'ส')) =>
            {
                break
            }
            Role::Negative => pre.negative = true,
            Role::Between => pre.between = true,
            _ => break,
        }
        if !qualifier {
            pre.span_start = h.start;
        }
        pre.start = h.start;
        at = skip_space_back(text, h.start);
    }
    pre
}

/// A context phrase of one or two letters and a dot (`ม.`) glued to the
/// Thai letters before it is the end of a longer abbreviation (`อสม.`).
pub(super) fn abbreviation_tail(text: &str, h: &Hit) -> bool {
    let phrase = &text[h.start..h.end];
    phrase.ends_with('.') && phrase.chars().count() <= 3 && char_before(text, h.start).is_some_and(is_thai_letter)
}

/// A unit word followed by ที่ (`ไตรมาสที่ 2`, `ปีที่ 3`) marks an ordinal.
pub(super) fn generic_ordinal(v: &View<'_>, p: usize) -> bool {
    const THI: &str = "ที่";
    let text = v.text;
    if p < THI.len() || !text.is_char_boundary(p - THI.len()) || !text[..p].ends_with(THI) {
        return false;
    }
    let before = p - THI.len();
    v.hit_ending_at(before)
        .is_some_and(|h| h.category == Category::Unit || v.unit_at(h.start).is_some_and(|(_, e)| e == before))
}

/// One number with its scale words, qualifier and unit.
#[derive(Debug, Clone)]
pub(super) struct Quantity<'a> {
    pub(super) value: f64,
    /// The product of the scale words after the digits (1 when none).
    pub(super) scale: f64,
    /// Where the number and its scale words end.
    pub(super) number_end: usize,
    /// Where the whole quantity ends (after its unit or qualifier).
    pub(super) end: usize,
    pub(super) unit: Option<UnitInfo<'a>>,
    /// The unit came from the general counted-noun rule.
    pub(super) guessed: bool,
    pub(super) qualifier: Option<&'a str>,
}

pub(super) fn quantity<'a>(v: &View<'a>, a: &Atom) -> Quantity<'a> {
    let text = v.text;
    let mut p = a.span.end;
    let mut scale = 1.0;
    if !a.words {
        let mut q = skip_space(text, p);
        while let Some(h) = v.hit_at(q) {
            match v.word(h) {
                Some(Word::Scale(s)) if !(s == 1000.0 && text[h.end..].starts_with('ธ')) => {
                    scale *= s;
                    p = h.end;
                    q = h.end;
                }
                _ => break,
            }
        }
    }
    let number_end = p;
    let mut qualifier = after_qualifier(text, skip_space(text, p));
    if let Some((_, e)) = &qualifier {
        p = *e;
    }
    let mut unit = None;
    let mut guessed = false;
    let u = skip_space(text, p);
    if let Some((info, e)) = v.unit_at(u) {
        unit = Some(info);
        p = e;
    } else if let Some(e) = counted_noun(v, u) {
        unit = Some(UnitInfo { kind: NumberKind::Count, unit: &text[u..e] });
        guessed = true;
        p = e;
    }
    let mut value = a.value(scale);
    if unit.is_some() && !guessed {
        // ครึ่ง after the unit: 2 ขวบครึ่ง is 2.5 ขวบ.
        if let Some(h) = v.hit_at(p).filter(|h| v.word(h) == Some(Word::Half)) {
            if scale == 1.0 {
                value += 0.5;
                p = h.end;
            }
        }
    }
    if unit.is_some() && qualifier.is_none() {
        qualifier = after_qualifier(text, p);
        if let Some((_, e)) = &qualifier {
            p = *e;
        }
    }
    Quantity { value, scale, number_end, end: p, unit, guessed, qualifier: qualifier.map(|(q, _)| q) }
}

/// A qualifier that follows a number (`กว่า`, `เศษ`) at byte `p`.
pub(super) fn after_qualifier(text: &str, p: usize) -> Option<(&'static str, usize)> {
    let rest = text.get(p..)?;
    // Asked after every number: most positions start none of the phrases,
    // which their first characters tell without comparing each.
    if !rest.chars().next().is_some_and(|c| TABLES.after_qualifier_firsts.contains(&c)) {
        return None;
    }
    TABLES.after_qualifiers.iter().find(|q| rest.starts_with(q.as_str())).map(|q| (q.as_str(), p + q.len()))
}

/// The general rule for a counted noun missing from `units.tsv`: the Thai
/// word at byte `p` when it stands alone, from the number to a space or a
/// non-Thai character (Thai writes no spaces between words, so a longer run
/// is a phrase, not a noun), unless it starts with a function word, a verb
/// (`verbs_th.txt`: `30 ล้านแจก…` has no counted noun) or
/// another lexicon's phrase (a month, a context word, a name). Returns where
/// it ends.
pub(super) fn counted_noun(v: &View<'_>, p: usize) -> Option<usize> {
    let text = v.text;
    if !char_at(text, p).is_some_and(starts_thai_word) {
        return None;
    }
    if TABLES.not_units.longest_at(text, p, 0).is_some() || shared::verb_at(text, p).is_some() {
        return None;
    }
    if v.hit_at(p).is_some() {
        return None;
    }
    // At most one letter more than a noun may have, so the cost stays linear
    // in text without spaces.
    let mut end = p;
    let mut chars = 0;
    for c in text[p..].chars().take(MAX_NOUN_CHARS + 1) {
        if !is_thai_letter(c) && c != thai::PAIYANNOI {
            break;
        }
        end += c.len_utf8();
        chars += 1;
        // An abbreviated word (`ธันวาฯ`) ends with its ฯ.
        if c == thai::PAIYANNOI {
            break;
        }
    }
    // A date with a month written without dots (`1 ธค.2562`).
    let date = text[end..].starts_with('.') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    (chars > 0 && chars <= MAX_NOUN_CHARS && !date).then_some(end)
}

/// The connector at byte `p` (after one space) from `list`, or a dash when
/// `dash`; returns where the next number must start.
pub(super) fn connector(text: &str, p: usize, list: &[String], dash: bool) -> Option<usize> {
    let q = skip_space(text, p);
    let rest = text.get(q..)?;
    let len = if dash && (rest.starts_with('-') || rest.starts_with('–')) {
        rest.chars().next().map_or(1, char::len_utf8)
    } else {
        list.iter().find(|w| rest.starts_with(w.as_str()))?.len()
    };
    Some(skip_space(text, q + len))
}

/// The conjunction that joins the ends of a range after ระหว่าง.
pub(super) const AND: &str = "และ";

/// Gaps between the numbers of a list (`3, 6, 9 และ 12 เดือน`).
pub(super) const LIST_GAPS: &[&str] =
    &[" ", ",", ", ", " ,", " , ", "และ", " และ", "และ ", " และ ", ", และ ", "หรือ", " หรือ "];

/// Whether atoms `j` and `j + 1` are neighbours in a list.
pub(super) fn listed(text: &str, atoms: &[Atom], j: usize) -> bool {
    atoms.get(j + 1).is_some_and(|b| b.ok && LIST_GAPS.contains(&&text[atoms[j].span.end..b.span.start]))
}

/// The last atom of the list that starts at atom `i` (at most 12 long).
pub(super) fn list_end(text: &str, atoms: &[Atom], i: usize) -> usize {
    let mut k = i;
    while k < i + 12 && listed(text, atoms, k) {
        k += 1;
    }
    k
}

/// Reads the fact that starts with atom `i`; returns it (if it is a
/// quantity), the index of the next unread atom and where the fact's text
/// ends.
pub(super) fn read_fact(v: &View<'_>, atoms: &[Atom], i: usize) -> (Option<RawNumber>, usize, usize) {
    let text = v.text;
    let a = &atoms[i];
    if !a.ok {
        return (None, i + 1, a.span.end);
    }
    let pre = prefix(v, a.span.start);
    let first = quantity(v, a);
    let mut next = i + 1;
    let mut value = first.value;
    let mut end_value = None;
    let mut of = None;
    let mut last = first.clone();
    let second = atoms.get(i + 1).filter(|b| b.ok);
    if first.unit.is_none() || first.guessed {
        // After ระหว่าง, และ joins the ends too (ระหว่าง 500 และ 700 คน).
        let joined = |b: &&Atom| {
            connector(text, first.number_end, &TABLES.to, true) == Some(b.span.start)
                || (pre.between && connector(text, first.number_end, &[AND.to_string()], false) == Some(b.span.start))
        };
        if let Some(b) = second.filter(joined) {
            let q = quantity(v, b);
            // B's scale applies to a bare A where the range still runs
            // upward then (7-8 ล้านตัน); else A stands as written
            // (500,000-1 ล้านบาท). A range that runs downward (15-10 คะแนน,
            // a score) is no range.
            let scaled = if first.scale == 1.0 && q.scale != 1.0 { a.value(q.scale) } else { value };
            let start = [scaled, value].into_iter().find(|s| *s <= q.value);
            if let Some(start) = start {
                value = start;
                end_value = Some(q.value);
                last = q;
                next = i + 2;
            }
        } else if let Some(b) =
            second.filter(|b| connector(text, first.number_end, &TABLES.of, false) == Some(b.span.start))
        {
            let q = quantity(v, b);
            // A rank is within its field: 65 ใน 64 is no rank.
            if q.value >= value {
                of = Some(q.value);
                last = q;
                next = i + 2;
            }
        }
    }
    if pre.not_quantity {
        // The whole list is what the marker numbers: มาตรา 6, 10 และ 14.
        return (None, list_end(text, atoms, next - 1) + 1, last.end);
    }
    // A date (`14 กุมภาพันธ์`, `1-3 กันยายน`) or a time (`09.30 น.`).
    let after = skip_space(text, last.number_end);
    if v.month_at(after) || text[after..].starts_with("น.") || text[after..].starts_with("นาฬิกา") {
        return (None, next, last.end);
    }
    // A section number at the start of a line (`1.4 บริษัท ...`, `2. ...`).
    if line_start(text, a.span.start)
        && first.scale == 1.0
        && !text[a.span.clone()].starts_with('0')
        && (a.places > 0 || matches!(char_at(text, first.number_end), Some('.' | ')')))
    {
        return (None, next, last.end);
    }
    let (mut unit, mut guessed) = if last.end > last.number_end { (last.unit, last.guessed) } else { (None, false) };
    let mut end = if unit.is_some() { last.end } else { last.number_end };
    // A bare number in a list takes the unit written after the list's last
    // number (`18, 70 และ 420 ชั่วโมง`).
    if (unit.is_none() || guessed) && end_value.is_none() && of.is_none() && !pre.percent {
        let k = list_end(text, atoms, i);
        if k > i {
            let q = quantity(v, &atoms[k]);
            if q.unit.is_some() && !q.guessed {
                unit = q.unit;
                guessed = false;
                end = last.number_end;
            }
        }
    }
    let known = unit.is_some() && !guessed;
    if (pre.soft_not || pre.after_thi) && !known && !pre.percent && pre.currency.is_none() {
        return (None, next, last.end);
    }
    // After a year or date marker, a year stays a year whatever follows
    // (ปี 2563 มาตรการ..., ปี 67 หลัง...); only a duration of one or two
    // digits reads as a quantity (8 ปี 9 เดือน, 3 ปี 10 เดือน).
    if pre.soft_not && !a.words {
        let digits = text[a.span.clone()].len();
        let year_like = digits == 4 && thai::BARE_NUMBER_YEARS.contains(&(a.mantissa as i32));
        let measure = unit.as_ref().is_some_and(|u| u.kind == NumberKind::Measure);
        if year_like || (digits >= 2 && !measure) {
            return (None, next, last.end);
        }
    }
    let mut kind = match (&unit, of) {
        (_, Some(_)) => NumberKind::Rank,
        (Some(u), _) => u.kind,
        (None, _) => NumberKind::Other,
    };
    let mut unit_name = unit.map(|u| u.unit);
    if pre.percent && kind != NumberKind::Rank {
        // ร้อยละ is the unit: a word after the number is not (`ร้อยละ 13 ส่วน…`).
        if kind != NumberKind::Percent {
            end = last.number_end;
        }
        kind = NumberKind::Percent;
        unit_name = Some("%");
    } else if let Some(c) = &pre.currency {
        // A rank stays a rank, as with ร้อยละ (`of` only on ranks).
        if kind != NumberKind::Money && kind != NumberKind::Rank {
            kind = NumberKind::Money;
            unit_name = Some(c.as_str());
        }
    }
    // After a word of money, a number with no unit written (a guessed
    // counted noun is none) is money in a currency the text does not name
    // (`มูลค่า 30 ล้าน`): kind money, unit null.
    if pre.money && (unit_name.is_none() || guessed) && kind != NumberKind::Rank && !pre.percent {
        kind = NumberKind::Money;
        unit_name = None;
        end = last.number_end;
        guessed = false;
    }
    // A large round amount with no unit written (`ทุ่ม 30 ล้าน`, `ทะลุ 2 แสน`,
    // `5 หมื่นล้าน`): news leaves out บาท, never the counted noun of a count
    // (`66 ล้านคน`). Large means scale words of at least ten thousand after
    // the digits, or a word number of them (`สองพันล้าน`); a counted noun guessed across a space is no unit here
    // (`30 ล้าน แจกรถ`), one glued to the scale word is (`5 ล้านโดส`).
    let spaced_guess = guessed && text.as_bytes().get(last.number_end) == Some(&b' ');
    let large = last.scale >= BARE_MONEY_SCALE || (a.words && a.has_scale && value >= BARE_MONEY_SCALE);
    let bare_money = !pre.money && large && of.is_none() && !pre.percent && (unit_name.is_none() || spaced_guess);
    if bare_money {
        kind = NumberKind::Money;
        unit_name = None;
        end = last.number_end;
        guessed = false;
    }
    let money_cued = (pre.money || bare_money) && kind == NumberKind::Money;
    let bare = (unit_name.is_none() && !money_cued) || (guessed && of.is_none());
    if bare && !standalone(v, a, &last, of.is_some()) {
        return (None, next, last.end);
    }
    // A word number needs a unit, a scale word or a rank; one that starts
    // with a scale word needs a unit (ร้อยเอ็ด is a province).
    if a.words && !known && !(a.has_scale || pre.percent || of.is_some()) {
        return (None, next, last.end);
    }
    if a.words && a.scale_first && !(a.mantissa > 10.0 && a.mantissa < 20.0) && !known {
        return (None, next, last.end);
    }
    // A number that starts with ร้อย or a larger scale word is a sum of
    // money (`กว่าแสนล้านบาท`, `นับแสนบาท`: one of that scale), never a count
    // (`หลายร้อยคน`), nor after an unstated multiple (`หลายล้านบาท`).
    if a.words
        && a.scale_first
        && a.mantissa >= 100.0
        && (kind != NumberKind::Money || v.hit_ending_at(a.span.start).is_some_and(|h| v.role(h) == Some(Role::Many)))
    {
        return (None, next, last.end);
    }
    // A rate after the unit (`บาท/ตัน`, `ล้านต่อปี`): part of the mention.
    let mut per = None;
    if matches!(kind, NumberKind::Money | NumberKind::Count | NumberKind::Measure) && (known || money_cued) {
        if let Some((u, e)) = rate_at(v, end) {
            per = Some(u.to_string());
            end = e;
        }
    }
    let sign = if pre.negative { -1.0 } else { 1.0 };
    (
        Some(RawNumber {
            span: pre.span_start..end,
            value: sign * value,
            end_value: end_value.map(|e| sign * e),
            of,
            unit: unit_name.map(str::to_string),
            per,
            kind,
            qualifier: pre.qualifier.or(first.qualifier).or(last.qualifier).map(str::to_string),
        }),
        next,
        last.end,
    )
}

/// The product of scale words from which a number with no unit is an amount
/// of money (`2 หมื่น`, `30 ล้าน`).
const BARE_MONEY_SCALE: f64 = 10_000.0;

/// The words that write a rate after a unit: `/` (`บาท/ตัน`) and ต่อ (per).
const RATE_WORDS: [&str; 2] = ["/", "ต่อ"];

/// A rate written at byte `p`, right after a unit: `/` or ต่อ, a space
/// allowed around either, then a unit of `units.tsv` (a guessed noun is
/// none: `1,000 บาท ต่อมา` is no rate). Returns the rate's unit as written
/// and where it ends.
pub(super) fn rate_at<'a>(v: &View<'a>, p: usize) -> Option<(&'a str, usize)> {
    let text = v.text;
    let q = skip_space(text, p);
    let word = RATE_WORDS.iter().find(|w| text[q..].starts_with(**w))?;
    let u = skip_space(text, q + word.len());
    let (_, e) = v.unit_at(u)?;
    Some((&text[u..e], e))
}

/// Whether a `)` after the number at `p` closes a `(` opened before it on
/// the same line (`(คะแนนเต็ม 100)`), rather than ending a list marker (`1)`).
pub(super) fn closes_paren(text: &str, p: usize) -> bool {
    if text[..p].ends_with('(') {
        return false;
    }
    // Look back a bounded window only, so that the cost stays linear.
    let mut from = p.saturating_sub(PAREN_WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..p];
    let line = &window[window.rfind('\n').map_or(0, |n| n + 1)..];
    match (line.rfind('('), line.rfind(')')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// How far back (in bytes) a `(` may open before the number it encloses.
pub(super) const PAREN_WINDOW: usize = 256;

/// Whether only spaces stand between the start of the line and byte `p`.
/// Normalized text has no runs of spaces, so this looks back one byte or two.
pub(super) fn line_start(text: &str, p: usize) -> bool {
    let before = text[..p].trim_end_matches(' ');
    before.is_empty() || before.ends_with('\n')
}

/// Whether a number with no known unit still stands as a quantity: not a
/// year, a list item, a name part or a version.
pub(super) fn standalone(v: &View<'_>, a: &Atom, last: &Quantity<'_>, rank: bool) -> bool {
    let text = v.text;
    let s = &text[a.span.clone()];
    if a.words {
        return a.has_scale || rank;
    }
    // A count in Thai takes a classifier: a bare digit is a label (`ตึก 1`,
    // `1 นายธนพล`).
    if s.len() == 1 && !rank {
        return false;
    }
    // A year: four digits in [`thai::BARE_NUMBER_YEARS`].
    if s.len() == 4 && a.places == 0 && thai::BARE_NUMBER_YEARS.contains(&(a.mantissa as i32)) && last.scale == 1.0 {
        return false;
    }
    // A version or a name part (ไทยแลนด์ 4.0).
    if s.ends_with(".0") {
        return false;
    }
    // A list item: at the start of a line, `1.`, `(1)`.
    if line_start(text, a.span.start) {
        return false;
    }
    let next = char_at(text, last.number_end);
    if next == Some('.') || (next == Some(')') && !closes_paren(text, a.span.start)) {
        return false;
    }
    // Next to Latin letters or glued to a word by a dash: PM2.5, Q1,
    // `PM 2.5`, COVID-19, โควิด-19.
    let before = skip_space_back(text, a.span.start);
    if char_before(text, before).is_some_and(|c| c.is_ascii_alphabetic())
        || next.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    if text[..a.span.start].ends_with('-') && char_before(text, a.span.start - 1).is_some_and(char::is_alphabetic) {
        return false;
    }
    // A hotline or a name after an abbreviation (`คปภ. 1186`), or a unit
    // or rank name glued to one (`มทบ.33`, `ร.9`).
    if text[..before].ends_with('.') && char_before(text, before - 1).is_some_and(is_thai_letter) {
        return false;
    }
    // Followed by an ordinal or address marker: part of an address
    // (`ห้อง 1 ชั้น 9`).
    let after = skip_space(text, last.number_end);
    if after > last.number_end && v.hit_at(after).is_some_and(|h| v.role(h) == Some(Role::NotQuantity { soft: false }))
    {
        return false;
    }
    true
}
