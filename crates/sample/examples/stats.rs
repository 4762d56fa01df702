//! Prints the shape of a generated org and how long it took:
//! `cargo run --release -p topograph-sample --example stats -- 100000 1`
//! (`sample` instead of a head count describes the first-run sample; a third argument `time`
//! only times the generator, best of five runs).

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;
use topograph_model::{Org, PersonStatus, UnitKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "10000".to_string());
    let seed: u64 = args.next().map_or(1, |s| s.parse().expect("a seed"));
    if args.next().as_deref() == Some("time") {
        let n: usize = what.parse().expect("a head count");
        let best = (0..5)
            .map(|_| {
                let started = Instant::now();
                let org = topograph_sample::generate(n, seed);
                let took = started.elapsed();
                assert_eq!(org.person_count(), n);
                took
            })
            .min()
            .unwrap();
        println!(
            "generate({n}, {seed}): best of 5 {:.1} ms",
            best.as_secs_f64() * 1000.0
        );
        return;
    }
    let started = Instant::now();
    let org = if what == "sample" {
        topograph_sample::sample()
    } else {
        topograph_sample::generate(what.parse().expect("a head count"), seed)
    };
    let took = started.elapsed();
    describe(&org);
    println!("built in {:.1} ms", took.as_secs_f64() * 1000.0);
    let records = org.to_records();
    let started = Instant::now();
    let again = Org::from_records(records);
    println!(
        "of which loading the records into an Org takes about {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    drop(again);
}

fn describe(org: &Org) {
    let mut kinds = BTreeMap::new();
    for u in org.units() {
        *kinds.entry(u.kind.as_str()).or_insert(0) += 1;
    }
    let mut status = BTreeMap::new();
    let mut disciplines = BTreeMap::new();
    for p in org.persons() {
        *status.entry(p.status.as_str()).or_insert(0) += 1;
        *disciplines.entry(p.discipline.as_str()).or_insert(0) += 1;
    }
    let mut spans = BTreeMap::new();
    for p in org.persons() {
        let n = org.report_count(p.id);
        if n > 0 {
            *spans.entry(n).or_insert(0) += 1;
        }
    }
    let mut sizes = BTreeMap::new();
    for u in org.units().filter(|u| u.kind != UnitKind::Group) {
        *sizes.entry(org.members(u.id).count()).or_insert(0) += 1;
    }
    let mut seats: HashMap<_, (u32, u32)> = HashMap::new();
    for m in org.memberships() {
        let e = seats.entry(m.person).or_default();
        e.0 += 1;
        e.1 += m.allocation;
    }
    let mut depth = BTreeMap::new();
    for p in org.persons() {
        let mut d = 1;
        let mut cur = p.manager;
        while let Some(m) = cur {
            d += 1;
            cur = org.person(m).unwrap().manager;
        }
        *depth.entry(d).or_insert(0) += 1;
    }
    let mut modes = BTreeMap::new();
    for i in org.interactions() {
        *modes.entry(i.mode.as_str()).or_insert(0) += 1;
    }
    let leaves: Vec<_> = org
        .areas()
        .filter(|a| org.child_areas(a.id).next().is_none())
        .collect();
    println!("people        {}", org.person_count());
    println!("status        {status:?}");
    println!("disciplines   {disciplines:?}");
    println!("units         {kinds:?}");
    println!("team sizes    {sizes:?}");
    println!("spans         {spans:?}");
    println!("depth         {depth:?}");
    println!(
        "split         {} (over 100%: {})",
        seats.values().filter(|s| s.0 > 1).count(),
        seats.values().filter(|s| s.1 > 100).count()
    );
    println!("dotted lines  {}", org.dotted_lines().count());
    println!(
        "areas         {} ({} leaves, {} without owner), contributors {}",
        org.areas().count(),
        leaves.len(),
        leaves.iter().filter(|a| a.owner.is_none()).count(),
        org.contributors().count()
    );
    println!("interactions  {modes:?}");
    let open = org
        .persons()
        .filter(|p| p.status == PersonStatus::OpenPosition)
        .count();
    println!("open          {open}");
    println!("problems      {}", org.problems().len());
}
