//! `thaifacts extract --html` and `--jsonl --html-dir`: what is written
//! where, file names, and the errors. (What a browser makes of a page is
//! `html_chromium.rs`.)

use std::path::PathBuf;

mod common;
use common::run;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("thaifacts-pages-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn extract_html_writes_one_page_to_stdout() {
    let input = "เมื่อวันที่ 14 กุมภาพันธ์ 2567 นายธนพล ใจดี <script>x</script>";
    let out = run(&["extract", "--html", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains(">14 กุมภาพันธ์ 2567</mark>"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    // A file's page is titled with its name.
    let d = temp_dir("title");
    std::fs::write(d.join("ข่าว.txt"), input).unwrap();
    let out = run(&["extract", "--html", d.join("ข่าว.txt").to_str().unwrap()], b"");
    assert!(String::from_utf8(out.stdout).unwrap().contains("<title>ข่าว.txt</title>"));
}

#[test]
fn html_flags_that_conflict_are_usage_errors() {
    for args in [
        &["extract", "--html", "--jsonl", "-"][..],
        &["extract", "--html", "--pretty", "-"],
        &["extract", "--html-dir", "pages", "-"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn html_dir_writes_one_page_per_record_named_after_its_id() {
    let d = temp_dir("dir");
    let pages = d.join("pages/new");
    let records = concat!(
        r#"{"id": "news/001", "text": "เมื่อวันที่ 14 กุมภาพันธ์ 2567"}"#,
        "\n",
        r#"{"id": 7, "text": "นายธนพล ใจดี"}"#,
        "\n",
        r#"{"text": "ไม่มี id"}"#,
        "\n",
        "not json\n",
        r#"{"id": "news_001", "text": "ชื่อซ้ำ"}"#,
        "\n",
        r#"{"id": "../evil", "text": "<b>"}"#,
        "\n",
    );
    let out = run(&["extract", "--jsonl", "--quiet", "--html-dir", pages.to_str().unwrap(), "-"], records.as_bytes());
    assert_eq!(out.status.code(), Some(1), "one record is bad: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 6, "the JSON lines still go to stdout");
    let mut names: Vec<String> =
        std::fs::read_dir(&pages).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["7.html", "_._evil.html", "line-3.html", "news_001-line-5.html", "news_001.html"]);
    let page = std::fs::read_to_string(pages.join("news_001.html")).unwrap();
    assert!(page.contains("<title>news/001</title>") && page.contains(">14 กุมภาพันธ์ 2567</mark>"));
    assert!(std::fs::read_to_string(pages.join("_._evil.html")).unwrap().contains("&lt;b&gt;"));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn an_html_dir_that_cannot_be_made_is_an_error_naming_it() {
    let d = temp_dir("blocked");
    let file = d.join("a-file");
    std::fs::write(&file, "").unwrap();
    let out = run(&["extract", "--jsonl", "--html-dir", file.to_str().unwrap(), "-"], b"{\"text\": \"x\"}\n");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("thaifacts: --html-dir: cannot create directory {}: ", file.display())),
        "{stderr}"
    );
    std::fs::remove_dir_all(&d).unwrap();
}
