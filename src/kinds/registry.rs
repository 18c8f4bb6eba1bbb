//! Every shipped lexicon file, registered once: its name, its text, its
//! column count, whether it joins the shared scan, and the check of its value
//! columns.
//!
//! Each file is parsed once ([`entries`]), with the format checks of
//! [`lexicon::parse`] and the value checks registered here, and every kind
//! builds its tables from those entries; no kind reads a file itself. A
//! value outside a column's vocabulary (a unit kind, a place kind, a role,
//! `any`/`list`/`prefix`) is an error naming the file, line and column, never
//! a silent default. An extra file given to the builder for a scanned
//! category gets the same check as the shipped file of that category
//! ([`check_for`]).
//!
//! Adding a file is one row of [`FILES`] (and one of `LICENSES.md`).

use std::sync::LazyLock;

use crate::error::LexiconError;
use crate::lexicon::{self, int_column, value_error, Category, Entry};

/// Checks the value columns of one entry of `file`.
pub(crate) type Check = fn(file: &str, e: &Entry) -> Result<(), LexiconError>;

/// One shipped lexicon file.
pub(crate) struct LexiconFile {
    /// The file's name, as errors and [`entries`] name it.
    pub name: &'static str,
    pub text: &'static str,
    pub columns: usize,
    /// The category under which the file joins the shared scan, if it does.
    pub scan: Option<Category>,
    pub check: Check,
}

const fn file(name: &'static str, text: &'static str, columns: usize, check: Check) -> LexiconFile {
    LexiconFile { name, text, columns, scan: None, check }
}

const fn scanned(category: Category, name: &'static str, text: &'static str, check: Check) -> LexiconFile {
    LexiconFile { name, text, columns: category.columns(), scan: Some(category), check }
}

/// Every shipped lexicon file. The scanned files join the shared scan in
/// this order (a phrase repeated in a later file of the same category
/// loses); `date_words.tsv` and `people_words.tsv` have no value check here
/// because their kinds' loaders reject every unknown role themselves (the
/// test `every_shipped_file_loads` runs them).
pub(crate) const FILES: &[LexiconFile] = &[
    scanned(Category::Title, "titles.txt", include_str!("people/titles.txt"), none),
    scanned(Category::Month, "months.tsv", include_str!("dates/months.tsv"), month),
    scanned(Category::OrgHead, "org_heads.tsv", include_str!("organizations/org_heads.tsv"), org_head),
    scanned(Category::OrgName, "org_abbreviations.tsv", include_str!("organizations/org_abbreviations.tsv"), org_name),
    scanned(
        Category::OrgName,
        "org_abbreviations_khamyo.tsv",
        include_str!("organizations/org_abbreviations_khamyo.tsv"),
        org_name,
    ),
    scanned(Category::OrgName, "org_known.tsv", include_str!("organizations/org_known.tsv"), org_name),
    scanned(Category::VenueHead, "venue_heads.tsv", include_str!("places/venue_heads.tsv"), venue_head),
    scanned(Category::Position, "positions.txt", include_str!("people/positions.txt"), none),
    scanned(Category::NumberWord, "number_words.tsv", include_str!("numbers/number_words.tsv"), number_word),
    scanned(Category::Unit, "units.tsv", include_str!("numbers/units.tsv"), unit),
    scanned(Category::NumberContext, "number_context.tsv", include_str!("numbers/number_context.tsv"), number_context),
    scanned(Category::Weekday, "weekdays.tsv", include_str!("dates/weekdays.tsv"), weekday),
    scanned(Category::RelativeDate, "relative_dates.tsv", include_str!("dates/relative_dates.tsv"), relative_date),
    // The gazetteer: the shared scan gets its names as a phrase list.
    file("provinces.tsv", include_str!("places/provinces.tsv"), 4, place),
    file("districts.tsv", include_str!("places/districts.tsv"), 4, place),
    file("countries.tsv", include_str!("places/countries.tsv"), 4, place),
    file("place_words.tsv", include_str!("places/place_words.tsv"), 4, place),
    file("name_stops.tsv", include_str!("shared/name_stops.tsv"), 2, name_stop),
    file("place_prefixes.tsv", include_str!("shared/place_prefixes.tsv"), 2, place_prefix),
    file("not_units.txt", include_str!("numbers/not_units.txt"), 1, none),
    file("verbs_th.txt", include_str!("shared/verbs_th.txt"), 1, none),
    file("org_words.tsv", include_str!("organizations/org_words.tsv"), 2, org_word),
    file("place_cues.tsv", include_str!("places/place_cues.tsv"), 2, place_cue),
    file("place_heads.tsv", include_str!("places/place_heads.tsv"), 2, place_head),
    file("date_words.tsv", include_str!("dates/date_words.tsv"), 3, none),
    file("people_words.tsv", include_str!("people/people_words.tsv"), 2, none),
    file("given_names.txt", include_str!("people/given_names.txt"), 1, none),
    file("family_names.txt", include_str!("people/family_names.txt"), 1, none),
];

