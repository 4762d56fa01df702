//! The org chart tiled along subtrees: one page per manager's subtree
//! ([`topograph_scene::org_chart_pages`]), each headed with that manager, with "continued on
//! page N" where a reporting line leaves the page and "from page N" where it enters.

use crate::diagram::{meets, Detail, Diagram};
use crate::font::Metrics;
use crate::legend::{LegendSection, WithLegend};
use crate::org_chart::OrgChart;
use crate::pdf::{Sheet, Sheets, PT_PER_PX};
use crate::shapes::{rounded_rect, text};
use crate::style::*;
use crate::{Look, PdfOptions};
use topograph_scene::{ChartPage, SceneRect};

/// One page of the book as a diagram: its cards and lines, and its marks.
pub struct PageDiagram<'a> {
    pub page: &'a ChartPage,
    chart: OrgChart<'a>,
}

impl<'a> PageDiagram<'a> {
    pub fn new(page: &'a ChartPage) -> Self {
        PageDiagram {
            page,
            chart: OrgChart::new(&page.scene),
        }
    }

    /// The page dressed as `look` asks (colours, fields on cards).
    pub fn dressed(page: &'a ChartPage, look: &'a Look) -> Self {
        PageDiagram {
            page,
            chart: OrgChart::dressed(&page.scene, look),
        }
    }
}

impl Diagram for PageDiagram<'_> {
    fn bounds(&self) -> SceneRect {
        self.page.scene.bounds
    }

    fn write_svg(&self, out: &mut String, region: Option<&SceneRect>, detail: Detail) {
        self.chart.write_svg(out, region, detail);
        let marks: Vec<_> = self
            .page
            .marks
            .iter()
            .filter(|m| meets(region, m.x, m.y, m.w, m.h))
            .collect();
        if marks.is_empty() {
            return;
        }
        out.push_str("<g fill=\"");
        out.push_str(OPEN_FILL);
        out.push_str("\" stroke=\"");
        out.push_str(OPEN_STROKE);
        out.push_str("\" stroke-dasharray=\"5 3\">");
        for m in &marks {
            rounded_rect(out, 6, m.x, m.y, m.w, m.h);
        }
        out.push_str("</g>\n");
        if detail == Detail::Blocks {
            return;
        }
        let f = Metrics::get();
        let mut first = String::new();
        let mut second = String::new();
        for m in &marks {
            let room = m.w - 2.0 * PAD_X;
            let x = m.x + PAD_X;
            text(
                &mut first,
                x,
                m.y + 18.0,
                &f.fit(&m.text(), TITLE_SIZE, room),
            );
            text(
                &mut second,
                x,
                m.y + 34.0,
                &f.fit(&m.detail(), BADGE_SIZE, room),
            );
        }
        out.push_str("<g font-size=\"12\" fill=\"");
        out.push_str(NAME_COLOUR);
        out.push_str("\">");
        out.push_str(&first);
        out.push_str("</g>\n<g font-size=\"11\" fill=\"");
        out.push_str(TITLE_COLOUR);
        out.push_str("\">");
        out.push_str(&second);
        out.push_str("</g>\n");
    }
}

/// The book's pages as PDF sheets; the first carries the legend when there is one.
pub(crate) struct Book<'a> {
    pub pages: Vec<PageDiagram<'a>>,
    pub legend: Option<Vec<LegendSection>>,
    pub look: &'a Look,
    pub o: &'a PdfOptions,
    /// Page and printable area (pt).
    pub page: (f64, f64),
    pub area: (f64, f64),
}

impl Book<'_> {
    /// Page `n` as a sheet, shrunk only when it does not fit at the asked scale (a page
    /// with the legend, or a manager with more reports than a sheet holds).
    fn sheet<'d>(&self, d: &'d dyn Diagram, n: usize) -> Sheet<'d> {
        let b = d.bounds();
        let wanted = PT_PER_PX * self.o.scale;
        let (aw, ah) = self.area;
        let scale = wanted.min(aw / b.w.max(1.0)).min(ah / b.h.max(1.0));
        let page = &self.pages[n].page;
        Sheet {
            d,
            page: self.page,
            area: self.area,
            scale,
            // Centred across, from the top.
            origin: (b.x - (aw / scale - b.w) / 2.0, b.y),
            only: None,
            heading: Some(page.heading.clone()),
            numbers: format!("Page {} of {}", n + 1, self.pages.len()),
            overlay: String::new(),
        }
    }
}

impl Sheets for Book<'_> {
    fn count(&self) -> usize {
        self.pages.len()
    }

    fn size(&self) -> (f64, f64) {
        self.page
    }

    fn svg(&self, n: usize) -> String {
        match (&self.legend, n) {
            (Some(sections), 0) => {
                let d = WithLegend {
                    inner: Box::new(PageDiagram::dressed(self.pages[0].page, self.look)),
                    sections: sections.clone(),
                };
                crate::pdf::sheet_svg(&self.sheet(&d, 0), self.o)
            }
            _ => crate::pdf::sheet_svg(&self.sheet(&self.pages[n], n), self.o),
        }
    }
}
