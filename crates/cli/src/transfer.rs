//! `topograph import` and `topograph export`: orgs in and out as CSV, JSON, Backstage catalog
//! and Team API files.

use crate::values::{self, ExportFormat};
use clap::Args;
use std::path::{Path, PathBuf};
use topograph_api::data::{self, DataFiles};
use topograph_api::import::{json_label, json_people, load_mapping, read_json};
use topograph_api::io_error as io;
pub(crate) use topograph_api::scenario_org;
use topograph_document::Document;
use topograph_formats::csv::export::Table;
use topograph_formats::source::{self, Format};
use topograph_formats::{apply, backstage, csv, json, teamapi, Incoming, Problem};
use topograph_model::{Error, ErrorCode};

#[derive(Args)]
pub struct ImportArgs {
    /// The document to import into; created (with the import as its first scenario) if it does
    /// not exist.
    pub file: PathBuf,
    /// The file to read; repeat for several Backstage or Team API files, or name a directory
    /// to read every .yaml and .yml file in it.
    #[arg(long = "from", value_name = "PATH", required = true)]
    pub from: Vec<PathBuf>,
    /// The format of --from (default: from the extension, and for YAML from the content).
    #[arg(long, value_parser = values::data_format())]
    pub format: Option<Format>,
    /// A column mapping for CSV (JSON; see --suggest-mapping).
    #[arg(long, value_name = "MAP.json")]
    pub mapping: Option<PathBuf>,
    /// Into an existing document: a new scenario of this name (with --merge: merge into this
    /// existing scenario instead of the open one); without it, an empty open scenario is filled.
    /// For a new document: the first scenario's name.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Update the open scenario: match people by employee id, then email; update changed
    /// fields; add new people; mark people missing from an HR roster as leaving.
    #[arg(long)]
    pub merge: bool,
    /// List the problems and what would be imported, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the mapping suggested for a CSV (to edit and pass back with --mapping) and stop.
    #[arg(long)]
    pub suggest_mapping: bool,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The document to export from (it is not changed).
    pub file: PathBuf,
    #[arg(long, value_parser = values::export_format())]
    pub format: ExportFormat,
    /// Where to write: a file, `-` for standard output, or a directory for teamapi.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: PathBuf,
    /// The scenario to export (default: the open one; json always writes every scenario).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// For csv: which table.
    #[arg(long, value_parser = values::table(), default_value = "people")]
    pub what: Table,
    #[command(flatten)]
    pub diagram: crate::diagram::DiagramArgs,
    /// Export the org as it will be (or was) on this day, YYYY-MM-DD (not for json).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

fn refused(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::NotAllowed, message)
}

/// The files to read: each path, or every YAML file of a directory, as (name, bytes).
fn inputs(paths: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| io(p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| matches!(f.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")))
                .collect();
            entries.sort();
            for f in entries {
                out.push((
                    f.display().to_string(),
                    topograph_formats::source::read_bounded(&f)?,
                ));
            }
        } else {
            out.push((
                p.display().to_string(),
                topograph_formats::source::read_bounded(p)?,
            ));
        }
    }
    Ok(out)
}

fn guess_format(files: &[(String, Vec<u8>)]) -> Result<Format, Error> {
    let (name, bytes) = files
        .first()
        .ok_or_else(|| refused("--from names no file"))?;
    // The app's import dialog guesses through the same function, so both read a file alike.
    source::guess(name, bytes).ok_or_else(|| {
        refused(format!(
            "cannot tell the format of {name} from its extension; say --format csv|json|backstage|teamapi"
        ))
    })
}

fn texts(files: &[(String, Vec<u8>)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(n, b)| (n.clone(), topograph_formats::decode(b).text.into_owned()))
        .collect()
}

/// Prints problems one per line on standard error; the file name only when several were read.
fn report(problems: &[Problem], several_files: bool) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    for p in problems {
        let shown = if several_files {
            p.to_string()
        } else {
            Problem {
                file: None,
                ..p.clone()
            }
            .to_string()
        };
        let _ = writeln!(err, "{shown}");
    }
}

fn nothing_imported(problems: usize) -> Error {
    Error::new(
        ErrorCode::InvalidValue,
        format!("nothing could be imported ({problems} problem(s) listed above)"),
    )
}

