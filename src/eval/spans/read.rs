//! Reading gold spans: brat standoff and CoNLL-style IOB.

use super::*;

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
