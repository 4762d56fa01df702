//! Diagram export: a view of a scenario drawn as SVG, PDF or PNG by topograph-export, and the
//! small SVG preview the app's export dialog shows.

use crate::{document_name, io_error, Session};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;
use std::path::Path;
use topograph_document::Document;
use topograph_export::{Detail, Footer, PdfOptions, PngOptions, Scene, SvgOptions};
use topograph_model::{DiagramFormat, Error, ErrorCode, Org, Paper, Result, View};

/// How wide the dialog shows its preview, in pixels: below that labels become blocks.
const PREVIEW_WIDTH: f64 = 560.0;
/// Labels smaller than this in the preview are drawn as blocks, as the screen does zoomed out.
const PREVIEW_MIN_TEXT_PX: f64 = 4.0;

/// What to draw: a view of the open scenario, whole or from one node down (a person for the
/// org chart, a unit for the team map, a product area for the ownership map).
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct DiagramScope {
    pub view: View,
    pub scope: Option<u32>,
}

/// Everything an export needs besides what to draw.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct ExportOptions {
    pub format: DiagramFormat,
    pub page: Paper,
    pub landscape: bool,
    /// PDF: tile across pages at `scale` instead of shrinking onto one page.
    pub tile: bool,
    /// PNG: 1 to 4 (ignored when `width` is set); PDF: the size of tiles.
    pub scale: f64,
    /// PNG: the image's width in pixels.
    pub width: Option<u32>,
    /// PNG and SVG: no white background.
    pub transparent: bool,
}

/// How an export ended.
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct ExportResult {
    pub path: String,
    /// The person cancelled it: nothing was written.
    pub cancelled: bool,
    #[specta(type = f64)]
    pub bytes: u64,
    /// PDF pages (1 for an image).
    pub pages: u32,
}

/// The preview the dialog shows: an SVG document (text for `<img>`, never markup for the DOM).
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct ExportPreview {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// A copy of what to draw, taken from the document (under the app's session lock) and drawn
/// off it.
pub struct Drawing {
    pub org: Org,
    /// The nodes folded in this view, as on screen.
    pub collapsed: BTreeSet<u32>,
    /// For the PDF footer: the document's name and the scenario's.
    pub document: String,
    pub scenario: String,
}

impl Drawing {
    /// The scenario called `scenario` (default: the open one) of `doc`, folded as the open
    /// scenario is on screen; the collapsed set is kept per scenario and only the open one's is
    /// at hand, so another scenario is drawn unfolded.
    pub fn of_document(doc: &Document, scenario: Option<&str>, view: View) -> Result<Drawing> {
        let open = &doc.active_scenario().name;
        let name = scenario.unwrap_or(open);
        let collapsed = if name == open {
            doc.collapsed(view)?.into_iter().collect()
        } else {
            BTreeSet::new()
        };
        Ok(Drawing {
            org: crate::scenario_org(doc, scenario)?,
            collapsed,
            document: doc.path().map(document_name).unwrap_or_default(),
            scenario: name.to_string(),
        })
    }

    /// The open scenario of the session.
    pub fn of_session(s: &Session, view: View) -> Result<Drawing> {
        let doc = s
            .document()
            .ok_or_else(|| Error::new(ErrorCode::NotAllowed, "no document is open to export"))?;
        Drawing::of_document(doc, None, view)
    }

    fn scene(&self, what: &DiagramScope) -> Result<Scene> {
        Scene::build(&self.org, what.view, &self.collapsed, what.scope)
    }
}

/// The chosen view and scope as a small SVG for the export dialog's preview.
pub fn preview(drawing: &Drawing, what: &DiagramScope) -> Result<ExportPreview> {
    let scene = drawing.scene(what)?;
    let d = scene.diagram();
    let c = topograph_export::svg::canvas(&*d);
    let scale = PREVIEW_WIDTH / c.w.max(1.0);
    let detail = if d.smallest_text() * scale < PREVIEW_MIN_TEXT_PX {
        Detail::Blocks
    } else {
        Detail::Full
    };
    let svg = topograph_export::to_svg(
        &*d,
        &SvgOptions {
            background: Some("#ffffff"),
            detail,
        },
    );
    Ok(ExportPreview {
        svg,
        width: c.w,
        height: c.h,
    })
}

/// The file's bytes and its number of pages. `progress(done, total)` hears of each PDF page and
/// answers false to stop (the export then fails).
pub fn render(
    drawing: &Drawing,
    what: &DiagramScope,
    o: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, u32)> {
    let scene = drawing.scene(what)?;
    let d = scene.diagram();
    match o.format {
        DiagramFormat::Svg => {
            let svg = topograph_export::to_svg(
                &*d,
                &SvgOptions {
                    background: (!o.transparent).then_some("#ffffff"),
                    ..SvgOptions::default()
                },
            );
            Ok((svg.into_bytes(), 1))
        }
        DiagramFormat::Png => {
            let png = topograph_export::to_png(
                &*d,
                &PngOptions {
                    scale: o.scale,
                    width: o.width,
                    transparent: o.transparent,
                },
            )?;
            Ok((png, 1))
        }
        DiagramFormat::Pdf => {
            let opts = PdfOptions {
                page: o.page,
                landscape: o.landscape,
                tiled: o.tile,
                scale: o.scale,
                footer: Footer {
                    document: drawing.document.clone(),
                    scenario: drawing.scenario.clone(),
                    date: topograph_export::today(),
                },
            };
            let pages = topograph_export::pdf::plan(&*d, &opts)?.pages() as u32;
            let pdf = topograph_export::pdf::to_pdf_with_progress(&*d, &opts, progress)?;
            Ok((pdf, pages))
        }
    }
}

/// Refuses an empty destination (the dialog's field left blank) before anything else is asked.
pub fn require_path(path: &str) -> Result<()> {
    if path.trim().is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "choose where to save the export",
        ));
    }
    Ok(())
}