/// Every file of [`FILES`], parsed and checked, in the same order.
static PARSED: LazyLock<Vec<Vec<Entry>>> = LazyLock::new(|| {
    // Safe: the test `every_shipped_file_loads` proves the shipped files parse.
    FILES
        .iter()
        .map(|f| {
            let entries = lexicon::parse_shipped(f.name, f.text, f.columns).unwrap_or_else(|e| panic!("{e}"));
            entries.iter().try_for_each(|e| (f.check)(f.name, e)).unwrap_or_else(|e| panic!("{e}"));
            entries
        })
        .collect()
});

/// Parses `text` as a file of `columns` columns and checks every entry.
///
/// # Errors
///
/// The first [`LexiconError`] of [`lexicon::parse`] or of `check`.
pub(crate) fn load(file: &str, text: &str, columns: usize, check: Check) -> Result<Vec<Entry>, LexiconError> {
    let entries = lexicon::parse(file, text, columns)?;
    for e in &entries {
        check(file, e)?;
    }
    Ok(entries)
}

/// The entries of the shipped file `name`, parsed once.
///
/// # Panics
///
/// When no file of [`FILES`] has that name (a mistake in the code, which
/// every test that loads the kind's tables would show).
pub(crate) fn entries(name: &str) -> &'static [Entry] {
    let i = FILES.iter().position(|f| f.name == name).unwrap_or_else(|| panic!("no shipped lexicon named {name}"));
    &PARSED[i]
}

/// The check of an extra file of `category`: that of the shipped files of
/// the category (the gazetteer's for [`Category::Place`]).
pub(crate) fn check_for(category: Category) -> Check {
    if category == Category::Place {
        return place;
    }
    FILES.iter().find(|f| f.scan == Some(category)).map_or(none, |f| f.check)
}

// ---------------------------------------------------------------------------
// The checks

fn none(_: &str, _: &Entry) -> Result<(), LexiconError> {
    Ok(())
}

/// Column `column` (1-based) of `e` is one of `allowed`.
fn one_of(file: &str, e: &Entry, column: usize, allowed: &[&str], expected: &'static str) -> Result<(), LexiconError> {
    if allowed.contains(&e.columns[column - 1].as_str()) {
        Ok(())
    } else {
        Err(value_error(file, e, column, expected))
    }
}

fn month(file: &str, e: &Entry) -> Result<(), LexiconError> {
    int_column(file, e, 2, 1..=12, "a month number from 1 to 12").map(drop)
}

fn weekday(file: &str, e: &Entry) -> Result<(), LexiconError> {
    int_column(file, e, 2, 1..=7, "an ISO weekday number from 1 (Monday) to 7 (Sunday)").map(drop)
}

fn relative_date(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(
        file,
        e,
        2,
        &["day", "week", "month", "year", "quarter", "half"],
        "one of day, week, month, year, quarter, half",
    )?;
    int_column(file, e, 3, -100..=100, "an offset from -100 to 100").map(drop)
}

/// An organization kind (`ministry`, `agency`, ...).
fn is_org_kind(s: &str) -> bool {
    super::organizations::org_kind(s).is_some()
}

fn org_head(file: &str, e: &Entry) -> Result<(), LexiconError> {
    let kind = e.columns[1].as_str();
    if !(is_org_kind(kind) || matches!(kind, "-" | "unit" | "unit-of")) {
        return Err(value_error(file, e, 2, "an organization kind (see org_heads.tsv), -, unit or unit-of"));
    }
    Ok(())
}

fn org_name(file: &str, e: &Entry) -> Result<(), LexiconError> {
    if !is_org_kind(&e.columns[2]) {
        return Err(value_error(file, e, 3, "an organization kind (ministry, agency, ... other)"));
    }
    Ok(())
}

fn venue_head(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(
        file,
        e,
        2,
        &["head", "name", "glued", "street", "village", "island", "water", "area", "-"],
        "one of head, name, glued, street, village, island, water, area, -",
    )
}

fn number_word(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(file, e, 2, &["digit", "scale", "half"], "one of digit, scale, half")?;
    match e.columns[2].parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(()),
        _ => Err(value_error(file, e, 3, "a finite number")),
    }
}

fn unit(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(file, e, 2, &["count", "measure", "money", "percent"], "one of count, measure, money, percent")
}

fn number_context(file: &str, e: &Entry) -> Result<(), LexiconError> {
    if super::numbers::context_role_is_known(&e.columns) {
        Ok(())
    } else {
        Err(value_error(file, e, 2, "a role of number_context.tsv (see its header)"))
    }
}

