//! Linking: ties raw facts together and maps spans back to the input.
//!
//! Fourth stage of the pipeline (normalize → scan → extract → **link** →
//! facts). It takes every extractor's raw facts, in normalized-text
//! coordinates, and returns [`ArticleFacts`] with spans in the original
//! input: mentions of one person grouped into one [`Person`], abbreviations
//! linked to the organization they stand for, mentions of a place grouped.
//! This is the one module where facts refer to other facts.

use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

use crate::facts::{ArticleFacts, DateFact, Mention, NumberFact, OrgKind, Organization, Person, Place};
use crate::kinds::organizations::RawOrg;
use crate::kinds::people::RawPerson;
use crate::kinds::places::RawPlace;
use crate::kinds::RawFacts;
use crate::matcher::doc::CharSlots;
use crate::normalize::Normalized;

/// Maps normalized spans back to `input`.
struct Spans<'a> {
    input: &'a str,
    norm: &'a Normalized,
    /// The normalized text's character slots.
    chars: &'a CharSlots,
}

impl Spans<'_> {
    fn mention(&self, span: &Range<usize>) -> Mention {
        let r = self.norm.to_original(span.clone());
        Mention { start: r.start, end: r.end, text: self.input[r].to_string() }
    }
}

/// Links `raw` into the output contract, with spans in `input`.
pub(crate) fn link(raw: RawFacts, norm: &Normalized, chars: &CharSlots, input: &str) -> ArticleFacts {
    let spans = Spans { input, norm, chars };
    ArticleFacts {
        people: link_people(raw.people, &spans),
        organizations: link_organizations(raw.organizations, &spans),
        places: link_places(raw.places, &spans),
        dates: raw
            .dates
            .into_iter()
            .map(|d| {
                let m = spans.mention(&d.span);
                DateFact {
                    text: m.text,
                    start: m.start,
                    end: m.end,
                    value: d.value,
                    end_value: d.end_value,
                    precision: d.precision,
                    era: d.era,
                    time: d.time,
                    weekday_mismatch: d.weekday_mismatch,
                    month: d.month,
                    day: d.day,
                    offset: d.offset,
                    anchor: d.anchor,
                }
            })
            .collect(),
        numbers: raw
            .numbers
            .into_iter()
            .map(|n| {
                let m = spans.mention(&n.span);
                NumberFact {
                    text: m.text,
                    start: m.start,
                    end: m.end,
                    value: n.value,
                    end_value: n.end_value,
                    of: n.of,
                    unit: n.unit,
                    per: n.per,
                    kind: n.kind,
                    qualifier: n.qualifier,
                }
            })
            .collect(),
        ..ArticleFacts::default()
    }
}

/// One person per person: a mention with a family name starts or joins the
/// person of that full name. A mention by given name alone (`นายธนพล
/// กล่าวว่า`) joins the person with that given name whose full-name mention
/// comes last before it (so two people sharing a given name stay two, and a
/// short mention goes to the one the text was just talking about), else the
/// first one after it; with no such person it is a person of its own.
fn link_people(raw: Vec<RawPerson>, spans: &Spans<'_>) -> Vec<Person> {
    let mut name_spans: Vec<Range<usize>> = raw.iter().map(|p| p.span.clone()).collect();
    name_spans.sort_by_key(|r| r.start);
    // Presized (here and in the other kinds' linking): at most one person,
    // key or pending mention a mention; growing them by doubling from
    // nothing, with their large elements, cost a realloc and a copy each time.
    let mut people: Vec<Person> = Vec::with_capacity(raw.len());
    let mut by_full: HashMap<String, usize> = HashMap::with_capacity(raw.len());
    // Given name → (start of a full-name mention, person), in text order.
    let mut by_given: HashMap<String, Vec<(usize, usize)>> = HashMap::with_capacity(raw.len());
    // Mentions by given name alone are resolved after every full name is known.
    let mut pending: Vec<RawPerson> = Vec::with_capacity(raw.len());
    for p in raw {
        let Some(family) = &p.family else {
            pending.push(p);
            continue;
        };
        let full = format!("{} {}", p.given, family);
        // Look up before inserting: the key is cloned only for a new person.
        let i = match by_full.get(&full) {
            Some(&i) => i,
            None => {
                people.push(new_person(full.clone()));
                by_full.insert(full, people.len() - 1);
                people.len() - 1
            }
        };
        match by_given.get_mut(&p.given) {
            Some(list) => list.push((p.span.start, i)),
            None => {
                by_given.insert(p.given.clone(), vec![(p.span.start, i)]);
            }
        }
        absorb(&mut people[i], p, spans);
    }
    for p in pending {
        let i = match by_given.get(&p.given) {
            Some(list) => {
                // `list` is in text order: the last full mention before this one, else the first.
                let k = list.partition_point(|&(start, _)| start < p.span.start);
                list[k.saturating_sub(1)].1
            }
            None => *by_full.entry(p.given.clone()).or_insert_with(|| {
                people.push(new_person(p.given.clone()));
                people.len() - 1
            }),
        };
        absorb(&mut people[i], p, spans);
    }
    mention_by_position(&mut people, &name_spans, spans);
    for person in &mut people {
        person.mentions.sort();
        person.mentions.dedup();
        person.statements.sort();
    }
    people.sort_by(|a, b| a.mentions.first().cmp(&b.mentions.first()));
    people
}

