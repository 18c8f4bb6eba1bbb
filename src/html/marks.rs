//! Escaping, and text with nested highlights: the two pieces every page of
//! [`crate::html`] is built from.
//!
//! # Overlapping spans
//!
//! Facts overlap: a place inside an organization's name (ขอนแก่น in
//! เทศบาลนครขอนแก่น), every mention inside a person's statement. HTML
//! elements can only nest, so spans are laid out as a tree:
//!
//! - a span inside another (or equal to it) becomes a `<mark>` inside the
//!   other's `<mark>`; of two equal spans the one of lower `rank` is outside;
//! - of two spans that cross (each starts inside the other), the one opened
//!   first stays whole and the other is **split**: it is closed where the
//!   first one ends and reopened right after it, as a second element with the
//!   same `data-m`. Only the first piece carries the `id` and `tabindex`, so a
//!   mention is one stop for the keyboard and one link target; the pieces'
//!   text, joined in document order, is the span's text.
//!
//! Empty spans, spans outside the text, reversed spans and spans that do not
//! fall on `char` boundaries are not drawn (facts read from JSON may belong to
//! another text): the renderer never panics.
//!
//! Cost: one sort of the spans, then one pass over the text. Closing a span
//! buried under others costs the depth of the stack, which is the number of
//! spans open at that point (a handful in news text), so the pass is linear
//! in the text and the number of spans.

use std::cmp::Reverse;

/// Appends `s` to `out` as HTML text: `&`, `<` and `>` become references,
/// and so do the two characters the HTML parser would otherwise change: a
/// carriage return (`&#13;`, which the parser would fold into a line feed)
/// and NUL (which the parser drops; it is shown as U+FFFD). Everything else is
/// copied as it is, so the page's text is the input's text.
///
/// # Example
///
/// ```
/// let mut out = String::new();
/// thaifacts::html::push_text(&mut out, "<script>\"&\"</script>");
/// assert_eq!(out, "&lt;script&gt;\"&amp;\"&lt;/script&gt;");
/// ```
pub fn push_text(out: &mut String, s: &str) {
    push_escaped(out, s, false);
}

/// Appends `s` to `out` escaped for a double- or single-quoted attribute
/// value: like [`push_text`], and `"` and `'` become references too.
///
/// # Example
///
/// ```
/// let mut out = String::new();
/// thaifacts::html::push_attr(&mut out, "a\"b'c");
/// assert_eq!(out, "a&quot;b&#39;c");
/// ```
pub fn push_attr(out: &mut String, s: &str) {
    push_escaped(out, s, true);
}

fn push_escaped(out: &mut String, s: &str, attr: bool) {
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\r' => "&#13;",
            b'\0' => "&#xFFFD;",
            b'"' if attr => "&quot;",
            b'\'' if attr => "&#39;",
            _ => continue,
        };
        // Every byte matched is ASCII, so `from..i` lies on char boundaries.
        out.push_str(&s[from..i]);
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

/// One highlight to draw over the text.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Of two marks with the same span, the lower rank is drawn outside.
    pub rank: u8,
    /// The attributes of the `<mark>` element, already escaped, each with a
    /// leading space (` class="k-date" data-f="d0"`). `data-m`, `id` and
    /// `tabindex` are added by [`render`].
    pub attrs: String,
}

