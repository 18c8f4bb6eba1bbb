//! Thai normalization with an offset map back to the original input.
//!
//! First stage of the pipeline (**normalize** → scan → extract → link →
//! facts). It takes the article as given and returns [`Normalized`]: the
//! cleaned text every later stage reads, plus a map from any byte range of
//! that text back to a byte range of the input.
//!
//! The steps, each a small named function below:
//!
//! 1. [`nfc`]: Unicode NFC (a separate pass, skipped when the input is
//!    already NFC, which Thai news almost always is).
//! 2. Per character, in one pass:
//!    - CRLF → LF, and a lone CR → LF ([`line_break`]);
//!    - zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft
//!      hyphen) removed ([`is_zero_width`]);
//!    - NBSP, tab and the other Unicode spaces → space, runs of spaces
//!      collapsed to one ([`is_space`]);
//!    - curly quotes → straight quotes ([`straight_quote`]);
//!    - Thai digits ๐–๙ → 0–9 ([`arabic_digit`]);
//!    - doubled sara e เ + เ → แ ([`SARA_E`]);
//!    - Thai mark clusters put in order ([`canonical_marks`]): a decomposed
//!      sara am (nikhahit + sara aa, also with a tone mark between) becomes
//!      ำ, a tone mark typed before an upper or lower vowel moves after it,
//!      and a repeated identical mark is kept once.
//!
//! # The offset map
//!
//! The normalized text is a sequence of *segments*. A segment is either a
//! verbatim copy of an input range (offsets inside it map one to one) or a
//! replacement (its whole output maps to its whole input range). Deleted
//! characters produce no segment. [`Normalized::to_original`] finds the
//! segments of a range's ends with a binary search, so mapping costs
//! `O(log n)` and the map costs memory only where the text changed.

use std::ops::Range;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text every extractor reads, and the way back to the input.
///
/// # Example
///
/// ```
/// let input = "ปี ๒๕๖๗\u{200B} เเละ";
/// let doc = thaifacts::normalize(input);
/// assert_eq!(doc.text(), "ปี 2567 และ");
/// // "และ" in the normalized text maps back to "เเละ" in the input.
/// let start = doc.text().find("และ").unwrap();
/// let range = doc.to_original(start..doc.text().len());
/// assert_eq!(&input[range], "เเละ");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
}

impl Normalized {
    /// The normalized text.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(thaifacts::normalize("๑๐").text(), "10");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consumes `self` and returns the normalized text.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(thaifacts::normalize("a\u{00A0}b").into_text(), "a b");
    /// ```
    pub fn into_text(self) -> String {
        self.text
    }

    /// Maps a byte range of the normalized text to the byte range of the
    /// original input it came from.
    ///
    /// Guarantees: the result lies on `char` boundaries of the input,
    /// `start <= end <= input.len()`, and the map is monotone (a range that
    /// starts or ends later never maps to one that starts or ends earlier).
    /// Characters removed by normalization at either edge of the range are
    /// not included. Out-of-range or reversed arguments are clamped rather
    /// than panicking.
    ///
    /// # Example
    ///
    /// ```
    /// let input = "วันที่ ๑๔";
    /// let doc = thaifacts::normalize(input);
    /// let at = doc.text().find("14").unwrap();
    /// assert_eq!(&input[doc.to_original(at..at + 2)], "๑๔");
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let end = range.end.min(self.text.len());
        let start = range.start.min(end);
        let s = self.map.start(start);
        let e = self.map.end(end).max(s);
        s..e
    }
}

