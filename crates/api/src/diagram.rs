//! Diagram export: a view of a scenario drawn as SVG, PDF or PNG by topograph-export, and the
//! small SVG preview the app's export dialog shows.

use crate::plan::PlanRange;
use crate::{document_name, io_error, Session};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use topograph_document::Document;
use topograph_export::{
    BuildOptions, Captioned, Colouring, Detail, Diagram, Footer, Look, PdfOptions, PngOptions,
    Scene, SvgOptions,
};
use topograph_model::{
    ColourKey, DiagramFormat, Error, ErrorCode, FieldDefs, Org, Paper, Result, UnitId, View,
};

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
    /// Org chart: only this many levels from the top (absent or 0: all).
    #[serde(default)]
    pub levels: Option<u32>,
    /// Headcount and cost charts: the periods (absent: a year of quarters from today); their
    /// scope is a unit, whose groups they show.
    #[serde(default)]
    pub periods: Option<PlanRange>,
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
    /// Org chart and team map: draw the legend (what accents, tags and line styles mean)
    /// beside the diagram, on the first page of a PDF. Absent: no legend.
    #[serde(default)]
    pub legend: bool,
    /// Org chart: the people in the colours of colour by (`discipline`, `location`, `status`,
    /// `level` or `custom:<choice field>`), with that part of the legend. Absent: teams' own.
    #[serde(default)]
    pub colour_by: Option<String>,
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
    /// Which page this is (from 0) and how many the export writes (1 for an image).
    pub page: u32,
    pub pages: u32,
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
    /// The day `org` shows the org on, when not as entered (the footer says so, and the charts
    /// over time start from it).
    pub as_of: Option<topograph_model::Date>,
    /// The document's custom fields, for colouring by a choice field.
    pub fields: FieldDefs,
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
            as_of: None,
            fields: doc.fields()?,
        })
    }

    /// This drawing moved to `day` (`None`: as entered), as the CLI's `--as-of` asks.
    pub fn on(mut self, day: Option<topograph_model::Date>) -> Drawing {
        if let Some(day) = day {
            self.org = self.org.into_as_of(day).org;
        }
        self.as_of = day;
        self
    }

    /// The open scenario of the session on the as-of date every view shows, as on screen.
    pub fn of_session(s: &Session, view: View) -> Result<Drawing> {
        let doc = s
            .document()
            .ok_or_else(|| Error::new(ErrorCode::NotAllowed, "no document is open to export"))?;
        let open = &doc.active_scenario().name;
        Ok(Drawing {
            org: Org::clone(&*s.org_copy()?),
            collapsed: doc.collapsed(view)?.into_iter().collect(),
            document: doc.path().map(document_name).unwrap_or_default(),
            scenario: open.to_string(),
            as_of: doc.view_date()?,
            fields: doc.fields()?,
        })
    }

    /// The scene of `what`; for a PDF (`pdf`), arranged for its page as
    /// [`Scene::build_for_pdf`] does.
    /// How `o` dresses the drawing: its legend, and colour by (the org chart's only).
    fn look(&self, what: &DiagramScope, o: &ExportOptions) -> Result<Look> {
        let colours = match (&o.colour_by, what.view) {
            (Some(key), View::OrgChart) => {
                let colouring = ColourKey::parse(key)
                    .and_then(|key| Colouring::new(&self.org, &key, &self.fields))
                    .map_err(|e| Error {
                        field: Some("colour_by".into()),
                        ..e
                    })?;
                Some(colouring)
            }
            _ => None,
        };
        // Cards show the fields marked for them, as on screen.
        let field_lines = (what.view == View::OrgChart
            && !topograph_model::card_field_names(&self.fields).is_empty())
        .then(|| {
            self.org
                .persons()
                .filter_map(|p| {
                    topograph_model::card_field_line(&self.org, &self.fields, p)
                        .map(|line| (p.id.0, line))
                })
                .collect()
        });
        Ok(Look {
            legend: o.legend,
            colours,
            field_lines,
        })
    }

    fn scene(&self, what: &DiagramScope, pdf: Option<&PdfOptions>, look: &Look) -> Result<Scene> {
        let (org, view, collapsed) = (&self.org, what.view, &self.collapsed);
        if topograph_export::view::chart_measure(view).is_some() {
            let range = what.periods.clone().unwrap_or_default();
            let from = self.as_of.unwrap_or_else(topograph_model::Date::today);
            let options = range.options(from, what.scope.map(UnitId))?;
            return Scene::chart(org, view, &options);
        }
        match pdf {
            Some(pdf) => {
                Scene::build_for_pdf(org, view, collapsed, what.scope, what.levels, pdf, look)
            }
            None => {
                let build = BuildOptions {
                    levels: what.levels,
                    ..BuildOptions::default()
                };
                Scene::build_with(org, view, collapsed, what.scope, &build)
            }
        }
    }

    /// `d` with a caption naming the as-of day, when there is one: an SVG or PNG sent on its own
    /// must say which day it shows, as a PDF's footer does.
    fn captioned<'a>(&self, d: Box<dyn Diagram + 'a>) -> Box<dyn Diagram + 'a> {
        match self.as_of {
            Some(day) => Box::new(Captioned {
                inner: d,
                text: format!("The org as of {day}"),
            }),
            None => d,
        }
    }

    /// The PDF options `o` asks for, with this drawing's footer.
    fn pdf_options(&self, o: &ExportOptions) -> PdfOptions {
        PdfOptions {
            page: o.page,
            landscape: o.landscape,
            tiled: o.tile,
            scale: o.scale,
            footer: Footer {
                document: self.document.clone(),
                scenario: self.scenario.clone(),
                date: match self.as_of {
                    Some(day) => format!("{}, the org as of {day}", topograph_export::today()),
                    None => topograph_export::today(),
                },
            },
        }
    }
}

