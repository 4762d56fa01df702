//! The export dialog's preview of the real output: for a PDF on paper, the first page as it
//! will print (size, orientation, margins, footer and the chart arranged to fill the page);
//! for the other formats, the whole drawing.

use crate::export_commands::{input, pdf_options, preview, scene};
use crate::export_commands::{DiagramFormat, DiagramScope, ExportOptions, ExportPreview, Paper};
use tauri::AppHandle;
use topograph_model::{Error, ErrorCode};

type Res<T> = Result<T, Error>;

pub(crate) fn page_preview(
    input: &crate::export_commands::Input,
    what: &DiagramScope,
    o: &ExportOptions,
) -> Res<ExportPreview> {
    if o.format != DiagramFormat::Pdf || o.page == Paper::Fit {
        return preview(input, what);
    }
    let opts = pdf_options(input, o);
    let scene = scene(input, what, Some(&opts))?;
    let d = scene.diagram();
    let plan = topograph_export::pdf::plan(&*d, &opts)?;
    Ok(ExportPreview {
        svg: topograph_export::page_preview(&*d, &opts, 0)?,
        width: plan.page_w,
        height: plan.page_h,
    })
}

/// What the export dialog's options will write, page one of a PDF as printed, as an SVG document.
#[tauri::command]
#[specta::specta]
pub async fn export_page_preview(
    app: AppHandle,
    what: DiagramScope,
    options: ExportOptions,
) -> Res<ExportPreview> {
    tauri::async_runtime::spawn_blocking(move || {
        page_preview(&input(&app, what.view)?, &what, &options)
    })
    .await
    .map_err(|e| Error::new(ErrorCode::Io, format!("the preview stopped: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export_commands::DiagramView;
    use std::collections::BTreeSet;

    fn sample() -> crate::export_commands::Input {
        crate::export_commands::Input {
            org: topograph_sample::sample(),
            collapsed: BTreeSet::new(),
            document: "Sample".into(),
            scenario: "Current".into(),
        }
    }

    fn pdf(page: Paper, landscape: bool) -> ExportOptions {
        ExportOptions {
            format: DiagramFormat::Pdf,
            page,
            landscape,
            tile: false,
            scale: 1.0,
            width: None,
            transparent: false,
        }
    }

    const CHART: DiagramScope = DiagramScope {
        view: DiagramView::OrgChart,
        scope: None,
        levels: None,
    };

    #[test]
    fn a_pdf_preview_is_the_page_in_its_chosen_size_and_orientation() {
        let input = sample();
        let land = page_preview(&input, &CHART, &pdf(Paper::A4, true)).unwrap();
        assert!((land.width - 841.89).abs() < 0.01 && (land.height - 595.28).abs() < 0.01);
        assert!(
            land.svg.contains("Page 1 of 1"),
            "the footer is on the page"
        );
        let tall = page_preview(&input, &CHART, &pdf(Paper::Letter, false)).unwrap();
        assert!((tall.width - 612.0).abs() < 0.01 && (tall.height - 792.0).abs() < 0.01);
    }

    #[test]
    fn fewer_levels_make_a_smaller_preview() {
        let input = sample();
        let all = preview(&input, &CHART).unwrap();
        let two = DiagramScope {
            levels: Some(2),
            ..CHART
        };
        let cut = preview(&input, &two).unwrap();
        assert!(cut.svg.len() < all.svg.len());
    }
}
