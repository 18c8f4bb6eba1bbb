//! Scoring one article's facts against its expected facts, category by
//! category.

use super::*;

/// Scores one article's facts against what a reader expected.
///
/// # Example
///
/// ```
/// let expected: thaifacts::eval::Expected = serde_json::from_str(
///     r#"{"people": [{"name": "ธนพล ใจดี", "optional": true}]}"#,
/// ).unwrap();
/// let r = thaifacts::eval::score(&expected, &thaifacts::extract(""));
/// assert_eq!(r.counts["people"].fn_, 0); // optional: a miss does not count
/// ```
pub fn score(expected: &Expected, facts: &ArticleFacts) -> ArticleScore {
    let mut out = ArticleScore::default();
    for c in CATEGORIES {
        out.counts.insert(c.to_string(), Counts::default());
    }
    score_people(expected, facts, &mut out);
    let orgs: Vec<(String, Vec<String>)> =
        facts.organizations.iter().map(|o| (o.name.clone(), o.abbreviations.clone())).collect();
    score_named("organizations", &expected.organizations, &orgs, &mut out);
    let places: Vec<(String, Vec<String>)> = facts.places.iter().map(|p| (p.name.clone(), Vec::new())).collect();
    score_named("places", &expected.places, &places, &mut out);
    score_dates(expected, facts, &mut out);
    score_numbers(expected, facts, &mut out);
    out
}

fn bump(out: &mut ArticleScore, cat: &str, f: impl FnOnce(&mut Counts)) {
    f(out.counts.entry(cat.to_string()).or_default());
}

fn score_people(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut used = vec![false; expected.people.len()];
    for (fact, p) in facts.people.iter().enumerate() {
        let k = key(&p.name);
        let hit = expected.people.iter().enumerate().find(|(i, e)| !used[*i] && key(&e.name) == k).map(|(i, _)| i);
        let Some(i) = hit else {
            bump(out, "people", |c| c.fp += 1);
            out.spurious.push(("people".into(), p.name.clone()));
            out.spurious_facts.push(("people".into(), fact));
            for pos in &p.positions {
                bump(out, "positions", |c| c.fp += 1);
                out.spurious.push(("positions".into(), format!("{}: {pos}", p.name)));
            }
            continue;
        };
        used[i] = true;
        let e = &expected.people[i];
        if e.optional {
            continue;
        }
        bump(out, "people", |c| c.tp += 1);
        let want: HashSet<String> = e.positions.iter().map(|s| key(s)).collect();
        let got: HashSet<String> = p.positions.iter().map(|s| key(s)).collect();
        for pos in &e.positions {
            if got.contains(&key(pos)) {
                bump(out, "positions", |c| c.tp += 1);
            } else {
                bump(out, "positions", |c| c.fn_ += 1);
                out.misses.push(("positions".into(), format!("{}: {pos}", e.name)));
            }
        }
        for pos in &p.positions {
            if !want.contains(&key(pos)) {
                bump(out, "positions", |c| c.fp += 1);
                out.spurious.push(("positions".into(), format!("{}: {pos}", p.name)));
            }
        }
    }
    for (i, e) in expected.people.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, "people", |c| c.fn_ += 1);
            out.misses.push(("people".into(), e.name.clone()));
            for pos in &e.positions {
                bump(out, "positions", |c| c.fn_ += 1);
                out.misses.push(("positions".into(), format!("{}: {pos}", e.name)));
            }
        }
    }
}

fn score_named(cat: &str, expected: &[ExpectedNamed], got: &[(String, Vec<String>)], out: &mut ArticleScore) {
    let forms: Vec<HashSet<String>> =
        expected.iter().map(|e| std::iter::once(&e.name).chain(&e.aliases).map(|s| key(s)).collect()).collect();
    let mut used = vec![false; expected.len()];
    for (fact, (name, aliases)) in got.iter().enumerate() {
        let mine: Vec<String> = std::iter::once(name).chain(aliases).map(|s| key(s)).collect();
        let matching = |i: usize| mine.iter().any(|m| forms[i].contains(m));
        let free = (0..expected.len()).find(|&i| !used[i] && matching(i));
        match free {
            Some(i) => {
                used[i] = true;
                if !expected[i].optional {
                    bump(out, cat, |c| c.tp += 1);
                }
            }
            None => {
                // A second entry for an optional organization is harmless; for
                // a required one it is a linking failure.
                let dup_optional = (0..expected.len()).any(|i| matching(i) && expected[i].optional);
                if !dup_optional {
                    bump(out, cat, |c| c.fp += 1);
                    let shown =
                        if aliases.is_empty() { name.clone() } else { format!("{name} ({})", aliases.join(", ")) };
                    out.spurious.push((cat.to_string(), shown));
                    out.spurious_facts.push((cat.to_string(), fact));
                }
            }
        }
    }
    for (i, e) in expected.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, cat, |c| c.fn_ += 1);
            out.misses.push((cat.to_string(), e.name.clone()));
        }
    }
}

