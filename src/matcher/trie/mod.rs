//! Anchored look-ups in word lists: the longest phrase of a group that
//! starts at a position ([`Trie::longest_at`]), that ends at one
//! ([`Trie::longest_before`], on a trie of reversed phrases), and whether
//! any may start there ([`Trie::may_start_at`]).
//!
//! A [`Trie`] holds the phrases of up to [`MAX_GROUPS`] *groups*. Its
//! alphabet is characters (ASCII, the Thai block and the few other
//! characters the phrases use), so one Thai character is one step; a walk
//! follows the trie from the position as far as the text agrees with some
//! phrase, and most walks stop after a character or two, since Thai text
//! agrees with few phrases for long. (The shared scan of every lexicon over
//! the whole text is [`super::scan`]'s automaton; this trie walked from
//! every character for it until daachorse's measured faster.)
//!
//! Cost: the number of characters a walk follows (at most the longest
//! phrase). Memory: a few bytes a trie node.

use foldhash::HashMap;

mod build;
#[cfg(test)]
mod tests;

pub(crate) use build::TrieBuilder;

/// A character in the trie's alphabet: ASCII is `0..128`, the Thai block
/// U+0E00..U+0E7F is `128..256`, and other characters that some phrase uses
/// are numbered from 256 (there are fewer characters than `u32` values, so
/// numbering cannot fail).
type Sym = u32;

/// A character no phrase uses.
const UNUSED: Sym = Sym::MAX;

/// A reference to a node, as edges and the root table hold it: the node's
/// number (breadth-first) in the low 31 bits and, in the top bit, whether
/// phrases end there, so that a walk reads [`Trie::terminals`] only there
/// (a few steps in a hundred).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NodeRef(u32);

impl NodeRef {
    /// Node 0 is the root.
    const ROOT: NodeRef = NodeRef(0);
    /// No edge leads to the root, so its reference also means "no child".
    const NONE: NodeRef = NodeRef::ROOT;
    const TERMINAL: u32 = 1 << 31;

    fn new(number: u32, terminal: bool) -> NodeRef {
        debug_assert!(number < NodeRef::TERMINAL, "a trie has fewer than 2^31 nodes");
        NodeRef(if terminal { number | NodeRef::TERMINAL } else { number })
    }

    /// The node's number: its index in [`Trie::nodes`].
    #[inline(always)]
    fn index(self) -> usize {
        (self.0 & !NodeRef::TERMINAL) as usize
    }

    /// Whether phrases end at the node.
    #[inline(always)]
    fn is_terminal(self) -> bool {
        self.0 & NodeRef::TERMINAL != 0
    }

    #[inline(always)]
    fn is_none(self) -> bool {
        self == NodeRef::NONE
    }
}

/// A node's edges in eight bytes: either a chain (the node has one child,
/// see [`Trie::labels`]) or a range of [`Trie::edges`].
#[derive(Debug, Clone, Copy)]
struct Node {
    /// A chain: [`Node::CHAIN`], the chain's length in bytes in bits 24..29
    /// and its offset in [`Trie::labels`] in bits 0..24. A branch: the
    /// first of its edges.
    a: u32,
    /// A chain: the [`NodeRef`] of the node at its end. A branch: one past
    /// its last edge.
    b: u32,
}

/// What [`Node::edges`] unpacks.
enum Edges {
    /// The text must read `labels[offset..offset + len]`, and leads to `end`.
    Chain { offset: usize, len: usize, end: NodeRef },
    /// The node's edges, `edges[range]`, sorted by symbol.
    Branch(std::ops::Range<usize>),
}

impl Node {
    /// The bit of [`Node::a`] that marks a chain.
    const CHAIN: u32 = 1 << 31;
    /// Chains start below this offset of [`Trie::labels`] (24 bits).
    const MAX_OFFSET: usize = 1 << 24;

