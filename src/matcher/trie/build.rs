//! Building a [`Trie`]: phrases into a map of edges, then numbered
//! breadth-first and packed (chains, the pair table).
//!
//! The builder keeps flat vectors (edges and phrase ends as tuples, sorted
//! once in [`TrieBuilder::build`]) rather than a vector per node: the word
//! list of [`crate::kinds`]' dictionary has some 200,000 nodes, and a
//! vector each made building it cost more than reading megabytes of text.

use foldhash::{HashMap, HashMapExt};

use super::{symbol, Node, NodeRef, Sym, Trie, MAX_GROUPS, MAX_LABEL};

/// Collects phrases, then builds a [`Trie`].
#[derive(Debug)]
pub(crate) struct TrieBuilder {
    others: HashMap<char, Sym>,
    edges: HashMap<(u32, Sym), u32>,
    /// How many nodes there are, the root included.
    nodes: u32,
    /// (node, group, id) of each phrase, in the order added.
    ends: Vec<(u32, u8, u32)>,
}

impl Default for TrieBuilder {
    fn default() -> TrieBuilder {
        TrieBuilder::new()
    }
}

impl TrieBuilder {
    pub fn new() -> TrieBuilder {
        TrieBuilder { others: HashMap::new(), edges: HashMap::new(), nodes: 1, ends: Vec::new() }
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
            let fresh = self.nodes;
            node = *self.edges.entry((node, sym)).or_insert(fresh);
            if node == fresh {
                self.nodes += 1;
            }
        }
        self.ends.push((node, group as u8, id));
    }

    pub fn build(self) -> Trie {
        let count = self.nodes as usize;
        // Children by parent, in the builder's numbering: the edges sorted
        // by (parent, symbol), and where each parent's run starts.
        // A counting sort by parent, then each (short) run by symbol.
        let children = runs(count, self.edges.keys().map(|&(node, _)| node));
        let mut tree = vec![(0u32, 0 as Sym, 0u32); self.edges.len()];
        let mut next = children.clone();
        for (&(node, sym), &child) in &self.edges {
            tree[next[node as usize] as usize] = (node, sym, child);
            next[node as usize] += 1;
        }
        for n in 0..count {
            tree[children[n] as usize..children[n + 1] as usize].sort_unstable();
        }
        // Each node's phrases, in the order added, the first of a group only.
        let mut phrases = self.ends;
        phrases.sort_by_key(|&(node, ..)| node);
        phrases.dedup_by(|later, first| later.0 == first.0 && later.1 == first.1);
        let phrases_of = runs(count, phrases.iter().map(|&(node, ..)| node));
        let phrases: Vec<(u8, u32)> = phrases.into_iter().map(|(_, group, id)| (group, id)).collect();
        let kids = |old: u32| &tree[children[old as usize] as usize..children[old as usize + 1] as usize];
        // Number the nodes breadth-first: `order[new] = old`.
        let mut order = Vec::with_capacity(count);
        order.push(0u32);
        let mut renumber = vec![0u32; count];
        let mut i = 0;
        while let Some(&old) = order.get(i) {
            for &(_, _, child) in kids(old) {
                renumber[child as usize] = order.len() as u32;
                order.push(child);
            }
            i += 1;
        }
        let has_phrase = |old: u32| phrases_of[old as usize] < phrases_of[old as usize + 1];
        let (mut first, mut edges) = (Vec::with_capacity(order.len() + 1), Vec::with_capacity(tree.len()));
        let (mut ends, mut terminals) = (Vec::with_capacity(order.len() + 1), Vec::with_capacity(phrases.len()));
        let reference = |old: u32| NodeRef::new(renumber[old as usize], has_phrase(old));
        for &old in &order {
            first.push(edges.len() as u32);
            edges.extend(kids(old).iter().map(|&(_, sym, child)| (sym, reference(child))));
            ends.push(terminals.len() as u32);
            terminals
                .extend_from_slice(&phrases[phrases_of[old as usize] as usize..phrases_of[old as usize + 1] as usize]);
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
        let char_of = |sym: Sym| -> Option<char> {
            match sym {
                0..128 => Some(char::from(sym as u8)),
                128..256 => char::from_u32(0x0E00 + sym - 128),
                _ => others.get((sym - 256) as usize).copied(),
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
            let mut label = [0u8; MAX_LABEL];
            let mut len = push_char(&mut label, 0, char_of(sym)).unwrap_or(0);
            while !child.is_terminal() {
                let Some((sym, next)) = single(child.index()) else { break };
                let Some(more) = push_char(&mut label, len, char_of(sym)) else { break };
                len = more;
                child = next;
            }
            let label = &label[..len];
            if labels.len() + label.len() >= Node::MAX_OFFSET {
                // Beyond what 24 bits address, a node keeps its one edge.
                nodes.push(Node::branch(first[node], first[node + 1]));
                continue;
            }
            labels.extend_from_slice(label);
            nodes.push(Node::chain(off, label.len(), child));
        }
        labels.extend_from_slice(&[0; MAX_LABEL]);
        Trie { root, others: self.others, nodes, labels, edges, pairs, pair_ranks, pair_children, ends, terminals }
    }
}

/// Where each node's run starts in a list sorted by node (`count + 1`
/// offsets; node `n`'s items are `runs[n]..runs[n + 1]`).
fn runs(count: usize, nodes: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut starts = vec![0u32; count + 1];
    for node in nodes {
        starts[node as usize + 1] += 1;
    }
    for n in 0..count {
        starts[n + 1] += starts[n];
    }
    starts
}

/// Writes `c` at `label[len..]` and returns the new length, or `None` where
/// it does not fit whole (a chain then stops before it). An unknown symbol
/// (`None`) writes nothing, as the empty string did.
fn push_char(label: &mut [u8; MAX_LABEL], len: usize, c: Option<char>) -> Option<usize> {
    let Some(c) = c else { return Some(len) };
    let n = c.len_utf8();
    if len + n > MAX_LABEL {
        return None;
    }
    c.encode_utf8(&mut label[len..]);
    Some(len + n)
}
