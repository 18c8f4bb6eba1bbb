//! Throughput of the pipeline over the fixtures, in decimal megabytes per
//! second (MB/s, 10^6 bytes: the unit the throughput target is set in).
//!
//! Texts: `fixtures/000_khonkaen_unesco.txt` and every corpus article that has
//! an expected-facts file in `fixtures/` (read from `../shared/corpus`, or
//! `$THAIFACTS_CORPUS`). Run with `cargo bench --bench extract`; one group:
//! `cargo bench --bench extract -- extract/all` (the fixtures as one text;
//! `extract/each` runs them one article at a time); each stage alone (normalize,
//! scan, the five extractors, link): `cargo bench --bench extract -- stage/`.

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
