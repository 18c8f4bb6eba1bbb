//! The HTML report of a span evaluation (`thaifacts eval --spans … --html`):
//! the per-class table, and every document with its matches, misses and
//! false alarms drawn in three styles.

use std::fmt::Write as _;

use super::marks::{self, Mark};
use super::{head, push_attr, push_text};
use crate::eval::spans::{MarkedSpan, Outcome, SpanDoc, SpanReport};
use crate::eval::Counts;

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
    let row = |out: &mut String, name: &str, gold: usize, pred: usize, e: Counts, o: Counts| {
        out.push_str("<tr><th>");
        push_text(out, name);
        let _ = write!(
            out,
            "</th><td>{gold}</td><td>{pred}</td><td>{:.3}</td><td>{:.3}</td><td>{:.3}</td>\
             <td>{:.3}</td><td>{:.3}</td><td>{:.3}</td></tr>",
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        );
    };
    for (class, c) in &report.classes {
        row(out, class, c.gold, c.predicted, c.exact, c.overlap);
    }
    let (e, o) = (report.micro(false), report.micro(true));
    row(out, "micro", e.tp + e.fn_, e.tp + e.fp, e, o);
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
