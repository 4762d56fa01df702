//! CSV import from HR-system exports: encodings, delimiters, header shapes, dates, money,
//! managers, and every problem listed with its line and column.

mod common;

use common::*;
use topograph_formats::csv::{self, DateOrder, Mapping, Table, Target};
use topograph_model::{Discipline, Employment, UnitKind};

#[test]
fn a_workday_export_with_a_bom_reads_names_titles_managers_and_us_dates() {
    let table = Table::read(&fixture("workday.csv")).unwrap();
    assert_eq!(table.encoding, "UTF-8");
    assert_eq!(
        table.headers[0], "Employee ID",
        "the BOM is not part of the first header"
    );
    let mapping = csv::suggest(&table);
    assert_eq!(mapping.target("Worker"), Target::Name);
    assert_eq!(mapping.target("Email - Work"), Target::Email);
    assert_eq!(
        mapping.target("Supervisory Organization"),
        Target::Department
    );
    assert_eq!(
        mapping.dates,
        DateOrder::MonthFirst,
        "12/25/2019 settles the order"
    );
    let inc = csv::plan(&table, &mapping);
    assert_eq!(problems(&inc), Vec::<String>::new());
    let r = &inc.records;
    assert_eq!(r.persons.len(), 5);
    let ada = person(r, "Ada Lovelace");
    assert_eq!(ada.employee_id.as_deref(), Some("W102"));
    assert_eq!(ada.start_date.as_deref(), Some("2019-12-25"));
    assert_eq!(ada.discipline, Discipline::Engineering);
    assert_eq!(
        ada.cost.as_ref().map(|c| (c.amount, c.currency.as_str())),
        Some((150000.0, "USD"))
    );
    assert_eq!(
        ada.custom.get("Cost Center").map(String::as_str),
        Some("CC-2")
    );
    assert_eq!(manager_of(r, "Ada Lovelace"), Some("Alan Turing"));
    assert_eq!(manager_of(r, "Alan Turing"), Some("Grace Hopper"));
    assert_eq!(
        person(r, "Barbara Liskov").start_date.as_deref(),
        Some("2021-01-05")
    );
    assert_eq!(
        person(r, "Grace Hopper").start_date.as_deref(),
        Some("2012-03-15")
    );
}

#[test]
fn departments_become_groups_and_teams_stream_aligned_teams_inside_them() {
    let inc = plan("workday.csv");
    let r = &inc.records;
    let eng = unit(r, "Engineering");
    assert_eq!(eng.kind, UnitKind::Group);
    let payments = unit(r, "Payments");
    assert_eq!(payments.kind, UnitKind::StreamAligned);
    assert_eq!(payments.parent, Some(eng.id));
    let seat = |name: &str| {
        let p = person(r, name).id;
        r.memberships
            .iter()
            .filter(|m| m.person == p)
            .map(|m| m.unit)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        seat("Ada Lovelace"),
        vec![payments.id],
        "a team member sits on the team only"
    );
    assert_eq!(
        seat("Grace Hopper"),
        vec![eng.id],
        "without a team, the seat is on the department"
    );
    assert_eq!(seat("Barbara Liskov"), vec![unit(r, "Design").id]);
}

#[test]
fn a_bamboohr_export_composes_preferred_names_and_reports_unknown_and_ambiguous_managers() {
    let inc = plan("bamboohr.csv");
    let r = &inc.records;
    assert_eq!(r.persons.len(), 6);
    // Two people go by "Alex Kim": a manager given by that name cannot be told apart.
    assert!(
        !r.persons.iter().any(|p| p.name == "Frances Allen"),
        "the preferred name wins"
    );
    let p = problems(&inc);
    assert!(p.iter().any(|x| x.starts_with("6:9: ambiguous manager 'Alex Kim'") && x.contains("lines 3, 5")), "{p:#?}");
    assert!(
        p.iter()
            .any(|x| x
                .starts_with("7:9: unknown manager 'Dennis Ritchie'; imported without a manager")),
        "{p:#?}"
    );
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(manager_of(r, "Linus Torvalds"), None);
    assert_eq!(manager_of(r, "Ken Thompson"), None);
    // "Hamilton, Margaret" is understood as Last, First.
    assert_eq!(manager_of(r, "Fran Allen"), Some("Margaret Hamilton"));
    let ken = person(r, "Ken Thompson");
    assert_eq!(ken.employment, Employment::Contractor);
    assert_eq!(ken.cost.as_ref().map(|c| c.amount), Some(138000.0));
    // The quoted note keeps its comma and newline, and the line numbers after it stay right.
    let alex = r
        .persons
        .iter()
        .find(|p| p.email.as_deref() == Some("alex.kim@example.com"))
        .unwrap();
    assert_eq!(
        alex.custom.get("Notes").map(String::as_str),
        Some("Leads the web team,\nand mentors")
    );
}

