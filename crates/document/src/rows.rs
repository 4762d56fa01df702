//! Reading and writing one scenario's records as SQLite rows.

use rusqlite::types::{ToSqlOutput, Value};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::BTreeMap;
use std::str::FromStr;
use topograph_model::{
    Area, AreaId, Budget, Change, Contributor, Cost, DatedChange, DottedLine, Interaction,
    InteractionId, Membership, Org, OrgRecords, Person, PersonId, Placement, PlanSettings, Result,
    Scenario, ScenarioId, Unit, UnitId,
};

use crate::sql_error;

fn parse<T: FromStr<Err = String>>(s: String) -> rusqlite::Result<T> {
    s.parse().map_err(|e: String| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn id(v: i64) -> rusqlite::Result<u32> {
    u32::try_from(v).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(0, v))
}

fn person_from(r: &Row) -> rusqlite::Result<Person> {
    let custom: String = r.get(13)?;
    let custom: BTreeMap<String, String> = if custom == "{}" {
        BTreeMap::new()
    } else {
        serde_json::from_str(&custom).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(13, rusqlite::types::Type::Text, e.into())
        })?
    };
    let amount: Option<f64> = r.get(11)?;
    let currency: Option<String> = r.get(12)?;
    Ok(Person {
        id: PersonId(id(r.get(0)?)?),
        name: r.get(1)?,
        title: r.get(2)?,
        discipline: parse(r.get(3)?)?,
        level: r.get(4)?,
        location: r.get(5)?,
        email: r.get(6)?,
        employee_id: r.get(7)?,
        employment: parse(r.get(8)?)?,
        status: parse(r.get(9)?)?,
        start_date: r.get(10)?,
        end_date: r.get(15)?,
        target_start: r.get(16)?,
        hiring_stage: r.get::<_, Option<String>>(17)?.map(parse).transpose()?,
        cost: match (amount, currency) {
            (Some(amount), Some(currency)) => Some(Cost { amount, currency }),
            _ => None,
        },
        custom,
        manager: r
            .get::<_, Option<i64>>(14)?
            .map(id)
            .transpose()?
            .map(PersonId),
    })
}

const PERSON_COLUMNS: &str = "id, name, title, discipline, level, location, email, employee_id, \
     employment, status, start_date, cost_amount, cost_currency, custom, manager_id, \
     end_date, target_start, hiring_stage";

fn unit_from(r: &Row) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: UnitId(id(r.get(0)?)?),
        name: r.get(1)?,
        mission: r.get(2)?,
        kind: parse(r.get(3)?)?,
        parent: r.get::<_, Option<i64>>(4)?.map(id).transpose()?.map(UnitId),
        lead: r
            .get::<_, Option<i64>>(5)?
            .map(id)
            .transpose()?
            .map(PersonId),
        colour: r.get(6)?,
        target_size: r.get::<_, Option<i64>>(7)?.map(id).transpose()?,
    })
}

fn area_from(r: &Row) -> rusqlite::Result<Area> {
    Ok(Area {
        id: AreaId(id(r.get(0)?)?),
        name: r.get(1)?,
        description: r.get(2)?,
        parent: r.get::<_, Option<i64>>(3)?.map(id).transpose()?.map(AreaId),
        complexity: parse(r.get(4)?)?,
        user_facing: r.get(5)?,
        owner: r.get::<_, Option<i64>>(6)?.map(id).transpose()?.map(UnitId),
        position: id(r.get(7)?)?,
        stance: r.get::<_, Option<String>>(8)?.map(parse).transpose()?,
        target_share: r.get(9)?,
        outcome: r.get(10)?,
    })
}

fn interaction_from(r: &Row) -> rusqlite::Result<Interaction> {
    Ok(Interaction {
        id: InteractionId(id(r.get(0)?)?),
        from: UnitId(id(r.get(1)?)?),
        to: UnitId(id(r.get(2)?)?),
        mode: parse(r.get(3)?)?,
        note: r.get(4)?,
        start: r.get(5)?,
        expected_end: r.get(6)?,
    })
}

fn all<T>(
    conn: &Connection,
    sql: &str,
    scenario: ScenarioId,
    f: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql).map_err(sql_error)?;
    let rows = stmt.query_map([scenario.0], f).map_err(sql_error)?;
    rows.collect::<rusqlite::Result<Vec<T>>>()
        .map_err(sql_error)
}

