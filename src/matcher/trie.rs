//! One pass over the text for several leftmost-longest lexicons at once.
//!
//! A [`Trie`] holds the phrases of several *groups* (the word lexicons, the
//! number words, the gazetteer, ...). [`Trie::scan`] reports, for every
//! group, the same matches as that group's own leftmost-longest
//! Aho-Corasick `find_iter`, in a single walk over the text.
//!
//! # Why a trie and not one automaton per group
//!
//! Thai is three bytes a character, and a byte DFA of our lexicons is tens
//! of megabytes: every transition is a likely cache miss, and each group
//! needs its own scan because leftmost-longest matches of one group hide
//! those of another. Here the trie's alphabet is characters (ASCII, the Thai
//! block and the few other characters the phrases use), so one Thai
//! character is one step; and from each character of the text the walk
//! follows the trie as far as the text agrees with some phrase. That walk
//! finds, for every group at once, the longest phrase starting there, which
//! is all leftmost-longest needs: walking positions left to right, a group's
//! match is taken where that group is free (past the end of its previous
//! match). Most walks stop after a character or two, since Thai text agrees
//! with few phrases for long.
//!
//! Cost: linear in the text times the number of characters a walk follows
//! (at most the longest phrase). Memory: a few bytes a trie node.

use std::collections::HashMap;

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

/// Collects phrases, then builds a [`Trie`].
#[derive(Debug, Default)]
pub(crate) struct TrieBuilder {
    others: HashMap<char, Sym>,
    edges: HashMap<(u32, Sym), u32>,
    /// Per node, (group, id) of the phrases ending there.
    terminals: Vec<Vec<(u8, u32)>>,
}

impl TrieBuilder {
    pub fn new() -> TrieBuilder {
        TrieBuilder { terminals: vec![Vec::new()], ..Default::default() }
    }

    /// Adds `phrase` to `group` (below [`MAX_GROUPS`]) with `id`. Where a
    /// group has the same phrase twice, the first added wins, as the lowest
    /// pattern ID does in Aho-Corasick. An empty phrase never matches.
    pub fn add(&mut self, group: usize, id: u32, phrase: &str) {
        assert!(group < MAX_GROUPS, "a trie holds at most {MAX_GROUPS} groups");
        if phrase.is_empty() {
            return;
        }
        let mut node = 0u32;
        for c in phrase.chars() {
            let sym = match symbol(c) {
                Some(s) => s,
                None => {
                    let next = 256 + self.others.len() as Sym;
                    *self.others.entry(c).or_insert(next)
                }
            };
            let fresh = self.terminals.len() as u32;
            node = *self.edges.entry((node, sym)).or_insert(fresh);
            if node == fresh {
                self.terminals.push(Vec::new());
            }
        }
        let list = &mut self.terminals[node as usize];
        if !list.iter().any(|&(g, _)| usize::from(g) == group) {
            list.push((group as u8, id));
        }
    }

