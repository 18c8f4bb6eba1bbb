//! The Thai pass: one walk over the input that copies clean runs whole
//! (read as bytes) and applies the [character rules](super::chars) to the
//! rest.

use super::chars::{
    arabic_digit, canonical_marks, is_canonical, is_mark, is_plain, is_space, is_thai_mark, is_zero_width, line_break,
    peek_visible, straight_quote, thai_ccc, thai_rank, NIKHAHIT, SARA_AA, SARA_AE, SARA_E,
};
use std::ops::Range;

use super::map::Builder;
use super::{is_nfc_plain, Normalized};

/// How [`skip_thai`] treats each character of the Thai block, indexed by
/// its UTF-8 bytes read as one number (`E0 B8 80` to `E0 B9 BF`) minus
/// `E0 B8 80`, so that telling a Thai character and finding its class is
/// one subtraction and one comparison. (The gap between `E0 B8 BF` and
/// `E0 B9 80` holds no valid UTF-8; it is filled with [`CLASS_OTHER`].)
///
/// The values are ordered so that one comparison answers whether a
/// character joins a sara e or mark before it: the classes below
/// [`CLASS_NIKHAHIT`] never do. Mark classes compare as [`mark_key`](super::chars::mark_key) does.
pub(super) const THAI_CLASS: [u8; 0x140] = thai_classes();

/// Written unchanged whatever surrounds it: consonants, the vowels that
/// are no mark (but sara e), signs, unassigned code points.
pub(super) const CLASS_CLEAN: u8 = 0;
/// Sara e: unchanged unless a second sara e follows.
pub(super) const CLASS_SARA_E: u8 = 1;
/// A Thai digit, always rewritten.
pub(super) const CLASS_DIGIT: u8 = 2;
/// Nikhahit: a mark that may join a following sara aa.
pub(super) const CLASS_NIKHAHIT: u8 = 3;
/// Not a Thai character: anything but ASCII could be a zero-width
/// character or a foreign mark that joins what stands around it.
pub(super) const CLASS_OTHER: u8 = 8;
/// Any other Thai mark is `CLASS_MARK` + its rank × 4 + the order of its
/// combining class.
pub(super) const CLASS_MARK: u8 = 16;

/// Builds [`THAI_CLASS`] from the character tests the step uses.
pub(super) const fn thai_classes() -> [u8; 0x140] {
    let mut table = [CLASS_OTHER; 0x140];
    let mut cp = 0x0E00;
    while cp < 0x0E80 {
        let c = match char::from_u32(cp) {
            Some(c) => c,
            None => '\0',
        };
        // The UTF-8 of U+0E00 + x is E0 B8|(x >> 6) 80|(x & 0x3F).
        let offset = cp - 0x0E00;
        let index = (offset >> 6) * 0x100 + (offset & 0x3F);
        table[index as usize] = if c as u32 == SARA_E as u32 {
            CLASS_SARA_E
        } else if c as u32 == NIKHAHIT as u32 {
            CLASS_NIKHAHIT
        } else if is_thai_mark(c) {
            let ccc_order = match thai_ccc(c) {
                0 => 0,
                9 => 1,
                103 => 2,
                _ => 3,
            };
            CLASS_MARK + thai_rank(c) * 4 + ccc_order
        } else if matches!(c, '\u{0E50}'..='\u{0E59}') {
            CLASS_DIGIT
        } else {
            CLASS_CLEAN
        };
        cp += 1;
    }
    table
}

/// The class of the character whose UTF-8 starts `word` (read big-endian):
/// its entry in [`THAI_CLASS`] if it is Thai, else [`CLASS_OTHER`].
#[inline(always)]
pub(super) fn thai_class(word: u32) -> u8 {
    let index = (word >> 8).wrapping_sub(0xE0_B880);
    THAI_CLASS.get(index as usize).copied().unwrap_or(CLASS_OTHER)
}

/// Like [`thai_class`], for the character after a sara e or a mark: ASCII
/// (and the zero bytes that stand for the end of the input) joins nothing
/// before it, so it counts as [`CLASS_CLEAN`]. A result below
/// [`CLASS_NIKHAHIT`] means that the character joins nothing before it.
#[inline(always)]
pub(super) fn class_after(word: u32) -> u8 {
    if word < 0x8000_0000 {
        CLASS_CLEAN
    } else {
        thai_class(word)
    }
}