/// Normalizes Thai text; see the [module docs](self) for the steps.
///
/// Never panics, and is idempotent: normalizing the output again changes
/// nothing.
///
/// # Example
///
/// ```
/// // decomposed sara am with a tone mark between: ◌ํ◌่า → ◌่ำ
/// let doc = thaifacts::normalize("น\u{0E4D}\u{0E49}\u{0E32}");
/// assert_eq!(doc.text(), "น้ำ");
/// ```
pub fn normalize(input: &str) -> Normalized {
    match nfc(input) {
        None => thai_pass(input),
        Some(first) => {
            let second = thai_pass(&first.text);
            let done = Normalized { map: first.map.then(&second.map), text: second.text };
            // Putting Thai marks in order can unblock a foreign mark that
            // now composes with its base (r + ◌̑ → ȓ): compose once more.
            match nfc(&done.text) {
                None => done,
                Some(third) => Normalized { map: done.map.then(&third.map), text: third.text },
            }
        }
    }
}

/// One piece of the normalized text and the input range it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Start in the normalized text.
    out: usize,
    /// Start in the input.
    orig: usize,
    /// Length in the normalized text (never 0).
    out_len: usize,
    /// Length in the input.
    orig_len: usize,
    /// A verbatim copy (offsets map one to one) rather than a replacement.
    verbatim: bool,
}

/// Segments sorted by `out`, covering the normalized text without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct OffsetMap {
    segments: Vec<Segment>,
    /// Length of the input.
    orig_total: usize,
}

impl OffsetMap {
    /// The segment holding normalized offset `at` (with `at` < text length).
    fn find(&self, at: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.out + s.out_len <= at);
        self.segments.get(i)
    }

    /// Input offset where a range starting at normalized offset `at` starts.
    fn start(&self, at: usize) -> usize {
        match self.find(at) {
            Some(s) if s.verbatim => s.orig + (at - s.out),
            Some(s) => s.orig,
            None => self.orig_total,
        }
    }

    /// Input offset where a range ending at normalized offset `at` ends.
    fn end(&self, at: usize) -> usize {
        if at == 0 {
            return self.segments.first().map_or(0, |s| s.orig);
        }
        match self.find(at - 1) {
            Some(s) if s.verbatim => s.orig + (at - s.out),
            Some(s) => s.orig + s.orig_len,
            None => self.orig_total,
        }
    }

    /// The map of applying `self` (input → middle) and then `next`
    /// (middle → output): input → output.
    fn then(&self, next: &OffsetMap) -> OffsetMap {
        let mut b = Builder::with_capacity(0, self.orig_total);
        for seg in &next.segments {
            if !seg.verbatim {
                let s = self.start(seg.orig);
                let e = self.end(seg.orig + seg.orig_len).max(s);
                b.push(Segment { out: seg.out, orig: s, out_len: seg.out_len, orig_len: e - s, verbatim: false });
                continue;
            }
            // A verbatim piece of the middle text: split it where `self`'s
            // segments split the middle text.
            let mid_end = seg.orig + seg.orig_len;
            let mut mid = seg.orig;
            let mut i = self.segments.partition_point(|s| s.out + s.out_len <= mid);
            while mid < mid_end {
                let Some(inner) = self.segments.get(i) else { break };
                let piece_end = mid_end.min(inner.out + inner.out_len);
                let out = seg.out + (mid - seg.orig);
                let out_len = piece_end - mid;
                if inner.verbatim {
                    let orig = inner.orig + (mid - inner.out);
                    b.push(Segment { out, orig, out_len, orig_len: out_len, verbatim: true });
                } else {
                    b.push(Segment { out, orig: inner.orig, out_len, orig_len: inner.orig_len, verbatim: false });
                }
                mid = piece_end;
                i += 1;
            }
        }
        b.map
    }
}

/// Builds the normalized text and its map together.
struct Builder {
    text: String,
    map: OffsetMap,
}

impl Builder {
    fn with_capacity(cap: usize, orig_total: usize) -> Builder {
        Builder { text: String::with_capacity(cap), map: OffsetMap { segments: Vec::new(), orig_total } }
    }

    fn push(&mut self, seg: Segment) {
        if let Some(last) = self.map.segments.last_mut() {
            if last.verbatim
                && seg.verbatim
                && last.out + last.out_len == seg.out
                && last.orig + last.orig_len == seg.orig
            {
                last.out_len += seg.out_len;
                last.orig_len += seg.orig_len;
                return;
            }
        }
        self.map.segments.push(seg);
    }

