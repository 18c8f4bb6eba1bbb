//! The `thaifacts` command-line tool: flags, I/O and error mapping over the
//! library, nothing more.
//!
//! Exit status: 0 when every input succeeded; 1 when at least one JSON Lines
//! record failed (its error line was written); 2 for a usage error or an
//! input that cannot be read at all.

use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde::Serialize;
use thaifacts::eval::spans::{DiffKind, IobJoin, SpanOptions};

const EXIT_STATUS: &str = "\
Exit status:
  0  every input succeeded
  1  at least one JSON Lines record failed (its error line was written)
  2  usage error, or an input that cannot be read (missing file, invalid UTF-8),
     or output that cannot be written";

const EXAMPLES: &str = "\
Examples:
  thaifacts extract article.txt                     one article, one JSON document
  thaifacts extract --published 2024-02-14 -        stdin, with a publication date
  thaifacts extract --jsonl --published 2024-02-14 records.jsonl > facts.jsonl
  thaifacts eval fixtures/ --texts corpus/          precision, recall, F1 per kind
  thaifacts normalize article.txt                   the normalized text
  thaifacts schema > facts.schema.json              the JSON Schema of the output";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  thaifacts extract article.txt
  thaifacts extract --pretty --published 2024-02-14 article.txt
  cat article.txt | thaifacts extract -
  thaifacts extract --jsonl --published 2024-02-14 records.jsonl > facts.jsonl
  thaifacts extract --jsonl --threads 2 --quiet records.jsonl | head -1

