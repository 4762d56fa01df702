//! Diagram export from the app (File › Export…): thin commands over topograph-export for the
//! dialog's preview, the export itself on a worker thread with progress, and its cancellation.

use crate::actions;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tauri::AppHandle;
use tauri_specta::Event;
use topograph_export::view::{Scene, ViewKind};
use topograph_export::{Detail, Footer, PageSize, PdfOptions, PngOptions, SvgOptions};
use topograph_model::{Error, ErrorCode};

type Res<T> = Result<T, Error>;

/// The menu item's id.
pub const MENU_EXPORT: &str = "export_diagram";

/// Set by `cancel_export`, read by the running export between pages.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// How wide the dialog shows its preview, in pixels: below that labels become blocks.
const PREVIEW_WIDTH: f64 = 560.0;
/// Labels smaller than this in the preview are drawn as blocks, as the screen does zoomed out.
const PREVIEW_MIN_TEXT_PX: f64 = 4.0;
/// The least time between two progress events.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// File › Export… was chosen: the UI opens its export dialog.
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ExportRequested {}

/// How far a running export is: `done` of `total` steps (PDF pages; 0 of 1 for one image).
#[derive(Clone, Debug, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum DiagramView {
    OrgChart,
    TeamMap,
    Ownership,
    /// "Where the people go": actual effort by product area against the targets.
    Effort,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum DiagramFormat {
    Svg,
    Pdf,
    Png,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    A4,
    Letter,
    A3,
    Fit,
}

/// What to draw: a view of the open scenario, whole or from one node down (a person for the
/// org chart, a unit for the team map, a product area for the ownership map).
#[derive(Clone, Debug, Serialize, Deserialize, Type)]
pub struct DiagramScope {
    pub view: DiagramView,
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

async fn worker<T: Send + 'static>(f: impl FnOnce() -> Res<T> + Send + 'static) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| Error::new(ErrorCode::Io, format!("the export stopped: {e}")))?
}

/// A copy of what to draw, taken under the session lock and used off it.
struct Input {
    org: topograph_model::Org,
    collapsed: BTreeSet<u32>,
    document: String,
    scenario: String,
}

fn input(app: &AppHandle, view: DiagramView) -> Res<Input> {
    let s = actions::session(app);
    let (org, collapsed) = match view {
        DiagramView::OrgChart => s.org_chart_input()?,
        DiagramView::TeamMap => s.team_map_input()?,
        DiagramView::Ownership | DiagramView::Effort => (s.org_copy()?, Vec::new()),
    };
    let doc = s.document();
    Ok(Input {
        org,
        collapsed: collapsed.into_iter().collect(),
        document: doc
            .and_then(|d| d.path())
            .map(crate::session::document_name)
            .unwrap_or_default(),
        scenario: doc
            .map(|d| d.active_scenario().name.clone())
            .unwrap_or_default(),
    })
}

fn kind(view: DiagramView) -> ViewKind {
    match view {
        DiagramView::OrgChart => ViewKind::OrgChart,
        DiagramView::TeamMap => ViewKind::TeamMap,
        DiagramView::Ownership => ViewKind::Ownership,
        DiagramView::Effort => ViewKind::Effort,
    }
}

fn preview(input: &Input, what: &DiagramScope) -> Res<ExportPreview> {
    let scene = Scene::build(&input.org, kind(what.view), &input.collapsed, what.scope)?;
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

/// The chosen view and scope of the open scenario as a small SVG for the dialog's preview.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(app: AppHandle, what: DiagramScope) -> Res<ExportPreview> {
    worker(move || preview(&input(&app, what.view)?, &what)).await
}

