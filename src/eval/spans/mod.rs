//! Scoring extraction against span-annotated text, the way named-entity
//! corpora are published.
//!
//! This sits beside the pipeline, like the rest of [`crate::eval`]: a corpus
//! gives text with gold spans, each of a class (`PERSON`, `LOCATION`, ...);
//! [`score_docs`] runs the extractor over each text, turns its facts into
//! spans of the same classes ([`predicted_spans`]) and counts matches per
//! class, two ways:
//!
//! - **exact**: a predicted span matches a gold span of the same class with
//!   the same start and end;
//! - **overlap**: a predicted span matches a gold span of the same class that
//!   it overlaps by at least one character, one to one (each gold span is
//!   paired, in text order, with the unpaired predicted span that overlaps it
//!   most).
//!
//! A boundary error (`นายสมชาย` predicted for gold `นายสมชาย ใจดี`) is a
//! false alarm and a miss under exact matching and a match under overlap
//! matching.
//!
//! # Formats
//!
//! - **brat standoff**: `NAME.txt` beside `NAME.ann`, whose lines
//!   `T1<TAB>TYPE START END<TAB>TEXT` give CHARACTER offsets (Unicode scalar
//!   values), end exclusive, into `NAME.txt`. A discontinuous span
//!   (`START END;START END`) counts from its first start to its last end.
//!   Lines other than `T…` (relations, attributes, notes) are skipped.
//! - **CoNLL-style IOB** (`.conll`, `.iob`, `.bio`): one token a line, the
//!   tag in the last column (`O`, `B-X`, `I-X`, and the BIOES `E-X`, `S-X`;
//!   `B_X` as LST20 writes it is read too), a blank line between sentences,
//!   `-DOCSTART-` between documents. Columns are split at tabs when the line
//!   has one (so a token may be a space), else at runs of spaces. The text
//!   is rebuilt by the rule [`IobJoin`] names: by default tokens are joined
//!   with nothing between them, since Thai corpora tokenize a space as a
//!   token of its own, and a token `_` stands for a space (LST20's
//!   convention); sentences are joined by a newline. An `I-X` that does not
//!   continue a span of class X starts one.
//!
//! # Classes
//!
//! Facts become spans of these classes: each mention of a person by name →
//! `PERSON` (title included, as NER corpora draw it; a mention by position
//! alone, `นายกรัฐมนตรี` for a person named elsewhere, is no name; a nickname
//! after หรือ is one); each mention of an
//! organization → `ORGANIZATION`; each mention of a place → `LOCATION`, of a
//! venue → `FACILITY`; each date → `DATE`; each number of kind money →
//! `MONEY`, of kind percent → `PERCENT`. Corpora annotate flat spans, so a
//! span inside a longer one of another class (`ขอนแก่น` inside
//! `มหาวิทยาลัยขอนแก่น`) is left out. Gold classes can be renamed
//! ([`SpanOptions::map`], `--map PER=PERSON` on the command line). A class
//! that only one side has is listed, not scored.
//!
//! # Example
//!
//! ```
//! use thaifacts::eval::spans::{parse_brat, score_docs, SpanOptions};
//! let text = "นายสมชาย ใจดี เดินทางไปจังหวัดขอนแก่น";
//! let ann = "T1\tPERSON 0 13\tนายสมชาย ใจดี\nT2\tLOCATION 30 37\tขอนแก่น\n";
//! let doc = parse_brat("doc", text, ann, std::path::Path::new("doc.ann")).unwrap();
//! let report = score_docs(&thaifacts::Extractor::default(), &[doc], &SpanOptions::default());
//! assert_eq!(report.classes["PERSON"].exact.tp, 1);
//! assert_eq!(report.classes["LOCATION"].gold, 1);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::eval::Counts;
use crate::facts::{ArticleFacts, NumberKind, PlaceKind};
use crate::EvalError;

mod read;

pub use read::{parse_brat, parse_iob, read_brat, read_spans};

