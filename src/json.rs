//! [`ArticleFacts`] written as compact JSON without serde: the same bytes as
//! `serde_json::to_writer(&facts)`, at a fraction of its cost.
//!
//! serde_json escapes a string byte by byte through its `Formatter`, about
//! 11 instructions per output byte, and the facts of a news article are
//! mostly strings of Thai text that need no escaping at all. This writer
//! appends to a `Vec<u8>` (no I/O errors, no intermediate allocation) and
//! finds the bytes to escape eight at a time: only `"`, `\` and the control
//! bytes below 0x20 are escaped, as serde_json does, so Thai UTF-8 is copied
//! through unchanged.
//!
//! serde's derived `Serialize` stays the reference: a test of every enum
//! variant and a proptest over arbitrary facts check that both write the
//! same bytes (`tests/properties.rs`), and `extract --jsonl` is compared
//! byte for byte with the output of the serde path.

use crate::facts::{
    Anchor, ArticleFacts, DateFact, DateOffset, DateUnit, Era, Mention, NumberFact, NumberKind, OrgKind, Organization,
    Person, Place, PlaceKind, Precision,
};

impl ArticleFacts {
    /// Appends the facts as compact JSON to `out`: byte for byte what
    /// `serde_json::to_writer(&mut out, &facts)` writes, without serde's
    /// per-byte escaping (the JSON Lines output of the command-line tool).
    ///
    /// # Example
    ///
    /// ```
    /// let facts = thaifacts::extract("เมื่อวันที่ 14 กุมภาพันธ์ 2567 มี 390 ล้านคน");
    /// let mut out = Vec::new();
    /// facts.write_json(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&facts).unwrap());
    /// ```
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"schema_version\":");
        int(out, self.schema_version);
        out.extend_from_slice(b",\"people\":");
        list(out, &self.people, person);
        out.extend_from_slice(b",\"organizations\":");
        list(out, &self.organizations, organization);
        out.extend_from_slice(b",\"places\":");
        list(out, &self.places, place);
        out.extend_from_slice(b",\"dates\":");
        list(out, &self.dates, date);
        out.extend_from_slice(b",\"numbers\":");
        list(out, &self.numbers, number);
        out.push(b'}');
    }
}

fn list<T>(out: &mut Vec<u8>, items: &[T], each: fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

fn person(out: &mut Vec<u8>, p: &Person) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &p.name);
    out.extend_from_slice(b",\"title\":");
    opt_string(out, p.title.as_deref());
    out.extend_from_slice(b",\"positions\":");
    list(out, &p.positions, |out, s| string(out, s));
    out.extend_from_slice(b",\"mentions\":");
    list(out, &p.mentions, mention);
    out.extend_from_slice(b",\"statements\":");
    list(out, &p.statements, mention);
    out.push(b'}');
}

fn mention(out: &mut Vec<u8>, m: &Mention) {
    out.extend_from_slice(b"{\"start\":");
    int(out, m.start);
    out.extend_from_slice(b",\"end\":");
    int(out, m.end);
    out.extend_from_slice(b",\"text\":");
    string(out, &m.text);
    out.push(b'}');
}

fn organization(out: &mut Vec<u8>, o: &Organization) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &o.name);
    out.extend_from_slice(b",\"abbreviations\":");
    list(out, &o.abbreviations, |out, s| string(out, s));
    out.extend_from_slice(b",\"kind\":");
    name(out, org_kind(o.kind));
    out.extend_from_slice(b",\"mentions\":");
    list(out, &o.mentions, mention);
    out.push(b'}');
}

fn place(out: &mut Vec<u8>, p: &Place) {
    out.extend_from_slice(b"{\"name\":");
    string(out, &p.name);
    out.extend_from_slice(b",\"kind\":");
    name(out, place_kind(p.kind));
    out.extend_from_slice(b",\"mentions\":");
    list(out, &p.mentions, mention);
    out.push(b'}');
}

fn date(out: &mut Vec<u8>, d: &DateFact) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &d.text);
    out.extend_from_slice(b",\"start\":");
    int(out, d.start);
    out.extend_from_slice(b",\"end\":");
    int(out, d.end);
    out.extend_from_slice(b",\"value\":");
    opt_string(out, d.value.as_deref());
    out.extend_from_slice(b",\"end_value\":");
    opt_string(out, d.end_value.as_deref());
    out.extend_from_slice(b",\"precision\":");
    name(out, precision(d.precision));
    out.extend_from_slice(b",\"era\":");
    opt_name(out, d.era.map(era));
    out.extend_from_slice(b",\"time\":");
    opt_string(out, d.time.as_deref());
    out.extend_from_slice(if d.weekday_mismatch {
        b",\"weekday_mismatch\":true"
    } else {
        b",\"weekday_mismatch\":false"
    });
    out.extend_from_slice(b",\"month\":");
    opt_int(out, d.month);
    out.extend_from_slice(b",\"day\":");
    opt_int(out, d.day);
    out.extend_from_slice(b",\"offset\":");
    match &d.offset {
        Some(o) => offset(out, o),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"anchor\":");
    opt_name(out, d.anchor.map(anchor));
    out.push(b'}');
}

