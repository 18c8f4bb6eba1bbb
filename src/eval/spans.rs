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
//! alone, `นายกรัฐมนตรี` for a person named elsewhere, is no name); each mention of an
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
        // elsewhere) refers to the person but is no name.
        let given = p.name.split(' ').next().unwrap_or_default();
        p.mentions.iter().filter(|m| m.text.contains(given)).for_each(|m| push("PERSON", m.start, m.end));
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

/// Reads one brat document: `NAME.txt` and its `NAME.ann`.
///
/// # Errors
///
/// [`EvalError::Io`] when a file cannot be read; the errors of [`parse_brat`].
pub fn read_brat(txt: &Path, ann: &Path) -> Result<SpanDoc, EvalError> {
    let text = read(txt)?;
    let src = read(ann)?;
    let name = txt.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    parse_brat(&name, &text, &src, ann)
}

/// Parses brat standoff `ann` over `text` (`path` names the `.ann` file in
/// errors). Offsets are converted from characters to bytes.
///
/// # Errors
///
/// [`EvalError::SpanLine`] for a `T` line that is not
/// `T<id><TAB>TYPE START END<TAB>TEXT`, [`EvalError::SpanOffsets`] for
/// offsets outside the text or reversed, [`EvalError::SpanText`] when the
/// line's TEXT is not the text at its offsets.
///
/// # Example
///
/// ```
/// use thaifacts::eval::spans::parse_brat;
/// let doc = parse_brat("d", "ที่ขอนแก่น", "T1\tLOCATION 3 10\tขอนแก่น\n", "d.ann".as_ref()).unwrap();
/// assert_eq!((doc.spans[0].start, doc.spans[0].end), (9, 30));
/// let err = parse_brat("d", "ที่ขอนแก่น", "T1\tLOCATION 3 10\tเลย\n", "d.ann".as_ref()).unwrap_err();
/// assert_eq!(err.to_string(), "d.ann:1: span text \"เลย\" is not the text at characters 3..10, \"ขอนแก่น\"");
/// ```
pub fn parse_brat(name: &str, text: &str, ann: &str, path: &Path) -> Result<SpanDoc, EvalError> {
    // Byte offset of every character, and of the end.
    let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let chars = bytes.len() - 1;
    let mut spans = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if !line.starts_with('T') {
            continue;
        }
        let bad = || EvalError::SpanLine { path: path.to_path_buf(), line: line_no, found: line.to_string() };
        let mut cols = line.splitn(3, '\t');
        let (_id, middle, span_text) = match (cols.next(), cols.next(), cols.next()) {
            (Some(id), Some(m), Some(t)) => (id, m, t),
            _ => return Err(bad()),
        };
        let (class, ranges) = middle.split_once(' ').ok_or_else(bad)?;
        let mut start = usize::MAX;
        let mut end = 0;
        for range in ranges.split(';') {
            let (s, e) = range.trim().split_once(' ').ok_or_else(bad)?;
            let (s, e): (usize, usize) = (s.parse().map_err(|_| bad())?, e.parse().map_err(|_| bad())?);
            if s > e || e > chars {
                return Err(EvalError::SpanOffsets {
                    path: path.to_path_buf(),
                    line: line_no,
                    start: s,
                    end: e,
                    chars,
                });
            }
            start = start.min(s);
            end = end.max(e);
        }
        if class.is_empty() || start == usize::MAX {
            return Err(bad());
        }
        let (bs, be) = (bytes[start], bytes[end]);
        // A discontinuous span's TEXT joins its pieces: check only contiguous ones.
        if !ranges.contains(';') && &text[bs..be] != span_text {
            return Err(EvalError::SpanText {
                path: path.to_path_buf(),
                line: line_no,
                start,
                end,
                expected: span_text.to_string(),
                found: text[bs..be].to_string(),
            });
        }
        spans.push(Span { class: class.to_string(), start: bs, end: be });
    }
    Ok(SpanDoc { name: name.to_string(), text: text.to_string(), spans })
}

