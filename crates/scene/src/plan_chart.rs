//! Charts a leader puts in a deck: headcount or cost over time by group, as stacked bars (one
//! per period, one segment per group), a legend and the figures as a table under the chart.
//!
//! The figures come from [`topograph_plan::plan_table`] only; this module places them. The app
//! shows the exported SVG and the exporters draw this same scene.

use serde::Serialize;
use topograph_model::{Org, UnitId};
use topograph_plan::{plan_table, PlanCell, PlanOptions, PlanTable};

use crate::SceneRect;

/// What a chart counts per period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// People there at the end of the period, with open positions and planned hires on top.
    Headcount,
    /// What the period costs in the reporting currency, the planned hires included.
    Cost,
}

/// Sizes of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    pub width: f64,
    pub plot_height: f64,
    /// Room left of the plot for the axis figures.
    pub axis_width: f64,
    pub table_row: f64,
    /// Width of the table's name column.
    pub name_width: f64,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 960.0,
            plot_height: 320.0,
            axis_width: 64.0,
            table_row: 20.0,
            name_width: 200.0,
        }
    }
}

/// One group (a top-level unit, the units under the scope, or the people in none of them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartSeries {
    pub unit: Option<u32>,
    pub name: String,
    pub colour: String,
    /// One figure per period.
    pub values: Vec<f64>,
}

/// One part of a bar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartSegment {
    /// Index into the series, or none for the open positions and planned hires.
    pub series: Option<usize>,
    pub rect: SceneRect,
}

/// One period's bar and the total written above it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartBar {
    pub period: String,
    pub segments: Vec<ChartSegment>,
    pub total: String,
    /// The period's label under the bar is centred on `label_x`.
    pub label_x: f64,
    pub total_y: f64,
}

/// A figure on the vertical axis and its grid line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartTick {
    pub y: f64,
    pub label: String,
}

/// A swatch and its name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LegendItem {
    pub swatch: SceneRect,
    pub colour: String,
    pub label: String,
}

/// A line of the table under the chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableLine {
    pub name: String,
    pub cells: Vec<String>,
    pub y: f64,
    pub total: bool,
}

/// The whole chart, laid out in scene units (y down).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanChartScene {
    pub measure: Measure,
    pub title: String,
    /// What the figures are ("People at the end of each quarter; lighter: open positions…").
    pub subtitle: String,
    pub reporting_currency: String,
    pub periods: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// The figure of the open positions and planned hires per period (headcount only).
    pub planned: Vec<f64>,
    pub plot: SceneRect,
    pub ticks: Vec<ChartTick>,
    pub bars: Vec<ChartBar>,
    pub legend: Vec<LegendItem>,
    /// The table's column x positions (name first, then one per period, right-aligned ends).
    pub columns: Vec<f64>,
    pub header_y: f64,
    pub table: Vec<TableLine>,
    pub bounds: SceneRect,
}

/// Colours for groups that have none of their own, in order.
const PALETTE: [&str; 10] = [
    "#2563eb", "#16a34a", "#d97706", "#7c3aed", "#dc2626", "#0891b2", "#65a30d", "#db2777",
    "#4b5563", "#ca8a04",
];
/// The open positions and planned hires on top of a headcount bar.
pub const PLANNED_COLOUR: &str = "#cbd5e1";
/// The people in none of the groups shown.
const OTHER_COLOUR: &str = "#94a3b8";

/// A figure as a deck shows it: whole people; money in k or M.
pub fn chart_figure(measure: Measure, v: f64) -> String {
    match measure {
        Measure::Headcount => format!("{}", v.round() as i64),
        Measure::Cost => {
            let a = v.abs();
            if a >= 1e6 {
                format!("{}M", crate::one_decimal(v / 1e6))
            } else if a >= 1e3 {
                format!("{}k", (v / 1e3).round() as i64)
            } else {
                format!("{}", v.round() as i64)
            }
        }
    }
}

