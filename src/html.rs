//! HTML views of facts: one self-contained page per article, and the page of
//! a span evaluation.
//!
//! This sits after the pipeline: it takes the input and the [`ArticleFacts`]
//! found in it and returns one HTML document (no network, no external file;
//! the CSS and the small script are inline). [`page`] (or
//! [`ArticleFacts::to_html`]) draws:
//!
//! - the article as written, every mention highlighted by kind (people,
//!   organizations, places, dates, numbers; what a person is reported to say
//!   lightly shaded), with a legend;
//! - on hover or keyboard focus of a highlight (each mention is a tab stop),
//!   the fact behind it: value, range end, unit, precision, era, anchor or
//!   offset of a date, title, positions, abbreviations, and its linked
//!   mentions, which are outlined in the text too;
//! - a side list of the facts grouped by kind, each linking to its mentions.
//!
//! Every character of the input is escaped ([`push_text`]), so any input is
//! shown as text, never run. A carriage return is kept (written `&#13;`), so
//! the page's text is the input's text, character for character (NUL, which
//! HTML cannot hold, shows as U+FFFD). How overlapping spans are drawn
//! (nested, or split where they cross) is said in `src/html/marks.rs`.
//!
//! Cost is linear in the input and the number of facts. For a long article
//! the text is cut into blocks between paragraphs that a browser lays out
//! only when they scroll into view (`content-visibility: auto`); the README
//! says how a 1 MB article's page was timed.
//!
//! # Example
//!
//! ```
//! let input = "เมื่อวันที่ 14 กุมภาพันธ์ 2567 <script>";
//! let facts = thaifacts::extract(input);
//! let page = facts.to_html(input);
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains(">14 กุมภาพันธ์ 2567</mark>"));
//! assert!(page.contains("&lt;script&gt;"));
//! ```

mod marks;
mod report;

pub use marks::{push_attr, push_text};
pub use report::{eval_report, span_report};

use std::fmt::Write as _;

use serde::Serialize;

use crate::facts::{ArticleFacts, DateFact, Mention, NumberFact, Organization, Person, Place};
use marks::Mark;

/// The kinds of highlight, in legend order: class, label.
const KINDS: [(&str, &str); 5] = [
    ("k-person", "people"),
    ("k-org", "organizations"),
    ("k-place", "places"),
    ("k-date", "dates"),
    ("k-number", "numbers"),
];

impl ArticleFacts {
    /// The HTML page of these facts over `input`, the text they were
    /// extracted from: [`page`] titled with the article's first line.
    ///
    /// # Example
    ///
    /// ```
    /// let input = "นายธนพล ใจดี เดินทางไปขอนแก่น";
    /// let html = thaifacts::extract(input).to_html(input);
    /// assert!(html.contains("<title>นายธนพล ใจดี เดินทางไปขอนแก่น"));
    /// ```
    pub fn to_html(&self, input: &str) -> String {
        page(first_line(input), input, self)
    }
}

