#![no_main]
//! `thaifacts::normalize` on any text: idempotent, and its offset map back
//! to the input is total, lands on char boundaries and is monotone, checked
//! on every suffix and on arbitrary sub-ranges (pairs of byte positions
//! drawn from a generator seeded by the input, boundary or not, in range or
//! not).
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let doc = thaifacts::normalize(input);
    let text = doc.text();
    assert_eq!(thaifacts::normalize(text).text(), text, "idempotent");
    let valid = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= input.len() && input.is_char_boundary(r.start) && input.is_char_boundary(r.end)
    };
    // Every suffix: the start never moves back.
    let mut prev = 0;
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let r = doc.to_original(i..text.len());
        assert!(valid(&r), "{i}..: {r:?}");
        assert!(r.start >= prev, "monotone");
        prev = r.start;
    }
    // Arbitrary sub-ranges: the char boundaries of the normalized text, and
    // any byte positions (clamped, never a panic).
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let mut seed = input.len() as u64 ^ 0x9E37_79B9_7F4A_7C15;
    for b in input.bytes().take(64) {
        seed = seed.rotate_left(5) ^ u64::from(b);
    }
    let mut next = move || {
        // xorshift64*
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    for _ in 0..256 {
        let pick = |r: u64| bounds[(r % bounds.len() as u64) as usize];
        let (mut a1, mut b1, mut a2, mut b2) = (pick(next()), pick(next()), pick(next()), pick(next()));
        if a1 > b1 {
            std::mem::swap(&mut a1, &mut b1);
        }
        if a2 > b2 {
            std::mem::swap(&mut a2, &mut b2);
        }
        // (a1, b1) <= (a2, b2) in both ends, so the mapped ranges are too.
        let (lo, hi) = ((a1.min(a2), b1.min(b2)), (a1.max(a2), b1.max(b2)));
        let (r1, r2) = (doc.to_original(lo.0..lo.1), doc.to_original(hi.0..hi.1));
        assert!(valid(&r1) && valid(&r2), "{lo:?} -> {r1:?}, {hi:?} -> {r2:?}");
        assert!(r1.start <= r2.start && r1.end <= r2.end, "not monotone: {lo:?} -> {r1:?}, {hi:?} -> {r2:?}");
        // A non-empty sub-range maps inside the range that holds it. (An
        // empty one need not: at a character normalization removed, `p..p`
        // maps after it and a range ending at `p` before it, as
        // `to_original` documents, so neither edge takes the removed text.)
        let outer = doc.to_original(lo.0..hi.1);
        for (inner, r) in [(lo, &r1), (hi, &r2)] {
            if inner.0 < inner.1 {
                assert!(
                    outer.start <= r.start && r.end <= outer.end,
                    "not nested: {inner:?} -> {r:?} in {:?} -> {outer:?}",
                    lo.0..hi.1
                );
            }
        }
        // Any byte positions, boundary or not, reversed or past the end.
        let n = text.len() as u64 + 8;
        let r = doc.to_original((next() % n) as usize..(next() % n) as usize);
        assert!(valid(&r), "{r:?}");
    }
});
