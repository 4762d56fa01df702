//! A repaired copy of a file that opening refused for breaking the model's rules: loops broken,
//! references to missing records cleared, ids out of range renumbered, records that break a
//! rule fixed or left out, the undo history dropped. The copy is a NEW file (created as every
//! new file is, atomically); the original is never written, so a person can always go back to
//! it. Every change is listed in words a person can check.

use rusqlite::{Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use topograph_model::{
    validate, AreaId, CheckSettings, Error, ErrorCode, InteractionId, Org, OrgRecords, PersonId,
    Result, Scenario, ScenarioId, UnitId, MAX_ID,
};

use crate::{open, rows, schema, sql_error, trust, Document};

/// What a repair changed, one line each ("scenario 'Current': reporting loop Ada → Bo → Ada
/// broken: Ada now reports to no one").
pub type Changes = Vec<String>;

/// Writes a repaired copy of the document at `from` to `to` (which must not exist) and says
/// what was changed. `from` is only read (through a private copy, so not even its write-ahead
/// log is folded in). Files too damaged to read at all (pages, schema) are refused with a
/// clear error: only what the model's rules say is wrong can be put right.
pub fn repair(from: &Path, to: &Path) -> Result<Changes> {
    if to.exists() {
        return Err(Error::new(
            ErrorCode::FileExists,
            format!("{}: a file exists there already", to.display()),
        ));
    }
    let salvaged = salvage(from)?;
    write(
        to,
        &salvaged.scenarios,
        salvaged.orgs,
        salvaged.settings.as_deref(),
    )?;
    Ok(salvaged.changes)
}

/// Whether [`repair`] can make a sound copy of the file (it does the whole repair in memory and
/// writes nothing): what the app asks before it offers one.
pub fn repairable(from: &Path) -> bool {
    salvage(from).is_ok()
}

/// What a repair keeps, in memory.
struct Salvaged {
    scenarios: Vec<Scenario>,
    orgs: Vec<Org>,
    settings: Option<String>,
    changes: Changes,
}

fn salvage(from: &Path) -> Result<Salvaged> {
    let named = |e: Error| Error::new(e.code, format!("{}: {}", from.display(), e.message));
    open::identify_file(from).map_err(named)?;
    let private = open::PrivateCopy::of(from).map_err(named)?;
    let read = read_all(&private.path).map_err(named);
    drop(private);
    let (scenarios, mut orgs, settings, mut changes) = read?;
    renumber(&mut orgs, &scenarios, &mut changes);
    let mut fixed = Vec::with_capacity(orgs.len());
    for (scenario, records) in scenarios.iter().zip(orgs) {
        let (org, said) = repair_records(records);
        changes.extend(
            said.into_iter()
                .map(|c| format!("scenario '{}': {c}", scenario.name)),
        );
        trust::check_org(&org).map_err(|e| {
            named(Error::new(
                ErrorCode::Corrupt,
                format!(
                    "it cannot be repaired: scenario '{}': {}",
                    scenario.name, e.message
                ),
            ))
        })?;
        fixed.push(org);
    }
    Ok(Salvaged {
        scenarios,
        orgs: fixed,
        settings,
        changes,
    })
}

/// Where the repaired copy of `from` goes: beside it, "<name> (repaired).topo", or the first of
/// "(repaired 2)", "(repaired 3)"… that is free. (A file appearing meanwhile is never replaced:
/// [`repair`] refuses it.)
pub fn repaired_path(from: &Path) -> PathBuf {
    let stem = from
        .file_stem()
        .map_or("document".into(), |s| s.to_string_lossy().into_owned());
    let ext = from
        .extension()
        .map_or("topo".into(), |e| e.to_string_lossy().into_owned());
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                " (repaired)".to_string()
            } else {
                format!(" (repaired {n})")
            };
            from.with_file_name(format!("{stem}{suffix}.{ext}"))
        })
        .find(|p| !p.exists())
        .expect("some number is free")
}

/// Every scenario's records as the file holds them, checked for sound pages and the exact
/// schema only (the model's rules are what the repair is for).
type Read = (Vec<Scenario>, Vec<OrgRecords>, Option<String>, Changes);

