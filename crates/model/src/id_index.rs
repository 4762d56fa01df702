//! Dense positions for ids, sized by the number of records and never by the highest id.
//!
//! Passes over a whole org (health, diff figures) index arrays by record position rather than
//! look ids up in maps, which at 100k people would dominate their time. Ids come from files,
//! though, and a file may hold ids near `u32::MAX`: sizing a vector by the highest id would
//! then allocate gigabytes. This table is a plain vector only when the ids are dense enough for
//! it to stay within a few times the record count, and a hash map otherwise.

use std::collections::HashMap;

/// Where each id sits in a list of records (its position in iteration order).
#[derive(Clone, Debug)]
pub enum IdIndex {
    Dense(Vec<u32>),
    Sparse(HashMap<u32, u32>),
}

const ABSENT: u32 = u32::MAX;

impl IdIndex {
    /// Positions of `ids` in the order given; an id given twice keeps its first position.
    pub fn new(ids: impl IntoIterator<Item = u32>) -> IdIndex {
        let ids: Vec<u32> = ids.into_iter().collect();
        let (len, max) = (ids.len(), ids.iter().copied().max().unwrap_or(0));
        let ids = ids.into_iter();
        if (max as usize) <= len.saturating_mul(4).saturating_add(64) {
            let mut v = vec![ABSENT; max as usize + 1];
            for (i, id) in ids.enumerate() {
                if v[id as usize] == ABSENT {
                    v[id as usize] = i as u32;
                }
            }
            IdIndex::Dense(v)
        } else {
            let mut m = HashMap::with_capacity(len);
            for (i, id) in ids.enumerate() {
                m.entry(id).or_insert(i as u32);
            }
            IdIndex::Sparse(m)
        }
    }

    /// The position of `id`, or `None` when no record has it.
    #[inline]
    pub fn get(&self, id: u32) -> Option<usize> {
        match self {
            IdIndex::Dense(v) => v
                .get(id as usize)
                .filter(|&&p| p != ABSENT)
                .map(|&p| p as usize),
            IdIndex::Sparse(m) => m.get(&id).map(|&p| p as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_ids_get_a_vector_and_sparse_ones_a_map() {
        let dense = IdIndex::new([3u32, 1, 2]);
        assert!(matches!(dense, IdIndex::Dense(_)));
        assert_eq!(dense.get(1), Some(1));
        assert_eq!(dense.get(4), None);
        let sparse = IdIndex::new([1u32, u32::MAX - 1, u32::MAX]);
        assert!(matches!(sparse, IdIndex::Sparse(_)));
        assert_eq!(sparse.get(u32::MAX), Some(2));
        assert_eq!(sparse.get(7), None);
    }
}
