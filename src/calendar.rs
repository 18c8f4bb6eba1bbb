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

use crate::facts::Era;

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
/// (The date extractor converts through [`year_ce`]; this whole-date form
/// is what the exhaustive round-trip test checks against.)
#[cfg(test)]
pub(crate) fn be_date(be: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(gregorian_year(be, month)?, month, day)
}

/// The Gregorian year of a year written `year` in `era`, for a date in
/// `month` when the text gives one.
///
/// A BE year with a month follows [`gregorian_year`] (the 1 April new year
/// before BE 2484). A BE year alone is `year − 543`: the BE year that began
/// in April of that Gregorian year, so `พ.ศ. 2482` is 1939. Returns `None`
/// for January to March of BE 2483, which never existed.
///
/// ```text
/// year_ce(2567, Era::Be, Some(2)) == Some(2024)
/// year_ce(2482, Era::Be, Some(1)) == Some(1940)
/// year_ce(2482, Era::Be, None)    == Some(1939)
/// year_ce(2024, Era::Ce, Some(2)) == Some(2024)
/// ```
pub(crate) fn year_ce(year: i32, era: Era, month: Option<u32>) -> Option<i32> {
    match (era, month) {
        (Era::Ce, _) => Some(year),
        (Era::Be, Some(m)) => gregorian_year(year, m),
        (Era::Be, None) => Some(year - 543),
    }
}

/// The era a four-digit year written without พ.ศ. or ค.ศ. belongs to:
/// 2400–2700 is BE (Gregorian 1857–2157), 1800–2200 is CE; anything else is
/// not a year of news text.
///
/// ```text
/// bare_year_era(2567) == Some(Era::Be)
/// bare_year_era(2024) == Some(Era::Ce)
/// bare_year_era(3000) == None
/// ```
pub(crate) fn bare_year_era(year: i32) -> Option<Era> {
    if crate::thai::BE_YEARS.contains(&year) {
        Some(Era::Be)
    } else if crate::thai::CE_YEARS.contains(&year) {
        Some(Era::Ce)
    } else {
        None
    }
}

/// The BE year a two-digit year `yy` (0–99) stands for: the year ending in
/// `yy` nearest to the BE year of `published`, or `25yy` without a
/// publication date (Thai news writes `ปี 67` for BE 2567).
///
/// ```text
/// two_digit_be(67, None)             == 2567
/// two_digit_be(61, Some(2018-03-01)) == 2561
/// two_digit_be(2,  Some(2099-01-01)) == 2602   // 2642 is BE; 2602 is nearer than 2702
/// ```
pub(crate) fn two_digit_be(yy: i32, published: Option<NaiveDate>) -> i32 {
    let Some(p) = published else {
        return 2500 + yy;
    };
    let reference = buddhist_year(p);
    let base = reference - reference.rem_euclid(100) + yy;
    [base - 100, base, base + 100].into_iter().min_by_key(|y| (y - reference).abs()).unwrap_or(base)
}

/// Whether the two-digit year `yy` read with [`two_digit_be`] is within
/// `window` years of the publication year (always true without one).
pub(crate) fn two_digit_plausible(yy: i32, published: Option<NaiveDate>, window: i32) -> bool {
    match published {
        Some(p) => (two_digit_be(yy, published) - buddhist_year(p)).abs() <= window,
        None => true,
    }
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
    fn years_by_era_and_month() {
        assert_eq!(year_ce(2567, Era::Be, Some(2)), Some(2024));
        assert_eq!(year_ce(2567, Era::Be, None), Some(2024));
        // Both sides of the 1941 boundary, with and without a month.
        assert_eq!(year_ce(2482, Era::Be, Some(1)), Some(1940));
        assert_eq!(year_ce(2482, Era::Be, Some(4)), Some(1939));
        assert_eq!(year_ce(2482, Era::Be, None), Some(1939));
        assert_eq!(year_ce(2483, Era::Be, Some(3)), None);
        assert_eq!(year_ce(2483, Era::Be, Some(12)), Some(1940));
        assert_eq!(year_ce(2484, Era::Be, Some(1)), Some(1941));
        assert_eq!(year_ce(2024, Era::Ce, Some(1)), Some(2024));
        assert_eq!(year_ce(1939, Era::Ce, None), Some(1939));
    }

    #[test]
    fn bare_years_by_range() {
        assert_eq!(bare_year_era(2400), Some(Era::Be));
        assert_eq!(bare_year_era(2567), Some(Era::Be));
        assert_eq!(bare_year_era(2700), Some(Era::Be));
        assert_eq!(bare_year_era(2701), None);
        assert_eq!(bare_year_era(2024), Some(Era::Ce));
        assert_eq!(bare_year_era(1800), Some(Era::Ce));
        assert_eq!(bare_year_era(1799), None);
        assert_eq!(bare_year_era(2300), None);
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(two_digit_be(67, None), 2567);
        assert_eq!(two_digit_be(61, Some(d(2018, 3, 1))), 2561);
        assert_eq!(two_digit_be(99, Some(d(2057, 3, 1))), 2599);
        assert_eq!(two_digit_be(1, Some(d(2057, 3, 1))), 2601);
        assert_eq!(two_digit_be(2, Some(d(2099, 1, 1))), 2602);
        assert!(two_digit_plausible(63, Some(d(2019, 12, 26)), 15));
        assert!(!two_digit_plausible(30, Some(d(2019, 12, 26)), 15));
        assert!(two_digit_plausible(30, None, 15));
    }
}
