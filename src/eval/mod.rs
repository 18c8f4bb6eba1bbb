//! Scoring extracted facts against hand-written expected facts.
//!
//! This sits beside the pipeline, not in it: a pipeline owner (or our own
//! accuracy test) writes `NAME.expected.json` by reading an article, and
//! [`score`] compares what [`crate::extract`] finds with it, per category,
//! as true positives, false positives and misses.
//!
//! The expected-facts format is described in `fixtures/README.md`; in short,
//! each category lists entries with an `optional` flag, and optional entries
//! never count against the extractor (found: ignored; missed: ignored).
//!
//! Matching, after normalizing both sides and removing all whitespace:
//!
//! - people by name; positions of each matched person as sets;
//! - organizations and places by name or any abbreviation or alias, one
//!   output entry to one expected entry (a second output entry for the same
//!   organization is spurious: a linking failure);
//! - dates by distinct `(value, end_value)`;
//! - numbers by distinct `(value, end_value, of)`, with the unit compared
//!   separately ([`Scores::unit_accuracy`]).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::facts::ArticleFacts;

mod score;
pub mod spans;

pub use score::score;

/// The facts a person found by reading one article.
///
/// # Example
///
/// ```
/// let e: thaifacts::eval::Expected = serde_json::from_str(r#"{"dates": [{"value": "2024-02-14"}]}"#).unwrap();
/// assert_eq!(e.dates[0].value, "2024-02-14");
/// assert!(!e.dates[0].optional);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Expected {
    /// The article's file name, for reference.
    #[serde(default)]
    pub article: Option<String>,
    /// The publication date, used as the extractor's anchor.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// Expected people.
    #[serde(default)]
    pub people: Vec<ExpectedPerson>,
    /// Expected organizations.
    #[serde(default)]
    pub organizations: Vec<ExpectedNamed>,
    /// Expected places.
    #[serde(default)]
    pub places: Vec<ExpectedNamed>,
    /// Expected dates.
    #[serde(default)]
    pub dates: Vec<ExpectedDate>,
    /// Expected numbers.
    #[serde(default)]
    pub numbers: Vec<ExpectedNumber>,
}

/// An expected person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpectedPerson {
    /// Given and family name.
    pub name: String,
    /// Title as written.
    #[serde(default)]
    pub title: Option<String>,
    /// Positions as written.
    #[serde(default)]
    pub positions: Vec<String>,
    /// Never counts against the extractor.
    #[serde(default)]
    pub optional: bool,
}

/// An expected organization or place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpectedNamed {
    /// The fullest name.
    pub name: String,
    /// Every other form used.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Never counts against the extractor.
    #[serde(default)]
    pub optional: bool,
}

/// An expected date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpectedDate {
    /// ISO value.
    pub value: String,
    /// ISO end of a range.
    #[serde(default)]
    pub end_value: Option<String>,
    /// Never counts against the extractor.
    #[serde(default)]
    pub optional: bool,
}

/// An expected number.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpectedNumber {
    /// The value meant.
    pub value: f64,
    /// End of a range.
    #[serde(default)]
    pub end_value: Option<f64>,
    /// For a rank, the size of the field.
    #[serde(default)]
    pub of: Option<f64>,
    /// Unit or counted noun.
    #[serde(default)]
    pub unit: Option<String>,
    /// Kind of quantity (`count`, `money`, ...).
    #[serde(default)]
    pub kind: Option<String>,
    /// Never counts against the extractor.
    #[serde(default)]
    pub optional: bool,
}

/// The scored categories, in report order.
pub const CATEGORIES: [&str; 6] = ["people", "positions", "organizations", "places", "dates", "numbers"];

/// Counts for one category.
///
/// # Example
///
/// ```
/// let c = thaifacts::eval::Counts { tp: 8, fp: 2, fn_: 0 };
/// assert_eq!(c.precision(), 0.8);
/// assert_eq!(c.recall(), 1.0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Expected facts found.
    pub tp: usize,
    /// Facts found that were not expected.
    pub fp: usize,
    /// Expected facts missed.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One fact that was missed or spurious.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diff {
    /// The article's name.
    pub article: String,
    /// The category (`people`, `dates`, ...).
    pub category: String,
    /// A short description of the fact.
    pub fact: String,
}

/// Micro-averaged scores over any number of articles.
///
/// # Example
///
/// ```
/// let expected: thaifacts::eval::Expected =
///     serde_json::from_str(r#"{"dates": [{"value": "2024-02-14"}]}"#).unwrap();
/// let facts = thaifacts::extract("");
/// let mut scores = thaifacts::eval::Scores::default();
/// scores.add("a", &thaifacts::eval::score(&expected, &facts));
/// assert_eq!(scores.counts["dates"].fn_, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Articles scored.
    pub articles: usize,
    /// Counts per category.
    pub counts: BTreeMap<String, Counts>,
    /// Matched non-optional numbers whose unit also matched.
    pub units_matched: usize,
    /// Matched non-optional numbers.
    pub units_total: usize,
    /// Expected facts missed.
    pub misses: Vec<Diff>,
    /// Facts found that were not expected.
    pub spurious: Vec<Diff>,
}

