//! Extractors, one module per fact kind.
//!
//! Third stage of the pipeline (normalize → scan → **extract** → link →
//! facts). Each extractor reads the normalized document and the lexicon
//! hits, and returns its own raw facts with spans in normalized-text
//! coordinates. Extractors do not call each other; [`crate::link`] is the one
//! place where facts refer to other facts.

pub(crate) mod dates;
pub(crate) mod numbers;
pub(crate) mod organizations;
pub(crate) mod people;
pub(crate) mod places;

use std::ops::Range;

use chrono::NaiveDate;

use crate::lexicon::{Lexicons, Scan};
use crate::link::RawFacts;
use crate::normalize::Normalized;

/// What every extractor reads.
pub(crate) struct Doc<'a> {
    /// The normalized article.
    pub norm: &'a Normalized,
    /// What the lexicons found in the normalized text, in text order.
    pub scan: &'a Scan,
    /// The lexicons the hits refer to.
    pub lexicons: &'a Lexicons,
    /// The publication date, if known.
    pub published: Option<NaiveDate>,
}

impl Doc<'_> {
    /// The normalized text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }
}

/// Runs every extractor on `doc`: their facts, and the spans the dates
/// claimed (which are not numbers).
pub(crate) fn all(doc: &Doc<'_>) -> (RawFacts, Vec<Span>) {
    let dates = dates::extract(doc);
    let claimed: Vec<Span> = dates.iter().map(|d| d.span.clone()).collect();
    let raw = RawFacts {
        numbers: numbers::extract(doc, &claimed),
        dates,
        people: people::extract(doc),
        organizations: organizations::extract(doc),
        places: places::extract(doc),
    };
    (raw, claimed)
}

/// A span in normalized-text coordinates.
pub(crate) type Span = Range<usize>;
