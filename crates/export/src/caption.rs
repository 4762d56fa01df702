//! A caption line above a diagram: what an image shows that its shapes cannot say, such as "The
//! org as of 2027-03-01". A PDF says it in its footer; an SVG or PNG sent on its own has only
//! this line, so [`Captioned`] wraps any diagram (as [`crate::legend::WithLegend`] does).

use crate::diagram::{meets, Detail, Diagram};
use crate::font::Metrics;
use crate::shapes::text;
use crate::style::NAME_COLOUR;
use crate::xml::num;
use topograph_scene::SceneRect;

/// The caption's smallest size, in scene units (one pixel at zoom 1).
const MIN_SIZE: f64 = 16.0;
/// Wide diagrams are shown shrunk to fit a screen or a slide: the caption grows with the width
/// so it still reads there (a 100k chart's caption would otherwise be a speck).
const WIDTH_SHARE: f64 = 1.0 / 80.0;

/// `inner` with the line `text` above it, left-aligned with it.
pub struct Captioned<'a> {
    pub inner: Box<dyn Diagram + 'a>,
    pub text: String,
}

impl Captioned<'_> {
    /// The caption's font size and its box (the line's full height, with a gap below).
    fn place(&self) -> (f64, SceneRect) {
        let b = self.inner.bounds();
        let size = (b.w * WIDTH_SHARE).max(MIN_SIZE);
        let h = size * 1.25;
        let w = Metrics::get().width(&self.text, size);
        let gap = size * 0.75;
        (
            size,
            SceneRect {
                x: b.x,
                y: b.y - gap - h,
                w,
                h,
            },
        )
    }
}

impl Diagram for Captioned<'_> {
    fn bounds(&self) -> SceneRect {
        crate::diagram::union(self.inner.bounds(), self.place().1)
    }

    /// The caption is drawn at every detail: it is sized to read wherever the image is shown.
    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        let (size, at) = self.place();
        if meets(region, at.x, at.y, at.w, at.h) {
            out.push_str("<g class=\"caption\" font-size=\"");
            num(out, size);
            out.push_str("\" fill=\"");
            out.push_str(NAME_COLOUR);
            out.push_str("\">");
            // The baseline sits a descent above the box's bottom.
            text(out, at.x, at.y + size, &self.text);
            out.push_str("</g>\n");
        }
        self.inner.write_svg(out, region, detail);
    }

    fn smallest_text(&self) -> f64 {
        self.inner.smallest_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Plain(SceneRect);
    impl Diagram for Plain {
        fn bounds(&self) -> SceneRect {
            self.0
        }
        fn write_svg(&self, out: &mut String, _: Option<&SceneRect>, _: Detail) {
            out.push_str("<rect/>");
        }
    }

    fn captioned(w: f64) -> Captioned<'static> {
        Captioned {
            inner: Box::new(Plain(SceneRect {
                x: 10.0,
                y: 20.0,
                w,
                h: 300.0,
            })),
            text: "The org as of 2027-03-01 & after".into(),
        }
    }

    #[test]
    fn the_caption_is_above_the_diagram_inside_the_bounds_and_escaped() {
        let c = captioned(2000.0);
        let b = c.bounds();
        assert!(b.y < 20.0, "the bounds grow upwards for the caption");
        assert_eq!(
            (b.x, b.y + b.h),
            (10.0, 320.0),
            "the diagram's other edges stay"
        );
        let mut svg = String::new();
        c.write_svg(&mut svg, None, Detail::Blocks);
        assert!(svg.contains(">The org as of 2027-03-01 &amp; after</text>"));
        assert!(svg.ends_with("<rect/>"), "the diagram is drawn too");
    }

    #[test]
    fn a_narrow_diagram_is_widened_to_its_caption_and_a_wide_one_gets_a_larger_caption() {
        let narrow = captioned(20.0);
        let m = Metrics::get().width(&narrow.text, MIN_SIZE);
        assert!((narrow.bounds().w - m).abs() < 1e-9);
        let wide = captioned(80_000.0);
        let (size, _) = wide.place();
        assert_eq!(size, 1000.0);
        // A region away from the top draws no caption.
        let mut svg = String::new();
        let below = SceneRect {
            x: 0.0,
            y: 200.0,
            w: 100.0,
            h: 50.0,
        };
        wide.write_svg(&mut svg, Some(&below), Detail::Full);
        assert_eq!(svg, "<rect/>");
    }
}