#[test]
fn a_personio_export_in_windows_1252_with_semicolons_reads_umlauts_dotted_dates_and_decimal_commas()
{
    let table = Table::read(&fixture("personio.csv")).unwrap();
    assert_eq!(table.encoding, "windows-1252");
    assert_eq!(table.delimiter, b';');
    let inc = csv::plan(&table, &csv::suggest(&table));
    let r = &inc.records;
    let zoe = person(r, "Zoë Weiß");
    assert_eq!(zoe.start_date.as_deref(), Some("2019-08-15"));
    assert_eq!(
        zoe.cost.as_ref().map(|c| (c.amount, c.currency.as_str())),
        Some((72000.5, "EUR"))
    );
    assert_eq!(zoe.location.as_deref(), Some("München"));
    assert_eq!(manager_of(r, "Zoë Weiß"), Some("Jürgen Müller"));
    assert_eq!(manager_of(r, "Søren Ødegård"), Some("Zoë Weiß"));
    assert_eq!(unit(r, "Zahlungen").parent, Some(unit(r, "Technik").id));
    assert_eq!(
        problems(&inc),
        vec!["5:10: bad date '32.01.2021' in Hire date; imported without a start date"]
    );
}

#[test]
fn a_hibob_export_in_utf16_le_with_tabs_settles_day_first_dates_from_the_file() {
    let table = Table::read(&fixture("hibob.csv")).unwrap();
    assert_eq!((table.encoding, table.delimiter), ("UTF-16LE", b'\t'));
    let mapping = csv::suggest(&table);
    assert_eq!(mapping.dates, DateOrder::DayFirst);
    let inc = csv::plan(&table, &mapping);
    assert_eq!(problems(&inc), Vec::<String>::new());
    let r = &inc.records;
    assert_eq!(
        person(r, "Noa Levi").start_date.as_deref(),
        Some("2016-04-03")
    );
    assert_eq!(
        person(r, "Omer Cohen").start_date.as_deref(),
        Some("2020-10-25")
    );
    assert_eq!(manager_of(r, "Maya Ben-David"), Some("Noa Levi"));
    assert_eq!(
        person(r, "Maya Ben-David").cost.as_ref().unwrap().currency,
        "GBP"
    );
    assert_eq!(unit(r, "R&D").kind, UnitKind::Group);
}

#[test]
fn a_rippling_export_in_utf16_be_breaks_a_reporting_cycle_and_names_everyone_in_it() {
    let table = Table::read(&fixture("rippling.csv")).unwrap();
    assert_eq!(table.encoding, "UTF-16BE");
    let inc = csv::plan(&table, &csv::suggest(&table));
    let r = &inc.records;
    assert_eq!(r.persons.len(), 4, "people in a cycle are still imported");
    for name in ["Ann Lee", "Bo Chen", "Cy Diaz"] {
        assert_eq!(manager_of(r, name), None, "{name}");
    }
    let p = problems(&inc);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(
        p[0].starts_with("3:5: in a reporting cycle (Ann Lee → Bo Chen → Cy Diaz → Ann Lee)"),
        "{p:#?}"
    );
    assert!(p.iter().all(|x| x.ends_with("imported without a manager")));
    assert_eq!(
        person(r, "Rosa Parks")
            .cost
            .as_ref()
            .map(|c| (c.amount, c.currency.as_str())),
        Some((180000.0, "USD"))
    );
    assert_eq!(
        person(r, "Cy Diaz").start_date.as_deref(),
        Some("2022-04-12")
    );
    assert_eq!(person(r, "Cy Diaz").employment, Employment::Contractor);
}

