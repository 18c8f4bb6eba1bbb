//! Linear cost, counted rather than timed: the work of extracting 8 MB of a
//! text, per megabyte, stays within a small factor of the work at 1 MB, on
//! ordinary news text and on hostile shapes (no spaces at all, repeated
//! titles, digits, parentheses). A superlinear pass shows up as a ratio far
//! above 1.
//!
//! The work is counted by a counting global allocator in this test binary:
//! allocations (calls to `alloc` and `realloc`), bytes requested, and the
//! peak of live bytes, each counted on the extracting thread only, so tests
//! running in parallel do not add to each other's counts. The counts are
//! the same on every run whatever the load of the machine, so this test
//! cannot flake the way the wall-clock milliseconds per megabyte it
//! replaces did. Copying a growing prefix, collecting a list per
//! character or keeping a per-hit copy of the text all show up here as a
//! ratio near 8. What it does not see is a pass that loops without
//! allocating: speed, and its growth with size, are measured in `benches/`
//! (criterion's `scale/` group, `benches/callgrind.sh` for instructions per
//! byte).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts what the current thread allocates, then defers to [`System`].
struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
    static LIVE: Cell<i64> = const { Cell::new(0) };
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

fn count(allocs: u64, bytes: u64, live: i64) {
    // `try_with`: a thread being torn down may still free memory.
    let _ = ALLOCS.try_with(|c| c.set(c.get() + allocs));
    let _ = BYTES.try_with(|c| c.set(c.get() + bytes));
    let _ = LIVE.try_with(|l| {
        l.set(l.get() + live);
        let _ = PEAK.try_with(|p| p.set(p.get().max(l.get())));
    });
}

// SAFETY: every call is passed on unchanged to the system allocator; the
// counting touches only const-initialized thread-locals, which never
// allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(1, layout.size() as u64, layout.size() as i64);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(1, layout.size() as u64, layout.size() as i64);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(1, new_size as u64, new_size as i64 - layout.size() as i64);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(0, 0, -(layout.size() as i64));
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

const MB: usize = 1 << 20;

/// `unit` repeated until the text holds at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// What one extraction of `text` did on this thread, per megabyte of text.
#[derive(Debug, Clone, Copy)]
struct Work {
    allocs: f64,
    bytes: f64,
    peak: f64,
}

fn work_per_mb(text: &str) -> Work {
    let e = thaifacts::Extractor::default();
    ALLOCS.set(0);
    BYTES.set(0);
    LIVE.set(0);
    PEAK.set(0);
    let facts = e.extract(text);
    std::hint::black_box(&facts);
    drop(facts);
    let mb = text.len() as f64 / MB as f64;
    Work { allocs: ALLOCS.get() as f64 / mb, bytes: BYTES.get() as f64 / mb, peak: PEAK.get() as f64 / mb }
}

/// Extraction work per MB at 8 MB is at most `1.5×` the work per MB at
/// 1 MB, plus a little for tiny counts. Vectors grow by doubling, so their
/// bytes requested lie between one and two times their final size: a
/// linear pass can move the ratio by up to 2 either way, a quadratic one
/// moves it to about 8. Allocation counts and peaks, measured in this test,
/// stay within 1.5 for linear work (see each shape's line on stderr).
fn check_linear(name: &str, unit: &str) {
    // Warm the lexicons and the number tables on this thread, so that
    // one-time set-up is not counted.
    let _ = thaifacts::extract(&repeat_to(unit, 4096));
    let small = work_per_mb(&repeat_to(unit, MB));
    let large = work_per_mb(&repeat_to(unit, 8 * MB));
    let ratio = |l: f64, s: f64| if s + l < 64.0 { 1.0 } else { l / s.max(1.0) };
    let (allocs, bytes, peak) =
        (ratio(large.allocs, small.allocs), ratio(large.bytes, small.bytes), ratio(large.peak, small.peak));
    eprintln!(
        "{name}: per MB at 1 MB / 8 MB: {:.0} / {:.0} allocations ({allocs:.2}), {:.0} / {:.0} bytes ({bytes:.2}), peak {:.0} / {:.0} bytes ({peak:.2})",
        small.allocs, large.allocs, small.bytes, large.bytes, small.peak, large.peak
    );
    assert!(allocs <= 1.5, "{name}: allocations per MB grow {allocs:.2}× from 1 MB to 8 MB: {small:?} {large:?}");
    assert!(bytes <= 2.5, "{name}: bytes allocated per MB grow {bytes:.2}× from 1 MB to 8 MB: {small:?} {large:?}");
    assert!(peak <= 2.5, "{name}: peak live bytes per MB grow {peak:.2}× from 1 MB to 8 MB: {small:?} {large:?}");
}

/// The counting itself: a quadratic pattern (a copy of the text so far at
/// every step) is caught, a linear one is not.
#[test]
fn counts_tell_quadratic_from_linear() {
    fn quadratic(text: &str) -> usize {
        let steps: Vec<usize> = (0..text.len()).step_by(1024).collect();
        steps.iter().map(|&i| text[..i].to_string().len()).sum()
    }
    let per_mb = |text: &str, f: fn(&str) -> usize| {
        ALLOCS.set(0);
        BYTES.set(0);
        std::hint::black_box(f(text));
        (ALLOCS.get() as f64, BYTES.get() as f64 / (text.len() as f64 / MB as f64))
    };
    // Small sizes: the quadratic copy of 8 MB would move 32 GB.
    let (small, large) = (repeat_to("a", 64 << 10), repeat_to("a", 512 << 10));
    let (_, quad_small) = per_mb(&small, quadratic);
    let (_, quad_large) = per_mb(&large, quadratic);
    assert!(quad_large / quad_small > 7.0, "{quad_small} {quad_large}");
    let linear = |text: &str| text.to_string().len();
    let (allocs, lin_small) = per_mb(&small, linear);
    let (_, lin_large) = per_mb(&large, linear);
    assert_eq!(allocs, 1.0);
    assert!((lin_large / lin_small - 1.0).abs() < 0.01, "{lin_small} {lin_large}");
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