/// Reads every record of a scenario.
pub fn load(conn: &Connection, scenario: ScenarioId) -> Result<Org> {
    let records = OrgRecords {
        persons: all(
            conn,
            &format!("SELECT {PERSON_COLUMNS} FROM person WHERE scenario_id = ?1 ORDER BY id"),
            scenario,
            person_from,
        )?,
        dotted_lines: all(
            conn,
            "SELECT person_id, manager_id FROM dotted_line WHERE scenario_id = ?1",
            scenario,
            |r| {
                Ok(DottedLine {
                    person: PersonId(id(r.get(0)?)?),
                    manager: PersonId(id(r.get(1)?)?),
                })
            },
        )?,
        units: all(
            conn,
            "SELECT id, name, mission, kind, parent_id, lead_id, colour, target_size \
             FROM unit WHERE scenario_id = ?1 ORDER BY id",
            scenario,
            unit_from,
        )?,
        memberships: all(
            conn,
            "SELECT person_id, unit_id, allocation, role FROM membership WHERE scenario_id = ?1",
            scenario,
            |r| {
                Ok(Membership {
                    person: PersonId(id(r.get(0)?)?),
                    unit: UnitId(id(r.get(1)?)?),
                    allocation: id(r.get(2)?)?,
                    role: parse(r.get(3)?)?,
                })
            },
        )?,
        areas: all(
            conn,
            "SELECT id, name, description, parent_id, complexity, user_facing, owner_unit_id, position, \
             stance, target_share, outcome \
             FROM area WHERE scenario_id = ?1 ORDER BY id",
            scenario,
            area_from,
        )?,
        contributors: all(
            conn,
            "SELECT area_id, unit_id FROM contributor WHERE scenario_id = ?1",
            scenario,
            |r| {
                Ok(Contributor {
                    area: AreaId(id(r.get(0)?)?),
                    unit: UnitId(id(r.get(1)?)?),
                })
            },
        )?,
        interactions: all(
            conn,
            "SELECT id, from_unit_id, to_unit_id, mode, note, start_date, expected_end \
             FROM interaction WHERE scenario_id = ?1 ORDER BY id",
            scenario,
            interaction_from,
        )?,
        placements: all(
            conn,
            "SELECT unit_id, x, y, w, h FROM placement WHERE scenario_id = ?1",
            scenario,
            |r| {
                Ok(Placement {
                    unit: UnitId(id(r.get(0)?)?),
                    x: r.get(1)?,
                    y: r.get(2)?,
                    w: r.get(3)?,
                    h: r.get(4)?,
                })
            },
        )?,
        budgets: all(
            conn,
            "SELECT unit_id, period, headcount, amount, amount_currency FROM budget \
             WHERE scenario_id = ?1 ORDER BY unit_id, period",
            scenario,
            |r| {
                let amount: Option<f64> = r.get(3)?;
                let currency: Option<String> = r.get(4)?;
                Ok(Budget {
                    unit: UnitId(id(r.get(0)?)?),
                    period: r.get(1)?,
                    headcount: r.get(2)?,
                    amount: match (amount, currency) {
                        (Some(amount), Some(currency)) => Some(Cost { amount, currency }),
                        _ => None,
                    },
                })
            },
        )?,
        dated_changes: all(
            conn,
            "SELECT id, date, change FROM dated_change WHERE scenario_id = ?1 ORDER BY id",
            scenario,
            |r| {
                let json: String = r.get(2)?;
                Ok(DatedChange {
                    id: id(r.get(0)?)?,
                    date: r.get(1)?,
                    change: serde_json::from_str(&json).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
                    })?,
                })
            },
        )?,
        plan_settings: all(
            conn,
            "SELECT reporting_currency, rates FROM plan_settings WHERE scenario_id = ?1",
            scenario,
            |r| {
                let rates: String = r.get(1)?;
                Ok(PlanSettings {
                    reporting_currency: r.get(0)?,
                    rates: serde_json::from_str(&rates).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
                    })?,
                })
            },
        )?
        .into_iter()
        .next(),
    };
    Ok(Org::from_records(records))
}

