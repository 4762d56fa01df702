//! PDF documents of a diagram: vector shapes and selectable text, on one page or tiled across
//! pages with overlap marks, page numbers and a footer.
//!
//! Each page is its own small SVG (the tile's share of the diagram, clipped to the printable
//! area, plus marks and footer), drawn straight into the page's content stream by
//! [`crate::pdf_draw`] with labels as text in one font embedded once for the whole document.
//! Only labels that need shaping (and any page the direct writer cannot read) go through
//! usvg and svg2pdf as a form laid over the page. Only the cards that meet a tile are written
//! into it, so a 100k chart on a thousand pages costs about as much as the chart once.

use crate::diagram::{Detail, Diagram};
use crate::font::{usvg_options, Metrics, FONT_BYTES, FONT_FAMILY};
use crate::pdf_draw::{alpha_name, Drawn, FONT};
use crate::style::{MUTED_COLOUR, TITLE_COLOUR};
use crate::svg::canvas;
use crate::xml::{escape_into, num};
use crate::{failed, invalid};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::{BTreeMap, HashMap};
use topograph_model::{Paper, Result};
use topograph_scene::SceneRect;

/// The paper's portrait width and height in points; `None` for `Fit`, one page exactly as large
/// as the diagram (plus margins and footer).
fn points(page: Paper) -> Option<(f64, f64)> {
    match page {
        Paper::A4 => Some((595.28, 841.89)),
        Paper::Letter => Some((612.0, 792.0)),
        Paper::A3 => Some((841.89, 1190.55)),
        Paper::Fit => None,
    }
}

/// What the footer of every page says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footer {
    pub document: String,
    pub scenario: String,
    /// As it should be printed, e.g. `2026-11-28`.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PdfOptions {
    pub page: Paper,
    pub landscape: bool,
    /// Print at `scale` across as many pages as that needs, instead of shrinking onto one.
    pub tiled: bool,
    /// Size relative to the screen at zoom 1 (1 screen pixel = 0.75 pt at scale 1): the size of
    /// tiles, and the largest size a small diagram is enlarged to on one page.
    pub scale: f64,
    pub footer: Footer,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            page: Paper::A4,
            landscape: false,
            tiled: false,
            scale: 1.0,
            footer: Footer::default(),
        }
    }
}

pub(crate) const PT_PER_PX: f64 = 0.75;
const MARGIN: f64 = 28.0;
const FOOTER: f64 = 22.0;
/// How much of the diagram two neighbouring tiles share, so nothing falls between the sheets.
pub const OVERLAP: f64 = 24.0;
/// Viewers refuse pages larger than 200 inches.
const MAX_PAGE: f64 = 14400.0;

/// Width / height of the printable area of one page, for arranging a diagram to fill it; `None`
/// for a page cut to the diagram, which has no shape of its own.
pub fn page_aspect(o: &PdfOptions) -> Option<f64> {
    let (pw, ph) = points(o.page)?;
    let (pw, ph) = if o.landscape { (ph, pw) } else { (pw, ph) };
    Some((pw - 2.0 * MARGIN) / (ph - 2.0 * MARGIN - FOOTER))
}

/// The page's width and height and its printable area's (pt), for paper sizes; `None` for a
/// page cut to the diagram.
pub fn sheet_size(o: &PdfOptions) -> Option<((f64, f64), (f64, f64))> {
    let (pw, ph) = points(o.page)?;
    let (pw, ph) = if o.landscape { (ph, pw) } else { (pw, ph) };
    Some(((pw, ph), (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN - FOOTER)))
}

/// Where each page's share of the diagram goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub page_w: f64,
    pub page_h: f64,
    /// The printable area (pt).
    pub area_w: f64,
    pub area_h: f64,
    /// Points per scene unit.
    pub scale: f64,
    pub cols: usize,
    pub rows: usize,
    /// The diagram's canvas (scene units).
    canvas: SceneRect,
    /// Where the canvas's top-left corner lands on a single page (pt).
    offset: (f64, f64),
}

