//! People impact: for each manager, who joins and who leaves their line of direct reports.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use topograph_model::{Org, PersonId};

use crate::changes::Ref;

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
    for old in a.persons() {
        let new = b.person(old.id);
        let new_manager = new.and_then(|p| p.manager);
        if new.is_some() && old.manager == new_manager {
            continue;
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
    }
    for new in b.persons().filter(|p| a.person(p.id).is_none()) {
        if let Some(m) = new.manager {
            line(&mut lines, a, b, m).joining.push(Mover {
                person: reference(b, new.id),
                via: "new to the org".to_string(),
            });
        }
    }
    let mut out: Vec<ManagerImpact> = lines.into_values().collect();
    out.sort_by(|x, y| {
        x.manager
            .name
            .cmp(&y.manager.name)
            .then(x.manager.id.cmp(&y.manager.id))
    });
    out
}
