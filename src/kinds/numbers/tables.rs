//! The lexicon tables of the number extractor: number words, units, context words.

use foldhash::HashMap;
use std::sync::LazyLock;

use crate::facts::NumberKind;
use crate::kinds::registry;
use crate::lexicon::Entry;
use crate::matcher::trie::Trie;

/// What a context word says about the number next to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Role {
    /// Bounds the value; `after` words may also follow the number.
    Qualifier { after: bool },
    /// `ร้อยละ`: the number is a percentage.
    Percent,
    /// A currency sign; the currency word.
    Currency(String),
    /// A word of money (`มูลค่า`, `งบประมาณ`): a number after it with no
    /// unit is an amount of money whose currency is not written.
    Money,
    /// `ติดลบ`: the number is negative.
    Negative,
    /// `ระหว่าง`: opens a range.
    Between,
    /// Joins the ends of a range.
    To,
    /// Joins a rank to its field.
    Of,
    /// Ordinal, address, phone, code or law marker (`soft`: a year, date or
    /// time marker, which a following unit overrides).
    NotQuantity { soft: bool },
    /// An unstated multiple (หลาย, ไม่กี่): a scale word after it starts no
    /// number (`หลายล้านบาท` is not one million baht).
    Many,
    /// No role of its own.
    None,
}

impl Role {
    pub(super) fn parse(columns: &[String]) -> Option<Role> {
        let arg = columns.get(2).map(String::as_str).unwrap_or("-");
        Some(match columns.get(1)?.as_str() {
            "qualifier" => Role::Qualifier { after: arg == "after" },
            "percent" => Role::Percent,
            "currency" => Role::Currency(arg.to_string()),
            "money" => Role::Money,
            "negative" => Role::Negative,
            "between" => Role::Between,
            "to" => Role::To,
            "of" => Role::Of,
            "ordinal" | "address" | "phone" | "code" | "law" => Role::NotQuantity { soft: false },
            "year" | "date" | "time" => Role::NotQuantity { soft: true },
            "many" => Role::Many,
            "none" => Role::None,
            _ => return None,
        })
    }
}

/// A unit from `units.tsv` (or a guessed counted noun). The name is
/// borrowed from the lexicon entry or the text: most units read are never
/// emitted (a chain check, a list, a rejected number), so the `String` is
/// made only when a fact is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct UnitInfo<'a> {
    pub(super) kind: NumberKind,
    pub(super) unit: &'a str,
}

impl UnitInfo<'_> {
    pub(super) fn parse(columns: &[String]) -> UnitInfo<'_> {
        let kind = match columns.get(1).map(String::as_str) {
            Some("count") => NumberKind::Count,
            Some("money") => NumberKind::Money,
            Some("measure") => NumberKind::Measure,
            Some("percent") => NumberKind::Percent,
            _ => NumberKind::Other,
        };
        let unit = columns.get(2).or(columns.first()).map_or("", String::as_str);
        UnitInfo { kind, unit }
    }
}

/// A Thai number word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Word {
    /// A digit word (หนึ่ง … เก้า, ยี่, เอ็ด) and its value.
    Digit(f64),
    /// A scale word (สิบ … ล้าน) and its value.
    Scale(f64),
    /// ครึ่ง: one half, after a unit.
    Half,
    /// จุด between number words: a decimal point (`สามจุดห้า`). Not a
    /// row of `number_words.tsv`: จุด is also a unit (`3 จุด`), and is read
    /// as a point only between number words.
    Point,
}

impl Word {
    pub(super) fn parse(columns: &[String]) -> Option<Word> {
        let value: f64 = columns.get(2)?.parse().ok()?;
        match columns.get(1)?.as_str() {
            "digit" => Some(Word::Digit(value)),
            "scale" => Some(Word::Scale(value)),
            "half" => Some(Word::Half),
            _ => None,
        }
    }
}

/// The shipped number lexicons, compiled once: the fallbacks for phrases
/// the shared scan reports under another category (`นาย` is a title and a
/// unit), and the anchored matchers used right after a number.
pub(super) struct Tables {
    /// `units.tsv`, for the longest unit at a position.
    pub(super) units: Trie,
    /// `units.tsv`'s entries by trie ID, read with [`UnitInfo::parse`].
    pub(super) unit_entries: &'static [Entry],
    /// `not_units.txt`, for a phrase at a position.
    pub(super) not_units: Trie,
    /// `number_context.tsv` by phrase.
    pub(super) context: HashMap<String, Role>,
    /// `number_words.tsv` by phrase.
    pub(super) words: HashMap<String, Word>,
    /// Phrases that join range ends, rank and field, or follow as qualifiers.
    pub(super) to: Vec<String>,
    pub(super) of: Vec<String>,
    pub(super) after_qualifiers: Vec<String>,
    /// The first character of each of `after_qualifiers`.
    pub(super) after_qualifier_firsts: Vec<char>,
}

pub(super) static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    // Parsed and checked once, by the registry (every role, kind and value
    // known: the parsers below drop nothing).
    let units = registry::entries("units.tsv");
    let not_units = registry::entries("not_units.txt");
    let context = registry::entries("number_context.tsv");
    let words = registry::entries("number_words.tsv");
    let context: HashMap<String, Role> =
        context.iter().filter_map(|e| Some((e.phrase().to_string(), Role::parse(&e.columns)?))).collect();
    let pick = |want: &dyn Fn(&Role) -> bool| -> Vec<String> {
        let mut v: Vec<String> = context.iter().filter(|(_, r)| want(r)).map(|(p, _)| p.clone()).collect();
        // Longest first, so that a prefix check finds the longest phrase.
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    };
    let to = pick(&|r| *r == Role::To);
    let of = pick(&|r| *r == Role::Of);
    let after_qualifiers = pick(&|r| *r == Role::Qualifier { after: true });
    let mut after_qualifier_firsts: Vec<char> = after_qualifiers.iter().filter_map(|q| q.chars().next()).collect();
    after_qualifier_firsts.sort_unstable();
    after_qualifier_firsts.dedup();
    Tables {
        units: Trie::of_phrases(units.iter().map(Entry::phrase)),
        unit_entries: units,
        not_units: Trie::of_phrases(not_units.iter().map(Entry::phrase)),
        words: words.iter().filter_map(|e| Some((e.phrase().to_string(), Word::parse(&e.columns)?))).collect(),
        context,
        to,
        of,
        after_qualifiers,
        after_qualifier_firsts,
    }
});
