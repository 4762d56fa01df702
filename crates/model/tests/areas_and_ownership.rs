//! Product areas, their single owner and their contributors.

mod common;

use common::*;
use topograph_model::{Area, AreaId, Complexity, ErrorCode, Op, UnitId};

// ---- create ----------------------------------------------------------------------------

#[test]
fn creating_an_area_trims_its_name_and_links_parent_and_owner() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let product = w.add_area("Product", None, None);
    let id = w.add_area_record(Area {
        description: "Paying".into(),
        complexity: Complexity::Complex,
        user_facing: false,
        parent: Some(product),
        owner: Some(team),
        ..area("  Checkout ")
    });
    let a = w.area(id);
    assert_eq!(a.name, "Checkout");
    assert_eq!(a.parent, Some(product));
    assert_eq!(a.owner, Some(team));
    assert_eq!(a.complexity, Complexity::Complex);
    assert_eq!(w.org.child_areas(product).collect::<Vec<_>>(), vec![id]);
    assert_eq!(w.org.areas_owned_by(team).collect::<Vec<_>>(), vec![id]);
}

#[test]
fn an_area_without_a_name_is_refused() {
    let mut w = World::new();
    for name in ["", " \t "] {
        w.refuse_naming(
            Op::CreateArea { area: area(name) },
            ErrorCode::NameRequired,
            &["area", "name"],
        );
    }
}

#[test]
fn an_area_inside_an_unknown_area_or_owned_by_an_unknown_unit_is_refused() {
    let mut w = World::new();
    w.add_area("Product", None, None);
    w.refuse_naming(
        Op::CreateArea {
            area: Area {
                parent: Some(AreaId(20)),
                ..area("Checkout")
            },
        },
        ErrorCode::NotFound,
        &["area #20"],
    );
    w.refuse_naming(
        Op::CreateArea {
            area: Area {
                owner: Some(UnitId(21)),
                ..area("Checkout")
            },
        },
        ErrorCode::NotFound,
        &["unit #21"],
    );
}

#[test]
fn an_area_with_an_explicit_id_must_have_reserved_it_and_not_be_using_it() {
    let mut w = World::new();
    let product = w.add_area("Product", None, None);
    w.refuse_naming(
        Op::CreateArea {
            area: Area {
                id: product,
                ..area("Copy")
            },
        },
        ErrorCode::Duplicate,
        &["area id 1", "in use"],
    );
    w.refuse_naming(
        Op::CreateArea {
            area: Area {
                id: AreaId(50),
                ..area("Copy")
            },
        },
        ErrorCode::InvalidValue,
        &["area id 50", "reserved"],
    );
    let reserved = AreaId(w.ids.fresh());
    w.accept(Op::CreateArea {
        area: Area {
            id: reserved,
            parent: Some(product),
            ..area("Checkout")
        },
    });
    assert_eq!(w.area(reserved).parent, Some(product));
}

// ---- update ----------------------------------------------------------------------------

#[test]
fn updating_an_area_replaces_its_fields() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let product = w.add_area("Product", None, None);
    let id = w.add_area("Checkout", Some(product), Some(team));
    let edited = Area {
        name: " Payments ".into(),
        description: "Money in".into(),
        complexity: Complexity::Complicated,
        user_facing: false,
        ..w.area(id).clone()
    };
    w.accept(Op::UpdateArea { area: edited });
    let a = w.area(id);
    assert_eq!(a.name, "Payments");
    assert_eq!(a.description, "Money in");
    assert_eq!(a.complexity, Complexity::Complicated);
    assert!(!a.user_facing);
    assert_eq!((a.parent, a.owner), (Some(product), Some(team)));
}

#[test]
fn updating_an_area_with_its_own_fields_changes_nothing() {
    let mut w = World::new();
    let id = w.add_area("Checkout", None, None);
    let same = w.area(id).clone();
    assert!(w.accept(Op::UpdateArea { area: same }).is_empty());
}

#[test]
fn updating_an_area_cannot_change_its_parent_or_owner() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let other_team = w.add_unit("Other team", None);
    let product = w.add_area("Product", None, None);
    let other = w.add_area("Other", None, None);
    let id = w.add_area("Checkout", Some(product), Some(team));
    let base = w.area(id).clone();
    let edits = [
        Area {
            parent: None,
            ..base.clone()
        },
        Area {
            parent: Some(other),
            ..base.clone()
        },
        Area {
            owner: None,
            ..base.clone()
        },
        Area {
            owner: Some(other_team),
            ..base.clone()
        },
    ];
    for edited in edits {
        w.refuse_naming(
            Op::UpdateArea { area: edited },
            ErrorCode::NotAllowed,
            &["Checkout", "move-area", "set-owner"],
        );
    }
}

