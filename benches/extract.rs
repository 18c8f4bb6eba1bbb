//! Throughput of the pipeline over the fixtures, in decimal megabytes per
//! second (MB/s, 10^6 bytes: the unit the throughput target is set in).
//!
//! Texts: `fixtures/000_khonkaen_unesco.txt` and every corpus article that has
//! an expected-facts file in `fixtures/` (read from `../shared/corpus`, or
//! `$THAIFACTS_CORPUS`). Run with `cargo bench --bench extract`; one group:
//! `cargo bench --bench extract -- extract/all` (the fixtures as one text;
//! `extract/each` runs them one article at a time); each stage alone (normalize,
//! scan, the five extractors, link): `cargo bench --bench extract -- stage/`;
//! linear time at 1 MB against 8 MB of news text and hostile shapes:
//! `cargo bench --bench extract -- scale/`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/mod.rs"]
mod common;

/// (name, text) of every fixture article; stops with a clear message when
/// the corpus is missing.
fn fixtures() -> Vec<(String, String)> {
    common::fixtures().into_iter().map(|(name, text, _)| (name, text)).collect()
}

fn bench(c: &mut Criterion) {
    let texts = fixtures();
    let all: String = texts.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
    let extractor = thaifacts::Extractor::default();
    // Warm the lexicons outside the measurement.
    let _ = extractor.extract("นาย");

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::BytesDecimal(all.len() as u64));
    g.bench_function("all", |b| b.iter(|| extractor.extract(std::hint::black_box(&all))));
    // The same bytes as `all`, one article at a time, as `extract --jsonl`
    // and the Python binding run them.
    g.bench_function("each", |b| {
        b.iter(|| texts.iter().map(|(_, t)| extractor.extract(std::hint::black_box(t)).numbers.len()).sum::<usize>())
    });
    g.throughput(Throughput::BytesDecimal(texts[0].1.len() as u64));
    g.bench_with_input(BenchmarkId::new("article", &texts[0].0), &texts[0].1, |b, t| {
        b.iter(|| extractor.extract(std::hint::black_box(t)))
    });
    g.finish();

    // Each stage alone, on the outputs of the stages before it.
    let stages = thaifacts::stages::Stages::new(&extractor, &all);
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::BytesDecimal(all.len() as u64));
    g.bench_function("normalize", |b| b.iter(|| stages.normalize()));
    g.bench_function("scan", |b| b.iter(|| stages.scan()));
    for name in ["dates", "numbers", "people", "organizations", "places"] {
        g.bench_function(name, |b| b.iter(|| stages.extractor(std::hint::black_box(name))));
    }
    g.bench_function("link", |b| b.iter(|| stages.link()));
    g.finish();

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::BytesDecimal(all.len() as u64));
    g.bench_function("all", |b| b.iter(|| thaifacts::normalize(std::hint::black_box(&all))));
    g.finish();

    let mut g = c.benchmark_group("lexicon_build");
    g.bench_function("with_extra", |b| {
        b.iter(|| {
            thaifacts::Extractor::builder()
                .lexicon(thaifacts::Category::Title, "bench.txt", "ท่านผู้หญิง\n")
                .build()
                .expect("lexicon builds")
        })
    });
    g.finish();
}

/// `unit` repeated until the text holds at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// Speed at 1 MB and at 8 MB of each shape `tests/scale.rs` counts (news
/// text, Thai without spaces, repeated titles, digits, parentheses): equal
/// MB/s at both sizes means linear time. The test counts allocations, which
/// do not drift with the machine's load; this is the timed side, which sees
/// a pass that loops without allocating.
/// `cargo bench --bench extract -- scale/`.
fn scale(c: &mut Criterion) {
    let news: String = fixtures().into_iter().map(|(_, t)| t + "\n").collect();
    let no_spaces: String = news.chars().filter(|c| !c.is_whitespace()).collect();
    let shapes: [(&str, &str); 10] = [
        ("fixtures", &news),
        ("no_spaces", &no_spaces),
        ("titles", "นาย"),
        ("titles_with_space", "นายนาย "),
        ("stacked_titles", "รศ.ดร.พล.ต.อ."),
        ("digits", "1234567890"),
        ("grouped_digits", "1,234.5 "),
        ("date_like_digits", "14 ก.พ. 2567 "),
        ("open_parentheses", "("),
        ("abbreviations", "ก (ก.) "),
    ];
    let extractor = thaifacts::Extractor::default();
    let _ = extractor.extract("นาย");
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for (name, unit) in shapes {
        for mb in [1, 8] {
            let text = repeat_to(unit, mb << 20);
            g.throughput(Throughput::BytesDecimal(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| extractor.extract(std::hint::black_box(t)))
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench, scale
}
criterion_main!(benches);
