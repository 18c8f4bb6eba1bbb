//! `thaifacts` reads Thai news articles and returns typed facts: the people
//! named (title, name, positions), the organizations (with their
//! abbreviations), the places, the dates (Buddhist era converted to
//! Gregorian) and the numeric facts (`390 ล้านคน` → 390000000 คน).
//!
//! # Overview
//!
//! - [`extract`] runs the whole pipeline with the default settings and
//!   returns [`ArticleFacts`]. It never fails and never panics, whatever the
//!   `&str`.
//! - [`Extractor`] holds settings built once with [`Extractor::builder`]: a
//!   publication date (the anchor for year-less and relative dates) and
//!   extra lexicon entries. Build it once and reuse it; it is `Send + Sync`.
//! - [`ArticleFacts`] and its fact types derive `Serialize`/`Deserialize`;
//!   their field names are the JSON contract (`schema_version` 1).
//! - [`normalize()`] is the first stage on its own: Thai normalization with an
//!   offset map back to the input.
//!
//! Every span is a byte range of the original input: for every fact,
//! `&input[start..end] == text`, even where normalization changed the text.
//!
//! The data flows one way: normalize → scan → extract → link → facts.
//!
//! # Example: the facts of one article
//!
//! ```
//! let input = "เมื่อวันที่ 14 กุมภาพันธ์ 2567 นายธนพล ใจดี นายกเทศมนตรีนครขอนแก่น \
//!              เปิดเผยว่า เทศบาลนครขอนแก่น (ทน.) ได้รับคัดเลือกเป็น 1 ใน 64 เมือง \
//!              ร่วมกับพลเมือง 390 ล้านคน";
//! let facts = thaifacts::extract(input);
//!
//! let date = &facts.dates[0];
//! assert_eq!((date.text.as_str(), date.value.as_deref()), ("14 กุมภาพันธ์ 2567", Some("2024-02-14")));
//!
//! let person = &facts.people[0];
//! assert_eq!(person.name, "ธนพล ใจดี");
//! assert_eq!(person.title.as_deref(), Some("นาย"));
//! assert_eq!(person.positions, ["นายกเทศมนตรีนครขอนแก่น"]);
//!
//! let org = facts.organizations.iter().find(|o| o.name == "เทศบาลนครขอนแก่น").unwrap();
//! assert_eq!(org.abbreviations, ["ทน."]);
//!
//! let rank = facts.numbers.iter().find(|n| n.of.is_some()).unwrap();
//! assert_eq!((rank.value, rank.of, rank.unit.as_deref()), (1.0, Some(64.0), Some("เมือง")));
//! let people = facts.numbers.iter().find(|n| n.unit.as_deref() == Some("คน")).unwrap();
//! assert_eq!(people.value, 390_000_000.0);
//!
//! // Every span slices the original input to its text.
//! for (start, end, text) in facts.spans() {
//!     assert_eq!(&input[start..end], text);
//! }
//! ```
//!
//! # Example: a publication date as anchor
//!
//! ```
//! let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap();
//! let extractor = thaifacts::Extractor::builder().published(published).build().unwrap();
//! let facts = extractor.extract("วันนี้");
//! let json = serde_json::to_string(&facts).unwrap();
//! assert!(json.starts_with("{\"schema_version\":1,"));
//! ```

#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod calendar;
mod error;
pub mod eval;
mod facts;
pub mod html;
mod input;
mod json;
mod kinds;
mod lexicon;
mod link;
mod matcher;
mod normalize;
mod schema;
mod thai;

use std::sync::Arc;

use chrono::NaiveDate;

/// The date type of the public API ([`ExtractorBuilder::published`],
/// [`Record`]), re-exported so that a dependent crate needs no `chrono`
/// dependency of its own (and no version to keep in step).
pub use chrono;
/// The JSON type of the public API (a record's `id`), re-exported for the
/// same reason.
pub use serde_json;

