//! The output contract: [`ArticleFacts`] and its fact types.
//!
//! This module sits at the end of the pipeline (normalize → scan → extract →
//! link → **facts**). Field names are the JSON contract of `schema_version` 1
//! (see `DESIGN.md`): fields may be added, none renamed.
//!
//! Every span (`start`, `end`, `text`) is a byte range of the *original* input
//! handed to [`crate::extract`], so `&input[start..end] == text` always holds,
//! even where normalization changed the text. Both offsets lie on `char`
//! boundaries and `start <= end <= input.len()`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the JSON contract written in [`ArticleFacts::schema_version`].
pub const SCHEMA_VERSION: u32 = 1;

/// All facts found in one article.
///
/// # Example
///
/// ```
/// let facts = thaifacts::extract("");
/// assert_eq!(facts.schema_version, 1);
/// assert!(facts.people.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ArticleFacts {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// People named in the article, one entry per person.
    pub people: Vec<Person>,
    /// Named organizations, one entry per organization.
    pub organizations: Vec<Organization>,
    /// Places (provinces, districts, countries, cities, venues).
    pub places: Vec<Place>,
    /// Every date mention, in text order; repeated mentions stay separate.
    pub dates: Vec<DateFact>,
    /// Every numeric fact, in text order.
    pub numbers: Vec<NumberFact>,
}

impl ArticleFacts {
    /// Every span of every fact, as `(start, end, text)`: mentions and
    /// statements of people, mentions of organizations and places, dates and
    /// numbers. Each satisfies `&input[start..end] == text`.
    ///
    /// # Example
    ///
    /// ```
    /// let input = "เมื่อวันที่ 14 กุมภาพันธ์ 2567 มี 390 ล้านคน";
    /// let facts = thaifacts::extract(input);
    /// for (start, end, text) in facts.spans() {
    ///     assert_eq!(&input[start..end], text);
    /// }
    /// assert!(facts.spans().len() >= 2);
    /// ```
    pub fn spans(&self) -> Vec<(usize, usize, &str)> {
        fn m(m: &Mention) -> (usize, usize, &str) {
            (m.start, m.end, m.text.as_str())
        }
        let mut out: Vec<(usize, usize, &str)> = Vec::new();
        for p in &self.people {
            out.extend(p.mentions.iter().chain(&p.statements).map(m));
        }
        for o in &self.organizations {
            out.extend(o.mentions.iter().map(m));
        }
        for p in &self.places {
            out.extend(p.mentions.iter().map(m));
        }
        out.extend(self.dates.iter().map(|d| (d.start, d.end, d.text.as_str())));
        out.extend(self.numbers.iter().map(|n| (n.start, n.end, n.text.as_str())));
        out
    }
}

impl Default for ArticleFacts {
    fn default() -> Self {
        ArticleFacts {
            schema_version: SCHEMA_VERSION,
            people: Vec::new(),
            organizations: Vec::new(),
            places: Vec::new(),
            dates: Vec::new(),
            numbers: Vec::new(),
        }
    }
}

/// One occurrence of a fact in the input.
///
/// `start <= end <= input.len()`; both lie on `char` boundaries of the
/// original input and `&input[start..end] == text`.
///
/// # Example
///
/// ```
/// let input = "นายธนพล ใจดี กล่าว";
/// let m = thaifacts::Mention { start: 0, end: 9, text: "นาย".into() };
/// assert_eq!(&input[m.start..m.end], m.text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The original text of the span.
    pub text: String,
}

/// A person named in the article.
///
/// # Example
///
/// ```
/// let p = thaifacts::Person {
///     name: "ธนพล ใจดี".into(),
///     title: Some("นาย".into()),
///     positions: vec!["นายกเทศมนตรีนครขอนแก่น".into()],
///     mentions: vec![],
///     statements: vec![],
/// };
/// assert_eq!(p.title.as_deref(), Some("นาย"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    /// Given name and family name as written, one space between, no title.
    pub name: String,
    /// The honorific sequence as written (`"รศ.ดร."`, `"พล.ต.อ."`), if any.
    pub title: Option<String>,
    /// Position phrases attached to this person, as written.
    pub positions: Vec<String>,
    /// Every mention of this person, in text order.
    pub mentions: Vec<Mention>,
    /// Spans of what this person is reported to have said (after กล่าวว่า,
    /// เปิดเผยว่า, ...). An additive field of the contract.
    #[serde(default)]
    pub statements: Vec<Mention>,
}

