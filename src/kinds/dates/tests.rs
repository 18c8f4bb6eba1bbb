//! Unit tests of the date extractor.

use chrono::NaiveDate;

use super::tokens::numbers;
use super::*;
use crate::facts::{DateOffset, DateUnit, Precision};

proptest::proptest! {
    /// The hand-written ISO date is what `format!` writes.
    #[test]
    fn iso_is_the_formatted_date(y in 1000i32..=9999, m in 1u32..=12, d in 1u32..=31) {
        proptest::prop_assert_eq!(resolve::iso(y, &[m, d]), format!("{y:04}-{m:02}-{d:02}"));
        proptest::prop_assert_eq!(resolve::iso(y, &[m]), format!("{y:04}-{m:02}"));
        proptest::prop_assert_eq!(resolve::iso(y, &[]), format!("{y:04}"));
    }

    #[test]
    fn numbers_are_the_regex_matches(text in "[0-9,.:/ a]{0,24}") {
        let regex = regex::Regex::new(r"[0-9]+(?:,[0-9]{3})*(?:[.:][0-9]+)?(?:/[0-9]+){0,2}").unwrap();
        let want: Vec<Span> = regex.find_iter(&text).map(|m| m.range()).collect();
        proptest::prop_assert_eq!(numbers(&text, &crate::thai::digit_runs(text.as_bytes())).collect::<Vec<_>>(), want);
    }
}

#[test]
fn date_words_load() {
    let w = DateWords::load("date_words.tsv", include_str!("date_words.tsv")).unwrap();
    assert!(w.words.iter().any(|w| w.role == Role::Year));
    assert!(w.words.iter().filter(|w| matches!(w.role, Role::Month(_))).count() >= 12);
}

#[test]
fn date_words_errors_name_file_and_line() {
    let cases: &[(&str, &str)] = &[
        ("ปี\tyear\t1\n", "d.tsv:1: column 3 is \"1\", expected - for a role without a value"),
        ("ปี\tyears\t-\n", "d.tsv:1: column 2 is \"years\", expected a role of date_words.tsv (see its header)"),
        ("# c\nมค\tmonth\t13\n", "d.tsv:2: column 3 is \"13\", expected a month number from 1 to 12"),
        (
            "พุธ\tweekday\t8\n",
            "d.tsv:1: column 3 is \"8\", expected an ISO weekday number from 1 (Monday) to 7 (Sunday)",
        ),
        ("ปี\tyear\n", "d.tsv:1: expected 3 tab-separated columns, found 2"),
    ];
    for (text, want) in cases {
        assert_eq!(DateWords::load("d.tsv", text).unwrap_err().to_string(), *want, "{text:?}");
    }
}

/// (text, value) of every date in `text`, without a publication date.
/// Resolved dates only.
fn dates(text: &str) -> Vec<(String, String)> {
    let facts = crate::Extractor::default().extract(text);
    facts.dates.into_iter().filter_map(|d| Some((d.text, d.value?))).collect()
}

#[test]
fn without_publication_date() {
    // Year-less days and relative words need an anchor; without one they
    // are reported with their parts and no value.
    let facts = crate::Extractor::default().extract("เมื่อวันที่ 5 มี.ค. ที่ประชุม");
    let d = &facts.dates[0];
    assert_eq!((d.text.as_str(), d.value.as_deref(), d.month, d.day), ("5 มี.ค.", None, Some(3), Some(5)));
    assert_eq!((d.precision, d.anchor), (Precision::Day, None));
    let facts = crate::Extractor::default().extract("วันนี้ เมื่อวาน ปีหน้า เมื่อวันจันทร์ที่ผ่านมา สัปดาห์หน้า");
    let got: Vec<_> = facts.dates.iter().map(|d| (d.text.as_str(), d.value.is_none(), d.offset)).collect();
    let off = |unit, count| Some(DateOffset { unit, count });
    assert_eq!(
        got,
        [
            ("วันนี้", true, off(DateUnit::Day, 0)),
            ("เมื่อวาน", true, off(DateUnit::Day, -1)),
            ("ปีหน้า", true, off(DateUnit::Year, 1)),
            ("วันจันทร์ที่ผ่านมา", true, None),
            ("สัปดาห์หน้า", true, off(DateUnit::Week, 1)),
        ]
    );
    assert!(dates("วันนี้ เมื่อวาน ปีหน้า").is_empty());
    // ...unless the article gives the year.
    assert_eq!(
        dates("วันที่ 29 มกราคม 2561 ครม. 30 ม.ค. นี้"),
        [("29 มกราคม 2561".into(), "2018-01-29".into()), ("30 ม.ค.".into(), "2018-01-30".into())]
    );
    // A two-digit year needs the month right before it, or a publication date.
    assert_eq!(dates("วันที่ 28 ก.พ. 61"), [("28 ก.พ. 61".into(), "2018-02-28".into())]);
    assert_eq!(dates("ภายใน มีนาคม 63"), Vec::<(String, String)>::new());
    assert_eq!(dates("ในปี 2564"), [("2564".into(), "2021".into())]);
}

