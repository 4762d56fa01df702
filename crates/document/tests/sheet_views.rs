//! The people sheet's saved views: stored in the document, saved and deleted by undoable ops,
//! kept across restarts, refused inside a batch.

use topograph_document::Document;
use topograph_model::{ErrorCode, Op, SheetFilter, SheetSort, SheetView, SheetViews};

fn designers_in_berlin() -> SheetView {
    SheetView {
        name: "Designers in Berlin".into(),
        mode: "people".into(),
        sort: vec![SheetSort {
            key: "level".into(),
            desc: true,
        }],
        filters: vec![
            SheetFilter {
                key: "discipline".into(),
                op: "is".into(),
                value: "design".into(),
            },
            SheetFilter {
                key: "location".into(),
                op: "is".into(),
                value: "Berlin".into(),
            },
        ],
    }
}

#[test]
fn a_saved_view_survives_a_restart_and_undo_and_redo_take_it_away_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.topo");
    let mut doc = Document::create(&path).unwrap();
    assert_eq!(doc.sheet_views().unwrap(), SheetViews::default());
    let applied = doc
        .apply(Op::SaveSheetView {
            view: designers_in_berlin(),
        })
        .unwrap();
    assert_eq!(applied.label, "Save sheet view");
    assert!(applied.changes.is_empty(), "views are no org record");
    drop(doc);

    let mut doc = Document::open(&path).unwrap();
    assert_eq!(
        doc.sheet_views().unwrap().views,
        vec![designers_in_berlin()]
    );
    doc.undo().unwrap();
    assert!(doc.sheet_views().unwrap().views.is_empty());
    doc.redo().unwrap();
    assert_eq!(
        doc.sheet_views().unwrap().views,
        vec![designers_in_berlin()]
    );

    doc.apply(Op::DeleteSheetView {
        name: "designers in berlin".into(),
    })
    .unwrap();
    assert!(doc.sheet_views().unwrap().views.is_empty());
    doc.undo().unwrap();
    assert_eq!(
        doc.sheet_views().unwrap().views,
        vec![designers_in_berlin()]
    );
}

#[test]
fn deleting_a_view_that_does_not_exist_changes_nothing() {
    let mut doc = Document::in_memory().unwrap();
    let e = doc
        .apply(Op::DeleteSheetView {
            name: "nothing".into(),
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(doc.history().unwrap().undo, None);
}

#[test]
fn a_view_with_an_unknown_operator_is_refused_and_nothing_is_stored() {
    let mut doc = Document::in_memory().unwrap();
    let mut bad = designers_in_berlin();
    bad.filters[0].op = "sounds-like".into();
    let e = doc.apply(Op::SaveSheetView { view: bad }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(doc.sheet_views().unwrap().views.is_empty());
    assert_eq!(doc.history().unwrap().undo, None);
}

#[test]
fn views_cannot_be_part_of_a_batch() {
    let mut doc = Document::in_memory().unwrap();
    let e = doc
        .apply(Op::Batch {
            label: "x".into(),
            ops: vec![Op::SaveSheetView {
                view: designers_in_berlin(),
            }],
        })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotAllowed);
    assert!(doc.sheet_views().unwrap().views.is_empty());
}