    /// Copies `input[range]` unchanged.
    fn keep(&mut self, input: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(&input[range.clone()]);
        self.push(Segment { out, orig: range.start, out_len: range.len(), orig_len: range.len(), verbatim: true });
    }

    /// Writes `with` in place of `input[range]`.
    fn replace(&mut self, range: Range<usize>, with: &str) {
        if with.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(with);
        self.push(Segment { out, orig: range.start, out_len: with.len(), orig_len: range.len(), verbatim: false });
    }

    /// Extends the last written segment so that it also stands for input
    /// up to `orig_end` (used when a character is folded into the previous
    /// one, as when a run of spaces collapses).
    fn absorb(&mut self, orig_end: usize) {
        if let Some(last) = self.map.segments.last_mut() {
            if last.verbatim {
                // A verbatim segment that absorbs input is split: its last
                // character becomes a replacement covering the new input.
                let ch_len = self.text[..last.out + last.out_len].chars().next_back().map_or(0, char::len_utf8);
                let tail = Segment {
                    out: last.out + last.out_len - ch_len,
                    orig: last.orig + last.orig_len - ch_len,
                    out_len: ch_len,
                    orig_len: 0,
                    verbatim: false,
                };
                last.out_len -= ch_len;
                last.orig_len -= ch_len;
                if last.out_len == 0 {
                    self.map.segments.pop();
                }
                self.map.segments.push(tail);
            }
            let last = self.map.segments.last_mut().expect("a segment was just ensured");
            last.orig_len = orig_end - last.orig;
        }
    }

    fn finish(self) -> Normalized {
        Normalized { text: self.text, map: self.map }
    }
}

/// Unicode NFC. Returns `None` when the input is already NFC (the common
/// case, decided by the quick check), so no copy is made.
fn nfc(input: &str) -> Option<Normalized> {
    // Most news text is ASCII, Thai and punctuation, which NFC leaves alone
    // (Thai marks out of canonical order are put in order by the Thai pass
    // in the same way NFC would); only look further when something else
    // appears.
    let plain =
        |c: char| c < '\u{0300}' || ('\u{0E00}'..='\u{0E7F}').contains(&c) || ('\u{2000}'..='\u{206F}').contains(&c);
    if input.chars().all(plain) || is_nfc_quick(input.chars()) == IsNormalized::Yes {
        return None;
    }
    // Normalize chunk by chunk; a chunk ends before a starter that cannot
    // compose with what precedes it, so chunks normalize independently.
    let mut b = Builder::with_capacity(input.len(), input.len());
    let mut chunk_start = 0;
    let mut prev: Option<char> = None;
    let mut buf = String::new();
    let mut flush = |b: &mut Builder, range: Range<usize>| {
        let piece = &input[range.clone()];
        buf.clear();
        buf.extend(piece.nfc());
        if buf == piece {
            b.keep(input, range);
        } else {
            b.replace(range, &buf);
        }
    };
    for (i, c) in input.char_indices() {
        let starter = unicode_normalization::char::canonical_combining_class(c) == 0;
        let composes = prev.is_some_and(|p| unicode_normalization::char::compose(p, c).is_some());
        if i > chunk_start && starter && !composes && !is_hangul(c) {
            flush(&mut b, chunk_start..i);
            chunk_start = i;
        }
        prev = Some(c);
    }
    flush(&mut b, chunk_start..input.len());
    Some(b.finish())
}

/// Hangul jamo and syllables compose in sequences; keep them in one chunk.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{AC00}'..='\u{D7A3}')
}