fn place(file: &str, e: &Entry) -> Result<(), LexiconError> {
    let kind = e.columns[2].as_str();
    if kind != "-" && super::shared::place_kind(kind).is_none() {
        return Err(value_error(file, e, 3, "a place kind (province, district, ... venue, village, street) or -"));
    }
    one_of(file, e, 4, &["any", "list", "prefix", "-"], "one of any, list, prefix, -")
}

fn org_word(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(
        file,
        e,
        2,
        &["strong_head", "trailing_join", "kor_word", "minister_title", "admin_unit", "faculty_end", "name_verb", "qualifier", "known_head"],
        "one of strong_head, trailing_join, kor_word, minister_title, admin_unit, faculty_end, name_verb, qualifier, known_head",
    )
}

fn place_head(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(
        file,
        e,
        2,
        &["community", "crossing", "city", "area", "municipal", "crossing_before", "counted_after"],
        "one of community, crossing, city, area, municipal, crossing_before, counted_after",
    )
}

fn place_cue(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(
        file,
        e,
        2,
        &[
            "nationality",
            "venue_address",
            "name_before_region",
            "village_number",
            "region_before",
            "feature_head",
            "region_bare",
        ],
        "one of nationality, venue_address, name_before_region, village_number, region_before, feature_head, \
         region_bare",
    )
}

fn name_stop(file: &str, e: &Entry) -> Result<(), LexiconError> {
    one_of(file, e, 2, &["end", "join", "keep"], "one of end, join, keep")
}

fn place_prefix(file: &str, e: &Entry) -> Result<(), LexiconError> {
    let kind = e.columns[1].as_str();
    if kind != "-" && super::shared::place_kind(kind).is_none() {
        return Err(value_error(file, e, 2, "a place kind (province, district, ... venue, village, street) or -"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_loads() {
        for f in FILES {
            load(f.name, f.text, f.columns, f.check).unwrap_or_else(|e| panic!("{e}"));
            assert!(!entries(f.name).is_empty(), "{} is empty", f.name);
        }
        let names: std::collections::HashSet<&str> = FILES.iter().map(|f| f.name).collect();
        assert_eq!(names.len(), FILES.len(), "a file registered twice");
    }

    #[test]
    fn a_value_outside_its_vocabulary_names_file_line_and_column() {
        let cases: &[(&str, usize, Check, &str)] = &[
            (
                "ก\tกก\tprovince\tsometimes\n",
                4,
                place,
                "column 4 is \"sometimes\", expected one of any, list, prefix, -",
            ),
            ("ก\tกก\thamlet\tany\n", 4, place, "column 3 is \"hamlet\", expected a place kind"),
            ("ก\tstop\n", 2, name_stop, "column 2 is \"stop\", expected one of end, join, keep"),
            ("ก\tcounty\n", 2, place_prefix, "column 2 is \"county\", expected a place kind"),
            ("ก\tweight\tกก\n", 3, unit, "column 2 is \"weight\", expected one of count, measure, money, percent"),
            ("ก\tdigit\tx\n", 3, number_word, "column 3 is \"x\", expected a finite number"),
            ("ก\tdigit\tinf\n", 3, number_word, "column 3 is \"inf\", expected a finite number"),
            ("ก\tcolour\t-\n", 3, number_context, "column 2 is \"colour\", expected a role of number_context.tsv"),
            ("ก\tกก\tguild\n", 3, org_name, "column 3 is \"guild\", expected an organization kind"),
            ("ก\tguild\t-\n", 3, org_head, "column 2 is \"guild\", expected an organization kind"),
            (
                "ก\tmaybe\n",
                2,
                venue_head,
                "column 2 is \"maybe\", expected one of head, name, glued, street, village, island, water, area, -",
            ),
        ];
        for (text, columns, check, want) in cases {
            let err = load("x.tsv", text, *columns, *check).unwrap_err().to_string();
            assert!(err.starts_with("x.tsv:1: ") && err.contains(want), "{text:?}: {err}");
        }
    }

    #[test]
    fn an_extra_file_gets_the_check_of_its_category() {
        let bad = [
            (Category::Unit, "ก\tweight\tกก\n"),
            (Category::Place, "ก\tกก\tprovince\tsometimes\n"),
            (Category::OrgName, "ก\tกก\tguild\n"),
        ];
        for (category, text) in bad {
            let err = crate::kinds::lexicons_with(&[(category, "x.tsv".into(), text.into())]).unwrap_err();
            assert!(err.to_string().starts_with("x.tsv:1: column"), "{category:?}: {err}");
        }
        assert!(crate::kinds::lexicons_with(&[(Category::Unit, "x.tsv".into(), "ก\tcount\tกก\n".into())]).is_ok());
    }
}