impl Plan {
    pub fn pages(&self) -> usize {
        self.cols * self.rows
    }

    /// The part of the diagram (scene units) on the page at `col`, `row`.
    fn region(&self, col: usize, row: usize) -> SceneRect {
        let (sx, sy) = self.step();
        SceneRect {
            x: self.canvas.x + col as f64 * sx / self.scale,
            y: self.canvas.y + row as f64 * sy / self.scale,
            w: self.area_w / self.scale,
            h: self.area_h / self.scale,
        }
    }

    fn step(&self) -> (f64, f64) {
        (self.area_w - OVERLAP, self.area_h - OVERLAP)
    }
}

/// How `d` is laid out on pages with options `o`.
pub fn plan(d: &dyn Diagram, o: &PdfOptions) -> Result<Plan> {
    if !(o.scale > 0.0 && o.scale <= 16.0) {
        return Err(invalid(format!(
            "the scale must be above 0 and at most 16, not {}",
            o.scale
        )));
    }
    let c = canvas(d);
    let wanted = PT_PER_PX * o.scale;
    let Some((pw, ph)) = points(o.page) else {
        // A page the size of the diagram, shrunk only as far as viewers need.
        let limit_w = (MAX_PAGE - 2.0 * MARGIN) / c.w;
        let limit_h = (MAX_PAGE - 2.0 * MARGIN - FOOTER) / c.h;
        let scale = wanted.min(limit_w).min(limit_h);
        let (aw, ah) = (c.w * scale, c.h * scale);
        return Ok(Plan {
            page_w: aw + 2.0 * MARGIN,
            page_h: ah + 2.0 * MARGIN + FOOTER,
            area_w: aw,
            area_h: ah,
            scale,
            cols: 1,
            rows: 1,
            canvas: c,
            offset: (0.0, 0.0),
        });
    };
    let (pw, ph) = if o.landscape { (ph, pw) } else { (pw, ph) };
    let (aw, ah) = (pw - 2.0 * MARGIN, ph - 2.0 * MARGIN - FOOTER);
    if o.tiled {
        let tiles = |size: f64, area: f64| {
            ((size * wanted - OVERLAP) / (area - OVERLAP))
                .ceil()
                .max(1.0) as usize
        };
        return Ok(Plan {
            page_w: pw,
            page_h: ph,
            area_w: aw,
            area_h: ah,
            scale: wanted,
            cols: tiles(c.w, aw),
            rows: tiles(c.h, ah),
            canvas: c,
            offset: (0.0, 0.0),
        });
    }
    let scale = wanted.min(aw / c.w).min(ah / c.h);
    Ok(Plan {
        page_w: pw,
        page_h: ph,
        area_w: aw,
        area_h: ah,
        scale,
        cols: 1,
        rows: 1,
        canvas: c,
        offset: ((aw - c.w * scale) / 2.0, (ah - c.h * scale) / 2.0),
    })
}

/// Page `n` (from 0) exactly as the PDF will print it, as an SVG document in points: what the
/// export dialog previews. An `n` past the last page shows the last.
pub fn page_preview(d: &dyn Diagram, o: &PdfOptions, n: usize) -> Result<String> {
    let plan = plan(d, o)?;
    let tiles = Tiles { d, plan: &plan, o };
    Ok(tiles.svg(n.min(tiles.count() - 1)))
}

/// The pages of a PDF, each drawn as an SVG page in points.
pub(crate) trait Sheets: Sync {
    fn count(&self) -> usize;
    /// Every page's width and height (pt).
    fn size(&self) -> (f64, f64);
    fn svg(&self, n: usize) -> String;
}

/// A diagram on one page, or cut into a grid of overlapping tiles.
struct Tiles<'a> {
    d: &'a dyn Diagram,
    plan: &'a Plan,
    o: &'a PdfOptions,
}

