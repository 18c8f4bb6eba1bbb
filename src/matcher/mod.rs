//! Compiled matchers below the lexicons: the character trie of the shared
//! scan (and of the kinds' small word lists). What they are, why they are
//! not general automata and the measurements behind each fast path:
//! `src/matcher/DESIGN.md`.

pub(crate) mod doc;
pub(crate) mod scan;
pub(crate) mod trie;
