// The invariants every fuzz target checks, one module shared by
// the targets and by `tests/properties.rs` (which includes this file), so a
// proptest and a fuzzer fail on the same rule. Each check panics with the
// offending fact.
//
// - spans: `start <= end <= input.len()`, on char boundaries, slicing the
//   input to the fact's text;
// - people, organizations, places: a non-empty name and at least one
//   mention, mentions sorted by position without repeats;
// - dates and numbers in text order;
// - dates: `value`, unless null for an unresolved mention (which then has
//   no `end_value` and no `anchor`), has the shape `precision` says (day: a real
//   `YYYY-MM-DD`, month: `YYYY-MM`, year: `YYYY`), `end_value` one of those
//   shapes, a range end not before its start, years lie in 1000..=9999 and, where the era is
//   named, in that era's window (BE 2300..=2800, CE 1000..=2300, as the date
//   extractor reads them), and the named era is consistent with the value:
//   the text writes the value's year in that era (BE: the year + 542..=544,
//   for the old April new year and fiscal years; two digits for `ปี 67`);
//   `time` is `HH:MM` or `HH:MM-HH:MM`;
// - numbers: every numeric field finite and within
//   `NumberFact::MAX_MAGNITUDE`; a range end not before its start (a
//   negative range keeps the text's order, so in magnitude, with one sign);
//   `of` not below `value`, and present exactly for ranks; `%` for percents;
// - the facts read back from their own JSON, to the same facts and bytes.

#![allow(dead_code)]

use thaifacts::{ArticleFacts, DateFact, Era, Mention, NumberFact, NumberKind, Precision};

/// Every invariant of the facts extracted from `input`.
pub fn facts(input: &str, facts: &ArticleFacts) {
    spans(input, facts);
    for p in &facts.people {
        named(&p.name, &p.mentions);
    }
    for o in &facts.organizations {
        named(&o.name, &o.mentions);
    }
    for p in &facts.places {
        named(&p.name, &p.mentions);
    }
    assert!(facts.dates.windows(2).all(|w| w[0].start <= w[1].start), "dates out of text order: {:?}", facts.dates);
    assert!(
        facts.numbers.windows(2).all(|w| w[0].start <= w[1].start),
        "numbers out of text order: {:?}",
        facts.numbers
    );
    for d in &facts.dates {
        date(d);
    }
    for n in &facts.numbers {
        number(n);
    }
    round_trip(facts);
}

/// Every span slices `input` to its text, on char boundaries.
pub fn spans(input: &str, facts: &ArticleFacts) {
    for (s, e, t) in facts.spans() {
        assert!(s <= e && e <= input.len(), "span {s}..{e} out of 0..{}", input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e), "span {s}..{e} splits a char");
        assert_eq!(&input[s..e], t, "span {s}..{e}");
    }
}

fn named(name: &str, mentions: &[Mention]) {
    assert!(!name.is_empty(), "an empty name");
    assert!(!mentions.is_empty(), "{name:?} has no mention");
    assert!(
        mentions.windows(2).all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end)),
        "mentions of {name:?} not sorted or repeated: {mentions:?}"
    );
    assert!(mentions.iter().all(|m| !m.text.is_empty()), "{name:?} has an empty mention");
}

/// The year of an ISO value of the shape `precision` gives.
fn iso_year(v: &str, precision: Precision, d: &DateFact) -> i32 {
    let ok = match precision {
        Precision::Day => v.len() == 10 && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
        Precision::Month => {
            v.len() == 7 && v.as_bytes()[4] == b'-' && v[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        }
        Precision::Year => v.len() == 4,
    };
    let year = v.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).and_then(|y| y.parse().ok());
    match (ok, year) {
        (true, Some(y)) => y,
        _ => panic!("date value {v:?} is not of precision {precision:?}: {d:?}"),
    }
}

