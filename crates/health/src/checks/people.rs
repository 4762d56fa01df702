//! Checks of people and reporting lines: span of control, layers, single-report chains, allocation.

use super::{is_filled, num, plural, range, Report, Run};
use crate::catalogue::{
    LAYERS, OVER_ALLOCATION, SINGLE_REPORT_CHAIN, SPAN_ICS, SPAN_MANAGERS, SPLIT_ALLOCATION,
};
use crate::finding::EntityKind;
use topograph_model::{PersonId, UnitKind};

pub(super) fn check(run: &mut Run) {
    span(run);
    layers(run);
    single_report_chains(run);
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

/// A manager of managers has at least one report who manages someone; everyone else with
/// reports manages individual contributors.
fn span(run: &mut Run) {
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
        let n = org.report_count(p.id);
        if n == 0 {
            continue;
        }
        let of_managers = org.reports(p.id).any(|r| org.report_count(r) > 0);
        let (check, (min, max), who) = if of_managers {
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

/// Depth from the top, the top being layer 1; walked breadth-first from every root so each
/// person is visited once.
fn layers(run: &mut Run) {
    if !run.on(LAYERS) {
        return;
    }
    let max = run.settings.get(LAYERS, "max");
    let org = run.org;
    let mut frontier: Vec<PersonId> = org.roots().map(|p| p.id).collect();
    let mut depth = 1.0;
    let mut too_deep = Vec::new();
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for id in frontier {
            if depth > max {
                too_deep.push((id, depth));
            }
            next.extend(org.reports(id));
        }
        frontier = next;
        depth += 1.0;
    }
    too_deep.sort_by_key(|(id, _)| *id);
    for (id, d) in too_deep {
        let message = format!(
            "layer {} from the top; keep the org within {} layers",
            num(d),
            num(max)
        );
        let r = person_report(run, id, message, d, format!("<= {}", num(max)));
        run.report(LAYERS, r);
    }
}

/// A chain starts at a manager with one report who is not the one report of a single-report
/// manager above, and runs down while each person has exactly one report.
fn single_report_chains(run: &mut Run) {
    if !run.on(SINGLE_REPORT_CHAIN) {
        return;
    }
    let min = run.settings.get(SINGLE_REPORT_CHAIN, "min-length");
    let org = run.org;
    let single = |id: PersonId| org.report_count(id) == 1;
    for p in org.persons() {
        if !single(p.id) || p.manager.is_some_and(single) {
            continue;
        }
        let mut names = vec![p.display_name().to_string()];
        let mut cur = p.id;
        while single(cur) {
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
    let _ = is_filled;
}