impl Sheets for Tiles<'_> {
    fn count(&self) -> usize {
        self.plan.pages()
    }

    fn size(&self) -> (f64, f64) {
        (self.plan.page_w, self.plan.page_h)
    }

    fn svg(&self, n: usize) -> String {
        let plan = self.plan;
        let (col, row) = (n % plan.cols, n / plan.cols);
        let region = plan.region(col, row);
        let many = plan.pages() > 1;
        let mut numbers = format!("Page {} of {}", n + 1, plan.pages());
        let mut overlay = String::new();
        if many {
            numbers.push_str(&format!(" \u{00b7} row {}, column {}", row + 1, col + 1));
            overlap_marks(&mut overlay, plan, col, row);
        }
        sheet_svg(
            &Sheet {
                d: self.d,
                page: (plan.page_w, plan.page_h),
                area: (plan.area_w, plan.area_h),
                scale: plan.scale,
                origin: (
                    region.x - plan.offset.0 / plan.scale,
                    region.y - plan.offset.1 / plan.scale,
                ),
                only: many.then_some(region),
                heading: None,
                numbers,
                overlay,
            },
            self.o,
        )
    }
}

/// The diagram as PDF bytes.
pub fn to_pdf(d: &dyn Diagram, o: &PdfOptions) -> Result<Vec<u8>> {
    to_pdf_with_progress(d, o, &mut |_, _| true)
}

/// As [`to_pdf`], calling `progress(done, pages)` after each page; stops with an error when it
/// returns false (the user cancelled).
pub fn to_pdf_with_progress(
    d: &dyn Diagram,
    o: &PdfOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    let plan = plan(d, o)?;
    write_pdf(&Tiles { d, plan: &plan, o }, o, progress)
}

/// The sheets as PDF bytes, calling `progress(done, pages)` after each page.
pub(crate) fn write_pdf(
    sheets: &dyn Sheets,
    o: &PdfOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    let pages = sheets.count();
    let (page_w, page_h) = sheets.size();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree = alloc.bump();
    let info = alloc.bump();
    let page_ids: Vec<Ref> = (0..pages).map(|_| alloc.bump()).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages as i32);
    let title = if o.footer.document.is_empty() {
        "Topograph diagram".to_string()
    } else {
        o.footer.document.clone()
    };
    pdf.document_info(info)
        .title(TextStr(&title))
        .creator(TextStr("Topograph"));

    // Pages are drawn independently, so batches of them run on every core; they are appended in
    // order, and cancelling is noticed between batches.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let batch = workers * 4;
    let mut fonts = FontUse::new(&mut alloc);
    let mut start = 0;
    while start < pages {
        let end = (start + batch).min(pages);
        let mut converted: Vec<Option<Result<Drawing>>> = (start..end).map(|_| None).collect();
        let per_worker = (end - start).div_ceil(workers);
        std::thread::scope(|scope| {
            for (w, slots) in converted.chunks_mut(per_worker).enumerate() {
                let first = start + w * per_worker;
                scope.spawn(move || {
                    for (k, slot) in slots.iter_mut().enumerate() {
                        *slot = Some(draw_page(sheets, first + k));
                    }
                });
            }
        });
        for (k, page) in converted.into_iter().enumerate() {
            let n = start + k;
            let drawing = page.expect("every page of the batch is drawn")?;
            let content_id = alloc.bump();
            let mut content = Vec::new();
            let mut forms = Vec::new();
            let mut alphas = Vec::new();
            if let Some(direct) = drawing.direct {
                content = direct.content;
                fonts.glyphs.extend(direct.glyphs);
                for a in direct.alphas {
                    let next = &mut alloc;
                    let id = *fonts.alphas.entry(a).or_insert_with(|| next.bump());
                    alphas.push((alpha_name(a), id));
                }
            }
            if let Some((chunk, form)) = drawing.form {
                let mut map = HashMap::new();
                let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
                forms.push(map[&form]);
                pdf.extend(&chunk);
                // The form is one point square; this stretches it over the page.
                let mut c = Content::new();
                c.save_state()
                    .transform([page_w as f32, 0.0, 0.0, page_h as f32, 0.0, 0.0])
                    .x_object(Name(b"P"))
                    .restore_state();
                content.extend_from_slice(&c.finish());
            }
            let mut page = pdf.page(page_ids[n]);
            page.media_box(Rect::new(0.0, 0.0, page_w as f32, page_h as f32));
            page.parent(tree);
            page.contents(content_id);
            let mut resources = page.resources();
            if let Some(&form) = forms.first() {
                resources.x_objects().pair(Name(b"P"), form);
            }
            resources.fonts().pair(FONT, fonts.font);
            if !alphas.is_empty() {
                let mut states = resources.ext_g_states();
                for (name, id) in &alphas {
                    states.pair(Name(name.as_bytes()), *id);
                }
            }
            resources.finish();
            page.finish();
            if !forms.is_empty() {
                content = deflate(&content);
            }
            pdf.stream(content_id, &content)
                .filter(pdf_writer::Filter::FlateDecode);
            if !progress(n + 1, pages) {
                return Err(invalid("the export was cancelled"));
            }
        }
        start = end;
    }
    fonts.write(&mut pdf, &mut alloc)?;
    Ok(pdf.finish())
}

