//! Validation and flat adjacency for the input forest.
//!
//! Everything is index-based (CSR child lists, a breadth-first order) so that later passes are
//! plain loops: no recursion, no per-node allocation, and the stack depth does not grow with
//! the tree depth.

use crate::{LayoutError, NodeInput};

/// Marks "no node" in `u32` index arrays; `u32::MAX` is never a valid index because
/// [`Forest::build`] rejects inputs that large.
pub(crate) const NONE: u32 = u32::MAX;

pub(crate) struct Forest {
    /// Nodes without a parent, in input order (the order the trees are placed in).
    pub roots: Vec<u32>,
    /// `kids[start[v]..start[v + 1]]` are the children of `v`, in input order.
    pub start: Vec<u32>,
    pub kids: Vec<u32>,
    /// Parent of each node, `NONE` for roots.
    pub parent: Vec<u32>,
    pub depth: Vec<u32>,
    /// Breadth-first order over the whole forest: every parent comes before its children.
    pub order: Vec<u32>,
}

impl Forest {
    pub fn build(nodes: &[NodeInput]) -> Result<Forest, LayoutError> {
        let n = nodes.len();
        if n >= NONE as usize {
            return Err(LayoutError::TooManyNodes { count: n });
        }
        let mut start = vec![0u32; n + 1];
        for (i, node) in nodes.iter().enumerate() {
            if let Some(p) = node.parent {
                if p as usize >= n {
                    return Err(LayoutError::ParentOutOfRange {
                        node: i as u32,
                        parent: p,
                    });
                }
                start[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        // Filling in ascending input index is what keeps siblings in input order.
        let mut fill = start[..n].to_vec();
        let mut kids = vec![0u32; start[n] as usize];
        let mut roots = Vec::new();
        let mut parent = vec![NONE; n];
        for (i, node) in nodes.iter().enumerate() {
            match node.parent {
                Some(p) => {
                    parent[i] = p;
                    let slot = &mut fill[p as usize];
                    kids[*slot as usize] = i as u32;
                    *slot += 1;
                }
                None => roots.push(i as u32),
            }
        }

        let mut depth = vec![NONE; n];
        let mut order = Vec::with_capacity(n);
        for &r in &roots {
            depth[r as usize] = 0;
            order.push(r);
        }
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            let d = depth[v] + 1;
            for &c in &kids[start[v] as usize..start[v + 1] as usize] {
                depth[c as usize] = d;
                order.push(c);
            }
        }
        if order.len() < n {
            return Err(LayoutError::Cycle {
                node: find_cycle_node(nodes, &depth),
            });
        }
        Ok(Forest {
            roots,
            start,
            kids,
            parent,
            depth,
            order,
        })
    }

    #[inline]
    pub fn children(&self, v: u32) -> &[u32] {
        &self.kids[self.start[v as usize] as usize..self.start[v as usize + 1] as usize]
    }
}

/// A node unreachable from every root has an infinite parent chain, so walking up from it must
/// revisit a node; that node is on the cycle, which makes a better error than the unreachable
/// descendant we started from.
fn find_cycle_node(nodes: &[NodeInput], depth: &[u32]) -> u32 {
    let unreached = depth.iter().position(|&d| d == NONE).unwrap_or(0);
    let mut seen = vec![false; nodes.len()];
    let mut v = unreached;
    while !seen[v] {
        seen[v] = true;
        match nodes[v].parent {
            Some(p) => v = p as usize,
            None => break,
        }
    }
    v as u32
}
