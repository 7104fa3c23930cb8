//! Routing benchmarks (harness = false; prints figures, run with
//! `cargo bench --bench route`):
//!
//! 1. the bundled network: process start to exit of
//!    `journeymap route --mode rail --from Pyongyang --to "Dong Dang"`
//!    (target ≤ 60 ms), and the in-process load + query;
//! 2. a synthetic graph of 1 million nodes (a 1000 × 1000 grid, ~1 km
//!    spacing, jittered, one diagonal per cell): 4 fixed and 100 random
//!    queries (target ≤ 100 ms each; median and worst printed), first with
//!    the geodesic bound only, then after building 16 landmarks (time
//!    printed), checking that both give the same lengths; the process's
//!    peak resident memory (target ≤ 300 MB); the network file with
//!    landmarks, its load time and a query on it. Knobs: `JM_LANDMARKS=K`,
//!    `JM_RANDOM_PAIRS=N`, `JM_SKIP_PLAIN=1`;
//! 3. `.osm.pbf` import throughput on a synthetic extract written as OSM XML
//!    and converted by `osmium cat` (osmium-tool must be installed).

use journeymap::measure::LatLon;
use journeymap::mode::Mode;
use journeymap::network::graph::{Graph, GraphBuilder, LineInfo};
use journeymap::network::lines::LineKind;
use journeymap::network::search::{shortest_path, Profile};
use journeymap::network::{import, Network};
use journeymap::route::{route_leg, RoutePoint};
use std::io::Write;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn bundled() {
    let exe = env!("CARGO_BIN_EXE_journeymap");
    let args = [
        "route",
        "--mode",
        "rail",
        "--from",
        "Pyongyang",
        "--to",
        "Dong Dang",
    ];
    let mut times = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let out = std::process::Command::new(exe)
            .args(args)
            .output()
            .expect("run journeymap");
        times.push(t.elapsed());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    println!(
        "bundled: `journeymap {}` process start to exit: median {:.1} ms over 15 runs (target ≤ 60 ms)",
        args.join(" "),
        median(times).as_secs_f64() * 1e3
    );
    let t = Instant::now();
    for mode in [Mode::Rail, Mode::Road] {
        journeymap::network::lines::LineSet::bundled(mode).expect("bundled lines");
    }
    let parse = t.elapsed();
    let t = Instant::now();
    let net = Network::bundled().expect("bundled network");
    let load = t.elapsed();
    println!(
        "bundled: in-process parse of rail/*.toml + road.toml {:.2} ms, graph build {:.2} ms",
        parse.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let leg = route_leg(
        &net,
        Mode::Rail,
        &RoutePoint::new("Pyongyang", LatLon::new(39.0247, 125.7414)),
        &RoutePoint::new("Dong Dang", LatLon::new(21.9559, 106.7008)),
        &[],
    );
    println!(
        "bundled: query {:.2} ms (routed {}, {:.0} km)",
        t.elapsed().as_secs_f64() * 1e3,
        leg.routed,
        leg.length.0
    );
}

fn synthetic_grid(side: usize) -> Graph {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut b = GraphBuilder::new(Mode::Road);
    let line = b.add_line(LineInfo::new("grid", LineKind::Highway, None));
    let step = 0.009; // ~1 km of latitude
    for i in 0..side {
        for j in 0..side {
            let lat = 40.0 + i as f64 * step + (rng.next() - 0.5) * step * 0.4;
            let lon = 100.0 + j as f64 * step * 1.3 + (rng.next() - 0.5) * step * 0.4;
            b.add_node(LatLon::new(lat, lon), None);
        }
    }
    let id = |i: usize, j: usize| (i * side + j) as u32;
    for i in 0..side {
        for j in 0..side {
            if j + 1 < side {
                b.add_edge(id(i, j), id(i, j + 1), line, &[]);
            }
            if i + 1 < side {
                b.add_edge(id(i, j), id(i + 1, j), line, &[]);
            }
            if i + 1 < side && j + 1 < side {
                if rng.next() < 0.5 {
                    b.add_edge(id(i, j), id(i + 1, j + 1), line, &[]);
                } else {
                    b.add_edge(id(i, j + 1), id(i + 1, j), line, &[]);
                }
            }
        }
    }
    b.finish().expect("grid graph")
}

/// A number from the environment (bench experiments: JM_LANDMARKS,
/// JM_RANDOM_PAIRS, JM_SKIP_PLAIN).
fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Landmarks the 1M-node bench builds (2 bytes per node each).
const LANDMARKS: usize = 16;

/// Runs each query 3 times; prints each median and the median and worst of
/// the medians; returns the path lengths, km.
fn time_queries(g: &Graph, pairs: &[(String, u32, u32)], how: &str) -> Vec<f64> {
    let mut lengths = Vec::new();
    let mut medians = Vec::new();
    for (what, from, to) in pairs {
        let mut times = Vec::new();
        let mut km = 0.0;
        for _ in 0..3 {
            let t = Instant::now();
            let p = shortest_path(g, Profile::Road, *from, *to).expect("connected grid");
            times.push(t.elapsed());
            km = p.length.0;
        }
        let m = median(times);
        if !what.starts_with("random") {
            println!(
                "synthetic: {how}: {what} ({km:.0} km): median {:.1} ms of 3",
                m.as_secs_f64() * 1e3
            );
        }
        lengths.push(km);
        medians.push(m);
    }
    let (worst, w) = medians
        .iter()
        .enumerate()
        .map(|(i, m)| (*m, i))
        .max()
        .unwrap_or_default();
    println!(
        "synthetic: {how}: {} queries (4 above + {} random pairs): median {:.1} ms, worst {:.1} ms ({}, {:.0} km; target ≤ 100 ms)",
        medians.len(),
        medians.len() - 4,
        median(medians).as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        pairs[w].0,
        lengths[w]
    );
    lengths
}

fn million() {
    let side = 1000;
    let t = Instant::now();
    let g = synthetic_grid(side);
    let build = t.elapsed();
    let t = Instant::now();
    let _ = g.node_index();
    let index = t.elapsed();
    println!(
        "synthetic: {} nodes, {} edges built in {:.2} s; R-tree {:.0} ms",
        g.node_count(),
        g.edge_count(),
        build.as_secs_f64(),
        index.as_secs_f64() * 1e3
    );
    let mut rng = Rng(7);
    let mut pairs: Vec<(String, u32, u32)> = [
        ("corner to corner", (0usize, 0usize), (side - 1, side - 1)),
        ("other corners", (0, side - 1), (side - 1, 0)),
        ("across, 800 km", (100, 100), (900, 900)),
        ("medium, 300 km", (200, 500), (500, 700)),
    ]
    .iter()
    .map(|(what, a, b)| {
        (
            what.to_string(),
            (a.0 * side + a.1) as u32,
            (b.0 * side + b.1) as u32,
        )
    })
    .collect();
    let n = g.node_count();
    let random: usize = env_usize("JM_RANDOM_PAIRS").unwrap_or(100);
    for i in 0..random {
        let a = ((rng.next() * n as f64) as usize).min(n - 1) as u32;
        let b = ((rng.next() * n as f64) as usize).min(n - 1) as u32;
        pairs.push((format!("random {i}"), a, b));
    }
    let mut g = g;
    let plain = if env_usize("JM_SKIP_PLAIN").is_some() {
        Vec::new()
    } else {
        time_queries(&g, &pairs, "A*, geodesic bound")
    };
    let k: usize = env_usize("JM_LANDMARKS").unwrap_or(LANDMARKS);
    let t = Instant::now();
    g.build_landmarks(k);
    println!(
        "synthetic: {k} landmarks (ALT) built in {:.2} s ({:.0} MB)",
        t.elapsed().as_secs_f64(),
        (k * n * 2) as f64 / 1e6
    );
    if let Some(lm) = g.landmarks() {
        let at: Vec<String> = lm
            .nodes()
            .iter()
            .map(|&v| format!("({}, {})", v as usize / side, v as usize % side))
            .collect();
        println!(
            "synthetic: landmarks at grid (row, column): {}",
            at.join(" ")
        );
    }
    let alt = time_queries(&g, &pairs, "A*, landmark bound (geodesic where 0)");
    for ((what, a), b) in pairs.iter().map(|p| &p.0).zip(&plain).zip(&alt) {
        assert!(
            (a - b).abs() <= 1e-9 * a.max(1.0),
            "{what}: {a} km without landmarks, {b} km with"
        );
    }
    println!(
        "synthetic: same path lengths with and without landmarks on all {} queries",
        plain.len()
    );
    let snap = Instant::now();
    let s = g.snap(
        LatLon::new(44.0, 105.0),
        journeymap::measure::Km(30.0),
        Profile::Road,
    );
    println!(
        "synthetic: one snap {:.3} ms ({s:?})",
        snap.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "synthetic: memory: resident {:.0} MB now, peak {:.0} MB (target ≤ 300 MB)",
        rss_mb("VmRSS:"),
        rss_mb("VmHWM:")
    );
    let bytes = journeymap::network::file::to_bytes(&g);
    let (from, to) = (pairs[1].1, pairs[1].2);
    drop(g);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("grid.net");
    std::fs::write(&path, &bytes).expect("write");
    let t = Instant::now();
    let loaded = journeymap::network::file::load(&path).expect("load");
    println!(
        "synthetic: network file with landmarks {:.0} MB loads (read, checksum, checks, adjacency) in {:.0} ms, {} nodes",
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64() * 1e3,
        loaded.node_count()
    );
    let t = Instant::now();
    let p = shortest_path(&loaded, Profile::Road, from, to).expect("connected grid");
    println!(
        "synthetic: on the loaded file ({} landmarks): other corners {:.0} km in {:.1} ms",
        loaded.landmarks().map_or(0, |l| l.nodes().len()),
        p.length.0,
        t.elapsed().as_secs_f64() * 1e3
    );
}

fn pbf_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let osm = dir.path().join("synthetic.osm");
    let pbf = dir.path().join("synthetic.osm.pbf");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&osm).expect("create"));
    let (ways, per_way) = (2000usize, 250usize);
    let mut rng = Rng(42);
    writeln!(
        f,
        "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"bench\">"
    )
    .expect("w");
    for w in 0..ways {
        for k in 0..per_way {
            let lat = 20.0 + (w / 50) as f64 * 0.05 + rng.next() * 0.001;
            let lon = 100.0 + (w % 50) as f64 * 0.05 + k as f64 * 0.0002;
            writeln!(
                f,
                " <node id=\"{}\" version=\"1\" lat=\"{lat:.7}\" lon=\"{lon:.7}\"/>",
                w * per_way + k + 1
            )
            .expect("w");
        }
    }
    for w in 0..ways {
        write!(f, " <way id=\"{}\" version=\"1\">", w + 1).expect("w");
        for k in 0..per_way {
            write!(f, "<nd ref=\"{}\"/>", w * per_way + k + 1).expect("w");
        }
        // Join each way to the next one's start so the network is connected.
        if w + 1 < ways {
            write!(f, "<nd ref=\"{}\"/>", (w + 1) * per_way + 1).expect("w");
        }
        writeln!(
            f,
            "<tag k=\"railway\" v=\"rail\"/><tag k=\"name\" v=\"Line {}\"/></way>",
            w % 17
        )
        .expect("w");
    }
    writeln!(f, "</osm>").expect("w");
    drop(f);
    let st = std::process::Command::new("osmium")
        .args(["cat", &osm.to_string_lossy(), "-o", &pbf.to_string_lossy()])
        .status();
    if !matches!(st, Ok(s) if s.success()) {
        println!("pbf import: osmium-tool not available, skipped (apt-get install osmium-tool)");
        return;
    }
    for (what, path) in [("osm.pbf", &pbf), ("osm XML", &osm)] {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        let t = Instant::now();
        let g = import::import(path, Mode::Rail, &mut |_, _| {}).expect("import");
        let secs = t.elapsed().as_secs_f64();
        println!(
            "import {what}: {size:.1} MB, {} way nodes → {} graph nodes, {} edges in {secs:.2} s: {:.1} MB/s",
            ways * per_way,
            g.node_count(),
            g.edge_count(),
            size / secs
        );
    }
}

fn main() {
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let run = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    if run("bundled") {
        bundled();
    }
    if run("pbf") {
        pbf_import();
    }
    if run("million") {
        million();
    }
}
