//! Checks of people and reporting lines: span of control, layers, single-report chains, allocation.

use super::{num, plural, range, Report, Run};
use crate::catalogue::{
    LAYERS, OVER_ALLOCATION, SINGLE_REPORT_CHAIN, SPAN_ICS, SPAN_MANAGERS, SPLIT_ALLOCATION,
};
use crate::finding::EntityKind;
use topograph_model::{IdIndex, PersonId, UnitKind};

pub(super) fn check(run: &mut Run) {
    let people = People::of(run.org);
    span(run, &people);
    layers(run, &people);
    single_report_chains(run, &people);
    allocation(run);
}

fn person_report(
    run: &Run,
    id: PersonId,
    message: String,
    value: f64,
    threshold: String,
) -> Report {
    let name = run
        .org
        .person(id)
        .map(|p| p.display_name().to_string())
        .unwrap_or_default();
    Report {
        kind: EntityKind::Person,
        id: id.0,
        name,
        message,
        value,
        threshold,
    }
}

/// Report counts by record position: a full pass must stay within a frame at 10k people, and
/// map lookups per person were most of its time. Positions, not ids, size the vectors: a file
/// may hold ids near `u32::MAX`, or a manager id that names nobody.
struct People {
    index: IdIndex,
    reports: Vec<u32>,
    manages_managers: Vec<bool>,
}

impl People {
    fn of(org: &topograph_model::Org) -> People {
        let index = IdIndex::new(org.persons().map(|p| p.id.0));
        let size = org.persons().len();
        let mut reports = vec![0u32; size];
        for p in org.persons() {
            if let Some(m) = p.manager.and_then(|m| index.get(m.0)) {
                reports[m] += 1;
            }
        }
        let mut manages_managers = vec![false; size];
        for (i, p) in org.persons().enumerate() {
            if let (Some(m), true) = (p.manager.and_then(|m| index.get(m.0)), reports[i] > 0) {
                manages_managers[m] = true;
            }
        }
        People {
            index,
            reports,
            manages_managers,
        }
    }

    fn reports(&self, id: PersonId) -> u32 {
        self.index.get(id.0).map_or(0, |i| self.reports[i])
    }

    fn manages_managers(&self, id: PersonId) -> bool {
        self.index
            .get(id.0)
            .is_some_and(|i| self.manages_managers[i])
    }
}

/// A manager of managers has at least one report who manages someone; everyone else with
/// reports manages individual contributors.
fn span(run: &mut Run, people: &People) {
    let (ics_on, managers_on) = (run.on(SPAN_ICS), run.on(SPAN_MANAGERS));
    if !ics_on && !managers_on {
        return;
    }
    let ics = (
        run.settings.get(SPAN_ICS, "min"),
        run.settings.get(SPAN_ICS, "max"),
    );
    let mgrs = (
        run.settings.get(SPAN_MANAGERS, "min"),
        run.settings.get(SPAN_MANAGERS, "max"),
    );
    let org = run.org;
    for p in org.persons() {
        let n = people.reports(p.id);
        if n == 0 {
            continue;
        }
        let (check, (min, max), who) = if people.manages_managers(p.id) {
            (SPAN_MANAGERS, mgrs, "managers of managers")
        } else {
            (SPAN_ICS, ics, "managers of individual contributors")
        };
        if !run.on(check) {
            continue;
        }
        let n = n as f64;
        let message = if n < min {
            format!(
                "{} direct {}; {who} should have at least {}",
                num(n),
                if n == 1.0 { "report" } else { "reports" },
                num(min)
            )
        } else if n > max {
            format!(
                "{} direct reports; {who} should have at most {}",
                num(n),
                num(max)
            )
        } else {
            continue;
        };
        let r = person_report(run, p.id, message, n, range(min, max));
        run.report(check, r);
    }
}

