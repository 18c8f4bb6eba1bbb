//! Buddhist-era and Gregorian years, and the Thai new-year rule.
//!
//! Used by the date extractor. Thai news writes years in the Buddhist era
//! (พ.ศ., BE). From 1 January 1941 (BE 2484) on, BE = CE + 543. Before that
//! the Thai year began on 1 April, so the months January to March belonged
//! to the BE year that had begun the previous April: for BE ≤ 2482, January
//! to March fall in CE = BE − 542, and April to December in CE = BE − 543.
//! BE 2483 was shortened to run from 1 April to 31 December 1940, so
//! 1 January – 31 March 2483 never existed.
//!
//! Source: the Act on the Calendar Year B.E. 2483 (พระราชบัญญัติปีปฏิทิน
//! พ.ศ. ๒๔๘๓), Royal Gazette vol. 57 (1940), which moved the start of the
//! year from 1 April to 1 January from BE 2484; see also
//! <https://th.wikipedia.org/wiki/ปีปฏิทิน_พ.ศ._๒๔๘๓> for the table of
//! equivalences.

use chrono::{Datelike, NaiveDate};

/// The first BE year that began on 1 January.
pub(crate) const FIRST_JANUARY_YEAR_BE: i32 = 2484;

/// The Gregorian year in which day `month` of BE year `be` falls.
///
/// Returns `None` for the months that never existed (January to March of
/// BE 2483).
///
/// ```text
/// gregorian_year(2567, 2)  == Some(2024)
/// gregorian_year(2484, 1)  == Some(1941)
/// gregorian_year(2483, 4)  == Some(1940)
/// gregorian_year(2483, 1)  == None
/// gregorian_year(2482, 1)  == Some(1940)   // January of BE 2482 is 1940
/// gregorian_year(2482, 4)  == Some(1939)
/// ```
pub(crate) fn gregorian_year(be: i32, month: u32) -> Option<i32> {
    if be >= FIRST_JANUARY_YEAR_BE || month >= 4 {
        return Some(be - 543);
    }
    if be == FIRST_JANUARY_YEAR_BE - 1 {
        return None;
    }
    Some(be - 542)
}

/// The BE year in which a Gregorian date falls.
pub(crate) fn buddhist_year(date: NaiveDate) -> i32 {
    let y = date.year();
    if y >= 1941 || date.month() >= 4 {
        y + 543
    } else {
        y + 542
    }
}

/// A BE date as a Gregorian date, or `None` where the day does not exist.
pub(crate) fn be_date(be: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(gregorian_year(be, month)?, month, day)
}

/// The first and last Gregorian months of Thai fiscal year `be`:
/// 1 October of the previous year to 30 September.
pub(crate) fn fiscal_year(be: i32) -> ((i32, u32), (i32, u32)) {
    let ce = be - 543;
    ((ce - 1, 10), (ce, 9))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn boundary_cases() {
        assert_eq!(be_date(2482, 4, 1), Some(d(1939, 4, 1)));
        assert_eq!(be_date(2482, 1, 1), Some(d(1940, 1, 1)));
        assert_eq!(be_date(2482, 3, 31), Some(d(1940, 3, 31)));
        assert_eq!(be_date(2483, 4, 1), Some(d(1940, 4, 1)));
        assert_eq!(be_date(2483, 12, 31), Some(d(1940, 12, 31)));
        assert_eq!(be_date(2483, 1, 1), None);
        assert_eq!(be_date(2483, 3, 31), None);
        assert_eq!(be_date(2484, 1, 1), Some(d(1941, 1, 1)));
        assert_eq!(be_date(2567, 2, 14), Some(d(2024, 2, 14)));
        assert_eq!(be_date(2567, 2, 30), None);
    }

    #[test]
    fn every_day_round_trips_1900_to_2100() {
        let mut day = d(1900, 1, 1);
        let last = d(2100, 12, 31);
        while day <= last {
            let be = buddhist_year(day);
            assert_eq!(be_date(be, day.month(), day.day()), Some(day), "{day} as BE {be}");
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn fiscal_year_2567() {
        assert_eq!(fiscal_year(2567), ((2023, 10), (2024, 9)));
    }
}