JSON Lines: each input line is {\"id\": ..., \"text\": \"...\", \"published\": \"YYYY-MM-DD\"?};
each output line is {\"id\", \"line\", \"facts\"} or, for a record that cannot be
read, {\"id\", \"line\", \"error\"}, where `line` is the input line number.";

const EVAL_EXAMPLES: &str = "\
Examples:
  thaifacts eval my_articles/                        NAME.txt beside NAME.expected.json
  thaifacts eval my_expected/ --texts my_articles/   texts elsewhere
  thaifacts eval my_expected/ --texts my_articles/ -v --json
  thaifacts eval --spans ner_corpus/                 brat (.txt + .ann) or IOB files
  thaifacts eval --spans lst20/ --map PER=PERSON --map LOC=LOCATION -v";

/// Typed facts from Thai news articles: people, organizations, places,
/// dates (Buddhist era → Gregorian) and numbers, as JSON.
#[derive(Parser)]
#[command(name = "thaifacts", version, after_help = format!("{EXAMPLES}\n\n{EXIT_STATUS}"))]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// A publication date, read by the library's one strict parser.
fn published_arg(s: &str) -> Result<NaiveDate, thaifacts::PublishedError> {
    thaifacts::parse_published(s)
}

#[derive(Subcommand)]
enum Command {
    /// Extract the facts of one article (JSON) or of JSON Lines records.
    #[command(after_help = format!("{EXTRACT_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Extract {
        /// The article (or JSON Lines file with --jsonl); `-` or absent: stdin.
        file: Option<PathBuf>,
        /// Read JSON Lines records {"id", "text", "published"?} and write one
        /// line {"id", "line", "facts"} (or {"id", "line", "error"}) per
        /// record, in input order.
        #[arg(long)]
        jsonl: bool,
        /// Publication date YYYY-MM-DD (Gregorian) or a Thai date such as
        /// "14 ก.พ. 2567": the anchor for year-less and relative dates (a
        /// record's own "published" takes precedence).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = published_arg)]
        published: Option<NaiveDate>,
        /// Indent the JSON (one article only; JSON Lines stay one line each).
        #[arg(long, conflicts_with = "jsonl")]
        pretty: bool,
        /// Worker threads for --jsonl (default: all cores).
        #[arg(long, value_name = "N", requires = "jsonl",
              value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        /// No progress display, no closing summary line and no hint on
        /// stderr (errors of single records are still reported).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Score extraction against hand-written expected facts (every
    /// NAME.expected.json in DIR against NAME.txt, beside it or in --texts),
    /// or against span-annotated text with --spans (brat or IOB).
    #[command(after_help = format!("{EVAL_EXAMPLES}\n\n{EXIT_STATUS}"))]
    Eval {
        /// Directory of NAME.expected.json files.
        #[arg(required_unless_present = "spans", conflicts_with = "spans")]
        dir: Option<PathBuf>,
        /// Score against span annotations instead: a directory (or one file)
        /// of brat standoff (NAME.txt + NAME.ann, character offsets) or IOB
        /// files (.conll, .iob, .bio: one token a line, tag last).
        #[arg(long, value_name = "PATH")]
        spans: Option<PathBuf>,
        /// With --spans: rename a gold class before scoring (repeatable),
        /// e.g. --map PER=PERSON --map LOC=LOCATION.
        #[arg(long, value_name = "GOLD=OURS", value_parser = parse_map, requires = "spans")]
        map: Vec<(String, String)>,
        /// With --spans: how IOB tokens are joined into the text: `concat`
        /// (Thai corpora, a token `_` is a space) or `space`.
        #[arg(long, value_name = "RULE", default_value = "concat", value_parser = ["concat", "space"], requires = "spans")]
        iob_join: String,
        /// With --spans: the publication date the documents are read with.
        #[arg(long, value_name = "YYYY-MM-DD", requires = "spans", value_parser = published_arg)]
        published: Option<NaiveDate>,
        /// Directory holding the NAME.txt articles, when not beside them
        /// (default: $THAIFACTS_CORPUS, if set).
        #[arg(long, value_name = "TEXTDIR")]
        texts: Option<PathBuf>,
        /// List every miss and every spurious fact with its article.
        #[arg(short, long)]
        verbose: bool,
        /// Print the scores as JSON (with misses and spurious facts).
        #[arg(long)]
        json: bool,
    },
    /// Print the normalized text of an article (ending in a newline).
    #[command(after_help = EXIT_STATUS)]
    Normalize {
        /// The article; `-` or absent: stdin.
        file: Option<PathBuf>,
        /// No hint on stderr when reading stdin from a terminal.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of the facts `extract` writes.
    #[command(after_help = EXIT_STATUS)]
    Schema,
}

/// Why the run stopped early.
#[derive(Debug)]
enum Failure {
    /// Input that cannot be read, or a write that failed: exit 2.
    Fatal(String),
    /// The reader of our output went away: exit 0, quietly.
    BrokenPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Fatal(format!("cannot write to stdout: {e}"))
        }
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        match e.io_error_kind() {
            Some(_) => Failure::from(io::Error::from(e)),
            None => Failure::Fatal(format!("cannot serialize output: {e}")),
        }
    }
}

/// Writes a diagnostic line to stderr, prefixed `thaifacts: `.
///
/// A diagnostic that cannot be written (stderr closed, full, or a pipe
/// nobody reads) is dropped: it must not change the exit status, which
/// says what happened to the data.
fn diag(msg: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "thaifacts: {msg}").and_then(|()| err.flush());
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    // The library promises not to panic; should a bug prove it wrong, the
    // exit status still stays among the documented ones.
    match std::panic::catch_unwind(move || run(cli)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(2),
    }
}

/// Prints clap's help, version or usage error, whatever state stdout and
/// stderr are in: help that cannot be written exits 2, a closed pipe 0.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match e.print() {
        Ok(()) => ExitCode::from(code),
        Err(io) if io.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(io) if code == 0 => {
            diag(&format!("cannot write to stdout: {io}"));
            ExitCode::from(2)
        }
        Err(_) => ExitCode::from(code),
    }
}

fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Extract { file, jsonl: false, published, pretty, threads: _, quiet } => {
            extract_one(file.as_deref(), published, pretty, quiet).map(|()| true)
        }
        Command::Extract { file, jsonl: true, published, pretty: _, threads, quiet } => {
            extract_jsonl(file.as_deref(), published, threads, quiet)
        }
        Command::Normalize { file, quiet } => normalize(file.as_deref(), quiet).map(|()| true),
        Command::Eval { spans: Some(spans), map, iob_join, published, verbose, json, .. } => {
            let join = if iob_join == "space" { IobJoin::Space } else { IobJoin::Concat };
            let options = SpanOptions { map, published, context: 30 };
            eval_spans(&spans, join, &options, verbose, json).map(|()| true)
        }
        Command::Eval { dir, texts, verbose, json, .. } => {
            let texts = texts.or_else(|| std::env::var_os("THAIFACTS_CORPUS").map(PathBuf::from));
            // clap requires DIR when --spans is absent.
            let dir = dir.unwrap_or_default();
            eval(&dir, texts.as_deref(), verbose, json).map(|()| true)
        }
        Command::Schema => schema().map(|()| true),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // Like ripgrep: a closed pipe is the reader's choice, not an error.
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Fatal(msg)) => {
            diag(&msg);
            ExitCode::from(2)
        }
    }
}