/// Writes every record of an org into a scenario that has none yet. Each table's statement is
/// looked up once, not once per row: at 100k people the cache lookups (hashing the long SQL)
/// were a visible share of creating a document.
pub fn insert_all(conn: &Connection, scenario: ScenarioId, org: &Org) -> Result<()> {
    let s = scenario;
    each(conn, PERSON_SQL, org.persons(), |st, p| {
        person_params(s, p, |params| st.execute(params))
    })?;
    each(conn, DOTTED_SQL, org.dotted_lines(), |st, d| {
        st.execute(params![s.0, d.person.0, d.manager.0])
    })?;
    // Units, areas and the rest number in the hundreds: the per-row path is fine for them.
    for u in org.units() {
        upsert_unit(conn, s, u)?;
    }
    each(conn, MEMBERSHIP_SQL, org.memberships(), |st, m| {
        st.execute(params![
            s.0,
            m.person.0,
            m.unit.0,
            m.allocation,
            m.role.as_str()
        ])
    })?;
    for a in org.areas() {
        upsert_area(conn, s, a)?;
    }
    for c in org.contributors() {
        upsert_contributor(conn, s, c)?;
    }
    for i in org.interactions() {
        upsert_interaction(conn, s, i)?;
    }
    for p in org.placements() {
        upsert_placement(conn, s, p)?;
    }
    for b in org.budgets() {
        upsert_budget(conn, s, b)?;
    }
    for c in org.dated_changes() {
        upsert_dated(conn, s, c)?;
    }
    if let Some(p) = org.stored_plan_settings() {
        upsert_plan_settings(conn, s, p)?;
    }
    Ok(())
}

/// Runs one statement for every item, prepared once.
fn each<'a, T: 'a>(
    conn: &Connection,
    sql: &str,
    items: impl Iterator<Item = &'a T>,
    mut f: impl FnMut(&mut rusqlite::CachedStatement<'_>, &T) -> rusqlite::Result<usize>,
) -> Result<()> {
    let mut st = conn.prepare_cached(sql).map_err(sql_error)?;
    for item in items {
        f(&mut st, item).map_err(sql_error)?;
    }
    Ok(())
}

fn run(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<()> {
    conn.prepare_cached(sql)
        .and_then(|mut st| st.execute(params))
        .map(|_| ())
        .map_err(sql_error)
}

const PERSON_SQL: &str = "INSERT INTO person (scenario_id, id, name, title, discipline, level, location, email, \
     employee_id, employment, status, start_date, cost_amount, cost_currency, custom, manager_id, \
     end_date, target_start, hiring_stage) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) \
     ON CONFLICT (scenario_id, id) DO UPDATE SET name = excluded.name, title = excluded.title, \
     discipline = excluded.discipline, level = excluded.level, location = excluded.location, \
     email = excluded.email, employee_id = excluded.employee_id, employment = excluded.employment, \
     status = excluded.status, start_date = excluded.start_date, cost_amount = excluded.cost_amount, \
     cost_currency = excluded.cost_currency, custom = excluded.custom, manager_id = excluded.manager_id, \
     end_date = excluded.end_date, target_start = excluded.target_start, \
     hiring_stage = excluded.hiring_stage";

/// Calls `f` with a person's row parameters (custom fields as JSON, "{}" without allocating).
fn person_params<R>(
    s: ScenarioId,
    p: &Person,
    f: impl FnOnce(&[&dyn rusqlite::ToSql]) -> rusqlite::Result<R>,
) -> rusqlite::Result<R> {
    let json;
    let custom: &str = if p.custom.is_empty() {
        "{}"
    } else {
        json = serde_json::to_string(&p.custom)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        &json
    };
    f(params![
        s.0,
        p.id.0,
        p.name,
        p.title,
        p.discipline.as_str(),
        p.level,
        p.location,
        p.email,
        p.employee_id,
        p.employment.as_str(),
        p.status.as_str(),
        p.start_date,
        p.cost.as_ref().map(|c| c.amount),
        p.cost.as_ref().map(|c| c.currency.as_str()),
        custom,
        p.manager.map(|m| m.0),
        p.end_date,
        p.target_start,
        p.hiring_stage.map(|h| h.as_str()),
    ])
}

fn upsert_person(conn: &Connection, s: ScenarioId, p: &Person) -> Result<()> {
    let mut st = conn.prepare_cached(PERSON_SQL).map_err(sql_error)?;
    person_params(s, p, |params| st.execute(params))
        .map(|_| ())
        .map_err(sql_error)
}

/// A person's row parameters as owned values, so two versions of a person can be compared.
fn person_values(s: ScenarioId, p: &Person) -> rusqlite::Result<Vec<Value>> {
    person_params(s, p, |params| {
        params
            .iter()
            .map(|v| match v.to_sql()? {
                ToSqlOutput::Borrowed(r) => Value::try_from(r)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into())),
                ToSqlOutput::Owned(v) => Ok(v),
                _ => Err(rusqlite::Error::InvalidQuery),
            })
            .collect()
    })
}

