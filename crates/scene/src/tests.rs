use super::*;
use std::collections::BTreeMap;
use topograph_model::{
    Discipline, DottedLine, Employment, Membership, OrgRecords, TeamRole, Unit, UnitId, UnitKind,
};

fn person(id: u32, name: &str, manager: Option<u32>) -> Person {
    Person {
        id: PersonId(id),
        name: name.to_string(),
        title: format!("Title {id}"),
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
        manager: manager.map(PersonId),
    }
}

/// 1 manages 2 and 3; 2 manages 4 and 5; 3 manages 6. 7 is a second root.
fn records() -> OrgRecords {
    OrgRecords {
        persons: vec![
            person(1, "Ada", None),
            person(2, "Ben", Some(1)),
            person(3, "Cy", Some(1)),
            person(4, "Di", Some(2)),
            person(5, "Ed", Some(2)),
            person(6, "Flo", Some(3)),
            person(7, "Gus", None),
        ],
        ..OrgRecords::default()
    }
}

fn chart(org: &Org, collapsed: &[u32]) -> OrgChartScene {
    org_chart(
        org,
        &collapsed.iter().copied().collect(),
        &SceneOptions::default(),
    )
    .unwrap()
}

fn index(scene: &OrgChartScene, id: u32) -> usize {
    scene.ids.iter().position(|&i| i == id).unwrap()
}

