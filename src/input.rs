//! Reading input for the command-line tool and other pipelines: a whole
//! article from bytes, a JSON Lines record, and a publication date.
//!
//! These sit before the pipeline: they turn bytes into the `&str` that
//! [`crate::extract`] takes, with typed errors ([`InputError`],
//! [`RecordError`], [`PublishedError`]) that say where the input went wrong.
//!
//! A publication date is read by one parser, [`parse_published`], wherever
//! it comes from: the command-line flag, a JSON Lines record,
//! [`crate::ExtractorBuilder::published_str`] and the Python binding. It
//! takes an ISO Gregorian date (exactly `YYYY-MM-DD` in ASCII digits) or any
//! single full date the date extractor reads (`14 ก.พ. 2567`,
//! `วันพุธที่ 14 กุมภาพันธ์ 2567`, `14/02/2567`), and refuses an ISO year of
//! 2400 or later, which is a Buddhist-era year written as if Gregorian:
//! anchoring year-less dates 543 years late would silently drop or misdate
//! them.

use chrono::{Datelike, NaiveDate};

use crate::error::{InputError, RecordError};

/// The first year [`parse_published`] takes for a Buddhist-era year.
///
/// Thai news of the Gregorian years 1857 onwards is written in BE 2400
/// onwards, and no Gregorian publication date of a news article reaches 2400.
pub const FIRST_BE_LOOKING_YEAR: i32 = 2400;

/// A publication date was rejected by [`parse_published`] or
/// [`check_published`].
///
/// # Example
///
/// ```
/// let err = thaifacts::parse_published("2567-02-14").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "expected a Gregorian date, but found \"2567-02-14\", whose year looks like a Buddhist-era year: \
///      the Gregorian date is 2024-02-14",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PublishedError {
    /// Neither ten ASCII characters `YYYY-MM-DD` (spaces, a sign, one-digit
    /// months, other digits) nor a single Thai date with day, month and
    /// year.
    #[error("expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found {found:?}")]
    Shape {
        /// The text as given.
        found: String,
    },
    /// The right shape, but no such day (`2024-02-30`, `2024-13-01`).
    #[error("expected a calendar date, but found {found:?}")]
    NotADate {
        /// The text as given.
        found: String,
    },
    /// A year of [`FIRST_BE_LOOKING_YEAR`] or later: a Buddhist-era year.
    #[error(
        "expected a Gregorian date, but found {found:?}, whose year looks like a Buddhist-era year{}",
        be_tail(gregorian)
    )]
    BuddhistEra {
        /// The date as given (`YYYY-MM-DD`).
        found: String,
        /// The Gregorian date meant, reading the year as BE (year − 543;
        /// before BE 2484, January to March are year − 542), when that day
        /// exists.
        gregorian: Option<NaiveDate>,
    },
}

/// Parses a publication date: exactly `YYYY-MM-DD` in ASCII digits, a real
/// calendar day, and a year before [`FIRST_BE_LOOKING_YEAR`]; or else one
/// full date, day, month and year, as the date extractor reads it in Thai
/// text (`14 ก.พ. 2567`, `๑๔ กุมภาพันธ์ ๒๕๖๗`, `วันที่ 14 ก.พ. 67`,
/// `14/02/2567`), with nothing around it but spaces and date words: its
/// era is read as in an article (BE for 2567, CE for 2024).
///
/// This is the one parser of publication dates: the command-line flag
/// `--published`, the `published` field of JSON Lines records,
/// [`crate::ExtractorBuilder::published_str`] and the Python binding all use
/// it, so one string is accepted or refused the same way everywhere.
///
/// # Errors
///
/// - [`PublishedError::Shape`]: neither `YYYY-MM-DD` nor a Thai date
///   (`"2024-2-1"`, `"+2024-02-14"`, `"2024-02-14T00:00"`, `"14 ก.พ."`
///   without a year, `"เมื่อวานนี้"`);
/// - [`PublishedError::NotADate`]: no such day (`"2024-02-30"`);
/// - [`PublishedError::BuddhistEra`]: the year is 2400 or later; the error
///   carries the Gregorian date meant.
///
/// # Example
///
/// ```
/// let day = thaifacts::parse_published("2024-02-14").unwrap();
/// assert_eq!(day, chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap());
/// assert!(thaifacts::parse_published("2024-2-14").is_err());
/// assert_eq!(thaifacts::parse_published("14 ก.พ. 2567").unwrap(), day);
/// let err = thaifacts::parse_published("2567-02-14").unwrap_err();
/// assert!(err.to_string().ends_with("the Gregorian date is 2024-02-14"));
/// ```
pub fn parse_published(s: &str) -> Result<NaiveDate, PublishedError> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return crate::kinds::dates::single_day(s).ok_or_else(|| PublishedError::Shape { found: s.to_string() });
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (year, month, day) = (num(0..4) as i32, num(5..7), num(8..10));
    if year >= FIRST_BE_LOOKING_YEAR {
        return Err(be_error(s.to_string(), year, month, day));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| PublishedError::NotADate { found: s.to_string() })
}

