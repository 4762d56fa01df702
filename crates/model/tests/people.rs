//! Creating, editing and deleting people, open positions and planned hires.

mod common;

use common::*;
use std::collections::BTreeMap;
use topograph_model::{
    Cost, ErrorCode, Op, Person, PersonId, PersonStatus, ReportsTo, TeamRole, Unit,
};

// ---- create ----------------------------------------------------------------------------

#[test]
fn creating_a_person_gives_them_the_next_id_and_trims_their_fields() {
    let mut w = World::new();
    w.ids.next = 7;
    let patch = w.accept(Op::CreatePerson {
        person: Person {
            title: "  Staff Engineer ".into(),
            level: Some("  ".into()),
            location: Some(" Berlin ".into()),
            email: Some("ada@example.com".into()),
            employee_id: Some(" E-1 ".into()),
            start_date: Some("2024-02-29".into()),
            end_date: None,
            target_start: None,
            hiring_stage: None,
            cost: Some(Cost {
                amount: 90_000.0,
                currency: " eur".into(),
            }),
            ..person("  Ada Lovelace  ")
        },
    });
    assert_eq!(w.ids.next, 8);
    assert_eq!(patch.changes.len(), 1);
    let ada = w.person(PersonId(7));
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(ada.title, "Staff Engineer");
    assert_eq!(ada.level, None);
    assert_eq!(ada.location.as_deref(), Some("Berlin"));
    assert_eq!(ada.employee_id.as_deref(), Some("E-1"));
    assert_eq!(ada.start_date.as_deref(), Some("2024-02-29"));
    assert_eq!(
        ada.cost,
        Some(Cost {
            amount: 90_000.0,
            currency: "EUR".into()
        })
    );
    assert_eq!(ada.manager, None);
    assert_eq!(w.org.person_by_employee_id("E-1"), Some(PersonId(7)));
}

#[test]
fn creating_a_person_under_a_manager_makes_them_a_direct_report() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let ada = w.add(person_under("Ada", boss));
    assert_eq!(w.manager_of(ada), Some(boss));
    assert_eq!(w.reports(boss), vec![ada]);
}

#[test]
fn creating_a_person_under_an_unknown_manager_is_refused() {
    let mut w = World::new();
    w.add_person("Boss", None);
    w.refuse_naming(
        Op::CreatePerson {
            person: person_under("Ada", PersonId(99)),
        },
        ErrorCode::NotFound,
        &["person #99"],
    );
}

#[test]
fn a_person_without_a_name_is_refused() {
    let mut w = World::new();
    for name in ["", "   "] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    title: "Engineer".into(),
                    ..person(name)
                },
            },
            ErrorCode::NameRequired,
            &["name"],
        );
    }
}

#[test]
fn a_planned_hire_or_a_leaver_still_needs_a_name() {
    let mut w = World::new();
    for status in [PersonStatus::PlannedHire, PersonStatus::Leaving] {
        w.refuse(
            Op::CreatePerson {
                person: Person {
                    status,
                    title: "Engineer".into(),
                    ..person("")
                },
            },
            ErrorCode::NameRequired,
        );
    }
}

#[test]
fn an_open_position_needs_only_a_role_title() {
    let mut w = World::new();
    let id = w.add(open_position("Senior Designer"));
    let p = w.person(id);
    assert_eq!(p.name, "");
    assert_eq!(p.display_name(), "Senior Designer");
}

#[test]
fn an_open_position_without_a_title_is_refused() {
    let mut w = World::new();
    w.refuse_naming(
        Op::CreatePerson {
            person: open_position("  "),
        },
        ErrorCode::NameRequired,
        &["open position", "title"],
    );
}

#[test]
fn a_start_date_that_is_not_in_the_calendar_is_refused() {
    let mut w = World::new();
    for date in ["2023-02-29", "2024-13-01", "2024-1-1", "yesterday"] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    start_date: Some(date.into()),
                    end_date: None,
                    target_start: None,
                    hiring_stage: None,
                    ..person("Ada")
                },
            },
            ErrorCode::InvalidValue,
            &["start date", date],
        );
    }
}

#[test]
fn a_negative_or_non_finite_cost_is_refused() {
    let mut w = World::new();
    for amount in [-1.0, f64::NAN, f64::INFINITY] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    cost: Some(Cost {
                        amount,
                        currency: "EUR".into(),
                    }),
                    ..person("Ada")
                },
            },
            ErrorCode::InvalidValue,
            &["cost"],
        );
    }
}

#[test]
fn a_cost_of_zero_is_accepted() {
    let mut w = World::new();
    let id = w.add(Person {
        cost: Some(Cost {
            amount: 0.0,
            currency: "usd".into(),
        }),
        ..person("Intern")
    });
    assert_eq!(w.person(id).cost.as_ref().unwrap().currency, "USD");
}

