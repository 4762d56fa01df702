//! `topograph diff`: the changes from one scenario to another, as text, JSON, Markdown or CSV.

use clap::Args;
use std::path::PathBuf;
use topograph_api::compare::{self, CompareOptions, Comparison, DiffFormat};
use topograph_api::plan::PlanRange;
use topograph_document::Document;
use topograph_model::{Error, ErrorCode, Result, Scenario};

#[derive(Args)]
pub struct DiffArgs {
    /// The document (it is not changed).
    pub file: PathBuf,
    /// The scenario to compare from (usually the baseline).
    #[arg(long, value_name = "NAME")]
    pub from: String,
    /// The scenario to compare to (usually a proposal).
    #[arg(long, value_name = "NAME")]
    pub to: String,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub periods: PeriodArgs,
    /// The currency costs total in (default: the --from scenario's reporting currency); the
    /// document needs an exchange rate for it.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

/// The periods headcount and cost are tallied over (`diff`, and `export --view headcount|cost`).
#[derive(Args, Debug)]
pub struct PeriodArgs {
    /// Headcount and cost per quarter or per month.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub by: Option<crate::plan::By>,
    /// The first period: a day in it, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// The last period: a day in it, YYYY-MM-DD (default: a year after --start).
    #[arg(long, value_name = "DATE")]
    pub end: Option<String>,
}

impl PeriodArgs {
    pub fn range(&self) -> PlanRange {
        PlanRange {
            by: self.by.map(crate::plan::By::granularity),
            from: self.start.clone(),
            to: self.end.clone(),
        }
    }
}

/// Names the CLI flag in an error about a range field.
pub fn flagged(mut e: Error) -> Error {
    if let Some(f) = &e.field {
        let flag = match f.as_str() {
            "from" => "--start",
            "to" => "--end",
            "currency" => "--currency",
            "colour_by" => "--colour-by",
            other => other,
        };
        e.message = format!("{flag}: {}", e.message);
    }
    e
}

/// A scenario by its exact name, or a not_found error listing the names there are.
pub fn scenario_named<'a>(doc: &'a Document, name: &str) -> Result<&'a Scenario> {
    doc.scenario_by_name(name).ok_or_else(|| {
        let names: Vec<String> = doc
            .scenarios()
            .iter()
            .map(|s| format!("'{}'", s.name))
            .collect();
        Error::new(
            ErrorCode::NotFound,
            format!(
                "there is no scenario called '{name}' (there are: {})",
                names.join(", ")
            ),
        )
    })
}

pub fn run(args: DiffArgs) -> Result<()> {
    let doc = Document::open_read_only(&args.file)?;
    let from = scenario_named(&doc, &args.from)?;
    let to = scenario_named(&doc, &args.to)?;
    let options = CompareOptions {
        range: args.periods.range(),
        currency: args.currency.clone(),
    };
    let diff = Comparison::of(&doc, from.id, to.id)?
        .diff_with(&options, topograph_health::Date::today())
        .map_err(flagged)?;
    print!("{}", compare::render(&diff, args.format));
    Ok(())
}