#[test]
fn spans_are_the_date_proper() {
    // The span runs from the day, month, era marker or year to the year
    // or the end of a range; a weekday, ปี and a time are left out
    // (the time is in `time`), and none of them is read as a number.
    for (text, want) in [
        ("ณ 14 ก.พ. 2567 เวลา 10.00 น. โดย", "14 ก.พ. 2567"),
        ("เวลา 10.00 น. ของวันที่ 14 ก.พ. 2567 โดย", "14 ก.พ. 2567"),
        ("ในวันพุธที่ 14 ก.พ. 2567 โดย", "14 ก.พ. 2567"),
        ("ตั้งแต่ปี ๒๕๖๔ จนถึงปัจจุบัน พบ", "๒๕๖๔ จนถึงปัจจุบัน"),
        ("ปีงบประมาณ พ.ศ.2560 ขอให้", "พ.ศ.2560"),
        ("ในปี 2564-2566 ขอให้", "2564-2566"),
        ("(๑ ตุลาคม ๒๕๖๐ - ๓๑ กรกฎาคม ๒๕๖๑)", "๑ ตุลาคม ๒๕๖๐ - ๓๑ กรกฎาคม ๒๕๖๑"),
    ] {
        let facts = crate::extract(text);
        assert_eq!(facts.dates.len(), 1, "{text}");
        assert!(facts.numbers.is_empty(), "{text}: {:?}", facts.numbers);
        let d = &facts.dates[0];
        assert_eq!(&text[d.start..d.end], want);
    }
    let facts = crate::extract("ณ 14 ก.พ. 2567 เวลา 10.00 น. โดย");
    assert_eq!(facts.dates[0].time.as_deref(), Some("10:00"));
}

#[test]
fn the_day_that_never_existed_is_not_reported() {
    // 1 January 2483 BE: the year 2483 began on 1 April (see calendar.rs).
    assert!(dates("1 มกราคม 2483").is_empty());
    let published = NaiveDate::from_ymd_opt(2024, 2, 14);
    assert!(crate::Extractor::default().extract_with("1 มกราคม 2483", published).dates.is_empty());
    assert_eq!(dates("1 เมษายน 2483"), [("1 เมษายน 2483".into(), "1940-04-01".into())]);
}

#[test]
fn words_around_a_token() {
    let w = &*DATE_WORDS;
    assert_eq!(w.last("ในปี ").map(|x| x.0), Some(Role::Year));
    assert_eq!(w.last("ปีงบประมาณ ").map(|x| x.0), Some(Role::Fiscal));
    assert_eq!(w.trailing("ปีงบประมาณ พ.ศ.").iter().map(|x| x.0).collect::<Vec<_>>(), [Role::Be, Role::Fiscal]);
    assert_eq!(w.whole(" จนถึงวันที่ ").as_deref(), Some(&[Role::To, Role::Day][..]));
    assert!(w.whole(" ซึ่ง ").is_none());
    assert_eq!(w.first("ที่ผ่านมา").map(|x| x.0), Some(Role::Past));
    assert_eq!(w.first("ที่ 5").map(|x| x.0), Some(Role::The));
}

#[test]
fn plain_digits_are_the_parsed_number() {
    let text: String = (0..10_000).flat_map(|n| [format!("{n} "), format!("{n:04} ")]).collect();
    let mut at = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let start = text[at..].find(word).unwrap() + at;
        at = start + word.len();
        let t = Token { start, end: at, kind: Kind::Num };
        assert_eq!(plain(&text, &t), Some((word.parse().unwrap(), word.len())), "{word}");
    }
}
