//! Damaged orgs, as a hostile or broken file could hold them: loops, dangling references and ids
//! near `u32::MAX`. Operations can never make them (they are built from records directly), but
//! code that reads orgs from files must end, and not panic, on every one of them.

use topograph_model::{AreaId, Org, OrgRecords, PersonId, UnitId};

/// The sample with the top of the org reporting to one of their own reports.
pub fn reporting_loop() -> Org {
    let mut r = crate::sample().to_records();
    let root = r
        .persons
        .iter()
        .find(|p| p.manager.is_none())
        .expect("the sample has a root")
        .id;
    let report = r
        .persons
        .iter()
        .find(|p| p.manager == Some(root))
        .expect("the root has a report")
        .id;
    r.persons
        .iter_mut()
        .find(|p| p.id == root)
        .expect("root")
        .manager = Some(report);
    Org::from_records(r)
}

/// The sample with a group inside one of its own teams.
pub fn unit_loop() -> Org {
    let mut r = crate::sample().to_records();
    let (child, parent) = r
        .units
        .iter()
        .find_map(|u| u.parent.map(|p| (u.id, p)))
        .expect("the sample nests units");
    set_unit_parent(&mut r, parent, child);
    Org::from_records(r)
}

/// The sample with a product area inside one of its own sub-areas.
pub fn area_loop() -> Org {
    let mut r = crate::sample().to_records();
    let (child, parent) = r
        .areas
        .iter()
        .find_map(|a| a.parent.map(|p| (a.id, p)))
        .expect("the sample nests areas");
    r.areas
        .iter_mut()
        .find(|a| a.id == parent)
        .expect("parent")
        .parent = Some(child);
    Org::from_records(r)
}

/// The sample with references to records that do not exist, with ids above every real one.
pub fn dangling() -> Org {
    let mut r = crate::sample().to_records();
    r.persons[0].manager = Some(PersonId(u32::MAX - 1));
    r.units[0].parent = Some(UnitId(u32::MAX - 2));
    r.units[0].lead = Some(PersonId(u32::MAX - 3));
    r.areas[0].parent = Some(AreaId(u32::MAX - 4));
    Org::from_records(r)
}

/// The sample with its highest-ranked person, a unit and an area renumbered to the top of the
/// id range, references following them: a sound org whose ids are as sparse as they can be.
pub fn huge_ids() -> Org {
    let mut r = crate::sample().to_records();
    let old = r
        .persons
        .iter()
        .find(|p| p.manager.is_none())
        .expect("a root")
        .id;
    let new = PersonId(u32::MAX);
    for p in &mut r.persons {
        if p.id == old {
            p.id = new;
        }
        if p.manager == Some(old) {
            p.manager = Some(new);
        }
    }
    for d in &mut r.dotted_lines {
        if d.person == old {
            d.person = new;
        }
        if d.manager == old {
            d.manager = new;
        }
    }
    for u in &mut r.units {
        if u.lead == Some(old) {
            u.lead = Some(new);
        }
    }
    for m in &mut r.memberships {
        if m.person == old {
            m.person = new;
        }
    }
    let unit = r.units[0].id;
    let new_unit = UnitId(u32::MAX - 1);
    renumber_unit(&mut r, unit, new_unit);
    let area = r.areas[0].id;
    let new_area = AreaId(u32::MAX - 2);
    for a in &mut r.areas {
        if a.id == area {
            a.id = new_area;
        }
        if a.parent == Some(area) {
            a.parent = Some(new_area);
        }
    }
    for c in &mut r.contributors {
        if c.area == area {
            c.area = new_area;
        }
    }
    r.persons.sort_by_key(|p| p.id);
    r.dotted_lines.sort();
    r.units.sort_by_key(|u| u.id);
    r.memberships.sort_by_key(|m| (m.person, m.unit));
    r.areas.sort_by_key(|a| a.id);
    r.contributors.sort();
    r.interactions.sort_by_key(|i| i.id);
    r.placements.sort_by_key(|p| p.unit);
    Org::from_records(r)
}

fn set_unit_parent(r: &mut OrgRecords, unit: UnitId, parent: UnitId) {
    r.units
        .iter_mut()
        .find(|u| u.id == unit)
        .expect("unit")
        .parent = Some(parent);
}

