//! Damaged orgs from hostile files: every view's scene, its SVG and every scope end without a
//! panic (the org chart says what is wrong instead of drawing a loop).

use std::collections::BTreeSet;
use std::sync::mpsc;
use std::time::Duration;
use topograph_export::*;

fn ends_within_seconds<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|e| panic!("{what}: no answer within 20 s ({e})"))
}

#[test]
fn every_view_of_every_damaged_org_ends() {
    for (name, org) in topograph_sample::hostile::all() {
        let drawn = ends_within_seconds(name, move || {
            let mut drawn = 0;
            for view in [ViewKind::OrgChart, ViewKind::TeamMap, ViewKind::Ownership] {
                if let Ok(scene) = Scene::build(&org, view, &BTreeSet::new(), None) {
                    drawn += to_svg(&*scene.diagram(), &SvgOptions::default()).len();
                }
            }
            for p in org.persons().take(20) {
                let _ = scope::person_subtree(&org, p.id.0);
            }
            for u in org.units().take(20) {
                let _ = scope::unit_subtree(&org, u.id.0);
            }
            for a in org.areas().take(20) {
                let _ = scope::area_subtree(&org, a.id.0);
            }
            drawn
        });
        assert!(drawn > 0, "{name}: at least one view is drawn");
    }
}