impl Scores {
    /// Adds one article's result.
    pub fn add(&mut self, article: &str, r: &ArticleScore) {
        self.articles += 1;
        for (cat, c) in &r.counts {
            self.counts.entry(cat.clone()).or_default().add(*c);
        }
        self.units_matched += r.units_matched;
        self.units_total += r.units_total;
        let tag = |(category, fact): &(String, String)| Diff {
            article: article.to_string(),
            category: category.clone(),
            fact: fact.clone(),
        };
        self.misses.extend(r.misses.iter().map(tag));
        self.spurious.extend(r.spurious.iter().map(tag));
    }

    /// Share of matched numbers whose unit matched too (1 when none matched).
    pub fn unit_accuracy(&self) -> f64 {
        ratio(self.units_matched, self.units_total)
    }

    /// The F1 of a category (1 when it has no facts at all).
    pub fn f1(&self, category: &str) -> f64 {
        self.counts.get(category).copied().unwrap_or_default().f1()
    }
}

/// The result of scoring one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleScore {
    /// Counts per category.
    pub counts: BTreeMap<String, Counts>,
    /// Matched non-optional numbers whose unit also matched.
    pub units_matched: usize,
    /// Matched non-optional numbers.
    pub units_total: usize,
    /// (category, description) of each miss.
    pub misses: Vec<(String, String)>,
    /// (category, description) of each spurious fact.
    pub spurious: Vec<(String, String)>,
    /// (category, index) of each output fact that counted as spurious, the
    /// index into its list in [`ArticleFacts`] (`people`, `organizations`,
    /// `places`, `dates`, `numbers`); a repeated date or number shares the
    /// verdict of its first occurrence. For drawing the article
    /// ([`crate::html::eval_report`]).
    pub spurious_facts: Vec<(String, usize)>,
}

/// Normalized, whitespace-free form used for comparing names.
fn key(s: &str) -> String {
    crate::normalize::normalize(s).text().chars().filter(|c| !c.is_whitespace()).collect()
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_number(a, b),
        _ => false,
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Scores every `NAME.expected.json` in `dir` against the facts `extractor`
/// finds in `NAME.txt`, looked up beside it first and then in `texts`. Each
/// article is extracted with its expected file's `published` date as anchor.
///
/// # Errors
///
/// [`crate::EvalError`] when `dir` cannot be listed or holds no expected
/// file, an expected file cannot be read or parsed, or an article's text is
/// found in neither place.
///
/// # Example
///
/// ```
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
/// let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
/// # if !corpus.exists() { return; }
/// let scores = thaifacts::eval::run_dir(&thaifacts::Extractor::default(), &dir, Some(&corpus)).unwrap();
/// assert!(scores.articles >= 1);
/// ```
pub fn run_dir(
    extractor: &crate::Extractor,
    dir: &std::path::Path,
    texts: Option<&std::path::Path>,
) -> Result<Scores, crate::EvalError> {
    run_dir_with(extractor, dir, texts, |_| {})
}

/// One article scored by [`run_dir_articles`]: its text, the facts found in
/// it and their score.
#[derive(Debug, Clone)]
pub struct ScoredArticle {
    /// The article's name (its file name without `.expected.json`).
    pub name: String,
    /// The article's text.
    pub text: String,
    /// The facts found in it.
    pub facts: ArticleFacts,
    /// Their score against the expected facts.
    pub score: ArticleScore,
}

/// Like [`run_dir`], and also returns every article with its facts and
/// score, in name order, for drawing ([`crate::html::eval_report`]).
///
/// # Errors
///
/// Those of [`run_dir`].
pub fn run_dir_articles(
    extractor: &crate::Extractor,
    dir: &std::path::Path,
    texts: Option<&std::path::Path>,
) -> Result<(Scores, Vec<ScoredArticle>), crate::EvalError> {
    let mut articles = Vec::new();
    let scores = run_dir_with(extractor, dir, texts, |a| articles.push(a))?;
    Ok((scores, articles))
}

fn run_dir_with(
    extractor: &crate::Extractor,
    dir: &std::path::Path,
    texts: Option<&std::path::Path>,
    mut each: impl FnMut(ScoredArticle),
) -> Result<Scores, crate::EvalError> {
    use crate::EvalError;
    let listing = std::fs::read_dir(dir).map_err(|source| EvalError::Io { path: dir.to_path_buf(), source })?;
    let mut names: Vec<String> = listing
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(EvalError::NoArticles { path: dir.to_path_buf() });
    }
    let mut scores = Scores::default();
    for name in names {
        let path = dir.join(format!("{name}.expected.json"));
        let raw = std::fs::read_to_string(&path).map_err(|source| EvalError::Io { path: path.clone(), source })?;
        let expected: Expected = serde_json::from_str(&raw).map_err(|source| EvalError::Json { path, source })?;
        let beside = dir.join(format!("{name}.txt"));
        let text_path = if beside.exists() {
            beside
        } else if let Some(t) = texts.map(|t| t.join(format!("{name}.txt"))).filter(|p| p.exists()) {
            t
        } else {
            return Err(EvalError::MissingText { name, dir: dir.to_path_buf(), texts: texts.map(|t| t.to_path_buf()) });
        };
        let text =
            std::fs::read_to_string(&text_path).map_err(|source| EvalError::Io { path: text_path.clone(), source })?;
        let facts = extractor.extract_with(&text, expected.published.or(extractor.published()));
        let score = score(&expected, &facts);
        scores.add(&name, &score);
        each(ScoredArticle { name, text, facts, score });
    }
    Ok(scores)
}

#[cfg(test)]
mod tests;