    fn branch(first: u32, end: u32) -> Node {
        debug_assert!(first <= end && end < Node::CHAIN);
        Node { a: first, b: end }
    }

    fn chain(offset: usize, len: usize, end: NodeRef) -> Node {
        debug_assert!(offset < Node::MAX_OFFSET && len <= MAX_LABEL);
        Node { a: Node::CHAIN | (len as u32) << 24 | offset as u32, b: end.0 }
    }

    #[inline(always)]
    fn edges(self) -> Edges {
        if self.a & Node::CHAIN != 0 {
            Edges::Chain {
                offset: (self.a & 0xFF_FFFF) as usize,
                len: (self.a >> 24 & 0x1F) as usize,
                end: NodeRef(self.b),
            }
        } else {
            Edges::Branch(self.a as usize..self.b as usize)
        }
    }
}

/// The most bytes of a [chain](Trie::labels) compared at once.
const MAX_LABEL: usize = 16;

/// The low `n` bytes of a `u128`, by `n`.
const LABEL_MASKS: [u128; MAX_LABEL + 1] = {
    let mut masks = [u128::MAX; MAX_LABEL + 1];
    let mut n = 0;
    while n < MAX_LABEL {
        masks[n] = (1 << (8 * n)) - 1;
        n += 1;
    }
    masks
};

/// The most groups a trie holds (each is a bit of a mask in the scan).
pub(crate) const MAX_GROUPS: usize = 8;

/// A match of one group's phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The group the phrase was added to.
    pub group: usize,
    /// The ID the phrase was added with.
    pub id: u32,
    /// Byte offsets in the text.
    pub start: usize,
    pub end: usize,
}

/// Phrases of several groups; see the [module docs](self).
#[derive(Debug)]
pub(crate) struct Trie {
    /// The root's child for each symbol below 256 (ASCII and Thai), or
    /// [`NodeRef::NONE`].
    root: Vec<NodeRef>,
    /// Characters outside ASCII and the Thai block that phrases use.
    others: HashMap<char, Sym>,
    /// Node `n`'s edges. A node with one child other than the root (three
    /// nodes in four; all of them unless the chains outgrow what 24 bits
    /// address) is a chain ([`Edges::Chain`]); any other node's edges are
    /// a range of `edges`, sorted by symbol. Nodes are numbered
    /// breadth-first, so the edges near the root, which nearly every step
    /// reads, sit together at the start (a few kilobytes that stay in
    /// cache).
    nodes: Vec<Node>,
    /// The chains of one-child nodes, as UTF-8. From a node with one child,
    /// the trie can only go on along the characters of its chain: that
    /// child, then its own one child while it has one and no phrase ends
    /// there, up to [`MAX_LABEL`] bytes. A walk compares the text with the
    /// whole chain at once instead of taking a branch a character (each a
    /// likely misprediction), and lands on the chain's last node; as no
    /// phrase ends inside a chain, a mismatch anywhere in it ends the walk
    /// with nothing lost. Padded with `MAX_LABEL` zeros, so that a compare
    /// reads a whole word anywhere.
    labels: Vec<u8>,
    /// (symbol, child) of every edge, grouped by parent.
    edges: Vec<(Sym, NodeRef)>,
    /// Bit `a << 8 | b` is set when a phrase starts with the ASCII or Thai
    /// characters `a b`. The second step of a walk is the one most often taken and most often
    /// failed; this 8 KB table answers it without a search: a clear bit
    /// fails, and a set bit's rank (the set bits before it) indexes
    /// `pair_children`.
    pairs: Vec<u64>,
    /// The set bits of `pairs` before each of its words.
    pair_ranks: Vec<u32>,
    /// The node after `a b`, by the rank of bit `a << 8 | b`.
    pair_children: Vec<NodeRef>,
    /// For node `n`, its phrases are `terminals[ends[n]..ends[n + 1]]`.
    ends: Vec<u32>,
    /// (group, id) of the phrases ending at a node, at most one a group.
    terminals: Vec<(u8, u32)>,
}

