//! Shelf packing: boxes in input order fill rows left to right up to a width, top-aligned.

/// Positions of packed boxes relative to the block's top-left, and the block's size.
pub(crate) struct Packed {
    pub at: Vec<(f64, f64)>,
    pub width: f64,
    pub height: f64,
}

/// Packs `sizes` in rows no wider than `width` (a box wider than that gets a row of its own).
pub(crate) fn shelves(sizes: &[(f64, f64)], width: f64, gap: f64) -> Packed {
    let mut at = Vec::with_capacity(sizes.len());
    let (mut x, mut y, mut row_h, mut used_w) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for &(w, h) in sizes {
        if x > 0.0 && x + w > width {
            y += row_h + gap;
            x = 0.0;
            row_h = 0.0;
        }
        at.push((x, y));
        used_w = used_w.max(x + w);
        row_h = row_h.max(h);
        x += w + gap;
    }
    Packed {
        at,
        width: used_w,
        height: if sizes.is_empty() { 0.0 } else { y + row_h },
    }
}

/// The row width at which `sizes` pack into a block of roughly `aspect` (width / height):
/// the square root of their area stretched by the aspect, never narrower than the widest box.
pub(crate) fn target_width(sizes: &[(f64, f64)], gap: f64, aspect: f64) -> f64 {
    let area: f64 = sizes.iter().map(|&(w, h)| (w + gap) * (h + gap)).sum();
    let widest = sizes.iter().map(|&(w, _)| w).fold(0.0, f64::max);
    (area * aspect).sqrt().max(widest)
}
