//! People impact: for each manager, who joins and who leaves their line of direct reports.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{Org, PersonId};

use crate::changes::Ref;
use crate::pairs;

/// A person arriving in or leaving a manager's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Mover {
    pub person: Ref,
    /// Where they come from or go to, in words ("from Dee Ford", "new to the org", ...).
    pub via: String,
}

/// The direct reports a manager gains and loses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ManagerImpact {
    pub manager: Ref,
    pub joining: Vec<Mover>,
    pub leaving: Vec<Mover>,
}

fn name(org: &Org, id: PersonId) -> String {
    org.person(id)
        .map_or_else(|| id.to_string(), |p| p.display_name().to_string())
}

fn reference(org: &Org, id: PersonId) -> Ref {
    Ref {
        id: id.0,
        name: name(org, id),
    }
}

/// The entry of manager `id`; one present in `b` is named as in `b`, one who left as in `a`.
fn line<'m>(
    lines: &'m mut BTreeMap<PersonId, ManagerImpact>,
    a: &Org,
    b: &Org,
    id: PersonId,
) -> &'m mut ManagerImpact {
    lines.entry(id).or_insert_with(|| ManagerImpact {
        manager: reference(if b.person(id).is_some() { b } else { a }, id),
        joining: Vec::new(),
        leaving: Vec::new(),
    })
}

/// Every manager whose line changes from `a` to `b`, in name order.
pub fn per_manager(a: &Org, b: &Org) -> Vec<ManagerImpact> {
    let mut lines: BTreeMap<PersonId, ManagerImpact> = BTreeMap::new();
    pairs::by_id(
        a.persons(),
        b.persons(),
        |p| p.id.0,
        |old, new| {
            let new_manager = new.and_then(|p| p.manager);
            let Some(old) = old else {
                if let (Some(joiner), Some(m)) = (new, new_manager) {
                    line(&mut lines, a, b, m).joining.push(Mover {
                        person: reference(b, joiner.id),
                        via: "new to the org".to_string(),
                    });
                }
                return;
            };
            if new.is_some() && old.manager == new_manager {
                return;
            }
            if let Some(m) = old.manager {
                let via = match (new, new_manager) {
                    (None, _) => "leaves the org".to_string(),
                    (Some(_), Some(to)) => format!("to {}", name(b, to)),
                    (Some(_), None) => "to no manager".to_string(),
                };
                line(&mut lines, a, b, m).leaving.push(Mover {
                    person: reference(a, old.id),
                    via,
                });
            }
            if let (Some(_), Some(m)) = (new, new_manager) {
                let via = match old.manager {
                    Some(from) => format!("from {}", name(a, from)),
                    None => "from no manager".to_string(),
                };
                line(&mut lines, a, b, m).joining.push(Mover {
                    person: reference(b, old.id),
                    via,
                });
            }
        },
    );
    let mut out: Vec<ManagerImpact> = lines.into_values().collect();
    out.sort_by(|x, y| {
        x.manager
            .name
            .cmp(&y.manager.name)
            .then(x.manager.id.cmp(&y.manager.id))
    });
    out
}