fn offset(out: &mut Vec<u8>, o: &DateOffset) {
    out.extend_from_slice(b"{\"unit\":");
    name(out, date_unit(o.unit));
    out.extend_from_slice(b",\"count\":");
    int(out, o.count);
    out.push(b'}');
}

fn number(out: &mut Vec<u8>, n: &NumberFact) {
    out.extend_from_slice(b"{\"text\":");
    string(out, &n.text);
    out.extend_from_slice(b",\"start\":");
    int(out, n.start);
    out.extend_from_slice(b",\"end\":");
    int(out, n.end);
    out.extend_from_slice(b",\"value\":");
    json_number(out, n.value);
    out.extend_from_slice(b",\"end_value\":");
    opt_json_number(out, n.end_value);
    out.extend_from_slice(b",\"of\":");
    opt_json_number(out, n.of);
    out.extend_from_slice(b",\"unit\":");
    opt_string(out, n.unit.as_deref());
    out.extend_from_slice(b",\"per\":");
    opt_string(out, n.per.as_deref());
    out.extend_from_slice(b",\"kind\":");
    name(out, number_kind(n.kind));
    out.extend_from_slice(b",\"qualifier\":");
    opt_string(out, n.qualifier.as_deref());
    out.push(b'}');
}

fn int(out: &mut Vec<u8>, n: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn opt_int(out: &mut Vec<u8>, n: Option<u32>) {
    match n {
        Some(n) => int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// A numeric field as `facts::json_number` writes it: whole values up to
/// 2^53 as integers, others as serde_json writes an `f64` (its own
/// shortest-representation format, `null` for a non-finite value, which the
/// extractor never reports).
fn json_number(out: &mut Vec<u8>, v: f64) {
    if v.fract() == 0.0 && v.abs() <= crate::facts::EXACT_F64_INTEGER {
        int(out, v as i64);
    } else {
        // Writing a number into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &v);
    }
}

fn opt_json_number(out: &mut Vec<u8>, v: Option<f64>) {
    match v {
        Some(v) => json_number(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An enum variant's name (ASCII letters and `_`: nothing to escape).
fn name(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

fn opt_name(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => name(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it: `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, other bytes below 0x20 as `\u00xx`
/// (lowercase hex), everything else (all of non-ASCII UTF-8) as is.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut from = 0; // start of the run not yet copied
    while let Some(at) = next_escape(b, from) {
        out.extend_from_slice(&b[from..at]);
        escape(out, b[at]);
        from = at + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// The first byte at or after `i` that JSON needs escaped, testing eight
/// bytes a load: a byte below 0x20, `"` or `\` sets the high bit of its lane
/// in [`flags`], and the lowest set lane is always a true one (a borrow only
/// runs towards higher lanes).
fn next_escape(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = b.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let f = flags(word);
        if f != 0 {
            return Some(i + (f.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i..].iter().position(|&c| needs_escape(c)).map(|p| i + p)
}

/// The high bit of each lane of `w` that may need escaping; nonzero exactly
/// when some lane does.
fn flags(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = w.wrapping_sub(ONES * 0x20);
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let backslash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    // `"` and `\` are ASCII, so a lane of w ^ '"' has its high bit set
    // exactly where w does: one `!w` masks all three tests.
    (below_space | quote | backslash) & !w & HIGH
}

fn needs_escape(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

fn escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

// The names serde gives the variants (`rename_all = "snake_case"`, `BE`,
// `CE`); `every_variant_as_serde_names_it` checks each against serde.

fn org_kind(k: OrgKind) -> &'static str {
    match k {
        OrgKind::Ministry => "ministry",
        OrgKind::Agency => "agency",
        OrgKind::Municipality => "municipality",
        OrgKind::Company => "company",
        OrgKind::Bank => "bank",
        OrgKind::Education => "education",
        OrgKind::Hospital => "hospital",
        OrgKind::Court => "court",
        OrgKind::Party => "party",
        OrgKind::Security => "security",
        OrgKind::Committee => "committee",
        OrgKind::Association => "association",
        OrgKind::International => "international",
        OrgKind::Other => "other",
    }
}

fn place_kind(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Province => "province",
        PlaceKind::District => "district",
        PlaceKind::Subdistrict => "subdistrict",
        PlaceKind::Country => "country",
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Venue => "venue",
        PlaceKind::Village => "village",
        PlaceKind::Street => "street",
    }
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn era(e: Era) -> &'static str {
    match e {
        Era::Be => "BE",
        Era::Ce => "CE",
    }
}

fn date_unit(u: DateUnit) -> &'static str {
    match u {
        DateUnit::Day => "day",
        DateUnit::Week => "week",
        DateUnit::Month => "month",
        DateUnit::Year => "year",
    }
}

fn anchor(a: Anchor) -> &'static str {
    match a {
        Anchor::Published => "published",
        Anchor::Dateline => "dateline",
    }
}

fn number_kind(k: NumberKind) -> &'static str {
    match k {
        NumberKind::Count => "count",
        NumberKind::Money => "money",
        NumberKind::Percent => "percent",
        NumberKind::Rank => "rank",
        NumberKind::Measure => "measure",
        NumberKind::Ordinal => "ordinal",
        NumberKind::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_str<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    /// Every variant of every enum, against serde's name for it. A new
    /// variant fails to compile above (the matches are exhaustive) and then
    /// must be added here.
    #[test]
    fn every_variant_as_serde_names_it() {
        use OrgKind as O;
        for k in [
            O::Ministry,
            O::Agency,
            O::Municipality,
            O::Company,
            O::Bank,
            O::Education,
            O::Hospital,
            O::Court,
            O::Party,
            O::Security,
            O::Committee,
            O::Association,
            O::International,
            O::Other,
        ] {
            assert_eq!(format!("\"{}\"", org_kind(k)), serde_str(&k));
        }
        use PlaceKind as P;
        for k in
            [P::Province, P::District, P::Subdistrict, P::Country, P::City, P::Region, P::Venue, P::Village, P::Street]
        {
            assert_eq!(format!("\"{}\"", place_kind(k)), serde_str(&k));
        }
        for p in [Precision::Day, Precision::Month, Precision::Year] {
            assert_eq!(format!("\"{}\"", precision(p)), serde_str(&p));
        }
        for e in [Era::Be, Era::Ce] {
            assert_eq!(format!("\"{}\"", era(e)), serde_str(&e));
        }
        for u in [DateUnit::Day, DateUnit::Week, DateUnit::Month, DateUnit::Year] {
            assert_eq!(format!("\"{}\"", date_unit(u)), serde_str(&u));
        }
        for a in [Anchor::Published, Anchor::Dateline] {
            assert_eq!(format!("\"{}\"", anchor(a)), serde_str(&a));
        }
        use NumberKind as N;
        for k in [N::Count, N::Money, N::Percent, N::Rank, N::Measure, N::Ordinal, N::Other] {
            assert_eq!(format!("\"{}\"", number_kind(k)), serde_str(&k));
        }
    }

    /// Every byte value next to every position of an eight-byte load.
    #[test]
    fn strings_escape_as_serde_does() {
        for c in 0u8..0x80 {
            for pad in 0..10 {
                let s = format!("{}{}ก{}", "ข".repeat(pad), c as char, "x".repeat(pad));
                let mut out = Vec::new();
                string(&mut out, &s);
                assert_eq!(String::from_utf8(out).unwrap(), serde_str(&s), "byte {c:#x}, pad {pad}");
            }
        }
    }

    #[test]
    fn numbers_as_serde_writes_them() {
        for v in [0.0, -0.0, 1.0, -5.0, 2.5, 1e18, -1e18, 9_007_199_254_740_992.0, 9_007_199_254_740_994.0, 0.1, 1e-7] {
            let mut out = Vec::new();
            json_number(&mut out, v);
            let n = NumberFact {
                text: String::new(),
                start: 0,
                end: 0,
                value: v,
                end_value: None,
                of: None,
                unit: None,
                per: None,
                kind: NumberKind::Count,
                qualifier: None,
            };
            let want = serde_str(&n);
            let want = want.split("\"value\":").nth(1).unwrap().split(",\"end_value\"").next().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{v}");
        }
    }

    use proptest::prelude::*;

    /// Text with everything that is escaped, Thai, and other UTF-8.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["[\\x00-\\x7f]{0,20}", "[ก-๛\\x00-\\x20\"\\\\]{0,40}", any::<String>()]
    }

    fn mentions() -> impl Strategy<Value = Vec<Mention>> {
        proptest::collection::vec(
            (any::<usize>(), any::<usize>(), text()).prop_map(|(start, end, text)| Mention { start, end, text }),
            0..3,
        )
    }

    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            (-1_000_000i64..1_000_000).prop_map(|n| n as f64),
            (-1_000_000i64..1_000_000).prop_map(|n| n as f64 / 100.0),
            (-18i32..19).prop_map(|e| 10f64.powi(e)),
        ]
    }

    fn facts() -> impl Strategy<Value = ArticleFacts> {
        let person =
            (text(), proptest::option::of(text()), proptest::collection::vec(text(), 0..3), mentions(), mentions())
                .prop_map(|(name, title, positions, mentions, statements)| Person {
                    name,
                    title,
                    positions,
                    mentions,
                    statements,
                });
        let org = (text(), proptest::collection::vec(text(), 0..3), 0usize..14, mentions()).prop_map(
            |(name, abbreviations, k, mentions)| {
                let kind = [
                    OrgKind::Ministry,
                    OrgKind::Agency,
                    OrgKind::Municipality,
                    OrgKind::Company,
                    OrgKind::Bank,
                    OrgKind::Education,
                    OrgKind::Hospital,
                    OrgKind::Court,
                    OrgKind::Party,
                    OrgKind::Security,
                    OrgKind::Committee,
                    OrgKind::Association,
                    OrgKind::International,
                    OrgKind::Other,
                ][k];
                Organization { name, abbreviations, kind, mentions }
            },
        );
        let place = (text(), 0usize..9, mentions()).prop_map(|(name, k, mentions)| {
            let kind = [
                PlaceKind::Province,
                PlaceKind::District,
                PlaceKind::Subdistrict,
                PlaceKind::Country,
                PlaceKind::City,
                PlaceKind::Region,
                PlaceKind::Venue,
                PlaceKind::Village,
                PlaceKind::Street,
            ][k];
            Place { name, kind, mentions }
        });
        let date = (
            (text(), any::<usize>(), any::<usize>(), proptest::option::of(text()), proptest::option::of(text())),
            (0usize..3, proptest::option::of(any::<bool>()), proptest::option::of(text()), any::<bool>()),
            (
                proptest::option::of(any::<u32>()),
                proptest::option::of(any::<u32>()),
                proptest::option::of((0usize..4, any::<i32>())),
                proptest::option::of(any::<bool>()),
            ),
        )
            .prop_map(
                |(
                    (text, start, end, value, end_value),
                    (p, era, time, weekday_mismatch),
                    (month, day, offset, anchor),
                )| {
                    DateFact {
                        text,
                        start,
                        end,
                        value,
                        end_value,
                        precision: [Precision::Day, Precision::Month, Precision::Year][p],
                        era: era.map(|be| if be { Era::Be } else { Era::Ce }),
                        time,
                        weekday_mismatch,
                        month,
                        day,
                        offset: offset.map(|(u, count)| DateOffset {
                            unit: [DateUnit::Day, DateUnit::Week, DateUnit::Month, DateUnit::Year][u],
                            count,
                        }),
                        anchor: anchor.map(|p| if p { Anchor::Published } else { Anchor::Dateline }),
                    }
                },
            );
        let num = (
            (
                text(),
                any::<usize>(),
                any::<usize>(),
                number(),
                proptest::option::of(number()),
                proptest::option::of(number()),
            ),
            (proptest::option::of(text()), proptest::option::of(text()), 0usize..7, proptest::option::of(text())),
        )
            .prop_map(|((text, start, end, value, end_value, of), (unit, per, k, qualifier))| NumberFact {
                text,
                start,
                end,
                value,
                end_value,
                of,
                unit,
                per,
                kind: [
                    NumberKind::Count,
                    NumberKind::Money,
                    NumberKind::Percent,
                    NumberKind::Rank,
                    NumberKind::Measure,
                    NumberKind::Ordinal,
                    NumberKind::Other,
                ][k],
                qualifier,
            });
        use proptest::collection::vec;
        (vec(person, 0..3), vec(org, 0..3), vec(place, 0..3), vec(date, 0..3), vec(num, 0..3)).prop_map(
            |(people, organizations, places, dates, numbers)| ArticleFacts {
                schema_version: crate::SCHEMA_VERSION,
                people,
                organizations,
                places,
                dates,
                numbers,
            },
        )
    }

    proptest! {
        #[test]
        fn strings_as_serde_writes_them(s in text()) {
            let mut out = Vec::new();
            string(&mut out, &s);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_str(&s));
        }

        #[test]
        fn facts_as_serde_writes_them(f in facts()) {
            let mut out = Vec::new();
            f.write_json(&mut out);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_str(&f));
        }
    }
}
