//! Sizing a generated org: how many teams, what each team holds, and how many managers every
//! line needs, chosen so that the head count comes out exactly and every span stays in 3-12.
//!
//! Everyone who is not a team engineer is "fixed" once the team count and compositions are
//! known; the engineers then fill the teams to exactly the requested total.

use crate::rng::Dice;
use topograph_model::UnitKind;

/// Topics for the planner's dice.
pub mod topic {
    pub const PM: u64 = 1;
    pub const DESIGNER: u64 = 2;
    pub const DATA: u64 = 3;
    pub const QA: u64 = 4;
    pub const SIZE: u64 = 5;
}

/// Most people a team may hold; fewest.
pub const TEAM_MAX: u32 = 10;
pub const TEAM_MIN: u32 = 4;
/// Most items a manager gathers before another layer is added.
pub const LAYER_MAX: u32 = 8;
/// People beyond what the teams can hold who go to the CEO's office instead.
pub const PAD_MAX: u32 = 2;

#[derive(Clone, Copy, Debug)]
pub struct TeamSpec {
    pub kind: UnitKind,
    pub pm: bool,
    pub designer: bool,
    pub data: bool,
    pub qa: bool,
    /// Team size this team would like.
    pub desired: u32,
    /// Engineers including the tech lead; settled by [`Plan::fill`].
    pub engineers: u32,
}

impl TeamSpec {
    /// Members other than engineers: the engineering manager, PM, designer, data, QA.
    pub fn fixed(&self) -> u32 {
        1 + self.pm as u32 + self.designer as u32 + self.data as u32 + self.qa as u32
    }

    #[cfg(test)]
    pub fn size(&self) -> u32 {
        self.fixed() + self.engineers
    }
}

/// Group sizes, level by level from the bottom, that gather `n` items under managers of at most
/// [`LAYER_MAX`] (aiming at `target`) until at most [`LAYER_MAX`] remain. Every group has 3 or more.
pub fn layers(mut n: u32, target: u32) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    while n > LAYER_MAX {
        let k = n.div_ceil(target).max(3);
        out.push((0..k).map(|i| n / k + u32::from(i < n % k)).collect());
        n = k;
    }
    out
}

fn managers(layers: &[Vec<u32>]) -> u32 {
    layers.iter().map(|l| l.len() as u32).sum()
}

#[derive(Clone, Debug)]
pub struct Plan {
    pub teams: Vec<TeamSpec>,
    /// A CTO, CPO and Chief of Staff (from three teams up); below that the CEO runs everything.
    pub execs: bool,
    pub head_of_design: bool,
    pub head_of_data: bool,
    pub cto_staff: u32,
    pub groups: Vec<Vec<u32>>,
    pub pm_layers: Vec<Vec<u32>>,
    pub design_layers: Vec<Vec<u32>>,
    pub data_layers: Vec<Vec<u32>>,
    /// People in the CEO's office who absorb what the teams cannot hold.
    pub pad: u32,
}

fn kinds(t: usize) -> Vec<UnitKind> {
    let share = |per_cent: usize, from: usize| {
        if t >= from {
            ((t * per_cent + 50) / 100).max(1)
        } else {
            0
        }
    };
    let platform = share(12, 3);
    let enabling = share(6, 8);
    let subsystem = share(10, 6);
    let product = t - platform - enabling;
    let mut out = Vec::with_capacity(t);
    // Complicated subsystems sit among the product teams they serve; platform and enabling
    // teams come last so they gather into platform groups.
    for j in 0..product {
        let cs = (j + 1) * subsystem / product > j * subsystem / product;
        out.push(if cs {
            UnitKind::ComplicatedSubsystem
        } else {
            UnitKind::StreamAligned
        });
    }
    let infra = platform + enabling;
    for j in 0..infra {
        let en = (j + 1) * enabling / infra > j * enabling / infra;
        out.push(if en {
            UnitKind::Enabling
        } else {
            UnitKind::Platform
        });
    }
    out
}

