//! Draws a PDF page straight from the small SVG vocabulary the views write (groups, rects,
//! circles, polygons, line paths, text), with labels as real text in the bundled font.
//!
//! usvg would lay out and outline every label of every page; here a label is a run of glyph ids
//! looked up in the font's cmap, shown with one font that the document embeds once. Anything
//! outside the vocabulary makes [`draw`] answer `None` so the page takes the slower svg2pdf road,
//! and labels that need shaping (right-to-left or joining scripts, marks, characters the font
//! lacks) are collected as SVG for svg2pdf to draw over the page.

use crate::font::Metrics;
use crate::xml::escape_into;
use pdf_writer::{Content, Name, Str};
use std::collections::{BTreeMap, BTreeSet};

/// The resource name of the document's one font.
pub const FONT: Name = Name(b"F0");

/// One page drawn directly.
pub struct Drawn {
    pub content: Vec<u8>,
    /// Glyph ids used, with the character each stands for (for the ToUnicode map).
    pub glyphs: BTreeMap<u16, char>,
    /// Fill and stroke alphas (0-255) used, each an ExtGState named by [`alpha_name`].
    pub alphas: BTreeSet<(u8, u8)>,
    /// Labels that need shaping, as SVG text elements in the page's coordinates (with the
    /// page's clip paths), or empty.
    pub shaped: String,
}

/// The ExtGState resource name for a fill and stroke alpha.
pub fn alpha_name(a: (u8, u8)) -> String {
    format!("G{:02x}{:02x}", a.0, a.1)
}

#[derive(Clone, Copy, PartialEq)]
struct Paint {
    rgb: [f32; 3],
    alpha: u8,
}

#[derive(Clone)]
struct Style {
    fill: Option<Paint>,
    stroke: Option<Paint>,
    stroke_width: f32,
    stroke_opacity: f32,
    fill_opacity: f32,
    dash: Option<Vec<f32>>,
    font_size: f32,
    /// The transform from this element's units to the root's (for shaped labels).
    ctm: [f64; 6],
    /// The clip path in force, by id.
    clip: Option<String>,
}

struct Page<'a> {
    out: Content,
    /// Colours, width and dash already in force, so each shape does not set them again.
    state: State,
    glyphs: BTreeMap<u16, char>,
    alphas: BTreeSet<(u8, u8)>,
    shaped: String,
    defs: Vec<&'a str>,
}

/// `svg` drawn into a content stream, or `None` when it uses something this writer does not.
pub fn draw(svg: &str) -> Option<Drawn> {
    let doc = roxmltree::Document::parse(svg).ok()?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return None;
    }
    let width: f64 = root.attribute("width")?.parse().ok()?;
    let height: f64 = root.attribute("height")?.parse().ok()?;
    let vb: Vec<f64> = numbers(root.attribute("viewBox")?)?;
    if vb.len() != 4 || vb[2] <= 0.0 || vb[3] <= 0.0 {
        return None;
    }
    let (sx, sy) = (width / vb[2], height / vb[3]);
    let mut page = Page {
        out: Content::new(),
        state: State::default(),
        glyphs: BTreeMap::new(),
        alphas: BTreeSet::new(),
        shaped: String::new(),
        defs: Vec::new(),
    };
    // PDF's y axis points up; the SVG's points down.
    page.out.save_state();
    page.out.transform([
        sx as f32,
        0.0,
        0.0,
        -sy as f32,
        (-vb[0] * sx) as f32,
        (height + vb[1] * sy) as f32,
    ]);
    let style = Style {
        fill: Some(Paint {
            rgb: [0.0; 3],
            alpha: 255,
        }),
        stroke: None,
        stroke_width: 1.0,
        stroke_opacity: 1.0,
        fill_opacity: 1.0,
        dash: None,
        font_size: 12.0,
        ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        clip: None,
    };
    let style = restyle(&style, root)?;
    let clips = clip_paths(&doc, svg, &mut page)?;
    children(&mut page, root, &style, &clips)?;
    page.out.restore_state();
    let shaped = if page.shaped.is_empty() {
        String::new()
    } else {
        let mut s = String::new();
        for d in &page.defs {
            s.push_str(d);
        }
        s.push_str(&page.shaped);
        s
    };
    Some(Drawn {
        content: page.out.finish(),
        glyphs: page.glyphs,
        alphas: page.alphas,
        shaped,
    })
}

#[derive(Default)]
struct State {
    fill: Option<[f32; 3]>,
    stroke: Option<[f32; 3]>,
    width: Option<f32>,
    dash: Option<Option<Vec<f32>>>,
    font_size: Option<f32>,
}

