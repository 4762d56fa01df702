//! The plan over time as the app and the command line ask for it: the periods a range names
//! (checked, with the same defaults everywhere), and the plan table as CSV.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use topograph_formats::csv::guard::neutralise;
use topograph_model::{Date, Error, ErrorCode, Result, UnitId};
use topograph_plan::{Granularity, PlanOptions, PlanTable};

/// The periods to tally: quarters or months from the one holding `from` to the one holding
/// `to`. Without `from` it starts today; without `to` it runs a year (four quarters).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct PlanRange {
    #[serde(default)]
    pub by: Option<Granularity>,
    /// A day in the first period, YYYY-MM-DD.
    #[serde(default)]
    pub from: Option<String>,
    /// A day in the last period, YYYY-MM-DD.
    #[serde(default)]
    pub to: Option<String>,
}

pub use crate::as_of::day;

impl PlanRange {
    /// The plan options this range names (starting `today` when it has no `from`), for `unit`.
    pub fn options(&self, today: Date, unit: Option<UnitId>) -> Result<PlanOptions> {
        let from = match &self.from {
            Some(f) => day("from", f)?,
            None => today,
        };
        let to = match &self.to {
            Some(t) => day("to", t)?,
            None => from.add_months(11),
        };
        if to < from {
            return Err(Error::in_field(
                ErrorCode::InvalidValue,
                "to",
                format!("the last period ({to}) is before the first ({from})"),
            ));
        }
        Ok(PlanOptions {
            by: self.by.unwrap_or(Granularity::Quarter),
            from: from.to_string(),
            to: to.to_string(),
            unit,
        })
    }
}

fn cell(out: &mut String, text: &str) {
    let text = neutralise(text);
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

fn opt(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v:.2}"))
}

/// The plan table, one line per unit and period (the whole org's row last); cells that a
/// spreadsheet would run as formulas are neutralised as every CSV export's are. The column
/// names are only ever added to (`topograph plan --format csv` writes the same).
pub fn to_csv(t: &PlanTable) -> String {
    let mut out = String::from(
        "unit_id,unit,depth,period,headcount,fte,cost,open_positions,planned_hires,planned_fte,\
         planned_cost,budget_headcount,budget_amount,currency,over_budget\n",
    );
    for r in &t.rows {
        for (p, c) in t.periods.iter().zip(&r.cells) {
            let cells = [
                r.unit.map_or_else(String::new, |u| u.0.to_string()),
                r.name.clone(),
                r.depth.to_string(),
                p.clone(),
                c.headcount.to_string(),
                format!("{:.2}", c.fte),
                format!("{:.2}", c.cost),
                c.open_positions.to_string(),
                c.planned_hires.to_string(),
                format!("{:.2}", c.planned_fte),
                format!("{:.2}", c.planned_cost),
                opt(c.budget_headcount),
                opt(c.budget_amount),
                t.reporting_currency.clone(),
                c.over_budget.to_string(),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                cell(&mut out, c);
            }
            out.push('\n');
        }
    }
    out
}

/// Writes the plan table of `org` for `options` to `path` as CSV; answers the rows written.
pub fn export_csv(org: &topograph_model::Org, options: &PlanOptions, path: &Path) -> Result<u32> {
    let table = topograph_plan::plan_table(org, options);
    let text = to_csv(&table);
    std::fs::write(path, &text).map_err(|e| crate::io_error(path, e))?;
    Ok((table.rows.len() * table.periods.len()) as u32)
}

/// Refuses plan options whose range is not two real days, naming the field at fault (`from`,
/// `to`), as the Plan view's table and its CSV export do before anything is read.
pub fn check_range(options: &PlanOptions) -> Result<()> {
    crate::as_of::day("from", &options.from)?;
    crate::as_of::day("to", &options.to)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_range_of_two_real_days_passes_and_a_bad_one_is_refused_by_field() {
        let today = Date::parse("2027-01-15").unwrap();
        let mut options = range("2027-01-01", "2027-12-31")
            .options(today, None)
            .unwrap();
        check_range(&options).unwrap();
        options.to = "2027-13-01".into();
        assert_eq!(
            check_range(&options).unwrap_err().field.as_deref(),
            Some("to")
        );
        options.from = "soon".into();
        assert_eq!(
            check_range(&options).unwrap_err().field.as_deref(),
            Some("from")
        );
    }

    fn range(from: &str, to: &str) -> PlanRange {
        PlanRange {
            by: None,
            from: Some(from.into()),
            to: Some(to.into()),
        }
    }

    #[test]
    fn a_range_defaults_to_a_year_of_quarters_from_today_and_names_a_bad_field() {
        let today = Date::parse("2027-02-10").unwrap();
        let o = PlanRange::default().options(today, None).unwrap();
        assert_eq!(
            (o.from.as_str(), o.to.as_str()),
            ("2027-02-10", "2028-01-10")
        );
        assert_eq!(o.by, Granularity::Quarter);
        let e = range("2027-13-01", "2028-01-01")
            .options(today, None)
            .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("from"));
        let e = range("2027-06-01", "2027-01-01")
            .options(today, None)
            .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("to"));
    }

    #[test]
    fn the_plan_csv_has_a_line_per_unit_and_period_with_formula_cells_neutralised() {
        let mut org = topograph_sample::sample();
        let mut ids = topograph_model::IdCounter {
            next: org.max_id() + 1,
        };
        let mut unit = org.units().next().unwrap().clone();
        unit.name = "=HYPERLINK(\"x\")".into();
        org.execute(&topograph_model::Op::UpdateUnit { unit }, &mut ids)
            .unwrap();
        let options = range("2027-01-01", "2027-06-30")
            .options(Date::parse("2027-01-01").unwrap(), None)
            .unwrap();
        let table = topograph_plan::plan_table(&org, &options);
        let csv = to_csv(&table);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("unit_id,unit,depth,period,headcount"));
        assert_eq!(lines.len(), 1 + table.rows.len() * 2);
        assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{csv}");
        assert!(!csv.contains(",=HYPERLINK"), "no cell starts a formula");
        assert!(lines.last().unwrap().starts_with(",Whole org,0,2027-Q2,"));
    }
}
