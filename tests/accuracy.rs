//! Accuracy over hand-checked expected facts: per-category F1 must not fall
//! below its floor. Each issue that improves a category raises its floor to
//! what it reaches; no change lowers one.
//!
//! Two groups, each with its own floors:
//! - the fixtures (government press releases, the kind the rules were first
//!   written for): `cargo run --release -- eval fixtures --texts ../shared/corpus`;
//! - twelve documents of other kinds of news from the development set
//!   (crime, business, sport, weather, foreign, ...), texts read from it:
//!   `cargo run --release -- eval fixtures/devset --texts ../shared/devsets/thainer`.

mod common;

use std::path::Path;

/// (category, minimum F1) on the fixtures. Raised as the extractors improve.
const FLOORS: &[(&str, f64)] = &[
    ("people", 0.996),
    ("positions", 0.932),
    ("organizations", 0.933),
    ("places", 0.989),
    ("dates", 0.997),
    ("numbers", 0.999),
];

/// Minimum share of matched numbers whose unit matches too, on the fixtures.
const UNIT_ACCURACY_FLOOR: f64 = 0.99;

/// (category, minimum F1) on the development-set documents.
const DEVSET_FLOORS: &[(&str, f64)] = &[
    ("people", 0.863),
    ("positions", 0.769),
    ("organizations", 0.853),
    ("places", 0.969),
    ("dates", 0.970),
    ("numbers", 0.955),
];

/// The same for number units on the development-set documents.
const DEVSET_UNIT_ACCURACY_FLOOR: f64 = 0.955;

/// At least this many fixtures: 24 real articles make the floors mean something.
const MIN_FIXTURES: usize = 24;

/// Scores `articles` and returns the report and whether a floor was broken.
fn check(
    articles: &[(String, String, thaifacts::eval::Expected)],
    floors: &[(&str, f64)],
    unit_floor: f64,
) -> (String, bool) {
    let extractor = thaifacts::Extractor::default();
    let mut scores = thaifacts::eval::Scores::default();
    for (name, text, expected) in articles {
        let facts = extractor.extract_with(text, expected.published);
        scores.add(name, &thaifacts::eval::score(expected, &facts));
    }
    let mut report = String::new();
    let mut failed = false;
    for (cat, floor) in floors {
        let f1 = scores.f1(cat);
        let below = f1 + 1e-9 < *floor;
        failed |= below;
        let flag = if below { "  BELOW FLOOR" } else { "" };
        report.push_str(&format!("{cat:<14} f1 {f1:.3} (floor {floor:.3}){flag}\n"));
    }
    let units = scores.unit_accuracy();
    failed |= units + 1e-9 < unit_floor;
    report.push_str(&format!("number units   {units:.3} (floor {unit_floor:.3})\n"));
    (report, failed)
}

#[test]
fn f1_floors_hold_on_fixtures() {
    let fixtures = common::fixtures();
    assert!(fixtures.len() >= MIN_FIXTURES, "only {} fixtures", fixtures.len());
    let (report, failed) = check(&fixtures, FLOORS, UNIT_ACCURACY_FLOOR);
    eprintln!("{report}");
    assert!(!failed, "accuracy fell below a floor:\n{report}");
}

#[test]
fn f1_floors_hold_on_devset_documents() {
    let dir = common::fixtures_dir().join("devset");
    let articles = common::expected_in(&dir, &common::devset_dir());
    assert_eq!(articles.len(), 12, "twelve development-set documents have expected facts");
    let (report, failed) = check(&articles, DEVSET_FLOORS, DEVSET_UNIT_ACCURACY_FLOOR);
    eprintln!("{report}");
    assert!(!failed, "accuracy on the devset documents fell below a floor:\n{report}");
    assert!(Path::new(&dir).join("README.md").exists());
}
