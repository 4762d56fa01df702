//! The diff as text for the terminal, CSV for spreadsheets, and Markdown (a communication checklist).

use std::fmt::Write;

use crate::changes::{Change, ChangeGroup, ChangeKind};
use crate::numbers::Number;
use crate::{Diff, EffortShift, OverTime};
use topograph_health::Finding;

/// The areas whose effort shifts noticeably, in area id order.
fn shifted(diff: &Diff) -> impl Iterator<Item = &EffortShift> {
    diff.effort.iter().filter(|e| e.is_noticeable())
}

/// "12.5% (4.5 FTE)".
fn share(pct: f64, fte: f64) -> String {
    format!("{}% ({} FTE)", figure(round1(pct)), figure(round1(fte)))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn points(d: f64) -> String {
    let d = round1(d);
    if d > 0.0 {
        format!("+{} pts", figure(d))
    } else {
        format!("{} pts", figure(d))
    }
}

fn target(e: &EffortShift) -> String {
    e.target_share
        .map(|t| format!("{}%", figure(round1(t))))
        .unwrap_or_default()
}

/// A figure as people read it: whole numbers without decimals, others with one.
fn figure(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn difference(n: &Number) -> String {
    if n.difference == 0.0 {
        "0".to_string()
    } else if n.difference > 0.0 {
        format!("+{}", figure(n.difference))
    } else {
        figure(n.difference)
    }
}

/// A whole amount with thousands separators: "1,250,000".
fn money(x: f64) -> String {
    let whole = x.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if whole < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// "+3", "-1", "0".
fn signed(d: f64, show: impl Fn(f64) -> String) -> String {
    if d > 0.0 {
        format!("+{}", show(d))
    } else if d < 0.0 {
        format!("-{}", show(-d))
    } else {
        "0".to_string()
    }
}

/// "12 (+3)": headcount with the open positions and planned hires beside it.
/// One period's row as the text and Markdown diffs show it: the period, headcount before, after
/// and the difference, then cost before, after and the difference.
fn period_cells(p: &crate::PeriodShift) -> [String; 7] {
    let (a, b) = (&p.before, &p.after);
    [
        p.period.to_string(),
        people(a.headcount, a.planned),
        people(b.headcount, b.planned),
        signed(f64::from(b.headcount) - f64::from(a.headcount), figure),
        money(a.total_cost()),
        money(b.total_cost()),
        signed(b.total_cost() - a.total_cost(), money),
    ]
}

fn people(headcount: u32, planned: u32) -> String {
    if planned == 0 {
        headcount.to_string()
    } else {
        format!("{headcount} (+{planned})")
    }
}

/// The line that says which costs are missing, when any are.
fn unconverted_note(o: &OverTime, from: &str, to: &str) -> Option<String> {
    (o.unconverted_before + o.unconverted_after > 0).then(|| {
        format!(
            "Costs of people paid in a currency without an exchange rate to {} are left out \
             ({from}: {}, {to}: {}).",
            o.reporting_currency, o.unconverted_before, o.unconverted_after
        )
    })
}

/// "warning · Checkout: has no designer".
fn finding_line(f: &Finding) -> String {
    format!("{} · {}: {}", f.severity, f.entity_name, f.message)
}

/// "from → to", or just the side that exists.
fn transition(c: &Change) -> String {
    match (&c.from, &c.to) {
        (Some(f), Some(t)) => format!("{f} → {t}"),
        (Some(f), None) => f.clone(),
        (None, Some(t)) => t.clone(),
        (None, None) => String::new(),
    }
}

/// The kinds that have changes, each with its changes, in list order.
fn sections(diff: &Diff) -> Vec<(ChangeKind, &[Change])> {
    let mut out = Vec::new();
    let mut rest = diff.changes.as_slice();
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|c| c.kind == first.kind).count();
        out.push((first.kind, &rest[..n]));
        rest = &rest[n..];
    }
    out
}

/// A plain-text report for the terminal.
pub fn to_text(diff: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} → {}", diff.from, diff.to);
    if diff.is_empty() {
        s.push_str("\nno changes\n");
    }
    let mut group: Option<ChangeGroup> = None;
    for (kind, changes) in sections(diff) {
        if group != Some(kind.group()) {
            group = Some(kind.group());
            let _ = writeln!(s, "\n{}", kind.group().title());
        }
        let _ = writeln!(s, "  {} ({})", kind.title(), changes.len());
        for c in changes {
            let t = transition(c);
            if t.is_empty() {
                let _ = writeln!(s, "    {}", c.subject.name);
            } else {
                let _ = writeln!(s, "    {}: {t}", c.subject.name);
            }
        }
    }
    let width = diff
        .numbers
        .iter()
        .map(|n| n.label.len())
        .max()
        .unwrap_or(0);
    let _ = writeln!(s, "\nNumbers ({} | {} | difference)", diff.from, diff.to);
    for n in &diff.numbers {
        let _ = writeln!(
            s,
            "  {:width$}  {:>12}  {:>12}  {:>10}",
            n.label,
            figure(n.before),
            figure(n.after),
            difference(n)
        );
    }
    if !diff.impact.is_empty() {
        s.push_str("\nPeople impact\n");
        for m in &diff.impact {
            let _ = writeln!(
                s,
                "  {} (+{} −{})",
                m.manager.name,
                m.joining.len(),
                m.leaving.len()
            );
            for j in &m.joining {
                let _ = writeln!(s, "    + {} ({})", j.person.name, j.via);
            }
            for l in &m.leaving {
                let _ = writeln!(s, "    − {} ({})", l.person.name, l.via);
            }
        }
    }
    if shifted(diff).next().is_some() {
        let _ = writeln!(
            s,
            "\nEffort per area ({} | {} | shift | target)",
            diff.from, diff.to
        );
        let width = shifted(diff).map(|e| e.name.len()).max().unwrap_or(0);
        for e in shifted(diff) {
            let _ = writeln!(
                s,
                "  {:width$}  {:>16}  {:>16}  {:>10}  {:>6}",
                e.name,
                share(e.before_share, e.before_fte),
                share(e.after_share, e.after_fte),
                points(e.share_difference),
                target(e)
            );
        }
    }
    if let Some(o) = &diff.over_time {
        let _ = writeln!(
            s,
            "\nHeadcount (+open/planned) and cost in {} per period ({} | {} | difference)",
            o.reporting_currency, diff.from, diff.to
        );
        for p in &o.periods {
            let [period, hb, ha, hd, cb, ca, cd] = period_cells(p);
            let _ = writeln!(
                s,
                "  {period:8}  {hb:>10}  {ha:>10}  {hd:>5}    {cb:>14}  {ca:>14}  {cd:>14}"
            );
        }
        if let Some(note) = unconverted_note(o, &diff.from, &diff.to) {
            let _ = writeln!(s, "  {note}");
        }
    }
    for (title, list) in [
        ("Findings that appear", &diff.findings.appear),
        ("Findings that disappear", &diff.findings.disappear),
    ] {
        if !list.is_empty() {
            let _ = writeln!(s, "\n{title} ({})", list.len());
            for f in list {
                let _ = writeln!(s, "  {}", finding_line(f));
            }
        }
    }
    s
}