/// A position written on its own (`ผู้ว่าราชการจังหวัดขอนแก่น กล่าวว่า`, no
/// name next to it) is a mention of the one person who holds it in this
/// article. It must stand as a phrase of its own (a space, punctuation or
/// the line's edge on both sides) and must not be the apposition of a name
/// (right after or right before a name mention). A position that two people
/// hold is ambiguous and mentions nobody.
fn mention_by_position(people: &mut [Person], name_spans: &[Range<usize>], spans: &Spans<'_>) {
    let mut holder: HashMap<&str, Option<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for pos in &p.positions {
            // Short positions (โฆษก, ประธาน) name a role, not one person.
            if pos.chars().count() < 8 {
                continue;
            }
            holder.entry(pos.as_str()).and_modify(|h| *h = h.filter(|&j| j == i)).or_insert(Some(i));
        }
    }
    let owned: Vec<(String, usize)> =
        holder.into_iter().filter_map(|(pos, h)| h.map(|i| (pos.to_string(), i))).collect();
    if owned.is_empty() {
        return;
    }
    let patterns: Vec<&str> = owned.iter().map(|(p, _)| p.as_str()).collect();
    let text = spans.norm.text();
    let free = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '.'));
    for m in crate::kinds::shared::few::find_few(&patterns, text, spans.chars) {
        let (s, e) = (m.start, m.end);
        if !free(text[..s].chars().next_back()) || !free(text[e..].chars().next()) {
            continue;
        }
        // Apposition: a name mention ends just before, or starts just after.
        let i = name_spans.partition_point(|r| r.start < s);
        let near_before = i > 0 && name_spans[i - 1].end + 2 >= s && name_spans[i - 1].end <= s;
        let near_after = name_spans.get(i).is_some_and(|r| r.start <= e + 2 && r.start >= e);
        if near_before || near_after {
            continue;
        }
        let person = owned[m.pattern].1;
        people[person].mentions.push(spans.mention(&(s..e)));
    }
}

fn new_person(name: String) -> Person {
    Person { name, title: None, positions: Vec::new(), mentions: Vec::new(), statements: Vec::new() }
}

fn absorb(person: &mut Person, p: RawPerson, spans: &Spans<'_>) {
    if person.title.is_none() {
        person.title = p.title;
    }
    for pos in p.positions {
        if !person.positions.contains(&pos) {
            person.positions.push(pos);
        }
    }
    person.mentions.push(spans.mention(&p.span));
    if let Some(s) = &p.statement {
        person.statements.push(spans.mention(s));
    }
}