/// `None` and `-` both mean stdin.
fn is_stdin(file: Option<&Path>) -> bool {
    file.is_none_or(|p| p == Path::new("-"))
}

/// How messages name the input.
fn input_name(file: Option<&Path>) -> PathBuf {
    match file {
        Some(p) if !is_stdin(file) => p.to_path_buf(),
        _ => PathBuf::from("<stdin>"),
    }
}

/// Says on stderr that the article is awaited from the terminal, where a
/// user who forgot the file name would otherwise see nothing happen.
fn hint_if_terminal(file: Option<&Path>, quiet: bool, what: &str) {
    if !quiet && is_stdin(file) && io::stdin().is_terminal() {
        diag(&format!(
            "reading {what} from the terminal (stdin); end it with Ctrl-D, or give a file name (see --help)"
        ));
    }
}

/// Reads all of `file` (or stdin) as bytes.
fn read_all(file: Option<&Path>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match file {
        Some(p) if !is_stdin(file) => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ()),
        _ => io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
    }
    .map_err(|source| Failure::Fatal(thaifacts::InputError::Io { path: input_name(file), source }.to_string()))?;
    Ok(bytes)
}

fn read_text(file: Option<&Path>) -> Result<String, Failure> {
    let bytes = read_all(file)?;
    thaifacts::read_article(bytes).map_err(|e| Failure::Fatal(format!("{}: {e}", input_name(file).display())))
}

fn extract_one(file: Option<&Path>, published: Option<NaiveDate>, pretty: bool, quiet: bool) -> Result<(), Failure> {
    hint_if_terminal(file, quiet, "an article");
    let text = read_text(file)?;
    let facts = thaifacts::Extractor::default().extract_with(&text, published);
    let mut out = BufWriter::new(io::stdout().lock());
    if pretty {
        serde_json::to_writer_pretty(&mut out, &facts)?;
    } else {
        serde_json::to_writer(&mut out, &facts)?;
    }
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// Writes the normalized text, ending in a newline (added when the text is
/// not empty and does not already end in one), as text files do.
fn normalize(file: Option<&Path>, quiet: bool) -> Result<(), Failure> {
    hint_if_terminal(file, quiet, "an article");
    let text = read_text(file)?;
    let doc = thaifacts::normalize(&text);
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(doc.text().as_bytes())?;
    if !doc.text().is_empty() && !doc.text().ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn schema() -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, &thaifacts::json_schema())?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

fn eval(dir: &Path, texts: Option<&Path>, verbose: bool, json: bool) -> Result<(), Failure> {
    let scores = thaifacts::eval::run_dir(&thaifacts::Extractor::default(), dir, texts)
        .map_err(|e| Failure::Fatal(e.to_string()))?;
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
fn parse_map(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((g, o)) if !g.is_empty() && !o.is_empty() => Ok((g.to_string(), o.to_string())),
        _ => Err(format!("expected GOLD=OURS (e.g. PER=PERSON), found {s:?}")),
    }
}

fn eval_spans(path: &Path, join: IobJoin, options: &SpanOptions, verbose: bool, json: bool) -> Result<(), Failure> {
    use thaifacts::eval::spans;
    let docs = spans::read_spans(path, join).map_err(|e| Failure::Fatal(e.to_string()))?;
    let report = spans::score_docs(&thaifacts::Extractor::default(), &docs, options);
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
    let row = |out: &mut BufWriter<_>,
               name: &str,
               gold: usize,
               pred: usize,
               e: thaifacts::eval::Counts,
               o: thaifacts::eval::Counts| {
        writeln!(
            out,
            "{name:<13} {gold:>5} {pred:>5} | {:>5.3} {:>5.3} {:>5.3} | {:>5.3} {:>5.3} {:>5.3}",
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()
        )
    };
    for (class, c) in &report.classes {
        row(&mut out, class, c.gold, c.predicted, c.exact, c.overlap)?;
    }
    let (e, o) = (report.micro(false), report.micro(true));
    row(&mut out, "micro", e.tp + e.fn_, e.tp + e.fp, e, o)?;
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

/// Records read, processed in parallel and written per chunk: memory stays
/// bounded by the chunk, and output order is input order.
const CHUNK_RECORDS: usize = 512;
/// A chunk also ends once it holds this many bytes of input.
const CHUNK_BYTES: usize = 32 << 20;

#[derive(Serialize)]
struct FactsLine<'a> {
    id: &'a serde_json::Value,
    line: usize,
    facts: thaifacts::ArticleFacts,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: &'a str,
}

/// Progress of a JSON Lines run: a live line on stderr when it is a
/// terminal (and not --quiet), and a summary line at the end (unless --quiet).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    started: std::time::Instant,
    records: usize,
    errors: usize,
    bytes: usize,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress { bar, quiet, started: std::time::Instant::now(), records: 0, errors: 0, bytes: 0 }
    }

    fn update(&self) {
        if let Some(bar) = &self.bar {
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} records, {:.1} MB/s, {} errors",
                self.records,
                self.bytes as f64 / 1e6 / secs,
                self.errors
            ));
        }
    }

    /// Prints a diagnostic without tearing the live line.
    fn error(&self, msg: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| diag(msg)),
            None => diag(msg),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            diag(&format!(
                "{} records, {} errors, {:.2} s",
                self.records,
                self.errors,
                self.started.elapsed().as_secs_f64()
            ));
        }
    }
}