/// A cell that begins like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a `'` in
/// front so a spreadsheet shows it as text (OWASP CSV injection guidance), as in
/// `topograph_formats::csv::guard`.
fn csv_cell(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The change list, one change a row: `group,kind,entity,id,name,from,to`.
pub fn to_csv(diff: &Diff) -> String {
    let mut s = String::from("group,kind,entity,id,name,from,to\n");
    for c in &diff.changes {
        let entity = match c.entity {
            crate::Entity::Person => "person",
            crate::Entity::Unit => "unit",
            crate::Entity::Area => "area",
            crate::Entity::Interaction => "interaction",
        };
        let group = match c.kind.group() {
            ChangeGroup::People => "people",
            ChangeGroup::Units => "units",
            ChangeGroup::Areas => "areas",
            ChangeGroup::Interactions => "interactions",
        };
        let cells = [
            group.to_string(),
            c.kind.as_str().to_string(),
            entity.to_string(),
            c.subject.id.to_string(),
            c.subject.name.clone(),
            c.from.clone().unwrap_or_default(),
            c.to.clone().unwrap_or_default(),
        ];
        let row: Vec<String> = cells.iter().map(|x| csv_cell(x)).collect();
        let _ = writeln!(s, "{}", row.join(","));
    }
    // The effort shift rides in the same columns, so existing readers of the file keep working.
    for e in shifted(diff) {
        let cells = [
            "effort".to_string(),
            "effort-shift".to_string(),
            "area".to_string(),
            e.area.0.to_string(),
            e.name.clone(),
            share(e.before_share, e.before_fte),
            share(e.after_share, e.after_fte),
        ];
        let row: Vec<String> = cells.iter().map(|x| csv_cell(x)).collect();
        let _ = writeln!(s, "{}", row.join(","));
    }
    // Per period, headcount and cost (with planned hires, in the reporting currency) as two
    // rows: `over-time,headcount|cost-CUR,period,,2027-Q1,before,after`.
    if let Some(o) = &diff.over_time {
        let cost_kind = format!("cost-{}", o.reporting_currency);
        for p in &o.periods {
            for (kind, before, after) in [
                (
                    "headcount",
                    f64::from(p.before.headcount),
                    f64::from(p.after.headcount),
                ),
                (
                    "open-and-planned",
                    f64::from(p.before.planned),
                    f64::from(p.after.planned),
                ),
                (
                    cost_kind.as_str(),
                    p.before.total_cost().round(),
                    p.after.total_cost().round(),
                ),
            ] {
                let cells = [
                    "over-time".to_string(),
                    kind.to_string(),
                    "period".to_string(),
                    String::new(),
                    p.period.clone(),
                    figure(before),
                    figure(after),
                ];
                let row: Vec<String> = cells.iter().map(|x| csv_cell(x)).collect();
                let _ = writeln!(s, "{}", row.join(","));
            }
        }
    }
    // A finding that appears has only a "to" side, one that disappears only a "from" side.
    for (kind, list, after) in [
        ("finding-appears", &diff.findings.appear, true),
        ("finding-disappears", &diff.findings.disappear, false),
    ] {
        for f in list {
            let text = format!("{}: {} ({})", f.check, f.message, f.severity);
            let (from, to) = if after {
                (String::new(), text)
            } else {
                (text, String::new())
            };
            let cells = [
                "health".to_string(),
                kind.to_string(),
                entity_kind(f.entity_kind).to_string(),
                f.entity_id.to_string(),
                f.entity_name.clone(),
                from,
                to,
            ];
            let row: Vec<String> = cells.iter().map(|x| csv_cell(x)).collect();
            let _ = writeln!(s, "{}", row.join(","));
        }
    }
    s
}

fn entity_kind(k: topograph_health::EntityKind) -> &'static str {
    use topograph_health::EntityKind as K;
    match k {
        K::Org => "org",
        K::Person => "person",
        K::Unit => "unit",
        K::Area => "area",
        K::Interaction => "interaction",
    }
}

