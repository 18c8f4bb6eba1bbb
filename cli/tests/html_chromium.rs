//! `thaifacts extract --html` in a real browser: headless Chromium opens the
//! page, runs its scripts and ours, and the DOM it dumps is checked.
//!
//! Chromium (Debian's `chromium`, or the path in `THAIFACTS_CHROMIUM`) is
//! required: `.ci/run` installs it when it is missing, and without it these
//! tests fail saying how to install it.
//!
//! How the DOM is read: the test appends one script of its own to the page
//! (after the page's scripts), which walks the DOM after they ran and writes
//! what it saw as JSON into a `<pre id="test-result">`, every non-ASCII
//! character and `<`, `>`, `&` written `\uXXXX`, so that `--dump-dom`'s
//! serialization leaves it as it is. The page records a script error in
//! `data-js-error` on `<html>` (its first script); Chromium's own log
//! (`--enable-logging=stderr`) is scanned for console errors too.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

mod common;

const FOUNDING: &str = "../fixtures/000_khonkaen_unesco.txt";

/// What the test's script saw.
#[derive(Debug, Deserialize)]
struct Seen {
    /// `data-js-error` of `<html>`: a script error, if any.
    error: Option<String>,
    /// `data-ready-ms`: when the page's script had built the page.
    ready: Option<String>,
    /// Per highlight (`data-m`), in document order of first pieces:
    /// `[data-m, class, data-f, text of its pieces joined]`.
    marks: Vec<[String; 4]>,
    /// The article's text content.
    article: String,
    /// `document.title`.
    title: String,
    /// Number of `<script>` elements (the page's two and the test's one).
    scripts: usize,
    /// Tag names of elements in the article other than `mark` and `div`.
    foreign: Vec<String>,
    /// Set by hostile input that managed to run.
    pwned: Option<String>,
    /// The tooltip after focusing the first highlight: hidden?, its text.
    tip_hidden: bool,
    tip_text: String,
}

const TEST_JS: &str = r#"<script>(function(){
var d=document.documentElement,text=document.getElementById("text"),out={error:d.getAttribute("data-js-error"),
ready:d.getAttribute("data-ready-ms"),pwned:d.getAttribute("data-pwned"),marks:[],article:text.textContent,
title:document.title,scripts:document.scripts.length,foreign:[],tip_hidden:true,tip_text:""},byId={};
text.querySelectorAll("*").forEach(function(e){var t=e.tagName.toLowerCase();if(t!=="mark"&&t!=="div")out.foreign.push(t);});
text.querySelectorAll("mark[data-m]").forEach(function(e){var k=e.getAttribute("data-m");
 if(!(k in byId)){byId[k]=[k,e.className,e.getAttribute("data-f"),""];out.marks.push(byId[k]);}
 byId[k][3]+=e.textContent;});
var first=text.querySelector("mark[tabindex]");
if(first){first.focus();var tip=document.getElementById("tip");out.tip_hidden=tip.hidden;out.tip_text=tip.textContent;}
var s=JSON.stringify(out).replace(/[\u0080-\uffff<>&]/g,function(c){return "\\u"+("000"+c.charCodeAt(0).toString(16)).slice(-4);});
var pre=document.createElement("pre");pre.id="test-result";pre.textContent=s;document.body.appendChild(pre);
})();</script>"#;

