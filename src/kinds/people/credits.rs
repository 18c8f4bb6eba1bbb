//! Writers and photographers credited at the end of an article.

use super::reader::Reader;
use super::text::*;
use super::words::Class;
use super::{RawPerson, Span};
use crate::thai::is_thai_letter;

/// Writers and photographers credited by a label (`Written by ชื่อ สกุล,
/// ชื่อ สกุล`, `ชื่อ สกุล – ข่าว/`).
pub(super) fn credits(r: &Reader<'_>) -> Vec<RawPerson> {
    let text = r.text;
    let mut out = Vec::new();
    for m in r.credits {
        match r.words.credit_classes[m.id as usize] {
            Class::CreditBefore => {
                let line_end = text[m.end..].find('\n').map_or(text.len(), |k| m.end + k);
                let mut i = m.end;
                loop {
                    let rest = &text[i..line_end];
                    let skip = rest.len() - rest.trim_start_matches([' ', ':']).len();
                    i += skip;
                    let Some((span, given, family)) = two_word_name(text, i, line_end) else { break };
                    out.push(credited(span.clone(), given, family, text));
                    i = span.end;
                    let rest = &text[i..line_end];
                    if let Some(r2) = rest.strip_prefix(',').or_else(|| rest.strip_prefix(" และ")) {
                        i = line_end - r2.len();
                    } else {
                        break;
                    }
                }
            }
            Class::CreditAfter => {
                // The label must close its line.
                let after = &text[m.end..];
                if !(after.is_empty() || after.starts_with('\n')) {
                    continue;
                }
                let before = text[..m.start].trim_end_matches(' ');
                let Some(before) = before.strip_suffix(['–', '-', '—']) else { continue };
                let before = before.trim_end_matches(' ');
                let line_start = before.rfind('\n').map_or(0, |k| k + 1);
                if let Some((span, given, family)) = two_word_name(text, line_start, before.len()) {
                    if span.end == before.len() {
                        out.push(credited(span, given, family, text));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

pub(super) fn credited(span: Span, given: Span, family: Span, text: &str) -> RawPerson {
    RawPerson {
        span,
        title: None,
        given: text[given].to_string(),
        family: Some(text[family].to_string()),
        positions: Vec::new(),
        statement: None,
    }
}

/// Two Thai words `ชื่อ สกุล` from `i`, ending by `limit`.
pub(super) fn two_word_name(text: &str, i: usize, limit: usize) -> Option<(Span, Span, Span)> {
    let word = |a: usize| -> Option<Span> {
        let e = word_end(text, a).min(limit);
        let w = &text[a..e];
        (char_count(w) >= 2 && w.chars().all(is_thai_letter) && !starts_with_mark(w)).then_some(a..e)
    };
    let g = word(i)?;
    if !text[g.end..limit].starts_with(' ') {
        return None;
    }
    let f = word(g.end + 1)?;
    Some((i..f.end, g, f))
}