pub use error::{BuildError, EvalError, InputError, LexiconError, RecordError};
pub use facts::{
    Anchor, ArticleFacts, DateFact, DateOffset, DateUnit, Era, Mention, NumberFact, NumberKind, OrgKind, Organization,
    Person, Place, PlaceKind, Precision, SCHEMA_VERSION,
};
pub use input::{
    check_published, parse_published, parse_record, read_article, PublishedError, Record, FIRST_BE_LOOKING_YEAR,
};
pub use lexicon::Category;
pub use normalize::{normalize, Normalized};
pub use schema::json_schema;

use kinds::Doc;
use lexicon::Lexicons;

/// Extracts the facts of `input` with the default settings (no publication
/// date, the shipped lexicons).
///
/// Never panics. Cost grows linearly with the length of `input`.
///
/// # Example
///
/// ```
/// let facts = thaifacts::extract("");
/// assert!(facts.people.is_empty() && facts.dates.is_empty());
/// ```
pub fn extract(input: &str) -> ArticleFacts {
    Extractor::default().extract(input)
}

/// Extraction settings, built once and reused for many articles.
///
/// # Example
///
/// ```
/// let extractor = thaifacts::Extractor::builder().build().unwrap();
/// let facts = extractor.extract("ข่าว");
/// assert_eq!(facts.schema_version, 1);
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    published: Option<NaiveDate>,
    lexicons: Arc<Lexicons>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor { published: None, lexicons: crate::kinds::shipped_lexicons() }
    }
}

impl Extractor {
    /// Starts building an extractor.
    ///
    /// # Example
    ///
    /// ```
    /// let e = thaifacts::Extractor::builder().build().unwrap();
    /// # let _ = e;
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The publication date this extractor anchors dates to, if any.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(thaifacts::Extractor::default().published(), None);
    /// ```
    pub fn published(&self) -> Option<NaiveDate> {
        self.published
    }

    /// Extracts the facts of `input`. Never panics; linear in `input.len()`.
    ///
    /// # Example
    ///
    /// ```
    /// let facts = thaifacts::Extractor::default().extract("ไม่มีข้อเท็จจริง");
    /// assert!(facts.numbers.is_empty());
    /// ```
    pub fn extract(&self, input: &str) -> ArticleFacts {
        self.extract_with(input, self.published)
    }

    /// Like [`Extractor::extract`], with a publication date for this article
    /// only (overriding the builder's, if any). The publication date anchors
    /// year-less and relative dates as described in
    /// [`ExtractorBuilder::published`].
    ///
    /// # Example
    ///
    /// ```
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 14);
    /// let facts = thaifacts::Extractor::default().extract_with("ข่าว", day);
    /// assert!(facts.dates.is_empty());
    /// ```
    pub fn extract_with(&self, input: &str, published: Option<NaiveDate>) -> ArticleFacts {
        let norm = normalize::normalize(input);
        let scan = self.lexicons.scan(norm.text());
        let doc = Doc { norm: &norm, scan: &scan, lexicons: &self.lexicons, published };
        let (raw, _) = kinds::all(&doc);
        link::link(raw, &norm, &scan.chars, input)
    }
}

/// The pipeline one stage at a time, for `benches/extract.rs` to time each
/// stage on its own. Not part of the API: hidden, and free to change.
#[doc(hidden)]
pub mod stages {
    use crate::kinds::{self, Doc, RawFacts};
    use crate::link;
    use crate::{lexicon, normalize, Extractor};

