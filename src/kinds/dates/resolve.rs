//! Ranges joined, years inferred, values formatted.

use chrono::{Datelike, NaiveDate};

use super::{Atom, AtomKind, DateWords, Marker, Point, RawDate, Role, Unit};
use crate::facts::{Anchor, DateOffset, DateUnit, Precision};

/// Joins `a ถึง b`, `a - b`, `a จนถึงวันที่ b` into one range: the first
/// takes its year from the second when it has none, and the other way round.
pub(super) fn join_ranges(text: &str, atoms: Vec<Atom>, words: &DateWords) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    for a in atoms {
        if let Some(prev) = out.last_mut() {
            let joinable = prev.kind == AtomKind::Calendar
                && a.kind == AtomKind::Calendar
                && prev.end.is_none()
                && !prev.open
                && prev.time.is_none()
                && prev.span.end <= a.span.start;
            if joinable {
                let gap = &text[prev.span.end..a.span.start];
                let to = words.whole(gap).is_some_and(|roles| {
                    roles.contains(&Role::To)
                        && roles.iter().all(|r| matches!(r, Role::To | Role::Day | Role::MonthWord))
                });
                if to {
                    let mut start = prev.start;
                    let mut end = a.end.unwrap_or(a.start);
                    match (start.year, end.year) {
                        (None, Some(y)) => {
                            start.year = Some(if start.first_key() > end.first_key() { y - 1 } else { y })
                        }
                        (Some(y), None) => end.year = Some(if end.first_key() < start.first_key() { y + 1 } else { y }),
                        _ => {}
                    }
                    let ordered = match (start.year, end.year) {
                        (Some(y1), Some(y2)) => (y1, start.first_key()) <= (y2, end.last_key()),
                        _ => start.first_key() <= end.last_key(),
                    };
                    if ordered {
                        prev.start = start;
                        prev.end = Some(end);
                        prev.span.end = a.span.end;
                        prev.core.end = a.core.end;
                        prev.open = a.open;
                        prev.era = prev.era.or(a.era);
                        prev.marker = if prev.marker == Marker::None { a.marker } else { prev.marker };
                        prev.time = a.time;
                        continue;
                    }
                }
            }
        }
        out.push(a);
    }
    out
}

/// How far (in bytes of normalized text, about 40 Thai characters) a year
/// written before a year-less date still gives it its year
/// (`สำหรับปี 2562 ตั้งแต่วันที่ 1 มกราคม`).
pub(super) const NEAR_YEAR: usize = 120;

/// Gives year-less atoms their year (see the module docs), drops what
/// cannot be dated, and formats the values.
pub(super) fn resolve(text: &str, atoms: Vec<Atom>, anchor: Option<(NaiveDate, Anchor)>) -> Vec<RawDate> {
    let published = anchor.map(|a| a.0);
    let mut out = Vec::with_capacity(atoms.len());
    // The latest atom that gives a year: (end of its span, year).
    let mut last_year: Option<(usize, i32)> = None;
    let mut last_full: Option<NaiveDate> = None;
    for mut a in atoms {
        let needs_year = a.start.year.is_none() || a.end.is_some_and(|e| e.year.is_none());
        let mut anchored = a.kind == AtomKind::Relative && a.start.year.is_some();
        if a.kind == AtomKind::Relative && a.start.year.is_none() {
            out.extend(to_raw(a, None));
            continue;
        }
        if needs_year {
            let near = last_year
                .filter(|&(end, _)| {
                    end <= a.span.start && a.span.start - end <= NEAR_YEAR && !text[end..a.span.start].contains('\n')
                })
                .map(|l| l.1);
            let Some((y, from_anchor)) = infer_year(&a, near, last_full, published) else {
                out.extend(to_raw(a, None));
                continue;
            };
            anchored = from_anchor;
            a.start.year = Some(y);
            if let Some(e) = &mut a.end {
                e.year = Some(if e.first_key() < a.start.first_key() { y + 1 } else { y });
            }
            a.era = None;
        } else if a.kind == AtomKind::Calendar && a.era.is_some() {
            let anchor = a.end.unwrap_or(a.start);
            if let Some(d) = anchor.date() {
                last_full = Some(d);
            }
            if let Some(y) = anchor.year {
                last_year = Some((a.span.end, y));
            }
        }
        out.extend(to_raw(a, anchor.filter(|_| anchored).map(|a| a.1)));
    }
    out
}

