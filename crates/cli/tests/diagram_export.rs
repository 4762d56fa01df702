//! `topograph export --format svg|pdf|png`: every view to every diagram format, and clear refusals.

mod common;
use common::topograph;

use std::path::Path;

fn sample(dir: &Path) -> String {
    let file = dir.join("org.topo").display().to_string();
    assert!(topograph(&["sample", &file]).status.success());
    file
}

#[test]
fn every_view_exports_to_svg_pdf_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    for view in [
        "org-chart",
        "team-map",
        "ownership",
        "effort",
        "headcount",
        "cost",
    ] {
        for format in ["svg", "pdf", "png"] {
            let out = dir.path().join(format!("{view}.{format}"));
            let o = topograph(&[
                "export",
                &file,
                "--view",
                view,
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert!(
                o.status.success(),
                "{view} {format}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            let bytes = std::fs::read(&out).unwrap();
            let magic: &[u8] = match format {
                "svg" => b"<svg",
                "pdf" => b"%PDF",
                _ => b"\x89PNG",
            };
            assert!(bytes.starts_with(magic), "{view} {format}");
        }
    }
}

#[test]
fn a_tiled_landscape_pdf_has_several_pages() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("tiled.pdf");
    let o = topograph(&[
        "export",
        &file,
        "--format",
        "pdf",
        "--page",
        "letter",
        "--landscape",
        "--tile",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let pdf = std::fs::read(&out).unwrap();
    // Each page object says "/Type /Page"; the page tree says "/Type /Pages".
    let pages = pdf
        .windows(12)
        .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
        .count();
    assert!(pages > 1, "{pages} pages");
}

#[test]
fn a_scope_that_names_nobody_and_a_bad_scale_are_refused_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("x.svg");
    let o = topograph(&[
        "export",
        &file,
        "--format",
        "svg",
        "--scope",
        "999999",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("topograph: error[not_found]:"));
    let o = topograph(&[
        "export",
        &file,
        "--format",
        "png",
        "--scale",
        "9",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("between 1 and 4"));
    assert!(!out.exists());
}

#[test]
fn a_headcount_chart_over_chosen_quarters_names_its_groups_and_periods_and_a_bad_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("headcount.svg");
    let o = topograph(&[
        "export",
        &file,
        "--view",
        "headcount",
        "--format",
        "svg",
        "--start",
        "2027-01-01",
        "--end",
        "2027-06-30",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains(">2027-Q1<") && svg.contains(">2027-Q2<") && !svg.contains(">2027-Q3<"));
    let plan = topograph(&[
        "plan",
        &file,
        "--from",
        "2027-01-01",
        "--to",
        "2027-06-30",
        "--format",
        "json",
    ]);
    let plan: serde_json::Value = serde_json::from_slice(&plan.stdout).unwrap();
    for row in plan["rows"].as_array().unwrap() {
        if row["depth"] == 0 && !row["unit"].is_null() {
            let name = row["name"].as_str().unwrap().replace('&', "&amp;");
            assert!(svg.contains(&format!(">{name}<")), "{name} in the chart");
        }
    }
    let o = topograph(&[
        "export",
        &file,
        "--view",
        "cost",
        "--format",
        "svg",
        "--start",
        "2027-06-01",
        "--end",
        "2027-01-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--end"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_tiled_org_chart_pdf_is_split_along_subtrees_with_continued_marks() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("book.pdf");
    let o = topograph(&[
        "export",
        &file,
        "--format",
        "pdf",
        "--landscape",
        "--tile",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let text = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("continued on page 2"),
        "page 1 continues on page 2"
    );
    assert!(
        text.contains("from page 1"),
        "a page says its line comes from page 1"
    );
}

#[test]
fn the_legend_is_on_by_default_and_off_with_legend_false() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    for (flag, shown) in [
        (None, true),
        (Some("--legend"), true),
        (Some("--legend=false"), false),
    ] {
        let out = dir.path().join("chart.svg");
        let mut args = vec![
            "export",
            &file,
            "--format",
            "svg",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(flag);
        assert!(topograph(&args).status.success());
        let svg = std::fs::read_to_string(&out).unwrap();
        assert_eq!(svg.contains(">Legend<"), shown, "{flag:?}");
        assert_eq!(svg.contains(">Reports to (solid line)<"), shown, "{flag:?}");
    }
}

#[test]
fn colour_by_a_category_tints_the_cards_and_names_its_values_and_a_wrong_key_is_refused_by_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("coloured.svg");
    let args = |key: &'static str| {
        vec![
            "export".to_string(),
            file.clone(),
            "--format".into(),
            "svg".into(),
            "--legend=false".into(),
            "--colour-by".into(),
            key.into(),
            "-o".into(),
            out.display().to_string(),
        ]
    };
    let run = |a: Vec<String>| topograph(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let o = run(args("discipline"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.contains(">Colour by Discipline<"),
        "the colours' legend"
    );
    assert!(svg.contains(">engineering ("), "a value with its count");
    assert!(
        svg.contains("fill-opacity=\"0.25\" stroke=\"#"),
        "cards tinted"
    );
    assert!(
        !svg.contains(">Reports to (solid line)<"),
        "the view's own legend stays off"
    );

    for (key, says) in [
        ("team", "--colour-by: cannot colour by 'team'"),
        (
            "custom:Office",
            "--colour-by: there is no choice field called 'Office'",
        ),
    ] {
        let o = run(args(key));
        assert!(!o.status.success(), "{key}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{key}: {err}");
    }
}

#[test]
fn an_image_exported_as_of_a_day_names_the_day_above_the_diagram_and_one_of_today_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let export = |format: &str, as_of: Option<&str>| {
        let out = dir.path().join(format!("chart.{format}"));
        let mut args = vec![
            "export",
            &file,
            "--format",
            format,
            "-o",
            out.to_str().unwrap(),
        ];
        if let Some(day) = as_of {
            args.extend(["--as-of", day]);
        }
        let o = topograph(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read(&out).unwrap()
    };
    let svg = |as_of| String::from_utf8(export("svg", as_of)).unwrap();
    assert!(svg(Some("2027-03-01")).contains(">The org as of 2027-03-01</text>"));
    assert!(!svg(None).contains("The org as of"));
    for view in ["team-map", "headcount"] {
        let out = dir.path().join(format!("{view}.svg"));
        let o = topograph(&[
            "export",
            &file,
            "--view",
            view,
            "--format",
            "svg",
            "--as-of",
            "2027-03-01",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{view}");
        let svg = std::fs::read_to_string(&out).unwrap();
        assert!(svg.contains(">The org as of 2027-03-01</text>"), "{view}");
    }
    // A PNG has no text to read back: the caption's line makes it taller (IHDR height, bytes 20..24).
    let height = |png: Vec<u8>| u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert!(height(export("png", Some("2027-03-01"))) > height(export("png", None)));
}
