#![no_main]
//! An `Extractor` built with a fuzzed extra lexicon: the first byte picks
//! the category, the rest (its longest valid UTF-8 prefix) is split at the
//! first NUL into the lexicon file and an article. A malformed lexicon must
//! be an error naming the file and a line (never a panic); a lexicon that
//! loads must give an extractor whose facts keep every invariant of
//! `check.rs`, whatever its words and values (scale words of 1e308, NaN,
//! empty units ...).
use libfuzzer_sys::fuzz_target;
use thaifacts::Category;

#[path = "check.rs"]
mod check;

const CATEGORIES: [Category; 12] = [
    Category::Title,
    Category::Month,
    Category::OrgHead,
    Category::OrgName,
    Category::VenueHead,
    Category::Position,
    Category::Place,
    Category::NumberWord,
    Category::Unit,
    Category::NumberContext,
    Category::Weekday,
    Category::RelativeDate,
];

fuzz_target!(|data: &[u8]| {
    let Some((&c, rest)) = data.split_first() else { return };
    let category = CATEGORIES[usize::from(c) % CATEGORIES.len()];
    let text = match std::str::from_utf8(rest) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap(),
    };
    let (lexicon, article) = text.split_once('\0').unwrap_or((text, ""));
    let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 14).unwrap();
    let built = thaifacts::Extractor::builder().published(published).lexicon(category, "fuzz.tsv", lexicon).build();
    match built {
        Ok(extractor) => {
            let facts = extractor.extract(article);
            check::facts(article, &facts);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.tsv:"), "an error that does not name the file: {msg}");
        }
    }
});
