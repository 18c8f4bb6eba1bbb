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
pub(crate) mod registry;
pub(crate) mod shared;

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;

use crate::error::BuildError;
use crate::lexicon::{Category, Entry, Lexicons, Scan};
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
    // One digit scan for the two kinds that read digits.
    let digit_runs = crate::thai::digit_runs(doc.text().as_bytes());
    let dates = dates::extract_with(doc, &digit_runs);
    let claimed: Vec<Span> = dates.iter().map(|d| d.claim.clone()).collect();
    // The hits' edges, which organizations and places both test boundaries
    // against: sorted once a document.
    let edges = shared::HitEdges::new(&doc.scan.hits);
    let raw = RawFacts {
        numbers: numbers::extract_with(doc, &claimed, &digit_runs),
        dates,
        people: people::extract(doc),
        organizations: organizations::extract_with(doc, &edges),
        places: places::extract_with(doc, &edges),
    };
    (raw, claimed)
}

/// Every kind's output, before linking.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawFacts {
    pub dates: Vec<dates::RawDate>,
    pub numbers: Vec<numbers::RawNumber>,
    pub people: Vec<people::RawPerson>,
    pub organizations: Vec<organizations::RawOrg>,
    pub places: Vec<places::RawPlace>,
}

/// A span in normalized-text coordinates.
pub(crate) type Span = Range<usize>;

/// The phrase lists that share the scan without being a lexicon category,
/// by their index in [`Scan::lists`].
pub(crate) mod list {
    /// The shipped gazetteer ([`super::shared::gazetteer_phrases`]).
    pub const GAZETTEER: usize = 0;
    /// District and subdistrict prefixes ([`super::shared::admin_prefix_phrases`]).
    pub const ADMIN_PREFIXES: usize = 1;
    /// Credit labels ([`super::people::credit_phrases`]).
    pub const CREDITS: usize = 2;
    /// Head words of places the gazetteer does not list ([`super::places::head_phrases`]).
    pub const PLACE_HEADS: usize = 3;
}

/// The phrase lists, in [`list`] order.
fn lists() -> [&'static [String]; 4] {
    [shared::gazetteer_phrases(), shared::admin_prefix_phrases(), people::credit_phrases(), places::head_phrases()]
}

/// The shipped files that join the shared scan, in [`registry::FILES`]
/// order: category, name, entries.
fn scanned<'a>() -> impl Iterator<Item = (Category, &'a str, &'a [Entry])> {
    registry::FILES.iter().filter_map(|f| Some((f.scan?, f.name, registry::entries(f.name))))
}

/// The shipped lexicons, compiled on first use.
static SHIPPED_LEXICONS: LazyLock<Arc<Lexicons>> = LazyLock::new(|| {
    // Safe: the shipped lexicons are a few thousand phrases, far below what
    // the scan addresses; every test builds them.
    Arc::new(Lexicons::build(scanned(), &lists()).unwrap_or_else(|e| panic!("{e}")))
});

/// The shipped lexicons.
pub(crate) fn shipped_lexicons() -> Arc<Lexicons> {
    Arc::clone(&SHIPPED_LEXICONS)
}

/// The shipped lexicons plus `extra` files (category, file name, text),
/// each parsed and checked as the shipped files of its category are
/// ([`registry::check_for`]).
///
/// # Errors
///
/// [`BuildError::Lexicon`] for a malformed extra file.
pub(crate) fn lexicons_with(extra: &[(Category, String, String)]) -> Result<Lexicons, BuildError> {
    let mut parsed = Vec::with_capacity(extra.len());
    for (category, file, text) in extra {
        parsed.push((
            *category,
            file.as_str(),
            registry::load(file, text, category.columns(), registry::check_for(*category))?,
        ));
    }
    let extra = parsed.iter().map(|(c, f, e)| (*c, *f, e.as_slice()));
    Lexicons::build(scanned().chain(extra), &lists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scanned_category_has_entries() {
        let lex = crate::kinds::shipped_lexicons();
        assert!(!lex.entries(Category::Title).is_empty());
        assert!(!lex.entries(Category::Month).is_empty());
        assert!(!lex.entries(Category::Weekday).is_empty());
        assert!(!lex.entries(Category::RelativeDate).is_empty());
    }
}
