//! Damaged orgs from hostile files: every view's scene, its SVG and every scope end without a
//! panic (the org chart says what is wrong instead of drawing a loop).

use std::collections::BTreeSet;
use topograph_export::*;
use topograph_sample::hostile::ends_within_seconds;

#[test]
fn every_view_of_every_damaged_org_ends() {
    for (name, org) in topograph_sample::hostile::all() {
        let drawn = ends_within_seconds(name, move || {
            let mut drawn = 0;
            for view in [
                ViewKind::OrgChart,
                ViewKind::TeamMap,
                ViewKind::Ownership,
                ViewKind::Effort,
            ] {
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
