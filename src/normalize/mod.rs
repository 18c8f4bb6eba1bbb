//! Thai normalization with an offset map back to the original input.
//!
//! First stage of the pipeline (**normalize** → scan → extract → link →
//! facts). It takes the article as given and returns [`Normalized`]: the
//! cleaned text every later stage reads, plus a map from any byte range of
//! that text back to a byte range of the input.
//!
//! The steps, each a small named function (`chars.rs`, `pass.rs`):
//!
//! 1. [`nfc`]: Unicode NFC (a separate pass, skipped when the input is
//!    already NFC, which Thai news almost always is: the Thai pass notes
//!    whether any character could need it).
//! 2. Per character, in one pass ([`thai_pass`]):
//!    - CRLF → LF, and a lone CR → LF ([`line_break`](chars::line_break));
//!    - zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft
//!      hyphen) removed ([`is_zero_width`](chars::is_zero_width));
//!    - NBSP, tab and the other Unicode spaces → space, runs of spaces
//!      collapsed to one ([`is_space`](chars::is_space));
//!    - curly quotes → straight quotes ([`straight_quote`](chars::straight_quote));
//!    - Thai digits ๐–๙ → 0–9 ([`arabic_digit`](chars::arabic_digit));
//!    - doubled sara e เ + เ → แ ([`SARA_E`](chars::SARA_E));
//!    - Thai mark clusters put in order ([`canonical_marks`](chars::canonical_marks)): a decomposed
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
//!
//! # Cost
//!
//! Most of a Thai news article needs no change, so the Thai pass does not
//! decode it character by character. [`skip_clean`](pass::skip_clean) reads bytes: a Thai
//! character is three bytes, and their value as one number, less that of
//! U+0E00 (`E0 B8 80`), indexes a table ([`THAI_CLASS`](pass::THAI_CLASS)) saying whether
//! the character stays as it is (a letter), may join what stands next to
//! it (sara e, a mark) or always changes (a digit). What stays is copied as one verbatim segment; only the rest
//! goes through the per-character [`ThaiPass::step`](pass::ThaiPass::step). On the fixture
//! articles this costs about 8 instructions a byte, against 39 for a pass
//! that decodes every character (`examples/profile_extract.rs`).
//!
//! The two ways give the same text and the same map for every input: the
//! tests keep the character-by-character version (`tests::reference`) and
//! compare the two on generated Thai-heavy text.

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
    /// than panicking, and an offset inside a character takes the whole
    /// character (a start rounds down, an end up).
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
        let mut end = range.end.min(self.text.len());
        let mut start = range.start.min(end);
        // An offset inside a character takes the whole character: start
        // rounds down, end up (the fuzzer found 2..7 of พิมพ์ mapped
        // to 2..7 of the input, not on its char boundaries).
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let (s, e) = self.map.range(start, end);
        s..e.max(s)
    }
}

/// Normalizes Thai text: Unicode NFC; CRLF and CR → LF; zero-width
/// characters removed; NBSP, tabs and other spaces → one space; curly quotes
/// → straight; Thai digits → ASCII; เ + เ → แ; Thai mark clusters in order
/// (decomposed sara am composed, a tone mark typed before an upper or lower
/// vowel moved after it, a repeated mark kept once).
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
    let pass = thai_pass(input);
    // The Thai pass notes whether anything but ASCII, Thai and the like
    // appeared; only then is the quick check worth its cost.
    if pass.nfc_plain || is_nfc_quick(input.chars()) == IsNormalized::Yes {
        return pass.doc;
    }
    normalize_not_nfc(input)
}

/// [`normalize`] for input that is not in NFC: compose, run the Thai pass
/// over the composed text, and compose again.
fn normalize_not_nfc(input: &str) -> Normalized {
    let first = nfc_chunks(input);
    let second = thai_pass(&first.text).doc;
    let done = Normalized { map: first.map.then(&second.map), text: second.text };
    // Putting Thai marks in order can unblock a foreign mark that now
    // composes with its base (r + ◌̑ → ȓ): compose once more.
    match nfc(&done.text) {
        None => done,
        Some(third) => Normalized { map: done.map.then(&third.map), text: third.text },
    }
}

mod chars;
mod map;
mod pass;

use map::{Builder, OffsetMap};
use pass::thai_pass;
#[cfg(test)]
mod tests;

/// Whether NFC leaves `c` alone whatever surrounds it, as far as a cheap
/// test can tell: most news text is ASCII, Thai and punctuation, which NFC
/// leaves alone (Thai marks out of canonical order are put in order by the
/// Thai pass in the same way NFC would). Only when something else appears
/// is the quick check run.
pub(super) fn is_nfc_plain(c: char) -> bool {
    c < '\u{0300}' || ('\u{0E00}'..='\u{0E7F}').contains(&c) || ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Unicode NFC. Returns `None` when the input is already NFC (the common
/// case, decided by the quick check), so no copy is made.
fn nfc(input: &str) -> Option<Normalized> {
    if input.chars().all(is_nfc_plain) || is_nfc_quick(input.chars()) == IsNormalized::Yes {
        return None;
    }
    Some(nfc_chunks(input))
}

/// Unicode NFC, with the offset map.
fn nfc_chunks(input: &str) -> Normalized {
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
    b.finish()
}

/// Hangul jamo and syllables compose in sequences; keep them in one chunk.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{AC00}'..='\u{D7A3}')
}
