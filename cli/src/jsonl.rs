//! `thaifacts extract --jsonl`: records read in bounded chunks, extracted in
//! parallel, written in input order; with `--html-dir`, one page per record.

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::mpsc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::{diag, hint_if_terminal, input_name, is_stdin, pages, Failure};

/// Records read, processed in parallel and written per chunk: memory stays
/// bounded by [`IN_FLIGHT`] chunks, and output order is input order.
const CHUNK_RECORDS: usize = 256;
/// A chunk also ends once it holds this many bytes of input.
const CHUNK_BYTES: usize = 8 << 20;
/// How many chunks are read ahead of the one being written.
const IN_FLIGHT: usize = 3;

/// A record's output line through serde: the reference for [`facts_line`].
#[cfg(test)]
#[derive(Serialize)]
struct FactsLine<'a> {
    id: &'a serde_json::Value,
    line: usize,
    facts: &'a thaifacts::ArticleFacts,
}

/// Appends `{"id":…,"line":…,"facts":…}` to `out`, the bytes serde writes
/// for `FactsLine` (the tests' reference); the facts by
/// [`thaifacts::ArticleFacts::write_json`], which copies text through in
/// runs where serde_json escapes it byte by byte (about 11 instructions an
/// output byte).
fn facts_line(
    out: &mut Vec<u8>,
    id: &serde_json::Value,
    line: usize,
    facts: &thaifacts::ArticleFacts,
) -> io::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut *out, id)?;
    write!(out, ",\"line\":{line},\"facts\":")?;
    facts.write_json(out);
    out.push(b'}');
    Ok(())
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

/// One record's output line, its error message when it failed, and its
/// HTML page (with its file stem) when --html-dir asks for one.
type Outcome = Result<(Vec<u8>, Option<String>, Option<(String, String)>), serde_json::Error>;

fn process(
    extractor: &thaifacts::Extractor,
    published: Option<NaiveDate>,
    pages: bool,
    line: usize,
    bytes: &[u8],
) -> Outcome {
    match thaifacts::parse_record(line, bytes) {
        Ok(r) => {
            let facts = extractor.extract_with(&r.text, r.published.or(published));
            let page = pages.then(|| {
                let name = pages::file_stem(&r.id, line);
                let title = match &r.id {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => format!("line {line}"),
                    other => other.to_string(),
                };
                (name, thaifacts::html::page(&title, &r.text, &facts))
            });
            // The line is about as long as the text: one allocation, not a
            // dozen doublings.
            let mut out = Vec::with_capacity(r.text.len() + 1024);
            facts_line(&mut out, &r.id, line, &facts).map_err(serde_json::Error::io)?;
            Ok((out, None, page))
        }
        Err(e) => {
            let id = salvage_id(bytes);
            let msg = e.to_string();
            Ok((serde_json::to_vec(&ErrorLine { id: &id, line, error: &msg })?, Some(msg), None))
        }
    }
}

/// Returns whether every record succeeded.
pub(crate) fn extract_jsonl(
    file: Option<&Path>,
    published: Option<NaiveDate>,
    threads: Option<u16>,
    quiet: bool,
    html_dir: Option<&Path>,
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
    let mut pages = html_dir.map(pages::Pages::create).transpose()?;
    let with_pages = pages.is_some();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut line_no = 0usize;
    // This thread reads chunks and writes their results while the pool
    // extracts: up to IN_FLIGHT chunks are queued, so the workers never wait
    // for reading or writing, nor for the slowest record of a chunk.
    let extractor = &extractor;
    let all_ok = pool.in_place_scope(|scope| -> Result<bool, Failure> {
        let mut in_flight: VecDeque<mpsc::Receiver<Done>> = VecDeque::with_capacity(IN_FLIGHT);
        let mut all_ok = true;
        loop {
            let (chunk, eof) = read_chunk(&mut reader, &mut line_no, &mut progress).map_err(read_error)?;
            if !chunk.is_empty() {
                let (tx, rx) = mpsc::sync_channel(1);
                scope.spawn(move |_| {
                    let outcomes = chunk
                        .par_iter()
                        .map(|(line, bytes)| process(extractor, published, with_pages, *line, bytes))
                        .collect();
                    let lines = chunk.into_iter().map(|(line, _)| line).collect();
                    // The receiver is gone only when writing failed.
                    let _ = tx.send((lines, outcomes));
                });
                in_flight.push_back(rx);
            }
            // Writes the chunks done, oldest first; waits for the oldest
            // only when the queue is full or the input has ended.
            while let Some(rx) = in_flight.front() {
                let done = if in_flight.len() >= IN_FLIGHT || eof {
                    rx.recv().ok()
                } else {
                    match rx.try_recv() {
                        Err(mpsc::TryRecvError::Empty) => break,
                        done => done.ok(),
                    }
                };
                in_flight.pop_front();
                // None: the chunk's job panicked, which the scope re-raises.
                let Some((lines, outcomes)) = done else { break };
                for (outcome, line_no) in outcomes.into_iter().zip(lines) {
                    let (line, error, page) = outcome?;
                    if let (Some(pages), Some((stem, html))) = (pages.as_mut(), page) {
                        pages.write(&stem, line_no, &html)?;
                    }
                    progress.records += 1;
                    if let Some(msg) = error {
                        all_ok = false;
                        progress.errors += 1;
                        // Flush our data first so stderr and stdout do not interleave mid-line.
                        out.flush()?;
                        progress.error(&msg);
                    }
                    out.write_all(&line)?;
                    out.write_all(b"\n")?;
                }
                progress.update();
            }
            if eof {
                return Ok(all_ok);
            }
        }
    })?;
    out.flush()?;
    progress.finish();
    Ok(all_ok)
}

/// Records of the input: (line number, bytes without the line end).
type Chunk = Vec<(usize, Vec<u8>)>;

/// A chunk's line numbers and outcomes, in input order.
type Done = (Vec<usize>, Vec<Outcome>);

/// Reads the next chunk of records (line number, bytes without the line
/// end), skipping blank lines; also returns whether the input ended.
fn read_chunk(reader: &mut impl BufRead, line_no: &mut usize, progress: &mut Progress) -> io::Result<(Chunk, bool)> {
    let mut chunk = Vec::with_capacity(CHUNK_RECORDS);
    let mut bytes = 0;
    while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok((chunk, true));
        }
        *line_no += 1;
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue; // blank lines carry no record
        }
        bytes += buf.len();
        progress.bytes += buf.len();
        chunk.push((*line_no, buf));
    }
    Ok((chunk, false))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written line against serde's, over ids of every JSON type
    /// and the facts of a few texts (the facts themselves are checked
    /// against serde by the library's proptests).
    #[test]
    fn facts_line_as_serde_writes_it() {
        let ids = [
            serde_json::json!(null),
            serde_json::json!("a\"1\n"),
            serde_json::json!(12),
            serde_json::json!(-1.5),
            serde_json::json!({"b": [1, "x"], "a": true}),
        ];
        let texts = ["", "นายสมชาย ใจดี กล่าวว่า \"ดี\"\nเมื่อ 14 ก.พ. 2567 มี 390 ล้านคน", "\u{0}\t\\"];
        for (i, id) in ids.iter().enumerate() {
            for text in texts {
                let facts = thaifacts::extract(text);
                let mut out = Vec::new();
                facts_line(&mut out, id, i, &facts).unwrap();
                let want = serde_json::to_vec(&FactsLine { id, line: i, facts: &facts }).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(want).unwrap());
            }
        }
    }
}
