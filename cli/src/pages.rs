//! `--html-dir`: one HTML page per JSON Lines record, named after its id.
//!
//! A page is `DIR/ID.html`, where ID is the record's id made safe as a file
//! name: letters and digits (Thai included), `-`, `_` and `.` are kept, any
//! other character (`/`, `\`, `:`, spaces, controls, ...) becomes `_`, a
//! leading `.` becomes `_` (no hidden files, no `..`), and the name is cut
//! to 120 bytes. A record without an id (null, or a JSON value that gives
//! an empty name) is `line-N.html`, N its input line. Two records whose
//! names coincide (the same id twice, `a/b` and `a_b`, or names that differ
//! only in case, which some file systems confuse) keep the first name; the
//! later one is `ID-line-N.html`. Pages of an earlier run in DIR are
//! overwritten.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::Failure;

/// The longest file stem written, in bytes (file systems allow 255).
const MAX_STEM: usize = 120;

/// The directory pages are written to, and the names used so far.
pub(crate) struct Pages {
    dir: PathBuf,
    used: HashSet<String>,
}

impl Pages {
    /// Creates `dir` (and its parents) if it does not exist.
    pub(crate) fn create(dir: &Path) -> Result<Pages, Failure> {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Fatal(format!("--html-dir: cannot create directory {}: {e}", dir.display())))?;
        Ok(Pages { dir: dir.to_path_buf(), used: HashSet::new() })
    }

    /// Writes the page of the record on input line `line`; `stem` comes
    /// from [`file_stem`].
    pub(crate) fn write(&mut self, stem: &str, line: usize, html: &str) -> Result<(), Failure> {
        let mut name = stem.to_string();
        if !self.used.insert(name.to_lowercase()) {
            name = format!("{stem}-line-{line}");
            self.used.insert(name.to_lowercase());
        }
        let path = self.dir.join(format!("{name}.html"));
        std::fs::write(&path, html).map_err(|e| Failure::Fatal(format!("cannot write {}: {e}", path.display())))
    }
}

/// The file stem of the page of record `id` on input line `line`.
pub(crate) fn file_stem(id: &serde_json::Value, line: usize) -> String {
    let raw = match id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut stem = String::new();
    for c in raw.chars() {
        let keep = c.is_alphanumeric() || matches!(c, '-' | '_' | '.') || ('\u{0E00}'..='\u{0E7F}').contains(&c);
        let c = if keep { c } else { '_' };
        if stem.len() + c.len_utf8() > MAX_STEM {
            break;
        }
        stem.push(if stem.is_empty() && c == '.' { '_' } else { c });
    }
    if stem.is_empty() {
        stem = format!("line-{line}");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(id: serde_json::Value) -> String {
        file_stem(&id, 7)
    }

    #[test]
    fn ids_become_safe_file_names() {
        use serde_json::json;
        let cases = [
            ("plain", json!("news-001_a.b"), "news-001_a.b"),
            ("thai-kept", json!("ข่าว-ขอนแก่น"), "ข่าว-ขอนแก่น"),
            ("number", json!(42), "42"),
            ("separators", json!("../../etc/passwd"), "_._.._etc_passwd"),
            ("windows", json!("a\\b:c*d?\"e<f>|g"), "a_b_c_d__e_f__g"),
            ("hidden", json!(".bashrc"), "_bashrc"),
            ("controls-and-spaces", json!("a b\n\0c"), "a_b__c"),
            ("null", json!(null), "line-7"),
            ("empty", json!(""), "line-7"),
            ("object", json!({"k": 1}), "__k__1_"),
        ];
        for (name, id, want) in cases {
            assert_eq!(stem(id), want, "{name}");
        }
        assert_eq!(stem(json!("ก".repeat(100))).len(), 120);
    }

    #[test]
    fn colliding_names_get_the_line_number() {
        let dir = std::env::temp_dir().join(format!("thaifacts-pages-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut pages = Pages::create(&dir).unwrap();
        for (line, id) in ["a/b", "a_b", "A_B"].into_iter().enumerate() {
            pages.write(&file_stem(&serde_json::json!(id), line + 1), line + 1, "page").unwrap();
        }
        let mut names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["A_B-line-3.html", "a_b-line-2.html", "a_b.html"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