/// A page drawn directly, and/or a form converted by svg2pdf to draw over it.
struct Drawing {
    direct: Option<Drawn>,
    form: Option<(pdf_writer::Chunk, Ref)>,
}

/// Page `n`: drawn directly when it can be, with labels that need shaping (or, when the page
/// uses anything the direct writer does not know, the whole page) converted by svg2pdf.
fn draw_page(sheets: &dyn Sheets, n: usize) -> Result<Drawing> {
    let svg = sheets.svg(n);
    let (page_w, page_h) = sheets.size();
    match crate::pdf_draw::draw(&svg) {
        Some(mut direct) => {
            // Deflated here, on the worker, unless a form still has to be appended to it.
            let form = if direct.shaped.is_empty() {
                direct.content = deflate(&direct.content);
                None
            } else {
                let mut overlay = String::with_capacity(direct.shaped.len() + 256);
                let page = SceneRect {
                    x: 0.0,
                    y: 0.0,
                    w: page_w,
                    h: page_h,
                };
                crate::svg::open(&mut overlay, &page, page_w, page_h);
                overlay.push_str(&std::mem::take(&mut direct.shaped));
                overlay.push_str("</svg>\n");
                Some(convert_svg(&overlay, n)?)
            };
            Ok(Drawing {
                direct: Some(direct),
                form,
            })
        }
        None => Ok(Drawing {
            direct: None,
            form: Some(convert_svg(&svg, n)?),
        }),
    }
}

/// An SVG page as a PDF form through usvg and svg2pdf (a chunk to renumber into the document,
/// and the form's id).
fn convert_svg(svg: &str, n: usize) -> Result<(pdf_writer::Chunk, Ref)> {
    let tree = usvg::Tree::from_str(svg, &usvg_options())
        .map_err(|e| failed(format!("page {} could not be drawn: {e}", n + 1)))?;
    svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| failed(format!("page {} could not be converted: {e}", n + 1)))
}

fn deflate(data: &[u8]) -> Vec<u8> {
    // The fastest level: content streams are repetitive, and most of the gain comes at once.
    miniz_oxide::deflate::compress_to_vec_zlib(data, 1)
}

/// The document's one font and translucency states, written once after all pages.
struct FontUse {
    font: Ref,
    glyphs: BTreeMap<u16, char>,
    alphas: BTreeMap<(u8, u8), Ref>,
}

impl FontUse {
    fn new(alloc: &mut Ref) -> Self {
        FontUse {
            font: alloc.bump(),
            glyphs: BTreeMap::new(),
            alphas: BTreeMap::new(),
        }
    }

