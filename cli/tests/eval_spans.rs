//! `thaifacts eval --spans`: the counts of a small brat file and a small IOB
//! file, worked out by hand, and the errors of an empty or malformed corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The article: two dates the extractor reads exactly as annotated or not,
/// a season it does not read, and a date with a time nobody annotated.
const TEXT: &str = "ประชุมเมื่อวันที่ 14 กุมภาพันธ์ 2567 และวันที่ 3 มีนาคม 2567 ช่วงฤดูฝน ก่อนวันที่ 1 เมษายน 2567 เวลา 09.30 น.";

/// Gold (class, text): a true positive (`14 กุมภาพันธ์ 2567`); a boundary
/// error (gold includes วันที่, the extractor's date does not); a miss
/// (ฤดูฝน, a season, is no date the extractor reads); a TIME, which the
/// extractor has no class for (listed, not scored). The unannotated
/// `1 เมษายน 2567 …` is the false alarm.
const GOLD: [(&str, &str); 4] =
    [("DATE", "14 กุมภาพันธ์ 2567"), ("DATE", "วันที่ 3 มีนาคม 2567"), ("DATE", "ฤดูฝน"), ("TIME", "09.30 น.")];

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("thaifacts-spans-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thaifacts")).arg("eval").args(args).output().expect("the binary starts")
}