/// The digit runs of `text`, Thai digits read as ASCII ones.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    for c in text.chars() {
        let d = match c {
            '0'..='9' => Some(c),
            '๐'..='๙' => char::from_digit(c as u32 - '๐' as u32, 10),
            _ => None,
        };
        match d {
            Some(d) => runs.last_mut().unwrap().push(d),
            None if !runs.last().unwrap().is_empty() => runs.push(String::new()),
            None => {}
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Whether `text` writes Gregorian `year` in `era`.
fn writes_year(text: &str, year: i32, era: Era) -> bool {
    let offsets = match era {
        Era::Be => 542..=544,
        Era::Ce => -1..=1,
    };
    // The extractor reads the normalized text, where a zero-width character
    // inside a digit run is gone (`๒๓0\u{200d}1` is 2301).
    digit_runs(thaifacts::normalize(text).text()).iter().any(|w| {
        let Ok(n) = w.parse::<i32>() else { return false };
        match w.len() {
            4 => offsets.clone().any(|k| n == year + k),
            2 => era == Era::Be && offsets.clone().any(|k| n == (year + k) % 100),
            _ => false,
        }
    })
}

pub fn date(d: &DateFact) {
    // An unresolved mention (no year and no anchor) resolves nothing else.
    let Some(value) = &d.value else {
        assert!(d.end_value.is_none() && d.anchor.is_none(), "unresolved date with a resolved part: {d:?}");
        return;
    };
    let year = iso_year(value, d.precision, d);
    let mut years = vec![year];
    if let Some(end) = &d.end_value {
        // A range may end at another precision than it starts
        // (`กันยายน 2562 จนถึงวันที่ 24 ธันวาคม 2562`: 2019-09 to 2019-12-24);
        // ISO values of any precision compare in time order as strings.
        let precision = match end.len() {
            10 => Precision::Day,
            7 => Precision::Month,
            _ => Precision::Year,
        };
        years.push(iso_year(end, precision, d));
        assert!(end >= value, "date range runs backward: {d:?}");
    }
    for y in years {
        assert!((1000..=9999).contains(&y), "year {y} outside 1000..=9999: {d:?}");
        match d.era {
            Some(Era::Be) => assert!((1756..=2258).contains(&y), "BE year {y} outside BE 2300..=2800: {d:?}"),
            Some(Era::Ce) => assert!((999..=2300).contains(&y), "CE year {y} outside 1000..=2300: {d:?}"),
            None => {}
        }
        if let Some(era) = d.era {
            assert!(writes_year(&d.text, y, era), "era {era:?} but the text does not write year {y}: {d:?}");
        }
    }
    if let Some(t) = &d.time {
        let hm = |s: &str| {
            let b = s.as_bytes();
            b.len() == 5
                && b[2] == b':'
                && s[..2].parse::<u32>().is_ok_and(|h| h <= 24)
                && s[3..].parse::<u32>().is_ok_and(|m| m <= 59)
        };
        let ok = match t.split_once('-') {
            Some((a, b)) => hm(a) && hm(b),
            None => hm(t),
        };
        assert!(ok, "time {t:?} is not HH:MM or HH:MM-HH:MM: {d:?}");
    }
}

pub fn number(n: &NumberFact) {
    for v in std::iter::once(n.value).chain(n.end_value).chain(n.of) {
        assert!(v.is_finite() && v.abs() <= NumberFact::MAX_MAGNITUDE, "value {v} out of bounds: {n:?}");
    }
    if let Some(e) = n.end_value {
        let same_sign = (n.value >= 0.0 && e >= 0.0) || (n.value <= 0.0 && e <= 0.0);
        assert!(same_sign && e.abs() >= n.value.abs(), "number range runs backward: {n:?}");
    }
    if let Some(of) = n.of {
        assert!(of >= n.value, "rank above its field: {n:?}");
    }
    assert_eq!(n.of.is_some(), n.kind == NumberKind::Rank, "`of` exactly for ranks: {n:?}");
    if n.kind == NumberKind::Percent {
        assert_eq!(n.unit.as_deref(), Some("%"), "a percent in {:?}: {n:?}", n.unit);
    }
    assert!(!n.text.is_empty(), "a number with no text: {n:?}");
    assert!(n.unit.as_deref() != Some(""), "an empty unit: {n:?}");
}

/// The facts read back from their own JSON, to the same facts and bytes.
pub fn round_trip(facts: &ArticleFacts) {
    let json = serde_json::to_string(facts).expect("facts serialize");
    let back: ArticleFacts =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("facts do not read back: {e}: {json}"));
    assert_eq!(&back, facts);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}
