//! `topograph export --format svg|pdf|png`: a scenario's org chart, team map or ownership map as
//! a diagram file, drawn by topograph-export from the same scenes the app shows.

use crate::transfer::{ExportArgs, ExportFormat};
use clap::{Args, ValueEnum};
use std::collections::BTreeSet;
use std::path::Path;
use topograph_document::Document;
use topograph_export::{Diagram, Footer, PageSize, PdfOptions, PngOptions, SvgOptions};
use topograph_model::{Error, ErrorCode, View};

/// Which diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    OrgChart,
    TeamMap,
    Ownership,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PageArg {
    A4,
    Letter,
    A3,
    /// One page the size of the diagram.
    Fit,
}

/// The options of svg, pdf and png exports.
#[derive(Args, Debug)]
pub struct DiagramArgs {
    /// svg, pdf, png: which diagram.
    #[arg(long, value_enum, default_value_t = ViewArg::OrgChart)]
    pub view: ViewArg,
    /// svg, pdf, png: only this person's subtree (org chart) or unit's subtree (team map).
    #[arg(long, value_name = "ID")]
    pub scope: Option<u32>,
    /// pdf: the paper size.
    #[arg(long, value_enum, default_value_t = PageArg::A4)]
    pub page: PageArg,
    /// pdf: landscape pages.
    #[arg(long)]
    pub landscape: bool,
    /// pdf: print at --scale across as many pages as needed (with overlap marks and page
    /// numbers) instead of shrinking the diagram onto one page.
    #[arg(long)]
    pub tile: bool,
    /// png: pixels per screen pixel, 1 to 4; pdf: size relative to the screen (of tiles, or the
    /// most a small diagram is enlarged to on one page).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// png: the image width in pixels, instead of --scale.
    #[arg(long, value_name = "PX")]
    pub width: Option<u32>,
    /// png: a transparent background instead of white.
    #[arg(long)]
    pub transparent: bool,
}

/// Writes the diagram `args` asks for.
pub fn export(doc: &Document, args: &ExportArgs) -> Result<(), Error> {
    let d = &args.diagram;
    let org = crate::plan::as_of(
        crate::transfer::scenario_org(doc, args.scenario.as_deref())?,
        args.as_of.as_deref(),
    )?;
    let scenario = match &args.scenario {
        Some(n) => n.clone(),
        None => doc.active_scenario().name.clone(),
    };
    // The collapsed set is kept per scenario, and only the open one's is at hand.
    let view = match d.view {
        ViewArg::OrgChart => View::OrgChart,
        ViewArg::TeamMap => View::TeamMap,
        ViewArg::Ownership => View::Ownership,
    };
    let collapsed: BTreeSet<u32> = if scenario == doc.active_scenario().name {
        doc.collapsed(view)?.into_iter().collect()
    } else {
        BTreeSet::new()
    };
    let scene = topograph_export::view::Scene::build(&org, d.view_kind(), &collapsed, d.scope)?;
    let diagram = scene.diagram();
    let bytes = render(&*diagram, args, doc, &scenario)?;
    if args.output == Path::new("-") {
        use std::io::Write;
        std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| Error::new(ErrorCode::Io, format!("standard output: {e}")))
    } else {
        std::fs::write(&args.output, bytes)
            .map_err(|e| Error::new(ErrorCode::Io, format!("{}: {e}", args.output.display())))
    }
}

impl DiagramArgs {
    fn view_kind(&self) -> topograph_export::view::ViewKind {
        use topograph_export::view::ViewKind;
        match self.view {
            ViewArg::OrgChart => ViewKind::OrgChart,
            ViewArg::TeamMap => ViewKind::TeamMap,
            ViewArg::Ownership => ViewKind::Ownership,
        }
    }
}

fn render(
    diagram: &dyn Diagram,
    args: &ExportArgs,
    doc: &Document,
    scenario: &str,
) -> Result<Vec<u8>, Error> {
    let d = &args.diagram;
    match args.format {
        ExportFormat::Svg => Ok(topograph_export::to_svg(
            diagram,
            &SvgOptions {
                background: if d.transparent { None } else { Some("#ffffff") },
                ..SvgOptions::default()
            },
        )
        .into_bytes()),
        ExportFormat::Png => topograph_export::to_png(
            diagram,
            &PngOptions {
                scale: d.scale,
                width: d.width,
                transparent: d.transparent,
            },
        ),
        ExportFormat::Pdf => {
            let document = doc
                .path()
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            topograph_export::to_pdf(
                diagram,
                &PdfOptions {
                    page: match d.page {
                        PageArg::A4 => PageSize::A4,
                        PageArg::Letter => PageSize::Letter,
                        PageArg::A3 => PageSize::A3,
                        PageArg::Fit => PageSize::Fit,
                    },
                    landscape: d.landscape,
                    tiled: d.tile,
                    scale: d.scale,
                    footer: Footer {
                        document,
                        scenario: scenario.to_string(),
                        date: topograph_export::today(),
                    },
                },
            )
        }
        _ => Err(Error::new(ErrorCode::NotAllowed, "not a diagram format")),
    }
}
