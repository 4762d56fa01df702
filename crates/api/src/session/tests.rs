use super::*;
use std::collections::BTreeMap;
use topograph_model::{
    ChangeSet, Date, Discipline, Employment, Entity, Person, PersonId, PersonStatus,
};

fn session(dir: &Path) -> Session {
    Session::new(Paths::under(dir))
}

fn new_person(name: &str) -> Op {
    Op::CreatePerson {
        person: Person {
            id: PersonId(0),
            name: name.to_string(),
            title: "Engineer".to_string(),
            discipline: Discipline::Engineering,
            level: None,
            location: None,
            email: None,
            employee_id: None,
            employment: Employment::Employee,
            status: PersonStatus::Active,
            start_date: None,
            end_date: None,
            target_start: None,
            hiring_stage: None,
            cost: None,
            custom: BTreeMap::new(),
            manager: None,
        },
    }
}

fn created_names(changes: &ChangeSet) -> Vec<String> {
    changes
        .created
        .iter()
        .filter_map(|e| match e {
            Entity::Person(p) => Some(p.name.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_first_start_writes_the_sample_and_later_starts_reopen_the_last_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.start(None);
    let sample = dir.path().join(SAMPLE_FILE);
    assert!(sample.exists());
    let state = s.state().unwrap();
    assert_eq!(state.document.as_ref().unwrap().name, "Sample");
    assert_eq!(state.scenarios.len(), 1);
    assert_eq!(state.problem, None);
    assert_eq!(s.title(), "Sample — Topograph");

    let other = dir.path().join("Plans.topo");
    s.create(&other).unwrap();
    s.apply(new_person("Ada")).unwrap();
    s.close();
    drop(s);

    let mut s = session(dir.path());
    s.start(None);
    let state = s.state().unwrap();
    assert_eq!(state.document.unwrap().name, "Plans");
    assert_eq!(state.records.persons.len(), 1);
    assert_eq!(
        s.recent()
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Plans", "Sample"]
    );
}

#[test]
fn a_file_that_is_not_a_document_is_refused_untouched_and_the_open_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.start(None);
    let bad = dir.path().join("notes.topo");
    let bytes =
        b"these are not the droids you are looking for, nor a Topograph document at all, really."
            .repeat(3);
    std::fs::write(&bad, &bytes).unwrap();
    let e = s.open(&bad).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotADocument);
    assert!(e.message.contains("notes.topo"), "{}", e.message);
    assert_eq!(std::fs::read(&bad).unwrap(), bytes);
    assert_eq!(s.title(), "Sample — Topograph");
    assert!(!s.recent().iter().any(|r| r.name == "notes"));
}

#[test]
fn a_document_given_at_start_that_will_not_open_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.start(Some(&dir.path().join("missing.topo")));
    let state = s.state().unwrap();
    assert!(state.document.is_none());
    assert_eq!(state.problem.unwrap().code, ErrorCode::FileNotFound);
    assert_eq!(s.state().unwrap().problem, None);
    // Nothing open: edits say so instead of failing obscurely.
    assert_eq!(
        s.apply(new_person("Ada")).unwrap_err().code,
        ErrorCode::NotAllowed
    );
}

#[test]
fn a_last_document_that_is_gone_falls_back_to_the_sample_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("Gone.topo");
    let mut settings = Settings::default();
    settings.remember(&gone);
    settings.save(&dir.path().join("settings.json")).unwrap();
    let mut s = session(dir.path());
    s.start(None);
    let state = s.state().unwrap();
    assert_eq!(state.document.unwrap().name, "Sample");
    assert_eq!(state.problem.unwrap().code, ErrorCode::FileNotFound);
}

