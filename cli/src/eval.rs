//! `thaifacts eval`: scores against expected facts or span annotations,
//! printed as a table or JSON, and the HTML report of `--spans --html`.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use thaifacts::eval::spans::{DiffKind, IobJoin, SpanOptions};

use crate::Failure;

/// Writes `contents` to `path` (an HTML page or report), naming the file in
/// the error.
pub(crate) fn write_file(path: &Path, contents: &str) -> Result<(), Failure> {
    std::fs::write(path, contents).map_err(|e| Failure::Fatal(format!("cannot write {}: {e}", path.display())))
}

/// `thaifacts eval DIR`: the table (or JSON) on stdout, and with `html` the
/// report page written there.
pub(crate) fn eval(
    dir: &Path,
    texts: Option<&Path>,
    verbose: bool,
    json: bool,
    html: Option<&Path>,
) -> Result<(), Failure> {
    let extractor = thaifacts::Extractor::default();
    let scores = match html {
        Some(html) => {
            let (scores, articles) =
                thaifacts::eval::run_dir_articles(&extractor, dir, texts).map_err(|e| Failure::Fatal(e.to_string()))?;
            write_file(html, &thaifacts::html::eval_report(&scores, &articles))?;
            scores
        }
        None => thaifacts::eval::run_dir(&extractor, dir, texts).map_err(|e| Failure::Fatal(e.to_string()))?,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        let mut v = serde_json::to_value(&scores)?;
        let table: serde_json::Map<String, serde_json::Value> = thaifacts::eval::CATEGORIES
            .iter()
            .map(|c| {
                let n = scores.counts.get(*c).copied().unwrap_or_default();
                let row = serde_json::json!({"precision": n.precision(), "recall": n.recall(), "f1": n.f1()});
                (c.to_string(), row)
            })
            .collect();
        v["scores"] = serde_json::Value::Object(table);
        v["unit_accuracy"] = serde_json::json!(scores.unit_accuracy());
        serde_json::to_writer(&mut out, &v)?;
        out.write_all(b"\n")?;
    } else {
        if verbose {
            for d in &scores.misses {
                writeln!(out, "miss      {:<40} {:<14} {}", d.article, d.category, d.fact)?;
            }
            for d in &scores.spurious {
                writeln!(out, "spurious  {:<40} {:<14} {}", d.article, d.category, d.fact)?;
            }
            writeln!(out)?;
        }
        writeln!(
            out,
            "{:<14} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "category", "tp", "fp", "fn", "precision", "recall", "f1"
        )?;
        for c in thaifacts::eval::CATEGORIES {
            let n = scores.counts.get(c).copied().unwrap_or_default();
            writeln!(
                out,
                "{:<14} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
                c,
                n.tp,
                n.fp,
                n.fn_,
                n.precision(),
                n.recall(),
                n.f1()
            )?;
        }
        writeln!(
            out,
            "number units: {:.3} ({} of {} matched numbers)",
            scores.unit_accuracy(),
            scores.units_matched,
            scores.units_total
        )?;
        writeln!(out, "articles: {}", scores.articles)?;
    }
    out.flush()?;
    Ok(())
}

/// `GOLD=OURS` of `--map`.
pub(crate) fn parse_map(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((g, o)) if !g.is_empty() && !o.is_empty() => Ok((g.to_string(), o.to_string())),
        _ => Err(format!("expected GOLD=OURS (e.g. PER=PERSON), found {s:?}")),
    }
}

/// `thaifacts eval --spans`: the table (or JSON) on stdout, and with `html`
/// the report page written there.
pub(crate) fn eval_spans(
    path: &Path,
    join: IobJoin,
    squeeze_after: &[&str],
    options: &SpanOptions,
    verbose: bool,
    json: bool,
    html: Option<&Path>,
) -> Result<(), Failure> {
    use thaifacts::eval::spans;
    let mut docs = spans::read_spans(path, join).map_err(|e| Failure::Fatal(e.to_string()))?;
    if !squeeze_after.is_empty() {
        docs = docs.iter().map(|d| d.squeeze_after(squeeze_after)).collect();
    }
    let (report, marked) = spans::score_docs_marked(&thaifacts::Extractor::default(), &docs, options);
    if let Some(html) = html {
        write_file(html, &thaifacts::html::span_report(&report, &docs, &marked))?;
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        let mut v = serde_json::to_value(&report).map_err(io::Error::from)?;
        if !verbose {
            v.as_object_mut().map(|o| o.remove("diffs"));
        }
        let summary = |overlap: bool| {
            let n = report.micro(overlap);
            serde_json::json!({"micro": {"precision": n.precision(), "recall": n.recall(), "f1": n.f1()},
                               "macro_f1": report.macro_f1(overlap)})
        };
        v["exact"] = summary(false);
        v["overlap"] = summary(true);
        serde_json::to_writer(&mut out, &v).map_err(io::Error::from)?;
        out.write_all(b"\n")?;
        out.flush()?;
        return Ok(());
    }
    if verbose {
        for d in &report.diffs {
            let kind = match d.kind {
                DiffKind::Miss => "miss",
                DiffKind::FalseAlarm => "false alarm",
                DiffKind::Boundary => "boundary",
            };
            let found = d.predicted.as_deref().map(|p| format!(" → found [{p}]")).unwrap_or_default();
            writeln!(out, "{kind:<11} {:<8} {:<12} …{}[{}]{}…{found}", d.document, d.class, d.left, d.text, d.right)?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{:<25} |       exact       |      overlap", "")?;
    writeln!(
        out,
        "{:<13} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5}",
        "class", "gold", "pred", "P", "R", "F1", "P", "R", "F1"
    )?;
    for (name, c) in report.rows() {
        let (e, o) = (c.exact, c.overlap);
        writeln!(
            out,
            "{name:<13} {:>5} {:>5} | {:>5.3} {:>5.3} {:>5.3} | {:>5.3} {:>5.3} {:>5.3}",
            c.gold,
            c.predicted,
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        )?;
    }
    writeln!(
        out,
        "{:<13} {:>5} {:>5} | {:>17.3} | {:>17.3}",
        "macro F1",
        "",
        "",
        report.macro_f1(false),
        report.macro_f1(true)
    )?;
    let list = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", ")
    };
    if !report.unscored_gold.is_empty() {
        writeln!(out, "gold classes not scored (no facts of theirs): {}", list(&report.unscored_gold))?;
    }
    if !report.unscored_predicted.is_empty() {
        writeln!(out, "predicted classes not scored (not in the gold): {}", list(&report.unscored_predicted))?;
    }
    writeln!(out, "documents: {}", report.documents)?;
    out.flush()?;
    Ok(())
}