#[test]
fn a_gusto_export_lists_duplicates_missing_names_and_bad_values_and_imports_the_rest() {
    let inc = plan("gusto.csv");
    let p = problems(&inc);
    let expect = [
        "2:8: ambiguous date '03/04/2018'",
        "4:9: bad number 'lots' in Compensation; imported without a cost",
        "5:1: duplicate employee id 'G3' (first on line 4); row skipped",
        "6:2: missing name; row skipped",
        "7:8: bad date 'someday' in Hire Date; imported without a start date",
    ];
    assert_eq!(
        p.iter().filter(|x| x.contains("ambiguous date")).count(),
        1,
        "said once"
    );
    assert_eq!(
        p.iter().filter(|x| x.contains("no currency")).count(),
        1,
        "said once"
    );
    for e in expect {
        assert!(p.iter().any(|x| x.starts_with(e)), "missing {e} in {p:#?}");
    }
    let r = &inc.records;
    assert_eq!(r.persons.len(), 4);
    // Manager given by employee id, by email, and by name.
    assert_eq!(manager_of(r, "Dorothy Vaughan"), Some("Katherine Johnson"));
    assert_eq!(manager_of(r, "Mary Jackson"), Some("Dorothy Vaughan"));
    assert_eq!(manager_of(r, "Annie Easley"), Some("Dorothy Vaughan"));
    assert!(!r.persons.iter().any(|p| p.name == "Christine Darden"));
}

#[test]
fn a_mapping_file_decides_ambiguous_dates_and_the_currency() {
    let table = Table::read(&fixture("gusto.csv")).unwrap();
    let text = String::from_utf8(fixture("mapping-gusto.json")).unwrap();
    let mapping = Mapping::from_json(&text).unwrap();
    let inc = csv::plan(&table, &mapping);
    let r = &inc.records;
    assert_eq!(
        person(r, "Katherine Johnson").start_date.as_deref(),
        Some("2018-03-04")
    );
    assert_eq!(
        person(r, "Katherine Johnson")
            .cost
            .as_ref()
            .unwrap()
            .currency,
        "USD"
    );
    assert!(
        !problems(&inc).iter().any(|p| p.contains("ambiguous date")),
        "{:#?}",
        problems(&inc)
    );
    let day_first = Mapping {
        dates: DateOrder::DayFirst,
        ..mapping
    };
    let inc = csv::plan(&table, &day_first);
    assert_eq!(
        person(&inc.records, "Katherine Johnson")
            .start_date
            .as_deref(),
        Some("2018-04-03")
    );
}

#[test]
fn columns_mapped_to_ignore_are_dropped_and_unmapped_ones_become_custom_fields() {
    let table = Table::read(b"Name,Shoe size,SSN\nAda,38,123\n").unwrap();
    let mut mapping = csv::suggest(&table);
    mapping.columns.insert("SSN".into(), Target::Ignore);
    let inc = csv::plan(&table, &mapping);
    let ada = person(&inc.records, "Ada");
    assert_eq!(ada.custom.len(), 1);
    assert_eq!(ada.custom["Shoe size"], "38");
}

#[test]
fn a_file_without_a_name_column_imports_nothing_and_says_why() {
    let table = Table::read(b"Email,Title\na@x.com,Engineer\n").unwrap();
    let inc = csv::plan(&table, &csv::suggest(&table));
    assert!(inc.is_empty());
    assert!(problems(&inc)[0].starts_with("1:1: no column holds names"));
}

#[test]
fn open_positions_need_a_title_not_a_name() {
    let table = Table::read(b"Name,Title,Status\n,Staff Engineer,Open\n,,open-position\n").unwrap();
    let inc = csv::plan(&table, &csv::suggest(&table));
    assert_eq!(inc.records.persons.len(), 1);
    assert_eq!(inc.records.persons[0].title, "Staff Engineer");
    assert_eq!(problems(&inc), vec!["3:1: missing name; row skipped"]);
}

#[test]
fn every_plan_builds_through_the_model_operations() {
    for f in [
        "workday.csv",
        "bamboohr.csv",
        "personio.csv",
        "hibob.csv",
        "rippling.csv",
        "gusto.csv",
    ] {
        let inc = plan(f);
        let n = inc.records.persons.len();
        let org = topograph_formats::build_org(inc).unwrap_or_else(|e| panic!("{f}: {e}"));
        assert_eq!(org.person_count(), n, "{f}");
        assert!(org.problems().is_empty(), "{f}: {:?}", org.problems());
    }
}