#[test]
fn edits_in_the_open_scenario_patch_and_an_undo_elsewhere_switches() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("a.topo")).unwrap();
    let first = s.active_scenario().unwrap();

    let Edit::Patched(applied) = s.apply(new_person("Ada")).unwrap() else {
        panic!("an edit in the open scenario is a patch");
    };
    assert_eq!(created_names(&applied.changes), ["Ada"]);
    assert_eq!(s.history().unwrap().undo.as_deref(), Some("Add person"));

    let Edit::Patched(applied) = s
        .apply(Op::CreateScenario {
            name: "Proposal".into(),
        })
        .unwrap()
    else {
        panic!("adding a scenario keeps the open one open");
    };
    let second = match &applied.changes.created[..] {
        [Entity::Scenario(sc)] => sc.id,
        other => panic!("expected the new scenario, got {other:?}"),
    };
    s.switch_scenario(second).unwrap();
    assert!(matches!(
        s.apply(new_person("Ben")).unwrap(),
        Edit::Patched(_)
    ));
    s.switch_scenario(first).unwrap();
    let Edit::Switched(applied) = s.undo().unwrap() else {
        panic!("undoing an edit made in another scenario opens that scenario");
    };
    assert_eq!(applied.active_scenario, second);
    assert_eq!(s.active_scenario(), Some(second));
    assert!(matches!(s.redo().unwrap(), Edit::Patched(_)));
}

#[test]
fn save_as_continues_in_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("a.topo")).unwrap();
    s.apply(new_person("Ada")).unwrap();
    let copy = dir.path().join("b.topo");
    s.save_as(&copy).unwrap();
    assert_eq!(s.title(), "b — Topograph");
    s.apply(new_person("Ben")).unwrap();
    assert_eq!(s.snapshot().unwrap().records.persons.len(), 2);
    assert_eq!(s.recent()[0].name, "b");
    s.close();
    let mut s = session(dir.path());
    s.open(&dir.path().join("a.topo")).unwrap();
    assert_eq!(s.snapshot().unwrap().records.persons.len(), 1);
    assert_eq!(s.save_as(&copy).unwrap_err().code, ErrorCode::FileExists);
}

#[test]
fn file_new_makes_a_blank_org_or_a_copy_of_the_sample_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let blank = dir.path().join("blank.topo");
    s.create(&blank).unwrap();
    assert!(s.snapshot().unwrap().records.persons.is_empty());
    let copy = dir.path().join("copy.topo");
    s.create_from(&copy, NewTemplate::Sample).unwrap();
    assert_eq!(s.title(), "copy — Topograph");
    assert_eq!(
        s.snapshot().unwrap().records.persons.len(),
        topograph_sample::sample().person_count()
    );
    assert_eq!(
        s.create_from(&blank, NewTemplate::Sample).unwrap_err().code,
        ErrorCode::FileExists
    );
    assert_eq!(s.recent()[0].name, "copy");
}

#[test]
fn closing_leaves_an_empty_state_and_keeps_the_document_to_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("a.topo")).unwrap();
    s.close();
    assert_eq!(
        s.state().unwrap(),
        DocState {
            revision: s.revision(),
            ..DocState::default()
        }
    );
    assert_eq!(s.title(), "Topograph");
    assert_eq!(
        Settings::load(&s.paths().settings_file).last_document,
        Some(dir.path().join("a.topo"))
    );
}

#[test]
fn collapsed_nodes_are_kept_per_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("a.topo")).unwrap();
    s.set_collapsed(View::OrgChart, 7, true).unwrap();
    assert_eq!(s.collapsed(View::OrgChart).unwrap(), [7]);
    assert!(s.collapsed(View::TeamMap).unwrap().is_empty());
    let (_, collapsed) = s.org_chart_input().unwrap();
    assert_eq!(collapsed, [7]);
    s.replace_collapsed(View::OrgChart, &[3, 5]).unwrap();
    assert_eq!(s.collapsed(View::OrgChart).unwrap(), [3, 5]);
}

#[test]
fn broken_settings_read_as_none_and_the_recent_list_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("settings.json");
    std::fs::write(&file, "{ not json").unwrap();
    assert_eq!(Settings::load(&file), Settings::default());
    let mut settings = Settings::default();
    for i in 0..(RECENT_LIMIT + 5) {
        settings.remember(Path::new(&format!("/d/{i}.topo")));
    }
    settings.remember(Path::new("/d/3.topo"));
    assert_eq!(settings.recent_documents.len(), RECENT_LIMIT);
    assert_eq!(settings.recent_documents[0], Path::new("/d/3.topo"));
    assert_eq!(
        settings
            .recent_documents
            .iter()
            .filter(|p| *p == Path::new("/d/3.topo"))
            .count(),
        1
    );
}

