//! Shared by the integration tests: where the fixtures and corpus texts are.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `fixtures/` of this crate.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The corpus of article texts: `$THAIFACTS_CORPUS`, else `../shared/corpus`.
/// Panics with a clear message when it is missing.
pub fn corpus_dir() -> PathBuf {
    shared_dir("THAIFACTS_CORPUS", "corpus", "corpus directory", "the fixtures' article texts")
}

/// `$var`, else `../shared/<default>`; panics naming `what` lives there and
/// the variable when it is missing.
fn shared_dir(var: &str, default: &str, name: &str, what: &str) -> PathBuf {
    let dir = std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(default));
    assert!(dir.is_dir(), "{name} {} is missing: {what} live there (set {var} to its path)", dir.display());
    dir
}

/// (name, text, expected) of every fixture, texts read from fixtures/ or the corpus.
pub fn fixtures() -> Vec<(String, String, thaifacts::eval::Expected)> {
    expected_in(&fixtures_dir(), &corpus_dir())
}

/// (name, text, expected) of every `NAME.expected.json` in `dir`, texts read
/// beside them or from `texts`.
pub fn expected_in(dir: &Path, texts: &Path) -> Vec<(String, String, thaifacts::eval::Expected)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".expected.json").map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let local = dir.join(format!("{name}.txt"));
            let path = if local.exists() { local } else { texts.join(format!("{name}.txt")) };
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (is the corpus complete?)", path.display()));
            let expected =
                serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap())
                    .unwrap_or_else(|e| panic!("{name}.expected.json: {e}"));
            (name, text, expected)
        })
        .collect()
}

/// The span-annotated development set (ThaiNER 1.3, brat standoff):
/// `$THAIFACTS_DEVSET`, else `../shared/devsets/thainer`. Panics with a clear
/// message when it is missing.
pub fn devset_dir() -> PathBuf {
    shared_dir("THAIFACTS_DEVSET", "devsets/thainer", "development set", "the ThaiNER documents")
}
