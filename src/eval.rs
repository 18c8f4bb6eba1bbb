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

pub mod spans;

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

/// Scores one article's facts against what a reader expected.
///
/// # Example
///
/// ```
/// let expected: thaifacts::eval::Expected = serde_json::from_str(
///     r#"{"people": [{"name": "ธนพล ใจดี", "optional": true}]}"#,
/// ).unwrap();
/// let r = thaifacts::eval::score(&expected, &thaifacts::extract(""));
/// assert_eq!(r.counts["people"].fn_, 0); // optional: a miss does not count
/// ```
pub fn score(expected: &Expected, facts: &ArticleFacts) -> ArticleScore {
    let mut out = ArticleScore::default();
    for c in CATEGORIES {
        out.counts.insert(c.to_string(), Counts::default());
    }
    score_people(expected, facts, &mut out);
    let orgs: Vec<(String, Vec<String>)> =
        facts.organizations.iter().map(|o| (o.name.clone(), o.abbreviations.clone())).collect();
    score_named("organizations", &expected.organizations, &orgs, &mut out);
    let places: Vec<(String, Vec<String>)> = facts.places.iter().map(|p| (p.name.clone(), Vec::new())).collect();
    score_named("places", &expected.places, &places, &mut out);
    score_dates(expected, facts, &mut out);
    score_numbers(expected, facts, &mut out);
    out
}

fn bump(out: &mut ArticleScore, cat: &str, f: impl FnOnce(&mut Counts)) {
    f(out.counts.entry(cat.to_string()).or_default());
}

fn score_people(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut used = vec![false; expected.people.len()];
    for (fact, p) in facts.people.iter().enumerate() {
        let k = key(&p.name);
        let hit = expected.people.iter().enumerate().find(|(i, e)| !used[*i] && key(&e.name) == k).map(|(i, _)| i);
        let Some(i) = hit else {
            bump(out, "people", |c| c.fp += 1);
            out.spurious.push(("people".into(), p.name.clone()));
            out.spurious_facts.push(("people".into(), fact));
            for pos in &p.positions {
                bump(out, "positions", |c| c.fp += 1);
                out.spurious.push(("positions".into(), format!("{}: {pos}", p.name)));
            }
            continue;
        };
        used[i] = true;
        let e = &expected.people[i];
        if e.optional {
            continue;
        }
        bump(out, "people", |c| c.tp += 1);
        let want: HashSet<String> = e.positions.iter().map(|s| key(s)).collect();
        let got: HashSet<String> = p.positions.iter().map(|s| key(s)).collect();
        for pos in &e.positions {
            if got.contains(&key(pos)) {
                bump(out, "positions", |c| c.tp += 1);
            } else {
                bump(out, "positions", |c| c.fn_ += 1);
                out.misses.push(("positions".into(), format!("{}: {pos}", e.name)));
            }
        }
        for pos in &p.positions {
            if !want.contains(&key(pos)) {
                bump(out, "positions", |c| c.fp += 1);
                out.spurious.push(("positions".into(), format!("{}: {pos}", p.name)));
            }
        }
    }
    for (i, e) in expected.people.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, "people", |c| c.fn_ += 1);
            out.misses.push(("people".into(), e.name.clone()));
            for pos in &e.positions {
                bump(out, "positions", |c| c.fn_ += 1);
                out.misses.push(("positions".into(), format!("{}: {pos}", e.name)));
            }
        }
    }
}

fn score_named(cat: &str, expected: &[ExpectedNamed], got: &[(String, Vec<String>)], out: &mut ArticleScore) {
    let forms: Vec<HashSet<String>> =
        expected.iter().map(|e| std::iter::once(&e.name).chain(&e.aliases).map(|s| key(s)).collect()).collect();
    let mut used = vec![false; expected.len()];
    for (fact, (name, aliases)) in got.iter().enumerate() {
        let mine: Vec<String> = std::iter::once(name).chain(aliases).map(|s| key(s)).collect();
        let matching = |i: usize| mine.iter().any(|m| forms[i].contains(m));
        let free = (0..expected.len()).find(|&i| !used[i] && matching(i));
        match free {
            Some(i) => {
                used[i] = true;
                if !expected[i].optional {
                    bump(out, cat, |c| c.tp += 1);
                }
            }
            None => {
                // A second entry for an optional organization is harmless; for
                // a required one it is a linking failure.
                let dup_optional = (0..expected.len()).any(|i| matching(i) && expected[i].optional);
                if !dup_optional {
                    bump(out, cat, |c| c.fp += 1);
                    let shown =
                        if aliases.is_empty() { name.clone() } else { format!("{name} ({})", aliases.join(", ")) };
                    out.spurious.push((cat.to_string(), shown));
                    out.spurious_facts.push((cat.to_string(), fact));
                }
            }
        }
    }
    for (i, e) in expected.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, cat, |c| c.fn_ += 1);
            out.misses.push((cat.to_string(), e.name.clone()));
        }
    }
}

