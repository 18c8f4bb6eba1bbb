//! Reading input for the command-line tool and other pipelines: a whole
//! article from bytes, and a JSON Lines record.
//!
//! These sit before the pipeline: they turn bytes into the `&str` that
//! [`crate::extract`] takes, with typed errors ([`InputError`],
//! [`RecordError`]) that say where the input went wrong.

use chrono::NaiveDate;

use crate::error::{InputError, RecordError};

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
/// - [`RecordError::MissingText`]: `text` is absent or not a string;
/// - [`RecordError::Published`]: `published` is present, not null, and not a
///   `YYYY-MM-DD` date.
///
/// # Example
///
/// ```
/// let err = thaifacts::parse_record(2, br#"{"id": 1, "text": "x", "published": "14/02/2024"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "line 2 (id 1): `published` is \"14/02/2024\", expected YYYY-MM-DD");
/// ```
pub fn parse_record(line: usize, bytes: &[u8]) -> Result<Record, RecordError> {
    let text = std::str::from_utf8(bytes).map_err(|e| RecordError::Utf8 { line, offset: e.valid_up_to() })?;
    let mut raw: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|source| RecordError::Json { line, source })?;
    let id = raw.remove("id").unwrap_or_default();
    let Some(serde_json::Value::String(text)) = raw.remove("text") else {
        return Err(RecordError::MissingText { line, id: id.to_string() });
    };
    let published = match raw.remove("published") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if is_iso_date(&s) => {
            Some(NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| RecordError::Published {
                line,
                id: id.to_string(),
                value: serde_json::Value::String(s.clone()).to_string(),
            })?)
        }
        Some(v) => return Err(RecordError::Published { line, id: id.to_string(), value: v.to_string() }),
    };
    Ok(Record { id, text, published })
}

/// `YYYY-MM-DD` in shape (validity is checked by the parser).
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_errors() {
        let cases: &[(&[u8], &str)] = &[
            (b"{", "line 1: invalid JSON record: EOF while parsing an object at line 1 column 1"),
            (b"[1]", "line 1: invalid JSON record: invalid type: sequence, expected a map at line 1 column 0"),
            (b"{\"id\":\"a\",\"text\":5}", "line 1 (id \"a\"): missing field `text`"),
            (
                b"{\"text\":\"x\",\"published\":\"2024-02-30\"}",
                "line 1 (id null): `published` is \"2024-02-30\", expected YYYY-MM-DD",
            ),
            (
                b"{\"text\":\"x\",\"published\":20240214}",
                "line 1 (id null): `published` is 20240214, expected YYYY-MM-DD",
            ),
            (b"{\"text\":\"\xff\"}", "line 1: record is not valid UTF-8: invalid byte at offset 9"),
        ];
        for (bytes, want) in cases {
            assert_eq!(parse_record(1, bytes).unwrap_err().to_string(), *want);
        }
    }

    #[test]
    fn record_without_id_or_published() {
        let r = parse_record(4, br#"{"text": ""}"#).unwrap();
        assert_eq!(r.id, serde_json::Value::Null);
        assert_eq!(r.text, "");
        assert_eq!(r.published, None);
    }
}