/// The first non-blank line of `input`, cut to 80 characters.
fn first_line(input: &str) -> &str {
    let line = input.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    match line.char_indices().nth(80) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

/// One self-contained HTML page showing `facts` over `input` (see the module
/// docs), titled `title`.
///
/// Never panics. A span that does not fit `input` (facts read from JSON of
/// another text) is listed but not drawn.
///
/// # Example
///
/// ```
/// let input = "ณ จังหวัดขอนแก่น \"&\" </textarea>";
/// let facts = thaifacts::extract(input);
/// let html = thaifacts::html::page("ข่าว 1", input, &facts);
/// assert!(html.contains("&lt;/textarea&gt;"));
/// assert!(html.contains("class=\"k-place\""));
/// ```
pub fn page(title: &str, input: &str, facts: &ArticleFacts) -> String {
    let mut marks: Vec<Mark> = Vec::new();
    // Which mark each mention became, per fact: (fact id, mark indices).
    let mut add = |m: &Mention, rank: u8, class: &str, fact: &str| {
        marks.push(Mark { start: m.start, end: m.end, rank, attrs: format!(" class=\"{class}\" data-f=\"{fact}\"") });
        marks.len() - 1
    };
    let people: Vec<(Vec<usize>, Vec<usize>)> = facts
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("p{i}");
            let said = p.statements.iter().map(|m| add(m, 0, "k-said", &id)).collect();
            (p.mentions.iter().map(|m| add(m, 1, "k-person", &id)).collect(), said)
        })
        .collect();
    let orgs: Vec<Vec<usize>> = facts
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| o.mentions.iter().map(|m| add(m, 2, "k-org", &format!("o{i}"))).collect())
        .collect();
    let places: Vec<Vec<usize>> = facts
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| p.mentions.iter().map(|m| add(m, 3, "k-place", &format!("l{i}"))).collect())
        .collect();
    let span = |start: usize, end: usize, text: &str| Mention { start, end, text: text.to_string() };
    let dates: Vec<usize> = facts
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| add(&span(d.start, d.end, &d.text), 4, "k-date", &format!("d{i}")))
        .collect();
    let numbers: Vec<usize> = facts
        .numbers
        .iter()
        .enumerate()
        .map(|(i, n)| add(&span(n.start, n.end, &n.text), 5, "k-number", &format!("n{i}")))
        .collect();

    let mut text = String::with_capacity(input.len() + input.len() / 4 + marks.len() * 80);
    let ids = marks::render(&mut text, input, &marks, "m", true);
    let links = |indices: &[usize], mentions: &[Mention]| -> String {
        let mut out = String::new();
        for (&i, m) in indices.iter().zip(mentions) {
            mention_link(&mut out, ids[i].as_deref(), m);
        }
        out
    };

    let mut out = String::with_capacity(text.len() * 2 + 16_384);
    head(&mut out, title, PAGE_CSS);
    out.push_str("<header><h1>");
    push_text(&mut out, title);
    out.push_str("</h1>");
    legend(&mut out, facts);
    out.push_str("</header>\n<main>\n<article id=\"text\" lang=\"th\">");
    out.push_str(&text);
    out.push_str("</article>\n<aside id=\"facts\" aria-label=\"facts\">\n");

    section(&mut out, "person", "People", facts.people.len());
    for (i, (p, (ms, said))) in facts.people.iter().zip(&people).enumerate() {
        person_item(&mut out, i, p, &links(ms, &p.mentions), &links(said, &p.statements));
    }
    section(&mut out, "org", "Organizations", facts.organizations.len());
    for (i, (o, ms)) in facts.organizations.iter().zip(&orgs).enumerate() {
        org_item(&mut out, i, o, &links(ms, &o.mentions));
    }
    section(&mut out, "place", "Places", facts.places.len());
    for (i, (p, ms)) in facts.places.iter().zip(&places).enumerate() {
        place_item(&mut out, i, p, &links(ms, &p.mentions));
    }
    section(&mut out, "date", "Dates", facts.dates.len());
    for (i, (d, &m)) in facts.dates.iter().zip(&dates).enumerate() {
        let mut link = String::new();
        mention_link(&mut link, ids[m].as_deref(), &span(d.start, d.end, &d.text));
        date_item(&mut out, i, d, &link);
    }
    section(&mut out, "number", "Numbers", facts.numbers.len());
    for (i, (n, &m)) in facts.numbers.iter().zip(&numbers).enumerate() {
        let mut link = String::new();
        mention_link(&mut link, ids[m].as_deref(), &span(n.start, n.end, &n.text));
        number_item(&mut out, i, n, &link);
    }
    out.push_str("</ol></section>\n</aside>\n</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>");
    out.push_str(PAGE_JS);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// `<!DOCTYPE html>` up to and including `<body>`, with the error marker
/// script first, so that an error in any later script is recorded.
pub(crate) fn head(out: &mut String, title: &str, css: &str) {
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"thaifacts\">\n<title>",
    );
    push_text(out, title);
    out.push_str("</title>\n<script>");
    out.push_str(ERROR_JS);
    out.push_str("</script>\n<style>");
    out.push_str(BASE_CSS);
    out.push_str(css);
    out.push_str("</style>\n</head>\n<body>\n");
}

