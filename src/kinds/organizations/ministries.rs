//! A ministry named by its stem after a minister's or permanent
//! secretary's title (`รมว.คลัง`, `รมช. คมนาคม`, `ปลัดเกษตรฯ`) or after the
//! abbreviated head `ก.` (`ก.แรงงาน`). The stem alone is a common word
//! (คลัง, พาณิชย์, แรงงาน), so it counts only there. The people kind reads
//! the title and the stem as a position; the stem is also a mention of the
//! ministry.

use super::{RawOrg, ORG_WORDS};
use crate::facts::OrgKind;
use crate::kinds::Doc;
use crate::lexicon::Category;
use crate::thai::{cluster_ends, is_thai_letter};

/// Where a ministry's stem may start: after a minister's title (role
/// `minister_title` of org_words.tsv: a
/// position hit that starts with it), or after `ก.` standing alone. Found
/// from the scan's hits and the text's dots, not by searching the text for
/// each title (a Thai substring search costs about 20 instructions a byte).
/// Each start comes with where the mention starts: at the stem after a
/// title (the title is a position, no part of the body's name), at `ก.`
/// itself (the abbreviated head is part of the name: `ก.แรงงาน`).
fn stem_starts(doc: &Doc<'_>) -> Vec<(usize, Option<usize>)> {
    let text = doc.text();
    let mut starts: Vec<(usize, Option<usize>)> = doc
        .scan
        .hits
        .iter()
        .filter(|h| h.category == Category::Position)
        .filter_map(|h| {
            let title = ORG_WORDS.minister_titles.iter().find(|t| text[h.start..].starts_with(t.as_str()))?;
            Some((h.start + title.len(), None))
        })
        .collect();
    // One `memchr` pass (`match_indices` searched a word at a time, 1.4
    // instructions a byte).
    for i in memchr::memchr_iter(b'.', text.as_bytes()) {
        let Some(head) = text[..i].strip_suffix('ก') else { continue };
        // `ก.` must stand alone: not the end of another abbreviation (ผกก.).
        if !head.chars().next_back().is_some_and(|c| is_thai_letter(c) || c == '.') {
            starts.push((i + 1, Some(i + 1 - "ก.".len())));
        }
    }
    starts.sort_unstable();
    starts
}

/// Ministries named by their stem after a title or `ก.`, in text order.
pub(super) fn ministry_stems(doc: &Doc<'_>) -> Vec<RawOrg> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut stems: Option<Vec<(&str, &str)>> = None;
    for (mut at, head) in stem_starts(doc) {
        if text[at..].starts_with(' ') {
            at += 1;
        }
        if !text[at..].starts_with(|c: char| is_thai_letter(c)) {
            continue;
        }
        // The stems of the known ministries (กระทรวงการคลัง → การคลัง, คลัง),
        // built once per document that has a title.
        let stems = stems.get_or_insert_with(|| {
            doc.lexicons
                .entries(Category::OrgName)
                .iter()
                .filter(|e| e.columns[2] == "ministry")
                .filter_map(|e| e.phrase().strip_prefix("กระทรวง").map(|s| (s, e.columns[1].as_str())))
                .flat_map(|(s, full)| [(s, full), (s.strip_prefix("การ").unwrap_or(s), full)])
                .collect()
        });
        if let Some((end, full)) = stem_at(text, at, stems) {
            out.push(RawOrg {
                span: head.unwrap_or(at)..end,
                name: text[head.unwrap_or(at)..end].to_string(),
                full: Some(full.to_string()),
                abbreviation: None,
                via: Some(text[at..end].to_string()),
                kind: OrgKind::Ministry,
            });
        }
    }
    out.sort_by_key(|o| o.span.start);
    out.dedup_by_key(|o| o.span.start);
    out
}

/// The longest stem at `at`, whole (`คมนาคม`) or cut short by `ฯ`
/// (`เกษตรฯ` for เกษตรและสหกรณ์), with the ministry's full name.
fn stem_at<'a>(text: &str, at: usize, stems: &[(&str, &'a str)]) -> Option<(usize, &'a str)> {
    let rest = &text[at..];
    // A `ฯ` within a stem's length (searched in a short window: linear cost).
    let short = rest.char_indices().take(24).find(|&(_, c)| c == 'ฯ').map(|(p, _)| p);
    let mut best: Option<(usize, &str)> = None;
    for &(stem, full) in stems {
        let end = if rest.starts_with(stem) {
            at + stem.len()
        } else if let Some(p) = short.filter(|&p| p >= 6 && p < stem.len() && stem.starts_with(&rest[..p])) {
            at + p + 'ฯ'.len_utf8()
        } else {
            continue;
        };
        if cluster_ends(text, end) && best.is_none_or(|(e, _)| end > e) {
            best = Some((end, full));
        }
    }
    best
}
