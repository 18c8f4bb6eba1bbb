//! The `thaifacts` command-line tool: flags, I/O and error mapping over the
//! library, nothing more.
//!
//! Exit status: 0 when every input succeeded; 1 when at least one JSON Lines
//! record failed (its error line was written); 2 for a usage error or an
//! input that cannot be read at all.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use rayon::prelude::*;
use serde::Serialize;

const EXIT_STATUS: &str = "\
Exit status:
  0  every input succeeded
  1  at least one JSON Lines record failed (its error line was written)
  2  usage error, or an input that cannot be read (missing file, invalid UTF-8)";

/// Typed facts from Thai news articles: people, organizations, places,
/// dates (Buddhist era → Gregorian) and numbers, as JSON.
#[derive(Parser)]
#[command(name = "thaifacts", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the facts of one article (JSON) or of JSON Lines records.
    #[command(after_help = EXIT_STATUS)]
    Extract {
        /// The article (or JSON Lines file with --jsonl); `-` or absent: stdin.
        file: Option<PathBuf>,
        /// Read JSON Lines records {"id", "text", "published"?} and write one
        /// line {"id", "facts"} (or {"id", "line", "error"}) per record, in
        /// input order.
        #[arg(long)]
        jsonl: bool,
        /// Publication date YYYY-MM-DD: the anchor for year-less and relative
        /// dates (a record's own "published" takes precedence).
        #[arg(long, value_name = "YYYY-MM-DD")]
        published: Option<NaiveDate>,
        /// Indent the JSON (single-article mode only).
        #[arg(long)]
        pretty: bool,
        /// Worker threads for --jsonl (default: all cores).
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
        /// With --jsonl: no progress display and no closing summary line on
        /// stderr (errors of single records are still reported).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Score extraction against hand-written expected facts: every
    /// NAME.expected.json in DIR against NAME.txt (beside it, or in --texts).
    #[command(after_help = EXIT_STATUS)]
    Eval {
        /// Directory of NAME.expected.json files.
        dir: PathBuf,
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
    /// Print the normalized text of an article.
    Normalize {
        /// The article; `-` or absent: stdin.
        file: Option<PathBuf>,
    },
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
            Failure::Fatal(format!("cannot write output: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { file, jsonl: false, published, pretty, threads: _, quiet: _ } => {
            extract_one(file.as_deref(), published, pretty).map(|()| true)
        }
        Command::Extract { file, jsonl: true, published, pretty: _, threads, quiet } => {
            extract_jsonl(file.as_deref(), published, threads, quiet)
        }
        Command::Normalize { file } => normalize(file.as_deref()).map(|()| true),
        Command::Eval { dir, texts, verbose, json } => {
            let texts = texts.or_else(|| std::env::var_os("THAIFACTS_CORPUS").map(PathBuf::from));
            eval(&dir, texts.as_deref(), verbose, json).map(|()| true)
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // Like ripgrep: a closed pipe is the reader's choice, not an error.
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Fatal(msg)) => {
            eprintln!("thaifacts: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads all of `file` (or stdin) as bytes.
fn read_all(file: Option<&Path>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match file {
        None => io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
        Some(p) if p == Path::new("-") => io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
        Some(p) => std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ()),
    }
    .map_err(|source| {
        let path = file.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
        Failure::Fatal(thaifacts::InputError::Io { path, source }.to_string())
    })?;
    Ok(bytes)
}

fn read_text(file: Option<&Path>) -> Result<String, Failure> {
    let bytes = read_all(file)?;
    thaifacts::read_article(bytes).map_err(|e| match file {
        Some(p) if p != Path::new("-") => Failure::Fatal(format!("{}: {e}", p.display())),
        _ => Failure::Fatal(e.to_string()),
    })
}

fn extract_one(file: Option<&Path>, published: Option<NaiveDate>, pretty: bool) -> Result<(), Failure> {
    let text = read_text(file)?;
    let facts = thaifacts::Extractor::default().extract_with(&text, published);
    let mut out = BufWriter::new(io::stdout().lock());
    let written =
        if pretty { serde_json::to_writer_pretty(&mut out, &facts) } else { serde_json::to_writer(&mut out, &facts) };
    written.map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

fn normalize(file: Option<&Path>) -> Result<(), Failure> {
    let text = read_text(file)?;
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(thaifacts::normalize(&text).text().as_bytes())?;
    out.flush()?;
    Ok(())
}

fn eval(dir: &Path, texts: Option<&Path>, verbose: bool, json: bool) -> Result<(), Failure> {
    let scores = thaifacts::eval::run_dir(&thaifacts::Extractor::default(), dir, texts)
        .map_err(|e| Failure::Fatal(e.to_string()))?;
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        let mut v = serde_json::to_value(&scores).map_err(io::Error::from)?;
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
        serde_json::to_writer(&mut out, &v).map_err(io::Error::from)?;
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

/// Records read, processed in parallel and written per chunk: memory stays
/// bounded by the chunk, and output order is input order.
const CHUNK_RECORDS: usize = 512;
/// A chunk also ends once it holds this many bytes of input.
const CHUNK_BYTES: usize = 32 << 20;

#[derive(Serialize)]
struct FactsLine<'a> {
    id: &'a serde_json::Value,
    facts: thaifacts::ArticleFacts,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a serde_json::Value,
    line: usize,
    error: String,
}

/// Returns whether every record succeeded.
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
        use std::io::IsTerminal;
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
            Some(bar) => bar.suspend(|| eprintln!("thaifacts: {msg}")),
            None => eprintln!("thaifacts: {msg}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if !self.quiet {
            eprintln!(
                "thaifacts: {} records, {} errors, {:.2} s",
                self.records,
                self.errors,
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}

fn extract_jsonl(
    file: Option<&Path>,
    published: Option<NaiveDate>,
    threads: Option<usize>,
    quiet: bool,
) -> Result<bool, Failure> {
    let mut progress = Progress::new(quiet);
    let pool = {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            b = b.num_threads(n.max(1));
        }
        b.build().map_err(|e| Failure::Fatal(format!("cannot start worker threads: {e}")))?
    };
    let reader: Box<dyn Read> = match file {
        None => Box::new(io::stdin()),
        Some(p) if p == Path::new("-") => Box::new(io::stdin()),
        Some(p) => Box::new(std::fs::File::open(p).map_err(|source| {
            Failure::Fatal(thaifacts::InputError::Io { path: p.to_path_buf(), source }.to_string())
        })?),
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
            let n =
                reader.read_until(b'\n', &mut buf).map_err(|e| Failure::Fatal(format!("cannot read input: {e}")))?;
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
        let lines: Vec<(bool, String)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(line, bytes)| match thaifacts::parse_record(*line, bytes) {
                    Ok(r) => {
                        let facts = extractor.extract_with(&r.text, r.published.or(published));
                        (true, serde_json::to_string(&FactsLine { id: &r.id, facts }).expect("facts serialize"))
                    }
                    Err(e) => {
                        let id = salvage_id(bytes);
                        let msg = e.to_string();
                        (
                            false,
                            serde_json::to_string(&ErrorLine { id: &id, line: *line, error: msg })
                                .expect("error line serializes"),
                        )
                    }
                })
                .collect()
        });
        for (ok, line) in lines {
            progress.records += 1;
            if !ok {
                all_ok = false;
                progress.errors += 1;
                let msg: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
                // Flush our data first so stderr and stdout do not interleave mid-line.
                out.flush()?;
                progress.error(msg["error"].as_str().unwrap_or("record failed"));
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