/// One annotated span: a class and byte offsets into the document's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The class, as the corpus names it (or as renamed by the map).
    pub class: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A document of a span-annotated corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanDoc {
    /// Its name: the file name without extension, with `#N` for the N-th
    /// document of an IOB file that holds several.
    pub name: String,
    /// The text the spans refer to.
    pub text: String,
    /// The gold spans, as annotated (byte offsets into `text`).
    pub spans: Vec<Span>,
}

impl SpanDoc {
    /// The document as a paper that lost the space after a name would print
    /// it: every run of spaces right after a gold span of one of `classes`,
    /// and before a Thai letter, is removed, and every gold span is moved to
    /// the same words in the shorter text. Older Thai dailies were scraped
    /// this way (`นายสมชาย ใจดีกล่าวว่า`); scoring the squeezed documents
    /// measures how much the extractor leans on that space. A run before a
    /// line end, a digit or Latin text stays.
    ///
    /// ```
    /// use thaifacts::eval::spans::parse_brat;
    /// let text = "นายสมชาย ใจดี กล่าวว่า";
    /// let doc = parse_brat("d", text, "T1\tPERSON 0 13\tนายสมชาย ใจดี\n", "d.ann".as_ref()).unwrap();
    /// let squeezed = doc.squeeze_after(&["PERSON"]);
    /// assert_eq!(squeezed.text, "นายสมชาย ใจดีกล่าวว่า");
    /// let s = &squeezed.spans[0];
    /// assert_eq!(&squeezed.text[s.start..s.end], "นายสมชาย ใจดี");
    /// ```
    pub fn squeeze_after(&self, classes: &[&str]) -> SpanDoc {
        let is_thai_letter = |c: char| ('\u{0E01}'..='\u{0E4F}').contains(&c);
        // Byte ranges to drop, sorted and disjoint (each starts at a span's
        // end and covers only spaces).
        let mut drop: Vec<(usize, usize)> = self
            .spans
            .iter()
            .filter(|s| classes.contains(&s.class.as_str()))
            .filter_map(|s| {
                let rest = self.text.get(s.end..)?;
                let run = rest.len() - rest.trim_start_matches([' ', '\u{A0}']).len();
                let next = rest[run..].chars().next()?;
                (run > 0 && is_thai_letter(next)).then_some((s.end, s.end + run))
            })
            .collect();
        drop.sort_unstable();
        drop.dedup();
        let mut text = String::with_capacity(self.text.len());
        let mut at = 0;
        for &(start, end) in &drop {
            text.push_str(&self.text[at..start]);
            at = end;
        }
        text.push_str(&self.text[at..]);
        // A byte offset moves left by the bytes dropped before it; no span
        // edge lies inside a dropped run (spans are trimmed of spaces).
        let dropped_before: Vec<usize> = drop
            .iter()
            .scan(0, |sum, (start, end)| {
                *sum += end - start;
                Some(*sum)
            })
            .collect();
        let shift = |offset: usize| match drop.partition_point(|(start, _)| *start < offset) {
            0 => offset,
            n => {
                let (start, end) = drop[n - 1];
                let before = if n > 1 { dropped_before[n - 2] } else { 0 };
                offset - before - (end.min(offset) - start)
            }
        };
        let spans = self
            .spans
            .iter()
            .map(|s| Span { class: s.class.clone(), start: shift(s.start), end: shift(s.end) })
            .collect();
        SpanDoc { name: self.name.clone(), text, spans }
    }
}

/// How the tokens of an IOB file are joined into the document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum IobJoin {
    /// Tokens joined with nothing between them; a token `_` is a space
    /// (Thai corpora: ThaiNER, LST20).
    #[default]
    Concat,
    /// Tokens joined with one space (corpora of space-separated languages).
    Space,
}

