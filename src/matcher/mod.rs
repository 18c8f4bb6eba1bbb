//! Compiled matchers: the character trie of the shared scan.

pub(crate) mod trie;