fn score_dates(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut seen = HashSet::new();
    let mut spurious_keys = HashSet::new();
    let mut used = vec![false; expected.dates.len()];
    // An unresolved mention (null value) claims no date: it is neither a
    // match for an expected date nor a wrong one.
    for (fact, d) in facts.dates.iter().enumerate().filter(|(_, d)| d.value.is_some()) {
        let k = (d.value.clone().unwrap_or_default(), d.end_value.clone());
        if !seen.insert(k.clone()) {
            if spurious_keys.contains(&k) {
                out.spurious_facts.push(("dates".into(), fact));
            }
            continue;
        }
        match expected.dates.iter().position(|e| (e.value.clone(), e.end_value.clone()) == k) {
            Some(i) => {
                used[i] = true;
                if !expected.dates[i].optional {
                    bump(out, "dates", |c| c.tp += 1);
                }
            }
            None => {
                bump(out, "dates", |c| c.fp += 1);
                let shown = match &d.end_value {
                    Some(e) => format!("{}..{} ({})", k.0, e, d.text),
                    None => format!("{} ({})", k.0, d.text),
                };
                out.spurious.push(("dates".into(), shown));
                out.spurious_facts.push(("dates".into(), fact));
                spurious_keys.insert(k);
            }
        }
    }
    for (i, e) in expected.dates.iter().enumerate() {
        // The same (value, end_value) listed twice in the expected file counts once.
        let first = expected.dates.iter().position(|x| x.value == e.value && x.end_value == e.end_value) == Some(i);
        if !used[i] && !e.optional && first && !used_same(&expected.dates, &used, e) {
            bump(out, "dates", |c| c.fn_ += 1);
            let shown = match &e.end_value {
                Some(end) => format!("{}..{end}", e.value),
                None => e.value.clone(),
            };
            out.misses.push(("dates".into(), shown));
        }
    }
}

fn used_same(dates: &[ExpectedDate], used: &[bool], e: &ExpectedDate) -> bool {
    dates.iter().zip(used).any(|(x, u)| *u && x.value == e.value && x.end_value == e.end_value)
}

/// What makes two found numbers the same: value, range end, rank field, unit.
type NumberKey = (f64, Option<f64>, Option<f64>, Option<String>);

fn score_numbers(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut used = vec![false; expected.numbers.len()];
    // Each distinct number once, with whether it counted as spurious.
    let mut seen: Vec<(NumberKey, bool)> = Vec::new();
    for (fact, n) in facts.numbers.iter().enumerate() {
        let unit = n.unit.as_deref().map(key);
        if let Some((_, spurious)) = seen.iter().find(|((v, e, o, u), _)| {
            same_number(*v, n.value) && same_opt(*e, n.end_value) && same_opt(*o, n.of) && *u == unit
        }) {
            if *spurious {
                out.spurious_facts.push(("numbers".into(), fact));
            }
            continue;
        }
        seen.push(((n.value, n.end_value, n.of, unit.clone()), false));
        let same_value = |e: &ExpectedNumber| {
            same_number(e.value, n.value) && same_opt(e.end_value, n.end_value) && same_opt(e.of, n.of)
        };
        let same_unit = |e: &ExpectedNumber| e.unit.as_deref().map(key) == unit;
        let pick = (0..expected.numbers.len())
            .find(|&i| !used[i] && same_value(&expected.numbers[i]) && same_unit(&expected.numbers[i]))
            .or_else(|| (0..expected.numbers.len()).find(|&i| !used[i] && same_value(&expected.numbers[i])));
        match pick {
            Some(i) => {
                used[i] = true;
                let e = &expected.numbers[i];
                if !e.optional {
                    bump(out, "numbers", |c| c.tp += 1);
                    out.units_total += 1;
                    if same_unit(e) {
                        out.units_matched += 1;
                    }
                }
            }
            None => {
                let optional_twin = expected.numbers.iter().any(|e| e.optional && same_value(e));
                if !optional_twin {
                    bump(out, "numbers", |c| c.fp += 1);
                    out.spurious_facts.push(("numbers".into(), fact));
                    if let Some(last) = seen.last_mut() {
                        last.1 = true;
                    }
                    out.spurious
                        .push(("numbers".into(), describe(n.value, n.end_value, n.of, n.unit.as_deref(), &n.text)));
                }
            }
        }
    }
    for (i, e) in expected.numbers.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, "numbers", |c| c.fn_ += 1);
            out.misses.push(("numbers".into(), describe(e.value, e.end_value, e.of, e.unit.as_deref(), "")));
        }
    }
}

