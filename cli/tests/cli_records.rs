//! The binary's JSON Lines record loop (`thaifacts extract --jsonl`), as a
//! property over generated input: whatever the mix of good
//! records, blank lines, CRLF line ends, malformed JSON, invalid UTF-8,
//! records without a usable `text` and bad `published` values, across the
//! 256-record chunk boundaries (three chunks queued at once) and on one to four threads, from stdin or a
//! file, with or without a final newline, the binary writes exactly one line
//! per record, in input order: the library's facts for a good record
//! (its own `published`, else the flag's), an error line with the record's
//! line number and salvaged id for a bad one; exit status 0 or 1 as
//! documented, and one stderr line per error.
//!
//! The expected output is computed here from the library's own
//! `parse_record` and `Extractor`, and line numbers and ids from the input,
//! so the test runs the built binary (`CARGO_BIN_EXE_thaifacts`) without
//! knowing how it is written.

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

mod common;
use common::run;

/// Texts of good records: dates, people, numbers, a relative date that
/// needs `published`, escapes, a CR and a newline inside the text, empty.
const TEXTS: &[&str] = &[
    "เมื่อวันที่ 14 กุมภาพันธ์ 2567 นายธนพล ใจดี นายกเทศมนตรีนครขอนแก่น เปิดเผยว่า",
    "เทศบาลนครขอนแก่น (ทน.) ได้รับคัดเลือกเป็น 1 ใน 64 เมือง ร่วมกับพลเมือง 390 ล้านคน",
    "เมื่อวานนี้ ที่ประชุมมีมติ เมื่อวันที่ 5 ก.พ. งบประมาณ 2.5 หมื่นล้านบาท",
    "ปี ๒๕๖๗ ร้อยละ 5\r\nบรรทัดใหม่\tและ \"คำพูด\" \\ ทับ",
    "",
    "plain ascii 10-15 คน",
];

/// One line of generated input.
#[derive(Debug, Clone)]
enum Item {
    /// A record that parses: `id` style, text index, `published` style.
    Good { id: u8, text: usize, published: u8 },
    /// A line with nothing but ASCII whitespace.
    Blank(&'static str),
    /// Not JSON at all, or cut short.
    NotJson(&'static str),
    /// A record whose text holds an invalid UTF-8 byte.
    NotUtf8,
    /// A JSON object whose `text` is missing or not a string.
    NoText { id: u8, text: u8 },
    /// A record whose `published` is not a date.
    BadPublished { id: u8, value: u8 },
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        8 => (0..5u8, 0..TEXTS.len(), 0..4u8).prop_map(|(id, text, published)| Item::Good { id, text, published }),
        2 => prop::sample::select(vec!["", " ", "\t", "  \t ", "\r", "\x0c"]).prop_map(Item::Blank),
        1 => prop::sample::select(vec!["{not json", "{\"id\": 1, \"text\": \"x\"", "null", "\"text\"", "}{"])
            .prop_map(Item::NotJson),
        1 => Just(Item::NotUtf8),
        1 => (0..5u8, 0..3u8).prop_map(|(id, text)| Item::NoText { id, text }),
        1 => (0..5u8, 0..4u8).prop_map(|(id, value)| Item::BadPublished { id, value }),
    ]
}

/// The `id` of the record on `line`: a number, a string, null, an object,
/// or absent (`None`).
fn id_value(style: u8, line: usize) -> Option<Value> {
    match style {
        0 => Some(json!(line)),
        1 => Some(json!(format!("r{line}"))),
        2 => Some(Value::Null),
        3 => Some(json!({"n": line, "tags": ["ก", 1]})),
        _ => None,
    }
}

fn object(id: Option<Value>, fields: &[(&str, Value)]) -> String {
    let mut m = serde_json::Map::new();
    if let Some(id) = id {
        m.insert("id".into(), id);
    }
    for (k, v) in fields {
        m.insert((*k).into(), v.clone());
    }
    Value::Object(m).to_string()
}

/// The bytes of `item` as line `line` (1-based), without its line end.
fn render(item: &Item, line: usize) -> Vec<u8> {
    match item {
        Item::Good { id, text, published } => {
            let published = match published {
                0 => vec![("published", json!("2024-02-14"))],
                1 => vec![("published", json!("1940-03-31"))],
                2 => vec![("published", Value::Null)],
                _ => vec![],
            };
            let mut fields = vec![("text", json!(TEXTS[*text]))];
            fields.extend(published);
            object(id_value(*id, line), &fields).into_bytes()
        }
        Item::Blank(s) => s.as_bytes().to_vec(),
        Item::NotJson(s) => s.as_bytes().to_vec(),
        Item::NotUtf8 => {
            let mut bytes = format!("{{\"id\": {line}, \"text\": \"ก").into_bytes();
            bytes.push(0xFF);
            bytes.extend_from_slice(b"\"}");
            bytes
        }
        Item::NoText { id, text } => {
            let fields = match text {
                0 => vec![("title", json!("ข่าว"))],
                1 => vec![("text", json!(5))],
                _ => vec![("text", Value::Null)],
            };
            object(id_value(*id, line), &fields).into_bytes()
        }
        Item::BadPublished { id, value } => {
            let value = match value {
                0 => json!("14/2024"),
                1 => json!("2024-02-30"),
                2 => json!(20240214),
                _ => json!("2024-2-14"),
            };
            object(id_value(*id, line), &[("text", json!("ปี 2567")), ("published", value)]).into_bytes()
        }
    }
}

/// The whole input: items, each ended by `\n` or `\r\n`, the last one
/// perhaps without a line end.
fn input(items: &[(Item, bool)], final_newline: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (item, crlf)) in items.iter().enumerate() {
        out.extend_from_slice(&render(item, i + 1));
        if i + 1 < items.len() || final_newline {
            out.extend_from_slice(if *crlf { b"\r\n" } else { b"\n" });
        }
    }
    out
}

