//! Building the scene of one view, scoped and collapsed as asked, ready to export.

use crate::book::{Book, PageDiagram};
use crate::colouring::Colouring;
use crate::diagram::Diagram;
use crate::legend::{legend_for, LegendSection, WithLegend};
use crate::pdf::{page_aspect, sheet_size, PdfOptions, Sheets, PT_PER_PX};
use crate::style::NAME_SIZE;
use crate::{scope, Effort, OrgChart, Ownership, PlanChart, TeamMap};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use topograph_model::{Date, Error, ErrorCode, Org, Result, UnitId, View};
use topograph_plan::{Granularity, PlanOptions};
use topograph_scene::{
    effort_scene, org_chart, org_chart_pages, ownership, plan_chart, team_map, ChartOptions,
    ChartPage, EffortOptions, EffortScene, MapOptions, Measure, OrgChartScene, OwnershipOptions,
    OwnershipScene, PlanChartScene, SceneOptions, TeamMapScene,
};

/// How a scene is cut and arranged for an export, besides its scope.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BuildOptions {
    /// Org chart: only this many levels from the top (people on the last level fold their
    /// reports into a count, as collapsed cards do); `None` or 0 shows every level.
    pub levels: Option<u32>,
    /// Org chart: the width / height to arrange the chart for (a page's printable area), so wide
    /// levels wrap into rows instead of a strip too thin to read; `None` keeps one row per level.
    pub target_aspect: Option<f64>,
    /// Org chart: the compact card form, the name alone on a short narrow card, so that more
    /// of a chart fits a page at a size the names can still be read.
    pub name_only: bool,
}

/// What an export adds to the scene it draws: the view's legend beside it, and people in the
/// colours of colour by (whose section of the legend is drawn whenever they are, since the
/// colours mean nothing without it).
#[derive(Clone, Debug, Default)]
pub struct Look {
    pub legend: bool,
    pub colours: Option<Colouring>,
    /// Org chart: the custom fields' line under each card's title, by person id
    /// (`topograph_model::card_field_line`).
    pub field_lines: Option<HashMap<u32, String>>,
}

impl Look {
    /// Only the legend, or nothing.
    pub fn legend(legend: bool) -> Look {
        Look {
            legend,
            ..Look::default()
        }
    }

    /// The legend's sections for `view`: colour by's first, then the view's own when asked.
    fn sections(&self, view: View) -> Option<Vec<LegendSection>> {
        let colours = self
            .colours
            .as_ref()
            .filter(|_| matches!(view, View::OrgChart))
            .map(Colouring::legend);
        let own = self.legend.then(|| legend_for(view)).flatten();
        match (colours, own) {
            (None, None) => None,
            (c, o) => Some(c.into_iter().chain(o.unwrap_or_default()).collect()),
        }
    }
}

/// Size and spacing of the compact, name-only cards.
const NAME_ONLY_CARD: (f64, f64) = (172.0, 26.0);
/// The smallest name (pt) a one-page PDF prints before its cards switch to the name-only form.
pub const MIN_NAME_PT: f64 = 6.0;

/// A built scene of one view.
pub enum Scene {
    OrgChart(OrgChartScene),
    TeamMap(TeamMapScene),
    Ownership(OwnershipScene),
    Effort(EffortScene),
    PlanChart(PlanChartScene),
    /// The org chart on pages along subtrees (a tiled PDF on paper).
    Book(Vec<ChartPage>),
}

/// What a chart view counts, or none for the diagrams.
pub fn chart_measure(view: View) -> Option<Measure> {
    match view {
        View::Headcount => Some(Measure::Headcount),
        View::Cost => Some(Measure::Cost),
        _ => None,
    }
}

/// A year of quarters from today: what a chart shows when no periods are asked for.
pub fn default_periods() -> PlanOptions {
    let today = Date::today();
    PlanOptions {
        by: Granularity::Quarter,
        from: today.to_string(),
        to: today.add_months(11).to_string(),
        unit: None,
    }
}

impl Scene {
    /// The scene of `view` for `org`, with the nodes in `collapsed` folded as on screen, and only
    /// the subtree of `scope` when given: a person for the org chart, a unit for the team map, a
    /// product area for the ownership map.
    pub fn build(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
    ) -> Result<Scene> {
        Scene::build_with(org, view, collapsed, scope, &BuildOptions::default())
    }