#[test]
fn every_person_is_a_card_when_nothing_is_collapsed() {
    let scene = chart(&Org::from_records(records()), &[]);
    let mut ids = scene.ids.clone();
    ids.sort();
    assert_eq!(ids, vec![1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(scene.cards.len(), 7);
    assert_eq!(scene.x.len(), 7);
    // One solid connector per reporting line.
    assert_eq!(scene.connectors.iter().filter(|c| !c.dotted).count(), 5);
    assert!(scene.cards.iter().all(|c| c.collapsed_count == 0));
}

#[test]
fn a_collapsed_subtree_is_one_card_counting_the_hidden_people() {
    let org = Org::from_records(records());
    let scene = chart(&org, &[1]);
    let mut ids = scene.ids.clone();
    ids.sort();
    assert_eq!(ids, vec![1, 7]);
    assert_eq!(scene.cards[index(&scene, 1)].collapsed_count, 5);
    assert_eq!(scene.cards[index(&scene, 7)].collapsed_count, 0);
    assert!(scene.connectors.is_empty());

    let scene = chart(&org, &[2]);
    assert_eq!(scene.ids.len(), 5);
    assert_eq!(scene.cards[index(&scene, 2)].collapsed_count, 2);
    // Collapsing a leaf hides nothing.
    let scene = chart(&org, &[6]);
    assert_eq!(scene.ids.len(), 7);
    assert_eq!(scene.cards[index(&scene, 6)].collapsed_count, 0);
}

#[test]
fn separate_trees_stand_side_by_side_without_overlap() {
    let scene = chart(&Org::from_records(records()), &[]);
    let (a, b) = (index(&scene, 1), index(&scene, 7));
    assert_eq!(scene.y[a], scene.y[b]);
    for i in 0..scene.ids.len() {
        for j in i + 1..scene.ids.len() {
            let apart = scene.x[i] + scene.w[i] <= scene.x[j]
                || scene.x[j] + scene.w[j] <= scene.x[i]
                || scene.y[i] + scene.h[i] <= scene.y[j]
                || scene.y[j] + scene.h[j] <= scene.y[i];
            assert!(apart, "cards {} and {} overlap", scene.ids[i], scene.ids[j]);
        }
    }
    for i in 0..scene.ids.len() {
        assert!(scene.x[i] >= scene.bounds.x && scene.y[i] >= scene.bounds.y);
        assert!(scene.x[i] + scene.w[i] <= scene.bounds.x + scene.bounds.w + 1e-9);
    }
}

#[test]
fn dotted_lines_are_dashed_connectors_that_do_not_move_cards() {
    let mut recs = records();
    let plain = chart(&Org::from_records(recs.clone()), &[]);
    recs.dotted_lines.push(DottedLine {
        person: PersonId(6),
        manager: PersonId(2),
    });
    recs.dotted_lines.push(DottedLine {
        person: PersonId(4),
        manager: PersonId(7),
    });
    let with = chart(&Org::from_records(recs), &[]);
    assert_eq!(plain.ids, with.ids);
    assert_eq!(plain.x, with.x);
    assert_eq!(plain.y, with.y);
    let dotted: Vec<_> = with.connectors.iter().filter(|c| c.dotted).collect();
    assert_eq!(dotted.len(), 2);
    let d = dotted.iter().find(|c| c.from == 2).unwrap();
    assert_eq!(d.to, 6);
    assert!(d.points.len() >= 4 && d.points.len() % 2 == 0);
}

#[test]
fn a_dotted_line_into_a_collapsed_subtree_ends_at_the_collapsed_card() {
    let mut recs = records();
    recs.dotted_lines.push(DottedLine {
        person: PersonId(4),
        manager: PersonId(7),
    });
    // Both ends hidden under the same card: no line at all.
    recs.dotted_lines.push(DottedLine {
        person: PersonId(5),
        manager: PersonId(3),
    });
    let scene = chart(&Org::from_records(recs), &[1]);
    let dotted: Vec<_> = scene.connectors.iter().filter(|c| c.dotted).collect();
    assert_eq!(dotted.len(), 1);
    assert_eq!((dotted[0].from, dotted[0].to), (7, 1));
}

#[test]
fn a_planned_hire_is_drawn_as_a_seat_not_filled_yet_under_its_own_name() {
    let mut recs = records();
    let mut hire = person(8, "Hana", Some(3));
    hire.title = "Designer".to_string();
    hire.status = PersonStatus::PlannedHire;
    recs.persons.push(hire);
    let mut unnamed = person(9, "", Some(3));
    unnamed.title = "Designer".to_string();
    unnamed.status = PersonStatus::PlannedHire;
    recs.persons.push(unnamed);
    let scene = chart(&Org::from_records(recs), &[]);
    let card = &scene.cards[index(&scene, 8)];
    assert!(card.is_open_position);
    assert_eq!(
        (card.name.as_str(), card.title.as_str()),
        ("Hana", "Designer · planned")
    );
    let card = &scene.cards[index(&scene, 9)];
    assert_eq!(
        (card.name.as_str(), card.title.as_str()),
        ("Designer", "Planned hire")
    );
}

#[test]
fn an_open_position_is_marked_and_named_by_its_role() {
    let mut recs = records();
    let mut open = person(8, "", Some(3));
    open.title = "Staff Engineer".to_string();
    open.status = PersonStatus::OpenPosition;
    recs.persons.push(open);
    let scene = chart(&Org::from_records(recs), &[]);
    let card = &scene.cards[index(&scene, 8)];
    assert!(card.is_open_position);
    assert_eq!(card.name, "Staff Engineer");
    assert_eq!(card.title, "Open position");
    let named = &scene.cards[index(&scene, 2)];
    assert!(!named.is_open_position);
    assert_eq!(
        (named.name.as_str(), named.title.as_str()),
        ("Ben", "Title 2")
    );
}

#[test]
fn cards_carry_the_colours_of_their_teams() {
    let mut recs = records();
    let unit = |id: u32, colour: Option<&str>| Unit {
        id: UnitId(id),
        name: format!("Team {id}"),
        mission: String::new(),
        kind: UnitKind::StreamAligned,
        parent: None,
        lead: None,
        colour: colour.map(str::to_string),
        target_size: None,
    };
    recs.units = vec![unit(10, Some("#112233")), unit(11, None)];
    let seat = |person: u32, unit: u32| Membership {
        person: PersonId(person),
        unit: UnitId(unit),
        allocation: 50,
        role: TeamRole::Engineer,
    };
    recs.memberships = vec![seat(4, 10), seat(4, 11), seat(5, 10)];
    let scene = chart(&Org::from_records(recs), &[]);
    let four = &scene.cards[index(&scene, 4)].team_colours;
    assert_eq!(four.len(), 2);
    assert_eq!(four[0], "#112233");
    assert!(four[1].starts_with('#') && four[1].len() == 7);
    assert_eq!(scene.cards[index(&scene, 5)].team_colours, vec!["#112233"]);
    assert!(scene.cards[index(&scene, 1)].team_colours.is_empty());
}

#[test]
fn an_empty_org_is_an_empty_scene() {
    let scene = chart(&Org::new(), &[]);
    assert!(scene.ids.is_empty());
    assert_eq!(scene.bounds, SceneRect::default());
}

#[test]
fn the_scene_serialises_in_the_shape_the_ui_reads() {
    let scene = chart(&Org::from_records(records()), &[2]);
    let json = serde_json::to_value(&scene).unwrap();
    for key in ["ids", "x", "y", "w", "h", "connectors", "bounds", "cards"] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let card = &json["cards"][0];
    for key in [
        "name",
        "title",
        "isOpenPosition",
        "collapsedCount",
        "teamColours",
    ] {
        assert!(card.get(key).is_some(), "card lacks {key}");
    }
}

#[test]
fn the_samples_distant_dotted_lines_get_a_stub_at_each_end_and_near_ones_none() {
    let org = topograph_sample::sample();
    let scene = chart(&org, &[]);
    let dotted: Vec<usize> = (0..scene.connectors.len())
        .filter(|&j| scene.connectors[j].dotted)
        .collect();
    assert!(
        !scene.stubs.is_empty(),
        "the sample has distant dotted lines"
    );
    for j in dotted {
        let c = &scene.connectors[j];
        let ends: Vec<_> = scene.stubs.iter().filter(|s| s.line == j as u32).collect();
        if stubs::is_distant(&c.points, 220.0) {
            assert_eq!(ends.len(), 2);
            assert!(ends
                .iter()
                .any(|s| s.at == c.to && s.to && s.other == c.from));
            assert!(ends
                .iter()
                .any(|s| s.at == c.from && !s.to && s.other == c.to));
        } else {
            assert!(ends.is_empty());
        }
    }
}

/// How many cards, drawn lines and other labels each stub label of `scene` covers.
fn label_clashes(scene: &OrgChartScene) -> Vec<(String, usize)> {
    let stubbed: HashSet<u32> = scene.stubs.iter().map(|t| t.line).collect();
    let mut segments = Vec::new();
    for (j, c) in scene.connectors.iter().enumerate() {
        if !stubbed.contains(&(j as u32)) {
            segments.push(c.points.clone());
        }
    }
    segments.extend(scene.stubs.iter().map(|t| t.points.clone()));
    let boxes: Vec<[f64; 4]> = scene
        .stubs
        .iter()
        .map(|t| stubs::label_box(&t.label, (t.label_x, t.label_y, t.label_leftward)))
        .collect();
    let mut out = Vec::new();
    for (k, (t, &r)) in scene.stubs.iter().zip(&boxes).enumerate() {
        let cards = (0..scene.ids.len())
            .filter(|&i| {
                let c = [
                    scene.x[i],
                    scene.y[i],
                    scene.x[i] + scene.w[i],
                    scene.y[i] + scene.h[i],
                ];
                stubs::boxes_meet(r, c)
            })
            .count();
        let lines = segments
            .iter()
            .flat_map(|p| {
                p.windows(4)
                    .step_by(2)
                    .map(|s| ((s[0], s[1]), (s[2], s[3])))
            })
            .filter(|&(a, b)| stubs::segment_meets(a, b, r))
            .count();
        let labels = boxes
            .iter()
            .enumerate()
            .filter(|&(j, &b)| j != k && stubs::boxes_meet(r, b))
            .count();
        out.push((t.label.clone(), cards + lines + labels));
    }
    out
}

/// The clashes of `scene`'s labels, and of the same labels each at its first spot (past the
/// stub's end, where they were set before they were placed).
fn placed_and_default_clashes(scene: &OrgChartScene) -> (usize, usize) {
    let placed: usize = label_clashes(scene).iter().map(|(_, n)| n).sum();
    let mut plain = scene.clone();
    for t in &mut plain.stubs {
        let d = stubs::stub(
            t.line,
            t.at,
            t.other,
            t.to,
            t.points.clone(),
            t.label.clone(),
        );
        (t.label_x, t.label_y, t.label_leftward) = (d.label_x, d.label_y, d.label_leftward);
    }
    let default: usize = label_clashes(&plain).iter().map(|(_, n)| n).sum();
    (placed, default)
}

#[test]
fn stub_labels_are_placed_off_the_cards_and_lines_their_default_place_covers() {
    let org = topograph_sample::sample();
    let scene = org_chart(&org, &BTreeSet::new(), &SceneOptions::default()).unwrap();
    assert!(!scene.stubs.is_empty());
    let (placed, default) = placed_and_default_clashes(&scene);
    assert!(
        placed < default,
        "the sample: {placed} clashes placed, {default} at the stubs' ends"
    );
    for (people, seed) in [(300, 2), (1000, 5)] {
        let org = topograph_sample::generate(people, seed);
        let scene = org_chart(&org, &BTreeSet::new(), &SceneOptions::default()).unwrap();
        let (placed, default) = placed_and_default_clashes(&scene);
        assert!(
            placed <= default,
            "{people} people: {placed} clashes placed, {default} at the stubs' ends"
        );
    }
}

/// A file can hold a loop of reporting lines (the open refuses it, the repair and the CLI's
/// checks read it): everyone on it still gets a card, whether the rest of the org is folded or not.
#[test]
fn people_on_a_reporting_loop_still_get_their_cards() {
    let org = topograph_sample::hostile::reporting_loop();
    let scene = chart(&org, &[]);
    let mut ids = scene.ids.clone();
    ids.sort();
    let mut all: Vec<u32> = org.persons().map(|p| p.id.0).collect();
    all.sort();
    assert_eq!(ids, all);
    // Folding the first card: everyone is on a card or counted in a folded one, once.
    let folded = chart(&org, &[scene.ids[0]]);
    let hidden: usize = folded
        .cards
        .iter()
        .map(|c| c.collapsed_count as usize)
        .sum();
    assert!(
        folded.ids.len() < scene.ids.len(),
        "the first card's reports are folded"
    );
    assert_eq!(folded.ids.len() + hidden, all.len());
}
