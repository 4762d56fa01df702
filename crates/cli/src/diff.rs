//! `topograph diff`: the changes from one scenario to another, as text, JSON, Markdown or CSV.

use clap::{Args, ValueEnum};
use std::path::PathBuf;
use topograph_api::compare::Comparison;
use topograph_document::Document;
use topograph_model::{Error, ErrorCode, Result, Scenario};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Grouped for reading in a terminal.
    Text,
    /// One object: from, to, changes, numbers, impact.
    Json,
    /// A communication checklist.
    Markdown,
    /// One change a row, for spreadsheets.
    Csv,
}

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
    let diff = Comparison::of(&doc, from.id, to.id)?.diff()?;
    match args.format {
        DiffFormat::Text => print!("{}", topograph_diff::to_text(&diff)),
        DiffFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&diff).expect("a diff serialises")
        ),
        DiffFormat::Markdown => print!("{}", topograph_diff::to_markdown(&diff)),
        DiffFormat::Csv => print!("{}", topograph_diff::to_csv(&diff)),
    }
    Ok(())
}