/// Escapes what Markdown would otherwise read as table bars or emphasis, and puts a line break
/// or other control character as a space: a name must not start a new heading or list item.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_control() {
            out.push(' ');
            continue;
        }
        if matches!(ch, '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A communication checklist: one box to tick per change, the numbers, and who tells whom.
pub fn to_markdown(diff: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {} → {}\n", md(&diff.from), md(&diff.to));
    if diff.is_empty() {
        s.push_str("No changes.\n");
    }
    let mut group: Option<ChangeGroup> = None;
    for (kind, changes) in sections(diff) {
        if group != Some(kind.group()) {
            group = Some(kind.group());
            let _ = writeln!(s, "## {}\n", kind.group().title());
        }
        let _ = writeln!(s, "### {} ({})\n", kind.title(), changes.len());
        for c in changes {
            let t = transition(c);
            if t.is_empty() {
                let _ = writeln!(s, "- [ ] {}", md(&c.subject.name));
            } else {
                let _ = writeln!(s, "- [ ] {}: {}", md(&c.subject.name), md(&t));
            }
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Numbers\n");
    let _ = writeln!(
        s,
        "| | {} | {} | Difference |\n|---|---:|---:|---:|",
        md(&diff.from),
        md(&diff.to)
    );
    for n in &diff.numbers {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md(&n.label),
            figure(n.before),
            figure(n.after),
            difference(n)
        );
    }
    if !diff.impact.is_empty() {
        let _ = writeln!(s, "\n## People impact\n");
        for m in &diff.impact {
            let _ = writeln!(s, "### {}\n", md(&m.manager.name));
            for j in &m.joining {
                let _ = writeln!(s, "- [ ] joins: {} ({})", md(&j.person.name), md(&j.via));
            }
            for l in &m.leaving {
                let _ = writeln!(s, "- [ ] leaves: {} ({})", md(&l.person.name), md(&l.via));
            }
            s.push('\n');
        }
    }
    if shifted(diff).next().is_some() {
        let _ = writeln!(s, "\n## Effort per area\n");
        let _ = writeln!(
            s,
            "| Area | {} | {} | Shift | Target |\n|---|---:|---:|---:|---:|",
            md(&diff.from),
            md(&diff.to)
        );
        for e in shifted(diff) {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md(&e.name),
                share(e.before_share, e.before_fte),
                share(e.after_share, e.after_fte),
                points(e.share_difference),
                target(e)
            );
        }
    }
    if let Some(o) = &diff.over_time {
        let _ = writeln!(s, "\n## Headcount and cost per period\n");
        let _ = writeln!(
            s,
            "| Period | Headcount: {f} | Headcount: {t} | Difference | Cost ({c}): {f} | Cost ({c}): {t} | Difference |\n|---|---:|---:|---:|---:|---:|---:|",
            f = md(&diff.from),
            t = md(&diff.to),
            c = o.reporting_currency
        );
        for p in &o.periods {
            let _ = writeln!(s, "| {} |", period_cells(p).join(" | "));
        }
        let _ = writeln!(
            s,
            "\nHeadcount counts the people there at the end of each period, (+N) the open positions \
             and planned hires; cost includes the planned hires."
        );
        if let Some(note) = unconverted_note(o, &diff.from, &diff.to) {
            let _ = writeln!(s, "\n{}", md(&note));
        }
    }
    for (title, list) in [
        ("Health findings that appear", &diff.findings.appear),
        ("Health findings that disappear", &diff.findings.disappear),
    ] {
        if !list.is_empty() {
            let _ = writeln!(s, "\n## {title}\n");
            for f in list {
                let _ = writeln!(s, "- [ ] {}", md(&finding_line(f)));
            }
        }
    }
    s
}
