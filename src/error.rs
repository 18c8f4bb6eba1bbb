//! Error types, one enum per boundary where a caller can hand us something
//! bad.
//!
//! [`crate::extract`] itself cannot fail. What can fail is building an
//! [`crate::Extractor`] (a lexicon added through the builder may be
//! malformed: [`BuildError`], wrapping [`LexiconError`]) and reading input in
//! the command-line tool ([`InputError`], [`RecordError`]).
//!
//! # Design
//!
//! jiff uses one opaque error type for the whole crate. We choose one enum
//! per boundary instead, because the callers differ: a library user building
//! an extractor, and a pipeline owner reading JSON Lines. Every enum is
//! `#[non_exhaustive]` and carries typed fields (file, line, offset), never a
//! ready-made message string (regex's lesson). Messages are lower-case, have
//! no final period, and say what was expected, what was found, and where.

use std::path::PathBuf;

/// A lexicon (shipped or added through the builder) could not be loaded.
///
/// # Example
///
/// ```
/// let err = thaifacts::Extractor::builder()
///     .lexicon(thaifacts::Category::Title, "mine.txt", "นาย\nนาย\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.to_string(), "mine.txt:2: duplicate entry \"นาย\" (first seen on line 1)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The file starts with a byte-order mark.
    #[error("{file}:1: expected UTF-8 without a byte-order mark, found U+FEFF")]
    Bom {
        /// The lexicon's file name.
        file: String,
    },
    /// A line has the wrong number of tab-separated columns.
    #[error("{file}:{line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        /// The lexicon's file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Columns the lexicon has.
        expected: usize,
        /// Columns found on the line.
        found: usize,
    },
    /// A column is empty or has leading or trailing whitespace.
    #[error("{file}:{line}: column {column} is {entry:?}, expected text without surrounding whitespace")]
    Whitespace {
        /// The lexicon's file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// 1-based column number.
        column: usize,
        /// The column as found.
        entry: String,
    },
    /// An entry appears twice.
    #[error("{file}:{line}: duplicate entry {entry:?} (first seen on line {first})")]
    Duplicate {
        /// The lexicon's file name.
        file: String,
        /// 1-based line number of the repeat.
        line: usize,
        /// The repeated entry.
        entry: String,
        /// 1-based line number of the first occurrence.
        first: usize,
    },
    /// An entry is not in normalized form, so it could never match.
    #[error("{file}:{line}: entry {entry:?} changes under normalization to {normalized:?}")]
    NotNormalized {
        /// The lexicon's file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The entry as written.
        entry: String,
        /// What normalization makes of it.
        normalized: String,
    },
    /// A column that must hold a number holds something else.
    #[error("{file}:{line}: column {column} is {found:?}, expected {expected}")]
    Value {
        /// The lexicon's file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// 1-based column number.
        column: usize,
        /// What the column must hold.
        expected: &'static str,
        /// The column as found.
        found: String,
    },
}

/// An [`crate::Extractor`] could not be built.
///
/// # Example
///
/// ```
/// let err = thaifacts::Extractor::builder()
///     .lexicon(thaifacts::Category::Title, "mine.txt", " นาย\n")
///     .build()
///     .unwrap_err();
/// assert!(matches!(err, thaifacts::BuildError::Lexicon(_)));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A lexicon added through the builder is malformed.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// The publication date given to [`crate::ExtractorBuilder::published`]
    /// has a year of 2400 or later: a Buddhist-era year (see
    /// [`crate::check_published`]).
    #[error("published: {0}")]
    Published(#[from] crate::PublishedError),
    /// The lexicons, with the files added through the builder, are more
    /// than the scan's automaton addresses (billions of states: millions
    /// of long phrases).
    #[error("the lexicons are too large for one scan: {0}")]
    TooLarge(String),
}

/// A single article could not be read (the command-line tool's input).
///
/// # Example
///
/// ```
/// let err = thaifacts::read_article(b"ok \xFF".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "input is not valid UTF-8: invalid byte at offset 3");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: {source}", path = path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("input is not valid UTF-8: invalid byte at offset {offset}")]
    Utf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

