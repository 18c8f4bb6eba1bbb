//! Thai text facts every stage shares: which characters are Thai letters,
//! where a character cluster may begin or end, digit runs, and the year
//! ranges of news text.
//!
//! Below the fact kinds: each kind asks here instead of keeping a copy of
//! its own, so that two kinds never disagree about what a Thai letter is.
//! Everything here is a pure function of the text (or a constant); nothing
//! knows a lexicon or a fact kind.
//!
//! # Which characters are Thai letters
//!
//! A Thai *letter* is a consonant (ก–ฮ), a vowel or a tone mark or other
//! sign written on a consonant: the characters a Thai word is spelled with.
//! Three characters of the block's letter range are not letters, because a
//! word never continues through them:
//!
//! - `ฯ` (paiyannoi, U+0E2F) abbreviates (`กรุงเทพฯ`): the word ends there;
//! - `ๆ` (mai yamok, U+0E46) repeats the word before it (`เด็กๆ`);
//! - `฿` (baht sign, U+0E3F) is a currency sign.
//!
//! Thai digits are not letters either (normalization turns them into ASCII
//! digits before extraction), nor are the block's unassigned code points.

use std::ops::{Range, RangeInclusive};

/// A Thai consonant, vowel, tone mark or sign: U+0E01–U+0E2E, U+0E30–U+0E3A,
/// U+0E40–U+0E45 and U+0E47–U+0E4E. Not ฯ, ๆ, ฿, Thai digits, nor anything
/// outside the Thai block (see the [module docs](self)).
///
/// ```text
/// is_thai_letter('ก') && is_thai_letter('ั') && is_thai_letter('่')
/// !is_thai_letter('ฯ') && !is_thai_letter('ๆ') && !is_thai_letter('฿') && !is_thai_letter('๕')
/// ```
#[inline]
pub(crate) fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}' | '\u{0E30}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E45}' | '\u{0E47}'..='\u{0E4E}')
}

/// ฯ (paiyannoi): written after a shortened word (`กรุงเทพฯ`, `ธันวาฯ`), it
/// belongs to that word and ends it. Not a letter.
pub(crate) const PAIYANNOI: char = '\u{0E2F}';

/// A Thai vowel or mark written after the consonant it belongs to (ะ ั า
/// ำ ิ … ฺ, ๅ, ็ ่ ้ ๊ ๋ ์ ํ ๎): a word, and a character cluster, never starts
/// with one.
#[inline]
pub(crate) fn is_following_mark(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}' | '\u{0E47}'..='\u{0E4E}')
}

/// A Thai vowel written before its consonant (เ แ โ ใ ไ): a word never ends
/// with one.
#[inline]
pub(crate) fn is_leading_vowel(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// A character a Thai word starts with: a consonant or a leading vowel.
#[inline]
pub(crate) fn starts_thai_word(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}' | '\u{0E40}'..='\u{0E44}')
}

/// Whether a character cluster may end at byte `pos` of `text`: the next
/// character is not a vowel or mark of the same cluster. True at the end of
/// the text and where `pos` is no character boundary.
#[inline]
pub(crate) fn cluster_ends(text: &str, pos: usize) -> bool {
    !char_at(text, pos).is_some_and(is_following_mark)
}

/// Whether a character cluster may start at byte `pos` of `text`: the
/// character before is not a leading vowel, which belongs with the
/// consonant after it.
#[inline]
pub(crate) fn cluster_starts(text: &str, pos: usize) -> bool {
    !char_before(text, pos).is_some_and(is_leading_vowel)
}

/// Whether a character cluster may both end and start at byte `pos` of
/// `text`: [`cluster_ends`] and [`cluster_starts`] read from the bytes
/// (the marks and vowels tested are all `E0 B8 xx` or `E0 B9 xx`), without
/// decoding the characters on either side. True where `pos` is no character
/// boundary, as those two are.
#[inline]
pub(crate) fn cluster_boundary(text: &str, pos: usize) -> bool {
    if !text.is_char_boundary(pos) {
        return true;
    }
    let b = text.as_bytes();
    // A following mark: U+0E30 to U+0E3A, U+0E45, U+0E47 to U+0E4E.
    let mark_after = matches!(b.get(pos..), Some([0xE0, 0xB8, 0xB0..=0xBA, ..] | [0xE0, 0xB9, 0x85 | 0x87..=0x8E, ..]));
    // A leading vowel: U+0E40 to U+0E44.
    let vowel_before = pos >= 3 && matches!(b[pos - 3..pos], [0xE0, 0xB9, 0x80..=0x84]);
    !mark_after && !vowel_before
}