impl Plan {
    /// The plan for `t` teams (t >= 1), with engineers at each team's desired count.
    pub fn new(t: usize, dice: Dice) -> Plan {
        let mut teams = Vec::with_capacity(t);
        let mut stream_seen = 0;
        for (i, kind) in kinds(t).into_iter().enumerate() {
            let i64 = i as u64;
            let roll = |topic: u64, per_mille: u64| dice.chance(topic, i64, per_mille);
            let (pm, designer, data, qa) = match kind {
                UnitKind::StreamAligned => {
                    // Small orgs and the first teams always get a full trio, so the product
                    // line has people to manage.
                    let full = t <= 6 || stream_seen < 3;
                    stream_seen += 1;
                    (
                        full || roll(topic::PM, 960),
                        full || roll(topic::DESIGNER, 880),
                        t >= 3 && roll(topic::DATA, 150),
                        roll(topic::QA, 100),
                    )
                }
                UnitKind::ComplicatedSubsystem => {
                    (roll(topic::PM, 350), false, roll(topic::DATA, 500), false)
                }
                UnitKind::Platform => (
                    roll(topic::PM, 400),
                    roll(topic::DESIGNER, 60),
                    false,
                    roll(topic::QA, 50),
                ),
                _ => (false, false, false, false),
            };
            let (lo, hi) = match kind {
                UnitKind::StreamAligned => (7, 9),
                UnitKind::Platform => (6, 9),
                UnitKind::ComplicatedSubsystem => (5, 8),
                _ => (4, 6),
            };
            let desired = lo + dice.below(topic::SIZE, i64, (hi - lo + 1) as u64) as u32;
            teams.push(TeamSpec {
                kind,
                pm,
                designer,
                data,
                qa,
                desired,
                engineers: 0,
            });
        }
        let execs = t >= 3;
        let count = |f: fn(&TeamSpec) -> bool| teams.iter().filter(|s| f(s)).count() as u32;
        let pms = count(|s| s.pm);
        let designers = count(|s| s.designer);
        let data = count(|s| s.data);
        let head_of_design = execs && designers >= 3;
        let head_of_data = execs && data >= 3;
        let mut plan = Plan {
            execs,
            head_of_design,
            head_of_data,
            cto_staff: match t {
                0..=11 => 0,
                12..=39 => 1,
                40..=199 => 2,
                _ => 3,
            },
            groups: layers(t as u32, 5),
            pm_layers: if execs { layers(pms, 6) } else { Vec::new() },
            design_layers: if head_of_design {
                layers(designers, 6)
            } else {
                Vec::new()
            },
            data_layers: if head_of_data {
                layers(data, 6)
            } else {
                Vec::new()
            },
            teams,
            pad: 0,
        };
        for i in 0..plan.teams.len() {
            let (lo, hi) = plan.engineer_range(i);
            let s = &mut plan.teams[i];
            s.engineers = s.desired.saturating_sub(s.fixed()).clamp(lo, hi);
        }
        plan
    }

    /// Whether team members in data report to their engineering manager (no data line).
    pub fn data_reports_to_em(&self) -> bool {
        !self.head_of_data
    }

    /// The fewest and most engineers team `i` may have: its manager needs three reports, the
    /// team 4-10 people, an enabling team three specialists.
    pub fn engineer_range(&self, i: usize) -> (u32, u32) {
        let s = &self.teams[i];
        let to_em = s.qa as u32 + (s.data && self.data_reports_to_em()) as u32;
        let mut lo = 2u32.max(3u32.saturating_sub(to_em));
        lo = lo.max(TEAM_MIN.saturating_sub(s.fixed()));
        if s.kind == UnitKind::Enabling {
            lo = lo.max(3);
        }
        (lo, TEAM_MAX - s.fixed())
    }

    /// Everyone but the team engineers and the pad.
    pub fn fixed_people(&self) -> u32 {
        let execs = if self.execs { 3 } else { 0 };
        1 + execs
            + self.head_of_design as u32
            + self.head_of_data as u32
            + if self.execs { self.cto_staff } else { 0 }
            + managers(&self.groups)
            + managers(&self.pm_layers)
            + managers(&self.design_layers)
            + managers(&self.data_layers)
            + self.teams.iter().map(TeamSpec::fixed).sum::<u32>()
    }

    /// The head counts this plan can reach.
    pub fn reach(&self) -> (u64, u64) {
        let (mut lo, mut hi) = (self.fixed_people() as u64, self.fixed_people() as u64);
        for i in 0..self.teams.len() {
            let (a, b) = self.engineer_range(i);
            lo += a as u64;
            hi += b as u64;
        }
        (lo, hi + PAD_MAX as u64)
    }

    pub fn total(&self) -> u64 {
        self.fixed_people() as u64
            + self.pad as u64
            + self.teams.iter().map(|s| s.engineers as u64).sum::<u64>()
    }