    /// One article with every stage's output computed once, so a stage can
    /// be run again on its own inputs.
    pub struct Stages<'a> {
        extractor: &'a Extractor,
        input: &'a str,
        norm: normalize::Normalized,
        scan: lexicon::Scan,
        claimed: Vec<kinds::Span>,
        raw: RawFacts,
    }

    impl<'a> Stages<'a> {
        pub fn new(extractor: &'a Extractor, input: &'a str) -> Stages<'a> {
            let norm = normalize::normalize(input);
            let scan = extractor.lexicons.scan(norm.text());
            let mut stages = Stages { extractor, input, norm, scan, claimed: Vec::new(), raw: RawFacts::default() };
            (stages.raw, stages.claimed) = kinds::all(&stages.doc());
            stages
        }

        fn doc(&self) -> Doc<'_> {
            Doc { norm: &self.norm, scan: &self.scan, lexicons: &self.extractor.lexicons, published: None }
        }

        /// Normalizes the input; returns the normalized length.
        pub fn normalize(&self) -> usize {
            normalize::normalize(self.input).text().len()
        }

        /// Scans the normalized text with every lexicon; returns the hits.
        pub fn scan(&self) -> usize {
            self.extractor.lexicons.scan(self.norm.text()).hits.len()
        }

        /// Runs one extractor (`dates`, `numbers`, `people`,
        /// `organizations`, `places`) on the scanned text; returns how many
        /// facts it found.
        pub fn extractor(&self, name: &str) -> usize {
            let doc = self.doc();
            match name {
                "dates" => kinds::dates::extract(&doc).len(),
                "numbers" => kinds::numbers::extract(&doc, &self.claimed).len(),
                "people" => kinds::people::extract(&doc).len(),
                "organizations" => kinds::organizations::extract(&doc).len(),
                "places" => kinds::places::extract(&doc).len(),
                _ => 0,
            }
        }

        /// Links the extractors' output into facts (includes cloning it).
        pub fn link(&self) -> usize {
            let facts = link::link(self.raw.clone(), &self.norm, &self.scan.chars, self.input);
            facts.people.len() + facts.organizations.len()
        }
    }
}

/// Builds an [`Extractor`]; see each option for its default and cost.
///
/// # Example
///
/// ```
/// let e = thaifacts::Extractor::builder()
///     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap())
///     .lexicon(thaifacts::Category::Title, "my_titles.txt", "ท่านผู้หญิง\n")
///     .build()
///     .unwrap();
/// assert!(e.published().is_some());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    published: Option<NaiveDate>,
    extra: Vec<(Category, String, String)>,
}

impl ExtractorBuilder {
    /// Sets the publication date: the anchor for dates written without a
    /// year (`5 มี.ค.`) and for relative dates (`เมื่อวานนี้`). Default: none,
    /// in which case the anchor is the date line the article opens with, if
    /// any (a full date starting one of its first three lines:
    /// `วันจันทร์ที่ 3 มิถุนายน 2562`, `1สิงหาคม2550 07:36 น.`); with neither,
    /// a year-less or relative date is still reported, with a null `value`
    /// and the parts it gives (`month`, `day`, `offset`). Each date's
    /// `anchor` says which anchor its value came from. Costs nothing.
    ///
    /// # Year-less dates
    ///
    /// A day or month written without a year (`เมื่อวันที่ 5 มี.ค.`) takes its
    /// year, in this order, from:
    ///
    /// 1. with `ที่ผ่านมา` after it, the publication date: the latest such
    ///    day not after it; with `นี้`, the publication year;
    /// 2. a year written shortly before it on the same line
    ///    (`สำหรับปี 2562 ตั้งแต่วันที่ 1 มกราคม`);
    /// 3. the nearest full date before it in the article (`วันที่ 29 มกราคม
    ///    2561 ... ครม. 30 ม.ค.` is 30 January 2018);
    /// 4. the anchor (publication date, else date line): the year that puts the day nearest to it,
    ///    a day after publication counting four times a day before it (news
    ///    mostly reports what has happened, but a cabinet meeting `30 ม.ค.`
    ///    in an article of 29 January is the next day);
    /// 5. nothing: the date is reported with a null `value`.
    ///
    /// A weekday written with the date (`วันพุธที่ 20 ธันวาคม`) moves the year
    /// by one where that makes the weekday right. The `era` of an inferred
    /// year is null.
    ///
    /// # Relative dates
    ///
    /// With an anchor, `วันนี้`, `เมื่อวาน(นี้)`, `พรุ่งนี้`,
    /// `เมื่อวันจันทร์ที่ผ่านมา`, `สัปดาห์หน้า` (Monday to Sunday),
    /// `เดือนที่แล้ว`, `ปีหน้า` ... are dates relative to it; right after a
    /// number (`3 ปีที่แล้ว`) they are a duration, not a date.
    ///
    /// # Example
    ///
    /// ```
    /// let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap();
    /// let e = thaifacts::Extractor::builder().published(day).build().unwrap();
    /// assert_eq!(e.published(), Some(day));
    /// let facts = e.extract("เมื่อวันที่ 5 ก.พ. ที่ประชุมมีมติ เมื่อวานนี้");
    /// assert_eq!(facts.dates[0].value.as_deref(), Some("2024-02-05"));
    /// assert_eq!(facts.dates[0].era, None);
    /// assert_eq!(facts.dates[0].anchor, Some(thaifacts::Anchor::Published));
    /// assert_eq!(facts.dates[1].value.as_deref(), Some("2024-02-13"));
    /// // Without a publication date (or a date line) both are reported
    /// // unresolved: no value, only the parts the text gives.
    /// let facts = thaifacts::extract("เมื่อวันที่ 5 ก.พ. ที่ประชุมมีมติ เมื่อวานนี้");
    /// assert_eq!(facts.dates[0].value, None);
    /// assert_eq!((facts.dates[0].month, facts.dates[0].day), (Some(2), Some(5)));
    /// let off = facts.dates[1].offset.unwrap();
    /// assert_eq!((off.unit, off.count), (thaifacts::DateUnit::Day, -1));
    /// ```
    pub fn published(mut self, date: NaiveDate) -> Self {
        self.published = Some(date);
        self
    }

