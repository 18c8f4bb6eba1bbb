//! The parser over tokens: days, months, times and the small words between tokens.

use chrono::{Datelike, Months, NaiveDate};

use super::{day_number, plain, time_of, Atom, AtomKind, Kind, Marker, Parser, Point, Role, Token, BE_YEARS};
use crate::calendar;
use crate::facts::Era;
use crate::thai::is_thai_letter;

impl Parser<'_> {
    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text between token `i` and token `i + 1`.
    pub(super) fn gap(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end..b.start],
            _ => "",
        }
    }

    /// The text before token `i` back to the previous token.
    pub(super) fn gap_before(&self, i: usize) -> (usize, &str) {
        let from = if i == 0 { 0 } else { self.toks[i - 1].end };
        (from, &self.text[from..self.toks[i].start])
    }

    /// Whether the gap after token `i` holds only date words of `allowed`
    /// and at least one of `required` (when given).
    pub(super) fn gap_is(&self, i: usize, allowed: &[Role], required: Option<Role>) -> bool {
        match self.words.whole(self.gap(i)) {
            Some(roles) => roles.iter().all(|r| allowed.contains(r)) && required.is_none_or(|q| roles.contains(&q)),
            None => false,
        }
    }

    pub(super) fn is_month(&self, i: usize) -> Option<(u32, bool)> {
        match self.tok(i)?.kind {
            Kind::Month { month, abbr } if self.month_ok(i) => Some((month, abbr)),
            _ => None,
        }
    }

    /// An abbreviated month is not part of a longer abbreviation: no Thai
    /// letter or dot right before it (`อ.ก.พ.`), no `ศ.` right after it
    /// (`ก.ค.ศ.`), and no Thai letter after a form without its final dot.
    pub(super) fn month_ok(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let Kind::Month { abbr: true, .. } = t.kind else { return true };
        let after = &self.text[t.end..];
        match self.text[..t.start].chars().next_back() {
            Some('.') => return false,
            // `คาดเสร็จก.พ. 62`, `เดือนต.ค.นี้`: a dotted form glued after a
            // word counts when a year, นี้ or ที่ผ่านมา follows it.
            Some(c) if is_thai_letter(c) => {
                let dotted = self.text[t.start..t.end].contains('.');
                let year = after.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit());
                let marker = matches!(self.words.first(after), Some((Role::This | Role::Past, _)));
                if !(dotted && (year || marker)) {
                    return false;
                }
            }
            _ => {}
        }
        let mut cs = after.chars();
        match (cs.next(), cs.next()) {
            (Some(c), Some('.')) if is_thai_letter(c) => false,
            (Some(c), _) if is_thai_letter(c) && !self.text[..t.end].ends_with('.') => {
                matches!(self.words.first(after), Some((Role::This | Role::Past, _)))
            }
            _ => true,
        }
    }

    pub(super) fn parse_at(&mut self, i: usize) -> Option<(Atom, usize)> {
        let t = *self.tok(i)?;
        match t.kind {
            Kind::Num => {
                if day_number(self.text, &t).is_some() {
                    if let Some(r) = self.parse_day(i, None).or_else(|| self.parse_day_only(i)) {
                        return Some(r);
                    }
                }
                self.parse_year(i).or_else(|| self.parse_numeric(i))
            }
            Kind::Month { .. } => self.parse_month(i),
            Kind::Weekday(wd) => {
                if self.tok(i + 1).is_some_and(|n| day_number(self.text, n).is_some())
                    && self.gap_is(i, &[Role::The], None)
                {
                    if let Some(r) = self.parse_day(i + 1, Some((wd, t.start))) {
                        return Some(r);
                    }
                }
                self.parse_relative_weekday(i, wd)
            }
            Kind::Relative(unit, offset) => self.parse_relative(i, unit, offset),
            Kind::Part { months, n } => self.parse_part(i, months, n),
        }
    }

    /// The year after month token `mi`: `(Gregorian year, era, index after,
    /// end of the year)`, for the month `month`.
    pub(super) fn year_after(&self, mi: usize, month: u32, day: bool) -> Option<(i32, Era, usize, usize)> {
        let j = mi + 1;
        let t = self.tok(j)?;
        let gap = self.gap(mi);
        let roles = self.words.whole(gap)?;
        if !roles.iter().all(|r| matches!(r, Role::Be | Role::Ce | Role::Year)) {
            return None;
        }
        let named = roles.iter().find_map(|r| match r {
            Role::Be => Some(Era::Be),
            Role::Ce => Some(Era::Ce),
            _ => None,
        });
        // A two-digit year right after the month or its dot is written as a
        // year (ก.พ.67, ก.พ. 67); after a full name and a space it must fit
        // the publication date, or, with none, follow a day
        // (`24 กุมภาพันธ์ 62`; `มีนาคม 30 ราย` is a count).
        let close = gap.is_empty()
            || self.text[..self.toks[mi].end].ends_with('.')
            || named.is_some()
            || (day && self.published.is_none());
        let (year, era) = self.read_year(t, named, close)?;
        Some((calendar::year_ce(year, era, Some(month))?, era, j + 1, t.end))
    }

    /// Whether month token `mi` is followed by a year in which that month
    /// never existed (January to March of BE 2483): not a date at all,
    /// rather than a year-less one.
    pub(super) fn never_existed(&self, mi: usize, month: u32) -> bool {
        let Some(t) = self.tok(mi + 1) else { return false };
        let named = match self.words.whole(self.gap(mi)).as_deref() {
            Some([] | [Role::Be]) => Some(Era::Be),
            _ => return false,
        };
        self.read_year(t, named, true).is_some_and(|(y, era)| calendar::year_ce(y, era, Some(month)).is_none())
    }

    /// A written year: four digits by era or range, two digits as BE.
    pub(super) fn read_year(&self, t: &Token, named: Option<Era>, close: bool) -> Option<(i32, Era)> {
        let (v, len) = plain(self.text, t)?;
        match (len, named) {
            (4, Some(Era::Be)) if BE_YEARS.contains(&v) => Some((v, Era::Be)),
            (4, Some(Era::Ce)) if (1000..=2300).contains(&v) => Some((v, Era::Ce)),
            (4, None) => calendar::bare_year_era(v).map(|e| (v, e)),
            (2, None | Some(Era::Be)) => {
                let window = if close { 30 } else { 15 };
                let ok =
                    calendar::two_digit_plausible(v, self.published, window) && (close || self.published.is_some());
                // In the window of four-digit BE years too, whatever the
                // publication date (พ.ศ.43 published in 1015 CE).
                let year = calendar::two_digit_be(v, self.published);
                (ok && BE_YEARS.contains(&year)).then_some((year, Era::Be))
            }
            _ => None,
        }
    }

    /// `day`: `[weekday] day [- day] month [year]`.
    pub(super) fn parse_day(&self, i: usize, weekday: Option<(u32, usize)>) -> Option<(Atom, usize)> {
        let d = day_number(self.text, self.tok(i)?)?;
        let (d2, mi) = match self.tok(i + 1)?.kind {
            Kind::Num => {
                let d2 = day_number(self.text, self.tok(i + 1)?)?;
                let ok = self.gap_is(i, &[Role::To, Role::Day], Some(Role::To))
                    && self.is_month(i + 2).is_some()
                    && matches!(self.gap(i + 1), "" | " ")
                    && d2 > d;
                if !ok {
                    return None;
                }
                (Some(d2), i + 2)
            }
            Kind::Month { .. }
                if matches!(self.gap(i), "" | " ") || self.gap_is(i, &[Role::MonthWord], Some(Role::MonthWord)) =>
            {
                (None, i + 1)
            }
            _ => return None,
        };
        let (month, _) = self.is_month(mi)?;
        let weekday = weekday.or_else(|| self.bare_weekday(i));
        let start = weekday.map_or(self.toks[i].start, |w| w.1);
        let mut atom = Atom::new(
            start..self.toks[mi].end,
            Point { year: None, month: Some(month), day: Some(d) },
            AtomKind::Calendar,
        );
        atom.core.start = self.toks[i].start;
        atom.weekday = weekday.map(|w| w.0);
        let mut next = mi + 1;
        if self.never_existed(mi, month) {
            return None;
        }
        if let Some((year, era, after, end)) = self.year_after(mi, month, true) {
            atom.start.year = Some(year);
            atom.era = Some(era);
            atom.start.date()?;
            atom.span.end = end;
            atom.core.end = end;
            next = after;
        } else {
            atom.marker = self.marker_after(atom.span.end);
            NaiveDate::from_ymd_opt(2000, month, d)?;
        }
        if let Some(d2) = d2 {
            let end = Point { day: Some(d2), ..atom.start };
            if end.year.is_some() {
                end.date()?;
            }
            atom.end = Some(end);
        }
        let next = self.attach_time(&mut atom, next);
        if atom.time.is_none() {
            let first = if i > 0 && self.toks[i - 1].start == start { i - 1 } else { i };
            if let Some((time, from)) = self.time_before(first, start) {
                atom.time = Some(time);
                atom.span.start = from;
            }
        }
        self.open_end(&mut atom);
        Some((atom, next))
    }

    /// `เวลา 10.00 น. ของวันที่` / `เวลา 10.00 น. วันที่` before a date whose
    /// first token is `first`, starting at `start`: the time and where
    /// `เวลา` starts.
    pub(super) fn time_before(&self, first: usize, start: usize) -> Option<(String, usize)> {
        let t = *self.tok(first.checked_sub(1)?)?;
        let gap = &self.text[t.end..start];
        let words = self.words.trailing(gap);
        let at = words.iter().position(|(r, _)| !matches!(r, Role::Day | Role::Of | Role::The))?;
        let (Role::TimeSuffix, pos) = words[at] else { return None };
        if !gap[..pos].trim_matches(' ').is_empty() {
            return None;
        }
        let time = time_of(self.text, &t)?;
        let (from, before) = self.gap_before(first - 1);
        let cue = self.words.trailing(before);
        let lead = match cue.as_slice() {
            [(Role::Time, p), ..] | [(Role::About, _), (Role::Time, p), ..] => from + p,
            _ => return None,
        };
        // The time may already belong to the date before it.
        if self.atoms.last().is_some_and(|a| a.span.end > lead) {
            return None;
        }
        Some((time, lead))
    }

    /// `วันที่ 13 ที่ผ่านมา` / `วันที่ 20 นี้`: a day of the publication month
    /// (or, with ที่ผ่านมา, of the month before when that day is still to
    /// come). Only with a publication date.
    pub(super) fn parse_day_only(&self, i: usize) -> Option<(Atom, usize)> {
        let t = self.toks[i];
        let d = day_number(self.text, &t)?;
        if !matches!(self.words.last(self.gap_before(i).1), Some((Role::Day, _))) {
            return None;
        }
        let Some(p) = self.published else {
            if self.marker_after(t.end) == Marker::None {
                return None;
            }
            let mut a = Atom::unresolved(t.start..t.end, None);
            a.written = (None, Some(d));
            a.start.day = Some(d);
            return Some((a, i + 1));
        };
        let first = p.with_day(1)?;
        let month = match self.marker_after(t.end) {
            Marker::Past if d > p.day() => first.checked_sub_months(Months::new(1))?,
            Marker::Past | Marker::This => first,
            Marker::None => return None,
        };
        let date = month.with_day(d)?;
        let point = Point { year: Some(date.year()), month: Some(date.month()), day: Some(d) };
        let mut a = Atom::new(t.start..t.end, point, AtomKind::Relative);
        a.written = (None, Some(d));
        Some((a, i + 1))
    }

    /// A bare weekday name (พุธ) before day token `i`, with an optional ที่.
    pub(super) fn bare_weekday(&self, i: usize) -> Option<(u32, usize)> {
        let (from, gap) = self.gap_before(i);
        let mut it = self.words.trailing_iter(gap).peekable();
        if matches!(it.peek(), Some((Role::The, _))) {
            it.next();
        }
        match it.next() {
            Some((Role::Weekday(wd), pos)) => Some((wd, from + pos)),
            _ => None,
        }
    }

    /// นี้ or ที่ผ่านมา right after `end`.
    pub(super) fn marker_after(&self, end: usize) -> Marker {
        match self.words.first(&self.text[end..]) {
            Some((Role::This, _)) => Marker::This,
            Some((Role::Past, _)) => Marker::Past,
            _ => Marker::None,
        }
    }

    /// `เวลา 09.30 น.` or `เวลา 09.00-12.00 น.` after the atom, starting at
    /// token `next`: fills `time`, extends the span, returns the index after.
    pub(super) fn attach_time(&self, atom: &mut Atom, next: usize) -> usize {
        let Some(t) = self.tok(next) else { return next };
        let gap = &self.text[atom.span.end..t.start];
        let roles = self.words.whole(gap);
        let roles = match roles.as_deref() {
            Some([Role::This | Role::Past, rest @ ..]) => rest,
            Some(all) => all,
            None => return next,
        };
        if !matches!(roles, [Role::Time] | [Role::Time, Role::About]) {
            return next;
        }
        let Some(from) = time_of(self.text, t) else { return next };
        let mut last = next;
        let mut time = from;
        if let Some(u) = self.tok(next + 1) {
            if self.gap_is(next, &[Role::To], Some(Role::To)) {
                if let Some(to) = time_of(self.text, u) {
                    time = format!("{time}-{to}");
                    last = next + 1;
                }
            }
        }
        let after = self.toks[last].end;
        match self.words.first(&self.text[after..]) {
            Some((Role::TimeSuffix, end)) => {
                atom.time = Some(time);
                atom.span.end = after + end;
                last + 1
            }
            _ => next,
        }
    }

    /// `ถึงปัจจุบัน` / `จนถึงปัจจุบัน` after the atom: an open range.
    pub(super) fn open_end(&self, atom: &mut Atom) {
        let words = self.words.leading(&self.text[atom.span.end..]);
        let mut to = false;
        for (role, end) in words {
            match role {
                Role::To => to = true,
                Role::Present if to => {
                    atom.open = true;
                    atom.span.end += end;
                    atom.core.end = atom.span.end;
                    return;
                }
                _ => return,
            }
        }
    }

    /// `month`: `month [- month] [year]`, a month without a year only after
    /// เดือน, before นี้ / ที่ผ่านมา, or in a range of full names.
    pub(super) fn parse_month(&self, i: usize) -> Option<(Atom, usize)> {
        let (m1, abbr1) = self.is_month(i)?;
        let start = self.toks[i].start;
        let after_month_word = matches!(self.words.last(self.gap_before(i).1), Some((Role::MonthWord, _)));
        if let Some((m2, abbr2)) = self.is_month(i + 1) {
            if self.gap_is(i, &[Role::To, Role::MonthWord], Some(Role::To)) {
                let mut atom = Atom::new(
                    start..self.toks[i + 1].end,
                    Point { year: None, month: Some(m1), day: None },
                    AtomKind::Calendar,
                );
                let mut end = Point { year: None, month: Some(m2), day: None };
                let mut next = i + 2;
                if let Some((year, era, after, span_end)) = self.year_after(i + 1, m2, false) {
                    end.year = Some(year);
                    atom.start.year = Some(if m1 > m2 { year - 1 } else { year });
                    atom.era = Some(era);
                    atom.span.end = span_end;
                    atom.core.end = span_end;
                    next = after;
                } else if (abbr1 || abbr2) && !after_month_word {
                    return None;
                } else {
                    atom.marker = self.marker_after(atom.span.end);
                }
                atom.end = Some(end);
                self.open_end(&mut atom);
                return Some((atom, next));
            }
        }
        let mut atom =
            Atom::new(start..self.toks[i].end, Point { year: None, month: Some(m1), day: None }, AtomKind::Calendar);
        let mut next = i + 1;
        if let Some((year, era, after, span_end)) = self.year_after(i, m1, false) {
            atom.start.year = Some(year);
            atom.era = Some(era);
            atom.span.end = span_end;
            atom.core.end = span_end;
            next = after;
        } else {
            atom.marker = self.marker_after(atom.span.end);
            if !after_month_word && atom.marker == Marker::None {
                return None;
            }
        }
        self.open_end(&mut atom);
        Some((atom, next))
    }
}