#[test]
fn a_scenario_keeps_its_version_across_switches_until_it_is_edited_or_collapsed() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("org.topo")).unwrap();
    let first = s.active_scenario().unwrap();
    let Edit::Patched(applied) = s
        .apply(Op::CreateScenario {
            name: "Proposal".into(),
        })
        .unwrap()
    else {
        panic!("adding a scenario keeps the open one open");
    };
    let [Entity::Scenario(second)] = &applied.changes.created[..] else {
        panic!("expected the new scenario");
    };
    let second = second.id;
    let before = s.version(first);

    s.switch_scenario(second).unwrap();
    s.switch_scenario(first).unwrap();
    assert_eq!(s.version(first), before, "switching changes nothing");

    s.apply(new_person("Ada")).unwrap();
    let edited = s.version(first);
    assert_ne!(edited, before);
    let ada = s.snapshot().unwrap().records.persons[0].id.0;
    s.set_collapsed(View::OrgChart, ada, true).unwrap();
    assert_ne!(s.version(first), edited, "the org chart changed");
}

#[test]
fn several_steps_in_one_scenario_patch_and_steps_across_scenarios_reload() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("h.topo")).unwrap();
    for name in ["Ada", "Ben", "Cy"] {
        s.apply(new_person(name)).unwrap();
    }
    assert_eq!(s.history_log(10).unwrap().done.len(), 3);

    let (edit, stopped) = s.travel(true, 2).unwrap();
    assert!(stopped.is_none());
    let Edit::Patched(applied) = edit else {
        panic!("two steps in the open scenario are one patch");
    };
    assert_eq!(
        applied.changes.deleted.len(),
        2,
        "Ben and Cy go in one change set"
    );
    let log = s.history_log(10).unwrap();
    assert_eq!((log.done.len(), log.undone.len()), (1, 2));

    s.apply(Op::CreateScenario {
        name: "Proposal".into(),
    })
    .unwrap();
    let (edit, _) = s.travel(true, 2).unwrap();
    assert!(
        matches!(edit, Edit::Switched(_)),
        "a scenario and a record change together need the whole state"
    );
    assert!(s.travel(true, 1).is_err(), "nothing is left to undo");
}

#[test]
fn every_change_the_ui_is_told_of_moves_the_document_revision_on_and_view_state_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    let mut seen = vec![s.snapshot().unwrap().revision];
    let mut step = |s: &Session, what: &str| {
        let now = s.snapshot().unwrap().revision;
        assert_eq!(now, s.revision(), "{what}: the state carries the revision");
        assert!(now > *seen.last().unwrap(), "{what} moves the revision on");
        seen.push(now);
    };
    s.create(&dir.path().join("org.topo")).unwrap();
    step(&s, "a new document");
    s.apply(new_person("Ada")).unwrap();
    step(&s, "an edit");
    let first = s.active_scenario().unwrap();
    s.apply(Op::CreateScenario {
        name: "Proposal".into(),
    })
    .unwrap();
    step(&s, "a new scenario");
    let second = s.snapshot().unwrap().scenarios[1].id;
    s.undo().unwrap();
    step(&s, "an undo");
    s.redo().unwrap();
    step(&s, "a redo");
    let before = s.revision();
    let switch = s.switch_for_ui(second, None, Some(first), None).unwrap();
    assert_eq!(
        switch.state.revision,
        before + 1,
        "a switch is one revision"
    );
    step(&s, "a switch");
    let ada = s.version(first);
    s.set_collapsed(View::OrgChart, 1, true).unwrap();
    assert_eq!(s.revision(), before + 1, "collapsing sends no event");
    assert_eq!(
        s.version(first),
        ada,
        "nor changes another scenario's version"
    );
    s.forget_versions();
    step(&s, "an import");
    s.save_as(&dir.path().join("copy.topo")).unwrap();
    step(&s, "save as");
    s.open(&dir.path().join("org.topo")).unwrap();
    step(&s, "another document");
    s.close();
    step(&s, "closing");
}