impl Page<'_> {
    fn restore(&mut self) {
        self.out.restore_state();
        self.state = State::default();
    }

    fn fill(&mut self, rgb: [f32; 3]) {
        if self.state.fill != Some(rgb) {
            self.out.set_fill_rgb(rgb[0], rgb[1], rgb[2]);
            self.state.fill = Some(rgb);
        }
    }

    fn stroke(&mut self, rgb: [f32; 3], width: f32, dash: &Option<Vec<f32>>) {
        if self.state.stroke != Some(rgb) {
            self.out.set_stroke_rgb(rgb[0], rgb[1], rgb[2]);
            self.state.stroke = Some(rgb);
        }
        if self.state.width != Some(width) {
            self.out.set_line_width(width);
            self.state.width = Some(width);
        }
        if self.state.dash.as_ref() != Some(dash) {
            match dash {
                Some(d) => self.out.set_dash_pattern(d.iter().copied(), 0.0),
                None => self.out.set_dash_pattern([], 0.0),
            };
            self.state.dash = Some(dash.clone());
        }
    }
}

type Clips = BTreeMap<String, Vec<[f64; 4]>>;

/// Clip paths made of rectangles, by id.
fn clip_paths<'a>(
    doc: &roxmltree::Document<'a>,
    svg: &'a str,
    page: &mut Page<'a>,
) -> Option<Clips> {
    let mut clips = Clips::new();
    for defs in doc.descendants().filter(|n| n.has_tag_name("defs")) {
        page.defs.push(&svg[defs.range()]);
        for clip in defs.children().filter(|n| n.is_element()) {
            if !clip.has_tag_name("clipPath") {
                return None;
            }
            let mut rects = Vec::new();
            for r in clip.children().filter(|n| n.is_element()) {
                if !r.has_tag_name("rect") || r.attribute("transform").is_some() {
                    return None;
                }
                rects.push([
                    attr(r, "x")?,
                    attr(r, "y")?,
                    attr(r, "width")?,
                    attr(r, "height")?,
                ]);
            }
            clips.insert(clip.attribute("id")?.to_string(), rects);
        }
    }
    Some(clips)
}