fn chromium() -> PathBuf {
    let bin = std::env::var_os("THAIFACTS_CHROMIUM").map_or_else(|| PathBuf::from("chromium"), PathBuf::from);
    let ok = Command::new(&bin).arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "headless Chromium is needed to test the HTML page, and `{}` does not run: install it with \
         `apt-get install -y chromium` (Debian; .ci/run does this when it is missing), or set \
         THAIFACTS_CHROMIUM to a Chromium or Chrome binary",
        bin.display()
    );
    bin
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("thaifacts-html-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs the binary with `args` and `stdin`, expecting success; its stdout.
fn thaifacts(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let out = common::run(args, stdin);
    assert!(out.status.success(), "thaifacts {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Opens `page` in headless Chromium and returns the DOM after scripts ran,
/// Chromium's log, and the wall time it took.
fn dump_dom(page: &Path, dir: &Path) -> (String, String, Duration) {
    let started = Instant::now();
    let mut child = Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    // Chromium must not hang the test suite.
    let (stdout, stderr) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let (out, err) = (read(Box::new(stdout)), read(Box::new(stderr)));
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (out.join().unwrap(), err.join().unwrap(), started.elapsed())
}

/// Writes `html` with the test's script into `dir`, opens it and returns
/// what the script saw.
fn open(html: &str, dir: &Path) -> (Seen, Duration) {
    let cut = html.rfind("</body>").expect("the page ends with </body>");
    let page = dir.join("page.html");
    std::fs::write(&page, format!("{}{TEST_JS}\n{}", &html[..cut], &html[cut..])).unwrap();
    let (dom, log, took) = dump_dom(&page, dir);
    let console_errors: Vec<&str> =
        log.lines().filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error"))).collect();
    assert!(console_errors.is_empty(), "console errors:\n{}", console_errors.join("\n"));
    let start = dom.find("<pre id=\"test-result\">").unwrap_or_else(|| {
        panic!("the test's script left no result; chromium's log:\n{log}\nDOM start:\n{}", &dom[..dom.len().min(2000)])
    }) + "<pre id=\"test-result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let seen: Seen = serde_json::from_str(&dom[start..end]).expect("the test's JSON");
    (seen, took)
}

/// `[class, fact id, text]` of every span of `facts`, sorted: what the page
/// must highlight.
fn expected_marks(facts: &thaifacts::ArticleFacts) -> Vec<[String; 3]> {
    let mut out = Vec::new();
    let mut add = |class: &str, id: String, text: &str| out.push([class.to_string(), id, text.to_string()]);
    for (i, p) in facts.people.iter().enumerate() {
        p.mentions.iter().for_each(|m| add("k-person", format!("p{i}"), &m.text));
        p.statements.iter().for_each(|m| add("k-said", format!("p{i}"), &m.text));
    }
    for (i, o) in facts.organizations.iter().enumerate() {
        o.mentions.iter().for_each(|m| add("k-org", format!("o{i}"), &m.text));
    }
    for (i, p) in facts.places.iter().enumerate() {
        p.mentions.iter().for_each(|m| add("k-place", format!("l{i}"), &m.text));
    }
    for (i, d) in facts.dates.iter().enumerate() {
        add("k-date", format!("d{i}"), &d.text);
    }
    for (i, n) in facts.numbers.iter().enumerate() {
        add("k-number", format!("n{i}"), &n.text);
    }
    out.sort();
    out
}

fn seen_marks(seen: &Seen) -> Vec<[String; 3]> {
    let mut got: Vec<[String; 3]> =
        seen.marks.iter().map(|[_, class, fact, text]| [class.clone(), fact.clone(), text.clone()]).collect();
    got.sort();
    got
}

#[test]
fn the_founding_articles_page_highlights_every_fact_with_its_text() {
    let dir = temp_dir("founding");
    let input = std::fs::read_to_string(FOUNDING).unwrap();
    let facts: thaifacts::ArticleFacts = serde_json::from_slice(&thaifacts(&["extract", FOUNDING], b"")).unwrap();
    let html = String::from_utf8(thaifacts(&["extract", "--html", FOUNDING], b"")).unwrap();
    let (seen, took) = open(&html, &dir);
    assert_eq!(seen.error, None, "a script error");
    assert!(seen.ready.is_some(), "the page's script did not finish");
    let want = expected_marks(&facts);
    assert!(want.len() >= 50, "the founding article has its facts: {}", want.len());
    assert_eq!(seen_marks(&seen), want);
    assert_eq!(seen.article, input);
    assert_eq!(seen.scripts, 3);
    assert!(seen.foreign.is_empty(), "{:?}", seen.foreign);
    assert_eq!(seen.title, "000_khonkaen_unesco.txt");
    // Focus on the first highlight shows its fact.
    assert!(!seen.tip_hidden, "the tooltip shows on focus");
    assert!(seen.tip_text.contains("ขอนแก่น"), "{}", seen.tip_text);
    eprintln!("founding article page: chromium took {took:?}, page ready at {:?} ms", seen.ready);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hostile_input_renders_as_text() {
    let dir = temp_dir("hostile");
    let input = "<script>document.documentElement.setAttribute('data-pwned','script')</script>\r\n\
                 <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\"> \
                 </textarea></title></article><!-- --> ]]> &amp; &lt; \"quotes\" 'single' ` \
                 นายธนพล ใจดี นายกเทศมนตรีนครขอนแก่น <b>เมื่อวันที่ 14 กุมภาพันธ์ 2567</b>\n\
                 <style>*{display:none}</style> ราคา 2.5 ล้านบาท";
    let facts: thaifacts::ArticleFacts =
        serde_json::from_slice(&thaifacts(&["extract", "-"], input.as_bytes())).unwrap();
    let html = String::from_utf8(thaifacts(&["extract", "--html", "-"], input.as_bytes())).unwrap();
    let (seen, _) = open(&html, &dir);
    assert_eq!(seen.error, None);
    assert_eq!(seen.pwned, None, "the input ran");
    assert_eq!(seen.article, input, "the article's text is the input, CR included");
    assert_eq!(seen.scripts, 3, "no script of the input's");
    assert!(seen.foreign.is_empty(), "elements of the input's: {:?}", seen.foreign);
    assert_eq!(seen.title, input.lines().next().unwrap().trim());
    assert!(!facts.dates.is_empty() && !facts.people.is_empty(), "{facts:?}");
    assert_eq!(seen_marks(&seen), expected_marks(&facts));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The page of a 1 MB article (the founding article repeated) opens in
/// under 2 seconds: prints Chromium's wall time for `--dump-dom` (start,
/// load, scripts, exit) and the page's own `performance.now()` once its
/// script ran after layout. Timing depends on the machine's load, so it runs
/// on demand: `cargo test --release -p thaifacts-cli --test html_chromium -- --ignored`.
#[test]
#[ignore = "timing; run on demand"]
fn a_one_megabyte_articles_page_opens_in_under_two_seconds() {
    let dir = temp_dir("megabyte");
    let one = std::fs::read_to_string(FOUNDING).unwrap();
    let input = one.repeat((1 << 20) / one.len() + 1);
    let started = Instant::now();
    let html = String::from_utf8(thaifacts(&["extract", "--html", "-"], input.as_bytes())).unwrap();
    let render = started.elapsed();
    let (seen, took) = open(&html, &dir);
    assert_eq!(seen.error, None);
    assert_eq!(seen.article, input);
    let ready: f64 = seen.ready.as_deref().unwrap().parse().unwrap();
    eprintln!(
        "1 MB article ({} bytes, {} highlights, page {} bytes): extract + render {render:?}; \
         chromium --dump-dom wall time {took:?} (includes the test's DOM walk); page ready at {ready} ms",
        input.len(),
        seen.marks.len(),
        html.len()
    );
    assert!(ready < 2000.0, "page ready at {ready} ms");
    std::fs::remove_dir_all(&dir).unwrap();
}