/// The symbol of an ASCII or Thai character: `0..128` for ASCII, then
/// `128..256` for U+0E00..U+0E7F.
pub(crate) fn symbol(c: char) -> Option<Sym> {
    match c as u32 {
        c @ 0..0x80 => Some(c),
        c @ 0x0E00..0x0E80 => Some(c - 0x0E00 + 128),
        _ => None,
    }
}

/// The slot of the character at `pos` (a character boundary of `b`, before
/// its end), and its length in bytes. ASCII and Thai characters have a slot
/// each, which is also their trie symbol (`0..256`); any other character
/// shares the slot of its first byte (`256 + byte`). Thai is decoded from
/// its bytes: U+0E00..U+0E7F is E0 B8 80..E0 B9 BF.
#[inline(always)]
pub(crate) fn lead(b: &[u8], pos: usize) -> (usize, usize) {
    // Thai first, from one 4-byte load: E0 B8 or E0 B9, then the third byte.
    if let Some(&[b0, b1, b2, _]) = b.get(pos..pos + 4) {
        let w = u32::from_le_bytes([b0, b1, b2, 0]);
        if w & 0xFEFF == 0xB8E0 {
            return (128 + (w >> 2 & 0x40 | w >> 16 & 0x3F) as usize, 3);
        }
    }
    let b0 = b[pos];
    if b0 < 0x80 {
        return (usize::from(b0), 1);
    }
    if let (0xE0, Some(&b1 @ (0xB8 | 0xB9)), Some(&b2)) = (b0, b.get(pos + 1), b.get(pos + 2)) {
        return (128 + usize::from(b1 - 0xB8) * 64 + usize::from(b2 & 0x3F), 3);
    }
    (256 + usize::from(b0), utf8_len(b0))
}

/// The length of the UTF-8 character whose first byte is `b` (1 for a
/// continuation byte, which a `&str` never starts a character with).
pub(crate) const fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

impl Trie {
    /// A trie of `phrases` in group 0, IDs their positions: for
    /// [`Trie::longest_at`] over one word list.
    pub fn of_phrases<P: AsRef<str>>(phrases: impl IntoIterator<Item = P>) -> Trie {
        let mut b = TrieBuilder::new();
        for (id, p) in phrases.into_iter().enumerate() {
            b.add(0, id as u32, p.as_ref());
        }
        b.build()
    }

    /// A trie of `phrases` in group 0, IDs their positions, each with its
    /// characters in reverse order: for [`Trie::longest_before`], the
    /// longest phrase that ends at a position, found in one walk backwards.
    pub fn of_reversed_phrases<P: AsRef<str>>(phrases: impl IntoIterator<Item = P>) -> Trie {
        let mut b = TrieBuilder::new();
        for (id, p) in phrases.into_iter().enumerate() {
            let reversed: String = p.as_ref().chars().rev().collect();
            b.add(0, id as u32, &reversed);
        }
        b.build()
    }

    /// The symbol of the character that ends at byte `pos` of `text` (a
    /// character boundary) and its length in bytes, or `None` at the start.
    /// ASCII and Thai are decoded from the bytes; at a boundary, a byte E0
    /// three before `pos` is the lead byte of the character before it.
    #[inline(always)]
    fn symbol_before(&self, text: &str, pos: usize) -> Option<(Sym, usize)> {
        let b = text.as_bytes();
        let last = *b.get(pos.checked_sub(1)?)?;
        if last < 0x80 {
            return Some((Sym::from(last), 1));
        }
        if let (Some(0xE0), Some(&mid @ (0xB8 | 0xB9))) =
            (pos.checked_sub(3).map(|i| b[i]), pos.checked_sub(2).and_then(|i| b.get(i)))
        {
            return Some((128 + Sym::from(mid - 0xB8) * 64 + Sym::from(last & 0x3F), 3));
        }
        let c = text.get(..pos)?.chars().next_back()?;
        Some((self.others.get(&c).copied().unwrap_or(UNUSED), c.len_utf8()))
    }