#[test]
fn a_currency_that_is_not_a_three_letter_code_is_refused() {
    let mut w = World::new();
    for currency in ["", "EURO", "E1R", "€", "US"] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    cost: Some(Cost {
                        amount: 1.0,
                        currency: currency.into(),
                    }),
                    ..person("Ada")
                },
            },
            ErrorCode::InvalidValue,
            &["currency"],
        );
    }
}

#[test]
fn an_email_without_an_at_sign_or_with_spaces_is_refused() {
    let mut w = World::new();
    for email in ["ada.example.com", "ada @example.com"] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    email: Some(email.into()),
                    ..person("Ada")
                },
            },
            ErrorCode::InvalidValue,
            &[email],
        );
    }
}

#[test]
fn a_custom_field_without_a_name_is_refused() {
    let mut w = World::new();
    w.refuse_naming(
        Op::CreatePerson {
            person: Person {
                custom: BTreeMap::from([(" ".to_string(), "x".to_string())]),
                ..person("Ada")
            },
        },
        ErrorCode::InvalidValue,
        &["custom field"],
    );
}

#[test]
fn a_duplicate_employee_id_is_refused() {
    let mut w = World::new();
    w.add(Person {
        employee_id: Some("E-1".into()),
        ..person("Ada")
    });
    w.refuse_naming(
        Op::CreatePerson {
            person: Person {
                employee_id: Some(" E-1 ".into()),
                ..person("Grace")
            },
        },
        ErrorCode::Duplicate,
        &["E-1", "Ada"],
    );
}

#[test]
fn a_refused_creation_hands_out_no_id() {
    let mut w = World::new();
    w.ids.next = 5;
    w.refuse(
        Op::CreatePerson {
            person: person_under("Ada", PersonId(4)),
        },
        ErrorCode::NotFound,
    );
    assert_eq!(w.ids.next, 5);
    assert_eq!(w.add_person("Ada", None), PersonId(5));
}

#[test]
fn a_reserved_id_can_be_given_to_a_new_person() {
    let mut w = World::new();
    let reserved = w.ids.fresh();
    w.add_person("Someone else", None);
    w.accept(Op::CreatePerson {
        person: Person {
            id: PersonId(reserved),
            ..person("Ada")
        },
    });
    assert_eq!(w.person(PersonId(reserved)).name, "Ada");
    assert_eq!(w.ids.next, 3, "an explicit id uses no fresh one");
}

#[test]
fn an_explicit_id_that_was_not_reserved_is_refused() {
    let mut w = World::new();
    w.ids.next = 10;
    for id in [10, 11, 1000] {
        w.refuse_naming(
            Op::CreatePerson {
                person: Person {
                    id: PersonId(id),
                    ..person("Ada")
                },
            },
            ErrorCode::InvalidValue,
            &[&id.to_string(), "reserved"],
        );
    }
}

#[test]
fn an_explicit_id_already_in_use_is_refused() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    w.refuse_naming(
        Op::CreatePerson {
            person: Person {
                id: ada,
                ..person("Grace")
            },
        },
        ErrorCode::Duplicate,
        &[&ada.0.to_string(), "in use"],
    );
}

#[test]
fn the_id_of_a_deleted_person_can_bring_them_back() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    w.accept(Op::DeletePerson {
        id: ada,
        reports_to: None,
    });
    w.accept(Op::CreatePerson {
        person: Person {
            id: ada,
            ..person("Ada")
        },
    });
    assert_eq!(w.person(ada).name, "Ada");
}

// ---- update ----------------------------------------------------------------------------

#[test]
fn updating_a_person_replaces_their_fields() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let ada = w.add(Person {
        employee_id: Some("E-1".into()),
        ..person_under("Ada", boss)
    });
    let mut edited = w.person(ada).clone();
    edited.name = " Ada King ".into();
    edited.title = "CTO".into();
    edited.status = PersonStatus::Leaving;
    edited.employee_id = Some("E-2".into());
    edited.custom.insert("pronouns".into(), "she/her".into());
    let patch = w.accept(Op::UpdatePerson {
        person: edited.clone(),
    });
    assert_eq!(patch.changes.len(), 1);
    edited.name = "Ada King".into();
    assert_eq!(w.person(ada), &edited);
    assert_eq!(w.org.person_by_employee_id("E-2"), Some(ada));
    assert_eq!(w.org.person_by_employee_id("E-1"), None);
}

#[test]
fn updating_a_person_with_their_own_fields_changes_nothing() {
    let mut w = World::new();
    let ada = w.add(Person {
        employee_id: Some("E-1".into()),
        ..person("Ada")
    });
    let same = w.person(ada).clone();
    let patch = w.accept(Op::UpdatePerson { person: same });
    assert!(patch.is_empty());
}

