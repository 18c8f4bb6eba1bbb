#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: (u16, &str)| {
    let (days, input) = data;
    // A publication date anywhere from 1900 to about 2079.
    let published = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(u64::from(days));
    let facts = thaifacts::Extractor::default().extract_with(input, Some(published));
    check::facts(input, &facts);
});
