//! How units work together.

mod common;

use common::*;
use topograph_model::{ErrorCode, Interaction, InteractionId, InteractionMode, Op, UnitId};

fn two_units() -> (World, UnitId, UnitId) {
    let mut w = World::new();
    let a = w.add_unit("Alpha", None);
    let b = w.add_unit("Beta", None);
    (w, a, b)
}

#[test]
fn adding_an_interaction_links_two_units() {
    let (mut w, a, b) = two_units();
    let id = w.add_interaction(Interaction {
        mode: InteractionMode::XAsAService,
        note: "API".into(),
        start: Some(" 2024-01-01 ".into()),
        expected_end: Some("".into()),
        ..interaction(a, b)
    });
    let i = w.org.interaction(id).unwrap();
    assert_eq!((i.from, i.to), (a, b));
    assert_eq!(i.mode, InteractionMode::XAsAService);
    assert_eq!(i.start.as_deref(), Some("2024-01-01"));
    assert_eq!(i.expected_end, None);
    assert_eq!(w.org.interactions_of(a).collect::<Vec<_>>(), vec![id]);
    assert_eq!(w.org.interactions_of(b).collect::<Vec<_>>(), vec![id]);
}

#[test]
fn two_units_may_interact_in_several_ways() {
    let (mut w, a, b) = two_units();
    w.add_interaction(interaction(a, b));
    w.add_interaction(interaction(b, a));
    w.add_interaction(Interaction {
        mode: InteractionMode::Facilitating,
        ..interaction(a, b)
    });
    assert_eq!(w.org.interactions().count(), 3);
}

#[test]
fn an_interaction_of_a_unit_with_itself_is_refused() {
    let (mut w, a, _) = two_units();
    w.refuse_naming(
        Op::AddInteraction {
            interaction: interaction(a, a),
        },
        ErrorCode::SelfReference,
        &["Alpha", "itself"],
    );
}

#[test]
fn an_interaction_with_an_unknown_unit_is_refused() {
    let (mut w, a, _) = two_units();
    w.refuse_naming(
        Op::AddInteraction {
            interaction: interaction(UnitId(50), a),
        },
        ErrorCode::NotFound,
        &["unit #50"],
    );
    w.refuse_naming(
        Op::AddInteraction {
            interaction: interaction(a, UnitId(51)),
        },
        ErrorCode::NotFound,
        &["unit #51"],
    );
}

#[test]
fn an_interaction_date_that_is_not_in_the_calendar_is_refused() {
    let (mut w, a, b) = two_units();
    w.refuse_naming(
        Op::AddInteraction {
            interaction: Interaction {
                start: Some("2023-02-29".into()),
                ..interaction(a, b)
            },
        },
        ErrorCode::InvalidValue,
        &["start date", "2023-02-29"],
    );
    w.refuse_naming(
        Op::AddInteraction {
            interaction: Interaction {
                expected_end: Some("2024-04-31".into()),
                ..interaction(a, b)
            },
        },
        ErrorCode::InvalidValue,
        &["expected end date", "2024-04-31"],
    );
}

#[test]
fn an_expected_end_before_the_start_is_refused() {
    let (mut w, a, b) = two_units();
    w.refuse_naming(
        Op::AddInteraction {
            interaction: Interaction {
                start: Some("2024-06-01".into()),
                expected_end: Some("2024-05-31".into()),
                ..interaction(a, b)
            },
        },
        ErrorCode::InvalidValue,
        &["2024-05-31", "2024-06-01"],
    );
}

#[test]
fn an_interaction_may_end_the_day_it_starts() {
    let (mut w, a, b) = two_units();
    w.add_interaction(Interaction {
        start: Some("2024-06-01".into()),
        expected_end: Some("2024-06-01".into()),
        ..interaction(a, b)
    });
}