/// Parses a CoNLL-style IOB file (`path` names it in errors; see the module
/// docs for the format and the joining rule) into its documents.
///
/// # Errors
///
/// [`EvalError::IobTag`] for a last column that is not `O`, `B-X`, `I-X`,
/// `E-X` or `S-X`.
///
/// # Example
///
/// ```
/// use thaifacts::eval::spans::{parse_iob, IobJoin};
/// let src = "นาย\tB-PERSON\nสมชาย\tI-PERSON\n \tO\nกล่าว\tO\n";
/// let docs = parse_iob("d", src, "d.conll".as_ref(), IobJoin::Concat).unwrap();
/// assert_eq!(docs[0].text, "นายสมชาย กล่าว");
/// assert_eq!(&docs[0].text[docs[0].spans[0].start..docs[0].spans[0].end], "นายสมชาย");
/// ```
pub fn parse_iob(name: &str, src: &str, path: &Path, join: IobJoin) -> Result<Vec<SpanDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut doc = SpanDoc { name: String::new(), text: String::new(), spans: Vec::new() };
    // The span being read: class and start.
    let mut open: Option<(String, usize)> = None;
    let mut sentence_tokens = 0usize;
    let close = |doc: &mut SpanDoc, open: &mut Option<(String, usize)>| {
        if let Some((class, start)) = open.take() {
            let end = doc.text.trim_end_matches(' ').len().max(start);
            doc.spans.push(Span { class, start, end });
        }
    };
    let finish = |mut doc: SpanDoc, docs: &mut Vec<SpanDoc>| {
        if !doc.text.is_empty() {
            doc.name = name.to_string();
            docs.push(doc);
        }
    };
    for (i, raw) in src.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            close(&mut doc, &mut open);
            if sentence_tokens > 0 {
                doc.text.push('\n');
                sentence_tokens = 0;
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open);
            finish(
                std::mem::replace(&mut doc, SpanDoc { name: String::new(), text: String::new(), spans: Vec::new() }),
                &mut docs,
            );
            sentence_tokens = 0;
            continue;
        }
        let (token, tag) = if let Some((token, rest)) = line.split_once('\t') {
            (token, rest.rsplit('\t').next().unwrap_or(rest).trim())
        } else {
            let mut cols = line.split_whitespace();
            let first = cols.next().unwrap_or("");
            (first, cols.next_back().unwrap_or(""))
        };
        let bad = || EvalError::IobTag { path: path.to_path_buf(), line: i + 1, found: tag.to_string() };
        let (prefix, class) = if tag == "O" {
            ("O", "")
        } else {
            let sep = tag.find(['-', '_']).ok_or_else(bad)?;
            (&tag[..sep], &tag[sep + 1..])
        };
        if prefix != "O" && class.is_empty() {
            return Err(bad());
        }
        if sentence_tokens > 0 && join == IobJoin::Space {
            doc.text.push(' ');
        }
        let token = if join == IobJoin::Concat && token == "_" { " " } else { token };
        let start = doc.text.len();
        match prefix {
            "O" => close(&mut doc, &mut open),
            "B" | "S" => {
                close(&mut doc, &mut open);
                open = Some((class.to_string(), start));
            }
            "I" | "E" => {
                if open.as_ref().is_none_or(|(c, _)| c != class) {
                    close(&mut doc, &mut open);
                    open = Some((class.to_string(), start));
                }
            }
            _ => return Err(bad()),
        }
        doc.text.push_str(token);
        sentence_tokens += 1;
        if matches!(prefix, "E" | "S") {
            close(&mut doc, &mut open);
        }
    }
    close(&mut doc, &mut open);
    finish(doc, &mut docs);
    if docs.len() > 1 {
        for (n, d) in docs.iter_mut().enumerate() {
            d.name = format!("{name}#{}", n + 1);
        }
    }
    Ok(docs)
}

