//! A driver for profiling the whole pipeline under callgrind or perf:
//! warms the lexicons, then extracts the fixture articles, concatenated,
//! N times (default 3); with a second argument `each`, one article at a
//! time, as `extract --jsonl` runs them.
//!
//! ```text
//! cargo build --profile profiling --example profile_extract   # release + line tables
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*profile_extract::run*' \
//!     target/profiling/examples/profile_extract 3
//! callgrind_annotate --inclusive=yes callgrind.out.<pid>
//! ```
//!
//! Texts come from `$THAIFACTS_CORPUS` (default `../shared/corpus`) for every
//! `fixtures/NAME.expected.json`, read by `tests/common/mod.rs` (which stops
//! with a clear message when one is missing).

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let each = std::env::args().nth(2).is_some_and(|a| a == "each");
    let texts: Vec<String> = common::fixtures().into_iter().map(|(_, text, _)| text).collect();
    let all = texts.join("\n");
    let extractor = thaifacts::Extractor::default();
    // Warm every lexicon (some are built on first use) outside the measurement.
    let _ = extractor.extract(&all);
    let start = std::time::Instant::now();
    let parts: Vec<&str> = if each { texts.iter().map(String::as_str).collect() } else { vec![&all] };
    let facts = run(&extractor, &parts, n);
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{} bytes x {n}: {facts} facts, {:.1} MiB/s",
        all.len(),
        (all.len() * n) as f64 / secs / (1024.0 * 1024.0)
    );
}

/// The measured loop, a function of its own so that callgrind can count it
/// alone (`--toggle-collect`).
#[inline(never)]
fn run(extractor: &thaifacts::Extractor, parts: &[&str], n: usize) -> usize {
    let mut facts = 0;
    for _ in 0..n {
        for part in parts {
            let f = extractor.extract(std::hint::black_box(part));
            facts += f.people.len() + f.organizations.len() + f.places.len() + f.dates.len() + f.numbers.len();
        }
    }
    facts
}
