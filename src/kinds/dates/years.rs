//! The parser, continued: years (fiscal, crop, ranges, lists), numeric dates and relative words.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{plain, Atom, AtomKind, Kind, Parser, Point, Role, Token, Unit};
use crate::calendar;
use crate::facts::Era;
use crate::thai::{self, is_thai_letter};

impl Parser<'_> {
    /// `year`: a year after ปี, พ.ศ., ค.ศ. or ปีงบประมาณ; crop years
    /// (`ปี 2562/63`), ranges (`ปี 2564-2566`), fiscal years, lists
    /// (`ปี 2560 และ 2561`).
    pub(super) fn parse_year(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let (from, gap) = self.gap_before(i);
        // Nearest first: an optional era, then one year word (`ปีงบประมาณ พ.ศ.`).
        let mut cues: Vec<(Role, usize)> = Vec::new();
        for (role, pos) in self.words.trailing(gap) {
            match role {
                Role::Be | Role::Ce if cues.is_empty() => cues.push((role, pos)),
                Role::Year | Role::Fiscal => {
                    cues.push((role, pos));
                    break;
                }
                _ => break,
            }
        }
        if cues.is_empty() {
            if let Some(r) = self.parse_bare_year_range(i) {
                return Some(r);
            }
        }
        let (named, fiscal, start) = if let Some(&(_, far)) = cues.last() {
            let named = cues.iter().find_map(|(r, _)| match r {
                Role::Be => Some(Era::Be),
                Role::Ce => Some(Era::Ce),
                _ => None,
            });
            // `8 ปี 12 เดือน`: ปี after a number is a duration.
            if named.is_none() && gap[..far].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            // พ.ศ. inside a longer abbreviation (ก.ค.ศ.) is not an era.
            if gap[..far].ends_with(|c: char| is_thai_letter(c) || c == '.') && cues.len() == 1 && named.is_some() {
                return None;
            }
            (named, cues.iter().any(|(r, _)| *r == Role::Fiscal), from + far)
        } else {
            // A year in a list: `ปี 2560 และ 2561`.
            let prev = self.atoms.last()?;
            let listed = prev.kind == AtomKind::Calendar
                && prev.start.month.is_none()
                && prev.end.is_none()
                && prev.era.is_some()
                && prev.span.end <= t.start;
            if !listed || self.words.whole(&self.text[prev.span.end..t.start]).as_deref() != Some(&[Role::And][..]) {
                return None;
            }
            (prev.era, false, t.start)
        };
        let s = &self.text[t.start..t.end];
        let mut next = i + 1;
        let mut atom;
        if let Some((a, b)) = s.split_once('/') {
            // A crop year: `2562/63`, `2559/2560`, `61/62`.
            let ta = Token { start: t.start, end: t.start + a.len(), kind: Kind::Num };
            let (ya, era) = self.read_year(&ta, named, true)?;
            let bv: i32 = b.parse().ok().filter(|_| b.len() == 2 || b.len() == 4)?;
            let yb = if b.len() == 2 { ya - ya.rem_euclid(100) + bv } else { bv };
            if yb != ya + 1 {
                return None;
            }
            let ce = |y| calendar::year_ce(y, era, None);
            atom = Atom::new(start..t.end, Point { year: ce(ya), month: None, day: None }, AtomKind::Span);
            atom.end = Some(Point { year: ce(yb), month: None, day: None });
            atom.era = Some(era);
        } else {
            let (y, era) = self.read_year(&t, named, named.is_some())?;
            let ce = calendar::year_ce(y, era, None)?;
            atom = Atom::new(start..t.end, Point { year: Some(ce), month: None, day: None }, AtomKind::Calendar);
            atom.era = Some(era);
            // A range of years: `2564-2566`, `60 –64`, `พ.ศ.2562 - 2565`.
            if let Some(u) = self.tok(i + 1) {
                if self.gap_is(i, &[Role::To, Role::Year, Role::Be, Role::Ce], Some(Role::To)) {
                    let len = plain(self.text, &t).map_or(0, |p| p.1);
                    // `2564-2566`, `60 -64`, and `2566-67` (the end in two digits).
                    let end = plain(self.text, u).filter(|p| p.1 == len || p.1 == 2).and_then(|(v, l)| {
                        let y2 = if l == 2 { y - y.rem_euclid(100) + v } else { v };
                        (y2 > y && y2 - y <= 50).then_some(y2)
                    });
                    if let Some(y2) = end {
                        atom.end = Some(Point { year: calendar::year_ce(y2, era, None), ..atom.start });
                        atom.span.end = u.end;
                        atom.core.end = u.end;
                        atom.kind = AtomKind::Span;
                        next = i + 2;
                    }
                }
            }
            if fiscal {
                // Thai fiscal year: 1 October of the previous year to 30 September.
                let last = atom.end.unwrap_or(atom.start).year?;
                atom.start = Point { year: Some(ce - 1), month: Some(10), day: None };
                atom.end = Some(Point { year: Some(last), month: Some(9), day: None });
                atom.kind = AtomKind::Span;
            }
        }
        // The mention starts at the era marker or the year, not at ปี.
        atom.core.start = match cues.first() {
            Some(&(Role::Be | Role::Ce, pos)) => from + pos,
            _ => t.start,
        };
        self.open_end(&mut atom);
        Some((atom, next))
    }

    /// A range of bare BE years, which says by itself that it is years:
    /// in parentheses (`แผน 5 ปี (2566-2570)`) or after ตั้งแต่ / ระหว่าง /
    /// ช่วง (`ช่วง 2563-2565`); both ends BE years ([`thai::BE_YEARS`]), at most 30 years apart.
    pub(super) fn parse_bare_year_range(&self, i: usize) -> Option<(Atom, usize)> {
        let (a, b) = (self.toks[i], *self.tok(i + 1)?);
        let (y1, y2) = match (plain(self.text, &a)?, plain(self.text, &b)?) {
            ((y1, 4), (y2, 4))
                if thai::BE_YEARS.contains(&y1) && thai::BE_YEARS.contains(&y2) && y1 < y2 && y2 - y1 <= 30 =>
            {
                (y1, y2)
            }
            _ => return None,
        };
        if !self.gap_is(i, &[Role::To], Some(Role::To)) {
            return None;
        }
        let before = self.gap_before(i).1;
        let parenthesised = before.ends_with('(') && self.text[b.end..].starts_with(')');
        let after_from = matches!(self.words.trailing(before).first(), Some((Role::From, _)));
        if !parenthesised && !after_from {
            return None;
        }
        let ce = |y| calendar::year_ce(y, Era::Be, None);
        let mut atom = Atom::new(a.start..b.end, Point { year: ce(y1), month: None, day: None }, AtomKind::Span);
        atom.end = Some(Point { year: ce(y2), month: None, day: None });
        atom.era = Some(Era::Be);
        Some((atom, i + 2))
    }

    /// A numeric date `14/02/2567` (not after ที่, which makes it a number).
    pub(super) fn parse_numeric(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let s = &self.text[t.start..t.end];
        let mut parts = s.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if d.len() > 2 || m.len() > 2 || y.len() != 4 {
            return None;
        }
        if matches!(self.words.trailing(self.gap_before(i).1).first(), Some((Role::The, _))) {
            return None;
        }
        let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
        let era = calendar::bare_year_era(y)?;
        let point = Point { year: Some(calendar::year_ce(y, era, Some(m))?), month: Some(m), day: Some(d) };
        point.date()?;
        let mut atom = Atom::new(t.start..t.end, point, AtomKind::Calendar);
        atom.era = Some(era);
        let next = self.attach_time(&mut atom, i + 1);
        Some((atom, next))
    }

    /// วันนี้, เมื่อวาน, ปีหน้า ...: only with a publication date, and not
    /// after a number (`3 ปีหน้า` is not a date).
    pub(super) fn parse_relative(&self, i: usize, unit: Unit, offset: i32) -> Option<(Atom, usize)> {
        if i > 0 && self.toks[i - 1].kind == Kind::Num && self.gap(i - 1).trim_matches(' ').is_empty() {
            return None;
        }
        let t = self.toks[i];
        let Some(p) = self.published else {
            return Some((Atom::unresolved(t.start..t.end, Some((unit, offset))), i + 1));
        };
        let point = |d: NaiveDate| Point { year: Some(d.year()), month: Some(d.month()), day: Some(d.day()) };
        let mut atom = match unit {
            Unit::Day => Atom::new(t.start..t.end, point(add_days(p, i64::from(offset))?), AtomKind::Relative),
            Unit::Week => {
                let monday = add_days(p, -i64::from(p.weekday().num_days_from_monday()) + 7 * i64::from(offset))?;
                let mut a = Atom::new(t.start..t.end, point(monday), AtomKind::Relative);
                a.end = Some(point(add_days(monday, 6)?));
                a
            }
            Unit::Month => {
                let first = p.with_day(1)?;
                let d = if offset >= 0 {
                    first.checked_add_months(Months::new(offset.unsigned_abs()))?
                } else {
                    first.checked_sub_months(Months::new(offset.unsigned_abs()))?
                };
                Atom::new(t.start..t.end, Point { day: None, ..point(d) }, AtomKind::Relative)
            }
            Unit::Year => Atom::new(
                t.start..t.end,
                Point { year: Some(p.year() + offset), month: None, day: None },
                AtomKind::Relative,
            ),
        };
        atom.era = None;
        atom.offset = Some((unit, offset));
        atom.written = (None, None);
        Some((atom, i + 1))
    }

    /// `เมื่อวันจันทร์ที่ผ่านมา` (the latest Monday before publication),
    /// `วันจันทร์นี้` (the next one from publication), `วันจันทร์หน้า` (the
    /// one of next week). Only with a publication date.
    pub(super) fn parse_relative_weekday(&self, i: usize, wd: u32) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let (role, end) = self.words.first(&self.text[t.end..])?;
        let Some(p) = self.published else {
            if !matches!(role, Role::Past | Role::This | Role::Next) {
                return None;
            }
            let span_end = if role == Role::Past { t.end + end } else { t.end };
            let mut a = Atom::unresolved(t.start..span_end, None);
            a.weekday = Some(wd);
            return Some((a, i + 1));
        };
        let today = p.weekday().number_from_monday() as i64;
        let wd = i64::from(wd);
        let date = match role {
            Role::Past => add_days(p, -((today - wd - 1).rem_euclid(7) + 1))?,
            Role::This => add_days(p, (wd - today).rem_euclid(7))?,
            Role::Next => add_days(p, 7 - today + wd)?,
            _ => return None,
        };
        let point = Point { year: Some(date.year()), month: Some(date.month()), day: Some(date.day()) };
        let span_end = if role == Role::Past { t.end + end } else { t.end };
        let mut a = Atom::new(t.start..span_end, point, AtomKind::Relative);
        a.written = (None, None);
        Some((a, i + 1))
    }
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}