/// File extensions read as IOB.
const IOB_EXTENSIONS: [&str; 3] = ["conll", "iob", "bio"];

/// Reads every document under `path`: a brat `.ann` file (with its `.txt`),
/// an IOB file, or a directory of them (not recursive), in name order.
///
/// # Errors
///
/// [`EvalError::Io`] when a file or the directory cannot be read,
/// [`EvalError::NoDocuments`] when there is nothing to score, and the errors
/// of [`parse_brat`] and [`parse_iob`].
pub fn read_spans(path: &Path, join: IobJoin) -> Result<Vec<SpanDoc>, EvalError> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let listing = std::fs::read_dir(path).map_err(|source| EvalError::Io { path: path.to_path_buf(), source })?;
        let mut files: Vec<PathBuf> = listing.filter_map(|e| Some(e.ok()?.path())).collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut docs = Vec::new();
    for file in &files {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if ext == "ann" {
            docs.push(read_brat(&file.with_extension("txt"), file)?);
        } else if IOB_EXTENSIONS.contains(&ext) {
            docs.extend(parse_iob(&stem, &read(file)?, file, join)?);
        } else if !path.is_dir() {
            return Err(EvalError::NoDocuments { path: path.to_path_buf() });
        }
    }
    if docs.is_empty() {
        return Err(EvalError::NoDocuments { path: path.to_path_buf() });
    }
    Ok(docs)
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io { path: path.to_path_buf(), source })
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
mod tests {
    use super::*;

    fn span(class: &str, start: usize, end: usize) -> Span {
        Span { class: class.into(), start, end }
    }

    fn doc(text: &str) -> SpanDoc {
        SpanDoc { name: "d".into(), text: text.into(), spans: vec![] }
    }