#[test]
fn updating_an_unknown_area_or_to_an_empty_name_is_refused() {
    let mut w = World::new();
    let id = w.add_area("Checkout", None, None);
    w.refuse_naming(
        Op::UpdateArea {
            area: Area {
                id: AreaId(60),
                ..area("Ghost")
            },
        },
        ErrorCode::NotFound,
        &["area #60"],
    );
    w.refuse(
        Op::UpdateArea {
            area: Area {
                name: " ".into(),
                ..w.area(id).clone()
            },
        },
        ErrorCode::NameRequired,
    );
}

// ---- delete ----------------------------------------------------------------------------

#[test]
fn deleting_an_area_moves_its_children_up_and_removes_its_contributors() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let helper = w.add_unit("Helper", None);
    let root = w.add_area("Root", None, None);
    let product = w.add_area("Product", Some(root), Some(team));
    let checkout = w.add_area("Checkout", Some(product), None);
    let search = w.add_area("Search", Some(product), None);
    let deep = w.add_area("Deep", Some(checkout), None);
    w.contribute(product, helper);
    w.contribute(checkout, helper);

    w.accept(Op::DeleteArea { id: product });

    assert!(w.org.area(product).is_none());
    assert_eq!(w.area(checkout).parent, Some(root));
    assert_eq!(w.area(search).parent, Some(root));
    assert_eq!(w.area(deep).parent, Some(checkout));
    assert_eq!(
        w.records()
            .contributors
            .iter()
            .map(|c| (c.area, c.unit))
            .collect::<Vec<_>>(),
        vec![(checkout, helper)]
    );
    assert_eq!(w.org.areas_owned_by(team).count(), 0);
    assert!(w.org.unit(team).is_some(), "the owner stays");
}

#[test]
fn deleting_a_top_area_makes_its_children_top_areas() {
    let mut w = World::new();
    let product = w.add_area("Product", None, None);
    let checkout = w.add_area("Checkout", Some(product), None);
    w.accept(Op::DeleteArea { id: product });
    assert_eq!(w.area(checkout).parent, None);
}

#[test]
fn deleting_an_unknown_area_is_refused() {
    let mut w = World::new();
    w.add_area("Product", None, None);
    w.refuse_naming(
        Op::DeleteArea { id: AreaId(8) },
        ErrorCode::NotFound,
        &["area #8"],
    );
}

// ---- move ------------------------------------------------------------------------------

/// Product > Checkout > Payments, plus Other at the top.
fn areas() -> (World, [AreaId; 4]) {
    let mut w = World::new();
    let product = w.add_area("Product", None, None);
    let checkout = w.add_area("Checkout", Some(product), None);
    let payments = w.add_area("Payments", Some(checkout), None);
    let other = w.add_area("Other", None, None);
    (w, [product, checkout, payments, other])
}

#[test]
fn moving_an_area_moves_it_with_everything_inside() {
    let (mut w, [product, checkout, payments, other]) = areas();
    w.accept(Op::MoveArea {
        id: checkout,
        parent: Some(other),
        position: None,
    });
    assert_eq!(w.area(checkout).parent, Some(other));
    assert_eq!(w.area(payments).parent, Some(checkout));
    assert_eq!(w.org.child_areas(product).count(), 0);
    w.accept(Op::MoveArea {
        id: checkout,
        parent: None,
        position: None,
    });
    assert_eq!(w.area(checkout).parent, None);
}

#[test]
fn moving_an_area_where_it_already_is_changes_nothing() {
    let (mut w, [product, checkout, _, _]) = areas();
    assert!(w
        .accept(Op::MoveArea {
            id: checkout,
            parent: Some(product),
            position: None,
        })
        .is_empty());
}

#[test]
fn an_area_cannot_contain_itself() {
    let (mut w, [_, checkout, _, _]) = areas();
    w.refuse_naming(
        Op::MoveArea {
            id: checkout,
            parent: Some(checkout),
            position: None,
        },
        ErrorCode::SelfReference,
        &["Checkout", "itself"],
    );
}

#[test]
fn an_area_cannot_move_into_an_area_it_contains() {
    let (mut w, [product, checkout, payments, _]) = areas();
    for (inner, name) in [(checkout, "Checkout"), (payments, "Payments")] {
        w.refuse_naming(
            Op::MoveArea {
                id: product,
                parent: Some(inner),
                position: None,
            },
            ErrorCode::Cycle,
            &["Product", name],
        );
    }
}

#[test]
fn moving_an_unknown_area_or_into_an_unknown_area_is_refused() {
    let (mut w, [product, checkout, _, _]) = areas();
    w.refuse_naming(
        Op::MoveArea {
            id: AreaId(90),
            parent: Some(product),
            position: None,
        },
        ErrorCode::NotFound,
        &["area #90"],
    );
    w.refuse_naming(
        Op::MoveArea {
            id: checkout,
            parent: Some(AreaId(91)),
            position: None,
        },
        ErrorCode::NotFound,
        &["area #91"],
    );
}

// ---- ownership -------------------------------------------------------------------------

