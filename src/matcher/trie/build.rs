//! Building a [`Trie`]: phrases into a map of edges, then numbered
//! breadth-first and packed (chains, the pair table).

use std::collections::HashMap;

use super::{symbol, Node, NodeRef, Sym, Trie, MAX_GROUPS, MAX_LABEL};

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