#[test]
fn updating_a_person_cannot_change_their_manager() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let other = w.add_person("Other", None);
    let ada = w.add(person_under("Ada", boss));
    for manager in [Some(other), None, Some(PersonId(99))] {
        let mut edited = w.person(ada).clone();
        edited.manager = manager;
        w.refuse_naming(
            Op::UpdatePerson { person: edited },
            ErrorCode::NotAllowed,
            &["Ada", "manager", "set-manager"],
        );
    }
}

#[test]
fn updating_an_unknown_person_is_refused() {
    let mut w = World::new();
    w.add_person("Ada", None);
    w.refuse_naming(
        Op::UpdatePerson {
            person: Person {
                id: PersonId(42),
                ..person("Nobody")
            },
        },
        ErrorCode::NotFound,
        &["person #42"],
    );
}

#[test]
fn updating_a_person_checks_their_fields_like_creating_does() {
    let mut w = World::new();
    let ada = w.add_person("Ada", None);
    let base = w.person(ada).clone();
    w.refuse(
        Op::UpdatePerson {
            person: Person {
                name: " ".into(),
                ..base.clone()
            },
        },
        ErrorCode::NameRequired,
    );
    w.refuse(
        Op::UpdatePerson {
            person: Person {
                start_date: Some("2023-02-29".into()),
                end_date: None,
                target_start: None,
                hiring_stage: None,
                ..base.clone()
            },
        },
        ErrorCode::InvalidValue,
    );
    w.refuse(
        Op::UpdatePerson {
            person: Person {
                cost: Some(Cost {
                    amount: -5.0,
                    currency: "EUR".into(),
                }),
                ..base
            },
        },
        ErrorCode::InvalidValue,
    );
}

#[test]
fn updating_a_person_to_someone_elses_employee_id_is_refused() {
    let mut w = World::new();
    w.add(Person {
        employee_id: Some("E-1".into()),
        ..person("Ada")
    });
    let grace = w.add(Person {
        employee_id: Some("E-2".into()),
        ..person("Grace")
    });
    let mut edited = w.person(grace).clone();
    edited.employee_id = Some("E-1".into());
    w.refuse_naming(
        Op::UpdatePerson { person: edited },
        ErrorCode::Duplicate,
        &["E-1", "Ada"],
    );
}

#[test]
fn an_employee_id_given_up_in_a_batch_can_be_taken_by_someone_new() {
    let mut w = World::new();
    let ada = w.add(Person {
        employee_id: Some("E-1".into()),
        ..person("Ada")
    });
    let mut edited = w.person(ada).clone();
    edited.employee_id = None;
    w.accept(Op::Batch {
        label: "swap".into(),
        ops: vec![
            Op::UpdatePerson { person: edited },
            Op::CreatePerson {
                person: Person {
                    employee_id: Some("E-1".into()),
                    ..person("Grace")
                },
            },
        ],
    });
    let grace = w.org.person_by_employee_id("E-1").unwrap();
    assert_eq!(w.person(grace).name, "Grace");
}

// ---- delete ----------------------------------------------------------------------------

#[test]
fn deleting_a_person_without_reports_removes_them() {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let ada = w.add(person_under("Ada", boss));
    w.accept(Op::DeletePerson {
        id: ada,
        reports_to: None,
    });
    assert!(w.org.person(ada).is_none());
    assert!(w.reports(boss).is_empty());
}

#[test]
fn deleting_an_unknown_person_is_refused() {
    let mut w = World::new();
    w.add_person("Ada", None);
    w.refuse_naming(
        Op::DeletePerson {
            id: PersonId(77),
            reports_to: Some(ReportsTo::Nobody),
        },
        ErrorCode::NotFound,
        &["person #77"],
    );
}

/// Boss > Mid > (R1, R2 > Leaf), plus Other at the top.
struct Tree {
    w: World,
    boss: PersonId,
    mid: PersonId,
    r1: PersonId,
    r2: PersonId,
    leaf: PersonId,
    other: PersonId,
}

fn tree() -> Tree {
    let mut w = World::new();
    let boss = w.add_person("Boss", None);
    let mid = w.add_person("Mid", Some(boss));
    let r1 = w.add_person("R1", Some(mid));
    let r2 = w.add_person("R2", Some(mid));
    let leaf = w.add_person("Leaf", Some(r2));
    let other = w.add_person("Other", None);
    Tree {
        w,
        boss,
        mid,
        r1,
        r2,
        leaf,
        other,
    }
}

#[test]
fn deleting_a_person_with_reports_without_saying_where_they_go_is_refused() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::DeletePerson {
            id: t.mid,
            reports_to: None,
        },
        ErrorCode::HasReports,
        &["Mid", "2 direct report"],
    );
}

