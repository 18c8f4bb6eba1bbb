//! A filter of the places where a word of a short list may start, asked
//! before a walk of the list's trie at every character of a range.

/// Which Thai characters, and pairs of Thai characters, the words of a list
/// start with. Thai is three bytes a character (E0 B8 or E0 B9, then one),
/// so two characters are told from six bytes, and most places of a Thai
/// text start no word of a few hundred: there the trie is not walked.
pub(super) struct Starts {
    /// Bit `a * 128 + b` is set when a word starts with the Thai characters
    /// of offsets `a` and `b` (in the block U+0E00..U+0E7F).
    pairs: Vec<u64>,
    /// Bit `a` is set when a word is the Thai character `a` alone or goes on
    /// with a character outside the Thai block: there the trie is walked.
    alone: u128,
}

/// The offset in the Thai block of the character at byte `i` of `b`, if it
/// is a Thai character.
fn thai_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..i + 3) {
        Some(&[0xE0, b1 @ (0xB8 | 0xB9), b2]) => Some(usize::from(b1 - 0xB8) << 6 | usize::from(b2 & 0x3F)),
        _ => None,
    }
}

impl Starts {
    pub(super) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Starts {
        let (mut pairs, mut alone) = (vec![0u64; 128 * 128 / 64], 0u128);
        for w in words.into_iter().map(str::as_bytes) {
            match (thai_at(w, 0), thai_at(w, 3)) {
                (Some(a), Some(b)) => pairs[(a * 128 + b) / 64] |= 1 << ((a * 128 + b) % 64),
                (Some(a), None) => alone |= 1 << a,
                // A word that does not start with a Thai character is
                // looked up wherever no Thai character stands.
                (None, _) => {}
            }
        }
        Starts { pairs, alone }
    }

    /// Whether a word of the list may start at byte `i` of `text` (a
    /// character boundary): false only where none does.
    pub(super) fn may_start(&self, text: &str, i: usize) -> bool {
        let b = text.as_bytes();
        let Some(a) = thai_at(b, i) else { return true };
        if self.alone >> a & 1 != 0 {
            return true;
        }
        thai_at(b, i + 3).is_some_and(|c| self.pairs[(a * 128 + c) / 64] >> ((a * 128 + c) % 64) & 1 != 0)
    }
}

/// The length of the character whose first byte is `b` (1 for a byte that
/// starts no character, which a character boundary never holds).
pub(super) fn char_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}
