//! Writing a scenario as Backstage catalog YAML: Groups with parent and children, Users with
//! memberOf, and product areas as Domains, Systems and Components with their owners.

use super::{annotation as ann, UNOWNED};
use crate::slug::Slugs;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use topograph_model::{actual_effort, AreaId, Org, PersonId, PersonStatus, UnitId, UnitKind};

const API_VERSION: &str = "backstage.io/v1alpha1";

/// The catalog as one multi-document YAML stream. People who are here (active or leaving)
/// become Users; open positions and planned hires are not people Backstage knows.
pub fn export(org: &Org) -> String {
    let mut group_names: HashMap<UnitId, String> = HashMap::new();
    let mut slugs = Slugs::default();
    for u in org.units() {
        group_names.insert(u.id, slugs.unique(&u.name));
    }
    let mut user_names: HashMap<PersonId, String> = HashMap::new();
    let mut slugs = Slugs::default();
    let here = |s: PersonStatus| matches!(s, PersonStatus::Active | PersonStatus::Leaving);
    for p in org.persons().filter(|p| here(p.status)) {
        let base = p
            .email
            .as_deref()
            .and_then(|e| e.split('@').next())
            .filter(|l| !l.is_empty())
            .unwrap_or(p.display_name());
        user_names.insert(p.id, slugs.unique(base));
    }
    let mut area_names: HashMap<AreaId, String> = HashMap::new();
    let mut slugs = Slugs::default();
    for a in org.areas() {
        area_names.insert(a.id, slugs.unique(&a.name));
    }
    let group_ref = |u: UnitId| format!("group:default/{}", group_names[&u]);
    let user_ref = |p: PersonId| user_names.get(&p).map(|n| format!("user:default/{n}"));

    let mut docs: Vec<Value> = Vec::new();
    for u in org.units() {
        let mut annotations = Map::new();
        if u.kind != UnitKind::Group {
            annotations.insert(ann::TEAM_TYPE.into(), json!(u.kind.as_str()));
        }
        if let Some(l) = u.lead.and_then(user_ref) {
            annotations.insert(ann::LEAD.into(), json!(l));
        }
        if let Some(t) = u.target_size {
            annotations.insert(ann::TARGET_SIZE.into(), json!(t.to_string()));
        }
        if let Some(c) = &u.colour {
            annotations.insert(ann::COLOUR.into(), json!(c));
        }
        let mut spec = Map::new();
        spec.insert(
            "type".into(),
            json!(if u.kind == UnitKind::Group {
                "department"
            } else {
                "team"
            }),
        );
        spec.insert("profile".into(), json!({ "displayName": u.name }));
        if let Some(p) = u.parent {
            spec.insert("parent".into(), json!(group_ref(p)));
        }
        spec.insert(
            "children".into(),
            json!(org.child_units(u.id).map(group_ref).collect::<Vec<_>>()),
        );
        let members: Vec<String> = org
            .members(u.id)
            .filter_map(|m| user_ref(m.person))
            .collect();
        if !members.is_empty() {
            spec.insert("members".into(), json!(members));
        }
        docs.push(entity(
            "Group",
            &group_names[&u.id],
            None,
            &u.mission,
            annotations,
            spec,
        ));
    }
    for p in org.persons().filter(|p| here(p.status)) {
        let mut annotations = Map::new();
        if let Some(e) = &p.employee_id {
            annotations.insert(ann::EMPLOYEE_ID.into(), json!(e));
        }
        if !p.title.is_empty() {
            annotations.insert(ann::TITLE.into(), json!(p.title));
        }
        if let Some(m) = p.manager.and_then(user_ref) {
            annotations.insert(ann::MANAGER.into(), json!(m));
        }
        let dotted: Vec<String> = org.dotted_managers(p.id).filter_map(user_ref).collect();
        if !dotted.is_empty() {
            annotations.insert(ann::DOTTED_LINES.into(), json!(dotted.join(", ")));
        }
        let seats: Vec<String> = org
            .memberships_of(p.id)
            .map(|m| format!("{}:{}:{}", group_names[&m.unit], m.allocation, m.role))
            .collect();
        if !seats.is_empty() {
            annotations.insert(ann::SEATS.into(), json!(seats.join(", ")));
        }
        let mut profile = Map::new();
        profile.insert("displayName".into(), json!(p.display_name()));
        if let Some(e) = &p.email {
            profile.insert("email".into(), json!(e));
        }
        let spec = json!({
            "profile": profile,
            "memberOf": org.memberships_of(p.id).map(|m| group_ref(m.unit)).collect::<Vec<_>>(),
        });
        let spec = spec.as_object().cloned().expect("an object");
        docs.push(entity(
            "User",
            &user_names[&p.id],
            None,
            "",
            annotations,
            spec,
        ));
    }
    let effort = actual_effort(org);
    for a in org.areas() {
        let depth = {
            let mut d = 0;
            let mut cur = a.parent;
            while let Some(c) = cur.and_then(|c| org.area(c)) {
                d += 1;
                cur = c.parent;
                if d > org.areas().len() {
                    break;
                }
            }
            d
        };
        let mut annotations = Map::new();
        annotations.insert(ann::COMPLEXITY.into(), json!(a.complexity.as_str()));
        annotations.insert(ann::USER_FACING.into(), json!(a.user_facing.to_string()));
        if let Some(stance) = a.stance {
            annotations.insert(ann::STANCE.into(), json!(stance.as_str()));
        }
        if let Some(t) = a.target_share {
            annotations.insert(ann::TARGET_SHARE.into(), json!(t.to_string()));
        }
        if !a.outcome.is_empty() {
            annotations.insert(ann::OUTCOME.into(), json!(a.outcome));
        }
        if let Some(e) = effort.area(a.id) {
            let share = (e.share * 10.0).round() / 10.0;
            annotations.insert(ann::ACTUAL_SHARE.into(), json!(share.to_string()));
        }
        let owner = a
            .owner
            .map(group_ref)
            .unwrap_or_else(|| UNOWNED.to_string());
        let mut spec = Map::new();
        spec.insert("owner".into(), json!(owner));
        let parent_name = a.parent.map(|p| area_names[&p].clone());
        let kind = match depth {
            0 => "Domain",
            1 => {
                spec.insert(
                    "domain".into(),
                    json!(format!(
                        "domain:default/{}",
                        parent_name.expect("a system has a parent")
                    )),
                );
                "System"
            }
            _ => {
                spec.insert(
                    "type".into(),
                    json!(if a.user_facing { "website" } else { "service" }),
                );
                spec.insert("lifecycle".into(), json!("production"));
                let parent = parent_name.expect("a component has a parent");
                if depth == 2 {
                    spec.insert("system".into(), json!(format!("system:default/{parent}")));
                } else {
                    spec.insert(
                        "subcomponentOf".into(),
                        json!(format!("component:default/{parent}")),
                    );
                }
                "Component"
            }
        };
        docs.push(entity(
            kind,
            &area_names[&a.id],
            Some(&a.name),
            &a.description,
            annotations,
            spec,
        ));
    }
    let mut out = String::from("# Backstage catalog exported by Topograph\n");
    for d in docs {
        out.push_str("---\n");
        out.push_str(&serde_yaml_ng::to_string(&d).expect("catalog entities serialise"));
    }
    out
}

fn entity(
    kind: &str,
    name: &str,
    title: Option<&str>,
    description: &str,
    annotations: Map<String, Value>,
    spec: Map<String, Value>,
) -> Value {
    let mut metadata = Map::new();
    metadata.insert("name".into(), json!(name));
    if let Some(t) = title {
        metadata.insert("title".into(), json!(t));
    }
    if !description.trim().is_empty() {
        metadata.insert("description".into(), json!(description));
    }
    if !annotations.is_empty() {
        metadata.insert("annotations".into(), Value::Object(annotations));
    }
    json!({
        "apiVersion": API_VERSION,
        "kind": kind,
        "metadata": metadata,
        "spec": spec,
    })
}