fn legend(out: &mut String, facts: &ArticleFacts) {
    let counts =
        [facts.people.len(), facts.organizations.len(), facts.places.len(), facts.dates.len(), facts.numbers.len()];
    out.push_str("<ul class=\"legend\">");
    for ((class, label), n) in KINDS.iter().zip(counts) {
        let _ = write!(out, "<li><mark class=\"{class}\">{label}</mark> {n}</li>");
    }
    out.push_str("<li><mark class=\"k-said\">what a person said</mark></li></ul>");
}

fn section(out: &mut String, kind: &str, label: &str, n: usize) {
    if kind != "person" {
        out.push_str("</ol></section>\n");
    }
    let _ = write!(out, "<section class=\"s-{kind}\"><h2>{label} <small>{n}</small></h2><ol>");
}

/// `<a href="#m3">text</a>` with the byte span, or the text alone when the
/// mention was not drawn. A long text (a statement) is cut to 40 characters.
fn mention_link(out: &mut String, id: Option<&str>, m: &Mention) {
    let text = match m.text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &m.text[..i]),
        None => m.text.clone(),
    };
    match id {
        Some(id) => {
            let _ = write!(out, "<a href=\"#{id}\">");
            push_text(out, &text);
            let _ = write!(out, "</a><small> {}–{}</small> ", m.start, m.end);
        }
        None => {
            out.push_str("<span class=\"undrawn\">");
            push_text(out, &text);
            let _ = write!(out, "</span><small> {}–{} (not in this text)</small> ", m.start, m.end);
        }
    }
}

/// Up to this many links to mentions are shown open in a side-list entry.
const OPEN_LINKS: usize = 12;

/// One `<li>` of the side list: the heading, the detail rows (the tooltip
/// shows the same), and the mentions.
struct Item<'a> {
    out: &'a mut String,
}