/// Options of [`score_docs`].
#[derive(Debug, Clone, Default)]
pub struct SpanOptions {
    /// Gold classes renamed before scoring: `(gold, ours)`, e.g.
    /// `("PER", "PERSON")`.
    pub map: Vec<(String, String)>,
    /// The publication date the documents are read with (none by default).
    pub published: Option<NaiveDate>,
    /// Characters of context on each side in [`SpanReport::diffs`].
    pub context: usize,
}

/// Counts of one class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassScore {
    /// Gold spans.
    pub gold: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Counts under exact matching.
    pub exact: Counts,
    /// Counts under overlap matching.
    pub overlap: Counts,
}

/// What a [`SpanDiff`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// A gold span no predicted span overlaps.
    Miss,
    /// A predicted span that overlaps no gold span.
    FalseAlarm,
    /// A gold span matched by overlap only: `predicted` holds what was found.
    Boundary,
}

/// One miss, false alarm or boundary error, with its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanDiff {
    /// The document.
    pub document: String,
    /// The class.
    pub class: String,
    /// Miss, false alarm or boundary error.
    pub kind: DiffKind,
    /// The span's text (gold for misses and boundary errors).
    pub text: String,
    /// Byte offsets of the span in the document.
    pub start: usize,
    /// Byte offset one past the span.
    pub end: usize,
    /// For a boundary error, the predicted span's text.
    pub predicted: Option<String>,
    /// Up to [`SpanOptions::context`] characters before the span.
    pub left: String,
    /// Up to [`SpanOptions::context`] characters after the span.
    pub right: String,
}

/// The result of [`score_docs`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpanReport {
    /// Documents scored.
    pub documents: usize,
    /// Scored classes: those both the gold spans and the extractor have.
    pub classes: BTreeMap<String, ClassScore>,
    /// Gold spans of classes the extractor does not produce (listed, not scored).
    pub unscored_gold: BTreeMap<String, usize>,
    /// Predicted spans of classes the gold spans do not have (listed, not scored).
    pub unscored_predicted: BTreeMap<String, usize>,
    /// Misses, false alarms and boundary errors of the scored classes, in
    /// document and text order.
    pub diffs: Vec<SpanDiff>,
}

impl SpanReport {
    /// Counts summed over the scored classes (micro average), exact or overlap.
    pub fn micro(&self, overlap: bool) -> Counts {
        let mut total = Counts::default();
        for c in self.classes.values() {
            let n = if overlap { c.overlap } else { c.exact };
            total.tp += n.tp;
            total.fp += n.fp;
            total.fn_ += n.fn_;
        }
        total
    }

    /// The rows of the score table in the order every renderer prints them:
    /// each scored class by name, then `micro`, the sum over them (its gold
    /// and predicted counts are the summed true positives plus misses and
    /// plus false alarms under exact matching).
    pub fn rows(&self) -> Vec<(&str, ClassScore)> {
        let (exact, overlap) = (self.micro(false), self.micro(true));
        let micro = ClassScore { gold: exact.tp + exact.fn_, predicted: exact.tp + exact.fp, exact, overlap };
        self.classes.iter().map(|(name, c)| (name.as_str(), *c)).chain([("micro", micro)]).collect()
    }

    /// The mean F1 of the scored classes (macro average); 1 when none is scored.
    pub fn macro_f1(&self, overlap: bool) -> f64 {
        if self.classes.is_empty() {
            return 1.0;
        }
        let sum: f64 = self.classes.values().map(|c| if overlap { c.overlap.f1() } else { c.exact.f1() }).sum();
        sum / self.classes.len() as f64
    }
}

/// How a span of a document fared under exact matching: what
/// [`score_docs_marked`] returns for drawing a document
/// ([`crate::html::span_report`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A gold span predicted with the same class, start and end (drawn once,
    /// for both sides).
    Match,
    /// A gold span not predicted exactly.
    Miss,
    /// A predicted span that is no gold span.
    FalseAlarm,
}