    /// As [`Scene::build`], cut to `o.levels` and arranged for `o.target_aspect`.
    pub fn build_with(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
        o: &BuildOptions,
    ) -> Result<Scene> {
        Ok(match view {
            View::OrgChart => {
                let (org, collapsed, opts) = org_chart_input(org, collapsed, scope, o)?;
                Scene::OrgChart(org_chart(&org, &collapsed, &opts)?)
            }
            View::TeamMap => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::unit_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::TeamMap(team_map(org, collapsed, &MapOptions::default())?)
            }
            View::Ownership => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::area_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::Ownership(ownership(org, &OwnershipOptions::default())?)
            }
            View::Effort => {
                let scoped;
                let org = match scope {
                    Some(id) => {
                        scoped = scope::area_subtree(org, id)?;
                        &scoped
                    }
                    None => org,
                };
                Scene::Effort(effort_scene(org, &EffortOptions::default()))
            }
            View::Headcount | View::Cost => {
                let periods = PlanOptions {
                    unit: scope.map(UnitId),
                    ..default_periods()
                };
                return Scene::chart(org, view, &periods);
            }
        })
    }

    /// The chart `view` (headcount or cost over time) over the periods `periods` names, by the
    /// groups under `periods.unit` (a unit that does not exist is refused).
    pub fn chart(org: &Org, view: View, periods: &PlanOptions) -> Result<Scene> {
        let measure = chart_measure(view)
            .ok_or_else(|| Error::new(ErrorCode::InvalidValue, format!("{view} is not a chart")))?;
        if let Some(u) = periods.unit {
            if org.unit(u).is_none() {
                return Err(Error::new(
                    ErrorCode::NotFound,
                    format!("{u} does not exist"),
                ));
            }
        }
        Ok(Scene::PlanChart(plan_chart(
            org,
            measure,
            periods,
            &ChartOptions::default(),
        )))
    }

    /// The scene for a PDF with options `pdf`: on paper, arranged to fill the page, and on one
    /// page with cards in the name-only form when full cards would print names under
    /// [`MIN_NAME_PT`] (with the legend beside the chart when `legend`). A tiled org chart on
    /// paper is split along subtrees ([`Scene::Book`]).
    pub fn build_for_pdf(
        org: &Org,
        view: View,
        collapsed: &BTreeSet<u32>,
        scope: Option<u32>,
        levels: Option<u32>,
        pdf: &PdfOptions,
        look: &Look,
    ) -> Result<Scene> {
        let mut o = BuildOptions {
            levels,
            target_aspect: page_aspect(pdf),
            name_only: false,
        };
        if let (View::OrgChart, true, Some((_, (aw, ah)))) = (view, pdf.tiled, sheet_size(pdf)) {
            let (org, collapsed, opts) = org_chart_input(org, collapsed, scope, &o)?;
            // The page in scene units at the asked scale, less a band for the heading's room.
            let unit = PT_PER_PX * pdf.scale;
            return Ok(Scene::Book(org_chart_pages(
                &org,
                &collapsed,
                &opts,
                aw / unit,
                ah / unit,
            )?));
        }
        let full = Scene::build_with(org, view, collapsed, scope, &o)?;
        if view != View::OrgChart || pdf.tiled || o.target_aspect.is_none() {
            return Ok(full);
        }
        let scale = crate::pdf::plan(&*full.diagram_with(look), pdf)?.scale;
        if NAME_SIZE * scale >= MIN_NAME_PT {
            return Ok(full);
        }
        o.name_only = true;
        Scene::build_with(org, view, collapsed, scope, &o)
    }

    /// The scene as something the exporters draw (a book: its first page).
    pub fn diagram(&self) -> Box<dyn Diagram + '_> {
        static PLAIN: Look = Look {
            legend: false,
            colours: None,
            field_lines: None,
        };
        self.diagram_dressed(&PLAIN)
    }

    /// As [`Scene::diagram`], the org chart dressed as `look` asks (colours, fields on cards).
    fn diagram_dressed<'a>(&'a self, look: &'a Look) -> Box<dyn Diagram + 'a> {
        match self {
            Scene::OrgChart(s) => Box::new(OrgChart::dressed(s, look)),
            Scene::TeamMap(s) => Box::new(TeamMap::new(s)),
            Scene::Ownership(s) => Box::new(Ownership::new(s)),
            Scene::Effort(s) => Box::new(Effort::new(s)),
            Scene::PlanChart(s) => Box::new(PlanChart::new(s)),
            Scene::Book(pages) => match pages.first() {
                Some(p) => Box::new(PageDiagram::dressed(p, look)),
                None => Box::new(OrgChart::new(&EMPTY)),
            },
        }
    }

    fn view(&self) -> View {
        match self {
            Scene::OrgChart(_) | Scene::Book(_) => View::OrgChart,
            Scene::TeamMap(_) => View::TeamMap,
            Scene::Ownership(_) => View::Ownership,
            Scene::Effort(_) => View::Effort,
            Scene::PlanChart(s) => match s.measure {
                Measure::Headcount => View::Headcount,
                Measure::Cost => View::Cost,
            },
        }
    }

    /// As [`Scene::diagram`], dressed as `look` asks: coloured, with the legend beside it when
    /// it has one.
    pub fn diagram_with<'a>(&'a self, look: &'a Look) -> Box<dyn Diagram + 'a> {
        let inner = self.diagram_dressed(look);
        match look.sections(self.view()) {
            Some(sections) => Box::new(WithLegend { inner, sections }),
            None => inner,
        }
    }

    /// How many pages the PDF `o` has.
    pub fn pdf_pages(&self, o: &PdfOptions, look: &Look) -> Result<usize> {
        match self {
            Scene::Book(pages) => Ok(pages.len().max(1)),
            _ => Ok(crate::pdf::plan(&*self.diagram_with(look), o)?.pages()),
        }
    }

    /// The PDF, reporting each page to `progress` (which stops it by answering false).
    pub fn to_pdf(
        &self,
        o: &PdfOptions,
        look: &Look,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Vec<u8>> {
        match self {
            Scene::Book(pages) if !pages.is_empty() => {
                crate::pdf::write_pdf(&self.book(pages, o, look)?, o, progress)
            }
            _ => crate::pdf::to_pdf_with_progress(&*self.diagram_with(look), o, progress),
        }
    }

    /// Page `n` (from 0; past the last, the last) as it will print, as an SVG document in
    /// points, with the page's width and height.
    pub fn page_preview(
        &self,
        o: &PdfOptions,
        look: &Look,
        n: usize,
    ) -> Result<(String, f64, f64)> {
        match self {
            Scene::Book(pages) if !pages.is_empty() => {
                let book = self.book(pages, o, look)?;
                let (w, h) = book.size();
                Ok((book.svg(n.min(book.count() - 1)), w, h))
            }
            _ => {
                let d = self.diagram_with(look);
                let plan = crate::pdf::plan(&*d, o)?;
                Ok((
                    crate::pdf::page_preview(&*d, o, n)?,
                    plan.page_w,
                    plan.page_h,
                ))
            }
        }
    }

    fn book<'a>(
        &self,
        pages: &'a [ChartPage],
        o: &'a PdfOptions,
        look: &'a Look,
    ) -> Result<Book<'a>> {
        let (page, area) =
            sheet_size(o).ok_or_else(|| crate::invalid("a book needs a paper size"))?;
        Ok(Book {
            pages: pages
                .iter()
                .map(|p| PageDiagram::dressed(p, look))
                .collect(),
            legend: look.sections(View::OrgChart),
            look,
            o,
            page,
            area,
        })
    }
}