/// The character that ends at byte `pos`, if `pos` is a character
/// boundary after the first character.
#[inline]
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character that starts at byte `pos`, if `pos` is a character
/// boundary before the end.
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The first ASCII digit at or after `from`.
///
/// Thai news has a digit every few hundred bytes, so the cost of a digit
/// scan is this search, which goes sixteen bytes at a time.
pub(crate) fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 16;
    let mut at = from;
    // Whole blocks without a digit are skipped with a branch-free test that
    // the compiler turns into a few vector instructions.
    while let Some(block) = b.get(at..at + BLOCK) {
        if block.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            break;
        }
        at += BLOCK;
    }
    b.get(at..)?.iter().position(u8::is_ascii_digit).map(|i| at + i)
}

/// The runs of ASCII digits of `b` (each as long as it goes), in order:
/// the one digit scan of a text, which the date and number extractors
/// share (each reads its own shapes from it with a [`Digits`]).
pub(crate) fn digit_runs(b: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = next_digit(b, at) {
        at = digits_end(b, start);
        out.push(start..at);
    }
    out
}

/// [`next_digit`] over a text whose [`digit_runs`] are known: asked at
/// positions that never go back, it finds the next digit from the runs
/// instead of reading the text again.
pub(crate) struct Digits<'a> {
    runs: &'a [Range<usize>],
    /// The first run that may end after the last position asked.
    i: usize,
}