    /// The symbol of the character at byte `pos` of `text` (a character
    /// boundary) and its length in bytes, or `None` at the end.
    #[inline(always)]
    fn symbol_at(&self, text: &str, pos: usize) -> Option<(Sym, usize)> {
        if pos >= text.len() {
            return None;
        }
        match lead(text.as_bytes(), pos) {
            (slot, len) if slot < 256 => Some((slot as Sym, len)),
            _ => {
                let c = text.get(pos..)?.chars().next()?;
                Some((self.others.get(&c).copied().unwrap_or(UNUSED), c.len_utf8()))
            }
        }
    }

    /// The child of the root for `sym`.
    #[inline(always)]
    fn root_child(&self, sym: Sym) -> NodeRef {
        self.root.get(sym as usize).copied().unwrap_or_else(|| self.branch_child(NodeRef::ROOT, sym))
    }

    /// The child for `sym` of `node`, a node without a chain.
    #[inline(always)]
    fn branch_child(&self, node: NodeRef, sym: Sym) -> NodeRef {
        let Edges::Branch(range) = self.nodes[node.index()].edges() else { return NodeRef::NONE };
        let edges = &self.edges[range];
        if edges.len() <= 8 {
            edges.iter().find(|&&(s, _)| s == sym).map_or(NodeRef::NONE, |&(_, c)| c)
        } else {
            edges.binary_search_by_key(&sym, |&(s, _)| s).map_or(NodeRef::NONE, |i| edges[i].1)
        }
    }

    /// From `node` (not [`NodeRef::NONE`]), reached with the text read up
    /// to `end`: the next node and the end of the text read to reach it, or
    /// [`NodeRef::NONE`].
    #[inline(always)]
    fn step(&self, text: &str, node: NodeRef, end: usize) -> (NodeRef, usize) {
        if let Edges::Chain { offset: off, len, end: next } = self.nodes[node.index()].edges() {
            let chunk = |b: &[u8], at: usize| b.get(at..).and_then(<[u8]>::first_chunk::<MAX_LABEL>).copied();
            let matches = match (chunk(text.as_bytes(), end), chunk(&self.labels, off)) {
                (Some(t), Some(l)) => {
                    (u128::from_le_bytes(t) ^ u128::from_le_bytes(l)) & LABEL_MASKS[len.min(MAX_LABEL)] == 0
                }
                _ => text.as_bytes()[end..].starts_with(&self.labels[off..off + len]),
            };
            return if matches { (next, end + len) } else { (NodeRef::NONE, end) };
        }
        match self.symbol_at(text, end) {
            Some((sym, len)) => (self.branch_child(node, sym), end + len),
            None => (NodeRef::NONE, end),
        }
    }

    /// Walks the trie along the text from byte `pos`, where the character
    /// `first` (`len` bytes) is, followed by `next` (the character at
    /// `pos + len` and its length, if any): calls `visit` with every node
    /// with phrases that the text reaches, and the end of the text read to
    /// reach it.
    ///
    /// Most walks end within two characters, at a branch the predictor
    /// cannot foresee (whether a phrase starts with this character, then
    /// with these two). For ASCII and Thai the pair table answers both at
    /// once: a clear bit says no phrase starts with the pair, a set bit
    /// leads to the node after it.
    #[inline(always)]
    fn walk(
        &self,
        text: &str,
        pos: usize,
        (first, len): (Sym, usize),
        next: Option<(Sym, usize)>,
        mut visit: impl FnMut(NodeRef, usize),
    ) {
        let after = self.root_child(first);
        if after.is_terminal() {
            visit(after, pos + len);
        }
        let Some((sym, next_len)) = next else { return };
        let (mut node, mut end) = if first < 256 && sym < 256 {
            let bit = (first << 8 | sym) as usize;
            let word = self.pairs[bit / 64];
            if word & (1 << (bit % 64)) == 0 {
                return;
            }
            let rank = self.pair_ranks[bit / 64] + (word & ((1 << (bit % 64)) - 1)).count_ones();
            (self.pair_children[rank as usize], pos + len + next_len)
        } else if !after.is_none() {
            self.step(text, after, pos + len)
        } else {
            return;
        };
        while !node.is_none() {
            if node.is_terminal() {
                visit(node, end);
            }
            (node, end) = self.step(text, node, end);
        }
    }

