//! Solid reporting lines (set-manager, clear-manager, move-subtree) and dotted lines.

mod common;

use common::*;
use topograph_model::{ErrorCode, Op, PersonId};

/// Boss > (Mid > (R1, R2 > Leaf), Peer), plus Other at the top.
struct Tree {
    w: World,
    boss: PersonId,
    mid: PersonId,
    r1: PersonId,
    r2: PersonId,
    leaf: PersonId,
    peer: PersonId,
    other: PersonId,
}

fn tree() -> Tree {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let r1 = w.add_person("R1", Some(mid));
    let r2 = w.add_person("R2", Some(mid));
    let leaf = w.add_person("Leaf", Some(r2));
    let peer = w.add_person("Peer", Some(boss));
    let other = w.add_person("Other", None);
    Tree {
        w,
        boss,
        mid,
        r1,
        r2,
        leaf,
        peer,
        other,
    }
}

// ---- set-manager -----------------------------------------------------------------------

#[test]
fn setting_a_manager_moves_only_that_person() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.leaf,
        manager: t.other,
    });
    assert_eq!(t.w.manager_of(t.leaf), Some(t.other));
    assert!(t.w.reports(t.r2).is_empty());
    assert_eq!(t.w.reports(t.other), vec![t.leaf]);
}

#[test]
fn setting_the_manager_of_a_person_with_reports_leaves_the_reports_with_the_previous_manager() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.other,
    });
    assert_eq!(t.w.manager_of(t.mid), Some(t.other));
    assert!(t.w.reports(t.mid).is_empty());
    assert_eq!(t.w.manager_of(t.r1), Some(t.boss));
    assert_eq!(t.w.manager_of(t.r2), Some(t.boss));
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2), "grand-reports stay put");
    assert_eq!(t.w.reports(t.boss), vec![t.r1, t.r2, t.peer]);
}

#[test]
fn setting_the_manager_of_a_top_person_with_reports_leaves_the_reports_at_the_top() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.boss,
        manager: t.other,
    });
    assert_eq!(t.w.manager_of(t.boss), Some(t.other));
    assert_eq!(t.w.manager_of(t.mid), None);
    assert_eq!(t.w.manager_of(t.peer), None);
}

#[test]
fn a_person_can_be_put_under_one_of_their_own_reports_who_is_handed_up_first() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.r2,
    });
    assert_eq!(t.w.manager_of(t.r2), Some(t.boss));
    assert_eq!(t.w.manager_of(t.r1), Some(t.boss));
    assert_eq!(t.w.manager_of(t.mid), Some(t.r2));
    assert_eq!(t.w.reports(t.r2), vec![t.mid, t.leaf]);
}

#[test]
fn a_person_can_be_put_under_someone_deep_in_their_own_line() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.leaf,
    });
    assert_eq!(t.w.manager_of(t.mid), Some(t.leaf));
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2));
    assert_eq!(t.w.manager_of(t.r2), Some(t.boss));
}

#[test]
fn a_person_cannot_manage_themselves() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::SetManager {
            person: t.mid,
            manager: t.mid,
        },
        ErrorCode::SelfReference,
        &["Mid", "themselves"],
    );
    t.w.refuse_naming(
        Op::MoveSubtree {
            person: t.other,
            manager: Some(t.other),
        },
        ErrorCode::SelfReference,
        &["Other", "themselves"],
    );
}

#[test]
fn setting_a_manager_for_an_unknown_person_or_to_an_unknown_manager_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::SetManager {
            person: PersonId(90),
            manager: t.boss,
        },
        ErrorCode::NotFound,
        &["person #90"],
    );
    t.w.refuse_naming(
        Op::SetManager {
            person: t.leaf,
            manager: PersonId(91),
        },
        ErrorCode::NotFound,
        &["person #91"],
    );
}

#[test]
fn setting_the_manager_someone_already_has_changes_nothing() {
    let mut t = tree();
    let patch = t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.boss,
    });
    assert!(patch.is_empty());
    assert_eq!(t.w.reports(t.mid), vec![t.r1, t.r2]);
}