#[test]
fn the_views_show_the_org_on_the_as_of_date_kept_in_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dated.topo");
    let mut s = session(dir.path());
    s.create(&file).unwrap();
    let mut leaver = new_person("Lena");
    if let Op::CreatePerson { person } = &mut leaver {
        person.status = PersonStatus::Leaving;
        person.end_date = Some("2027-02-15".into());
    }
    s.apply(leaver).unwrap();
    let mut hire = new_person("Hana");
    if let Op::CreatePerson { person } = &mut hire {
        person.status = PersonStatus::PlannedHire;
        person.target_start = Some("2027-Q2".into());
    }
    s.apply(hire).unwrap();
    let names = |org: &topograph_model::Org| {
        org.persons()
            .map(|p| format!("{} {:?}", p.name, p.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&s.org_copy().unwrap()),
        ["Lena Leaving", "Hana PlannedHire"]
    );
    let scenario = s.active_scenario().unwrap();
    let before = s.version(scenario);
    s.set_view_date(Date::parse("2027-04-01")).unwrap();
    assert_ne!(
        s.version(scenario),
        before,
        "a chart kept for another day is not reused"
    );
    assert_eq!(names(&s.org_chart_input().unwrap().0), ["Hana Active"]);
    assert_eq!(names(&s.team_map_input().unwrap().0), ["Hana Active"]);
    assert_eq!(
        s.history().unwrap().undo.as_deref(),
        Some("Add person"),
        "not an edit"
    );
    s.close();
    let mut s = session(dir.path());
    s.open(&file).unwrap();
    assert_eq!(s.view_date().unwrap(), Date::parse("2027-04-01"));
    assert_eq!(names(&s.org_copy().unwrap()), ["Hana Active"]);
    s.set_view_date(None).unwrap();
    assert_eq!(s.org_copy().unwrap().persons().count(), 2);
}

#[test]
fn choosing_today_or_nothing_in_the_as_of_control_is_the_design_as_entered() {
    assert_eq!(crate::as_of::chosen_day("").unwrap(), None);
    assert_eq!(
        crate::as_of::chosen_day(&Date::today().to_string()).unwrap(),
        None
    );
    assert_eq!(
        crate::as_of::chosen_day(" 2031-01-31 ").unwrap(),
        Date::parse("2031-01-31")
    );
    let e = crate::as_of::chosen_day("2031-02-30").unwrap_err();
    assert_eq!(e.code, topograph_model::ErrorCode::InvalidValue);
    assert!(e.message.contains("as_of"), "{}", e.message);
}

#[test]
fn every_view_shares_one_org_of_the_day_until_the_day_or_the_scenario_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.create(&dir.path().join("shared.topo")).unwrap();
    let mut leaver = new_person("Lena");
    if let Op::CreatePerson { person } = &mut leaver {
        person.status = PersonStatus::Leaving;
        person.end_date = Some("2027-02-15".into());
    }
    s.apply(leaver).unwrap();
    s.set_view_date(Date::parse("2027-04-01")).unwrap();
    let chart = s.org_chart_input().unwrap().0;
    let map = s.team_map_input().unwrap().0;
    let checks = s.findings_input().unwrap();
    assert!(Arc::ptr_eq(&chart, &map), "moved to the day once");
    assert!(Arc::ptr_eq(&chart, &checks.org));
    assert_eq!(checks.today, Date::parse("2027-04-01").unwrap());
    assert_eq!(chart.persons().count(), 0, "Lena has left by then");

    s.apply(new_person("Noor")).unwrap();
    let edited = s.org_copy().unwrap();
    assert!(!Arc::ptr_eq(&chart, &edited), "an edit makes it again");
    assert_eq!(edited.persons().count(), 1);

    s.set_view_date(Date::parse("2027-01-01")).unwrap();
    assert_eq!(s.org_copy().unwrap().persons().count(), 2, "another day");
    s.undo().unwrap();
    assert_eq!(s.org_copy().unwrap().persons().count(), 1, "an undo too");
}

#[test]
fn the_views_org_of_today_is_the_documents_own_and_an_edit_changes_it_without_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path());
    s.open_sample().unwrap();
    let shown = s.org_copy().unwrap();
    assert!(s.document().unwrap().shares_org(&shown), "today: no copy");
    let at = std::sync::Arc::as_ptr(&shown);
    drop(shown);
    // The session still keeps it for the next view; the edit must not copy it for that.
    s.apply(new_person("Zed")).unwrap();
    let after = s.document().unwrap().org_shared();
    assert_eq!(std::sync::Arc::as_ptr(&after), at, "changed in place");
    assert!(after.persons().any(|p| p.name == "Zed"));
    assert!(s.org_copy().unwrap().persons().any(|p| p.name == "Zed"));
    // On another day the views get a copy moved to that day, not the document's own.
    s.set_view_date(Date::parse("2027-04-01")).unwrap();
    let dated = s.org_copy().unwrap();
    assert!(!s.document().unwrap().shares_org(&dated));
}