/// What kind of body an [`Organization`] is.
///
/// # Example
///
/// ```
/// let k: thaifacts::OrgKind = serde_json::from_str("\"municipality\"").unwrap();
/// assert_eq!(k, thaifacts::OrgKind::Municipality);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgKind {
    /// A ministry (กระทรวง).
    Ministry,
    /// A government department, office or agency (กรม, สำนักงาน, ...).
    Agency,
    /// A municipality or local administration (เทศบาล, อบจ., อบต.).
    Municipality,
    /// A company (บริษัท ... จำกัด).
    Company,
    /// A bank (ธนาคาร).
    Bank,
    /// A university, college or school.
    Education,
    /// A hospital.
    Hospital,
    /// A court (ศาล).
    Court,
    /// A political party (พรรค).
    Party,
    /// Armed forces or police units.
    Security,
    /// A committee, council or assembly (คณะกรรมการ, สภา, คณะรัฐมนตรี).
    Committee,
    /// An association, foundation or cooperative.
    Association,
    /// An international organization (UNESCO, ASEAN).
    International,
    /// Anything else.
    Other,
}

/// A named organization.
///
/// # Example
///
/// ```
/// let o = thaifacts::Organization {
///     name: "เทศบาลนครขอนแก่น".into(),
///     abbreviations: vec!["ทน.".into()],
///     kind: thaifacts::OrgKind::Municipality,
///     mentions: vec![],
/// };
/// assert_eq!(o.abbreviations, ["ทน."]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    /// The fullest name the article gives.
    pub name: String,
    /// Abbreviations and other short forms linked to this organization.
    pub abbreviations: Vec<String>,
    /// What kind of body it is.
    pub kind: OrgKind,
    /// Every mention (full, short or abbreviated), in text order.
    pub mentions: Vec<Mention>,
}

/// What kind of place a [`Place`] is.
///
/// # Example
///
/// ```
/// let k: thaifacts::PlaceKind = serde_json::from_str("\"province\"").unwrap();
/// assert_eq!(k, thaifacts::PlaceKind::Province);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlaceKind {
    /// One of Thailand's provinces (Bangkok included).
    Province,
    /// A district (อำเภอ, เขต).
    District,
    /// A subdistrict (ตำบล, แขวง).
    Subdistrict,
    /// A country.
    Country,
    /// A city outside Thailand.
    City,
    /// A region (ภาคเหนือ, อาเซียน as a region).
    Region,
    /// A named venue (hotel, convention centre, government house).
    Venue,
    /// A village (บ้านหนองไผ่, หมู่บ้านหนองกระทิง).
    Village,
    /// A road or a lane (ถนนมิตรภาพ, ซอยศาลาแดง).
    Street,
}

/// A place named in the article.
///
/// # Example
///
/// ```
/// let p = thaifacts::Place { name: "ขอนแก่น".into(), kind: thaifacts::PlaceKind::Province, mentions: vec![] };
/// assert_eq!(p.name, "ขอนแก่น");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Place {
    /// The bare name (ขอนแก่น for จังหวัดขอนแก่น).
    pub name: String,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// How precise a [`DateFact`] value is.
///
/// # Example
///
/// ```
/// let p: thaifacts::Precision = serde_json::from_str("\"month\"").unwrap();
/// assert_eq!(p, thaifacts::Precision::Month);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

/// The era a year was written in.
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&thaifacts::Era::Be).unwrap(), "\"BE\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum Era {
    /// Buddhist era (พ.ศ.).
    #[serde(rename = "BE")]
    Be,
    /// Common era (ค.ศ.).
    #[serde(rename = "CE")]
    Ce,
}