/// Character offsets of the first `needle` in TEXT.
fn chars_of(needle: &str) -> (usize, usize) {
    let byte = TEXT.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn brat(class_of_dates: &str) -> PathBuf {
    let d = dir(class_of_dates);
    std::fs::write(d.join("doc.txt"), TEXT).unwrap();
    let ann: String = GOLD
        .iter()
        .enumerate()
        .map(|(i, (class, text))| {
            let class = if *class == "DATE" { class_of_dates } else { class };
            let (s, e) = chars_of(text);
            format!("T{}\t{class} {s} {e}\t{text}\n", i + 1)
        })
        .collect();
    std::fs::write(d.join("doc.ann"), ann).unwrap();
    d
}

/// TEXT as an IOB file: one token per space-separated piece, spaces as
/// tokens of their own, gold pieces tagged.
fn iob() -> PathBuf {
    let d = dir("iob");
    let mut lines = String::new();
    let mut pos = 0;
    let gold: Vec<(usize, usize, &str)> = GOLD
        .iter()
        .map(|(c, t)| {
            let b = TEXT.find(t).unwrap();
            (b, b + t.len(), *c)
        })
        .collect();
    // Tokens: maximal runs between the gold edges and spaces.
    let mut cuts: Vec<usize> = gold.iter().flat_map(|(s, e, _)| [*s, *e]).collect();
    cuts.extend(TEXT.match_indices(' ').flat_map(|(i, _)| [i, i + 1]));
    cuts.push(TEXT.len());
    cuts.sort();
    cuts.dedup();
    for cut in cuts {
        if cut == pos {
            continue;
        }
        let token = &TEXT[pos..cut];
        let tag = match gold.iter().find(|(s, e, _)| pos >= *s && cut <= *e) {
            Some((s, _, c)) if *s == pos => format!("B-{c}"),
            Some((_, _, c)) => format!("I-{c}"),
            None => "O".to_string(),
        };
        lines.push_str(&format!("{token}\t{tag}\n"));
        pos = cut;
    }
    std::fs::write(d.join("doc.conll"), lines).unwrap();
    d
}

fn report(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn assert_hand_count(v: &serde_json::Value) {
    let date = &v["classes"]["DATE"];
    assert_eq!((date["gold"].as_u64(), date["predicted"].as_u64()), (Some(3), Some(3)), "{v}");
    // Exact: only 14 กุมภาพันธ์ 2567 matches; the boundary error counts as a
    // false alarm and a miss.
    assert_eq!(date["exact"], serde_json::json!({"tp": 1, "fp": 2, "fn": 2}));
    // Overlap: the boundary error matches.
    assert_eq!(date["overlap"], serde_json::json!({"tp": 2, "fp": 1, "fn": 1}));
    assert_eq!(v["unscored_gold"], serde_json::json!({"TIME": 1}));
    assert_eq!(v["classes"].as_object().unwrap().len(), 1, "only DATE is scored: {v}");
    assert_eq!(v["overlap"]["micro"]["precision"].as_f64(), Some(2.0 / 3.0));
    assert_eq!(v["documents"], 1);
}

#[test]
fn brat_file_counts_as_worked_out_by_hand() {
    let d = brat("DATE");
    assert_hand_count(&report(&eval(&["--spans", d.to_str().unwrap(), "--json"])));
}

#[test]
fn iob_file_counts_as_worked_out_by_hand() {
    let d = iob();
    assert_hand_count(&report(&eval(&["--spans", d.to_str().unwrap(), "--json"])));
    // One file may be named instead of its directory.
    assert_hand_count(&report(&eval(&["--spans", d.join("doc.conll").to_str().unwrap(), "--json"])));
}

#[test]
fn map_renames_gold_classes() {
    let d = brat("DTM");
    let unmapped = report(&eval(&["--spans", d.to_str().unwrap(), "--json"]));
    assert_eq!(unmapped["unscored_gold"], serde_json::json!({"DTM": 3, "TIME": 1}));
    assert_eq!(unmapped["unscored_predicted"], serde_json::json!({"DATE": 3}));
    assert_hand_count(&report(&eval(&["--spans", d.to_str().unwrap(), "--map", "DTM=DATE", "--json"])));
    let bad = eval(&["--spans", d.to_str().unwrap(), "--map", "DTM"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected GOLD=OURS"));
}

#[test]
fn verbose_lists_each_miss_false_alarm_and_boundary_error_with_context() {
    let d = brat("DATE");
    let out = eval(&["--spans", d.to_str().unwrap(), "-v"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let row = |kind: &str| stdout.lines().filter(|l| l.starts_with(kind)).collect::<Vec<_>>();
    assert_eq!(row("miss").len(), 1, "{stdout}");
    assert!(row("miss")[0].contains("[ฤดูฝน]"), "{stdout}");
    assert!(row("miss")[0].contains("ช่วง[ฤดูฝน] ก่อน"), "context on both sides: {stdout}");
    assert_eq!(row("false alarm").len(), 1);
    assert!(row("false alarm")[0].contains("[1 เมษายน 2567] เวลา 09.30 น."));
    assert_eq!(row("boundary").len(), 1);
    assert!(row("boundary")[0].contains("[วันที่ 3 มีนาคม 2567]") && row("boundary")[0].contains("found [3 มีนาคม 2567]"));
    assert!(stdout.contains("gold classes not scored (no facts of theirs): TIME 1"));
}

#[test]
fn nothing_to_score_is_an_error() {
    let empty = dir("empty");
    let out = eval(&["--spans", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no brat (.ann beside .txt) or IOB"), "{stderr}");
    let out = eval(&[empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no NAME.expected.json files, nothing to score"), "{stderr}");
}

#[test]
fn a_missing_text_names_the_ways_to_give_it() {
    let d = dir("missing");
    std::fs::write(d.join("a.expected.json"), "{}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_thaifacts"))
        .args(["eval", d.to_str().unwrap()])
        .env_remove("THAIFACTS_CORPUS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("found in neither (give the texts' folder with --texts or THAIFACTS_CORPUS)"), "{stderr}");
}

#[test]
fn a_brat_span_that_does_not_match_its_text_names_file_and_line() {
    let d = dir("badtext");
    std::fs::write(d.join("doc.txt"), TEXT).unwrap();
    std::fs::write(d.join("doc.ann"), "T1\tDATE 0 6\tเมื่อวันที่\n").unwrap();
    let out = eval(&["--spans", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let want = format!(
        "{}:1: span text \"เมื่อวันที่\" is not the text at characters 0..6, \"ประชุม\"",
        Path::new(&d).join("doc.ann").display()
    );
    assert!(stderr.contains(&want), "{stderr}");
}

#[test]
fn html_report_marks_matches_misses_and_false_alarms() {
    let d = brat("DATE");
    let report = d.join("report.html");
    let out = eval(&["--spans", d.to_str().unwrap(), "--html", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("documents: 1"), "the table still goes to stdout");
    let html = std::fs::read_to_string(&report).unwrap();
    let marked = |class: &str, text: &str| {
        let at = html.find(&format!(">{text}</mark>")).unwrap_or_else(|| panic!("{text} not drawn:\n{html}"));
        let tag = &html[html[..at].rfind("<mark").unwrap()..at];
        assert!(tag.contains(&format!("class=\"{class}\"")), "{text}: {tag}");
    };
    marked("ev-match", "14 กุมภาพันธ์ 2567");
    marked("ev-miss", "ฤดูฝน");
    marked("ev-alarm", "1 เมษายน 2567");
    // The boundary error: the predicted span nests inside the gold one.
    marked("ev-alarm ev-boundary", "3 มีนาคม 2567");
    assert!(html.contains("class=\"ev-miss ev-boundary\" data-c=\"DATE\""));
    assert!(html.contains("<th>DATE</th><td>3</td><td>3</td><td>0.333</td>"), "the per-class table");
    assert!(html.contains("gold classes not scored (no facts of theirs): TIME 1"));
    // A report that cannot be written is an error naming it.
    let bad = d.join("no/such/dir/report.html");
    let out = eval(&["--spans", d.to_str().unwrap(), "--html", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("thaifacts: cannot write {}: ", bad.display())), "{stderr}");
}