    /// The bundled font subset to the glyphs the pages show, as a CID font whose CIDs are the
    /// original glyph ids (so pages drawn in parallel need not agree on numbering), with a
    /// ToUnicode map so the text can be selected and searched.
    fn write(self, pdf: &mut Pdf, alloc: &mut Ref) -> Result<()> {
        for (&(fill, stroke), &id) in &self.alphas {
            pdf.ext_graphics(id)
                .non_stroking_alpha(fill as f32 / 255.0)
                .stroking_alpha(stroke as f32 / 255.0);
        }
        let face = Metrics::get().face();
        let per_em = face.units_per_em() as f32;
        let to_pdf = |v: f32| v / per_em * 1000.0;
        let (cid, descriptor, cmap_id, data_id, map_id) = (
            alloc.bump(),
            alloc.bump(),
            alloc.bump(),
            alloc.bump(),
            alloc.bump(),
        );
        let base = Name(b"TOPOGR+DejaVuSans");
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(self.font)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap_id);
        let mut remapper = subsetter::GlyphRemapper::new();
        remapper.remap(0);
        for &g in self.glyphs.keys() {
            remapper.remap(g);
        }
        let max = self.glyphs.keys().next_back().copied().unwrap_or(0);
        let mut cid_font = pdf.cid_font(cid);
        cid_font
            .subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_stream(map_id);
        {
            let mut widths = cid_font.widths();
            for &g in self.glyphs.keys() {
                let w = face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0);
                widths.same(g, g, to_pdf(w as f32));
            }
        }
        cid_font.finish();
        let b = face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(base)
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                to_pdf(b.x_min as f32),
                to_pdf(b.y_min as f32),
                to_pdf(b.x_max as f32),
                to_pdf(b.y_max as f32),
            ))
            .italic_angle(0.0)
            .ascent(to_pdf(face.ascender() as f32))
            .descent(to_pdf(face.descender() as f32))
            .cap_height(to_pdf(
                face.capital_height().unwrap_or(face.ascender()) as f32
            ))
            .stem_v(80.0)
            .font_file2(data_id);
        let mut cmap = UnicodeCmap::new(Name(b"Topograph-UTF16"), info);
        for (&g, &c) in &self.glyphs {
            cmap.pair(g, c);
        }
        pdf.cmap(cmap_id, &cmap.finish());
        let subset = subsetter::subset(FONT_BYTES, 0, &remapper)
            .map_err(|e| failed(format!("the font could not be subset: {e:?}")))?;
        pdf.stream(data_id, &deflate(&subset))
            .filter(pdf_writer::Filter::FlateDecode);
        let map: Vec<u8> = (0..=max)
            .flat_map(|g| remapper.get(g).unwrap_or(0).to_be_bytes())
            .collect();
        pdf.stream(map_id, &deflate(&map))
            .filter(pdf_writer::Filter::FlateDecode);
        Ok(())
    }
}

/// One page: a diagram seen from `origin` at `scale`, clipped to the printable area.
pub(crate) struct Sheet<'a> {
    pub d: &'a dyn Diagram,
    /// The page's width and height, and the printable area's (pt).
    pub page: (f64, f64),
    pub area: (f64, f64),
    /// Points per scene unit.
    pub scale: f64,
    /// The scene point at the printable area's top-left corner.
    pub origin: (f64, f64),
    /// Draw only what meets this region (scene units); everything when `None`.
    pub only: Option<SceneRect>,
    /// A line in the top margin saying what the page shows.
    pub heading: Option<String>,
    /// The footer's right-hand text ("Page 2 of 9").
    pub numbers: String,
    /// Page marks drawn over everything, in points.
    pub overlay: String,
}