#[test]
fn a_large_file_read_in_parallel_says_file_wide_problems_once_at_the_first_row() {
    let mut text = String::from("Employee ID,Name,Manager Employee ID,Hire Date,Salary\n");
    for i in 0..30_000 {
        let manager = if i == 0 {
            String::new()
        } else {
            format!("E{}", i / 10)
        };
        text.push_str(&format!("E{i},Person {i},{manager},03/04/2020,1000\n"));
    }
    let table = Table::read(text.as_bytes()).unwrap();
    let inc = csv::plan(&table, &csv::suggest(&table));
    assert_eq!(inc.records.persons.len(), 30_000);
    let p = problems(&inc);
    assert_eq!(p.len(), 2, "{:?}", &p[..p.len().min(5)]);
    assert!(
        p[0].starts_with("2:4: ambiguous date '03/04/2020'"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("2:5: the cost '1000' has no currency"),
        "{p:?}"
    );
    // Rows keep file order across the parallel readers: ids follow the rows.
    assert_eq!(inc.records.persons[29_999].name, "Person 29999");
    assert_eq!(
        manager_of(&inc.records, "Person 29999"),
        Some("Person 2999")
    );
    assert_eq!(
        csv::plan(&table, &csv::suggest(&table)),
        inc,
        "the same every time"
    );
}

#[test]
fn a_large_file_resolved_in_parallel_skips_duplicates_and_seats_everyone_on_their_team() {
    let mut text = String::from("Employee ID,Name,Manager Employee ID,Department,Team\n");
    for i in 0..25_000 {
        let manager = if i == 0 {
            String::new()
        } else {
            format!("E{}", i / 10)
        };
        let dept = i % 7;
        let team = i % 50;
        text.push_str(&format!(
            "E{i},Person {i},{manager},Dept {dept},Team {team}\n"
        ));
    }
    // A second E5 on the last line, read by another thread than the first.
    text.push_str("E5,Someone Else,E1,Dept 0,Team 0\n");
    let table = Table::read(text.as_bytes()).unwrap();
    let inc = csv::plan(&table, &csv::suggest(&table));
    let p = problems(&inc);
    assert_eq!(
        p,
        ["25002:1: duplicate employee id 'E5' (first on line 7); row skipped"]
    );
    let r = &inc.records;
    assert_eq!(r.persons.len(), 25_000);
    assert_eq!(manager_of(r, "Person 24999"), Some("Person 2499"));
    // Each department holds the teams of its rows: (dept, team) pairs as the rows give them.
    let pairs: std::collections::BTreeSet<(usize, usize)> =
        (0..25_000).map(|i| (i % 7, i % 50)).collect();
    assert_eq!(r.units.len(), 7 + pairs.len());
    assert_eq!(r.memberships.len(), 25_000);
    let team = |m: &topograph_model::Membership| r.units.iter().find(|u| u.id == m.unit).unwrap();
    let last = r.memberships.last().unwrap();
    assert_eq!(last.person, r.persons[24_999].id);
    assert_eq!(team(last).name, format!("Team {}", 24_999 % 50));
    assert_eq!(team(last).kind, UnitKind::StreamAligned);
    assert_eq!(
        csv::plan(&table, &csv::suggest(&table)),
        inc,
        "the same every time"
    );
}

#[test]
fn a_hiring_plan_reads_end_dates_target_starts_stages_and_requisition_ids_and_lists_bad_ones_by_line_and_column(
) {
    let text =
        "Name,Job Title,Status,Start Date,End Date,Requisition ID,Target Start,Hiring Stage\n\
                Ada Lovelace,Engineer,leaving,2020-01-15,2027-03-31,,,\n\
                ,Designer,open-position,,,REQ-7,2027-q3,interviewing\n\
                Bo Chen,Engineer,active,2021-05-01,2021-04-30,,,\n\
                ,Analyst,open-position,,,REQ-8,next spring,dreaming\n";
    let table = Table::read(text.as_bytes()).unwrap();
    let mapping = csv::suggest(&table);
    assert_eq!(mapping.target("End Date"), Target::EndDate);
    assert_eq!(mapping.target("Requisition ID"), Target::EmployeeId);
    assert_eq!(mapping.target("Target Start"), Target::TargetStart);
    assert_eq!(mapping.target("Hiring Stage"), Target::HiringStage);
    let inc = csv::plan(&table, &mapping);
    let r = &inc.records;
    let ada = person(r, "Ada Lovelace");
    assert_eq!(ada.end_date.as_deref(), Some("2027-03-31"));
    let designer = r.persons.iter().find(|p| p.title == "Designer").unwrap();
    assert_eq!(designer.employee_id.as_deref(), Some("REQ-7"));
    assert_eq!(designer.target_start.as_deref(), Some("2027-Q3"));
    assert_eq!(
        designer.hiring_stage,
        Some(topograph_model::HiringStage::Interviewing)
    );
    assert_eq!(person(r, "Bo Chen").end_date, None);
    let listed = problems(&inc);
    for expected in [
        "4:5: the end date 2021-04-30",
        "5:7: target start 'next spring'",
        "5:8: 'dreaming'",
    ] {
        assert!(
            listed.iter().any(|p| p.starts_with(expected)),
            "{expected} in {listed:?}"
        );
    }
}