/// A date, month, year or range of them.
///
/// # Example
///
/// ```
/// let facts = thaifacts::extract("");
/// assert!(facts.dates.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateFact {
    /// The original text of the date mention: the date proper, from the
    /// day, month, era marker or year to the year or the end of a range
    /// (`14 กุมภาพันธ์ 2567`, `พ.ศ. 2563`, `2564-2566`). A weekday before it
    /// (`วันพุธที่`), a leading `ปี` / `ปีงบประมาณ` and an attached time
    /// (`เวลา 09.30 น.`) are not part of the span; the time is in `time`, the
    /// weekday is checked in `weekday_mismatch`.
    pub text: String,
    /// Byte offset of the first byte in the original input.
    pub start: usize,
    /// Byte offset one past the last byte in the original input.
    pub end: usize,
    /// ISO 8601 Gregorian value: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null
    /// for a mention that cannot be resolved: a day or month written without
    /// a year, or a relative date (`วันนี้`), in an article with neither a
    /// publication date nor a date line to anchor it. Such a mention keeps
    /// its span, text and precision and the parts it gives (`month`, `day`,
    /// `offset`). Earlier versions dropped such mentions and never wrote
    /// null here.
    pub value: Option<String>,
    /// The end of a range, null otherwise (also for an open-ended range).
    /// Mostly at the precision of `value`, but a range may end at another
    /// (`กันยายน 2562 จนถึงวันที่ 24 ธันวาคม 2562`: value `2019-09`, end_value
    /// `2019-12-24`); never before `value`. A fiscal year, quarter or half
    /// year is a range of months (`ไตรมาส 3/2561`: `2018-07` to `2018-09`).
    pub end_value: Option<String>,
    /// How precise `value` is.
    pub precision: Precision,
    /// The era the text names, or null where the year was inferred.
    pub era: Option<Era>,
    /// A time of day attached to the date (`09:30`, `13:00-16:00`), if any.
    pub time: Option<String>,
    /// The text names a weekday the date does not fall on
    /// (`วันจันทร์ที่ 14 กุมภาพันธ์ 2567`, a Wednesday): the date is kept as
    /// written and this is `true`. An additive field of the contract.
    #[serde(default)]
    pub weekday_mismatch: bool,
    /// The month (1-12) the text writes, resolved or not (`3 มีนาคม` → 3);
    /// null when the text names none (a year, a relative word). For a
    /// range, the month of its start. An additive field of the contract.
    #[serde(default)]
    pub month: Option<u32>,
    /// The day of the month (1-31) the text writes (`3 มีนาคม` → 3); null
    /// when it names none. For a range, the day of its start. An additive
    /// field of the contract.
    #[serde(default)]
    pub day: Option<u32>,
    /// For a relative date (`วันนี้`, `เมื่อวาน`, `ปีหน้า`), how far it lies
    /// from the anchor: `{"unit": "day", "count": -1}` for เมื่อวาน. Null for
    /// a calendar date. An additive field of the contract.
    #[serde(default)]
    pub offset: Option<DateOffset>,
    /// What `value` was computed from when the text alone does not give it
    /// (a relative date, or a day or month whose year was inferred from the
    /// day of writing): `published` (the publication date given to the
    /// extractor) or `dateline` (the date line the article opens with).
    /// Null when the text gives the value (a full date, or a year taken from
    /// another date of the article) and when the mention is unresolved. An
    /// additive field of the contract.
    #[serde(default)]
    pub anchor: Option<Anchor>,
}

/// The unit of a relative date's [`DateOffset`].
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&thaifacts::DateUnit::Week).unwrap(), "\"week\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateUnit {
    /// Days (`วันนี้` 0, `เมื่อวาน` -1, `พรุ่งนี้` +1).
    Day,
    /// Calendar weeks, Monday to Sunday (`สัปดาห์หน้า` +1).
    Week,
    /// Calendar months (`เดือนที่แล้ว` -1).
    Month,
    /// Calendar years (`ปีนี้` 0, `ปีหน้า` +1).
    Year,
}

/// How far a relative date lies from its anchor.
///
/// # Example
///
/// ```
/// let o: thaifacts::DateOffset = serde_json::from_str(r#"{"unit":"day","count":-1}"#).unwrap();
/// assert_eq!((o.unit, o.count), (thaifacts::DateUnit::Day, -1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct DateOffset {
    /// The unit counted.
    pub unit: DateUnit,
    /// The signed count of units from the anchor (negative: before it).
    pub count: i32,
}

/// What a date's value was computed from ([`DateFact::anchor`]).
///
/// # Example
///
/// ```
/// assert_eq!(serde_json::to_string(&thaifacts::Anchor::Dateline).unwrap(), "\"dateline\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The publication date given to the extractor.
    Published,
    /// The date line the article opens with (`วันจันทร์ที่ 3 มิถุนายน 2562`,
    /// `1สิงหาคม2550 07:36 น.`), used when no publication date is given.
    Dateline,
}

/// What kind of quantity a [`NumberFact`] is.
///
/// # Example
///
/// ```
/// let k: thaifacts::NumberKind = serde_json::from_str("\"money\"").unwrap();
/// assert_eq!(k, thaifacts::NumberKind::Money);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things (`390 ล้านคน`).
    Count,
    /// An amount of money (`2.5 ล้านบาท`).
    Money,
    /// A percentage (`ร้อยละ 5`).
    Percent,
    /// A rank (`1 ใน 64 เมือง`), with [`NumberFact::of`].
    Rank,
    /// A measurement or duration (`10 ไร่`, `14 วัน`).
    Measure,
    /// An ordinal (`ครั้งที่ 5`).
    Ordinal,
    /// Anything else.
    Other,
}