/// One page as SVG, in points.
pub(crate) fn sheet_svg(s: &Sheet, o: &PdfOptions) -> String {
    let (page_w, page_h) = s.page;
    let (area_w, area_h) = s.area;
    let mut out = String::with_capacity(8192);
    let page = SceneRect {
        x: 0.0,
        y: 0.0,
        w: page_w,
        h: page_h,
    };
    crate::svg::open(&mut out, &page, page_w, page_h);
    out.push_str("<defs><clipPath id=\"area\"><rect x=\"");
    num(&mut out, MARGIN);
    out.push_str("\" y=\"");
    num(&mut out, MARGIN);
    out.push_str("\" width=\"");
    num(&mut out, area_w);
    out.push_str("\" height=\"");
    num(&mut out, area_h);
    out.push_str("\"/></clipPath></defs>\n<g clip-path=\"url(#area)\"><g transform=\"matrix(");
    let (tx, ty) = (MARGIN - s.origin.0 * s.scale, MARGIN - s.origin.1 * s.scale);
    for (k, v) in [s.scale, 0.0, 0.0, s.scale, tx, ty].into_iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("{v:.4}"));
    }
    out.push_str(")\">\n");
    s.d.write_svg(&mut out, s.only.as_ref(), Detail::Full);
    out.push_str("</g></g>\n");
    out.push_str(&s.overlay);
    if let Some(h) = &s.heading {
        let m = Metrics::get();
        out.push_str("<g font-size=\"10\" fill=\"");
        out.push_str(TITLE_COLOUR);
        out.push_str("\">");
        crate::shapes::text(&mut out, MARGIN, MARGIN - 9.0, &m.fit(h, 10.0, area_w));
        out.push_str("</g>\n");
    }
    footer(&mut out, area_w, area_h, o, &s.numbers);
    out.push_str("</svg>\n");
    out
}

/// Ticks in the margins where the strip shared with a neighbouring page begins.
fn overlap_marks(out: &mut String, plan: &Plan, col: usize, row: usize) {
    let (left, top) = (MARGIN, MARGIN);
    let (right, bottom) = (MARGIN + plan.area_w, MARGIN + plan.area_h);
    let mut d = String::new();
    let mut line = |x0: f64, y0: f64, x1: f64, y1: f64| {
        d.push('M');
        num(&mut d, x0);
        d.push(' ');
        num(&mut d, y0);
        d.push('L');
        num(&mut d, x1);
        d.push(' ');
        num(&mut d, y1);
    };
    let mut xs = Vec::new();
    if col > 0 {
        xs.push(left + OVERLAP);
    }
    if col + 1 < plan.cols {
        xs.push(right - OVERLAP);
    }
    for x in xs {
        line(x, top - 12.0, x, top - 3.0);
        line(x, bottom + 1.0, x, bottom + 6.0);
    }
    let mut ys = Vec::new();
    if row > 0 {
        ys.push(top + OVERLAP);
    }
    if row + 1 < plan.rows {
        ys.push(bottom - OVERLAP);
    }
    for y in ys {
        line(left - 12.0, y, left - 3.0, y);
        line(right + 3.0, y, right + 12.0, y);
    }
    if !d.is_empty() {
        out.push_str("<path fill=\"none\" stroke=\"");
        out.push_str(MUTED_COLOUR);
        out.push_str("\" stroke-width=\"0.75\" d=\"");
        out.push_str(&d);
        out.push_str("\"/>\n");
    }
}

fn footer(out: &mut String, area_w: f64, area_h: f64, o: &PdfOptions, right: &str) {
    let size = 8.0;
    let baseline = MARGIN + area_h + 15.0;
    let m = Metrics::get();
    let right_w = m.width(right, size);
    let f = &o.footer;
    let left: Vec<&str> = [f.document.as_str(), f.scenario.as_str(), f.date.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let left = left.join(" \u{00b7} ");
    let left = m.fit(&left, size, area_w - right_w - 16.0);
    out.push_str("<g font-family=\"");
    out.push_str(FONT_FAMILY);
    out.push_str("\" font-size=\"8\" fill=\"");
    out.push_str(TITLE_COLOUR);
    out.push_str("\"><text x=\"");
    num(out, MARGIN);
    out.push_str("\" y=\"");
    num(out, baseline);
    out.push_str("\">");
    escape_into(out, &left);
    out.push_str("</text><text x=\"");
    num(out, MARGIN + area_w - right_w);
    out.push_str("\" y=\"");
    num(out, baseline);
    out.push_str("\">");
    escape_into(out, right);
    out.push_str("</text></g>\n");
}