/// Appends `text` with `marks` drawn over it (see the module docs for
/// overlapping spans). Mark `i` (after dropping the marks that cannot be
/// drawn) gets `data-m="{prefix}{i}"` on every piece and `id="{prefix}{i}"`
/// and `tabindex="0"` on the first; `ids[i]` says which marks were drawn
/// (by their index in `marks`): `Some(id)` when drawn.
///
/// `blocks`: when true, the text is cut into `<div class="blk">` blocks
/// after each line feed where no mark is open, so that a browser can skip
/// laying out blocks off screen (`content-visibility: auto`).
pub(crate) fn render(out: &mut String, text: &str, marks: &[Mark], prefix: &str, blocks: bool) -> Vec<Option<String>> {
    let drawable = |m: &Mark| {
        m.start < m.end && m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
    };
    let mut order: Vec<usize> = (0..marks.len()).filter(|&i| drawable(&marks[i])).collect();
    order.sort_by_key(|&i| (marks[i].start, Reverse(marks[i].end), marks[i].rank, i));
    let mut ids: Vec<Option<String>> = vec![None; marks.len()];
    for (n, &i) in order.iter().enumerate() {
        ids[i] = Some(format!("{prefix}{n}"));
    }
    // The open marks, outermost first: (index into marks, its number).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut next = 0; // the next mark of `order` to open
    let mut pos = 0;
    if blocks {
        out.push_str("<div class=\"blk\">");
    }
    loop {
        let next_start = order.get(next).map(|&i| marks[i].start);
        let next_end = stack.iter().map(|&(i, _)| marks[i].end).min();
        let to = match (next_start, next_end) {
            (None, None) => text.len(),
            (Some(s), None) => s,
            (None, Some(e)) => e,
            (Some(s), Some(e)) => s.min(e),
        };
        push_text_blocks(out, &text[pos..to], blocks && stack.is_empty(), to == text.len());
        pos = to;
        if next_start.is_none() && next_end.is_none() {
            break;
        }
        if next_end == Some(pos) {
            // Close every mark ending here; the marks above them that go on
            // are closed too and reopened as continuation pieces.
            let first = stack.iter().position(|&(i, _)| marks[i].end == pos).unwrap_or(stack.len());
            for _ in first..stack.len() {
                out.push_str("</mark>");
            }
            let reopened: Vec<(usize, usize)> = stack.drain(first..).filter(|&(i, _)| marks[i].end != pos).collect();
            for &(i, n) in &reopened {
                open_tag(out, &marks[i], prefix, n, false);
            }
            stack.extend(reopened);
            continue;
        }
        while let Some(&i) = order.get(next).filter(|&&i| marks[i].start == pos) {
            open_tag(out, &marks[i], prefix, next, true);
            stack.push((i, next));
            next += 1;
        }
    }
    if blocks {
        out.push_str("</div>");
    }
    ids
}

fn open_tag(out: &mut String, m: &Mark, prefix: &str, n: usize, first: bool) {
    out.push_str("<mark");
    out.push_str(&m.attrs);
    out.push_str(" data-m=\"");
    out.push_str(prefix);
    out.push_str(&n.to_string());
    out.push('"');
    if first {
        out.push_str(" id=\"");
        out.push_str(prefix);
        out.push_str(&n.to_string());
        out.push_str("\" tabindex=\"0\"");
    } else {
        out.push_str(" data-cont");
    }
    out.push('>');
}

