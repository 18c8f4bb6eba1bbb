//! The HTML reports of an evaluation: of a span evaluation
//! (`thaifacts eval --spans … --html`) and of the expected-facts evaluation
//! (`thaifacts eval DIR --html`): the table, and every document with its
//! matches, misses and false alarms drawn in three styles.

use std::fmt::Write as _;

use super::marks::{self, Mark};
use super::{head, push_attr, push_text};
use crate::eval::spans::{MarkedSpan, Outcome, SpanDoc, SpanReport};
use crate::eval::{ScoredArticle, Scores, CATEGORIES};

/// The report page of the expected-facts evaluation: `scores` and
/// `articles` as [`crate::eval::run_dir_articles`] returns them.
///
/// That evaluation matches facts by name and value, not by span, so in each
/// article every mention of a fact that matched an expected one (or that
/// the scorer let pass, such as an optional one) is drawn green, every
/// mention of a fact that counted as a false alarm orange and struck
/// through, and the expected facts that were missed, which have no span, are
/// listed in red above the text.
///
/// Never panics; a span that does not fit its article is not drawn.
///
/// # Example
///
/// ```
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
/// let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
/// # if !corpus.exists() { return; }
/// let (scores, articles) =
///     thaifacts::eval::run_dir_articles(&thaifacts::Extractor::default(), &dir, Some(&corpus)).unwrap();
/// let html = thaifacts::html::eval_report(&scores, &articles);
/// assert!(html.contains("class=\"ev-match\""));
/// ```
pub fn eval_report(scores: &Scores, articles: &[ScoredArticle]) -> String {
    let mut out = String::with_capacity(articles.iter().map(|a| a.text.len() * 2).sum::<usize>() + 16_384);
    head(&mut out, "thaifacts eval", REPORT_CSS);
    out.push_str("<header><h1>Evaluation against expected facts</h1><ul class=\"legend\">");
    out.push_str("<li><mark class=\"ev-match\">match</mark> a mention of a fact that matched</li>");
    out.push_str("<li><span class=\"ev-miss\">miss</span> an expected fact not found (listed: it has no span)</li>");
    out.push_str("<li><mark class=\"ev-alarm\">false alarm</mark> a mention of a fact nobody expected</li>");
    out.push_str(
        "</ul></header>\n<main>\n<table><thead><tr><th>category</th><th>tp</th><th>fp</th><th>fn</th>\
                  <th>precision</th><th>recall</th><th>F1</th></tr></thead><tbody>",
    );
    for c in CATEGORIES {
        let n = scores.counts.get(c).copied().unwrap_or_default();
        let _ = write!(
            out,
            "<tr><th>{c}</th><td>{}</td><td>{}</td><td>{}</td><td>{:.3}</td><td>{:.3}</td><td>{:.3}</td></tr>",
            n.tp,
            n.fp,
            n.fn_,
            n.precision(),
            n.recall(),
            n.f1()
        );
    }
    let _ = write!(
        out,
        "</tbody></table>\n<p>number units: {:.3} ({} of {} matched numbers); articles: {}</p>\n",
        scores.unit_accuracy(),
        scores.units_matched,
        scores.units_total,
        scores.articles
    );
    out.push_str("<nav><h2>Articles</h2><ol class=\"docs\">");
    for (d, a) in articles.iter().enumerate() {
        let _ = write!(out, "<li><a href=\"#doc{d}\">");
        push_text(&mut out, &a.name);
        let _ = write!(
            out,
            "</a> <small>{} missed, {} false alarms</small></li>",
            a.score.misses.len(),
            a.score.spurious.len()
        );
    }
    out.push_str("</ol></nav>\n");
    for (d, a) in articles.iter().enumerate() {
        let _ = write!(out, "<section class=\"doc\" id=\"doc{d}\"><h2>");
        push_text(&mut out, &a.name);
        out.push_str("</h2>");
        for (label, list, class) in
            [("missed", &a.score.misses, "ev-miss"), ("false alarms", &a.score.spurious, "ev-alarm")]
        {
            if list.is_empty() {
                continue;
            }
            let _ = write!(out, "<p>{label}: ");
            for (category, fact) in list {
                let _ = write!(out, "<span class=\"{class}\">{category}: ");
                push_text(&mut out, fact);
                out.push_str("</span> ");
            }
            out.push_str("</p>");
        }
        out.push_str("<div class=\"text\">");
        marks::render(&mut out, &a.text, &fact_marks(a), &format!("d{d}m"), false);
        out.push_str("</div></section>\n");
    }
    out.push_str("</main>\n<script>document.documentElement.setAttribute(\"data-ready-ms\",performance.now().toFixed(1));</script>\n</body>\n</html>\n");
    out
}