fn children(page: &mut Page, node: roxmltree::Node, style: &Style, clips: &Clips) -> Option<()> {
    for child in node.children() {
        if child.is_text() {
            if child.text().is_some_and(|t| !t.trim().is_empty()) {
                return None;
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        element(page, child, style, clips)?;
    }
    Some(())
}

fn element(page: &mut Page, node: roxmltree::Node, parent: &Style, clips: &Clips) -> Option<()> {
    let name = node.tag_name().name();
    if name == "defs" {
        return Some(());
    }
    let mut style = restyle(parent, node)?;
    let transform = match node.attribute("transform") {
        Some(t) => Some(matrix(t)?),
        None => None,
    };
    let clip = match node.attribute("clip-path") {
        Some(c) => {
            let id = c.strip_prefix("url(#")?.strip_suffix(')')?;
            Some((id.to_string(), clips.get(id)?))
        }
        None => None,
    };
    let scoped = transform.is_some() || clip.is_some();
    if scoped {
        page.out.save_state();
    }
    if let Some((id, rects)) = &clip {
        for r in rects.iter() {
            page.out
                .rect(r[0] as f32, r[1] as f32, r[2] as f32, r[3] as f32);
        }
        page.out.clip_nonzero();
        page.out.end_path();
        style.clip = Some(id.clone());
    }
    if let Some(m) = transform {
        page.out.transform(m.map(|v| v as f32));
        style.ctm = multiply(&style.ctm, &m);
    }
    match name {
        "g" => children(page, node, &style, clips)?,
        "rect" => {
            let (x, y, w, h) = (
                attr(node, "x").unwrap_or(0.0),
                attr(node, "y").unwrap_or(0.0),
                attr(node, "width")?,
                attr(node, "height")?,
            );
            let rx = attr(node, "rx").or_else(|| attr(node, "ry")).unwrap_or(0.0);
            let rx = rx.min(w / 2.0).min(h / 2.0);
            if rx > 0.0 {
                rounded(&mut page.out, x, y, w, h, rx);
            } else {
                page.out.rect(x as f32, y as f32, w as f32, h as f32);
            }
            paint(page, &style);
        }
        "circle" => {
            let (cx, cy, r) = (
                attr(node, "cx").unwrap_or(0.0),
                attr(node, "cy").unwrap_or(0.0),
                attr(node, "r")?,
            );
            rounded(&mut page.out, cx - r, cy - r, 2.0 * r, 2.0 * r, r);
            paint(page, &style);
        }
        "polygon" => {
            let p = numbers(node.attribute("points")?)?;
            if p.len() < 4 || p.len() % 2 != 0 {
                return None;
            }
            page.out.move_to(p[0] as f32, p[1] as f32);
            for q in p[2..].chunks_exact(2) {
                page.out.line_to(q[0] as f32, q[1] as f32);
            }
            page.out.close_path();
            paint(page, &style);
        }
        "path" => {
            path(&mut page.out, node.attribute("d")?)?;
            paint(page, &style);
        }
        "text" => text(page, node, &style)?,
        _ => return None,
    }
    if scoped {
        page.restore();
    }
    Some(())
}

/// The style of `node` given its parent's, or `None` for an attribute this writer does not know.
fn restyle(parent: &Style, node: roxmltree::Node) -> Option<Style> {
    let mut s = parent.clone();
    for a in node.attributes() {
        let v = a.value();
        match a.name() {
            "fill" => s.fill = paint_value(v)?,
            "stroke" => s.stroke = paint_value(v)?,
            "stroke-width" => s.stroke_width = v.parse().ok()?,
            "stroke-opacity" => s.stroke_opacity = v.parse().ok()?,
            "fill-opacity" => s.fill_opacity = v.parse().ok()?,
            "stroke-dasharray" => {
                s.dash = if v == "none" {
                    None
                } else {
                    Some(numbers(v)?.into_iter().map(|n| n as f32).collect())
                }
            }
            "font-size" => s.font_size = v.parse().ok()?,
            "x" | "y" | "width" | "height" | "rx" | "ry" | "cx" | "cy" | "r" | "d" | "points"
            | "transform" | "clip-path" | "id" | "viewBox" | "font-family" | "xmlns" => {}
            _ => return None,
        }
    }
    Some(s)
}

fn paint_value(v: &str) -> Option<Option<Paint>> {
    if v == "none" {
        return Some(None);
    }
    let hex = v.strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    let (rgb, alpha) = match hex.len() {
        3 => ([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17], 255),
        6 => ([byte(0)?, byte(2)?, byte(4)?], 255),
        8 => ([byte(0)?, byte(2)?, byte(4)?], byte(6)?),
        _ => return None,
    };
    Some(Some(Paint {
        rgb: rgb.map(|c| c as f32 / 255.0),
        alpha,
    }))
}

/// Fills and strokes the current path as `style` says (fill first, as SVG paints).
fn paint(page: &mut Page, style: &Style) {
    let fill = style.fill;
    let stroke = style.stroke.filter(|_| style.stroke_width > 0.0);
    let alpha = |p: Option<Paint>, o: f32| {
        p.map_or(255, |p| {
            ((p.alpha as f32 / 255.0) * o.clamp(0.0, 1.0) * 255.0).round() as u8
        })
    };
    let alphas = (
        alpha(fill, style.fill_opacity),
        alpha(stroke, style.stroke_opacity),
    );
    let translucent = alphas != (255, 255) && (fill.is_some() || stroke.is_some());
    if translucent {
        page.out.save_state();
        page.out.set_parameters(Name(alpha_name(alphas).as_bytes()));
        page.alphas.insert(alphas);
    }
    if let Some(f) = fill {
        page.fill(f.rgb);
    }
    if let Some(s) = stroke {
        page.stroke(s.rgb, style.stroke_width, &style.dash);
    }
    let out = &mut page.out;
    match (fill.is_some(), stroke.is_some()) {
        (true, true) => out.fill_nonzero_and_stroke(),
        (true, false) => out.fill_nonzero(),
        (false, true) => out.stroke(),
        (false, false) => out.end_path(),
    };
    if translucent {
        page.restore();
    }
}

/// A label as glyphs of the bundled font, or (when it needs shaping) as SVG for svg2pdf.
fn text(page: &mut Page, node: roxmltree::Node, style: &Style) -> Option<()> {
    let mut label = String::new();
    for c in node.children() {
        if !c.is_text() {
            return None;
        }
        label.push_str(c.text().unwrap_or(""));
    }
    // SVG's default white-space handling: runs collapse to one space, ends are trimmed.
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(fill) = style.fill else {
        return Some(());
    };
    if label.is_empty() || style.stroke.is_some() {
        return if style.stroke.is_some() {
            None
        } else {
            Some(())
        };
    }
    let (x, y) = (
        attr(node, "x").unwrap_or(0.0),
        attr(node, "y").unwrap_or(0.0),
    );
    let m = Metrics::get();
    let glyphs: Option<Vec<(u16, char)>> = label
        .chars()
        .map(|c| simple(c).then(|| m.glyph(c)).flatten().map(|g| (g, c)))
        .collect();
    let Some(glyphs) = glyphs else {
        shaped(page, style, x, y, &label);
        return Some(());
    };
    let alpha =
        ((fill.alpha as f32 / 255.0) * style.fill_opacity.clamp(0.0, 1.0) * 255.0).round() as u8;
    if alpha != 255 {
        page.out.save_state();
        page.out
            .set_parameters(Name(alpha_name((alpha, 255)).as_bytes()));
        page.alphas.insert((alpha, 255));
    }
    let mut bytes = Vec::with_capacity(glyphs.len() * 2);
    for (g, c) in glyphs {
        bytes.extend_from_slice(&g.to_be_bytes());
        page.glyphs.entry(g).or_insert(c);
    }
    page.fill(fill.rgb);
    page.out.begin_text();
    // The text state outlives the text object, so the size is set only when it changes.
    if page.state.font_size != Some(style.font_size) {
        page.out.set_font(FONT, style.font_size);
        page.state.font_size = Some(style.font_size);
    }
    let out = &mut page.out;
    // Flipped back upright inside the page's y-down coordinates.
    out.set_text_matrix([1.0, 0.0, 0.0, -1.0, x as f32, y as f32]);
    out.show(Str(&bytes));
    out.end_text();
    if alpha != 255 {
        page.restore();
    }
    Some(())
}

/// Characters drawn one glyph each, left to right, with no shaping: Latin, Greek, Cyrillic and
/// common punctuation, without combining marks.
fn simple(c: char) -> bool {
    let u = c as u32;
    (0x20..0x7f).contains(&u)
        || (0xa0..0x0300).contains(&u)
        || (0x0370..0x0483).contains(&u)
        || (0x048a..0x0530).contains(&u)
        || (0x2010..0x2028).contains(&u)
        || (0x2030..0x205f).contains(&u)
        || (0x20a0..0x20c0).contains(&u)
}

fn shaped(page: &mut Page, style: &Style, x: f64, y: f64, label: &str) {
    let s = &mut page.shaped;
    let fill = style.fill.expect("only filled labels are drawn");
    if let Some(id) = &style.clip {
        s.push_str("<g clip-path=\"url(#");
        s.push_str(id);
        s.push_str(")\">");
    }
    s.push_str("<text transform=\"matrix(");
    for (k, v) in style.ctm.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(&format!("{v}"));
    }
    s.push_str(&format!(
        ")\" x=\"{x}\" y=\"{y}\" font-size=\"{}\" fill=\"#{:02x}{:02x}{:02x}\" fill-opacity=\"{}\">",
        style.font_size,
        (fill.rgb[0] * 255.0).round() as u8,
        (fill.rgb[1] * 255.0).round() as u8,
        (fill.rgb[2] * 255.0).round() as u8,
        fill.alpha as f32 / 255.0 * style.fill_opacity,
    ));
    escape_into(s, label);
    s.push_str("</text>");
    if style.clip.is_some() {
        s.push_str("</g>");
    }
    s.push('\n');
}

/// A rectangle with corners rounded by `r` (a circle when it is a square and `r` half its side).
fn rounded(out: &mut Content, x: f64, y: f64, w: f64, h: f64, r: f64) {
    // Control points of a quarter circle drawn as one cubic Bézier.
    let k = r * (1.0 - 0.552_284_75);
    let f = |v: f64| v as f32;
    let (x1, y1) = (x + w, y + h);
    out.move_to(f(x + r), f(y));
    out.line_to(f(x1 - r), f(y));
    out.cubic_to(f(x1 - k), f(y), f(x1), f(y + k), f(x1), f(y + r));
    out.line_to(f(x1), f(y1 - r));
    out.cubic_to(f(x1), f(y1 - k), f(x1 - k), f(y1), f(x1 - r), f(y1));
    out.line_to(f(x + r), f(y1));
    out.cubic_to(f(x + k), f(y1), f(x), f(y1 - k), f(x), f(y1 - r));
    out.line_to(f(x), f(y + r));
    out.cubic_to(f(x), f(y + k), f(x + k), f(y), f(x + r), f(y));
    out.close_path();
}

/// Path data with absolute M, L, H, V, C and Z commands.
fn path(out: &mut Content, d: &str) -> Option<()> {
    let mut cmd = ' ';
    let mut nums: Vec<f64> = Vec::with_capacity(8);
    let (mut cx, mut cy) = (0.0f64, 0.0f64);
    let mut flush = |cmd: char, nums: &mut Vec<f64>, out: &mut Content| -> Option<()> {
        let f = |v: f64| v as f32;
        let need = match cmd {
            'M' | 'L' => 2,
            'H' | 'V' => 1,
            'C' => 6,
            'Z' | 'z' => 0,
            ' ' => return nums.is_empty().then_some(()),
            _ => return None,
        };
        if need == 0 {
            if !nums.is_empty() {
                return None;
            }
            out.close_path();
            return Some(());
        }
        if nums.is_empty() || nums.len() % need != 0 {
            return None;
        }
        for (i, p) in nums.chunks_exact(need).enumerate() {
            match cmd {
                'M' if i == 0 => {
                    out.move_to(f(p[0]), f(p[1]));
                    (cx, cy) = (p[0], p[1]);
                }
                'M' | 'L' => {
                    out.line_to(f(p[0]), f(p[1]));
                    (cx, cy) = (p[0], p[1]);
                }
                'H' => {
                    cx = p[0];
                    out.line_to(f(cx), f(cy));
                }
                'V' => {
                    cy = p[0];
                    out.line_to(f(cx), f(cy));
                }
                _ => {
                    out.cubic_to(f(p[0]), f(p[1]), f(p[2]), f(p[3]), f(p[4]), f(p[5]));
                    (cx, cy) = (p[4], p[5]);
                }
            }
        }
        nums.clear();
        Some(())
    };
    let bytes = d.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() && b != b'e' && b != b'E' {
            flush(cmd, &mut nums, out)?;
            cmd = b as char;
            i += 1;
        } else if b == b' ' || b == b',' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
        } else {
            let start = i;
            i += 1;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || bytes[i] == b'.'
                    || bytes[i] == b'e'
                    || bytes[i] == b'E'
                    || ((bytes[i] == b'-' || bytes[i] == b'+')
                        && matches!(bytes[i - 1], b'e' | b'E')))
            {
                i += 1;
            }
            nums.push(d[start..i].parse().ok()?);
        }
    }
    flush(cmd, &mut nums, out)
}