#[test]
fn an_interaction_with_an_explicit_id_must_have_reserved_it_and_not_be_using_it() {
    let (mut w, a, b) = two_units();
    let first = w.add_interaction(interaction(a, b));
    w.refuse_naming(
        Op::AddInteraction {
            interaction: Interaction {
                id: first,
                ..interaction(b, a)
            },
        },
        ErrorCode::Duplicate,
        &["interaction id 3", "in use"],
    );
    w.refuse_naming(
        Op::AddInteraction {
            interaction: Interaction {
                id: InteractionId(4),
                ..interaction(b, a)
            },
        },
        ErrorCode::InvalidValue,
        &["interaction id 4", "reserved"],
    );
    let reserved = InteractionId(w.ids.fresh());
    w.accept(Op::AddInteraction {
        interaction: Interaction {
            id: reserved,
            ..interaction(b, a)
        },
    });
    assert_eq!(w.org.interaction(reserved).unwrap().from, b);
}

#[test]
fn updating_an_interaction_replaces_its_fields() {
    let (mut w, a, b) = two_units();
    let c = w.add_unit("Gamma", None);
    let id = w.add_interaction(interaction(a, b));
    let edited = Interaction {
        id,
        to: c,
        mode: InteractionMode::Facilitating,
        note: "coaching".into(),
        start: Some("2024-01-01".into()),
        expected_end: Some("2024-03-01".into()),
        ..interaction(a, b)
    };
    w.accept(Op::UpdateInteraction {
        interaction: edited.clone(),
    });
    assert_eq!(w.org.interaction(id), Some(&edited));
    assert_eq!(w.org.interactions_of(b).count(), 0);
    assert_eq!(w.org.interactions_of(c).collect::<Vec<_>>(), vec![id]);
}

#[test]
fn updating_an_interaction_with_its_own_fields_changes_nothing() {
    let (mut w, a, b) = two_units();
    let id = w.add_interaction(interaction(a, b));
    let same = w.org.interaction(id).unwrap().clone();
    assert!(w
        .accept(Op::UpdateInteraction { interaction: same })
        .is_empty());
}

#[test]
fn updating_an_interaction_is_checked_like_adding_one() {
    let (mut w, a, b) = two_units();
    let id = w.add_interaction(interaction(a, b));
    let base = w.org.interaction(id).unwrap().clone();
    w.refuse_naming(
        Op::UpdateInteraction {
            interaction: Interaction {
                id: InteractionId(99),
                ..base.clone()
            },
        },
        ErrorCode::NotFound,
        &["interaction #99"],
    );
    w.refuse_naming(
        Op::UpdateInteraction {
            interaction: Interaction {
                to: a,
                ..base.clone()
            },
        },
        ErrorCode::SelfReference,
        &["Alpha"],
    );
    w.refuse_naming(
        Op::UpdateInteraction {
            interaction: Interaction {
                from: UnitId(98),
                ..base.clone()
            },
        },
        ErrorCode::NotFound,
        &["unit #98"],
    );
    w.refuse_naming(
        Op::UpdateInteraction {
            interaction: Interaction {
                to: UnitId(97),
                ..base.clone()
            },
        },
        ErrorCode::NotFound,
        &["unit #97"],
    );
    w.refuse(
        Op::UpdateInteraction {
            interaction: Interaction {
                start: Some("2024-02-02".into()),
                expected_end: Some("2024-02-01".into()),
                ..base.clone()
            },
        },
        ErrorCode::InvalidValue,
    );
    w.refuse(
        Op::UpdateInteraction {
            interaction: Interaction {
                start: Some("2023-02-29".into()),
                ..base
            },
        },
        ErrorCode::InvalidValue,
    );
}

#[test]
fn removing_an_interaction_forgets_it() {
    let (mut w, a, b) = two_units();
    let id = w.add_interaction(interaction(a, b));
    let kept = w.add_interaction(interaction(b, a));
    w.accept(Op::RemoveInteraction { id });
    assert!(w.org.interaction(id).is_none());
    assert_eq!(w.org.interactions_of(a).collect::<Vec<_>>(), vec![kept]);
}

#[test]
fn removing_an_unknown_interaction_is_refused() {
    let (mut w, a, b) = two_units();
    w.add_interaction(interaction(a, b));
    w.refuse_naming(
        Op::RemoveInteraction {
            id: InteractionId(a.0),
        },
        ErrorCode::NotFound,
        &["interaction #1"],
    );
}