fn render(
    input: &Input,
    what: &DiagramScope,
    o: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Res<(Vec<u8>, u32)> {
    let scene = Scene::build(&input.org, kind(what.view), &input.collapsed, what.scope)?;
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
                page: match o.page {
                    Paper::A4 => PageSize::A4,
                    Paper::Letter => PageSize::Letter,
                    Paper::A3 => PageSize::A3,
                    Paper::Fit => PageSize::Fit,
                },
                landscape: o.landscape,
                tiled: o.tile,
                scale: o.scale,
                footer: Footer {
                    document: input.document.clone(),
                    scenario: input.scenario.clone(),
                    date: topograph_export::today(),
                },
            };
            let pages = topograph_export::pdf::plan(&*d, &opts)?.pages() as u32;
            let pdf = topograph_export::pdf::to_pdf_with_progress(&*d, &opts, progress)?;
            Ok((pdf, pages))
        }
    }
}

/// Writes the chosen view of the open scenario to `path` on a worker thread, sending
/// `ExportProgress` as PDF pages are done; `cancel_export` stops it with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn export_diagram(
    app: AppHandle,
    what: DiagramScope,
    options: ExportOptions,
    path: String,
) -> Res<ExportResult> {
    if path.trim().is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "choose where to save the export",
        ));
    }
    crate::grants::check(&app, &path)?;
    CANCEL.store(false, Ordering::SeqCst);
    worker(move || {
        let input = input(&app, what.view)?;
        let mut last = Instant::now();
        let mut progress = |done: usize, total: usize| {
            if last.elapsed() >= PROGRESS_EVERY || done == total {
                last = Instant::now();
                let _ = ExportProgress {
                    done: done as u32,
                    total: total as u32,
                }
                .emit(&app);
            }
            !CANCEL.load(Ordering::SeqCst)
        };
        let rendered = render(&input, &what, &options, &mut progress);
        if CANCEL.load(Ordering::SeqCst) {
            return Ok(ExportResult {
                path,
                cancelled: true,
                bytes: 0,
                pages: 0,
            });
        }
        let (bytes, pages) = rendered?;
        let target = PathBuf::from(&path);
        std::fs::write(&target, &bytes)
            .map_err(|e| Error::new(ErrorCode::Io, format!("{}: {e}", target.display())))?;
        Ok(ExportResult {
            path,
            cancelled: false,
            bytes: bytes.len() as u64,
            pages,
        })
    })
    .await
}

/// Asks the running export to stop; it ends as cancelled, with nothing written.
#[tauri::command]
#[specta::specta]
pub async fn cancel_export() -> Res<()> {
    CANCEL.store(true, Ordering::SeqCst);
    Ok(())
}

/// File › Export…: the dialog lives in the UI.
pub fn on_menu(app: &AppHandle, id: &str) -> bool {
    if id != MENU_EXPORT {
        return false;
    }
    let _ = ExportRequested {}.emit(app);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Input {
        Input {
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
        view: DiagramView::OrgChart,
        scope: None,
    };

    #[test]
    fn the_preview_is_the_whole_chart_as_an_svg_document() {
        let input = sample();
        let p = preview(&input, &WHOLE_CHART).unwrap();
        assert!(p.svg.starts_with("<svg"));
        assert!(p.width > 0.0 && p.height > 0.0);
    }

    #[test]
    fn a_scope_that_names_nobody_is_refused_with_its_code() {
        let what = DiagramScope {
            view: DiagramView::OrgChart,
            scope: Some(u32::MAX),
        };
        let e = preview(&sample(), &what).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    #[test]
    fn a_tiled_pdf_reports_each_page_and_stops_when_cancelled() {
        let input = sample();
        let mut seen = Vec::new();
        let (pdf, pages) = render(
            &input,
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
            &input,
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
        let input = sample();
        let (svg, _) = render(
            &input,
            &WHOLE_CHART,
            &options(DiagramFormat::Svg),
            &mut |_, _| true,
        )
        .unwrap();
        assert!(String::from_utf8(svg).unwrap().contains("#ffffff"));
        let mut bad = options(DiagramFormat::Png);
        bad.scale = 9.0;
        let e = render(&input, &WHOLE_CHART, &bad, &mut |_, _| true).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
    }
}
