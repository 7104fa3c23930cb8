//! Time per run of claim extraction and the report on the seed articles
//! (target: ≤ 10 ms added to a run). Run with
//! `cargo bench --bench claims`; prints the mean and best time per run.
//!
//! The itinerary is a stand-in for the pipeline's (Pyongyang → Dong Dang by
//! rail in four legs, Dong Dang → Hanoi by road), with densified geodesic
//! geometry so the report does the same work as on routed legs.

use journeymap::claims;
use journeymap::itinerary::{Itinerary, Journey, Leg, Role, Waypoint};
use journeymap::measure::{densify_geodesic, geodesic_length, Km, LatLon};
use journeymap::mode::Mode;
use journeymap::report;
use journeymap::route::{LineUse, RoutedLeg};
use journeymap::text::Document;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn stand_in() -> (Itinerary, Vec<RoutedLeg>) {
    let stops = [
        ("Pyongyang", 39.0339, 125.7543, Mode::Rail),
        ("Dandong", 40.1292, 124.3947, Mode::Rail),
        ("Tianjin", 39.1422, 117.1767, Mode::Rail),
        ("Wuhan", 30.5833, 114.2667, Mode::Rail),
        ("Nanning", 22.8167, 108.3167, Mode::Rail),
        ("Dong Dang", 21.9569, 106.7083, Mode::Road),
        ("Hanoi", 21.0245, 105.8412, Mode::Road),
    ];
    let n = stops.len();
    let waypoints = stops
        .iter()
        .enumerate()
        .map(|(i, &(name, lat, lon, _))| Waypoint {
            name: name.into(),
            place_id: None,
            country: None,
            lat,
            lon,
            role: match i {
                0 => Role::Origin,
                i if i == n - 1 => Role::Destination,
                _ => Role::Via,
            },
            confidence: 1.0,
            evidence: Vec::new(),
        })
        .collect();
    let mut legs = Vec::new();
    let mut routed = Vec::new();
    for i in 0..n - 1 {
        let mode = stops[i].3;
        legs.push(Leg {
            mode,
            confidence: 1.0,
            evidence: Vec::new(),
        });
        let a = LatLon::new(stops[i].1, stops[i].2);
        let b = LatLon::new(stops[i + 1].1, stops[i + 1].2);
        let geometry = densify_geodesic(a, b, Km(5.0));
        let length = geodesic_length(&geometry);
        routed.push(RoutedLeg {
            journey: 0,
            leg: i,
            mode,
            from: stops[i].0.into(),
            to: stops[i + 1].0.into(),
            geometry,
            length,
            routed: true,
            stops: Vec::new(),
            lines: vec![LineUse {
                line: format!("line {i}"),
                length,
                official: None,
            }],
            warnings: Vec::new(),
        });
    }
    let itinerary = Itinerary {
        journeys: vec![Journey {
            traveller: "Kim Jong Un".into(),
            waypoints,
            legs,
            notes: Vec::new(),
        }],
    };
    (itinerary, routed)
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .map(|p| {
            Document::from_text(
                p.display().to_string(),
                std::fs::read_to_string(p).expect("read seed"),
            )
        })
        .collect();
    let (itinerary, routed) = stand_in();
    let run = || {
        let found = claims::extract_all(&docs);
        let r = report::build(&itinerary, &routed, &found);
        (
            report::to_markdown(&r).len(),
            report::to_json(&r).len(),
            found.len(),
        )
    };
    let (md, json, n) = run();
    // CLAIMS_BENCH_OUT=dir writes the stand-in report there, to look at.
    if let Ok(out) = std::env::var("CLAIMS_BENCH_OUT") {
        let r = report::build(&itinerary, &routed, &claims::extract_all(&docs));
        let out = std::path::Path::new(&out);
        journeymap::output::write_atomic(
            &out.join("report.md"),
            report::to_markdown(&r).as_bytes(),
        )
        .expect("write report.md");
        journeymap::output::write_atomic(&out.join("report.json"), report::to_json(&r).as_bytes())
            .expect("write report.json");
        print!("{}", report::summary(&r));
    }
    let runs = 200;
    let mut best = Duration::MAX;
    let start = Instant::now();
    for _ in 0..runs {
        let t = Instant::now();
        black_box(run());
        best = best.min(t.elapsed());
    }
    let mean = start.elapsed() / runs;
    println!(
        "claims+report on {} seeds: {n} claims, report.md {md} B, report.json {json} B",
        docs.len()
    );
    println!("time per run: mean {mean:?}, best {best:?} ({runs} runs; target ≤ 10 ms)");
}