/// A JSON Lines record could not be processed (the `--jsonl` mode).
///
/// # Example
///
/// ```
/// let err = thaifacts::parse_record(3, br#"{"id": 7}"#).unwrap_err();
/// assert_eq!(err.to_string(), "line 3 (id 7): missing field `text`");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordError {
    /// The line is not a JSON object of the expected shape.
    #[error("line {line}: invalid JSON record: {source}")]
    Json {
        /// 1-based line number.
        line: usize,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// The line is not valid UTF-8.
    #[error("line {line}: record is not valid UTF-8: invalid byte at offset {offset}")]
    Utf8 {
        /// 1-based line number.
        line: usize,
        /// Byte offset of the first invalid byte within the line.
        offset: usize,
    },
    /// The record has no `text` field.
    #[error("line {line} (id {id}): missing field `text`")]
    MissingText {
        /// 1-based line number.
        line: usize,
        /// The record's id, as JSON.
        id: String,
    },
    /// A field holds a JSON value of the wrong type (`"text": 5`,
    /// `"text": null`, `"published": 20240214`).
    #[error("line {line} (id {id}): `{field}` is {found}, expected {expected}")]
    FieldType {
        /// 1-based line number.
        line: usize,
        /// The record's id, as JSON.
        id: String,
        /// The field's name.
        field: &'static str,
        /// What the field must hold (`a string`).
        expected: &'static str,
        /// The JSON type found (`a number`, `null`).
        found: &'static str,
    },
    /// The record's `published` is a string that
    /// [`crate::parse_published`] refuses.
    #[error("line {line} (id {id}): `published`: {source}")]
    Published {
        /// 1-based line number.
        line: usize,
        /// The record's id, as JSON.
        id: String,
        /// Why the date was refused.
        source: crate::PublishedError,
    },
}

impl RecordError {
    /// The 1-based line number of the record.
    ///
    /// # Example
    ///
    /// ```
    /// let err = thaifacts::parse_record(9, b"{").unwrap_err();
    /// assert_eq!(err.line(), 9);
    /// ```
    pub fn line(&self) -> usize {
        match self {
            RecordError::Json { line, .. }
            | RecordError::Utf8 { line, .. }
            | RecordError::MissingText { line, .. }
            | RecordError::FieldType { line, .. }
            | RecordError::Published { line, .. } => *line,
        }
    }
}

/// Scoring a directory of expected facts failed (`thaifacts eval`).
///
/// # Example
///
/// ```
/// let err = thaifacts::eval::run_dir(
///     &thaifacts::Extractor::default(), std::path::Path::new("/no/such/dir"), None,
/// ).unwrap_err();
/// assert!(err.to_string().starts_with("/no/such/dir: "));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("{path}: {source}", path = path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An expected-facts file is not valid JSON of the expected shape.
    #[error("{path}: invalid expected facts: {source}", path = path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// The article text of an expected-facts file was not found.
    #[error("{name}.txt: expected beside the expected facts in {dir}{}, found in neither \
        (give the texts' folder with --texts or THAIFACTS_CORPUS)",
        texts.as_ref().map(|t| format!(" or in {}", t.display())).unwrap_or_default(), dir = dir.display())]
    MissingText {
        /// The article's name (without extension).
        name: String,
        /// The directory of expected facts.
        dir: PathBuf,
        /// The extra text directory, if one was given.
        texts: Option<PathBuf>,
    },
    /// A directory of expected facts holds no `NAME.expected.json`.
    #[error("{path}: no NAME.expected.json files, nothing to score", path = path.display())]
    NoArticles {
        /// The directory.
        path: PathBuf,
    },
    /// A span corpus path holds no brat (`.ann` + `.txt`) or IOB (`.conll`,
    /// `.iob`, `.bio`) document.
    #[error("{path}: no brat (.ann beside .txt) or IOB (.conll, .iob, .bio) documents, nothing to score",
        path = path.display())]
    NoDocuments {
        /// The file or directory.
        path: PathBuf,
    },
    /// A brat line that is not `T<id><TAB>TYPE START END<TAB>TEXT`.
    #[error("{path}:{line}: expected `T<id><TAB>TYPE START END<TAB>TEXT`, found {}", quoted(found), path = path.display())]
    SpanLine {
        /// The `.ann` file.
        path: PathBuf,
        /// Its line (from 1).
        line: usize,
        /// The line as found.
        found: String,
    },
    /// Brat offsets outside the text, or an end before its start.
    #[error("{path}:{line}: offsets {start}..{end} outside the text ({chars} characters) or reversed",
        path = path.display())]
    SpanOffsets {
        /// The `.ann` file.
        path: PathBuf,
        /// Its line (from 1).
        line: usize,
        /// The start, in characters.
        start: usize,
        /// The end, in characters.
        end: usize,
        /// The text's length in characters.
        chars: usize,
    },
    /// A brat span whose TEXT column is not the text at its offsets.
    #[error("{path}:{line}: span text {} is not the text at characters {start}..{end}, {}",
        quoted(expected), quoted(found), path = path.display())]
    SpanText {
        /// The `.ann` file.
        path: PathBuf,
        /// Its line (from 1).
        line: usize,
        /// The start, in characters.
        start: usize,
        /// The end, in characters.
        end: usize,
        /// The TEXT column.
        expected: String,
        /// The text at the offsets.
        found: String,
    },
    /// An IOB line whose last column is no tag.
    #[error("{path}:{line}: expected a tag O, B-X, I-X, E-X or S-X in the last column, found {}",
        quoted(found), path = path.display())]
    IobTag {
        /// The IOB file.
        path: PathBuf,
        /// Its line (from 1).
        line: usize,
        /// The last column as found.
        found: String,
    },
}

/// `s` in double quotes with quotes, backslashes and control characters
/// escaped, Thai left as it is (`{:?}` would escape its combining marks).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