fn read_all(copy: &Path) -> Result<Read> {
    let mut conn = Connection::open(copy).map_err(sql_error)?;
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(sql_error)?;
    let version = schema::user_version(&conn)?;
    // A record breaking a CHECK constraint is for the repair to put right, not a damaged page.
    conn.pragma_update(None, "ignore_check_constraints", true)
        .map_err(sql_error)?;
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(sql_error)?;
    if check != "ok" {
        return Err(Error::new(
            ErrorCode::Corrupt,
            format!("it cannot be repaired: its pages are damaged ({check})"),
        ));
    }
    schema::check_exact(&conn, version)
        .map_err(|e| Error::new(e.code, format!("it cannot be repaired: {}", e.message)))?;
    schema::migrate(&mut conn, version)?;
    let scenarios = rows::scenarios(&conn)?;
    if scenarios.is_empty() {
        return Err(Error::new(
            ErrorCode::Corrupt,
            "it cannot be repaired: it has no scenario",
        ));
    }
    let mut orgs = Vec::with_capacity(scenarios.len());
    for s in &scenarios {
        orgs.push(rows::load(&conn, s.id)?.to_records());
    }
    let mut changes = Vec::new();
    let history: i64 = conn
        .query_row("SELECT count(*) FROM oplog", [], |r| r.get(0))
        .map_err(sql_error)?;
    if history > 0 {
        changes.push(format!(
            "the undo history ({history} steps) was left out: the repaired copy starts with none"
        ));
    }
    let settings: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'check_settings'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_error)?;
    let settings = settings.filter(|json| {
        let sound = serde_json::from_str::<CheckSettings>(json).is_ok();
        if !sound {
            changes.push(
                "the health-check settings were unreadable: the copy has the defaults".into(),
            );
        }
        sound
    });
    Ok((scenarios, orgs, settings, changes))
}

