use super::*;
use crate::facts::*;

fn expected(json: &str) -> Expected {
    serde_json::from_str(json).unwrap()
}

#[test]
fn optional_entries_never_count() {
    let e = expected(
        r#"{"organizations": [{"name": "เทศบาลนครขอนแก่น", "aliases": ["ทน."]},
                              {"name": "GNLC", "optional": true}]}"#,
    );
    let org = |name: &str, abbr: &[&str]| Organization {
        name: name.into(),
        abbreviations: abbr.iter().map(|s| s.to_string()).collect(),
        kind: OrgKind::Other,
        mentions: vec![],
    };
    let facts = ArticleFacts {
        organizations: vec![org("ทน.", &[]), org("GNLC", &[]), org("บริษัท", &[])],
        ..ArticleFacts::default()
    };
    let r = score(&e, &facts);
    assert_eq!(r.counts["organizations"], Counts { tp: 1, fp: 1, fn_: 0 });
    assert_eq!(r.spurious_facts, [("organizations".to_string(), 2)]);
}

#[test]
fn numbers_match_by_value_and_report_units() {
    let e = expected(
        r#"{"numbers": [{"value": 390000000, "unit": "คน"}, {"value": 1, "of": 64, "unit": "เมือง"},
                        {"value": 5}]}"#,
    );
    let n = |value: f64, of: Option<f64>, unit: Option<&str>| NumberFact {
        text: String::new(),
        start: 0,
        end: 0,
        value,
        end_value: None,
        of,
        unit: unit.map(str::to_string),
        per: None,
        kind: NumberKind::Count,
        qualifier: None,
    };
    let facts = ArticleFacts {
        numbers: vec![n(390_000_000.0, None, Some("คน")), n(1.0, Some(64.0), Some("ประเทศ")), n(7.0, None, None)],
        ..ArticleFacts::default()
    };
    let r = score(&e, &facts);
    assert_eq!(r.counts["numbers"], Counts { tp: 2, fp: 1, fn_: 1 });
    assert_eq!(r.spurious_facts, [("numbers".to_string(), 2)]);
    assert_eq!((r.units_matched, r.units_total), (1, 2));
}

#[test]
fn repeated_dates_count_once() {
    let e = expected(r#"{"dates": [{"value": "2024-02-14"}, {"value": "2021", "end_value": null}]}"#);
    let facts =
        ArticleFacts { dates: vec![date(Some("2024-02-14")), date(Some("2024-02-14"))], ..ArticleFacts::default() };
    let r = score(&e, &facts);
    assert_eq!(r.counts["dates"], Counts { tp: 1, fp: 0, fn_: 1 });
}

fn date(v: Option<&str>) -> DateFact {
    DateFact {
        text: String::new(),
        start: 0,
        end: 0,
        value: v.map(Into::into),
        end_value: None,
        precision: Precision::Day,
        era: None,
        time: None,
        weekday_mismatch: false,
        month: None,
        day: None,
        offset: None,
        anchor: None,
    }
}

#[test]
fn an_unresolved_date_matches_nothing_and_is_no_false_alarm() {
    let e = expected(r#"{"dates": [{"value": "2024-02-14"}]}"#);
    let facts = ArticleFacts { dates: vec![date(None)], ..ArticleFacts::default() };
    let r = score(&e, &facts);
    assert_eq!(r.counts["dates"], Counts { tp: 0, fp: 0, fn_: 1 });
}