/// The chosen view and scope as a small SVG for the export dialog's preview.
pub fn preview(drawing: &Drawing, what: &DiagramScope) -> Result<ExportPreview> {
    preview_with(drawing, what, &Look::default(), true)
}

/// `caption`: an image's caption (a PDF names the day in its footer instead).
fn preview_with(
    drawing: &Drawing,
    what: &DiagramScope,
    look: &Look,
    caption: bool,
) -> Result<ExportPreview> {
    let scene = drawing.scene(what, None, look)?;
    let d = scene.diagram_with(look);
    let d = if caption { drawing.captioned(d) } else { d };
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
        page: 0,
        pages: 1,
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
    let pdf = (o.format == DiagramFormat::Pdf).then(|| drawing.pdf_options(o));
    let look = drawing.look(what, o)?;
    let scene = drawing.scene(what, pdf.as_ref(), &look)?;
    let d = drawing.captioned(scene.diagram_with(&look));
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
            let opts = drawing.pdf_options(o);
            let pages = scene.pdf_pages(&opts, &look)? as u32;
            let pdf = scene.to_pdf(&opts, &look, progress)?;
            Ok((pdf, pages))
        }
    }
}

/// What the export dialog's options will write: for a PDF on paper, the first page as it will
/// print (size, orientation, margins, footer and the chart arranged to fill the page); for the
/// other formats, the whole drawing as [`preview`] gives it.
pub fn page_preview(
    drawing: &Drawing,
    what: &DiagramScope,
    o: &ExportOptions,
) -> Result<ExportPreview> {
    page_preview_at(drawing, what, o, 0)
}

/// Page `n` (from 0; past the last, the last) of what [`page_preview`] shows, drawn from the
/// same scene [`render`] writes, with the number of pages the export will have.
pub fn page_preview_at(
    drawing: &Drawing,
    what: &DiagramScope,
    o: &ExportOptions,
    n: u32,
) -> Result<ExportPreview> {
    let look = drawing.look(what, o)?;
    if o.format != DiagramFormat::Pdf || o.page == Paper::Fit {
        return preview_with(drawing, what, &look, o.format != DiagramFormat::Pdf);
    }
    let opts = drawing.pdf_options(o);
    let scene = drawing.scene(what, Some(&opts), &look)?;
    let pages = scene.pdf_pages(&opts, &look)?.max(1);
    let n = (n as usize).min(pages - 1);
    let (svg, width, height) = scene.page_preview(&opts, &look, n)?;
    Ok(ExportPreview {
        svg,
        width,
        height,
        page: n as u32,
        pages: pages as u32,
    })
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

/// Progress a person watches: `emit(done, total)` at most every 50 ms and at the last step. It
/// answers whether to go on: not once `stop` is set (the app's Cancel).
pub fn throttled<'a>(
    stop: &'a AtomicBool,
    mut emit: impl FnMut(u32, u32) + 'a,
) -> impl FnMut(usize, usize) -> bool + 'a {
    const EVERY: Duration = Duration::from_millis(50);
    let mut last = Instant::now();
    move |done, total| {
        if last.elapsed() >= EVERY || done == total {
            last = Instant::now();
            emit(done as u32, total as u32);
        }
        !stop.load(Ordering::SeqCst)
    }
}

/// The app's running export: a new one clears the stop an earlier Cancel left; Cancel stops it
/// between pages, with nothing written.
pub struct Exporting(AtomicBool);

impl Exporting {
    pub const fn new() -> Exporting {
        Exporting(AtomicBool::new(false))
    }