#[test]
fn setting_an_owner_makes_a_unit_the_single_owner() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let other = w.add_unit("Other", None);
    let id = w.add_area("Checkout", None, Some(team));
    w.accept(Op::SetOwner {
        area: id,
        unit: other,
    });
    assert_eq!(w.area(id).owner, Some(other));
    assert_eq!(w.org.areas_owned_by(team).count(), 0);
    assert_eq!(w.org.areas_owned_by(other).collect::<Vec<_>>(), vec![id]);
}

#[test]
fn setting_the_owner_an_area_already_has_changes_nothing() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let id = w.add_area("Checkout", None, Some(team));
    assert!(w
        .accept(Op::SetOwner {
            area: id,
            unit: team,
        })
        .is_empty());
}

#[test]
fn a_contributor_that_becomes_owner_stops_contributing() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let helper = w.add_unit("Helper", None);
    let third = w.add_unit("Third", None);
    let id = w.add_area("Checkout", None, Some(team));
    w.contribute(id, helper);
    w.contribute(id, third);
    w.accept(Op::SetOwner {
        area: id,
        unit: helper,
    });
    assert_eq!(w.area(id).owner, Some(helper));
    assert!(!w.org.is_contributor(id, helper));
    assert_eq!(w.org.contributors_of(id).collect::<Vec<_>>(), vec![third]);
    assert!(
        !w.org.is_contributor(id, team),
        "the old owner does not become a contributor"
    );
}

#[test]
fn setting_an_owner_on_an_unknown_area_or_to_an_unknown_unit_is_refused() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let id = w.add_area("Checkout", None, None);
    w.refuse_naming(
        Op::SetOwner {
            area: AreaId(70),
            unit: team,
        },
        ErrorCode::NotFound,
        &["area #70"],
    );
    w.refuse_naming(
        Op::SetOwner {
            area: id,
            unit: UnitId(71),
        },
        ErrorCode::NotFound,
        &["unit #71"],
    );
}

#[test]
fn clearing_an_owner_leaves_the_area_unowned() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let id = w.add_area("Checkout", None, Some(team));
    w.accept(Op::ClearOwner { area: id });
    assert_eq!(w.area(id).owner, None);
    assert!(w.accept(Op::ClearOwner { area: id }).is_empty());
}

#[test]
fn clearing_the_owner_of_an_unknown_area_is_refused() {
    let mut w = World::new();
    w.refuse_naming(
        Op::ClearOwner { area: AreaId(3) },
        ErrorCode::NotFound,
        &["area #3"],
    );
}

// ---- contributors ----------------------------------------------------------------------

#[test]
fn a_unit_can_contribute_to_an_area_it_does_not_own_and_stop_again() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let helper = w.add_unit("Helper", None);
    let id = w.add_area("Checkout", None, Some(team));
    w.contribute(id, helper);
    assert!(w.org.is_contributor(id, helper));
    assert_eq!(w.org.contributions_of(helper).collect::<Vec<_>>(), vec![id]);
    w.accept(Op::RemoveContributor {
        area: id,
        unit: helper,
    });
    assert!(!w.org.is_contributor(id, helper));
    assert_eq!(w.area(id).owner, Some(team));
}

#[test]
fn a_contributor_that_is_the_owner_is_refused() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let id = w.add_area("Checkout", None, Some(team));
    w.refuse_naming(
        Op::AddContributor {
            area: id,
            unit: team,
        },
        ErrorCode::Duplicate,
        &["Team", "owns", "Checkout"],
    );
}

#[test]
fn a_duplicate_contributor_is_refused() {
    let mut w = World::new();
    let helper = w.add_unit("Helper", None);
    let id = w.add_area("Checkout", None, None);
    w.contribute(id, helper);
    w.refuse_naming(
        Op::AddContributor {
            area: id,
            unit: helper,
        },
        ErrorCode::Duplicate,
        &["Helper", "contributes", "Checkout"],
    );
}

#[test]
fn a_contributor_for_an_unknown_area_or_unit_is_refused() {
    let mut w = World::new();
    let helper = w.add_unit("Helper", None);
    let id = w.add_area("Checkout", None, None);
    w.refuse_naming(
        Op::AddContributor {
            area: AreaId(44),
            unit: helper,
        },
        ErrorCode::NotFound,
        &["area #44"],
    );
    w.refuse_naming(
        Op::AddContributor {
            area: id,
            unit: UnitId(45),
        },
        ErrorCode::NotFound,
        &["unit #45"],
    );
}

#[test]
fn removing_a_contribution_that_does_not_exist_is_refused() {
    let mut w = World::new();
    let team = w.add_unit("Team", None);
    let id = w.add_area("Checkout", None, Some(team));
    for (area, unit) in [(id, team), (AreaId(46), team), (id, UnitId(47))] {
        w.refuse_naming(
            Op::RemoveContributor { area, unit },
            ErrorCode::NotFound,
            &[&area.to_string(), &unit.to_string()],
        );
    }
}
