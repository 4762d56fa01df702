//! Domains, Systems and Components: the product-area tree and its owners.

use super::Reader;
use crate::backstage::{annotation as ann, EntityRef, UNOWNED};
use std::collections::HashMap;
use topograph_model::{Area, AreaId, Complexity, Stance, UnitId};

impl Reader {
    pub(super) fn areas(&mut self) {
        for i in 0..self.entities.len() {
            let kind = self.entities[i].kind.clone();
            let (parent_field, parent_kind) = match kind.as_str() {
                "domain" => (None, ""),
                "system" => (Some("domain"), "domain"),
                "component" => (Some("system"), "system"),
                _ => continue,
            };
            let e = &self.entities[i];
            let id = AreaId(self.id_of(&e.reference).expect("ids"));
            let complexity = match e.annotation(ann::COMPLEXITY) {
                Some(c) => c.parse().unwrap_or(Complexity::Complicated),
                None => Complexity::Complicated,
            };
            let user_facing = e.annotation(ann::USER_FACING).map(|v| v == "true");
            let user_facing = user_facing
                .unwrap_or(kind != "component" || e.str(&["spec", "type"]) == Some("website"));
            let stance = match e.annotation(ann::STANCE) {
                Some(v) => match v.parse::<Stance>() {
                    Ok(s) => Some(s),
                    Err(why) => {
                        let p = e.problem(format!("{}: {why}; read without a stance", e.reference));
                        self.problems.push(p);
                        None
                    }
                },
                None => None,
            };
            let e = &self.entities[i];
            let target_share = match e.annotation(ann::TARGET_SHARE) {
                Some(v) => match v.trim_end_matches('%').trim().parse::<f64>() {
                    Ok(t) if t.is_finite() && (0.0..=100.0).contains(&t) => Some(t),
                    _ => {
                        let p = e.problem(format!(
                            "{}: target share '{v}' is not a percentage from 0 to 100; read without one",
                            e.reference
                        ));
                        self.problems.push(p);
                        None
                    }
                },
                None => None,
            };
            let e = &self.entities[i];
            let outcome = e.annotation(ann::OUTCOME).unwrap_or("").to_string();
            let name = e
                .str(&["metadata", "title"])
                .or(e.str(&["metadata", "name"]))
                .unwrap_or("")
                .to_string();
            let description = e
                .str(&["metadata", "description"])
                .unwrap_or("")
                .to_string();
            let owner_text = e.str(&["spec", "owner"]).map(str::to_string);
            let sub_of = if kind == "component" {
                e.str(&["spec", "subcomponentOf"]).map(str::to_string)
            } else {
                None
            };
            let parent_text = parent_field
                .and_then(|f| e.str(&["spec", f]))
                .map(str::to_string);
            let owner = match owner_text {
                Some(o) if o.eq_ignore_ascii_case(UNOWNED) => None,
                Some(o) => {
                    let r = EntityRef::parse(&o, "group");
                    if r.kind == "user" {
                        let p = self.entities[i].problem(format!("{}: owner '{o}' is a user, and product areas are owned by teams; read without an owner", self.entities[i].reference));
                        self.problems.push(p);
                        None
                    } else {
                        self.resolve(i, &o, "group", "owner", "read without an owner")
                            .map(|(_, u)| UnitId(u))
                    }
                }
                None => None,
            };
            let parent = match (sub_of, parent_text) {
                (Some(s), _) => self
                    .resolve(i, &s, "component", "parent component", "read at the top")
                    .map(|(_, a)| AreaId(a)),
                (None, Some(p)) => self
                    .resolve(i, &p, parent_kind, parent_kind, "read at the top")
                    .map(|(_, a)| AreaId(a)),
                (None, None) => None,
            };
            self.records.areas.push(Area {
                id,
                name,
                description,
                parent,
                complexity,
                user_facing,
                owner,
                position: 0,
                stance,
                target_share,
                outcome,
            });
        }
        // Drop parent links that would close a loop (components naming each other).
        let index: HashMap<AreaId, usize> = self
            .records
            .areas
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id, k))
            .collect();
        for k in 0..self.records.areas.len() {
            let id = self.records.areas[k].id;
            let mut cur = self.records.areas[k].parent;
            for _ in 0..=index.len() {
                match cur {
                    Some(c) if c == id => {
                        self.records.areas[k].parent = None;
                        let i = self.entity_with_id(id.0);
                        let p = self.entities[i].problem(format!(
                            "{}: its parent would put it inside itself; read at the top",
                            self.entities[i].reference
                        ));
                        self.problems.push(p);
                        break;
                    }
                    Some(c) => cur = index.get(&c).and_then(|x| self.records.areas[*x].parent),
                    None => break,
                }
            }
        }
    }
}
