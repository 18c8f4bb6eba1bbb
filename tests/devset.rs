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
    ("PERSON", 0.858, 0.883),
    ("ORGANIZATION", 0.805, 0.848),
    ("LOCATION", 0.813, 0.850),
    ("FACILITY", 0.324, 0.496),
    ("DATE", 0.895, 0.930),
    ("MONEY", 0.959, 0.962),
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

/// Classes scored with the space after each of their gold spans removed, as
/// older dailies print names and addresses (`eval --spans --squeeze-after
/// CLASS`): (class, minimum exact F1, minimum overlap F1).
const SQUEEZED_FLOORS: &[(&str, f64, f64)] =
    &[("PERSON", 0.781, 0.877), ("LOCATION", 0.786, 0.839), ("ORGANIZATION", 0.762, 0.839)];

#[test]
fn floors_hold_when_the_space_after_a_name_is_lost() {
    let docs = read_spans(&common::devset_dir(), IobJoin::Concat).expect("the devset reads");
    let mut failed = Vec::new();
    for (class, exact_floor, overlap_floor) in SQUEEZED_FLOORS {
        let squeezed: Vec<_> = docs.iter().map(|d| d.squeeze_after(&[class])).collect();
        let report = score_docs(&thaifacts::Extractor::default(), &squeezed, &SpanOptions::default());
        let c = report.classes.get(*class).copied().unwrap_or_default();
        let (exact, overlap) = (c.exact.f1(), c.overlap.f1());
        if exact + 1e-9 < *exact_floor || overlap + 1e-9 < *overlap_floor {
            failed.push(format!(
                "{class} squeezed: exact {exact:.3} (floor {exact_floor:.3}), overlap {overlap:.3} (floor {overlap_floor:.3})"
            ));
        }
    }
    assert!(failed.is_empty(), "span F1 fell below a floor on the squeezed devset:\n{}", failed.join("\n"));
}
