//! A deterministic, org-shaped test tree shared by the benchmark, the comparison example and
//! the large tests (included with `#[path]`, so it is not part of the library's API).

use topograph_layout::NodeInput;

/// SplitMix64: tiny, fast, and identical everywhere, so every run lays out the same chart
/// without a dependency on an RNG crate.
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Prng {
        Prng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (the modulo bias is irrelevant for test data).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// `n` cards in one tree: managers have 3-12 reports, about a quarter of the people under
/// a manager are individual contributors, depth grows like log n, a few cards are wider or
/// taller than the standard 200 x 72, and the input order is shuffled as it would be when
/// read from a database.
pub fn synthetic_org(n: usize, seed: u64) -> Vec<NodeInput> {
    let mut rng = Prng::new(seed);
    let mut parent: Vec<Option<u32>> = Vec::with_capacity(n);
    if n == 0 {
        return Vec::new();
    }
    parent.push(None);
    let mut next = 0;
    while parent.len() < n {
        // The last person in the queue always manages someone, so generation cannot stall.
        let manager = next == 0 || next + 1 == parent.len() || rng.below(4) != 0;
        if manager {
            let span = 3 + rng.below(10) as usize;
            for _ in 0..span.min(n - parent.len()) {
                parent.push(Some(next as u32));
            }
        }
        next += 1;
    }
    let mut perm: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        perm.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut nodes = vec![
        NodeInput {
            parent: None,
            width: 0.0,
            height: 0.0,
        };
        n
    ];
    for (old, p) in parent.iter().enumerate() {
        let width = match rng.below(20) {
            0 => 280.0,
            1 | 2 => 240.0,
            _ => 200.0,
        };
        let height = if rng.below(10) == 0 { 96.0 } else { 72.0 };
        nodes[perm[old] as usize] = NodeInput {
            parent: p.map(|p| perm[p as usize]),
            width,
            height,
        };
    }
    nodes
}
