//! Editing the area tree as a tree editor does: placing an area among its siblings, and deleting a
//! whole branch (children, owner and contributors) as one undo step.

mod common;

use common::*;
use topograph_model::{AreaId, ErrorCode, Op};

/// Top: A, B, C (in that order); A holds A1, A2.
fn tree() -> (World, [AreaId; 5]) {
    let mut w = World::new();
    let a = w.add_area("A", None, None);
    let b = w.add_area("B", None, None);
    let c = w.add_area("C", None, None);
    let a1 = w.add_area("A1", Some(a), None);
    let a2 = w.add_area("A2", Some(a), None);
    (w, [a, b, c, a1, a2])
}

fn names(w: &World, parent: Option<AreaId>) -> Vec<String> {
    w.org
        .areas_in_order(parent)
        .into_iter()
        .map(|a| w.area(a).name.clone())
        .collect()
}

#[test]
fn siblings_without_positions_keep_the_order_of_their_ids() {
    let (w, [a, ..]) = tree();
    assert_eq!(names(&w, None), ["A", "B", "C"]);
    assert_eq!(names(&w, Some(a)), ["A1", "A2"]);
}

#[test]
fn moving_an_area_to_a_position_among_its_siblings_reorders_them_and_undo_restores_the_order() {
    let (mut w, [_, _, c, ..]) = tree();
    w.accept(Op::MoveArea {
        id: c,
        parent: None,
        position: Some(0),
    });
    assert_eq!(names(&w, None), ["C", "A", "B"]);
    w.accept(Op::MoveArea {
        id: c,
        parent: None,
        position: Some(1),
    });
    assert_eq!(names(&w, None), ["A", "C", "B"]);
}

#[test]
fn moving_an_area_under_another_at_a_position_re_parents_and_places_it() {
    let (mut w, [a, b, _, a1, a2]) = tree();
    w.accept(Op::MoveArea {
        id: b,
        parent: Some(a),
        position: Some(1),
    });
    assert_eq!(names(&w, Some(a)), ["A1", "B", "A2"]);
    assert_eq!(names(&w, None), ["A", "C"]);
    assert_eq!(w.area(a1).position, 0);
    assert_eq!(w.area(a2).position, 2);
}

#[test]
fn a_position_past_the_last_sibling_puts_the_area_last() {
    let (mut w, [a, ..]) = tree();
    w.accept(Op::MoveArea {
        id: a,
        parent: None,
        position: Some(99),
    });
    assert_eq!(names(&w, None), ["B", "C", "A"]);
}

#[test]
fn moving_an_area_to_the_place_it_already_has_changes_nothing() {
    let (mut w, [a, _, _, a1, _]) = tree();
    w.accept(Op::MoveArea {
        id: a1,
        parent: Some(a),
        position: Some(0),
    });
    assert!(w
        .accept(Op::MoveArea {
            id: a1,
            parent: Some(a),
            position: Some(0),
        })
        .is_empty());
}

#[test]
fn an_area_cannot_be_placed_under_its_own_descendant_even_at_a_position() {
    let (mut w, [a, _, _, a1, _]) = tree();
    w.refuse_naming(
        Op::MoveArea {
            id: a,
            parent: Some(a1),
            position: Some(0),
        },
        ErrorCode::Cycle,
        &["A", "A1", "contains"],
    );
}

#[test]
fn a_new_area_with_a_position_takes_that_place_among_its_siblings() {
    let (mut w, _) = tree();
    let mut first = area("First");
    first.position = 0;
    w.add_area_record(first);
    // Ties are broken by id: the new area has the highest, so position 0 with others at 0 goes last.
    assert_eq!(names(&w, None), ["A", "B", "C", "First"]);
    let mut last = area("Last");
    last.position = 7;
    w.add_area_record(last);
    assert_eq!(names(&w, None).last().map(String::as_str), Some("Last"));
}

#[test]
fn a_branch_deleted_leaf_first_in_one_batch_comes_back_whole_in_one_undo_step() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let helper = w.add_unit("Helper", None);
    let root = w.add_area("Root", None, Some(team));
    let child = w.add_area("Child", Some(root), Some(team));
    let grandchild = w.add_area("Grandchild", Some(child), None);
    let keep = w.add_area("Keep", None, None);
    w.contribute(child, helper);
    w.contribute(root, helper);
    let before = w.records();

    // `accept` checks that the inverted patch restores `before` exactly.
    let patch = w.accept(Op::Batch {
        label: "Delete area Root".into(),
        ops: [grandchild, child, root]
            .into_iter()
            .map(|id| Op::DeleteArea { id })
            .collect(),
    });
    let after = w.records();
    assert_eq!(after.areas.iter().map(|a| a.id).collect::<Vec<_>>(), [keep]);
    assert!(after.contributors.is_empty());

    let mut undone = w.org.clone();
    undone.apply_patch(&patch.inverted()).unwrap();
    assert_eq!(undone.to_records(), before);
}