/// Gives records whose ids are above the largest a document holds new ids above every id in
/// use, the same new id in every scenario, with every reference following.
fn renumber(orgs: &mut [OrgRecords], scenarios: &[Scenario], changes: &mut Changes) {
    let in_range = |id: u32| (1..=MAX_ID).contains(&id);
    let mut highest = scenarios.iter().map(|s| s.id.0).max().unwrap_or(0);
    let mut out = Vec::new();
    for r in orgs.iter() {
        let ids = r
            .persons
            .iter()
            .map(|p| p.id.0)
            .chain(r.units.iter().map(|u| u.id.0))
            .chain(r.areas.iter().map(|a| a.id.0))
            .chain(r.interactions.iter().map(|i| i.id.0));
        for id in ids {
            if in_range(id) {
                highest = highest.max(id);
            } else if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    if out.is_empty() {
        return;
    }
    out.sort_unstable();
    let mut map = HashMap::new();
    for id in out {
        highest += 1;
        if highest > MAX_ID {
            // Every id in range is taken: nothing to renumber to; the check refuses it.
            return;
        }
        map.insert(id, highest);
        changes.push(format!("id {id} (out of range) is now {highest}"));
    }
    let m = |id: u32| *map.get(&id).unwrap_or(&id);
    let p = |x: &mut PersonId| x.0 = m(x.0);
    let u = |x: &mut UnitId| x.0 = m(x.0);
    let a = |x: &mut AreaId| x.0 = m(x.0);
    let i = |x: &mut InteractionId| x.0 = m(x.0);
    for r in orgs.iter_mut() {
        for x in &mut r.persons {
            p(&mut x.id);
            x.manager.as_mut().map(p);
        }
        for x in &mut r.dotted_lines {
            p(&mut x.person);
            p(&mut x.manager);
        }
        for x in &mut r.units {
            u(&mut x.id);
            x.parent.as_mut().map(u);
            x.lead.as_mut().map(p);
        }
        for x in &mut r.memberships {
            p(&mut x.person);
            u(&mut x.unit);
        }
        for x in &mut r.areas {
            a(&mut x.id);
            x.parent.as_mut().map(a);
            x.owner.as_mut().map(u);
        }
        for x in &mut r.contributors {
            a(&mut x.area);
            u(&mut x.unit);
        }
        for x in &mut r.interactions {
            i(&mut x.id);
            u(&mut x.from);
            u(&mut x.to);
        }
        for x in &mut r.placements {
            u(&mut x.unit);
        }
    }
}

/// Puts one scenario's records right, saying what it changed: records that break a rule are
/// fixed where the fix is plain (an allocation above 100% becomes 100%) and left out where it is
/// not; references to missing records are cleared (a link to nothing is left out); each loop
/// is broken at the first record named in it, which goes to the top.
pub fn repair_records(mut r: OrgRecords) -> (Org, Changes) {
    let mut changes = Vec::new();
    r.persons.retain_mut(|p| match validate::person(p) {
        Ok(()) => true,
        Err(e) => {
            changes.push(format!("person {} left out: {}", p.id, e.message));
            false
        }
    });
    r.units.retain_mut(|u| match validate::unit(u) {
        Ok(()) => true,
        Err(e) => {
            changes.push(format!("unit {} left out: {}", u.id, e.message));
            false
        }
    });
    r.areas.retain_mut(|a| match validate::area(a) {
        Ok(()) => true,
        Err(e) => {
            changes.push(format!("product area {} left out: {}", a.id, e.message));
            false
        }
    });
    r.interactions
        .retain_mut(|i| match validate::interaction(i) {
            Ok(()) if i.from != i.to => true,
            Ok(()) => {
                changes.push(format!(
                    "interaction {} of a team with itself left out",
                    i.id
                ));
                false
            }
            Err(e) => {
                changes.push(format!("interaction {} left out: {}", i.id, e.message));
                false
            }
        });
    r.placements.retain(|p| match validate::placement(p) {
        Ok(()) => true,
        Err(e) => {
            changes.push(format!("placement of {} left out: {}", p.unit, e.message));
            false
        }
    });
    for m in &mut r.memberships {
        if validate::allocation(m.allocation).is_err() {
            let to = m.allocation.clamp(1, 100);
            changes.push(format!(
                "membership of {} in {}: allocation {}% is now {to}%",
                m.person, m.unit, m.allocation
            ));
            m.allocation = to;
        }
    }
    clear_dangling(&mut r, &mut changes);
    break_loops(&mut r, &mut changes);
    let solid: HashMap<PersonId, Option<PersonId>> =
        r.persons.iter().map(|p| (p.id, p.manager)).collect();
    r.dotted_lines.retain(|d| {
        let keep = d.person != d.manager && solid.get(&d.person) != Some(&Some(d.manager));
        if !keep {
            changes.push(format!(
                "dotted line {} → {} left out: it repeats the solid line",
                d.person, d.manager
            ));
        }
        keep
    });
    (Org::from_records(r), changes)
}

fn clear_dangling(r: &mut OrgRecords, changes: &mut Changes) {
    let persons: HashSet<PersonId> = r.persons.iter().map(|p| p.id).collect();
    let units: HashSet<UnitId> = r.units.iter().map(|u| u.id).collect();
    let areas: HashSet<AreaId> = r.areas.iter().map(|a| a.id).collect();
    for p in &mut r.persons {
        if let Some(m) = p.manager.filter(|m| !persons.contains(m) || *m == p.id) {
            changes.push(format!(
                "{} reported to {m}, who is missing: now reports to no one",
                p.display_name()
            ));
            p.manager = None;
        }
    }
    for u in &mut r.units {
        if let Some(x) = u.parent.filter(|x| !units.contains(x) || *x == u.id) {
            changes.push(format!(
                "unit '{}' was inside {x}, which is missing: now at the top",
                u.name
            ));
            u.parent = None;
        }
        if let Some(x) = u.lead.filter(|x| !persons.contains(x)) {
            changes.push(format!(
                "unit '{}' was led by {x}, who is missing: now without a lead",
                u.name
            ));
            u.lead = None;
        }
    }
    for a in &mut r.areas {
        if let Some(x) = a.parent.filter(|x| !areas.contains(x) || *x == a.id) {
            changes.push(format!(
                "product area '{}' was inside {x}, which is missing: now at the top",
                a.name
            ));
            a.parent = None;
        }
        if let Some(x) = a.owner.filter(|x| !units.contains(x)) {
            changes.push(format!(
                "product area '{}' was owned by {x}, which is missing: now without an owner",
                a.name
            ));
            a.owner = None;
        }
    }
    let mut gone =
        |what: String| changes.push(format!("{what} refers to a missing record: left out"));
    r.memberships.retain(|m| {
        let keep = persons.contains(&m.person) && units.contains(&m.unit);
        if !keep {
            gone(format!("membership of {} in {}", m.person, m.unit));
        }
        keep
    });
    r.dotted_lines.retain(|d| {
        let keep = persons.contains(&d.person) && persons.contains(&d.manager);
        if !keep {
            gone(format!("dotted line {} → {}", d.person, d.manager));
        }
        keep
    });
    r.contributors.retain(|c| {
        let keep = areas.contains(&c.area) && units.contains(&c.unit);
        if !keep {
            gone(format!("contribution of {} to {}", c.unit, c.area));
        }
        keep
    });
    r.interactions.retain(|i| {
        let keep = units.contains(&i.from) && units.contains(&i.to);
        if !keep {
            gone(format!("interaction {}", i.id));
        }
        keep
    });
    r.placements.retain(|p| {
        let keep = units.contains(&p.unit);
        if !keep {
            gone(format!("placement of {}", p.unit));
        }
        keep
    });
}

/// Breaks every loop, one at a time, at its first record (the one the walk met first).
fn break_loops(r: &mut OrgRecords, changes: &mut Changes) {
    while let Some(chain) = trust::loop_keys(r.persons.iter().map(|p| (p.id, p.manager))) {
        let name = |id: PersonId| {
            r.persons
                .iter()
                .find(|p| p.id == id)
                .map_or(id.to_string(), |p| p.display_name().to_string())
        };
        let names: Vec<String> = chain.iter().chain(&chain[..1]).map(|&k| name(k)).collect();
        changes.push(format!(
            "reporting loop {} broken: {} now reports to no one",
            names.join(" → "),
            names[0]
        ));
        if let Some(p) = r.persons.iter_mut().find(|p| p.id == chain[0]) {
            p.manager = None;
        }
    }
    while let Some(chain) = trust::loop_keys(r.units.iter().map(|u| (u.id, u.parent))) {
        let name = |id: UnitId| {
            r.units
                .iter()
                .find(|u| u.id == id)
                .map_or(id.to_string(), |u| u.name.clone())
        };
        let names: Vec<String> = chain.iter().chain(&chain[..1]).map(|&k| name(k)).collect();
        changes.push(format!(
            "unit loop {} broken: {} is now at the top",
            names.join(" → "),
            names[0]
        ));
        if let Some(u) = r.units.iter_mut().find(|u| u.id == chain[0]) {
            u.parent = None;
        }
    }
    while let Some(chain) = trust::loop_keys(r.areas.iter().map(|a| (a.id, a.parent))) {
        let name = |id: AreaId| {
            r.areas
                .iter()
                .find(|a| a.id == id)
                .map_or(id.to_string(), |a| a.name.clone())
        };
        let names: Vec<String> = chain.iter().chain(&chain[..1]).map(|&k| name(k)).collect();
        changes.push(format!(
            "product area loop {} broken: {} is now at the top",
            names.join(" → "),
            names[0]
        ));
        if let Some(a) = r.areas.iter_mut().find(|a| a.id == chain[0]) {
            a.parent = None;
        }
    }
}

/// The new file: the scenarios in their order, names and archive marks kept, the first one
/// open, no history.
fn write(
    to: &Path,
    scenarios: &[Scenario],
    mut orgs: Vec<Org>,
    settings: Option<&str>,
) -> Result<()> {
    let first = orgs.remove(0);
    let rest: Vec<(&Scenario, Org)> = scenarios[1..].iter().zip(orgs).collect();
    let highest = rest
        .iter()
        .map(|(_, o)| o.max_id())
        .chain([first.max_id(), scenarios.len() as u32])
        .max()
        .unwrap_or(0);
    let doc = Document::create_filled(to, &scenarios[0].name, first, |doc| {
        let mut next = highest + 1;
        let conn = doc.connection();
        conn.execute(
            "UPDATE scenario SET archived = ?1 WHERE id = 1",
            [scenarios[0].archived],
        )
        .map_err(sql_error)?;
        if let Some(json) = settings {
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('check_settings', ?1)",
                [json],
            )
            .map_err(sql_error)?;
        }
        for (position, (s, org)) in rest.iter().enumerate() {
            let id = ScenarioId(next);
            next += 1;
            conn.execute(
                "INSERT INTO scenario (id, name, position, archived) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![id.0, s.name, position as u32 + 1, s.archived],
            )
            .map_err(sql_error)?;
            rows::insert_all(conn, id, org)?;
        }
        crate::document::set_next_id(conn, next)
    })?;
    drop(doc);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use topograph_sample::hostile;

    #[test]
    fn the_repaired_copy_is_named_beside_the_original_and_never_over_a_file() {
        let dir = std::env::temp_dir().join(format!("topograph-names-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let from = dir.join("org.topo");
        assert_eq!(repaired_path(&from), dir.join("org (repaired).topo"));
        std::fs::write(dir.join("org (repaired).topo"), b"x").unwrap();
        assert_eq!(repaired_path(&from), dir.join("org (repaired 2).topo"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_reporting_loop_is_broken_at_a_named_person() {
        let (org, changes) = repair_records(hostile::reporting_loop().to_records());
        trust::check_org(&org).unwrap();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].starts_with("reporting loop "), "{changes:?}");
        assert!(changes[0].contains("now reports to no one"), "{changes:?}");
        let broken = org.persons().filter(|p| p.manager.is_none()).count();
        let before = hostile::reporting_loop();
        assert_eq!(
            broken,
            before.persons().filter(|p| p.manager.is_none()).count() + 1,
            "one line was cut"
        );
    }

    #[test]
    fn every_hostile_shape_comes_out_sound_and_a_sound_org_unchanged() {
        for (name, org) in hostile::all() {
            let (fixed, changes) = repair_records(org.to_records());
            if let Err(e) = trust::check_org(&fixed) {
                // Ids out of range are renumbered for the whole document, not per scenario.
                assert!(e.message.contains("above the largest"), "{name}: {e:?}");
                continue;
            }
            assert!(!changes.is_empty(), "{name}: something was changed");
        }
        let sample = topograph_sample::sample();
        let (fixed, changes) = repair_records(sample.to_records());
        assert_eq!(changes, Changes::new());
        assert_eq!(fixed, sample);
    }

    #[test]
    fn dangling_references_are_cleared_and_links_to_nothing_left_out() {
        let mut r = topograph_sample::sample().to_records();
        r.memberships[0].unit = UnitId(999_999);
        r.units[0].lead = Some(PersonId(999_998));
        r.memberships[1].allocation = 5000;
        let (org, changes) = repair_records(r);
        trust::check_org(&org).unwrap();
        assert_eq!(changes.len(), 3, "{changes:?}");
        assert!(changes
            .iter()
            .any(|c| c.contains("allocation 5000% is now 100%")));
        assert!(changes.iter().any(|c| c.contains("now without a lead")));
        assert!(changes.iter().any(|c| c.contains("left out")));
    }

    #[test]
    fn ids_out_of_range_are_renumbered_in_every_scenario_with_their_references() {
        let org = hostile::huge_ids();
        let mut orgs = vec![org.to_records(), org.to_records()];
        let scenarios = [1, 2].map(|i| Scenario {
            id: ScenarioId(i),
            name: format!("S{i}"),
            position: i,
            archived: false,
        });
        let mut changes = Vec::new();
        renumber(&mut orgs, &scenarios, &mut changes);
        assert!(!changes.is_empty());
        for r in orgs {
            let org = Org::from_records(r);
            assert!(org.max_id() <= MAX_ID);
            trust::check_org(&org).unwrap();
            assert_eq!(org.persons().count(), hostile::huge_ids().persons().count());
        }
    }
}