fn score_dates(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut seen = HashSet::new();
    let mut spurious_keys = HashSet::new();
    let mut used = vec![false; expected.dates.len()];
    // An unresolved mention (null value) claims no date: it is neither a
    // match for an expected date nor a wrong one.
    for (fact, d) in facts.dates.iter().enumerate().filter(|(_, d)| d.value.is_some()) {
        let k = (d.value.clone().unwrap_or_default(), d.end_value.clone());
        if !seen.insert(k.clone()) {
            if spurious_keys.contains(&k) {
                out.spurious_facts.push(("dates".into(), fact));
            }
            continue;
        }
        match expected.dates.iter().position(|e| (e.value.clone(), e.end_value.clone()) == k) {
            Some(i) => {
                used[i] = true;
                if !expected.dates[i].optional {
                    bump(out, "dates", |c| c.tp += 1);
                }
            }
            None => {
                bump(out, "dates", |c| c.fp += 1);
                let shown = match &d.end_value {
                    Some(e) => format!("{}..{} ({})", k.0, e, d.text),
                    None => format!("{} ({})", k.0, d.text),
                };
                out.spurious.push(("dates".into(), shown));
                out.spurious_facts.push(("dates".into(), fact));
                spurious_keys.insert(k);
            }
        }
    }
    for (i, e) in expected.dates.iter().enumerate() {
        // The same (value, end_value) listed twice in the expected file counts once.
        let first = expected.dates.iter().position(|x| x.value == e.value && x.end_value == e.end_value) == Some(i);
        if !used[i] && !e.optional && first && !used_same(&expected.dates, &used, e) {
            bump(out, "dates", |c| c.fn_ += 1);
            let shown = match &e.end_value {
                Some(end) => format!("{}..{end}", e.value),
                None => e.value.clone(),
            };
            out.misses.push(("dates".into(), shown));
        }
    }
}

fn used_same(dates: &[ExpectedDate], used: &[bool], e: &ExpectedDate) -> bool {
    dates.iter().zip(used).any(|(x, u)| *u && x.value == e.value && x.end_value == e.end_value)
}

/// What makes two found numbers the same: value, range end, rank field, unit.
type NumberKey = (f64, Option<f64>, Option<f64>, Option<String>);

fn score_numbers(expected: &Expected, facts: &ArticleFacts, out: &mut ArticleScore) {
    let mut used = vec![false; expected.numbers.len()];
    // Each distinct number once, with whether it counted as spurious.
    let mut seen: Vec<(NumberKey, bool)> = Vec::new();
    for (fact, n) in facts.numbers.iter().enumerate() {
        let unit = n.unit.as_deref().map(key);
        if let Some((_, spurious)) = seen.iter().find(|((v, e, o, u), _)| {
            same_number(*v, n.value) && same_opt(*e, n.end_value) && same_opt(*o, n.of) && *u == unit
        }) {
            if *spurious {
                out.spurious_facts.push(("numbers".into(), fact));
            }
            continue;
        }
        seen.push(((n.value, n.end_value, n.of, unit.clone()), false));
        let same_value = |e: &ExpectedNumber| {
            same_number(e.value, n.value) && same_opt(e.end_value, n.end_value) && same_opt(e.of, n.of)
        };
        let same_unit = |e: &ExpectedNumber| e.unit.as_deref().map(key) == unit;
        let pick = (0..expected.numbers.len())
            .find(|&i| !used[i] && same_value(&expected.numbers[i]) && same_unit(&expected.numbers[i]))
            .or_else(|| (0..expected.numbers.len()).find(|&i| !used[i] && same_value(&expected.numbers[i])));
        match pick {
            Some(i) => {
                used[i] = true;
                let e = &expected.numbers[i];
                if !e.optional {
                    bump(out, "numbers", |c| c.tp += 1);
                    out.units_total += 1;
                    if same_unit(e) {
                        out.units_matched += 1;
                    }
                }
            }
            None => {
                let optional_twin = expected.numbers.iter().any(|e| e.optional && same_value(e));
                if !optional_twin {
                    bump(out, "numbers", |c| c.fp += 1);
                    out.spurious_facts.push(("numbers".into(), fact));
                    if let Some(last) = seen.last_mut() {
                        last.1 = true;
                    }
                    out.spurious
                        .push(("numbers".into(), describe(n.value, n.end_value, n.of, n.unit.as_deref(), &n.text)));
                }
            }
        }
    }
    for (i, e) in expected.numbers.iter().enumerate() {
        if !used[i] && !e.optional {
            bump(out, "numbers", |c| c.fn_ += 1);
            out.misses.push(("numbers".into(), describe(e.value, e.end_value, e.of, e.unit.as_deref(), "")));
        }
    }
}

fn describe(v: f64, end: Option<f64>, of: Option<f64>, unit: Option<&str>, text: &str) -> String {
    let mut s = fmt_num(v);
    if let Some(e) = end {
        s.push_str(&format!("..{}", fmt_num(e)));
    }
    if let Some(o) = of {
        s.push_str(&format!(" of {}", fmt_num(o)));
    }
    if let Some(u) = unit {
        s.push(' ');
        s.push_str(u);
    }
    if !text.is_empty() {
        s.push_str(&format!(" ({text})"));
    }
    s
}
