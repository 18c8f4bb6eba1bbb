//! The shared scan: every group's leftmost-longest matches from one
//! overlapping pass of a character-wise Aho-Corasick automaton.
//!
//! [`daachorse`]'s double-array automaton reads the text once, a character
//! a step, whatever the phrases share; the character trie it replaced
//! walked again from every character. Each phrase is one pattern whose
//! value indexes the (group, ID) pairs it was added with. The overlapping
//! matches, sorted by start, group and length (longest first), give each
//! group its leftmost-longest matches in one sweep: a group takes the
//! first match at a start that is free, the longest there, and is free
//! again where it ends.

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use foldhash::{HashMap, HashMapExt};

use super::trie::{Found, MAX_GROUPS};

/// Collects phrases of several groups, then builds a [`GroupScan`].
#[derive(Debug, Default)]
pub(crate) struct GroupScanBuilder {
    /// Each distinct phrase's pattern number.
    patterns: HashMap<String, u32>,
    /// Per pattern, its (group, ID) pairs in the order added.
    owners: Vec<Vec<(u8, u32)>>,
}

impl GroupScanBuilder {
    pub fn new() -> GroupScanBuilder {
        GroupScanBuilder { patterns: HashMap::new(), owners: Vec::new() }
    }

    /// Adds `phrase` to `group` (below [`MAX_GROUPS`]) with `id`. Where a
    /// group has the same phrase twice, the first added wins, as the lowest
    /// pattern ID does in Aho-Corasick. An empty phrase never matches.
    pub fn add(&mut self, group: usize, id: u32, phrase: &str) {
        assert!(group < MAX_GROUPS, "a scan holds at most {MAX_GROUPS} groups");
        if phrase.is_empty() {
            return;
        }
        let next = self.owners.len() as u32;
        let p = *self.patterns.entry(phrase.to_string()).or_insert(next);
        if p == next {
            self.owners.push(Vec::new());
        }
        let list = &mut self.owners[p as usize];
        if !list.iter().any(|&(g, _)| usize::from(g) == group) {
            list.push((group as u8, id));
        }
    }

    /// # Errors
    ///
    /// daachorse's, where the automaton would be larger than it addresses
    /// (more than `u32::MAX` states). Phrases are distinct and not empty,
    /// so no other error can come.
    pub fn build(self) -> Result<GroupScan, daachorse::errors::DaachorseError> {
        let mut starts = Vec::with_capacity(self.owners.len() + 1);
        let mut owners = Vec::new();
        for list in &self.owners {
            starts.push(owners.len() as u32);
            owners.extend_from_slice(list);
        }
        starts.push(owners.len() as u32);
        let automaton = if self.patterns.is_empty() {
            None
        } else {
            Some(CharwiseDoubleArrayAhoCorasickBuilder::new().build_with_values(self.patterns)?)
        };
        Ok(GroupScan { automaton, starts, owners })
    }
}

/// Phrases of several groups; see the [module docs](self).
pub(crate) struct GroupScan {
    /// `None` when no phrase was added (daachorse needs one).
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// Pattern `p`'s (group, ID) pairs are `owners[starts[p]..starts[p + 1]]`.
    starts: Vec<u32>,
    owners: Vec<(u8, u32)>,
}

impl std::fmt::Debug for GroupScan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupScan").field("patterns", &(self.starts.len() - 1)).finish_non_exhaustive()
    }
}

impl GroupScan {
    /// Every group's leftmost-longest matches, in text order; at one start,
    /// groups in increasing order.
    pub fn scan(&self, text: &str, mut emit: impl FnMut(Found)) {
        let Some(automaton) = &self.automaton else { return };
        // By (start, group, longest first): the matches come by end, so
        // each goes back past the few that end later than it starts, an
        // insertion sort that costs a step or two a match.
        let mut all: Vec<(usize, u8, usize, u32)> = Vec::with_capacity(text.len() / 32);
        let key = |&(start, group, end, _): &(usize, u8, usize, u32)| (start, group, usize::MAX - end);
        for m in automaton.find_overlapping_iter(text) {
            let p = m.value() as usize;
            for &(group, id) in &self.owners[self.starts[p] as usize..self.starts[p + 1] as usize] {
                let item = (m.start(), group, m.end(), id);
                // Pushed, then moved back by hand: `Vec::insert` calls
                // memmove even where nothing moves, as for most matches.
                all.push(item);
                let mut at = all.len() - 1;
                while at > 0 && key(&all[at - 1]) > key(&item) {
                    all[at] = all[at - 1];
                    at -= 1;
                }
                all[at] = item;
            }
        }
        let mut free = [0usize; MAX_GROUPS];
        for (start, group, end, id) in all {
            let group = usize::from(group);
            if start >= free[group] {
                free[group] = end;
                emit(Found { group, id, start, end });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// Each group's matches from [`GroupScan::scan`] and from its own
    /// leftmost-longest Aho-Corasick automaton.
    fn compare(groups: &[Vec<&str>], text: &str) {
        let mut b = GroupScanBuilder::new();
        for (g, phrases) in groups.iter().enumerate() {
            for (i, p) in phrases.iter().enumerate() {
                b.add(g, i as u32, p);
            }
        }
        let scan = b.build().unwrap();
        let mut got = vec![Vec::new(); groups.len()];
        let mut last = (0, 0);
        scan.scan(text, |f| {
            assert!((f.start, f.group) >= last, "text order, then group");
            last = (f.start, f.group);
            got[f.group].push((f.id as usize, f.start, f.end));
        });
        for (g, phrases) in groups.iter().enumerate() {
            // "" never matches here; stand in a phrase that cannot.
            let phrases = phrases.iter().map(|p| if p.is_empty() { "\u{0}\u{1}never" } else { p });
            let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(phrases).unwrap();
            let want: Vec<_> = ac.find_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            assert_eq!(got[g], want, "group {g} of {groups:?} in {text:?}");
        }
    }

    #[test]
    fn each_group_gets_its_own_leftmost_longest_matches() {
        compare(&[vec!["ขอน", "ขอนแก่น", "แก่น"], vec!["แก่นคูณ", "นแก"], vec![]], "ขอนแก่นคูณขอนแก่น");
        compare(&[vec!["a", "ab", "abc"], vec!["b", "bcd"], vec!["", "ab"]], "abcd abc bcd");
        compare(&[vec!["กข", "กข"], vec!["กข"]], "กขกข");
        compare(&[vec![]], "กข");
        compare(&[vec!["é€", "€x"]], "aé€x€x");
        for (groups, text) in crate::matcher::test_cases() {
            compare(&groups, &text);
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_agrees_with_aho_corasick(
            a in proptest::collection::vec("[กขนa.é ]{0,4}", 1..6),
            b in proptest::collection::vec("[กขนa.é ]{0,9}", 1..6),
            c in proptest::collection::vec("[กขน]{1,3}", 1..4),
            text in "[กขนa.é ]{0,40}",
        ) {
            let groups = [a, b, c];
            compare(&groups.iter().map(|g| g.iter().map(String::as_str).collect()).collect::<Vec<_>>(), &text);
        }
    }
}
