//! Two scenarios compared (`topograph diff`, the app's comparison view and its export): the
//! change list, the numbers side by side with health-check counts and the findings that appear
//! and disappear, the people impact, and headcount and cost per period in one currency.

use crate::plan::PlanRange;
use serde::{Deserialize, Serialize};
use specta::Type;
use std::path::Path;
use topograph_diff::Diff;
use topograph_document::Document;
use topograph_health::Date;
use topograph_model::{CheckSettings, Error, ErrorCode, Org, Result, ScenarioId};

/// How a comparison is written: the app's export (CSV, Markdown) and `topograph diff --format`
/// (all four; their names are the CLI's flag values, so add, never rename).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Type)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
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

/// A comparison as text in `format`.
pub fn render(diff: &Diff, format: DiffFormat) -> String {
    match format {
        DiffFormat::Text => topograph_diff::to_text(diff),
        DiffFormat::Json => serde_json::to_string_pretty(diff).expect("a diff serialises") + "\n",
        DiffFormat::Markdown => topograph_diff::to_markdown(diff),
        DiffFormat::Csv => topograph_diff::to_csv(diff),
    }
}

/// Writes a comparison to `path` in `format`.
pub fn write(diff: &Diff, format: DiffFormat, path: &Path) -> Result<()> {
    std::fs::write(path, render(diff, format)).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!("{}: cannot write the comparison: {e}", path.display()),
        )
    })
}

/// The periods and the currency a comparison tallies headcount and cost in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct CompareOptions {
    #[serde(default)]
    pub range: PlanRange,
    /// The reporting currency (default: the "from" scenario's); the document needs a rate for it.
    #[serde(default)]
    pub currency: Option<String>,
}

/// Copies of two scenarios of a document (the open one from memory) and its check settings, so
/// the comparison itself runs off the app's session lock.
pub struct Comparison {
    from: (String, Org),
    to: (String, Org),
    settings: CheckSettings,
}

impl Comparison {
    pub fn of(doc: &Document, from: ScenarioId, to: ScenarioId) -> Result<Comparison> {
        let load = |id: ScenarioId| -> Result<(String, Org)> {
            let scenario =
                doc.scenarios().iter().find(|x| x.id == id).ok_or_else(|| {
                    Error::new(ErrorCode::NotFound, format!("{id} does not exist"))
                })?;
            let org = if id == doc.active_scenario().id {
                doc.org().clone()
            } else {
                doc.load_scenario(id)?
            };
            Ok((scenario.name.clone(), org))
        };
        Ok(Comparison {
            from: load(from)?,
            to: load(to)?,
            settings: doc.check_settings()?,
        })
    }

    /// The comparison, with health counts as of today and a year of quarters from today.
    pub fn diff(&self) -> Result<Diff> {
        self.diff_with(&CompareOptions::default(), Date::today())
    }

    /// The comparison with health as of `today` and headcount and cost over the periods and in
    /// the currency `o` names. Costs on both sides total with the "from" scenario's exchange
    /// rates, so a difference is one of people, never of rates.
    pub fn diff_with(&self, o: &CompareOptions, today: Date) -> Result<Diff> {
        let ((a_name, a), (b_name, b)) = (&self.from, &self.to);
        let plan = o.range.options(today, None)?;
        let rates = a.plan_settings();
        let rates = match &o.currency {
            Some(c) => rates.reported_in(c)?,
            None => rates,
        };
        Ok(Diff::between(a_name, a, b_name, b)
            .with_health(a, b, &self.settings, today)?
            .with_over_time(a, b, &plan, &rates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(dir: &std::path::Path) -> Document {
        Document::create_with(
            &dir.join("Sample.topo"),
            "Current",
            &topograph_sample::sample(),
        )
        .unwrap()
    }

    #[test]
    fn each_format_keeps_the_name_the_cli_and_the_app_send_and_json_reads_back() {
        let names: Vec<String> = [
            DiffFormat::Text,
            DiffFormat::Json,
            DiffFormat::Markdown,
            DiffFormat::Csv,
        ]
        .iter()
        .map(|f| serde_json::to_string(f).unwrap())
        .collect();
        assert_eq!(names, ["\"text\"", "\"json\"", "\"markdown\"", "\"csv\""]);

        let dir = tempfile::tempdir().unwrap();
        let doc = sample(dir.path());
        let current = doc.active_scenario().id;
        let diff = Comparison::of(&doc, current, current)
            .unwrap()
            .diff()
            .unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&render(&diff, DiffFormat::Json)).unwrap();
        assert_eq!(
            (json["from"].as_str(), json["to"].as_str()),
            (Some("Current"), Some("Current"))
        );
        assert_eq!(json["changes"].as_array().map(Vec::len), Some(0));
        let path = dir.path().join("changes.md");
        write(&diff, DiffFormat::Markdown, &path).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            topograph_diff::to_markdown(&diff)
        );
    }

    #[test]
    fn a_scenario_compared_with_a_fork_of_itself_has_no_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = sample(dir.path());
        let current = doc.active_scenario().id;
        doc.apply(topograph_model::Op::ForkScenario {
            from: current,
            name: "Copy".into(),
        })
        .unwrap();
        let copy = doc.scenario_by_name("Copy").unwrap().id;
        let diff = Comparison::of(&doc, current, copy).unwrap().diff().unwrap();
        assert!(diff.changes.is_empty(), "{:?}", diff.changes);
        let e = Comparison::of(&doc, current, ScenarioId(999))
            .err()
            .unwrap();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    #[test]
    fn a_comparison_totals_in_another_currency_only_with_a_rate_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = sample(dir.path());
        let current = doc.active_scenario().id;
        let today = Date::parse("2027-01-01").unwrap();
        let of = |doc: &Document, currency: &str| {
            Comparison::of(doc, current, current).unwrap().diff_with(
                &CompareOptions {
                    range: PlanRange::default(),
                    currency: Some(currency.into()),
                },
                today,
            )
        };
        let e = of(&doc, "JPY").unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidValue);
        assert!(e.message.contains("'JPY'"), "{}", e.message);

        let mut settings = doc.org().plan_settings();
        settings.rates.insert("USD".into(), 0.8);
        doc.apply(topograph_model::Op::SetPlanSettings { settings })
            .unwrap();
        let eur = Comparison::of(&doc, current, current)
            .unwrap()
            .diff_with(&CompareOptions::default(), today)
            .unwrap()
            .over_time
            .unwrap();
        let usd = of(&doc, "USD").unwrap().over_time.unwrap();
        assert_eq!(
            (eur.periods.len(), usd.reporting_currency.as_str()),
            (4, "USD")
        );
        let (e0, u0) = (&eur.periods[0].before, &usd.periods[0].before);
        assert!(e0.cost > 0.0);
        assert!((u0.total_cost() - e0.total_cost() / 0.8).abs() < 1e-6);
        assert_eq!(u0.headcount, e0.headcount);
    }
}