    /// A new export starts: call before it is queued, so a Cancel that comes meanwhile counts.
    pub fn start(&self) {
        self.0.store(false, Ordering::SeqCst);
    }

    /// The running export ends as cancelled, with nothing written.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// [`export`], telling `emit` the progress a person watches ([`throttled`]) until cancelled.
    pub fn export(
        &self,
        drawing: &Drawing,
        what: &DiagramScope,
        o: &ExportOptions,
        path: &str,
        emit: impl FnMut(u32, u32),
    ) -> Result<ExportResult> {
        let mut progress = throttled(&self.0, emit);
        let cancelled = || self.0.load(Ordering::SeqCst);
        export(drawing, what, o, path, &mut progress, &cancelled)
    }
}

impl Default for Exporting {
    fn default() -> Exporting {
        Exporting::new()
    }
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
            as_of: None,
            fields: FieldDefs::default(),
        }
    }

    #[test]
    fn an_export_from_the_app_draws_the_org_on_the_as_of_date_and_its_footer_or_caption_names_the_day(
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(crate::Paths::under(dir.path()));
        s.create_from(
            &dir.path().join("dated.topo"),
            crate::session::NewTemplate::Sample,
        )
        .unwrap();
        let someone = s
            .document()
            .unwrap()
            .org()
            .persons()
            .next()
            .unwrap()
            .clone();
        let mut leaving = someone.clone();
        leaving.status = topograph_model::PersonStatus::Leaving;
        leaving.start_date = None;
        leaving.end_date = Some("2031-02-15".into());
        s.apply(topograph_model::Op::UpdatePerson { person: leaving })
            .unwrap();
        let today = Drawing::of_session(&s, View::OrgChart).unwrap();
        assert!(today.org.person(someone.id).is_some());
        assert_eq!(today.as_of, None);

        let day = topograph_model::Date::parse("2031-03-01");
        s.set_view_date(day).unwrap();
        let drawing = Drawing::of_session(&s, View::OrgChart).unwrap();
        assert!(drawing.org.person(someone.id).is_none(), "gone by then");
        assert_eq!(drawing.as_of, day);
        let footer = drawing
            .pdf_options(&options(DiagramFormat::Pdf))
            .footer
            .date;
        assert!(footer.ends_with("the org as of 2031-03-01"), "{footer}");

        // An image has no footer: its caption names the day, and today's image has none.
        let image = |d: &Drawing, format| {
            let what = DiagramScope {
                levels: Some(2),
                ..WHOLE_CHART
            };
            render(d, &what, &options(format), &mut |_, _| true)
                .unwrap()
                .0
        };
        let svg = |d: &Drawing| String::from_utf8(image(d, DiagramFormat::Svg)).unwrap();
        assert!(!svg(&today).contains("The org as of"));
        assert!(svg(&drawing).contains(">The org as of 2031-03-01</text>"));
        let preview = page_preview(&drawing, &WHOLE_CHART, &options(DiagramFormat::Svg)).unwrap();
        assert!(preview.svg.contains(">The org as of 2031-03-01</text>"));
        let pdf_preview = page_preview(&drawing, &WHOLE_CHART, &pdf(Paper::Fit, true)).unwrap();
        assert!(
            !pdf_preview.svg.contains("The org as of"),
            "a PDF says it in its footer"
        );
        // PNG: the height of the IHDR chunk (bytes 20..24) grows by the caption's line.
        let height = |png: Vec<u8>| u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert!(
            height(image(&drawing, DiagramFormat::Png)) > height(image(&today, DiagramFormat::Png))
        );
    }

    #[test]
    fn a_drawing_moved_on_to_a_day_is_the_org_of_that_day() {
        let mut org = topograph_sample::sample();
        let id = org.persons().next().unwrap().id;
        let mut leaving = org.person(id).unwrap().clone();
        leaving.status = topograph_model::PersonStatus::Leaving;
        leaving.start_date = None;
        leaving.end_date = Some("2031-02-15".into());
        org.execute(
            &topograph_model::Op::UpdatePerson { person: leaving },
            &mut topograph_model::IdCounter {
                next: org.max_id() + 1,
            },
        )
        .unwrap();
        let drawing = Drawing { org, ..sample() }.on(topograph_model::Date::parse("2031-03-01"));
        assert!(drawing.org.person(id).is_none());
        let kept = sample().on(None);
        assert_eq!(kept.as_of, None);
        assert_eq!(
            kept.org.persons().count(),
            topograph_sample::sample().persons().count()
        );
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
            legend: true,
            colour_by: None,
        }
    }

    const WHOLE_CHART: DiagramScope = DiagramScope {
        view: View::OrgChart,
        scope: None,
        levels: None,
        periods: None,
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
            levels: None,
            periods: None,
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
        let first = page_preview(&drawing, &WHOLE_CHART, &options(DiagramFormat::Pdf)).unwrap();
        assert!(
            first.svg.contains("continued on page 2"),
            "the tiled preview is the first page along subtrees"
        );
        assert_eq!(
            first.pages, pages,
            "the preview counts the pages the PDF has"
        );
        // Every page can be previewed, numbered as printed; past the last shows the last.
        for n in [1, pages - 1, pages + 3] {
            let p =
                page_preview_at(&drawing, &WHOLE_CHART, &options(DiagramFormat::Pdf), n).unwrap();
            let shown = n.min(pages - 1);
            assert_eq!(p.page, shown);
            assert!(p.svg.contains(&format!("Page {} of {pages}", shown + 1)));
        }
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
    fn watched_progress_tells_the_last_step_and_stops_once_cancelled() {
        let stop = AtomicBool::new(false);
        let mut told = vec![];
        let mut progress = throttled(&stop, |done, total| told.push((done, total)));
        assert!(progress(1, 3) && progress(2, 3));
        stop.store(true, Ordering::SeqCst);
        assert!(!progress(3, 3));
        drop(progress);
        assert_eq!(told.last(), Some(&(3, 3)), "the last step is always told");
    }

    #[test]
    fn a_cancel_stops_the_running_export_and_the_next_export_starts_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg").display().to_string();
        let o = options(DiagramFormat::Svg);
        let exporting = Exporting::new();
        exporting.start();
        exporting.cancel();
        let r = exporting.export(&sample(), &WHOLE_CHART, &o, &path, |_, _| {});
        assert!(r.unwrap().cancelled);
        assert!(!Path::new(&path).exists());
        exporting.start();
        let r = exporting.export(&sample(), &WHOLE_CHART, &o, &path, |_, _| {});
        assert_eq!(std::fs::metadata(&path).unwrap().len(), r.unwrap().bytes);
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

    fn pdf(page: Paper, landscape: bool) -> ExportOptions {
        ExportOptions {
            page,
            landscape,
            tile: false,
            ..options(DiagramFormat::Pdf)
        }
    }

    const CHART: DiagramScope = DiagramScope {
        view: View::OrgChart,
        scope: None,
        levels: None,
        periods: None,
    };

    #[test]
    fn a_pdf_preview_is_the_page_in_its_chosen_size_and_orientation() {
        let drawing = sample();
        let land = page_preview(&drawing, &CHART, &pdf(Paper::A4, true)).unwrap();
        assert!((land.width - 841.89).abs() < 0.01 && (land.height - 595.28).abs() < 0.01);
        assert!(
            land.svg.contains("Page 1 of 1"),
            "the footer is on the page"
        );
        let tall = page_preview(&drawing, &CHART, &pdf(Paper::Letter, false)).unwrap();
        assert!((tall.width - 612.0).abs() < 0.01 && (tall.height - 792.0).abs() < 0.01);
    }

    #[test]
    fn a_headcount_chart_exports_its_groups_and_figures_as_text() {
        let drawing = sample();
        let what = DiagramScope {
            view: View::Headcount,
            scope: None,
            levels: None,
            periods: Some(PlanRange {
                by: None,
                from: Some("2027-01-01".into()),
                to: Some("2027-12-31".into()),
            }),
        };
        let (svg, _) = render(
            &drawing,
            &what,
            &options(DiagramFormat::Svg),
            &mut |_, _| true,
        )
        .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        let options = what
            .periods
            .clone()
            .unwrap()
            .options(topograph_model::Date::today(), None)
            .unwrap();
        let table = topograph_plan::plan_table(&drawing.org, &options);
        for r in table
            .rows
            .iter()
            .filter(|r| r.depth == 0 && r.unit.is_some())
        {
            let name = r.name.replace('&', "&amp;");
            assert!(svg.contains(&format!(">{name}<")), "{name} in the chart");
        }
        let whole = table.rows.last().unwrap();
        assert!(svg.contains(">2027-Q3<"));
        assert!(svg.contains(&format!(">{}", whole.cells[2].headcount)));
        let (pdf, pages) =
            render(&drawing, &what, &pdf(Paper::A4, true), &mut |_, _| true).unwrap();
        assert!(pdf.starts_with(b"%PDF") && pages == 1);
        let bad = DiagramScope {
            scope: Some(u32::MAX),
            ..what
        };
        let e = preview(&drawing, &bad).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    #[test]
    fn fewer_levels_make_a_smaller_preview() {
        let drawing = sample();
        let all = preview(&drawing, &CHART).unwrap();
        let two = DiagramScope {
            levels: Some(2),
            ..CHART
        };
        let cut = preview(&drawing, &two).unwrap();
        assert!(cut.svg.len() < all.svg.len());
    }
}
