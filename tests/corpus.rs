//! The example corpus of every extractor: `src/kinds/<kind>/corpus.toml`, one
//! file per fact kind (`dates`, `numbers`, `people`, `organizations`,
//! `places`), run by this one generic runner (Duckling's corpus tests,
//! regex's TOML test data).
//!
//! File format:
//!
//! ```toml
//! published = "2024-02-14"   # optional: anchor for year-less and relative dates
//!
//! [[case]]
//! name = "full-month-be-year"          # unique within the file
//! text = "เมื่อวันที่ 14 กุมภาพันธ์ 2567"
//! published = "2024-02-14"             # optional: overrides the file's; "none": no publication date
//! expect = [{ text = "14 กุมภาพันธ์ 2567", value = "2024-02-14", precision = "day", era = "BE" }]
//! ```
//!
//! `expect` lists the facts of the file's kind in output order; each entry
//! gives only the fields it checks, compared with the JSON output.
//! `expect = []` is a negative case: no fact of that kind at all. Spans are
//! byte offsets (`start`, `end`) into `text`. The runner executes every case,
//! collects every failure, and only then fails.

use std::path::Path;

#[derive(serde::Deserialize)]
struct File {
    published: Option<String>,
    #[serde(default, rename = "case")]
    cases: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    text: String,
    published: Option<String>,
    expect: Vec<toml::Value>,
}

/// Whether every field given in `want` is equal in `got` (recursively for
/// tables; arrays compare element by element, by the same rule).
fn matches(want: &serde_json::Value, got: &serde_json::Value) -> bool {
    match (want, got) {
        (serde_json::Value::Object(w), serde_json::Value::Object(g)) => {
            w.iter().all(|(k, v)| g.get(k).is_some_and(|gv| matches(v, gv)))
        }
        (serde_json::Value::Array(w), serde_json::Value::Array(g)) => {
            w.len() == g.len() && w.iter().zip(g).all(|(a, b)| matches(a, b))
        }
        (serde_json::Value::Number(w), serde_json::Value::Number(g)) => w.as_f64() == g.as_f64(),
        // TOML has no null: the string "null" stands for it.
        (serde_json::Value::String(s), serde_json::Value::Null) => s == "null",
        _ => want == got,
    }
}

fn run_file(path: &Path, failures: &mut Vec<String>) -> usize {
    let kind = path.parent().and_then(|p| p.file_name()).unwrap().to_str().unwrap().to_string(); // the folder: src/kinds/<kind>/corpus.toml
    let src = std::fs::read_to_string(path).unwrap();
    let file: File = toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut names = std::collections::HashSet::new();
    for case in &file.cases {
        assert!(names.insert(case.name.clone()), "{}: duplicate case name {:?}", path.display(), case.name);
        let published =
            case.published.as_ref().or(file.published.as_ref()).filter(|p| *p != "none").map(|p| {
                chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap_or_else(|e| panic!("{}: {e}", case.name))
            });
        let facts = thaifacts::Extractor::default().extract_with(&case.text, published);
        let json = serde_json::to_value(&facts).unwrap();
        let got = json[&kind].as_array().unwrap_or_else(|| panic!("no fact kind {kind:?}"));
        let want: Vec<serde_json::Value> = case.expect.iter().map(|v| serde_json::to_value(v).unwrap()).collect();
        let ok = want.len() == got.len() && want.iter().zip(got).all(|(w, g)| matches(w, g));
        if !ok {
            failures.push(format!(
                "{kind}/{}\n  text:     {}\n  expected: {}\n  got:      {}",
                case.name,
                case.text,
                serde_json::to_string(&want).unwrap(),
                serde_json::to_string(got).unwrap()
            ));
        }
    }
    file.cases.len()
}

#[test]
fn corpus() {
    // Each kind keeps its corpus in its own folder: src/kinds/<kind>/corpus.toml.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/kinds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path().join("corpus.toml")))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "expected a corpus.toml in each kind folder of {}, found {files:?}", dir.display());
    let mut failures = Vec::new();
    let mut total = 0;
    for f in &files {
        total += run_file(f, &mut failures);
    }
    assert!(failures.is_empty(), "{} of {total} corpus cases failed:\n\n{}", failures.len(), failures.join("\n\n"));
    eprintln!("{total} corpus cases passed in {} files", files.len());
}