    pub fn build(self) -> Trie {
        // Children by parent, in the builder's numbering.
        let mut children: Vec<Vec<(Sym, u32)>> = vec![Vec::new(); self.terminals.len()];
        for (&(node, sym), &child) in &self.edges {
            children[node as usize].push((sym, child));
        }
        // Number the nodes breadth-first: `order[new] = old`.
        let mut order = vec![0u32];
        let mut renumber = vec![0u32; self.terminals.len()];
        let mut i = 0;
        while let Some(&old) = order.get(i) {
            let list = &mut children[old as usize];
            list.sort_unstable();
            for &(_, child) in list.iter() {
                renumber[child as usize] = order.len() as u32;
                order.push(child);
            }
            i += 1;
        }
        let (mut first, mut edges) = (Vec::with_capacity(order.len() + 1), Vec::with_capacity(self.edges.len()));
        let (mut ends, mut terminals) = (Vec::with_capacity(order.len() + 1), Vec::new());
        let reference = |old: u32| NodeRef::new(renumber[old as usize], !self.terminals[old as usize].is_empty());
        for &old in &order {
            first.push(edges.len() as u32);
            edges.extend(children[old as usize].iter().map(|&(sym, child)| (sym, reference(child))));
            ends.push(terminals.len() as u32);
            terminals.extend(self.terminals[old as usize].iter().copied());
        }
        first.push(edges.len() as u32);
        ends.push(terminals.len() as u32);
        let mut root = vec![NodeRef::NONE; 256];
        let mut pairs = vec![0u64; 1 << 10];
        let mut pair_children = Vec::new();
        let child_of = |node: usize, sym: Sym| {
            let list = &edges[first[node] as usize..first[node + 1] as usize];
            list.binary_search_by_key(&sym, |&(s, _)| s).map_or(NodeRef::NONE, |i| list[i].1)
        };
        for &(a, child) in &edges[..first[1] as usize] {
            if a >= 256 {
                continue;
            }
            root[a as usize] = child;
            let c = child.index();
            for &(b, _) in edges[first[c] as usize..first[c + 1] as usize].iter().filter(|(b, _)| *b < 256) {
                let bit = (a << 8 | b) as usize;
                pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
        // Ranks follow bit order, so the children are pushed in that order.
        let mut pair_ranks = Vec::with_capacity(pairs.len());
        for (w, &word) in pairs.iter().enumerate() {
            pair_ranks.push(pair_children.len() as u32);
            let mut bits = word;
            while bits != 0 {
                let bit = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let (a, b) = ((bit >> 8) as Sym, (bit & 0xFF) as Sym);
                pair_children.push(child_of(root[a as usize].index(), b));
            }
        }
        // The characters numbered from 256, by number.
        let mut others = vec!['\0'; self.others.len()];
        for (&c, &sym) in &self.others {
            others[(sym - 256) as usize] = c;
        }
        let bytes_of = |sym: Sym| -> String {
            match sym {
                0..128 => char::from(sym as u8).to_string(),
                128..256 => char::from_u32(0x0E00 + sym - 128).map(String::from).unwrap_or_default(),
                _ => others.get((sym - 256) as usize).map(char::to_string).unwrap_or_default(),
            }
        };
        let single = |node: usize| -> Option<(Sym, NodeRef)> {
            match &edges[first[node] as usize..first[node + 1] as usize] {
                &[edge] if node != 0 => Some(edge),
                _ => None,
            }
        };
        // Each one-child node's chain: the characters along one-child,
        // phrase-less nodes, as far as MAX_LABEL bytes hold whole characters.
        let mut labels = Vec::new();
        let mut nodes = Vec::with_capacity(order.len());
        for node in 0..order.len() {
            let Some((sym, mut child)) = single(node) else {
                nodes.push(Node::branch(first[node], first[node + 1]));
                continue;
            };
            let off = labels.len();
            let mut label = bytes_of(sym);
            while !child.is_terminal() {
                let Some((sym, next)) = single(child.index()) else { break };
                let more = bytes_of(sym);
                if label.len() + more.len() > MAX_LABEL {
                    break;
                }
                label.push_str(&more);
                child = next;
            }
            if labels.len() + label.len() >= Node::MAX_OFFSET {
                // Beyond what 24 bits address, a node keeps its one edge.
                nodes.push(Node::branch(first[node], first[node + 1]));
                continue;
            }
            labels.extend_from_slice(label.as_bytes());
            nodes.push(Node::chain(off, label.len(), child));
        }
        labels.extend_from_slice(&[0; MAX_LABEL]);
        Trie { root, others: self.others, nodes, labels, edges, pairs, pair_ranks, pair_children, ends, terminals }
    }
}

/// The symbol of an ASCII or Thai character.
fn symbol(c: char) -> Option<Sym> {
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
const fn utf8_len(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The length in bytes of a character in [`lead`] slot `slot` (`0..512`).
pub(crate) fn slot_len(slot: usize) -> usize {
    const LEN: [u8; 512] = {
        let mut len = [1u8; 512];
        let mut slot = 128;
        while slot < 512 {
            len[slot] = if slot < 256 { 3 } else { utf8_len((slot - 256) as u8) as u8 };
            slot += 1;
        }
        len
    };
    usize::from(LEN[slot])
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

    /// Every group's leftmost-longest matches, in text order; at one start,
    /// groups in increasing order.
    ///
    /// `chars` receives every character's symbol as it goes, with the
    /// characters outside ASCII and the Thai block as `256 +` their first
    /// byte: the slots of [`super::doc::CharSlots`].
    pub fn scan(&self, text: &str, chars: &mut Vec<u16>, mut emit: impl FnMut(Found)) {
        // Where each group's next match may start.
        let mut free = [0usize; MAX_GROUPS];
        let mut best = [(0u32, 0usize); MAX_GROUPS];
        let mut pos = 0;
        let bytes = text.as_bytes();
        let mut here = self.symbol_at(text, 0);
        while let Some((first, len)) = here {
            chars.push(if first < 256 { first as u16 } else { 256 + u16::from(bytes[pos]) });
            let next = self.symbol_at(text, pos + len);
            let mut found = 0u32;
            self.walk(text, pos, (first, len), next, |node, end| {
                for &(g, id) in self.terminals_of(node) {
                    let g = usize::from(g);
                    if pos >= free[g] {
                        best[g] = (id, end);
                        found |= 1 << g;
                    }
                }
            });
            while found != 0 {
                let group = found.trailing_zeros() as usize;
                found &= found - 1;
                let (id, end) = best[group];
                free[group] = end;
                emit(Found { group, id, start: pos, end });
            }
            pos += len;
            here = next;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// Each group's matches from [`Trie::scan`] and from its own
    /// leftmost-longest Aho-Corasick automaton.
    fn compare(groups: &[Vec<&str>], text: &str) {
        let mut b = TrieBuilder::new();
        for (g, phrases) in groups.iter().enumerate() {
            for (i, p) in phrases.iter().enumerate() {
                b.add(g, i as u32, p);
            }
        }
        let trie = b.build();
        let mut got = vec![Vec::new(); groups.len()];
        let mut last = 0;
        let mut chars = Vec::new();
        trie.scan(text, &mut chars, |f| {
            assert!(f.start >= last, "text order");
            last = f.start;
            got[f.group].push((f.id as usize, f.start, f.end));
        });
        for (g, phrases) in groups.iter().enumerate() {
            // "" never matches in the trie; stand in a phrase that cannot.
            let phrases = phrases.iter().map(|p| if p.is_empty() { "\u{0}\u{1}never" } else { p });
            let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(phrases).unwrap();
            let want: Vec<_> = ac.find_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect();
            assert_eq!(got[g], want, "group {g} of {groups:?} in {text:?}");
        }
    }

    #[test]
    fn each_group_gets_its_own_leftmost_longest_matches() {
        let text = include_str!("../../fixtures/000_khonkaen_unesco.txt");
        compare(
            &[
                vec!["นาย", "นายกเทศมนตรี", "เทศบาลนคร", "ขอนแก่น", "ยูเนสโก", "(", "UNESCO"],
                vec!["ใน", "ปี", "คน", "องศา", "ล้าน", "นคร"],
                vec!["ขอนแก่น", "ขอน", "แก่น", "นครขอนแก่น", "–", "€"],
            ],
            text,
        );
        compare(&[vec!["ab", "abc", "b", "bcd"], vec!["c", "cd"]], "abcd abcabcd bcd");
        compare(&[vec!["a", "a", "aa"]], "aaa");
        compare(&[vec!["é", "éa"], vec![""]], "aéaéé");
        // Chains longer than one compare, and chains cut short by the text's end.
        let long = "กขนกขนกขนกขนกขน";
        compare(&[vec![long, "กข", "ขนก"], vec!["กขนกขนก"]], &format!("{long}ก กขนกขนกขนกขนกข"));
        compare(&[vec![long, "นกขนกขนกขนกขนกขนก"]], "ขนกขนกขนกขนกขนกขนกข");
    }

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
        let text = include_str!("../../fixtures/000_khonkaen_unesco.txt");
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

        #[test]
        fn scan_agrees_with_aho_corasick(
            a in proptest::collection::vec("[กขนa.é ]{0,4}", 1..6),
            b in proptest::collection::vec("[กขนa.é ]{0,9}", 1..6),
            text in "[กขนa.é ]{0,40}",
        ) {
            compare(&[a.iter().map(String::as_str).collect(), b.iter().map(String::as_str).collect()], &text);
        }
    }
}
