//! Dotted lines through every format that can carry them: the people CSV's "Dotted Line
//! Manager IDs" column and the Backstage annotation; a reference to nobody is a row's problem.

use std::collections::BTreeSet;
use topograph_formats::{apply, backstage, build_org, csv, Incoming};
use topograph_model::{Org, PersonStatus};

fn plan(text: &str) -> Incoming {
    let table = csv::Table::read(text.as_bytes()).unwrap();
    csv::plan(&table, &csv::suggest(&table))
}

/// (person, dotted-line manager) by name.
fn dotted(o: &Org) -> BTreeSet<(String, String)> {
    o.dotted_lines()
        .map(|d| {
            let name = |id| o.person(id).unwrap().display_name().to_string();
            (name(d.person), name(d.manager))
        })
        .collect()
}

/// The rows of a people CSV as cells, header first.
fn rows(text: &str) -> Vec<Vec<String>> {
    let table = csv::Table::read(text.as_bytes()).unwrap();
    let mut out = vec![table.headers.clone()];
    for r in 0..table.len() {
        out.push(
            (0..table.headers.len())
                .map(|c| table.cell(r, c).to_string())
                .collect(),
        );
    }
    out
}

#[test]
fn the_people_csv_exported_imported_into_a_new_document_and_exported_again_has_the_same_rows() {
    let org = topograph_sample::sample();
    assert!(
        org.dotted_lines().count() > 0,
        "the sample has dotted lines"
    );
    let first = csv::export::write(&org, csv::export::Table::People);
    assert!(first
        .lines()
        .next()
        .unwrap()
        .contains("Dotted Line Manager IDs"));
    let inc = plan(&first);
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let dir = tempfile::tempdir().unwrap();
    let (doc, _) = apply::new_document(&dir.path().join("copy.topo"), "Current", inc).unwrap();
    assert_eq!(dotted(doc.org()), dotted(&org));
    let second = csv::export::write(doc.org(), csv::export::Table::People);
    // Every row, every column: ids are renumbered by the import, but the file names people by
    // employee id and teams by name, in the same order.
    let (a, b) = (rows(&first), rows(&second));
    assert_eq!(a.len(), org.person_count() + 1);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}

#[test]
fn dotted_lines_are_read_by_employee_id_email_or_name_from_common_hris_headers() {
    let inc = plan(
        "Employee ID,Full Name,Work Email,Manager ID,Matrix Manager ID\n\
         1,Ada Lovelace,ada@x.org,,\n\
         2,Bo Chen,bo@x.org,1,\n\
         3,Cy Diaz,cy@x.org,1,2; ada@x.org\n\
         4,Di Evans,di@x.org,2,Cy Diaz;1\n",
    );
    // Cy's "ada@x.org" is her solid-line manager: a problem, that line left out.
    let problems: Vec<String> = inc.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["4:5: 'ada@x.org' is already this person's manager; that dotted line is not imported"]
    );
    let org = build_org(inc).unwrap();
    let want: BTreeSet<(String, String)> = [
        ("Cy Diaz", "Bo Chen"),
        ("Di Evans", "Cy Diaz"),
        ("Di Evans", "Ada Lovelace"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(dotted(&org), want);
}

#[test]
fn an_unknown_dotted_line_manager_is_a_problem_at_its_line_and_column_and_the_row_is_kept() {
    let inc = plan(
        "Employee ID,Name,Manager Employee ID,Dotted Line Manager IDs\n\
         1,Ada,,\n\
         2,Bo,1,E404\n\
         3,Cy,1,2;2\n",
    );
    let problems: Vec<String> = inc.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["3:4: unknown dotted-line manager 'E404'; that dotted line is not imported"]
    );
    let org = build_org(inc).unwrap();
    assert_eq!(org.person_count(), 3);
    assert_eq!(
        dotted(&org),
        BTreeSet::from([("Cy".to_string(), "Bo".to_string())])
    );
}

#[test]
fn a_backstage_export_imported_again_keeps_the_dotted_lines_of_the_people_it_lists() {
    let org = topograph_sample::sample();
    let yaml = backstage::export(&org);
    assert!(yaml.contains("topograph.dev/dotted-line-managers"));
    let inc = backstage::read(&[("catalog.yaml".into(), yaml)]);
    assert!(inc.problems.is_empty(), "{:?}", inc.problems);
    let back = build_org(inc).unwrap();
    let here = |o: &Org, name: &str| {
        o.persons().any(|p| {
            p.display_name() == name
                && matches!(p.status, PersonStatus::Active | PersonStatus::Leaving)
        })
    };
    // Backstage knows only people who are here: lines to or from others cannot travel.
    let expected: BTreeSet<(String, String)> = dotted(&org)
        .into_iter()
        .filter(|(p, m)| here(&org, p) && here(&org, m))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(dotted(&back), expected);
}

#[test]
fn a_backstage_dotted_line_to_a_user_not_in_the_catalog_is_a_problem_and_skipped() {
    let yaml = "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: ada\n  annotations:\n    topograph.dev/dotted-line-managers: user:default/nobody\nspec:\n  profile:\n    displayName: Ada\n  memberOf: []\n";
    let inc = backstage::read(&[("c.yaml".into(), yaml.into())]);
    assert_eq!(inc.problems.len(), 1, "{:?}", inc.problems);
    assert!(inc.problems[0].reason.contains("dotted-line manager"));
    assert!(inc.records.dotted_lines.is_empty());
}