/// A numeric fact.
///
/// `value` is the number the text means, with scale words applied
/// (`390 ล้าน` is 390000000). Whole values serialize as JSON integers.
///
/// `value`, `end_value` and `of` are always finite numbers whose magnitude is
/// at most [`NumberFact::MAX_MAGNITUDE`] (10^18): an expression whose value
/// is larger, or beyond what an `f64` holds, is not reported at all. So a
/// numeric field is never JSON `null` where the contract says number, and
/// `ArticleFacts` always reads its own JSON back.
///
/// # Example
///
/// ```
/// let n = thaifacts::NumberFact {
///     text: "390 ล้านคน".into(), start: 0, end: 22, value: 390_000_000.0,
///     end_value: None, of: None, unit: Some("คน".into()), per: None,
///     kind: thaifacts::NumberKind::Count, qualifier: None,
/// };
/// let json = serde_json::to_string(&n).unwrap();
/// assert!(json.contains("\"value\":390000000,"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NumberFact {
    /// The original text of the expression; a qualifier before the number
    /// (`ประมาณ`, `กว่า`) is not part of it but in `qualifier`.
    pub text: String,
    /// Byte offset of the first byte in the original input.
    pub start: usize,
    /// Byte offset one past the last byte in the original input.
    pub end: usize,
    /// The value the text means.
    #[serde(with = "json_number")]
    #[schemars(with = "f64")]
    pub value: f64,
    /// The end of a range (`10-15 คน` has value 10, end_value 15). The span end
    /// is `end`, so the range end is named `end_value`, as for dates. A range
    /// runs upward: `end_value >= value`, except that a negative range keeps
    /// the text's order (`ติดลบ 5-10 องศา` is value -5, end_value -10), so
    /// always `end_value.abs() >= value.abs()` with the same sign.
    #[serde(with = "json_number::option", default)]
    #[schemars(with = "Option<f64>")]
    pub end_value: Option<f64>,
    /// For a rank, the size of the field (`1 ใน 64` has `of` 64); never below
    /// `value`.
    #[serde(with = "json_number::option", default)]
    #[schemars(with = "Option<f64>")]
    pub of: Option<f64>,
    /// The unit or counted noun (`คน`, `บาท`, `%`), if any.
    pub unit: Option<String>,
    /// The unit of a rate written after the quantity with `/` or `ต่อ`
    /// (`14,000 บาท/ตัน` has unit `บาท` and per `ตัน`; `10 ล้านต่อปี` has
    /// per `ปี`), if any; the rate is part of the span. Read only when the
    /// word after `/` or `ต่อ` is a unit of `units.tsv`, and never after a
    /// percentage (`ร้อยละ 7.5 ต่อปี` is the percentage `ร้อยละ 7.5`).
    #[serde(default)]
    pub per: Option<String>,
    /// What kind of quantity this is.
    pub kind: NumberKind,
    /// Words that bound the value (กว่า, ประมาณ, เกือบ), if any.
    pub qualifier: Option<String>,
}

impl NumberFact {
    /// The largest magnitude of `value`, `end_value` and `of`: 10^18. A
    /// number expression whose value, range end or rank field is larger in
    /// magnitude (or is not a finite `f64` at all) is dropped, not reported
    /// with a flag: no news article states such a quantity, so it is a
    /// hostile or garbled input (`1` followed by ล้าน fifty-two times, a
    /// mantissa of hundreds of digits).
    ///
    /// One bound holds for every [`NumberKind`]. It is far above any real
    /// quantity: world GDP is about 3 × 10^15 baht, the world's population
    /// 8 × 10^9. A tighter bound per kind (counts above the world's
    /// population) would drop real counts of things other than people,
    /// because a counted noun is read from the text (`10,000 ล้านครั้ง`,
    /// ten billion views). Whole values above 2^53 (about 9 × 10^15), where
    /// an `f64` no longer holds every integer, are written as JSON floats
    /// (`1e18`).
    ///
    /// # Example
    ///
    /// ```
    /// let kept = thaifacts::extract("หนี้ 1 ล้านล้านล้านบาท");
    /// assert_eq!(kept.numbers[0].value, thaifacts::NumberFact::MAX_MAGNITUDE);
    /// let dropped = thaifacts::extract("หนี้ 10 ล้านล้านล้านบาท");
    /// assert!(dropped.numbers.is_empty());
    /// ```
    pub const MAX_MAGNITUDE: f64 = 1e18;

    /// Whether `v` may be written in a numeric field: finite and at most
    /// [`NumberFact::MAX_MAGNITUDE`] in magnitude (false for NaN).
    pub(crate) fn plausible(v: f64) -> bool {
        v.abs() <= Self::MAX_MAGNITUDE
    }
}

/// The largest integer an `f64` holds exactly (2^53): whole values up to it
/// are written as JSON integers (here and in `crate::json`).
pub(crate) const EXACT_F64_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Serializes whole `f64` values as JSON integers so that `390000000` is not
/// written `390000000.0`.
mod json_number {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::EXACT_F64_INTEGER as EXACT;

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.fract() == 0.0 && v.abs() <= EXACT {
            s.serialize_i64(*v as i64)
        } else {
            s.serialize_f64(*v)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        f64::deserialize(d)
    }

    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
            Option::<f64>::deserialize(d)
        }
    }
}