/// The year of a year-less atom: see the module docs.
pub(super) fn infer_year(
    a: &Atom,
    near_year: Option<i32>,
    last_full: Option<NaiveDate>,
    published: Option<NaiveDate>,
) -> Option<(i32, bool)> {
    let not_after = |reference: NaiveDate| {
        let y = reference.year();
        if a.start.first_key() > (reference.month(), reference.day()) {
            y - 1
        } else {
            y
        }
    };
    let (y, anchored) = match (a.marker, published) {
        // นี้ and ที่ผ่านมา speak from the day of writing.
        (Marker::Past, Some(p)) => (not_after(p), true),
        (Marker::This, Some(p)) => (p.year(), true),
        _ => match (near_year, last_full, published) {
            (Some(y), _, _) => (y, false),
            (None, Some(d), _) if a.marker == Marker::Past => (not_after(d), false),
            (None, Some(d), _) => (d.year(), false),
            (None, None, Some(p)) => (nearest_to(a.start, p), true),
            (None, None, None) => return None,
        },
    };
    // A weekday written with the date decides between neighbouring years.
    if let (Some(wd), Some(m), Some(d), Marker::None) = (a.weekday, a.start.month, a.start.day, a.marker) {
        let fits = |y: i32| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|x| x.weekday().number_from_monday() == wd);
        if !fits(y) {
            if let Some(alt) = [y - 1, y + 1].into_iter().find(|&y| fits(y)) {
                return Some((alt, anchored));
            }
        }
    }
    Some((y, anchored))
}

/// The year that puts the day or month `p` nearest to `published`, a day
/// after publication counting four times a day before it: news mostly
/// reports what has happened, but `ครม. 30 ม.ค.` in an article of 29 January
/// is the next day, not eleven months before.
pub(super) fn nearest_to(p: Point, published: NaiveDate) -> i32 {
    let y = published.year();
    let (m, d) = (p.month.unwrap_or(7), p.day.unwrap_or(15));
    let cost = |y: i32| {
        let Some(x) = NaiveDate::from_ymd_opt(y, m, d).or_else(|| NaiveDate::from_ymd_opt(y, m, 28)) else {
            return i64::MAX;
        };
        let days = (x - published).num_days();
        if days > 0 {
            4 * days
        } else {
            -days
        }
    };
    [y, y - 1, y + 1].into_iter().min_by_key(|&y| cost(y)).unwrap_or(y)
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `None` for a day that does not exist.
pub(super) fn format(p: Point) -> Option<(String, Precision)> {
    let y = p.year?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    match (p.month, p.day) {
        (Some(_), Some(_)) => {
            // What `%Y-%m-%d` gives for years of four digits, without parsing a format string.
            let d = p.date()?;
            Some((iso(y, &[d.month(), d.day()]), Precision::Day))
        }
        (Some(m), None) if (1..=12).contains(&m) => Some((iso(y, &[m]), Precision::Month)),
        (None, _) => Some((iso(y, &[]), Precision::Year)),
        _ => None,
    }
}

/// `y` (1000 to 9999) in four digits, then a dash and two digits for each
/// of `parts` (below 100): what `format!("{y:04}-{m:02}-{d:02}")` writes,
/// without the formatting machinery, which cost more than the rest of
/// resolving a date.
pub(super) fn iso(y: i32, parts: &[u32]) -> String {
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let y = y.unsigned_abs();
    let mut s = String::with_capacity(4 + 3 * parts.len());
    s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]);
    for &n in parts {
        s.extend(['-', digit(n / 10), digit(n)]);
    }
    s
}

/// The precision of a mention left without a year: that of its parts, or
/// of its relative unit.
pub(super) fn unresolved_precision(a: &Atom) -> Precision {
    match (a.offset, a.start.month, a.start.day) {
        (Some((Unit::Month, _)), _, _) => Precision::Month,
        (Some((Unit::Year, _)), _, _) => Precision::Year,
        (Some(_), _, _) | (None, _, Some(_)) => Precision::Day,
        (None, Some(_), None) => Precision::Month,
        // A weekday (`วันจันทร์ที่ผ่านมา`).
        (None, None, None) => Precision::Day,
    }
}

pub(super) fn to_raw(a: Atom, anchor: Option<Anchor>) -> Option<RawDate> {
    let (value, precision, end_value, anchor) = if a.start.year.is_none() {
        (None, unresolved_precision(&a), None, None)
    } else {
        let (value, precision) = format(a.start)?;
        let end_value = match (a.end, a.open) {
            (_, true) => None,
            (Some(e), false) => Some(format(e)?.0),
            (None, false) => None,
        };
        (Some(value), precision, end_value, anchor)
    };
    let weekday_mismatch = match (a.weekday, a.start.date()) {
        (Some(wd), Some(d)) => d.weekday().number_from_monday() != wd,
        _ => false,
    };
    let offset = a.offset.map(|(unit, count)| DateOffset {
        unit: match unit {
            Unit::Day => DateUnit::Day,
            Unit::Week => DateUnit::Week,
            Unit::Month => DateUnit::Month,
            Unit::Year => DateUnit::Year,
        },
        count,
    });
    Some(RawDate {
        span: a.core,
        claim: a.span,
        value,
        end_value,
        precision,
        era: a.era,
        time: a.time,
        weekday_mismatch,
        month: a.written.0,
        day: a.written.1,
        offset,
        anchor,
    })
}