/// One record's output line, and its error message when it failed.
type Outcome = Result<(String, Option<String>), serde_json::Error>;

fn process(extractor: &thaifacts::Extractor, published: Option<NaiveDate>, line: usize, bytes: &[u8]) -> Outcome {
    match thaifacts::parse_record(line, bytes) {
        Ok(r) => {
            let facts = extractor.extract_with(&r.text, r.published.or(published));
            Ok((serde_json::to_string(&FactsLine { id: &r.id, line, facts })?, None))
        }
        Err(e) => {
            let id = salvage_id(bytes);
            let msg = e.to_string();
            Ok((serde_json::to_string(&ErrorLine { id: &id, line, error: &msg })?, Some(msg)))
        }
    }
}

/// Returns whether every record succeeded.
fn extract_jsonl(
    file: Option<&Path>,
    published: Option<NaiveDate>,
    threads: Option<u16>,
    quiet: bool,
) -> Result<bool, Failure> {
    hint_if_terminal(file, quiet, "JSON Lines records");
    let name = input_name(file);
    let read_error = |source| Failure::Fatal(thaifacts::InputError::Io { path: name.clone(), source }.to_string());
    let mut progress = Progress::new(quiet);
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            b = b.num_threads(usize::from(n));
        }
        b.build().map_err(|e| Failure::Fatal(format!("cannot start worker threads: {e}")))?
    };
    let reader: Box<dyn Read> = match file {
        Some(p) if !is_stdin(file) => Box::new(std::fs::File::open(p).map_err(read_error)?),
        _ => Box::new(io::stdin()),
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let extractor = thaifacts::Extractor::default();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut all_ok = true;
    let mut line_no = 0usize;
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(CHUNK_RECORDS);
    loop {
        chunk.clear();
        let mut bytes = 0;
        let mut eof = false;
        while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
            let mut buf = Vec::new();
            let n = reader.read_until(b'\n', &mut buf).map_err(read_error)?;
            if n == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines carry no record
            }
            bytes += buf.len();
            progress.bytes += buf.len();
            chunk.push((line_no, buf));
        }
        let outcomes: Vec<Outcome> = pool
            .install(|| chunk.par_iter().map(|(line, bytes)| process(&extractor, published, *line, bytes)).collect());
        for outcome in outcomes {
            let (line, error) = outcome?;
            progress.records += 1;
            if let Some(msg) = error {
                all_ok = false;
                progress.errors += 1;
                // Flush our data first so stderr and stdout do not interleave mid-line.
                out.flush()?;
                progress.error(&msg);
            }
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        progress.update();
        if eof {
            break;
        }
    }
    out.flush()?;
    progress.finish();
    Ok(all_ok)
}

/// The `id` of a record that failed, where the line is JSON enough to say.
fn salvage_id(bytes: &[u8]) -> serde_json::Value {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: serde_json::Value,
    }
    serde_json::from_slice::<IdOnly>(bytes).map(|r| r.id).unwrap_or(serde_json::Value::Null)
}
