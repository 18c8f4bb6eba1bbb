//! The `thaifacts` binary, run as a user runs it: stdin, files, exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde::Deserialize;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_thaifacts"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

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
    Facts { id: serde_json::Value, facts: thaifacts::ArticleFacts },
    Error { id: serde_json::Value, line: usize, error: String },
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
    let out = run(&["extract", "--published", "14/02/2024"], b"");
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
        matches!(&got[3], Line::Error { id, line: 5, error } if id == "d" && error.contains("`published` is \"2024-13-01\""))
    );
    assert!(
        matches!(&got[4], Line::Facts { id, facts } if id.is_null() && *facts == thaifacts::ArticleFacts::default())
    );
    assert!(matches!(&got[5], Line::Facts { id, .. } if id == "f"));
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
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ปี 2567 และ");
}

#[test]
fn help_documents_exit_status() {
    let out = run(&["extract", "--help"], b"");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Exit status:"), "{help}");
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
    assert!(matches!(&got[2], Line::Facts { id, facts } if id == "big" && !facts.organizations.is_empty()));
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
    let dir = temp("x.expected.json", b"{}").parent().unwrap().to_path_buf();
    let out = bin().args(["eval", dir.to_str().unwrap()]).env_remove("THAIFACTS_CORPUS").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("thaifacts: x.txt: expected beside the expected facts in "), "{err}");
}
