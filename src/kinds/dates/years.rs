//! The parser, continued: years (fiscal, crop, ranges, lists), numeric dates and relative words.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{plain, Atom, AtomKind, Kind, Parser, Point, Role, Token, Unit, BE_YEARS};
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
        for (role, pos) in self.words.trailing_iter(gap) {
            match role {
                Role::Be | Role::Ce if cues.is_empty() => cues.push((role, pos)),
                Role::Year | Role::Fiscal => {
                    cues.push((role, pos));
                    break;
                }
                // `ฟุตบอลโลก 2018`: a four-digit year closing an event's name.
                Role::Event if cues.is_empty() && plain(self.text, &t).is_some_and(|p| p.1 == 4) => {
                    cues.push((Role::Year, pos));
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
            let before = gap[..far].trim_end_matches(' ');
            // `8 ปี 12 เดือน`: a two-digit number after `N ปี` is a duration too.
            let after_number = before.is_empty()
                && i > 0
                && self.toks[i - 1].kind == Kind::Num
                && plain(self.text, &t).is_some_and(|p| p.1 == 2);
            if named.is_none() && (after_number || before.ends_with(|c: char| c.is_ascii_digit())) {
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
            // `ปี 62` is BE 2562; with an anchor it must fit it.
            let (y, era) = self.read_year(&t, named, named.is_some() || self.published.is_none())?;
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
        let after_from = matches!(self.words.last(before), Some((Role::From, _)));
        if !parenthesised && !after_from {
            return None;
        }
        let ce = |y| calendar::year_ce(y, Era::Be, None);
        let mut atom = Atom::new(a.start..b.end, Point { year: ce(y1), month: None, day: None }, AtomKind::Span);
        atom.end = Some(Point { year: ce(y2), month: None, day: None });
        atom.era = Some(Era::Be);
        Some((atom, i + 2))
    }

    /// A quarter or half of a year, as a range of months like a fiscal
    /// year: `ไตรมาส 3/2561` (July to September 2018), `ไตรมาสที่ 2 ปี 2562`,
    /// `ไตรมาสแรกของปี 2567`, `ครึ่งปีหลัง 2566`, `ไตรมาส 4/66`; without a year
    /// (`ไตรมาสแรกของปี`) it takes one as a year-less date does, and
    /// `ของปีนี้` / `ปีหน้า` after it count from the anchor. A quarter word
    /// whose number does not follow (`3 ไตรมาส`, `ไตรมาสละ`) is no date.
    pub(super) fn parse_part(&self, i: usize, months: u32, n: u32) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let parts = 12 / months;
        let (mut n, mut end, mut next) = (n, t.end, i + 1);
        let mut year = None;
        if n == 0 {
            let u = *self.tok(i + 1)?;
            if u.kind != Kind::Num || !matches!(self.gap(i), "" | " ") {
                return None;
            }
            let s = &self.text[u.start..u.end];
            let (q, y) = s.split_once('/').map_or((s, None), |(q, y)| (q, Some(y)));
            n = q.parse::<u32>().ok().filter(|&v| q.len() == 1 && (1..=parts).contains(&v))?;
            if let Some(y) = y {
                let ty = Token { start: u.end - y.len(), end: u.end, kind: Kind::Num };
                year = Some(self.read_year(&ty, None, true)?);
            }
            end = u.end;
            next = i + 2;
        }
        if n == 0 || n > parts {
            return None;
        }
        let mut relative = None;
        if year.is_none() {
            if let Some(u) = self.tok(next) {
                let roles = self.words.whole(&self.text[end..u.start]);
                let named = roles.as_deref().and_then(|r| {
                    r.iter().all(|r| matches!(r, Role::Of | Role::Year | Role::Be | Role::Ce)).then(|| {
                        r.iter().find_map(|r| match r {
                            Role::Be => Some(Era::Be),
                            Role::Ce => Some(Era::Ce),
                            _ => None,
                        })
                    })
                });
                match (u.kind, named) {
                    (Kind::Num, Some(named)) => {
                        if let Some(y) = self.read_year(u, named, named.is_some()) {
                            year = Some(y);
                            end = u.end;
                            next += 1;
                        }
                    }
                    (Kind::Relative(Unit::Year, off), Some(None)) => {
                        relative = Some(off);
                        end = u.end;
                        next += 1;
                    }
                    _ => {}
                }
            }
        }
        if year.is_none() && relative.is_none() {
            // `ไตรมาสแรกของปี`: the year is the one of the context.
            if let [(Role::Of, _), (Role::Year, e), ..] = self.words.leading(&self.text[end..]).as_slice() {
                end += e;
            }
        }
        let (first, last) = ((n - 1) * months + 1, n * months);
        let ce = |m| year.and_then(|(y, era)| calendar::year_ce(y, era, Some(m)));
        let mut kind = AtomKind::Span;
        let (mut y1, mut y2) = (ce(first), ce(last));
        if let Some(off) = relative {
            kind = AtomKind::Relative;
            let y = self.published.map(|p| p.year() + off);
            (y1, y2) = (y, y);
        }
        let mut atom = Atom::new(t.start..end, Point { year: y1, month: Some(first), day: None }, kind);
        atom.end = Some(Point { year: y2, month: Some(last), day: None });
        atom.era = year.map(|y| y.1);
        atom.written = (None, None);
        if year.is_none() && relative.is_none() {
            atom.marker = self.marker_after(end);
        }
        Some((atom, next))
    }

    /// A numeric date: day, month and year joined by `/` (`14/02/2567`,
    /// `28/06/61`) or by `-` without spaces (`26-6-61`, `21-02-2547`). The
    /// fields are day then month, as Thai writes them; month then day only
    /// where day-first is impossible (`3/15/2004`). The year has four digits
    /// (its era by [`calendar::bare_year_era`]) or two (see
    /// [`Parser::numeric_year`]). Not after ที่ (`เลขที่ 12/3/45`, a number),
    /// nor inside a longer run of digits, letters, `/` or `-` (a phone
    /// number, a code).
    pub(super) fn parse_numeric(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let s = &self.text[t.start..t.end];
        let (fields, last) = if s.contains('/') {
            let mut parts = s.split('/');
            ([parts.next()?, parts.next()?, parts.next()?], i)
        } else {
            // `26-6-61`: three digit tokens joined by single dashes.
            let (b, c) = (self.tok(i + 1)?, self.tok(i + 2)?);
            if self.gap(i) != "-" || self.gap(i + 1) != "-" || b.kind != Kind::Num || c.kind != Kind::Num {
                return None;
            }
            let f = |t: &Token| &self.text[t.start..t.end];
            ([s, f(b), f(c)], i + 2)
        };
        let [a, b, y] = fields;
        let short = |f: &str| (1..=2).contains(&f.len()) && f.bytes().all(|c| c.is_ascii_digit());
        if !short(a) || !short(b) || !matches!(y.len(), 2 | 4) || !y.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let end = self.toks[last].end;
        let glued =
            |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.' | ','));
        if glued(self.text[..t.start].chars().next_back())
            || glued(
                self.text[end..]
                    .chars()
                    .next()
                    .filter(|&c| c != '.' || self.text[end + 1..].starts_with(char::is_numeric)),
            )
        {
            return None;
        }
        if matches!(self.words.last(self.gap_before(i).1), Some((Role::The, _))) {
            return None;
        }
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        // Day first; month first only where the second field cannot be a month.
        let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        let (y, era) = self.numeric_year(y)?;
        let point = Point { year: Some(calendar::year_ce(y, era, Some(m))?), month: Some(m), day: Some(d) };
        point.date()?;
        let mut atom = Atom::new(t.start..end, point, AtomKind::Calendar);
        atom.era = Some(era);
        let next = self.attach_time(&mut atom, last + 1);
        Some((atom, next))
    }

    /// The year of a numeric date: four digits by
    /// [`calendar::bare_year_era`]; two digits BE (`61` is 2561) when that
    /// is within 30 years of the publication date or there is none, else
    /// CE when `20yy` is within two years of it (`30/06/18` in 2018).
    fn numeric_year(&self, y: &str) -> Option<(i32, Era)> {
        let v: i32 = y.parse().ok()?;
        if y.len() == 4 {
            return calendar::bare_year_era(v).map(|e| (v, e));
        }
        if calendar::two_digit_plausible(v, self.published, 30) {
            let be = calendar::two_digit_be(v, self.published);
            return BE_YEARS.contains(&be).then_some((be, Era::Be));
        }
        let p = self.published?;
        ((2000 + v - p.year()).abs() <= 2).then_some((2000 + v, Era::Ce))
    }

    /// วันนี้, เมื่อวาน, ปีหน้า ...: only with a publication date, and not
    /// after a number (`3 ปีหน้า` is not a date).
    pub(super) fn parse_relative(&self, i: usize, unit: Unit, offset: i32) -> Option<(Atom, usize)> {
        if i > 0 && self.toks[i - 1].kind == Kind::Num && self.gap(i - 1).trim_matches(' ').is_empty() {
            return None;
        }
        let t = self.toks[i];
        let core = t.start + preposition(&self.text[t.start..t.end]);
        let Some(p) = self.published else {
            let mut a = Atom::unresolved(t.start..t.end, Some((unit, offset)));
            a.core.start = core;
            return Some((a, i + 1));
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
        atom.core.start = core;
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

/// The length of a leading preposition เมื่อ or ใน of a relative word
/// (`เมื่อวานนี้`, `ในสัปดาห์ที่ผ่านมา`): not part of the date, unless the
/// rest is no word on its own (`เมื่อวาน`, `เมื่อคืน`).
fn preposition(phrase: &str) -> usize {
    for p in ["เมื่อ", "ใน"] {
        if let Some(rest) = phrase.strip_prefix(p) {
            return if matches!(rest, "วาน" | "วานซืน" | "คืน") { 0 } else { p.len() };
        }
    }
    0
}