fn describe(v: f64, end: Option<f64>, of: Option<f64>, unit: Option<&str>, text: &str) -> String {
    let mut s = fmt_num(v);
    if let Some(e) = end {
        s.push_str(&format!("..{}", fmt_num(e)));
    }
    if let Some(o) = of {
        s.push_str(&format!(" of {}", fmt_num(o)));
    }
    if let Some(u) = unit {
        s.push(' ');
        s.push_str(u);
    }
    if !text.is_empty() {
        s.push_str(&format!(" ({text})"));
    }
    s
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
mod tests {
    use super::*;
    use crate::facts::*;

    fn expected(json: &str) -> Expected {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn optional_entries_never_count() {
        let e = expected(
            r#"{"organizations": [{"name": "เทศบาลนครขอนแก่น", "aliases": ["ทน."]},
                                  {"name": "GNLC", "optional": true}]}"#,
        );
        let org = |name: &str, abbr: &[&str]| Organization {
            name: name.into(),
            abbreviations: abbr.iter().map(|s| s.to_string()).collect(),
            kind: OrgKind::Other,
            mentions: vec![],
        };
        let facts = ArticleFacts {
            organizations: vec![org("ทน.", &[]), org("GNLC", &[]), org("บริษัท", &[])],
            ..ArticleFacts::default()
        };
        let r = score(&e, &facts);
        assert_eq!(r.counts["organizations"], Counts { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(r.spurious_facts, [("organizations".to_string(), 2)]);
    }

    #[test]
    fn numbers_match_by_value_and_report_units() {
        let e = expected(
            r#"{"numbers": [{"value": 390000000, "unit": "คน"}, {"value": 1, "of": 64, "unit": "เมือง"},
                            {"value": 5}]}"#,
        );
        let n = |value: f64, of: Option<f64>, unit: Option<&str>| NumberFact {
            text: String::new(),
            start: 0,
            end: 0,
            value,
            end_value: None,
            of,
            unit: unit.map(str::to_string),
            kind: NumberKind::Count,
            qualifier: None,
        };
        let facts = ArticleFacts {
            numbers: vec![n(390_000_000.0, None, Some("คน")), n(1.0, Some(64.0), Some("ประเทศ")), n(7.0, None, None)],
            ..ArticleFacts::default()
        };
        let r = score(&e, &facts);
        assert_eq!(r.counts["numbers"], Counts { tp: 2, fp: 1, fn_: 1 });
        assert_eq!(r.spurious_facts, [("numbers".to_string(), 2)]);
        assert_eq!((r.units_matched, r.units_total), (1, 2));
    }

    #[test]
    fn repeated_dates_count_once() {
        let e = expected(r#"{"dates": [{"value": "2024-02-14"}, {"value": "2021", "end_value": null}]}"#);
        let facts =
            ArticleFacts { dates: vec![date(Some("2024-02-14")), date(Some("2024-02-14"))], ..ArticleFacts::default() };
        let r = score(&e, &facts);
        assert_eq!(r.counts["dates"], Counts { tp: 1, fp: 0, fn_: 1 });
    }

    fn date(v: Option<&str>) -> DateFact {
        DateFact {
            text: String::new(),
            start: 0,
            end: 0,
            value: v.map(Into::into),
            end_value: None,
            precision: Precision::Day,
            era: None,
            time: None,
            weekday_mismatch: false,
            month: None,
            day: None,
            offset: None,
            anchor: None,
        }
    }

    #[test]
    fn an_unresolved_date_matches_nothing_and_is_no_false_alarm() {
        let e = expected(r#"{"dates": [{"value": "2024-02-14"}]}"#);
        let facts = ArticleFacts { dates: vec![date(None)], ..ArticleFacts::default() };
        let r = score(&e, &facts);
        assert_eq!(r.counts["dates"], Counts { tp: 0, fp: 0, fn_: 1 });
    }
}