/// One output line, typed.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Line {
    Facts { id: Value, facts: thaifacts::ArticleFacts },
    Error { id: Value, line: usize, error: String },
}

/// The id a failed record's error line carries: the record's own where the
/// line is JSON up to it (also before an invalid UTF-8 byte in the text),
/// else null.
fn salvaged(item: &Item, line: usize) -> Value {
    match item {
        Item::NotUtf8 => json!(line),
        Item::NoText { id, .. } | Item::BadPublished { id, .. } => id_value(*id, line).unwrap_or(Value::Null),
        Item::Good { .. } | Item::Blank(_) | Item::NotJson(_) => Value::Null,
    }
}

/// What the binary must write for `input` (rendered from `items`),
/// computed from the library.
fn expected(items: &[(Item, bool)], input: &[u8], published: Option<chrono::NaiveDate>) -> Vec<Line> {
    let extractor = thaifacts::Extractor::default();
    let mut lines: Vec<&[u8]> = input.split(|b| *b == b'\n').collect();
    if input.ends_with(b"\n") || input.is_empty() {
        lines.pop(); // after the last line end there is no line
    }
    let mut out = Vec::new();
    for (i, mut bytes) in lines.into_iter().enumerate() {
        while let [rest @ .., b'\r'] = bytes {
            bytes = rest;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(match thaifacts::parse_record(i + 1, bytes) {
            Ok(r) => Line::Facts { id: r.id, facts: extractor.extract_with(&r.text, r.published.or(published)) },
            Err(e) => Line::Error { id: salvaged(&items[i].0, i + 1), line: i + 1, error: e.to_string() },
        });
    }
    out
}

static CASE: AtomicUsize = AtomicUsize::new(0);

/// Runs the binary on `items` and compares everything it wrote with
/// [`expected`].
fn check(items: &[(Item, bool)], final_newline: bool, threads: usize, flag: bool, from_file: bool, quiet: bool) {
    let input = input(items, final_newline);
    let published = flag.then(|| chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap());
    let mut args: Vec<String> = vec!["extract".into(), "--jsonl".into(), "--threads".into(), threads.to_string()];
    if flag {
        args.extend(["--published".into(), "2024-03-01".into()]);
    }
    if quiet {
        args.push("--quiet".into());
    }
    let path = std::env::temp_dir().join(format!(
        "thaifacts-records-{}-{}.jsonl",
        std::process::id(),
        CASE.fetch_add(1, Ordering::Relaxed)
    ));
    let out = if from_file {
        std::fs::write(&path, &input).unwrap();
        args.push(path.to_str().unwrap().into());
        let out = run(&args, b"");
        std::fs::remove_file(&path).unwrap();
        out
    } else {
        run(&args, &input)
    };
    let want = expected(items, &input, published);
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let got: Vec<Line> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert_eq!(got.len(), want.len(), "one line per record");
    let mut errors = 0;
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        match (g, w) {
            (Line::Facts { id, facts }, Line::Facts { id: wid, facts: wfacts }) => {
                assert_eq!(id, wid, "output line {k}: id");
                assert_eq!(facts, wfacts, "output line {k} (id {id}): facts");
            }
            (Line::Error { id, line, error }, Line::Error { id: wid, line: wline, .. }) => {
                errors += 1;
                assert_eq!((id, line), (wid, wline), "output line {k}: id and line of an error");
                assert!(error.starts_with(&format!("line {line}")), "output line {k}: {error}");
            }
            _ => panic!("output line {k}: got {g:?}, expected {w:?}"),
        }
    }
    assert_eq!(out.status.code(), Some(if errors == 0 { 0 } else { 1 }), "exit status with {errors} errors");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    let error_lines = stderr.lines().filter(|l| l.starts_with("thaifacts: line ")).count();
    assert_eq!(error_lines, errors, "one stderr line per error: {stderr}");
    let summary = stderr.lines().filter(|l| !l.starts_with("thaifacts: line ")).collect::<Vec<_>>();
    if quiet {
        assert!(summary.is_empty(), "--quiet writes only errors: {stderr}");
    } else {
        assert_eq!(summary.len(), 1, "{stderr}");
        assert!(summary[0].starts_with(&format!("thaifacts: {} records, {errors} errors, ", want.len())), "{stderr}");
    }
}

