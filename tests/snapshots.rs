//! Whole-article snapshots: the full `ArticleFacts` of the founding article,
//! as JSON, so that any drift in the output shows up in review
//! (`cargo insta review`). The oracle stays `fixtures/*.expected.json`
//! (tests/accuracy.rs): a snapshot that disagrees with it is a bug, not a
//! new baseline.

mod common;

#[test]
fn founding_article() {
    let text = std::fs::read_to_string(common::fixtures_dir().join("000_khonkaen_unesco.txt")).unwrap();
    let published = chrono::NaiveDate::from_ymd_opt(2024, 2, 14);
    let facts = thaifacts::Extractor::default().extract_with(&text, published);
    insta::assert_json_snapshot!("000_khonkaen_unesco", facts);
}
