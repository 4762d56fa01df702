//! `topograph plan`: the plan table (headcount, FTE and cost against budget per unit and
//! period), and the `--as-of DATE` that check and export share.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use topograph_document::Document;
use topograph_model::{Date, Error, ErrorCode, Org, Result, UnitId};
use topograph_plan::{plan_table, Granularity, PlanOptions, PlanTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    Month,
    Quarter,
}

impl By {
    pub fn granularity(self) -> Granularity {
        match self {
            By::Month => Granularity::Month,
            By::Quarter => Granularity::Quarter,
        }
    }
}

#[derive(Args)]
pub struct PlanArgs {
    pub file: PathBuf,
    /// The scenario to plan (default: the open one).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = By::Quarter)]
    pub by: By,
    /// The first period: a day in it, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last period: a day in it, YYYY-MM-DD (default: a year after --from).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this unit (its id) and the units inside it.
    #[arg(long, value_name = "ID")]
    pub unit: Option<u32>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
}

/// Reads a `--DATE` flag's value, naming the flag when it is not a day.
pub fn day(flag: &str, text: &str) -> Result<Date> {
    topograph_model::validate::check_date(flag, text)
        .map_err(|e| Error::in_field(ErrorCode::InvalidValue, flag, e.message))?;
    Ok(Date::parse(text).expect("a checked date reads"))
}

/// The org on `as_of` (YYYY-MM-DD), or as it is without one.
pub fn as_of(org: Org, as_of: Option<&str>) -> Result<Org> {
    match as_of {
        None => Ok(org),
        Some(text) => Ok(org.as_of(day("--as-of", text)?).org),
    }
}

pub fn run(args: PlanArgs) -> Result<()> {
    let doc = Document::open_read_only(&args.file)?;
    let org = crate::transfer::scenario_org(&doc, args.scenario.as_deref())?;
    let from = match &args.from {
        Some(f) => day("--from", f)?,
        None => Date::today(),
    };
    let to = match &args.to {
        Some(t) => day("--to", t)?,
        None => from.add_months(11),
    };
    if to < from {
        return Err(Error::in_field(
            ErrorCode::InvalidValue,
            "--to",
            format!("--to {to} is before --from {from}"),
        ));
    }
    let unit = args.unit.map(UnitId);
    if let Some(u) = unit {
        if org.unit(u).is_none() {
            return Err(Error::new(
                ErrorCode::NotFound,
                format!("{u} does not exist"),
            ));
        }
    }
    let table = plan_table(
        &org,
        &PlanOptions {
            by: match args.by {
                By::Month => Granularity::Month,
                By::Quarter => Granularity::Quarter,
            },
            from: from.to_string(),
            to: to.to_string(),
            unit,
        },
    );
    let text = match args.format {
        PlanFormat::Json => serde_json::to_string_pretty(&table).expect("a plan serialises") + "\n",
        PlanFormat::Csv => as_csv(&table),
        PlanFormat::Text => as_text(&table),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::new(ErrorCode::Io, format!("cannot write the plan: {e}")))
}

/// One line per unit and period; the column names are only ever added to.
pub fn as_csv(t: &PlanTable) -> String {
    topograph_api::plan::to_csv(t)
}

/// A table for people: headcount (+ open and planned) and cost against budget, `!` when over.
pub fn as_text(t: &PlanTable) -> String {
    let name_width = t
        .rows
        .iter()
        .map(|r| r.name.chars().count() + 2 * r.depth as usize)
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "Plan in {} (headcount +open/planned, cost k / budget k; ! over budget)\n{:name_width$}",
        t.reporting_currency, "Unit"
    );
    for p in &t.periods {
        out.push_str(&format!(" | {p:>22}"));
    }
    out.push('\n');
    for r in &t.rows {
        let label = format!("{}{}", "  ".repeat(r.depth as usize), r.name);
        out.push_str(&format!("{label:name_width$}"));
        for c in &r.cells {
            let people = format!("{}+{}", c.headcount, c.open_positions + c.planned_hires);
            let money = match c.budget_amount {
                Some(b) => format!(
                    "{:.0}/{:.0}",
                    (c.cost + c.planned_cost) / 1000.0,
                    b / 1000.0
                ),
                None => format!("{:.0}", (c.cost + c.planned_cost) / 1000.0),
            };
            let mark = if c.over_budget { "!" } else { " " };
            out.push_str(&format!(" | {people:>7} {money:>13}{mark}"));
        }
        out.push('\n');
    }
    if t.unconverted > 0 {
        out.push_str(&format!(
            "\n{} people are paid in a currency without an exchange rate; their cost is left out\n",
            t.unconverted
        ));
    }
    out
}