static EMPTY: OrgChartScene = OrgChartScene {
    ids: Vec::new(),
    x: Vec::new(),
    y: Vec::new(),
    w: Vec::new(),
    h: Vec::new(),
    connectors: Vec::new(),
    bounds: topograph_scene::SceneRect {
        x: 0.0,
        y: 0.0,
        w: 0.0,
        h: 0.0,
    },
    cards: Vec::new(),
    stubs: Vec::new(),
};

/// The org, folded set and card options an org chart export draws: `scope`'s subtree, cut to
/// `o.levels`, cards in `o`'s form.
fn org_chart_input<'a>(
    org: &'a Org,
    collapsed: &'a BTreeSet<u32>,
    scope: Option<u32>,
    o: &BuildOptions,
) -> Result<(Cow<'a, Org>, Cow<'a, BTreeSet<u32>>, SceneOptions)> {
    let org: Cow<Org> = match scope {
        Some(id) => Cow::Owned(scope::person_subtree(org, id)?),
        None => Cow::Borrowed(org),
    };
    let mut opts = SceneOptions::default();
    opts.layout.target_aspect = o.target_aspect;
    if o.name_only {
        (opts.card_width, opts.card_height) = NAME_ONLY_CARD;
        opts.layout.sibling_gap = 6.0;
        opts.layout.level_gap = 16.0;
        opts.layout.root_gap = 24.0;
        opts.layout.stack_gap = 4.0;
        opts.layout.stack_leaves_from = 2;
    }
    let collapsed: Cow<BTreeSet<u32>> = match o.levels.filter(|&l| l > 0) {
        Some(levels) => Cow::Owned(scope::fold_below(&org, collapsed, levels)),
        None => Cow::Borrowed(collapsed),
    };
    Ok((org, collapsed, opts))
}
