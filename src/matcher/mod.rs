//! Compiled matchers below the lexicons: the character trie of the shared
//! scan (and of the kinds' small word lists). What they are, why they are
//! not general automata and the measurements behind each fast path:
//! `src/matcher/DESIGN.md`.

pub(crate) mod doc;
pub(crate) mod scan;
pub(crate) mod trie;

/// Groups of phrases and texts that both the scan's and the trie's tests
/// compare with aho-corasick: overlapping phrases across groups, a repeated
/// phrase, an empty one, characters outside ASCII and Thai, and chains longer
/// than one compare, cut short by the text's end.
#[cfg(test)]
pub(crate) fn test_cases() -> Vec<(Vec<Vec<&'static str>>, String)> {
    let founding = include_str!("../../fixtures/000_khonkaen_unesco.txt");
    let founding = &founding[..founding.char_indices().nth(400).map_or(founding.len(), |(i, _)| i)];
    let long = "กขนกขนกขนกขนกขน";
    vec![
        (
            vec![
                vec!["นาย", "นายกเทศมนตรี", "เทศบาลนคร", "ขอนแก่น", "ยูเนสโก", "(", "UNESCO"],
                vec!["ใน", "ปี", "คน", "องศา", "ล้าน", "นคร"],
                vec!["ขอนแก่น", "ขอน", "แก่น", "นครขอนแก่น", "–", "€"],
            ],
            founding.to_string(),
        ),
        (vec![vec!["ab", "abc", "b", "bcd"], vec!["c", "cd"]], "abcd abcabcd bcd".to_string()),
        (vec![vec!["a", "a", "aa"]], "aaa".to_string()),
        (vec![vec!["é", "éa"], vec![""]], "aéaéé".to_string()),
        (vec![vec![long, "กข", "ขนก"], vec!["กขนกขนก"]], format!("{long}ก กขนกขนกขนกขนกข")),
        (vec![vec![long, "นกขนกขนกขนกขนกขนก"]], "ขนกขนกขนกขนกขนกขนกข".to_string()),
    ]
}