    /// Moves engineers in or out of teams (within each team's range) until the org holds
    /// exactly `n` people, putting any excess in the CEO's office. `n` must be within reach.
    pub fn fill(&mut self, n: u64, dice: Dice) {
        let ranges: Vec<(u32, u32)> = (0..self.teams.len())
            .map(|i| self.engineer_range(i))
            .collect();
        let capacity = self.fixed_people() as u64 + ranges.iter().map(|r| r.1 as u64).sum::<u64>();
        self.pad = n.saturating_sub(capacity) as u32;
        let mut delta = n as i64 - self.total() as i64;
        let len = self.teams.len();
        // Start the round-robin at a random team so remainders do not always land at the top.
        let start = dice.below(topic::SIZE, u64::MAX, len as u64) as usize;
        while delta != 0 {
            let grow = delta > 0;
            let open = ranges
                .iter()
                .zip(&self.teams)
                .filter(|((lo, hi), s)| {
                    if grow {
                        s.engineers < *hi
                    } else {
                        s.engineers > *lo
                    }
                })
                .count() as i64;
            if open == 0 {
                break;
            }
            let step = (delta.abs() / open).max(1) as u32;
            for k in 0..len {
                if delta == 0 {
                    break;
                }
                let i = (start + k) % len;
                let (lo, hi) = ranges[i];
                let s = &mut self.teams[i];
                let room = if grow {
                    hi - s.engineers
                } else {
                    s.engineers - lo
                };
                let m = step.min(room).min(delta.unsigned_abs() as u32);
                if grow {
                    s.engineers += m;
                    delta -= m as i64;
                } else {
                    s.engineers -= m;
                    delta += m as i64;
                }
            }
        }
    }
}

/// The plan for exactly `n` people (n >= 7): the team count whose teams come closest to their
/// desired sizes, then engineers filled to the exact total.
pub fn plan(n: u64, dice: Dice) -> Plan {
    // A first guess, then a better one from that plan's real overhead per team.
    let guess = ((n as f64 / 7.7).round() as usize).max(1);
    let p = Plan::new(guess, dice);
    let per_team = p.total() as f64 / guess as f64;
    let best = ((n as f64 / per_team).round() as usize).max(1);
    // Of the feasible counts near the estimate, the one whose teams need the least stretching.
    let near = [best, best + 1, best.saturating_sub(1)];
    let chosen = near
        .iter()
        .filter(|&&t| t >= 1)
        .map(|&t| Plan::new(t, dice))
        .filter(|p| {
            let (lo, hi) = p.reach();
            (lo..=hi).contains(&n)
        })
        .min_by_key(|p| p.total().abs_diff(n));
    if let Some(mut p) = chosen {
        p.fill(n, dice);
        return p;
    }
    let mut fallback = None;
    for d in 2..=64 {
        let down = best.checked_sub(d).filter(|&t| t >= 1);
        for t in std::iter::once(best + d).chain(down) {
            let mut p = Plan::new(t, dice);
            let (lo, hi) = p.reach();
            if (lo..=hi).contains(&n) {
                p.fill(n, dice);
                return p;
            }
            if fallback.is_none() && n > hi {
                fallback = Some(p);
            }
        }
    }
    // Unreachable for n >= 7 (the reachable ranges of consecutive team counts overlap); kept so
    // a bad guess degrades into an oversized CEO office rather than a wrong head count.
    let mut p = fallback.unwrap_or_else(|| Plan::new(1, dice));
    p.fill(n, dice);
    p.pad += (n - p.total().min(n)) as u32;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_keep_every_group_between_three_and_eight() {
        for n in 0..2_000 {
            let ls = layers(n, 5);
            let mut items = n;
            for l in &ls {
                assert_eq!(l.iter().sum::<u32>(), items);
                assert!(
                    l.iter().all(|&s| (3..=LAYER_MAX).contains(&s)),
                    "{n}: {l:?}"
                );
                assert!(l.len() >= 3);
                items = l.len() as u32;
            }
            assert!(items <= LAYER_MAX);
        }
    }

    #[test]
    fn every_head_count_from_seven_up_has_a_plan_that_fits_exactly() {
        let dice = Dice::new(3);
        for n in 7..3_000u64 {
            let p = plan(n, dice);
            assert_eq!(p.total(), n);
            assert!(p.pad <= PAD_MAX, "{n}: pad {}", p.pad);
            for (i, s) in p.teams.iter().enumerate() {
                let (lo, hi) = p.engineer_range(i);
                assert!((lo..=hi).contains(&s.engineers), "{n}: team {i} {s:?}");
                assert!((TEAM_MIN..=TEAM_MAX).contains(&s.size()));
            }
        }
    }

    #[test]
    fn most_teams_are_stream_aligned_and_every_type_appears_in_larger_orgs() {
        let ks = kinds(100);
        let count = |k| ks.iter().filter(|&&x| x == k).count();
        assert!(count(UnitKind::StreamAligned) >= 65);
        assert!(count(UnitKind::Platform) >= 8);
        assert!(count(UnitKind::Enabling) >= 4);
        assert!(count(UnitKind::ComplicatedSubsystem) >= 5);
    }
}
