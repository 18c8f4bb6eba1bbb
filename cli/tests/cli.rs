//! The `thaifacts` binary, run as a user runs it: stdin, files, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde::Deserialize;

mod common;
use common::{bin, run};

fn founding() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/000_khonkaen_unesco.txt")
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("thaifacts-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// One output line of `--jsonl`, typed (ripgrep's tests/json.rs habit).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Line {
    Facts { id: serde_json::Value, line: usize, facts: thaifacts::ArticleFacts },
    Error { id: serde_json::Value, line: usize, error: String },
}

impl Line {
    /// The input line number every output line carries.
    fn line(&self) -> usize {
        match self {
            Line::Facts { line, .. } | Line::Error { line, .. } => *line,
        }
    }
}

fn lines(out: &Output) -> Vec<Line> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn extract_file_prints_the_contract() {
    let out = run(&["extract", founding().to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    for field in ["people", "organizations", "places", "dates", "numbers"] {
        assert!(v[field].is_array(), "{field}");
    }
    let facts: thaifacts::ArticleFacts = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(facts, thaifacts::extract(&std::fs::read_to_string(founding()).unwrap()));
}

#[test]
fn extract_is_byte_for_byte_deterministic() {
    let a = run(&["extract", founding().to_str().unwrap()], b"");
    let b = run(&["extract", "-"], &std::fs::read(founding()).unwrap());
    assert_eq!(a.stdout, b.stdout);
    let pretty = run(&["extract", "--pretty", founding().to_str().unwrap()], b"");
    let v1: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let v2: serde_json::Value = serde_json::from_slice(&pretty.stdout).unwrap();
    assert_eq!(v1, v2);
    assert!(pretty.stdout.contains(&b'\n'));
}

#[test]
fn empty_input_gives_empty_facts() {
    let out = run(&["extract"], b"");
    assert!(out.status.success());
    let facts: thaifacts::ArticleFacts = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(facts, thaifacts::ArticleFacts::default());
}

#[test]
fn invalid_utf8_names_the_offset_and_exits_2() {
    let p = temp("bad.txt", b"\xe0\xb8\x81 ok \xff rest");
    let out = run(&["extract", p.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, format!("thaifacts: {}: input is not valid UTF-8: invalid byte at offset 7\n", p.display()));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file_exits_2() {
    let out = run(&["extract", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("thaifacts: /no/such/file.txt: "), "{err}");
}

#[test]
fn bad_published_is_a_usage_error() {
    let out = run(&["extract", "--published", "14/2024"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn jsonl_keeps_order_and_reports_bad_records() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"ข่าวแรก\", \"published\": \"2024-02-14\"}\n",
        "{not json\n",
        "\n",
        "{\"id\": 3, \"published\": \"2024-02-14\"}\n",
        "{\"id\": \"d\", \"text\": \"x\", \"published\": \"2024-13-01\"}\n",
        "{\"text\": \"\"}\n",
        "{\"id\": \"f\", \"text\": \"ปี 2567\"}\n",
    );
    let out = run(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 6);
    assert!(matches!(&got[0], Line::Facts { id, .. } if id == "a"));
    assert!(
        matches!(&got[1], Line::Error { id, line: 2, error } if id.is_null() && error.starts_with("line 2: invalid JSON record"))
    );
    assert!(
        matches!(&got[2], Line::Error { id, line: 4, error } if id == 3 && error == "line 4 (id 3): missing field `text`")
    );
    assert!(
        matches!(&got[3], Line::Error { id, line: 5, error } if id == "d" && error == "line 5 (id \"d\"): `published`: expected a calendar date, but found \"2024-13-01\"")
    );
    assert!(
        matches!(&got[4], Line::Facts { id, facts, .. } if id.is_null() && *facts == thaifacts::ArticleFacts::default())
    );
    assert!(matches!(&got[5], Line::Facts { id, .. } if id == "f"));
    // Every output line names its input line; the blank line 3 has none.
    assert_eq!(got.iter().map(Line::line).collect::<Vec<_>>(), [1, 2, 4, 5, 6, 7]);
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[..3].iter().all(|l| l.starts_with("thaifacts: line ")));
    assert!(lines[3].starts_with("thaifacts: 6 records, 3 errors, "), "{err}");
    assert!(lines[3].ends_with(" s"), "{err}");
}

#[test]
fn jsonl_quiet_has_no_summary() {
    let input = "{\"id\": 1, \"text\": \"ข่าว\"}\n{oops\n";
    let out = run(&["extract", "--jsonl", "--quiet"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("thaifacts: line 2: invalid JSON record"));
    let out = run(&["extract", "--jsonl"], b"{\"id\": 1, \"text\": \"x\"}\n");
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("thaifacts: 1 records, 0 errors, "), "{err}");
}

#[test]
fn jsonl_invalid_utf8_in_one_record() {
    let mut input = b"{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"text\": \"".to_vec();
    input.extend_from_slice(b"\xff\"}\n{\"id\": 3, \"text\": \"ok\"}\n");
    let out = run(&["extract", "--jsonl", "--threads", "2"], &input);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    assert!(
        matches!(&got[1], Line::Error { line: 2, error, .. } if error == "line 2: record is not valid UTF-8: invalid byte at offset 19")
    );
    assert!(matches!(&got[2], Line::Facts { id, .. } if id == 3));
}

#[test]
fn jsonl_all_good_exits_0_in_order() {
    let input: String = (0..2000).map(|i| format!("{{\"id\": {i}, \"text\": \"ข่าวที่ {i}\"}}\n")).collect();
    let out = run(&["extract", "--jsonl"], input.as_bytes());
    assert!(out.status.success());
    let got = lines(&out);
    assert_eq!(got.len(), 2000);
    for (i, l) in got.iter().enumerate() {
        assert!(matches!(l, Line::Facts { id, .. } if *id == i));
    }
}

#[test]
fn broken_pipe_is_quiet() {
    let input: String = (0..20000).map(|i| format!("{{\"id\": {i}, \"text\": \"ข่าว {i}\"}}\n")).collect();
    let mut child = bin()
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    // Read one line, then close our end of the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    let _ = std::io::Read::read(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn normalize_prints_normalized_text() {
    let out = run(&["normalize"], "ปี ๒๕๖๗\u{200B} เเละ".as_bytes());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ปี 2567 และ\n");
}

#[test]
fn help_documents_exit_status() {
    let out = run(&["extract", "--help"], b"");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Exit status:"), "{help}");
}

// Examples in --help: one article, JSON Lines with a publication date, eval.
#[test]
fn help_has_examples() {
    let top = String::from_utf8(run(&["--help"], b"").stdout).unwrap();
    let extract = String::from_utf8(run(&["extract", "--help"], b"").stdout).unwrap();
    let eval = String::from_utf8(run(&["eval", "--help"], b"").stdout).unwrap();
    for help in [&top, &extract] {
        assert!(help.contains("Examples:"), "{help}");
        assert!(help.contains("thaifacts extract article.txt"), "{help}");
        assert!(help.contains("thaifacts extract --jsonl --published 2024-02-14 records.jsonl"), "{help}");
    }
    assert!(top.contains("thaifacts eval "), "{top}");
    assert!(eval.contains("Examples:") && eval.contains("--texts"), "{eval}");
}

// Flags that conflict, or that do nothing, are errors.
#[test]
fn useless_or_conflicting_flags_are_usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["extract", "--pretty", "--jsonl"], "'--pretty' cannot be used with '--jsonl'"),
        (&["extract", "--jsonl", "--pretty"], "'--jsonl' cannot be used with '--pretty'"),
        (&["extract", "--threads", "2"], "the following required arguments were not provided:\n  --jsonl"),
        (&["extract", "--jsonl", "--threads", "0"], "invalid value '0' for '--threads <N>'"),
    ];
    for (args, want) in cases {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

// Every error names its path.
#[test]
fn errors_name_the_path() {
    let dir = temp("keep", b"").parent().unwrap().join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    for args in [vec!["extract", "--jsonl"], vec!["extract"], vec!["normalize"]] {
        let mut args = args;
        args.push(dir.to_str().unwrap());
        let out = run(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err, format!("thaifacts: {}: Is a directory (os error 21)\n", dir.display()), "{args:?}");
    }
    let out = run(&["extract", "--jsonl", "/no/such/records.jsonl"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("thaifacts: /no/such/records.jsonl: "), "{err}");
    let out = run(&["extract"], b"\xff");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "thaifacts: <stdin>: input is not valid UTF-8: invalid byte at offset 0\n");
}

// A field of the wrong type is not a missing field.
#[test]
fn jsonl_wrong_field_types_have_their_own_message() {
    let input = concat!(
        "{\"id\": 1, \"text\": 5}\n",
        "{\"id\": 2, \"text\": null}\n",
        "{\"id\": 3}\n",
        "{\"id\": 4, \"text\": \"x\", \"published\": 20240214}\n",
        "{\"id\": 5, \"text\": \"x\", \"published\": null}\n",
        "{\"id\": 6, \"text\": {\"th\": \"x\"}}\n",
    );
    let out = run(&["extract", "--jsonl", "--quiet"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let errors: Vec<String> = lines(&out)
        .into_iter()
        .map(|l| match l {
            Line::Error { error, .. } => error,
            Line::Facts { id, .. } => format!("facts {id}"),
        })
        .collect();
    assert_eq!(
        errors,
        [
            "line 1 (id 1): `text` is a number, expected a string",
            "line 2 (id 2): `text` is null, expected a string",
            "line 3 (id 3): missing field `text`",
            "line 4 (id 4): `published` is a number, expected a string YYYY-MM-DD or null",
            "facts 5",
            "line 6 (id 6): `text` is an object, expected a string",
        ]
    );
}

// One strict parser for `published`, with a Buddhist-era guard.
#[test]
fn published_is_parsed_strictly_everywhere() {
    for bad in ["2024-2-1", " 2024-02-14", "2024-02-14 ", "+10000-01-01", "14/2024", "14 ก.พ.", "2024-02-30"] {
        let out = run(&["extract", "--published", bad], b"");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("invalid value '{bad}' for '--published <YYYY-MM-DD>'")), "{err}");
        let record = serde_json::json!({"id": 1, "text": "x", "published": bad}).to_string();
        let out = run(&["extract", "--jsonl", "--quiet"], record.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(matches!(&lines(&out)[0], Line::Error { line: 1, .. }), "{bad:?}");
    }
    let out = run(&["extract", "--published", "2567-02-14"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "found \"2567-02-14\", whose year looks like a Buddhist-era year: the Gregorian date is 2024-02-14"
        ),
        "{err}"
    );
    let out = run(&["extract", "--jsonl", "--quiet", "--published", "2024-02-14"], b"{\"text\": \"x\"}\n");
    assert!(out.status.success());
    // A Thai date is read as the extractor reads it, on the flag and in records.
    let article = "เมื่อวันที่ 5 ก.พ. ที่ประชุม".as_bytes();
    let iso = run(&["extract", "--published", "2024-02-14", "-"], article);
    let thai = run(&["extract", "--published", "14 ก.พ. 2567", "-"], article);
    assert!(thai.status.success());
    assert_eq!(thai.stdout, iso.stdout);
    let record = serde_json::json!({"id": 1, "text": "x", "published": "14 กุมภาพันธ์ 2567"}).to_string();
    let out = run(&["extract", "--jsonl", "--quiet"], record.as_bytes());
    assert!(out.status.success());
}

// Say so when waiting for an article typed on the terminal.
#[test]
fn stdin_from_a_terminal_gets_a_hint() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    // `script` gives the binary a terminal as stdin; `</dev/null` ends it at once.
    let bin = env!("CARGO_BIN_EXE_thaifacts");
    for (args, hinted) in [("extract", true), ("extract --quiet", false), ("normalize", true), ("extract -", true)] {
        let cmd = format!("{bin} {args} 2>&1 >/dev/null");
        let out = Command::new("script").args(["-qec", &cmd, "/dev/null"]).stdin(Stdio::null()).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(text.contains("thaifacts: reading an article from the terminal (stdin)"), hinted, "{args}: {text}");
    }
    // Not from a pipe.
    let out = run(&["extract"], b"");
    assert!(out.stderr.is_empty());
}

#[test]
fn normalize_ends_in_exactly_one_newline() {
    for (input, want) in [("a\n", "a\n"), ("", ""), ("a\r\n", "a\n"), ("a\n\n", "a\n\n")] {
        let out = run(&["normalize"], input.as_bytes());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{input:?}");
    }
}

#[test]
fn schema_prints_the_json_schema() {
    let out = run(&["schema"], b"");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, thaifacts::json_schema());
    assert!(out.stdout.ends_with(b"}\n"));
}

/// Runs `thaifacts ARGS` through `sh` with `redirect` (`>/dev/full`, `2>&-`).
fn run_redirected(args: &str, redirect: &str, stdin: &[u8]) -> Output {
    let script = format!("exec \"$0\" {args} {redirect}");
    let mut child = Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_thaifacts")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

// Exit status stays 0/1/2 whatever state stdout and stderr are in; no write may
// panic.
#[test]
fn exit_status_survives_full_or_closed_stdout_and_stderr() {
    let good = "{\"id\": 1, \"text\": \"ข่าว\"}\n".as_bytes();
    let mixed = "{\"id\": 1, \"text\": \"ข่าว\"}\n{oops\n".as_bytes();
    let founding = founding();
    let article = founding.to_str().unwrap();
    let cases: Vec<(String, &str, &[u8], i32)> = vec![
        // Data that cannot be written is an error, said on stderr.
        (format!("extract {article}"), ">/dev/full", b"", 2),
        ("extract --jsonl".into(), ">/dev/full", good, 2),
        ("normalize".into(), ">/dev/full", b"x", 2),
        ("schema".into(), ">/dev/full", b"", 2),
        ("--help".into(), ">/dev/full", b"", 2),
        // ... and still exit 2 when stderr cannot take the message either.
        (format!("extract {article}"), ">/dev/full 2>/dev/full", b"", 2),
        (format!("extract {article}"), ">/dev/full 2>&-", b"", 2),
        // Diagnostics that cannot be written do not change the outcome.
        ("extract --jsonl".into(), "2>/dev/full", good, 0),
        ("extract --jsonl".into(), "2>&-", good, 0),
        ("extract --jsonl".into(), "2>/dev/full", mixed, 1),
        ("extract --jsonl".into(), "2>&-", mixed, 1),
        ("extract /no/such/file".into(), "2>/dev/full", b"", 2),
        ("extract --pretty --jsonl".into(), "2>/dev/full", b"", 2),
        ("extract --pretty --jsonl".into(), "2>&-", b"", 2),
        ("extract".into(), "2>/dev/full >/dev/null", b"", 0),
    ];
    for (args, redirect, stdin, want) in cases {
        let out = run_redirected(&args, redirect, stdin);
        assert_eq!(out.status.code(), Some(want), "{args} {redirect}: {}", String::from_utf8_lossy(&out.stderr));
        if redirect == ">/dev/full" {
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains("No space left on device"), "{args}: {err}");
        }
    }
}

#[test]
fn jsonl_huge_line_between_bad_records() {
    // A 20 MB record between malformed ones: every good record is written, in
    // order, and each bad one yields its error line.
    let article = std::fs::read_to_string(founding()).unwrap();
    let mut big = String::with_capacity(21 << 20);
    while big.len() < 20 << 20 {
        big.push_str(&article);
        big.push('\n');
    }
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"a\", \"text\": \"\"}\n");
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"\xff\"}\n");
    input.extend_from_slice(serde_json::json!({"id": "big", "text": big}).to_string().as_bytes());
    input.extend_from_slice(b"\n{\"text\": \"x\"}\n{broken\n");
    let out = run(&["extract", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 5);
    assert!(matches!(&got[0], Line::Facts { id, .. } if id == "a"));
    assert!(matches!(&got[1], Line::Error { id, line: 2, .. } if id == "b"));
    assert!(matches!(&got[2], Line::Facts { id, line: 3, facts } if id == "big" && !facts.organizations.is_empty()));
    assert!(matches!(&got[3], Line::Facts { id, .. } if id.is_null()));
    assert!(matches!(&got[4], Line::Error { line: 5, .. }));
}

#[test]
fn eval_prints_the_table_and_names_a_missing_text() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let corpus = std::env::var_os("THAIFACTS_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    let out = run(&["eval", fixtures.to_str().unwrap(), "--texts", corpus.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).unwrap();
    for cat in ["people", "positions", "organizations", "places", "dates", "numbers", "articles: "] {
        assert!(table.contains(cat), "{table}");
    }
    let json = run(&["eval", fixtures.to_str().unwrap(), "--texts", corpus.to_str().unwrap(), "--json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["scores"]["dates"]["f1"].as_f64().unwrap() > 0.5);
    // --html: the same table on stdout, and the report page.
    let report = std::env::temp_dir().join(format!("thaifacts-eval-report-{}.html", std::process::id()));
    let args =
        ["eval", fixtures.to_str().unwrap(), "--texts", corpus.to_str().unwrap(), "--html", report.to_str().unwrap()];
    let out = run(&args, b"");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), table, "the table is the same with --html");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<section class=\"doc\" id=\"doc0\"><h2>000_khonkaen_unesco</h2>"));
    assert!(html.contains("class=\"ev-match\" data-c=\"people\" title=\"match: people: ธีระศักดิ์ ฑีฆายุพันธุ์\""));
    assert_eq!(html.matches("<section class=\"doc\"").count(), v["articles"].as_u64().unwrap() as usize);
    std::fs::remove_file(&report).unwrap();
    let dir = temp("x.expected.json", b"{}").parent().unwrap().to_path_buf();
    let out = bin().args(["eval", dir.to_str().unwrap()]).env_remove("THAIFACTS_CORPUS").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("thaifacts: x.txt: expected beside the expected facts in "), "{err}");
}