impl<'a> Digits<'a> {
    pub(crate) fn new(runs: &'a [Range<usize>]) -> Digits<'a> {
        Digits { runs, i: 0 }
    }

    /// The first ASCII digit at or after `from` (`from` not below the
    /// last position asked).
    pub(crate) fn next_digit(&mut self, from: usize) -> Option<usize> {
        while self.runs.get(self.i).is_some_and(|r| r.end <= from) {
            self.i += 1;
        }
        self.runs.get(self.i).map(|r| r.start.max(from))
    }
}

/// Where the run of ASCII digits at `from` ends.
pub(crate) fn digits_end(b: &[u8], from: usize) -> usize {
    b.get(from..).map_or(from, |rest| from + rest.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// Four-digit years of the Buddhist era that news text writes: BE
/// 2400–2700 (Gregorian 1857–2157).
pub(crate) const BE_YEARS: RangeInclusive<i32> = 2400..=2700;

/// Four-digit years of the common era that news text writes: 1800–2200.
pub(crate) const CE_YEARS: RangeInclusive<i32> = 1800..=2200;

/// A bare four-digit integer in this range, with no unit after it, is read
/// as a year (of either era), not as a count: `ในปี 2567`, `ค.ศ. 2024`. The
/// range starts at 1900, above [`CE_YEARS`], because a bare `1850` in news
/// is more often a count than a year of the nineteenth century.
pub(crate) const BARE_NUMBER_YEARS: RangeInclusive<i32> = 1900..=2700;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The runs' cursor finds the digit the scan of the text finds, from
        /// every position in turn.
        #[test]
        fn digits_from_the_runs_are_the_scanned_ones(text in "[0-9a ก]{0,40}") {
            let b = text.as_bytes();
            let runs = super::digit_runs(b);
            let mut digits = Digits::new(&runs);
            for from in 0..b.len() + 2 {
                proptest::prop_assert_eq!(digits.next_digit(from), next_digit(b, from));
            }
        }

        #[test]
        fn cluster_boundary_is_cluster_ends_and_starts(text in "[กขเแโใไะัาำิีึืฺุูๅ็่้๊๋์ํ๎a1 ]{0,12}", pos in 0usize..40) {
            proptest::prop_assert_eq!(cluster_boundary(&text, pos), cluster_ends(&text, pos) && cluster_starts(&text, pos));
        }
    }

    #[test]
    fn cluster_boundary_agrees_beside_every_thai_character() {
        for c in ('\u{0E00}'..='\u{0E7F}').chain(['a', ' ', 'é']) {
            for t in [format!("{c}ก"), format!("ก{c}"), format!("{c}"), format!("ก{c}ก")] {
                for pos in 0..=t.len() + 1 {
                    assert_eq!(
                        cluster_boundary(&t, pos),
                        cluster_ends(&t, pos) && cluster_starts(&t, pos),
                        "{t:?} {pos}"
                    );
                }
            }
        }
    }

    #[test]
    fn thai_letters_are_consonants_vowels_and_marks_only() {
        let letters: Vec<char> = ('\u{0E00}'..='\u{0E7F}').filter(|&c| is_thai_letter(c)).collect();
        // 46 consonants, 11 vowels and signs U+0E30-U+0E3A, 6 at U+0E40-U+0E45,
        // 8 marks U+0E47-U+0E4E.
        assert_eq!(letters.len(), 46 + 11 + 6 + 8);
        for c in ['ก', 'ฮ', 'ะ', 'ั', 'ฺ', 'เ', 'ไ', 'ๅ', '็', '่', '์', '๎'] {
            assert!(is_thai_letter(c), "{c:?}");
        }
        for c in ['ฯ', 'ๆ', '฿', '๏', '๐', '๙', '\u{0E3B}', '\u{0E00}', 'a', '1', ' ', '.'] {
            assert!(!is_thai_letter(c), "{c:?}");
        }
    }

    #[test]
    fn marks_leading_vowels_and_word_starts() {
        assert!(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ุ', 'ๅ', '่', '์'].into_iter().all(is_following_mark));
        assert!(!['ก', 'เ', 'ๆ', 'ฯ', '฿'].into_iter().any(is_following_mark));
        assert!(['เ', 'แ', 'โ', 'ใ', 'ไ'].into_iter().all(is_leading_vowel));
        assert!(!['ก', 'ๅ', 'า'].into_iter().any(is_leading_vowel));
        assert!(['ก', 'ฮ', 'เ', 'ไ'].into_iter().all(starts_thai_word));
        assert!(!['ะ', 'ั', 'ๅ', 'ฯ', 'ๆ', '฿', 'a'].into_iter().any(starts_thai_word));
    }

    #[test]
    fn cluster_edges() {
        let t = "เลย์ ก";
        // Inside เลย์: after เ (a leading vowel) no cluster starts; before ์ none ends.
        assert!(!cluster_starts(t, "เ".len()));
        assert!(!cluster_ends(t, "เลย".len()));
        assert!(cluster_ends(t, "เลย์".len()) && cluster_starts(t, "เลย์".len()));
        assert!(cluster_starts(t, 0) && cluster_ends(t, t.len()));
        // Not a character boundary: no character on that side.
        assert!(cluster_ends(t, 1) && cluster_starts(t, 1));
        assert_eq!((char_before(t, 0), char_at(t, t.len())), (None, None));
        assert_eq!((char_before(t, 3), char_at(t, 3)), (Some('เ'), Some('ล')));
    }

    #[test]
    fn digit_runs() {
        let b = "ปี 2567 มี 12 คน".as_bytes();
        let first = next_digit(b, 0).unwrap();
        assert_eq!(&b[first..digits_end(b, first)], b"2567");
        let second = next_digit(b, digits_end(b, first)).unwrap();
        assert_eq!(&b[second..digits_end(b, second)], b"12");
        assert_eq!(next_digit(b, digits_end(b, second)), None);
        assert_eq!(next_digit(b"", 0), None);
        assert_eq!(next_digit(b"12", 5), None);
        // Past a whole 16-byte block without a digit.
        assert_eq!(next_digit("กกกกกกกกกกกกกกกก7".as_bytes(), 0), Some(48));
    }

    #[test]
    fn year_ranges() {
        for (y, be, ce, bare) in [
            (1799, false, false, false),
            (1800, false, true, false),
            (1899, false, true, false),
            (1900, false, true, true),
            (2024, false, true, true),
            (2200, false, true, true),
            (2201, false, false, true),
            (2399, false, false, true),
            (2400, true, false, true),
            (2567, true, false, true),
            (2700, true, false, true),
            (2701, false, false, false),
        ] {
            assert_eq!(
                (BE_YEARS.contains(&y), CE_YEARS.contains(&y), BARE_NUMBER_YEARS.contains(&y)),
                (be, ce, bare),
                "{y}"
            );
        }
    }
}
