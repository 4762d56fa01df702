//! `topograph scenario`: list, fork, rename, delete and promote the scenarios of a document.

use clap::Subcommand;
use serde::Serialize;
use std::path::PathBuf;
use topograph_document::Document;
use topograph_model::{Op, Result};

use crate::diff::scenario_named;

#[derive(Subcommand)]
pub enum ScenarioCommand {
    /// List the scenarios in bar order, marking the baseline, the open one and archived ones.
    List {
        file: PathBuf,
        /// One JSON array of {id, name, baseline, open, archived}.
        #[arg(long)]
        json: bool,
    },
    /// Copy a scenario under a new name (every record keeps its identity).
    Fork {
        file: PathBuf,
        /// The new scenario's name.
        name: String,
        /// The scenario to copy (default: the baseline).
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
    },
    /// Give a scenario a new name.
    Rename {
        file: PathBuf,
        name: String,
        new_name: String,
    },
    /// Delete a scenario (undo brings it back).
    Delete { file: PathBuf, name: String },
    /// Make a scenario the baseline; the old baseline is kept as an archived scenario.
    Promote { file: PathBuf, name: String },
}

/// The JSON keys are a public interface: add keys, never rename or remove one.
#[derive(Serialize)]
struct Listed<'a> {
    id: u32,
    name: &'a str,
    baseline: bool,
    open: bool,
    archived: bool,
}

pub fn run(command: ScenarioCommand) -> Result<()> {
    match command {
        ScenarioCommand::List { file, json } => {
            let doc = Document::open_read_only(&file)?;
            let (baseline, open) = (doc.baseline().id, doc.active_scenario().id);
            let listed: Vec<Listed> = doc
                .scenarios()
                .iter()
                .map(|s| Listed {
                    id: s.id.0,
                    name: &s.name,
                    baseline: s.id == baseline,
                    open: s.id == open,
                    archived: s.archived,
                })
                .collect();
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&listed).expect("a list serialises")
                );
            } else {
                for s in &listed {
                    let mut marks = Vec::new();
                    if s.baseline {
                        marks.push("baseline");
                    }
                    if s.open {
                        marks.push("open");
                    }
                    if s.archived {
                        marks.push("archived");
                    }
                    if marks.is_empty() {
                        println!("{}", s.name);
                    } else {
                        println!("{} ({})", s.name, marks.join(", "));
                    }
                }
            }
        }
        ScenarioCommand::Fork { file, name, from } => {
            let mut doc = Document::open(&file)?;
            let source = match &from {
                Some(f) => scenario_named(&doc, f)?.clone(),
                None => doc.baseline().clone(),
            };
            doc.apply(Op::ForkScenario {
                from: source.id,
                name: name.clone(),
            })?;
            println!("forked '{}' as '{}'", source.name, name.trim());
        }
        ScenarioCommand::Rename {
            file,
            name,
            new_name,
        } => {
            let mut doc = Document::open(&file)?;
            let id = scenario_named(&doc, &name)?.id;
            doc.apply(Op::RenameScenario {
                id,
                name: new_name.clone(),
            })?;
            println!("renamed '{name}' to '{}'", new_name.trim());
        }
        ScenarioCommand::Delete { file, name } => {
            let mut doc = Document::open(&file)?;
            let id = scenario_named(&doc, &name)?.id;
            doc.apply(Op::DeleteScenario { id })?;
            println!("deleted '{name}' (undo brings it back)");
        }
        ScenarioCommand::Promote { file, name } => {
            let mut doc = Document::open(&file)?;
            let id = scenario_named(&doc, &name)?.id;
            let old = doc.baseline().clone();
            doc.apply(Op::PromoteScenario { id })?;
            let archived = doc
                .scenarios()
                .iter()
                .find(|s| s.id == old.id)
                .map_or(old.name.clone(), |s| s.name.clone());
            println!(
                "'{name}' is now the baseline '{}'; the old baseline is archived as '{archived}'",
                doc.baseline().name
            );
        }
    }
    Ok(())
}