    /// Adds lexicon entries of `category`, in the same format as the shipped
    /// file of that category (one entry a line, `#` comments, tab-separated
    /// columns). `file` names the source in error messages. Default: the
    /// shipped lexicons only. Cost: [`ExtractorBuilder::build`] then compiles
    /// a lexicon trie of its own (a few milliseconds) instead of sharing the
    /// shipped one; extraction speed is unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// let e = thaifacts::Extractor::builder()
    ///     .lexicon(thaifacts::Category::Month, "months_extra.tsv", "มกรา\t1\n")
    ///     .build();
    /// assert!(e.is_ok());
    /// ```
    pub fn lexicon(mut self, category: Category, file: impl Into<String>, text: impl Into<String>) -> Self {
        self.extra.push((category, file.into(), text.into()));
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// [`BuildError::Lexicon`] when a lexicon added with
    /// [`ExtractorBuilder::lexicon`] is malformed (the error names the file
    /// and line); [`BuildError::Published`] when the date given to
    /// [`ExtractorBuilder::published`] has a year of 2400 or later, a
    /// Buddhist-era year (the error shows the Gregorian date meant);
    /// [`BuildError::TooLarge`] when the lexicons with the added files are
    /// more than the scan's automaton addresses (millions of long phrases).
    ///
    /// # Example
    ///
    /// ```
    /// let err = thaifacts::Extractor::builder()
    ///     .lexicon(thaifacts::Category::Month, "m.tsv", "มกรา\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "m.tsv:1: expected 2 tab-separated columns, found 1");
    /// let be = chrono::NaiveDate::from_ymd_opt(2567, 2, 14).unwrap();
    /// let err = thaifacts::Extractor::builder().published(be).build().unwrap_err();
    /// assert!(err.to_string().ends_with("the Gregorian date is 2024-02-14"), "{err}");
    /// ```
    pub fn build(self) -> Result<Extractor, BuildError> {
        if let Some(date) = self.published {
            crate::check_published(date)?;
        }
        let lexicons = if self.extra.is_empty() {
            crate::kinds::shipped_lexicons()
        } else {
            Arc::new(crate::kinds::lexicons_with(&self.extra)?)
        };
        Ok(Extractor { published: self.published, lexicons })
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