    #[test]
    fn exact_and_overlap_count_one_of_each_case() {
        let d = doc(&"x".repeat(100));
        let gold = [span("PERSON", 0, 10), span("PERSON", 20, 30), span("PERSON", 40, 50)];
        // A true positive, a boundary error, a false alarm; gold 40..50 is missed.
        let pred = [span("PERSON", 0, 10), span("PERSON", 20, 25), span("PERSON", 60, 70)];
        let (g, p): (Vec<&Span>, Vec<&Span>) = (gold.iter().collect(), pred.iter().collect());
        let mut out = ClassScore::default();
        let mut diffs = vec![];
        let mut marks = vec![];
        score_class(&d, "PERSON", &g, &p, &mut out, &mut diffs, 3, &mut marks);
        assert_eq!(out.exact, Counts { tp: 1, fp: 2, fn_: 2 });
        let outcomes: Vec<(usize, Outcome, bool)> = marks.iter().map(|m| (m.start, m.outcome, m.boundary)).collect();
        assert_eq!(
            outcomes,
            [
                (0, Outcome::Match, false),
                (20, Outcome::Miss, true),
                (40, Outcome::Miss, false),
                (20, Outcome::FalseAlarm, true),
                (60, Outcome::FalseAlarm, false)
            ]
        );
        assert_eq!(out.overlap, Counts { tp: 2, fp: 1, fn_: 1 });
        let kinds: Vec<DiffKind> = diffs.iter().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiffKind::Boundary, DiffKind::Miss, DiffKind::FalseAlarm]);
        assert_eq!(diffs[1].left, "xxx");
    }

    #[test]
    fn one_predicted_span_over_two_gold_spans_matches_one() {
        let d = doc(&"x".repeat(40));
        let gold = [span("ORGANIZATION", 0, 10), span("ORGANIZATION", 11, 20)];
        let pred = [span("ORGANIZATION", 0, 20)];
        let mut out = ClassScore::default();
        score_class(
            &d,
            "ORGANIZATION",
            &gold.iter().collect::<Vec<_>>(),
            &pred.iter().collect::<Vec<_>>(),
            &mut out,
            &mut vec![],
            0,
            &mut vec![],
        );
        assert_eq!(out.overlap, Counts { tp: 1, fp: 0, fn_: 1 });
        assert_eq!(out.exact, Counts { tp: 0, fp: 1, fn_: 2 });
    }

    #[test]
    fn brat_errors_name_file_and_line() {
        let p = Path::new("a.ann");
        let e = parse_brat("a", "abc", "T1\tPERSON 0\tabc", p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.ann:1: expected `T<id><TAB>TYPE START END<TAB>TEXT`, found \"T1\\tPERSON 0\\tabc\""
        );
        let e = parse_brat("a", "abc", "#1\tnote\nT1\tPERSON 0 9\tabc", p).unwrap_err();
        assert_eq!(e.to_string(), "a.ann:2: offsets 0..9 outside the text (3 characters) or reversed");
    }

    #[test]
    fn brat_discontinuous_spans_run_first_start_to_last_end() {
        let d = parse_brat("a", "ab cd", "T1\tPERSON 0 2;3 5\tab cd\nR1\tRel Arg1:T1 Arg2:T1\n", Path::new("a.ann"))
            .unwrap();
        assert_eq!(d.spans, [span("PERSON", 0, 5)]);
    }

    #[test]
    fn iob_reads_bioes_lst20_tags_and_documents() {
        let src = "-DOCSTART-\nก\tB_PER\nข\tE_PER\n_\tO\nค\tS-LOC\n\nง\tI-ORG\n-DOCSTART-\nจ\tO\n";
        let docs = parse_iob("f", src, Path::new("f.iob"), IobJoin::Concat).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].name, "f#1");
        assert_eq!(docs[0].text, "กข ค\nง");
        let texts: Vec<(&str, &str)> =
            docs[0].spans.iter().map(|s| (s.class.as_str(), &docs[0].text[s.start..s.end])).collect();
        assert_eq!(texts, [("PER", "กข"), ("LOC", "ค"), ("ORG", "ง")]);
        let e = parse_iob("f", "ก\tX\n", Path::new("f.iob"), IobJoin::Concat).unwrap_err();
        assert_eq!(e.to_string(), "f.iob:1: expected a tag O, B-X, I-X, E-X or S-X in the last column, found \"X\"");
    }

    #[test]
    fn iob_space_join_for_space_separated_corpora() {
        let docs = parse_iob("f", "John B-PER\nSmith I-PER\nsaid O\n", Path::new("f.conll"), IobJoin::Space).unwrap();
        assert_eq!(docs[0].text, "John Smith said");
        assert_eq!(docs[0].spans, [span("PER", 0, 10)]);
    }

    #[test]
    fn predicted_spans_are_flat_and_name_people_by_name() {
        let text = "นายสมชาย ใจดี นายกรัฐมนตรี เดินทางไปมหาวิทยาลัยขอนแก่น จากนั้นนายกรัฐมนตรีกล่าวว่า";
        let facts = crate::extract(text);
        assert!(facts.places.iter().any(|p| p.name == "ขอนแก่น"), "the fact is there: {facts:?}");
        let predicted = predicted_spans(&facts);
        let spans: Vec<(&str, &str)> = predicted.iter().map(|s| (s.class.as_str(), &text[s.start..s.end])).collect();
        assert_eq!(spans, [("PERSON", "นายสมชาย ใจดี"), ("ORGANIZATION", "มหาวิทยาลัยขอนแก่น")]);
    }

    #[test]
    fn context_counts_characters_not_bytes() {
        assert_eq!(context_of("กขคงจ", 6, 9, 1), ("ข".to_string(), "ง".to_string()));
        assert_eq!(context_of("ab\ncd", 3, 4, 5), ("ab ".to_string(), "d".to_string()));
    }
}