/// Applies [`parse_published`]'s Buddhist-era guard to a date that is
/// already a date (a `chrono::NaiveDate`, a Python `datetime.date`).
///
/// # Errors
///
/// [`PublishedError::BuddhistEra`] when the year is 2400 or later.
///
/// # Example
///
/// ```
/// let be = chrono::NaiveDate::from_ymd_opt(2567, 2, 14).unwrap();
/// assert!(thaifacts::check_published(be).is_err());
/// let ce = chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap();
/// assert_eq!(thaifacts::check_published(ce), Ok(ce));
/// ```
pub fn check_published(date: NaiveDate) -> Result<NaiveDate, PublishedError> {
    if date.year() >= FIRST_BE_LOOKING_YEAR {
        return Err(be_error(date.format("%Y-%m-%d").to_string(), date.year(), date.month(), date.day()));
    }
    Ok(date)
}

/// The end of [`PublishedError::BuddhistEra`]'s message.
fn be_tail(gregorian: &Option<NaiveDate>) -> String {
    match gregorian {
        Some(d) => format!(": the Gregorian date is {d}"),
        None => ", but no such Buddhist-era day exists".to_string(),
    }
}

fn be_error(found: String, be: i32, month: u32, day: u32) -> PublishedError {
    let gregorian = crate::calendar::gregorian_year(be, month).and_then(|y| NaiveDate::from_ymd_opt(y, month, day));
    PublishedError::BuddhistEra { found, gregorian }
}

impl crate::ExtractorBuilder {
    /// Sets the publication date from its text, read by
    /// [`parse_published`]: the same rules as the command-line flag and
    /// JSON Lines records. See [`crate::ExtractorBuilder::published`] for
    /// what the date anchors.
    ///
    /// # Errors
    ///
    /// The [`PublishedError`] of [`parse_published`].
    ///
    /// # Example
    ///
    /// ```
    /// let e = thaifacts::Extractor::builder().published_str("2024-02-14").unwrap().build().unwrap();
    /// assert_eq!(e.published().unwrap().to_string(), "2024-02-14");
    /// assert!(thaifacts::Extractor::builder().published_str("2567-02-14").is_err());
    /// ```
    pub fn published_str(self, published: &str) -> Result<Self, PublishedError> {
        Ok(self.published(parse_published(published)?))
    }
}

/// Turns the bytes of one article into text.
///
/// # Errors
///
/// [`InputError::Utf8`] with the byte offset of the first invalid byte.
///
/// # Example
///
/// ```
/// assert_eq!(thaifacts::read_article("ขอนแก่น".as_bytes().to_vec()).unwrap(), "ขอนแก่น");
/// ```
pub fn read_article(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::Utf8 { offset: e.utf8_error().valid_up_to() })
}

/// One JSON Lines record: `{"id": ..., "text": ..., "published": "YYYY-MM-DD"?}`.
///
/// # Example
///
/// ```
/// let line = r#"{"id": "a1", "text": "ปี 2567", "published": "2024-02-14"}"#;
/// let r = thaifacts::parse_record(1, line.as_bytes()).unwrap();
/// assert_eq!(r.id, serde_json::json!("a1"));
/// assert_eq!(r.published.unwrap().to_string(), "2024-02-14");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's `id`, any JSON value (null when absent), echoed back.
    pub id: serde_json::Value,
    /// The article text.
    pub text: String,
    /// The publication date, the anchor for year-less and relative dates.
    pub published: Option<NaiveDate>,
}