/// Renders and writes the export to `path`; when `cancelled()` turns true during it, nothing is
/// written and the result says so.
pub fn export(
    drawing: &Drawing,
    what: &DiagramScope,
    o: &ExportOptions,
    path: &str,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    cancelled: &dyn Fn() -> bool,
) -> Result<ExportResult> {
    require_path(path)?;
    let rendered = render(drawing, what, o, progress);
    if cancelled() {
        return Ok(ExportResult {
            path: path.to_string(),
            cancelled: true,
            bytes: 0,
            pages: 0,
        });
    }
    let (bytes, pages) = rendered?;
    let target = Path::new(path);
    std::fs::write(target, &bytes).map_err(|e| io_error(target, e))?;
    Ok(ExportResult {
        path: path.to_string(),
        cancelled: false,
        bytes: bytes.len() as u64,
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Drawing {
        Drawing {
            org: topograph_sample::sample(),
            collapsed: BTreeSet::new(),
            document: "Sample".into(),
            scenario: "Current".into(),
        }
    }

    fn options(format: DiagramFormat) -> ExportOptions {
        ExportOptions {
            format,
            page: Paper::A4,
            landscape: true,
            tile: true,
            scale: 1.0,
            width: None,
            transparent: false,
        }
    }

    const WHOLE_CHART: DiagramScope = DiagramScope {
        view: View::OrgChart,
        scope: None,
    };

    #[test]
    fn the_preview_is_the_whole_chart_as_an_svg_document() {
        let p = preview(&sample(), &WHOLE_CHART).unwrap();
        assert!(p.svg.starts_with("<svg"));
        assert!(p.width > 0.0 && p.height > 0.0);
    }

    #[test]
    fn a_scope_that_names_nobody_is_refused_with_its_code() {
        let what = DiagramScope {
            view: View::OrgChart,
            scope: Some(u32::MAX),
        };
        let e = preview(&sample(), &what).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    #[test]
    fn a_tiled_pdf_reports_each_page_and_stops_when_cancelled() {
        let drawing = sample();
        let mut seen = Vec::new();
        let (pdf, pages) = render(
            &drawing,
            &WHOLE_CHART,
            &options(DiagramFormat::Pdf),
            &mut |done, total| {
                seen.push((done, total));
                true
            },
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        assert!(pages > 1, "the sample tiles over several A4 pages");
        assert_eq!(seen.last(), Some(&(pages as usize, pages as usize)));

        let mut calls = 0;
        let stopped = render(
            &drawing,
            &WHOLE_CHART,
            &options(DiagramFormat::Pdf),
            &mut |_, _| {
                calls += 1;
                false
            },
        );
        assert!(stopped.is_err());
        assert_eq!(calls, 1, "the export stops after the first page");
    }

    #[test]
    fn png_and_svg_options_reach_the_exporter() {
        let drawing = sample();
        let (svg, _) = render(
            &drawing,
            &WHOLE_CHART,
            &options(DiagramFormat::Svg),
            &mut |_, _| true,
        )
        .unwrap();
        assert!(String::from_utf8(svg).unwrap().contains("#ffffff"));
        let mut bad = options(DiagramFormat::Png);
        bad.scale = 9.0;
        let e = render(&drawing, &WHOLE_CHART, &bad, &mut |_, _| true).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
    }

    #[test]
    fn a_cancelled_export_writes_nothing_and_an_empty_path_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg").display().to_string();
        let o = options(DiagramFormat::Svg);
        let r = export(
            &sample(),
            &WHOLE_CHART,
            &o,
            &path,
            &mut |_, _| true,
            &|| true,
        )
        .unwrap();
        assert!(r.cancelled && r.bytes == 0);
        assert!(!Path::new(&path).exists());
        let r = export(
            &sample(),
            &WHOLE_CHART,
            &o,
            &path,
            &mut |_, _| true,
            &|| false,
        )
        .unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), r.bytes);
        let e = export(&sample(), &WHOLE_CHART, &o, " ", &mut |_, _| true, &|| {
            false
        })
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
    }
}