/// One finding per manager at the deepest allowed layer who has people below it, rather than
/// one per person too deep: the fix (a layer removed) is that manager's line. Walked
/// breadth-first from every root so each person is visited once.
fn layers(run: &mut Run, people: &People) {
    if !run.on(LAYERS) {
        return;
    }
    let max = run.settings.get(LAYERS, "max");
    let org = run.org;
    let mut frontier: Vec<(PersonId, Option<usize>)> = org.roots().map(|p| (p.id, None)).collect();
    let mut depth = 1.0;
    // (manager at the last allowed layer, people below it, deepest layer)
    let mut anchors: Vec<(PersonId, u32, f64)> = Vec::new();
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for (id, anchor) in frontier {
            if let Some(a) = anchor {
                anchors[a].1 += 1;
                anchors[a].2 = depth;
            }
            if people.reports(id) == 0 {
                continue;
            }
            let anchor = match anchor {
                None if depth >= max => {
                    anchors.push((id, 0, depth));
                    Some(anchors.len() - 1)
                }
                a => a,
            };
            next.extend(org.reports(id).map(|r| (r, anchor)));
        }
        frontier = next;
        depth += 1.0;
    }
    anchors.sort_by_key(|a| a.0);
    for (id, below, deepest) in anchors {
        let message = format!(
            "{} below layer {} in this line, down to layer {}; keep the org within {} layers",
            plural(below as f64, "person sits", "people sit"),
            num(max),
            num(deepest),
            num(max)
        );
        let r = person_report(run, id, message, deepest, format!("<= {}", num(max)));
        run.report(LAYERS, r);
    }
}

/// A chain starts at a manager with one report who is not the one report of a single-report
/// manager above, and runs down while each person has exactly one report.
fn single_report_chains(run: &mut Run, people: &People) {
    if !run.on(SINGLE_REPORT_CHAIN) {
        return;
    }
    let min = run.settings.get(SINGLE_REPORT_CHAIN, "min-length");
    let org = run.org;
    let single = |id: PersonId| people.reports(id) == 1;
    for p in org.persons() {
        if !single(p.id) || p.manager.is_some_and(single) {
            continue;
        }
        let mut names = vec![p.display_name().to_string()];
        let mut cur = p.id;
        // A reporting loop in a hostile file must not walk for ever: no chain is longer than
        // the org.
        while single(cur) && names.len() <= org.persons().len() {
            cur = org.reports(cur).next().expect("one report");
            if single(cur) {
                names.push(
                    org.person(cur)
                        .map(|q| q.display_name().to_string())
                        .unwrap_or_default(),
                );
            }
        }
        let len = names.len() as f64;
        if len >= min {
            let message = format!(
                "a chain of {} managers with one report each: {}",
                num(len),
                names.join(" -> ")
            );
            let r = person_report(run, p.id, message, len, format!("< {}", num(min)));
            run.report(SINGLE_REPORT_CHAIN, r);
        }
    }
}

/// Totals over 100% and seats on more than two teams, from memberships grouped by person
/// (they are sorted by person, then unit).
fn allocation(run: &mut Run) {
    let (over_on, split_on) = (run.on(OVER_ALLOCATION), run.on(SPLIT_ALLOCATION));
    if !over_on && !split_on {
        return;
    }
    let max_total = run.settings.get(OVER_ALLOCATION, "max");
    let max_teams = run.settings.get(SPLIT_ALLOCATION, "max-teams");
    let org = run.org;
    let mut totals: Vec<(PersonId, f64, f64)> = Vec::new();
    for m in org.memberships() {
        let is_team = org.unit(m.unit).is_some_and(|u| u.kind != UnitKind::Group);
        match totals.last_mut() {
            Some((p, total, teams)) if *p == m.person => {
                *total += m.allocation as f64;
                *teams += f64::from(u8::from(is_team));
            }
            _ => totals.push((m.person, m.allocation as f64, f64::from(u8::from(is_team)))),
        }
    }
    for (person, total, teams) in totals {
        if over_on && total > max_total {
            let message = format!(
                "allocated {}% in total across {}",
                num(total),
                plural(teams, "team", "teams")
            );
            let r = person_report(
                run,
                person,
                message,
                total,
                format!("<= {}%", num(max_total)),
            );
            run.report(OVER_ALLOCATION, r);
        }
        if split_on && teams > max_teams {
            let message = format!(
                "split across {}; at most {} keeps context switching bearable",
                plural(teams, "team", "teams"),
                num(max_teams)
            );
            let r = person_report(
                run,
                person,
                message,
                teams,
                format!("<= {}", num(max_teams)),
            );
            run.report(SPLIT_ALLOCATION, r);
        }
    }
}
