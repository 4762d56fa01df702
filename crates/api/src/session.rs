//! The app's one open document and the settings file around it (last and recent documents).
//!
//! Plain Rust with no Tauri types, so it is tested without a window. Org logic stays in the
//! core: this only opens, creates, closes and forwards.

use crate::chart_frame::{self, ChartFrame, FoldRoom};
use crate::state::{DocState, DocumentInfo, History, RecentDocument};
use crate::switch::Switch;
use crate::versions::Versions;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use topograph_document::{Applied, Document, HistoryLog};
use topograph_model::{Error, ErrorCode, Op, Result, ScenarioId, View};
use topograph_scene::OrgChartScene;

/// How many documents File > Open Recent lists.
pub const RECENT_LIMIT: usize = 10;

/// The file name of the sample org written on first run.
pub const SAMPLE_FILE: &str = "Sample.topo";

/// Where the app keeps its files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// Documents the app makes itself (the sample).
    pub data_dir: PathBuf,
    /// The settings JSON (last and recent documents).
    pub settings_file: PathBuf,
}

impl Paths {
    /// Everything under one folder, as `TOPOGRAPH_DATA_DIR` and `--data-dir` ask for.
    pub fn under(dir: &Path) -> Paths {
        Paths {
            data_dir: dir.to_path_buf(),
            settings_file: dir.join("settings.json"),
        }
    }
}

/// The settings file's contents. Unknown or broken files read as empty settings: they only
/// hold conveniences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_document: Option<PathBuf>,
    pub recent_documents: Vec<PathBuf>,
}

impl Settings {
    pub fn load(file: &Path) -> Settings {
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, file: &Path) -> Result<()> {
        let io = |e: std::io::Error| Error::new(ErrorCode::Io, format!("{}: {e}", file.display()));
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        let json = serde_json::to_vec_pretty(self).expect("settings always serialise");
        // Write then rename, so a crash never leaves half a settings file.
        let tmp = file.with_extension("json.tmp");
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, file).map_err(io)
    }

    /// Puts `path` first in the recent list and makes it the one to reopen.
    pub fn remember(&mut self, path: &Path) {
        self.recent_documents.retain(|p| p != path);
        self.recent_documents.insert(0, path.to_path_buf());
        self.recent_documents.truncate(RECENT_LIMIT);
        self.last_document = Some(path.to_path_buf());
    }
}

/// What File › New starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum NewTemplate {
    /// An empty org with one scenario, "Current".
    Blank,
    /// The sample product organisation, to explore or to start from.
    Sample,
}

/// What an edit did to what the UI shows.
#[derive(Debug)]
pub enum Edit {
    /// Records of the open scenario (or the scenario list) changed: a patch will do.
    Patched(Applied),
    /// Another scenario is open afterwards (undo of an edit made there, deletion of the open
    /// scenario): the UI reloads.
    Switched(Applied),
}

impl Edit {
    pub fn applied(&self) -> &Applied {
        match self {
            Edit::Patched(a) | Edit::Switched(a) => a,
        }
    }
}

/// The open document (if any) and the settings.
pub struct Session {
    paths: Paths,
    settings: Settings,
    doc: Option<Document>,
    problem: Option<Error>,
    /// The last file opening refused for breaking the model's rules: the one "Open a repaired
    /// copy" repairs (a path the Rust side holds, never one the page names).
    pub(crate) refused: Option<PathBuf>,
    /// The document's revision: bumped by every change the UI is told of (an edit, a switch,
    /// another document), so each event and answer carries the revision it brings the UI to
    /// and the UI keeps whichever is newer. Never repeats within a run.
    revision: u32,
    versions: Versions,
    /// The scenarios shown since the document opened: a switch folds only a first visit's chart
    /// (a chart the user unfolded since stays unfolded).
    visited: HashSet<ScenarioId>,
    /// The open scenario on the as-of date, shared by every view until something changes.
    shown: crate::as_of::ShownCache,
    /// The shape of the app's chart view, as its last layout request gave it: a scenario switch
    /// lays the chart out for it too.
    chart_aspect: Option<f64>,
}

fn no_document() -> Error {
    Error::new(
        ErrorCode::NotAllowed,
        "no document is open: create or open one from the File menu",
    )
}