/// The four bytes of `bytes` from `at` as one big-endian number, with
/// zeros past the end.
pub(super) fn word_at(bytes: &[u8], at: usize) -> u32 {
    let mut word = [0; 4];
    for (w, b) in word.iter_mut().zip(bytes.iter().skip(at)) {
        *w = *b;
    }
    u32::from_be_bytes(word)
}

/// Skips, from byte `from`, the characters that [`ThaiPass::step`] would
/// leave as they are, keeping `last_space` as step keeps it, and returns
/// where the first character that may change (or the end) starts.
///
/// Skipped: ASCII but CR, tab, VT, FF and a space after a space; and the
/// Thai text [`skip_thai`] skips. That is nearly all of clean Thai news
/// text.
///
/// It stops only where step would start a character of its own, never
/// inside a cluster of marks or between a sara e and what follows it. So
/// step sees the text as it would without this shortcut, and the output
/// and map are the same.
pub(super) fn skip_clean(bytes: &[u8], from: usize, last_space: &mut bool) -> usize {
    let mut rest = bytes.get(from..).unwrap_or_default();
    let mut space = *last_space;
    while let Some(&byte) = rest.first() {
        if byte < 0x80 {
            match byte {
                b' ' if space => break,
                b' ' => space = true,
                b'\t' | b'\r' | 0x0B | 0x0C => break,
                _ => space = false,
            }
            rest = rest.get(1..).unwrap_or_default();
            continue;
        }
        let after = skip_thai(rest);
        if after.len() == rest.len() {
            break;
        }
        space = false;
        rest = after;
    }
    *last_space = space;
    bytes.len() - rest.len()
}

/// `rest` without the Thai text it starts with that step would leave as
/// it is: letters and signs; a sara e that no second sara e follows; one
/// mark, or two different marks in canonical order, that no further mark
/// follows. After a sara e or marks, a character other than ASCII or Thai
/// (a zero-width character could hide a second sara e or a further mark)
/// ends the skipping before them. `rest` must start where step would start
/// a character, so that a mark there starts a cluster.
///
/// A character costs one load, one subtraction and one table lookup (and a
/// look at the next character after a sara e or a mark). The last seven
/// bytes of the input are left to step.
#[inline(always)]
pub(super) fn skip_thai(mut rest: &[u8]) -> &[u8] {
    while let Some(&chunk) = rest.first_chunk::<8>() {
        // This character's three bytes and the next character's first four.
        let word = u64::from_be_bytes(chunk);
        let class = thai_class((word >> 32) as u32);
        let len = if class == CLASS_CLEAN {
            3
        } else {
            let next = class_after((word >> 8) as u32);
            match class {
                CLASS_SARA_E if next != CLASS_SARA_E && next != CLASS_OTHER => 3,
                CLASS_MARK.. if next < CLASS_NIKHAHIT => 3,
                // Two marks: different (compare their three bytes), in
                // order, and then no third.
                CLASS_MARK..
                    if next >= CLASS_MARK
                        && class <= next
                        && (word >> 40) != (word >> 16) & 0xFF_FFFF
                        && class_after(word_at(rest, 6)) < CLASS_NIKHAHIT =>
                {
                    6
                }
                _ => break,
            }
        };
        rest = rest.get(len..).unwrap_or_default();
    }
    rest
}

/// What the Thai pass has produced so far, and where it stands.
pub(super) struct ThaiPass<'a> {
    input: &'a str,
    b: Builder,
    /// Start of the pending verbatim run: `input[run..]` up to the current
    /// position is written unchanged when the run ends.
    run: usize,
    /// Whether the last character written (or pending) is a space.
    last_space: bool,
    /// Whether every character seen is one NFC leaves alone
    /// ([`is_nfc_plain`]).
    nfc_plain: bool,
    /// Scratch space for a cluster of marks and its canonical order.
    marks: Vec<char>,
    canon: Vec<char>,
}

/// The result of [`thai_pass`].
pub(super) struct ThaiPassOutput {
    pub(super) doc: Normalized,
    /// Every character of the input passes [`is_nfc_plain`], so the input
    /// needs no NFC.
    pub(super) nfc_plain: bool,
}

/// The Thai pass: every step but NFC, in one pass over the input.
///
/// Most of the text is skipped by [`skip_clean`], which only looks at bytes;
/// [`ThaiPass::step`] handles the rest, one character or cluster at a time.
pub(super) fn thai_pass(input: &str) -> ThaiPassOutput {
    let mut pass = ThaiPass::new(input);
    let mut at = 0;
    while at < input.len() {
        at = skip_clean(input.as_bytes(), at, &mut pass.last_space);
        if at < input.len() {
            at = pass.step_checked(at);
        }
    }
    pass.finish()
}