/// Sara e (เ); two in a row are a mistyped sara ae (แ).
const SARA_E: char = '\u{0E40}';
/// Sara ae (แ).
const SARA_AE: char = '\u{0E41}';
/// Nikhahit (ํ), the first half of a decomposed sara am.
const NIKHAHIT: char = '\u{0E4D}';
/// Sara aa (า), the second half of a decomposed sara am.
const SARA_AA: char = '\u{0E32}';
/// Sara am (ำ).
const SARA_AM: char = '\u{0E33}';

/// Line breaks: CRLF and a lone CR become LF. Returns the replacement and
/// how many bytes of input it consumes, or `None` for other characters.
fn line_break(c: char, next: Option<char>) -> Option<usize> {
    match (c, next) {
        ('\r', Some('\n')) => Some(2),
        ('\r', _) => Some(1),
        _ => None,
    }
}

/// Zero-width characters that carry nothing in Thai news text: ZWSP,
/// ZWNJ, ZWJ, word joiner, BOM / ZWNBSP, soft hyphen.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Horizontal spaces: ASCII space, tab, NBSP and the other Unicode space
/// separators. (Line breaks are kept.)
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Curly and other typographic quotes → their straight ASCII forms.
fn straight_quote(c: char) -> Option<char> {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Some('\''),
        _ => None,
    }
}

/// Thai digits ๐–๙ → ASCII 0–9.
fn arabic_digit(c: char) -> Option<char> {
    match c {
        '\u{0E50}'..='\u{0E59}' => char::from_u32(c as u32 - 0x0E50 + u32::from(b'0')),
        _ => None,
    }
}

/// Characters the Thai pass writes unchanged whatever surrounds them: ASCII
/// letters and digits, Thai consonants and the vowels that are no mark
/// (not sara e, which may be doubled). None is a zero-width character, a
/// space, a line break, a quote, a Thai digit or a Thai mark.
fn is_plain(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0E01}'..='\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E41}'..='\u{0E46}')
}

/// A Thai combining mark: mai han-akat, the upper and lower vowels,
/// phinthu, maitaikhu, the tone marks, thanthakhat, nikhahit, yamakkan.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// A combining mark of another script (canonical combining class above 0)
/// standing among Thai marks: it is put in order with them, so that the
/// result stays in NFC.
fn is_foreign_mark(c: char) -> bool {
    c >= '\u{0300}'
        && !('\u{0E00}'..='\u{0E7F}').contains(&c)
        && unicode_normalization::char::canonical_combining_class(c) > 0
}

/// A mark that belongs to the cluster being put in order.
fn is_mark(c: char) -> bool {
    is_thai_mark(c) || is_foreign_mark(c)
}

/// Where a mark goes in a cluster: vowels first, then maitaikhu, then tone
/// marks and thanthakhat, then nikhahit. A stable sort keeps marks of the
/// same rank in the order typed. A foreign mark goes with the vowels when
/// its combining class is at most theirs (103), else with the tone marks,
/// which keeps every run of non-starters in ascending combining class (NFC).
fn mark_rank(c: char) -> u8 {
    match c {
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' => 0,
        '\u{0E47}' => 1,
        '\u{0E48}'..='\u{0E4C}' | '\u{0E4E}' => 2,
        '\u{0E4D}' => 3,
        _ if unicode_normalization::char::canonical_combining_class(c) <= 103 => 0,
        _ => 2,
    }
}