/// Writes only the columns that differ. A bulk set-manager then rewrites the manager index
/// alone, where the upsert tries an insert, probes every index and rewrites them all. A row
/// that is not there (it always should be) falls back to the upsert, so nothing is lost.
fn update_person(conn: &Connection, s: ScenarioId, before: &Person, after: &Person) -> Result<()> {
    if before.id != after.id {
        return upsert_person(conn, s, after);
    }
    let old = person_values(s, before).map_err(sql_error)?;
    let new = person_values(s, after).map_err(sql_error)?;
    let changed: Vec<usize> = (2..new.len()).filter(|&i| old[i] != new[i]).collect();
    if changed.is_empty() {
        return Ok(());
    }
    // `PERSON_COLUMNS` lists the row parameters after `scenario_id`, in the same order.
    let columns: Vec<&str> = PERSON_COLUMNS.split(", ").collect();
    let set: Vec<String> = changed
        .iter()
        .enumerate()
        .map(|(k, &i)| format!("{} = ?{}", columns[i - 1], k + 3))
        .collect();
    let sql = format!(
        "UPDATE person SET {} WHERE scenario_id = ?1 AND id = ?2",
        set.join(", ")
    );
    let mut params: Vec<&dyn rusqlite::ToSql> = vec![&new[0], &new[1]];
    params.extend(changed.iter().map(|&i| &new[i] as &dyn rusqlite::ToSql));
    let updated = conn
        .prepare_cached(&sql)
        .and_then(|mut st| st.execute(params.as_slice()))
        .map_err(sql_error)?;
    if updated == 1 {
        Ok(())
    } else {
        upsert_person(conn, s, after)
    }
}

const DOTTED_SQL: &str =
    "INSERT OR IGNORE INTO dotted_line (scenario_id, person_id, manager_id) VALUES (?1, ?2, ?3)";

fn upsert_dotted(conn: &Connection, s: ScenarioId, d: &DottedLine) -> Result<()> {
    run(conn, DOTTED_SQL, params![s.0, d.person.0, d.manager.0])
}

fn upsert_unit(conn: &Connection, s: ScenarioId, u: &Unit) -> Result<()> {
    run(
        conn,
        "INSERT INTO unit (scenario_id, id, name, mission, kind, parent_id, lead_id, colour, target_size) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (scenario_id, id) DO UPDATE SET name = excluded.name, mission = excluded.mission, \
         kind = excluded.kind, parent_id = excluded.parent_id, lead_id = excluded.lead_id, \
         colour = excluded.colour, target_size = excluded.target_size",
        params![
            s.0,
            u.id.0,
            u.name,
            u.mission,
            u.kind.as_str(),
            u.parent.map(|p| p.0),
            u.lead.map(|l| l.0),
            u.colour,
            u.target_size,
        ],
    )
}

const MEMBERSHIP_SQL: &str =
    "INSERT INTO membership (scenario_id, person_id, unit_id, allocation, role) \
     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (scenario_id, person_id, unit_id) \
     DO UPDATE SET allocation = excluded.allocation, role = excluded.role";

fn upsert_membership(conn: &Connection, s: ScenarioId, m: &Membership) -> Result<()> {
    run(
        conn,
        MEMBERSHIP_SQL,
        params![s.0, m.person.0, m.unit.0, m.allocation, m.role.as_str()],
    )
}