#[test]
fn setting_a_manager_someone_has_a_dotted_line_to_removes_that_dotted_line() {
    let mut t = tree();
    t.w.dotted(t.leaf, t.other);
    t.w.dotted(t.leaf, t.boss);
    t.w.accept(Op::SetManager {
        person: t.leaf,
        manager: t.other,
    });
    assert_eq!(t.w.manager_of(t.leaf), Some(t.other));
    assert_eq!(t.w.dotted_lines(), vec![(t.leaf, t.boss)]);
}

#[test]
fn reports_handed_up_to_someone_they_have_a_dotted_line_to_lose_that_dotted_line() {
    let mut t = tree();
    t.w.dotted(t.r1, t.boss);
    t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.other,
    });
    assert_eq!(t.w.manager_of(t.r1), Some(t.boss));
    assert!(t.w.dotted_lines().is_empty());
}

// ---- clear-manager ---------------------------------------------------------------------

#[test]
fn clearing_a_manager_puts_the_person_at_the_top_and_leaves_their_reports_behind() {
    let mut t = tree();
    t.w.accept(Op::ClearManager { person: t.mid });
    assert_eq!(t.w.manager_of(t.mid), None);
    assert!(t.w.reports(t.mid).is_empty());
    assert_eq!(t.w.manager_of(t.r1), Some(t.boss));
    assert_eq!(t.w.manager_of(t.r2), Some(t.boss));
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2));
}

#[test]
fn clearing_the_manager_of_someone_at_the_top_changes_nothing() {
    let mut t = tree();
    let patch = t.w.accept(Op::ClearManager { person: t.boss });
    assert!(patch.is_empty());
    assert_eq!(t.w.reports(t.boss), vec![t.mid, t.peer]);
}

#[test]
fn clearing_the_manager_of_an_unknown_person_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::ClearManager {
            person: PersonId(123),
        },
        ErrorCode::NotFound,
        &["person #123"],
    );
}

// ---- move-subtree ----------------------------------------------------------------------

#[test]
fn moving_a_manager_moves_their_reports() {
    let mut t = tree();
    t.w.accept(Op::MoveSubtree {
        person: t.mid,
        manager: Some(t.other),
    });
    assert_eq!(t.w.manager_of(t.mid), Some(t.other));
    assert_eq!(t.w.reports(t.mid), vec![t.r1, t.r2]);
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2));
    assert_eq!(t.w.reports(t.boss), vec![t.peer]);
    assert!(t.w.org.manages_transitively(t.other, t.leaf));
}

#[test]
fn moving_a_subtree_to_nobody_makes_it_a_tree_of_its_own() {
    let mut t = tree();
    t.w.accept(Op::MoveSubtree {
        person: t.r2,
        manager: None,
    });
    assert_eq!(t.w.manager_of(t.r2), None);
    assert_eq!(t.w.reports(t.r2), vec![t.leaf]);
    assert_eq!(t.w.reports(t.mid), vec![t.r1]);
}

#[test]
fn moving_a_subtree_where_it_already_is_changes_nothing() {
    let mut t = tree();
    assert!(t
        .w
        .accept(Op::MoveSubtree {
            person: t.mid,
            manager: Some(t.boss),
        })
        .is_empty());
    assert!(t
        .w
        .accept(Op::MoveSubtree {
            person: t.other,
            manager: None,
        })
        .is_empty());
}

#[test]
fn moving_a_manager_under_someone_in_their_own_line_is_refused() {
    let mut t = tree();
    for below in [t.r1, t.r2, t.leaf] {
        let name = t.w.person(below).name.clone();
        t.w.refuse_naming(
            Op::MoveSubtree {
                person: t.mid,
                manager: Some(below),
            },
            ErrorCode::Cycle,
            &["Mid", &name],
        );
    }
}

#[test]
fn moving_an_unknown_subtree_or_to_an_unknown_manager_is_refused() {
    let mut t = tree();
    for manager in [Some(t.boss), None] {
        t.w.refuse_naming(
            Op::MoveSubtree {
                person: PersonId(300),
                manager,
            },
            ErrorCode::NotFound,
            &["person #300"],
        );
    }
    t.w.refuse_naming(
        Op::MoveSubtree {
            person: t.mid,
            manager: Some(PersonId(301)),
        },
        ErrorCode::NotFound,
        &["person #301"],
    );
}

