#![no_main]
//! Extraction with a publication date from the full range chrono holds
//! (about 262,000 BCE to 262,000 CE): the first four bytes are a day number
//! (little-endian, chrono's `num_days_from_ce`: 0001-01-01 is 1, folded into
//! that range), the rest is the article (its longest valid UTF-8 prefix). Relative and
//! year-less dates are computed from the date: no overflow may panic, and
//! every invariant of `check.rs` holds.
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Some((days, rest)) = data.split_first_chunk::<4>() else { return };
    let (min, max) = (chrono::NaiveDate::MIN.num_days_from_ce(), chrono::NaiveDate::MAX.num_days_from_ce());
    let span = i64::from(max) - i64::from(min) + 1;
    let days = i64::from(min) + (i64::from(i32::from_le_bytes(*days)) - i64::from(min)).rem_euclid(span);
    let published = chrono::NaiveDate::from_num_days_from_ce_opt(days as i32).expect("folded into chrono's range");
    let input = match std::str::from_utf8(rest) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap(),
    };
    let facts = thaifacts::Extractor::default().extract_with(input, Some(published));
    check::facts(input, &facts);
    // The builder's date gives the same facts as the per-article one.
    let built = thaifacts::Extractor::builder().published(published).build().unwrap();
    assert_eq!(built.extract(input), facts);
});
