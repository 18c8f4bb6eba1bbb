//! The trie's anchored look-ups against aho-corasick.

use super::*;
use aho_corasick::{AhoCorasick, MatchKind};

#[test]
fn lead_decodes_every_character() {
    let mut text: String = (0x0DF0..0x0EA0).filter_map(char::from_u32).collect();
    text.push_str("a\u{7F}é€\u{10348}ก\u{0E7F}");
    for (pos, c) in text.char_indices() {
        let want = match c as usize {
            c @ 0..0x80 => c,
            c @ 0x0E00..0x0E80 => 128 + c - 0x0E00,
            _ => 256 + usize::from(text.as_bytes()[pos]),
        };
        assert_eq!(lead(text.as_bytes(), pos), (want, c.len_utf8()), "{c:?} at {pos}");
    }
}

proptest::proptest! {
    #[test]
    fn may_start_at_is_true_wherever_a_phrase_starts(
        phrases in proptest::collection::vec("[กขนa.é ]{0,4}", 1..6),
        text in "[กขนa.é ]{0,20}",
    ) {
        let trie = Trie::of_phrases(&phrases);
        for pos in 0..=text.len() {
            if trie.longest_at(&text, pos, 0).is_some() {
                proptest::prop_assert!(trie.may_start_at(&text, pos), "{phrases:?} in {text:?} at {pos}");
            }
        }
    }
}

#[test]
fn longest_at_is_anchored() {
    let mut b = TrieBuilder::new();
    b.add(0, 0, "นาย");
    b.add(0, 1, "นายก");
    b.add(1, 0, "นายกเทศมนตรี");
    let trie = b.build();
    let text = "นายกเทศมนตรีนาย";
    assert_eq!(trie.longest_at(text, 0, 0), Some((1, "นายก".len())));
    assert_eq!(trie.longest_at(text, 0, 1), Some((0, "นายกเทศมนตรี".len())));
    assert_eq!(trie.longest_at(text, 3, 0), None);
    assert_eq!(trie.longest_at(text, 1, 0), None, "inside a character");
    assert_eq!(trie.longest_at(text, text.len(), 0), None);
}

/// [`Trie::longest_before`] against an anchored leftmost-longest
/// Aho-Corasick search over the reversed bytes before each position (the
/// matcher it replaced in the places extractor), and against a scan of
/// the phrases.
fn compare_before(phrases: &[&str], text: &str) {
    let trie = Trie::of_reversed_phrases(phrases);
    let reversed: Vec<Vec<u8>> = phrases
        .iter()
        .map(|p| if p.is_empty() { b"never\x01\x00".to_vec() } else { p.bytes().rev().collect() })
        .collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&reversed)
        .unwrap();
    for pos in 0..=text.len() {
        let want = text.get(..pos).and_then(|before| {
            let rev: Vec<u8> = before.bytes().rev().collect();
            let m = ac.find(aho_corasick::Input::new(&rev).anchored(aho_corasick::Anchored::Yes))?;
            Some((m.pattern().as_u32(), pos - m.len()))
        });
        assert_eq!(trie.longest_before(text, pos, 0), want, "{phrases:?} in {text:?} at {pos}");
        let longest = text.get(..pos).and_then(|before| {
            let len = phrases.iter().filter(|p| !p.is_empty() && before.ends_with(*p)).map(|p| p.len()).max()?;
            let id = phrases.iter().position(|p| p.len() == len && before.ends_with(p))?;
            Some((id as u32, pos - len))
        });
        assert_eq!(want, longest);
    }
}

#[test]
fn longest_before_is_anchored_at_the_end() {
    let text = include_str!("../../../fixtures/000_khonkaen_unesco.txt");
    compare_before(&["ใน", "จาก", "อ.", "จังหวัด", "หวัด", "นคร", "กรุง", "เขต", "€", "é", "(", "ขอนแก่น"], text);
    compare_before(&["a", "ba", "cba", "ba", "é", "aé"], "cbaéaé cba");
    compare_before(&["นาย"], "นาย");
    assert_eq!(Trie::of_reversed_phrases(["นาย"]).longest_before("นาย", 1, 0), None, "inside a character");
}

proptest::proptest! {
    #[test]
    fn longest_before_agrees_with_aho_corasick(
        phrases in proptest::collection::vec("[กขนa.é€ ]{0,9}", 1..6),
        text in "[กขนa.é€ ]{0,40}",
    ) {
        compare_before(&phrases.iter().map(String::as_str).collect::<Vec<_>>(), &text);
    }
}

/// [`Trie::longest_at`] of each group at every position against an
/// anchored leftmost-longest Aho-Corasick search of that group's phrases.
fn compare_at(groups: &[Vec<&str>], text: &str) {
    let mut b = TrieBuilder::new();
    for (g, phrases) in groups.iter().enumerate() {
        for (i, p) in phrases.iter().enumerate() {
            b.add(g, i as u32, p);
        }
    }
    let trie = b.build();
    for (g, phrases) in groups.iter().enumerate() {
        // "" never matches in the trie; stand in a phrase that cannot.
        let phrases = phrases.iter().map(|p| if p.is_empty() { "\u{0}\u{1}never" } else { p });
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(phrases)
            .unwrap();
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            let input = aho_corasick::Input::new(text).range(pos..).anchored(aho_corasick::Anchored::Yes);
            let want = ac.find(input).map(|m| (m.pattern().as_u32(), m.end()));
            assert_eq!(trie.longest_at(text, pos, g), want, "group {g} of {groups:?} in {text:?} at {pos}");
        }
    }
}

#[test]
fn each_group_gets_its_own_longest_phrase() {
    for (groups, text) in crate::matcher::test_cases() {
        compare_at(&groups, &text);
    }
}

proptest::proptest! {
    #[test]
    fn longest_at_agrees_with_aho_corasick(
        a in proptest::collection::vec("[กขนa.é ]{0,4}", 1..6),
        b in proptest::collection::vec("[กขนa.é ]{0,9}", 1..6),
        text in "[กขนa.é ]{0,40}",
    ) {
        compare_at(&[a.iter().map(String::as_str).collect(), b.iter().map(String::as_str).collect()], &text);
    }
}