impl<'a> ThaiPass<'a> {
    pub(super) fn new(input: &'a str) -> ThaiPass<'a> {
        ThaiPass {
            input,
            b: Builder::with_capacity(input.len(), input.len()),
            run: 0,
            last_space: false,
            nfc_plain: true,
            marks: Vec::new(),
            canon: Vec::new(),
        }
    }

    pub(super) fn finish(mut self) -> ThaiPassOutput {
        self.b.keep(self.input, self.run..self.input.len());
        ThaiPassOutput { doc: self.b.finish(), nfc_plain: self.nfc_plain }
    }

    /// [`ThaiPass::step`], noting whether the characters it consumed are all
    /// NFC-plain. ([`skip_clean`] only skips ASCII and Thai, which are.)
    pub(super) fn step_checked(&mut self, at: usize) -> usize {
        let end = self.step(at);
        if self.nfc_plain {
            self.nfc_plain = self.input.get(at..end).is_some_and(|s| s.chars().all(is_nfc_plain));
        }
        end
    }

    /// Writes `with` in place of `input[range]`, after the pending run.
    pub(super) fn rewrite(&mut self, range: Range<usize>, with: &str) {
        self.b.keep(self.input, self.run..range.start);
        self.b.replace(range.clone(), with);
        self.run = range.end;
    }

    /// Handles the character at byte `at` (with what belongs to it: the LF
    /// of a CRLF, a second sara e, the rest of a cluster of marks) and
    /// returns where the next character starts.
    pub(super) fn step(&mut self, at: usize) -> usize {
        let input = self.input;
        let Some(c) = input.get(at..).and_then(|s| s.chars().next()) else { return input.len() };
        let c_end = at + c.len_utf8();
        if is_plain(c) {
            // Most characters: written unchanged, nothing to check.
            self.last_space = false;
            return c_end;
        }
        if is_zero_width(c) {
            self.b.keep(input, self.run..at);
            self.run = c_end;
            return c_end;
        }
        if is_space(c) {
            if self.last_space {
                self.b.keep(input, self.run..at);
                self.b.absorb(c_end);
                self.run = c_end;
            } else if c != ' ' {
                self.rewrite(at..c_end, " ");
            }
            self.last_space = true;
            return c_end;
        }
        self.last_space = false;
        if let Some(len) = line_break(c, input.get(c_end..).and_then(|s| s.chars().next())) {
            self.rewrite(at..at + len, "\n");
            return at + len;
        }
        if let Some(q) = straight_quote(c).or_else(|| arabic_digit(c)) {
            self.rewrite(at..c_end, q.encode_utf8(&mut [0; 4]));
            return c_end;
        }
        if c == SARA_E {
            if let Some((j, SARA_E)) = peek_visible(input, c_end) {
                let end = j + SARA_E.len_utf8();
                self.rewrite(at..end, SARA_AE.encode_utf8(&mut [0; 4]));
                return end;
            }
            return c_end;
        }
        if is_mark(c) {
            return self.cluster(at, c);
        }
        c_end
    }

    /// Handles the run of marks that starts with `first` at byte `at`
    /// (zero-width characters inside it are dropped), and a sara aa that
    /// completes a decomposed sara am; writes the run in canonical order.
    /// Returns where the run ends.
    pub(super) fn cluster(&mut self, at: usize, first: char) -> usize {
        let input = self.input;
        self.marks.clear();
        self.marks.push(first);
        let mut end = at + first.len_utf8();
        let mut dropped = false;
        while let Some((j, m)) = peek_visible(input, end) {
            if !is_mark(m) {
                break;
            }
            dropped |= j > end;
            self.marks.push(m);
            end = j + m.len_utf8();
        }
        let mut then_sara_aa = false;
        if self.marks.contains(&NIKHAHIT) {
            if let Some((j, SARA_AA)) = peek_visible(input, end) {
                dropped |= j > end;
                end = j + SARA_AA.len_utf8();
                then_sara_aa = true;
            }
        }
        if !dropped && !then_sara_aa && is_canonical(&self.marks) {
            return end;
        }
        canonical_marks(&self.marks, then_sara_aa, &mut self.canon);
        if dropped || self.canon != self.marks {
            let s: String = self.canon.iter().collect();
            self.rewrite(at..end, &s);
        }
        end
    }
}
