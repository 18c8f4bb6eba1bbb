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
pub(crate) mod shared;

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;

use crate::error::BuildError;
use crate::lexicon::{Category, Lexicons, Scan, Shipped};
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
    let claimed: Vec<Span> = dates.iter().map(|d| d.claim.clone()).collect();
    let raw = RawFacts {
        numbers: numbers::extract(doc, &claimed),
        dates,
        people: people::extract(doc),
        organizations: organizations::extract(doc),
        places: places::extract(doc),
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

/// Every shipped lexicon file that joins the shared scan, by category.
/// Adding a file is one line here.
const SHIPPED: &[Shipped] = &[
    Shipped { category: Category::Title, file: "titles.txt", text: include_str!("people/titles.txt") },
    Shipped { category: Category::Month, file: "months.tsv", text: include_str!("dates/months.tsv") },
    Shipped { category: Category::OrgHead, file: "org_heads.tsv", text: include_str!("organizations/org_heads.tsv") },
    Shipped {
        category: Category::OrgName,
        file: "org_abbreviations.tsv",
        text: include_str!("organizations/org_abbreviations.tsv"),
    },
    Shipped {
        category: Category::OrgName,
        file: "org_abbreviations_khamyo.tsv",
        text: include_str!("organizations/org_abbreviations_khamyo.tsv"),
    },
    Shipped { category: Category::OrgName, file: "org_known.tsv", text: include_str!("organizations/org_known.tsv") },
    Shipped { category: Category::VenueHead, file: "venue_heads.tsv", text: include_str!("places/venue_heads.tsv") },
    Shipped { category: Category::Position, file: "positions.txt", text: include_str!("people/positions.txt") },
    Shipped {
        category: Category::NumberWord,
        file: "number_words.tsv",
        text: include_str!("numbers/number_words.tsv"),
    },
    Shipped { category: Category::Unit, file: "units.tsv", text: include_str!("numbers/units.tsv") },
    Shipped {
        category: Category::NumberContext,
        file: "number_context.tsv",
        text: include_str!("numbers/number_context.tsv"),
    },
    Shipped { category: Category::Weekday, file: "weekdays.tsv", text: include_str!("dates/weekdays.tsv") },
    Shipped {
        category: Category::RelativeDate,
        file: "relative_dates.tsv",
        text: include_str!("dates/relative_dates.tsv"),
    },
];

/// The phrase lists that share the scan without being a lexicon category,
/// by their index in [`Scan::lists`].
pub(crate) mod list {
    /// The shipped gazetteer ([`super::shared::gazetteer_phrases`]).
    pub const GAZETTEER: usize = 0;
    /// District and subdistrict prefixes ([`super::shared::admin_prefix_phrases`]).
    pub const ADMIN_PREFIXES: usize = 1;
    /// Credit labels ([`super::people::credit_phrases`]).
    pub const CREDITS: usize = 2;
}

/// The phrase lists, in [`list`] order.
fn lists() -> [&'static [String]; 3] {
    [shared::gazetteer_phrases(), shared::admin_prefix_phrases(), people::credit_phrases()]
}

/// The shipped lexicons, compiled on first use.
static SHIPPED_LEXICONS: LazyLock<Arc<Lexicons>> = LazyLock::new(|| {
    let files = SHIPPED.iter().map(|s| (s.category, s.file, s.text));
    // Safe: the test `every_shipped_lexicon_loads` proves the shipped files parse.
    Arc::new(Lexicons::build(files, &lists()).unwrap_or_else(|e| panic!("shipped lexicon is malformed: {e}")))
});

/// The shipped lexicons.
pub(crate) fn shipped_lexicons() -> Arc<Lexicons> {
    Arc::clone(&SHIPPED_LEXICONS)
}

/// The shipped lexicons plus `extra` files (category, file name, text).
///
/// # Errors
///
/// [`BuildError::Lexicon`] for a malformed extra file.
pub(crate) fn lexicons_with(extra: &[(Category, String, String)]) -> Result<Lexicons, BuildError> {
    let shipped = SHIPPED.iter().map(|s| (s.category, s.file, s.text));
    let extra = extra.iter().map(|(c, f, t)| (*c, f.as_str(), t.as_str()));
    Lexicons::build(shipped.chain(extra), &lists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_lexicon_loads() {
        for s in SHIPPED {
            crate::lexicon::parse(s.file, s.text, s.category.columns()).unwrap_or_else(|e| panic!("{e}"));
        }
        let lex = crate::kinds::shipped_lexicons();
        assert!(!lex.entries(Category::Title).is_empty());
        assert!(!lex.entries(Category::Month).is_empty());
        assert!(!lex.entries(Category::Weekday).is_empty());
        assert!(!lex.entries(Category::RelativeDate).is_empty());
    }
}
