//! Compiles the dictionary word list (`src/kinds/shared/words_th.txt`,
//! 61k words) into crawdad's character-wise double-array trie at build
//! time, so that no run pays for building it: starting from the serialized
//! form is a copy of 2 MB, about 4M instructions, where building the trie
//! at first use cost about 155M (`src/kinds/shared/dictionary.rs`).

use std::{env, fs, path::Path};

const WORDS: &str = "src/kinds/shared/words_th.txt";

fn main() {
    println!("cargo::rerun-if-changed={WORDS}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = fs::read_to_string(WORDS).expect("the dictionary word list");
    // One word a line; `#` lines and blank lines skipped, as
    // `dictionary::words` reads the list in the tests.
    let mut words: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    words.sort_unstable();
    words.dedup();
    let trie = crawdad::Trie::from_keys(&words).expect("crawdad builds the dictionary trie");
    let out = Path::new(&env::var_os("OUT_DIR").expect("OUT_DIR")).join("words_th.crawdad");
    fs::write(out, trie.serialize_to_vec()).expect("the serialized dictionary trie is written");
}
