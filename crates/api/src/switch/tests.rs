use super::*;
use crate::{DocumentInfo, History, Paths, Session};
use topograph_model::{Op, Scenario};
use topograph_scene::SceneOptions;

fn state_of() -> DocState {
    DocState {
        document: Some(DocumentInfo {
            name: "Acme".into(),
            path: "/tmp/Acme.topo".into(),
        }),
        scenarios: vec![Scenario {
            id: ScenarioId(1),
            name: "Current".into(),
            position: 0,
            archived: false,
        }],
        active_scenario: Some(ScenarioId(1)),
        records: OrgRecords::default(),
        history: History {
            undo: Some("Move \"Ada\"".into()),
            redo: None,
        },
        problem: Some(Error::new(ErrorCode::Io, "a \"quoted\" problem")),
        revision: 12,
    }
}

fn value<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("serialises")
}

fn switch(layout: Option<(std::sync::Arc<Org>, Vec<u32>)>, left_org: Option<Arc<Org>>) -> Switch {
    Switch {
        scenario: ScenarioId(2),
        version: 4,
        state: state_of(),
        layout,
        laid_out: None,
        left_org,
        left: Some(ScenarioId(1)),
        left_version: 3,
        aspect: None,
    }
}

#[test]
fn the_answer_carries_the_chart_and_records_as_serde_writes_their_types() {
    let org = topograph_sample::generate(200, 7);
    let opened = switch(Some((std::sync::Arc::new(org.clone()), vec![])), None)
        .answer()
        .unwrap();
    let sent = value(&opened);
    let scene = topograph_scene::org_chart(&org, &BTreeSet::new(), &SceneOptions::default())
        .expect("the sample lays out");
    assert_eq!(sent["scene"], value(&OrgChartWire::from(&scene)));
    assert_eq!(sent["records"], value(&org.to_records()));
    assert_eq!(sent["changes"], serde_json::Value::Null);
    assert_eq!(sent["state"], value(&state_of()));
    assert_eq!(
        (&sent["version"], &sent["left"], &sent["left_version"]),
        (&value(&4), &value(&1), &value(&3))
    );
}

#[test]
fn an_answer_for_a_kept_scenario_has_no_records_and_no_chart() {
    let sent = value(&switch(None, None).answer().unwrap());
    for field in ["scene", "records", "changes"] {
        assert_eq!(sent[field], serde_json::Value::Null, "{field}");
    }
    assert_eq!(sent["state"]["revision"], 12);
}

#[test]
fn records_close_to_those_the_ui_holds_go_as_changes_and_others_whole() {
    let org = topograph_sample::generate(400, 5);
    let records = org.to_records();
    let Records::Changes(same) = records_of(ScenarioId(2), Some(&org), &org) else {
        panic!("the same records go as (no) changes");
    };
    let none: ChangeSet = serde_json::from_str(same.get()).expect("a change set");
    assert!(none.created.is_empty() && none.updated.is_empty() && none.deleted.is_empty());

    let other = topograph_sample::generate(400, 6);
    let Records::Whole(whole) = records_of(ScenarioId(2), Some(&other), &org) else {
        panic!("unrelated records go whole");
    };
    assert_eq!(whole.get(), records.to_json());
    assert!(matches!(
        records_of(ScenarioId(2), None, &org),
        Records::Whole(_)
    ));
}

#[test]
fn a_switch_from_records_the_ui_holds_answers_the_changes_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::new(Paths::under(dir.path()));
    s.create(&dir.path().join("org.topo")).unwrap();
    let current = s.active_scenario().unwrap();
    let mut person = topograph_sample::sample().persons().next().unwrap().clone();
    (person.id, person.manager) = (topograph_model::PersonId(0), None);
    s.apply(Op::CreatePerson { person }).unwrap();
    s.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let proposal = s.snapshot().unwrap().scenarios[1].id;
    let before = s.revision();

    let opened = s
        .switch_for_ui(proposal, None, Some(current), None)
        .unwrap()
        .answer()
        .unwrap();
    assert_eq!(
        opened.state.revision,
        before + 1,
        "a switch is one revision"
    );
    assert_eq!(opened.state.active_scenario, Some(proposal));
    assert!(opened.state.records.persons.is_empty(), "records go apart");
    assert!(opened.records.is_none(), "a fork differs in nothing");
    let changes: ChangeSet = serde_json::from_str(opened.changes.unwrap().get()).unwrap();
    assert!(changes.created.is_empty() && changes.updated.is_empty());
    assert_eq!(opened.left, Some(current));
}

#[test]
fn a_switch_answered_as_changes_carries_the_budgets_and_settings_that_differ() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::new(Paths::under(dir.path()));
    s.create(&dir.path().join("org.topo")).unwrap();
    let current = s.active_scenario().unwrap();
    // Enough records that two changes go as changes, not whole.
    for unit in topograph_sample::sample().units().take(20) {
        let mut unit = unit.clone();
        (unit.id, unit.parent, unit.lead) = (topograph_model::UnitId(0), None, None);
        s.apply(Op::CreateUnit { unit }).unwrap();
    }
    s.apply(Op::ForkScenario {
        from: current,
        name: "Proposal".into(),
    })
    .unwrap();
    let proposal = s.snapshot().unwrap().scenarios[1].id;
    s.switch_scenario(proposal).unwrap();
    let unit = s.snapshot().unwrap().records.units[0].id;
    let budget = topograph_model::Budget {
        unit,
        period: "2027-Q2".into(),
        headcount: Some(4.0),
        amount: None,
    };
    s.apply(Op::SetBudget {
        budget: budget.clone(),
    })
    .unwrap();
    let settings = topograph_model::PlanSettings {
        reporting_currency: "USD".into(),
        rates: [("EUR".to_string(), 1.1)].into(),
    };
    s.apply(Op::SetPlanSettings {
        settings: settings.clone(),
    })
    .unwrap();
    s.switch_scenario(current).unwrap();

    let opened = s
        .switch_for_ui(proposal, None, Some(current), None)
        .unwrap()
        .answer()
        .unwrap();
    let changes: ChangeSet = serde_json::from_str(opened.changes.unwrap().get()).unwrap();
    assert_eq!(
        changes.created,
        [
            topograph_model::Entity::Budget(budget),
            topograph_model::Entity::PlanSettings(settings)
        ]
    );
    assert!(changes.updated.is_empty() && changes.deleted.is_empty());
}
