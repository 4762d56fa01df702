//! Checks of the product direction against actual effort: drift from targets, invest areas
//! without a team's worth of people, sunset areas still taking effort, contributor sprawl, and
//! targets that add up to more than all the effort there is.

use super::{num, plural, Report, Run};
use crate::catalogue::{
    CONTRIBUTOR_SPRAWL, INVESTMENT_DRIFT, INVEST_UNDERSTAFFED, SUNSET_EFFORT, TARGETS_OVERCOMMITTED,
};
use crate::finding::EntityKind;
use topograph_model::{actual_effort, Area, Stance};

pub(super) fn check(run: &mut Run) {
    let wanted = [
        INVESTMENT_DRIFT,
        INVEST_UNDERSTAFFED,
        SUNSET_EFFORT,
        CONTRIBUTOR_SPRAWL,
    ];
    if wanted.iter().any(|c| run.on(c)) {
        effort_checks(run);
    }
    targets_over_100(run);
}

/// A share as people read it: one decimal at most.
fn pct(v: f64) -> String {
    num((v * 10.0).round() / 10.0)
}

fn report(run: &mut Run, check: &'static str, a: &Area, message: String, value: f64, t: String) {
    let r = Report {
        kind: EntityKind::Area,
        id: a.id.0,
        name: a.name.clone(),
        message,
        value,
        threshold: t,
    };
    run.report(check, r);
}

fn effort_checks(run: &mut Run) {
    let org = run.org;
    let effort = actual_effort(org);
    let points = run.settings.get(INVESTMENT_DRIFT, "points");
    let min_fte = run.settings.get(INVEST_UNDERSTAFFED, "min-fte");
    let sunset_max = run.settings.get(SUNSET_EFFORT, "max");
    let sprawl = run.settings.get(CONTRIBUTOR_SPRAWL, "max");
    for e in &effort.areas {
        let Some(a) = org.area(e.area) else { continue };
        if let Some(target) = a.target_share {
            let gap = e.share - target;
            if run.on(INVESTMENT_DRIFT) && gap.abs() > points + 1e-9 {
                let msg = format!(
                    "takes {}% of the effort against a target of {}% ({} by {} points)",
                    pct(e.share),
                    pct(target),
                    if gap > 0.0 { "over" } else { "under" },
                    pct(gap.abs())
                );
                let t = format!("{}% ± {}", pct(target), num(points));
                report(run, INVESTMENT_DRIFT, a, msg, e.share, t);
            }
        }
        if a.stance == Some(Stance::Invest)
            && run.on(INVEST_UNDERSTAFFED)
            && e.total + 1e-9 < min_fte
        {
            let planned = if e.total_planned > 1e-9 {
                format!(" (plus {} planned)", pct(e.total_planned))
            } else {
                String::new()
            };
            let msg = format!(
                "is an invest area, but only {} FTE work on it{planned}",
                pct(e.total)
            );
            let t = format!(">= {} FTE", num(min_fte));
            report(run, INVEST_UNDERSTAFFED, a, msg, e.total, t);
        }
        if a.stance == Some(Stance::Sunset) && run.on(SUNSET_EFFORT) && e.share > sunset_max + 1e-9
        {
            let msg = format!(
                "is being wound down but still takes {}% of the effort ({} FTE)",
                pct(e.share),
                pct(e.total)
            );
            let t = format!("<= {}%", num(sunset_max));
            report(run, SUNSET_EFFORT, a, msg, e.share, t);
        }
        let n = f64::from(e.contributing_units);
        if run.on(CONTRIBUTOR_SPRAWL) && n > sprawl + 1e-9 {
            let msg = format!(
                "has {} besides its owner",
                plural(n, "contributing team", "contributing teams")
            );
            let t = format!("<= {}", num(sprawl));
            report(run, CONTRIBUTOR_SPRAWL, a, msg, n, t);
        }
    }
}

/// A target on a parent covers its children, so only the outermost targets add up; the total is
/// reported, never refused, so a leader can draft targets before choosing between them.
fn targets_over_100(run: &mut Run) {
    if !run.on(TARGETS_OVERCOMMITTED) {
        return;
    }
    let org = run.org;
    let max = run.settings.get(TARGETS_OVERCOMMITTED, "max");
    let outermost = org.areas().filter(|a| {
        if a.target_share.is_none() {
            return false;
        }
        let mut cur = a.parent;
        let mut steps = 0;
        while let Some(p) = cur.and_then(|p| org.area(p)) {
            if p.target_share.is_some() {
                return false;
            }
            cur = p.parent;
            steps += 1;
            if steps > org.areas().len() {
                break;
            }
        }
        true
    });
    let (mut sum, mut count) = (0.0, 0);
    for a in outermost {
        sum += a.target_share.unwrap_or(0.0);
        count += 1;
    }
    if sum > max + 1e-9 {
        let r = Report {
            kind: EntityKind::Org,
            id: 0,
            name: "Product direction".into(),
            message: format!(
                "the target shares of {} add up to {}%",
                plural(f64::from(count), "area", "areas"),
                pct(sum)
            ),
            value: sum,
            threshold: format!("<= {}%", num(max)),
        };
        run.report(TARGETS_OVERCOMMITTED, r);
    }
}