fn value(measure: Measure, c: &PlanCell) -> f64 {
    match measure {
        Measure::Headcount => f64::from(c.headcount),
        Measure::Cost => c.cost + c.planned_cost,
    }
}

/// A round step giving about five ticks up to `top`.
fn step(top: f64) -> f64 {
    let raw = (top / 5.0).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// The groups of `table` under `scope` (the top-level units without one): each with its
/// figures, and what the scope holds outside them as "Other".
fn series(
    org: &Org,
    table: &PlanTable,
    measure: Measure,
    scope: Option<UnitId>,
) -> Vec<ChartSeries> {
    let n = table.periods.len();
    let (whole, depth) = match scope {
        Some(u) => (table.rows.iter().find(|r| r.unit == Some(u)), 1),
        None => (table.rows.iter().find(|r| r.unit.is_none()), 0),
    };
    let mut out: Vec<ChartSeries> = table
        .rows
        .iter()
        .filter(|r| r.unit.is_some() && r.depth == depth)
        .enumerate()
        .map(|(i, r)| ChartSeries {
            unit: r.unit.map(|u| u.0),
            name: r.name.clone(),
            colour: r
                .unit
                .and_then(|u| org.unit(u))
                .and_then(|u| u.colour.clone())
                .unwrap_or_else(|| PALETTE[i % PALETTE.len()].to_string()),
            values: r.cells.iter().map(|c| value(measure, c)).collect(),
        })
        .collect();
    if let Some(w) = whole {
        let rest: Vec<f64> = (0..n)
            .map(|k| {
                let all = w.cells.get(k).map_or(0.0, |c| value(measure, c));
                all - out.iter().map(|s| s.values[k]).sum::<f64>()
            })
            .collect();
        if rest.iter().any(|v| *v > 0.5) {
            out.push(ChartSeries {
                unit: None,
                name: if scope.is_some() {
                    format!("{} (not in a team below)", w.name)
                } else {
                    "In no unit".to_string()
                },
                colour: OTHER_COLOUR.to_string(),
                values: rest.into_iter().map(|v| v.max(0.0)).collect(),
            });
        }
    }
    out
}

/// The chart of `measure` over the periods `options` names, for the groups under
/// `options.unit` (the top-level units without one).
pub fn plan_chart(
    org: &Org,
    measure: Measure,
    options: &PlanOptions,
    o: &ChartOptions,
) -> PlanChartScene {
    let table = plan_table(org, options);
    let series = series(org, &table, measure, options.unit);
    let n = table.periods.len();
    let scope_row = match options.unit {
        Some(u) => table.rows.iter().find(|r| r.unit == Some(u)),
        None => table.rows.iter().find(|r| r.unit.is_none()),
    };
    let planned: Vec<f64> = (0..n)
        .map(|k| match measure {
            Measure::Headcount => scope_row
                .and_then(|r| r.cells.get(k))
                .map_or(0.0, |c| f64::from(c.open_positions + c.planned_hires)),
            Measure::Cost => 0.0,
        })
        .collect();
    let totals: Vec<f64> = (0..n)
        .map(|k| series.iter().map(|s| s.values[k]).sum::<f64>())
        .collect();
    let top = (0..n).map(|k| totals[k] + planned[k]).fold(0.0, f64::max);
    let step = step(top.max(1.0));
    let scale_top = (top / step).ceil().max(1.0) * step;

    let currency = &table.reporting_currency;
    let scope_name = scope_row.map_or_else(String::new, |r| r.name.clone());
    let span = match (table.periods.first(), table.periods.last()) {
        (Some(a), Some(b)) if a != b => format!("{a} to {b}"),
        (Some(a), _) => a.clone(),
        _ => String::new(),
    };
    let of = if options.unit.is_some() {
        format!(" in {scope_name}")
    } else {
        String::new()
    };
    let (title, mut subtitle) = match measure {
        Measure::Headcount => (
            format!("Headcount by group{of}, {span}"),
            "People there at the end of each period; lighter on top: open positions and planned hires".to_string(),
        ),
        Measure::Cost => (
            format!("Cost by group{of} ({currency}), {span}"),
            format!("What each period costs in {currency}, planned hires included"),
        ),
    };

    // A cost left out must not pass for a zero.
    if measure == Measure::Cost && table.unconverted > 0 {
        subtitle.push_str(&format!(
            "; {} people paid in a currency without an exchange rate to {currency} are left out",
            table.unconverted
        ));
    }
    let plot = SceneRect {
        x: o.axis_width,
        y: 64.0,
        w: o.width - o.axis_width,
        h: o.plot_height,
    };
    let y_of = |v: f64| plot.y + plot.h - plot.h * (v / scale_top);
    let ticks: Vec<ChartTick> = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= scale_top + 1e-9)
        .map(|v| ChartTick {
            y: y_of(v),
            label: chart_figure(measure, v),
        })
        .collect();
    let slot = plot.w / n.max(1) as f64;
    let bar_w = (slot * 0.6).min(96.0);
    let bars: Vec<ChartBar> = (0..n)
        .map(|k| {
            let x = plot.x + slot * k as f64 + (slot - bar_w) / 2.0;
            let mut base = 0.0;
            let mut segments = Vec::new();
            let mut stack = |series: Option<usize>, v: f64, segments: &mut Vec<ChartSegment>| {
                if v <= 0.0 {
                    return;
                }
                let (y0, y1) = (y_of(base), y_of(base + v));
                segments.push(ChartSegment {
                    series,
                    rect: SceneRect {
                        x,
                        y: y1,
                        w: bar_w,
                        h: y0 - y1,
                    },
                });
                base += v;
            };
            for (i, s) in series.iter().enumerate() {
                stack(Some(i), s.values[k], &mut segments);
            }
            stack(None, planned[k], &mut segments);
            let total = match measure {
                Measure::Headcount if planned[k] > 0.0 => format!(
                    "{} (+{})",
                    chart_figure(measure, totals[k]),
                    chart_figure(measure, planned[k])
                ),
                _ => chart_figure(measure, totals[k]),
            };
            ChartBar {
                period: table.periods[k].clone(),
                segments,
                total,
                label_x: x + bar_w / 2.0,
                total_y: y_of(base) - 6.0,
            }
        })
        .collect();

    // The legend in rows under the period labels.
    let mut legend = Vec::new();
    let (mut lx, mut ly) = (plot.x, plot.y + plot.h + 40.0);
    let mut item = |label: &str, colour: &str| {
        // Room for the swatch and a generous estimate of the label (8.5 px a character at 12 px).
        let w = 36.0 + 8.5 * label.chars().count() as f64;
        if lx + w > o.width && lx > plot.x {
            lx = plot.x;
            ly += 20.0;
        }
        legend.push(LegendItem {
            swatch: SceneRect {
                x: lx,
                y: ly - 10.0,
                w: 12.0,
                h: 12.0,
            },
            colour: colour.to_string(),
            label: label.to_string(),
        });
        lx += w;
    };
    for s in &series {
        item(&s.name, &s.colour);
    }
    if planned.iter().any(|p| *p > 0.0) {
        item("Open positions and planned hires", PLANNED_COLOUR);
    }

    // The figures as a table: a line per group, then the total.
    let header_y = ly + 36.0;
    let col_w = ((o.width - o.name_width) / n.max(1) as f64).min(120.0);
    let columns: Vec<f64> = std::iter::once(0.0)
        .chain((1..=n).map(|k| o.name_width + col_w * k as f64))
        .collect();
    let mut y = header_y;
    let mut table_lines: Vec<TableLine> = series
        .iter()
        .map(|s| {
            y += o.table_row;
            TableLine {
                name: s.name.clone(),
                cells: s.values.iter().map(|v| chart_figure(measure, *v)).collect(),
                y,
                total: false,
            }
        })
        .collect();
    if measure == Measure::Headcount && planned.iter().any(|p| *p > 0.0) {
        y += o.table_row;
        table_lines.push(TableLine {
            name: "Open and planned".into(),
            cells: planned.iter().map(|v| chart_figure(measure, *v)).collect(),
            y,
            total: false,
        });
    }
    y += o.table_row;
    table_lines.push(TableLine {
        name: "Total".into(),
        cells: bars.iter().map(|b| b.total.clone()).collect(),
        y,
        total: true,
    });
    PlanChartScene {
        measure,
        title,
        subtitle,
        reporting_currency: currency.clone(),
        periods: table.periods.clone(),
        series,
        planned,
        plot,
        ticks,
        bars,
        legend,
        columns,
        header_y,
        table: table_lines,
        bounds: SceneRect {
            x: 0.0,
            y: 0.0,
            w: o.width,
            h: y + 12.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use topograph_plan::Granularity;

    fn year() -> PlanOptions {
        PlanOptions {
            by: Granularity::Quarter,
            from: "2027-01-01".into(),
            to: "2027-12-31".into(),
            unit: None,
        }
    }

    #[test]
    fn the_groups_of_a_headcount_chart_add_up_to_the_whole_org() {
        let org = topograph_sample::sample();
        let s = plan_chart(&org, Measure::Headcount, &year(), &ChartOptions::default());
        let table = plan_table(&org, &year());
        let whole = table.rows.last().unwrap();
        assert_eq!(s.periods.len(), 4);
        assert!(
            s.series.len() >= 2,
            "the sample has several top-level groups"
        );
        for k in 0..4 {
            let sum: f64 = s.series.iter().map(|g| g.values[k]).sum();
            assert_eq!(sum, f64::from(whole.cells[k].headcount), "period {k}");
            assert!(s.bars[k]
                .total
                .starts_with(&whole.cells[k].headcount.to_string()));
        }
        // Every group is named in the legend and the table, the total is the table's last line.
        for g in &s.series {
            assert!(s.legend.iter().any(|l| l.label == g.name));
            assert!(s.table.iter().any(|l| l.name == g.name));
        }
        assert!(s.table.last().unwrap().total);
    }

    #[test]
    fn bars_stand_on_the_plot_and_stack_without_gaps() {
        let org = topograph_sample::sample();
        let s = plan_chart(&org, Measure::Cost, &year(), &ChartOptions::default());
        let floor = s.plot.y + s.plot.h;
        for b in &s.bars {
            let mut at = floor;
            for seg in &b.segments {
                assert!((seg.rect.y + seg.rect.h - at).abs() < 1e-6);
                at = seg.rect.y;
            }
            assert!(
                at >= s.plot.y - 1e-6,
                "the bar stays under the top of the scale"
            );
        }
        assert!(s.title.starts_with("Cost by group (EUR)"), "{}", s.title);
        let unconverted = plan_table(&org, &year()).unconverted;
        assert_eq!(
            s.subtitle
                .contains(&format!("{unconverted} people paid in a currency without")),
            unconverted > 0,
            "{}",
            s.subtitle
        );
    }

    #[test]
    fn a_scoped_chart_shows_the_units_inside_the_scope() {
        let org = topograph_sample::sample();
        let parent = org
            .units()
            .find(|u| u.parent.is_none() && org.units().any(|c| c.parent == Some(u.id)))
            .unwrap();
        let o = PlanOptions {
            unit: Some(parent.id),
            ..year()
        };
        let s = plan_chart(&org, Measure::Headcount, &o, &ChartOptions::default());
        for g in s.series.iter().filter(|g| g.unit.is_some()) {
            let u = org.unit(UnitId(g.unit.unwrap())).unwrap();
            assert_eq!(u.parent, Some(parent.id));
        }
        assert!(s.title.contains(&parent.name));
    }

    #[test]
    fn money_reads_in_thousands_and_millions() {
        assert_eq!(chart_figure(Measure::Cost, 1_250_000.0), "1.3M");
        assert_eq!(chart_figure(Measure::Cost, 48_400.0), "48k");
        assert_eq!(chart_figure(Measure::Headcount, 12.0), "12");
        assert_eq!(step(87.0), 20.0);
    }
}