fn upsert_area(conn: &Connection, s: ScenarioId, a: &Area) -> Result<()> {
    run(
        conn,
        "INSERT INTO area (scenario_id, id, name, description, parent_id, complexity, user_facing, owner_unit_id, position, \
         stance, target_share, outcome) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
         ON CONFLICT (scenario_id, id) DO UPDATE SET name = excluded.name, \
         description = excluded.description, parent_id = excluded.parent_id, \
         complexity = excluded.complexity, user_facing = excluded.user_facing, \
         owner_unit_id = excluded.owner_unit_id, position = excluded.position, \
         stance = excluded.stance, target_share = excluded.target_share, outcome = excluded.outcome",
        params![
            s.0,
            a.id.0,
            a.name,
            a.description,
            a.parent.map(|p| p.0),
            a.complexity.as_str(),
            a.user_facing,
            a.owner.map(|o| o.0),
            a.position,
            a.stance.map(|s| s.as_str()),
            a.target_share,
            a.outcome,
        ],
    )
}

fn upsert_contributor(conn: &Connection, s: ScenarioId, c: &Contributor) -> Result<()> {
    run(
        conn,
        "INSERT OR IGNORE INTO contributor (scenario_id, area_id, unit_id) VALUES (?1, ?2, ?3)",
        params![s.0, c.area.0, c.unit.0],
    )
}

fn upsert_interaction(conn: &Connection, s: ScenarioId, i: &Interaction) -> Result<()> {
    run(
        conn,
        "INSERT INTO interaction (scenario_id, id, from_unit_id, to_unit_id, mode, note, start_date, expected_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
         ON CONFLICT (scenario_id, id) DO UPDATE SET from_unit_id = excluded.from_unit_id, \
         to_unit_id = excluded.to_unit_id, mode = excluded.mode, note = excluded.note, \
         start_date = excluded.start_date, expected_end = excluded.expected_end",
        params![
            s.0,
            i.id.0,
            i.from.0,
            i.to.0,
            i.mode.as_str(),
            i.note,
            i.start,
            i.expected_end,
        ],
    )
}

fn upsert_placement(conn: &Connection, s: ScenarioId, p: &Placement) -> Result<()> {
    run(
        conn,
        "INSERT INTO placement (scenario_id, unit_id, x, y, w, h) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (scenario_id, unit_id) DO UPDATE SET x = excluded.x, y = excluded.y, \
         w = excluded.w, h = excluded.h",
        params![s.0, p.unit.0, p.x, p.y, p.w, p.h],
    )
}

fn upsert_budget(conn: &Connection, s: ScenarioId, b: &Budget) -> Result<()> {
    run(
        conn,
        "INSERT INTO budget (scenario_id, unit_id, period, headcount, amount, amount_currency) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
         ON CONFLICT (scenario_id, unit_id, period) DO UPDATE SET headcount = excluded.headcount, \
         amount = excluded.amount, amount_currency = excluded.amount_currency",
        params![
            s.0,
            b.unit.0,
            b.period,
            b.headcount,
            b.amount.as_ref().map(|a| a.amount),
            b.amount.as_ref().map(|a| a.currency.as_str()),
        ],
    )
}

fn upsert_dated(conn: &Connection, s: ScenarioId, c: &DatedChange) -> Result<()> {
    let json = serde_json::to_string(&c.change).expect("a dated change always serialises");
    run(
        conn,
        "INSERT INTO dated_change (scenario_id, id, date, change) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (scenario_id, id) DO UPDATE SET date = excluded.date, change = excluded.change",
        params![s.0, c.id, c.date, json],
    )
}

fn upsert_plan_settings(conn: &Connection, s: ScenarioId, p: &PlanSettings) -> Result<()> {
    let rates = serde_json::to_string(&p.rates).expect("rates always serialise");
    run(
        conn,
        "INSERT INTO plan_settings (scenario_id, reporting_currency, rates) VALUES (?1, ?2, ?3) \
         ON CONFLICT (scenario_id) DO UPDATE SET reporting_currency = excluded.reporting_currency, \
         rates = excluded.rates",
        params![s.0, p.reporting_currency, rates],
    )
}

