//! The character rules of the Thai pass: line breaks, zero-width
//! characters, spaces, quotes, digits and the order of Thai marks.

/// Sara e (เ); two in a row are a mistyped sara ae (แ).
pub(super) const SARA_E: char = '\u{0E40}';
/// Sara ae (แ).
pub(super) const SARA_AE: char = '\u{0E41}';
/// Nikhahit (ํ), the first half of a decomposed sara am.
pub(super) const NIKHAHIT: char = '\u{0E4D}';
/// Sara aa (า), the second half of a decomposed sara am.
pub(super) const SARA_AA: char = '\u{0E32}';
/// Sara am (ำ).
pub(super) const SARA_AM: char = '\u{0E33}';

/// Line breaks: CRLF and a lone CR become LF. Returns the replacement and
/// how many bytes of input it consumes, or `None` for other characters.
pub(super) fn line_break(c: char, next: Option<char>) -> Option<usize> {
    match (c, next) {
        ('\r', Some('\n')) => Some(2),
        ('\r', _) => Some(1),
        _ => None,
    }
}

/// Zero-width characters that carry nothing in Thai news text: ZWSP,
/// ZWNJ, ZWJ, word joiner, BOM / ZWNBSP, soft hyphen.
pub(super) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Horizontal spaces: ASCII space, tab, NBSP and the other Unicode space
/// separators. (Line breaks are kept.)
pub(super) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Curly and other typographic quotes → their straight ASCII forms.
pub(super) fn straight_quote(c: char) -> Option<char> {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Some('\''),
        _ => None,
    }
}

/// Thai digits ๐–๙ → ASCII 0–9.
pub(super) fn arabic_digit(c: char) -> Option<char> {
    match c {
        '\u{0E50}'..='\u{0E59}' => char::from_u32(c as u32 - 0x0E50 + u32::from(b'0')),
        _ => None,
    }
}

/// Characters the Thai pass writes unchanged whatever surrounds them: ASCII
/// letters and digits, Thai consonants and the vowels that are no mark
/// (not sara e, which may be doubled). None is a zero-width character, a
/// space, a line break, a quote, a Thai digit or a Thai mark.
pub(super) fn is_plain(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0E01}'..='\u{0E30}' | '\u{0E32}' | '\u{0E33}' | '\u{0E41}'..='\u{0E46}')
}

/// A Thai combining mark: mai han-akat, the upper and lower vowels,
/// phinthu, maitaikhu, the tone marks, thanthakhat, nikhahit, yamakkan.
pub(super) const fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// A combining mark of another script (canonical combining class above 0)
/// standing among Thai marks: it is put in order with them, so that the
/// result stays in NFC.
pub(super) fn is_foreign_mark(c: char) -> bool {
    c >= '\u{0300}'
        && !('\u{0E00}'..='\u{0E7F}').contains(&c)
        && unicode_normalization::char::canonical_combining_class(c) > 0
}

/// A mark that belongs to the cluster being put in order.
pub(super) fn is_mark(c: char) -> bool {
    is_thai_mark(c) || is_foreign_mark(c)
}

/// Where a mark goes in a cluster: vowels first, then maitaikhu, then tone
/// marks and thanthakhat, then nikhahit. A stable sort keeps marks of the
/// same rank in the order typed. A foreign mark goes with the vowels when
/// its combining class is at most theirs (103), else with the tone marks,
/// which keeps every run of non-starters in ascending combining class (NFC).
pub(super) fn mark_rank(c: char) -> u8 {
    match c {
        _ if is_thai_mark(c) => thai_rank(c),
        _ if unicode_normalization::char::canonical_combining_class(c) <= 103 => 0,
        _ => 2,
    }
}

/// [`mark_rank`] of a Thai mark.
pub(super) const fn thai_rank(c: char) -> u8 {
    match c {
        '\u{0E47}' => 1,
        '\u{0E48}'..='\u{0E4C}' | '\u{0E4E}' => 2,
        '\u{0E4D}' => 3,
        _ => 0,
    }
}

/// The canonical combining class of a Thai mark (Unicode: phinthu 9, sara
/// u and uu 103, the four tone marks 107, the rest 0), without a table
/// lookup.
pub(super) const fn thai_ccc(c: char) -> u8 {
    match c {
        '\u{0E3A}' => 9,
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

/// Sort key of a mark within a cluster.
pub(super) fn mark_key(c: char) -> (u8, u8) {
    let ccc = if is_thai_mark(c) { thai_ccc(c) } else { unicode_normalization::char::canonical_combining_class(c) };
    (mark_rank(c), ccc)
}

/// Whether a run of marks is already canonical: no duplicates and in order
/// (the common case: one mark, or a vowel then a tone mark).
pub(super) fn is_canonical(marks: &[char]) -> bool {
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
pub(super) fn canonical_marks(marks: &[char], then_sara_aa: bool, out: &mut Vec<char>) {
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

/// The first character at or after byte `from` that is not zero-width, and
/// where it starts.
pub(super) fn peek_visible(input: &str, from: usize) -> Option<(usize, char)> {
    input.get(from..)?.char_indices().find(|&(_, c)| !is_zero_width(c)).map(|(j, c)| (from + j, c))
}