/// A gold or predicted span of one document, with how it fared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkedSpan {
    /// The class (after renaming).
    pub class: String,
    /// Byte offset of the first byte in the document's text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Match, miss or false alarm.
    pub outcome: Outcome,
    /// A miss or false alarm that overlap matching pairs (a boundary error):
    /// the gold span and the predicted span that overlaps it.
    pub boundary: bool,
}

/// The classes [`predicted_spans`] can produce.
pub const CLASSES: [&str; 7] = ["PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "DATE", "MONEY", "PERCENT"];

/// The facts of one article as spans of the classes NER corpora use (see the
/// module docs), byte offsets into the extracted text, sorted, without
/// duplicates.
///
/// # Example
///
/// ```
/// let facts = thaifacts::extract("ร้อยละ 5 ของ 2.5 ล้านบาท");
/// let spans = thaifacts::eval::spans::predicted_spans(&facts);
/// let classes: Vec<&str> = spans.iter().map(|s| s.class.as_str()).collect();
/// assert_eq!(classes, ["PERCENT", "MONEY"]);
/// ```
pub fn predicted_spans(facts: &ArticleFacts) -> Vec<Span> {
    let mut out = Vec::new();
    let mut push = |class: &str, start: usize, end: usize| out.push(Span { class: class.to_string(), start, end });
    for p in &facts.people {
        // A mention by position alone (นายกรัฐมนตรี for a person named
        // elsewhere) refers to the person but is no name; another name of
        // the person (a nickname after หรือ) is one.
        let given = p.name.split(' ').next().unwrap_or_default();
        let by_position = |m: &&crate::Mention| !m.text.contains(given) && p.positions.contains(&m.text);
        p.mentions.iter().filter(|m| !by_position(m)).for_each(|m| push("PERSON", m.start, m.end));
    }
    for o in &facts.organizations {
        o.mentions.iter().for_each(|m| push("ORGANIZATION", m.start, m.end));
    }
    for p in &facts.places {
        let class = if p.kind == PlaceKind::Venue { "FACILITY" } else { "LOCATION" };
        p.mentions.iter().for_each(|m| push(class, m.start, m.end));
    }
    for d in &facts.dates {
        push("DATE", d.start, d.end);
    }
    for n in &facts.numbers {
        match n.kind {
            NumberKind::Money => push("MONEY", n.start, n.end),
            NumberKind::Percent => push("PERCENT", n.start, n.end),
            _ => {}
        }
    }
    // Corpora annotate flat spans: a span inside a longer one of another
    // class (ขอนแก่น in มหาวิทยาลัยขอนแก่น) is part of that one's name there.
    // Sorted by start and then longest first, a span is nested when it ends
    // no later than the furthest-reaching span that started before it.
    out.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.class).cmp(&(b.start, std::cmp::Reverse(b.end), &b.class))
    });
    out.dedup();
    let mut reach: Option<(usize, usize, &str)> = None;
    let mut keep = vec![true; out.len()];
    for (i, s) in out.iter().enumerate() {
        match reach {
            Some((start, end, class)) if s.end <= end && (s.start, s.end) != (start, end) && class != s.class => {
                keep[i] = false
            }
            Some((_, end, _)) if s.end <= end => {}
            _ => reach = Some((s.start, s.end, &s.class)),
        }
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out.sort_by(|a, b| (a.start, a.end, &a.class).cmp(&(b.start, b.end, &b.class)));
    out
}

/// Runs `extractor` over every document and scores its spans against the
/// gold spans (see the module docs for the matching).
pub fn score_docs(extractor: &crate::Extractor, docs: &[SpanDoc], options: &SpanOptions) -> SpanReport {
    score_docs_marked(extractor, docs, options).0
}