/// Input sizes: small, and just around two and four 256-record chunks
/// (blank lines do not count towards a chunk, so the boundary falls on
/// varying lines; four chunks are one more than are queued at once).
fn items() -> impl Strategy<Value = Vec<(Item, bool)>> {
    let line = || (item(), prop::bool::weighted(0.2));
    prop_oneof![
        3 => prop::collection::vec(line(), 0..40),
        1 => prop::collection::vec(line(), 505..530),
        1 => prop::collection::vec(line(), 1015..1040),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn record_loop_writes_one_line_per_record_in_order(
        items in items(),
        final_newline in any::<bool>(),
        threads in 1..=4usize,
        flag in any::<bool>(),
        from_file in any::<bool>(),
        quiet in any::<bool>(),
    ) {
        check(&items, final_newline, threads, flag, from_file, quiet);
    }
}

/// The chunk boundaries exactly: 255, 256, 257, 768, 769, 1024 and 1025
/// records (one to five chunks of 256, three of them queued at once), each
/// with an error at the last line of a chunk and the first of the next, on
/// two and four threads.
#[test]
fn record_loop_across_exact_chunk_boundaries() {
    for n in [255, 256, 257, 768, 769, 1024, 1025] {
        let items: Vec<(Item, bool)> = (0..n)
            .map(|i| {
                let item = if i == 255 || i == 256 || i == 767 || i == 768 || i + 1 == n {
                    Item::NotJson("{not json")
                } else {
                    Item::Good { id: (i % 5) as u8, text: i % TEXTS.len(), published: (i % 4) as u8 }
                };
                (item, i % 7 == 0)
            })
            .collect();
        for threads in [2, 4] {
            check(&items, true, threads, n % 2 == 0, false, true);
        }
    }
}