/// The canonical combining class of a Thai mark (Unicode: phinthu 9, sara
/// u and uu 103, the four tone marks 107, the rest 0), without a table
/// lookup.
fn thai_ccc(c: char) -> u8 {
    match c {
        '\u{0E3A}' => 9,
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

/// Sort key of a mark within a cluster.
fn mark_key(c: char) -> (u8, u8) {
    let ccc = if is_thai_mark(c) { thai_ccc(c) } else { unicode_normalization::char::canonical_combining_class(c) };
    (mark_rank(c), ccc)
}

/// Whether a run of marks is already canonical: no duplicates and in order
/// (the common case: one mark, or a vowel then a tone mark).
fn is_canonical(marks: &[char]) -> bool {
    match marks {
        [_] => true,
        [a, b] => (a != b || !is_thai_mark(*a)) && mark_key(*a) <= mark_key(*b),
        _ => {
            marks.windows(2).all(|w| mark_key(w[0]) <= mark_key(w[1])) && {
                let mut seen: Vec<char> = marks.iter().copied().filter(|&m| is_thai_mark(m)).collect();
                seen.sort_unstable();
                seen.windows(2).all(|w| w[0] != w[1])
            }
        }
    }
}

/// Puts a run of Thai marks in canonical order, writing the result into
/// `out`: a tone mark typed before an upper or lower vowel moves after it;
/// a repeated identical mark is kept once; and when `then_sara_aa` (the run
/// is followed by sara aa that belongs to it), a nikhahit in the run and
/// that sara aa become sara am, after the tone marks (◌ํ◌่า → ◌่ำ).
fn canonical_marks(marks: &[char], then_sara_aa: bool, out: &mut Vec<char>) {
    out.clear();
    for &m in marks {
        if then_sara_aa && m == NIKHAHIT {
            continue;
        }
        // Only Thai marks are deduplicated; other scripts may repeat marks.
        if !is_thai_mark(m) || !out.contains(&m) {
            out.push(m);
        }
    }
    // Within a rank, order by canonical combining class so that the result
    // stays in NFC (phinthu 9 before sara u 103, tone marks 107).
    out.sort_by_key(|&m| mark_key(m));
    if then_sara_aa {
        out.push(SARA_AM);
    }
}

/// The next character after the iterator's position that is not zero-width,
/// and how many characters (zero-width ones included) lie up to and with it.
fn peek_visible(it: &std::iter::Peekable<std::str::CharIndices<'_>>) -> Option<(usize, char, usize)> {
    let mut look = it.clone();
    let mut n = 0;
    for (j, m) in &mut look {
        n += 1;
        if !is_zero_width(m) {
            return Some((j, m, n));
        }
    }
    None
}

/// The single per-character pass (everything but NFC).
fn thai_pass(input: &str) -> Normalized {
    let mut b = Builder::with_capacity(input.len(), input.len());
    let mut it = input.char_indices().peekable();
    // Start of the pending verbatim run: input[run..i] is written unchanged.
    let mut run = 0;
    // Whether the last character written (or pending) is a space.
    let mut last_space = false;
    let mut marks: Vec<char> = Vec::new();
    let mut canon: Vec<char> = Vec::new();
    let mut tmp = [0u8; 4];
    while let Some((i, c)) = it.next() {
        if is_plain(c) {
            // Most characters: written unchanged, nothing to check.
            last_space = false;
            continue;
        }
        let c_end = i + c.len_utf8();
        if is_zero_width(c) {
            b.keep(input, run..i);
            run = c_end;
            continue;
        }
        if is_space(c) {
            if last_space {
                b.keep(input, run..i);
                b.absorb(c_end);
                run = c_end;
            } else if c != ' ' {
                b.keep(input, run..i);
                b.replace(i..c_end, " ");
                run = c_end;
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if let Some(len) = line_break(c, it.peek().map(|&(_, n)| n)) {
            b.keep(input, run..i);
            if len == 2 {
                it.next();
            }
            b.replace(i..i + len, "\n");
            run = i + len;
            continue;
        }
        if let Some(q) = straight_quote(c).or_else(|| arabic_digit(c)) {
            b.keep(input, run..i);
            b.replace(i..c_end, q.encode_utf8(&mut tmp));
            run = c_end;
            continue;
        }
        if c == SARA_E {
            if let Some((j, SARA_E, n)) = peek_visible(&it) {
                b.keep(input, run..i);
                for _ in 0..n {
                    it.next();
                }
                let end = j + SARA_E.len_utf8();
                b.replace(i..end, SARA_AE.encode_utf8(&mut tmp));
                run = end;
            }
            continue;
        }
        if is_mark(c) {
            // Gather the whole run of marks (zero-width characters inside it
            // are dropped), and a sara aa that completes a decomposed sara
            // am; then write the run in canonical order.
            marks.clear();
            marks.push(c);
            let mut end = c_end;
            let mut dropped = false;
            while let Some((j, m, n)) = peek_visible(&it) {
                if !is_mark(m) {
                    break;
                }
                dropped |= n > 1;
                for _ in 0..n {
                    it.next();
                }
                marks.push(m);
                end = j + m.len_utf8();
            }
            let mut then_sara_aa = false;
            if marks.contains(&NIKHAHIT) {
                if let Some((j, SARA_AA, n)) = peek_visible(&it) {
                    dropped |= n > 1;
                    for _ in 0..n {
                        it.next();
                    }
                    end = j + SARA_AA.len_utf8();
                    then_sara_aa = true;
                }
            }
            if !dropped && !then_sara_aa && is_canonical(&marks) {
                continue;
            }
            canonical_marks(&marks, then_sara_aa, &mut canon);
            if dropped || canon != marks {
                b.keep(input, run..i);
                let s: String = canon.iter().collect();
                b.replace(i..end, &s);
                run = end;
            }
            continue;
        }
    }
    b.keep(input, run..input.len());
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalizes `input`, checks the output, and checks that the span of
    /// `pick` in the output maps back to `original` in the input.
    fn check(input: &str, want: &str, pick: &str, original: &str) {
        let doc = normalize(input);
        assert_eq!(doc.text(), want, "normalize({input:?})");
        let at = doc.text().find(pick).unwrap_or_else(|| panic!("{pick:?} not in {:?}", doc.text()));
        let r = doc.to_original(at..at + pick.len());
        assert_eq!(&input[r], original, "span of {pick:?} in {input:?}");
        assert_eq!(normalize(doc.text()).text(), doc.text(), "idempotent on {input:?}");
    }

    #[test]
    fn nfc_composes_decomposed_latin() {
        check("Cafe\u{0301} ขอนแก่น", "Caf\u{e9} ขอนแก่น", "\u{e9}", "e\u{0301}");
        check("Cafe\u{0301} ขอนแก่น", "Caf\u{e9} ขอนแก่น", "ขอนแก่น", "ขอนแก่น");
    }

    #[test]
    fn decomposed_sara_am() {
        // นํา (nikhahit + sara aa) → นำ
        check("น\u{0E4D}\u{0E32}เสนอ", "นำเสนอ", "นำ", "น\u{0E4D}\u{0E32}");
        // with a tone mark between: น ํ ้ า → น ้ ำ (น้ำ)
        check("น\u{0E4D}\u{0E49}\u{0E32}ท่วม", "น้ำท่วม", "น้ำ", "น\u{0E4D}\u{0E49}\u{0E32}");
        // tone mark before nikhahit: น ้ ํ า → น้ำ
        check("น\u{0E49}\u{0E4D}\u{0E32}", "น้ำ", "น้ำ", "น\u{0E49}\u{0E4D}\u{0E32}");
    }

    #[test]
    fn plain_characters_are_nothing_else() {
        for c in (0..0x3000).filter_map(char::from_u32).filter(|&c| is_plain(c)) {
            assert!(!is_zero_width(c) && !is_space(c) && line_break(c, Some('\n')).is_none(), "{c:?}");
            assert!(straight_quote(c).is_none() && arabic_digit(c).is_none(), "{c:?}");
            assert!(c != SARA_E && !is_thai_mark(c), "{c:?}");
        }
    }

    #[test]
    fn doubled_sara_e() {
        check("เเละ", "และ", "และ", "เเละ");
        check("ผู้ว่าฯ เเถลง", "ผู้ว่าฯ แถลง", "แถลง", "เเถลง");
    }

    #[test]
    fn tone_mark_before_vowel_is_reordered() {
        // ท ่ ี → ท ี ่ (ที่)
        check("ท\u{0E48}\u{0E35}ผ่านมา", "ที่ผ่านมา", "ที่", "ท\u{0E48}\u{0E35}");
        // ผ ้ ู → ผู้
        check("ผ\u{0E49}\u{0E39}ว่า", "ผู้ว่า", "ผู้", "ผ\u{0E49}\u{0E39}");
    }

    #[test]
    fn repeated_marks_collapse() {
        check("ที่\u{0E48}", "ที่", "ที่", "ที่\u{0E48}");
        check("กุุ", "กุ", "กุ", "กุุ");
    }

    #[test]
    fn zero_width_removed() {
        for zw in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'] {
            let input = format!("ขอน{zw}แก่น");
            check(&input, "ขอนแก่น", "ขอนแก่น", &input);
        }
        // a zero-width space at the edge of a span is not part of it
        check("\u{200B}ขอนแก่น\u{200B}", "ขอนแก่น", "ขอนแก่น", "ขอนแก่น");
        // a zero-width space between doubled sara e
        check("เ\u{200B}เละ", "และ", "และ", "เ\u{200B}เละ");
    }

    #[test]
    fn spaces() {
        check("นาย\u{00A0}สมชาย", "นาย สมชาย", "สมชาย", "สมชาย");
        check("ก  \t ข", "ก ข", " ", "  \t ");
        check("ก\u{3000}\u{200B} ข", "ก ข", "ก ข", "ก\u{3000}\u{200B} ข");
        check("ปี\r\n2567\rข", "ปี\n2567\nข", "\n2567", "\r\n2567");
    }

    #[test]
    fn quotes() {
        check("\u{201C}ขอนแก่น\u{201D} \u{2018}ก\u{2019}", "\"ขอนแก่น\" 'ก'", "\"ขอนแก่น\"", "\u{201C}ขอนแก่น\u{201D}");
    }

    #[test]
    fn thai_digits() {
        check("๑๔ กุมภาพันธ์ ๒๕๖๗", "14 กุมภาพันธ์ 2567", "2567", "๒๕๖๗");
        check("๒.๕ ล้านบาท", "2.5 ล้านบาท", "2.5", "๒.๕");
    }

    #[test]
    fn clean_text_is_one_segment() {
        let input = "นายสมชาย ใจดี นายกเทศมนตรีนครขอนแก่น";
        let doc = normalize(input);
        assert_eq!(doc.text(), input);
        assert_eq!(doc.map.segments.len(), 1);
    }

    // Found by the `normalize` fuzz target (issue 9): a Hebrew point among
    // Thai marks made the Thai pass's output non-NFC, so a second
    // normalization changed it again.
    #[test]
    fn foreign_mark_among_thai_marks_stays_idempotent() {
        let input = "\u{0E35}\u{0E4B}\u{05C1}\u{0E39}\u{0E48}\u{0E3C}";
        let once = normalize(input);
        assert_eq!(normalize(once.text()).text(), once.text());
        let input = "\u{0E01}\u{0E48}\u{0301}\u{0E38}\u{05C1}";
        let once = normalize(input);
        assert_eq!(normalize(once.text()).text(), once.text());
        // Found by the fuzzer too (minimized): putting นิคหิต after ไม้จัตวา
        // unblocks r + U+0311, which composes to ȓ.
        let input = "r\u{0E4D}\u{0E4B}\u{0311}";
        let once = normalize(input);
        assert_eq!(normalize(once.text()).text(), once.text());
    }

    #[test]
    fn empty_and_clamped_ranges() {
        let doc = normalize("");
        assert_eq!(doc.text(), "");
        assert_eq!(doc.to_original(0..0), 0..0);
        let doc = normalize("ab");
        assert_eq!(doc.to_original(5..9), 2..2);
        #[allow(clippy::reversed_empty_ranges)]
        let r = doc.to_original(2..1);
        assert_eq!(r, 1..1);
    }
}