/// Like [`score_docs`], and also returns, for each document (in the order of
/// `docs`), its spans of the scored classes with how each fared, sorted by
/// start: a match once, a miss for a gold span, a false alarm for a predicted
/// one.
///
/// # Example
///
/// ```
/// use thaifacts::eval::spans::{parse_brat, score_docs_marked, Outcome, SpanOptions};
/// let text = "นายสมชาย ใจดี เดินทางไปจังหวัดขอนแก่น";
/// let doc = parse_brat("doc", text, "T1\tPERSON 0 13\tนายสมชาย ใจดี\n", "doc.ann".as_ref()).unwrap();
/// let (_, marked) = score_docs_marked(&thaifacts::Extractor::default(), &[doc], &SpanOptions::default());
/// assert_eq!(marked[0][0].outcome, Outcome::Match);
/// ```
pub fn score_docs_marked(
    extractor: &crate::Extractor,
    docs: &[SpanDoc],
    options: &SpanOptions,
) -> (SpanReport, Vec<Vec<MarkedSpan>>) {
    let rename = |class: &str| -> String {
        options.map.iter().find(|(g, _)| g == class).map_or_else(|| class.to_string(), |(_, o)| o.clone())
    };
    let per_doc: Vec<(Vec<Span>, Vec<Span>)> = docs
        .iter()
        .map(|doc| {
            let gold: Vec<Span> =
                doc.spans.iter().map(|s| Span { class: rename(&s.class), start: s.start, end: s.end }).collect();
            let predicted = predicted_spans(&extractor.extract_with(&doc.text, options.published));
            (gold, predicted)
        })
        .collect();
    let mut gold_classes: BTreeMap<String, usize> = BTreeMap::new();
    for (gold, _) in &per_doc {
        gold.iter().for_each(|s| *gold_classes.entry(s.class.clone()).or_default() += 1);
    }
    let scored = |class: &str| CLASSES.contains(&class) && gold_classes.contains_key(class);
    let mut report = SpanReport { documents: docs.len(), ..SpanReport::default() };
    for (class, n) in &gold_classes {
        if !scored(class) {
            report.unscored_gold.insert(class.clone(), *n);
        }
    }
    let mut marked = Vec::with_capacity(docs.len());
    for (doc, (gold, predicted)) in docs.iter().zip(&per_doc) {
        for s in predicted.iter().filter(|s| !scored(&s.class)) {
            *report.unscored_predicted.entry(s.class.clone()).or_default() += 1;
        }
        let mut marks = Vec::new();
        for class in CLASSES.iter().filter(|c| scored(c)) {
            let g: Vec<&Span> = gold.iter().filter(|s| s.class == *class).collect();
            let p: Vec<&Span> = predicted.iter().filter(|s| s.class == *class).collect();
            let entry = report.classes.entry(class.to_string()).or_default();
            score_class(doc, class, &g, &p, entry, &mut report.diffs, options.context, &mut marks);
        }
        marks.sort_by(|a, b| {
            (a.start, std::cmp::Reverse(a.end), &a.class).cmp(&(b.start, std::cmp::Reverse(b.end), &b.class))
        });
        marked.push(marks);
    }
    (report, marked)
}