/// Every mention of every fact of `a`, a match or a false alarm.
fn fact_marks(a: &ScoredArticle) -> Vec<Mark> {
    let spurious: std::collections::HashSet<(&str, usize)> =
        a.score.spurious_facts.iter().map(|(c, i)| (c.as_str(), *i)).collect();
    let mut out = Vec::new();
    let mut push = |category: &str, i: usize, start: usize, end: usize, text: &str| {
        let bad = spurious.contains(&(category, i));
        let (class, what) = if bad { ("ev-alarm", "false alarm") } else { ("ev-match", "match") };
        let mut attrs = format!(" class=\"{class}\" data-c=\"{category}\" title=\"{what}: {category}: ");
        push_attr(&mut attrs, text);
        attrs.push('"');
        out.push(Mark { start, end, rank: u8::from(bad), attrs });
    };
    for (i, p) in a.facts.people.iter().enumerate() {
        p.mentions.iter().for_each(|m| push("people", i, m.start, m.end, &p.name));
    }
    for (i, o) in a.facts.organizations.iter().enumerate() {
        o.mentions.iter().for_each(|m| push("organizations", i, m.start, m.end, &o.name));
    }
    for (i, p) in a.facts.places.iter().enumerate() {
        p.mentions.iter().for_each(|m| push("places", i, m.start, m.end, &p.name));
    }
    for (i, d) in a.facts.dates.iter().enumerate() {
        push("dates", i, d.start, d.end, d.value.as_deref().unwrap_or("unresolved"));
    }
    for (i, n) in a.facts.numbers.iter().enumerate() {
        push("numbers", i, n.start, n.end, &n.text);
    }
    out
}

/// The report page of a span evaluation: `report` and `marked` as
/// [`crate::eval::spans::score_docs_marked`] returns them for `docs`.
///
/// A match is drawn green, a miss (a gold span not predicted exactly) red
/// with a wavy underline, a false alarm (a predicted span that is no gold
/// span) orange and struck through; a miss and a false alarm that overlap
/// (a boundary error, a match under overlap matching) are dashed too. Each
/// highlight shows its class after it. Gold and predicted spans overlap, so
/// they nest or are split as the article page's highlights are.
///
/// Never panics; a span that does not fit its document is not drawn.
///
/// # Example
///
/// ```
/// use thaifacts::eval::spans::{parse_brat, score_docs_marked, SpanOptions};
/// let text = "นายสมชาย ใจดี เดินทางไปจังหวัดขอนแก่น";
/// let doc = parse_brat("doc", text, "T1\tPERSON 0 13\tนายสมชาย ใจดี\n", "doc.ann".as_ref()).unwrap();
/// let docs = [doc];
/// let (report, marked) = score_docs_marked(&thaifacts::Extractor::default(), &docs, &SpanOptions::default());
/// let html = thaifacts::html::span_report(&report, &docs, &marked);
/// assert!(html.contains("class=\"ev-match\""));
/// ```
pub fn span_report(report: &SpanReport, docs: &[SpanDoc], marked: &[Vec<MarkedSpan>]) -> String {
    let mut out = String::with_capacity(docs.iter().map(|d| d.text.len() * 2).sum::<usize>() + 16_384);
    head(&mut out, "thaifacts eval --spans", REPORT_CSS);
    out.push_str("<header><h1>Span evaluation</h1><ul class=\"legend\">");
    out.push_str("<li><mark class=\"ev-match\">match</mark> gold span predicted exactly</li>");
    out.push_str("<li><mark class=\"ev-miss\">miss</mark> gold span not predicted exactly</li>");
    out.push_str("<li><mark class=\"ev-alarm\">false alarm</mark> predicted span that is no gold span</li>");
    out.push_str("<li><mark class=\"ev-miss ev-boundary\">boundary</mark> a miss and a false alarm that overlap</li>");
    out.push_str("</ul></header>\n<main>\n");
    table(&mut out, report);
    out.push_str("<nav><h2>Documents</h2><ol class=\"docs\">");
    for (d, (doc, marks)) in docs.iter().zip(marked).enumerate() {
        let [m, miss, alarm] = tally(marks);
        let _ = write!(out, "<li><a href=\"#doc{d}\">");
        push_text(&mut out, &doc.name);
        let _ = write!(out, "</a> <small>{m} matched, {miss} missed, {alarm} false alarms</small></li>");
    }
    out.push_str("</ol></nav>\n");
    for (d, (doc, spans)) in docs.iter().zip(marked).enumerate() {
        let [m, miss, alarm] = tally(spans);
        let _ = write!(out, "<section class=\"doc\" id=\"doc{d}\"><h2>");
        push_text(&mut out, &doc.name);
        let _ =
            write!(out, " <small>{m} matched, {miss} missed, {alarm} false alarms</small></h2><div class=\"text\">");
        let marks: Vec<Mark> = spans.iter().map(mark).collect();
        marks::render(&mut out, &doc.text, &marks, &format!("d{d}m"), false);
        out.push_str("</div></section>\n");
    }
    out.push_str("</main>\n<script>document.documentElement.setAttribute(\"data-ready-ms\",performance.now().toFixed(1));</script>\n</body>\n</html>\n");
    out
}

