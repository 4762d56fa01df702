//! Orgs and scenes the export tests share, and readers for what the exporters write.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use topograph_model::Org;
use topograph_scene::{org_chart, OrgChartScene, SceneOptions};

pub fn sample_chart() -> OrgChartScene {
    chart_of(&topograph_sample::sample())
}

pub fn chart_of(org: &Org) -> OrgChartScene {
    org_chart(org, &BTreeSet::new(), &SceneOptions::default()).expect("the org lays out")
}

/// Names that would be markup, scripts, right-to-left text, emoji, very long or empty titles.
pub fn hostile_names() -> Vec<(String, String)> {
    vec![
        (
            "<script>alert(1)</script>".into(),
            "</text><a href=\"x\">".into(),
        ),
        ("Tom & Jerry's \"Cartoons\"".into(), "]]><!-- -->".into()),
        ("שרה כהן".into(), "מנהלת מוצר".into()),
        ("محمد العلي".into(), "مهندس".into()),
        ("Zoë 👩🏽‍💻 Ω".into(), "🚀🔥".into()),
        ("A".repeat(300), String::new()),
        (
            "Control\u{1}\u{8}char\u{1f}s".into(),
            "tab\there\nnewline".into(),
        ),
        ("&amp; &lt; &#x41;".into(), "x".into()),
    ]
}

/// The sample org with its first people renamed to the hostile names.
pub fn hostile_org() -> Org {
    let mut records = topograph_sample::sample().to_records();
    for (p, (name, title)) in records.persons.iter_mut().zip(hostile_names()) {
        p.name = name;
        p.title = title;
    }
    Org::from_records(records)
}

/// The text poppler extracts from a PDF file.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (make setup installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The page count poppler reads from a PDF file (it fails on a PDF it cannot open).
pub fn pdf_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo runs (make setup installs poppler-utils)");
    assert!(
        out.status.success(),
        "pdfinfo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo reports pages")
        .trim()
        .parse()
        .expect("a page count")
}

/// One word poppler found on a page: its text and its box height in points.
pub struct WordBox {
    pub text: String,
    pub height: f64,
}

/// The words of a PDF with their boxes (`pdftotext -bbox`), in reading order.
pub fn pdf_words(path: &Path) -> Vec<WordBox> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (make setup installs poppler-utils)");
    assert!(out.status.success(), "pdftotext -bbox failed");
    let html = String::from_utf8(out.stdout).expect("UTF-8 text");
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let at = tag.find(&key).expect("a word box coordinate") + key.len();
        tag[at..]
            .split('"')
            .next()
            .unwrap()
            .parse()
            .expect("a number")
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').expect("a word tag");
            let text = rest.split("</word>").next().unwrap_or("");
            WordBox {
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'"),
                height: attr(tag, "yMax") - attr(tag, "yMin"),
            }
        })
        .collect()
}
