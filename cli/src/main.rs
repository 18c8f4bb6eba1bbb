//! The `thaifacts` command-line tool: flags, I/O and error mapping over the
//! library, nothing more.
//!
//! Exit status: 0 when every input succeeded; 1 when at least one JSON Lines
//! record failed (its error line was written); 2 for a usage error or an
//! input that cannot be read at all.

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use thaifacts::eval::spans::{IobJoin, SpanOptions};

mod eval;
mod jsonl;
mod pages;

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
  thaifacts extract --html article.txt > page.html  the article with its facts marked
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
  thaifacts extract --html article.txt > page.html
  thaifacts extract --jsonl --html-dir pages/ records.jsonl > facts.jsonl

JSON Lines: each input line is {\"id\": ..., \"text\": \"...\", \"published\": \"YYYY-MM-DD\"?};
each output line is {\"id\", \"line\", \"facts\"} or, for a record that cannot be
read, {\"id\", \"line\", \"error\"}, where `line` is the input line number.";

const EVAL_EXAMPLES: &str = "\
Examples:
  thaifacts eval my_articles/                        NAME.txt beside NAME.expected.json
  thaifacts eval my_expected/ --texts my_articles/   texts elsewhere
  thaifacts eval my_expected/ --texts my_articles/ -v --json
  thaifacts eval --spans ner_corpus/                 brat (.txt + .ann) or IOB files
  thaifacts eval --spans lst20/ --map PER=PERSON --map LOC=LOCATION -v
  thaifacts eval --spans ner_corpus/ --html report.html  and every document marked
  thaifacts eval --spans ner_corpus/ --squeeze-after PERSON   names glued to the next word
  thaifacts eval my_articles/ --html report.html     every article's facts marked";

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
        /// Write a self-contained HTML page instead of JSON: the article with
        /// every fact highlighted, its details on hover or focus, and a list
        /// of the facts (one article only; see --html-dir for JSON Lines).
        #[arg(long, conflicts_with_all = ["jsonl", "pretty"])]
        html: bool,
        /// With --jsonl: also write one HTML page per record into DIR (created
        /// if missing), named after the record's id (made safe as a file
        /// name; `line-N` without an id). The JSON lines still go to stdout.
        #[arg(long, value_name = "DIR", requires = "jsonl")]
        html_dir: Option<PathBuf>,
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
        #[arg(long, value_name = "GOLD=OURS", value_parser = eval::parse_map, requires = "spans")]
        map: Vec<(String, String)>,
        /// With --spans: how IOB tokens are joined into the text: `concat`
        /// (Thai corpora, a token `_` is a space) or `space`.
        #[arg(long, value_name = "RULE", default_value = "concat", value_parser = ["concat", "space"], requires = "spans")]
        iob_join: String,
        /// With --spans: remove the spaces right after every gold span of
        /// CLASS (as the corpus names it; repeatable) before a Thai letter, as older dailies print
        /// names (`นายสมชาย ใจดีกล่าวว่า`), and score the squeezed text.
        #[arg(long, value_name = "CLASS", requires = "spans")]
        squeeze_after: Vec<String>,
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
        /// Also write an HTML report to FILE: the table, and every article
        /// with its matches, misses and false alarms marked.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
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
        Command::Extract { file, jsonl: false, published, pretty, html, quiet, .. } => {
            let format = if html {
                Format::Html
            } else if pretty {
                Format::Pretty
            } else {
                Format::Json
            };
            extract_one(file.as_deref(), published, format, quiet).map(|()| true)
        }
        Command::Extract { file, jsonl: true, published, threads, quiet, html_dir, .. } => {
            jsonl::extract_jsonl(file.as_deref(), published, threads, quiet, html_dir.as_deref())
        }
        Command::Normalize { file, quiet } => normalize(file.as_deref(), quiet).map(|()| true),
        Command::Eval { spans: Some(spans), map, iob_join, squeeze_after, published, verbose, json, html, .. } => {
            let join = if iob_join == "space" { IobJoin::Space } else { IobJoin::Concat };
            let options = SpanOptions { map, published, context: 30 };
            let squeeze: Vec<&str> = squeeze_after.iter().map(String::as_str).collect();
            eval::eval_spans(&spans, join, &squeeze, &options, verbose, json, html.as_deref()).map(|()| true)
        }
        Command::Eval { dir, texts, verbose, json, html, .. } => {
            let texts = texts.or_else(|| std::env::var_os("THAIFACTS_CORPUS").map(PathBuf::from));
            // clap requires DIR when --spans is absent.
            let dir = dir.unwrap_or_default();
            eval::eval(&dir, texts.as_deref(), verbose, json, html.as_deref()).map(|()| true)
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

/// What `extract` writes for one article.
enum Format {
    Json,
    Pretty,
    Html,
}

fn extract_one(file: Option<&Path>, published: Option<NaiveDate>, format: Format, quiet: bool) -> Result<(), Failure> {
    hint_if_terminal(file, quiet, "an article");
    let text = read_text(file)?;
    let facts = thaifacts::Extractor::default().extract_with(&text, published);
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        Format::Json => serde_json::to_writer(&mut out, &facts)?,
        Format::Pretty => serde_json::to_writer_pretty(&mut out, &facts)?,
        Format::Html => {
            let title = match file {
                Some(p) if !is_stdin(file) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
                _ => None,
            };
            let page = match title {
                Some(t) => thaifacts::html::page(&t, &text, &facts),
                None => facts.to_html(&text),
            };
            out.write_all(page.as_bytes())?;
            out.flush()?;
            return Ok(());
        }
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