/// The name shown in the title bar and the recent list: the file name without `.topo`.
pub fn document_name(path: &Path) -> String {
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl Session {
    /// A session with nothing open yet; call [`Session::start`] next.
    pub fn new(paths: Paths) -> Session {
        let settings = Settings::load(&paths.settings_file);
        Session {
            paths,
            settings,
            doc: None,
            problem: None,
            refused: None,
            revision: 0,
            versions: Versions::default(),
            visited: HashSet::new(),
            shown: Default::default(),
            chart_aspect: None,
        }
    }

    /// The width / height the app's org chart is laid out for (`None`: the tidy tree).
    pub fn chart_aspect(&self) -> Option<f64> {
        self.chart_aspect
    }

    /// Remembers the shape of the app's chart view for the layouts that follow.
    pub fn set_chart_aspect(&mut self, aspect: Option<f64>) {
        self.chart_aspect = aspect.filter(|a| a.is_finite() && *a > 0.0);
    }

    /// Opens what the app should show at start-up: the document asked for on the command line
    /// (or nothing, with the reason kept for the UI, when it will not open); else the last
    /// document; else the sample, written into the data folder on first run.
    /// The document [`Session::start`] tries first: the one asked for, else the last one, else the
    /// sample. Known before it loads, so a window can take that document's place at once.
    pub fn first_choice(&self, requested: Option<&Path>) -> PathBuf {
        requested
            .map(Path::to_path_buf)
            .or_else(|| self.settings.last_document.clone())
            .unwrap_or_else(|| self.paths.data_dir.join(SAMPLE_FILE))
    }

    pub fn start(&mut self, requested: Option<&Path>) {
        if let Some(path) = requested {
            if let Err(e) = self.open(path) {
                self.problem = Some(e);
            }
            return;
        }
        if let Some(last) = self.settings.last_document.clone() {
            match self.open(&last) {
                Ok(()) => return,
                Err(e) => self.problem = Some(e),
            }
        }
        if let Err(e) = self.open_sample() {
            self.problem.get_or_insert(e);
        }
    }

    /// Opens the sample in the data folder, writing it there first if it is not there yet.
    pub fn open_sample(&mut self) -> Result<()> {
        let path = self.paths.data_dir.join(SAMPLE_FILE);
        if !path.exists() {
            std::fs::create_dir_all(&self.paths.data_dir).map_err(|e| {
                Error::new(
                    ErrorCode::Io,
                    format!("{}: {e}", self.paths.data_dir.display()),
                )
            })?;
            drop(Document::create_with(
                &path,
                "Current",
                &topograph_sample::sample(),
            )?);
        }
        self.open(&path)
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    fn doc(&self) -> Result<&Document> {
        self.doc.as_ref().ok_or_else(no_document)
    }

    fn doc_mut(&mut self) -> Result<&mut Document> {
        let doc = self.doc.as_mut().ok_or_else(no_document)?;
        // Today the views' org is the document's own, shared: let go of it, so an edit changes it
        // in place instead of copying every record (a view still reading it keeps its copy).
        self.shown.forget_if(|org| doc.shares_org(org));
        Ok(doc)
    }

    /// Whether `path` is the open document (however the path is spelled, relative or not).
    pub fn shows(&self, path: &Path) -> bool {
        self.doc.as_ref().and_then(|d| d.path()) == Some(absolute(path).as_path())
    }

    /// Whether the open document holds anything: people, units or areas in the open scenario,
    /// another scenario, or a step to undo. A fresh File › New holds nothing.
    pub fn has_content(&self) -> bool {
        self.doc.as_ref().is_some_and(|d| {
            !d.org().is_empty()
                || d.scenarios().len() > 1
                || d.history().map_or(true, |h| h.undo.is_some())
        })
    }

    /// The window title: "<document> — Topograph".
    pub fn title(&self) -> String {
        match self.doc.as_ref().and_then(|d| d.path()) {
            Some(p) => format!("{} — Topograph", document_name(p)),
            None => "Topograph".to_string(),
        }
    }

    pub fn history(&self) -> Result<History> {
        match &self.doc {
            Some(d) => {
                let h = d.history()?;
                Ok(History {
                    undo: h.undo,
                    redo: h.redo,
                })
            }
            None => Ok(History::default()),
        }
    }

    /// Everything the UI shows. Hands over (and forgets) a pending start-up problem.
    pub fn state(&mut self) -> Result<DocState> {
        let mut state = self.snapshot()?;
        state.problem = self.problem.take();
        Ok(state)
    }

    /// Everything the UI shows, leaving a pending problem where it is.
    pub fn snapshot(&self) -> Result<DocState> {
        self.snapshot_of(true)
    }

    /// Like [`Session::snapshot`], with `records` left empty when the UI holds them already.
    pub fn snapshot_of(&self, with_records: bool) -> Result<DocState> {
        let Some(doc) = &self.doc else {
            return Ok(DocState {
                revision: self.revision,
                ..DocState::default()
            });
        };
        Ok(DocState {
            document: doc.path().map(|p| DocumentInfo {
                name: document_name(p),
                path: p.display().to_string(),
            }),
            scenarios: doc.scenarios().to_vec(),
            active_scenario: Some(doc.active_scenario().id),
            records: if with_records {
                doc.org().to_records()
            } else {
                Default::default()
            },
            history: self.history()?,
            problem: None,
            revision: self.revision,
        })
    }

    /// Opens an existing document in place of the open one. On failure the open document
    /// stays open and the file is untouched (the core checks before it writes).
    pub fn open(&mut self, path: &Path) -> Result<()> {
        let path = absolute(path);
        if self.doc.as_ref().and_then(|d| d.path()) == Some(path.as_path()) {
            return Ok(());
        }
        let doc = match Document::open(&path) {
            Ok(doc) => doc,
            Err(e) => {
                // Offered only where a repair can make a sound copy (not for damaged pages or a
                // schema changed by another program); the check reads a private copy.
                self.refused = (e.code == ErrorCode::Corrupt
                    && topograph_document::repair::repairable(&path))
                .then_some(path);
                return Err(e);
            }
        };
        self.refused = None;
        self.replace(doc, &path);
        Ok(())
    }

    /// The file a repaired copy can be offered for (see `refused`).
    pub fn refused(&self) -> Option<&Path> {
        self.refused.as_deref()
    }

    /// Writes a repaired copy of the refused file beside it ("<name> (repaired).topo"), leaving
    /// the refused file as it is; answers the copy's path and every change, in words. Off the
    /// session's lock: `from` is [`Session::refused`].
    pub fn repair(from: Option<&Path>) -> Result<(PathBuf, Vec<String>)> {
        let from = from.ok_or_else(|| {
            Error::new(
                ErrorCode::NotAllowed,
                "no document was refused: there is nothing to repair",
            )
        })?;
        let to = topograph_document::repair::repaired_path(from);
        topograph_document::repair::repair(from, &to).map(|changes| (to, changes))
    }

    /// Creates an empty document at `path` (which must not exist) and opens it.
    pub fn create(&mut self, path: &Path) -> Result<()> {
        self.create_from(path, NewTemplate::Blank)
    }

    /// Creates a document at `path` (which must not exist), blank or holding the sample org, and
    /// opens it.
    pub fn create_from(&mut self, path: &Path, template: NewTemplate) -> Result<()> {
        let path = absolute(path);
        let doc = match template {
            NewTemplate::Blank => Document::create(&path)?,
            NewTemplate::Sample => {
                Document::create_with(&path, "Current", &topograph_sample::sample())?
            }
        };
        self.replace(doc, &path);
        Ok(())
    }

    /// Writes a copy of the open document to `path` and continues in the copy.
    pub fn save_as(&mut self, path: &Path) -> Result<()> {
        let path = absolute(path);
        self.doc_mut()?.save_as(&path)?;
        self.revision += 1;
        self.remember(&path);
        Ok(())
    }

    /// Folds the write-ahead log into the document once editing has paused for `idle`, so the
    /// `.topo` file alone is complete (see the README's promise about your file).
    pub fn checkpoint_if_idle(&mut self, idle: std::time::Duration) {
        if let Some(doc) = self.doc.as_mut() {
            // A failed checkpoint only leaves the log longer; every edit is committed.
            let _ = doc.checkpoint_if_idle(idle);
        }
    }

    /// Closes the open document (everything is saved already). The last document stays the
    /// one to reopen at the next start.
    pub fn close(&mut self) {
        self.revision += 1;
        self.versions.touch_all();
        self.visited.clear();
        if let Some(mut doc) = self.doc.take() {
            // Folding the WAL in is tidy but not needed: the edits are committed.
            let _ = doc.checkpoint();
        }
    }

    fn replace(&mut self, doc: Document, path: &Path) {
        self.close();
        self.doc = Some(doc);
        self.remember(path);
    }

    fn remember(&mut self, path: &Path) {
        // Every window's session shares the file: start from what the others wrote.
        self.settings = Settings::load(&self.paths.settings_file);
        self.settings.remember(path);
        // Failing to write the settings costs only the recent list; the document is open.
        let _ = self.settings.save(&self.paths.settings_file);
    }

    /// The recent list as the settings file has it now (another window may have added to it).
    pub fn recent(&self) -> Vec<RecentDocument> {
        Settings::load(&self.paths.settings_file)
            .recent_documents
            .iter()
            .map(|p| RecentDocument {
                name: document_name(p),
                path: p.display().to_string(),
            })
            .collect()
    }

    pub fn active_scenario(&self) -> Option<ScenarioId> {
        self.doc.as_ref().map(|d| d.active_scenario().id)
    }

    pub fn apply(&mut self, op: Op) -> Result<Edit> {
        self.edit(|d| d.apply(op))
    }

    pub fn undo(&mut self) -> Result<Edit> {
        self.edit(Document::undo)
    }

    pub fn redo(&mut self) -> Result<Edit> {
        self.edit(Document::redo)
    }

    /// Undoes (`undo`) or redoes `count` steps as one command (the History panel). Steps that
    /// reach several scenarios are announced like a switch, with the whole state. The error is
    /// why it stopped early, if it did; what it did before stays done and announced.
    pub fn travel(&mut self, undo: bool, count: u32) -> Result<(Edit, Option<Error>)> {
        let mut stopped = None;
        let edit = self.edit_reaching(|d| {
            let t = if undo {
                d.undo_steps(count)?
            } else {
                d.redo_steps(count)?
            };
            stopped = t.stopped;
            Ok((t.applied, t.across))
        })?;
        Ok((edit, stopped))
    }

    /// The persistent history, up to `limit` entries each way.
    pub fn history_log(&self, limit: u32) -> Result<HistoryLog> {
        match &self.doc {
            Some(d) => d.history_log(limit),
            None => Ok(HistoryLog::default()),
        }
    }

    fn edit(&mut self, f: impl FnOnce(&mut Document) -> Result<Applied>) -> Result<Edit> {
        self.edit_reaching(|d| f(d).map(|a| (a, false)))
    }

    /// `f` answers what it did and whether it reached beyond the open scenario's records.
    fn edit_reaching(
        &mut self,
        f: impl FnOnce(&mut Document) -> Result<(Applied, bool)>,
    ) -> Result<Edit> {
        let doc = self.doc_mut()?;
        let before = doc.active_scenario().id;
        let (applied, across) = f(doc)?;
        let switched = across || applied.active_scenario != before;
        self.revision += 1;
        self.versions.edited(&applied.changes, switched);
        Ok(if !switched {
            Edit::Patched(applied)
        } else {
            Edit::Switched(applied)
        })
    }

    /// Runs a change the core makes in several steps of its own (an import) on the open
    /// document.
    pub fn with_document<R>(&mut self, f: impl FnOnce(&mut Document) -> Result<R>) -> Result<R> {
        f(self.doc_mut()?)
    }

    /// After a change made outside [`Session::apply`] (an import): no scenario is as it was.
    pub fn forget_versions(&mut self) {
        self.revision += 1;
        self.versions.touch_all();
    }

    /// Makes a document the core has just created (an import into a new file) the open one.
    pub fn adopt(&mut self, doc: Document) {
        let path = doc.path().map(Path::to_path_buf);
        self.close();
        self.doc = Some(doc);
        if let Some(path) = path {
            self.remember(&path);
        }
    }

    pub fn switch_scenario(&mut self, id: ScenarioId) -> Result<()> {
        self.doc_mut()?.switch_scenario(id)?;
        self.revision += 1;
        Ok(())
    }

    pub fn reserve_ids(&mut self, count: u32) -> Result<u32> {
        self.doc_mut()?.reserve_ids(count)
    }

    pub fn collapsed(&self, view: View) -> Result<Vec<u32>> {
        self.doc()?.collapsed(view)
    }

    pub fn set_collapsed(&mut self, view: View, node: u32, collapsed: bool) -> Result<()> {
        self.doc_mut()?.set_collapsed(view, node, collapsed)?;
        self.touch_open();
        Ok(())
    }

    pub fn replace_collapsed(&mut self, view: View, nodes: &[u32]) -> Result<()> {
        self.doc_mut()?.replace_collapsed(view, nodes)?;
        self.touch_open();
        Ok(())
    }

    /// The open scenario's org chart changes with its collapsed nodes.
    fn touch_open(&mut self) {
        if let Some(s) = self.active_scenario() {
            self.versions.touch(s);
        }
    }

    /// The version of a scenario's records and org chart: equal numbers, same records and chart.
    pub fn version(&self, scenario: ScenarioId) -> u32 {
        self.versions.of(scenario)
    }

    /// The document's revision now (see `revision`): what an event sent now carries.
    pub fn revision(&self) -> u32 {
        self.revision
    }

    /// Opens another scenario for the UI, one revision on, and answers what its answer is made
    /// from, all taken at once under the caller's lock (see [`Switch`]). `known` is the version of
    /// the scenario the UI kept from an earlier visit, if any; `holds` the scenario whose records
    /// it shows.
    ///
    /// `frame` is the chart view's as a layout asks with it: the chart is laid out for its shape
    /// (so the UI need not lay it out again), and a scenario visited for the first time since
    /// the document opened, with nothing folded and too big to lay out whole, is folded for
    /// `frame.fold` as a first opening is, and that folding kept in the document (see
    /// [`Session::fold_first_visit`]).
    pub fn switch_for_ui(
        &mut self,
        id: ScenarioId,
        known: Option<u32>,
        holds: Option<ScenarioId>,
        frame: Option<ChartFrame>,
    ) -> Result<Switch> {
        self.switch_for_ui_at(id, known, holds, frame, |_| {})
    }

    /// [`Session::switch_for_ui`], telling `at` when each stage ends ("left_org",
    /// "opened", "folded", "state", "org_copy"), for the measurements.
    pub fn switch_for_ui_at(
        &mut self,
        id: ScenarioId,
        known: Option<u32>,
        holds: Option<ScenarioId>,
        frame: Option<ChartFrame>,
        mut at: impl FnMut(&'static str),
    ) -> Result<Switch> {
        if let Some(f) = frame {
            self.set_chart_aspect(Some(f.aspect));
        }
        let left = self.active_scenario();
        self.visited.extend(left);
        let first_visit = self.visited.insert(id);
        let left_version = left.map_or(0, |l| self.version(l));
        let unchanged = known == Some(self.version(id));
        // The org left, shared (the document keeps it for a switch back): the change set is
        // worked out on the workers from the two orgs, nothing copied under the lock.
        let left_org = match self.document() {
            Some(doc) if !unchanged && holds.is_some() && holds == left => Some(doc.org_shared()),
            _ => None,
        };
        at("left_org");
        self.switch_scenario(id)?;
        at("opened");
        let folded = match frame.and_then(|f| f.fold).filter(|_| first_visit) {
            // The switch is made: a folding that cannot be kept leaves the chart whole, never
            // the switch unanswered.
            Some(room) => self.fold_first_visit(&room).ok().flatten(),
            None => None,
        };
        at("folded");
        // The records go in the answer as the switch writes them (whole or as changes).
        let state = self.snapshot_of(false)?;
        at("state");
        // Folding changes the version: a copy kept at the old one is no longer right. The
        // folding's own layout is the chart, sent with the scenario's org (shared, no copy).
        let (layout, laid_out) = if let Some(scene) = folded {
            (None, Some((scene, self.doc()?.org_shared())))
        } else if unchanged && known == Some(self.version(id)) {
            (None, None)
        } else {
            (Some(self.org_chart_input()?), None)
        };
        at("org_copy");
        Ok(Switch {
            scenario: id,
            version: self.version(id),
            state,
            layout,
            laid_out,
            left_org,
            left,
            left_version,
            aspect: self.chart_aspect,
        })
    }

    /// Folds the open scenario's org chart for `room` as a first opening does
    /// ([`chart_frame::fold_for`]) and keeps that folding in the document (view state: no
    /// history), when nothing of it is folded and it shows more cards than the app lays out
    /// compactly ([`chart_frame::COMPACT_MAX_CARDS`]): a fork made before the document was first
    /// opened (`topograph scenario fork`) has nothing folded, and laying out, sending and painting
    /// its 100k cards took seconds. A smaller chart, or one the user folded or unfolded, is left
    /// as it is. Answers the chart laid out for the folding when it is the one the app's chart
    /// asks for with that folding (its layout is how the levels were found).
    pub fn fold_first_visit(&mut self, room: &FoldRoom) -> Result<Option<OrgChartScene>> {
        if !self.collapsed(View::OrgChart)?.is_empty() {
            return Ok(None);
        }
        let doc = self.doc()?;
        // The org as entered is the org shown when no as-of day is set: no copy needed.
        let copy = match doc.view_date()? {
            Some(_) => Some(self.org_copy()?),
            None => None,
        };
        let org = copy.as_deref().unwrap_or(doc.org());
        let none = std::collections::BTreeSet::new();
        let max = chart_frame::COMPACT_MAX_CARDS;
        if chart_frame::cards_shown(org, &none, max) <= max {
            return Ok(None);
        }
        let (folded, scene) = chart_frame::fold_for(org, room, self.chart_aspect)?;
        // `fold_for` lays out compactly; the app's chart does so up to `max` cards only. On an
        // as-of day the switch's records come from the org of the day: the copy path takes them.
        let same = copy.is_none() && chart_frame::cards_shown(org, &folded, max) <= max;
        let folded: Vec<u32> = folded.into_iter().collect();
        if folded.is_empty() {
            return Ok(None);
        }
        self.replace_collapsed(View::OrgChart, &folded)?;
        Ok(same.then_some(scene))
    }

    /// The open scenario as the views show it (on the as-of date) and its collapsed org-chart
    /// nodes, for laying out off the session lock.
    pub fn org_chart_input(&self) -> Result<(Arc<topograph_model::Org>, Vec<u32>)> {
        Ok((self.org_copy()?, self.doc()?.collapsed(View::OrgChart)?))
    }

    /// The open scenario as the views show it and its collapsed team-map units.
    pub fn team_map_input(&self) -> Result<(Arc<topograph_model::Org>, Vec<u32>)> {
        Ok((self.org_copy()?, self.doc()?.collapsed(View::TeamMap)?))
    }

    /// The open scenario as the views show it (on the as-of date), for laying out off the
    /// session lock: made once per change (scenario, edit, day) and shared by every view.
    pub fn org_copy(&self) -> Result<Arc<topograph_model::Org>> {
        let doc = self.doc()?;
        let key = self.shown_key(doc)?;
        self.shown.get(key, || crate::as_of::shown_org(doc))
    }

    fn shown_key(&self, doc: &Document) -> Result<crate::as_of::ShownKey> {
        let scenario = doc.active_scenario().id;
        Ok(crate::as_of::ShownKey {
            scenario,
            version: self.versions.of(scenario),
            revision: self.revision,
            day: doc.view_date()?,
        })
    }

    /// The checks of the open scenario on the as-of date, to run off the session lock on the
    /// org the views share.
    pub fn findings_input(&self) -> Result<crate::as_of::FindingsInput> {
        let doc = self.doc()?;
        Ok(crate::as_of::FindingsInput {
            org: self.org_copy()?,
            settings: doc.check_settings()?,
            today: doc
                .view_date()?
                .unwrap_or_else(topograph_model::Date::today),
        })
    }

    /// The day every view shows the org on; `None` is the design as entered (today).
    pub fn view_date(&self) -> Result<Option<topograph_model::Date>> {
        self.doc()?.view_date()
    }

    /// Shows every view on `day` (`None`: as entered). Every scenario's chart changes with it,
    /// so no chart the UI kept may be reused.
    pub fn set_view_date(&mut self, day: Option<topograph_model::Date>) -> Result<()> {
        if self.view_date()? == day {
            return Ok(());
        }
        self.doc_mut()?.set_view_date(day)?;
        self.versions.touch_all();
        Ok(())
    }
}

/// Paths are remembered absolute, so the recent list means the same from any working folder.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests;
