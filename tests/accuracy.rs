//! Accuracy over the hand-checked fixtures: per-category F1 must not fall
//! below its floor. Each issue that improves a category raises its floor to
//! what it reaches; no change lowers one.
//!
//! See the scores with `cargo run --release -- eval fixtures --texts ../shared/corpus`.

mod common;

/// (category, minimum F1). Raised as the extractors improve.
const FLOORS: &[(&str, f64)] = &[
    ("people", 0.99),
    ("positions", 0.92),
    ("organizations", 0.93),
    ("places", 0.98),
    ("dates", 0.99),
    ("numbers", 0.99),
];

/// Minimum share of matched numbers whose unit matches too.
const UNIT_ACCURACY_FLOOR: f64 = 0.99;

/// At least this many fixtures: 24 real articles make the floors mean something.
const MIN_FIXTURES: usize = 24;

#[test]
fn f1_floors_hold_on_fixtures() {
    let fixtures = common::fixtures();
    assert!(fixtures.len() >= MIN_FIXTURES, "only {} fixtures", fixtures.len());
    let extractor = thaifacts::Extractor::default();
    let mut scores = thaifacts::eval::Scores::default();
    for (name, text, expected) in &fixtures {
        let facts = extractor.extract_with(text, expected.published);
        scores.add(name, &thaifacts::eval::score(expected, &facts));
    }
    let mut report = String::new();
    let mut failed = false;
    for (cat, floor) in FLOORS {
        let f1 = scores.f1(cat);
        let flag = if f1 + 1e-9 < *floor {
            failed = true;
            "  BELOW FLOOR"
        } else {
            ""
        };
        report.push_str(&format!("{cat:<14} f1 {f1:.3} (floor {floor:.3}){flag}\n"));
    }
    let units = scores.unit_accuracy();
    if units + 1e-9 < UNIT_ACCURACY_FLOOR {
        failed = true;
    }
    report.push_str(&format!("number units   {units:.3} (floor {UNIT_ACCURACY_FLOOR:.3})\n"));
    eprintln!("{report}");
    assert!(!failed, "accuracy fell below a floor:\n{report}");
}
