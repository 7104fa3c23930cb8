//! Geoparsing speed: MB/s of article text per core once the gazetteer is
//! loaded (target ≥ 20 MB/s), and the cold `journeymap places seeds/*.txt`
//! run from process start to exit (target ≤ 100 ms). Prints the numbers.
//!
//! Run: `cargo bench --bench geoparse`

use journeymap::gazetteer::Gazetteer;
use journeymap::geoparse::geoparse_text;
use std::time::{Duration, Instant};

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut seeds: Vec<String> = std::fs::read_dir(format!("{root}/seeds"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| p.to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    seeds.sort();
    let g = Gazetteer::bundled();
    // Corpus: the seeds plus LGL/GeoVirus article text when present.
    let mut texts: Vec<String> = seeds
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    for f in ["../shared/eval/lgl.xml", "../shared/eval/GeoVirus.xml"] {
        let path = std::env::var("JOURNEYMAP_EVAL_DIR")
            .map(|d| format!("{d}/{}", f.rsplit('/').next().unwrap_or(f)))
            .unwrap_or_else(|_| format!("{root}/{f}"));
        if let Ok(xml) = std::fs::read_to_string(&path) {
            if let Ok((articles, _)) = journeymap::geoparse::eval::read_corpus(&xml) {
                texts.extend(articles.into_iter().map(|a| a.text));
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    // The first pass fills the per-thread look-up memo; later passes show
    // the steady state of a long run.
    let mut best = Duration::MAX;
    for pass in 0..4 {
        let t = Instant::now();
        let n: usize = texts
            .iter()
            .enumerate()
            .map(|(i, t)| geoparse_text(g, i, t).len())
            .sum();
        let took = t.elapsed();
        std::hint::black_box(n);
        if pass == 0 {
            println!(
                "geoparse first pass (cold memo): {:.1} MB/s",
                bytes as f64 / 1e6 / took.as_secs_f64()
            );
        } else {
            best = best.min(took);
        }
    }
    let mbs = bytes as f64 / 1e6 / best.as_secs_f64();
    println!(
        "geoparse throughput: {:.2} MB in {:.1} ms = {mbs:.1} MB/s (one core, warm memo, best of 3)",
        bytes as f64 / 1e6,
        best.as_secs_f64() * 1e3
    );

    let exe = env!("CARGO_BIN_EXE_journeymap");
    let mut runs = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let ok = std::process::Command::new(exe)
            .arg("places")
            .args(&seeds)
            .current_dir(root)
            .output()
            .is_ok_and(|o| o.status.success());
        runs.push(t.elapsed());
        assert!(ok, "journeymap places failed");
    }
    runs.sort();
    println!(
        "cold `journeymap places seeds/*.txt`: median {:.1} ms, min {:.1} ms (5 runs)",
        runs[2].as_secs_f64() * 1e3,
        runs[0].as_secs_f64() * 1e3
    );
}