impl<'a> Item<'a> {
    fn open(out: &'a mut String, id: &str, class: &str, heading: &str) -> Item<'a> {
        let _ = write!(out, "<li id=\"f-{id}\" class=\"fact {class}\"><div class=\"head\">");
        push_text(out, heading);
        out.push_str("</div><dl class=\"detail\">");
        Item { out }
    }

    /// A row whose value is text to escape.
    fn row(&mut self, label: &str, value: &str) -> &mut Self {
        let _ = write!(self.out, "<dt>{label}</dt><dd>");
        push_text(self.out, value);
        self.out.push_str("</dd>");
        self
    }

    fn opt(&mut self, label: &str, value: Option<&str>) -> &mut Self {
        if let Some(v) = value {
            self.row(label, v);
        }
        self
    }

    /// Ends the entry with its `links` (`n` of them): in a closed
    /// `<details>` past [`OPEN_LINKS`], which a browser does not lay out
    /// until it is opened.
    fn close(&mut self, mentions_label: &str, links: &str, n: usize) {
        if n > OPEN_LINKS {
            let _ = writeln!(
                self.out,
                "</dl><details class=\"ms\"><summary>{n} {mentions_label}</summary>{links}</details></li>"
            );
        } else {
            let _ = writeln!(self.out, "</dl><div class=\"ms\"><span>{mentions_label}:</span> {links}</div></li>");
        }
    }
}

fn person_item(out: &mut String, i: usize, p: &Person, links: &str, said: &str) {
    let heading = match &p.title {
        Some(t) => format!("{t} {}", p.name),
        None => p.name.clone(),
    };
    let mut item = Item::open(out, &format!("p{i}"), "f-person", &heading);
    item.row("kind", "person").row("name", &p.name).opt("title", p.title.as_deref());
    if !p.positions.is_empty() {
        item.row("positions", &p.positions.join(" · "));
    }
    item.row("mentions", &p.mentions.len().to_string());
    if !p.statements.is_empty() {
        item.row("statements", &p.statements.len().to_string());
    }
    let links = if said.is_empty() { links.to_string() } else { format!("{links}<br><span>said:</span> {said}") };
    item.close("mentions", &links, p.mentions.len() + p.statements.len());
}

fn org_item(out: &mut String, i: usize, o: &Organization, links: &str) {
    let mut item = Item::open(out, &format!("o{i}"), "f-org", &o.name);
    item.row("kind", &format!("organization ({})", serde_name(&o.kind))).row("name", &o.name);
    if !o.abbreviations.is_empty() {
        item.row("abbreviations", &o.abbreviations.join(", "));
    }
    item.row("mentions", &o.mentions.len().to_string());
    item.close("mentions", links, o.mentions.len());
}

fn place_item(out: &mut String, i: usize, p: &Place, links: &str) {
    let mut item = Item::open(out, &format!("l{i}"), "f-place", &p.name);
    item.row("kind", &format!("place ({})", serde_name(&p.kind))).row("name", &p.name);
    item.row("mentions", &p.mentions.len().to_string());
    item.close("mentions", links, p.mentions.len());
}

fn date_item(out: &mut String, i: usize, d: &DateFact, link: &str) {
    let heading = match (&d.value, &d.end_value) {
        (Some(v), Some(e)) => format!("{v} – {e}"),
        (Some(v), None) => v.clone(),
        (None, _) => format!("{} (unresolved)", d.text),
    };
    let mut item = Item::open(out, &format!("d{i}"), "f-date", &heading);
    item.row("kind", "date").row("text", &d.text);
    item.row("value", d.value.as_deref().unwrap_or("null (no anchor to resolve it)"));
    item.opt("end value", d.end_value.as_deref());
    item.row("precision", &serde_name(&d.precision));
    let no_era = if d.value.is_some() { "none written (year inferred)" } else { "none written" };
    item.row("era", &d.era.map_or_else(|| no_era.to_string(), |e| serde_name(&e)));
    item.opt("time", d.time.as_deref());
    if let Some(a) = d.anchor {
        item.row("anchor", &serde_name(&a));
    }
    if let Some(o) = d.offset {
        item.row("offset", &format!("{:+} {}", o.count, serde_name(&o.unit)));
    }
    if d.value.is_none() {
        item.opt("month", d.month.map(|m| m.to_string()).as_deref());
        item.opt("day", d.day.map(|m| m.to_string()).as_deref());
    }
    if d.weekday_mismatch {
        item.row("weekday", "the weekday written does not fall on this date");
    }
    item.row("span", &format!("bytes {}–{}", d.start, d.end));
    item.close("mention", link, 1);
}

fn number_item(out: &mut String, i: usize, n: &NumberFact, link: &str) {
    let mut heading = number(n.value);
    if let Some(e) = n.end_value {
        heading = format!("{heading} – {}", number(e));
    }
    if let Some(of) = n.of {
        heading = format!("{heading} of {}", number(of));
    }
    if let Some(u) = &n.unit {
        heading = format!("{heading} {u}");
    }
    let mut item = Item::open(out, &format!("n{i}"), "f-number", &heading);
    item.row("kind", &format!("number ({})", serde_name(&n.kind))).row("text", &n.text);
    item.row("value", &number(n.value));
    item.opt("end value", n.end_value.map(number).as_deref());
    item.opt("of", n.of.map(number).as_deref());
    item.opt("unit", n.unit.as_deref());
    item.opt("qualifier", n.qualifier.as_deref());
    item.row("span", &format!("bytes {}–{}", n.start, n.end));
    item.close("mention", link, 1);
}

/// A value as people read it: whole numbers with thousands separators
/// (`390,000,000`), others as Rust prints them.
fn number(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e16 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as i64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The JSON name of an enum value (`municipality`, `BE`, `day`).
fn serde_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Records a script error in the page itself (`data-js-error` on `<html>`),
/// where a test reading the DOM finds it.
const ERROR_JS: &str = "window.addEventListener('error',function(e){document.documentElement.setAttribute(\
'data-js-error',String(e.message||e));});";

/// Shared by every page: fonts, colours of the kinds.
const BASE_CSS: &str = r#"
:root{--person:#fbd34d;--org:#93c5fd;--place:#86efac;--date:#d8b4fe;--number:#fca5a5;
--person-b:#a16207;--org-b:#1d4ed8;--place-b:#15803d;--date-b:#7e22ce;--number-b:#b91c1c}
body{margin:0;color:#1f2328;background:#fff;font:16px/1.9 "Sarabun","Noto Sans Thai","Noto Sans Thai UI",
"Leelawadee UI","Leelawadee","Thonburi","Tahoma","Garuda","Loma","Waree","Norasi",system-ui,sans-serif}
header{padding:.5rem 1rem;border-bottom:1px solid #d0d7de;background:#f6f8fa}
h1{font-size:1.15rem;margin:0 0 .25rem}
h2{font-size:1rem;margin:.75rem 0 .25rem}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
mark{color:inherit;background:none;border-radius:2px}
mark[tabindex]{cursor:help}
mark:focus{outline:2px solid #0969da;outline-offset:1px}
"#;

/// The article page's layout and highlights.
const PAGE_CSS: &str = r#"
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,26rem);gap:1rem;padding:1rem}
@media (max-width:60rem){main{grid-template-columns:1fr}}
#text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:48rem;line-height:2.1}
#text .blk{content-visibility:auto;contain-intrinsic-size:auto 4em}
#facts{font-size:.9rem;position:sticky;top:0;max-height:100vh;overflow:auto;align-self:start}
#facts ol{margin:0;padding-left:1.2rem}
.fact{margin:.25rem 0 .5rem}
.fact .head{font-weight:600}
dl.detail{display:grid;grid-template-columns:max-content 1fr;gap:0 .5rem;margin:0}
dl.detail dt{color:#57606a}dl.detail dd{margin:0}
.ms{color:#57606a}summary{cursor:pointer}.ms a{color:#0969da}.ms small{color:#8c959f}
.undrawn{text-decoration:line-through}
.k-person{background:var(--person);box-shadow:inset 0 -2px var(--person-b)}
.k-org{background:var(--org);box-shadow:inset 0 -2px var(--org-b)}
.k-place{background:var(--place);box-shadow:inset 0 -2px var(--place-b)}
.k-date{background:var(--date);box-shadow:inset 0 -2px var(--date-b)}
.k-number{background:var(--number);box-shadow:inset 0 -2px var(--number-b)}
#text mark mark{padding:0 1px}
mark.k-said{background:#f3f4f6;box-shadow:none;border-left:3px solid #d0d7de}
h2 small{color:#57606a;font-weight:normal}
#facts li.fact{border-left:4px solid;padding-left:.4rem;content-visibility:auto;contain-intrinsic-size:auto 9em}
#facts li.f-person{border-color:var(--person-b)}#facts li.f-org{border-color:var(--org-b)}
#facts li.f-place{border-color:var(--place-b)}#facts li.f-date{border-color:var(--date-b)}
#facts li.f-number{border-color:var(--number-b)}
mark.linked{outline:2px dashed #57606a}
mark:target{outline:3px solid #cf222e}
#tip{position:absolute;z-index:10;max-width:28rem;max-height:60vh;overflow:hidden;padding:.4rem .6rem;
background:#fff;border:1px solid #8c959f;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.2);font-size:.9rem;line-height:1.6}
#tip .head{font-weight:600}
#tip a{color:#0969da}
"#;

/// Shows the fact of the highlight under the pointer or with the focus (the
/// innermost one), by copying its side-list entry into the tooltip, and
/// outlines its other mentions. Then records when it was done
/// (`data-ready-ms` on `<html>`, from `performance.now()`).
const PAGE_JS: &str = r#"
(function(){"use strict";
var text=document.getElementById("text"),tip=document.getElementById("tip"),linked=[],shown=null;
function hide(){tip.hidden=true;shown=null;linked.forEach(function(m){m.classList.remove("linked");});linked=[];}
function show(m){
 if(m===shown)return;hide();
 var f=document.getElementById("f-"+m.getAttribute("data-f"));if(!f)return;
 shown=m;tip.replaceChildren();
 ["head","detail","ms"].forEach(function(c){var e=f.querySelector("."+c);if(e)tip.appendChild(e.cloneNode(true));});
 linked=Array.prototype.slice.call(text.querySelectorAll('mark[data-f="'+m.getAttribute("data-f")+'"]:not(.k-said)'));
 linked.forEach(function(x){if(x!==m)x.classList.add("linked");});
 tip.hidden=false;
 var r=m.getBoundingClientRect(),w=tip.offsetWidth,x=Math.max(4,Math.min(r.left,document.documentElement.clientWidth-w-4));
 tip.style.left=(x+window.scrollX)+"px";tip.style.top=(r.bottom+window.scrollY+4)+"px";}
text.addEventListener("mouseover",function(e){var m=e.target.closest&&e.target.closest("mark");if(m)show(m);else hide();});
text.addEventListener("mouseleave",hide);
text.addEventListener("focusin",function(e){var m=e.target.closest&&e.target.closest("mark");if(m)show(m);});
text.addEventListener("focusout",hide);
document.addEventListener("keydown",function(e){if(e.key==="Escape")hide();});
document.body.getBoundingClientRect();
document.documentElement.setAttribute("data-ready-ms",performance.now().toFixed(1));
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    const FOUNDING: &str = include_str!("../fixtures/000_khonkaen_unesco.txt");

    #[test]
    fn the_page_is_one_document_with_every_fact_drawn_and_listed() {
        let facts = crate::extract(FOUNDING);
        let html = facts.to_html(FOUNDING);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"th\">"));
        assert!(html.ends_with("</body>\n</html>\n"));
        // Self-contained: nothing is fetched.
        for needle in ["src=", "href=\"http", "@import", "url("] {
            assert!(!html.contains(needle), "the page refers outside itself: {needle}");
        }
        let count = |s: &str| html.matches(s).count();
        assert_eq!(count("<mark"), count("</mark>"));
        assert_eq!(count("<div class=\"blk\">"), count("</div><div class=\"blk\">") + 1);
        // Every span has a first piece with an id, and every fact a side entry.
        assert_eq!(count(" tabindex=\"0\">"), facts.spans().len());
        assert_eq!(count("<li id=\"f-p"), facts.people.len());
        assert_eq!(count("<li id=\"f-o"), facts.organizations.len());
        assert_eq!(count("<li id=\"f-l"), facts.places.len());
        assert_eq!(count("<li id=\"f-d"), facts.dates.len());
        assert_eq!(count("<li id=\"f-n"), facts.numbers.len());
        assert!(html.contains("390,000,000 คน"));
        assert!(html.contains("<dt>abbreviations</dt><dd>ทน., ทน.ขอนแก่น"));
        // The text, tags removed and references read, is the article.
        let start = html.find("<article id=\"text\" lang=\"th\">").unwrap() + 29;
        let end = html.find("</article>").unwrap();
        assert_eq!(strip_tags(&html[start..end]), FOUNDING);
    }

    #[test]
    fn hostile_input_is_text_everywhere() {
        let input = "<script>alert('x')</script> \"q\" 'a' & &amp; </textarea></title><!-- \r\n ]]> \0 นายธนพล ใจดี";
        let facts = crate::extract(input);
        let html = page("</title><script>alert(1)</script>", input, &facts);
        assert_eq!(html.matches("<script>").count(), 2, "only the page's own two scripts");
        assert!(!html.contains("<!--"));
        assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        let start = html.find("<article id=\"text\" lang=\"th\">").unwrap() + 29;
        let end = html.find("</article>").unwrap();
        assert_eq!(strip_tags(&html[start..end]), input.replace('\0', "\u{FFFD}"));
    }

    #[test]
    fn facts_of_another_text_are_listed_not_drawn() {
        let facts = crate::extract("เมื่อวันที่ 14 กุมภาพันธ์ 2567 นายธนพล ใจดี");
        for input in ["", "ก", "short"] {
            let html = facts.to_html(input);
            assert!(!html.contains(" tabindex=\"0\""), "{input:?}");
            assert!(html.contains("(not in this text)"));
        }
    }

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(390_000_000.0), "390,000,000");
        assert_eq!(number(-1234.0), "-1,234");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(1e18), "1000000000000000000");
    }

    /// The text of an HTML fragment: tags dropped, the references the page
    /// writes read back.
    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find(['<', '&']) {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let (stop, rep) = if rest.starts_with('<') { ('>', "") } else { (';', "?") };
            let j = rest.find(stop).unwrap() + 1;
            out.push_str(match &rest[..j] {
                "&amp;" => "&",
                "&lt;" => "<",
                "&gt;" => ">",
                "&#13;" => "\r",
                "&#xFFFD;" => "\u{FFFD}",
                _ => rep,
            });
            rest = &rest[j..];
        }
        out.push_str(rest);
        out
    }
}