#[test]
fn moving_a_subtree_under_someone_the_top_has_a_dotted_line_to_removes_that_dotted_line() {
    let mut t = tree();
    t.w.dotted(t.mid, t.other);
    t.w.dotted(t.r1, t.other);
    t.w.accept(Op::MoveSubtree {
        person: t.mid,
        manager: Some(t.other),
    });
    assert_eq!(t.w.dotted_lines(), vec![(t.r1, t.other)]);
}

// ---- dotted lines ----------------------------------------------------------------------

#[test]
fn a_dotted_line_can_be_added_and_removed() {
    let mut t = tree();
    t.w.accept(Op::AddDottedLine {
        person: t.leaf,
        manager: t.other,
    });
    t.w.accept(Op::AddDottedLine {
        person: t.mid,
        manager: t.leaf,
    });
    assert_eq!(t.w.dotted_lines(), vec![(t.mid, t.leaf), (t.leaf, t.other)]);
    assert_eq!(
        t.w.org.dotted_reports(t.other).collect::<Vec<_>>(),
        vec![t.leaf]
    );
    assert_eq!(
        t.w.org.dotted_managers(t.leaf).collect::<Vec<_>>(),
        vec![t.other]
    );
    t.w.accept(Op::RemoveDottedLine {
        person: t.leaf,
        manager: t.other,
    });
    assert_eq!(t.w.dotted_lines(), vec![(t.mid, t.leaf)]);
    assert_eq!(
        t.w.manager_of(t.leaf),
        Some(t.r2),
        "the solid line is untouched"
    );
}

#[test]
fn a_dotted_line_to_oneself_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::AddDottedLine {
            person: t.peer,
            manager: t.peer,
        },
        ErrorCode::SelfReference,
        &["Peer", "themselves"],
    );
}

#[test]
fn a_dotted_line_duplicating_the_solid_line_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::AddDottedLine {
            person: t.leaf,
            manager: t.r2,
        },
        ErrorCode::Duplicate,
        &["Leaf", "R2", "solid line"],
    );
}

#[test]
fn a_duplicate_dotted_line_is_refused() {
    let mut t = tree();
    t.w.dotted(t.leaf, t.peer);
    t.w.refuse_naming(
        Op::AddDottedLine {
            person: t.leaf,
            manager: t.peer,
        },
        ErrorCode::Duplicate,
        &["Leaf", "Peer"],
    );
}

#[test]
fn a_dotted_line_for_an_unknown_person_or_to_an_unknown_manager_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::AddDottedLine {
            person: PersonId(55),
            manager: t.boss,
        },
        ErrorCode::NotFound,
        &["person #55"],
    );
    t.w.refuse_naming(
        Op::AddDottedLine {
            person: t.boss,
            manager: PersonId(56),
        },
        ErrorCode::NotFound,
        &["person #56"],
    );
}

#[test]
fn removing_a_dotted_line_that_does_not_exist_is_refused() {
    let mut t = tree();
    t.w.dotted(t.leaf, t.peer);
    for (person, manager) in [
        (t.peer, t.leaf),
        (t.leaf, t.r2),
        (PersonId(60), t.peer),
        (t.leaf, PersonId(61)),
    ] {
        t.w.refuse_naming(
            Op::RemoveDottedLine { person, manager },
            ErrorCode::NotFound,
            &[&person.to_string(), &manager.to_string()],
        );
    }
}

#[test]
fn an_org_is_empty_until_it_has_a_person_a_unit_or_an_area_and_the_first_person_is_its_root() {
    let mut w = World::new();
    assert!(w.org.is_empty());
    let first = w.add_person("First", None);
    assert!(!w.org.is_empty());
    assert_eq!(w.org.person(first).unwrap().manager, None);
    let mut units = World::new();
    units.add_unit("Team", None);
    assert!(!units.org.is_empty());
}

#[test]
fn set_manager_moves_a_manager_alone_and_their_reports_stay_with_the_old_manager() {
    let mut t = tree();
    t.w.accept(Op::SetManager {
        person: t.mid,
        manager: t.peer,
    });
    let manager = |w: &World, p| w.org.person(p).unwrap().manager;
    assert_eq!(manager(&t.w, t.mid), Some(t.peer));
    assert_eq!(manager(&t.w, t.r1), Some(t.boss));
    assert_eq!(manager(&t.w, t.r2), Some(t.boss));
    assert_eq!(manager(&t.w, t.leaf), Some(t.r2));
}
