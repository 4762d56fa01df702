//! Writes the benchmark's generated org chart as JSON, or times `layout_forest` on such a file,
//! for the d3-flextree comparison in `tests/bench/layout-compare`.
//!
//! ```text
//! cargo run --release -p topograph-layout --example dump_tree -- OUT.json [--nodes N] [--seed S]
//! cargo run --release -p topograph-layout --example dump_tree -- --time IN.json [--runs R]
//! ```
//! Timing mode prints one JSON line with the median milliseconds of `layout_forest`, measured
//! after warm-up runs, both with the file's options and with stacking off (the latter does the
//! same job as flextree, which has no stacking).

use std::hint::black_box;
use std::time::Instant;

use serde::{Deserialize, Serialize};
use topograph_layout::{layout_forest, LayoutOptions, NodeInput};

#[path = "../support/synthetic.rs"]
mod synthetic;

#[derive(Serialize, Deserialize)]
struct Dump {
    options: LayoutOptions,
    nodes: Vec<NodeInput>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| v.parse().expect("a number"))
    };
    let result = if let Some(i) = args.iter().position(|a| a == "--time") {
        let path = args.get(i + 1).expect("--time needs a file");
        time(path, flag("--runs", 15) as usize)
    } else if let Some(path) = args.first().filter(|a| !a.starts_with("--")) {
        dump(path, flag("--nodes", 100_000) as usize, flag("--seed", 42))
    } else {
        Err("usage: dump_tree OUT.json [--nodes N] [--seed S] | dump_tree --time IN.json [--runs R]".into())
    };
    if let Err(e) = result {
        eprintln!("dump_tree: {e}");
        std::process::exit(2);
    }
}

fn dump(path: &str, n: usize, seed: u64) -> Result<(), Box<dyn std::error::Error>> {
    let dump = Dump {
        options: LayoutOptions::default(),
        nodes: synthetic::synthetic_org(n, seed),
    };
    std::fs::write(path, serde_json::to_vec(&dump)?)?;
    println!(
        "{}",
        serde_json::json!({ "wrote": path, "nodes": n, "seed": seed })
    );
    Ok(())
}

fn time(path: &str, runs: usize) -> Result<(), Box<dyn std::error::Error>> {
    let dump: Dump = serde_json::from_slice(&std::fs::read(path)?)?;
    let flat = LayoutOptions {
        stack_leaves_from: usize::MAX,
        ..dump.options.clone()
    };
    let unstacked = median_ms(&dump.nodes, &flat, runs)?;
    let stacked = median_ms(&dump.nodes, &dump.options, runs)?;
    println!(
        "{}",
        serde_json::json!({
            "nodes": dump.nodes.len(),
            "runs": runs,
            "rust_ms": unstacked,
            "rust_stacked_ms": stacked,
        })
    );
    Ok(())
}

fn median_ms(
    nodes: &[NodeInput],
    o: &LayoutOptions,
    runs: usize,
) -> Result<f64, Box<dyn std::error::Error>> {
    for _ in 0..3 {
        black_box(layout_forest(nodes, o)?);
    }
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let layout = layout_forest(black_box(nodes), o)?;
        ms.push(t.elapsed().as_secs_f64() * 1e3);
        // Freeing is left out of the timing, as a garbage collector leaves it out of flextree's.
        drop(black_box(layout));
    }
    ms.sort_by(f64::total_cmp);
    Ok(ms[ms.len() / 2])
}