    #[inline(always)]
    fn terminals_of(&self, node: NodeRef) -> &[(u8, u32)] {
        if !node.is_terminal() {
            return &[];
        }
        let n = node.index();
        &self.terminals[self.ends[n] as usize..self.ends[n + 1] as usize]
    }

    /// Whether a phrase may start at byte `pos`: false only where none does
    /// (no phrase starts with the character there or, for ASCII and Thai,
    /// with the two characters there). The first two steps of
    /// [`Trie::longest_at`], without the rest of its walk.
    pub fn may_start_at(&self, text: &str, pos: usize) -> bool {
        if !text.is_char_boundary(pos) {
            return false;
        }
        let Some((first, len)) = self.symbol_at(text, pos) else { return false };
        let after = self.root_child(first);
        if after.is_none() {
            return false;
        }
        if after.is_terminal() {
            return true;
        }
        match self.symbol_at(text, pos + len) {
            Some((sym, _)) if first < 256 && sym < 256 => {
                let bit = (first << 8 | sym) as usize;
                self.pairs[bit / 64] & (1 << (bit % 64)) != 0
            }
            Some(_) => true,
            None => false,
        }
    }

    /// The longest phrase of `group` that starts exactly at byte `pos`:
    /// its ID and end.
    pub fn longest_at(&self, text: &str, pos: usize, group: usize) -> Option<(u32, usize)> {
        if !text.is_char_boundary(pos) {
            return None;
        }
        let (first, len) = self.symbol_at(text, pos)?;
        let mut best = None;
        self.walk(text, pos, (first, len), self.symbol_at(text, pos + len), |node, end| {
            if let Some(&(_, id)) = self.terminals_of(node).iter().find(|(g, _)| usize::from(*g) == group) {
                best = Some((id, end));
            }
        });
        best
    }

    /// The longest phrase of `group` that ends exactly at byte `pos`, in a
    /// trie of [`Trie::of_reversed_phrases`]: its ID and start. Among equal
    /// phrases the first added wins, as in [`Trie::longest_at`].
    pub fn longest_before(&self, text: &str, pos: usize, group: usize) -> Option<(u32, usize)> {
        if !text.is_char_boundary(pos) {
            return None;
        }
        let (first, len) = self.symbol_before(text, pos)?;
        let mut node = self.root_child(first);
        let (mut start, mut best) = (pos - len, None);
        while !node.is_none() {
            if let Some(&(_, id)) = self.terminals_of(node).iter().find(|(g, _)| usize::from(*g) == group) {
                best = Some((id, start));
            }
            if let Edges::Chain { offset: off, len, end } = self.nodes[node.index()].edges() {
                // The chain's characters, read backwards in the text.
                // Chains are whole characters, so this always holds.
                let Ok(chain) = std::str::from_utf8(&self.labels[off..off + len]) else { break };
                let mut at = Some(start);
                for c in chain.chars() {
                    at = at.filter(|&at| text.get(..at).and_then(|t| t.chars().next_back()) == Some(c));
                    at = at.map(|at| at - c.len_utf8());
                }
                (node, start) = at.map_or((NodeRef::NONE, start), |at| (end, at));
            } else {
                let Some((sym, len)) = self.symbol_before(text, start) else { break };
                node = self.branch_child(node, sym);
                start -= len;
            }
        }
        best
    }
}
