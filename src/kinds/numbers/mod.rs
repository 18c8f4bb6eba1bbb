//! Numbers: quantities, money, percentages and ranks, with the value the text
//! means.
//!
//! Third stage of the pipeline (normalize → scan → **extract** → link →
//! facts). [`extract`] reads the normalized text (Thai digits are already
//! ASCII), the lexicon hits of the one shared scan, and the spans the date
//! extractor claimed, and returns one [`RawNumber`] per numeric fact.
//!
//! # How a fact is read
//!
//! 1. **Atoms.** A run of ASCII digits with thousands separators and a
//!    decimal point (`1,250,000`, `2.5`), checked for its shape; or a run of
//!    adjacent Thai number words (`สามร้อยห้าสิบหก`, `number_words.tsv`).
//!    Digit runs joined by spaces or by more than one dash (`0 2333 3700`,
//!    `085-980-7861`) are phone numbers or codes, never quantities; so are
//!    runs with `/` or `:` (`99/1`, `1340/2560`, `09:30`), runs with two
//!    decimal points (`1.2.3`), integers with a leading zero and integers of
//!    eight digits or more written without separators.
//! 2. **Scale words** after digits multiply them: `390 ล้าน` is 390000000 and
//!    `2.5 หมื่นล้าน` is 2.5 × 10⁴ × 10⁶. Decimals are scaled exactly (as an
//!    integer mantissa over a power of ten), so `133,865.78 ล้าน` is the whole
//!    number 133865780000.
//! 3. **Unit.** The longest phrase of `units.tsv` right after the number
//!    (one space allowed) gives the unit and the kind (count, money, measure,
//!    percent). Otherwise a *general rule* takes the following Thai word as a
//!    counted noun (kind count): the Thai letters up to the next space, the
//!    next lexicon hit or the next non-Thai character, at most
//!    [`MAX_NOUN_CHARS`] characters, unless it starts with a function word of
//!    `not_units.txt` (`1 ใน 3 ของประเทศ` has no unit). With neither, the
//!    unit is null and the kind `other`, except that a sum of scale words of
//!    ten thousand or more is money (`ทุ่ม 30 ล้าน`), and so is a number
//!    after a word of money (step 4). A rate after the unit (`/` or `ต่อ` and
//!    a unit of `units.tsv`: `บาท/ตัน`, `คนต่อชั่วโมง`) joins the span as
//!    `per`, except after a percentage.
//! 4. **Context** (`number_context.tsv`): a qualifier (ประมาณ, กว่า, ไม่เกิน…)
//!    before the number or right after it (`300 กว่าคน`); `ร้อยละ` before it
//!    (percent); a currency sign (`US$`, `฿`); `ติดลบ` (negative); an
//!    ordinal, year, date, time, address, phone, code or law marker, which
//!    makes it no quantity at all (`ครั้งที่ 5`, `ปี 2567`, `มาตรา 6`,
//!    `เลขที่ 99`). A unit word followed by `ที่` (`ไตรมาสที่ 2`) is an
//!    ordinal marker too.
//! 5. **Ranges and ranks.** `A-B`, `A ถึง B` and `ระหว่าง A และ B` with the
//!    unit after B are one fact (`value` A, `end_value` B; B's scale applies to
//!    a bare A where the range still runs upward: `7-8 ล้านตัน` is 7000000 to
//!    8000000, `500,000-1 ล้านบาท` is 500000 to 1000000). A range never runs
//!    downward (`15-10 คะแนน` is a score: no range). `A ใน B unit` is a rank
//!    (`1 ใน 64 เมือง`: value 1, of 64, unit เมือง) only where A ≤ B.
//!
//! # What is not a number
//!
//! A fact whose value, range end or rank field is above
//! [`NumberFact::MAX_MAGNITUDE`] (10^18) in magnitude, or not a finite `f64`
//! (`1` followed by ล้าน fifty-two times), is dropped whole.
//!
//! Spans claimed by the date extractor; a number followed by a month name
//! (`14 กุมภาพันธ์`) or by `น.` (`09.30 น.`) or after a month name (the
//! year); and, when no unit follows: a four-digit integer from 1900 to 2700 (`thai::BARE_NUMBER_YEARS`)
//! (a year), a number at the start of a line or followed by `.` or `)` (a
//! list item), a number next to Latin letters (`PM2.5`, `Q1`, `COVID-19`),
//! and a version-like `4.0`.
//!
//! # Thai number words
//!
//! Words count only where they stand as a quantity: a single digit word
//! needs a unit from `units.tsv` after it (`สองคน`, `ทั้งสองประเทศ`), a word
//! number with a scale word (`สามร้อยห้าสิบหก`) stands alone. So idioms are
//! left out: `หนึ่งเดียว`, `สองข้าง`, `เป็นหนึ่งใน`, `หลายร้อยคน` (a scale
//! word after another Thai word), `สามารถ`, `ห้าง`, `เก้าอี้`.

mod atoms;
mod read;
mod tables;
#[cfg(test)]
mod tests;
mod view;

use super::{Doc, Span};
use crate::facts::{NumberFact, NumberKind};
use atoms::atoms;
use read::read_fact;
use view::View;

/// A number found in the normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RawNumber {
    pub span: Span,
    pub value: f64,
    pub end_value: Option<f64>,
    pub of: Option<f64>,
    pub unit: Option<String>,
    pub per: Option<String>,
    pub kind: NumberKind,
    pub qualifier: Option<String>,
}

/// The longest Thai word (in characters) the general counted-noun rule
/// takes as a unit.
const MAX_NOUN_CHARS: usize = 12;

/// Whether a line of `number_context.tsv` has a role the extractor knows
/// (the lexicon registry's check).
pub(super) fn context_role_is_known(columns: &[String]) -> bool {
    tables::Role::parse(columns).is_some()
}

/// Every numeric fact in `doc`, in text order. `claimed` are spans already
/// taken by dates, which are not numbers.
pub(crate) fn extract(doc: &Doc<'_>, claimed: &[Span]) -> Vec<RawNumber> {
    extract_with(doc, claimed, &crate::thai::digit_runs(doc.text().as_bytes()))
}

/// [`extract`], given the text's [`crate::thai::digit_runs`].
pub(crate) fn extract_with(doc: &Doc<'_>, claimed: &[Span], digit_runs: &[Span]) -> Vec<RawNumber> {
    let view = View::new(doc);
    let atoms = atoms(&view, digit_runs);
    let mut claimed: Vec<Span> = claimed.to_vec();
    claimed.sort_by_key(|s| (s.start, s.end));
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last fact read (kept or not) ends: the scale words and unit
    // of a number are not numbers of their own.
    let mut read_to = 0;
    while i < atoms.len() {
        if atoms[i].span.start < read_to {
            i += 1;
            continue;
        }
        let (fact, next, end) = read_fact(&view, &atoms, i);
        if let Some(f) = fact {
            // Never null where the contract says number.
            let plausible = [Some(f.value), f.end_value, f.of].into_iter().flatten().all(NumberFact::plausible);
            if plausible && !overlaps(&claimed, &f.span) {
                out.push(f);
            }
        }
        read_to = end;
        i = next.max(i + 1);
    }
    out
}

/// Whether `span` overlaps any of the sorted `claimed` spans.
fn overlaps(claimed: &[Span], span: &Span) -> bool {
    let i = claimed.partition_point(|c| c.end <= span.start);
    claimed.get(i).is_some_and(|c| c.start < span.end)
}
