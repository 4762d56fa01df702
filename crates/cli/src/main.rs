//! The `topograph` command line: create, inspect, generate and edit .topo documents from scripts.

mod check;
mod diagram;
mod diff;
mod info;
mod plan;
mod scenario;
mod transfer;
mod values;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use topograph_document::Document;
use topograph_model::{Error, ErrorCode};

#[derive(Parser)]
#[command(
    name = "topograph",
    version,
    about = "Org design documents (.topo) from the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an empty document with one scenario, "Current".
    New { file: PathBuf },
    /// Create a document holding the sample product organisation.
    Sample { file: PathBuf },
    /// Create a document holding a generated org of N people.
    Generate {
        file: PathBuf,
        /// How many people (open positions included).
        #[arg(long)]
        people: usize,
        /// The same seed always gives the same org.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print counts and facts about a document.
    Info {
        file: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Run the org health checks; exit 1 when a finding is an error (for CI).
    Check(check::CheckArgs),
    /// Revert the last edit.
    Undo { file: PathBuf },
    /// Re-apply the last undone edit.
    Redo { file: PathBuf },
    /// Import people, teams and more from CSV, JSON, Backstage or Team API files.
    Import(transfer::ImportArgs),
    /// Export a document as JSON, CSV, a Backstage catalog or Team API files, or a diagram as SVG, PDF or PNG.
    Export(transfer::ExportArgs),
    /// Compare two scenarios: the changes, the numbers side by side and the people impact.
    Diff(diff::DiffArgs),
    /// The plan over time: headcount, FTE and cost against budget per unit and month or quarter.
    Plan(plan::PlanArgs),
    /// List, fork, rename, delete or promote scenarios.
    #[command(subcommand)]
    Scenario(scenario::ScenarioCommand),
    /// Write a repaired copy of a document that breaks the model's rules (loops, references to
    /// missing records, ids out of range) to a new file, listing what was changed; the
    /// original is only read.
    Repair {
        file: PathBuf,
        /// The new file (must not exist).
        out: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Exit codes: 1 for a refused command, 2 when the file itself could not be used.
fn exit_code(e: &Error) -> u8 {
    match e.code {
        ErrorCode::FileNotFound
        | ErrorCode::NotADocument
        | ErrorCode::Corrupt
        | ErrorCode::NewerVersion
        | ErrorCode::InUse
        | ErrorCode::Io => 2,
        _ => 1,
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::New { file } => {
            Document::create(&file)?;
            println!("created {}", file.display());
        }
        Command::Sample { file } => {
            Document::create_with(&file, "Current", &topograph_sample::sample())?;
            println!("created {} with the sample org", file.display());
        }
        Command::Generate { file, people, seed } => {
            let org = topograph_sample::generate(people, seed);
            Document::create_with(&file, "Current", &org)?;
            println!(
                "created {} with a generated org of {people} people (seed {seed})",
                file.display()
            );
        }
        Command::Info { file, json } => {
            let doc = Document::open_read_only(&file)?;
            let facts = info::Facts::of(&doc)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&facts).expect("facts serialise")
                );
            } else {
                print!("{}", facts.as_text());
            }
        }
        Command::Undo { file } => {
            let mut doc = Document::open(&file)?;
            let done = doc.undo()?;
            println!("undid: {}", done.label);
        }
        Command::Redo { file } => {
            let mut doc = Document::open(&file)?;
            let done = doc.redo()?;
            println!("redid: {}", done.label);
        }
        Command::Check(args) => check::run(args)?,
        Command::Import(args) => transfer::import(args)?,
        Command::Export(args) => transfer::export(args)?,
        Command::Diff(args) => diff::run(args)?,
        Command::Plan(args) => plan::run(args)?,
        Command::Scenario(command) => scenario::run(command)?,
        Command::Repair { file, out, json } => {
            let changes = topograph_document::repair::repair(&file, &out)?;
            if json {
                let answer = serde_json::json!({ "created": out, "changes": changes });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&answer).expect("serialises")
                );
            } else {
                println!("created {} with {} changes:", out.display(), changes.len());
                for c in &changes {
                    println!("  {c}");
                }
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("topograph: error[{}]: {}", e.code.as_str(), e.message);
            ExitCode::from(exit_code(&e))
        }
    }
}