/// Text outside every mark: escaped, and cut into blocks after line feeds
/// when `cut` (except after a line feed that ends the whole text: no empty
/// block).
fn push_text_blocks(out: &mut String, s: &str, cut: bool, at_end: bool) {
    if !cut {
        push_text(out, s);
        return;
    }
    let mut rest = s;
    while let Some(nl) = rest.find('\n') {
        push_text(out, &rest[..=nl]);
        rest = &rest[nl + 1..];
        if !rest.is_empty() || !at_end {
            out.push_str("</div><div class=\"blk\">");
        }
    }
    push_text(out, rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, rank: u8, class: &str) -> Mark {
        Mark { start, end, rank, attrs: format!(" class=\"{class}\"") }
    }

    fn draw(text: &str, marks: &[Mark]) -> String {
        let mut out = String::new();
        render(&mut out, text, marks, "m", false);
        out
    }

    #[test]
    fn escaping_covers_markup_quotes_and_characters_the_parser_changes() {
        let cases: [(&str, &str, &str); 6] = [
            ("plain-thai", "ขอนแก่น", "ขอนแก่น"),
            ("script", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("textarea", "</textarea><b>", "&lt;/textarea&gt;&lt;b&gt;"),
            ("ampersand-and-entity", "&amp; &#60;", "&amp;amp; &amp;#60;"),
            ("carriage-return-kept", "a\r\nb", "a&#13;\nb"),
            ("nul", "a\0b", "a&#xFFFD;b"),
        ];
        for (name, input, want) in cases {
            let mut out = String::new();
            push_text(&mut out, input);
            assert_eq!(out, want, "{name}");
        }
        let mut out = String::new();
        push_attr(&mut out, "\"' onmouseover='x' <&>");
        assert_eq!(out, "&quot;&#39; onmouseover=&#39;x&#39; &lt;&amp;&gt;");
    }

    #[test]
    fn nested_spans_nest_and_equal_spans_follow_rank() {
        let text = "เทศบาลนครขอนแก่น";
        let place = text.find("ขอนแก่น").unwrap();
        let got = draw(text, &[mark(place, text.len(), 3, "p"), mark(0, text.len(), 2, "o")]);
        assert_eq!(
            got,
            "<mark class=\"o\" data-m=\"m0\" id=\"m0\" tabindex=\"0\">เทศบาลนคร\
             <mark class=\"p\" data-m=\"m1\" id=\"m1\" tabindex=\"0\">ขอนแก่น</mark></mark>"
        );
        let got = draw("ab", &[mark(0, 2, 5, "inner"), mark(0, 2, 1, "outer")]);
        assert!(got.starts_with("<mark class=\"outer\""), "{got}");
    }

    #[test]
    fn crossing_spans_split_the_later_one() {
        // 0..4 "abcd" and 2..6 "cdef" cross: the second is split at 4.
        let got = draw("abcdefg", &[mark(0, 4, 0, "x"), mark(2, 6, 0, "y")]);
        assert_eq!(
            got,
            "<mark class=\"x\" data-m=\"m0\" id=\"m0\" tabindex=\"0\">ab\
             <mark class=\"y\" data-m=\"m1\" id=\"m1\" tabindex=\"0\">cd</mark></mark>\
             <mark class=\"y\" data-m=\"m1\" data-cont>ef</mark>g"
        );
    }

    #[test]
    fn marks_that_cannot_be_drawn_are_skipped() {
        let text = "กข";
        let marks =
            [mark(0, 1, 0, "half-char"), mark(3, 3, 0, "empty"), mark(0, 99, 0, "outside"), mark(6, 3, 0, "rev")];
        let mut out = String::new();
        let ids = render(&mut out, text, &marks, "m", false);
        assert_eq!(out, "กข");
        assert!(ids.iter().all(Option::is_none));
    }

    #[test]
    fn blocks_cut_only_where_no_mark_is_open() {
        let text = "a\nb\nc\n";
        let mut out = String::new();
        render(&mut out, text, &[mark(2, 5, 0, "x")], "m", true);
        assert_eq!(
            out,
            "<div class=\"blk\">a\n</div><div class=\"blk\">\
             <mark class=\"x\" data-m=\"m0\" id=\"m0\" tabindex=\"0\">b\nc</mark>\n</div>"
        );
    }

    /// Reads `render`'s output back: the text, and each mark's pieces joined
    /// (by its `data-m` number), with a check that tags balance.
    fn read_back(html: &str) -> (String, std::collections::BTreeMap<usize, String>) {
        let mut text = String::new();
        let mut per_mark: std::collections::BTreeMap<usize, String> = Default::default();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(tag_end) = rest.strip_prefix("<mark").and_then(|r| r.find('>')) {
                let tag = &rest[..tag_end + 6];
                let n = tag.split("data-m=\"m").nth(1).and_then(|r| r.split('"').next()).unwrap();
                open.push(n.parse().unwrap());
                rest = &rest[tag_end + 6..];
            } else if let Some(r) = rest.strip_prefix("</mark>") {
                open.pop().expect("a </mark> closes an open mark");
                rest = r;
            } else {
                let (piece, len) = match rest.as_bytes()[0] {
                    b'&' => {
                        let end = rest.find(';').unwrap() + 1;
                        let c = match &rest[..end] {
                            "&amp;" => "&",
                            "&lt;" => "<",
                            "&gt;" => ">",
                            "&#13;" => "\r",
                            _ => "\u{FFFD}",
                        };
                        (c.to_string(), end)
                    }
                    _ => {
                        let c = rest.chars().next().unwrap();
                        (c.to_string(), c.len_utf8())
                    }
                };
                text.push_str(&piece);
                for n in &open {
                    per_mark.entry(*n).or_default().push_str(&piece);
                }
                rest = &rest[len..];
            }
        }
        assert!(open.is_empty(), "every mark is closed");
        (text, per_mark)
    }

    proptest::proptest! {
        /// Any marks over any text (nested, crossing, equal, empty, outside
        /// the text, off char boundaries): the text comes back whole, and
        /// each drawn mark's pieces join to exactly its span.
        #[test]
        fn any_marks_draw_their_spans_exactly(
            text in "[ก-ฮa<&\r\n ]{0,40}",
            spans in proptest::collection::vec((0usize..130, 0usize..130, 0u8..3), 0..12),
        ) {
            let marks: Vec<Mark> = spans.iter().map(|&(a, b, r)| mark(a, b, r, "x")).collect();
            let mut out = String::new();
            let ids = render(&mut out, &text, &marks, "m", false);
            let (back, per_mark) = read_back(&out);
            proptest::prop_assert_eq!(&back, &text);
            let mut drawn = 0;
            for (m, id) in marks.iter().zip(&ids) {
                if let Some(id) = id {
                    drawn += 1;
                    let n: usize = id[1..].parse().unwrap();
                    proptest::prop_assert_eq!(per_mark.get(&n).map(String::as_str), Some(&text[m.start..m.end]));
                }
            }
            proptest::prop_assert_eq!(drawn, per_mark.len());
            proptest::prop_assert_eq!(out.matches(" tabindex=\"0\">").count(), drawn);
        }
    }
}
