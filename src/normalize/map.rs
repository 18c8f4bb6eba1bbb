//! The offset map: segments of the normalized text and the input ranges
//! they came from, and the builder that writes text and map together.

use std::ops::Range;

use super::Normalized;

/// One piece of the normalized text and the input range it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Segment {
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
pub(super) struct OffsetMap {
    pub(super) segments: Vec<Segment>,
    /// Length of the input.
    orig_total: usize,
}

impl OffsetMap {
    /// The segment holding normalized offset `at` (with `at` < text length).
    pub(super) fn find(&self, at: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.out + s.out_len <= at);
        self.segments.get(i)
    }

    /// Input offset where a range starting at normalized offset `at` starts.
    pub(super) fn start(&self, at: usize) -> usize {
        match self.find(at) {
            Some(s) if s.verbatim => s.orig + (at - s.out),
            Some(s) => s.orig,
            None => self.orig_total,
        }
    }

    /// [`OffsetMap::start`] of `start` and [`OffsetMap::end`] of `end`
    /// (`start <= end`), with one binary search instead of two: a span
    /// mostly ends in the segment it starts in, or soon after, so the
    /// end's segment is looked for from the start's on, a few segments
    /// one by one before a binary search of the rest.
    pub(super) fn range(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            return (self.start(start), self.end(end));
        }
        let i = self.segments.partition_point(|s| s.out + s.out_len <= start);
        let s = match self.segments.get(i) {
            Some(seg) if seg.verbatim => seg.orig + (start - seg.out),
            Some(seg) => seg.orig,
            None => self.orig_total,
        };
        // The segment holding the end's last byte: at `i` or after, as
        // `end - 1 >= start`.
        let last = end - 1;
        let rest = self.segments.get(i..).unwrap_or_default();
        let k = match rest.iter().take(4).position(|seg| seg.out + seg.out_len > last) {
            Some(k) => k,
            None => rest.partition_point(|seg| seg.out + seg.out_len <= last),
        };
        let e = match rest.get(k) {
            Some(seg) if seg.verbatim => seg.orig + (end - seg.out),
            Some(seg) => seg.orig + seg.orig_len,
            None => self.orig_total,
        };
        (s, e)
    }

    /// Input offset where a range ending at normalized offset `at` ends.
    pub(super) fn end(&self, at: usize) -> usize {
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
    pub(super) fn then(&self, next: &OffsetMap) -> OffsetMap {
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
pub(super) struct Builder {
    text: String,
    map: OffsetMap,
}

impl Builder {
    pub(super) fn with_capacity(cap: usize, orig_total: usize) -> Builder {
        Builder { text: String::with_capacity(cap), map: OffsetMap { segments: Vec::new(), orig_total } }
    }

    pub(super) fn push(&mut self, seg: Segment) {
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
    pub(super) fn keep(&mut self, input: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let out = self.text.len();
        self.text.push_str(&input[range.clone()]);
        self.push(Segment { out, orig: range.start, out_len: range.len(), orig_len: range.len(), verbatim: true });
    }

    /// Writes `with` in place of `input[range]`.
    pub(super) fn replace(&mut self, range: Range<usize>, with: &str) {
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
    pub(super) fn absorb(&mut self, orig_end: usize) {
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

    pub(super) fn finish(self) -> Normalized {
        Normalized { text: self.text, map: self.map }
    }
}
