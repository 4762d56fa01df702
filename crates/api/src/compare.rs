//! Two scenarios compared (`topograph diff`, the app's comparison view and its export): the
//! change list, the numbers side by side with health-check counts, and the people impact.

use std::path::Path;
use topograph_diff::Diff;
use topograph_document::Document;
use topograph_health::Date;
use topograph_model::{CheckSettings, Error, ErrorCode, Org, Result, ScenarioId};

/// How the app writes a comparison to a file.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum DiffFormat {
    /// One change a row, for spreadsheets.
    Csv,
    /// A communication checklist.
    Markdown,
}

/// Writes a comparison to `path` as CSV or Markdown.
pub fn write(diff: &Diff, format: DiffFormat, path: &Path) -> Result<()> {
    let text = match format {
        DiffFormat::Csv => topograph_diff::to_csv(diff),
        DiffFormat::Markdown => topograph_diff::to_markdown(diff),
    };
    std::fs::write(path, text).map_err(|e| {
        Error::new(
            ErrorCode::Io,
            format!("{}: cannot write the comparison: {e}", path.display()),
        )
    })
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

    /// The comparison, with health counts as of today.
    pub fn diff(&self) -> Result<Diff> {
        let ((a_name, a), (b_name, b)) = (&self.from, &self.to);
        Diff::between(a_name, a, b_name, b).with_health(a, b, &self.settings, Date::today())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_compared_with_a_fork_of_itself_has_no_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::create_with(
            &dir.path().join("Sample.topo"),
            "Current",
            &topograph_sample::sample(),
        )
        .unwrap();
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
}