fn attr(node: roxmltree::Node, name: &str) -> Option<f64> {
    node.attribute(name)?.trim().parse().ok()
}

fn numbers(s: &str) -> Option<Vec<f64>> {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect()
}

fn matrix(t: &str) -> Option<[f64; 6]> {
    let inner = t.trim().strip_prefix("matrix(")?.strip_suffix(')')?;
    numbers(inner)?.try_into().ok()
}

fn multiply(a: &[f64; 6], b: &[f64; 6]) -> [f64; 6] {
    [
        a[0] * b[0] + a[2] * b[1],
        a[1] * b[0] + a[3] * b[1],
        a[0] * b[2] + a[2] * b[3],
        a[1] * b[2] + a[3] * b[3],
        a[0] * b[4] + a[2] * b[5] + a[4],
        a[1] * b[4] + a[3] * b[5] + a[5],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_latin_labels_are_drawn_directly() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" \
                   viewBox=\"0 0 100 50\"><g fill=\"#ffffff\" stroke=\"#c4c9d2\">\
                   <rect x=\"1\" y=\"2\" width=\"30\" height=\"20\"/></g>\
                   <path fill=\"none\" stroke=\"#9aa3b2\" d=\"M0 0L10 10\"/>\
                   <g font-size=\"14\"><text x=\"3\" y=\"14\">Ada &amp; Bo</text></g></svg>";
        let d = draw(svg).expect("the vocabulary is known");
        assert!(d.shaped.is_empty());
        let chars: String = d.glyphs.values().collect();
        for c in "Ada&Bo ".chars() {
            assert!(chars.contains(c), "{c} has a glyph");
        }
    }

    #[test]
    fn right_to_left_labels_are_left_for_shaping() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" \
                   viewBox=\"0 0 100 50\"><text x=\"3\" y=\"14\">שלום</text></svg>";
        let d = draw(svg).expect("the vocabulary is known");
        assert!(d.shaped.contains("שלום"));
        assert!(d.glyphs.is_empty());
    }

    #[test]
    fn an_unknown_element_sends_the_page_the_slow_way() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" \
                   viewBox=\"0 0 100 50\"><ellipse rx=\"3\" ry=\"4\"/></svg>";
        assert!(draw(svg).is_none());
    }
}