/// Writes one change of a scenario's records (scenario rows are the document's business).
pub fn write_change(conn: &Connection, s: ScenarioId, change: &Change) -> Result<()> {
    macro_rules! write {
        ($d:expr, $upsert:ident, $delete_sql:literal, |$x:ident| $key:expr) => {
            match (&$d.before, &$d.after) {
                (_, Some(after)) => $upsert(conn, s, after),
                (Some($x), None) => run(conn, $delete_sql, $key),
                (None, None) => Ok(()),
            }
        };
    }
    match change {
        Change::Person(d) if d.before.is_some() && d.after.is_some() => update_person(
            conn,
            s,
            d.before.as_ref().unwrap(),
            d.after.as_ref().unwrap(),
        ),
        Change::Person(d) => write!(
            d,
            upsert_person,
            "DELETE FROM person WHERE scenario_id = ?1 AND id = ?2",
            |p| params![s.0, p.id.0]
        ),
        Change::DottedLine(d) => write!(
            d,
            upsert_dotted,
            "DELETE FROM dotted_line WHERE scenario_id = ?1 AND person_id = ?2 AND manager_id = ?3",
            |x| params![s.0, x.person.0, x.manager.0]
        ),
        Change::Unit(d) => write!(
            d,
            upsert_unit,
            "DELETE FROM unit WHERE scenario_id = ?1 AND id = ?2",
            |u| params![s.0, u.id.0]
        ),
        Change::Membership(d) => write!(
            d,
            upsert_membership,
            "DELETE FROM membership WHERE scenario_id = ?1 AND person_id = ?2 AND unit_id = ?3",
            |m| params![s.0, m.person.0, m.unit.0]
        ),
        Change::Area(d) => write!(
            d,
            upsert_area,
            "DELETE FROM area WHERE scenario_id = ?1 AND id = ?2",
            |a| params![s.0, a.id.0]
        ),
        Change::Contributor(d) => write!(
            d,
            upsert_contributor,
            "DELETE FROM contributor WHERE scenario_id = ?1 AND area_id = ?2 AND unit_id = ?3",
            |c| params![s.0, c.area.0, c.unit.0]
        ),
        Change::Interaction(d) => write!(
            d,
            upsert_interaction,
            "DELETE FROM interaction WHERE scenario_id = ?1 AND id = ?2",
            |i| params![s.0, i.id.0]
        ),
        Change::Placement(d) => write!(
            d,
            upsert_placement,
            "DELETE FROM placement WHERE scenario_id = ?1 AND unit_id = ?2",
            |p| params![s.0, p.unit.0]
        ),
        Change::Budget(d) => write!(
            d,
            upsert_budget,
            "DELETE FROM budget WHERE scenario_id = ?1 AND unit_id = ?2 AND period = ?3",
            |b| params![s.0, b.unit.0, b.period]
        ),
        Change::DatedChange(d) => write!(
            d,
            upsert_dated,
            "DELETE FROM dated_change WHERE scenario_id = ?1 AND id = ?2",
            |c| params![s.0, c.id]
        ),
        Change::PlanSettings(d) => match &d.after {
            Some(p) => upsert_plan_settings(conn, s, p),
            None => run(
                conn,
                "DELETE FROM plan_settings WHERE scenario_id = ?1",
                params![s.0],
            ),
        },
        Change::Scenario { .. }
        | Change::CheckSettings(_)
        | Change::SheetViews(_)
        | Change::Fields(_) => Ok(()),
    }
}

/// Copies every record of one scenario into another (same ids: identity is kept).
pub fn copy_scenario(conn: &Connection, from: ScenarioId, to: ScenarioId) -> Result<()> {
    for (table, cols) in [
        ("person", "id, name, title, discipline, level, location, email, employee_id, employment, status, start_date, cost_amount, cost_currency, custom, manager_id, end_date, target_start, hiring_stage"),
        ("budget", "unit_id, period, headcount, amount, amount_currency"),
        ("dated_change", "id, date, change"),
        ("plan_settings", "reporting_currency, rates"),
        ("dotted_line", "person_id, manager_id"),
        ("unit", "id, name, mission, kind, parent_id, lead_id, colour, target_size"),
        ("membership", "person_id, unit_id, allocation, role"),
        ("area", "id, name, description, parent_id, complexity, user_facing, owner_unit_id, position, stance, target_share, outcome"),
        ("contributor", "area_id, unit_id"),
        ("interaction", "id, from_unit_id, to_unit_id, mode, note, start_date, expected_end"),
        ("placement", "unit_id, x, y, w, h"),
        ("collapsed", "view, node_id"),
    ] {
        conn.execute(
            &format!("INSERT INTO {table} (scenario_id, {cols}) SELECT ?2, {cols} FROM {table} WHERE scenario_id = ?1"),
            params![from.0, to.0],
        )
        .map_err(sql_error)?;
    }
    Ok(())
}