#[test]
fn deleting_a_person_can_send_their_reports_to_the_deleted_persons_manager() {
    let mut t = tree();
    t.w.accept(Op::DeletePerson {
        id: t.mid,
        reports_to: Some(ReportsTo::DeletedPersonsManager),
    });
    assert!(t.w.org.person(t.mid).is_none());
    assert_eq!(t.w.manager_of(t.r1), Some(t.boss));
    assert_eq!(t.w.manager_of(t.r2), Some(t.boss));
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2), "grand-reports stay put");
    assert_eq!(t.w.reports(t.boss), vec![t.r1, t.r2]);
}

#[test]
fn deleting_a_top_person_with_their_managers_option_leaves_the_reports_at_the_top() {
    let mut t = tree();
    t.w.accept(Op::DeletePerson {
        id: t.boss,
        reports_to: Some(ReportsTo::DeletedPersonsManager),
    });
    assert_eq!(t.w.manager_of(t.mid), None);
    assert_eq!(t.w.manager_of(t.r1), Some(t.mid));
}

#[test]
fn deleting_a_person_can_send_their_reports_to_a_named_person() {
    let mut t = tree();
    t.w.accept(Op::DeletePerson {
        id: t.mid,
        reports_to: Some(ReportsTo::Person { id: t.other }),
    });
    assert_eq!(t.w.reports(t.other), vec![t.r1, t.r2]);
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2));
    assert!(t.w.reports(t.boss).is_empty());
}

#[test]
fn deleting_a_person_can_leave_their_reports_without_a_manager() {
    let mut t = tree();
    t.w.accept(Op::DeletePerson {
        id: t.mid,
        reports_to: Some(ReportsTo::Nobody),
    });
    assert_eq!(t.w.manager_of(t.r1), None);
    assert_eq!(t.w.manager_of(t.r2), None);
    assert_eq!(t.w.manager_of(t.leaf), Some(t.r2));
}

#[test]
fn the_reports_of_a_deleted_person_cannot_go_to_them_or_below_them() {
    let mut t = tree();
    for to in [t.mid, t.r1, t.leaf] {
        let name = t.w.person(to).name.clone();
        t.w.refuse_naming(
            Op::DeletePerson {
                id: t.mid,
                reports_to: Some(ReportsTo::Person { id: to }),
            },
            ErrorCode::Cycle,
            &["Mid", &name],
        );
    }
}

#[test]
fn the_reports_of_a_deleted_person_cannot_go_to_an_unknown_person() {
    let mut t = tree();
    t.w.refuse_naming(
        Op::DeletePerson {
            id: t.mid,
            reports_to: Some(ReportsTo::Person { id: PersonId(500) }),
        },
        ErrorCode::NotFound,
        &["person #500"],
    );
}

#[test]
fn reports_moved_to_someone_they_have_a_dotted_line_to_lose_that_dotted_line() {
    let mut t = tree();
    t.w.dotted(t.r1, t.other);
    t.w.dotted(t.r1, t.boss);
    t.w.accept(Op::DeletePerson {
        id: t.mid,
        reports_to: Some(ReportsTo::Person { id: t.other }),
    });
    assert_eq!(t.w.manager_of(t.r1), Some(t.other));
    assert_eq!(t.w.dotted_lines(), vec![(t.r1, t.boss)]);
}

#[test]
fn deleting_a_person_removes_their_memberships_dotted_lines_both_ways_and_unit_leads() {
    let mut t = tree();
    let team = t.w.add_unit_record(Unit {
        lead: Some(t.mid),
        ..unit("Team")
    });
    let other_team = t.w.add_unit_record(Unit {
        lead: Some(t.mid),
        ..unit("Other team")
    });
    let untouched = t.w.add_unit_record(Unit {
        lead: Some(t.boss),
        ..unit("Untouched")
    });
    t.w.seat(t.mid, team, 60);
    t.w.seat(t.mid, other_team, 40);
    t.w.seat(t.r1, team, 100);
    t.w.dotted(t.mid, t.other);
    t.w.dotted(t.other, t.mid);
    t.w.dotted(t.leaf, t.mid);
    t.w.dotted(t.leaf, t.boss);
    t.w.accept(Op::DeletePerson {
        id: t.mid,
        reports_to: Some(ReportsTo::DeletedPersonsManager),
    });
    let r = t.w.records();
    assert_eq!(r.memberships.len(), 1);
    assert_eq!(
        (r.memberships[0].person, r.memberships[0].unit),
        (t.r1, team)
    );
    assert_eq!(r.memberships[0].role, TeamRole::Engineer);
    assert_eq!(t.w.dotted_lines(), vec![(t.leaf, t.boss)]);
    assert_eq!(t.w.unit(team).lead, None);
    assert_eq!(t.w.unit(other_team).lead, None);
    assert_eq!(t.w.unit(untouched).lead, Some(t.boss));
    assert_eq!(t.w.org.units_led_by(t.mid).count(), 0);
}
