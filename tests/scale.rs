//! Linear cost: extraction time per MB at 8 MB stays within a generous bound
//! of the time per MB at 1 MB, on ordinary news text and on hostile shapes
//! (no spaces at all, repeated titles, digits, parentheses). A superlinear
//! pass shows up here as a ratio far above 1.
//!
//! Timing is measured as the best of a few runs, and the bound (3×) is loose
//! on purpose: this catches quadratic behaviour, not small slowdowns
//! (criterion in benches/ measures speed).

mod common;

use std::time::{Duration, Instant};

const MB: usize = 1 << 20;

/// `unit` repeated until the text holds at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn best_of(runs: usize, text: &str) -> Duration {
    let e = thaifacts::Extractor::default();
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            let facts = e.extract(text);
            std::hint::black_box(&facts);
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// The tests of this file run one at a time, so they do not time each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn check_linear(name: &str, unit: &str) {
    let _guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Warm the lexicons.
    let _ = thaifacts::extract("นาย");
    let small = repeat_to(unit, MB);
    let large = repeat_to(unit, 8 * MB);
    let t1 = best_of(5, &small).as_secs_f64() / (small.len() as f64 / MB as f64);
    let t8 = best_of(2, &large).as_secs_f64() / (large.len() as f64 / MB as f64);
    eprintln!("{name}: {:.1} ms/MB at 1 MB, {:.1} ms/MB at 8 MB", t1 * 1e3, t8 * 1e3);
    // Sub-millisecond timings are noise; only compare when there is something to compare.
    assert!(t8 <= 3.0 * t1 + 0.002, "{name}: {:.1} ms/MB at 8 MB vs {:.1} ms/MB at 1 MB", t8 * 1e3, t1 * 1e3);
}

#[test]
fn news_text_scales_linearly() {
    let text: String = common::fixtures().into_iter().map(|(_, t, _)| t + "\n").collect();
    check_linear("fixtures", &text);
}

#[test]
fn thai_without_spaces_scales_linearly() {
    let text: String = common::fixtures()
        .into_iter()
        .map(|(_, t, _)| t.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .collect();
    check_linear("no spaces", &text);
}

#[test]
fn repeated_titles_scale_linearly() {
    check_linear("titles", "นาย");
    check_linear("titles with space", "นายนาย ");
    check_linear("stacked titles", "รศ.ดร.พล.ต.อ.");
}

#[test]
fn repeated_digits_scale_linearly() {
    check_linear("digits", "1234567890");
    check_linear("grouped digits", "1,234.5 ");
    check_linear("date-like digits", "14 ก.พ. 2567 ");
}

#[test]
fn repeated_parentheses_scale_linearly() {
    check_linear("open parentheses", "(");
    check_linear("abbreviations", "ก (ก.) ");
}