pub fn import(args: ImportArgs) -> Result<(), Error> {
    let files = inputs(&args.from)?;
    let format = match args.format {
        Some(f) => f,
        None => guess_format(&files)?,
    };
    if format != Format::Csv && (args.mapping.is_some() || args.suggest_mapping) {
        return Err(refused("--mapping and --suggest-mapping are for CSV files"));
    }
    if format == Format::Json {
        return import_json(&args, &files);
    }
    let source = files
        .iter()
        .map(|(n, _)| {
            Path::new(n)
                .file_name()
                .map_or(n.clone(), |f| f.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut incoming: Incoming = match format {
        Format::Csv => {
            if files.len() != 1 {
                return Err(refused("a CSV import reads one file"));
            }
            let table = match csv::Table::read(&files[0].1) {
                Ok(t) => t,
                Err(p) => {
                    report(&[p], false);
                    return Err(nothing_imported(1));
                }
            };
            // Into an existing document its field definitions check the custom columns (and
            // the mapping says which type each one is checked as).
            let defs = if args.file.exists() {
                Document::open_read_only(&args.file)?.defined_fields()?
            } else {
                Default::default()
            };
            let mapping = match &args.mapping {
                Some(path) => load_mapping(path)?.described(&table.headers, &defs),
                None => csv::suggest_for(&table, &defs),
            };
            if args.suggest_mapping {
                println!("{}", mapping.to_json());
                return Ok(());
            }
            csv::plan_for(&table, &mapping, &defs)
        }
        Format::Backstage => backstage::read(&texts(&files)),
        Format::Teamapi => teamapi::read(&texts(&files)),
        Format::Json => unreachable!("handled above"),
    };
    incoming.source = source;
    report(&incoming.problems, files.len() > 1);
    if incoming.is_empty() {
        return Err(nothing_imported(incoming.problems.len()));
    }
    if args.dry_run {
        let p = incoming.preview();
        println!(
            "would import {} people, {} units, {} memberships, {} product areas, {} interactions ({} problems); nothing written",
            p.people,
            p.units,
            p.memberships,
            p.areas,
            p.interactions,
            p.problems.len()
        );
        return Ok(());
    }
    let summary = if !args.file.exists() {
        if args.merge {
            return Err(Error::new(
                ErrorCode::FileNotFound,
                format!(
                    "{}: --merge needs an existing document",
                    args.file.display()
                ),
            ));
        }
        let name = args.scenario.as_deref().unwrap_or("Current");
        apply::new_document(&args.file, name, incoming)?.1
    } else {
        let mut doc = Document::open(&args.file)?;
        if args.merge {
            if let Some(name) = &args.scenario {
                let id = doc.scenario_by_name(name).map(|s| s.id).ok_or_else(|| {
                    Error::new(
                        ErrorCode::NotFound,
                        format!("there is no scenario called '{name}'"),
                    )
                })?;
                doc.switch_scenario(id)?;
            }
            apply::merge(&mut doc, &incoming)?
        } else if let Some(name) = &args.scenario {
            apply::new_scenario(&mut doc, name, &incoming)?
        } else if doc.org().is_empty() {
            // A document made with `new` (or emptied): fill its open scenario, one undo step.
            apply::merge(&mut doc, &incoming)?
        } else {
            return Err(refused(format!(
                "{} exists: use --scenario NAME to import into a new scenario, or --merge to update the open one",
                args.file.display()
            )));
        }
    };
    for note in &summary.notes {
        eprintln!("note: {note}");
    }
    for name in &summary.leavers {
        println!("leaving: {name}");
    }
    println!(
        "imported into {}: {}",
        args.file.display(),
        summary.as_text()
    );
    Ok(())
}

fn import_json(args: &ImportArgs, files: &[(String, Vec<u8>)]) -> Result<(), Error> {
    if files.len() != 1 {
        return Err(refused("a JSON import reads one file"));
    }
    if args.merge || args.scenario.is_some() {
        return Err(refused(
            "a JSON document brings its own scenarios: it creates a new document or adds them all; --merge and --scenario are for csv, backstage and teamapi",
        ));
    }
    let file = match read_json(&files[0].1) {
        Ok(f) => f,
        Err(p) => {
            report(&[p], false);
            return Err(nothing_imported(1));
        }
    };
    let people = json_people(&file);
    if args.dry_run {
        println!(
            "would import {} scenario(s) with {people} people in all; nothing written",
            file.scenarios.len()
        );
        return Ok(());
    }
    let label = json_label(Path::new(&files[0].0));
    let names: Vec<String> = if args.file.exists() {
        let mut doc = Document::open(&args.file)?;
        json::add_scenarios(&mut doc, &file, &label)?
    } else {
        json::to_new_document(&args.file, &file, &label)?;
        file.scenarios.iter().map(|s| s.name.clone()).collect()
    };
    println!(
        "imported into {}: {} scenario(s) ({}) with {people} people in all",
        args.file.display(),
        names.len(),
        names.join(", ")
    );
    Ok(())
}

fn write_out(output: &Path, text: &str) -> Result<(), Error> {
    if output == Path::new("-") {
        print!("{text}");
        Ok(())
    } else {
        std::fs::write(output, text).map_err(|e| io(output, e))
    }
}

pub fn export(args: ExportArgs) -> Result<(), Error> {
    let doc = Document::open_read_only(&args.file)?;
    let format = match args.format {
        ExportFormat::Diagram(format) => {
            crate::diagram::export(&doc, &args, format)?;
            return wrote(&args.output);
        }
        ExportFormat::Data(format) => format,
    };
    if format == Format::Json && args.scenario.is_some() {
        return Err(refused(
            "a JSON export holds every scenario; --scenario is for the other formats",
        ));
    }
    if format == Format::Json && args.as_of.is_some() {
        return Err(refused(
            "a JSON export holds the whole plan; --as-of is for the other formats",
        ));
    }
    let org = crate::plan::as_of(
        scenario_org(&doc, args.scenario.as_deref())?,
        args.as_of.as_deref(),
    )?;
    match data::export(&doc, &org, format, args.what)? {
        DataFiles::One(text) => write_out(&args.output, &text)?,
        DataFiles::PerTeam(files) => {
            if args.output == Path::new("-") {
                return Err(refused(
                    "a Team API export writes one file per team: -o names a directory",
                ));
            }
            data::write_folder(&args.output, &files)?;
            eprintln!(
                "wrote {} team file(s) to {}",
                files.len(),
                args.output.display()
            );
            return Ok(());
        }
    }
    wrote(&args.output)
}

fn wrote(output: &Path) -> Result<(), Error> {
    if output != Path::new("-") {
        eprintln!("wrote {}", output.display());
    }
    Ok(())
}
