//! A tiny deterministic random source (SplitMix64), so the crate needs no `rand` and the same
//! seed gives the same org on every platform and every release.

/// One SplitMix64 step: a well-mixed 64-bit value from any input.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stateless dice: `roll(topic, i)` is a fixed random value for "decision `topic` about item
/// `i`", so one decision never shifts another (the planner can try several team counts and
/// each team keeps its character).
#[derive(Clone, Copy, Debug)]
pub struct Dice {
    seed: u64,
}

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice { seed: mix(seed) }
    }

    pub fn roll(self, topic: u64, i: u64) -> u64 {
        mix(self.seed ^ mix(topic.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ mix(i)))
    }

    /// A value in `0..n` (n > 0).
    pub fn below(self, topic: u64, i: u64, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((self.roll(topic, i) as u128 * n as u128) >> 64) as u64
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(self, topic: u64, i: u64, per_mille: u64) -> bool {
        self.below(topic, i, 1000) < per_mille
    }

    /// One item of a non-empty slice.
    pub fn pick<T: Copy>(self, topic: u64, i: u64, items: &[T]) -> T {
        items[self.below(topic, i, items.len() as u64) as usize]
    }

    /// One item of a non-empty `(item, weight)` table, chosen in proportion to the weights.
    pub fn weighted<T: Copy>(self, topic: u64, i: u64, table: &[(T, u32)]) -> T {
        let total: u64 = table.iter().map(|(_, w)| *w as u64).sum();
        let mut r = self.below(topic, i, total.max(1));
        for (item, w) in table {
            if r < *w as u64 {
                return *item;
            }
            r -= *w as u64;
        }
        table[table.len() - 1].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_rolls_the_same_values() {
        let (a, b) = (Dice::new(7), Dice::new(7));
        for i in 0..100 {
            assert_eq!(a.roll(3, i), b.roll(3, i));
        }
        assert_ne!(Dice::new(7).roll(3, 0), Dice::new(8).roll(3, 0));
    }

    #[test]
    fn rolls_below_a_bound_cover_the_range_evenly() {
        let d = Dice::new(1);
        let mut counts = [0u32; 10];
        for i in 0..10_000 {
            counts[d.below(1, i, 10) as usize] += 1;
        }
        assert!(
            counts.iter().all(|&c| (900..1100).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn weighted_picks_follow_the_weights() {
        let d = Dice::new(2);
        let hits = (0..10_000)
            .filter(|&i| d.weighted(5, i, &[('a', 9), ('b', 1)]) == 'a')
            .count();
        assert!((8_700..9_300).contains(&hits), "{hits}");
    }
}
