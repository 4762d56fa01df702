//! Checks of team interactions: temporary modes past their end, stream-aligned teams run as a service.

use super::{num, Report, Run};
use crate::catalogue::{INTERACTION_OVERDUE, STREAM_ALIGNED_AS_A_SERVICE};
use crate::finding::EntityKind;
use crate::Date;
use topograph_model::{Interaction, InteractionMode, UnitKind};

pub(super) fn check(run: &mut Run) {
    let org = run.org;
    for i in org.interactions() {
        overdue(run, i);
        stream_aligned_service(run, i);
    }
}

fn name(run: &Run, i: &Interaction) -> String {
    let unit = |id| run.org.unit(id).map(|u| u.name.as_str()).unwrap_or("?");
    format!("{} / {}", unit(i.from), unit(i.to))
}

/// Ends at its expected end, or `months` after its start when it has none.
fn overdue(run: &mut Run, i: &Interaction) {
    if !run.on(INTERACTION_OVERDUE) || i.mode == InteractionMode::XAsAService {
        return;
    }
    let months = run.settings.get(INTERACTION_OVERDUE, "months");
    let start = i.start.as_deref().and_then(Date::parse);
    let (end, threshold) = match (i.expected_end.as_deref().and_then(Date::parse), start) {
        (Some(end), _) => (end, format!("expected end {end}")),
        (None, Some(start)) => (
            start.add_months(months as u32),
            format!("{} months", num(months)),
        ),
        (None, None) => return,
    };
    if run.today <= end {
        return;
    }
    let days = end.days_until(run.today);
    let message = format!(
        "{} past its end ({end}) by {days} days; settle it as x-as-a-service or end it",
        i.mode
    );
    let r = Report {
        kind: EntityKind::Interaction,
        id: i.id.0,
        name: name(run, i),
        message,
        value: days as f64,
        threshold,
    };
    run.report(INTERACTION_OVERDUE, r);
}

fn stream_aligned_service(run: &mut Run, i: &Interaction) {
    if !run.on(STREAM_ALIGNED_AS_A_SERVICE) || i.mode != InteractionMode::XAsAService {
        return;
    }
    let Some(provider) = run.org.unit(i.from) else {
        return;
    };
    if provider.kind != UnitKind::StreamAligned {
        return;
    }
    let message = format!(
        "{} is stream-aligned but provides x-as-a-service to {}",
        provider.name,
        run.org.unit(i.to).map(|u| u.name.as_str()).unwrap_or("?")
    );
    let r = Report {
        kind: EntityKind::Interaction,
        id: i.id.0,
        name: name(run, i),
        message,
        value: 1.0,
        threshold: "platform or complicated-subsystem provider".into(),
    };
    run.report(STREAM_ALIGNED_AS_A_SERVICE, r);
}
