//! Groups: units, their kinds, parents (loops broken) and leads.

use super::Reader;
use crate::backstage::annotation as ann;
use crate::yaml::strs_at;
use std::collections::HashMap;
use topograph_model::{PersonId, Unit, UnitId, UnitKind};

impl Reader {
    pub(super) fn units(&mut self) {
        let mut parents: HashMap<UnitId, UnitId> = HashMap::new();
        let groups: Vec<usize> = (0..self.entities.len())
            .filter(|i| self.entities[*i].kind == "group")
            .collect();
        for &i in &groups {
            let e = &self.entities[i];
            let id = UnitId(self.id_of(&e.reference).expect("ids assigned"));
            let kind = match e
                .str(&["spec", "type"])
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("team") => match e.annotation(ann::TEAM_TYPE) {
                    Some(t) => t.parse().unwrap_or_else(|_| {
                        let p = e.problem(format!(
                            "{}: unknown team type '{t}'; read as stream-aligned",
                            e.reference
                        ));
                        self.problems.push(p);
                        UnitKind::StreamAligned
                    }),
                    None => UnitKind::StreamAligned,
                },
                _ => match e.annotation(ann::TEAM_TYPE).and_then(|t| t.parse().ok()) {
                    Some(k) => k,
                    None => UnitKind::Group,
                },
            };
            let e = &self.entities[i];
            let unit = Unit {
                id,
                name: e.display_name(),
                mission: e
                    .str(&["metadata", "description"])
                    .unwrap_or("")
                    .to_string(),
                kind,
                parent: None,
                lead: None,
                colour: e
                    .annotation(ann::COLOUR)
                    .filter(|c| topograph_model::validate::check_colour(c).is_ok())
                    .map(str::to_ascii_lowercase),
                target_size: e
                    .annotation(ann::TARGET_SIZE)
                    .and_then(|t| t.parse().ok())
                    .filter(|t| *t > 0),
            };
            let parent = e.str(&["spec", "parent"]).map(str::to_string);
            let children: Vec<String> = strs_at(&e.value, &["spec", "children"])
                .into_iter()
                .map(str::to_string)
                .collect();
            let lead = e.annotation(ann::LEAD).map(str::to_string);
            self.records.units.push(unit);
            if let Some(p) = parent {
                if let Some((_, pid)) =
                    self.resolve(i, &p, "group", "parent", "read without a parent")
                {
                    parents.insert(id, UnitId(pid));
                }
            }
            for c in children {
                if let Some((_, cid)) =
                    self.resolve(i, &c, "group", "child", "that link is skipped")
                {
                    parents.entry(UnitId(cid)).or_insert(id);
                }
            }
            if let Some(l) = lead {
                if let Some((_, pid)) = self.resolve(i, &l, "user", "lead", "read without a lead") {
                    self.records.units.last_mut().expect("just pushed").lead = Some(PersonId(pid));
                }
            }
        }
        // A parent link that would close a loop is dropped.
        let mut set: HashMap<UnitId, UnitId> = HashMap::new();
        let mut ordered: Vec<(UnitId, UnitId)> = parents.into_iter().collect();
        ordered.sort();
        for (child, parent) in ordered {
            let mut cur = Some(parent);
            let mut looped = false;
            for _ in 0..=set.len() + 1 {
                match cur {
                    Some(c) if c == child => {
                        looped = true;
                        break;
                    }
                    Some(c) => cur = set.get(&c).copied(),
                    None => break,
                }
            }
            if looped {
                let i = self.entity_with_id(child.0);
                let p = self.entities[i].problem(format!(
                    "{}: its parent would put it inside itself; read without a parent",
                    self.entities[i].reference
                ));
                self.problems.push(p);
            } else {
                set.insert(child, parent);
            }
        }
        for u in &mut self.records.units {
            u.parent = set.get(&u.id).copied();
        }
    }
}