/// Parses one line of JSON Lines input (`line` is 1-based, for messages).
///
/// # Errors
///
/// - [`RecordError::Utf8`]: the line is not UTF-8;
/// - [`RecordError::Json`]: the line is not a JSON object;
/// - [`RecordError::MissingText`]: `text` is absent;
/// - [`RecordError::FieldType`]: `text` is not a string, or `published` is
///   neither a string nor null;
/// - [`RecordError::Published`]: `published` is a string that
///   [`parse_published`] refuses.
///
/// # Example
///
/// ```
/// let err = thaifacts::parse_record(2, br#"{"id": 1, "text": "x", "published": "14/2024"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "line 2 (id 1): `published`: expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found \"14/2024\"");
/// let err = thaifacts::parse_record(3, br#"{"id": 1, "text": 5}"#).unwrap_err();
/// assert_eq!(err.to_string(), "line 3 (id 1): `text` is a number, expected a string");
/// ```
pub fn parse_record(line: usize, bytes: &[u8]) -> Result<Record, RecordError> {
    // The fast check first; core's, which says where the text breaks, only
    // when it fails.
    let text = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => std::str::from_utf8(bytes).map_err(|e| RecordError::Utf8 { line, offset: e.valid_up_to() })?,
    };
    let mut raw: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|source| RecordError::Json { line, source })?;
    let id = raw.remove("id").unwrap_or_default();
    let text = match raw.remove("text") {
        Some(serde_json::Value::String(text)) => text,
        None => return Err(RecordError::MissingText { line, id: id.to_string() }),
        Some(v) => {
            return Err(RecordError::FieldType {
                line,
                id: id.to_string(),
                field: "text",
                expected: "a string",
                found: json_type(&v),
            })
        }
    };
    let published = match raw.remove("published") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => {
            Some(parse_published(&s).map_err(|source| RecordError::Published { line, id: id.to_string(), source })?)
        }
        Some(v) => {
            return Err(RecordError::FieldType {
                line,
                id: id.to_string(),
                field: "published",
                expected: "a string YYYY-MM-DD or null",
                found: json_type(&v),
            })
        }
    };
    Ok(Record { id, text, published })
}