/// The key mentions of one organization share: the name without spaces and
/// without an abbreviation in brackets; for a company also without บริษัท,
/// บมจ., จำกัด and (มหาชน), so `บริษัท ทีโอที จำกัด (มหาชน)` and `บมจ.ทีโอที`
/// are one.
///
/// The brackets and spaces are ASCII, so the name is copied a run of
/// other characters at a time rather than one `char` at a time, read eight
/// bytes at a time where none is ASCII, and the company words are cut from
/// the key in place.
fn org_key(name: &str, kind: OrgKind) -> String {
    let mut key = String::with_capacity(name.len());
    let mut depth = 0usize;
    // Where the run of other characters being read starts.
    let mut from = 0;
    let b = name.as_bytes();
    let mut at = 0;
    while at < b.len() {
        // Eight bytes none of which is ASCII (Thai) hold no separator.
        const HIGH: u64 = 0x8080_8080_8080_8080;
        if b[at..].first_chunk::<8>().is_some_and(|w| u64::from_le_bytes(*w) & HIGH == HIGH) {
            at += 8;
            continue;
        }
        // ASCII bytes are whole characters, so every cut is a char boundary.
        let sep = b[at];
        if matches!(sep, b'(' | b')' | b' ') {
            if depth == 0 {
                key.push_str(&name[from..at]);
            }
            match sep {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            from = at + 1;
        }
        at += 1;
    }
    if depth == 0 {
        key.push_str(&name[from..]);
    }
    if kind == OrgKind::Company {
        for head in ["บริษัท", "บมจ."] {
            if key.starts_with(head) {
                key.replace_range(..head.len(), "");
            }
        }
        if let Some(rest) = key.strip_suffix("จำกัด") {
            key.truncate(rest.len());
        }
    }
    key
}

/// How many of the latest organizations a short form is compared with.
const RECENT: usize = 64;

/// One organization per organization: mentions with the same full name (or
/// the same key, see [`org_key`]), an abbreviation defined for or known to
/// stand for that name, or a short form ending in ฯ (`กรมฯ`, `กระทรวงดิจิทัลฯ`)
/// of a name met earlier, are one. The name is the fullest form written: a
/// mention written in full wins over an abbreviation.
fn link_organizations(raw: Vec<RawOrg>, spans: &Spans<'_>) -> Vec<Organization> {
    let mut orgs: Vec<Organization> = Vec::with_capacity(raw.len());
    // Whether the organization's name was written in full (not abbreviated).
    let mut written_full: Vec<bool> = Vec::with_capacity(raw.len());
    // Any form (key, name as written, abbreviation) → organization index.
    let mut by_form: HashMap<String, usize> = HashMap::with_capacity(2 * raw.len());
    // Abbreviations the text defines in brackets win over the lexicon's full
    // names: `คณะกรรมการกำกับ… (คปภ.)` makes every `คปภ.` that body.
    let defined: HashMap<String, String> = raw
        .iter()
        .filter_map(|o| Some((o.abbreviation.clone()?, org_key(o.full.as_deref().unwrap_or(&o.name), o.kind))))
        .collect();
    let mut keys: Vec<String> = Vec::with_capacity(raw.len());
    for o in raw {
        let key = o
            .via
            .as_ref()
            .or(Some(&o.name))
            .and_then(|v| defined.get(v))
            .cloned()
            .unwrap_or_else(|| org_key(o.full.as_deref().unwrap_or(&o.name), o.kind));
        let short = o.name.strip_suffix('ฯ').filter(|s| !s.is_empty());
        // Only the latest organizations are searched by prefix, so the cost
        // stays linear in the number of mentions.
        let recent = orgs.len().saturating_sub(RECENT)..orgs.len();
        let named = by_form.get(&o.name).copied();
        let found = named
            .or_else(|| by_form.get(&key).copied())
            .or_else(|| {
                // A short form ending in ฯ: the latest organization whose name starts with it.
                let stem = org_key(short?, o.kind);
                recent.clone().rev().find(|&i| keys[i].starts_with(&stem))
            })
            .or_else(|| {
                // A full name met after its short form ending in ฯ (กระทรวงดิจิทัลฯ).
                recent.clone().rev().find(|&i| {
                    orgs[i].name.ends_with('ฯ') && !written_full[i] && key.starts_with(keys[i].trim_end_matches('ฯ'))
                })
            })
            .or_else(|| {
                // A company's short name (บมจ.กสท) and its full name (บริษัท กสท โทรคมนาคม จำกัด (มหาชน)).
                (o.kind == OrgKind::Company && key.len() >= 6).then_some(())?;
                recent.clone().rev().find(|&i| {
                    orgs[i].kind == OrgKind::Company && (keys[i].starts_with(&key) || key.starts_with(&keys[i]))
                })
            });
        let full_form = o.full.is_none() && short.is_none();
        let i = match found {
            Some(i) => i,
            None => {
                orgs.push(Organization {
                    name: o.name.clone(),
                    abbreviations: Vec::new(),
                    kind: o.kind,
                    mentions: Vec::new(),
                });
                written_full.push(full_form);
                keys.push(key.clone());
                orgs.len() - 1
            }
        };
        by_form.entry(key).or_insert(i);
        // Most mentions repeat a known name: clone it only when it is new.
        if named.is_none() && !by_form.contains_key(&o.name) {
            by_form.insert(o.name.clone(), i);
        }
        let org = &mut orgs[i];
        // The fullest written form names the organization.
        if full_form && !written_full[i] {
            let old = std::mem::replace(&mut org.name, o.name.clone());
            if !org.abbreviations.contains(&old) {
                org.abbreviations.push(old);
            }
            written_full[i] = true;
        }
        let mut forms = Vec::new();
        if o.name != org.name {
            forms.push(o.name.clone());
        }
        if let Some(a) = &o.abbreviation {
            forms.push(a.clone());
        }
        for f in forms {
            if !org.abbreviations.contains(&f) {
                org.abbreviations.push(f.clone());
            }
            by_form.entry(f).or_insert(i);
        }
        org.abbreviations.retain(|a| *a != org.name);
        org.mentions.push(spans.mention(&o.span));
    }
    for org in &mut orgs {
        org.mentions.sort();
    }
    orgs
}

/// Mentions of the same place (by its canonical name: กรุงเทพฯ and
/// กรุงเทพมหานคร are one) are one place. The name is the canonical name when
/// the text writes it, else the first bare name written.
fn link_places(raw: Vec<RawPlace>, spans: &Spans<'_>) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::with_capacity(raw.len());
    let mut by_key: HashMap<String, usize> = HashMap::with_capacity(raw.len());
    for p in raw {
        let mention = spans.mention(&p.span);
        // `p` is owned: its key and name move into the maps, not copies.
        let i = match by_key.get(&p.key) {
            Some(&i) => {
                if p.name == p.key {
                    places[i].name = p.name;
                }
                i
            }
            None => {
                by_key.insert(p.key, places.len());
                places.push(Place { name: p.name, kind: p.kind, mentions: Vec::new() });
                places.len() - 1
            }
        };
        places[i].mentions.push(mention);
    }
    for place in &mut places {
        place.mentions.sort();
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`org_key`] as first written, a `char` at a time: the reference.
    fn org_key_by_char(name: &str, kind: OrgKind) -> String {
        let mut key = String::new();
        let mut depth = 0usize;
        for c in name.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ' ' => {}
                _ if depth == 0 => key.push(c),
                _ => {}
            }
        }
        if kind == OrgKind::Company {
            for head in ["บริษัท", "บมจ."] {
                if let Some(rest) = key.strip_prefix(head) {
                    key = rest.to_string();
                }
            }
            if let Some(rest) = key.strip_suffix("จำกัด") {
                key = rest.to_string();
            }
        }
        key
    }

    #[test]
    fn org_key_matches_the_char_by_char_reference() {
        let names = [
            "",
            " ",
            "()",
            ")(",
            "บริษัท ทีโอที จำกัด (มหาชน)",
            "บมจ.ทีโอที",
            "บริษัทบมจ.ก จำกัด",
            "บริษัท",
            "จำกัด",
            "กรม (ก (ข) ค) ง",
            "ก))ข((ค)ง",
            "  สำนักงาน  (สกพ.)ตำรวจ ",
            "คณะกรรมการกำกับและส่งเสริมการประกอบธุรกิจประกันภัย (คปภ.)",
        ];
        for name in names {
            for kind in [OrgKind::Company, OrgKind::Agency] {
                assert_eq!(org_key(name, kind), org_key_by_char(name, kind), "{name:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn org_key_agrees_with_the_char_by_char_reference(name in "[กขบมจ.ำัดทษิ() aé]{0,40}") {
            for kind in [OrgKind::Company, OrgKind::Agency] {
                proptest::prop_assert_eq!(org_key(&name, kind), org_key_by_char(&name, kind));
            }
        }
    }
}