/// Scores one class of one document into `out`, recording its diffs and
/// its spans with how each fared.
#[allow(clippy::too_many_arguments)]
fn score_class(
    doc: &SpanDoc,
    class: &str,
    gold: &[&Span],
    predicted: &[&Span],
    out: &mut ClassScore,
    diffs: &mut Vec<SpanDiff>,
    context: usize,
    marks: &mut Vec<MarkedSpan>,
) {
    out.gold += gold.len();
    out.predicted += predicted.len();
    // Exact: a multiset intersection of (start, end).
    let mut unmatched: HashMap<(usize, usize), usize> = HashMap::new();
    for p in predicted {
        *unmatched.entry((p.start, p.end)).or_default() += 1;
    }
    let mut exact_tp = 0;
    let mut gold_exact = vec![false; gold.len()];
    for (k, g) in gold.iter().enumerate() {
        if let Some(n) = unmatched.get_mut(&(g.start, g.end)).filter(|n| **n > 0) {
            *n -= 1;
            exact_tp += 1;
            gold_exact[k] = true;
        }
    }
    // The predicted spans left over after the exact matches are false
    // alarms under exact matching: the last ones of each (start, end).
    let mut pred_exact = vec![true; predicted.len()];
    for (j, p) in predicted.iter().enumerate().rev() {
        if let Some(n) = unmatched.get_mut(&(p.start, p.end)).filter(|n| **n > 0) {
            *n -= 1;
            pred_exact[j] = false;
        }
    }
    let mut gold_paired = vec![false; gold.len()];
    out.exact.tp += exact_tp;
    out.exact.fp += predicted.len() - exact_tp;
    out.exact.fn_ += gold.len() - exact_tp;
    // Overlap: each gold span, in text order, takes the unpaired predicted
    // span that overlaps it most. Both lists are sorted by start, so the
    // candidates are found from a moving lower bound.
    let mut paired = vec![false; predicted.len()];
    let mut low = 0;
    let mut gold_sorted: Vec<(usize, &Span)> = gold.iter().copied().enumerate().collect();
    gold_sorted.sort_by_key(|(_, s)| (s.start, s.end));
    let mut overlap_tp = 0;
    let diff = |kind, s: &Span, predicted: Option<String>| {
        let (left, right) = context_of(&doc.text, s.start, s.end, context);
        SpanDiff {
            document: doc.name.clone(),
            class: class.to_string(),
            kind,
            text: doc.text[s.start..s.end].to_string(),
            start: s.start,
            end: s.end,
            predicted,
            left,
            right,
        }
    };
    for (k, g) in gold_sorted {
        while low < predicted.len() && predicted[low].end <= g.start {
            low += 1;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, p) in predicted.iter().enumerate().skip(low) {
            if p.start >= g.end {
                break;
            }
            let overlap = p.end.min(g.end).saturating_sub(p.start.max(g.start));
            if paired[j] || overlap == 0 {
                continue;
            }
            if best.is_none_or(|(_, o)| overlap > o) {
                best = Some((j, overlap));
            }
        }
        match best {
            Some((j, _)) => {
                paired[j] = true;
                gold_paired[k] = true;
                overlap_tp += 1;
                let p = predicted[j];
                if (p.start, p.end) != (g.start, g.end) {
                    diffs.push(diff(DiffKind::Boundary, g, Some(doc.text[p.start..p.end].to_string())));
                }
            }
            None => diffs.push(diff(DiffKind::Miss, g, None)),
        }
    }
    for (j, p) in predicted.iter().enumerate() {
        if !paired[j] {
            diffs.push(diff(DiffKind::FalseAlarm, p, None));
        }
    }
    out.overlap.tp += overlap_tp;
    out.overlap.fp += predicted.len() - overlap_tp;
    out.overlap.fn_ += gold.len() - overlap_tp;
    let mark = |s: &Span, outcome, boundary| MarkedSpan {
        class: class.to_string(),
        start: s.start,
        end: s.end,
        outcome,
        boundary,
    };
    for (k, g) in gold.iter().enumerate() {
        let outcome = if gold_exact[k] { Outcome::Match } else { Outcome::Miss };
        marks.push(mark(g, outcome, !gold_exact[k] && gold_paired[k]));
    }
    for (j, p) in predicted.iter().enumerate() {
        if !pred_exact[j] {
            marks.push(mark(p, Outcome::FalseAlarm, paired[j]));
        }
    }
}

/// Up to `n` characters before `start` and after `end`, newlines shown as spaces.
fn context_of(text: &str, start: usize, end: usize, n: usize) -> (String, String) {
    let left_start = text[..start].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    let left = if n == 0 { "" } else { &text[left_start..start] };
    let right: String = text[end..].chars().take(n).collect();
    (left.replace('\n', " "), right.replace('\n', " "))
}

#[cfg(test)]
mod tests;
