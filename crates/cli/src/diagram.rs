//! `topograph export --format svg|pdf|png`: a scenario's org chart, team map, ownership map,
//! "where the people go" view (`--view effort`) or headcount and cost over time by group
//! (`--view headcount|cost`, over `--by`, `--start`, `--end`) as a diagram file, drawn by
//! `topograph_api::diagram` as the app's File › Export… draws it.

use crate::transfer::ExportArgs;
use crate::values;
use clap::Args;
use std::path::Path;
use topograph_api::diagram::{self, DiagramScope, Drawing, ExportOptions};
use topograph_document::Document;
use topograph_model::{DiagramFormat, Error, ErrorCode, Paper, View};

/// The options of svg, pdf and png exports.
#[derive(Args, Debug)]
pub struct DiagramArgs {
    /// svg, pdf, png: which diagram.
    #[arg(long, value_parser = values::view(), default_value_t = View::OrgChart)]
    pub view: View,
    /// svg, pdf, png: only this person's subtree (org chart) or unit's subtree (team map).
    #[arg(long, value_name = "ID")]
    pub scope: Option<u32>,
    /// svg, pdf, png (org chart): only the top N levels, the people on level N showing how many
    /// are below them.
    #[arg(long, value_name = "N")]
    pub levels: Option<u32>,
    /// pdf: the paper size.
    #[arg(long, value_parser = values::paper(), default_value_t = Paper::A4)]
    pub page: Paper,
    /// pdf: landscape pages.
    #[arg(long)]
    pub landscape: bool,
    /// pdf: print at --scale across as many pages as needed instead of shrinking the diagram
    /// onto one page: the org chart along subtrees (each page headed with its subtree's root,
    /// "continued on page N" where a line leaves), other views in overlapping numbered tiles.
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
    /// svg, pdf, png (--view headcount|cost): the periods the chart shows; --scope is then a
    /// unit whose groups it shows.
    #[command(flatten)]
    pub periods: crate::diff::PeriodArgs,
    /// svg, pdf, png (org chart, team map): the legend (what accents, tags and line styles
    /// mean) beside the diagram; on unless --legend=false.
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
    pub legend: bool,
    /// svg, pdf, png (org chart): people in the colours of discipline, location, status, level
    /// or custom:<choice field>, named in the legend (as the app's Colour by).
    #[arg(long, value_name = "KEY")]
    pub colour_by: Option<String>,
}

/// Writes the diagram `args` asks for as `format`.
pub fn export(doc: &Document, args: &ExportArgs, format: DiagramFormat) -> Result<(), Error> {
    let d = &args.diagram;
    let day = match args.as_of.as_deref() {
        Some(text) => Some(crate::plan::day("--as-of", text)?),
        None => None,
    };
    let drawing = Drawing::of_document(doc, args.scenario.as_deref(), d.view)?.on(day);
    let what = DiagramScope {
        view: d.view,
        scope: d.scope,
        levels: d.levels,
        periods: Some(d.periods.range()),
    };
    let options = ExportOptions {
        format,
        page: d.page,
        landscape: d.landscape,
        tile: d.tile,
        scale: d.scale,
        width: d.width,
        transparent: d.transparent,
        legend: d.legend,
        colour_by: d.colour_by.clone(),
    };
    let (bytes, _) = diagram::render(&drawing, &what, &options, &mut |_, _| true)
        .map_err(crate::diff::flagged)?;
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
