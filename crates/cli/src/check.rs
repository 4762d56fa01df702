//! `topograph check`: the org health checks of one scenario, as text for people or JSON for CI.

use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use topograph_document::Document;
use topograph_health::{Date, Finding, Severity, Summary};
use topograph_model::{Error, ErrorCode, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Args)]
pub struct CheckArgs {
    pub file: PathBuf,
    /// The scenario to check (default: the open one).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Check the org as it will be (or was) on this day, YYYY-MM-DD: leavers gone, hires in
    /// from their target start, dated changes applied.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// The JSON keys are a public interface: add keys, never rename or remove one.
#[derive(Serialize)]
struct Outcome<'a> {
    file: String,
    scenario: &'a str,
    summary: Summary,
    findings: &'a [Finding],
}

/// Prints the findings; exits with 1 when one of them is an error, so CI fails on it.
pub fn run(args: CheckArgs) -> Result<()> {
    let (scenario, findings) = {
        let doc = Document::open_read_only(&args.file)?;
        let scenario = match &args.scenario {
            Some(name) => doc.scenario_by_name(name).cloned().ok_or_else(|| {
                let known: Vec<&str> = doc.scenarios().iter().map(|s| s.name.as_str()).collect();
                Error::new(
                    ErrorCode::NotFound,
                    format!(
                        "no scenario is called '{name}'; the document has: {}",
                        known.join(", ")
                    ),
                )
            })?,
            None => doc.active_scenario().clone(),
        };
        let org = if scenario.id == doc.active_scenario().id {
            doc.org().clone()
        } else {
            doc.load_scenario(scenario.id)?
        };
        let today = match &args.as_of {
            Some(d) => crate::plan::day("--as-of", d)?,
            None => Date::today(),
        };
        let org = crate::plan::as_of(org, args.as_of.as_deref())?;
        let findings = topograph_health::check_with(&org, &doc.check_settings()?, today)?;
        (scenario.name, findings)
    };
    let summary = Summary::of(&findings);
    let text = match args.format {
        CheckFormat::Json => {
            let outcome = Outcome {
                file: args.file.display().to_string(),
                scenario: &scenario,
                summary,
                findings: &findings,
            };
            serde_json::to_string_pretty(&outcome).expect("findings serialise") + "\n"
        }
        CheckFormat::Text => as_text(&scenario, &findings, summary),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::new(ErrorCode::Io, format!("cannot write the findings: {e}")))?;
    if summary.errors > 0 {
        // Not an error of the command (that would print `topograph: error[..]`): the findings
        // above are the output, and the exit code is what CI reads.
        std::process::exit(1);
    }
    Ok(())
}

fn as_text(scenario: &str, findings: &[Finding], s: Summary) -> String {
    let mut text = format!("Health of '{scenario}'\n");
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let mut check = "";
        for f in findings.iter().filter(|f| f.severity == severity) {
            if f.check != check {
                check = &f.check;
                text.push_str(&format!("\n{severity}[{check}] ({})\n", f.source));
            }
            let threshold = if f.threshold.is_empty() {
                String::new()
            } else {
                format!(" [{}]", f.threshold)
            };
            text.push_str(&format!("  {}: {}{threshold}\n", f.entity_name, f.message));
        }
    }
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    text.push_str(&format!(
        "\n{}, {}, {}\n",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info")
    ));
    text
}