/// Matches, misses and false alarms of one document.
fn tally(spans: &[MarkedSpan]) -> [usize; 3] {
    let mut n = [0; 3];
    for s in spans {
        n[match s.outcome {
            Outcome::Match => 0,
            Outcome::Miss => 1,
            Outcome::FalseAlarm => 2,
        }] += 1;
    }
    n
}

fn mark(s: &MarkedSpan) -> Mark {
    let (class, what, rank) = match s.outcome {
        Outcome::Match => ("ev-match", "match", 0),
        Outcome::Miss => ("ev-miss", "miss", 1),
        Outcome::FalseAlarm => ("ev-alarm", "false alarm", 2),
    };
    let mut attrs = format!(" class=\"{class}{}\" data-c=\"", if s.boundary { " ev-boundary" } else { "" });
    push_attr(&mut attrs, &s.class);
    let _ = write!(attrs, "\" title=\"{what}: ");
    push_attr(&mut attrs, &s.class);
    if s.boundary {
        attrs.push_str(" (boundary error: overlaps a ");
        attrs.push_str(if s.outcome == Outcome::Miss { "prediction)" } else { "gold span)" });
    }
    attrs.push('"');
    Mark { start: s.start, end: s.end, rank, attrs }
}

fn table(out: &mut String, report: &SpanReport) {
    out.push_str(
        "<table><thead><tr><th rowspan=\"2\">class</th><th rowspan=\"2\">gold</th><th rowspan=\"2\">predicted</th>\
         <th colspan=\"3\">exact</th><th colspan=\"3\">overlap</th></tr>\
         <tr><th>P</th><th>R</th><th>F1</th><th>P</th><th>R</th><th>F1</th></tr></thead><tbody>",
    );
    for (name, c) in report.rows() {
        let (e, o) = (c.exact, c.overlap);
        out.push_str("<tr><th>");
        push_text(out, name);
        let _ = write!(
            out,
            "</th><td>{}</td><td>{}</td><td>{:.3}</td><td>{:.3}</td><td>{:.3}</td>\
             <td>{:.3}</td><td>{:.3}</td><td>{:.3}</td></tr>",
            c.gold,
            c.predicted,
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        );
    }
    let _ = write!(
        out,
        "<tr><th>macro F1</th><td></td><td></td><td colspan=\"3\">{:.3}</td><td colspan=\"3\">{:.3}</td></tr>",
        report.macro_f1(false),
        report.macro_f1(true)
    );
    out.push_str("</tbody></table>\n");
    let list = |out: &mut String, label: &str, m: &std::collections::BTreeMap<String, usize>| {
        if m.is_empty() {
            return;
        }
        let _ = write!(out, "<p>{label}: ");
        let parts: Vec<String> = m.iter().map(|(c, n)| format!("{c} {n}")).collect();
        push_text(out, &parts.join(", "));
        out.push_str("</p>\n");
    };
    list(out, "gold classes not scored (no facts of theirs)", &report.unscored_gold);
    list(out, "predicted classes not scored (not in the gold)", &report.unscored_predicted);
    let _ = writeln!(out, "<p>documents: {}</p>", report.documents);
}

const REPORT_CSS: &str = r#"
main{padding:1rem;max-width:60rem}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d7de;padding:.1rem .5rem;text-align:right}
thead th,tbody th{text-align:left;background:#f6f8fa}
.docs small,h2 small{color:#57606a;font-weight:normal}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.3}
.ev-match{background:#bbf7d0;box-shadow:inset 0 -2px #15803d}
.ev-miss{background:#fecaca;text-decoration:underline wavy #b91c1c;text-underline-offset:3px}
.ev-alarm{background:#fed7aa;text-decoration:line-through #c2410c}
.ev-boundary{outline:1px dashed #57606a}
.text mark::after{content:attr(data-c);font-size:.65em;vertical-align:super;color:#57606a;margin-left:1px}
.text mark[data-cont]::after{content:none}
"#;
