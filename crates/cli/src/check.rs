//! `topograph check`: the org health checks of one scenario, as text for people or JSON for CI.

use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use topograph_document::Document;
use topograph_health::{Date, Finding, FindingTurn, Severity, Summary, Turn};
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
    /// Also list the findings that appear, change or go over the next QUARTERS quarters (1-8),
    /// read on the first day of each month from the --as-of day (or today).
    #[arg(long, value_name = "QUARTERS")]
    pub timeline: Option<u32>,
}

/// The JSON keys are a public interface: add keys, never rename or remove one.
#[derive(Serialize)]
struct Outcome<'a> {
    file: String,
    scenario: &'a str,
    summary: Summary,
    findings: &'a [Finding],
    /// Only with --timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<&'a [FindingTurn]>,
}

/// Prints the findings; exits with 1 when one of them is an error, so CI fails on it.
pub fn run(args: CheckArgs) -> Result<()> {
    if let Some(q) = args.timeline {
        if !(1..=topograph_api::as_of::MAX_QUARTERS).contains(&q) {
            return Err(Error::new(
                ErrorCode::InvalidValue,
                format!(
                    "--timeline: look ahead 1 to {} quarters, not {q}",
                    topograph_api::as_of::MAX_QUARTERS
                ),
            ));
        }
    }
    let (scenario, findings, turns) = {
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
        let turns = match args.timeline {
            Some(quarters) => Some(topograph_health::timeline(
                &org,
                &topograph_health::Settings::resolve(&doc.check_settings()?)?,
                today,
                quarters,
            )),
            None => None,
        };
        let org = crate::plan::as_of(org, args.as_of.as_deref())?;
        let findings = topograph_health::check_with(&org, &doc.check_settings()?, today)?;
        (scenario.name, findings, turns)
    };
    let summary = Summary::of(&findings);
    let text = match args.format {
        CheckFormat::Json => {
            let outcome = Outcome {
                file: args.file.display().to_string(),
                scenario: &scenario,
                summary,
                findings: &findings,
                timeline: turns.as_deref(),
            };
            serde_json::to_string_pretty(&outcome).expect("findings serialise") + "\n"
        }
        CheckFormat::Text => {
            let mut text = as_text(&scenario, &findings, summary);
            if let Some(turns) = &turns {
                text.push_str(&timeline_text(turns, args.timeline.unwrap_or(0)));
            }
            text
        }
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

/// "from 2027-03: Payments: missing a product manager", one line per turn, month by month.
fn timeline_text(turns: &[FindingTurn], quarters: u32) -> String {
    let mut text = format!("\nNext {quarters} quarters\n");
    if turns.is_empty() {
        text.push_str("  no finding appears or goes\n");
    }
    for t in turns {
        let what = match t.turn {
            Turn::Appears => "appears",
            Turn::Changes => "changes",
            Turn::Resolves => "resolved",
        };
        text.push_str(&format!(
            "  from {}: {}: {} ({what}, {}[{}])\n",
            t.month, t.finding.entity_name, t.finding.message, t.finding.severity, t.finding.check
        ));
    }
    text
}
