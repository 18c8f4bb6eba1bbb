//! Accuracy on the development set of other kinds of news (ThaiNER 1.3:
//! 2007–2008 dailies, business and farm news, announcements, weather
//! bulletins, headlines), scored as spans per class: F1 must not fall below
//! its floor, under exact and under overlap matching. Each change that
//! improves a class raises its floors to what it reaches; no change lowers
//! one. No rule or lexicon line is written for one of these documents: the
//! library is scored on other articles of the same kinds.
//!
//! See the table with
//! `cargo run --release -- eval --spans ../shared/devsets/thainer` (`-v` lists
//! every miss, false alarm and boundary error).

mod common;

use thaifacts::eval::spans::{read_spans, score_docs, IobJoin, SpanOptions};

/// (class, minimum exact F1, minimum overlap F1).
const FLOORS: &[(&str, f64, f64)] = &[
    ("PERSON", 0.857, 0.883),
    ("ORGANIZATION", 0.789, 0.843),
    ("LOCATION", 0.791, 0.826),
    ("FACILITY", 0.324, 0.496),
    ("DATE", 0.895, 0.930),
    ("MONEY", 0.957, 0.959),
    ("PERCENT", 0.975, 0.995),
];

/// The whole set is there: 171 documents, 11,838 spans.
const DOCUMENTS: usize = 171;

#[test]
fn span_f1_floors_hold_on_the_devset() {
    let docs = read_spans(&common::devset_dir(), IobJoin::Concat).expect("the devset reads");
    assert_eq!(docs.len(), DOCUMENTS, "the development set is incomplete");
    let report = score_docs(&thaifacts::Extractor::default(), &docs, &SpanOptions::default());
    let mut table = String::new();
    let mut failed = false;
    for (class, exact_floor, overlap_floor) in FLOORS {
        let c = report.classes.get(*class).copied().unwrap_or_default();
        let (exact, overlap) = (c.exact.f1(), c.overlap.f1());
        let below = exact + 1e-9 < *exact_floor || overlap + 1e-9 < *overlap_floor;
        failed |= below;
        table.push_str(&format!(
            "{class:<13} exact {exact:.3} (floor {exact_floor:.3})  overlap {overlap:.3} (floor {overlap_floor:.3}){}\n",
            if below { "  BELOW FLOOR" } else { "" }
        ));
    }
    eprintln!("{table}");
    assert!(!failed, "span F1 fell below a floor on the devset:\n{table}");
}