/// The JSON type of `v`, as an error message names it.
fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_errors() {
        let cases: &[(&[u8], &str)] = &[
            (b"{", "line 1: invalid JSON record: EOF while parsing an object at line 1 column 1"),
            (b"[1]", "line 1: invalid JSON record: invalid type: sequence, expected a map at line 1 column 0"),
            (b"{\"id\":\"a\"}", "line 1 (id \"a\"): missing field `text`"),
            (b"{\"id\":\"a\",\"text\":5}", "line 1 (id \"a\"): `text` is a number, expected a string"),
            (b"{\"id\":\"a\",\"text\":null}", "line 1 (id \"a\"): `text` is null, expected a string"),
            (b"{\"text\":[\"x\"]}", "line 1 (id null): `text` is an array, expected a string"),
            (
                b"{\"text\":\"x\",\"published\":\"2024-02-30\"}",
                "line 1 (id null): `published`: expected a calendar date, but found \"2024-02-30\"",
            ),
            (
                b"{\"text\":\"x\",\"published\":20240214}",
                "line 1 (id null): `published` is a number, expected a string YYYY-MM-DD or null",
            ),
            (
                b"{\"text\":\"x\",\"published\":\"2567-02-14\"}",
                "line 1 (id null): `published`: expected a Gregorian date, but found \"2567-02-14\", \
                 whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-14",
            ),
            (b"{\"text\":\"\xff\"}", "line 1: record is not valid UTF-8: invalid byte at offset 9"),
        ];
        for (bytes, want) in cases {
            assert_eq!(parse_record(1, bytes).unwrap_err().to_string(), *want);
        }
    }

    /// Every way a publication date is refused, and the message for each.
    #[test]
    fn published_messages() {
        let p = |s: &str| match parse_published(s) {
            Ok(d) => format!("ok {d}"),
            Err(e) => e.to_string(),
        };
        insta::assert_snapshot!(p("2024-02-14"), @"ok 2024-02-14");
        insta::assert_snapshot!(p("2399-12-31"), @"ok 2399-12-31");
        insta::assert_snapshot!(p("2024-2-1"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "2024-2-1""#);
        insta::assert_snapshot!(p(" 2024-02-14"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found " 2024-02-14""#);
        insta::assert_snapshot!(p("2024-02-14 "), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "2024-02-14 ""#);
        insta::assert_snapshot!(p("+2024-02-14"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "+2024-02-14""#);
        insta::assert_snapshot!(p("+10000-01-01"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "+10000-01-01""#);
        insta::assert_snapshot!(p("-024-02-14"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "-024-02-14""#);
        insta::assert_snapshot!(p("14/02/2024"), @"ok 2024-02-14");
        insta::assert_snapshot!(p("14 ก.พ. 2567"), @"ok 2024-02-14");
        insta::assert_snapshot!(p("วันพุธที่ ๑๔ กุมภาพันธ์ ๒๕๖๗"), @"ok 2024-02-14");
        insta::assert_snapshot!(p("14 ก.พ."), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "14 ก.พ.""#);
        insta::assert_snapshot!(p("ก.พ. 2567"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "ก.พ. 2567""#);
        insta::assert_snapshot!(p("14-15 ก.พ. 2567"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "14-15 ก.พ. 2567""#);
        insta::assert_snapshot!(p("ประกาศ 14 ก.พ. 2567"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "ประกาศ 14 ก.พ. 2567""#);
        insta::assert_snapshot!(p("๒๐๒๔-๐๒-๑๔"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "๒๐๒๔-๐๒-๑๔""#);
        insta::assert_snapshot!(p("2024-02-14T00:00"), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found "2024-02-14T00:00""#);
        insta::assert_snapshot!(p(""), @r#"expected YYYY-MM-DD or a Thai date such as 14 ก.พ. 2567, but found """#);
        insta::assert_snapshot!(p("2024-02-30"), @r#"expected a calendar date, but found "2024-02-30""#);
        insta::assert_snapshot!(p("2024-13-01"), @r#"expected a calendar date, but found "2024-13-01""#);
        insta::assert_snapshot!(p("2024-00-10"), @r#"expected a calendar date, but found "2024-00-10""#);
        insta::assert_snapshot!(
            p("2567-02-14"),
            @r#"expected a Gregorian date, but found "2567-02-14", whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-14"#
        );
        // February 29 of BE 2567 is 2024-02-29, though 2567 is no leap year.
        insta::assert_snapshot!(
            p("2567-02-29"),
            @r#"expected a Gregorian date, but found "2567-02-29", whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-29"#
        );
        insta::assert_snapshot!(
            p("2400-01-01"),
            @r#"expected a Gregorian date, but found "2400-01-01", whose year looks like a Buddhist-era year: the Gregorian date is 1858-01-01"#
        );
        // Before BE 2484 the year began on 1 April: 1 January 2482 is 1940.
        insta::assert_snapshot!(
            p("2482-01-01"),
            @r#"expected a Gregorian date, but found "2482-01-01", whose year looks like a Buddhist-era year: the Gregorian date is 1940-01-01"#
        );
        // 1 January – 31 March of BE 2483 never existed.
        insta::assert_snapshot!(
            p("2483-02-01"),
            @r#"expected a Gregorian date, but found "2483-02-01", whose year looks like a Buddhist-era year, but no such Buddhist-era day exists"#
        );
        insta::assert_snapshot!(
            p("2568-13-01"),
            @r#"expected a Gregorian date, but found "2568-13-01", whose year looks like a Buddhist-era year, but no such Buddhist-era day exists"#
        );
    }

    #[test]
    fn check_published_guards_dates() {
        let be = NaiveDate::from_ymd_opt(2567, 2, 14).unwrap();
        insta::assert_snapshot!(
            check_published(be).unwrap_err(),
            @r#"expected a Gregorian date, but found "2567-02-14", whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-14"#
        );
        let ce = NaiveDate::from_ymd_opt(2399, 12, 31).unwrap();
        assert_eq!(check_published(ce), Ok(ce));
    }

    #[test]
    fn record_without_id_or_published() {
        let r = parse_record(4, br#"{"text": ""}"#).unwrap();
        assert_eq!(r.id, serde_json::Value::Null);
        assert_eq!(r.text, "");
        assert_eq!(r.published, None);
    }
}