pub fn scenario_from(r: &Row) -> rusqlite::Result<Scenario> {
    Ok(Scenario {
        id: ScenarioId(id(r.get(0)?)?),
        name: r.get(1)?,
        position: id(r.get(2)?)?,
        archived: r.get(3)?,
    })
}

/// The visible scenarios in bar order.
pub fn scenarios(conn: &Connection) -> Result<Vec<Scenario>> {
    let mut st = conn
        .prepare_cached(
            "SELECT id, name, position, archived FROM scenario WHERE hidden = 0 ORDER BY position, id",
        )
        .map_err(sql_error)?;
    let rows = st.query_map([], scenario_from).map_err(sql_error)?;
    rows.collect::<rusqlite::Result<Vec<_>>>()
        .map_err(sql_error)
}

/// Whether a scenario row exists as a tombstone.
pub fn is_hidden(conn: &Connection, id: ScenarioId) -> Result<Option<bool>> {
    conn.query_row("SELECT hidden FROM scenario WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })
    .optional()
    .map_err(sql_error)
}

/// Writes a scenario row change: deletion leaves a tombstone so undo can bring it back whole.
pub fn write_scenario(
    conn: &Connection,
    before: &Option<Scenario>,
    after: &Option<Scenario>,
    fork_from: Option<ScenarioId>,
) -> Result<()> {
    match (before, after) {
        (None, Some(s)) => match is_hidden(conn, s.id)? {
            Some(_) => run(
                conn,
                "UPDATE scenario SET hidden = 0, name = ?2, position = ?3, archived = ?4 WHERE id = ?1",
                params![s.id.0, s.name, s.position, s.archived],
            ),
            None => {
                run(
                    conn,
                    "INSERT INTO scenario (id, name, position, archived) VALUES (?1, ?2, ?3, ?4)",
                    params![s.id.0, s.name, s.position, s.archived],
                )?;
                match fork_from {
                    Some(from) => copy_scenario(conn, from, s.id),
                    None => Ok(()),
                }
            }
        },
        (Some(_), Some(s)) => run(
            conn,
            "UPDATE scenario SET name = ?2, position = ?3, archived = ?4 WHERE id = ?1",
            params![s.id.0, s.name, s.position, s.archived],
        ),
        (Some(s), None) => run(conn, "UPDATE scenario SET hidden = 1 WHERE id = ?1", params![s.id.0]),
        (None, None) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(org: &Org) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::schema::migrate(&mut conn, 0).unwrap();
        conn.execute(
            "INSERT INTO scenario (id, name, position) VALUES (1, 'Current', 0)",
            [],
        )
        .unwrap();
        insert_all(&conn, ScenarioId(1), org).unwrap();
        conn
    }

    fn edit(conn: &Connection, before: &Person, after: &Person) {
        let change = Change::Person(topograph_model::Delta {
            before: Some(before.clone()),
            after: Some(after.clone()),
        });
        write_change(conn, ScenarioId(1), &change).unwrap();
    }

    #[test]
    fn an_edited_person_reads_back_exactly_as_edited() {
        let org = topograph_sample::generate(40, 3);
        let conn = file_with(&org);
        let people: Vec<&Person> = org.persons().collect();
        let before = people[5].clone();
        let mut after = before.clone();
        after.manager = Some(people[1].id);
        after.title = "Staff Engineer".into();
        after.custom.insert("Desk".into(), "4.12".into());
        after.end_date = Some("2027-06-30".into());
        edit(&conn, &before, &after);
        let reread = load(&conn, ScenarioId(1)).unwrap();
        assert_eq!(reread.person(after.id), Some(&after));
        // Nobody else changed.
        for p in org.persons().filter(|p| p.id != after.id) {
            assert_eq!(reread.person(p.id), Some(p));
        }
    }

    #[test]
    fn an_edit_of_a_person_whose_row_is_missing_writes_the_whole_person() {
        let org = topograph_sample::generate(40, 3);
        let conn = file_with(&org);
        let before = org.persons().nth(7).unwrap().clone();
        // A damaged file: the row is gone though others still point at it.
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn.execute(
            "DELETE FROM person WHERE scenario_id = 1 AND id = ?1",
            [before.id.0],
        )
        .unwrap();
        let mut after = before.clone();
        after.title = "Principal Designer".into();
        edit(&conn, &before, &after);
        let reread = load(&conn, ScenarioId(1)).unwrap();
        assert_eq!(reread.person(after.id), Some(&after));
    }
}