fn renumber_unit(r: &mut OrgRecords, old: UnitId, new: UnitId) {
    for u in &mut r.units {
        if u.id == old {
            u.id = new;
        }
        if u.parent == Some(old) {
            u.parent = Some(new);
        }
    }
    for m in &mut r.memberships {
        if m.unit == old {
            m.unit = new;
        }
    }
    for a in &mut r.areas {
        if a.owner == Some(old) {
            a.owner = Some(new);
        }
    }
    for c in &mut r.contributors {
        if c.unit == old {
            c.unit = new;
        }
    }
    for i in &mut r.interactions {
        if i.from == old {
            i.from = new;
        }
        if i.to == old {
            i.to = new;
        }
    }
    for p in &mut r.placements {
        if p.unit == old {
            p.unit = new;
        }
    }
}

/// An org made from arbitrary bytes, as a fuzzer hands them: a generated org of a size the bytes
/// pick, then damage the bytes choose, applied blindly (a manager, parent or owner set to any
/// record or to an id that does not exist, ids moved to the top of the range, a self-loop), so
/// loops of any length, dangling references and sparse ids all come up. Never panics.
pub fn arbitrary(bytes: &[u8]) -> Org {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let people = usize::from(byte(0)) % 60;
    let seed = u64::from(byte(1));
    let mut r = crate::generate(people, seed).to_records();
    let wild = |b: u8, c: u8| u32::MAX - u32::from(b) * 256 - u32::from(c);
    for at in (2..bytes.len()).step_by(4) {
        let (what, a, b, c) = (
            byte(at),
            usize::from(byte(at + 1)),
            byte(at + 2),
            byte(at + 3),
        );
        let np = r.persons.len().max(1);
        let nu = r.units.len().max(1);
        let na = r.areas.len().max(1);
        match what % 10 {
            0 if !r.persons.is_empty() => {
                let m = r.persons[usize::from(b) % np].id;
                r.persons[a % np].manager = Some(m);
            }
            1 if !r.persons.is_empty() => r.persons[a % np].manager = Some(PersonId(wild(b, c))),
            2 if !r.units.is_empty() => {
                let p = r.units[usize::from(b) % nu].id;
                r.units[a % nu].parent = Some(p);
            }
            3 if !r.units.is_empty() => r.units[a % nu].parent = Some(UnitId(wild(b, c))),
            4 if !r.areas.is_empty() => {
                let p = r.areas[usize::from(b) % na].id;
                r.areas[a % na].parent = Some(p);
            }
            5 if !r.areas.is_empty() => r.areas[a % na].owner = Some(UnitId(wild(b, c))),
            6 if !r.units.is_empty() => {
                let old = r.units[a % nu].id;
                renumber_unit(&mut r, old, UnitId(wild(b, c)));
            }
            7 if !r.memberships.is_empty() => {
                let n = r.memberships.len();
                r.memberships[a % n].unit = UnitId(wild(b, c));
            }
            8 if !r.units.is_empty() => r.units[a % nu].lead = Some(PersonId(wild(b, c))),
            9 if !r.persons.is_empty() => {
                let p = &mut r.persons[a % np];
                p.manager = Some(p.id);
            }
            _ => {}
        }
    }
    // Renumbering may have made two units share an id; the model keeps one of each.
    r.units.sort_by_key(|u| u.id);
    r.units.dedup_by_key(|u| u.id);
    Org::from_records(r)
}

/// Every damaged org above, named, for tests that run one body over all of them.
pub fn all() -> Vec<(&'static str, Org)> {
    vec![
        ("reporting loop", reporting_loop()),
        ("unit loop", unit_loop()),
        ("area loop", area_loop()),
        ("dangling references", dangling()),
        ("ids near u32::MAX", huge_ids()),
    ]
}

/// Runs `f` on a thread and panics if it has not answered within ten seconds, so that a hang on a
/// damaged org becomes a failing test instead of a stuck one.
pub fn ends_within_seconds<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .unwrap_or_else(|e| panic!("{what}: no answer within 10 s ({e})"))
}
