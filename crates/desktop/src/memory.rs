//! Memory the app has freed, handed back to the system. Opening a big document builds and drops
//! large transient structures (the records read from the file, the state's JSON for the page, the
//! checks' findings); glibc keeps what was freed in its heaps for later allocations, so the app's
//! footprint stays at its peak (about 90 MB more than it uses at 100k people) until asked to trim.

/// Gives freed heap memory back to the system when more than `threshold` bytes of it are held;
/// answers whether it did. Costs a walk of the heaps: call it when the app is idle. Elsewhere
/// than Linux with glibc, the allocator returns memory itself and this does nothing.
pub fn release_freed(threshold: usize) -> bool {
    imp::release_freed(threshold)
}

/// Bytes freed but still held by the allocator (none where it cannot tell).
pub fn held_free() -> usize {
    imp::held_free()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod imp {
    pub fn held_free() -> usize {
        // SAFETY: mallinfo2 reads the allocator's counters and has no preconditions.
        let info = unsafe { libc::mallinfo2() };
        info.fordblks
    }

    pub fn release_freed(threshold: usize) -> bool {
        if held_free() <= threshold {
            return false;
        }
        // SAFETY: malloc_trim only returns unused pages of the heaps; it is safe at any time.
        unsafe { libc::malloc_trim(0) };
        true
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod imp {
    pub fn held_free() -> usize {
        0
    }

    pub fn release_freed(_threshold: usize) -> bool {
        false
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    /// This process's resident memory, from /proc.
    fn resident() -> usize {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
        let pages: usize = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
        pages * 4096
    }

    #[test]
    fn memory_freed_above_the_threshold_is_handed_back_and_below_it_is_left_alone() {
        // Small blocks come from the heap (large ones are mapped and returned at once): 64 MB of
        // them, every eighth kept, as a document stays among its load's freed transients; the
        // rest is freed space glibc does not give back by itself.
        let mut blocks: Vec<Vec<u8>> = (0..16_384).map(|i| vec![i as u8; 4096]).collect();
        let mut kept = Vec::new();
        for (i, b) in blocks.drain(..).enumerate() {
            if i % 8 == 0 {
                kept.push(b);
            }
        }
        assert!(
            !release_freed(usize::MAX),
            "nothing is ever above the largest threshold"
        );
        let held = held_free();
        assert!(held >= 32 << 20, "the freed blocks are held: {held} bytes");
        let before = resident();
        assert!(release_freed(16 << 20));
        let after = resident();
        assert!(
            after + (24 << 20) < before,
            "resident {before} bytes before, {after} after"
        );
        assert_eq!(kept.len(), 2048, "the kept blocks are untouched");
        assert!(kept.iter().enumerate().all(|(i, b)| b[0] == (i * 8) as u8));
    }
}
