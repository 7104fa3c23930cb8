//! Gazetteer figures (prints numbers; not a pass/fail test):
//! process start to exit of `journeymap geocode Hanoi` (median of N runs),
//! peak RSS of that process, in-process open and lookup times, and the size
//! of the bundled data. Targets (issue 2): ≤ 50 ms, ≤ 200 MB.
//!
//! Run: `cargo bench --bench gazetteer` (release profile).

use journeymap::gazetteer::{Context, Gazetteer};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 30;

fn main() {
    let exe = env!("CARGO_BIN_EXE_journeymap");
    process_figures(exe);
    in_process_figures();
    data_figures();
}

fn process_figures(exe: &str) {
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new(exe)
            .args(["geocode", "Hanoi"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run journeymap");
        times.push(start.elapsed());
        assert!(status.success(), "journeymap geocode Hanoi failed");
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "geocode Hanoi, process start to exit ({RUNS} runs): median {:.1} ms, min {:.1} ms, max {:.1} ms (target <= 50 ms)",
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
    println!(
        "geocode Hanoi, peak RSS of the child: {:.1} MB (target <= 200 MB)",
        children_max_rss_kb() as f64 / 1024.0
    );
}

/// Largest resident set of any reaped child, from getrusage (kB on Linux).
fn children_max_rss_kb() -> i64 {
    // SAFETY: getrusage only writes into the zeroed struct we pass it.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) != 0 {
            return -1;
        }
        usage.ru_maxrss
    }
}

fn in_process_figures() {
    let start = Instant::now();
    let g = Gazetteer::bundled();
    let open = start.elapsed();
    println!(
        "Gazetteer::bundled() first call: {:.3} ms ({} places)",
        open.as_secs_f64() * 1000.0,
        g.len()
    );
    let queries = [
        "Hanoi",
        "Dong Dang",
        "Pingxiang",
        "평양",
        "Springfield",
        "HAN",
    ];
    let n = 2000;
    let start = Instant::now();
    let mut found = 0usize;
    for i in 0..n {
        found += g
            .candidates(queries[i % queries.len()], &Context::default())
            .len();
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / n as f64;
    println!(
        "candidates(): {per:.1} µs per query (mix of {} names, {found} candidates)",
        queries.len()
    );
    let start = Instant::now();
    let mut hits = 0usize;
    for i in 0..n * 10 {
        hits += usize::from(g.is_prefix(["sino korean", "noi bai", "ha", "kim jong"][i % 4]));
    }
    let per = start.elapsed().as_secs_f64() * 1e9 / (n * 10) as f64;
    println!("is_prefix(): {per:.0} ns per call ({hits} true)");
}

fn data_figures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer");
    let mut total = 0u64;
    let mut files: Vec<(String, u64)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| {
                    Some((
                        e.file_name().to_string_lossy().into_owned(),
                        e.metadata().ok()?.len(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for (name, len) in &files {
        total += len;
        println!("  data/gazetteer/{name}: {:.2} MB", *len as f64 / 1e6);
    }
    println!(
        "data/gazetteer total: {:.2} MB (budget 30 MB)",
        total as f64 / 1e6
    );
    let exe = env!("CARGO_BIN_EXE_journeymap");
    if let Ok(m) = std::fs::metadata(exe) {
        println!(
            "journeymap binary (index embedded): {:.1} MB",
            m.len() as f64 / 1e6
        );
    }
}
