//! PNG images of a diagram through resvg, at a scale or a target width.

use crate::diagram::{Detail, Diagram};
use crate::font::usvg_options;
use crate::svg::{canvas, to_svg, SvgOptions};
use crate::{failed, invalid};
use resvg::tiny_skia;
use topograph_model::Result;

#[derive(Clone, Debug, PartialEq)]
pub struct PngOptions {
    /// Device pixels per screen pixel, 1 to 4 (ignored when `width` is set).
    pub scale: f64,
    /// The image's width in pixels; the scale follows from it.
    pub width: Option<u32>,
    /// A transparent background instead of white.
    pub transparent: bool,
}

impl Default for PngOptions {
    fn default() -> Self {
        PngOptions {
            scale: 1.0,
            width: None,
            transparent: false,
        }
    }
}

/// The largest image made, in pixels (a 16384 x 16384 RGBA image is 1 GiB of memory).
pub const MAX_PIXELS: u64 = 16384 * 16384;
/// Labels smaller than this many pixels are unreadable; such images show the cards as blocks,
/// as the screen does when zoomed out.
const MIN_TEXT_PX: f64 = 4.0;

/// The image size and scale `o` asks for.
pub fn size(d: &dyn Diagram, o: &PngOptions) -> Result<(u32, u32, f64)> {
    let c = canvas(d);
    let scale = match o.width {
        Some(0) => return Err(invalid("the image width must be at least 1 pixel")),
        Some(w) => w as f64 / c.w,
        None if !(1.0..=4.0).contains(&o.scale) => {
            return Err(invalid(format!(
                "the scale must be between 1 and 4, not {}",
                o.scale
            )))
        }
        None => o.scale,
    };
    let w = o.width.unwrap_or((c.w * scale).ceil().max(1.0) as u32);
    let h = (c.h * scale).ceil().max(1.0) as u32;
    if w as u64 * h as u64 > MAX_PIXELS {
        return Err(invalid(format!(
            "a {w} x {h} pixel image is too large; choose a smaller scale or width, or export PDF or SVG"
        )));
    }
    Ok((w, h, scale))
}

/// The diagram as PNG bytes.
pub fn to_png(d: &dyn Diagram, o: &PngOptions) -> Result<Vec<u8>> {
    let (w, h, scale) = size(d, o)?;
    let detail = if d.smallest_text() * scale < MIN_TEXT_PX {
        Detail::Blocks
    } else {
        Detail::Full
    };
    let svg = to_svg(
        d,
        &SvgOptions {
            background: None,
            detail,
        },
    );
    let tree = usvg::Tree::from_str(&svg, &usvg_options())
        .map_err(|e| failed(format!("the drawing could not be read back: {e}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| invalid(format!("a {w} x {h} pixel image cannot be made")))?;
    if !o.transparent {
        pixmap.fill(tiny_skia::Color::WHITE);
    }
    // The SVG's own size is the canvas at scale 1; scaling it is all resvg needs.
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| failed(format!("the PNG could not be encoded: {e}")))
}
